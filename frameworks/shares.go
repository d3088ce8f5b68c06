package frameworks

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// share is a criterion placed in its policy's tree with its share of the
// whole evaluation, in percent, exactly.
type share struct {
	c     *score.Criterion
	path  string // relative to the policy: "criteria[1].children[0]"
	depth int
	cat   score.Category
	pct   exact.Fraction
	leaf  bool
}

// sharesOf places every criterion of a policy, reading weights as the
// policy's weighting says, the way package score does: percent at each
// level (the default), percent of the total, or points. Under price per
// quality point the top-level price criterion has no share and the rest
// share the quality points. Weights that do not add up are used as they
// stand (rule weights reports them).
func sharesOf(p score.Policy) []share {
	ppqp := p.Basis == score.PricePerQualityPoint || p.Basis == score.AdjustedPrice // the price carries no weight
	var out []share
	var walk func(cs []score.Criterion, prefix string, depth int, parentPct exact.Fraction, parentCat score.Category)
	walk = func(cs []score.Criterion, prefix string, depth int, parentPct exact.Fraction, parentCat score.Category) {
		sum := decimal.Zero
		for i := range cs {
			if ppqp && depth == 0 && categoryOf(cs[i], "") == score.Price {
				continue
			}
			sum = sum.Add(cs[i].Weight)
		}
		for i := range cs {
			c := &cs[i]
			cat := categoryOf(*c, parentCat)
			var pct exact.Fraction
			switch {
			case ppqp && depth == 0 && cat == score.Price:
				pct = exact.Zero
			case p.Weighting == score.PercentOfTotal:
				pct = exact.Whole(c.Weight)
			case p.Weighting == score.Points:
				if r, err := exact.Ratio(c.Weight, sum); err == nil {
					pct = parentPct.Mul(r)
				} else {
					pct = exact.Zero
				}
			default:
				pct = parentPct.Mul(exact.Whole(c.Weight.Shift(-2)))
			}
			path := fmt.Sprintf("%s[%d]", prefix, i)
			out = append(out, share{c: c, path: path, depth: depth, cat: cat, pct: pct, leaf: c.IsLeaf()})
			walk(c.Children, path+".children", depth+1, pct, cat)
		}
	}
	walk(p.Criteria, "criteria", 0, exact.Whole(decimal.NewFromInt(100)), "")
	return out
}

// categoryOf mirrors package score: a criterion's own category, else price
// for a price rule, else its parent's, else quality.
func categoryOf(c score.Criterion, parent score.Category) score.Category {
	switch {
	case c.Category != "":
		return c.Category
	case c.Price != nil:
		return score.Price
	case parent != "":
		return parent
	}
	return score.Quality
}

// categoryPercent returns the share of the evaluation carried by leaves of
// the category, as a percentage of all leaves' shares (so of the quality
// points under price per quality point); ok is false when the leaves carry
// no weight at all.
func categoryPercent(ss []share, cat score.Category) (exact.Fraction, bool) {
	total, part := exact.Zero, exact.Zero
	for _, s := range ss {
		if !s.leaf {
			continue
		}
		total = total.Add(s.pct)
		if s.cat == cat {
			part = part.Add(s.pct)
		}
	}
	r, err := part.Quo(total)
	if err != nil || total.Sign() <= 0 {
		return exact.Zero, false
	}
	return r.MulDec(decimal.NewFromInt(100)), true
}

// pctText formats an exact percentage for a message: exact when it
// terminates within 4 places, else rounded to 2 places with "≈".
func pctText(f exact.Fraction) string {
	if d, ok := f.Decimal(); ok {
		s := exact.Plain(d)
		if _, frac, _ := strings.Cut(s, "."); len(frac) <= 4 {
			return s + "%"
		}
	}
	return "≈" + exact.Plain(exact.Rounding{Places: 2, Mode: exact.HalfUp}.Apply(f)) + "%"
}
