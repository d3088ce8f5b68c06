package score

import (
	"slices"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/envelope"
)

// A price criterion's field as its lowest price falls: every other bid's
// total before rounding is then a line in one variable of the lowest price
// L — L itself under the relative method (its price points are marks × L ÷
// its price), 1 ÷ L under deduction (marks × (1 + rate − rate × price ÷
// L), or nothing once that is below 0), 1 ÷ (highest − L) under linear
// with the highest price standing — so the bids that could lead at any L
// are found from their envelope, as for a shift of weight.

// priceFamily holds those lines for one price leaf.
type priceFamily struct {
	n      *node
	method criteria.PriceMethod
	hi     exact.Fraction // the highest price within budget the linear lines are drawn with
	lines  *lineSet
	// inverse holds, under the relative method, each bid's lowest price L
	// at which its total before rounding would be τ, (τ − rest) × price ÷
	// marks, negated: a line in τ, so that the bid that holds L lowest for
	// a goal is the highest line there.
	inverse *lineSet
	// inverseOf is each bid's line in inverse, by position; hasInverse
	// says which bids have one.
	inverseOf  []envelope.Line
	hasInverse []bool
	// fixed are the ranked bids over a budget that scores zero: their
	// totals stand whatever L is; the two highest, by position.
	fixed [2]int
	// raw holds, under the relative method, every ranked bid's line in
	// standings order, for the rays (trial_ray.go); nil otherwise.
	raw []envelope.Line
}

