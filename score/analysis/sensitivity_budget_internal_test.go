package analysis

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// TestScanPastItsBudgetSaysSo: where the search of a window stops at its
// budget of hundredths (maxScan: 500 in an analysis), the answer is
// confirmed from the break-even and says from where it did not ask. The
// lot of TestShiftUnderACoarseRatioRounding (price per quality point,
// quality 70, team 30, the ratio rounded to whole pounds a point, and a
// minimum quality score both bids meet), whose window for A against B
// opens at 19.28 points: with a budget of 20 the first not asked is 19.48.
// Every analysis answers it within the budget (20.28, and nothing more).
func TestScanPastItsBudgetSaysSo(t *testing.T) {
	d := decimal.RequireFromString
	q := func(id string, w string) score.Criterion {
		return score.Criterion{ID: id, Title: "Question " + id, Weight: d(w), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
	}
	m := d("10")
	pol := score.Policy{Basis: score.PricePerQualityPoint, Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Weight: d("0"), Price: &criteria.PriceRule{Method: criteria.PerQualityPoint}},
		{ID: "quality", Title: "Quality", Weight: d("70"), Children: []score.Criterion{q("q1", "60"), q("q2", "40")}},
		{ID: "team", Title: "Team", Weight: d("30"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}},
	}, Rounding: []score.RoundingRule{{Stage: score.Total, Places: 0, Mode: exact.HalfUp}},
		Thresholds: score.Thresholds{MinQualityPercent: &m},
		TieBreaks:  []score.TieBreak{{Kind: score.HigherPoints, Criterion: "quality"}, {Kind: score.LowerPrice}}}
	mark := func(v int64) score.Response {
		return score.Response{Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: decimal.NewFromInt(v)}},
			Consensus: &criteria.Consensus{Mark: decimal.NewFromInt(v), Rationale: "agreed"}}}
	}
	bid := func(id, name, price string, q1, q2, team int64) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: "S-" + id, Name: name}, Lot: "L1", Responses: map[string]score.Response{
			"price": {Price: criteria.Amount(d(price))}, "q1": mark(q1), "q2": mark(q2), "team": mark(team)}}
	}
	bids := []score.Bid{bid("A", "Alder Ltd", "400000", 3, 2, 1), bid("B", "Birch Ltd", "300000", 2, 1, 4)}
	f, err := newField(refTender(pol), "L1", bids)
	require.NoError(t, err)
	require.Equal(t, "B", f.base.Winner)
	for _, c := range []struct {
		budget int
		caveat string // "" for none
	}{
		{500, ""},
		{20, "A smaller shift may also do it: from 19.48 percentage points, the declared rounding could show A above B"},
	} {
		ss := f.shiftSearch()
		ss.maxScan = c.budget
		got, err := ss.smallestFor(f.base.Standings[1])
		require.NoError(t, err)
		require.Equal(t, Found, got.Answer, got.Explanation())
		assert.Equal(t, "20.28", got.Points.String(), "budget %d", c.budget)
		if c.caveat == "" {
			assert.NotContains(t, got.Explanation(), "A smaller shift may also do it", "budget %d", c.budget)
		} else {
			assert.Contains(t, got.Explanation(), c.caveat)
		}
	}
}
