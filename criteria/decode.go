package criteria

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/date"
)

// DecodeError reports everything wrong with a file a buyer supplies (a
// measure catalogue, a rate table), like encoding/csv's ParseError: each
// Problem's Field names the place — "row 3, column proxy" in a CSV file (the
// header is row 1, as a spreadsheet numbers it), "measures[2].proxy" or
// "line 4, column 7" in a JSON file. Use it with errors.As.
type DecodeError struct {
	// What names the kind of file: "catalogue CSV".
	What string
	// Problems lists every problem found, in file order.
	Problems []Problem
	// Err is the underlying error when reading itself failed (I/O, syntax).
	Err error
}

// Error lists the problems, one per line after the first.
func (e *DecodeError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d %s", e.What, len(e.Problems), plural(len(e.Problems), "problem", "problems"))
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns the underlying error, if any.
func (e *DecodeError) Unwrap() error { return e.Err }

// readAll reads at most MaxFileBytes.
func readAll(r io.Reader, what string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, &DecodeError{What: what, Err: err, Problems: []Problem{{Field: "(file)", Rule: "read", Message: "could not be read: " + err.Error()}}}
	}
	if len(b) > MaxFileBytes {
		return nil, &DecodeError{What: what, Problems: []Problem{{Field: "(file)", Rule: "size", Message: fmt.Sprintf("larger than %d bytes", MaxFileBytes)}}}
	}
	return b, nil
}

// lineCol turns a byte offset into a 1-based line and column.
func lineCol(data []byte, off int64) (int, int) {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// jsonSyntax turns a JSON syntax or type error into a Problem naming the line
// and column.
func jsonSyntax(data []byte, err error) Problem {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		l, c := lineCol(data, se.Offset-1) // Offset is just past the offending byte
		return Problem{Field: fmt.Sprintf("line %d, column %d", l, c), Rule: "json", Message: "not valid JSON: " + se.Error()}
	case errors.As(err, &te):
		l, c := lineCol(data, te.Offset-1)
		return Problem{Field: fmt.Sprintf("line %d, column %d", l, c), Value: te.Value, Rule: "type", Message: fmt.Sprintf("want %s", te.Type)}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return Problem{Field: "(file)", Rule: "json", Message: "empty or truncated JSON"}
	}
	return Problem{Field: "(file)", Rule: "json", Message: err.Error()}
}

// decodeObject decodes one JSON document that must be a single object.
func decodeObject(data []byte, what string) (map[string]json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var m map[string]json.RawMessage
	if err := dec.Decode(&m); err != nil {
		return nil, &DecodeError{What: what, Err: err, Problems: []Problem{jsonSyntax(data, err)}}
	}
	if m == nil {
		return nil, &DecodeError{What: what, Problems: []Problem{{Field: "(file)", Value: "null", Rule: "type", Message: "want a JSON object"}}}
	}
	if _, err := dec.Token(); err != io.EOF {
		l, c := lineCol(data, dec.InputOffset()-1) // the second value's first byte
		return nil, &DecodeError{What: what, Problems: []Problem{{Field: fmt.Sprintf("line %d, column %d", l, c), Rule: "one-value", Message: "more than one JSON value in the file"}}}
	}
	return m, nil
}

// jsonObject reads the fields of one JSON object, recording a problem, with
// its path, for each field that is missing, of the wrong type or unknown.
type jsonObject struct {
	path string
	m    map[string]json.RawMessage
	ps   *problems
	used map[string]bool
}

func newJSONObject(path string, raw json.RawMessage, ps *problems) (*jsonObject, bool) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		ps.add(path, abbreviate(raw), "type", "want a JSON object")
		return nil, false
	}
	return &jsonObject{path: path, m: m, ps: ps, used: map[string]bool{}}, true
}

func (o *jsonObject) field(key string) string {
	if o.path == "" {
		return key
	}
	return o.path + "." + key
}

// raw returns the field's raw value; ok is false when absent or null.
func (o *jsonObject) raw(key string) (json.RawMessage, bool) {
	o.used[key] = true
	v, ok := o.m[key]
	if !ok || string(bytes.TrimSpace(v)) == "null" {
		return nil, false
	}
	return v, true
}

