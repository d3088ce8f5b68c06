package criteria

import "github.com/tenderscore/tenderscore/exact"

// Assessment is one response's normalised score with the working behind it.
type Assessment struct {
	// Input is the response as assessed, in words: "£15,000.00",
	// "consensus mark 3 (Good) of 4".
	Input string
	// Value is the normalised score, exactly, between 0 and 1.
	Value exact.Fraction
	// Working is the calculation, step by step, with the actual numbers.
	Working []Step
	// Notes are plain statements about special cases met ("only one bid in
	// the field: it scores full marks").
	Notes []string
	// Rationale is the evaluators' recorded reasoning behind a mark: the
	// consensus rationale, or every evaluator's under the mean; for social
	// value, the reasoning behind the method statement's mark.
	Rationale []string
}

// Step is one line of working. Uses lists, by position in the field passed
// to the method, the other responses whose figures appear in Text, so that
// a renderer can tell when a line would disclose another bidder's figures.
type Step struct {
	Text string
	Uses []int
}

func step(text string, uses ...int) Step { return Step{Text: text, Uses: uses} }
