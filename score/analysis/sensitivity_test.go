package analysis_test

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
)

// shiftWeights moves pts percentage points from one top-level criterion to
// another in a copy of the tender (percent at each level: the children keep
// their shares).
func shiftWeights(tn score.Tender, from, to string, pts string) score.Tender {
	l := tn.Lots[0]
	cs := append([]score.Criterion(nil), l.Policy.Criteria...)
	for i := range cs {
		switch cs[i].ID {
		case from:
			cs[i].Weight = cs[i].Weight.Sub(d(pts))
		case to:
			cs[i].Weight = cs[i].Weight.Add(d(pts))
		}
	}
	l.Policy.Criteria = cs
	tn.Lots = []score.Lot{l}
	return tn
}

func rankOf(t *testing.T, tn score.Tender, bids []score.Bid, id string) int {
	t.Helper()
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	for _, s := range res.Lots[0].Standings {
		if s.BidID == id {
			return s.Rank
		}
	}
	return 0
}

func TestSensitivityByHand(t *testing.T) {
	// W £100,000, marks 3, 3 → 40 + 27 + 18 = 85; R £150,000, marks 4, 3 →
	// 26.67 + 36 + 18 = 80.67. Moving 8.96 points from Price to Quality:
	// W 31.04 + 31.03 (0.45 × 68.96 = 31.032) + 20.69 (20.688) = 82.76;
	// R 20.69 (31.04 × 2/3) + 41.38 (41.376) + 20.69 = 82.76, a tie the
	// chain gives to R's higher quality. At 8.95: W 31.05 + 31.03 + 20.69 =
	// 82.77, R 20.70 + 41.37 + 20.69 = 82.76, so W stays ahead.
	tn, bids := fixture(criteria.Relative,
		bidSpec{"W", "Wrenfield Ltd", "100000", 3, 3, true},
		bidSpec{"R", "Rowanby Ltd", "150000", 4, 3, true})
	s, err := analysis.WeightSensitivity(tn, "L1", bids)
	require.NoError(t, err)
	require.Len(t, s.Shifts, 1)
	ws := s.Shifts[0]
	require.Equal(t, analysis.Found, ws.Answer, ws.Explanation())
	assert.Equal(t, "price", ws.From)
	assert.Equal(t, "quality", ws.To)
	assert.Equal(t, "8.96", ws.Points.StringFixed(2))
	assert.Equal(t, "R", ws.NewWinner)
	assert.Equal(t, analysis.ModeratelyRobust, s.Robustness, "8.96 is under 10 and not under 5 points")
	assert.Contains(t, s.Statement, "8.96 percentage points of weight moved from Price to Quality")
	assert.Equal(t, 1, rankOf(t, shiftWeights(tn, "price", "quality", "8.96"), bids, "R"))
	assert.Equal(t, 2, rankOf(t, shiftWeights(tn, "price", "quality", "8.95"), bids, "R"))
}

// TestSensitivityRescored checks each shift found in the standard field by
// applying it to a copy of the tender.
func TestSensitivityRescored(t *testing.T) {
	tn, bids := standard()
	s, err := analysis.WeightSensitivity(tn, "L1", bids)
	require.NoError(t, err)
	assert.Equal(t, "D", s.Winner)
	require.Len(t, s.Shifts, 3)
	for _, ws := range s.Shifts {
		if ws.Answer != analysis.Found {
			continue
		}
		w := rankOf(t, shiftWeights(tn, ws.From, ws.To, ws.Points.String()), bids, "D")
		r := rankOf(t, shiftWeights(tn, ws.From, ws.To, ws.Points.String()), bids, ws.Rival)
		assert.Less(t, r, w, ws.Explanation())
		less := ws.Points.Sub(d("0.01")).String()
		w = rankOf(t, shiftWeights(tn, ws.From, ws.To, less), bids, "D")
		r = rankOf(t, shiftWeights(tn, ws.From, ws.To, less), bids, ws.Rival)
		assert.Greater(t, r, w, "0.01 less: %s", ws.Explanation())
	}
	require.GreaterOrEqual(t, s.Smallest, 0)
	assert.Equal(t, "A", s.Shifts[s.Smallest].Rival, "A trails D by 0.46 points: the nearest rival")
}

func TestSensitivityNoWinner(t *testing.T) {
	tn, bids := fixture(criteria.Relative, bidSpec{"E", "Elmstead Systems Ltd", "250000", 4, 4, false})
	s, err := analysis.WeightSensitivity(tn, "L1", bids)
	require.NoError(t, err)
	assert.Equal(t, analysis.NoAward, s.Robustness)
	assert.Empty(t, s.Shifts)
}

