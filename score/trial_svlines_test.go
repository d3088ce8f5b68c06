package score_test

import (
	stdmaps "maps"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// TestTrialFindsATieTheRoundingMakes: a trial that lowers the lowest price
// and raises the best social value offer at once finds a bid whose total
// before rounding is below the best found, but rounds up to tie it — the
// case that a search of lines through the others' totals, tried and not
// kept, missed without the lines' slack. Worked by hand: price 40 (relative),
// quality 40 (0–4), apprenticeship starts 20 relative to the best, each
// start worth £2,000 and read as a share of the bid's price; points to two
// places, half up. A offers five starts at £100,000 (0.1, the best as
// evaluated) with mark 4; I none at £80,005 (the lowest) with mark 4; C
// ten at £300,000 with mark 0. At £75,000 C's offer is 0.2666…, the best,
// and its price the lowest: A scores 30 + 40 + 20 × 0.1 ÷ 0.2666… = 7.5,
// 77.50; I 40 × 75,000 ÷ 80,005 = 37.4976…, shown 37.50, and 40: 77.50
// too, though its total before rounding, 77.4976…, is below A's; C 40 + 0
// + 20 = 60. A and I tie.
func TestTrialFindsATieTheRoundingMakes(t *testing.T) {
	cat := sampleCatalogue(t)
	pol := score.Policy{Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Weight: decimal.NewFromInt(40), Price: &criteria.PriceRule{Method: criteria.Relative}},
		{ID: "q", Title: "Quality", Weight: decimal.NewFromInt(40), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}},
		{ID: "appr", Title: "Apprenticeships", Weight: decimal.NewFromInt(20), SocialValue: &criteria.SocialValueRule{Catalogue: cat,
			Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisProxyValue, Per: criteria.ShareOfBidPrice,
			Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}},
	}}
	tn := score.Tender{ID: "T", Title: "T", Commenced: date.On(2026, 4, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots:      []score.Lot{{ID: "L1", Title: "Lot", EstimatedValue: decimal.NewFromInt(900000), TermMonths: 12, Policy: pol}}}
	bid := func(id, pr string, mark, starts int64) score.Bid {
		m, n := decimal.NewFromInt(mark), decimal.NewFromInt(starts)
		return score.Bid{ID: id, Lot: "L1", Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Responses: map[string]score.Response{
			"price": {Price: criteria.Amount(decimal.RequireFromString(pr))},
			"q": {Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: m, Rationale: "seen"}},
				Consensus: &criteria.Consensus{Mark: m, Rationale: "agreed"}}},
			"appr": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &n}}}}}}
	}
	bids := []score.Bid{bid("A", "100000", 4, 5), bid("C", "300000", 0, 10), bid("I", "80005", 4, 0)}
	p, err := score.Prepare(tn, bids)
	require.NoError(t, err)
	tr, ok := p.Trials("L1")
	require.True(t, ok)
	got, err := tr.WithPrice("C", "price", decimal.NewFromInt(75000))
	require.NoError(t, err)
	changed := bids[1]
	changed.Responses = stdmaps.Clone(changed.Responses)
	changed.Responses["price"] = score.Response{Price: criteria.Amount(decimal.NewFromInt(75000))}
	q, err := p.WithBid(changed)
	require.NoError(t, err)
	want, _ := q.EvaluateLot("L1")
	assert.Equal(t, score.UnresolvedTie, want.Outcome, "evaluated whole: A and I tie at 77.50")
	assert.Equal(t, want.Outcome, got.Outcome, "the trial")
	for id, total := range map[string]string{"A": "77.50", "I": "77.50", "C": "60.00"} {
		f, ok := got.Total(id)
		require.True(t, ok, id)
		assert.Equal(t, total, f.String(), id)
	}
}
