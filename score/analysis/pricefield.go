package analysis

import (
	"math"
	"math/bits"
	"slices"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/envelope"
	"github.com/tenderscore/tenderscore/score"
)

// priceField is the field of compliant prices on the one price criterion,
// read once for every bid whose price to win is asked: each bid's price,
// its total and its points from everything else as shown, and what the
// field's lowest and highest prices within budget are without any one bid.
// With it the price to win of each bid is solved from a few figures instead
// of from a pass over every other bid.
type priceField struct {
	pc     score.Criterion
	rule   *criteria.PriceRule
	avail  exact.Fraction // the criterion's marks available
	ok     bool           // every ranked bid has a price and points on the criterion
	bids   []pricedBid    // in standings order
	byID   map[string]int
	spread spread // of the prices within budget
	// For the estimate (see estimate): each bid's total before its price
	// points are rounded, the field's lowest price taken as it is; the two
	// highest of those and of the other points, by position; and, for the
	// bids within budget, the price that would bring each to a total τ with
	// full marks going to another, (τ − other points) × price ÷ marks,
	// negated, as lines in τ, drawn when first asked for (brought).
	topT, topRest [2]int
	bringOnce     sync.Once // the bids analysed at once share the field
	bring         *envelope.Tree
	bringAll      []envelope.Line // every line, for a τ outside bringLo–bringHi
	bringLo       exact.Fraction
	bringHi       exact.Fraction
}

// pricedBid is one compliant bid's price and points.
type pricedBid struct {
	id    string
	price decimal.Decimal
	p     exact.Fraction // price, exactly
	pence int64          // price in pennies, rounded up
	in    bool           // within budget: part of the price field
	total exact.Fraction // as shown
	rest  exact.Fraction // total − price points, as shown
	t     exact.Fraction // rest + marks × lowest ÷ price (in budget) or rest
}

// spread is the lowest and highest of a set of prices, how many hold each,
// and the next distinct price inside each, so that the set without any one
// price is known at once.
type spread struct {
	n, nLo, nHi int
	lo, hi      exact.Fraction
	lo2, hi2    exact.Fraction // held in place: a pointer to each would escape
	has2        [2]bool        // whether lo2 and hi2 are set
}

func (s *spread) add(p exact.Fraction) {
	if s.n == 0 {
		*s = spread{n: 1, nLo: 1, nHi: 1, lo: p, hi: p}
		return
	}
	s.n++
	switch c := p.Cmp(s.lo); {
	case c < 0:
		s.lo2, s.lo, s.nLo, s.has2[0] = s.lo, p, 1, true
	case c == 0:
		s.nLo++
	case !s.has2[0] || p.Cmp(s.lo2) < 0:
		s.lo2, s.has2[0] = p, true
	}
	switch c := p.Cmp(s.hi); {
	case c > 0:
		s.hi2, s.hi, s.nHi, s.has2[1] = s.hi, p, 1, true
	case c == 0:
		s.nHi++
	case !s.has2[1] || p.Cmp(s.hi2) > 0:
		s.hi2, s.has2[1] = p, true
	}
}

// without returns the lowest and highest price and the count once one price
// p of the set is taken out; ok is false when none is left.
func (s spread) without(p exact.Fraction) (lo, hi exact.Fraction, n int, ok bool) {
	if s.n <= 1 {
		return exact.Fraction{}, exact.Fraction{}, 0, false
	}
	lo, hi = s.lo, s.hi
	if p.Equal(s.lo) && s.nLo == 1 {
		lo = s.lo2
	}
	if p.Equal(s.hi) && s.nHi == 1 {
		hi = s.hi2
	}
	return lo, hi, s.n - 1, true
}