func TestSensitivityRobust(t *testing.T) {
	// R beats W on nothing: lower quality on both questions and a higher
	// price, so no move of weight can put it ahead.
	tn, bids := fixture(criteria.Relative,
		bidSpec{"W", "Wrenfield Ltd", "100000", 4, 4, true},
		bidSpec{"R", "Rowanby Ltd", "150000", 2, 2, true})
	s, err := analysis.WeightSensitivity(tn, "L1", bids)
	require.NoError(t, err)
	assert.Equal(t, analysis.Robust, s.Robustness)
	assert.Equal(t, -1, s.Smallest)
	assert.Equal(t, analysis.CannotWin, s.Shifts[0].Answer)
}

func TestRankReversalByHand(t *testing.T) {
	// With all four: lowest £300,000 (C). D 60 + 40 × 300/650 = 18.46 →
	// 78.46; A 54 + 24 = 78.00; B 45 + 30 = 75.00; C 30 + 40 = 70.00.
	// Without C the lowest is £400,000: A 54 + 32 = 86.00, B 45 + 40 =
	// 85.00, D 60 + 24.62 = 84.62 — A and B both pass D. Removing A, B or D
	// leaves the lowest price and the order as they were.
	tn, bids := standard()
	rs, err := analysis.RankReversals(tn, "L1", bids)
	require.NoError(t, err)
	require.Len(t, rs, 1)
	r := rs[0]
	assert.Equal(t, "C", r.Removed)
	assert.Equal(t, []analysis.ReversedPair{{Above: "D", Below: "A"}, {Above: "D", Below: "B"}}, r.Pairs)
	assert.True(t, r.WinnerChanged)
	assert.Equal(t, "A", r.WinnerAfter)
	assert.Contains(t, r.Explanation, "the lot would be won by A instead of D")
}

func TestRankReversalNoneUnderBand(t *testing.T) {
	// Band scoring is independent of the other bids: removing one can never
	// reorder the rest (docs/sources/price-formulas.md).
	tn, bids := standard()
	r := tn.Lots[0].Policy.Criteria[0].Price
	r.Method, r.Floor, r.Ceiling = criteria.Band, d("200000"), d("700000")
	rs, err := analysis.RankReversals(tn, "L1", bids)
	require.NoError(t, err)
	assert.Empty(t, rs)
}

// TestRankReversalFromALevelGroup: a removal can reorder the others with
// no field figure moving, where the tie-break chain holds a level group
// together. Hand-worked: prices scored in a published band, so no bid's
// price moves another's points; A, B and C bid £400,000, A and B marked 4
// and 1, C 2 and 4, so each has 60 × (4 × 60 + 1 × 40) ÷ 400 = 60 × (2 × 60
// + 4 × 40) ÷ 400 = 42 quality points and the same total. The chain is an
// interview (A 0, C 2, B none recorded), then higher points on Approach.
// With B the interview awaits B's score and holds all three level;
// Approach puts A and B (4) above C (2). Without B the interview puts C
// above A. The removal of B was not re-scored: it moves no figure.
func TestRankReversalFromALevelGroup(t *testing.T) {
	tn, bids := fixture(criteria.Band, bidSpec{"A", "Alder Ltd", "400000", 4, 1, true},
		bidSpec{"B", "Birch Ltd", "400000", 4, 1, true}, bidSpec{"C", "Cedar Ltd", "400000", 2, 4, true})
	pol := &tn.Lots[0].Policy
	pol.Criteria[0].Price.Floor, pol.Criteria[0].Price.Ceiling = d("200000"), d("700000")
	pol.TieBreaks = []score.TieBreak{{Kind: score.Recorded, Name: "interview"}, {Kind: score.HigherPoints, Criterion: "q1"}}
	bids[0].TieBreakScores = map[string]score.RecordedScore{"interview": {Score: d("0"), Reason: "panel"}}
	bids[2].TieBreakScores = map[string]score.RecordedScore{"interview": {Score: d("2"), Reason: "panel"}}
	rs, err := analysis.RankReversals(tn, "L1", bids)
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, "B", rs[0].Removed)
	assert.Equal(t, []analysis.ReversedPair{{Above: "A", Below: "C"}}, rs[0].Pairs)
	assert.Equal(t, "C", rs[0].WinnerAfter)
}

