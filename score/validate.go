package score

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/go-playground/validator/v10"
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// Validate checks the tender and the bids together and reports every
// problem at once as a [*ValidationError]; nil when all is well.
func (t Tender) Validate(bids []Bid) error {
	v := newValidation()
	if v.numbers("", reflect.ValueOf(t)) { // validate_numbers.go
		return v.err()
	}
	v.tender(t)
	v.bidsOf(t, bids, "")
	v.lotRules(t, bids)         // validate_lotrules.go
	v.evaluationRecord(t, bids) // evaluation_record.go
	return v.err()
}

// Validate checks one policy on its own, with field paths relative to it.
func (p Policy) Validate() error {
	v := newValidation()
	if v.numbers("", reflect.ValueOf(p)) {
		return v.err()
	}
	v.policy("", p)
	return v.err()
}

type validation struct {
	ps []Problem
	// omitted counts the problems past criteria.MaxProblems: they are
	// counted, not kept, so that validating a hostile input costs memory
	// for a hundred problems, not for millions.
	omitted int
	struct_ *validator.Validate
	types   numberTypes // validate_numbers.go
}

func newValidation() *validation {
	sv := validator.New(validator.WithRequiredStructEnabled())
	sv.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		if name == "" {
			return f.Name
		}
		return name
	})
	return &validation{struct_: sv}
}

func (v *validation) err() error {
	if len(v.ps) == 0 {
		return nil
	}
	ps := v.ps
	if v.omitted > 0 {
		ps = append(ps, criteria.TooMany(v.omitted))
	}
	return &ValidationError{Problems: ps}
}

// full reports whether the list holds criteria.MaxProblems already: a
// further problem is only counted.
func (v *validation) full() bool { return len(v.ps) >= criteria.MaxProblems }

// push records one problem, or counts it once the list is full.
func (v *validation) push(p Problem) {
	if v.full() {
		v.omitted++
		return
	}
	v.ps = append(v.ps, p)
}

