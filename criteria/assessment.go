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
	notes() []string
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
// field: it scores full marks").
func (a Assessment) Notes() []string {
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

// Step is one line of working. Uses lists, by position in the field passed
// to the method, the other responses whose figures appear in Text, so that
// a renderer can tell when a line would disclose another bidder's figures.
type Step struct {
	Text string
	Uses []int
}

func step(text string, uses ...int) Step { return Step{Text: text, Uses: uses} }