// A model published in points shifts weight in percentage points of the
// whole, as the same model in percentages does: price 80 and quality 120
// of 200 points are the 40/60 of the fixture, so the smallest shift that
// changes the winner is the same number of percentage points. Rounding is
// fine enough (10 places) that neither scale rounds the answer away.
func TestSensitivityOnThePublishedScale(t *testing.T) {
	specs := []bidSpec{{"W", "Wrenfield Ltd", "100000", 3, 3, true}, {"R", "Rowanby Ltd", "150000", 4, 3, true}}
	fine := []score.RoundingRule{{Stage: score.Total, Places: 10, Mode: "half-up"}}
	pct, bids := fixture(criteria.Relative, specs...)
	pct.Lots[0].Policy.Rounding = fine
	pts, _ := fixture(criteria.Relative, specs...)
	pts.Lots[0].Policy.Rounding = fine
	pts.Lots[0].Policy.Weighting = score.Points
	pts.Lots[0].Policy.Criteria[0].Weight = d("80")
	pts.Lots[0].Policy.Criteria[1].Weight = d("120") // its sub-criteria stay 60% and 40% of it
	a, err := analysis.WeightSensitivity(pct, "L1", bids)
	require.NoError(t, err)
	b, err := analysis.WeightSensitivity(pts, "L1", bids)
	require.NoError(t, err)
	require.Len(t, a.Shifts, 1)
	require.Len(t, b.Shifts, 1)
	require.Equal(t, analysis.Found, a.Shifts[0].Answer, a.Shifts[0].Explanation())
	require.Equal(t, analysis.Found, b.Shifts[0].Answer, b.Shifts[0].Explanation())
	assert.Equal(t, a.Shifts[0].Points.String(), b.Shifts[0].Points.String(), "the same percentage points on either scale")
	assert.Equal(t, a.Robustness, b.Robustness)
}

// underAMinimum is the fixture's lot with price 50, quality 30 and
// apprenticeship starts 20 (relative to the best offer, each worth
// £2,000), under a minimum quality score of 40% counting social value;
// each bid commits the starts given, in order.
func underAMinimum(starts []int64, specs ...bidSpec) (score.Tender, []score.Bid) {
	tn, bids := fixture(criteria.Relative, specs...)
	cat := criteria.Catalogue{Name: "a fictional sample", Measures: []criteria.Measure{{Code: "FX-APPR-01",
		Description: "Apprenticeship starts", Unit: "apprenticeship start", Proxy: d("2000"), Source: "fictional", Year: 2026}}}
	pol := &tn.Lots[0].Policy
	pol.Criteria[0].Weight, pol.Criteria[1].Weight = d("50"), d("30")
	pol.Criteria = append(pol.Criteria, score.Criterion{ID: "appr", Title: "Apprenticeships", Weight: d("20"),
		SocialValue: &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisQuantity,
			Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}})
	m := d("40")
	pol.Thresholds.MinQualityPercent = &m
	for i, n := range starts {
		q := decimal.NewFromInt(n)
		bids[i].Responses["appr"] = score.Response{SocialValue: criteria.SocialValueResponse{
			Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &q}}}}
	}
	return tn, bids
}

// TestShiftTakesTheWinnerBelowAMinimum: a shift of weight that puts the
// rival above the winner by taking the winner below the minimum quality
// score, far short of where their totals draw level. Hand-worked: price 50
// (relative), quality 30 (q1 60%, q2 40%, marked 0–4), apprenticeship
// starts 20 relative to the best offer, and a minimum quality score of 40%
// counting social value. W bids £100,000 marked 1 on both (0.25 of
// quality's marks) with 4 starts, the best; R £200,000 marked 3 (0.75)
// with 1 start. W has 50 + 7.50 + 20 = 77.50 and 27.50 of 50 quality
// marks (55%); R 25 + 22.50 + 5 = 52.50. Moving d points from social value
// to quality, W has 77.5 − 0.75d and R 52.5 + 0.5d, level at d = 20; but
// W's quality score is (27.5 − 0.75d) ÷ 50, below 40% past d = 10: at
// 10.01 W shows 10.00 + 19.99 = 39.98% and leaves the field, and R wins.
// Every other move is larger: from social value to price W falls below
// the minimum past 12.5, from price to quality the totals draw level at 25.
func TestShiftTakesTheWinnerBelowAMinimum(t *testing.T) {
	tn, bids := underAMinimum([]int64{4, 1}, bidSpec{"W", "Wexcombe Services Ltd", "100000", 1, 1, true},
		bidSpec{"R", "Rowanmere Ltd", "200000", 3, 3, true})
	_, got := soleShift(t, tn, bids)
	assert.Equal(t, "10.01", got.Points.StringFixed(2))
	assert.Equal(t, "appr", got.From)
	assert.Equal(t, "quality", got.To)
	assert.Equal(t, "R", got.NewWinner)
	require.Len(t, got.Checks, 2)
	assert.True(t, got.Checks[0].Holds)
	assert.False(t, got.Checks[1].Holds)
	assert.Equal(t, "10 percentage points moved", got.Checks[1].Change(), "a hundredth less")
	assert.True(t, got.DrawsLevel)
	assert.Equal(t, "20", got.BreakEven.String(), "where the totals would draw level")
}

