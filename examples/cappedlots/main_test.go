package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
)

var update = flag.Bool("update", false, "rewrite the golden file in testdata/")

// TestGolden compares the program's output with testdata/cappedlots.golden.md;
// run `go test ./examples/cappedlots -update` after a deliberate change and
// review the diff.
func TestGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	golden := filepath.Join("testdata", "cappedlots.golden.md")
	if *update {
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run with -update to create the golden file")
	assert.Equal(t, string(want), buf.String())
}

// TestAward checks the cap at work against totals worked by hand
// (price = lowest ÷ this × 40, rounded to 2 dp; each question mark ÷ 4 ×
// its points: delivery 30, mobilisation 20, social value 10):
//
//	lot 3 H-1: 1,280,000/1,300,000 × 40 = 39.38; 30 + 15; 7.50 → 91.88
//	lot 1 L-1:   950,000/1,000,000 × 40 = 38.00; 30 + 15; 7.50 → 90.50
//	lot 2 D-1:   650,000/700,000 × 40   = 37.14; 30 + 20; 7.50 → 94.64
//	lot 2 D-2:   650,000/690,000 × 40   = 37.68; 22.5 + 15; 7.50 → 82.68
//
// Larkspur ranks first on all three; lots go in descending value (3, 1,
// 2), so it takes lots 3 and 1 and lot 2 goes to Beckford's D-2.
func TestAward(t *testing.T) {
	a, err := score.Award(tender(), bids())
	require.NoError(t, err)
	assert.Equal(t, []string{"3", "1", "2"}, a.Order)
	for id, want := range map[string]struct{ bid, score string }{
		"3": {"H-1", "91.88"}, "1": {"L-1", "90.50"}, "2": {"D-2", "82.68"},
	} {
		la, ok := a.Lot(id)
		require.True(t, ok)
		assert.Equal(t, score.Awarded, la.Status, "lot %s", id)
		assert.Equal(t, want.bid, la.BidID, "lot %s", id)
		assert.Equal(t, want.score, la.Score.String(), "lot %s", id)
	}
	lot2, _ := a.Result.Lot("2")
	require.NotEmpty(t, lot2.Standings)
	assert.Equal(t, "D-1", lot2.Standings[0].BidID)
	assert.Equal(t, "94.64", lot2.Standings[0].Score.String())
	la, _ := a.Lot("2")
	require.Len(t, la.PassedOver, 1)
	assert.Equal(t, "D-1", la.PassedOver[0].BidID)

	// Fenwick's H-5 (£1,150,000) fails a condition of participation: it is
	// disregarded, so H-1's price points still use H-3's £1,280,000 as the
	// lowest (91.88 above), and H-5 is no assessed tender.
	lot3, _ := a.Result.Lot("3")
	h5, ok := lot3.Bid("H-5")
	require.True(t, ok)
	require.NotNil(t, h5.Disqualified)
	assert.True(t, h5.Disqualified.Disregarded)
}
