package score

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// This file checks one lot's published policy: its gates, the criteria
// tree and its weights, thresholds, rounding and tie-break chain.

func (v *validation) policy(prefix string, p Policy) {
	if !slices.Contains([]Basis{"", WeightedPoints, PricePerQualityPoint, AdjustedPrice}, p.Basis) {
		v.add(join(prefix, "basis"), string(p.Basis), "one-of", "must be one of: %s, %s, %s", WeightedPoints, PricePerQualityPoint, AdjustedPrice)
	}
	if !slices.Contains([]Weighting{"", PercentEachLevel, PercentOfTotal, Points}, p.Weighting) {
		v.add(join(prefix, "weighting"), string(p.Weighting), "one-of", "must be one of: %s, %s, %s", PercentEachLevel, PercentOfTotal, Points)
	}
	v.gates(prefix, p.Gates, p.LivingWageGates)
	if len(p.Criteria) == 0 {
		v.add(join(prefix, "criteria"), "", "required", "a policy needs at least one criterion")
		return
	}
	ids := map[string]string{}
	v.criteria(prefix, p, p.Criteria, nil, join(prefix, "criteria"), ids)
	v.weights(prefix, p, p.Criteria, nil, join(prefix, "criteria"))

	t := buildTree(&p)
	prices := t.priceLeaves()
	if p.basis() == PricePerQualityPoint {
		if len(prices) != 1 {
			v.add(join(prefix, "criteria"), fmt.Sprint(len(prices)), "one-price", "price per quality point needs exactly one price criterion, found %d", len(prices))
		}
		for _, n := range prices {
			if n.depth != 0 {
				v.add(join(prefix, n.path), n.c.ID, "top-level", "under price per quality point the price criterion must be at the top level")
			}
			if n.c.Price.Method != criteria.PerQualityPoint {
				v.add(join(prefix, n.path+".price.method"), string(n.c.Price.Method), "per-quality-point",
					"under price per quality point the price method must be %q", criteria.PerQualityPoint)
			}
		}
	} else {
		for _, n := range prices {
			if n.c.Price.Method == criteria.PerQualityPoint {
				v.add(join(prefix, n.path+".price.method"), string(n.c.Price.Method), "basis",
					"the %q method needs the policy basis %q", criteria.PerQualityPoint, PricePerQualityPoint)
			}
		}
	}

	v.adjustedPolicy(prefix, p, t) // validate_features.go
	v.thresholds(prefix, p, t)
	v.roundings(prefix, p.Rounding)
	v.tieBreaks(prefix, p.TieBreaks, t)
}

func (v *validation) gates(prefix string, gs []criteria.Gate, lws []criteria.LivingWageGate) {
	seen := map[string]string{}
	unique := func(path, id string) {
		if id == "" {
			return
		}
		if other, dup := seen[id]; dup {
			v.add(path+".id", id, "unique", "gate id already used by %s", other)
		} else {
			seen[id] = path
		}
	}
	for i, g := range gs {
		path := join(prefix, fmt.Sprintf("gates[%d]", i))
		v.addAll(path, g.Validate())
		v.ident(path+".id", g.ID)
		unique(path, g.ID)
	}
	for i, g := range lws {
		path := join(prefix, fmt.Sprintf("livingWageGates[%d]", i))
		v.addAll(path, g.Validate())
		v.ident(path+".id", g.ID)
		unique(path, g.ID)
	}
}

