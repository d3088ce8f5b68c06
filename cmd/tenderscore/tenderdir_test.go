package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCatalogueBesideTheTender checks that a tender file naming its measure
// catalogue reads it from the tender file's folder, wherever the command
// runs, and that no name in the file reads outside that folder: not with
// "..", not by an absolute path, not through a symbolic link.
func TestCatalogueBesideTheTender(t *testing.T) {
	out, errs, status := tenderscore("", "score", "testdata/named/tender.yaml", "testdata/named/bids.yaml")
	require.Equal(t, exitOK, status, errs)
	assert.Contains(t, out, "Outcome: the most advantageous tender is G-1")
	assert.Contains(t, out, "FX-JOBS-01", "the social value working names the catalogue's measure")

	tender, err := os.ReadFile("testdata/named/tender.yaml")
	require.NoError(t, err)
	catalogue, err := os.ReadFile("testdata/named/measures.csv")
	require.NoError(t, err)
	bids, err := filepath.Abs("testdata/named/bids.yaml")
	require.NoError(t, err)

	top := t.TempDir()
	dir := filepath.Join(top, "tender")
	require.NoError(t, os.Mkdir(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(top, "outside.csv"), catalogue, 0o644))
	require.NoError(t, os.Symlink(filepath.Join(top, "outside.csv"), filepath.Join(dir, "link.csv")))
	for _, tc := range []struct{ why, name, want string }{
		{"a symbolic link out of the folder", "link.csv", "cannot be opened"},
		{"climbing out", "../outside.csv", "relative to the tender file"},
		{"an absolute path", filepath.Join(top, "outside.csv"), "relative to the tender file"},
	} {
		t.Run(tc.why, func(t *testing.T) {
			src := []byte(strings.Replace(string(tender), "  catalogue: measures.csv\n", "  catalogue: "+tc.name+"\n", 1))
			name := filepath.Join(dir, "tender.yaml")
			require.NoError(t, os.WriteFile(name, src, 0o644))
			out, errs, status := tenderscore("", "validate", name, bids)
			assert.Equal(t, exitInput, status)
			assert.Empty(t, out)
			assert.Contains(t, errs, "socialValue.catalogue: ")
			assert.Contains(t, errs, tc.want)
		})
	}
}
