package score_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

func evalLot(t *testing.T, p score.Policy, bids ...score.Bid) score.LotResult {
	t.Helper()
	res, err := score.Evaluate(tenderOf(lotOf(p)), bids)
	require.NoError(t, err)
	require.Len(t, res.Lots, 1)
	return res.Lots[0]
}

func points(t *testing.T, l score.LotResult, bid, criterion string) string {
	t.Helper()
	b, ok := l.Bid(bid)
	require.True(t, ok, "bid %s", bid)
	var find func([]score.Line) (score.Line, bool)
	find = func(ls []score.Line) (score.Line, bool) {
		for _, ln := range ls {
			if ln.CriterionID == criterion {
				return ln, true
			}
			if c, ok := find(ln.Children); ok {
				return c, true
			}
		}
		return score.Line{}, false
	}
	ln, ok := find(b.Criteria())
	require.True(t, ok, "criterion %s", criterion)
	return ln.Points.String()
}

func total(t *testing.T, l score.LotResult, bid string) string {
	t.Helper()
	b, ok := l.Bid(bid)
	require.True(t, ok, "bid %s", bid)
	return b.Total.Points.String()
}

// The worked example in docs/sources/price-formulas.md (HIGH: CCS Digital
// Marketplace buyer guidance): relative method normalised to 1 at three
// decimal places gives A £15,000 → 0.667, B £10,000 → 1.000, C £30,000 →
// 0.333. Through the engine, with normalised scores rounded to 3 dp half-up
// and a price-only policy worth 100, the points are 66.70, 100.00 and 33.30.
func TestCCSWorkedExample(t *testing.T) {
	p := score.Policy{
		Criteria: []score.Criterion{priceCrit("price", "100", criteria.PriceRule{Method: criteria.Relative})},
		Rounding: []score.RoundingRule{{Stage: score.Normalised, Places: 3, Mode: exact.HalfUp}, {Stage: score.LeafPoints, Places: 2, Mode: exact.HalfUp}},
	}
	bid := func(id, price string) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: "Supplier " + id}, Lot: "L1",
			Responses: map[string]score.Response{"price": priced(price)}}
	}
	l := evalLot(t, p, bid("A", "15000"), bid("B", "10000"), bid("C", "30000"))
	for _, c := range []struct{ bid, normalised, points string }{
		{"A", "0.667", "66.70"}, {"B", "1.000", "100.00"}, {"C", "0.333", "33.30"},
	} {
		b, _ := l.Bid(c.bid)
		assert.Equal(t, c.normalised, b.Criteria()[0].Normalised.String(), "bid %s normalised", c.bid)
		assert.Equal(t, c.points, b.Criteria()[0].Points.String(), "bid %s points", c.bid)
	}
	assert.Equal(t, "B", l.Winner)
}

// Hand-worked: price 40 relative, one quality question 60 on 0–4.
// A £100,000 mark 3: price 40 × 80,000/100,000 = 32.00; quality 60 × 3/4 = 45.00; total 77.00.
// B £80,000 mark 2: price 40.00; quality 30.00; total 70.00.
// C £120,000 mark 4: price 40 × 80,000/120,000 = 26.666… → 26.67; quality 60.00; total 86.67.
func TestWeightedTotalsHandWorked(t *testing.T) {
	l := evalLot(t, simplePolicy(), simpleBid("A", "100000", 3), simpleBid("B", "80000", 2), simpleBid("C", "120000", 4))
	assert.Equal(t, "32.00", points(t, l, "A", "price"))
	assert.Equal(t, "45.00", points(t, l, "A", "q"))
	assert.Equal(t, "77.00", total(t, l, "A"))
	assert.Equal(t, "70.00", total(t, l, "B"))
	assert.Equal(t, "26.67", points(t, l, "C", "price"))
	assert.Equal(t, "86.67", total(t, l, "C"))
	assert.Equal(t, score.Winner, l.Outcome)
	assert.Equal(t, "C", l.Winner)
	require.Len(t, l.Standings, 3)
	assert.Equal(t, []string{"C", "A", "B"}, []string{l.Standings[0].BidID, l.Standings[1].BidID, l.Standings[2].BidID})
	c, _ := l.Bid("C")
	assert.Equal(t, "80/3", c.Criteria()[0].Unrounded.Num().String()+"/"+c.Criteria()[0].Unrounded.Den().String(), "the unrounded value is kept exactly")
	assert.Equal(t, []string{"B"}, c.Criteria()[0].Working[0].Uses, "the lowest-price step shows bid B's figure and says so")
}

