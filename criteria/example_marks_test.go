package criteria_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
)

// A consensus mark with its reason, beside each evaluator's own mark.
func ExampleAgreed() {
	rule := criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
	marks := criteria.Agreed(decimal.NewFromInt(3), "a clear plan for every site, staffed from day one",
		criteria.MarkBy("E1", decimal.NewFromInt(3), "clear plan"),
		criteria.MarkBy("E2", decimal.NewFromInt(2), "staffing thin in month one"))
	a, problems := rule.Assess(marks)
	if len(problems) > 0 {
		fmt.Println(problems)
		return
	}
	fmt.Println(a.Input(), "→", a.Value)
	fmt.Println(a.Rationale()[0])
	// Output:
	// consensus mark 3 (Good) of 4 → 0.75
	// a clear plan for every site, staffed from day one
}

// Marks scored on their mean: each evaluator's reasons are the explanation.
func ExampleEvaluated() {
	rule := criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.MeanMark}
	a, problems := rule.Assess(criteria.Evaluated(
		criteria.MarkBy("E1", decimal.NewFromInt(3), "clear plan"),
		criteria.MarkBy("E2", decimal.NewFromInt(2), "staffing thin in month one")))
	if len(problems) > 0 {
		fmt.Println(problems)
		return
	}
	fmt.Println(a.Input(), "→", a.Value)
	// Output:
	// mean mark 2.5 of 4 from 2 evaluators → 0.625
}

// An engine scoring many bids on one question prepares the rule once.
// Score gives the numbers alone; Assess the same marks, when someone reads
// the assessment, for the words.
func ExampleMarker_Score() {
	rule := criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.MeanMark,
		MinMark: func() *decimal.Decimal { d := decimal.NewFromInt(2); return &d }()}
	marker := rule.Marker()
	marks := criteria.Evaluated(criteria.MarkBy("E1", decimal.NewFromInt(2), "thin"), criteria.MarkBy("E2", decimal.NewFromInt(1), "thinner"))
	s, _ := marker.Score(marks)
	fmt.Println(s.Mark, "of", s.Max, "→", s.Value, "below the minimum:", s.BelowMinimum, "words:", s.Input() == "")
	a, _ := marker.Assess(marks)
	fmt.Println(a.Input(), "→", a.Value)
	// Output:
	// 1.5 of 4 → 0.375 below the minimum: true words: true
	// mean mark 1.5 of 4 from 2 evaluators → 0.375
}
