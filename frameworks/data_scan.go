package frameworks

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// A data file is scanned token by token against the shape of Data before
// it is decoded: each value is checked for its field's type, each number
// for its length and form before decimal reads it, each date for whether
// it exists; every problem is recorded with its line, column and field
// path. The same scan, asked for the places of given paths, puts the
// problems validation finds at their places.

type position struct{ line, col int }

var (
	decimalType = reflect.TypeFor[decimal.Decimal]()
	dateType    = reflect.TypeFor[date.Date]()
	plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
	exponent    = regexp.MustCompile(`^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+$`)
)

type dataScan struct {
	data    []byte
	dec     *json.Decoder
	off     int // cursor for lines and columns, moving forward only
	line    int
	col     int
	ps      []DataProblem
	omitted int
	want    map[string]position // nil: report problems; else record these paths' places
}

// scanData checks data against the shape of Data, or, with want, records
// the place of each wanted path in it.
func scanData(data []byte, want map[string]position) []DataProblem {
	s := &dataScan{data: data, dec: json.NewDecoder(bytes.NewReader(data)), line: 1, col: 1, want: want}
	s.dec.UseNumber()
	if !s.value(reflect.TypeFor[Data](), "", 0) {
		return s.problems()
	}
	if _, err := s.dec.Token(); !errors.Is(err, io.EOF) {
		l, c := s.at(s.start())
		s.add(l, c, "", "", "one-value", "more than one JSON value in the file")
	}
	return s.problems()
}

func (s *dataScan) problems() []DataProblem {
	if s.omitted > 0 {
		s.ps = append(s.ps, DataProblem{Problem: criteria.TooMany(s.omitted)})
	}
	return s.ps
}

func (s *dataScan) add(line, col int, field, value, rule, format string, args ...any) {
	if s.want != nil {
		return
	}
	if len(s.ps) >= criteria.MaxProblems {
		s.omitted++
		return
	}
	if r := []rune(value); len(r) > 40 {
		value = string(r[:40]) + "…"
	}
	s.ps = append(s.ps, DataProblem{Line: line, Column: col, Problem: score.Problem{Field: field, Value: value, Rule: rule, Message: fmt.Sprintf(format, args...)}})
}

// start is the offset of the next token, past white space and separators.
func (s *dataScan) start() int {
	off := int(s.dec.InputOffset())
	for off < len(s.data) && strings.IndexByte(" \t\r\n,:", s.data[off]) >= 0 {
		off++
	}
	return off
}

// at turns an offset at or after the cursor into a line and a column.
func (s *dataScan) at(off int) (int, int) {
	off = min(off, len(s.data))
	for s.off < off {
		r, size := utf8.DecodeRune(s.data[s.off:])
		if r == '\n' {
			s.line, s.col = s.line+1, 1
		} else {
			s.col++
		}
		s.off += size
	}
	return s.line, s.col
}

// syntax records a syntax error and stops the scan.
func (s *dataScan) syntax(err error) bool {
	var se *json.SyntaxError
	off := len(s.data)
	msg := "not valid JSON: the file ends too soon"
	if errors.As(err, &se) {
		off = max(int(se.Offset)-1, s.off)
		msg = "not valid JSON: " + strings.TrimPrefix(se.Error(), "json: ")
	}
	l, c := s.at(off)
	s.add(l, c, "", "", "json", "%s", msg)
	return false
}

// value scans one value that should be of type t (nil: anything, as under
// an unknown field); false stops the scan at a syntax error.
func (s *dataScan) value(t reflect.Type, path string, depth int) bool {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	l, c := s.at(s.start())
	if _, ok := s.want[path]; ok {
		s.want[path] = position{l, c}
	}
	if depth > criteria.MaxNesting {
		s.add(l, c, path, "", "depth", "values nest more than %d deep", criteria.MaxNesting)
		return false
	}
	tok, err := s.dec.Token()
	if err != nil {
		return s.syntax(err)
	}
	switch tok := tok.(type) {
	case json.Delim:
		if tok == '{' {
			return s.object(t, path, depth, l, c)
		}
		return s.array(t, path, depth, l, c)
	case json.Number:
		s.number(t, path, string(tok), l, c)
	case string:
		s.text(t, path, tok, l, c)
	case bool:
		if t != nil && t.Kind() != reflect.Bool {
			s.add(l, c, path, strconv.FormatBool(tok), "type", "want %s, found %t", want(t), tok)
		}
	}
	return true // null is the field's zero value
}

