package score

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/envelope"
)

// LeastShiftOutranking returns the least shift of weight, in hundredths of
// a percentage point of the whole and at most most, at which bid a ranks
// above bid b with that weight moved from one top-level criterion to
// another: the least at which [Trials.ShiftOutranks] says so, and false
// when none up to most does. The criteria and most are as
// [Trials.WithWeightShift] takes them; most is read to the hundredth
// below.
//
// The totals as shown step with the declared rounding, so a can rank
// above b at some shifts below the one where their totals before rounding
// draw level, and not at others between. Where the totals are lines in the
// shift (no thresholds, the price weighted), a's total as shown is within
// the rounding's reach ([Trials.RoundingReach]) of its line, and so is
// b's: only the hundredths where a's line comes within twice the reach of
// b's, or above it, are asked, from the least up, and each is a and b
// re-scored. Under price per quality point only the hundredths of the two
// ratios' window ([Trials.ShiftWindow]) are asked, each as ShiftOutranks
// asks it: without thresholds, under the leaves' rounding, each bid's
// ratio read from its quality points in machine integers, nothing
// re-scored. Under thresholds the window holds while b is in and, with
// the price weighted, while no other bid crossing one has moved a figure
// the others are scored against (one alone at an end of a field of
// prices): the window is asked, and every hundredth from the least shift
// at which either could happen. Otherwise (a price adjusted by features;
// a or b not ranked as evaluated, nor a bid that would join without
// moving a figure) every hundredth from 0.01 up is asked so: up to a
// hundred trials for each percentage point.
func (t *Trials) LeastShiftOutranking(from, to string, most decimal.Decimal, a, b string) (decimal.Decimal, bool, error) {
	most = most.RoundFloor(2)
	fi, ti, err := t.shiftTops(from, to)
	if err != nil {
		return decimal.Decimal{}, false, err
	}
	if _, err := t.shiftMarks(fi, most); err != nil {
		return decimal.Decimal{}, false, err
	}
	lo, hi, kind, gap := t.shiftWindow(fi, ti, a, b)
	if t.hasTh {
		lo, hi, gap = t.thresholdWindow(fi, ti, a, b, lo, hi, kind, gap)
	}
	lines := kind == windowLines && !t.hasTh
	hi = min(hi, most.Shift(2).IntPart())
	ask := func(d decimal.Decimal) (bool, error) { return t.ShiftOutranks(from, to, d, a, b) }
	var sc *shiftScan
	if lines {
		var st *trialState // readied when first asked, then moved to each shift asked
		ask = func(d decimal.Decimal) (bool, error) {
			if st == nil {
				st, _, err = t.weightTrial(from, to, d)
				return err == nil && st.outranks(a, b), err
			}
			st.w.moveMarks(t.k, exact.Whole(shiftMove(t.lp.lot.Policy, d)))
			return st.outranks(a, b), nil
		}
		sc, _ = t.scanOf(fi, ti, t.index[a], t.index[b])
	}
	var rs *ratioScan
	if ia, ib, both := t.indexOf(a, b); t.k.pol.basis() == PricePerQualityPoint && !t.hasTh && both {
		rs = t.ratioScanOf(fi, ti, ia, ib)
	}
	above := func(k int64) (yes, known bool) {
		switch {
		case sc != nil:
			return sc.above(k)
		case rs != nil:
			return rs.above(k)
		}
		return false, false
	}
	for k := lo; k <= hi; k++ {
		if k == gap[0] && gap[0] <= gap[1] {
			k = gap[1] // the loop steps past it
			continue
		}
		if yes, known := above(k); known && !yes {
			continue
		} else if known {
			return decimal.New(k, -2), true, nil
		}
		d := decimal.New(k, -2)
		yes, err := ask(d) // what the scan cannot say
		if err != nil || yes {
			return d, yes && err == nil, err
		}
	}
	return decimal.Decimal{}, false, nil
}

// thresholdWindow is the hundredths LeastShiftOutranking asks under
// thresholds, from the two bids' window lo to hi (with its gap). The
// window holds while b is in, and under weighted points while no other
// bid crossing one has moved a figure the others are scored against
// (under price per quality point none can): past the least shift at which
// either could happen (cut) every hundredth is asked, and the hundredths
// between are a gap.
func (t *Trials) thresholdWindow(fi, ti int, a, b string, lo, hi int64, kind windowKind, gap [2]int64) (int64, int64, [2]int64) {
	most := t.mostShift(fi)
	if kind == windowAll {
		return 1, most, [2]int64{1, 0}
	}
	cut := t.windowCut(fi, ti, t.index[a], t.index[b], kind == windowLines)
	switch {
	case cut > most:
		return lo, hi, gap
	case lo > hi || cut <= lo:
		return cut, most, [2]int64{1, 0}
	case gap[0] <= gap[1]: // the window runs on to the most already
		gap[1] = min(gap[1], cut-1)
		return lo, hi, gap
	}
	return lo, most, [2]int64{hi + 1, cut - 1}
}

