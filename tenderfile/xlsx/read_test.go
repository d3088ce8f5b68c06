package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/tenderscore/tenderscore/tenderfile"
)

const bidsHeader = `<row r="1"><c r="A1" t="inlineStr"><is><t>bid</t></is></c><c r="B1" t="inlineStr"><is><t>lot</t></is></c><c r="C1" t="inlineStr"><is><t>supplier</t></is></c><c r="D1" t="inlineStr"><is><t>supplierName</t></is></c></row>`

// TestReadValues checks that each kind of cell is read as a person meant
// it, from what the file stores: the expected values are the stored XML
// text, worked by hand.
func TestReadValues(t *testing.T) {
	tn := readTender(t, testTender)
	prices := func(amount string) rawSheet {
		return rawSheet{"prices", inline(1, "bid", "criterion", "amount") + `<row r="2"><c r="A2" t="inlineStr"><is><t>B-1</t></is></c><c r="B2" t="inlineStr"><is><t>price</t></is></c>` + amount + `</row></sheetData>`}
	}
	bids := rawSheet{"bids", bidsHeader + inline(2, "B-1", "1", "S-ALD", "Alder Service Ltd") + `</sheetData>`}
	tests := []struct {
		why, cell, want string
	}{
		{"a currency-formatted cell showing £4,390,000.00 stores 4390000",
			`<c r="C2" s="1"><v>4390000</v></c>`, "4390000"},
		{"stored pence are kept as stored", `<c r="C2" s="1"><v>4390000.5</v></c>`, "4390000.5"},
		{"an exponent is written out exactly (4.39E6 = 4390000)", `<c r="C2"><v>4.39E6</v></c>`, "4390000"},
		{"a shared string holding £ is read as the CSV reader reads text", `<c r="C2" t="s"><v>0</v></c>`, "4390000.00"},
		{"a formula's saved result is read", `<c r="C2"><f>4000000+390000</f><v>4390000</v></c>`, "4390000"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			data := rawWorkbook(t, false, []string{"£4390000.00"}, bids, prices(tc.cell))
			got, _, _, err := ReadBids(tn, "b.xlsx", bytes.NewReader(data))
			require.NoError(t, err)
			require.Len(t, got, 1)
			assert.Equal(t, tc.want, digits(*got[0].Responses["price"].Price.Amount))
		})
	}
}

