package score

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// Where a bid's points step as its price moves. A price to win is the
// highest price at which the bid still wins; near it the totals as shown
// move in steps of the declared rounding, and a search that halves the
// prices between a win and a loss tries a dozen prices to find a step its
// margins cannot place. But every step is where one rounded figure of the
// bid's, or of a rival's, changes level, and each such figure is a leaf's
// points: its normalised score, a formula in the price, carried through
// the leaf's rounding. Each level solved back to the score that shows it
// ([exact.Rounding.AtLeast], as [Trials.LeastScore] does) and the formula
// solved for the price ([criteria.PriceRule.PriceAt], LowestAt,
// [criteria.OfferCurve]) gives the price of each step exactly.
//
// A price moves these leaves: the bid's own price points while its price
// is above the others' lowest (under the band method, always), and below
// it every rival's, whose lowest price it now is; and on a social value
// criterion scored relative to the best offer, with the offer read as a
// share of the bid price, the bid's own value while another offer is the
// best, and once its own is the best every rival's. The two prices where
// the bid's price becomes the lowest and its offer the best divide the
// prices asked about into spans, each read by its own formulas; they meet
// at the dividing prices, where both give the same points.

// PriceSteps returns the prices at which the total as shown of a bid, or
// of one of its rivals, could change as the bid's price on a price
// criterion moves from lo to hi and nothing else does, lowest first: each
// a bound at and below which (below which, when Open) one of their
// figures shows one level, and above which the next, or where the bid's
// price passes a rival's (a lower-price tie-break); only those with a
// price from lo to hi on each side. Between two of them every
// total the bids are ranked on stands still, so the highest price at which
// the bid wins is one of them, or lo, or hi. The steps are only where a
// search looks: a threshold the bid's points cross, or a bid not named in
// rivals overtaking it, is not among them, and every answer is confirmed
// by re-scoring. They are read from the field as evaluated: once another
// bid crosses a minimum score (a bid below one lifted over it as the
// bid's offer rises to the best, say), the figures it moves or shows are
// not followed.
//
// Of more than most steps only the most nearest hi are returned: a search
// that has a loss at hi and a win far below looks first just under hi.
//
// false when the steps cannot be read so: the bid is not ranked, the
// criterion is not the lot's one price criterion, scored within budget at
// hi by the relative, linear (the bid's price no higher than the others'
// highest), deduction or band method, the price is divided rather than
// points added, a leaf the price moves is not rounded (each penny would be a
// step), an offer is read from the price otherwise than as a share of it,
// or most is not above zero.
func (t *Trials) PriceSteps(bidID, criterion string, rivals []string, lo, hi decimal.Decimal, most int) ([]exact.Bound, bool) {
	sp, ok := t.stepper(bidID, criterion, rivals, most)
	if !ok || most <= 0 || lo.Sign() <= 0 || lo.Cmp(hi) >= 0 || sp.n.c.Price.IsOverBudget(hi) {
		return nil, false
	}
	a, b := exact.Whole(lo), exact.Whole(hi)
	cuts := []exact.Fraction{a}
	if sp.hasLow && sp.low.Cmp(a) > 0 && sp.low.Cmp(b) < 0 {
		cuts = append(cuts, sp.low)
	}
	for _, v := range sp.svs {
		if v.bestTo.Cmp(a) > 0 && v.bestTo.Cmp(b) < 0 {
			cuts = append(cuts, v.bestTo)
		}
	}
	slices.SortFunc(cuts, exact.Fraction.Cmp)
	cuts = append(cuts, b)
	for i := len(cuts) - 1; i > 0 && len(sp.out) < most; i-- { // the spans nearest hi first
		if !sp.span(cuts[i-1], cuts[i]) {
			return nil, false
		}
		slices.SortFunc(sp.out, boundCmp) // two leaves may step at one price: counted once
		sp.out = slices.CompactFunc(sp.out, func(x, y exact.Bound) bool { return boundCmp(x, y) == 0 })
	}
	for _, r := range sp.rivals {
		if r.fcells[sp.n.field].state != cellScored {
			continue // not priced in the field
		}
		if p := r.prep.quotes[sp.n.price].Exact(); p.Cmp(a) > 0 && p.Cmp(b) < 0 {
			sp.out = append(sp.out, exact.Bound{Value: p, Open: true}) // below it the bid's price is the lower
		}
	}
	sp.out = slices.DeleteFunc(sp.out, func(s exact.Bound) bool { // only the changes between lo and hi
		return s.Value.Cmp(a) < 0 || (s.Value.Equal(a) && s.Open) || s.Value.Cmp(b) > 0 || (s.Value.Equal(b) && !s.Open)
	})
	slices.SortFunc(sp.out, boundCmp)
	out := slices.CompactFunc(sp.out, func(x, y exact.Bound) bool { return boundCmp(x, y) == 0 })
	return out[max(0, len(out)-most):], true
}

