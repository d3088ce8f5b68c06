package tenderfile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tenderscore/tenderscore/score"
)

// Layout is one of the layouts of bids data that CSV files and the sheets
// of a workbook hold (see the package documentation): its name and the
// columns of its header row.
type Layout struct {
	// Name is the layout's name: bids, prices, marks, gates, commitments
	// or tiebreaks. A workbook's sheet holding the layout has this name.
	Name string
	// Required are the columns every file of the layout has.
	Required []string
	// Optional are the columns it may have, the identity columns (lot,
	// supplier, supplierName) included.
	Optional []string
}

// Layouts returns the layouts of bids data, in the order a workbook lists
// them: bids, prices, marks, gates, commitments, tiebreaks.
func Layouts() []Layout {
	order := []string{"bids", "prices", "marks", "gates", "commitments", "tiebreaks", "features"}
	out := make([]Layout, 0, len(order))
	for _, name := range order {
		tb := tableNamed(name)
		opt := slices.Clone(tb.optional)
		for _, c := range identity {
			if !slices.Contains(tb.required, c) {
				opt = append(opt, c)
			}
		}
		out = append(out, Layout{Name: tb.kind, Required: slices.Clone(tb.required), Optional: opt})
	}
	return out
}

// tableNamed returns the layout of a name, or nil.
func tableNamed(name string) *table {
	for i := range tables {
		if tables[i].kind == name {
			return &tables[i]
		}
	}
	return nil
}

// Cell is one cell of a [Table]: its text and where it is.
type Cell struct {
	Value string
	Pos   Position
}

// Row is one data row of a [Table]: its number as the file numbers it (in
// a CSV file and a sheet the header is row 1), and its cells, one per
// header column in the header's order. A row may have fewer cells than the
// header (the rest are empty); a cell beyond the header is a problem.
type Row struct {
	Number int
	Cells  []Cell
}

// Table is bids data in one of the [Layouts], with the place of every
// cell: a CSV file, or a sheet of a workbook as package
// tenderfile/xlsx reads it. [ReadBidsTables] makes bids of tables from any
// mix of files.
type Table struct {
	// File names the file, for errors.
	File string
	// Layout is the name of the table's layout; empty to tell it from the
	// header's columns, as for a CSV file.
	Layout string
	// Header holds the column names. Its first cell's position stands for
	// the header as a whole.
	Header []Cell
	// Rows holds the data rows; blank rows may be left in or out.
	Rows []Row
}

// at is the place of the header as a whole.
func (t Table) at() Position {
	if len(t.Header) > 0 {
		return t.Header[0].Pos
	}
	return Position{File: t.File}
}

// ReadBidsTables reads bids from tables in the [Layouts], as
// [ReadBidsCSV] reads CSV files: the tables' rows are joined by bid id,
// whatever file each came from, so a workbook's marks and a CSV file's
// prices make one set of bids. The tender says which criteria are social
// value, whose marks are for the method statement. Every problem in every
// table is reported at once in an [*Error], each at its cell — a table
// whose header cannot be read hides no other table's problems; no bids are
// returned then. Bids come in the order they are first named.
//
// A problem is placed at its row's Number and its column (a row's cells
// are its columns from the first, as the header's are), in the file and
// sheet of the table's header; a cell's Pos is not kept.
func ReadBidsTables(t score.Tender, tables ...Table) ([]score.Bid, *Source, error) {
	grids := make([]*grid, len(tables))
	for i, tb := range tables {
		grids[i] = gridOf(tb)
	}
	return readGrids(t, grids, nil)
}

// grid is a table as the builder reads it: its header and rows as text,
// the place of its cells told by their row number and column, never kept
// per cell.
type grid struct {
	file   string
	sheet  string // a workbook's sheet; "" for a CSV file
	csv    bool   // a CSV file, whose positions name a row and column
	layout string // the layout, or "" to tell it from the header
	header []string
	rows   []gridRow
	cells  gridText // the rows' cells (grid_cells.go)
	// set by readGrids
	index int            // in the grids read, for cellRef
	base  uint32         // the number before its first cell's (csv_ident.go)
	kind  *table         // the layout
	col   map[string]int // column name → index
}

// gridOf takes a Table's text, and its file and sheet from its header.
func gridOf(t Table) *grid {
	at := t.at()
	g := &grid{file: t.File, sheet: at.Sheet, csv: at.Cell || (at.Sheet == "" && at.Line > 0), layout: t.Layout, header: make([]string, len(t.Header))}
	for i, c := range t.Header {
		g.header[i] = c.Value
	}
	g.rows = make([]gridRow, 0, len(t.Rows))
	var cells []string
	for _, r := range t.Rows {
		cells = cells[:0]
		for _, c := range r.Cells {
			cells = append(cells, c.Value)
		}
		g.addRow(r.Number, cells)
	}
	return g
}

// table writes the grid as a Table, each cell with its place.
func (g *grid) table() Table {
	t := Table{File: g.file, Layout: g.layout, Header: make([]Cell, len(g.header)), Rows: make([]Row, len(g.rows))}
	for i, v := range g.header {
		t.Header[i] = Cell{Value: v, Pos: g.pos(1, i)}
	}
	for i, r := range g.rows {
		cells := make([]Cell, r.n)
		for j := range cells {
			cells[j] = Cell{Value: g.cell(r, j), Pos: g.pos(int(r.number), j)}
		}
		t.Rows[i] = Row{Number: int(r.number), Cells: cells}
	}
	return t
}