// priceField reads the field of prices on criterion pc, once.
func (f *field) priceField(pc score.Criterion) *priceField {
	if f.prices != nil && f.prices.pc.ID == pc.ID {
		return f.prices
	}
	n := len(f.base.Standings)
	pf := &priceField{pc: pc, rule: pc.Price, ok: true, bids: make([]pricedBid, 0, n), byID: make(map[string]int, n),
		topT: [2]int{-1, -1}, topRest: [2]int{-1, -1}}
	f.prices = pf
	avail, ok := f.available(pc.ID)
	if !ok {
		pf.ok = false
		return pf
	}
	pf.avail = avail
	for _, s := range f.base.Standings {
		br, _ := f.result(s.BidID)
		pr, ok := f.priced(pc, s.BidID)
		if !ok || !br.Total.Scored {
			pf.ok = false
			return pf
		}
		b := pricedBid{id: s.BidID, price: pr.price, p: exact.Whole(pr.price), in: !pc.Price.IsOverBudget(pr.price),
			total: br.Total.Points.Value, rest: br.Total.Points.Value.Sub(pr.points.Value)}
		b.pence = pennies(b.p, false, true)
		pf.byID[b.id] = len(pf.bids)
		pf.bids = append(pf.bids, b)
		if b.in {
			pf.spread.add(b.p)
		}
	}
	for i := range pf.bids {
		b := &pf.bids[i]
		b.t = b.rest
		if b.in {
			b.t = b.t.Add(avail.Mul(ratioF(pf.spread.lo, b.p)))
		}
		pf.topT = top2(pf.topT, i, func(j int) exact.Fraction { return pf.bids[j].t })
		pf.topRest = top2(pf.topRest, i, func(j int) exact.Fraction { return pf.bids[j].rest })
	}
	return pf
}

// brought returns the lines of the price that brings each bid within
// budget to a total τ (see priceField), drawn when first asked for: only
// an estimate with the bid as the lowest price reads them.
func (pf *priceField) brought() *envelope.Tree {
	pf.bringOnce.Do(func() {
		var bring []envelope.Line
		perMark := ratioF(exact.One, pf.avail)
		for i, b := range pf.bids {
			if b.in {
				bring = append(bring, envelope.Line{C: b.rest.Mul(b.p).Mul(perMark), G: b.p.Mul(perMark).Neg(), ID: i})
			}
		}
		// Only the highest line is asked for, at a bid's other points plus
		// the marks: the lines highest somewhere there are all it needs.
		lo, hi := pf.bids[0].rest, pf.bids[0].rest
		for _, b := range pf.bids[1:] {
			lo, hi = lo.Min(b.rest), hi.Max(b.rest)
		}
		pf.bringLo, pf.bringHi = lo.Add(pf.avail), hi.Add(pf.avail)
		pf.bringAll = bring
		// Sift keeps the lines in a new slice, or returns them all, which
		// NewFlat then sorts in place: nothing reads bringAll in order.
		pf.bring = envelope.NewFlat(envelope.Sift(bring, exact.Zero, pf.bringLo, pf.bringHi))
	})
	return pf.bring
}

// highestBrought is the highest line of brought at c: from the lines
// sifted for where it is asked, or every line elsewhere.
func (pf *priceField) highestBrought(c exact.Fraction) (exact.Fraction, bool) {
	t := pf.brought()
	if c.Cmp(pf.bringLo) >= 0 && c.Cmp(pf.bringHi) <= 0 {
		return t.Max(c)
	}
	return envelope.NewFlat(slices.Clone(pf.bringAll)).Max(c)
}

// top2 keeps the positions of the two highest values, the first met
// winning a tie, adding position i.
func top2(top [2]int, i int, v func(int) exact.Fraction) [2]int {
	switch {
	case top[0] < 0 || v(i).Cmp(v(top[0])) > 0:
		return [2]int{i, top[0]}
	case top[1] < 0 || v(i).Cmp(v(top[1])) > 0:
		return [2]int{top[0], i}
	}
	return top
}

// highestOther returns the highest value among the bids other than self.
func highestOther(top [2]int, self int, v func(int) exact.Fraction) (exact.Fraction, bool) {
	for _, i := range top {
		if i >= 0 && i != self {
			return v(i), true
		}
	}
	return exact.Fraction{}, false
}

func ratioF(num, den exact.Fraction) exact.Fraction {
	q, err := num.Quo(den)
	if err != nil {
		return exact.Zero
	}
	return q
}

