package score_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
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
			price := criteria.PriceRule{Method: criteria.Relative}
			if c.budget != "" {
				price.MaxBudget, price.OverBudget = dec(c.budget), criteria.DisqualifyOverBudget
			}
			pol := score.Policy{Criteria: []score.Criterion{priceCrit("price", "20", price), qualityCrit("q", "40"), startsCrit(t, "40")},
				Thresholds: score.Thresholds{MinQualityPercent: decp("50")}}
			bids := []score.Bid{startsBid("C", "100000", 10, map[string]int64{"q": 0}),
				startsBid("D", c.dPrice, 1, map[string]int64{"q": 3}), startsBid("E", "100000", 0, map[string]int64{"q": 4})}
			p, err := score.Prepare(tenderOf(lotOf(pol)), bids)
			require.NoError(t, err)
			got, want := repriced(t, p, bids, 0, c.cPrice)
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
	pol := score.Policy{Criteria: []score.Criterion{
		priceCrit("price", "10", criteria.PriceRule{Method: criteria.Relative}), qualityCrit("q", "30"), qualityCrit("x", "30"), startsCrit(t, "30"),
	}, Thresholds: score.Thresholds{MinQualityPercent: decp("50"), QualityCriteria: []string{"q", "appr"}}}
	bid := func(id, pr string, q, x int64) score.Bid {
		return startsBid(id, pr, 5, map[string]int64{"q": q, "x": x})
	}
	bids := []score.Bid{bid("A", "100001", 1, 4), bid("B", "100000", 2, 2), bid("C", "100000", 0, 1), bid("D", "100001", 2, 2)}
	p, err := score.Prepare(tenderOf(lotOf(pol)), bids)
	require.NoError(t, err)
	tr, ok := p.Trials("L1")
	require.True(t, ok)
	var order []string
	for _, s := range tr.Result().Standings {
		order = append(order, s.BidID+" "+s.Score.Value.String())
	}
	require.Equal(t, []string{"A 77.5", "B 70", "D 70", "C 47.5"}, order, "as evaluated, worked above")

	got, want := repriced(t, p, bids, 2, "50000")
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

// TestTrialTiesBesideTheChangedBid: the changed bid draws level with the
// best of the others, and a bid that best covers may draw level too: the
// trial must still look for it (ties), the chain then telling them apart.
// Worked by hand: price 10 (relative), questions q and x 30 each (0–4; x
// marked 0 for every bid), apprenticeship starts 30 relative to the best, each start worth £2,000 and read as a
// share of the bid's price; ties broken by the higher points on q. A offers
// five starts at £100,000 (0.1, the best) with mark 2 (15), D five at
// £100,001 with mark 2, C one at £120,000 with mark 0, E and F one at
// £150,000 with mark 0: A covers D (cheaper, a larger offer, the same
// marks) and may tie it, and covers the rest. C at £15,625 is the lowest
// price and its 0.128 the best offer: C has 10 + 30 + 0 = 40; A 10 ×
// 15,625 ÷ 100,000 = 1.5625, shown 1.56, + 30 × 0.1 ÷ 0.128 = 23.4375,
// shown 23.44, + 15 = 40.00; D 1.56 (1.562484) + 23.44 (23.43727) + 15 =
// 40.00. Three level at 40: A and D have 15 on q, C none, and A and D stay
// tied. Without D the chain would pick A.
func TestTrialTiesBesideTheChangedBid(t *testing.T) {
	pol := score.Policy{Criteria: []score.Criterion{
		priceCrit("price", "10", criteria.PriceRule{Method: criteria.Relative}), qualityCrit("q", "30"), qualityCrit("x", "30"), startsCrit(t, "30"),
	}, TieBreaks: []score.TieBreak{{Kind: score.HigherPoints, Criterion: "q"}}}
	bid := func(id, price string, starts, q int64) score.Bid {
		return startsBid(id, price, starts, map[string]int64{"q": q, "x": 0})
	}
	bids := []score.Bid{bid("A", "100000", 5, 2), bid("D", "100001", 5, 2), bid("C", "120000", 1, 0), bid("E", "150000", 1, 0), bid("F", "150000", 1, 0)}
	p, err := score.Prepare(tenderOf(lotOf(pol)), bids)
	require.NoError(t, err)
	got, want := repriced(t, p, bids, 2, "15625")
	assert.Equal(t, score.UnresolvedTie, want.Outcome, "evaluated whole: A and D tie")
	assert.Equal(t, want.Outcome, got.Outcome, "the trial")
	assert.Equal(t, want.Winner, got.Winner, "the trial")
	for _, id := range []string{"A", "C", "D"} {
		f, ok := got.Total(id)
		require.True(t, ok, id)
		assert.Equal(t, "40", f.Value.String(), id)
	}
}

