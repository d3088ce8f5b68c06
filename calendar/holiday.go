package calendar

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/tenderscore/tenderscore/date"
)

// Holiday is one bank holiday in one division: the day it falls on (a
// substitute day where the holiday moves), its title, why it is a holiday
// and where that comes from.
type Holiday struct {
	// Date is the day on which the holiday is observed.
	Date date.Date `json:"date"`
	// Division is the part of the United Kingdom it is a holiday in.
	Division Division `json:"division"`
	// Title names it as GOV.UK does: "Boxing Day", "St Andrew’s Day".
	Title string `json:"title"`
	// Basis says why it is a holiday; empty when the source does not say
	// (a table read from GOV.UK).
	Basis Basis `json:"basis,omitempty"`
	// Source says where the row comes from.
	Source string `json:"source"`
	// Verified is false when the day is expected rather than confirmed: a
	// proclamation not yet made when the table was written.
	Verified bool `json:"verified"`
	// Note says anything a reader should know: "substitute day", "expected".
	Note string `json:"note,omitempty"`
}

// String names the holiday and its division: "St Andrew’s Day (Scotland)".
func (h Holiday) String() string { return fmt.Sprintf("%s (%s)", h.Title, h.Division.Name()) }

// Table is data: bank holidays, by date and division. The built-in table
// ([UKBankHolidays]) is built afresh on every call; [Table.With] and
// [Table.Update] return new tables, so no caller changes another's.
type Table struct {
	Holidays []Holiday `json:"holidays"`
}

// sorted returns the rows ordered by date and then division.
func sorted(hs []Holiday) []Holiday {
	out := slices.Clone(hs)
	slices.SortStableFunc(out, func(a, b Holiday) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return strings.Compare(string(a.Division), string(b.Division))
	})
	return out
}

// With returns a new table holding t's rows and the given ones; a given row
// on the same date and in the same division as one of t's replaces it. Use
// it to add a one-off holiday or correct a day. t is not changed.
func (t Table) With(hs ...Holiday) Table {
	type key struct {
		d   date.Date
		div Division
	}
	given := map[key]bool{}
	for _, h := range hs {
		given[key{h.Date, h.Division}] = true
	}
	out := make([]Holiday, 0, len(t.Holidays)+len(hs))
	for _, h := range t.Holidays {
		if !given[key{h.Date, h.Division}] {
			out = append(out, h)
		}
	}
	return Table{Holidays: sorted(append(out, hs...))}
}

// Update returns a new table in which every division-year that from has
// rows for is replaced by from's rows: t's other years and divisions stay.
// Use it with a fresh copy of GOV.UK's data ([LoadGovUK]), so that a day
// moved by a proclamation replaces the day expected. t is not changed.
func (t Table) Update(from Table) Table {
	type key struct {
		y   int
		div Division
	}
	given := map[key]bool{}
	for _, h := range from.Holidays {
		given[key{h.Date.Year(), h.Division}] = true
	}
	out := make([]Holiday, 0, len(t.Holidays)+len(from.Holidays))
	for _, h := range t.Holidays {
		if !given[key{h.Date.Year(), h.Division}] {
			out = append(out, h)
		}
	}
	return Table{Holidays: sorted(append(out, from.Holidays...))}
}

// Covers reports whether the table has rows for the year in every one of
// the divisions (all three when none is given). Every division has at least
// one bank holiday every year, so a division-year without rows is one the
// table does not know.
func (t Table) Covers(year int, divs ...Division) bool {
	if len(divs) == 0 {
		divs = Divisions()
	}
	for _, d := range divs {
		if !slices.ContainsFunc(t.Holidays, func(h Holiday) bool { return h.Division == d && h.Date.Year() == year }) {
			return false
		}
	}
	return true
}

// Years returns the first and last year the table covers in every
// division, and false when it covers none.
func (t Table) Years() (first, last int, ok bool) {
	for _, h := range t.Holidays {
		y := h.Date.Year()
		if !t.Covers(y) {
			continue
		}
		if !ok || y < first {
			first = y
		}
		if !ok || y > last {
			last = y
		}
		ok = true
	}
	return first, last, ok
}

