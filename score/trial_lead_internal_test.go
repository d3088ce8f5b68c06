package score

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
)

// leadLot is a lot of price (relative, 94) and quality (6, one question
// marked 0–4): 4 marks give 6 points, 3 give 4.5, 0 give none. B0 and B3
// have 4 marks, B1 3, B2 0; B3's price is £900, the others' £1,000. With
// rounding the total to whole points declared, a quality gap of 1.5 points
// is less than the two steps of the total's rounding that contenders must
// see before one bid outscores another in every trial.
func leadLot(roundTotal bool) (Tender, []Bid) {
	pol := Policy{Criteria: []Criterion{
		{ID: "price", Title: "Price", Weight: decimal.NewFromInt(94), Price: &criteria.PriceRule{Method: criteria.Relative}},
		{ID: "quality", Title: "Quality", Weight: decimal.NewFromInt(6), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}},
	}}
	if roundTotal {
		pol.Rounding = []RoundingRule{{Stage: LeafPoints, Places: 2, Mode: exact.HalfUp}, {Stage: Total, Places: 0, Mode: exact.HalfUp}}
	}
	t := Tender{ID: "T-1", Title: "Test tender", Authority: Authority{Name: "Anytown Council", Type: SubCentral},
		Commenced: date.On(2026, 3, 1), Regime: PA2023,
		Lots: []Lot{{ID: "L1", Title: "Lot one", EstimatedValue: decimal.NewFromInt(500000), TermMonths: 36, Policy: pol}}}
	var bids []Bid
	for i, c := range []struct{ mark, price int64 }{{4, 1000}, {3, 1000}, {0, 1000}, {4, 900}} {
		id := fmt.Sprintf("B%d", i)
		m := decimal.NewFromInt(c.mark)
		bids = append(bids, Bid{ID: id, Supplier: Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
			Responses: map[string]Response{"price": {Price: criteria.Amount(decimal.NewFromInt(c.price))},
				"quality": {Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: m, Rationale: "seen"}},
					Consensus: &criteria.Consensus{Mark: m, Rationale: "agreed"}}}}})
	}
	return t, bids
}

// TestContendersLeaveOutOnlyBidsThatNeverLead: the contenders drawn from
// leadLot, worked by hand. B3 (4 marks, the lowest price) covers every
// other bid, so it alone is the front, and a trial of a change to another
// bid re-scores B3 alone — and, when B3 leads, the bids it may tie. It
// has B0's quality points, so it never outscores B0 for certain: B0 may
// tie it. It is 1.5 quality points ahead of B1: without a rounding of the
// total that is ahead, so B1 can never tie it; rounded to whole points,
// 1.5 is less than two steps and B1 may tie it. B2, 6 points behind, is
// outscored either way.
func TestContendersLeaveOutOnlyBidsThatNeverLead(t *testing.T) {
	for _, c := range []struct {
		round bool
		ties  []string
	}{{false, []string{"B0"}}, {true, []string{"B0", "B1"}}} {
		tn, bids := leadLot(c.round)
		p, err := Prepare(tn, bids)
		require.NoError(t, err)
		tr, ok := p.Trials("L1")
		require.True(t, ok)
		l := tr.contendersOf()
		require.True(t, l.ok)
		ids := func(pos []int32) []string {
			var out []string
			for _, x := range pos {
				out = append(out, tr.k.ranked[x].bid.ID)
			}
			slices.Sort(out)
			return out
		}
		assert.Equal(t, []string{"B3"}, ids(l.front), "rounded %v", c.round)
		b3 := tr.index["B3"]
		assert.Equal(t, []string{"B0", "B1", "B2"}, ids(l.onlyBy[b3]), "rounded %v: a trial of B3 re-scores every other", c.round)
		assert.Equal(t, c.ties, ids(l.tieBy[b3]), "rounded %v", c.round)
		for _, b := range bids { // and a trial of each bid still finds what evaluating finds
			for _, price := range []string{"1", "950", "1000", "2000"} {
				got, err := tr.WithPrice(b.ID, "price", decimal.RequireFromString(price))
				require.NoError(t, err)
				nb := b
				nb.Responses = map[string]Response{"price": {Price: criteria.Amount(decimal.RequireFromString(price))}, "quality": b.Responses["quality"]}
				q, err := p.WithBid(nb)
				require.NoError(t, err)
				want, _ := q.EvaluateLot("L1")
				assert.Equal(t, want.Outcome, got.Outcome, "%s at %s, rounded %v", b.ID, price, c.round)
				assert.Equal(t, want.Winner, got.Winner, "%s at %s, rounded %v", b.ID, price, c.round)
			}
		}
	}
}
