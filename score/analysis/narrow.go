package analysis

import (
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// The last part of the search for a price to win: the bracket lo–hi, lo
// winning and hi not, is closed to a penny. Halving it re-scores about as
// many prices as the bracket has binary digits — two dozen for a price of
// hundreds of thousands of pounds — where the prices solved for (see
// candidates) do not settle the bid, as under a social value offer read as
// a share of the price, which moves with it. The margins the re-scorings
// show say where the answer lies: a bid ahead by a point at lo and behind
// by three at hi wins up to about a quarter of the way. So the next price
// tried is found by false position on those margins (the Illinois
// variant, which halves the margin of an end kept twice running); a guess
// that falls near an end it did not pass is followed by looking twice as
// far back from it, then four times, until the answer is passed; and the
// bracket is halved whenever the step before did not halve it, unless
// that step was a guess that closed three quarters of the margin at the
// end it replaced (the margins lead: a bid's own offer read as a share of
// its price bends them, and false position lands a few pennies short of
// the answer, where halving next would throw that away). On margins
// that move smoothly with the price that takes a few re-scorings where
// halving takes two dozen; near the answer the shown margins are steps of
// the rounding, and the prices of those steps are tried instead, where
// they can be read (narrow_steps.go), halving taking over where not; and
// past a budget, on margins that mislead, only halving is done. Which
// prices are tried only orders the search: the answer is the one highest
// winning price whatever the order (see fromCandidates; and
// towin_edge.go, for the one shape of policy where it need not be).

// narrow closes the search's bracket to a penny.
func (ps *priceSearch) narrow() error {
	if ps.hi-ps.lo <= 1 {
		return nil // closed already, as most are: nothing to set up
	}
	b := bracket{lo: ps.lo, hi: ps.hi}
	b.mLo, b.okLo = ps.marginAt(ps.lo, true)
	b.mHi, b.okHi = ps.marginAt(ps.hi, false)
	try := func(c int64) (bool, exact.Fraction, bool, error) {
		w, o, err := ps.at(c)
		if err != nil {
			return false, exact.Fraction{}, false, err
		}
		m, ok := ps.margin(o, w)
		return w, m, ok, nil
	}
	var st *stepping
	if !ps.f.reference { // the reference halves alone, as the analyses first did
		st = &stepping{unit: ps.unit(), tieWins: !ps.f.tieLoses(ps.id, ps.rival)}
	}
	if c, ok := ps.throughLow(b); ok {
		w, m, ok, err := try(c)
		if err != nil {
			return err
		}
		if w {
			b.lo, b.mLo, b.okLo = c, m, ok
		} else {
			b.hi, b.mHi, b.okHi = c, m, ok
		}
	}
	b, err := b.narrowed(try, st, ps.steps, ps.fresh)
	ps.lo, ps.hi = b.lo, b.hi
	return err
}

// throughLow is the first price the narrowing tries where lo lies below
// the others' lowest price and hi is the bid's own price, above it, under
// the relative method: false position from lo against hi reads a line
// through two shapes of the margin — below the others' lowest every
// rival's price points rise with the bid's price, above it only the bid's
// own fall — and lands far from the answer. The margin at the others'
// lowest is read instead from hi's (marginAtLow), and false position runs
// from lo to it where it is a loss; where it is still a win the answer
// lies above the others' lowest, where the bid's margin is its margin at
// hi plus its moving points' fall (from its price p to the price as
// evaluated, P, those points times (P ÷ p − 1)), solved for zero. It only
// orders the search: the price is re-scored like any other. On the
// 200-bid share-of-price lot it cut the prices re-scored from 1,184 to
// 1,128, on the widest front from 1,182 to 1,081.
func (ps *priceSearch) throughLow(b bracket) (int64, bool) {
	lowP, mLow, moving, ok := ps.marginAtLow(b)
	if !ok {
		return 0, false
	}
	if mLow.Sign() < 0 {
		return falsePosition(b.lo, lowP, b.mLo, mLow)
	}
	den := moving.Sub(b.mHi) // m(p) = mHi + moving × (P ÷ p − 1) = 0 at p = P × moving ÷ (moving − mHi)
	if den.Sign() <= 0 {
		return 0, false
	}
	x, err := exact.Int(ps.current).Mul(moving).Quo(den)
	if err != nil {
		return 0, false
	}
	c, ok := exact.Rounding{Places: 0, Mode: exact.Floor}.Units(x)
	if !ok || c <= b.lo || c >= b.hi {
		return 0, false
	}
	return c, true
}

// marginAtLow is the bid's margin at the others' lowest price, lowP in
// pennies (rounded up), read from the margin at hi, the bid's price as
// evaluated, P: above the others' lowest price the relative method gives
// the bid price points in proportion to 1 ÷ its price, and a social value
// offer read as a share of its price does the same while another is the
// best, while no other bid's total moves; so the margin at p is hi's plus
// moving × (P ÷ p − 1), moving the bid's points on those criteria as
// evaluated. false unless the lot is scored by weighted points with the
// relative method, those criteria are at the top level, hi is the bid's
// price as evaluated and lo lies below the others' lowest.
func (ps *priceSearch) marginAtLow(b bracket) (lowP int64, m, moving exact.Fraction, ok bool) {
	f := ps.f
	if f.reference || f.lowerWins() || ps.pc.Price.Method != criteria.Relative || !b.okLo || !b.okHi || b.hi != ps.current {
		return 0, exact.Fraction{}, exact.Fraction{}, false
	}
	pf := f.priceField(ps.pc)
	self, known := pf.byID[ps.id]
	if !known {
		return 0, exact.Fraction{}, exact.Fraction{}, false
	}
	low, _, _, others := pf.others(self)
	if lowP = pennies(low, false, true); !others || lowP <= b.lo || lowP >= b.hi {
		return 0, exact.Fraction{}, exact.Fraction{}, false
	}
	moving = exact.Zero
	for _, l := range f.leaves() {
		if l.c.Price == nil && (l.c.SocialValue == nil || !l.c.SocialValue.NeedsBidPrice()) {
			continue
		}
		p, scored := f.tr.Points(ps.id, l.c.ID)
		if !scored || f.lot().Policy.Criteria[l.top].ID != l.c.ID { // a leaf's points add to the total as they are only at the top
			return 0, exact.Fraction{}, exact.Fraction{}, false
		}
		moving = moving.Add(p.Value)
	}
	r, err := exact.Int(ps.current).Quo(exact.Int(lowP))
	if err != nil {
		return 0, exact.Fraction{}, exact.Fraction{}, false
	}
	return lowP, b.mHi.Add(moving.Mul(r.Sub(exact.One))), moving, true
}

// bracket is a price in pennies at which a bid wins (lo) and a higher one
// at which it does not (hi), with the margins read at each (okLo, okHi
// false when none was).
type bracket struct {
	lo, hi     int64
	mLo, mHi   exact.Fraction
	okLo, okHi bool
}

// narrowed closes the bracket to a penny, trying each price with try:
// whether the bid wins there and its margin, if read. It tries at most
// three times as many prices as halving alone would, and a few more for
// the steps: past that it only halves. With st, once the margins are near
// (see stepping.ask), or the bid wins at lo by a step or less (nearLo),
// the prices of the steps are asked of steps and tried first. With
// fresh, the margin at lo is read again where fresh says it is stale
// (see priceSearch.fresh).
func (b bracket) narrowed(try func(int64) (won bool, m exact.Fraction, ok bool, err error), st *stepping, steps stepsFunc, fresh freshFunc) (bracket, error) {
	kept, halved := 0, true // the end kept last (−1 lo, +1 hi), and whether the last step halved
	var gallop int64        // after false position fell near an end: how far from it to look next
	budget := 2 * bits.Len64(uint64(b.hi-b.lo))
	fLo, fHi := b.mLo, b.mHi // the margins false position reads: halved at an end kept twice running
	for ; b.hi-b.lo > 1; budget-- {
		if fresh != nil {
			m, ok, again, err := fresh(b)
			if err != nil {
				return b, err
			}
			if again {
				b.mLo, b.okLo, fLo = m, ok, m
			}
		}
		if nb, asked, err := st.stepped(b, steps, try); err != nil || asked {
			if b = nb; err != nil || b.hi-b.lo <= 1 {
				return b, err
			}
			halved, gallop, fLo, fHi = true, 0, b.mLo, b.mHi
			continue
		}
		width := b.hi - b.lo
		c, guessed := b.lo+width/2, false
		switch {
		case budget <= 0:
		case gallop > 0 && kept == -1 && b.hi-gallop > b.lo:
			c = b.hi - gallop
		case gallop > 0 && kept == 1 && b.lo+gallop < b.hi:
			c = b.lo + gallop
		case halved && b.okLo && b.okHi:
			c, guessed = falsePosition(b.lo, b.hi, fLo, fHi)
			if !guessed {
				c = b.lo + width/2
			}
		}
		w, m, ok, err := try(c)
		if err != nil {
			return b, err
		}
		was, pLo, pHi := b, fLo, fHi
		if w {
			b.lo, b.mLo, b.okLo, fLo = c, m, ok, m
			if kept == 1 {
				fHi = halve(fHi)
			}
		} else {
			b.hi, b.mHi, b.okHi, fHi = c, m, ok, m
			if kept == -1 {
				fLo = halve(fLo)
			}
		}
		side := -1
		if w {
			side = 1
		}
		led := guessed && ok && (w && shrank(m, pLo) || !w && shrank(m, pHi))
		switch {
		case led:
			gallop = 0 // the guess closed most of the margin: the margins lead, and false position goes on
		case guessed && w && c-was.lo < width/4:
			gallop = 2 * (c - was.lo)
		case guessed && !w && was.hi-c < width/4:
			gallop = 2 * (was.hi - c)
		case gallop > 0 && side == kept:
			gallop *= 2
		default:
			gallop = 0
		}
		kept = side
		halved = 2*(b.hi-b.lo) <= width || led
	}
	return b, nil
}

// freshFunc reads the margin at a bracket's lo again where it is stale;
// again is false where it is not read.
type freshFunc func(b bracket) (m exact.Fraction, ok, again bool, err error)

// fresh re-scores the bid at lo, the highest price at which it won so
// far, when the search has since met a bid that was not read there: a
// third bid that won a price above it (see meet). The margin at lo was
// then read against the rival alone, and the bid met may be far nearer:
// a bid a point ahead of its rival at lo may lead the bid met by a step,
// and win at no price above, while false position, reading the point,
// guesses at prices where it loses to the bid met, a little nearer lo
// each time (the 200-bid share-of-price lot had bids re-score 15 prices
// so). It is read again only where, at hi, the bid met stood ahead of
// the rival by at least half the margin at lo (see metAhead), so that
// read against it the margin would likely be halved: on that lot reading
// none again re-scored 1,228 prices, and these 1,199; reading every one
// again re-scored more than reading none.
func (ps *priceSearch) fresh(b bracket) (exact.Fraction, bool, bool, error) {
	if !ps.stale || !b.okLo || !ps.metAhead(b) {
		return exact.Fraction{}, false, false, nil
	}
	ps.seen = slices.DeleteFunc(ps.seen, func(t tried) bool { return t.pennies == b.lo })
	w, o, err := ps.at(b.lo) // a win, read with every bid met: no longer stale
	if err != nil {
		return exact.Fraction{}, false, false, err
	}
	m, ok := ps.margin(o, w)
	return m, ok, true, nil
}

// metAhead reports whether the bid that won at the bracket's hi, one
// met, stood there ahead of the rival by at least half the margin at lo;
// true where the two totals cannot be read.
func (ps *priceSearch) metAhead(b bracket) bool {
	for _, t := range ps.seen {
		if t.pennies != b.hi || t.err != nil {
			continue
		}
		w := t.res.Winner
		if w == "" || w == ps.id || w == ps.rival {
			return false // no bid met won there
		}
		x, ok1 := t.res.total(w)
		r, ok2 := t.res.total(ps.rival)
		if !ok1 || !ok2 {
			return true
		}
		gap := x.Value.Sub(r.Value)
		if ps.f.lowerWins() {
			gap = gap.Neg()
		}
		return gap.Mul(exact.Int(2)).Cmp(b.mLo) >= 0
	}
	return true
}

// shrank reports whether margin m is at most a quarter of margin was,
// on the same side of zero.
func shrank(m, was exact.Fraction) bool {
	return m.Sign() == was.Sign() && m.Mul(exact.Int(4)).Cmp(was)*was.Sign() <= 0
}

// halve is half of a margin.
func halve(m exact.Fraction) exact.Fraction {
	h, _ := m.Quo(exact.Int(2)) // never by zero
	return h
}

// falsePosition is the price in pennies, strictly inside lo–hi, where the
// line through the margins mLo (ahead, above zero) at lo and mHi (behind,
// below zero) at hi crosses zero; false when the margins do not bracket
// zero so — a tie at either end says nothing of how far the answer is.
func falsePosition(lo, hi int64, mLo, mHi exact.Fraction) (int64, bool) {
	if mLo.Sign() <= 0 || mHi.Sign() >= 0 {
		return 0, false
	}
	t, err := exact.Int(hi - lo).Mul(mLo).Quo(mLo.Sub(mHi))
	if err != nil {
		return 0, false
	}
	d, ok := exact.Rounding{Places: 0, Mode: exact.Floor}.Units(t)
	if !ok {
		return 0, false
	}
	return min(max(lo+d, lo+1), hi-1), true
}

// marginAt is the margin at a price already re-scored, or at the bid's
// price as evaluated, where it won or not; false at any other.
func (ps *priceSearch) marginAt(pennies int64, won bool) (exact.Fraction, bool) {
	for _, t := range ps.seen {
		if t.pennies == pennies && t.err == nil {
			return ps.margin(t.res, won)
		}
	}
	if pennies == ps.current {
		return ps.margin(ps.f.asEvaluated(), won)
	}
	return exact.Fraction{}, false
}

// margin is how far the bid's total as shown is ahead of (above zero) or
// behind the bid it must beat in a re-scored lot: another bid that wins,
// or else the strongest there of its rival and the bids met (see
// priceSearch.met); false when either has no total. Where the lowest
// total wins, being ahead is being below. A tie, which the
// tie-breaks decide (won says how), counts as half a unit of the shown
// totals ahead or behind, so that false position still reads the margin
// on its other side; a tie of totals shown exactly stays level.
func (ps *priceSearch) margin(o outcome, won bool) (exact.Fraction, bool) {
	other := ps.rival
	if o.Winner != "" && o.Winner != ps.id {
		other = o.Winner
	}
	a, ok1 := o.total(ps.id)
	b, ok2 := o.total(other)
	if !ok1 || !ok2 || other == "" {
		return exact.Fraction{}, false
	}
	if other == ps.rival {
		for _, x := range ps.met[:ps.nMet] {
			if t, ok := o.total(x); ok && ps.f.ahead(t.Value, b.Value) {
				b = t
			}
		}
	}
	m := a.Value.Sub(b.Value)
	if ps.f.lowerWins() {
		m = m.Neg()
	}
	if m.Sign() != 0 || a.Places < 0 {
		return m, true
	}
	u := halve(exact.Whole(decimal.New(1, -a.Places)))
	if !won {
		u = u.Neg()
	}
	return u, true
}