// TestReadErrors checks every refusal names the workbook, sheet and cell,
// the value and the rule.
func TestReadErrors(t *testing.T) {
	marksRow := func(mark string) rawSheet {
		return rawSheet{"marks", inline(1, "bid", "criterion", "evaluator", "mark") +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>B-1</t></is></c><c r="B2" t="inlineStr"><is><t>team</t></is></c><c r="C2" t="inlineStr"><is><t>E1</t></is></c>` + mark + `</row></sheetData>`}
	}
	tests := []struct {
		why    string
		sheets []rawSheet
		want   string
	}{
		{"a binary artefact is refused, naming the value it probably is",
			[]rawSheet{marksRow(`<c r="D2"><f>0.1+0.2</f><v>0.30000000000000004</v></c>`)},
			`b.xlsx:marks!D2: mark: the cell stores 0.30000000000000004, a binary floating-point artefact with 17 significant digits (a spreadsheet keeps 15), probably of 0.3: type the intended value into the cell, or round the formula that made it (ROUND) (value "0.30000000000000004", rule float-artefact)`},
		{"a mark formatted as a date",
			[]rawSheet{marksRow(`<c r="D2" s="2"><v>3</v></c>`)},
			`b.xlsx:marks!D2: mark: the cell is formatted as a date, so it shows a day, not the number it stores: format it as a number (want a number) (value "3", rule number)`},
		{"a mark formatted as a percentage",
			[]rawSheet{marksRow(`<c r="D2" s="3"><v>0.75</v></c>`)},
			`b.xlsx:marks!D2: mark: the cell is formatted as a percentage, so it shows 75% but stores 0.75: format it as a number and type the value (value "0.75", rule number)`},
		{"an error value", []rawSheet{marksRow(`<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>`)},
			`b.xlsx:marks!D2: mark: the cell holds the error #DIV/0!: correct its formula, or type the value (value "#DIV/0!", rule error-value)`},
		{"a formula saved without its result", []rawSheet{marksRow(`<c r="D2"><f>A1</f></c>`)},
			`b.xlsx:marks!D2: mark: the cell's formula has no saved result (the workbook was saved without calculating it): open it in a spreadsheet and save it again, or type the value (rule formula-result)`},
		{"merged cells", []rawSheet{{"marks", inline(1, "bid", "criterion", "mark") + inline(2, "B-1", "team", "3") + `</sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>`}},
			`b.xlsx:marks!A2: the cells A2:A3 are merged: unmerge them, since a merged range keeps one value and the rest of the cells it covers read as empty (value "A2:A3", rule merged)`},
		{"no header in row 1", []rawSheet{{"marks", inline(3, "bid", "criterion", "mark") + `</sheetData>`}},
			`b.xlsx:marks!A1: header: the sheet has no header: row 1 names the columns (bid, criterion, mark, and optionally evaluator, rationale, consensus, lot, supplier, supplierName) (rule header)`},
		{"a row 1 of no cells, which the fuzzer found placed like a CSV file's line (b.xlsx:1)", []rawSheet{{"marks", `<row r="1"/>` + inline(2, "B-1", "team", "3") + `</sheetData>`}},
			`b.xlsx:marks!A1: header: the sheet has no header: row 1 names the columns (bid, criterion, mark, and optionally evaluator, rationale, consensus, lot, supplier, supplierName) (rule header)`},
		{"a missing header column", []rawSheet{{"marks", inline(1, "bid", "mark") + `</sheetData>`}},
			`b.xlsx:marks!A1: header: the marks sheet needs the column "criterion" in its header (row 1) (rule missing-column)`},
		{"no sheet of bids", []rawSheet{{"Sheet1", inline(1, "bid") + `</sheetData>`}},
			`b.xlsx: the workbook has no sheet of bids: name each sheet after the layout it holds (bids, prices, marks, gates, commitments, tiebreaks or features), with the columns of the CSV layout in row 1 (value "Sheet1", rule sheets)`},
		{"a cell far right of the data", []rawSheet{{"marks", inline(1, "bid", "criterion", "mark") + `<row r="2"><c r="XFD2"><v>1</v></c></row></sheetData>`}},
			`b.xlsx:marks!XFD2: the cell is right of column BL, the last tenderscore reads: a layout has at most 12 columns (rule sheet)`},
		{"rows out of order", []rawSheet{{"marks", inline(1, "bid", "criterion", "mark") + `<row r="5"/><row r="3"/></sheetData>`}},
			`b.xlsx:marks!3:3: row 3 comes after row 5 in the sheet's XML: save the workbook again from a spreadsheet (rule sheet)`},
		{"a row beyond a spreadsheet's last", []rawSheet{{"marks", inline(1, "bid", "criterion", "mark") + `<row r="1048577"/></sheetData>`}},
			`b.xlsx:marks!1048577:1048577: row 1048577 is beyond the last row a spreadsheet has (1048576) (rule sheet)`},
	}
	tn := readTender(t, testTender)
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			data := rawWorkbook(t, false, nil, tc.sheets...)
			_, _, _, err := ReadBids(tn, "b.xlsx", bytes.NewReader(data))
			assert.Equal(t, []string{tc.want}, problems(t, err))
		})
	}
}

// TestReadNotWorkbooks checks that files that are not workbooks Excel
// saves as .xlsx each say what they are and what to do.
func TestReadNotWorkbooks(t *testing.T) {
	tests := []struct {
		why  string
		data []byte
		want string
	}{
		{"an empty file", nil, "b.xlsx: the file is empty (rule workbook)"},
		{"a CSV file named .xlsx", []byte("bid,lot\nB-1,1\n"), "b.xlsx: the file is text, not an Excel workbook (.xlsx): if it holds CSV, name it .csv (rule workbook)"},
		{"an old .xls (a Compound File with a Workbook stream)", compoundFileWith(t, "Workbook"), "b.xlsx: an Excel 97–2003 workbook (.xls): save it as an Excel workbook (.xlsx) (rule workbook)"},
		{"a password-protected workbook (a Compound File with EncryptedPackage)", compoundFileWith(t, "EncryptionInfo", "EncryptedPackage"),
			"b.xlsx: the workbook is password-protected (encrypted): remove the password (File > Info > Protect Workbook > Encrypt with Password, cleared) and save it again; tenderscore does not take passwords (rule workbook)"},
		{"a zip bomb: a part declaring a terabyte", zipDeclaring(t, 1<<40),
			"b.xlsx: the workbook expands to more than 256 MiB, the most tenderscore reads: it may be a zip bomb, or too large; split the bids across several workbooks (rule workbook)"},
		{"an OpenDocument spreadsheet", zipWith(t, "mimetype", "content.xml"), "b.xlsx: an OpenDocument spreadsheet (.ods), not an Excel workbook: save it as an Excel workbook (.xlsx) (rule workbook)"},
		{"a damaged zip", []byte("PK\x03\x04garbage"), "b.xlsx: not an Excel workbook: its zip container is damaged (zip: not a valid zip file) (rule workbook)"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			_, err := Read("b.xlsx", bytes.NewReader(tc.data))
			assert.Equal(t, []string{tc.want}, problems(t, err))
		})
	}
}

