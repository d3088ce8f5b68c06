package xlsx

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// evaluation is a result as JSON, to compare two sets of bids by what they
// score.
func evaluation(t *testing.T, tn score.Tender, bids []score.Bid) string {
	t.Helper()
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, report.JSON(&b, res))
	return b.String()
}

// TestWriteBidsRoundTrip checks bids written as a workbook read back the
// same, with amounts as number cells of their exact digits.
func TestWriteBidsRoundTrip(t *testing.T) {
	tn := readTender(t, testTender)
	bids := readBidsFile(t, testBids)
	var buf bytes.Buffer
	require.NoError(t, WriteBids(&buf, bids))
	again, _, notes, err := ReadBids(tn, "b.xlsx", bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	assert.Empty(t, notes)
	assert.Equal(t, evaluation(t, tn, bids), evaluation(t, tn, again))

	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"bids", "prices", "marks", "gates"}, f.GetSheetList())
	typ, err := f.GetCellType("prices", "D2")
	require.NoError(t, err)
	assert.Equal(t, excelize.CellTypeUnset, typ, "an amount is a number cell (no type attribute)")
	v, err := f.GetCellValue("prices", "D2", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	assert.Equal(t, "500000.00", v, "stored with the digits held")
}

// TestWriteBidsNeutralises checks text a spreadsheet would take for a
// formula is stored with a leading apostrophe (OWASP), reads back as
// written, and numbers are unchanged.
func TestWriteBidsNeutralises(t *testing.T) {
	tn := readTender(t, testTender)
	bids := readBidsFile(t, testBids)
	bids[0].Supplier.Name = `=HYPERLINK("http://example.invalid","click")`
	bids[1].Supplier.Name = "+44 trading"
	bids[2].Supplier.Name = "@once\tLtd"
	var buf bytes.Buffer
	require.NoError(t, WriteBids(&buf, bids))
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	defer f.Close()
	for cell, want := range map[string]string{"D2": `'=HYPERLINK("http://example.invalid","click")`, "D3": "'+44 trading", "D4": "'@once\tLtd"} {
		v, err := f.GetCellValue("bids", cell)
		require.NoError(t, err)
		assert.Equal(t, want, v, cell)
		formula, err := f.GetCellFormula("bids", cell)
		require.NoError(t, err)
		assert.Empty(t, formula, "%s is text, not a formula", cell)
	}
	again, _, _, err := ReadBids(tn, "b.xlsx", bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, bids[0].Supplier.Name, again[0].Supplier.Name)
	assert.Equal(t, "+44 trading", again[1].Supplier.Name)
}

// TestWriteDeterministic checks the same bids give the same bytes.
func TestWriteDeterministic(t *testing.T) {
	bids := readBidsFile(t, testBids)
	var a, b bytes.Buffer
	require.NoError(t, WriteBids(&a, bids))
	require.NoError(t, WriteBids(&b, bids))
	assert.True(t, bytes.Equal(a.Bytes(), b.Bytes()))
}
