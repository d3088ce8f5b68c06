package criteria

import "github.com/tenderscore/tenderscore/exact"

// Assessment is one response's normalised score with the record of how it
// was reached. Assessing computes numbers only; the words — the response as
// assessed, the working step by step, the notes — are made from the record
// when a method below is called, typically by a renderer drawing one bid.
//
// Each criterion family keeps its records beside its formula, in its own
// file (price.go, quality.go, socialvalue.go, livingwage.go): the record
// holds the operation's operands and exact results, and a method words it.
type Assessment struct {
	// Value is the normalised score, exactly, between 0 and 1.
	Value exact.Fraction
	rec   record
}

// record is an assessment's explanation record: what its criterion family
// needs to word the assessment on demand. Records are never changed once
// made, so one can be worded any number of times, from any goroutine.
type record interface {
	input() string
	working() []Step
	notes() []Step
	rationale() []string
}

// Input is the response as assessed, in words: "£15,000.00", "consensus
// mark 3 (Good) of 4".
func (a Assessment) Input() string {
	if a.rec == nil {
		return ""
	}
	return a.rec.input()
}

// Working is the calculation, step by step, with the actual numbers.
func (a Assessment) Working() []Step {
	if a.rec == nil {
		return nil
	}
	return a.rec.working()
}

// Notes are plain statements about special cases met ("only one bid in the
// field: it scores full marks"); a note about the field as a whole is marked
// Field.
func (a Assessment) Notes() []Step {
	if a.rec == nil {
		return nil
	}
	return a.rec.notes()
}

// Rationale is the evaluators' recorded reasoning behind a mark: the
// consensus rationale, or every evaluator's under the mean; for social
// value, the reasoning behind the method statement's mark.
func (a Assessment) Rationale() []string {
	if a.rec == nil {
		return nil
	}
	return a.rec.rationale()
}

// Step is one line of working, or a note. Uses lists, by position in the
// field passed to the method, the other responses whose figures appear in
// Text, so that a renderer can tell when a line would disclose another
// bidder's figures. Field marks a line that states a fact about the field
// as a whole — how many responses it holds, that every price in it is the
// same, that none commits anything, how many prices were left out — which
// tells a reader about other bidders even when no figure of theirs
// appears: a document for one bidder withholds it.
type Step struct {
	Text  string
	Uses  []int
	Field bool
}

func step(text string, uses ...int) Step { return Step{Text: text, Uses: uses} }

// fieldStep is a line about the field as a whole (see [Step]).
func fieldStep(text string, uses ...int) Step { return Step{Text: text, Uses: uses, Field: true} }

// Texts returns the steps' texts; nil for none.
func Texts(steps []Step) []string {
	if len(steps) == 0 {
		return nil
	}
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.Text
	}
	return out
}