// The engine's default rounding is the issue's: weighted points to 2 dp
// half-up, the total the sum of the rounded points. Three equal thirds of a
// 100-point question round to 33.33 each and total 99.99, not 100: the
// points shown add up.
func TestDefaultRoundingPointsAddUp(t *testing.T) {
	p := score.Policy{Weighting: score.Points, Criteria: []score.Criterion{{ID: "q", Title: "Quality", Weight: dec("100"),
		Children: []score.Criterion{qualityCrit("a", "1"), qualityCrit("b", "1"), qualityCrit("c", "1")}}}}
	b := score.Bid{ID: "B1", Supplier: score.Supplier{ID: "S1", Name: "One"}, Lot: "L1",
		Responses: map[string]score.Response{"a": marks(4), "b": marks(4), "c": marks(4)}}
	l := evalLot(t, p, b)
	assert.Equal(t, "33.33", points(t, l, "B1", "a"))
	assert.Equal(t, "99.99", total(t, l, "B1"))
}

func TestRoundingStages(t *testing.T) {
	// Quality question worth 60 marked 1 of 3 on a custom scale: 60 × 1/3 = 20
	// exactly; price 40 × 2/3 = 26.666…; total exactly 46.666….
	scale := criteria.NewScale("0–3", criteria.Level{Mark: dec("0")}, criteria.Level{Mark: dec("1")}, criteria.Level{Mark: dec("2")}, criteria.Level{Mark: dec("3")})
	p := func(rules ...score.RoundingRule) score.Policy {
		return score.Policy{Rounding: rules, Criteria: []score.Criterion{
			priceCrit("price", "40", criteria.PriceRule{Method: criteria.Relative}),
			{ID: "q", Title: "Q", Weight: dec("60"), Quality: &criteria.QualityRule{Scale: scale, Moderation: criteria.ConsensusMark}},
		}}
	}
	bid := func(id, price string, m int64) score.Bid {
		b := simpleBid(id, price, m)
		return b
	}
	tests := []struct {
		why   string
		rules []score.RoundingRule
		price string // bid Y's price points as shown
		total string // bid Y's total as shown
	}{
		{"leaf points 2 dp half-up: 26.666… → 26.67; total the sum 46.67",
			[]score.RoundingRule{{Stage: score.LeafPoints, Places: 2, Mode: exact.HalfUp}}, "26.67", "46.67"},
		{"leaf points 2 dp down: 26.66; total 46.66",
			[]score.RoundingRule{{Stage: score.LeafPoints, Places: 2, Mode: exact.Down}}, "26.66", "46.66"},
		{"total only, 1 dp half-up: leaves exact, 46.666… → 46.7",
			[]score.RoundingRule{{Stage: score.Total, Places: 1, Mode: exact.HalfUp}}, "26.6666666666…", "46.7"},
		{"top level 0 dp half-even: 26.666… → 27, 20 stays 20; total 47",
			[]score.RoundingRule{{Stage: score.TopLevel, Places: 0, Mode: exact.HalfEven}}, "27", "47"},
		{"normalised 2 dp down, then points: price 0.66 × 40 = 26.40, quality 1/3 → 0.33 × 60 = 19.80, total 46.20",
			[]score.RoundingRule{{Stage: score.Normalised, Places: 2, Mode: exact.Down}, {Stage: score.LeafPoints, Places: 2, Mode: exact.HalfUp}}, "26.40", "46.20"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			l := evalLot(t, p(tt.rules...), bid("X", "200", 0), bid("Y", "300", 1))
			assert.Equal(t, tt.price, points(t, l, "Y", "price"))
			assert.Equal(t, tt.total, total(t, l, "Y"))
		})
	}
}

