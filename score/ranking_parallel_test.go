package score_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
)

// rankingText is a lot's standings and tie-break records, every step worded.
func rankingText(t *testing.T, tn score.Tender, bids []score.Bid) (string, int) {
	t.Helper()
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	l := res.Lots[0]
	var b strings.Builder
	for _, s := range l.Standings {
		fmt.Fprintf(&b, "%d %s %s %v\n", s.Rank, s.BidID, s.Score, s.Tied)
	}
	for _, r := range l.TieBreaks {
		fmt.Fprintf(&b, "%v %v %v\n%s\n", r.Bids, r.Resolved, r.Order, strings.Join(r.Steps(), "\n"))
	}
	return b.String(), len(l.TieBreaks)
}

// TestParallelTieBreaksMatchSerial evaluates a field with enough runs of
// equal totals for the engine to break them over several goroutines, with
// one processor and with eight, and requires the same standings and the
// same tie-break records, every step worded alike.
func TestParallelTieBreaksMatchSerial(t *testing.T) {
	tn, bids := benchField(6000)
	prev := runtime.GOMAXPROCS(1)
	serial, runs := rankingText(t, tn, bids)
	runtime.GOMAXPROCS(8)
	parallel, _ := rankingText(t, tn, bids)
	runtime.GOMAXPROCS(prev)
	require.Greater(t, runs, 2*512, "enough runs of equal totals to be broken in parallel")
	assert.Equal(t, serial, parallel, "serial and parallel evaluations differ")
	assert.Contains(t, serial, "step 2, lower price")
}