// others returns the lowest and highest price within budget of the bids
// other than self, and how many there are.
func (pf *priceField) others(self int) (lo, hi exact.Fraction, n int, ok bool) {
	b := pf.bids[self]
	if !b.in {
		if pf.spread.n == 0 {
			return exact.Fraction{}, exact.Fraction{}, 0, false
		}
		return pf.spread.lo, pf.spread.hi, pf.spread.n, true
	}
	return pf.spread.without(b.p)
}

// becomesLowest reports whether the bid at price p would be the lowest in
// the field: no other compliant price within budget is at or below it.
func (pf *priceField) becomesLowest(id string, p decimal.Decimal) bool {
	i, ok := pf.byID[id]
	if !ok {
		return true
	}
	lo, _, _, ok := pf.others(i)
	return !ok || lo.Cmp(exact.Whole(p)) > 0
}

// estimate is the relative method's exact break-even price before the price
// points are rounded (the package documentation's step 1), as the
// reference's estimate computes it from a pass over the field, found from
// the figures read once: the best rival's total with the lowest other
// price, from the two highest totals; and, when the bid must become the
// lowest, the smallest of price × (its other points + marks − the rival's
// other points) ÷ marks over the rivals, from their envelope.
func (pf *priceField) estimate(id string) *exact.Fraction {
	self, ok := pf.byID[id]
	if pf.rule.Method != criteria.Relative || !pf.ok || !ok || len(pf.bids) < 2 || pf.avail.Sign() <= 0 {
		return nil
	}
	me := pf.bids[self]
	low, _, _, ok := pf.others(self)
	if !ok {
		return nil
	}
	avail := pf.avail
	// Regime 1: not the lowest; rivals' totals stand still.
	var best exact.Fraction
	if low.Equal(pf.spread.lo) {
		best, _ = highestOther(pf.topT, self, func(j int) exact.Fraction { return pf.bids[j].t })
	} else { // the bid is the one lowest price: the others are read against the next
		first := true
		for i, b := range pf.bids {
			if i == self {
				continue
			}
			t := b.rest
			if b.in {
				t = t.Add(avail.Mul(ratioF(low, b.p)))
			}
			if first || t.Cmp(best) > 0 {
				best, first = t, false
			}
		}
	}
	if gap := best.Sub(me.rest); gap.Sign() > 0 {
		if p1, err := avail.Mul(low).Quo(gap); err == nil && p1.Cmp(low) >= 0 {
			return escaped(p1)
		}
	}
	// Regime 2: the lowest, with full price marks; each rival's price points
	// become marks × price ÷ its price.
	c := me.rest.Add(avail)
	if r, ok := highestOther(pf.topRest, self, func(j int) exact.Fraction { return pf.bids[j].rest }); ok && r.Cmp(c) >= 0 {
		return nil // some rival's other points alone reach the bid's best
	}
	est := low
	if !low.Equal(pf.spread.lo) { // read against another lowest: visit every rival
		for i, b := range pf.bids {
			if i != self && b.in {
				est = est.Min(b.p.Mul(c.Sub(b.rest)).Mul(ratioF(exact.One, avail)))
			}
		}
		return escaped(est)
	}
	// The least of p × (c − rest) ÷ marks over the bids within budget is the
	// highest of its negation's lines at c. The bid's own is its price, no
	// lower than low, so it never changes the least.
	if m, ok := pf.highestBrought(c); ok {
		est = est.Min(m.Neg())
	}
	return escaped(est)
}

// escaped returns a pointer to a copy of f: only the estimate returned is
// moved to the heap, not each figure it was worked from.
func escaped(f exact.Fraction) *exact.Fraction { return &f }

// outOfReach reports whether some rival's points from everything but
// price, as shown, reach the bid's own with full price marks: then no
// price of the bid's is likely to win, and £0.01 is re-scored first — a
// bid that does not win there wins at no price, since lowering its price
// never lowers its standing. It only orders the re-scorings: the answer is
// what they find.
func (pf *priceField) outOfReach(id string) bool {
	self, ok := pf.byID[id]
	if !pf.ok || !ok || pf.avail.Sign() <= 0 {
		return false
	}
	r, ok := highestOther(pf.topRest, self, func(j int) exact.Fraction { return pf.bids[j].rest })
	return ok && r.Cmp(pf.bids[self].rest.Add(pf.avail)) >= 0
}

