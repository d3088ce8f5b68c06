package report_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// TestSummariseAward checks the summaries of a capped award (twoLots:
// Ashgrove is cheapest on both lots, the cap is one, lot 2 goes to
// Bramble).
func TestSummariseAward(t *testing.T) {
	tn, bids := twoLots()
	a, err := score.Award(tn, bids)
	require.NoError(t, err)

	cases := []struct {
		bid, why string
		status   report.SummaryStatus
		mat      string // the tender compared with; "" for none
		whyNot   []string
	}{
		{"A2", "ranked first but passed over for the cap: compared with the tender awarded, and told why in the award's words",
			report.NotMostAdvantageous, "B2",
			[]string{"A2 ranked first on lot 2 but Ashgrove Supplies Ltd was already awarded lot 1; the cap is 1; lot 2 goes to the next-ranked bidder B2 (Bramble Office Ltd)."}},
		{"B2", "the tender awarded the lot is the most advantageous in its summary", report.MostAdvantageous, "", nil},
	}
	for _, c := range cases {
		s, err := report.SummariseAward(a, "2", c.bid)
		require.NoError(t, err)
		assert.Equal(t, c.status, s.Status, c.why)
		if c.mat == "" {
			assert.Nil(t, s.MostAdvantageous, c.why)
		} else {
			require.NotNil(t, s.MostAdvantageous, c.why)
			assert.Equal(t, c.mat, s.MostAdvantageous.BidID, c.why)
		}
		assert.Equal(t, c.whyNot, s.WhyNot, c.why)
	}

	plain, err := report.Summarise(a.Result, "2", "A2")
	require.NoError(t, err)
	assert.Equal(t, report.MostAdvantageous, plain.Status, "Summarise alone knows nothing of the cap: use SummariseAward for an award under lot rules")

	sums, err := report.AwardSummaries(a)
	require.NoError(t, err)
	assert.Len(t, sums, 4, "every bid of every lot")
}

// TestSummariseAwardLotNotAwarded: when every compliant bidder is at the
// cap, no tender is shown as the winner's and each bidder is told why.
func TestSummariseAwardLotNotAwarded(t *testing.T) {
	tn, bids := twoLots()
	bids = bids[:3] // Bramble does not bid for lot 2: only Ashgrove, at the cap
	a, err := score.Award(tn, bids)
	require.NoError(t, err)
	s, err := report.SummariseAward(a, "2", "A2")
	require.NoError(t, err)
	assert.Equal(t, report.NoAward, s.Status)
	assert.Nil(t, s.MostAdvantageous)
	assert.Equal(t, []string{"A2 ranked first on lot 2 but Ashgrove Supplies Ltd was already awarded lot 1; the cap is 1; lot 2 is not awarded, as every other supplier with a compliant bid is at the cap too."}, s.WhyNot)
}