// TestShiftThatNeverDrawsLevel: the shift that puts the rival above the
// winner draws their totals apart, and works only by taking the winner
// below the minimum: DrawsLevel is false (BreakEven says nothing).
// Hand-worked, underAMinimum's lot: W bids £100,000 marked 1 on both with
// 2 starts, R £150,000 marked 1 with 3 (the best offer). Moving d points
// from apprenticeships to quality, W has 50 + 0.25(30 + d) + ⅔(20 − d) and
// R 33.33 + 0.25(30 + d) + (20 − d): W's lead grows by ⅓d. But W's quality
// score, (20.83 − 0.4167d) ÷ 50 counting social value, is below 40% past
// d = 2: at 2.01 W leaves, R's price is the lowest left, and R has
// 50 + 8.00 + 17.99 = 75.99; at 2, W 70.00 and R 59.33.
func TestShiftThatNeverDrawsLevel(t *testing.T) {
	tn, bids := underAMinimum([]int64{2, 3}, bidSpec{"W", "Wexcombe Services Ltd", "100000", 1, 1, true},
		bidSpec{"R", "Rowanmere Ltd", "150000", 1, 1, true})
	_, got := soleShift(t, tn, bids)
	assert.Equal(t, "2.01", got.Points.StringFixed(2))
	assert.Equal(t, "appr", got.From)
	assert.Equal(t, "quality", got.To)
	assert.False(t, got.DrawsLevel, "the shift draws the totals apart")
	require.Len(t, got.Checks, 2)
	assert.Equal(t, "R 75.99, W not scored", got.Checks[0].Scores())
	assert.Equal(t, "R 59.33, W 70.00", got.Checks[1].Scores())
}

// TestShiftCaveatOnlyBelowTheAnswer: where the search stops following the
// field only past the smallest shift found, the award's reading is
// complete, and neither the statement nor the answer says otherwise.
// TestShiftPastABidJoiningTheField's lot with J marked 3 and 0 (0.45 of
// quality's marks): 0.45(30 + d) ÷ 50 reaches 40% only at d = 14.44…,
// above the 10.01 that takes W below the minimum.
func TestShiftCaveatOnlyBelowTheAnswer(t *testing.T) {
	tn, bids := underAMinimum([]int64{4, 1, 0}, bidSpec{"W", "Wexcombe Services Ltd", "100000", 1, 1, true},
		bidSpec{"R", "Rowanmere Ltd", "200000", 3, 3, true}, bidSpec{"J", "Juniper Vale Ltd", "300000", 3, 0, true})
	s, err := analysis.WeightSensitivity(tn, "L1", bids)
	require.NoError(t, err)
	require.Len(t, s.Shifts, 1, "J is below the minimum: not a rival")
	got := s.Shifts[0]
	require.Equal(t, analysis.Found, got.Answer, got.Explanation())
	assert.Equal(t, "10.01", got.Points.StringFixed(2))
	assert.NotContains(t, got.Explanation(), "A smaller shift may also do it")
	assert.NotContains(t, s.Statement, "not complete")
}