// boundCmp orders bounds on a price: a bound below a price (Open) comes
// before the bound at it.
func boundCmp(x, y exact.Bound) int {
	if c := x.Value.Cmp(y.Value); c != 0 {
		return c
	}
	switch {
	case x.Open == y.Open:
		return 0
	case x.Open:
		return -1
	}
	return 1
}

// stepper is what PriceSteps reads of the lot once: the bid, its price
// leaf and the field's lowest and highest other prices (when there are), the social
// value leaves its price moves, and the rivals; out gathers the steps,
// up to most of each leaf's nearest the top of each span.
type stepper struct {
	k      *lotKernel
	self   *bidKernel
	n      *node
	low    exact.Fraction // the others' lowest and highest prices
	high   exact.Fraction
	hasLow bool
	svs    []svSteps
	rivals []*bidKernel
	out    []exact.Bound
	most   int
}

// svSteps is one social value leaf whose offer is a share of the bid's
// price: the bid's curve, the best of the other offers, and the price at
// and below which the bid's own offer is the best (zero when it never is).
type svSteps struct {
	n      *node
	curve  criteria.OfferCurve
	others exact.Fraction
	bestTo exact.Fraction
}

// stepper reads the lot for PriceSteps; false as PriceSteps says.
func (t *Trials) stepper(bidID, criterion string, rivals []string, most int) (*stepper, bool) {
	k := t.k
	i, known := t.index[bidID]
	n, isLeaf := k.tree.byID[criterion]
	if !known || !isLeaf || n.c.Price == nil || !slices.Contains(stepMethods, n.c.Price.Method) || len(k.prices) != 1 ||
		k.pol.unweightedPrice() || !k.leafRounded(n) {
		return nil, false
	}
	self := &k.bids[i]
	if self.out() || self.fcells[n.field].state != cellScored {
		return nil, false
	}
	sp := &stepper{k: k, self: self, n: n, most: most, out: make([]exact.Bound, 0, min(most, stepsSized)+len(rivals))}
	sp.low, sp.high, sp.hasLow = t.othersSpread(n, i)
	for _, name := range rivals {
		if j, ok := t.index[name]; ok && j != i && !k.bids[j].out() {
			sp.rivals = append(sp.rivals, &k.bids[j])
		}
	}
	for _, m := range k.fieldLfs {
		rule := m.c.SocialValue
		if rule == nil || !rule.NeedsBidPrice() || self.fcells[m.field].state != cellScored {
			continue
		}
		if c, ok := self.fcells[m.field].a.OfferCurve(); ok && c.Still {
			continue // an offer the same at every price: it moves no figure, the bid's or another's
		}
		v, ok := t.svSteps(m, self)
		if !ok {
			return nil, false
		}
		sp.svs = append(sp.svs, v)
	}
	return sp, true
}

// stepsSized is the most steps PriceSteps makes room for at once: a span
// seldom gives more, and a count asked for far beyond it is not allocated
// up front.
const stepsSized = 64

// stepMethods are the price methods PriceSteps reads: each solved for the
// bid's own price (PriceAt) and for the lowest price as it bears on
// another (LowestAt), or, for the band, reading no field at all.
var stepMethods = []criteria.PriceMethod{criteria.Relative, criteria.Linear, criteria.Deduction, criteria.Band}

