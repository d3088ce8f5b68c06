package score

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
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
// re-scored. Otherwise (thresholds, across which a shift moves bids; a
// price divided by quality points or adjusted by features; a or b not
// ranked as evaluated) every hundredth from 0.01 up is asked, each as
// ShiftOutranks asks it: up to a hundred trials for each percentage point.
func (t *Trials) LeastShiftOutranking(from, to string, most decimal.Decimal, a, b string) (decimal.Decimal, bool, error) {
	most = most.RoundFloor(2)
	fi, ti, err := t.shiftTops(from, to)
	if err != nil {
		return decimal.Decimal{}, false, err
	}
	if _, err := t.shiftMarks(fi, most); err != nil {
		return decimal.Decimal{}, false, err
	}
	lo, hi, lines := t.shiftWindow(fi, ti, a, b)
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
	for k := lo; k <= hi; k++ {
		if sc != nil {
			if yes, known := sc.above(k); known && !yes {
				continue
			} else if known {
				return decimal.New(k, -2), true, nil
			}
		}
		d := decimal.New(k, -2)
		yes, err := ask(d) // what the scan cannot say
		if err != nil || yes {
			return d, yes && err == nil, err
		}
	}
	return decimal.Decimal{}, false, nil
}

// ShiftWindow returns the least and the most shift of weight, in
// hundredths of a percentage point of the whole, between which bid a could
// rank above bid b with that weight moved from one top-level criterion to
// another: outside them it does not; false when it does at none. Where
// the totals are lines in the shift it is where a's line comes within
// twice the rounding's reach of b's, or above it, as
// [Trials.LeastShiftOutranking] reads it; otherwise every shift there can
// be. Nothing is re-scored.
func (t *Trials) ShiftWindow(from, to string, a, b string) (lo, hi decimal.Decimal, ok bool, err error) {
	fi, ti, err := t.shiftTops(from, to)
	if err != nil {
		return lo, hi, false, err
	}
	l, h, _ := t.shiftWindow(fi, ti, a, b)
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

// shiftWindow is ShiftWindow in hundredths, and whether the totals are
// lines in the shift, so that a trial of it can be moved to another
// (weightState.moveMarks) and the window read from two lines: no
// thresholds, the price weighted, and both bids ranked.
func (t *Trials) shiftWindow(fi, ti int, a, b string) (lo, hi int64, lines bool) {
	lo, hi = 1, t.mostShift(fi)
	ia, okA := t.index[a]
	ib, okB := t.index[b]
	if t.hasTh || t.k.pol.unweightedPrice() || !okA || !okB || !t.ranked(ia) || !t.ranked(ib) {
		return lo, hi, false
	}
	ls := t.linesFor(fi, ti) // the lines alone: no set of them is drawn
	la, lb := ls[ia], ls[ib]
	wl, wh := pairLines{c: la.C.Sub(lb.C), g: la.G.Sub(lb.G)}.window(t.reach2, t.hundreds)
	return max(lo, wl), min(hi, wh), true
}

// mostShift is the most weight, in hundredths of a percentage point, that
// can move from top-level criterion fi: a hundredth below all its marks.
func (t *Trials) mostShift(fi int) int64 {
	return exact.Rounding{Places: 0, Mode: exact.Ceiling}.Apply(t.k.tree.roots[fi].available.Mul(t.hundreds)).IntPart() - 1
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
	return exact.Rounding{Places: 0, Mode: mode}.Apply(h).IntPart()
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