// candidates solves for the prices, to the penny, at which the bid's total
// as shown would tie its best rival's and beat it — under any price method
// and any declared rounding — highest first, with a penny under each best
// rival's price where a lower-price tie-break turns (the package
// documentation's step 1). Above the field's lowest other price only the
// bid's own price points move: the engine is solved backwards for the
// normalised score that reaches the rival's total ([score.Trials.LeastScore])
// and the method for the price that scores it
// ([criteria.PriceRule.PriceAt]). Below it the bid has full price marks and
// every rival's price points fall with it: each rival that could still
// reach the bid is solved for the lowest price that holds it there
// ([score.Trials.LowestHolding]), and the bid must go below the least of
// them. Under price per quality point the bid's own
// ratio (or its price adjusted by features) is solved for the rival's,
// with its social value offers read at each price where they are a share
// of it (read is then true: see perPoint). The
// prices are only where the search looks first: each is re-scored before
// it is used. With ties false only the prices that beat the rival are
// solved for: a tie is expected to lose (see fromCandidates).
func (pf *priceField) candidates(f *field, id string, ties bool) (cs []int64, read bool) {
	self, ok := pf.byID[id]
	if !pf.ok || !ok {
		return nil, false
	}
	if f.lowerWins() {
		return pf.perPoint(f, self)
	}
	me := pf.bids[self]
	lo, hi, _, ok := pf.others(self)
	if !me.in || !ok {
		return nil, false // joining the field, or alone in it: the search decides
	}
	rule := pf.rule
	var goal exact.Fraction // the best rival's total, as shown
	for i, b := range pf.bids {
		if i != self {
			goal = b.total
			break
		}
	}
	lowPence := pennies(lo, false, true)
	var out []int64
	beats := false
	above := rule.Method == criteria.Band || me.p.Cmp(lo) > 0
	if rule.Method == criteria.Linear {
		above = above && me.p.Cmp(hi) <= 0 // the highest moves the others when the bid is it
	}
	strictness := []bool{false, true} // tie, then beat
	if !ties {
		strictness = strictness[1:]
	}
	if above { // the rivals stand still
		for _, strict := range strictness {
			x, ok := f.tr.LeastScore(id, pf.pc.ID, goal, strict)
			if !ok {
				return nil, false
			}
			c, ok := pf.ownPrice(x, lo, hi)
			if ok && (rule.Method == criteria.Band || c >= lowPence) && c >= 1 {
				out = append(out, c)
				beats = strict
			}
		}
	}
	if !beats && rule.Method != criteria.Band {
		out = append(out, pf.lowest(f, self, lowPence, strictness)...)
	}
	if len(out) >= 2 && ties {
		out = append(out, pf.underRivals(self, goal, out[1], out[0])...)
	}
	slices.SortFunc(out, func(a, b int64) int { return int(b - a) })
	return slices.Compact(out), false
}

// lowest solves for the highest prices below the field's lowest other
// price (lowPence pennies) at which the bid, with full price marks, ties
// and beats every rival, whose price points fall with it (ties, beats:
// as strictness asks).
func (pf *priceField) lowest(f *field, self int, lowPence int64, strictness []bool) []int64 {
	me := pf.bids[self]
	tau, ok := f.tr.TotalWith(me.id, pf.pc.ID, exact.One)
	if !ok {
		return nil
	}
	var out []int64
	for _, strict := range strictness {
		b, limited, ok := f.tr.LowestHolding(me.id, pf.pc.ID, tau.Value, strict)
		if !ok {
			continue
		}
		bound := lowPence - 1
		if limited {
			bound = min(bound, pennies(b.Value, b.Open, false))
		}
		if bound >= 1 {
			out = append(out, bound)
		}
	}
	return out
}

