package tenderfile

import "strings"

// A grid's cells are kept end to end in one string, each cell found by
// where it ends, and each row by its first cell: a row costs eight bytes
// and a cell four beyond its text, however many rows there are. A CSV file
// of a million short rows would otherwise take a hundred bytes a row in
// strings and slices before a bid is built.

// gridRow is one data row: its number as the file numbers it, and where
// its cells are among the grid's.
type gridRow struct {
	number int32
	first  int32 // the index of its first cell among the grid's
	n      int32 // how many cells it has
}

// gridText holds the text of every cell of a grid.
type gridText struct {
	text strings.Builder
	ends []uint32 // where each cell's text ends
}

// expect makes room for about as many rows, cells and bytes of text as a
// file of that size holds, so that the lists are not copied as they grow.
func (g *grid) expect(rows, cells, text int) {
	g.rows = make([]gridRow, 0, rows)
	g.cells.ends = make([]uint32, 0, cells)
	g.cells.text.Grow(text)
}

// addRow appends a row of cells, already trimmed and unescaped.
func (g *grid) addRow(number int, cells []string) {
	g.rows = append(g.rows, gridRow{number: int32(number), first: int32(len(g.cells.ends)), n: int32(len(cells))})
	for _, c := range cells {
		g.cells.text.WriteString(c)
		g.cells.ends = append(g.cells.ends, uint32(g.cells.text.Len()))
	}
}

// cell is the text of a row's i-th cell; "" beyond its last.
func (g *grid) cell(r gridRow, i int) string {
	if i < 0 || i >= int(r.n) {
		return ""
	}
	k := int(r.first) + i
	start := uint32(0)
	if k > 0 {
		start = g.cells.ends[k-1]
	}
	return g.cells.text.String()[start:g.cells.ends[k]]
}

// blankRow reports whether every cell of a row is blank.
func (g *grid) blankRow(r gridRow) bool {
	for i := range int(r.n) {
		if strings.TrimSpace(g.cell(r, i)) != "" {
			return false
		}
	}
	return true
}

// size is about how many bytes of the file the grid's rows took: their
// cells' text and a separator after each.
func (g *grid) size() int { return g.cells.text.Len() + len(g.cells.ends) }
