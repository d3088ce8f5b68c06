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

// TestTrialsFollowBidsAcrossTheThresholds: a price trial that moves the
// best social value offer takes bids across the minimum quality, social
// value counted as quality, and the trial follows them. Worked by hand:
// price 20 (relative), quality 40 (one question, 0–4), apprenticeship
// starts 40 relative to the best offer, each start worth £2,000 and the
// offer read as a share of the bid's price; a minimum of 50% of the 80
// quality marks (40). C offers ten starts at £100,000 (0.2, the best), D
// one at its price (£50,000: 0.04, 8 marks, with 30 for 3 marks: 38, below
// the minimum), E none with 4 marks (40: at it). At £1,000,000 C's offer is
// 0.02: D's is the best, its 40 marks lift it to 70, and at the lowest
// price (20 marks) it wins with 90; C falls to 20 quality marks and out; E
// keeps 40 and scores 10 on price. With a maximum budget of £120,000 that
// disqualifies and D at £150,000, D is lifted above the minimum but out at
// the budget, and C at £20,000,000 is over it too: E wins alone.
func TestTrialsFollowBidsAcrossTheThresholds(t *testing.T) {
	cat := sampleCatalogue(t)
	for _, c := range []struct {
		name           string
		budget, dPrice string
		cPrice         string
		winner         string
		dTotal         string // "" when D is out
	}{
		{"lifted and wins", "", "50000", "1000000", "D", "90"},
		{"lifted but over the budget", "120000", "150000", "20000000", "E", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			price := &criteria.PriceRule{Method: criteria.Relative}
			if c.budget != "" {
				price.MaxBudget, price.OverBudget = decimal.RequireFromString(c.budget), criteria.DisqualifyOverBudget
			}
			min := decimal.NewFromInt(50)
			pol := score.Policy{Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Weight: decimal.NewFromInt(20), Price: price},
				{ID: "q", Title: "Quality", Weight: decimal.NewFromInt(40), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}},
				{ID: "appr", Title: "Apprenticeships", Weight: decimal.NewFromInt(40), SocialValue: &criteria.SocialValueRule{Catalogue: cat,
					Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisProxyValue, Per: criteria.ShareOfBidPrice,
					Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}},
			}, Thresholds: score.Thresholds{MinQualityPercent: &min}}
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
			bids := []score.Bid{bid("C", "100000", 0, 10), bid("D", c.dPrice, 3, 1), bid("E", "100000", 4, 0)}
			p, err := score.Prepare(tn, bids)
			require.NoError(t, err)
			tr, ok := p.Trials("L1")
			require.True(t, ok)
			got, err := tr.WithPrice("C", "price", decimal.RequireFromString(c.cPrice))
			require.NoError(t, err)
			changed := bids[0]
			changed.Responses = map[string]score.Response{"price": {Price: criteria.Amount(decimal.RequireFromString(c.cPrice))}, "q": bids[0].Responses["q"], "appr": bids[0].Responses["appr"]}
			q, err := p.WithBid(changed)
			require.NoError(t, err)
			want, _ := q.EvaluateLot("L1")
			assert.Equal(t, score.Winner, want.Outcome)
			assert.Equal(t, c.winner, want.Winner, "evaluated whole")
			assert.Equal(t, want.Outcome, got.Outcome)
			assert.Equal(t, c.winner, got.Winner, "the trial")
			d, ok := got.Total("D")
			assert.Equal(t, c.dTotal != "", ok)
			if ok {
				assert.Equal(t, c.dTotal, d.Value.String())
			}
		})
	}
}