// TestShiftPastABidJoiningTheField: under a minimum quality score a shift
// can lift a bid below it into the field, where it may rank above the
// winner, and, joining at the lowest price, move the price points the
// others are scored against: the search does not follow the field past
// that, and says so. TestShiftTakesTheWinnerBelowAMinimum's lot with J
// (£50,000, the lowest price, marked 2 on both, no starts): 15 of 50
// quality marks, 30%, below the minimum. Moving d points from social value
// to quality J has 0.5(30 + d) ÷ 50, 40% from d = 10, where it joins and
// takes the lowest price, so that R ties W and ranks above it on quality:
// the answer found is confirmed, but it may not be the smallest, and the
// words say which bid and which move of weight the search does not follow
// past.
// At £300,000, not the lowest price (the relative method reads no other
// end of the field), J joining moves nothing: it is searched as a rival
// (Sensitivity.Joining), ranking above W from 10.01, where W leaves (at
// 10, 16.67 + 20 against W's 70), and nothing is said to be incomplete.
func TestShiftPastABidJoiningTheField(t *testing.T) {
	lot := func(price string) (score.Tender, []score.Bid) {
		return underAMinimum([]int64{4, 1, 0}, bidSpec{"W", "Wexcombe Services Ltd", "100000", 1, 1, true},
			bidSpec{"R", "Rowanmere Ltd", "200000", 3, 3, true}, bidSpec{"J", "Juniper Vale Ltd", price, 2, 2, true})
	}
	tn, bids := lot("50000")
	s, got := soleShift(t, tn, bids)
	// at 10, J joins at the lowest price: W has 25 + 10 + 10 = 45, R 12.50 + 30 + 2.50 = 45 and more quality, J 50 + 20 = 70
	assert.Equal(t, "10.00", got.Points.StringFixed(2))
	// 9.96, not 10: the least shift at which J could cross, within the rounding's reach of its margin's line (score.Trials.ShiftCrossings)
	assert.Contains(t, got.Explanation(), "A smaller shift may also do it: from 9.96 percentage points moved from Apprenticeships to Quality, a shift can take J across a minimum score")
	assert.Contains(t, s.Statement, "This reading is not complete under the minimum scores: from 9.96 percentage points moved from Apprenticeships to Quality, a shift can take J across a minimum score into the field, where it may rank above the winner or move the lowest or highest price the others are scored against, which this search does not follow.")
	assert.Empty(t, s.Joining, "J joining at the lowest price moves the field: not searched")

	tn, bids = lot("300000")
	s, got = soleShift(t, tn, bids)
	assert.Equal(t, "10.01", got.Points.StringFixed(2))
	assert.NotContains(t, got.Explanation(), "A smaller shift may also do it")
	assert.NotContains(t, s.Statement, "not complete")
	require.Len(t, s.Joining, 1)
	j := s.Joining[0]
	require.Equal(t, analysis.Found, j.Answer, j.Explanation())
	assert.Equal(t, "J", j.Rival)
	assert.Equal(t, "10.01", j.Points.StringFixed(2))
	assert.Equal(t, "appr → quality", j.From+" → "+j.To)
	assert.Equal(t, "R", s.Shifts[s.Smallest].Rival, "of equal shifts the rival's is the one graded")
}

// TestShiftLiftsABidOverTheMinimumUnderPricePerQualityPoint: under price
// per quality point a bid below a minimum moves no other bid's ratio when
// a shift lifts it over, so the search follows it as a rival (Joining).
// Hand-worked: price per quality point, quality 70 (q1 60%, q2 40%,
// marked 0–4), team 30 (marked 0–4), a minimum quality score of 49%
// counting both, leaves' points to 2 places. W bids £100,000 marked 3, 3
// and 2: 52.5 + 15 = 67.5 points, £1,481.48 a point. R £150,000, 2, 2, 2:
// 35 + 15 = 50, £3,000. J £60,000, 1, 1, 4: 17.5 + 30 = 47.5, below the
// minimum. Moving d points from quality to team J has 47.5 + 0.75d: at
// 2.00, 10.20 + 6.80 + 32 = 49.00, in, £1,224.49 a point against W's
// 100,000 ÷ 67 = £1,492.54, so J ranks first; at 1.99, 10.20 + 6.80 +
// 31.99 = 48.99, out. R's 50 never moves (35 − 0.5d + 15 + 0.5d), and
// W's 67.5 ∓ 0.25d would have to fall below 33.34 for R's £3,000 a point
// to beat it: no shift puts R above W. The award is
// graded on J's 2 points; before, the statement said only that J could
// join from about 2 points, which the search did not follow.
func TestShiftLiftsABidOverTheMinimumUnderPricePerQualityPoint(t *testing.T) {
	tn, bids := fixture(criteria.PerQualityPoint, bidSpec{"W", "Wexcombe Services Ltd", "100000", 3, 3, true},
		bidSpec{"R", "Rowanmere Ltd", "150000", 2, 2, true}, bidSpec{"J", "Juniper Vale Ltd", "60000", 1, 1, true})
	pol := &tn.Lots[0].Policy
	pol.Basis = score.PricePerQualityPoint
	pol.Criteria[0].Weight, pol.Criteria[1].Weight = d("0"), d("70")
	pol.Criteria = append(pol.Criteria, score.Criterion{ID: "team", Title: "Team", Weight: d("30"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}})
	m := d("49")
	pol.Thresholds.MinQualityPercent = &m
	for i, team := range []int64{2, 2, 4} {
		bids[i].Responses["team"] = consensus(team)
	}
	s, err := analysis.WeightSensitivity(tn, "L1", bids)
	require.NoError(t, err)
	require.Equal(t, "W", s.Winner)
	require.Len(t, s.Shifts, 1)
	assert.Equal(t, analysis.CannotWin, s.Shifts[0].Answer, s.Shifts[0].Explanation())
	require.Len(t, s.Joining, 1)
	j := s.Joining[0]
	require.Equal(t, analysis.Found, j.Answer, j.Explanation())
	assert.Equal(t, "J", j.Rival)
	assert.Equal(t, "2", j.Points.String())
	assert.Equal(t, "quality → team", j.From+" → "+j.To)
	assert.Equal(t, "J", j.NewWinner)
	assert.Equal(t, "moving 2 percentage points of weight from Quality to Team lifts J over the minimum score it failed and puts it above W (then J wins). Re-scored: "+
		j.Checks[0].String()+"; "+j.Checks[1].String(), j.Explanation())
	assert.True(t, j.Checks[0].Holds)
	assert.False(t, j.Checks[1].Holds)
	assert.Equal(t, analysis.Sensitive, s.Robustness)
	assert.Contains(t, s.Statement, "The award to W would change if 2 percentage points of weight moved from Quality to Team (J, below a minimum score as evaluated, would then pass it and rank above it).")
	assert.NotContains(t, s.Statement, "not complete")
	for _, c := range []struct{ shift, winner string }{{"2", "J"}, {"1.99", "W"}} { // the engine, whole
		res, err := score.Evaluate(shifted(tn, "quality", "team", d(c.shift)), bids)
		require.NoError(t, err)
		assert.Equal(t, c.winner, res.Lots[0].Winner, "at %s", c.shift)
	}
}