// TestReadNotes checks a formula is noted once for the workbook, at the
// first, and that other sheets are noted as not read.
func TestReadNotes(t *testing.T) {
	sheet := rawSheet{"marks", inline(1, "bid", "criterion", "evaluator", "mark") +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>B-1</t></is></c><c r="B2" t="inlineStr"><is><t>team</t></is></c><c r="C2" t="inlineStr"><is><t>E1</t></is></c><c r="D2"><f>1+1</f><v>2</v></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>B-1</t></is></c><c r="B3" t="inlineStr"><is><t>team</t></is></c><c r="C3" t="inlineStr"><is><t>E2</t></is></c><c r="D3"><f>1+2</f><v>3</v></c></row></sheetData>`}
	wb, err := Read("b.xlsx", bytes.NewReader(rawWorkbook(t, false, nil, rawSheet{"Notes", inline(1, "anything") + `</sheetData>`}, sheet)))
	require.NoError(t, err)
	var notes []string
	for _, n := range wb.Notes {
		notes = append(notes, n.String())
	}
	assert.Equal(t, []string{
		`b.xlsx: the sheet "Notes" was not read: only sheets named bids, prices, marks, gates, commitments, tiebreaks or features hold bids`,
		`b.xlsx:marks!D2: 2 cells hold formulas: the results saved with the workbook were read, as last calculated by the spreadsheet; tenderscore does not recalculate them`,
	}, notes)
}

// TestReadDates checks date cells become ISO dates in text columns, in both
// date systems. Serial numbers from ECMA-376 Part 1 §18.17.4.1's examples
// and worked by hand: 46057 is 2026-02-04 (1900 system); 44595 is 2026-02-04
// in the 1904 system (1462 days fewer).
func TestReadDates(t *testing.T) {
	tn := readTender(t, testTender)
	gate := func(cell string) rawSheet {
		identity := `<c r="E2" t="inlineStr"><is><t>1</t></is></c><c r="F2" t="inlineStr"><is><t>S-1</t></is></c><c r="G2" t="inlineStr"><is><t>Alder Ltd</t></is></c>`
		return rawSheet{"gates", inline(1, "bid", "gate", "pass", "evidence", "lot", "supplier", "supplierName") +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>B-1</t></is></c><c r="B2" t="inlineStr"><is><t>ce-plus</t></is></c><c r="C2" t="b"><v>1</v></c>` + cell + identity + `</row></sheetData>`}
	}
	tests := []struct {
		why      string
		date1904 bool
		cell     string
		want     string
	}{
		{"a built-in date format, 1900 system", false, `<c r="D2" s="2"><v>46057</v></c>`, "2026-02-04"},
		{"a custom dd/mm/yyyy format", false, `<c r="D2" s="4"><v>46057</v></c>`, "2026-02-04"},
		{"the 1904 system", true, `<c r="D2" s="2"><v>44595</v></c>`, "2026-02-04"},
		{"an ISO date cell", false, `<c r="D2" t="d"><v>2026-02-04T00:00:00Z</v></c>`, "2026-02-04"},
		{"a time of day is kept", false, `<c r="D2" s="2"><v>46057.5</v></c>`, "2026-02-04T12:00:00"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			bids, _, _, err := ReadBids(tn, "b.xlsx", bytes.NewReader(rawWorkbook(t, tc.date1904, nil, gate(tc.cell))))
			require.NoError(t, err)
			assert.True(t, bids[0].Gates["ce-plus"].Pass, "a TRUE cell passes")
			assert.Equal(t, tc.want, bids[0].Gates["ce-plus"].Evidence)
		})
	}
}