// ownPrice turns a bound on the bid's own normalised score (at or above
// it, above when Open) into the highest price in pennies that scores it,
// the other prices spanning lo–hi; false when every price or none does.
func (pf *priceField) ownPrice(x exact.Bound, lo, hi exact.Fraction) (int64, bool) {
	v := x.Value
	if v.Sign() < 0 || (v.Sign() == 0 && !x.Open) || v.Cmp(exact.One) > 0 || (v.Equal(exact.One) && x.Open) {
		return 0, false
	}
	p, ok := pf.rule.PriceAt(v, lo, hi)
	if !ok {
		return 0, false
	}
	return pennies(p, x.Open, false), true
}

// perPoint solves price per quality point and the price adjusted by
// features: the bid's own ratio, its price over its quality points (or
// over the coefficient of its features), shown as the policy rounds the
// total, must be at most the best rival's (below it, to beat it). Where
// the bid's social value offer is a share of its price, its quality
// points rise as its price falls, and the prices are solved with them read
// at each price (perPointRead; read is then true); otherwise with the
// points as evaluated.
func (pf *priceField) perPoint(f *field, self int) (cs []int64, read bool) {
	me := pf.bids[self]
	br, _ := f.result(me.id)
	q, err := exact.Whole(me.price).Quo(br.Total.Unrounded) // quality points (or the coefficient) = price ÷ ratio
	if err != nil || len(pf.bids) < 2 {
		return nil, false
	}
	_, falls := f.tr.OfferFallsWithPrice(me.id)
	read = f.offersMove() && !falls && f.lot().Policy.Basis == score.PricePerQualityPoint
	var goal exact.Fraction
	var rival pricedBid
	for i, b := range pf.bids {
		if i != self {
			goal, rival = b.total, b
			break
		}
	}
	var total *exact.Rounding
	for _, r := range f.base.Rounding {
		if r.Stage == score.Total {
			rd := r.Rounding()
			total = &rd
		}
	}
	out := make([]int64, 2, 4)                   // the tie, then the beat
	for i, strict := range []bool{true, false} { // the beat first: the tie is at or above it, and read from it
		pr := perPointRival{id: rival.id, price: exact.Whole(rival.price), total: total, strict: strict}
		b := pr.bound(goal)
		c := pennies(b.Value.Mul(q), b.Open, false)
		if read && !strict && out[1] > 0 {
			c = out[1] // within the tie's bound too, and near the tie's answer
		}
		if read {
			c, read = perPointRead(f, pf.pc.ID, me.id, pr, c)
		}
		out[1-i] = c
	}
	out = append(out, pf.underRivals(self, goal, out[1], out[0])...)
	slices.SortFunc(out, func(a, b int64) int { return int(b - a) })
	return slices.Compact(out), read
}

// perPointRival is the rival a price per quality point is solved
// against: its id and price, the total's rounding, and whether the bid
// must beat it (strict) or tie it.
type perPointRival struct {
	id     string
	price  exact.Fraction
	total  *exact.Rounding
	strict bool
}

// bound is the bound on the bid's ratio, before the total's rounding, at
// which its ratio as shown ties the rival's total as shown, goal (is
// below it, when strict).
func (r perPointRival) bound(goal exact.Fraction) exact.Bound {
	if r.total != nil {
		return r.total.AtMost(goal, r.strict)
	}
	return exact.Bound{Value: goal, Open: r.strict}
}