// TestShiftPastTheBestOfferLeaving: a bid holding the best social value
// offer that a shift takes below a minimum moves no other bid's points,
// since the social value field is drawn before any threshold: the search
// reads on past it and says nothing of it. underAMinimum's lot with W
// (£100,000, marked 2 on both, 4 starts), R (£200,000, 3, 1 start) and S
// (£400,000, 1, 8 starts, the best): W 50 + 15 + 10 = 75, R 25 + 22.50 +
// 2.50 = 50, S 12.50 + 7.50 + 20 = 40. Moving d points from social value
// to quality S has (7.5 + 0.25d) + (20 − d) of 50 marks, below 40% past
// d = 10, and leaves; W keeps 75 and R has 50 + 0.625d, so nothing there
// changes the award. From price to social value S has 40 + 0.75d against
// W's 75 − 0.5d: level at 28, where the tie-break keeps W, and above it at
// 28.01 (61.01 against 61.00 as shown); from price to quality R has
// 50 + 0.25d against 75 − 0.5d, level at 33.33 as shown (58.34), where R
// ranks first on the chain. Before, S's leaving at 9.97 was read as moving
// the field, and every answer said a smaller shift might do.
func TestShiftPastTheBestOfferLeaving(t *testing.T) {
	tn, bids := underAMinimum([]int64{4, 1, 8}, bidSpec{"W", "Wexcombe Services Ltd", "100000", 2, 2, true},
		bidSpec{"R", "Rowanmere Ltd", "200000", 3, 3, true}, bidSpec{"S", "Sorrelby Ltd", "400000", 1, 1, true})
	s, err := analysis.WeightSensitivity(tn, "L1", bids)
	require.NoError(t, err)
	require.Len(t, s.Shifts, 2)
	for _, c := range []struct{ rival, points, from, to string }{{"R", "33.33", "price", "quality"}, {"S", "28.01", "price", "appr"}} {
		i := slices.IndexFunc(s.Shifts, func(w analysis.WeightShift) bool { return w.Rival == c.rival })
		require.GreaterOrEqual(t, i, 0, c.rival)
		got := s.Shifts[i]
		require.Equal(t, analysis.Found, got.Answer, got.Explanation())
		assert.Equal(t, c.points, got.Points.StringFixed(2), c.rival)
		assert.Equal(t, c.from+" → "+c.to, got.From+" → "+got.To, c.rival)
		assert.NotContains(t, got.Explanation(), "A smaller shift may also do it", c.rival)
	}
	assert.Equal(t, "S", s.Shifts[s.Smallest].Rival)
	assert.NotContains(t, s.Statement, "not complete")
}

