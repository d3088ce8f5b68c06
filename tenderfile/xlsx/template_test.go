package xlsx

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/tenderfile"
)

// identities are the three bids of testdata/bids.yaml with nothing but who
// bid for what: what a template is made from once bids are in.
func identities(t *testing.T) []score.Bid {
	var out []score.Bid
	for _, b := range readBidsFile(t, testBids) {
		out = append(out, score.Bid{ID: b.ID, Lot: b.Lot, Supplier: b.Supplier})
	}
	return out
}

// fillIn is what the panel enters in a template, by row key.
type fillIn struct {
	prices map[string]string // bid → amount
	marks  map[string]int64  // bid/criterion/evaluator ("" for consensus) → mark
	gates  map[string]bool   // bid → pass
}

// fill types the panel's entries into the template's empty cells, as a
// person would, and returns the saved workbook.
func fill(t *testing.T, template []byte, in fillIn) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(template))
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows("prices")
	require.NoError(t, err)
	for i, r := range rows[1:] {
		require.NoError(t, f.SetCellDefault("prices", fmt.Sprintf("D%d", i+2), in.prices[r[0]]))
	}
	rows, err = f.GetRows("marks")
	require.NoError(t, err)
	for i, r := range rows[1:] {
		evaluator := ""
		if len(r) > 2 {
			evaluator = r[2]
		}
		m, ok := in.marks[r[0]+"/"+r[1]+"/"+evaluator]
		require.True(t, ok, "a mark for row %d (%v)", i+2, r)
		require.NoError(t, f.SetCellInt("marks", fmt.Sprintf("D%d", i+2), m))
		require.NoError(t, f.SetCellStr("marks", fmt.Sprintf("F%d", i+2), "as discussed at moderation"))
	}
	rows, err = f.GetRows("gates")
	require.NoError(t, err)
	for i, r := range rows[1:] {
		require.NoError(t, f.SetCellBool("gates", fmt.Sprintf("C%d", i+2), in.gates[r[0]]))
		require.NoError(t, f.SetCellStr("gates", fmt.Sprintf("D%d", i+2), map[bool]string{true: "certificate seen", false: "certificate expired"}[in.gates[r[0]]]))
	}
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	require.NoError(t, err)
	return buf.Bytes()
}

// TestTemplateRoundTrip makes the evaluation workbook for the test tender,
// fills it in by code and scores it. The marks and prices are those of
// testdata/bids.yaml; the result is worked by hand from the tender (price
// 40 relative; quality 60: approach 60%, team 40%, marks 0–4):
//
//	B-3 fails the Cyber Essentials Plus gate and is disqualified.
//	B-2: price 450000/450000 × 40 = 40; approach 2/4 × 36 = 18; team 3/4 × 24 = 18; total 76.
//	B-1: price 450000/500000 × 40 = 36; approach 3/4 × 36 = 27; team 2/4 × 24 = 12; total 75.
func TestTemplateRoundTrip(t *testing.T) {
	tn := readTender(t, testTender)
	var buf bytes.Buffer
	require.NoError(t, WriteTemplate(&buf, tn, identities(t), TemplateOptions{Evaluators: []string{"E1", "E2"}}))
	marks := map[string]int64{}
	for bid, m := range map[string][2]int64{"B-1": {3, 2}, "B-2": {2, 3}, "B-3": {4, 4}} {
		for _, e := range []string{"E1", "E2", ""} {
			marks[bid+"/approach/"+e] = m[0]
			marks[bid+"/team/"+e] = m[1]
		}
	}
	filled := fill(t, buf.Bytes(), fillIn{
		prices: map[string]string{"B-1": "500000", "B-2": "450000", "B-3": "400000"},
		marks:  marks,
		gates:  map[string]bool{"B-1": true, "B-2": true, "B-3": false},
	})
	bids, src, notes, err := ReadBids(tn, "marks.xlsx", bytes.NewReader(filled))
	require.NoError(t, err)
	assert.Empty(t, notes, "the model sheet is skipped without a note")
	require.NoError(t, tenderfile.Validate(tn, bids, src))
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	l := res.Lots[0]
	require.Equal(t, score.Winner, l.Outcome)
	assert.Equal(t, "B-2", l.Winner)
	require.Len(t, l.Standings, 2)
	assert.Equal(t, "B-2", l.Standings[0].BidID)
	assert.Equal(t, "76", trimZeros(l.Standings[0].Score.String()))
	assert.Equal(t, "B-1", l.Standings[1].BidID)
	assert.Equal(t, "75", trimZeros(l.Standings[1].Score.String()))
	b3, ok := l.Bid("B-3")
	require.True(t, ok)
	require.NotNil(t, b3.Disqualified)
	assert.Equal(t, score.AtGate, b3.Disqualified.Stage)
}

