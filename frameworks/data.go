package frameworks

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// Data is what a data file holds: frameworks to add to a catalogue and local
// policies to check with, so that callers can keep them current without a
// new release of this package.
//
//	{
//	  "frameworks": [{"ref": "RM9999", "name": "…", "regime": "pa-2023", …}],
//	  "policies":   [{"name": "…", "authority": "…", "minSocialValuePercent": "10", …}]
//	}
//
// Dates are "YYYY-MM-DD"; amounts and percentages are JSON numbers or
// strings of digits with an optional sign and point ("12.5"), read exactly;
// an exponent ("1e3") is refused, and so is a number longer than
// [criteria.MaxNumberChars] characters, before it is read.
type Data struct {
	Frameworks []Framework   `json:"frameworks"`
	Policies   []LocalPolicy `json:"policies"`
}

// DataError reports everything wrong with a data file at once, each
// problem at its line and column with its field path
// ("frameworks[0].dates.end"): a syntax error, an unknown field, a wrong
// type, a bad number or date, and what validation of the frameworks and
// policies finds. At most [criteria.MaxProblems] are listed, then a count
// of the rest. Use it with errors.As; the validation problems are also a
// *score.ValidationError, which [DataError.Unwrap] returns.
type DataError struct {
	Problems []DataProblem
	// Err is the *score.ValidationError the validation problems came from,
	// or the error reading failed with.
	Err error
}

// DataProblem is one problem in a data file: its line and column (both
// from 1; zero when the problem has no one place) and the problem.
type DataProblem struct {
	Line, Column int
	score.Problem
}

// String writes "12:7: frameworks[0].dates.end: … (value "…", rule …)".
func (p DataProblem) String() string {
	s := p.Problem.String()
	if p.Problem.Field == "" {
		s = strings.TrimPrefix(s, ": ")
	}
	if p.Line > 0 {
		return fmt.Sprintf("%d:%d: %s", p.Line, p.Column, s)
	}
	return s
}

// Error writes "frameworks data:" and one problem per line.
func (e *DataError) Error() string {
	var b strings.Builder
	b.WriteString("frameworks data:")
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	if len(e.Problems) == 0 && e.Err != nil {
		b.WriteString(" " + e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *DataError) Unwrap() error { return e.Err }

// ReadData reads a data file of at most [criteria.MaxFileBytes]. Its shape
// is checked first, value by value, against [Data]'s fields — unknown
// fields, wrong types, numbers too long or with an exponent, dates that do
// not exist — and then the frameworks and policies are validated; every
// problem is reported at once in a [*DataError], at its line and column.
func ReadData(r io.Reader) (Data, error) {
	raw, err := io.ReadAll(io.LimitReader(r, criteria.MaxFileBytes+1))
	if err != nil {
		return Data{}, &DataError{Err: err, Problems: []DataProblem{{Problem: score.Problem{Rule: "read", Message: "cannot be read: " + err.Error()}}}}
	}
	if len(raw) > criteria.MaxFileBytes {
		return Data{}, &DataError{Problems: []DataProblem{{Problem: score.Problem{Rule: "size",
			Message: fmt.Sprintf("the file is larger than %d MiB, the most a data file may be", criteria.MaxFileBytes>>20)}}}}
	}
	if ps := scanData(raw, nil); len(ps) > 0 {
		return Data{}, &DataError{Problems: ps}
	}
	// The scan has checked every value: decoding can no longer fail on
	// one, and no number reaches decimal beyond the limits.
	var out Data
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		return Data{}, &DataError{Err: err, Problems: []DataProblem{{Problem: score.Problem{Rule: "json", Message: "not valid JSON: " + err.Error()}}}}
	}
	if err := out.Validate(); err != nil {
		var verr *score.ValidationError
		if !errors.As(err, &verr) {
			return Data{}, err
		}
		return Data{}, locate(raw, verr)
	}
	return out, nil
}

// Validate checks the frameworks (as [NewCatalogue] does) and the
// policies, and reports every problem at once in a *score.ValidationError
// naming the field ("policies[0].minSocialValuePercent").
func (d Data) Validate() error {
	var ps problems
	if _, err := NewCatalogue(d.Frameworks...); err != nil {
		var verr *score.ValidationError
		if !errors.As(err, &verr) {
			return err
		}
		ps = append(ps, verr.Problems...)
	}
	for i, p := range d.Policies {
		validatePolicy(&ps, fmt.Sprintf("policies[%d]", i), p)
	}
	return ps.err()
}

// locate gives each validation problem the line and column of its field,
// or of the nearest enclosing value when the field is not in the file.
func locate(raw []byte, verr *score.ValidationError) *DataError {
	want := map[string]position{}
	for _, p := range verr.Problems {
		for _, q := range prefixes(p.Field) {
			want[q] = position{}
		}
	}
	scanData(raw, want)
	out := &DataError{Err: verr}
	for _, p := range verr.Problems {
		var at position
		for _, q := range prefixes(p.Field) {
			if w := want[q]; w.line > 0 && (p.Rule != "too-many" || p.Field != "") {
				at = w
				break
			}
		}
		out.Problems = append(out.Problems, DataProblem{Line: at.line, Column: at.col, Problem: p})
	}
	return out
}

// prefixes lists a field path and each path enclosing it, longest first:
// "a[0].b", "a[0]", "a".
func prefixes(path string) []string {
	out := []string{path}
	for i := len(path) - 1; i > 0; i-- {
		if path[i] == '.' || path[i] == '[' {
			out = append(out, path[:i])
		}
	}
	return out
}

// number records a problem with a decimal beyond the size limits and
// reports whether it is within them, so that nothing is compared with one
// that is not (a decimal built in Go with a huge exponent takes minutes to
// compare).
func (ps *problems) number(field string, d decimal.Decimal) bool {
	if p := criteria.CheckNumber(field, d); p != nil {
		*ps = append(*ps, *p)
		return false
	}
	return true
}

// capped keeps the first criteria.MaxProblems problems and counts the
// rest.
func capped(ps []score.Problem) []score.Problem {
	if len(ps) <= criteria.MaxProblems {
		return ps
	}
	return append(ps[:criteria.MaxProblems:criteria.MaxProblems], criteria.TooMany(len(ps)-criteria.MaxProblems))
}