// TestShiftUnderACoarseRatioRounding: under price per quality point the
// search asks every hundredth of a pair's window (score.Trials.ShiftWindow),
// each a trial of the two bids. Where the ratio is rounded to whole pounds
// a point the window runs from 19.28 points, and the least shift that puts
// A above B is 20.28: every hundredth below it, from the window's start,
// is held to the lot evaluated whole. Under a minimum score both bids
// meet, each hundredth is still the two bids re-scored, and the answer is
// the same (before, each was the lot evaluated whole, only 20 were asked,
// and the answer said a smaller shift might do; where a search stops at
// its budget it still says so: TestScanPastItsBudgetSaysSo). Under the
// default rounding (leaves' points to 2 places) it asks until it finds the
// answer, and says nothing more.
func TestShiftUnderACoarseRatioRounding(t *testing.T) {
	tn, bids := fixture(criteria.PerQualityPoint, bidSpec{"A", "Alder Ltd", "400000", 3, 2, true}, bidSpec{"B", "Birch Ltd", "300000", 2, 1, true})
	pol := &tn.Lots[0].Policy
	pol.Basis = score.PricePerQualityPoint
	pol.Criteria[0].Weight, pol.Criteria[1].Weight = d("0"), d("70")
	pol.Criteria = append(pol.Criteria, score.Criterion{ID: "team", Title: "Team", Weight: d("30"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}})
	bids[0].Responses["team"], bids[1].Responses["team"] = consensus(1), consensus(4)

	pol.Rounding = []score.RoundingRule{{Stage: score.Total, Places: 0, Mode: exact.HalfUp}}
	s, err := analysis.WeightSensitivity(tn, "L1", bids)
	require.NoError(t, err)
	require.Equal(t, "B", s.Winner)
	require.Len(t, s.Shifts, 1)
	got := s.Shifts[0]
	require.Equal(t, analysis.Found, got.Answer, got.Explanation())
	p, err := score.Prepare(tn, bids)
	require.NoError(t, err)
	tr, _ := p.Trials("L1")
	lo, _, ok, err := tr.ShiftWindow("team", "quality", "A", "B")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "19.28", exact.Plain(lo))
	assert.Equal(t, "20.28", got.Points.String())
	assert.NotContains(t, got.Explanation(), "A smaller shift may also do it")
	for x := lo; x.LessThan(got.Points); x = x.Add(d("0.01")) {
		res, err := score.Evaluate(shifted(tn, "team", "quality", x), bids)
		require.NoError(t, err)
		assert.Equal(t, "B", res.Lots[0].Standings[0].BidID, "at %s, asked", x)
	}

	m := d("10") // met by both: only the search changes
	pol.Thresholds.MinQualityPercent = &m
	s, err = analysis.WeightSensitivity(tn, "L1", bids)
	require.NoError(t, err)
	require.Equal(t, analysis.Found, s.Shifts[0].Answer)
	assert.Equal(t, "20.28", s.Shifts[0].Points.String())
	assert.NotContains(t, s.Shifts[0].Explanation(), "A smaller shift may also do it")
	assert.NotContains(t, s.Statement, "may not be complete")

	pol.Thresholds.MinQualityPercent, pol.Rounding = nil, nil
	s, err = analysis.WeightSensitivity(tn, "L1", bids)
	require.NoError(t, err)
	require.Equal(t, analysis.Found, s.Shifts[0].Answer)
	assert.NotContains(t, s.Shifts[0].Explanation(), "A smaller shift may also do it")
	assert.NotContains(t, s.Statement, "may not be complete")
}