func TestWeightings(t *testing.T) {
	tree := func(w score.Weighting, top, a, b string) score.Policy {
		return score.Policy{Weighting: w, Criteria: []score.Criterion{
			priceCrit("price", top, criteria.PriceRule{Method: criteria.Relative}),
			{ID: "qual", Title: "Quality", Weight: dec("60"), Children: []score.Criterion{qualityCrit("a", a), qualityCrit("b", b)}},
		}}
	}
	bid := score.Bid{ID: "B1", Supplier: score.Supplier{ID: "S1", Name: "One"}, Lot: "L1",
		Responses: map[string]score.Response{"price": priced("100"), "a": marks(4), "b": marks(2)}}
	tests := []struct {
		why  string
		p    score.Policy
		a, b string
	}{
		// a is 25% of quality's 60 = 15 marks, b 75% = 45; b marked 2/4 → 22.50.
		{"percent at each level: 25/75 of 60", tree(score.PercentEachLevel, "40", "25", "75"), "15.00", "22.50"},
		// a "10% question": 10 marks; b 50 marks → 25.00.
		{"percent of total: 10 + 50 = 60", tree(score.PercentOfTotal, "40", "10", "50"), "10.00", "25.00"},
		// points as published: quality 60 points of 100; a 15 and b 45 points
		// of quality's 60 → b 2/4 × 45 = 22.50.
		{"points: 40 + 60, then 15 + 45", tree(score.Points, "40", "15", "45"), "15.00", "22.50"},
		// points at the top, percentages below: a 25% and b 75% of quality's
		// 60 points → 15 and 45, the same lines.
		{"points, then percentages of the parent", tree(score.Points, "40", "25", "75"), "15.00", "22.50"},
		// a 150-point model is out of 150: price 90, quality 60 points.
		{"points summing to 150", tree(score.Points, "90", "15", "45"), "15.00", "22.50"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			l := evalLot(t, tt.p, bid)
			assert.Equal(t, tt.a, points(t, l, "B1", "a"))
			assert.Equal(t, tt.b, points(t, l, "B1", "b"))
		})
	}
}

func TestTieBreakChain(t *testing.T) {
	// Two questions, q1 60 and q2 20, price 20. X and Y tie on every total;
	// X has more on q1. Same price, same quality total.
	p := score.Policy{Criteria: []score.Criterion{
		priceCrit("price", "20", criteria.PriceRule{Method: criteria.Relative}),
		{ID: "quality", Title: "Quality", Weight: dec("80"), Children: []score.Criterion{qualityCrit("q1", "75"), qualityCrit("q2", "25")}},
	}}
	bid := func(id string, m1, m2 int64, price string) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
			Responses: map[string]score.Response{"price": priced(price), "q1": marks(m1), "q2": marks(m2)}}
	}
	// X: q1 2/4 × 60 = 30, q2 4/4 × 20 = 20 → 50. Y: q1 3/4 × 60 = 45, q2 ... 5 would be needed; use
	// Y: q1 ... keep quality equal differently: X q1=4 (60) q2=0 (0) = 60; Y q1=3 (45) q2=3 (15) = 60.
	x, y := bid("X", 4, 0, "100"), bid("Y", 3, 3, "100")

	t.Run("no chain: the tie stands and the outcome says so", func(t *testing.T) {
		l := evalLot(t, p, x, y)
		assert.Equal(t, score.UnresolvedTie, l.Outcome)
		assert.Equal(t, "", l.Winner)
		assert.True(t, l.Standings[0].Tied)
		assert.Equal(t, 1, l.Standings[1].Rank)
		require.Len(t, l.TieBreaks, 1)
		assert.False(t, l.TieBreaks[0].Resolved)
	})
	t.Run("higher quality cannot separate, the highest-weighted question can", func(t *testing.T) {
		q := p
		q.TieBreaks = []score.TieBreak{{Kind: score.HigherPoints, Criterion: "quality"}, {Kind: score.HigherPoints, Criterion: "q1"}}
		l := evalLot(t, q, y, x)
		assert.Equal(t, "X", l.Winner)
		assert.Equal(t, 2, l.Standings[1].Rank)
		require.Len(t, l.TieBreaks, 1)
		assert.True(t, l.TieBreaks[0].Resolved)
		assert.Contains(t, l.TieBreaks[0].Steps()[0], "still tied")
		assert.Contains(t, l.TieBreaks[0].Steps()[1], "X 60.00, Y 45.00")
	})
	t.Run("a recorded manual step awaits scores, then decides", func(t *testing.T) {
		q := p
		q.TieBreaks = []score.TieBreak{{Kind: score.Recorded, Name: "presentation", Description: "tie-break presentation"}}
		l := evalLot(t, q, x, y)
		assert.Equal(t, score.UnresolvedTie, l.Outcome)
		assert.Contains(t, l.TieBreaks[0].Steps()[0], "awaiting recorded scores for X, Y")
		y2 := y
		y2.TieBreakScores = map[string]score.RecordedScore{"presentation": {Score: dec("8"), Reason: "panel score"}}
		x2 := x
		x2.TieBreakScores = map[string]score.RecordedScore{"presentation": {Score: dec("6"), Reason: "panel score"}}
		l = evalLot(t, q, x2, y2)
		assert.Equal(t, "Y", l.Winner)
	})
	t.Run("lower price separates bids tied on points", func(t *testing.T) {
		// Price-only policy with the deduction method at a high rate: both far above
		// the lowest score 0, and are tied; lower price puts the cheaper first.
		q := score.Policy{Criteria: []score.Criterion{priceCrit("price", "100", criteria.PriceRule{Method: criteria.Deduction, Rate: dec("10")})},
			TieBreaks: []score.TieBreak{{Kind: score.LowerPrice}}}
		pb := func(id, price string) score.Bid {
			return score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: id}, Lot: "L1", Responses: map[string]score.Response{"price": priced(price)}}
		}
		l := evalLot(t, q, pb("LOW", "100"), pb("P", "300"), pb("Q", "250"))
		assert.Equal(t, []string{"LOW", "Q", "P"}, []string{l.Standings[0].BidID, l.Standings[1].BidID, l.Standings[2].BidID})
		assert.Equal(t, 2, l.Standings[1].Rank)
		assert.Equal(t, 3, l.Standings[2].Rank)
	})
}

