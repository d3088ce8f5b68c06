package score

import (
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/envelope"
)

// lineSet is a field of bids' totals before rounding drawn as lines in one
// variable (a shift of weight, a function of the lowest price), with the
// most the declared rounding can move a total shown away from its line.
// Which bids could lead at any value of the variable — those whose lines
// come within twice that of the highest — is found without evaluating
// every line (package internal/envelope).
type lineSet struct {
	tree  *envelope.Tree
	slack exact.Fraction
}

func newLineSet(lines []envelope.Line, slack exact.Fraction) *lineSet {
	return &lineSet{tree: envelope.New(lines), slack: slack}
}

// near returns the positions of the bids that could have the best total
// shown at d.
func (l *lineSet) near(d exact.Fraction) []int {
	top, ok := l.tree.Max(d)
	if !ok {
		return nil
	}
	return l.tree.Report(d, top.Sub(l.slack).Sub(l.slack))
}