// pos is the place of a cell of the grid: its row and column index (-1
// for the row as a whole).
func (g *grid) pos(row, col int) Position {
	return Position{File: g.file, Sheet: g.sheet, Line: row, Column: col + 1, Cell: g.csv}
}

// at is the place of the header as a whole.
func (g *grid) at() Position {
	if g.sheet != "" {
		return g.pos(1, 0)
	}
	return Position{File: g.file, Line: 1, Cell: g.csv}
}

// keepRows keeps the rows of a grid that the builder reads: not blank, and
// with no cell right of the header (a problem).
func keepRows(g *grid, ps *problems) {
	kept := g.rows[:0]
	for _, r := range g.rows {
		if g.blankRow(r) {
			continue
		}
		if n := len(g.header); int(r.n) > n {
			if g.sheet != "" {
				ps.addAt(g.pos(int(r.number), n), "", abbreviate(g.cell(r, n)), "extra-cell", "the cell is right of the header, which names %d columns: move it into a column or clear it", n)
			} else {
				ps.addAt(g.pos(int(r.number), n), "", abbreviate(g.cell(r, n)), "extra-cell", "the row has %d cells but the header names %d columns", r.n, n)
			}
			continue
		}
		kept = append(kept, r)
	}
	g.rows = kept
}

// eachRow hands every row of the grids to f, in order.
func eachRow(grids []*grid, f func(r *csvRow)) {
	for _, g := range grids {
		for _, r := range g.rows {
			f(&csvRow{g: g, r: r})
		}
	}
}

// readGrids checks every grid's header, then builds bids from the rows of
// those whose header can be read; problems in earlier steps (errs) are
// reported with theirs.
func readGrids(t score.Tender, grids []*grid, errs []Problem) ([]score.Bid, *Source, error) {
	files := make([]gridFile, 0, len(grids))
	var good []*grid
	for _, g := range grids {
		g.index = len(files)
		files = append(files, gridFile{file: g.file, sheet: g.sheet, csv: g.csv})
		ps := &problems{file: g.file}
		if checkHeader(g, ps) {
			good = append(good, g)
		}
		errs = append(errs, ps.problemsOf()...)
	}
	size := 0
	for _, g := range good {
		ps := &problems{file: g.file}
		keepRows(g, ps)
		errs = append(errs, ps.problemsOf()...)
		size += g.size()
	}
	b := newCSVBuilder(t, files)
	b.number(good)
	b.expect(good)
	eachRow(good, b.identity)
	if b.formBids(size) { // csv_form.go
		eachRow(good, b.content)
	}
	errs = append(errs, b.ps.problemsOf()...)
	if len(errs) > 0 {
		return nil, nil, &Error{Problems: errs}
	}
	name := ""
	if len(grids) > 0 {
		name = grids[0].file
	}
	return b.bids, &Source{parts: []part{{file: name, bids: true, count: len(b.bids), cells: b.cells}}}, nil
}

// checkHeader finds a grid's layout and checks its columns; false when the
// rows cannot be read by it.
func checkHeader(g *grid, ps *problems) bool {
	sheet := g.sheet != ""
	before := len(ps.list) + ps.omitted
	g.col = make(map[string]int, len(g.header))
	cols := make([]string, len(g.header))
	for i, h := range g.header {
		cols[i] = strings.TrimSpace(h)
		if j, dup := g.col[cols[i]]; dup && cols[i] != "" {
			ps.addAt(g.pos(1, i), "header", cols[i], "unique", "the column %q is already column %s", cols[i], columnLabel(sheet, j))
			continue
		}
		g.col[cols[i]] = i
	}
	if g.layout != "" {
		if g.kind = tableNamed(g.layout); g.kind == nil {
			ps.addAt(g.at(), "header", g.layout, "layout", "no layout is named %q; the layouts are bids, prices, marks, gates, commitments, tiebreaks and features", g.layout)
			return false
		}
	} else {
		var msg string
		if g.kind, msg = tableOf(cols); g.kind == nil {
			ps.addAt(g.at(), "header", abbreviate(strings.Join(cols, ",")), "header", "%s", msg)
			return false
		}
	}
	tb := g.kind
	allowed := slices.Concat(tb.required, tb.optional, identity)
	for i, c := range cols {
		if !slices.Contains(allowed, c) {
			what := "a " + tb.kind + " file"
			if sheet {
				what = "the " + tb.kind + " sheet"
			}
			ps.addAt(g.pos(1, i), "header", abbreviate(c), "extra-column", "%s has no column %q; its columns are %s, and optionally %s",
				what, abbreviate(c), strings.Join(tb.required, ", "), strings.Join(slices.Concat(tb.optional, identity), ", "))
		}
	}
	for _, c := range tb.required {
		if _, ok := g.col[c]; !ok {
			if sheet {
				ps.addAt(g.at(), "header", "", "missing-column", "the %s sheet needs the column %q in its header (row 1)", tb.kind, c)
			} else {
				ps.addAt(g.at(), "header", "", "missing-column", "a %s file needs the column %q", tb.kind, c)
			}
		}
	}
	return len(ps.list)+ps.omitted == before
}

// columnLabel names a column counted from 0: "B (column 2)".
func columnLabel(sheet bool, i int) string {
	if sheet {
		return ColumnName(i + 1)
	}
	return fmt.Sprintf("%s (column %d)", ColumnName(i+1), i+1)
}