func (v *validation) criteria(prefix string, p Policy, cs []Criterion, parent *Criterion, path string, ids map[string]string) {
	for i := range cs {
		c := cs[i]
		cp := fmt.Sprintf("%s[%d]", path, i)
		v.structTagsCriterion(cp, c)
		v.ident(cp+".id", c.ID)
		if c.ID != "" {
			if other, dup := ids[c.ID]; dup {
				v.add(cp+".id", c.ID, "unique", "criterion id already used by %s", other)
			} else {
				ids[c.ID] = cp
			}
		}
		rules := 0
		if c.Price != nil {
			rules++
			v.addAll(cp+".price", c.Price.Validate())
		}
		if c.Quality != nil {
			rules++
			v.addAll(cp+".quality", c.Quality.Validate())
		}
		if c.SocialValue != nil {
			rules++
			v.addAll(cp+".socialValue", c.SocialValue.Validate())
		}
		if c.LivingWage != nil {
			rules++
			v.addAll(cp+".livingWage", c.LivingWage.Validate())
		}
		switch {
		case len(c.Children) > 0 && rules > 0:
			v.add(cp, c.ID, "leaf-or-branch", "a criterion has either sub-criteria or a scoring rule, not both")
		case len(c.Children) == 0 && rules == 0:
			v.add(cp, c.ID, "rule-required", "a criterion without sub-criteria needs a scoring rule: price, quality, social value or living wage")
		case rules > 1:
			v.add(cp, c.ID, "one-rule", "a criterion has one scoring rule: price, quality, social value or living wage")
		}
		if (c.SocialValue != nil || c.LivingWage != nil) && (c.Category == Price || (parent != nil && parent.Category == Price)) {
			v.add(cp+".category", string(c.Category), "price-category", "a social value or living wage rule cannot sit in the price category")
		}
		if c.Price != nil && c.Category != "" && c.Category != Price {
			v.add(cp+".category", string(c.Category), "price-category", "a criterion with a price rule is in the price category")
		}
		if parent != nil && c.Category != "" && parent.Category != "" && c.Category != parent.Category {
			v.add(cp+".category", string(c.Category), "same-category", "a sub-criterion shares its parent's category %q", parent.Category)
		}
		if c.Quality != nil && (c.Category == Price || (parent != nil && parent.Category == Price)) {
			v.add(cp+".quality", "", "price-category", "a quality rule cannot sit in the price category")
		}
		if c.MinPercent != nil {
			v.percent(cp+".minPercent", *c.MinPercent)
			if c.Price != nil || c.Category == Price || subtreeHasPrice(c) {
				v.add(cp+".minPercent", c.MinPercent.String(), "not-price", "a minimum score cannot apply to price: publish a maximum budget instead")
			}
		}
		v.number(cp+".weight", c.Weight)
		v.criteria(prefix, p, c.Children, &cs[i], cp+".children", ids)
	}
}

// saneWeights reports whether every weight is within the size limits, so
// that the tree of available points can be built from them: a weight
// beyond them is reported by criteria, and no sum is formed from it.
func saneWeights(cs []Criterion) bool {
	for _, c := range cs {
		if criteria.CheckNumber("", c.Weight) != nil || !saneWeights(c.Children) {
			return false
		}
	}
	return true
}

func subtreeHasPrice(c Criterion) bool {
	if c.Price != nil {
		return true
	}
	for _, ch := range c.Children {
		if subtreeHasPrice(ch) {
			return true
		}
	}
	return false
}

// structTagsCriterion checks one criterion's own tags without diving into
// children (they are checked on their own turn, with their own paths).
func (v *validation) structTagsCriterion(path string, c Criterion) {
	c.Children = nil
	v.structTags(path, c)
}

// weights checks each set of siblings as the weighting requires.
func (v *validation) weights(prefix string, p Policy, cs []Criterion, parent *Criterion, path string) {
	hundred := decimal.NewFromInt(100)
	unweighted := p.unweightedPrice()
	sum := decimal.Zero
	counted := 0
	// A weight beyond the size limits (reported by criteria) takes no part
	// in a sum: nothing is computed from it.
	summable := parent == nil || criteria.CheckNumber("", parent.Weight) == nil
	for i, c := range cs {
		wp := fmt.Sprintf("%s[%d].weight", path, i)
		isPrice := c.Price != nil || c.Category == Price
		if criteria.CheckNumber("", c.Weight) != nil {
			summable = false
			v.weights(prefix, p, c.Children, &cs[i], fmt.Sprintf("%s[%d].children", path, i))
			continue
		}
		if unweighted && isPrice && parent == nil {
			if c.Weight.IsZero() {
				continue
			}
			if p.basis() == AdjustedPrice {
				v.add(wp, c.Weight.String(), "no-weight", "under a price adjusted by features the price criterion carries no weight: the features adjust the price itself")
			} else {
				v.add(wp, c.Weight.String(), "no-weight", "under price per quality point the price criterion carries no weight: the ratio combines price and quality")
			}
			continue
		}
		if c.Weight.Sign() <= 0 {
			v.add(wp, c.Weight.String(), "positive", "a weight must be more than zero")
		}
		sum = sum.Add(c.Weight)
		counted++
		v.weights(prefix, p, c.Children, &cs[i], fmt.Sprintf("%s[%d].children", path, i))
	}
	if counted == 0 || !summable {
		return
	}
	var want decimal.Decimal
	var rule, what string
	switch p.weighting() {
	case PercentEachLevel:
		want, rule, what = hundred, "sum-100", "exactly 100"
	case PercentOfTotal:
		if parent == nil {
			want, rule, what = hundred, "sum-100", "exactly 100"
		} else {
			want, rule, what = parent.Weight, "sum-parent", fmt.Sprintf("their parent's weight %s", exact.Plain(parent.Weight))
		}
	default:
		return // points: any positive weights
	}
	if !sum.Equal(want) {
		v.add(path, exact.Plain(sum), rule, "the weights here sum to %s, not %s", exact.Plain(sum), what)
	}
}

