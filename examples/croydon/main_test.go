package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden compares the whole report with the reviewed copy in
// testdata/croydon.golden.txt. After a deliberate change, run
// `go test ./examples/croydon -update` and review the diff.
func TestGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	golden := filepath.Join("testdata", "croydon.golden.txt")
	if *update {
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run with -update to create the golden file")
	assert.Equal(t, string(want), buf.String())
}

// TestScenario checks, independently of the golden text, that the example
// shows what it promises: five lots, at least four bidders each, a
// disqualified bid, and a tie settled by the chain.
func TestScenario(t *testing.T) {
	tn := tender()
	require.Len(t, tn.Lots, 5)
	count := map[string]int{}
	for _, b := range bids() {
		count[b.Lot]++
	}
	for _, l := range tn.Lots {
		assert.GreaterOrEqual(t, count[l.ID], 4, "lot %s needs at least four bidders", l.ID)
	}
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	out := buf.String()
	assert.Contains(t, out, "Disqualified")
	assert.Contains(t, out, "B-202, B-204 tied on their totals (resolved)")
}
