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

// TestGolden compares the program's output with testdata/crosslot.golden.txt;
// run `go test ./examples/crosslot -update` after a deliberate change and
// review the diff.
func TestGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	golden := filepath.Join("testdata", "crosslot.golden.txt")
	if *update {
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run with -update to create the golden file")
	assert.Equal(t, string(want), buf.String())
}

// TestOffers checks, independently of the golden text, what the example
// promises: Hollyoak's offer wins lots A and B against the best separate
// awards, Greenmere's does not, and the numbers are those worked by hand.
func TestOffers(t *testing.T) {
	a, err := score.Award(tender(), bids())
	require.NoError(t, err)
	assert.Equal(t, []string{"X-1"}, a.Accepted)
	require.Len(t, a.Offers, 2)

	x1, x2 := a.Offers[0], a.Offers[1]
	assert.Equal(t, score.OfferAccepted, x1.Status)
	// Separately: A to Hollyoak 92.00, C to Ferncourt 91.24, B to Ferncourt
	// 89.31 = 272.55. With 5% off, Hollyoak's lot A price £760,000 becomes
	// the lowest (40 + 54 = 94.00) and lot B £361,000 scores
	// 40 × 340,000 ÷ 361,000 = 37.67 + 51 = 88.67: 94.00 + 91.24 + 88.67 =
	// 273.91.
	assert.Equal(t, "272.55", x1.Without.Total.String())
	assert.Equal(t, "273.91", x1.With.Total.String())
	require.Len(t, x1.Lots, 2)
	assert.Equal(t, "88.67", x1.Lots[1].ScoreAfter.String())
	assert.Equal(t, 2, x1.Lots[1].RankAfter, "still second on lot B: the combination wins on the total, not the lot")

	assert.Equal(t, score.OfferNotAccepted, x2.Status)
	assert.Equal(t, "259.65", x2.With.Total.String())

	b, _ := a.Lot("B")
	assert.Equal(t, "B-1", b.BidID)
	assert.Equal(t, "X-1", b.Offer)
	require.Len(t, b.PassedOver, 1)
	assert.Equal(t, "B-3", b.PassedOver[0].BidID)
	assert.Contains(t, a.Explain("B", "B-3"), "under its cross-lot offer X-1")
	assert.Contains(t, a.Decision, "cross-lot offer X-1 from Hollyoak Grounds Ltd")
}
