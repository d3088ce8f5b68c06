package report_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

func disclosureLot(method criteria.PriceMethod, prices []string, marks []int64) (score.Tender, []score.Bid) {
	d := decimal.RequireFromString
	rule := criteria.PriceRule{Method: method}
	if method == criteria.Deduction {
		rule.Rate = d("1")
	}
	tn := score.Tender{ID: "DS/1", Title: "Disclosure", Commenced: date.On(2026, 6, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Council", Type: score.SubCentral},
		Lots: []score.Lot{{ID: "1", Title: "Lot", EstimatedValue: d("3000000"), TermMonths: 36, Policy: score.Policy{
			Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Weight: d("40"), Price: &rule},
				{ID: "q", Title: "Quality", Weight: d("60"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}},
			}}}}}
	var bids []score.Bid
	for i, p := range prices {
		m := decimal.NewFromInt(marks[i])
		id := string(rune('A' + i))
		bids = append(bids, score.Bid{ID: id, Lot: "1", Supplier: score.Supplier{ID: "S-" + id, Name: "Supplier " + id},
			Responses: map[string]score.Response{"price": {Price: criteria.Amount(d(p))},
				"q": {Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: m}}, Consensus: &criteria.Consensus{Mark: m, Rationale: "r"}}}}})
	}
	return tn, bids
}

// TestDisclosures works the bound out by hand (issue 11.9). Relative price
// worth 40, points to 2 dp half-up. A wins on quality at £2,450,000 (35.10
// points), B bids £2,280,000 (37.72), C is lowest at £2,150,000. B's
// summary shows B's and A's prices and points; the lowest price L = price
// × points ÷ 40, and 37.72 stands for [37.715, 37.725], 35.10 for
// [35.095, 35.105]:
//
//	from B: 2,280,000 × [37.715, 37.725] ÷ 40 = [2,149,755.00, 2,150,325.00]
//	from A: 2,450,000 × [35.095, 35.105] ÷ 40 = [2,149,568.75, 2,150,181.25]
//	both:   [2,149,755.00, 2,150,181.25], a range of £426.25
//
// A's own summary has only A's line: [2,149,568.75, 2,150,181.25]. C's
// shows its own price, the lowest: nothing to bound.
func TestDisclosures(t *testing.T) {
	tn, bids := disclosureLot(criteria.Relative, []string{"2450000", "2280000", "2150000"}, []int64{4, 2, 0})
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	require.Equal(t, "A", res.Lots[0].Winner)
	ds := report.Disclosures(res)
	byReader := map[string]report.Disclosure{}
	for _, d := range ds {
		byReader[d.BidID] = d
	}
	require.Len(t, ds, 2, "A's and B's documents bound C's price; C's shows it")
	b := byReader["B"]
	assert.Equal(t, "2149755", b.Low.String())
	assert.Equal(t, "2150181.25", b.High.String())
	assert.Equal(t, []string{"C"}, b.Owners)
	assert.Equal(t, "B's document bounds the lowest compliant price on Price (C's £2,150,000.00) between £2,149,755.00 and £2,150,181.25, a range of £426.25", b.String())
	a := byReader["A"]
	assert.Equal(t, "2149568.75", a.Low.String())
	assert.Equal(t, "2150181.25", a.High.String())
}

// TestDisclosuresEnclose: on random fields under every method the report
// bounds, every bound holds the figure it bounds — the report never tells
// the authority a bidder can learn less than it can, nor states a range
// that excludes the truth.
func TestDisclosuresEnclose(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		method := rapid.SampledFrom([]criteria.PriceMethod{criteria.Relative, criteria.Linear, criteria.Deduction}).Draw(t, "method")
		n := rapid.IntRange(2, 6).Draw(t, "bids")
		var prices []string
		var marks []int64
		for i := 0; i < n; i++ {
			prices = append(prices, fmt.Sprintf("%d.%02d", rapid.IntRange(50_000, 900_000).Draw(t, "pounds"), rapid.IntRange(0, 99).Draw(t, "pence")))
			marks = append(marks, int64(rapid.IntRange(0, 4).Draw(t, "mark")))
		}
		tn, bids := disclosureLot(method, prices, marks)
		res, err := score.Evaluate(tn, bids)
		if err != nil {
			t.Skip(err)
		}
		for _, d := range report.Disclosures(res) {
			if d.Actual.LessThan(d.Low) || d.Actual.GreaterThan(d.High) {
				t.Fatalf("%s: %s is outside the bound", d, d.Actual)
			}
		}
	})
}
