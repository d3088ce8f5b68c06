package tenderfile

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadBidsCSVErrors checks that each kind of bad CSV gives a problem
// naming the file, row and column, and no bids.
func TestReadBidsCSVErrors(t *testing.T) {
	tn := readTestTender(t)
	tests := []struct {
		why   string
		files map[string]string
		want  []string
	}{
		{"a missing column is named",
			map[string]string{"prices.csv": "bid,amount\nB-1,100\n"},
			[]string{`prices.csv:1: header: a prices file needs the column "criterion" (rule missing-column)`}},
		{"an extra column is named with the columns allowed",
			map[string]string{"prices.csv": "bid,criterion,amount,colour\nB-1,price,100,red\n"},
			[]string{`prices.csv:1:D (column 4): header: a prices file has no column "colour"; its columns are bid, criterion, amount, and optionally item, lot, supplier, supplierName (value "colour", rule extra-column)`}},
		{"a row with more cells than the header",
			map[string]string{"prices.csv": "bid,criterion,amount\nB-1,price,100,oops\n"},
			[]string{`prices.csv:2:D (column 4): the row has 4 cells but the header names 3 columns (value "oops", rule extra-cell)`}},
		{"a bad amount names its cell",
			map[string]string{"bids.csv": "bid,lot,supplier,supplierName\nB-1,1,S-1,Alder Ltd\n", "prices.csv": "bid,criterion,amount\nB-1,price,\"1,000\"\n"},
			[]string{`prices.csv:2:C (column 3): amount: not a number: write it without thousands separators (1234.50, not 1,234.50) (value "1,000", rule number)`}},
		{"a header that says nothing",
			map[string]string{"x.csv": "a,b\n1,2\n"},
			[]string{`x.csv:1: header: cannot tell what the file holds: want a header row with bid and lot (bids), amount (prices), mark (marks), gate (gates), measure (commitments), step (tie-break scores) or feature (chosen features) (value "a,b", rule header)`}},
		{"prices and marks in one file cannot be told apart",
			map[string]string{"x.csv": "bid,criterion,amount,mark\n"},
			[]string{`x.csv:1: header: cannot tell what the file holds: it has the columns "mark" and "amount"; put marks and prices in separate files (value "bid,criterion,amount,mark", rule header)`}},
		{"pass is true or false",
			map[string]string{"bids.csv": "bid,lot,supplier,supplierName\nB-1,1,S-1,Alder Ltd\n", "gates.csv": "bid,gate,pass\nB-1,ce-plus,maybe\n"},
			[]string{`gates.csv:2:C (column 3): pass: want true or false (value "maybe", rule boolean)`}},
		{"an empty decision is not a fail: it must be recorded",
			map[string]string{"bids.csv": "bid,lot,supplier,supplierName\nB-1,1,S-1,Alder Ltd\n", "gates.csv": "bid,gate,pass\nB-1,ce-plus,\n"},
			[]string{`gates.csv:2:C (column 3): pass: record the decision: true or false (rule required)`}},
		{"a consensus mark is the panel's",
			map[string]string{"bids.csv": "bid,lot,supplier,supplierName\nB-1,1,S-1,Alder Ltd\n", "marks.csv": "bid,criterion,evaluator,mark,consensus\nB-1,team,E1,3,TRUE\n"},
			[]string{`marks.csv:2:C (column 3): evaluator: a consensus mark is the panel's, not one evaluator's: leave the evaluator empty (value "E1", rule consensus)`}},
		{"one bid is for one lot",
			map[string]string{"bids.csv": "bid,lot,supplier,supplierName\nB-1,1,S-1,Alder Ltd\n", "prices.csv": "bid,criterion,amount,lot\nB-1,price,100,2\n"},
			[]string{`prices.csv:2:D (column 4): lot: bid B-1 already has lot "1" (bids.csv row 2) (value "2", rule same-bid)`}},
		{"a quoted cell left open",
			map[string]string{"prices.csv": "bid,criterion,amount\nB-1,\"price,100\n"},
			[]string{`prices.csv:2:16: not valid CSV: extraneous or missing " in quoted-field (rule csv)`}},
		{"an empty file",
			map[string]string{"prices.csv": ""},
			[]string{`prices.csv: the file is empty: want a header row naming the columns (rule header)`}},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			var files []CSVFile
			for _, name := range sortedKeys(tc.files) {
				files = append(files, CSVFile{Name: name, R: strings.NewReader(tc.files[name])})
			}
			bids, src, err := ReadBidsCSV(tn, files...)
			var ferr *Error
			require.ErrorAs(t, err, &ferr)
			var got []string
			for _, p := range ferr.Problems {
				got = append(got, p.String())
			}
			assert.Equal(t, tc.want, got)
			assert.Nil(t, bids, "no partial bids")
			assert.Nil(t, src)
		})
	}
}

