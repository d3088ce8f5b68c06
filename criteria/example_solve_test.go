package criteria_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// The relative method solved for a price: with the lowest price £100,000, a
// bid scores 0.8 of the marks at 100,000 ÷ 0.8 = £125,000, and a rival at
// £150,000 is held to 0.8 once the lowest falls to 0.8 × 150,000 = £120,000.
func ExamplePriceRule_PriceAt() {
	rule := criteria.PriceRule{Method: criteria.Relative}
	score, _ := exact.NewFraction(decimal.NewFromInt(4), decimal.NewFromInt(5))
	at, _ := rule.PriceAt(score, exact.Int(100000), exact.Int(200000))
	lowest, _ := rule.LowestAt(score, exact.Int(150000), exact.Int(200000))
	fmt.Println(at, lowest, rule.ScoreIn(at, exact.Int(100000), exact.Int(200000)))
	// Output: 125000 120000 0.8
}
