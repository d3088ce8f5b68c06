package analysis

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// TestReversalsSkipOnlyRemovalsThatMoveNothing checks that re-scoring only
// the removals that move a field figure finds every reversal that
// re-scoring every removal finds: random fields under each price method,
// with and without a maximum budget, with repeated prices, and sometimes
// apprenticeship starts scored relative to the best offer, whose best may
// be shared, or nothing, or held by a bid a minimum mark disqualifies
// after social value is assessed (the field it is assessed over is then
// more than the standings), beside bids a gate turns away.
func TestReversalsSkipOnlyRemovalsThatMoveNothing(t *testing.T) {
	cat := refCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		d := decimal.RequireFromString
		rule := &criteria.PriceRule{Method: rapid.SampledFrom([]criteria.PriceMethod{criteria.Relative, criteria.Linear, criteria.Band, criteria.Deduction}).Draw(t, "method")}
		switch rule.Method {
		case criteria.Band:
			rule.Floor, rule.Ceiling = d("20000"), d("80000")
		case criteria.Deduction:
			rule.Rate = d("1")
		}
		if rapid.Bool().Draw(t, "budget") {
			rule.MaxBudget, rule.OverBudget = d("90000"), criteria.ScoreZeroOverBudget
		}
		q := func(id string) score.Criterion {
			return score.Criterion{ID: id, Title: id, Weight: d("50"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
		}
		cs := []score.Criterion{{ID: "price", Title: "Price", Weight: d("50"), Price: rule}, {ID: "quality", Title: "Quality", Weight: d("50"), Children: []score.Criterion{q("q1"), q("q2")}}}
		if rapid.Bool().Draw(t, "minMark") {
			one := d("1")
			cs[1].Children[0].Quality.MinMark = &one
		}
		sv := rapid.Bool().Draw(t, "socialValue")
		if sv {
			cs[1].Weight = d("30")
			cs = append(cs, score.Criterion{ID: "appr", Title: "Apprenticeships", Weight: d("20"), SocialValue: &criteria.SocialValueRule{
				Catalogue: cat, Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisQuantity,
				Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}})
		}
		tn := refTender(score.Policy{
			Gates:     []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "ins", Title: "Insurance"}},
			Criteria:  cs,
			TieBreaks: []score.TieBreak{{Kind: score.HigherPoints, Criterion: "quality"}, {Kind: score.LowerPrice}},
		})
		var bids []score.Bid
		var prices []int64
		for i := range rapid.IntRange(2, 8).Draw(t, "bids") {
			p := rapid.Int64Range(100, 1000).Draw(t, "price") * 100
			if i > 0 && rapid.Bool().Draw(t, "repeat") {
				p = prices[rapid.IntRange(0, i-1).Draw(t, "of")]
			}
			prices = append(prices, p)
			m := func(label string) score.Response {
				v := decimal.NewFromInt(rapid.Int64Range(0, 4).Draw(t, label))
				return score.Response{Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E", Mark: v}}, Consensus: &criteria.Consensus{Mark: v, Rationale: "agreed"}}}
			}
			id := fmt.Sprintf("B%d", i)
			b := score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
				Gates:     map[string]criteria.GateResult{"ins": {Pass: i < 2 || rapid.IntRange(0, 4).Draw(t, "pass") > 0, Reason: "checked"}},
				Responses: map[string]score.Response{"price": {Price: criteria.Amount(decimal.NewFromInt(p))}, "q1": m("q1"), "q2": m("q2")}}
			if sv {
				n := decimal.NewFromInt(rapid.Int64Range(0, 3).Draw(t, "starts")) // few values: the best is often shared, sometimes 0
				b.Responses["appr"] = score.Response{SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &n}}}}
			}
			bids = append(bids, b)
		}
		f, err := newField(tn, "L1", bids)
		require.NoError(t, err)
		got, err := f.reversals()
		require.NoError(t, err)
		want, err := f.reversalsEvery()
		require.NoError(t, err)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("skipping removals lost a reversal:\n got %v\nwant %v", got, want)
		}
	})
}

// TestReversedPairsAreEveryPairCompared: the pairs reversedPairs finds
// from a tree of counts are those comparing every pair finds (the loop
// the analysis first ran), in the same order, on random standings: ranks
// before in order with ties, ranks after in any order with ties and bids
// no longer ranked (0) — up to a few past the standings' length, as when
// the removal lifts bids over a minimum score into the ranking — and one
// position removed or none.
func TestReversedPairsAreEveryPairCompared(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 40).Draw(t, "n")
		before := make([]int, n)
		for i := range before {
			before[i] = i + 1
			if i > 0 && rapid.IntRange(0, 3).Draw(t, "tiedBefore") == 0 {
				before[i] = before[i-1]
			}
		}
		after := make([]int, n)
		for i := range after {
			after[i] = rapid.IntRange(0, n+3).Draw(t, "after")
		}
		skip := rapid.IntRange(-1, n-1).Draw(t, "skip")
		var want [][2]int
		for i := range n {
			for j := i + 1; j < n; j++ {
				if i != skip && j != skip && before[i] < before[j] && after[i] >= after[j] {
					want = append(want, [2]int{i, j})
				}
			}
		}
		got := reversedPairs(before, after, skip)
		if len(want) == 0 {
			require.Empty(t, got)
			return
		}
		require.Equal(t, want, got)
	})
}
