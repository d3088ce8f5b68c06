package xlsx

import (
	"bytes"
	"encoding/csv"
	"io"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/tenderfile"
)

// WriteBids writes bids as a workbook [Read] reads: a sheet per layout the
// bids use (bids always), in the columns and order of
// [tenderfile.EncodeBidsCSV], with amounts, marks and scores as number
// cells holding their exact digits (text when a value has more digits than
// a spreadsheet keeps), decisions as TRUE/FALSE cells, and text
// neutralised against formula injection. Bids holding what the layouts
// have no column for give the same error as EncodeBidsCSV.
func WriteBids(w io.Writer, bids []score.Bid) error {
	files, err := tenderfile.EncodeBidsCSV(bids)
	if err != nil {
		return err
	}
	b := newBook()
	for _, l := range tenderfile.Layouts() {
		data, ok := files[l.Name+".csv"]
		if !ok {
			continue
		}
		recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			return err
		}
		b.sheet(l.Name)
		b.header(l.Name, recs[0], nil)
		for i, rec := range recs[1:] {
			for j, v := range rec {
				b.cell(l.Name, i+2, j+1, columnKinds[recs[0][j]], v, "")
			}
		}
	}
	return b.write(w)
}

// cell writes a value by what its column holds.
func (b *book) cell(sheet string, row, col int, k kind, v, style string) {
	switch {
	case v == "":
		b.setStyle(sheet, row, col, style)
	case k == boolean && (v == "true" || v == "false"):
		b.boolean(sheet, row, col, v == "true")
		b.setStyle(sheet, row, col, style)
	case k == number || k == percent:
		id := 0
		if style != "" {
			id = b.style(style)
		}
		b.number(sheet, row, col, v, id)
	default:
		b.text(sheet, row, col, v, style)
	}
}
