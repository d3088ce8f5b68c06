package report_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
)

// TestFieldFixture pins what the fixture is for, worked by hand, so that a
// change to it cannot quietly weaken the confidentiality tests.
func TestFieldFixture(t *testing.T) {
	res := fieldResult(t)
	a, _ := res.Lot("A")
	// AMBER 54 + 40 × 391,250 ÷ 480,000 = 54 + 32.60 = 86.60 beats DUNLIN
	// 60 + 25.56 = 85.56; CINDER, the lowest compliant price, loses.
	assert.Equal(t, "BID-AMBER", a.Winner)
	require.Len(t, a.Standings, 4)
	assert.Equal(t, "86.60", a.Standings[0].Score.String())
	assert.Equal(t, "BID-CINDER", a.Standings[3].BidID)
	b, _ := res.Lot("B")
	// Linear: FULMAR 40 + 12, HERON 31 + 21, GANNET 22 + 30 all make 52;
	// higher quality puts GANNET first. KITTIWAKE 0 + 45.
	assert.Equal(t, "BID-GANNET", b.Winner)
	require.Len(t, b.TieBreaks, 1)
	assert.Len(t, b.TieBreaks[0].Bids, 3)
	c, _ := res.Lot("C")
	// LAPWING £100,000 ÷ 100 = £1,000 a point; MERLIN £80,000 ÷ 75 =
	// £1,066.67; NIGHTJAR 25% quality is under the 50% minimum.
	assert.Equal(t, "BID-LAPWING", c.Winner)
	nj, _ := c.Bid("BID-NIGHTJAR")
	require.NotNil(t, nj.Disqualified)
	assert.Equal(t, score.AtThreshold, nj.Disqualified.Stage)
}