func (v *validation) add(field, value, rule, format string, args ...any) {
	if v.full() {
		v.omitted++ // no message is formatted for a problem not shown
		return
	}
	v.ps = append(v.ps, Problem{Field: field, Value: value, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

func (v *validation) addAll(prefix string, ps []criteria.Problem) {
	for _, p := range ps {
		v.push(p.Prefixed(prefix))
	}
}

// number records a problem with a decimal's size, if any, and reports
// whether the decimal is within the limits, so that nothing is computed
// from one that is not.
func (v *validation) number(field string, d decimal.Decimal) bool {
	if p := criteria.CheckNumber(field, d); p != nil {
		v.push(*p)
		return false
	}
	return true
}

func join(prefix, field string) string {
	if prefix == "" {
		return field
	}
	return prefix + "." + field
}

// structTags runs the declarative checks in the model's `validate` tags and
// turns validator's errors into Problems in our words: its own messages
// never reach a user.
func (v *validation) structTags(prefix string, s any) {
	err := v.struct_.Struct(s)
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) {
		if err != nil {
			v.add(prefix, "", "invalid", "cannot be checked: %v", err)
		}
		return
	}
	for _, fe := range ves {
		ns := fe.Namespace()
		if _, rest, ok := strings.Cut(ns, "."); ok {
			ns = rest
		}
		field := ns
		if prefix != "" {
			field = prefix + "." + ns
		}
		v.push(Problem{Field: field, Value: valueText(fe.Value()), Rule: tagRule(fe), Message: tagMessage(fe)})
	}
}

func valueText(x any) string {
	switch x := x.(type) {
	case nil:
		return ""
	case string:
		return x
	case fmt.Stringer:
		return x.String()
	}
	rv := reflect.ValueOf(x)
	if rv.Kind() == reflect.Slice {
		return fmt.Sprintf("%d items", rv.Len())
	}
	return fmt.Sprint(x)
}

// tagRule names the rule a validator tag stands for in the words every
// other check uses ("one-of", not validator's "oneof").
func tagRule(fe validator.FieldError) string {
	switch fe.Tag() {
	case "oneof":
		return "one-of"
	case "min":
		if fe.Kind() == reflect.Slice {
			return "at-least-" + fe.Param()
		}
		return "range"
	case "gte", "lte", "max":
		return "range"
	}
	return fe.Tag()
}

func tagMessage(fe validator.FieldError) string {
	switch fe.Tag() {
	case "required":
		return "is required"
	case "oneof":
		return "must be one of: " + strings.Join(strings.Fields(fe.Param()), ", ")
	case "min":
		if fe.Kind() == reflect.Slice {
			return fmt.Sprintf("needs at least %s", fe.Param())
		}
		return fmt.Sprintf("must be at least %s", fe.Param())
	case "gte":
		return fmt.Sprintf("must be at least %s", fe.Param())
	case "lte":
		return fmt.Sprintf("must be at most %s", fe.Param())
	}
	return fmt.Sprintf("breaks the rule %q", fe.Tag())
}

func (v *validation) tender(t Tender) {
	v.structTags("", t)
	v.unstatedFields(t) // unstated.go
	seen := map[string]int{}
	for i, l := range t.Lots {
		path := fmt.Sprintf("lots[%d]", i)
		v.ident(path+".id", l.ID)
		if l.ID != "" {
			if j, dup := seen[l.ID]; dup {
				v.add(path+".id", l.ID, "unique", "lot id already used by lots[%d]", j)
			} else {
				seen[l.ID] = i
			}
		}
		v.policy(path+".policy", l.Policy)
		v.livingWage(t, path+".policy", l.Policy)
	}
	if t.LivingWageRates != nil {
		v.addAll("livingWageRates", t.LivingWageRates.Validate())
	}
}

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

// livingWage checks what a lot's living wage rules need from the tender:
// a rate in force on the day the procurement commenced, and a price for
// social value read as a share of it.
func (v *validation) livingWage(t Tender, path string, p Policy) {
	if t.Commenced.IsZero() {
		return // reported already
	}
	rates := t.Rates()
	for i, g := range p.LivingWageGates {
		if len(g.Validate()) > 0 {
			continue
		}
		if _, err := g.Rate(rates, t.Commenced); err != nil {
			v.add(fmt.Sprintf("%s.livingWageGates[%d]", path, i), string(g.Region), "rate-in-force", "no living wage rate applies on %s: %v", t.Commenced, err)
		}
	}
	tr := buildTree(&p)
	for _, n := range tr.leaves {
		if lw := n.c.LivingWage; lw != nil && lw.Method == criteria.ScoreHourlyRate && len(lw.Validate()) == 0 {
			if _, err := rates.ForRegion(lw.Region, t.Commenced, lw.Rule); err != nil {
				v.add(path+"."+n.path+".livingWage", string(lw.Region), "rate-in-force", "no living wage rate applies on %s: %v", t.Commenced, err)
			}
		}
		if sv := n.c.SocialValue; sv != nil && sv.NeedsBidPrice() && len(tr.priceLeaves()) == 0 {
			v.add(path+"."+n.path+".socialValue.per", string(sv.Per), "needs-price", "social value as a share of the bid price needs a price criterion in the policy")
		}
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

// bidsOf checks the bids; with a lot id, only the bids for that lot (bids
// naming a lot the tender does not have are reported either way).
func (v *validation) bidsOf(t Tender, bids []Bid, only string) {
	lots := map[string]Lot{}
	trees := map[string]*tree{}
	broken := map[string]map[string]bool{}
	count := map[string]int{}
	for _, l := range t.Lots {
		if _, dup := lots[l.ID]; !dup && l.ID != "" {
			lots[l.ID] = l
			lp := l.Policy
			trees[l.ID] = buildTree(&lp)
			broken[l.ID] = brokenRules(trees[l.ID])
		}
	}
	// The maps are sized for the bids that have what they hold: a field of
	// empty bids (a hostile file) makes none of them large.
	named, supplied := 0, 0
	for i := range bids {
		named += min(len(bids[i].ID), 1)
		supplied += min(len(bids[i].Supplier.ID), 1)
	}
	ids := make(map[string]int, named)
	suppliers := make(map[string]string, supplied)      // supplier id → name
	supplierLot := make(map[[2]string]string, supplied) // (supplier, lot) → bid id
	spelled := map[string]string{}                      // identity key → the supplier id first met
	// The checks across bids run in order; each bid's own checks (its
	// struct tags, its responses against its lot's policy) then run in
	// parallel, and every bid's problems are reported in the order they
	// always were: its tags, the checks across bids, its own. A bid's record
	// here is small — a field of a million bids is validated in memory for
	// the bids, not several times over — and problems past the cap are only
	// counted.
	type bidChecks struct {
		ps      []Problem // its tags' problems, then its own
		split   int32     // where in ps the problems across bids go
		omitted int32     // problems counted, not kept
		check   bool      // checked against its lot's policy
	}
	checks := make([]bidChecks, len(bids))
	across := map[int][]Problem{} // by bid: problems across bids, for the bids with any
	acrossKept := 0               // past the cap, problems across bids are counted
	for i, b := range bids {
		path := "bids[" + strconv.Itoa(i) + "]"
		av := &validation{struct_: v.struct_} // this bid's problems across bids
		av.ident(path+".id", b.ID)
		av.ident(path+".supplier.id", b.Supplier.ID)
		av.sameSupplier(path+".supplier.id", b.Supplier.ID, spelled)
		if b.ID != "" {
			if j, dup := ids[b.ID]; dup {
				av.add(path+".id", b.ID, "unique", "bid id already used by bids[%d]", j)
			} else {
				ids[b.ID] = i
			}
		}
		if b.Supplier.ID != "" {
			if name, ok := suppliers[b.Supplier.ID]; ok && name != b.Supplier.Name {
				av.add(path+".supplier.name", b.Supplier.Name, "same-supplier", "supplier %s is already named %q", b.Supplier.ID, name)
			} else if !ok {
				suppliers[b.Supplier.ID] = b.Supplier.Name
			}
			key := [2]string{b.Supplier.ID, b.Lot}
			if other, dup := supplierLot[key]; dup {
				av.add(path+".supplier.id", b.Supplier.ID, "one-bid-per-lot", "supplier already bid for lot %s in bid %s", b.Lot, other)
			} else {
				supplierLot[key] = b.ID
			}
		}
		_, ok := lots[b.Lot]
		if !ok && b.Lot != "" {
			av.push(Problem{Field: path + ".lot", Value: b.Lot, Rule: "known-lot", Message: "the tender has no lot with this id"})
		}
		switch {
		case len(av.ps) == 0:
		case acrossKept < criteria.MaxProblems:
			across[i] = av.ps
			acrossKept += len(av.ps)
		default:
			checks[i].omitted += int32(len(av.ps))
		}
		checks[i].omitted += int32(av.omitted)
		if !ok || (only != "" && b.Lot != only) {
			continue
		}
		count[b.Lot]++
		checks[i].check = true
	}
	// Each chunk keeps its bids' problems only while it has fewer than
	// criteria.MaxProblems, and counts the rest: the problems listed are
	// still the first in bid order.
	chunks(len(bids), func(lo, hi int) {
		kept := 0
		for i := lo; i < hi; i++ {
			c, b := &checks[i], bids[i]
			path := "bids[" + strconv.Itoa(i) + "]"
			bv := &validation{struct_: v.struct_}
			bv.bidTags(path, b) // the tags of Bid, without reflection per bid (validate_bidtags.go)
			tags := len(bv.ps)
			if c.check {
				bv.bid(path, b, lots[b.Lot].Policy, trees[b.Lot], broken[b.Lot])
			}
			c.omitted += int32(bv.omitted)
			if kept >= criteria.MaxProblems {
				c.omitted += int32(len(bv.ps))
				continue
			}
			c.ps, c.split = bv.ps, int32(tags)
			kept += len(bv.ps) + len(across[i]) // across is only read here
		}
	})
	for i, c := range checks {
		for _, ps := range [][]Problem{c.ps[:c.split], across[i], c.ps[c.split:]} {
			for _, p := range ps {
				v.push(p)
			}
		}
		v.omitted += int(c.omitted)
	}
	for i, l := range t.Lots {
		if l.ID != "" && count[l.ID] == 0 && (only == "" || l.ID == only) {
			v.add(fmt.Sprintf("lots[%d]", i), l.ID, "no-bids", "lot %s has no bids to evaluate", l.ID)
		}
	}
}

// brokenRules lists the leaves whose own rule has problems (reported once,
// at the tender): a response is not checked against a broken rule, so that
// one unknown moderation method is one problem, not one more for every bid.
func brokenRules(t *tree) map[string]bool {
	out := map[string]bool{}
	for _, n := range t.leaves {
		c := n.c
		switch {
		case c.Price != nil && len(c.Price.Validate()) > 0,
			c.Quality != nil && len(c.Quality.Validate()) > 0,
			c.SocialValue != nil && len(c.SocialValue.Validate()) > 0:
			out[c.ID] = true
		}
	}
	return out
}

// bid checks one bid against its lot's policy: a response for every leaf,
// none for anything else, and each response valid for its rule (unless the
// rule itself is broken).
func (v *validation) bid(path string, b Bid, p Policy, t *tree, broken map[string]bool) {
	if b.Disregard != nil {
		// A disregarded tender is not assessed: its responses may be
		// incomplete (a late or non-compliant tender), and are not read.
		v.checkDisregard(path+".disregard", *b.Disregard)
		return
	}
	v.bidFeatures(path, b, p) // validate_features.go
	price, priced := bidPrice(b, t)
	needsLW := len(p.LivingWageGates) > 0
	for _, n := range t.leaves {
		needsLW = needsLW || n.c.LivingWage != nil
	}
	if needsLW && b.LivingWage == nil {
		v.add(path+".livingWage", "", "required", "the lot's policy has a living wage gate or criterion: record the bid's living wage commitment")
	} else if b.LivingWage != nil {
		v.addAll(path+".livingWage", criteria.LivingWageGate{}.Check(*b.LivingWage))
	}
	answered := 0 // responses to leaves: when every response is one, none is unknown
	for _, n := range t.leaves {
		// The path is built only for a problem: most bids have none.
		rp := func() string { return path + ".responses[" + n.c.ID + "]" }
		if n.c.LivingWage != nil {
			if _, ok := b.Responses[n.c.ID]; ok {
				answered++
				v.add(rp(), n.c.ID, "living-wage", "criterion %s is scored on the bid's living wage commitment (livingWage), not a response", n.c.ID)
			}
			continue
		}
		r, ok := b.Responses[n.c.ID]
		if !ok {
			v.add(rp(), "", "required", "no response to criterion %s (%s)", n.c.ID, n.c.Title)
			continue
		}
		answered++
		if broken[n.c.ID] {
			continue
		}
		switch {
		case n.c.Price != nil:
			if len(r.Marks.Evaluators) > 0 || r.Marks.Consensus != nil {
				v.add(rp()+".marks", "", "price-criterion", "criterion %s is scored on price, not marks", n.c.ID)
			}
			if _, ps := n.c.Price.Quote(r.Price); len(ps) > 0 {
				v.addAll(rp()+".price", ps)
			}
		case n.c.Quality != nil:
			if !r.Price.IsZero() {
				v.add(rp()+".price", "", "quality-criterion", "criterion %s is scored on marks, not price", n.c.ID)
			}
			if ps := n.c.Quality.Check(r.Marks); len(ps) > 0 {
				v.addAll(rp()+".marks", ps)
			}
		case n.c.SocialValue != nil:
			sv := r.SocialValue
			sv.BidPrice = nil
			if priced {
				sv.BidPrice = &price
			}
			if ps := n.c.SocialValue.Check(sv); len(ps) > 0 {
				v.addAll(rp()+".socialValue", ps)
			}
		}
	}
	if answered < len(b.Responses) {
		for _, k := range sortedKeys(b.Responses) {
			if n, ok := t.byID[k]; ok && n.leaf() {
				continue
			}
			if _, branch := t.byID[k]; branch {
				v.add(fmt.Sprintf("%s.responses[%s]", path, k), k, "leaf-only", "criterion %s has sub-criteria: respond to those instead", k)
			} else {
				v.add(fmt.Sprintf("%s.responses[%s]", path, k), k, "known-criterion", "the lot's policy has no criterion with this id")
			}
		}
	}
	for _, g := range p.Gates {
		r, ok := b.Gates[g.ID]
		if !ok {
			v.add(fmt.Sprintf("%s.gates[%s]", path, g.ID), "", "required", "no recorded decision for gate %s (%s)", g.ID, g.Title)
			continue
		}
		if ps := g.Check(r); len(ps) > 0 {
			v.addAll(fmt.Sprintf("%s.gates[%s]", path, g.ID), ps)
		}
	}
	gate := func(k string) bool {
		return slices.ContainsFunc(p.Gates, func(g criteria.Gate) bool { return g.ID == k })
	}
	if len(p.Gates) > 16 { // keep the time proportional to the input
		ids := make(map[string]bool, len(p.Gates))
		for _, g := range p.Gates {
			ids[g.ID] = true
		}
		gate = func(k string) bool { return ids[k] }
	}
	if !allKnown(b.Gates, gate) {
		for _, k := range sortedKeys(b.Gates) {
			if !gate(k) {
				v.add(fmt.Sprintf("%s.gates[%s]", path, k), k, "known-gate", "the lot's policy has no gate with this id")
			}
		}
	}
	steps := map[string]bool{}
	for _, tb := range p.TieBreaks {
		if tb.Kind == Recorded {
			steps[tb.Name] = true
		}
	}
	for _, k := range sortedKeys(b.TieBreakScores) {
		sp := fmt.Sprintf("%s.tieBreakScores[%s]", path, k)
		if !steps[k] {
			v.add(sp, k, "known-step", "the lot's policy has no recorded tie-break step with this name")
			continue
		}
		v.number(sp+".score", b.TieBreakScores[k].Score)
	}
}

// allKnown reports whether known holds for every key of m; only when it
// does not are the keys sorted, to report the unknown ones in order.
func allKnown[V any](m map[string]V, known func(string) bool) bool {
	for k := range m {
		if !known(k) {
			return false
		}
	}
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// bidPrice is the bid's price for social value read as a share of it: the
// sum of its quotes on every price criterion. ok is false when the policy
// has no price criterion or a quote is not valid (reported elsewhere).
func bidPrice(b Bid, t *tree) (decimal.Decimal, bool) {
	prices := t.priceLeaves()
	if len(prices) == 0 {
		return decimal.Decimal{}, false
	}
	sum := decimal.Zero
	for _, n := range prices {
		q, ps := n.c.Price.Quote(b.Responses[n.c.ID].Price)
		if len(ps) > 0 {
			return decimal.Decimal{}, false
		}
		sum = sum.Add(q.Price)
	}
	return sum, true
}
