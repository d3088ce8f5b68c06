package calendar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tenderscore/tenderscore/date"
)

// MaxFileBytes is the largest file a loader reads (4 MiB): GOV.UK's whole
// file is some 30 kilobytes.
const MaxFileBytes = 4 << 20

// LoadJSON reads a table written as json.Marshal writes one:
// {"holidays": [{"date": "2031-01-01", "division": "england-and-wales",
// "title": "New Year’s Day", "basis": "proclamation", "source": "…",
// "verified": true}]}. Unknown fields are refused; every problem is
// reported at once in a *[Error] naming its place ("holidays[2].division").
func LoadJSON(r io.Reader) (Table, error) {
	const what = "bank holiday table JSON"
	top, err := readObject(r, what)
	if err != nil {
		return Table{}, err
	}
	var ps problems
	for k := range top {
		if k != "holidays" {
			ps.add(shown(k), "", "unknown-field", "unknown field: want only \"holidays\"")
		}
	}
	var rows []json.RawMessage
	if raw, ok := top["holidays"]; !ok {
		ps.add("holidays", "", "required", "a table needs its holidays")
	} else if err := json.Unmarshal(raw, &rows); err != nil {
		ps.add("holidays", "", "type", "want an array of holidays")
	}
	var t Table
	for i, raw := range rows {
		var h Holiday
		if err := strictDecode(raw, &h); err != nil {
			ps.add(fmt.Sprintf("holidays[%d]", i), "", "json", "%s", clip(err.Error(), 200))
			continue
		}
		t.Holidays = append(t.Holidays, h)
	}
	return finish(t, ps, what)
}

// govUKEvent is one row of GOV.UK's bank-holidays.json.
type govUKEvent struct {
	Title   string `json:"title"`
	Date    string `json:"date"`
	Notes   string `json:"notes"`
	Bunting bool   `json:"bunting"`
}

// LoadGovUK reads GOV.UK's bank-holidays.json as published at
// www.gov.uk/bank-holidays.json: {"england-and-wales": {"division":
// "england-and-wales", "events": [{"title": …, "date": "2028-01-03",
// "notes": "Substitute day", "bunting": true}]}, "scotland": …,
// "northern-ireland": …}. Each row is verified, its source GOV.UK, its
// notes kept; its basis is left empty (GOV.UK does not give it). Merge it
// into the built-in table with [Table.Update].
func LoadGovUK(r io.Reader) (Table, error) {
	const what = "GOV.UK bank holidays JSON"
	top, err := readObject(r, what)
	if err != nil {
		return Table{}, err
	}
	var ps problems
	var t Table
	for _, div := range Divisions() {
		raw, ok := top[string(div)]
		if !ok {
			continue
		}
		var part struct {
			Division string            `json:"division"`
			Events   []json.RawMessage `json:"events"`
		}
		if err := strictDecode(raw, &part); err != nil {
			ps.add(string(div), "", "json", "%s", clip(err.Error(), 200))
			continue
		}
		if part.Division != string(div) {
			ps.add(string(div)+".division", shown(part.Division), "matches-key", "the division must repeat its key %q", div)
		}
		for i, ev := range part.Events {
			f := fmt.Sprintf("%s.events[%d]", div, i)
			var e govUKEvent
			if err := strictDecode(ev, &e); err != nil {
				ps.add(f, "", "json", "%s", clip(err.Error(), 200))
				continue
			}
			d, err := date.Parse(e.Date)
			if err != nil {
				ps.add(f+".date", shown(e.Date), "date", "want a date written YYYY-MM-DD")
				continue
			}
			t.Holidays = append(t.Holidays, Holiday{Date: d, Division: div, Title: e.Title, Source: SourceGovUK,
				Verified: true, Note: strings.ToLower(e.Notes)})
		}
	}
	for k := range top {
		if (Division(k)).Check() != nil {
			ps.add(shown(k), "", "unknown-division", "unknown division: want %s, %s or %s", EnglandAndWales, Scotland, NorthernIreland)
		}
	}
	if len(ps) == 0 && len(t.Holidays) == 0 {
		ps.add("(file)", "", "required", "no bank holidays in the file")
	}
	return finish(t, ps, what)
}

// finish validates a table read from a file and reports every problem.
func finish(t Table, ps problems, what string) (Table, error) {
	if len(ps) == 0 {
		var ve *Error
		if err := t.Validate(); errors.As(err, &ve) {
			ps = ve.Problems
		}
	}
	if len(ps) > 0 {
		sortProblems(ps)
		return Table{}, &Error{What: what, Problems: ps}
	}
	t.Holidays = sorted(t.Holidays)
	return t, nil
}

// sortProblems puts problems in field order, so that map iteration never
// changes the report.
func sortProblems(ps problems) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].Field < ps[j-1].Field; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// readObject reads at most MaxFileBytes holding exactly one JSON object.
func readObject(r io.Reader, what string) (map[string]json.RawMessage, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, &Error{What: what, Err: err, Problems: []Problem{{Field: "(file)", Rule: "read", Message: "could not be read: " + clip(err.Error(), 200)}}}
	}
	if len(data) > MaxFileBytes {
		return nil, &Error{What: what, Problems: []Problem{{Field: "(file)", Rule: "size", Message: fmt.Sprintf("larger than %d bytes", MaxFileBytes)}}}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var m map[string]json.RawMessage
	if err := dec.Decode(&m); err != nil {
		return nil, &Error{What: what, Err: err, Problems: []Problem{syntax(data, err)}}
	}
	if m == nil {
		return nil, &Error{What: what, Problems: []Problem{{Field: "(file)", Value: "null", Rule: "type", Message: "want a JSON object"}}}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &Error{What: what, Problems: []Problem{{Field: "(file)", Rule: "one-value", Message: "more than one JSON value in the file"}}}
	}
	return m, nil
}

// syntax turns a decoding error into a Problem naming the line and column.
func syntax(data []byte, err error) Problem {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := int64(-1)
	switch {
	case errors.As(err, &se):
		off = se.Offset - 1
	case errors.As(err, &te):
		off = te.Offset - 1
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return Problem{Field: "(file)", Rule: "json", Message: "empty or truncated JSON"}
	}
	if off < 0 || off > int64(len(data)) {
		return Problem{Field: "(file)", Rule: "json", Message: clip(err.Error(), 200)}
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return Problem{Field: fmt.Sprintf("line %d, column %d", line, col), Rule: "json", Message: "not valid JSON: " + clip(err.Error(), 200)}
}

// strictDecode decodes one JSON value, refusing unknown fields.
func strictDecode(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