func TestDisqualification(t *testing.T) {
	t.Run("a failed gate disqualifies before scoring", func(t *testing.T) {
		p := simplePolicy()
		p.Gates = []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "ce", Title: "Cyber Essentials Plus"}}
		a, b := simpleBid("A", "100", 4), simpleBid("B", "50", 1)
		a.Gates = map[string]criteria.GateResult{"ce": {Pass: true}}
		b.Gates = map[string]criteria.GateResult{"ce": {Pass: false, Reason: "certificate expired"}}
		l := evalLot(t, p, a, b)
		assert.Equal(t, "A", l.Winner)
		assert.Equal(t, "40.00", points(t, l, "A", "price"), "the disqualified bid's lower price takes no part in the field")
		bb, _ := l.Bid("B")
		require.NotNil(t, bb.Disqualified)
		assert.Equal(t, score.AtGate, bb.Disqualified.Stage)
		assert.Contains(t, bb.Disqualified.Reasons[0].Text, "certificate expired")
		assert.False(t, bb.Total.Scored)
	})
	t.Run("a mark below the minimum disqualifies (PA 2023 s.23(3)(a))", func(t *testing.T) {
		p := simplePolicy()
		p.Criteria[1].Quality.MinMark = decp("2")
		l := evalLot(t, p, simpleBid("A", "100", 2), simpleBid("B", "50", 1))
		bb, _ := l.Bid("B")
		require.NotNil(t, bb.Disqualified)
		assert.Equal(t, "min-mark", bb.Disqualified.Reasons[0].Rule)
		assert.Equal(t, "40.00", points(t, l, "A", "price"), "the field for price excludes bids that failed quality thresholds")
	})
	t.Run("minimum quality percentage: exactly at the threshold passes", func(t *testing.T) {
		p := simplePolicy()
		p.Thresholds.MinQualityPercent = decp("50")
		l := evalLot(t, p, simpleBid("A", "100", 2), simpleBid("B", "50", 1))
		a, _ := l.Bid("A")
		assert.Nil(t, a.Disqualified, "2 of 4 is exactly 50%")
		assert.Equal(t, "50", a.QualityPercent.String())
		b, _ := l.Bid("B")
		require.NotNil(t, b.Disqualified)
		assert.Equal(t, "min-quality-percent", b.Disqualified.Reasons[0].Rule)
	})
	t.Run("minimum percentage on a criterion", func(t *testing.T) {
		p := simplePolicy()
		p.Criteria[1].MinPercent = decp("75")
		l := evalLot(t, p, simpleBid("A", "100", 3), simpleBid("B", "50", 2))
		b, _ := l.Bid("B")
		require.NotNil(t, b.Disqualified)
		assert.Equal(t, "min-percent", b.Disqualified.Reasons[0].Rule)
	})
	t.Run("over budget: disqualify removes the bid from the field", func(t *testing.T) {
		p := simplePolicy()
		p.Criteria[0].Price.MaxBudget = dec("150")
		p.Criteria[0].Price.OverBudget = criteria.DisqualifyOverBudget
		l := evalLot(t, p, simpleBid("A", "150", 1), simpleBid("B", "151", 4))
		b, _ := l.Bid("B")
		require.NotNil(t, b.Disqualified)
		assert.Equal(t, score.AtBudget, b.Disqualified.Stage)
		a, _ := l.Bid("A")
		assert.Nil(t, a.Disqualified, "a price equal to the budget is within it")
	})
	t.Run("over budget: score zero keeps the bid with no price marks", func(t *testing.T) {
		p := simplePolicy()
		p.Criteria[0].Price.MaxBudget = dec("150")
		p.Criteria[0].Price.OverBudget = criteria.ScoreZeroOverBudget
		l := evalLot(t, p, simpleBid("A", "150", 1), simpleBid("B", "151", 4))
		assert.Equal(t, "0.00", points(t, l, "B", "price"))
		assert.Equal(t, "60.00", total(t, l, "B"))
		assert.Equal(t, "B", l.Winner)
	})
	t.Run("every bid out: no compliant bid", func(t *testing.T) {
		p := simplePolicy()
		p.Criteria[1].Quality.MinMark = decp("4")
		l := evalLot(t, p, simpleBid("A", "100", 3), simpleBid("B", "50", 1))
		assert.Equal(t, score.NoCompliantBid, l.Outcome)
		assert.Empty(t, l.Standings)
		assert.Len(t, l.Disqualified(), 2)
	})
}