// perPointRead is the highest price, in pennies, at which the bid's price
// p over its quality points at p is within the bound its rival's ratio at
// p sets (QualityAt reads both), from x, the price solved with the points
// as evaluated; ok false (and x) where the points cannot be read. Neither
// bid's points rise as the bid's price does (its offer is a share of the
// price, and where it is the best every other value falls as it rises),
// so g(p), the highest price within the bound at the points of p, never
// rises either, and the prices within it are those up to one price p*,
// where h(p) = g(p) − p last is at least zero: a price x within it (h(x) ≥
// 0) has p* from x to g(x), and one beyond it has p* from g(x) to below x.
// So x and g(x) bracket p*, and false position on h closes the bracket: h
// is near a straight line where the points move smoothly, and where they
// move in steps of their rounding the Illinois rule (halving the height
// kept at an end twice running) keeps each try from sticking at one end;
// past a budget it halves. A third bid overtaking, or a minimum crossed,
// is not followed: the search re-scores every price it is given.
func perPointRead(f *field, criterion, id string, r perPointRival, x int64) (int64, bool) {
	h := func(p int64) (int64, bool) {
		q, qr, ok := f.tr.QualityAt(id, criterion, decimal.New(p, -2), r.id)
		if !ok || qr.Sign() <= 0 {
			return 0, false
		}
		goal, _ := r.price.Quo(qr) // not zero
		if r.total != nil {
			goal = goal.Rounded(*r.total)
		}
		b := r.bound(goal)
		g := pennies(b.Value.Mul(q), b.Open, false)
		return g - p, g < math.MaxInt64/4 && g > -math.MaxInt64/4
	}
	if x < 1 {
		x = 1
	}
	hx, ok := h(x)
	if !ok {
		return x, false
	}
	y := max(x+hx, 1) // g(x): on p*'s other side (a penny, where g(x) is none)
	hy, ok := h(y)
	if !ok {
		return x, false
	}
	lo, hlo, hi, hhi := x, hx, y, hy // within b at lo (h ≥ 0), beyond it at hi
	if hx < 0 {
		lo, hlo, hi, hhi = y, hy, x, hx
	}
	switch {
	case hlo < 0: // beyond b at a penny
		return 0, true
	case hhi >= 0: // x within b, and g(x) too: p* is g(x)
		return hi, true
	case hlo == 0: // g(lo) = lo: p* is lo
		return lo, true
	}
	side := 0            // which end moved last, twice running halves the other's height
	last, hlast := y, hy // the price tried last, and its h
	for budget := 2 * bits.Len64(uint64(hi-lo)); hi-lo > 1; budget-- {
		m := lo + (hi-lo)/2
		switch g := last + hlast; {
		case budget <= 0:
		case g > lo && g < hi && last != g: // g(last), across p*: p* itself where last shares its points
			m = g
		default:
			if c, ok := falsePosition(lo, hi, exact.Int(hlo), exact.Int(hhi)); ok { // h at lo above zero, at hi below
				m = c
			}
		}
		m = min(max(m, lo+1), hi-1)
		hm, ok := h(m)
		last, hlast = m, hm
		if !ok {
			return x, false
		}
		if hm == 0 {
			return m, true // g(m) = m: p* is m
		}
		if hm > 0 {
			lo, hlo = m, hm
			if side < 0 {
				hhi = min(hhi/2, -1)
			}
			side = -1
		} else {
			hi, hhi = m, hm
			if side > 0 {
				hlo = max(hlo/2, 1)
			}
			side = 1
		}
	}
	return lo, true
}

// underRivals returns a penny under the price of each best rival (those
// whose total is goal, first in the standings) where it lies strictly
// between the prices that beat and tie them: between those a lower-price
// tie-break may decide.
func (pf *priceField) underRivals(self int, goal exact.Fraction, beat, tie int64) []int64 {
	var out []int64
	for i, b := range pf.bids {
		if i == self {
			continue
		}
		if !b.total.Equal(goal) {
			break // in standings order: the rest are below
		}
		if u := b.pence - 1; u > beat && u < tie {
			out = append(out, u)
		}
	}
	return out
}

// pennies is a price in whole pennies: the highest at or below p (below it
// when open), or with up the lowest at or above it.
func pennies(p exact.Fraction, open, up bool) int64 {
	floor, ok1 := exact.Rounding{Places: 2, Mode: exact.Floor}.Units(p)
	ceil, ok2 := exact.Rounding{Places: 2, Mode: exact.Ceiling}.Units(p)
	if !ok1 || !ok2 { // beyond any price: as far as an int64 goes
		if p.Sign() < 0 {
			return math.MinInt64 / 2
		}
		return math.MaxInt64 / 2
	}
	switch {
	case up:
		return ceil
	case open && floor == ceil: // p is a whole number of pennies
		return floor - 1
	}
	return floor
}