// windowCut is the least hundredth of a shift from top-level criterion fi
// to ti at which the bid at position ib could cross a threshold, or, with
// movers, another bid but ia whose crossing could move a figure
// (movesCrossing): past every shift when none could.
func (t *Trials) windowCut(fi, ti, ia, ib int, movers bool) int64 {
	sv := t.sieve(t.k.tree.roots[fi], t.k.tree.roots[ti])
	for x, i := range sv.order { // in order of the least shift
		if i == ib || movers && i != ia && t.movesCrossing(i) {
			return max(1, hundredthsOf(sv.least[x].Mul(t.hundreds), exact.Floor))
		}
	}
	return int64(1) << 40
}

// movesCrossing reports whether the bid at position i, crossing a
// threshold, could move a figure the others are scored against: below one
// as evaluated, unless it joins without moving one (mayJoin); ranked, when
// it alone holds a field's lowest price, or its highest under the linear
// method (the social value fields are drawn before any threshold).
func (t *Trials) movesCrossing(i int) bool {
	k := t.k
	s := &k.bids[i]
	if s.out() {
		return !t.mayJoin(i)
	}
	for j, n := range k.prices {
		rule, q, sp := n.c.Price, s.prep.quotes[j].Exact(), t.spreads[j]
		if s.fcells[n.field].state != cellScored || rule.IsOverBudget(s.prep.quotes[j].Price) || rule.Method == criteria.Band {
			continue
		}
		if q.Equal(sp.lo) && sp.nLo == 1 || rule.Method == criteria.Linear && q.Equal(sp.hi) && sp.nHi == 1 {
			return true
		}
	}
	return false
}

// ShiftWindow returns the least and the most shift of weight, in
// hundredths of a percentage point of the whole, between which bid a could
// rank above bid b with that weight moved from one top-level criterion to
// another: outside them it does not; false when it does at none. Where
// the price is weighted and both bids are ranked, it is where a's line
// comes within twice the rounding's reach of b's, or above it, as
// [Trials.LeastShiftOutranking] reads it. Under thresholds that holds only
// while no bid crosses one: past a shift at which b could fall below one,
// or another bid could cross one and move the figures the bids are scored
// against ([Trials.ShiftCrossings]), a may rank above b outside it.
// Under price per quality point it is where a's ratio could be shown at
// or below b's: a's price × b's quality points less b's price × a's, a
// line in the shift, within what the rounding of the points and of the
// ratio can move it; past a shift at which either bid's quality points
// could come within the rounding's reach of nothing (b could then leave
// the ranking) it runs on to the most there can be. Under either basis a
// may be below a threshold as evaluated where it would join without moving
// a figure ([Trials.JoinsWithoutMoving]): its line is then its total, or
// ratio, had it passed, and outside the window it does not rank above b,
// in or out (under weighted points, while no other bid crosses a threshold
// and moves a figure). Otherwise (a price adjusted by features, a bid not
// ranked, or one with no more points than that reach as evaluated) it is
// every shift there can be. Nothing is re-scored.
func (t *Trials) ShiftWindow(from, to string, a, b string) (lo, hi decimal.Decimal, ok bool, err error) {
	fi, ti, err := t.shiftTops(from, to)
	if err != nil {
		return lo, hi, false, err
	}
	l, h, _, _ := t.shiftWindow(fi, ti, a, b)
	if l > h {
		return lo, hi, false, nil
	}
	return decimal.New(l, -2), decimal.New(h, -2), true, nil
}

// shiftTops finds the two top-level criteria of a shift of weight.
func (t *Trials) shiftTops(from, to string) (fi, ti int, err error) {
	fi, ti = t.topIndex(from), t.topIndex(to)
	if fi < 0 || ti < 0 || fi == ti {
		return 0, 0, oneProblem("weightShift", from+" → "+to, "top-level", "a shift of weight is between two different top-level criteria of the lot that carry weight")
	}
	return fi, ti, nil
}

// windowKind says what a window was read from (shiftWindow).
type windowKind int

const (
	windowAll   windowKind = iota // every shift there can be
	windowLines                   // the two totals' lines: a trial can be moved from shift to shift
	windowRatio                   // under price per quality point, the two ratios
)