// Price per quality point (docs/sources/price-formulas.md): price ÷ quality
// points, lowest wins. A £9,000 with quality 3/4 × 100 = 75 → £120 a point;
// B £6,000 with 2/4 × 100 = 50 → £120 a point too; C £8,000 with 4/4 → £80.
func TestPricePerQualityPoint(t *testing.T) {
	p := score.Policy{Basis: score.PricePerQualityPoint, Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.PerQualityPoint}},
		qualityCrit("q", "100"),
	}, TieBreaks: []score.TieBreak{{Kind: score.LowerPrice}}}
	l := evalLot(t, p, simpleBid("A", "9000", 3), simpleBid("B", "6000", 2), simpleBid("C", "8000", 4))
	assert.Equal(t, "C", l.Winner)
	assert.Equal(t, "80", total(t, l, "C"))
	assert.Equal(t, "120", total(t, l, "A"))
	assert.Equal(t, "120", total(t, l, "B"))
	assert.Equal(t, []string{"C", "B", "A"}, []string{l.Standings[0].BidID, l.Standings[1].BidID, l.Standings[2].BidID}, "B's lower price breaks the tie at £120 a point")

	t.Run("zero quality points cannot be divided by", func(t *testing.T) {
		l := evalLot(t, p, simpleBid("A", "9000", 3), simpleBid("Z", "1000", 0))
		z, _ := l.Bid("Z")
		require.NotNil(t, z.Disqualified)
		assert.Equal(t, "no-quality-points", z.Disqualified.Reasons[0].Rule)
	})
}

func TestSchedulePriceThroughEngine(t *testing.T) {
	// Lines: 10 × 2 years and 5 × 1 year. A: £3 and £4 → 60 + 20 = £80;
	// B: £2 and £8 → 40 + 40 = £80. Equal prices: equal price points.
	rule := criteria.PriceRule{Method: criteria.Relative, Schedule: &criteria.Schedule{Lines: []criteria.ScheduleLine{
		{Item: "a", Quantity: dec("10"), FirstYear: 1, Years: 2}, {Item: "b", Quantity: dec("5"), FirstYear: 1, Years: 1}}}}
	p := score.Policy{Criteria: []score.Criterion{priceCrit("price", "100", rule)}}
	bid := func(id, a, b string) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: id}, Lot: "L1", Responses: map[string]score.Response{
			"price": {Price: criteria.UnitPrices(map[string]decimal.Decimal{"a": dec(a), "b": dec(b)})}}}
	}
	l := evalLot(t, p, bid("A", "3", "4"), bid("B", "2", "8"), bid("C", "4", "4"))
	assert.Equal(t, "100.00", points(t, l, "A", "price"))
	assert.Equal(t, "100.00", points(t, l, "B", "price"))
	// C: 80 + 20 = £100 → 80/100 × 100 = 80.00.
	assert.Equal(t, "80.00", points(t, l, "C", "price"))
}

func TestEvaluateLot(t *testing.T) {
	tn := tenderOf(lotOf(simplePolicy()))
	other := lotOf(simplePolicy())
	other.ID = "L2"
	tn.Lots = append(tn.Lots, other)
	bids := []score.Bid{simpleBid("A", "100", 3)}
	l, err := score.EvaluateLot(tn, "L1", bids)
	require.NoError(t, err, "lot L2 has no bids, but only L1 is evaluated")
	assert.Equal(t, "A", l.Winner)

	_, err = score.EvaluateLot(tn, "L9", bids)
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("lot", "known-lot"))

	_, err = score.Evaluate(tn, bids)
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("lots[1]", "no-bids"), "evaluating the whole tender needs bids for every lot")
	assert.True(t, errors.Is(err, err))
}