// TestReadPercent checks a percentage-formatted cell in the percent column
// is read as shown: 10% stores 0.1 and means 10 (criteria.Commitment's
// Percent is 0–100).
func TestReadPercent(t *testing.T) {
	sheet := rawSheet{"commitments", inline(1, "bid", "criterion", "measure", "percent") +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>B-1</t></is></c><c r="B2" t="inlineStr"><is><t>sv</t></is></c><c r="C2" t="inlineStr"><is><t>M1</t></is></c><c r="D2" s="3"><v>0.125</v></c></row></sheetData>`}
	wb, err := Read("b.xlsx", bytes.NewReader(rawWorkbook(t, false, nil, sheet)))
	require.NoError(t, err)
	require.Len(t, wb.Tables, 1)
	assert.Equal(t, "12.5", wb.Tables[0].Rows[0].Cells[3].Value)
}

// TestColumnKinds checks every column of every layout is classified, so a
// column added to package tenderfile is read as what it holds.
func TestColumnKinds(t *testing.T) {
	for _, l := range tenderfile.Layouts() {
		for _, c := range append(append([]string{}, l.Required...), l.Optional...) {
			_, ok := columnKinds[c]
			assert.True(t, ok, "layout %s: column %s has no kind", l.Name, c)
		}
	}
}

// TestReadMixedWithCSV checks a workbook's sheets and a CSV file make one
// set of bids.
func TestReadMixedWithCSV(t *testing.T) {
	tn := readTender(t, testTender)
	wb, err := Read("b.xlsx", bytes.NewReader(rawWorkbook(t, false, nil, rawSheet{"bids", bidsHeader + inline(2, "B-1", "1", "S-ALD", "Alder Service Ltd") + `</sheetData>`})))
	require.NoError(t, err)
	prices, err := tenderfile.ReadCSVTable(tenderfile.CSVFile{Name: "prices.csv", R: strings.NewReader("bid,criterion,amount\nB-1,price,500000.00\n")})
	require.NoError(t, err)
	bids, _, err := tenderfile.ReadBidsTables(tn, append(wb.Tables, prices)...)
	require.NoError(t, err)
	require.Len(t, bids, 1)
	assert.Equal(t, "Alder Service Ltd", bids[0].Supplier.Name)
	assert.Equal(t, "500000.00", digits(*bids[0].Responses["price"].Price.Amount))
}

// zipDeclaring makes a zip whose one part declares an uncompressed size
// it does not have, as a zip bomb's parts expand far beyond their size.
func zipDeclaring(t *testing.T, size uint64) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CompressedSize64: 2, UncompressedSize64: size})
	require.NoError(t, err)
	_, err = w.Write([]byte{3, 0})
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// zipWith makes a zip of empty parts.
func zipWith(t *testing.T, names ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		_, err := zw.Create(n)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// TestReadEncrypted checks a workbook saved with a password (ECMA-376
// agile encryption, as excelize and Excel write it) is refused as one.
func TestReadEncrypted(t *testing.T) {
	f := excelize.NewFile()
	var buf bytes.Buffer
	_, err := f.WriteTo(&buf, excelize.Options{Password: "secret"})
	require.NoError(t, err)
	_, err = Read("b.xlsx", &buf)
	assert.Equal(t, []string{"b.xlsx: the workbook is password-protected (encrypted): remove the password (File > Info > Protect Workbook > Encrypt with Password, cleared) and save it again; tenderscore does not take passwords (rule workbook)"}, problems(t, err))
}

// A workbook with more problems than are listed ends its list with the
// count of those left out, as every reader's list does (issue 11): 150
// cells holding #DIV/0! are 100 problems and "50 more".
func TestReadCountsTheProblemsItLeavesOut(t *testing.T) {
	var rows strings.Builder
	rows.WriteString(inline(1, "bid", "gate", "pass"))
	for r := 2; r < 152; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>B-%d</t></is></c><c r="B%d" t="inlineStr"><is><t>ce-plus</t></is></c><c r="C%d" t="e"><v>#DIV/0!</v></c></row>`, r, r, r, r, r)
	}
	rows.WriteString(`</sheetData>`)
	_, err := Read("b.xlsx", bytes.NewReader(rawWorkbook(t, false, nil, rawSheet{"gates", rows.String()})))
	var ferr *tenderfile.Error
	require.ErrorAs(t, err, &ferr)
	require.Len(t, ferr.Problems, 101)
	assert.Equal(t, "b.xlsx:gates!C2", ferr.Problems[0].Pos.String())
	assert.Equal(t, "error-value", ferr.Problems[0].Rule)
	last := ferr.Problems[100]
	assert.Equal(t, "too-many", last.Rule)
	assert.Equal(t, "50", last.Value)
	assert.Equal(t, "b.xlsx", last.Pos.String(), "the count has no cell")
}
