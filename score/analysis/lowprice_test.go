package analysis_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
)

// lotOf evaluates a field in which X (top marks) is tested against the
// other prices given; the others are marked 1 and 1 so X always wins.
func lotOf(t *testing.T, x string, others ...string) (score.LotResult, []score.Bid) {
	t.Helper()
	specs := []bidSpec{{"X", "Xylem Works Ltd", x, 4, 4, true}}
	for i, p := range others {
		id := fmt.Sprintf("O%d", i+1)
		specs = append(specs, bidSpec{id, "Other " + id + " Ltd", p, 1, 1, true})
	}
	tn, bids := fixture(criteria.Relative, specs...)
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	return res.Lots[0], bids
}

func flaggedX(t *testing.T, rule analysis.LowPriceRule, x string, others ...string) bool {
	t.Helper()
	lr, bids := lotOf(t, x, others...)
	flags, err := analysis.AbnormallyLow(lr, bids, rule)
	require.NoError(t, err)
	for _, f := range flags {
		assert.Equal(t, analysis.Investigate, f.Action, "a flag never excludes (Procurement Act 2023 s.19(4)–(5))")
		assert.Contains(t, f.Explanation, "s.19(3)(c), (4)–(5)")
		if f.BidID == "X" {
			return true
		}
	}
	return false
}

func TestAbnormallyLowBoundaries(t *testing.T) {
	scot := analysis.ScottishHandbookRule()
	pz := analysis.ProZorroRules()
	tests := []struct {
		why    string
		rule   analysis.LowPriceRule
		x      string
		others []string
		want   bool
	}{
		// Scottish Construction Procurement Handbook ch. 8 (2018): more than
		// 15% below the average excluding the highest AND more than the
		// margin below the lowest qualifying price. Strict on both.
		{"Scottish: exactly 15% below the average (85,000 vs (85,000 + 115,000) ÷ 2 = 100,000) is not 'more than'", scot, "85000", []string{"115000", "500000"}, false},
		{"Scottish: a penny lower is more than 15% below (0.85 × 99,999.995 = 84,999.99575)", scot, "84999.99", []string{"115000", "500000"}, true},
		{"Scottish: exactly the margin below the lowest other price (100,000 − 1% = 99,000) is not 'more than'", scot, "99000", []string{"100000", "300000", "300000", "300000", "400000"}, false},
		{"Scottish: a penny beyond the margin is flagged (the average test holds: 0.85 × (98,999.99 + 1,000,000) ÷ 5 ≫ 99,000)", scot, "98999.99", []string{"100000", "300000", "300000", "300000", "400000"}, true},
		{"Scottish: the margin is at least £1,000 (1% of £50,000 is £500): £49,000 is not beyond it", scot, "49000", []string{"50000", "300000", "300000", "300000", "400000"}, false},
		{"Scottish: a penny beyond the £1,000 minimum margin is flagged", scot, "48999.99", []string{"50000", "300000", "300000", "300000", "400000"}, true},
		{"Scottish: the margin is at most £100,000 (1% of £20m is £200,000): £19,900,000 is not beyond it", scot, "19900000", []string{"20000000", "60000000", "60000000", "60000000", "80000000"}, false},
		{"Scottish: a penny beyond the £100,000 maximum margin is flagged, though within 1% (£200,000)", scot, "19899999.99", []string{"20000000", "60000000", "60000000", "60000000", "80000000"}, true},
		{"Scottish: far below the average but within the margin of the next-lowest is not flagged: both tests must hold", scot, "99500", []string{"100000", "900000", "900000", "950000"}, false},
		// ProZorro: winner at least 40% below the mean of the others, or at
		// least 30% below the next bid; boundaries count as flagged.
		{"ProZorro mean: exactly 40% below the mean of the others (60,000 vs 100,000) is flagged: 'at least'", pz[0], "60000", []string{"100000", "100000"}, true},
		{"ProZorro mean: a penny above the boundary is not", pz[0], "60000.01", []string{"100000", "100000"}, false},
		{"ProZorro next: exactly 30% below the next bid (70,000 vs 100,000) is flagged", pz[1], "70000", []string{"100000", "300000"}, true},
		{"ProZorro next: a penny above the boundary is not", pz[1], "70000.01", []string{"100000", "300000"}, false},
		{"ProZorro next: the next bid is the nearest price above, not the mean (69,999 vs 100,000 while the mean is 200,000)", pz[1], "69999", []string{"100000", "300000"}, true},
		// Declared rules, strict or inclusive as declared.
		{"declared mean rule, strict: exactly 20% below is not flagged", analysis.PercentBelowMeanOfOthers(d("20"), false), "80000", []string{"100000"}, false},
		{"declared mean rule, inclusive: exactly 20% below is flagged", analysis.PercentBelowMeanOfOthers(d("20"), true), "80000", []string{"100000"}, true},
		{"declared next-bid rule: the highest price has no next bid", analysis.PercentBelowNextBid(d("10"), true), "500000", []string{"100000"}, false},
		{"declared next-bid rule, strict: 10.01% below is flagged", analysis.PercentBelowNextBid(d("10"), false), "89990", []string{"100000"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			assert.Equal(t, tt.want, flaggedX(t, tt.rule, tt.x, tt.others...))
		})
	}
}