// shiftWindow is ShiftWindow in hundredths, and what it was read from;
// gap, when gap[0] ≤ gap[1], is a run of hundredths within it at none of
// which a ranks above b.
func (t *Trials) shiftWindow(fi, ti int, a, b string) (lo, hi int64, kind windowKind, gap [2]int64) {
	lo, hi = 1, t.mostShift(fi)
	none := [2]int64{1, 0}
	ia, okA := t.index[a]
	ib, okB := t.index[b]
	if !okA || !okB || !t.ranked(ib) || !t.ranked(ia) && !t.mayJoin(ia) {
		return lo, hi, windowAll, none
	}
	ls := t.linesFor(fi, ti) // the lines alone: no set of them is drawn
	la, lb := ls[ia], ls[ib]
	if !t.ranked(ia) { // below a threshold as evaluated, had it passed
		la = t.joinerLine(ia, t.k.tree.roots[fi], t.k.tree.roots[ti])
	}
	switch t.k.pol.basis() {
	case WeightedPoints:
		wl, wh := pairLines{c: la.C.Sub(lb.C), g: la.G.Sub(lb.G)}.window(t.reach2, t.hundreds)
		return max(lo, wl), min(hi, wh), windowLines, none
	case PricePerQualityPoint:
		p, tail, ok := t.ratioLines(fi, la, lb, ia, ib)
		if !ok {
			break
		}
		wl, wh := p.window(exact.Zero, t.hundreds)
		wl, wh = max(lo, wl), min(hi, wh, tail-1)
		if tail > hi { // the lines hold at every shift
			return wl, wh, windowRatio, none
		}
		if wl > wh { // past tail a bid's points could come near nothing: every hundredth is asked
			return max(lo, tail), hi, windowRatio, none
		}
		return wl, hi, windowRatio, [2]int64{wh + 1, tail - 1}
	}
	return lo, hi, windowAll, none
}

// JoinsWithoutMoving reports whether a bid below a threshold as evaluated
// would move no figure the other bids are scored against should a shift of
// weight lift it over: under price per quality point, always (each price
// is divided by its own quality points); under weighted points, when each
// of its prices is within budget and inside its field as evaluated, above
// the lowest price and, under the linear method, below the highest (a band
// reads no field). The social value fields are drawn before any threshold,
// so nothing else moves. Such a bid's total, or ratio, should it join, is
// read as a ranked bid's is ([Trials.ShiftWindow]). false for any other
// bid.
func (t *Trials) JoinsWithoutMoving(bidID string) bool {
	i, ok := t.index[bidID]
	return ok && t.mayJoin(i)
}

// mayJoin is JoinsWithoutMoving for the bid at position i.
func (t *Trials) mayJoin(i int) bool {
	k := t.k
	s := &k.bids[i]
	if !s.out() || s.dq.Stage != AtThreshold {
		return false
	}
	switch k.pol.basis() {
	case PricePerQualityPoint:
		return true
	case WeightedPoints:
		for j, n := range k.prices {
			rule, q, sp := n.c.Price, s.prep.quotes[j], t.spreads[j]
			switch {
			case rule.IsOverBudget(q.Price):
				return false
			case rule.Method == criteria.Band:
			case sp.n == 0 || q.Exact().Cmp(sp.lo) <= 0, rule.Method == criteria.Linear && q.Exact().Cmp(sp.hi) >= 0:
				return false
			}
		}
		return true
	}
	return false
}

// joinerLine is lineOf for a bid below a threshold as evaluated that
// joins without moving a figure (mayJoin), had it passed: its prices
// scored against their fields as evaluated.
func (t *Trials) joinerLine(i int, F, T *node) envelope.Line {
	k := t.k
	s := k.bids[i]
	s.fcells = slices.Clone(s.fcells)
	for j, n := range k.prices {
		if m := n.c.Price.Method; m != criteria.PerQualityPoint && m != criteria.AdjustedByFeatures {
			s.fcells[n.field] = cell{a: criteria.Assessment{Value: t.spreads[j].scoreIn(n.c.Price, s.prep.quotes[j])}, state: cellScored, quote: int32(j)}
		}
	}
	scratch := t.nums()
	defer t.done(scratch)
	nums := *scratch
	k.numbers(&s, nums)
	return lineThrough(k, func(n *node) exact.Fraction { return nums[n.index].unrounded }, F, T, i)
}