// On returns the holidays on a day in the given divisions (all when none is
// given), in division order.
func (t Table) On(d date.Date, divs ...Division) []Holiday {
	if len(divs) == 0 {
		divs = Divisions()
	}
	var out []Holiday
	for _, div := range Divisions() {
		if !slices.Contains(divs, div) {
			continue
		}
		for _, h := range t.Holidays {
			if h.Date == d && h.Division == div {
				out = append(out, h)
			}
		}
	}
	return out
}

// Validate reports every problem with the table at once, in a *[Error]: a
// row without a date, division, title or source, an unknown division or
// basis, a control character in a text, or two rows for the same day in
// the same division. Fields are paths in the table ("holidays[3].title").
func (t Table) Validate() error {
	var ps problems
	type key struct {
		d   date.Date
		div Division
	}
	seen := map[key]int{}
	for i, h := range t.Holidays {
		f := fmt.Sprintf("holidays[%d]", i)
		if h.Date.IsZero() {
			ps.add(f+".date", "", "required", "each holiday needs its date")
		}
		if h.Division.Check() != nil {
			ps.add(f+".division", string(h.Division), "one-of", "want %s, %s or %s", EnglandAndWales, Scotland, NorthernIreland)
		}
		switch h.Basis {
		case "", Schedule1, Proclamation, CommonLaw:
		default:
			ps.add(f+".basis", string(h.Basis), "one-of", "want %s, %s or %s, or leave it empty", Schedule1, Proclamation, CommonLaw)
		}
		ps.text(f+".title", h.Title, true)
		ps.text(f+".source", h.Source, true)
		ps.text(f+".note", h.Note, false)
		if h.Date.IsZero() || h.Division.Check() != nil {
			continue
		}
		k := key{h.Date, h.Division}
		if j, dup := seen[k]; dup {
			ps.add(f+".date", h.Date.String(), "unique", "holidays[%d] is already a holiday on that day in %s", j, h.Division.Name())
		} else {
			seen[k] = i
		}
	}
	if len(ps) == 0 {
		return nil
	}
	return &Error{What: "bank holiday table", Problems: ps}
}

// Problem is one thing wrong with a table: where, what it holds, which rule
// it breaks and a sentence a person can act on.
type Problem struct {
	Field   string `json:"field"`
	Value   string `json:"value"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

// String renders the problem as "field: message (value "v", rule r)".
func (p Problem) String() string {
	v := "(missing)"
	if p.Value != "" {
		v = fmt.Sprintf("%q", p.Value)
	}
	return fmt.Sprintf("%s: %s (value %s, rule %s)", p.Field, p.Message, v, p.Rule)
}

// Error reports everything wrong with a table or a file read into one; use
// it with errors.As.
type Error struct {
	// What names what was read: "bank holiday table", "GOV.UK bank holidays JSON".
	What string
	// Problems lists every problem, in order.
	Problems []Problem
	// Err is the underlying error when reading itself failed.
	Err error
}

// Error lists the problems, one per line after the first.
func (e *Error) Error() string {
	var b strings.Builder
	n := len(e.Problems)
	fmt.Fprintf(&b, "%s: %d problem", e.What, n)
	if n != 1 {
		b.WriteString("s")
	}
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns the underlying error, if any.
func (e *Error) Unwrap() error { return e.Err }

type problems []Problem

func (ps *problems) add(field, value, rule, format string, args ...any) {
	*ps = append(*ps, Problem{Field: field, Value: value, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// maxText bounds a title, source or note.
const maxText = 500

// text reports a missing (when required), over-long or control-character
// text; the value quoted is cut to keep the message short.
func (ps *problems) text(field, s string, required bool) {
	switch {
	case strings.TrimSpace(s) == "" && required:
		ps.add(field, "", "required", "must not be empty")
	case len(s) > maxText:
		ps.add(field, shown(s), "length", "longer than %d bytes", maxText)
	case strings.ContainsFunc(s, unicode.IsControl):
		ps.add(field, shown(s), "no-control", "contains a control character")
	}
}

// shown returns at most 40 characters of s for a message, control
// characters replaced, so that no input reaches an output raw.
func shown(s string) string { return clip(s, 40) }

// clip returns at most max characters of s, control characters replaced.
func clip(s string, max int) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == max {
			b.WriteString("…")
			break
		}
		if unicode.IsControl(r) {
			r = '\uFFFD'
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
