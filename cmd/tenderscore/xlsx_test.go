package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/tenderscore/tenderscore/tenderfile"
	"github.com/tenderscore/tenderscore/tenderfile/xlsx"
)

// croydonWorkbook writes the Croydon bids as a workbook, less the sheets
// named, and returns its path.
func croydonWorkbook(t *testing.T, without ...string) string {
	t.Helper()
	f, err := os.Open(bidsFile)
	require.NoError(t, err)
	defer f.Close()
	bids, _, err := tenderfile.ReadBids(bidsFile, f)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, xlsx.WriteBids(&buf, bids))
	wb, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	for _, s := range without {
		require.NoError(t, wb.DeleteSheet(s))
	}
	path := filepath.Join(t.TempDir(), "bids.xlsx")
	require.NoError(t, wb.SaveAs(path))
	return path
}

// TestWorkbookInputs checks a workbook is read wherever bids files are,
// alone or with CSV files, and scores as the YAML bids do.
func TestWorkbookInputs(t *testing.T) {
	want, err := os.ReadFile("testdata/score.golden")
	require.NoError(t, err)
	out, errs, status := tenderscore("", "score", tenderFile, croydonWorkbook(t))
	require.Equal(t, exitOK, status, errs)
	assert.Empty(t, errs)
	assert.Equal(t, string(want), out, "a workbook of the Croydon bids scores as the YAML does")

	out, errs, status = tenderscore("", "score", tenderFile, croydonWorkbook(t, "marks"), "../../examples/croydon/csv/marks.csv")
	require.Equal(t, exitOK, status, errs)
	assert.Equal(t, string(want), out, "the marks from a CSV file, the rest from the workbook")

	out, errs, status = tenderscore("", "validate", tenderFile, croydonWorkbook(t))
	require.Equal(t, exitOK, status, errs)
	validate, err := os.ReadFile("testdata/validate.golden")
	require.NoError(t, err)
	assert.Equal(t, string(validate), out)
}

// TestWorkbookOutputs checks template and score --format xlsx write
// workbooks with -o, and refuse to write one without it.
func TestWorkbookOutputs(t *testing.T) {
	dir := t.TempDir()
	marks := filepath.Join(dir, "marks.xlsx")
	_, errs, status := tenderscore("", "template", "-o", marks, "--evaluators", "Evaluator A, Evaluator B", tenderFile, bidsFile)
	require.Equal(t, exitOK, status, errs)
	f, err := excelize.OpenFile(marks)
	require.NoError(t, err)
	assert.Equal(t, []string{"model", "bids", "prices", "marks", "gates", "commitments", "tiebreaks"}, f.GetSheetList())
	v, err := f.GetCellValue("marks", "C2")
	require.NoError(t, err)
	assert.Equal(t, "Evaluator A", v)
	require.NoError(t, f.Close())

	matrix := filepath.Join(dir, "matrix.xlsx")
	_, errs, status = tenderscore("", "score", "--format", "xlsx", "-o", matrix, "../../tenderfile/xlsx/testdata/twolots.yaml", "../../tenderfile/xlsx/testdata/twolots-bids.yaml")
	require.Equal(t, exitOK, status, errs)
	f, err = excelize.OpenFile(matrix)
	require.NoError(t, err)
	assert.Equal(t, []string{"lot 1", "lot 2", "standings", "award"}, f.GetSheetList(), "under lot rules the award is written")
	require.NoError(t, f.Close())

	_, errs, status = tenderscore("", "score", "--format", "xlsx", tenderFile, bidsFile)
	assert.Equal(t, exitUsage, status)
	assert.Contains(t, errs, "-o names the workbook of --format xlsx")
}

// TestWorkbookProblems checks a workbook's problems reach stderr at their
// cells, with status 1.
func TestWorkbookProblems(t *testing.T) {
	xls := filepath.Join(t.TempDir(), "old.xls")
	require.NoError(t, os.WriteFile(xls, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, 0o644))
	out, errs, status := tenderscore("", "validate", tenderFile, xls)
	assert.Equal(t, exitInput, status)
	assert.Empty(t, out)
	assert.Contains(t, errs, "old.xls: a Compound File document (perhaps a Word .doc or an old .xls), not an Excel workbook (.xlsx) (rule workbook)")
}
