package score_test

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// TestReadWhileValidatingMatchesReadAfter: reading each bid as it passes
// validation (in parallel, in input order) gives byte for byte what
// validating every bid and then reading the lot in id order gave, on a
// field that takes every path a bid can (wideField), with one processor
// and with eight.
func TestReadWhileValidatingMatchesReadAfter(t *testing.T) {
	tn, bids := wideField(1100)
	require.True(t, score.ReadAsValidated(tn, bids), "a valid field is read as it is validated, or this test compares nothing")
	prev := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(prev)
	for _, procs := range []int{1, 8} {
		runtime.GOMAXPROCS(procs)
		after, err := score.EvaluateReadAfter(tn, bids)
		require.NoError(t, err)
		var want bytes.Buffer
		require.NoError(t, report.JSON(&want, after))
		require.NoError(t, report.Text(&want, after))
		assert.True(t, bytes.Equal(want.Bytes(), rendered(t, tn, bids)), "GOMAXPROCS=%d: read while validating differs", procs)
	}
}

// TestNothingReadFromAFieldWithProblems: a bid with a problem, wherever it
// is, means the field is not read as validated (and Evaluate reports the
// problem rather than a result).
func TestNothingReadFromAFieldWithProblems(t *testing.T) {
	for _, at := range []int{0, 600, 1099} {
		tn, bids := wideField(1100)
		delete(bids[at].Responses, "q1")
		assert.False(t, score.ReadAsValidated(tn, bids), "bid %d has no response to q1", at)
		_, err := score.Evaluate(tn, bids)
		assert.ErrorContains(t, err, "no response to criterion q1", "bid %d", at)
	}
	// On two processors the field is validated in two halves: a problem in
	// the first bid of the first half stops that half at once, so at most
	// the second half is read — memory for the bids that passed, not for
	// the field.
	prev := runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(prev)
	tn, bids := wideField(1100)
	delete(bids[0].Responses, "q1")
	assert.LessOrEqual(t, score.BidsReadAsValidated(tn, bids), 550)
	bids[0].Responses["q1"] = bids[1].Responses["q1"]
	assert.Equal(t, 1100, score.BidsReadAsValidated(tn, bids), "every bid is read once the problem is gone")
	bids[5].ID = bids[4].ID
	assert.False(t, score.ReadAsValidated(tn, bids), "a problem across bids (a repeated id) stops the reading too")
}