func TestAbnormallyLowWinnerOnly(t *testing.T) {
	// ProZorro tests the winner only: O1 (marked 1, 1) is 50% below the mean
	// of the others but does not win, so it is not flagged.
	lr, bids := lotOf(t, "100000", "50000", "100000")
	flags, err := analysis.AbnormallyLow(lr, bids, analysis.ProZorroRules()...)
	require.NoError(t, err)
	assert.Empty(t, flags)
	// The declared rule applies to every bid.
	flags, err = analysis.AbnormallyLow(lr, bids, analysis.PercentBelowMeanOfOthers(d("40"), true))
	require.NoError(t, err)
	require.Len(t, flags, 1)
	assert.Equal(t, "O1", flags[0].BidID)
	assert.Equal(t, "50", flags[0].Below.String())
	assert.Equal(t, "100000", flags[0].Compared.String())
}

func TestAbnormallyLowLeavesOutDisqualified(t *testing.T) {
	// E fails the gate: its price takes no part, and it is never flagged.
	tn, bids := standard()
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	flags, err := analysis.AbnormallyLow(res.Lots[0], bids, analysis.PercentBelowMeanOfOthers(d("1"), false))
	require.NoError(t, err)
	for _, f := range flags {
		assert.NotEqual(t, "E", f.BidID)
	}
}

func TestLowPriceRuleValidate(t *testing.T) {
	bad := []analysis.LowPriceRule{
		{Name: "none", Test: "guess", Percent: d("10")},
		{Name: "zero", Test: analysis.BelowNextBid, Percent: d("0")},
		{Name: "all", Test: analysis.BelowNextBid, Percent: d("100")},
		{Name: "margin", Test: analysis.ScottishHandbook, Percent: d("15"), MarginMin: d("10"), MarginMax: d("5")},
	}
	for _, r := range bad {
		assert.Error(t, r.Validate(), r.Name)
		_, err := analysis.AbnormallyLow(score.LotResult{}, nil, r)
		assert.Error(t, err)
	}
	assert.NoError(t, analysis.ScottishHandbookRule().Validate())
}

func TestPercentTextSmallCut(t *testing.T) {
	// £39.71 off £1,170,400.00 is 0.003392…%: shown with enough places to
	// be seen, not as 0.00%.
	lr, bs := lotOf(t, "1170360.29", "1170400")
	flags, err := analysis.AbnormallyLow(lr, bs, analysis.PercentBelowNextBid(d("0.001"), true))
	require.NoError(t, err)
	require.Len(t, flags, 1)
	assert.Contains(t, flags[0].Explanation, "0.0033…% below the next compliant price")
}