// TestTrialTiesPastACoverThatLeaves: a bid that ties the lead is found
// when the other bid covering it is one the trial takes below the minimum
// (trial_leavers.go). Worked by hand: price 10 (relative), quality q 30
// and x 30 (0–4 each), apprenticeship starts 30 relative to the best, each
// start worth £2,000 and read as a share of the bid's price; a minimum of
// 50% of q and the starts (30 of 60). A offers five starts at £100,001
// with marks 1 and 4, B five at £100,000 and D five at £100,001, both with
// marks 2 and 2, C five at £100,000 with marks 0 and 1. Every offer is
// about 0.1: A totals 77.5 (10 + 7.5 + 30 + 30), B and D 70, C 47.5 (D's
// price scores 9.9999 and its starts 29.9997, each 10.00 and 30.00 at the
// policy's two places). A covers D (no dearer, the same offer, 37.5 marks
// elsewhere against 30) and outscores it; B covers D (cheaper, a larger
// offer, the same marks elsewhere) and may tie it. At £50,000 C's offer is
// 0.2, the best: every other start scores 15, A's quality falls to 22.5
// and below the minimum, and B and D each total 5 + 15 + 15 + 15 = 50,
// above C's 10 + 0 + 7.5 + 30 = 47.5: B and D tie. The trial must look at
// D past A, which covered it and has left.
func TestTrialTiesPastACoverThatLeaves(t *testing.T) {
	cat := sampleCatalogue(t)
	min := decimal.NewFromInt(50)
	marked := &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
	pol := score.Policy{Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Weight: decimal.NewFromInt(10), Price: &criteria.PriceRule{Method: criteria.Relative}},
		{ID: "q", Title: "Quality", Weight: decimal.NewFromInt(30), Quality: marked},
		{ID: "x", Title: "Experience", Weight: decimal.NewFromInt(30), Quality: marked},
		{ID: "appr", Title: "Apprenticeships", Weight: decimal.NewFromInt(30), SocialValue: &criteria.SocialValueRule{Catalogue: cat,
			Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisProxyValue, Per: criteria.ShareOfBidPrice,
			Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}},
	}, Thresholds: score.Thresholds{MinQualityPercent: &min, QualityCriteria: []string{"q", "appr"}}}
	tn := score.Tender{ID: "T", Title: "T", Commenced: date.On(2026, 4, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots:      []score.Lot{{ID: "L1", Title: "Lot", EstimatedValue: decimal.NewFromInt(900000), TermMonths: 12, Policy: pol}}}
	mark := func(v int64) score.Response {
		m := decimal.NewFromInt(v)
		return score.Response{Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: m, Rationale: "seen"}},
			Consensus: &criteria.Consensus{Mark: m, Rationale: "agreed"}}}
	}
	five := decimal.NewFromInt(5)
	bid := func(id, pr string, q, x int64) score.Bid {
		return score.Bid{ID: id, Lot: "L1", Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Responses: map[string]score.Response{
			"price": {Price: criteria.Amount(decimal.RequireFromString(pr))}, "q": mark(q), "x": mark(x),
			"appr": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &five}}}}}}
	}
	bids := []score.Bid{bid("A", "100001", 1, 4), bid("B", "100000", 2, 2), bid("C", "100000", 0, 1), bid("D", "100001", 2, 2)}
	p, err := score.Prepare(tn, bids)
	require.NoError(t, err)
	tr, ok := p.Trials("L1")
	require.True(t, ok)
	var order []string
	for _, s := range tr.Result().Standings {
		order = append(order, s.BidID+" "+s.Score.Value.String())
	}
	require.Equal(t, []string{"A 77.5", "B 70", "D 70", "C 47.5"}, order, "as evaluated, worked above")

	got, err := tr.WithPrice("C", "price", decimal.NewFromInt(50000))
	require.NoError(t, err)
	changed := bids[2]
	changed.Responses = stdmaps.Clone(changed.Responses)
	changed.Responses["price"] = score.Response{Price: criteria.Amount(decimal.NewFromInt(50000))}
	q, err := p.WithBid(changed)
	require.NoError(t, err)
	want, _ := q.EvaluateLot("L1")
	assert.Equal(t, score.UnresolvedTie, want.Outcome, "evaluated whole: B and D tie at 50")
	assert.Equal(t, want.Outcome, got.Outcome, "the trial")
	assert.Equal(t, want.Winner, got.Winner, "the trial")
	for id, total := range map[string]string{"B": "50", "D": "50", "C": "47.5"} {
		f, ok := got.Total(id)
		require.True(t, ok, id)
		assert.Equal(t, total, f.Value.String(), id)
	}
	_, ok = got.Total("A")
	assert.False(t, ok, "A is below the minimum")
}
