package report

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// siblings is where a criterion sits in its policy's tree, for wording a
// weight given in points: the sum of its siblings' weights (its own
// included) and its parent's title and weight ("" and zero at the top).
type siblings struct {
	sum          decimal.Decimal
	parent       string
	parentWeight decimal.Decimal
}

// siblingsOf returns the group of criteria weighted w under a parent.
func siblingsOf(ws []decimal.Decimal, parent string, parentWeight decimal.Decimal) siblings {
	g := siblings{parent: parent, parentWeight: parentWeight}
	for _, w := range ws {
		g.sum = g.sum.Add(w)
	}
	return g
}

// pointsImportance words a weight given in points as the policy publishes
// it: at the top level the criterion's points ("60 points"); below it, its
// points of its parent's when the sub-criteria's points add up to the
// parent's ("15 points of Quality"), its percentage of the parent when they
// add up to 100 ("25% of Quality"), and otherwise its share of the
// sub-criteria's weights ("1 part in 3 of Quality").
func pointsImportance(w decimal.Decimal, g siblings) string {
	switch {
	case g.parent == "":
		return exact.Plain(w) + " points"
	case g.sum.Equal(g.parentWeight):
		return fmt.Sprintf("%s points of %s", exact.Plain(w), g.parent)
	case g.sum.Equal(decimal.NewFromInt(100)):
		return fmt.Sprintf("%s%% of %s", exact.Plain(w), g.parent)
	}
	return fmt.Sprintf("%s part%s in %s of %s", exact.Plain(w), plural(w), exact.Plain(g.sum), g.parent)
}

func plural(w decimal.Decimal) string {
	if w.Equal(decimal.NewFromInt(1)) {
		return ""
	}
	return "s"
}

// pointsTotalRule says what a model published in points is out of: the sum
// of its top-level criteria's points (the quality points under price per
// quality point).
func pointsTotalRule(p score.Policy) string {
	sum := decimal.Zero
	for _, c := range p.Criteria {
		if p.Basis == score.PricePerQualityPoint && c.Price != nil {
			continue
		}
		sum = sum.Add(c.Weight)
	}
	if p.Basis == score.PricePerQualityPoint {
		return fmt.Sprintf("The quality points are out of %s, as published.", exact.Plain(sum))
	}
	return fmt.Sprintf("The model is out of %s points, as published.", exact.Plain(sum))
}
