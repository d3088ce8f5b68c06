package score_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// benchField builds one lot of n bids against 20 leaf criteria: price
// (relative) 40, quality 50 in 15 questions, social value 10 in 4.
func benchField(n int) (score.Tender, []score.Bid) {
	var quality, social []score.Criterion
	for i := range 15 {
		w := "6"
		if i < 10 {
			w = "7"
		}
		quality = append(quality, qualityCrit(fmt.Sprintf("q%02d", i), w))
	}
	for i := range 4 {
		social = append(social, qualityCrit(fmt.Sprintf("sv%d", i), "25"))
	}
	p := score.Policy{Criteria: []score.Criterion{
		priceCrit("price", "40", criteria.PriceRule{Method: criteria.Relative}),
		{ID: "quality", Title: "Quality", Weight: dec("50"), Children: quality},
		{ID: "sv", Title: "Social value", Weight: dec("10"), Category: score.SocialValue, Children: social},
	}, TieBreaks: []score.TieBreak{{Kind: score.HigherPoints, Criterion: "quality"}, {Kind: score.LowerPrice}}}
	bids := make([]score.Bid, n)
	for i := range n {
		r := map[string]score.Response{"price": {Price: criteria.Amount(decimal.NewFromInt(int64(500000 + (i*7919)%250000)))}}
		for j, c := range append(quality, social...) {
			r[c.ID] = marks(int64((i + j*3) % 5))
		}
		id := fmt.Sprintf("B%05d", i)
		bids[i] = score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1", Responses: r}
	}
	return tenderOf(lotOf(p)), bids
}

func benchmarkEvaluate(b *testing.B, n int) {
	t, bids := benchField(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := score.Evaluate(t, bids); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluate1000 and BenchmarkEvaluate10000 measure one lot of 1,000
// and 10,000 bids × 20 criteria, validation included. The cost should grow
// about linearly: ten times the bids, about ten times the time.
func BenchmarkEvaluate1000(b *testing.B)  { benchmarkEvaluate(b, 1000) }
func BenchmarkEvaluate10000(b *testing.B) { benchmarkEvaluate(b, 10000) }
