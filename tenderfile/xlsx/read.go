package xlsx

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/tenderfile"
)

// Note is something reading a workbook noticed that is not a problem but
// that a person should know: that formula cells were read from the results
// saved with them, that a sheet was not read.
type Note struct {
	Pos     tenderfile.Position
	Message string
}

// String writes the note on one line, after its place.
func (n Note) String() string {
	if s := n.Pos.String(); s != "" {
		return s + ": " + n.Message
	}
	return n.Message
}

// Workbook is the bids data a workbook holds: a table for each sheet named
// after a layout, for [tenderfile.ReadBidsTables], and the notes made
// reading it.
type Workbook struct {
	Tables []tenderfile.Table
	Notes  []Note
}

// ReadBids reads bids from a workbook, as [tenderfile.ReadBidsCSV] reads
// them from CSV files; name is used in problems ("bids.xlsx:marks!D7: …").
// The notes say what a person should know about how it was read. Any
// problem gives an [*tenderfile.Error] and no bids. To join a workbook with
// CSV files or other workbooks, use [Read] and
// [tenderfile.ReadBidsTables].
func ReadBids(t score.Tender, name string, r io.Reader) ([]score.Bid, *tenderfile.Source, []Note, error) {
	wb, err := Read(name, r)
	if err != nil {
		return nil, nil, nil, err
	}
	bids, src, err := tenderfile.ReadBidsTables(t, wb.Tables...)
	if err != nil {
		return nil, nil, nil, err
	}
	return bids, src, wb.Notes, nil
}

// Read reads the layout sheets of a workbook (.xlsx or .xlsm) into tables.
// A sheet is read when its name is a layout's (bids, prices, marks, gates,
// commitments, tiebreaks; case aside); the [ModelSheet] is skipped, and any
// other sheet is skipped with a note. Row 1 of each is its header.
//
// Every cell is read from what the file stores, never through floating
// point: a number as its stored digits, whatever its format shows (a cell
// showing £4,390,000.00 is 4390000); a stored number with more than
// [MaxSignificantDigits] significant digits, a binary artefact such as
// 0.30000000000000004, is refused with the value it probably stands for;
// a percentage-formatted cell in the percent column is read as shown (10%
// is 10); a date cell in a text column as its ISO 8601 date; a formula
// cell as the result saved with it, with one note for the workbook.
//
// Every problem — not a workbook, an old .xls, an encrypted workbook, no
// layout sheet, a missing header, merged cells, a bad value — is reported
// at once in an [*tenderfile.Error] naming the sheet and cell. Read is
// bounded for hostile files by [MaxFileBytes], [MaxUnzippedBytes],
// [MaxParts], [MaxColumns] and [MaxCells].
func Read(name string, r io.Reader) (*Workbook, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, &tenderfile.Error{Err: err, Problems: []tenderfile.Problem{{Pos: tenderfile.Position{File: name}, Rule: "read", Message: "cannot be read: " + err.Error()}}}
	}
	o, msg := open(data)
	if msg != "" {
		return nil, &tenderfile.Error{Problems: []tenderfile.Problem{{Pos: tenderfile.Position{File: name}, Rule: "workbook", Message: msg}}}
	}
	defer o.f.Close()
	rd := &reader{name: name, o: o, formats: map[int]shown{}}
	if props, err := safely(o.f.GetWorkbookProps); err == nil && props.Date1904 != nil {
		rd.date1904 = *props.Date1904
	}
	wb := &Workbook{}
	parts := o.sheetParts()
	seen := map[string]string{}
	for _, sheet := range o.f.GetSheetList() {
		layout := layoutOf(sheet)
		switch {
		case layout == "" && strings.EqualFold(sheet, ModelSheet):
			continue
		case layout == "":
			wb.Notes = append(wb.Notes, Note{Pos: tenderfile.Position{File: name}, Message: fmt.Sprintf("the sheet %q was not read: only sheets named %s hold bids", sheet, layoutNames())})
			continue
		case seen[layout] != "":
			rd.problem(tenderfile.Position{File: name, Sheet: sheet}, "", "", "unique", "the sheets %q and %q both hold %s: put them in one sheet", seen[layout], sheet, layout)
			continue
		}
		seen[layout] = sheet
		if tb, ok := rd.sheet(sheet, layout, parts[sheet]); ok {
			wb.Tables = append(wb.Tables, tb)
		}
	}
	if len(seen) == 0 && len(rd.ps) == 0 {
		rd.problem(tenderfile.Position{File: name}, "", strings.Join(o.f.GetSheetList(), ", "), "sheets",
			"the workbook has no sheet of bids: name each sheet after the layout it holds (%s), with the columns of the CSV layout in row 1", layoutNames())
	}
	if len(rd.ps) > 0 {
		return nil, &tenderfile.Error{Problems: rd.problems()}
	}
	if rd.formulas > 0 {
		wb.Notes = append(wb.Notes, Note{Pos: rd.firstFormula, Message: fmt.Sprintf(
			"%s hold formulas: the results saved with the workbook were read, as last calculated by the spreadsheet; tenderscore does not recalculate them", count(rd.formulas, "cell"))})
	}
	return wb, nil
}

