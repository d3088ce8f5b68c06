package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// TestSlug: a file name made from an id never leaves the folder, hides
// itself, names a Windows device, or runs past 100 bytes (issue 11.4).
func TestSlug(t *testing.T) {
	long := strings.Repeat("x", 150)
	for _, tt := range []struct{ name, id, want string }{
		{"an ordinary id", "B-102", "B-102"},
		{"a path separator", "../../etc/passwd", "_._.._etc_passwd"},
		{"a backslash and a drive", `C:\Windows\x`, "C__Windows_x"},
		{"dot-dot", "..", "_."},
		{"a leading dot would hide the file", ".bashrc", "_bashrc"},
		{"a Windows device", "CON", "_CON"},
		{"a Windows device with an extension", "lpt1.txt", "_lpt1.txt"},
		{"not a device", "COM10", "COM10"},
		{"spaces and accents", "Société Générale 1", "Soci_t__G_n_rale_1"},
		{"empty", "", "_"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, report.Slug(tt.id))
			assert.True(t, filepath.IsLocal(report.Slug(tt.id)))
		})
	}
	l1, l2 := report.Slug(long+"a"), report.Slug(long+"b")
	assert.LessOrEqual(t, len(l1), report.MaxNameBytes)
	assert.NotEqual(t, l1, l2, "two long ids differing at the end stay apart")
}

// TestSummaryFiles: every summary in three formats, names safe, collisions
// resolved in the order of the ids whatever the order of the summaries.
func TestSummaryFiles(t *testing.T) {
	tn, bids := routeTender(score.PA2023, score.Route{Procedure: score.OpenProcedure}, score.England)
	bids[0].ID, bids[1].ID = "B/1", "B:1" // both slug to B_1
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	sums, err := report.Summaries(res)
	require.NoError(t, err)
	files, err := report.SummaryFiles(sums)
	require.NoError(t, err)
	names := map[string]bool{}
	for _, f := range files {
		names[f.Name] = true
	}
	assert.Len(t, files, 3*len(sums))
	assert.True(t, names["lot-1/B_1.md"], "B/1 sorts first and keeps the plain name")
	assert.True(t, names["lot-1/B_1-2.json"], "B:1 takes the suffix")
	reversed := append([]report.Summary(nil), sums...)
	for i, j := 0, len(reversed)-1; i < j; i, j = i+1, j-1 {
		reversed[i], reversed[j] = reversed[j], reversed[i]
	}
	again, err := report.SummaryFiles(reversed)
	require.NoError(t, err)
	for _, f := range again {
		assert.True(t, names[f.Name], "%s: the same names whatever the order", f.Name)
	}
}

// TestWriteFiles: files go only inside the folder asked for, as one set.
func TestWriteFiles(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	require.NoError(t, report.WriteFiles(out, []report.File{{Name: "a.md", Data: []byte("A")}, {Name: "lot-1/b.md", Data: []byte("B")}}))
	got, err := os.ReadFile(filepath.Join(out, "lot-1", "b.md"))
	require.NoError(t, err)
	assert.Equal(t, "B", string(got))

	t.Run("names that would leave the folder are refused before writing", func(t *testing.T) {
		for _, n := range []string{"../escape.md", "/etc/x", "a/../../x", `a\b`, "", "a//b", "./a", report.Marker} {
			err := report.WriteFiles(filepath.Join(root, "refused"), []report.File{{Name: "ok.md"}, {Name: n}})
			assert.Error(t, err, "%q", n)
		}
		_, err := os.Stat(filepath.Join(root, "refused"))
		assert.True(t, os.IsNotExist(err), "nothing was written")
		_, err = os.Stat(filepath.Join(root, "escape.md"))
		assert.True(t, os.IsNotExist(err))
	})
	t.Run("a second run replaces the set whole", func(t *testing.T) {
		require.NoError(t, report.WriteFiles(out, []report.File{{Name: "c.md", Data: []byte("C")}}))
		_, err := os.Stat(filepath.Join(out, "a.md"))
		assert.True(t, os.IsNotExist(err), "the old set is gone")
		_, err = os.Stat(filepath.Join(out, "c.md"))
		assert.NoError(t, err)
	})
	t.Run("a folder tenderscore did not write is never replaced", func(t *testing.T) {
		mine := filepath.Join(root, "mine")
		require.NoError(t, os.MkdirAll(mine, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(mine, "thesis.docx"), []byte("years of work"), 0o644))
		err := report.WriteFiles(mine, []report.File{{Name: "a.md"}})
		require.ErrorContains(t, err, "did not write")
		got, err := os.ReadFile(filepath.Join(mine, "thesis.docx"))
		require.NoError(t, err)
		assert.Equal(t, "years of work", string(got))
	})
	t.Run("a failure part way leaves nothing behind", func(t *testing.T) {
		// a file and a folder of one name cannot both be written
		err := report.WriteFiles(filepath.Join(root, "broken"), []report.File{{Name: "x", Data: []byte("file")}, {Name: "x/y.md"}})
		require.Error(t, err)
		es, err := os.ReadDir(root)
		require.NoError(t, err)
		for _, e := range es {
			assert.NotContains(t, e.Name(), "tmp", "no temporary folder is left")
			assert.NotEqual(t, "broken", e.Name())
		}
	})
}