// othersSpread is the field's lowest and highest price within budget on
// price leaf n without bid i's; false when no other bid is in the field.
func (t *Trials) othersSpread(n *node, i int) (lo, hi exact.Fraction, ok bool) {
	st := t.spreads[n.price]
	s := &t.k.bids[i]
	if s.fcells[n.field].state == cellScored && !n.c.Price.IsOverBudget(s.prep.quotes[n.price].Price) {
		lo, hi, left := st.without(s.prep.quotes[n.price].Exact())
		return lo, hi, left > 0
	}
	return st.lo, st.hi, st.n > 0
}

// svSteps reads social value leaf m for the bid's steps: it must score
// relative to the best offer, with the bid's offer a share of its price.
func (t *Trials) svSteps(m *node, self *bidKernel) (svSteps, bool) {
	c := self.fcells[m.field]
	curve, ok := c.a.OfferCurve()
	st := t.svStatOf(m)
	if !ok || !curve.ByPrice || !t.k.leafRounded(m) || st.holders < 0 {
		return svSteps{}, false
	}
	v := svSteps{n: m, curve: curve, others: st.without(curve.Offer), bestTo: exact.Zero}
	switch {
	case v.others.Sign() <= 0:
		return svSteps{}, false // the bid's offer is the only one: nothing is relative
	case curve.Cap != nil && v.others.Cmp(*curve.Cap) > 0: // never the best
	default:
		b, ok := curve.PriceFor(exact.Bound{Value: v.others})
		if !ok {
			return svSteps{}, false // the best at every price
		}
		v.bestTo = b.Value
	}
	return v, true
}

// leafRounded reports whether a leaf's points are rounded where the policy
// declares: at the leaf, at its normalised score, or at the top level for
// a top-level leaf.
func (k *lotKernel) leafRounded(n *node) bool {
	return k.stage[0] != nil || k.stage[1] != nil || (n.depth == 0 && k.stage[2] != nil)
}

// span adds the steps over a–b, a span on one side of each dividing
// price: the bid's price above the others' lowest or not, its offer the
// best or not. false for a span above the others' highest price under
// the linear method, which moves every other bid's points as the bid's
// price does, by a formula not solved for here.
func (sp *stepper) span(a, b exact.Fraction) bool {
	rule := sp.n.c.Price
	band := rule.Method == criteria.Band // reads no field: only the bid's own points move
	below := !band && sp.hasLow && b.Cmp(sp.low) <= 0
	if rule.Method == criteria.Linear && sp.hasLow && b.Cmp(sp.high) > 0 {
		return false
	}
	switch {
	case !below && (sp.hasLow || band): // the bid's own price points fall as its price rises
		if !sp.steps(sp.n, a, b, false, func(p exact.Fraction) exact.Fraction { return rule.ScoreIn(p, sp.low.Min(p), sp.high.Max(p)) },
			func(x exact.Bound) (exact.Bound, bool) {
				p, ok := rule.PriceAt(x.Value, sp.low, sp.high)
				return exact.Bound{Value: p, Open: x.Open}, ok
			}) {
			return false
		}
	case below: // every rival's rise with it: the bid's is the lowest price
		for _, r := range sp.rivals {
			if r.fcells[sp.n.field].state != cellScored || rule.IsOverBudget(r.prep.quotes[sp.n.price].Price) {
				continue
			}
			q := r.prep.quotes[sp.n.price].Exact()
			if !sp.steps(sp.n, a, b, true, func(p exact.Fraction) exact.Fraction { return rule.ScoreIn(q, p, sp.high) },
				func(x exact.Bound) (exact.Bound, bool) {
					p, ok := rule.LowestAt(x.Value, q, sp.high)
					return exact.Bound{Value: p, Open: x.Open}, ok
				}) {
				return false
			}
		}
	}
	for _, v := range sp.svs {
		if !sp.offerSteps(v, a, b) {
			return false
		}
	}
	return true
}

