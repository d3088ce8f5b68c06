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

var update = flag.Bool("update", false, "rewrite the golden file")

// TestGolden compares the program's output with testdata/findings.golden;
// run with -update to refresh it after a deliberate change, and review the
// diff.
func TestGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	golden := filepath.Join("testdata", "findings.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), buf.String())
}

// TestFindings checks, independently of the golden file, that each
// deliberate mistake is found with the right severity.
func TestFindings(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	out := buf.String()
	for _, want := range []string{
		"error location-above-threshold: lot 1 (Service desk), criterion office (Office within the borough)",
		"error local-policy: lot 1 (Service desk): social value carries 10% of the total score; policy \"Northbridge social value minimum\" requires at least 20%",
		"error framework-procedure: lot 2 (Cloud hosting): a call-off under RM1557.14 lot 1 (Cloud hosting) by further-competition, but it permits only direct-award",
		"error framework-dates: lot 3 (Desktop support): commenced 1 July 2026, after RM6100 lot 3a (End User Services) ended on 14 June 2026",
		"warning abnormally-low-gate: lot 1 (Service desk)",
	} {
		assert.Contains(t, out, want)
	}
}