// family returns the lines of price leaf j, built once.
func (t *Trials) family(j int) *priceFamily {
	if f := t.families[j].Load(); f != nil {
		return f
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if f := t.families[j].Load(); f != nil {
		return f
	}
	f := t.drawFamily(j)
	t.families[j].Store(f)
	return f
}

// drawFamily draws the lines of price leaf j.
func (t *Trials) drawFamily(j int) *priceFamily {
	k := t.k
	n := k.prices[j]
	rule := n.c.Price
	f := &priceFamily{n: n, method: rule.Method, hi: t.spreads[j].hi, fixed: [2]int{-1, -1}}
	a := n.available
	perMark := ratio(exact.One, a)
	rate := exact.Whole(rule.Rate)
	var lines, inverse []envelope.Line
	for _, s := range k.ranked {
		nums := t.evaluated(s.idx)
		rest := exact.Zero // every other leaf, before rounding
		for _, l := range k.tree.leaves {
			if l != n {
				rest = rest.Add(nums[l.index].unrounded)
			}
		}
		q := s.prep.quotes[j]
		if s.fcells[n.field].state != cellScored || rule.IsOverBudget(q.Price) {
			lines = append(lines, envelope.Line{C: rest.Add(nums[n.index].unrounded), ID: s.idx})
			f.fixed = top2Total(k, f.fixed, s.idx)
			continue
		}
		p := q.Exact()
		switch rule.Method {
		case criteria.Relative:
			lines = append(lines, envelope.Line{C: rest, G: ratio(a, p), ID: s.idx})
			inverse = append(inverse, envelope.Line{C: rest.Mul(p).Mul(perMark), G: p.Mul(perMark).Neg(), ID: s.idx})
			if f.inverseOf == nil {
				f.inverseOf, f.hasInverse = make([]envelope.Line, len(k.bids)), make([]bool, len(k.bids))
			}
			f.inverseOf[s.idx], f.hasInverse[s.idx] = inverse[len(inverse)-1], true
		case criteria.Deduction:
			lines = append(lines, envelope.Line{C: rest.Add(a.Mul(exact.One.Add(rate))), G: a.Mul(rate).Mul(p).Neg(), ID: s.idx},
				envelope.Line{C: rest, ID: s.idx}) // the score is never below 0
		case criteria.Linear:
			lines = append(lines, envelope.Line{C: rest, G: a.Mul(f.hi.Sub(p)), ID: s.idx})
		}
	}
	slack := t.slack()
	if r := k.stage[0]; r != nil { // the moving leaf's normalised score is rounded too
		slack = slack.Add(roundingReach(r).Mul(a))
	}
	if rule.Method == criteria.Relative {
		f.raw = slices.Clone(lines) // before the tree orders them
	}
	// The two sets are drawn at once: the goroutines an analysis spreads
	// its bids over wait for the family.
	each(2, func(i int) {
		if i == 0 {
			f.lines = t.priceLines(j, lines, slack)
		} else if rule.Method == criteria.Relative {
			f.inverse = inverseLines(inverse, f.raw, slack, a)
		}
	})
	return f
}

// priceLines draws the lines of price leaf j's family in the variable of
// its method, sifted for the lowest prices below the field's as evaluated.
func (t *Trials) priceLines(j int, lines []envelope.Line, slack exact.Fraction) *lineSet {
	rule := t.k.prices[j].c.Price
	switch lo := t.spreads[j].lo; { // the lines are asked about only as the lowest price falls from lo
	case rule.Method == criteria.Relative:
		return newLineSetOver(lines, slack, exact.Zero, lo)
	case rule.Method == criteria.Linear && lo.Cmp(t.spreads[j].hi) < 0:
		v0, _ := exact.One.Quo(t.spreads[j].hi)
		v1, _ := exact.One.Quo(t.spreads[j].hi.Sub(lo))
		return newLineSetOver(lines, slack, v0, v1)
	}
	return newLineSet(lines, slack)
}

// inverseLines draws the relative method's inverse lines (see priceFamily)
// sifted for the goals an analysis asks about: a bid's total with full
// marks on the price, rest + marks, give or take the slack, for the bids
// drawn in lines. holdingRivals reads them at goal + slack for the least
// lowest price, and reports at goal − slack those at least that: a line
// it reports is below the best there by no more than the best falls over
// twice the slack, which is at most twice the slack times the steepest
// line's slope — the margin they are sifted with. A goal elsewhere reads
// every line.
func inverseLines(inverse, lines []envelope.Line, slack, marks exact.Fraction) *lineSet {
	if len(inverse) < siftFrom || len(lines) == 0 {
		return newLineSet(inverse, slack)
	}
	lo, hi := lines[0].C, lines[0].C
	for _, l := range lines[1:] {
		lo, hi = lo.Min(l.C), hi.Max(l.C)
	}
	steep := exact.Zero
	for _, l := range inverse {
		steep = steep.Max(l.G.Neg())
	}
	reach := slack.Add(slack).Add(slack)
	margin := slack.Add(slack).Mul(steep)
	return newLineSetWithin(inverse, slack, margin, lo.Add(marks).Sub(reach), hi.Add(marks).Add(reach))
}

func ratio(num, den exact.Fraction) exact.Fraction {
	q, err := num.Quo(den)
	if err != nil {
		return exact.Zero
	}
	return q
}

// top2Total keeps the positions of the two best totals as evaluated.
func top2Total(k *lotKernel, top [2]int, i int) [2]int {
	v := func(j int) exact.Fraction { return k.bids[j].total.Points.Value }
	switch {
	case top[0] < 0 || k.better(v(i), v(top[0])) < 0:
		return [2]int{i, top[0]}
	case top[1] < 0 || k.better(v(i), v(top[1])) < 0:
		return [2]int{top[0], i}
	}
	return top
}

// at returns the variable the lines are drawn in for a lowest price L;
// false when the lines cannot follow the trial (a linear field whose
// highest price moved too, or a method the lines are not drawn for).
func (f *priceFamily) at(lo, hi exact.Fraction) (exact.Fraction, bool) {
	switch f.method {
	case criteria.Relative:
		return lo, true
	case criteria.Deduction:
		v, err := exact.One.Quo(lo)
		return v, err == nil
	case criteria.Linear:
		if !hi.Equal(f.hi) || hi.Cmp(lo) <= 0 {
			return exact.Fraction{}, false
		}
		v, err := exact.One.Quo(hi.Sub(lo))
		return v, err == nil
	}
	return exact.Fraction{}, false
}

// near returns the positions of the ranked bids whose totals, as shown,
// could be the best with the lowest price moved to lo (and the highest to
// hi): those whose line comes within the rounding's reach of the highest.
func (f *priceFamily) near(lo, hi exact.Fraction) ([]int, bool) {
	v, ok := f.at(lo, hi)
	if !ok {
		return nil, false
	}
	return f.lines.near(v), true
}

// LowestHolding solves the field for its lowest price on a price
// criterion: how low it may fall — as the price of the bid except, below
// every other price — with every other ranked bid's total, as shown,
// staying at most goal (below it when strict), the field's highest price
// standing. Each such bid's price points fall as the lowest does, so the
// lowest prices that hold them all are those at or below the bound
// returned (below it when Open), down to the lowest price in the field as
// evaluated. limited is false when no bid is held by it (any lowest price
// does); ok is false when some bid cannot be held at all, or the field
// cannot be solved (a price divided rather than weighted, a method that
// does not read the field). A social value offer made as a share of the
// bid's price is taken as evaluated: the bid's offer rising as its price
// falls lowers the others' scores further, so a price the bound holds
// holds them, though a lower one might too.
func (t *Trials) LowestHolding(except, criterion string, goal exact.Fraction, strict bool) (b exact.Bound, limited, ok bool) {
	x, known := t.index[except]
	n, isPrice := t.k.tree.byID[criterion]
	if !known || !isPrice || n.c.Price == nil || t.k.pol.unweightedPrice() {
		return exact.Bound{}, false, false
	}
	k := t.k
	j := n.price
	rule := n.c.Price
	sp := t.spreads[j]
	hi := sp.hi
	if c := k.bids[x].fcells[n.field]; c.state == cellScored && !rule.IsOverBudget(k.bids[x].prep.quotes[j].Price) {
		_, hi, _ = sp.without(k.bids[x].prep.quotes[j].Exact())
	}
	f := t.family(j)
	holds := func(v exact.Fraction) bool { c := v.Cmp(goal); return c < 0 || (c == 0 && !strict) }
	for _, i := range f.fixed { // a total that stands must already be within the goal
		if i >= 0 && i != x && !holds(k.bids[i].total.Points.Value) {
			return exact.Bound{}, false, false
		}
	}
	rivals := t.holdingRivals(f, x, goal)
	for _, i := range rivals {
		s := &k.bids[i]
		if i == x || holds(s.total.Points.Value) || s.fcells[n.field].state != cellScored || rule.IsOverBudget(s.prep.quotes[j].Price) {
			continue // held already, or fixed (above)
		}
		y, ok := t.MostScore(s.bid.ID, criterion, goal, strict)
		if !ok {
			return exact.Bound{}, false, false
		}
		l, lim, ok := lowestFor(rule, y, s.prep.quotes[j].Exact(), hi)
		if !ok {
			return exact.Bound{}, false, false
		}
		if lim && (!limited || l.Value.Cmp(b.Value) < 0 || (l.Value.Equal(b.Value) && l.Open)) {
			b, limited = l, true
		}
	}
	return b, limited, true
}

// holding is the rivals [Trials.LowestHolding] weighed for one bid and
// goal, kept for the next call: the price to win asks for the same goal to
// be tied and then beaten.
type holding struct {
	j, x   int
	goal   exact.Fraction
	rivals []int
}

// holdingRivals returns the ranked bids that could hold the field's lowest
// price lowest for a goal, all but bid x: see LowestHolding.
func (t *Trials) holdingRivals(f *priceFamily, x int, goal exact.Fraction) []int {
	j := f.n.price
	if rivals, ok := t.held(j, x, goal); ok {
		return rivals
	}
	k := t.k
	var rivals []int
	switch {
	case f.inverse != nil && f.inverse.tree.Len() > 0:
		// Each bid's lowest price is within the rounding's reach of its
		// line's: at least its line at goal − slack, at most at goal +
		// slack. Those that could hold it lowest reach, at goal − slack, the
		// least of the lines at goal + slack — or the lowest price as
		// evaluated, which no bid still within the goal is held below.
		h := f.inverse
		top, _ := h.max(goal.Add(h.slack))
		if f.hasInverse[x] && f.inverseOf[x].At(goal.Add(h.slack)).Cmp(top) >= 0 {
			// The highest line may be bid x's own, whose price is the one
			// that falls: the least of the rivals' is lower, and none is
			// left out but those held at the lowest price as evaluated —
			// read from every line, the floor being below the margin.
			rivals = h.atLeast(goal.Sub(h.slack), t.spreads[j].lo.Neg())
			break
		}
		rivals = h.report(goal.Sub(h.slack), top.Max(t.spreads[j].lo.Neg())) // within the margin: see inverseLines
	default: // every bid not yet below the goal, best first: those at it are weighed when it is to be beaten
		for _, s := range k.ranked {
			if s.total.Points.Value.Cmp(goal) < 0 {
				break
			}
			rivals = append(rivals, s.idx)
		}
	}
	t.mu.Lock()
	t.holdings[t.nextHeld] = &holding{j: j, x: x, goal: goal, rivals: rivals}
	t.nextHeld = (t.nextHeld + 1) % holdingsKept
	t.mu.Unlock()
	return rivals
}

// holdingsKept is how many of the rivals weighed last are kept: more than
// the goroutines an analysis spreads its bids over on most machines, so
// that one bid's tie and beat still meet the rivals weighed for it.
const holdingsKept = 8

// held returns the rivals weighed already for price leaf j, bid x and goal.
func (t *Trials) held(j, x int, goal exact.Fraction) ([]int, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, h := range t.holdings {
		if h != nil && h.j == j && h.x == x && h.goal.Equal(goal) {
			return h.rivals, true
		}
	}
	return nil, false
}

// lowestFor turns a bound on a bid's normalised score (at or below it,
// below when Open) into the bound on the lowest price that holds it there;
// limited is false when every lowest price does, ok false when none does.
func lowestFor(rule *criteria.PriceRule, y exact.Bound, q, hi exact.Fraction) (b exact.Bound, limited, ok bool) {
	v := y.Value
	switch {
	case v.Cmp(exact.One) > 0 || (v.Equal(exact.One) && !y.Open):
		return b, false, true // a score is never above 1
	case v.Sign() < 0 || (v.Sign() == 0 && y.Open):
		return b, false, false // nor below 0
	case rule.Method == criteria.Linear && q.Cmp(hi) >= 0:
		return b, false, true // the highest price scores 0 under linear
	}
	l, ok := rule.LowestAt(v, q, hi)
	if !ok {
		return b, false, false
	}
	return exact.Bound{Value: l, Open: y.Open}, true, true
}