// TestWeightShiftFollowsBidsAcrossTheMinimum: a shift of weight takes
// bids across the minimum quality, and the trial follows them, and the
// lowest price (or, under the linear method, the highest) where they move
// it, and every other bid's price points with it. Worked by hand: price 20,
// questions A and B 20 each and C 40 (0–4), a minimum percentage of the 40
// marks of A and B, points moved from A to B.
//
// The leader falls below (relative, 50%, one point). X at £1,000 has 4, 0
// and 4: 20 of A and B's marks (50%), 80 in all; W at £1,000 has 2, 2 and
// 0: 50%, 40 in all; Y at £2,000 has 2, 2 and 2: 50%, 10 on price, 50 in
// all. One point moved leaves X 19 marks of 40, 47.5%: out. W keeps the
// lowest price where it was, and Y wins with 10 + 9.5 + 10.5 + 20 = 50.
// The lines put X alone near the best at that shift (79 against 50), so a
// trial reading them without seeing X leave finds no leader.
//
// A bid rises above and wins (relative, 55%, five points). J at £2,000 has
// 0, 4 and 4: 20 marks of 40 (50%), out; W at £1,000 has 4, 2 and 0: 30
// (75%), 50 in all; Y at £1,250 has 3, 3 and 2: 75%, 16 on price, 66 in
// all, the winner. Five points give J 25 marks of 40 (62.5%): in, with 10
// on price (W's lowest price stands) and 10 + 0 + 25 + 40 = 75, the best.
// The lines hold no line for J, out as evaluated.
//
// The cheapest leaves (relative, 50%, one point): X at £500 has 4, 0 and 0
// (50%), 40 in all; W at £1,000 has 2, 2 and 4, 10 on price, 70; Y at
// £1,000 2, 2 and 3, 60. X falls to 47.5% and out: the lowest is £1,000,
// and W has 20 + 9.5 + 10.5 + 40 = 80.
//
// The cheapest joins (relative, 55%, five points): J at £500 has 0, 4 and
// 4 (50%, out); W at £1,000 4, 2 and 0, 50; Y at £1,250 3, 3 and 2, 16 on
// price, 66, the winner. J rises to 62.5%: the lowest is £500, and J has
// 20 + 0 + 25 + 40 = 85.
//
// The dearest leaves (linear, 50%, one point): X at £2,000 has 4, 0 and 0,
// 20 in all; W at £1,000 has 2, 2 and 4, 80, the winner; Y at £1,500 2, 2
// and 3, 10 on price, 60. X falls out: the highest is £1,500, and Y has 0
// + 9.5 + 10.5 + 30 = 50.
func TestWeightShiftFollowsBidsAcrossTheMinimum(t *testing.T) {
	type marked struct {
		id, price string
		a, b, c   int64
	}
	for _, c := range []struct {
		name           string
		method         criteria.PriceMethod
		min, shift     string
		bids           []marked
		before, winner string
		id, total      string // a bid's total under the shift
		out            string // a bid out under the shift, if any
	}{
		{"the leader falls below", criteria.Relative, "50", "1", []marked{{"X", "1000", 4, 0, 4}, {"W", "1000", 2, 2, 0}, {"Y", "2000", 2, 2, 2}}, "X", "Y", "Y", "50", "X"},
		{"a bid rises above and wins", criteria.Relative, "55", "5", []marked{{"J", "2000", 0, 4, 4}, {"W", "1000", 4, 2, 0}, {"Y", "1250", 3, 3, 2}}, "Y", "J", "J", "75", ""},
		{"the cheapest leaves", criteria.Relative, "50", "1", []marked{{"X", "500", 4, 0, 0}, {"W", "1000", 2, 2, 4}, {"Y", "1000", 2, 2, 3}}, "W", "W", "W", "80", "X"},
		{"the cheapest joins", criteria.Relative, "55", "5", []marked{{"J", "500", 0, 4, 4}, {"W", "1000", 4, 2, 0}, {"Y", "1250", 3, 3, 2}}, "Y", "J", "J", "85", ""},
		{"the dearest leaves, linear", criteria.Linear, "50", "1", []marked{{"X", "2000", 4, 0, 0}, {"W", "1000", 2, 2, 4}, {"Y", "1500", 2, 2, 3}}, "W", "W", "Y", "50", "X"},
	} {
		t.Run(c.name, func(t *testing.T) {
			pol := score.Policy{Criteria: []score.Criterion{priceCrit("price", "20", criteria.PriceRule{Method: c.method}),
				qualityCrit("A", "20"), qualityCrit("B", "20"), qualityCrit("C", "40")},
				Thresholds: score.Thresholds{MinQualityPercent: decp(c.min), QualityCriteria: []string{"A", "B"}}}
			var bids []score.Bid
			for _, b := range c.bids {
				bids = append(bids, score.Bid{ID: b.id, Lot: "L1", Supplier: score.Supplier{ID: "S-" + b.id, Name: "Supplier " + b.id},
					Responses: map[string]score.Response{"price": priced(b.price), "A": marks(b.a), "B": marks(b.b), "C": marks(b.c)}})
			}
			p, err := score.Prepare(tenderOf(lotOf(pol)), bids)
			require.NoError(t, err)
			before, _ := p.EvaluateLot("L1")
			require.Equal(t, c.before, before.Winner, "as evaluated")
			tr, _ := p.Trials("L1")
			got, err := tr.WithWeightShift("A", "B", dec(c.shift))
			require.NoError(t, err)
			defer got.Release()
			shifted := pol
			a, b := dec("20").Sub(dec(c.shift)), dec("20").Add(dec(c.shift))
			shifted.Criteria = []score.Criterion{pol.Criteria[0], qualityCrit("A", a.String()), qualityCrit("B", b.String()), pol.Criteria[3]}
			q, err := score.Prepare(tenderOf(lotOf(shifted)), bids)
			require.NoError(t, err)
			want, _ := q.EvaluateLot("L1")
			assert.Equal(t, c.winner, want.Winner, "the shifted lot evaluated whole")
			assert.Equal(t, score.Winner, got.Outcome)
			assert.Equal(t, c.winner, got.Winner, "the trial")
			f, ok := got.Total(c.id)
			assert.True(t, ok)
			assert.Equal(t, c.total, f.Value.String(), "%s's total in the trial", c.id)
			if c.out != "" {
				_, ok = got.Total(c.out)
				assert.False(t, ok, "%s is out under the shift", c.out)
			}
		})
	}
}

