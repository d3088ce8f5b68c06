package xlsx

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/tenderscore/tenderscore/score"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// dump lists every cell of a workbook with something in it, one a line:
// its sheet and reference, its type (n number, s text, b TRUE/FALSE), the
// value as stored and, for a number, its number format. Golden workbooks
// are compared as these lines, cell by cell, not byte by byte, so that a
// change of excelize's XML layout is no change and a changed cell shows as
// one line of the diff.
func dump(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	o := &opened{f: f}
	parts := o.sheetParts()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		g, err := scan(o.part(parts[sheet].path), MaxCells)
		require.NoError(t, err)
		for _, r := range g.rows {
			for _, c := range r.cells {
				cell := ref(r.num, c.col)
				switch c.t {
				case "s", "inlineStr":
					v, err := f.GetCellValue(sheet, cell)
					require.NoError(t, err)
					fmt.Fprintf(&b, "%s!%s s %q\n", sheet, cell, v)
				case "b":
					fmt.Fprintf(&b, "%s!%s b %s\n", sheet, cell, c.v)
				default:
					format := "General"
					if c.style != 0 {
						st, err := f.GetStyle(c.style)
						require.NoError(t, err)
						if st.CustomNumFmt != nil {
							format = *st.CustomNumFmt
						} else if st.NumFmt != 0 {
							format = fmt.Sprintf("builtin %d", st.NumFmt)
						}
					}
					fmt.Fprintf(&b, "%s!%s %s %s [%s]\n", sheet, cell, "n"+c.t, c.v, format)
				}
			}
		}
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), got)
}

const (
	croydonTender = "../../examples/croydon/tender.yaml"
	croydonBids   = "../../examples/croydon/bids.yaml"
)

// TestMatrixGolden writes the evaluation matrix of the Croydon tender, and
// of a two-lot tender under a one-lot cap with its award, and compares
// them cell by cell with the reviewed copies. After a deliberate change
// run go test -update and review the diff.
func TestMatrixGolden(t *testing.T) {
	tests := []struct {
		why, tender, bids, golden string
		award                     bool
	}{
		{"five lots, no lot rules", croydonTender, croydonBids, "croydon-matrix.golden", false},
		{"the award under a one-lot cap: Alder ranks first twice and is awarded lot 1 only", "testdata/twolots.yaml", "testdata/twolots-bids.yaml", "twolots-matrix.golden", true},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			tn := readTender(t, tc.tender)
			bids := readBidsFile(t, tc.bids)
			res, err := score.Evaluate(tn, bids)
			require.NoError(t, err)
			var award *score.AwardResult
			if tc.award {
				a, err := score.Award(tn, bids)
				require.NoError(t, err)
				award = &a
			}
			var buf bytes.Buffer
			require.NoError(t, WriteMatrix(&buf, res, award))
			golden(t, tc.golden, dump(t, buf.Bytes()))
		})
	}
}

// TestTemplateGolden writes the Croydon evaluation workbook for its bids
// and a panel of three, and compares it cell by cell.
func TestTemplateGolden(t *testing.T) {
	tn := readTender(t, croydonTender)
	var ids []score.Bid
	for _, b := range readBidsFile(t, croydonBids) {
		ids = append(ids, score.Bid{ID: b.ID, Lot: b.Lot, Supplier: b.Supplier})
	}
	var buf bytes.Buffer
	require.NoError(t, WriteTemplate(&buf, tn, ids, TemplateOptions{Evaluators: []string{"Evaluator A", "Evaluator B", "Evaluator C"}}))
	golden(t, "croydon-template.golden", dump(t, buf.Bytes()))
}

// TestMatrixCells checks the matrix of the small test tender cell by cell
// against figures worked by hand (see TestTemplateRoundTrip): points are
// number cells with two places, as the default rounding shows them.
func TestMatrixCells(t *testing.T) {
	tn := readTender(t, testTender)
	res, err := score.Evaluate(tn, readBidsFile(t, testBids))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteMatrix(&buf, res, nil))
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"lot 1", "standings"}, f.GetSheetList())
	rows, err := f.GetRows("lot 1", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	assert.Equal(t, []string{"rank", "bid", "supplier", "Price", "Quality", "· Approach", "· Team", "total", "status", "reasons"}, rows[3])
	assert.Equal(t, []string{"", "", "points available", "40", "60", "36", "24"}, rows[4])
	assert.Equal(t, []string{"1", "B-2", "Birchfield Support plc", "40.00", "36.00", "18.00", "18.00", "76.00", "compliant"}, rows[5])
	assert.Equal(t, []string{"2", "B-1", "Alder Service Ltd", "36.00", "39.00", "27.00", "12.00", "75.00", "compliant"}, rows[6])
	assert.Equal(t, "B-3", rows[7][1])
	assert.Equal(t, "disqualified at gate", rows[7][8])
	typ, err := f.GetCellType("lot 1", "H6")
	require.NoError(t, err)
	assert.Equal(t, excelize.CellTypeUnset, typ, "a total is a number cell")
	shownAs, err := f.GetCellValue("lot 1", "H6")
	require.NoError(t, err)
	assert.Equal(t, "76.00", shownAs, "shown to the two places of the rounding")
}
