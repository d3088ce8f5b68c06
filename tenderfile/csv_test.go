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
			[]string{`prices.csv:1:1: row 1: a prices file needs the column "criterion" (rule missing-column)`}},
		{"an extra column is named with the columns allowed",
			map[string]string{"prices.csv": "bid,criterion,amount,colour\nB-1,price,100,red\n"},
			[]string{`prices.csv:1:22: row 1, column 4: a prices file has no column "colour"; its columns are bid, criterion, amount, and optionally item, lot, supplier, supplierName (value "colour", rule extra-column)`}},
		{"a row with more cells than the header",
			map[string]string{"prices.csv": "bid,criterion,amount\nB-1,price,100,oops\n"},
			[]string{`prices.csv:2:15: row 2, column 4: the row has 4 cells but the header names 3 columns (value "oops", rule extra-cell)`}},
		{"a bad amount names its cell",
			map[string]string{"prices.csv": "bid,criterion,amount\nB-1,price,\"1,000\"\n"},
			[]string{`prices.csv:2:11: row 2, column amount: not a number: write it without thousands separators (1234.50, not 1,234.50) (value "1,000", rule number)`}},
		{"a header that says nothing",
			map[string]string{"x.csv": "a,b\n1,2\n"},
			[]string{`x.csv:1:1: row 1: cannot tell what the file holds: want a header row with bid and lot (bids), amount (prices), mark (marks), gate (gates), measure (commitments) or step (tie-break scores) (value "a,b", rule header)`}},
		{"prices and marks in one file cannot be told apart",
			map[string]string{"x.csv": "bid,criterion,amount,mark\n"},
			[]string{`x.csv:1:1: row 1: cannot tell what the file holds: it has the columns "mark" and "amount"; put marks and prices in separate files (value "bid,criterion,amount,mark", rule header)`}},
		{"pass is true or false",
			map[string]string{"gates.csv": "bid,gate,pass\nB-1,ce-plus,maybe\n"},
			[]string{`gates.csv:2:13: row 2, column pass: want true or false (value "maybe", rule boolean)`}},
		{"an empty decision is not a fail: it must be recorded",
			map[string]string{"gates.csv": "bid,gate,pass\nB-1,ce-plus,\n"},
			[]string{`gates.csv:2:13: row 2, column pass: record the decision: true or false (rule required)`}},
		{"a consensus mark is the panel's",
			map[string]string{"marks.csv": "bid,criterion,evaluator,mark,consensus\nB-1,team,E1,3,TRUE\n"},
			[]string{`marks.csv:2:10: row 2, column evaluator: a consensus mark is the panel's, not one evaluator's: leave the evaluator empty (value "E1", rule consensus)`}},
		{"one bid is for one lot",
			map[string]string{"bids.csv": "bid,lot,supplier,supplierName\nB-1,1,S-1,Alder Ltd\n", "prices.csv": "bid,criterion,amount,lot\nB-1,price,100,2\n"},
			[]string{`prices.csv:2:15: row 2, column lot: bid B-1 already has lot "1" (bids.csv row 2) (value "2", rule same-bid)`}},
		{"a quoted cell left open",
			map[string]string{"prices.csv": "bid,criterion,amount\nB-1,\"price,100\n"},
			[]string{`prices.csv:2:16: row 2: not valid CSV: extraneous or missing " in quoted-field (rule csv)`}},
		{"an empty file",
			map[string]string{"prices.csv": ""},
			[]string{`prices.csv: row 1: the file is empty: want a header row naming the columns (rule header)`}},
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
		`marks.csv:4:13: bids[0].responses[team].marks.evaluators[0].mark: not a mark on the 0–4 scale (0, 1, 2, 3, 4) (value "7", rule on-scale)`,
		`bids.csv:3:5: bids[1].lot: the tender has no lot with this id (value "9", rule known-lot)`,
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
