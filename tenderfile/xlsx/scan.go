package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// grid is what a sheet's XML holds, as far as reading bids needs: its
// cells with something in them, row by row, and its merged ranges.
//
// The worksheet part is scanned here, in one pass of a streaming decoder,
// before excelize reads it: excelize fills every row and cell up to the
// last one named (a single cell at XFD1048576 would become seventeen
// thousand million), so the scan bounds the sheet first and gives each
// cell's type, style and formula, which excelize's row iterator does not.
type grid struct {
	rows   []gridRow
	merges []string
}

type gridRow struct {
	num   int
	seen  int // the column of the last <c> element, empty or not
	cells []gridCell
}

// gridCell is one cell with a value or a formula.
type gridCell struct {
	col     int
	t       string // the cell type attribute: "" or "n" number, s, str, inlineStr, b, d, e
	style   int
	formula bool
	v       string // the stored value (<v>), as written
}

// scanError is a problem with the sheet's structure, at a cell or row.
type scanError struct {
	row, col int
	msg      string
}

func (e *scanError) Error() string { return e.msg }

// lastCol is the column of a row's last cell.
func (r gridRow) lastCol() int {
	if len(r.cells) == 0 {
		return 0
	}
	return r.cells[len(r.cells)-1].col
}

// scan reads a worksheet part. It refuses a cell with content right of
// MaxColumns, more than maxCells cells with content, rows or cells out of
// order, and XML that is not well formed.
func scan(data []byte, maxCells int) (*grid, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	g := &grid{}
	row, cells := 0, 0
	var cur *gridRow
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return g, nil
		}
		if err != nil {
			return nil, &scanError{row, 0, fmt.Sprintf("the sheet's XML is damaged (%v)", err)}
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "row":
			n, err := intAttr(se, "r")
			switch {
			case err != nil:
				return nil, &scanError{row + 1, 0, "a row's number is not a whole number"}
			case n == 0:
				n = row + 1
			case n <= row:
				return nil, &scanError{n, 0, fmt.Sprintf("row %d comes after row %d in the sheet's XML: save the workbook again from a spreadsheet", n, row)}
			case n > excelize.TotalRows:
				return nil, &scanError{n, 0, fmt.Sprintf("row %d is beyond the last row a spreadsheet has (%d)", n, excelize.TotalRows)}
			}
			row = n
			g.rows = append(g.rows, gridRow{num: n})
			cur = &g.rows[len(g.rows)-1]
		case "c":
			if cur == nil {
				return nil, &scanError{0, 0, "the sheet's XML has a cell outside a row"}
			}
			c, err := scanCell(d, se, cur)
			if err != nil {
				return nil, err
			}
			if c.formula || c.v != "" || c.t == "inlineStr" {
				if c.col > MaxColumns {
					return nil, &scanError{row, c.col, fmt.Sprintf("the cell is right of column %s, the last tenderscore reads: a layout has at most %d columns", columnName(MaxColumns), widestLayout())}
				}
				if cells++; cells > maxCells {
					return nil, &scanError{row, c.col, fmt.Sprintf("the workbook has more than %d cells with values in its layout sheets, the most tenderscore reads: split the bids across several workbooks", MaxCells)}
				}
				cur.cells = append(cur.cells, c)
			}
		case "mergeCell":
			for _, a := range se.Attr {
				if a.Name.Local == "ref" {
					g.merges = append(g.merges, a.Value)
				}
			}
		}
	}
}

// scanCell reads one <c> element, whose start has been read.
func scanCell(d *xml.Decoder, se xml.StartElement, row *gridRow) (gridCell, error) {
	// A cell without a reference (its r attribute is optional) follows the
	// one before it, as excelize's row iterator counts.
	c := gridCell{col: row.seen + 1}
	for _, a := range se.Attr {
		switch a.Name.Local {
		case "r":
			col, _, err := excelize.CellNameToCoordinates(a.Value)
			if err != nil {
				return c, &scanError{row.num, 0, fmt.Sprintf("a cell's reference %q is not a cell", abbreviate(a.Value))}
			}
			c.col = col
		case "t":
			c.t = a.Value
		case "s":
			s, err := strconv.Atoi(a.Value)
			if err != nil || s < 0 {
				return c, &scanError{row.num, c.col, "a cell's style is not a whole number"}
			}
			c.style = s
		}
	}
	if c.col <= row.seen {
		return c, &scanError{row.num, c.col, "the cell comes after a cell to its right in the sheet's XML: save the workbook again from a spreadsheet"}
	}
	row.seen = c.col
	var v strings.Builder
	inV := false
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return c, &scanError{row.num, c.col, fmt.Sprintf("the sheet's XML is damaged (%v)", err)}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "v":
				inV = depth == 2
			case "f":
				c.formula = c.formula || depth == 2
			}
		case xml.EndElement:
			depth--
			inV = false
		case xml.CharData:
			if inV {
				if v.Len()+len(t) > maxValueBytes {
					return c, &scanError{row.num, c.col, fmt.Sprintf("the cell's value is longer than %d characters", maxValueBytes)}
				}
				v.Write(t)
			}
		}
	}
	c.v = v.String()
	return c, nil
}

// maxValueBytes bounds one stored value: a spreadsheet cell holds at most
// 32,767 characters.
const maxValueBytes = 32767 * 4

func intAttr(se xml.StartElement, name string) (int, error) {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return strconv.Atoi(a.Value)
		}
	}
	return 0, nil
}

// columnName is a spreadsheet's name for a column counted from 1.
func columnName(col int) string {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return strconv.Itoa(col)
	}
	return name
}

// abbreviate shows at most 40 characters of a value.
func abbreviate(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