// TestWeightShiftSeesRoundingCrossFirst: a shift of weight takes a bid
// below the minimum quality by its rounding, before its points before
// rounding get there. Worked by hand: price 20 (relative), questions A 30,
// B 20 and C 30 (0–4), each leaf's points rounded down to whole points, a
// minimum of 50% of the marks of A and B. X at £1,000 has 3, 1 and 4: A
// 22.5 rounded to 22, B 5, 27 of 50 marks (54%), 77 in all, the winner; Y
// at £1,000 has 2, 4 and 2: 20 + 15 + 20 + 15 = 70. Nine points moved
// from A to C: before rounding X has 0.75 × 21 + 5 = 20.75 of 41 marks,
// above the 20.5 that 50% needs (it reaches it at 10 points), but A's
// 15.75 is shown as 15: 20 of 41, below. Y, with 10 + 20 of 41, wins with
// 20 + 10 + 20 + 19 (C's 19.5 rounded down) = 69.
func TestWeightShiftSeesRoundingCrossFirst(t *testing.T) {
	pol := score.Policy{Criteria: []score.Criterion{priceCrit("price", "20", criteria.PriceRule{Method: criteria.Relative}),
		qualityCrit("A", "30"), qualityCrit("B", "20"), qualityCrit("C", "30")},
		Rounding:   []score.RoundingRule{{Stage: score.LeafPoints, Places: 0, Mode: exact.Down}},
		Thresholds: score.Thresholds{MinQualityPercent: decp("50"), QualityCriteria: []string{"A", "B"}}}
	bid := func(id string, a, b, c int64) score.Bid {
		return score.Bid{ID: id, Lot: "L1", Supplier: score.Supplier{ID: "S-" + id, Name: "Supplier " + id},
			Responses: map[string]score.Response{"price": priced("1000"), "A": marks(a), "B": marks(b), "C": marks(c)}}
	}
	bids := []score.Bid{bid("X", 3, 1, 4), bid("Y", 2, 4, 2)}
	p, err := score.Prepare(tenderOf(lotOf(pol)), bids)
	require.NoError(t, err)
	before, _ := p.EvaluateLot("L1")
	require.Equal(t, "X", before.Winner, "as evaluated")
	tr, _ := p.Trials("L1")
	got, err := tr.WithWeightShift("A", "C", dec("9"))
	require.NoError(t, err)
	defer got.Release()
	shifted := pol
	shifted.Criteria = []score.Criterion{pol.Criteria[0], qualityCrit("A", "21"), pol.Criteria[2], qualityCrit("C", "39")}
	q, err := score.Prepare(tenderOf(lotOf(shifted)), bids)
	require.NoError(t, err)
	want, _ := q.EvaluateLot("L1")
	assert.Equal(t, "Y", want.Winner, "the shifted lot evaluated whole")
	assert.Equal(t, "Y", got.Winner, "the trial")
	y, ok := got.Total("Y")
	assert.True(t, ok)
	assert.Equal(t, "69", y.Value.String())
	_, ok = got.Total("X")
	assert.False(t, ok, "X is below the minimum as shown")
	above, err := tr.ShiftOutranks("A", "C", dec("9"), "X", "Y")
	require.NoError(t, err)
	assert.False(t, above, "ShiftOutranks")
}
