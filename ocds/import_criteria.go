package ocds

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/internal/slug"
	"github.com/tenderscore/tenderscore/score"
)

// An OCDS lot's award criteria are a flat list: a type, a name, a
// description and numbers. A weight is read from numbers[] first, then
// from the description, where notices of the PCR 2015 era put it ("70",
// "70%"). Criteria whose names share a first part before ": " — "Quality:
// Technical approach", "Quality: Mobilisation" — are read as
// sub-criteria of that part, weighted as percentages of the whole (the
// form Export writes); a name no other criterion shares stays whole.

// inLeaf is one award criterion as read.
type inLeaf struct {
	name, desc string
	price      bool
	weight     decimal.Decimal
	hasWeight  bool
	kind       string // percent, points or order
	order      int    // the rank of importance, for kind order
	minimums   []string
}

// maxGroupDepth bounds how deep names are split into groups.
const maxGroupDepth = 4

// policy reads one lot's award criteria into its policy.
func (im *importer) policy(ac *inAwardCriteria, fp, path string) score.Policy {
	var p score.Policy
	if ac == nil || len(ac.Criteria) == 0 {
		im.gap(path+".policy.criteria", "the lot's award criteria, their weights, rules and any minimum scores: the notice gives none")
		return p
	}
	if len(ac.Criteria) > MaxCriteria {
		im.problem(fp+".awardCriteria.criteria", fmt.Sprint(len(ac.Criteria)), "max-criteria", "more than %d award criteria", MaxCriteria)
		return p
	}
	ppqp := strings.HasPrefix(strings.ToLower(im.text(ac.WeightingDescription, fp+".awardCriteria.weightingDescription")), strings.ToLower(pricePerQualityPoint))
	if ppqp {
		p.Basis = score.PricePerQualityPoint
	}
	var leaves []*inLeaf
	fromDescription := 0
	for j, c := range ac.Criteria {
		l, described := im.leaf(c, fmt.Sprintf("%s.awardCriteria.criteria[%d]", fp, j))
		if described {
			fromDescription++
		}
		leaves = append(leaves, l)
	}
	if fromDescription > 0 {
		im.note("%s.policy.criteria: %d of the lot's weights read from the criteria's descriptions, the notice giving no weight numbers for them", path, fromDescription)
	}
	kinds := map[string]bool{}
	for _, l := range leaves {
		if l.hasWeight && !(ppqp && l.price) {
			kinds[l.kind] = true
		}
	}
	mixed := len(kinds) > 1
	switch {
	case mixed:
		p.Weighting = Placeholder
		im.gap(path+".policy.weighting", "what the weights mean (percent, percent-of-total or points): the notice mixes kinds of weight")
	case kinds["points"]:
		p.Weighting = score.Points
	}
	nodes := groupLeaves(leaves, 0)
	if hasGroups(nodes) && p.Weighting == "" {
		p.Weighting = score.PercentOfTotal
	}
	ids := map[string]bool{}
	for _, n := range nodes {
		p.Criteria = append(p.Criteria, build(n, "", ppqp, ids))
	}
	for j := range p.Criteria {
		im.criterionGaps(p.Criteria[j], nodes[j], fmt.Sprintf("%s.policy.criteria[%d]", path, j), false)
	}
	im.thresholdsGap(&p, path, leaves)
	return p
}

// leaf reads one award criterion; described is true when its weight came
// from its description.
func (im *importer) leaf(c inCriterion, fp string) (*inLeaf, bool) {
	l := &inLeaf{name: im.text(c.Name, fp+".name"), desc: im.text(c.Description, fp+".description")}
	switch typ := im.text(c.Type, fp+".type"); typ {
	case "price", "cost":
		l.price = true
	case "quality":
	default:
		lower := strings.ToLower(l.name)
		l.price = strings.Contains(lower, "price") || strings.Contains(lower, "cost")
	}
	for k, n := range c.Numbers {
		nf := fmt.Sprintf("%s.numbers[%d]", fp, k)
		d, ok := im.num(n.Number, nf+".number")
		code := im.text(n.Weight, nf+".weight")
		if t := im.text(n.Threshold, nf+".threshold"); t != "" && ok {
			l.minimums = append(l.minimums, fmt.Sprintf("%s %s", t, d.String()))
		}
		if !ok || code == "" || l.hasWeight {
			continue
		}
		switch code {
		case "percentageExact", "percentageRangeMiddle":
			l.weight, l.kind, l.hasWeight = d, "percent", true
		case "decimalExact", "decimalRangeMiddle":
			l.weight, l.kind, l.hasWeight = d.Shift(2), "percent", true
		case "pointsExact", "pointsRangeMiddle":
			l.weight, l.kind, l.hasWeight = d, "points", true
		case "order":
			if d.IsInteger() && d.Sign() > 0 && d.LessThan(decimal.NewFromInt(1000)) {
				l.order = int(d.IntPart())
			}
		}
		if strings.HasSuffix(code, "RangeMiddle") {
			im.note("%s: the weight %s is the middle of a published range; tenderscore scores with one weight: check it", nf, d.String())
		}
	}
	if l.hasWeight || l.desc == "" {
		return l, false
	}
	w, rest, ok := weightIn(l.desc)
	if !ok {
		return l, false
	}
	l.weight, l.kind, l.hasWeight, l.desc = w, "percent", true, rest
	return l, true
}

