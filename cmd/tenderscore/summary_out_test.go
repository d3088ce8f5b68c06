package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSummaryOut: --out writes every bidder's documents in every format,
// inside the folder asked for and nowhere else (issue 11.4), dated once
// for all; a folder of someone else's files is refused untouched.
func TestSummaryOut(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "debriefs")
	_, stderr, status := tenderscore("", "summary", "--quiet", "--out", dir, "--sent", "2026-05-26", tenderFile, bidsFile)
	require.Equal(t, exitOK, status, stderr)
	var names []string
	require.NoError(t, filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return err
	}))
	assert.Len(t, names, 3*21+1, "21 documents in three formats, and the folder's marker")
	for _, n := range names {
		assert.True(t, strings.HasPrefix(n, "debriefs/"), "%s was written outside the folder", n)
	}
	md, err := os.ReadFile(filepath.Join(dir, "lot-4", "B-401.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "# Debrief: lot 4, Telephony")
	assert.Contains(t, string(md), "**Date:** 26 May 2026")

	t.Run("sent before the evaluation was completed", func(t *testing.T) {
		_, stderr, status := tenderscore("", "summary", "--out", filepath.Join(root, "early"), "--sent", "2026-05-19", tenderFile, bidsFile)
		assert.Equal(t, exitInput, status)
		assert.Contains(t, stderr, "sent: a summary cannot be sent before the evaluation it reports was completed (20 May 2026)")
		_, err := os.Stat(filepath.Join(root, "early"))
		assert.True(t, os.IsNotExist(err), "nothing is written")
	})
	t.Run("a folder of other files is refused", func(t *testing.T) {
		mine := filepath.Join(root, "mine")
		require.NoError(t, os.MkdirAll(mine, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(mine, "notes.txt"), []byte("keep"), 0o644))
		_, stderr, status := tenderscore("", "summary", "--out", mine, tenderFile, bidsFile)
		assert.Equal(t, exitInput, status)
		assert.Contains(t, stderr, "did not write")
		got, _ := os.ReadFile(filepath.Join(mine, "notes.txt"))
		assert.Equal(t, "keep", string(got))
	})
}

// TestSentTimeline: --sent adds each lot's award timeline to the score
// output (text and JSON) and dates the bidders' documents, which state when
// the standstill ends and the first day the contract may be entered into
// (issue 10.5). Croydon's lot 1 is a call-off under RM6190: exempt from the
// mandatory standstill (PA 2023 s.51(3)), so with --standstill-days 8 the
// notice's voluntary standstill runs Tuesday 26 May to Thursday 4 June 2026.
func TestSentTimeline(t *testing.T) {
	out, stderr, status := tenderscore("", "score", "--lot", "1", "--sent", "2026-05-26", "--standstill-days", "8", tenderFile, bidsFile)
	require.Equal(t, exitOK, status, stderr)
	assert.Contains(t, out, "Award timeline\n  26 May 2026: contract award notice published: the first of 8 working days")
	assert.Contains(t, out, "4 June 2026: the voluntary standstill")
	js, _, status := tenderscore("", "score", "--format", "json", "--lot", "1", "--sent", "2026-05-26", tenderFile, bidsFile)
	require.Equal(t, exitOK, status)
	assert.Contains(t, js, `"timeline": {`)
	assert.Contains(t, js, `"standstill": "none"`, "a call-off with no voluntary standstill in the notice")
	md, _, status := tenderscore("", "summary", "--bidder", "B-101", "--sent", "2026-05-26", "--standstill-days", "8", tenderFile, bidsFile)
	require.Equal(t, exitOK, status)
	assert.Contains(t, md, "- 5 June 2026: the first day the contract may be entered into")
	assert.NotContains(t, md, "unverified")
	_, stderr, status = tenderscore("", "summary", "--bidder", "B-101", "--sent", "2026-05-30", "--standstill-days", "8", tenderFile, bidsFile)
	assert.Equal(t, exitInput, status, "30 May 2026 is a Saturday: a standstill of working days cannot begin on it")
	assert.Contains(t, stderr, "sent")
	_, stderr, status = tenderscore("", "score", "--standstill-days", "8", tenderFile, bidsFile)
	assert.Equal(t, exitUsage, status, stderr)
}