// jitterLot is a lot where the winner's standing against a minimum jitters
// with a coarse rounding: five bids, social value 15 of 150 points with a
// minimum of 22% of its marks, each criterion's points rounded down to
// one place. Moving weight from social value to price, B2 (the winner)
// falls below the minimum at 7.24 to 7.27 points, is in again from 7.28
// to 7.51, and out from 7.52 (as the lot evaluated whole says).
func jitterLot() (score.Tender, []score.Bid) {
	cat := criteria.Catalogue{Name: "a fictional sample", Measures: []criteria.Measure{
		{Code: "FX-SME-01", Description: "Contract spend with small firms", Unit: criteria.UnitPounds, Proxy: d("0.10"), Source: "fictional", Year: 2026},
		{Code: "FX-APPR-01", Description: "Apprenticeship starts", Unit: "apprenticeship start", Proxy: d("2000"), Source: "fictional", Year: 2026}}}
	specs := []bidSpec{{"B0", "B0 Ltd", "132000", 0, 0, true}, {"B1", "B1 Ltd", "100000", 0, 0, true}, {"B2", "B2 Ltd", "118000", 4, 1, true}, {"B3", "B3 Ltd", "100000", 0, 0, true}, {"B4", "B4 Ltd", "121000", 0, 0, true}}
	tn, bids := fixture(criteria.Relative, specs...)
	pol := &tn.Lots[0].Policy
	pol.Criteria[0].Weight, pol.Criteria[1].Weight = decimal.NewFromInt(10), decimal.NewFromInt(80)
	rule := &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-SME-01", "FX-APPR-01"}, Basis: criteria.BasisProxyValue,
		Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported, Per: criteria.ShareOfBidPrice}
	pol.Criteria = append(pol.Criteria, score.Criterion{ID: "sv", Title: "Social value", Weight: decimal.NewFromInt(10), SocialValue: rule})
	pol.Weighting = score.Points
	for i := range pol.Criteria {
		pol.Criteria[i].Weight = pol.Criteria[i].Weight.Mul(d("1.5"))
	}
	pol.Rounding = []score.RoundingRule{{Stage: score.TopLevel, Places: 1, Mode: exact.Down}}
	pol.TieBreaks = []score.TieBreak{{Kind: score.LowerPrice}}
	m := decimal.NewFromInt(22)
	pol.Criteria[2].MinPercent = &m
	cs := []criteria.Commitment{
		{Measure: "FX-APPR-01", Quantity: amount(d("11"))},
		{Measure: "FX-SME-01", Quantity: amount(d("20000"))},
		{Measure: "FX-SME-01", Quantity: amount(d("47500"))},
		{Measure: "FX-SME-01", Quantity: amount(d("82500"))},
		{Measure: "FX-SME-01", Quantity: amount(d("60000"))},
	}
	for i := range bids {
		bids[i].Responses["sv"] = score.Response{SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{cs[i]}}}
	}
	return tn, bids
}

func amount(x decimal.Decimal) *decimal.Decimal { return &x }

// TestWinnerLeavingUnderACoarseRounding: where the winner's margin against
// a minimum jitters with the rounding, the search asks each hundredth from
// the least shift at which it could leave (score.Trials.ShiftCrossings) for
// 500 of them, then halves; past them the answers say from where it did
// not ask. The hundredths it asked are held to the lot evaluated whole: the
// winner is in at each; and at 7.24, past them, it is out, so the 7.52
// found is not the least, as the words allow.
func TestWinnerLeavingUnderACoarseRounding(t *testing.T) {
	tn, bids := jitterLot()
	p, err := score.Prepare(tn, bids)
	require.NoError(t, err)
	tr, _ := p.Trials("L1")
	var least exact.Fraction
	for _, c := range tr.ShiftCrossings("sv", "price") {
		if c.BidID == "B2" {
			least = c.Least
		}
	}
	first := exact.Rounding{Places: 2, Mode: exact.Floor}.Apply(least).Add(d("0.01"))
	stop := first.Add(d("5")) // 500 hundredths asked
	s, err := analysis.WeightSensitivity(tn, "L1", bids)
	require.NoError(t, err)
	require.Equal(t, "B2", s.Winner)
	for _, w := range s.Shifts {
		if w.Answer == analysis.Found {
			assert.Contains(t, w.Explanation(), "A smaller shift may also do it: from "+exact.Plain(stop)+" percentage points", w.Rival)
		}
	}
	assert.Contains(t, s.Statement, "This reading may not be complete")
	winnerIn := func(x decimal.Decimal) bool {
		res, err := score.Evaluate(shifted(tn, "sv", "price", x), bids)
		require.NoError(t, err)
		for _, b := range res.Lots[0].Bids {
			if b.BidID == "B2" {
				return b.Total.Scored
			}
		}
		return false
	}
	for x := first; x.LessThan(stop); x = x.Add(d("0.01")) {
		require.True(t, winnerIn(x), "B2 in at %s, asked", x)
	}
	assert.False(t, winnerIn(d("7.24")), "out below the answer found, past the hundredths asked")
}

// soleShift is the weight sensitivity of a lot W wins with one rival
// (others below a minimum), and the rival's shift, which must be found.
func soleShift(t *testing.T, tn score.Tender, bids []score.Bid) (analysis.Sensitivity, analysis.WeightShift) {
	t.Helper()
	s, err := analysis.WeightSensitivity(tn, "L1", bids)
	require.NoError(t, err)
	require.Equal(t, "W", s.Winner)
	require.Len(t, s.Shifts, 1, "one rival")
	got := s.Shifts[0]
	require.Equal(t, analysis.Found, got.Answer, got.Explanation())
	return s, got
}
