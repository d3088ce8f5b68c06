package tenderfile

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sheetTable builds a table as a workbook's sheet gives it: the header in
// row 1, every cell at its sheet position.
func sheetTable(file, sheet string, rows ...string) Table {
	tb := Table{File: file, Layout: sheet}
	for i, line := range rows {
		var cs []Cell
		for j, v := range strings.Split(line, "|") {
			cs = append(cs, Cell{Value: v, Pos: Position{File: file, Sheet: sheet, Line: i + 1, Column: j + 1}})
		}
		if i == 0 {
			tb.Header = cs
			continue
		}
		tb.Rows = append(tb.Rows, Row{Number: i + 1, Cells: cs})
	}
	return tb
}

// TestPositionString checks how a place is written, in a text file and in
// a workbook, whose references quote a sheet name as a spreadsheet does.
func TestPositionString(t *testing.T) {
	tests := []struct {
		why  string
		pos  Position
		want string
	}{
		{"a YAML value", Position{File: "t.yaml", Line: 12, Column: 7}, "t.yaml:12:7"},
		{"a line without a column", Position{File: "t.yaml", Line: 12}, "t.yaml:12"},
		{"a cell", Position{File: "b.xlsx", Sheet: "marks", Line: 7, Column: 3}, "b.xlsx:marks!C7"},
		{"column 27 is AA", Position{File: "b.xlsx", Sheet: "marks", Line: 1, Column: 27}, "b.xlsx:marks!AA1"},
		{"column 703 is AAA", Position{File: "b.xlsx", Sheet: "marks", Line: 1, Column: 703}, "b.xlsx:marks!AAA1"},
		{"a whole row", Position{File: "b.xlsx", Sheet: "marks", Line: 7}, "b.xlsx:marks!7:7"},
		{"a whole sheet", Position{File: "b.xlsx", Sheet: "marks"}, "b.xlsx:marks"},
		{"a sheet name with a space is quoted", Position{File: "b.xlsx", Sheet: "Tie breaks", Line: 2, Column: 1}, "b.xlsx:'Tie breaks'!A2"},
		{"a quote in a sheet name is doubled", Position{File: "b.xlsx", Sheet: "Ann's", Line: 2, Column: 1}, "b.xlsx:'Ann''s'!A2"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.pos.String())
		})
	}
}

// TestReadBidsTablesSheets checks problems in a sheet name the cell and the
// column, and that a sheet's rows join a CSV file's by bid id.
func TestReadBidsTablesSheets(t *testing.T) {
	tn := readTestTender(t)
	tests := []struct {
		why    string
		tables []Table
		want   []string
	}{
		{"a missing column names the sheet's header",
			[]Table{sheetTable("b.xlsx", "prices", "bid|amount", "B-1|100")},
			[]string{`b.xlsx:prices!A1: header: the prices sheet needs the column "criterion" in its header (row 1) (rule missing-column)`}},
		{"an unknown column names its header cell",
			[]Table{sheetTable("b.xlsx", "prices", "bid|criterion|amount|colour", "B-1|price|100|red")},
			[]string{`b.xlsx:prices!D1: header: the prices sheet has no column "colour"; its columns are bid, criterion, amount, and optionally item, lot, supplier, supplierName (value "colour", rule extra-column)`}},
		{"a repeated column names both",
			[]Table{sheetTable("b.xlsx", "prices", "bid|criterion|amount|bid", "B-1|price|100|B-1")},
			[]string{`b.xlsx:prices!D1: header: the column "bid" is already column A (value "bid", rule unique)`}},
		{"a cell right of the header",
			[]Table{sheetTable("b.xlsx", "prices", "bid|criterion|amount", "B-1|price|100|oops")},
			[]string{`b.xlsx:prices!D2: the cell is right of the header, which names 3 columns: move it into a column or clear it (value "oops", rule extra-cell)`}},
		{"a bad value names its cell and column",
			[]Table{sheetTable("b.xlsx", "bids", "bid|lot|supplier|supplierName", "B-1|1|S-1|Alder Ltd"), sheetTable("b.xlsx", "gates", "bid|gate|pass", "B-1|ce-plus|maybe")},
			[]string{`b.xlsx:gates!C2: pass: want true or false (value "maybe", rule boolean)`}},
		{"a clash with a CSV file names both places",
			[]Table{sheetTable("b.xlsx", "bids", "bid|lot|supplier|supplierName", "B-1|1|S-1|Alder Ltd"), sheetTable("b.xlsx", "prices", "bid|criterion|amount|lot", "B-1|price|100|2")},
			[]string{`b.xlsx:prices!D2: lot: bid B-1 already has lot "1" (b.xlsx:bids!B2) (value "2", rule same-bid)`}},
		{"an unknown layout",
			[]Table{sheetTable("b.xlsx", "notes", "bid", "B-1")},
			[]string{`b.xlsx:notes!A1: header: no layout is named "notes"; the layouts are bids, prices, marks, gates, commitments, tiebreaks and features (value "notes", rule layout)`}},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			bids, src, err := ReadBidsTables(tn, tc.tables...)
			var ferr *Error
			require.ErrorAs(t, err, &ferr)
			var got []string
			for _, p := range ferr.Problems {
				got = append(got, p.String())
			}
			assert.Equal(t, tc.want, got)
			assert.Nil(t, bids)
			assert.Nil(t, src)
		})
	}

	t.Run("a sheet and a CSV file make one set of bids", func(t *testing.T) {
		prices, err := ReadCSVTable(CSVFile{Name: "prices.csv", R: strings.NewReader("bid,criterion,amount\nB-1,price,100.50\n")})
		require.NoError(t, err)
		bids, src, err := ReadBidsTables(tn, sheetTable("b.xlsx", "bids", "bid|lot|supplier|supplierName", "B-1|1|S-1|Alder Ltd"), prices)
		require.NoError(t, err)
		require.Len(t, bids, 1)
		assert.Equal(t, "100.50", decimalString(*bids[0].Responses["price"].Price.Amount), "the pence kept")
		assert.Equal(t, "b.xlsx:bids!B2", src.Position("bids[0].lot").String())
		assert.Equal(t, "prices.csv:2:C (column 3)", src.Position("bids[0].responses[price].price").String())
	})
}

// TestLayouts checks the layouts listed for workbooks are the CSV layouts,
// in order, each with the identity columns it may carry.
func TestLayouts(t *testing.T) {
	var names []string
	for _, l := range Layouts() {
		names = append(names, l.Name)
		assert.Contains(t, slicesConcat(l.Required, l.Optional), "supplier", "%s: every layout may name the supplier", l.Name)
	}
	assert.Equal(t, []string{"bids", "prices", "marks", "gates", "commitments", "tiebreaks", "features"}, names)
	l := Layouts()[2]
	assert.Equal(t, []string{"bid", "criterion", "mark"}, l.Required)
	assert.Equal(t, []string{"evaluator", "rationale", "consensus", "lot", "supplier", "supplierName"}, l.Optional)
}

func slicesConcat(a, b []string) []string { return append(append([]string{}, a...), b...) }
