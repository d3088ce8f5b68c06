package xlsx

import (
	"bytes"
	"errors"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/tenderfile"
)

// cellPlace is how every problem in a workbook begins: the file and,
// where the problem is in a sheet, the sheet and cell or row.
var cellPlace = regexp.MustCompile(`^f\.xlsx(:([A-Za-z_][A-Za-z0-9_]*|'[^']+')(![A-Z]{1,3}[0-9]+|![0-9]+:[0-9]+)?)?: `)

// FuzzRead feeds the workbook reader arbitrary bytes and checks its
// invariants: it never panics; every problem names the file, and a sheet
// and cell when it is in one; and bids it reads, written again with
// WriteBids and read back, are the same bids.
func FuzzRead(f *testing.F) {
	tn := readTender(f, testTender)
	bids := readBidsFile(f, testBids)
	var buf bytes.Buffer
	require.NoError(f, WriteBids(&buf, bids))
	f.Add(buf.Bytes())
	var tmpl bytes.Buffer
	require.NoError(f, WriteTemplate(&tmpl, tn, bids, TemplateOptions{Evaluators: []string{"E1"}}))
	f.Add(tmpl.Bytes())
	f.Add(rawWorkbook(f, false, []string{"£4390000.00"}, rawSheet{"prices", inline(1, "bid", "criterion", "amount") +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>B-1</t></is></c><c r="B2" t="inlineStr"><is><t>price</t></is></c><c r="C2" t="s"><v>0</v></c></row></sheetData>`}))
	f.Add(rawWorkbook(f, true, nil, rawSheet{"marks", inline(1, "bid", "criterion", "evaluator", "mark") +
		`<row r="2"><c r="D2"><f>0.1+0.2</f><v>0.30000000000000004</v></c></row></sheetData><mergeCells><mergeCell ref="A3:B3"/></mergeCells>`}))
	f.Add(compoundFileWith(f, "Workbook"))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, _, _, err := ReadBids(tn, "f.xlsx", bytes.NewReader(data))
		if err != nil {
			var ferr *tenderfile.Error
			if !errors.As(err, &ferr) {
				t.Fatalf("not a *tenderfile.Error: %v", err)
			}
			for _, p := range ferr.Problems {
				if s := p.String(); !cellPlace.MatchString(s) {
					t.Fatalf("a problem without its place: %q", s)
				}
			}
			return
		}
		var again bytes.Buffer
		if err := WriteBids(&again, got); err != nil {
			return // bids holding what the layouts cannot (EncodeBidsCSV says which)
		}
		back, _, _, err := ReadBids(tn, "again.xlsx", bytes.NewReader(again.Bytes()))
		if err != nil {
			t.Fatalf("bids written by WriteBids do not read back: %v", err)
		}
		if a, b := encoded(t, got), encoded(t, back); a != b {
			t.Fatalf("bids changed in a round trip:\n%s\n---\n%s", a, b)
		}
	})
}

// encoded is bids as a bids file, to compare two sets of bids exactly.
func encoded(t *testing.T, bids []score.Bid) string {
	var b bytes.Buffer
	if err := tenderfile.EncodeBids(&b, bids, tenderfile.JSON); err != nil {
		t.Fatalf("encoding bids: %v", err)
	}
	return b.String()
}