func (v *validation) percent(path string, d decimal.Decimal) {
	if !v.number(path, d) {
		return
	}
	if d.Sign() < 0 || d.Cmp(decimal.NewFromInt(100)) > 0 {
		v.add(path, d.String(), "percent", "a threshold is a percentage from 0 to 100")
	}
}

func (v *validation) thresholds(prefix string, p Policy, t *tree) {
	th := p.Thresholds
	if th.MinQualityPercent != nil {
		v.percent(join(prefix, "thresholds.minQualityPercent"), *th.MinQualityPercent)
	}
	for i, id := range th.QualityCriteria {
		path := join(prefix, fmt.Sprintf("thresholds.qualityCriteria[%d]", i))
		n, ok := t.byID[id]
		switch {
		case !ok:
			v.add(path, id, "known-criterion", "no criterion has this id")
		case n.depth != 0:
			v.add(path, id, "top-level", "only top-level criteria count towards the quality percentage")
		case n.hasPrice():
			v.add(path, id, "not-price", "a price criterion cannot count as quality")
		}
	}
	if len(th.QualityCriteria) > 0 && th.MinQualityPercent == nil {
		v.add(join(prefix, "thresholds.qualityCriteria"), strings.Join(th.QualityCriteria, ","), "needs-minimum", "quality criteria are listed but no minimum quality percentage is set")
	}
}

func (v *validation) roundings(prefix string, rs []RoundingRule) {
	seen := map[Stage]int{}
	for i, r := range rs {
		path := join(prefix, fmt.Sprintf("rounding[%d]", i))
		if !slices.Contains(Stages(), r.Stage) {
			v.add(path+".stage", string(r.Stage), "one-of", "unknown rounding stage; want one of %v", Stages())
		} else if j, dup := seen[r.Stage]; dup {
			v.add(path+".stage", string(r.Stage), "unique", "stage already rounded by rounding[%d]", j)
		} else {
			seen[r.Stage] = i
		}
		if !r.Mode.Valid() {
			v.add(path+".mode", string(r.Mode), "rounding-mode", "unknown rounding mode; want one of %v", exact.Modes())
		}
		if r.Places < 0 || r.Places > exact.MaxPlaces {
			v.add(path+".places", fmt.Sprint(r.Places), "places", "rounding places must be from 0 to %d", exact.MaxPlaces)
		}
	}
}

func (v *validation) tieBreaks(prefix string, tbs []TieBreak, t *tree) {
	names := map[string]int{}
	for i, tb := range tbs {
		path := join(prefix, fmt.Sprintf("tieBreaks[%d]", i))
		v.structTags(path, tb)
		switch tb.Kind {
		case HigherPoints:
			if _, ok := t.byID[tb.Criterion]; !ok {
				v.add(path+".criterion", tb.Criterion, "known-criterion", "higher-points needs the id of a criterion in this policy")
			}
		case LowerPrice:
			prices := t.priceLeaves()
			if tb.Criterion == "" {
				if len(prices) != 1 {
					v.add(path+".criterion", "", "required", "with %d price criteria, lower-price must name one", len(prices))
				}
			} else if n, ok := t.byID[tb.Criterion]; !ok || n.c.Price == nil {
				v.add(path+".criterion", tb.Criterion, "price-criterion", "lower-price needs the id of a price criterion")
			}
		case Recorded:
			if tb.Name == "" {
				v.add(path+".name", "", "required", "a recorded step needs a name for bids to record their scores under")
			} else if j, dup := names[tb.Name]; dup {
				v.add(path+".name", tb.Name, "unique", "step name already used by tieBreaks[%d]", j)
			} else {
				names[tb.Name] = i
			}
		}
	}
}