func (s *dataScan) object(t reflect.Type, path string, depth, l, c int) bool {
	var field func(string) (reflect.Type, bool)
	switch {
	case t == nil:
		field = func(string) (reflect.Type, bool) { return nil, true }
	case t.Kind() == reflect.Struct && t != decimalType && t != dateType:
		field = func(k string) (reflect.Type, bool) { return fieldType(t, k) }
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String:
		field = func(string) (reflect.Type, bool) { return t.Elem(), true }
	default:
		s.add(l, c, path, "", "type", "want %s, found an object", want(t))
		field = func(string) (reflect.Type, bool) { return nil, true }
	}
	for s.dec.More() {
		kl, kc := s.at(s.start())
		kt, err := s.dec.Token()
		if err != nil {
			return s.syntax(err)
		}
		k, _ := kt.(string)
		ft, known := field(k)
		child := path + "." + k
		switch {
		case path == "":
			child = k
		case t != nil && t.Kind() == reflect.Map:
			child = path + "[" + k + "]"
		}
		if !known {
			s.add(kl, kc, child, k, "known-field", "unknown field; want one of: %s", strings.Join(fieldNames(t), ", "))
		}
		if !s.value(ft, child, depth+1) {
			return false
		}
	}
	if _, err := s.dec.Token(); err != nil {
		return s.syntax(err)
	}
	return true
}

func (s *dataScan) array(t reflect.Type, path string, depth, l, c int) bool {
	var elem reflect.Type
	if t != nil {
		if t.Kind() == reflect.Slice {
			elem = t.Elem()
		} else {
			s.add(l, c, path, "", "type", "want %s, found a list", want(t))
		}
	}
	for i := 0; s.dec.More(); i++ {
		if !s.value(elem, fmt.Sprintf("%s[%d]", path, i), depth+1) {
			return false
		}
	}
	if _, err := s.dec.Token(); err != nil {
		return s.syntax(err)
	}
	return true
}

// number checks a JSON number for its field.
func (s *dataScan) number(t reflect.Type, path, text string, l, c int) {
	switch {
	case t == nil:
	case t == decimalType:
		s.decimal(path, text, l, c)
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Int64:
		if len(text) > criteria.MaxNumberChars || !plainNumber.MatchString(text) || strings.Contains(text, ".") {
			s.add(l, c, path, text, "type", "want a whole number")
		} else if _, err := strconv.ParseInt(text, 10, t.Bits()); err != nil {
			s.add(l, c, path, text, "range", "the number is too large")
		}
	default:
		s.add(l, c, path, text, "type", "want %s, found a number", want(t))
	}
}

// text checks a JSON string for its field.
func (s *dataScan) text(t reflect.Type, path, text string, l, c int) {
	switch {
	case t == nil:
	case t == decimalType:
		s.decimal(path, text, l, c)
	case t == dateType:
		if text != "" {
			if _, err := date.Parse(text); err != nil {
				s.add(l, c, path, text, "date", "%v", err)
			}
		}
	case t.Kind() != reflect.String:
		s.add(l, c, path, text, "type", "want %s, found text", want(t))
	}
}

// decimal checks a number's text before decimal reads it: length first.
func (s *dataScan) decimal(path, text string, l, c int) {
	switch {
	case len(text) > criteria.MaxNumberChars:
		s.add(l, c, path, text, "number", "not a number: more than %d characters", criteria.MaxNumberChars)
	case exponent.MatchString(text):
		s.add(l, c, path, text, "number", "not a number: write it in full, without an exponent (1500, not 1.5e3)")
	case !plainNumber.MatchString(text):
		s.add(l, c, path, text, "number", "not a number: want digits with an optional decimal point, e.g. 12.5")
	}
}

// fieldType finds a struct field by its JSON name.
func fieldType(t reflect.Type, name string) (reflect.Type, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if n, _, _ := strings.Cut(f.Tag.Get("json"), ","); n == name && f.IsExported() {
			return f.Type, true
		}
	}
	return nil, false
}

func fieldNames(t reflect.Type) []string {
	var out []string
	if t == nil || t.Kind() != reflect.Struct {
		return out
	}
	for i := range t.NumField() {
		if n, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); n != "" && n != "-" {
			out = append(out, n)
		}
	}
	return out
}

// want names what a field of type t holds, for messages.
func want(t reflect.Type) string {
	switch {
	case t == decimalType:
		return "a number"
	case t == dateType:
		return "a date written YYYY-MM-DD"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "a whole number"
	case reflect.Slice:
		return "a list"
	}
	return "an object"
}
