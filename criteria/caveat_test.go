package criteria_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tenderscore/tenderscore/criteria"
)

// Internal caveats are for the authority's report only: a bidder's document
// strips them, leaving the rule applied intact.
func TestCaveats(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"none", "London Living Wage £14.80 an hour", "London Living Wage £14.80 an hour"},
		{"one at the end", "to be paid by 1 May 2026" + criteria.Unverified("implement-by day presumed"), "to be paid by 1 May 2026"},
		{"two, text between", "a" + criteria.Unverified("x") + " b" + criteria.Unverified("y") + ".", "a b."},
		{"a bracket in the note cannot end it early", "a" + criteria.Unverified("see [1]") + " b", "a b"},
		{"unterminated is cut", "a [unverified: no end", "a"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, criteria.WithoutCaveats(tt.in))
			assert.False(t, criteria.HasCaveat(criteria.WithoutCaveats(tt.in)))
		})
	}
}
