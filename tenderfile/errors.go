package tenderfile

import (
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/criteria"
)

// Position is a place in a file: its name, and the line and column (both
// from 1) of a YAML or JSON value. In a workbook, Sheet names the sheet
// and Line and Column are the cell's row and column (both from 1: C7 is
// Line 7, Column 3); in a CSV file Cell is set and Line and Column are the
// cell's row and column in the same way (the header is row 1). A zero Line
// means the place within the file (or sheet) is not known.
type Position struct {
	File   string
	Sheet  string
	Line   int
	Column int
	// Cell says Line and Column are a CSV file's row and column, not a
	// line and a character.
	Cell bool
}

// String writes "tender.yaml:12:7", "tender.yaml:12" without a column, or
// the file name alone; in a workbook "bids.xlsx:marks!C7", with the sheet
// name quoted as a spreadsheet quotes it when it is not a plain word
// ("bids.xlsx:'Tie breaks'!C7"); in a CSV file the row, and the column by
// its letters and its number: "bids.csv:7:C (column 3)".
func (p Position) String() string {
	if p.Sheet != "" {
		return p.File + ":" + SheetRef(p.Sheet, p.Line, p.Column)
	}
	switch {
	case p.Line > 0 && p.Column > 0 && p.Cell:
		return fmt.Sprintf("%s:%d:%s (column %d)", p.File, p.Line, ColumnName(p.Column), p.Column)
	case p.Line > 0 && p.Column > 0:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// SheetRef writes a reference to a cell of a sheet as a spreadsheet does:
// "marks!C7", "'Tie breaks'!C7", "marks!7:7" for a whole row (column 0),
// or the sheet name alone (row 0).
func SheetRef(sheet string, row, col int) string {
	name := sheet
	if !plainSheetName(sheet) {
		name = "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
	}
	switch {
	case row > 0 && col > 0:
		return fmt.Sprintf("%s!%s%d", name, ColumnName(col), row)
	case row > 0:
		return fmt.Sprintf("%s!%d:%d", name, row, row)
	}
	return name
}

// ColumnName is a spreadsheet's name for a column counted from 1: A, …, Z,
// AA, …; "" for a column below 1.
func ColumnName(col int) string {
	var b []byte
	for ; col > 0; col = (col - 1) / 26 {
		b = append([]byte{byte('A' + (col-1)%26)}, b...)
	}
	return string(b)
}

// plainSheetName reports whether a sheet name can stand unquoted in a
// reference: letters, digits and underscores, not starting with a digit.
func plainSheetName(s string) bool {
	for i, r := range s {
		switch {
		case r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return s != ""
}

// IsZero reports whether the position says nothing.
func (p Position) IsZero() bool { return p == Position{} }

// Problem is one thing wrong with a file or with what it holds: where it
// is, the field path in the model ("lots[0].policy.criteria[1].weight",
// "bids[3].responses[q1].marks", or "row 4, column mark" in a CSV file),
// the offending value, a stable rule code and a sentence a person can act
// on.
type Problem struct {
	Pos     Position
	Field   string
	Value   string
	Rule    string
	Message string
}

// String writes the problem on one line:
//
//	tender.yaml:12:7: lots[0].policy.criteria: the weights here sum to 95, not exactly 100 (value "95", rule sum-100)
//
// A problem with no value (a field left out) ends "(rule required)".
func (p Problem) String() string {
	var b strings.Builder
	if s := p.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	if p.Value != "" {
		fmt.Fprintf(&b, " (value %q, rule %s)", p.Value, p.Rule)
	} else {
		fmt.Fprintf(&b, " (rule %s)", p.Rule)
	}
	return b.String()
}

// Error reports every problem found in one or more files at once, like
// encoding/csv's ParseError but for many places: a file that cannot be read
// or parsed, an unknown field, a wrong type, a bad value, and — after
// [Source.Locate] — every problem [score.Tender.Validate] found, each with
// its position. Use it with errors.As.
type Error struct {
	// Problems lists every problem, in the order found.
	Problems []Problem
	// Err is the underlying error, if any: a read error, or the
	// *score.ValidationError the problems were located from.
	Err error
}

// Error writes one problem per line.
func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	if len(lines) == 0 && e.Err != nil {
		return e.Err.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Has reports whether any problem has the given field path and rule.
func (e *Error) Has(field, rule string) bool {
	for _, p := range e.Problems {
		if p.Field == field && p.Rule == rule {
			return true
		}
	}
	return false
}

// problems collects Problems for one file: the first
// [criteria.MaxProblems], and a count of the rest.
type problems struct {
	file    string
	list    []Problem
	omitted int
}

func (ps *problems) full() bool { return len(ps.list) >= criteria.MaxProblems }

func (ps *problems) add(line, col int, field, value, rule, format string, args ...any) {
	ps.addAt(Position{File: ps.file, Line: line, Column: col}, field, value, rule, format, args...)
}

// addAt adds a problem at a position (a cell of a table).
func (ps *problems) addAt(pos Position, field, value, rule, format string, args ...any) {
	if ps.full() {
		ps.omitted++ // no message is formatted for a problem not shown
		return
	}
	ps.list = append(ps.list, Problem{Pos: pos, Field: field, Value: value, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// push records a problem made elsewhere, or counts it.
func (ps *problems) push(p Problem) {
	if ps.full() {
		ps.omitted++
		return
	}
	ps.list = append(ps.list, p)
}

// problemsOf returns the list with, when it was cut, the problem counting
// what was left out.
func (ps *problems) problemsOf() []Problem {
	if ps.omitted == 0 {
		return ps.list
	}
	tm := criteria.TooMany(ps.omitted)
	return append(ps.list, Problem{Pos: Position{File: ps.file}, Value: tm.Value, Rule: tm.Rule, Message: tm.Message})
}

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &Error{Problems: ps.problemsOf()}
}

// abbreviate shows at most 40 characters of a value.
func abbreviate(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