// ratioLines is, under price per quality point, where bid a's ratio (its
// price over its quality points, the sum of its weighted criteria) can be
// shown at or below b's, as a line c + g·m ≥ 0 in the marks m moved: a's
// price × b's points less b's price × a's is at most (a's price + b's) ×
// the rounding's reach of the points, plus twice the ratio's rounding's
// reach × the most points there are, squared. That holds while both bids'
// points are more than the reach: tail is the least hundredth at which
// either's could come within it of nothing (b could then leave the
// ranking), past every shift when neither's can. false when one's could
// as evaluated.
func (t *Trials) ratioLines(fi int, la, lb envelope.Line, ia, ib int) (p pairLines, tail int64, ok bool) {
	k := t.k
	var price *node
	most := exact.Zero // the quality points there are: the weighted criteria's marks
	for _, n := range k.tree.roots {
		if n.c.Price != nil {
			price = n
			continue
		}
		most = most.Add(n.available)
	}
	if price == nil || price.price < 0 {
		return pairLines{}, 0, false
	}
	pa := k.bids[ia].prep.quotes[price.price].Exact()
	pb := k.bids[ib].prep.quotes[price.price].Exact()
	reach := t.reach
	tail = int64(1) << 40
	for _, l := range []envelope.Line{la, lb} {
		if l.C.Cmp(reach) <= 0 {
			return pairLines{}, 0, false
		}
		if l.G.Sign() < 0 { // C + G·m > reach while m < (C − reach) ÷ −G
			m, _ := l.C.Sub(reach).Quo(l.G.Neg())
			tail = min(tail, hundredthsOf(m.Mul(t.hundreds), exact.Floor))
		}
	}
	k3 := exact.Zero
	if r := k.stage[stageIndex(Total)]; r != nil {
		k3 = roundingReach(r).Mul(exact.Int(2)).Mul(most).Mul(most)
	}
	bound := pa.Add(pb).Mul(reach).Add(k3)
	// c + g·m = bound − (pa·Cb − pb·Ca) − (pa·Gb − pb·Ga)·m ≥ 0
	c := bound.Sub(pa.Mul(lb.C).Sub(pb.Mul(la.C)))
	g := pb.Mul(la.G).Sub(pa.Mul(lb.G))
	return pairLines{c: c, g: g}, tail, true
}

// mostShift is the most weight, in hundredths of a percentage point, that
// can move from top-level criterion fi: a hundredth below all its marks.
func (t *Trials) mostShift(fi int) int64 {
	n, ok := exact.Rounding{Places: 0, Mode: exact.Ceiling}.Units(t.k.tree.roots[fi].available.Mul(t.hundreds))
	if !ok {
		return int64(1) << 40 // past every shift asked about
	}
	return n - 1
}

// pairLines is the difference of two bids' totals before rounding, as a
// line in the marks a shift of weight moves: c + g × the marks moved.
type pairLines struct{ c, g exact.Fraction }

// ranked reports whether the bid at position i was ranked as evaluated.
func (t *Trials) ranked(i int) bool {
	s := &t.k.bids[i]
	return !s.out() && s.total.Scored
}

// window returns the hundredths of a percentage point, lo to hi, outside
// which a's total as shown cannot reach b's: each is within the rounding's
// reach of its line, so a needs c + g·m ≥ −2·reach (less2, given), m the
// marks moved (hundreds hundredths for each mark). Where g is above zero,
// a is above b for certain once c + g·m > 2·reach: hi is then past every
// answer, and the search stops at the first. lo > hi when no shift can do
// it.
func (p pairLines) window(less2, hundreds exact.Fraction) (lo, hi int64) {
	const ever = int64(1) << 40 // past every shift: the most bounds it
	need := less2.Sub(p.c)      // g·m ≥ need
	switch p.g.Sign() {
	case 0:
		if need.Sign() <= 0 {
			return 1, ever
		}
		return 1, 0
	case 1:
		m, _ := need.Quo(p.g) // g is not zero
		return hundredthsOf(m.Mul(hundreds), exact.Ceiling), ever
	}
	m, _ := need.Quo(p.g) // dividing by g below zero turns ≥ into ≤
	return 1, hundredthsOf(m.Mul(hundreds), exact.Floor)
}

// hundredthsOf is h hundredths rounded to whole ones by mode, held within
// what a shift can be.
func hundredthsOf(h exact.Fraction, mode exact.Mode) int64 {
	switch {
	case h.Sign() < 0:
		return 0
	case h.Cmp(exact.Int(1<<40)) > 0:
		return int64(1) << 40
	}
	n, _ := exact.Rounding{Places: 0, Mode: mode}.Units(h) // within 2^40: it fits
	return n
}

// moveMarks sets the shift to move marks moved, every node's marks
// available under it, and forgets the bids re-scored under another.
func (w *weightState) moveMarks(k *lotKernel, move exact.Fraction) {
	aF, aT := w.from.available, w.to.available
	sF, _ := aF.Sub(move).Quo(aF) // a top-level criterion that carries weight: never zero
	sT, _ := aT.Add(move).Quo(aT)
	for i, n := range k.tree.nodes {
		switch n.top.index {
		case w.from.index:
			w.avail[i] = n.available.Mul(sF)
		case w.to.index:
			w.avail[i] = n.available.Mul(sT)
		default:
			w.avail[i] = n.available
		}
	}
	w.d = move
	clear(w.cache)
}