// str reads a string field; a missing field is "" (the caller decides
// whether that is a problem).
func (o *jsonObject) str(key string) string {
	v, ok := o.raw(key)
	if !ok {
		return ""
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		o.ps.add(o.field(key), abbreviate(v), "type", "want a JSON string")
		return ""
	}
	return s
}

// boolean reads a true/false field; missing is false.
func (o *jsonObject) boolean(key string) bool {
	v, ok := o.raw(key)
	if !ok {
		return false
	}
	var b bool
	if err := json.Unmarshal(v, &b); err != nil {
		o.ps.add(o.field(key), abbreviate(v), "type", "want true or false")
	}
	return b
}

// integer reads a whole-number field; present reports whether it was given.
func (o *jsonObject) integer(key string) (n int, present bool) {
	v, ok := o.raw(key)
	if !ok {
		return 0, false
	}
	text := string(bytes.TrimSpace(v))
	switch {
	case len(text) > MaxNumberChars || !wholeText.MatchString(text):
		o.ps.add(o.field(key), abbreviate(v), "type", "want a whole number")
		return 0, true
	case json.Unmarshal(v, &n) != nil:
		o.ps.add(o.field(key), abbreviate(v), "range", "the number is too large")
		return 0, true
	}
	return n, true
}

// number reads a decimal written as a JSON number or string ("12.60" or
// 12.60); present reports whether it was given, ok whether it parsed.
func (o *jsonObject) number(key string) (d decimal.Decimal, present, ok bool) {
	v, has := o.raw(key)
	if !has {
		return decimal.Zero, false, false
	}
	text := string(bytes.TrimSpace(v))
	var s string
	if err := json.Unmarshal(v, &s); err == nil {
		text = s
	}
	d, err := parseDecimalText(text)
	if err != nil {
		o.ps.add(o.field(key), text, "number", "%s", err)
		return decimal.Zero, true, false
	}
	return d, true, true
}

// day reads a "YYYY-MM-DD" date field; missing is the zero Date.
func (o *jsonObject) day(key string) date.Date {
	s := o.str(key)
	if s == "" {
		return date.Date{}
	}
	d, err := date.Parse(s)
	if err != nil {
		o.ps.add(o.field(key), abbreviate([]byte(s)), "date", "%v", err)
	}
	return d
}

// array reads a JSON array field.
func (o *jsonObject) array(key string) ([]json.RawMessage, bool) {
	v, ok := o.raw(key)
	if !ok {
		return nil, false
	}
	var a []json.RawMessage
	if err := json.Unmarshal(v, &a); err != nil {
		o.ps.add(o.field(key), abbreviate(v), "type", "want a JSON array")
		return nil, false
	}
	return a, true
}

// unknown reports every field that no reader asked for, in sorted order.
func (o *jsonObject) unknown() {
	keys := make([]string, 0, len(o.m))
	for k := range o.m {
		if !o.used[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		o.ps.add(o.field(k), abbreviate(o.m[k]), "known-field", "unknown field")
	}
}

// abbreviate shows at most 40 bytes of a raw value.
func abbreviate(v []byte) string {
	s := strings.TrimSpace(string(v))
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

var (
	decimalText = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)
	wholeText   = regexp.MustCompile(`^-?[0-9]+$`)
)

// parseDecimalText reads a plain decimal written by a person: digits with an
// optional sign, decimal point and a leading "£". Thousands separators and
// exponents are refused with a message saying so, and text longer than
// [MaxNumberChars] before anything else.
func parseDecimalText(s string) (decimal.Decimal, error) {
	t := strings.TrimSpace(s)
	if len(t) > MaxNumberChars {
		return decimal.Zero, fmt.Errorf("not a number: more than %d characters", MaxNumberChars)
	}
	neg := false
	if r, ok := strings.CutPrefix(t, "-"); ok {
		neg, t = true, r
	}
	t = strings.TrimPrefix(t, "£")
	switch {
	case t == "":
		return decimal.Zero, errors.New("not a number: empty")
	case strings.Contains(t, ","):
		return decimal.Zero, errors.New("not a number: write it without thousands separators (1234.50, not 1,234.50)")
	case !decimalText.MatchString(t):
		return decimal.Zero, errors.New("not a number: want digits with an optional decimal point, e.g. 1234.50")
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Zero, errors.New("not a number")
	}
	if neg {
		d = d.Neg()
	}
	return d, nil
}