var (
	// onlyWeight is a description that is a weight and nothing else: "70",
	// "70%", "Weighting: 70 %".
	onlyWeight = regexp.MustCompile(`(?i)^(?:weight(?:ing)?\s*[:=-]?\s*)?([0-9]{1,3}(?:\.[0-9]{1,6})?)\s*(?:%|per\s?cent)?$`)
	// percentIn is a percentage within a longer description.
	percentIn = regexp.MustCompile(`(?i)\b([0-9]{1,3}(?:\.[0-9]{1,6})?)\s*(?:%|per\s?cent\b)`)
)

// maxScan bounds how much of a description is searched for a weight.
const maxScan = 1000

// weightIn finds the weight in a description: the whole description, or
// its only percentage. rest is what remains of the description to keep.
func weightIn(desc string) (decimal.Decimal, string, bool) {
	if m := onlyWeight.FindStringSubmatch(desc); m != nil {
		d, msg := number(m[1])
		return d, "", msg == ""
	}
	scan := desc
	if len(scan) > maxScan {
		scan = scan[:maxScan]
	}
	ms := percentIn.FindAllStringSubmatch(scan, 2)
	if len(ms) != 1 {
		return decimal.Decimal{}, "", false
	}
	d, msg := number(ms[0][1])
	return d, desc, msg == ""
}

// group is a criterion as the tree will hold it: a leaf, or a group of
// criteria whose names share a first part.
type group struct {
	title string
	leaf  *inLeaf
	kids  []*group
}

// groupLeaves builds the tree from the names: criteria sharing a first
// part before ": " with at least one other become children of that part.
func groupLeaves(leaves []*inLeaf, depth int) []*group {
	return groupNames(leaves, namesOf(leaves), depth)
}

func namesOf(leaves []*inLeaf) []string {
	out := make([]string, len(leaves))
	for i, l := range leaves {
		out[i] = l.name
	}
	return out
}

func groupNames(leaves []*inLeaf, names []string, depth int) []*group {
	count := map[string]int{}
	if depth < maxGroupDepth {
		for _, n := range names {
			if head, rest, ok := strings.Cut(n, nameSeparator); ok && head != "" && rest != "" {
				count[head]++
			}
		}
	}
	var out []*group
	byHead := map[string]int{}
	members := map[string][]int{}
	for i, n := range names {
		head, _, _ := strings.Cut(n, nameSeparator)
		if count[head] < 2 {
			out = append(out, &group{title: n, leaf: leaves[i]})
			continue
		}
		if _, ok := byHead[head]; !ok {
			byHead[head] = len(out)
			out = append(out, &group{title: head})
		}
		members[head] = append(members[head], i)
	}
	for head, at := range byHead {
		var ls []*inLeaf
		var ns []string
		for _, i := range members[head] {
			_, rest, _ := strings.Cut(names[i], nameSeparator)
			ls, ns = append(ls, leaves[i]), append(ns, rest)
		}
		out[at].kids = groupNames(ls, ns, depth+1)
	}
	return out
}

func hasGroups(gs []*group) bool {
	for _, g := range gs {
		if g.leaf == nil {
			return true
		}
	}
	return false
}

// weightOf is a group's weight: its own, or the sum of its children's.
func weightOf(g *group) decimal.Decimal {
	if g.leaf != nil {
		return g.leaf.weight
	}
	sum := decimal.Zero
	for _, k := range g.kids {
		sum = sum.Add(weightOf(k))
	}
	return sum
}