// offerSteps adds the steps of one social value leaf over a–b: the bid's
// own value while another offer is the best, its rivals' once its own is.
func (sp *stepper) offerSteps(v svSteps, a, b exact.Fraction) bool {
	c := v.curve
	if b.Cmp(v.bestTo) > 0 { // another offer is the best: the bid's value falls as its price rises
		return sp.steps(v.n, a, b, false, func(p exact.Fraction) exact.Fraction { return c.Value(c.OfferAt(p), v.others) },
			func(x exact.Bound) (exact.Bound, bool) {
				y, ok := c.OfferFor(x, v.others)
				if !ok {
					return exact.Bound{}, false
				}
				return c.PriceFor(y)
			})
	}
	for _, r := range sp.rivals { // the bid's offer is the best: each rival's value rises as the bid's price does
		if r.fcells[v.n.field].state != cellScored {
			continue // not in the field: it has no value there
		}
		rc, ok := r.fcells[v.n.field].a.OfferCurve()
		if !ok {
			return false
		}
		if !sp.steps(v.n, a, b, true, func(p exact.Fraction) exact.Fraction { return rc.Value(rc.Offer, c.OfferAt(p)) },
			func(x exact.Bound) (exact.Bound, bool) {
				q, ok := rc.BestFor(x)
				if !ok {
					return exact.Bound{}, false
				}
				p, ok := c.PriceFor(exact.Bound{Value: q.Value, Open: !q.Open}) // the bid's offer at most q (below it)
				return exact.Bound{Value: p.Value, Open: q.Open}, ok
			}) {
			return false
		}
	}
	return true
}

// steps adds the steps of one leaf's points over a–b: its normalised
// score is score(p), falling as the price p rises (rising, when rises),
// and price(x) solves the score's bound x for the price: at and below it
// (below it, when Open) the score meets x — or, when rises, at and above
// it (above it). Each step is the last price at the lower level, for a
// rising score, or at the higher, for a falling one.
func (sp *stepper) steps(n *node, a, b exact.Fraction, rises bool, score func(exact.Fraction) exact.Fraction,
	price func(exact.Bound) (exact.Bound, bool)) bool {
	least, most := score(b), score(a)
	if rises {
		least, most = most, least
	}
	from := len(sp.out)
	var ok bool
	sp.out, ok = sp.k.levels(sp.out, n, least, most, sp.most, rises) // those nearest b first
	if !ok {
		return false
	}
	for i, x := range sp.out[from:] { // each level's bound on the score becomes the price's, in place
		p, ok := price(x)
		if !ok {
			return false
		}
		if rises {
			p.Open = !p.Open // below the price (at it) the score is short of x
		}
		sp.out[from+i] = p
	}
	return true
}

// levels appends to dst, for a leaf whose normalised score moves between
// least and most, the bound on the score at which each level its points
// show above those at least, up to those at most, is reached: the lowest
// first, or with down the highest, at most max of them; false when the
// leaf is not rounded. Where the normalised score is rounded the points are a
// function of the rounded score, so its levels are the ones read (a
// rounding of the points finer than it would give many levels at one
// score); otherwise the points' own.
func (k *lotKernel) levels(dst []exact.Bound, n *node, least, most exact.Fraction, max int, down bool) ([]exact.Bound, bool) {
	r := k.stage[0]
	var from, to exact.Fraction
	switch {
	case n.available.Sign() <= 0:
		return dst, false
	case r != nil:
		from, to = least.Rounded(*r), most.Rounded(*r)
	default:
		if r = k.stage[1]; r == nil && n.depth == 0 {
			r = k.stage[2]
		}
		if r == nil {
			return dst, false
		}
		shown := func(s exact.Fraction) exact.Fraction {
			return k.leafNum(n, cell{a: criteria.Assessment{Value: s}, state: cellScored}, n.available).points.Value
		}
		from, to = shown(least), shown(most)
	}
	unit := exact.Whole(decimal.New(1, -r.Places))
	v, step := from.Add(unit), unit
	if down {
		v, step = to, unit.Neg()
	}
	for added := 0; added < max && v.Cmp(from) > 0 && v.Cmp(to) <= 0; v, added = v.Add(step), added+1 {
		b := r.AtLeast(v, false)
		if k.stage[0] == nil { // a level of the points: of the score, divided by the marks
			b.Value, _ = b.Value.Quo(n.available)
		}
		dst = append(dst, b)
	}
	return dst, true
}
