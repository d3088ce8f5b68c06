package score

import (
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/criteria"
)

// Problem is one thing wrong with the input: the field path
// ("lots[2].policy.criteria[1].weight", "bids[B-104].responses[q1].marks"),
// the value, the rule broken and a message.
type Problem = criteria.Problem

// ValidationError reports every problem found in a tender and its bids at
// once. Use errors.As to get it:
//
//	var verr *score.ValidationError
//	if errors.As(err, &verr) { for _, p := range verr.Problems { ... } }
type ValidationError struct {
	Problems []Problem
}

// Error lists every problem, one per line after a count.
func (e *ValidationError) Error() string {
	var b strings.Builder
	n := len(e.Problems)
	fmt.Fprintf(&b, "%d problem", n)
	if n != 1 {
		b.WriteString("s")
	}
	b.WriteString(" in the tender or bids:")
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// Has reports whether any problem has the given field path and rule; tests
// and tools use it to look for one problem among many.
func (e *ValidationError) Has(field, rule string) bool {
	for _, p := range e.Problems {
		if p.Field == field && p.Rule == rule {
			return true
		}
	}
	return false
}
