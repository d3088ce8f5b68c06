package criteria_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// ProZorro's MEAT rule on the features of its own test tender
// (openprocurement.api, belowthreshold/tests/base.py): a bidder choosing
// 0.1 on both features divides its price by 9/7 — the denominator
// 1.2857142857142858 of ProZorro's tutorial award, whose bid of 499 is
// compared at 388.11 once rounded to two places as ProZorro rounds it.
func ExampleFeatureRule_Adjust() {
	d := decimal.RequireFromString
	rule := criteria.FeatureRule{Features: []criteria.Feature{
		{Code: "AIR-INTAKE", Title: "Air intake", Values: []criteria.FeatureValue{
			{Value: d("0.1"), Title: "up to 1000 W"}, {Value: d("0.15"), Title: "over 1000 W"}}},
		{Code: "YEARS", Title: "Years trading", Values: []criteria.FeatureValue{
			{Value: d("0.05"), Title: "up to 3 years"}, {Value: d("0.1"), Title: "3 to 5 years"}, {Value: d("0.15"), Title: "over 5 years"}}},
	}}
	if problems := rule.Validate(); len(problems) > 0 {
		fmt.Println(problems)
		return
	}
	chosen := map[string]decimal.Decimal{"AIR-INTAKE": d("0.1"), "YEARS": d("0.1")}
	a, err := rule.Adjust(d("499"), chosen)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range a.Working() {
		fmt.Println(s.Text)
	}
	fmt.Println("rounded as ProZorro rounds:", exact.Rounding{Places: 2, Mode: exact.HalfEven}.Apply(a.Price))
	// Output:
	// values chosen: Air intake 0.1 (up to 1000 W) + Years trading 0.1 (3 to 5 years) = 0.2
	// largest values published: Air intake 0.15 + Years trading 0.15 = 0.3
	// coefficient = 1 + 0.2 ÷ (1 − 0.3) = 1 + 0.2 ÷ 0.7 = 9/7 (1.2857142857…)
	// adjusted price = £499.00 ÷ 9/7 (1.2857142857…) = £388.1111111111…
	// rounded as ProZorro rounds: 388.11
}