// reader reads one workbook.
type reader struct {
	name         string
	o            *opened
	date1904     bool
	formats      map[int]shown
	cells        int
	formulas     int
	firstFormula tenderfile.Position
	ps           []tenderfile.Problem
	omitted      int // problems past criteria.MaxProblems, counted
}

// problem records a problem, or counts it once criteria.MaxProblems are
// held: the list ends with one problem saying how many were left out, as
// every other reader's does.
func (rd *reader) problem(pos tenderfile.Position, field, value, rule, format string, args ...any) {
	if len(rd.ps) >= criteria.MaxProblems {
		rd.omitted++ // no message is formatted for a problem not shown
		return
	}
	rd.ps = append(rd.ps, tenderfile.Problem{Pos: pos, Field: field, Value: abbreviate(value), Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// problems is the list, ending with the count of those left out.
func (rd *reader) problems() []tenderfile.Problem {
	if rd.omitted == 0 {
		return rd.ps
	}
	tm := criteria.TooMany(rd.omitted)
	return append(rd.ps, tenderfile.Problem{Pos: tenderfile.Position{File: rd.name}, Value: tm.Value, Rule: tm.Rule, Message: tm.Message})
}

func (rd *reader) at(sheet string, row, col int) tenderfile.Position {
	return tenderfile.Position{File: rd.name, Sheet: sheet, Line: row, Column: col}
}

// sheet reads one layout sheet into a table.
func (rd *reader) sheet(sheet, layout string, part sheetPart) (tenderfile.Table, bool) {
	before := len(rd.ps)
	data := rd.o.part(part.path)
	if !part.worksheet || data == nil {
		rd.problem(rd.at(sheet, 0, 0), "", "", "worksheet", "the sheet is not a worksheet (a chart sheet or other kind): bids go in a worksheet of cells")
		return tenderfile.Table{}, false
	}
	g, err := scan(data, MaxCells-rd.cells)
	if err != nil {
		var se *scanError
		if errors.As(err, &se) {
			rd.problem(rd.at(sheet, se.row, se.col), "", "", "sheet", "%s", se.msg)
		}
		return tenderfile.Table{}, false
	}
	for _, r := range g.rows {
		rd.cells += len(r.cells)
	}
	for _, m := range g.merges {
		col, row := 0, 0
		if first, _, ok := strings.Cut(m, ":"); ok {
			col, row, _ = excelize.CellNameToCoordinates(first)
		}
		rd.problem(rd.at(sheet, row, col), "", m, "merged", "the cells %s are merged: unmerge them, since a merged range keeps one value and the rest of the cells it covers read as empty", abbreviate(m))
	}
	if len(rd.ps) > before {
		return tenderfile.Table{}, false
	}
	strs, err := rd.strings(sheet, g)
	if err != nil {
		rd.problem(rd.at(sheet, 0, 0), "", "", "sheet", "%v", err)
		return tenderfile.Table{}, false
	}
	if len(g.rows) == 0 || g.rows[0].num != 1 || g.rows[0].lastCol() == 0 { // no row 1, or one of no cells
		l := layoutNamed(layout)
		rd.problem(rd.at(sheet, 1, 1), "header", "", "header", "the sheet has no header: row 1 names the columns (%s, and optionally %s)",
			strings.Join(l.Required, ", "), strings.Join(l.Optional, ", "))
		return tenderfile.Table{}, false
	}
	tb := tenderfile.Table{File: rd.name, Layout: layout}
	header := g.rows[0]
	kinds := make([]kind, header.lastCol())
	names := make([]string, header.lastCol())
	tb.Header = rd.cellsOf(sheet, header, strs, func(int) kind { return text }, func(int) string { return "header" })
	for i, c := range tb.Header {
		names[i] = strings.TrimSpace(c.Value)
		kinds[i] = columnKinds[names[i]]
	}
	kindOf := func(col int) kind {
		if col <= len(kinds) {
			return kinds[col-1]
		}
		return text
	}
	nameOf := func(col int) string {
		if col <= len(names) {
			return names[col-1]
		}
		return ""
	}
	for _, r := range g.rows[1:] {
		tb.Rows = append(tb.Rows, tenderfile.Row{Number: r.num, Cells: rd.cellsOf(sheet, r, strs, kindOf, nameOf)})
	}
	return tb, len(rd.ps) == before
}

// cellsOf reads a row's cells, from column A to its last cell.
func (rd *reader) cellsOf(sheet string, r gridRow, strs map[[2]int]string, kindOf func(int) kind, nameOf func(int) string) []tenderfile.Cell {
	out := make([]tenderfile.Cell, r.lastCol())
	for i := range out {
		out[i].Pos = rd.at(sheet, r.num, i+1)
	}
	for _, c := range r.cells {
		pos := rd.at(sheet, r.num, c.col)
		v, ok := rd.value(c, strs[[2]int{r.num, c.col}], kindOf(c.col), pos, nameOf(c.col))
		if ok {
			out[c.col-1].Value = v
		}
	}
	return out
}

// strings reads the text of the sheet's string cells with excelize, which
// resolves shared strings, rich text and escapes. Its row iterator reads
// the same part as the scan; each row it gives is checked against the
// scan's, so that it never reads a row the scan did not bound.
func (rd *reader) strings(sheet string, g *grid) (map[[2]int]string, error) {
	out := map[[2]int]string{}
	need := false
	for _, r := range g.rows {
		for _, c := range r.cells {
			need = need || c.t == "s" || c.t == "inlineStr"
		}
	}
	if !need {
		return out, nil
	}
	return safely(func() (map[[2]int]string, error) {
		rows, err := rd.o.f.Rows(sheet)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		mismatch := errors.New("the sheet's XML cannot be read consistently: save the workbook again from a spreadsheet")
		next := 0
		for n := 1; next < len(g.rows) && rows.Next(); n++ {
			cols, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				return nil, err
			}
			var gr gridRow
			if g.rows[next].num == n {
				gr = g.rows[next]
				next++
			}
			if len(cols) > gr.lastCol() {
				return nil, mismatch
			}
			for _, c := range gr.cells {
				v := ""
				if c.col <= len(cols) {
					v = cols[c.col-1]
				}
				switch c.t {
				case "s", "inlineStr":
					out[[2]int{n, c.col}] = v
				default:
					if v != c.v {
						return nil, mismatch
					}
				}
			}
		}
		if next < len(g.rows) {
			return nil, mismatch
		}
		return out, rows.Error()
	})
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