// TestCSVValidationAtRows checks that validation problems of bids read
// from CSV are shown at the rows they came from: a bid for a lot the
// tender does not have, a mark off the scale.
func TestCSVValidationAtRows(t *testing.T) {
	tn := readTestTender(t)
	files := []CSVFile{
		{Name: "bids.csv", R: strings.NewReader("bid,lot,supplier,supplierName\nB-1,1,S-1,Alder Ltd\nB-2,9,S-2,Birch Ltd\n")},
		{Name: "gates.csv", R: strings.NewReader("bid,gate,pass,reason\nB-1,ce-plus,true,seen\n")},
		{Name: "prices.csv", R: strings.NewReader("bid,criterion,amount\nB-1,price,£100.50\n")},
		{Name: "marks.csv", R: strings.NewReader("bid,criterion,evaluator,mark,consensus,rationale\nB-1,approach,E1,3,,clear\nB-1,approach,,3,true,clear\nB-1,team,E1,7,no,odd\nB-1,team,,2,yes,thin\n")},
	}
	bids, src, err := ReadBidsCSV(tn, files...)
	require.NoError(t, err)
	require.Len(t, bids, 2)
	assert.Equal(t, "100.50", decimalString(*bids[0].Responses["price"].Price.Amount), "a £ sign is allowed, and the pence kept")
	err = Validate(tn, bids, Join(readTestSource(t), src))
	var ferr *Error
	require.ErrorAs(t, err, &ferr)
	var got []string
	for _, p := range ferr.Problems {
		got = append(got, p.String())
	}
	assert.Equal(t, []string{
		`marks.csv:4:D (column 4): bids[0].responses[team].marks.evaluators[0].mark: not a mark on the 0–4 scale (0, 1, 2, 3, 4) (value "7", rule on-scale)`,
		`bids.csv:3:B (column 2): bids[1].lot: the tender has no lot with this id (value "9", rule known-lot)`,
	}, got)
}

// TestCSVRoundTrip checks that bids written as CSV read back the same.
func TestCSVRoundTrip(t *testing.T) {
	tn, bids := readPair(t, "testdata/tender.yaml", "testdata/bids.yaml")
	files, err := EncodeBidsCSV(bids)
	require.NoError(t, err)
	assert.Equal(t, []string{"bids.csv", "gates.csv", "marks.csv", "prices.csv"}, sortedKeys(files))
	var in []CSVFile
	for _, name := range sortedKeys(files) {
		in = append(in, CSVFile{Name: name, R: strings.NewReader(string(files[name]))})
	}
	again, _, err := ReadBidsCSV(tn, in...)
	require.NoError(t, err)
	assert.Equal(t, evaluate(t, tn, bids), evaluate(t, tn, again))
}

// A header that cannot be read hides neither the other files' header
// problems nor their rows' problems (issue 11).
func TestACSVHeaderProblemHidesNoOtherFile(t *testing.T) {
	tn := readTestTender(t)
	_, _, err := ReadBidsCSV(tn,
		CSVFile{Name: "bids.csv", R: strings.NewReader("bid,lot,supplier,supplierName,colour\nB-1,1,S-1,Alder Ltd,red\n")},
		CSVFile{Name: "x.csv", R: strings.NewReader("a,b\n1,2\n")},
		CSVFile{Name: "prices.csv", R: strings.NewReader("bid,criterion,amount\nB-1,price,lots\n")},
		CSVFile{Name: "gates.csv", R: strings.NewReader("bid,gate,pass\nB-1,ce-plus,maybe\n")},
	)
	var ferr *Error
	require.ErrorAs(t, err, &ferr)
	var got []string
	for _, p := range ferr.Problems {
		got = append(got, p.Pos.String()+" "+p.Rule)
	}
	assert.Equal(t, []string{
		"bids.csv:1:E (column 5) extra-column",
		"x.csv:1 header",
		// bids.csv unread, B-1 has no supplier id, supplier name or lot:
		// said at its first row, and its rows are still read
		"prices.csv:2:A (column 1) required",
		"prices.csv:2:A (column 1) required",
		"prices.csv:2:A (column 1) required",
		"prices.csv:2:C (column 3) number",
		"gates.csv:2:C (column 3) boolean",
	}, got)
}

// Spreadsheet columns are named by letters as well as numbers (issue 14).
func TestColumnNames(t *testing.T) {
	for n, want := range map[int]string{1: "A", 3: "C", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		assert.Equal(t, want, ColumnName(n), "column %d", n) // XFD is Excel's last column
	}
	assert.Equal(t, "bids.csv:7:C (column 3)", Position{File: "bids.csv", Line: 7, Column: 3, Cell: true}.String())
	assert.Equal(t, "bids.csv:7", Position{File: "bids.csv", Line: 7, Cell: true}.String(), "a row as a whole")
}

// Cells a spreadsheet would run as formulas are written with a leading
// apostrophe and read back without it; numbers, negative ones included,
// are written as they are (OWASP CSV injection; issue 11).
func TestCSVCellsAreNeverFormulas(t *testing.T) {
	cases := []struct{ in, written string }{
		{"=HYPERLINK(\"http://x.example\",\"click\")", "'=HYPERLINK(\"http://x.example\",\"click\")"},
		{"+44 20 7946 0000", "'+44 20 7946 0000"},
		{"-1+1", "'-1+1"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"\tindented", "'\tindented"},
		{"\rreturn", "'\rreturn"},
		{"'=already quoted", "''=already quoted"},
		{"'t Hooft Ltd", "'t Hooft Ltd"}, // an apostrophe before a letter is text
		{"-5", "-5"},
		{"-1234.50", "-1234.50"},
		{"Alder Ltd", "Alder Ltd"},
		{"", ""},
	}
	for _, c := range cases {
		assert.Equal(t, c.written, escapeCell(c.in), "escape %q", c.in)
		assert.Equal(t, c.in, unescapeCell(c.written), "read back %q", c.written)
	}
}
