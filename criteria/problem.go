package criteria

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/internal/safetext"
)

// Problem is one thing wrong with an input: where it is, what it holds, which
// rule it breaks and a sentence a person can act on. Package score prefixes
// Field with the path of the enclosing policy or bid, so a user reads
// "lots[2].policy.criteria[1].price.band.ceiling".
type Problem struct {
	// Field is the path of the offending field, relative to what was checked.
	Field string `json:"field"`
	// Value is the offending value as text ("" when the field is missing).
	Value string `json:"value"`
	// Rule is a stable code for the broken rule, e.g. "positive", "on-scale".
	Rule string `json:"rule"`
	// Message says what is wrong and what is expected.
	Message string `json:"message"`
}

// String renders the problem as "field: message (value "v", rule r)". The
// value is quoted with Go's escapes; the field path and message, which may
// repeat an id from the input, have their control and bidirectional
// characters neutralised, so no input can forge a line of an error report
// or reach a terminal raw.
func (p Problem) String() string {
	v := p.Value
	if v == "" {
		v = "(missing)"
	} else {
		v = fmt.Sprintf("%q", v)
	}
	return fmt.Sprintf("%s: %s (value %s, rule %s)", safetext.Clean(p.Field), safetext.Clean(p.Message), v, safetext.Clean(p.Rule))
}

// Prefixed returns the problem with path + "." (or path alone when Field is
// empty) put in front of Field.
func (p Problem) Prefixed(path string) Problem {
	switch {
	case path == "":
	case p.Field == "":
		p.Field = path
	case p.Field[0] == '[':
		p.Field = path + p.Field
	default:
		p.Field = path + "." + p.Field
	}
	return p
}

// problems collects Problems.
type problems []Problem

func (ps *problems) add(field, value, rule, format string, args ...any) {
	*ps = append(*ps, Problem{Field: field, Value: value, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

func (ps *problems) size(field string, d decimal.Decimal) bool {
	if sizeFine(d) {
		return true
	}
	if p := checkSize(field, d); p != nil {
		*ps = append(*ps, *p)
		return false
	}
	return true
}
