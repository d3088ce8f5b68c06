package analysis

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// TestSolvedPricesMatchTheSearch checks that starting the search for the
// price to win from the solved candidates finds, for every bid, the answer
// the search alone finds: random fields of fictional bids with repeated
// prices and marks, leaf rounding in every mode and to 0–3 places, with
// and without a maximum budget.
func TestSolvedPricesMatchTheSearch(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := decimal.RequireFromString
		rule := &criteria.PriceRule{Method: criteria.Relative}
		if rapid.Bool().Draw(t, "budget") {
			rule.MaxBudget, rule.OverBudget = d("90000"), criteria.ScoreZeroOverBudget
		}
		q := func(id, w string) score.Criterion {
			return score.Criterion{ID: id, Title: id, Weight: d(w), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
		}
		var rounding []score.RoundingRule
		if rapid.Bool().Draw(t, "declared") {
			rounding = []score.RoundingRule{{Stage: score.LeafPoints, Places: int32(rapid.IntRange(0, 3).Draw(t, "places")),
				Mode: rapid.SampledFrom(exact.Modes()).Draw(t, "mode")}}
		}
		tn := refTender(score.Policy{
			Rounding:  rounding,
			Criteria:  []score.Criterion{{ID: "price", Title: "Price", Weight: d("40"), Price: rule}, {ID: "quality", Title: "Quality", Weight: d("60"), Children: []score.Criterion{q("q1", "60"), q("q2", "40")}}},
			TieBreaks: []score.TieBreak{{Kind: score.HigherPoints, Criterion: "quality"}, {Kind: score.LowerPrice}},
		})
		var bids []score.Bid
		var prices []int64
		for i := range rapid.IntRange(2, 7).Draw(t, "bids") {
			p := rapid.Int64Range(2000, 10000).Draw(t, "price") * 10
			if i > 0 && rapid.Bool().Draw(t, "repeat") {
				p = prices[rapid.IntRange(0, i-1).Draw(t, "of")]
			}
			prices = append(prices, p)
			m := func(label string) score.Response {
				v := decimal.NewFromInt(rapid.Int64Range(0, 4).Draw(t, label))
				return score.Response{Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E", Mark: v}}, Consensus: &criteria.Consensus{Mark: v, Rationale: "agreed"}}}
			}
			id := fmt.Sprintf("B%d", i)
			bids = append(bids, score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
				Responses: map[string]score.Response{"price": {Price: criteria.Amount(decimal.NewFromInt(p))}, "q1": m("q1"), "q2": m("q2")}})
		}
		f, err := newField(tn, "L1", bids)
		require.NoError(t, err)
		g, err := newField(tn, "L1", bids)
		require.NoError(t, err)
		g.reference = true
		for _, s := range f.base.Standings {
			got, err := f.priceToWin(s.BidID)
			require.NoError(t, err)
			want, err := g.priceToWin(s.BidID)
			require.NoError(t, err)
			if got.Answer != want.Answer || !got.Price.Equal(want.Price) || got.Explanation() != want.Explanation() {
				t.Fatalf("bid %s: solved %s %s, searched %s %s\n%s\n%s", s.BidID, got.Answer, got.Price, want.Answer, want.Price, got.Explanation(), want.Explanation())
			}
		}
	})
}
