package analysis_test

import (
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score/analysis"
)

// worded is every answer of what it takes to win and of the weights in
// words, and each removal's winner after it, with the figures each
// rests on, for comparing two runs word for word.
func worded(a analysis.LotAnalysis) string {
	var b strings.Builder
	for _, tw := range a.ToWin {
		b.WriteString(tw.BidID + " " + tw.Total.String() + "\n  " + tw.Price.Explanation() + "\n  " + tw.Marks.Explanation() + "\n")
		b.WriteString("  " + tw.Price.Price.String() + " " + tw.Price.Cut.String() + " " + tw.Marks.Gain.String() + "\n")
	}
	for _, c := range append(slices.Clone(a.ToWin[0].Price.Checks), a.ToWin[0].Marks.Checks...) {
		b.WriteString(c.Scores() + "\n")
	}
	b.WriteString(a.Sensitivity.Statement + "\n")
	for _, w := range slices.Concat(a.Sensitivity.Shifts, a.Sensitivity.Joining) {
		b.WriteString(w.Explanation() + "\n")
	}
	for _, r := range a.Reversals {
		b.WriteString(r.Removed + " → " + r.WinnerAfter + "\n")
	}
	return b.String()
}

// TestAnalyseParallelAsSerial checks that spreading the bids' questions over
// goroutines (what it takes to win, one bid at a time in each, and the
// weights and the removals beside them) answers every question as one
// goroutine does, word for word: each answer is the bid's
// own, whichever goroutine found it and in whatever order. 60 bids give
// each of 8 goroutines several, sharing the field of prices and the
// trials; the race detector (.ci/run) watches what they share.
func TestAnalyseParallelAsSerial(t *testing.T) {
	tn, bids := benchLot(60)
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	serial, err := analysis.Analyse(tn, "L1", bids)
	require.NoError(t, err)
	want := worded(serial)
	require.Len(t, serial.ToWin, 59, "every bid but the winner is asked about")
	for _, procs := range []int{2, 8} {
		runtime.GOMAXPROCS(procs)
		for range 3 { // the goroutines take the bids in a different order each time
			got, err := analysis.Analyse(tn, "L1", bids)
			require.NoError(t, err)
			assert.Equal(t, want, worded(got), "GOMAXPROCS=%d", procs)
		}
	}
}

// TestJoiningParallelAsSerial: the bids below a minimum that a shift lifts
// over it (Sensitivity.Joining) are searched beside the rivals, and
// answered as one goroutine answers them: the 40-bid share-of-price lot
// under a minimum of 50% counting social value, where shifts lift three
// such bids above the winner.
func TestJoiningParallelAsSerial(t *testing.T) {
	tn, bids := shareOfPriceLot(t, 40)
	m := decimal.NewFromInt(50)
	tn.Lots[0].Policy.Thresholds.MinQualityPercent = &m
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	serial, err := analysis.Analyse(tn, "L1", bids)
	require.NoError(t, err)
	require.Len(t, serial.Sensitivity.Joining, 3)
	want := worded(serial)
	runtime.GOMAXPROCS(4)
	for range 3 {
		got, err := analysis.Analyse(tn, "L1", bids)
		require.NoError(t, err)
		assert.Equal(t, want, worded(got))
	}
}
