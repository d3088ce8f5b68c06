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

// TestContendersLeaveOutOnlyBidsThatNeverLead: the bids drawn as
// contenders, worked by hand from leadLot. B2 (no quality points, the
// highest price) is outscored in every trial by B0, B1 and B3 and left
// out whichever bid changes. Without a rounding of the total B1 is
// outscored by B0 and B3 (1.5 quality points ahead, no dearer) and left
// out too; rounded to whole points, 1.5 is less than two steps, so B1
// stays a contender — as it must, since a total rounded to whole points
// can bring the two level.
func TestContendersLeaveOutOnlyBidsThatNeverLead(t *testing.T) {
	for _, c := range []struct {
		round bool
		front []string
	}{{false, []string{"B0", "B3"}}, {true, []string{"B0", "B1", "B3"}}} {
		tn, bids := leadLot(c.round)
		p, err := Prepare(tn, bids)
		require.NoError(t, err)
		tr, ok := p.Trials("L1")
		require.True(t, ok)
		l := tr.contendersOf()
		require.True(t, l.ok)
		var front []string
		for _, pos := range l.front {
			front = append(front, tr.k.ranked[pos].bid.ID)
		}
		slices.Sort(front)
		assert.Equal(t, c.front, front, "rounded %v", c.round)
		for by, js := range l.onlyBy {
			for _, pos := range js {
				assert.NotEqual(t, "B2", tr.k.ranked[pos].bid.ID, "B2 is outscored by more than one bid (by %d)", by)
			}
		}
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
