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
	order := []string{"bids", "prices", "marks", "gates", "commitments", "tiebreaks"}
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
// table is reported at once in an [*Error], each at its cell; no bids are
// returned then. Bids come in the order they are first named.
func ReadBidsTables(t score.Tender, tables ...Table) ([]score.Bid, *Source, error) {
	var all []csvRow
	var errs []Problem
	for _, tb := range tables {
		rows, ps := tableRows(tb)
		errs = append(errs, ps...)
		all = append(all, rows...)
	}
	if len(errs) > 0 {
		return nil, nil, &Error{Problems: errs}
	}
	b := newCSVBuilder(t)
	for _, r := range all {
		b.identity(r)
	}
	for _, r := range all {
		b.content(r)
	}
	if len(b.ps) > 0 {
		return nil, nil, &Error{Problems: b.ps}
	}
	bids := make([]score.Bid, len(b.order))
	for i, id := range b.order {
		bids[i] = *b.bids[id]
	}
	name := ""
	if len(tables) > 0 {
		name = tables[0].File
	}
	return bids, &Source{parts: []part{{file: name, bids: true, count: len(bids), cells: b.cells}}}, nil
}

// tableRows checks a table's header and turns its rows into csvRows.
func tableRows(t Table) ([]csvRow, []Problem) {
	ps := &problems{file: t.File}
	tb, cols := checkHeader(t, ps)
	if tb == nil || len(ps.list) > 0 {
		return nil, ps.list
	}
	sheet := t.at().Sheet != ""
	var rows []csvRow
	for _, rec := range t.Rows {
		if blankCells(rec.Cells) {
			continue
		}
		first := t.at()
		if len(rec.Cells) > 0 {
			first = rec.Cells[0].Pos
		}
		r := csvRow{file: t.File, table: tb, row: rec.Number, sheet: sheet, cells: map[string]string{}, pos: map[string]Position{}, first: first}
		if len(rec.Cells) > len(cols) {
			extra := rec.Cells[len(cols)]
			if sheet {
				ps.addAt(extra.Pos, "", extra.Value, "extra-cell", "the cell is right of the header, which names %d columns: move it into a column or clear it", len(cols))
			} else {
				ps.addAt(extra.Pos, r.place(fmt.Sprint(len(cols)+1)), extra.Value, "extra-cell", "the row has %d cells but the header names %d columns", len(rec.Cells), len(cols))
			}
			continue
		}
		for i, c := range rec.Cells {
			r.cells[cols[i]] = strings.TrimSpace(c.Value)
			r.pos[cols[i]] = c.Pos
		}
		rows = append(rows, r)
	}
	return rows, ps.list
}

func blankCells(cs []Cell) bool {
	for _, c := range cs {
		if strings.TrimSpace(c.Value) != "" {
			return false
		}
	}
	return true
}

// checkHeader finds a table's layout and checks its columns.
func checkHeader(t Table, ps *problems) (*table, []string) {
	sheet := t.at().Sheet != ""
	headerField := func(i int) string {
		if sheet {
			return "header"
		}
		return fmt.Sprintf("row 1, column %d", i+1)
	}
	whole := "row 1"
	if sheet {
		whole = "header"
	}
	cols := make([]string, len(t.Header))
	seen := map[string]int{}
	for i, h := range t.Header {
		cols[i] = strings.TrimSpace(h.Value)
		if j, dup := seen[cols[i]]; dup && cols[i] != "" {
			ps.addAt(h.Pos, headerField(i), cols[i], "unique", "the column %q is already column %s", cols[i], columnLabel(sheet, j))
		}
		seen[cols[i]] = i
	}
	var tb *table
	if t.Layout != "" {
		if tb = tableNamed(t.Layout); tb == nil {
			ps.addAt(t.at(), whole, t.Layout, "layout", "no layout is named %q; the layouts are bids, prices, marks, gates, commitments and tiebreaks", t.Layout)
			return nil, nil
		}
	} else {
		var msg string
		if tb, msg = tableOf(cols); tb == nil {
			ps.addAt(t.at(), whole, strings.Join(cols, ","), "header", "%s", msg)
			return nil, nil
		}
	}
	allowed := slices.Concat(tb.required, tb.optional, identity)
	for i, c := range cols {
		if !slices.Contains(allowed, c) {
			what := "a " + tb.kind + " file"
			if sheet {
				what = "the " + tb.kind + " sheet"
			}
			ps.addAt(t.Header[i].Pos, headerField(i), c, "extra-column", "%s has no column %q; its columns are %s, and optionally %s",
				what, c, strings.Join(tb.required, ", "), strings.Join(slices.Concat(tb.optional, identity), ", "))
		}
	}
	for _, c := range tb.required {
		if _, ok := seen[c]; !ok {
			if sheet {
				ps.addAt(t.at(), whole, "", "missing-column", "the %s sheet needs the column %q in its header (row 1)", tb.kind, c)
			} else {
				ps.addAt(t.at(), whole, "", "missing-column", "a %s file needs the column %q", tb.kind, c)
			}
		}
	}
	return tb, cols
}

// columnLabel names a column counted from 0: "2" in a CSV file, "B" in a
// sheet.
func columnLabel(sheet bool, i int) string {
	if sheet {
		return ColumnName(i + 1)
	}
	return fmt.Sprint(i + 1)
}
