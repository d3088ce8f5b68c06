package frameworks

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Rule weights: the methodology declares each criterion's relative
// importance, and percentages add up: each set of siblings to 100 (percent
// at each level), or the top level to 100 and sub-criteria to their
// parent's weight (percent of total). Procurement Act 2023 s.23(3)(b);
// PCR 2015 reg 67.
//
// Codes: weights-undeclared (error), weights-sum (error), weights-points
// (note).

func weightsSource(reg score.Regime) Source {
	if reg == score.PCR2015 {
		return Source{Cite: "PCR 2015 reg 67 (relative weighting of award criteria)", Verified: true,
			Note: "checked against the Cabinet Office PCR 2015 guidance"}
	}
	return verified("Procurement Act 2023 s.23(3)(b) (relative importance)")
}

func checkWeights(r *run, l *lotCtx) {
	src := weightsSource(l.regime)
	p := l.lot.Policy
	if len(p.Criteria) == 0 {
		r.addField(l, nil, l.path+".policy.criteria", Error, "weights-undeclared", src, "the policy has no award criteria, so no relative importance is declared")
		return
	}
	// The price carries no weight under price per quality point, nor under a
	// price adjusted by features (whose features describe the relative
	// importance "in another way", s.23(3)(b)(iii)).
	ppqp := p.Basis == score.PricePerQualityPoint || p.Basis == score.AdjustedPrice
	byPath := map[string]*share{}
	for i := range l.shares {
		byPath[l.shares[i].path] = &l.shares[i]
	}
	hundred := decimal.NewFromInt(100)
	var walk func(cs []score.Criterion, prefix string, parent *share)
	walk = func(cs []score.Criterion, prefix string, parent *share) {
		sum := decimal.Zero
		for i := range cs {
			s := byPath[fmt.Sprintf("%s[%d]", prefix, i)]
			if ppqp && parent == nil && s.cat == score.Price {
				continue
			}
			if cs[i].Weight.Sign() <= 0 {
				r.add(l, s, Error, "weights-undeclared", src, "weight %s declares no relative importance: every scored criterion needs a weight more than zero", exact.Plain(cs[i].Weight))
			}
			sum = sum.Add(cs[i].Weight)
			walk(cs[i].Children, s.path+".children", s)
		}
		if len(cs) == 0 || p.Weighting == score.Points {
			return
		}
		want, what := hundred, "100"
		if p.Weighting == score.PercentOfTotal && parent != nil {
			want, what = parent.c.Weight, "its parent's weight "+exact.Plain(parent.c.Weight)
		}
		if sum.Equal(want) || (ppqp && parent == nil && sum.IsZero()) {
			return
		}
		if parent == nil {
			r.addField(l, nil, l.path+".policy.criteria", Error, "weights-sum", src,
				"the top-level weights sum to %s, not %s, so the published relative importance does not add up", exact.Plain(sum), what)
		} else {
			r.addField(l, parent, l.path+".policy."+parent.path+".children", Error, "weights-sum", src,
				"its sub-criteria's weights sum to %s, not %s", exact.Plain(sum), what)
		}
	}
	walk(p.Criteria, "criteria", nil)
	if p.Weighting == score.Points {
		r.add(l, nil, Note, "weights-points", src,
			"weights are points, so bidders read each criterion's relative importance as its share of its siblings' points; publish the resulting percentages")
	}
}
