package criteria

import "github.com/shopspring/decimal"

// MarkBy is one evaluator's own mark with the reasons for it.
func MarkBy(evaluator string, mark decimal.Decimal, rationale string) EvaluatorMark {
	return EvaluatorMark{Evaluator: evaluator, Mark: mark, Rationale: rationale}
}

// Agreed is the record of a question moderated to a consensus
// ([ConsensusMark]): the mark the evaluators agreed, with its recorded
// reason, and each evaluator's own mark for the audit trail. At least one
// evaluator's mark is needed; [QualityRule.Check] says so when none is
// given.
func Agreed(mark decimal.Decimal, rationale string, own ...EvaluatorMark) Marks {
	return Marks{Evaluators: own, Consensus: &Consensus{Mark: mark, Rationale: rationale}}
}

// Evaluated is the record of a question scored on the mean of the
// evaluators' marks ([MeanMark]): each evaluator's own mark with its
// reasons, which are then the explanation a bidder is given.
func Evaluated(own ...EvaluatorMark) Marks {
	return Marks{Evaluators: own}
}