func allPrice(g *group) bool {
	if g.leaf != nil {
		return g.leaf.price
	}
	for _, k := range g.kids {
		if !allPrice(k) {
			return false
		}
	}
	return true
}

// build makes the criterion of a group, with a placeholder rule for a
// leaf: OCDS carries neither price methods nor marking scales.
func build(g *group, parentID string, ppqp bool, ids map[string]bool) score.Criterion {
	c := score.Criterion{Title: g.title, Weight: weightOf(g), ID: uniqueID(parentID, g.title, ids)}
	if isSocialValue(g.title) && !allPrice(g) {
		c.Category = score.SocialValue
	}
	if g.leaf == nil {
		if allPrice(g) {
			c.Category = score.Price
		}
		for _, k := range g.kids {
			c.Children = append(c.Children, build(k, c.ID, ppqp, ids))
		}
		return c
	}
	l := g.leaf
	c.Description = l.desc
	if l.order > 0 && !l.hasWeight {
		c.Description = strings.TrimSpace(c.Description + fmt.Sprintf(" (order of importance in the notice: %d)", l.order))
	}
	switch {
	case l.price && ppqp && parentID == "":
		c.Price = &criteria.PriceRule{Method: criteria.PerQualityPoint}
		c.Weight = decimal.Zero
	case l.price:
		c.Price = &criteria.PriceRule{Method: Placeholder}
	default:
		c.Quality = &criteria.QualityRule{Scale: criteria.Scale{Name: Placeholder}, Moderation: Placeholder}
	}
	return c
}

// uniqueID makes a criterion id from its title, unique within the lot.
func uniqueID(parentID, title string, ids map[string]bool) string {
	base := slug.Words(title, 40)
	if base == "" {
		base = "criterion"
	}
	if parentID != "" {
		base = parentID + "-" + base
	}
	id := base
	for i := 2; ids[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	ids[id] = true
	return id
}

// criterionGaps lists the fields of a criterion to complete, in the order
// of the file: its weight when the notice gives none, then its rule.
func (im *importer) criterionGaps(c score.Criterion, g *group, path string, socialValue bool) {
	socialValue = socialValue || c.Category == score.SocialValue
	if g.leaf == nil {
		for k := range c.Children {
			im.criterionGaps(c.Children[k], g.kids[k], fmt.Sprintf("%s.children[%d]", path, k), socialValue)
		}
		return
	}
	l := g.leaf
	switch {
	case c.Price != nil && c.Price.Method == criteria.PerQualityPoint:
	case !l.hasWeight && l.order > 0:
		im.gap(path+".weight", "the weight of %q: the notice gives only its order of importance (%d)", c.Title, l.order)
	case !l.hasWeight:
		im.gap(path+".weight", "the weight of %q: the notice gives none", c.Title)
	case l.weight.Sign() <= 0:
		im.gap(path+".weight", "the weight of %q: the notice gives %s; remove the criterion if it is not scored", c.Title, l.weight.String())
	}
	switch {
	case c.Price != nil && c.Price.Method == Placeholder:
		im.gap(path+".price.method", "how %q is scored (relative, linear, band or deduction): OCDS does not carry price methods", c.Title)
	case c.Quality != nil:
		sv := ""
		if socialValue {
			sv = "; or, for commitments scored by value or count, replace the quality rule with a socialValue or livingWage rule"
		}
		im.gap(path+".quality.scale", "the marking scale of %q, its marks and descriptors: OCDS does not carry marking scales%s", c.Title, sv)
		im.gap(path+".quality.moderation", "how evaluators' marks for %q are resolved (consensus or mean): OCDS does not carry it", c.Title)
	}
}

// thresholdsGap writes the lot's thresholds as a placeholder: OCDS does
// not say whether a lot has a minimum quality score.
func (im *importer) thresholdsGap(p *score.Policy, path string, leaves []*inLeaf) {
	p.Thresholds = score.Thresholds{QualityCriteria: []string{Placeholder}}
	var published []string
	for _, l := range leaves {
		for _, m := range l.minimums {
			published = append(published, fmt.Sprintf("%q %s", abbreviate(l.name), m))
		}
	}
	said := "the notice publishes none"
	if len(published) > 0 {
		said = "the notice publishes " + strings.Join(published, ", ") + " (in units it does not state)"
	}
	im.gap(path+".policy.thresholds", "minimum scores: set minQualityPercent and the criteria it counts (and any question's minMark or criterion's minPercent), or delete thresholds if the lot has none; OCDS cannot say, and %s", said)
}