func trimZeros(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '0' || s[len(s)-1] == '.') && bytes.ContainsRune([]byte(s), '.') {
		s = s[:len(s)-1]
	}
	return s
}

// TestTemplateLayout checks the template's sheets, rows, locks and
// validation, cell by cell.
func TestTemplateLayout(t *testing.T) {
	tn := readTender(t, testTender)
	var buf bytes.Buffer
	require.NoError(t, WriteTemplate(&buf, tn, identities(t)[:1], TemplateOptions{Evaluators: []string{"E1", "=cmd"}}))
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"model", "bids", "prices", "marks", "gates", "commitments", "tiebreaks"}, f.GetSheetList())

	rows, err := f.GetRows("marks")
	require.NoError(t, err)
	assert.Equal(t, [][]string{
		{"bid", "criterion", "evaluator", "mark", "consensus", "rationale"},
		{"B-1", "approach", "E1", "", "FALSE"},
		{"B-1", "approach", "'=cmd", "", "FALSE"},
		{"B-1", "approach", "", "", "TRUE"},
		{"B-1", "team", "E1", "", "FALSE"},
		{"B-1", "team", "'=cmd", "", "FALSE"},
		{"B-1", "team", "", "", "TRUE"},
	}, rows, "one row per bid × question × evaluator, and the consensus; an evaluator's name that looks like a formula is neutralised")

	dvs, err := f.GetDataValidations("marks")
	require.NoError(t, err)
	require.Len(t, dvs, 2, "one validation per question")
	assert.Equal(t, "D2:D4", dvs[0].Sqref)
	assert.Equal(t, `"0,1,2,3,4"`, dvs[0].Formula1, "the 0–4 scale")

	for _, sheet := range []string{"model", "bids", "marks"} {
		p, err := f.GetSheetProtection(sheet)
		require.NoError(t, err)
		assert.False(t, p.FormatCells, "%s is protected", sheet)
	}
	locked := func(sheet, cell string) bool {
		id, err := f.GetCellStyle(sheet, cell)
		require.NoError(t, err)
		st, err := f.GetStyle(id)
		require.NoError(t, err)
		return st.Protection == nil || st.Protection.Locked
	}
	assert.True(t, locked("marks", "A1"), "the header is locked")
	assert.True(t, locked("marks", "B2"), "a key is locked")
	assert.False(t, locked("marks", "D2"), "a mark is for the panel")
	assert.False(t, locked("marks", "F2"), "so is its rationale")

	model, err := f.GetRows("model")
	require.NoError(t, err)
	var approach []string
	for _, r := range model {
		if len(r) > 1 && r[1] == "approach" {
			approach = r
			break
		}
	}
	require.Len(t, approach, 7, "the criterion's row: lot, id, title (indented), category, weight, weighting, method")
	assert.Equal(t, []string{"1", "approach", "  Approach", "", "60", "percent"}, approach[:6])
	assert.Contains(t, approach[6], "marked on the 0–4 scale", "how it is scored, in the engine's words")
	assert.Contains(t, model, []string{"1", "team", "0–4", "4", "Excellent"}, "scales with descriptors")
}

// TestTemplateWithoutBids checks a template made before bids are in has
// the headers and the model only.
func TestTemplateWithoutBids(t *testing.T) {
	tn := readTender(t, testTender)
	var buf bytes.Buffer
	require.NoError(t, WriteTemplate(&buf, tn, nil, TemplateOptions{}))
	wb, err := Read("t.xlsx", bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	require.Len(t, wb.Tables, 6)
	for _, tb := range wb.Tables {
		assert.Empty(t, tb.Rows, tb.Layout)
	}
}
