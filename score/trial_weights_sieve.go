package score

import (
	"slices"

	"github.com/tenderscore/tenderscore/exact"
)

// Which bids a shift of weight could take across the thresholds. Under a
// shift of d marks from top-level criterion F to T, every line under F
// carries (aF − d) ÷ aF of its marks and every line under T (aT + d) ÷ aT,
// aF and aT their marks: a criterion's points before rounding, and the
// marks a minimum is read against, are lines in d. So is each threshold's
// margin — a criterion's points less its minimum, the quality points less
// the minimum quality percentage of the quality marks — and the points as
// shown are within the rounding's reach (Trials.slack) of their lines. A
// bid whose margin at d is more than the reach from zero, on the side it
// is on as evaluated, stands as evaluated; a margin moves towards zero at
// a fixed rate, so each bid has a least shift below which it cannot cross,
// worked out once for each pair of criteria. A shift tests only the bids
// whose least shift it reaches (shiftFlips).

// thresholdSieve holds, for one shift of weight between two top-level
// criteria, the bids the thresholds test in order of the least shift at
// which each could cross them: those that never could are left out.
type thresholdSieve struct {
	order []int            // bid positions
	least []exact.Fraction // the least shift of each, in marks moved, ascending
	at    map[int]int      // each bid's place in order, by its position
}

// ShiftCrossing is one bid a shift of weight could take across a
// threshold, and the least shift at which it could.
type ShiftCrossing struct {
	BidID string
	// Least is the least shift, in percentage points of the whole, at which
	// the bid could stand otherwise against a threshold than as evaluated:
	// below it, it stands as it does.
	Least exact.Fraction
}

// ShiftCrossings returns the bids a shift of weight from one top-level
// criterion to another could take across the lot's thresholds (a minimum
// quality score, a criterion's minimum score), each with the least shift at
// which it could, in that order; nil when the lot has none, or from and to
// are not two top-level criteria that carry weight. A bid's margin against
// a threshold is a line in the weight moved, and its points as shown are
// within the rounding's reach of their lines: its least shift is where its
// line comes within that reach of zero, and it may cross a little above
// that or not at all. The bids are those the thresholds test: a bid out at
// a gate is not among them, a bid below a minimum as evaluated is. Worked
// out once for each pair of criteria.
func (t *Trials) ShiftCrossings(from, to string) []ShiftCrossing {
	fi, ti := t.topIndex(from), t.topIndex(to)
	if !t.hasTh || fi < 0 || ti < 0 || fi == ti {
		return nil
	}
	sv := t.sieve(t.k.tree.roots[fi], t.k.tree.roots[ti])
	perPoint := t.per // marks moved by one percentage point
	out := make([]ShiftCrossing, len(sv.order))
	for x, i := range sv.order {
		p, _ := sv.least[x].Quo(perPoint) // above zero: a top level carries weight
		out[x] = ShiftCrossing{BidID: t.lp.bids[i].ID, Least: p}
	}
	return out
}

// reached returns the bids whose least shift is at most d, in the sieve's
// order.
func (sv *thresholdSieve) reached(d exact.Fraction) []int {
	n, _ := slices.BinarySearchFunc(sv.least, d, func(a, b exact.Fraction) int {
		if a.Cmp(b) <= 0 {
			return -1
		}
		return 1
	})
	return sv.order[:n]
}

// sieve returns the sieve of a shift from top-level criterion F to T,
// worked out once for the pair.
func (t *Trials) sieve(F, T *node) *thresholdSieve {
	key := [2]int{F.index, T.index}
	t.mu.Lock()
	if sv, ok := t.sieves[key]; ok {
		t.mu.Unlock()
		return sv
	}
	t.mu.Unlock()
	sv := t.drawSieve(F, T)
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.sieves == nil {
		t.sieves = map[[2]int]*thresholdSieve{}
	}
	t.sieves[key] = sv
	return sv
}

// drawSieve finds each bid's least shift from F to T at which it could
// cross a threshold: every bid not out before them (at a gate, by
// disregard or for a mark below a question's minimum).
func (t *Trials) drawSieve(F, T *node) *thresholdSieve {
	type crossing struct {
		i int
		d exact.Fraction
	}
	var cs []crossing
	reach := t.slack()
	for i := range t.k.bids {
		if p := &t.lp.per[i]; p.dq != nil || len(p.low) > 0 {
			continue
		}
		if d, ok := t.leastCrossing(t.evaluated(i), F, T, reach); ok {
			cs = append(cs, crossing{i, d})
		}
	}
	slices.SortStableFunc(cs, func(a, b crossing) int { return a.d.Cmp(b.d) })
	sv := &thresholdSieve{order: make([]int, len(cs)), least: make([]exact.Fraction, len(cs)), at: make(map[int]int, len(cs))}
	for x, c := range cs {
		sv.order[x], sv.least[x], sv.at[c.i] = c.i, c.d, x
	}
	return sv
}

// leastCrossing is the least shift from F to T at which a bid whose lines
// as evaluated are tab could stand otherwise against any threshold; false
// when no shift can move it across one.
func (t *Trials) leastCrossing(tab []tabled, F, T *node, reach exact.Fraction) (exact.Fraction, bool) {
	rate := func(n *node) exact.Fraction { // how a line under n's top moves with each mark moved, over its value
		switch n.top {
		case F:
			r, _ := exact.One.Quo(F.available)
			return r.Neg()
		case T:
			r, _ := exact.One.Quo(T.available)
			return r
		}
		return exact.Zero
	}
	least, ok := exact.Fraction{}, false
	consider := func(m0, g exact.Fraction) {
		if d, can := marginCrosses(m0, g, reach); can && (!ok || d.Cmp(least) < 0) {
			least, ok = d, true
		}
	}
	for _, n := range t.th.mins {
		m0 := linearPoints(tab, n).Sub(t.th.need(n, nil))
		consider(m0, m0.Mul(rate(n)))
	}
	if t.th.minQuality != nil && len(t.th.quality) > 0 {
		q := exact.Whole(t.th.minQuality.Shift(-2))
		m0, g := exact.Zero, exact.Zero
		for _, n := range t.th.quality {
			m := linearPoints(tab, n).Sub(n.available.Mul(q))
			m0, g = m0.Add(m), g.Add(m.Mul(rate(n)))
		}
		consider(m0, g)
	}
	return least, ok
}

// marginCrosses is the least shift d > 0 at which a margin m0 + g × d,
// shown within reach of that, could be on the other side of zero from m0
// or at it; false when none is.
func marginCrosses(m0, g, reach exact.Fraction) (exact.Fraction, bool) {
	if abs(m0).Cmp(reach) <= 0 {
		return exact.Zero, true // within reach as evaluated: any shift may move it
	}
	if g.Sign() == 0 || g.Sign() == m0.Sign() {
		return exact.Fraction{}, false // moving away from zero, or not at all
	}
	d, _ := abs(m0).Sub(reach).Quo(abs(g))
	return d, true
}

func abs(f exact.Fraction) exact.Fraction {
	if f.Sign() < 0 {
		return f.Neg()
	}
	return f
}

// linearPoints is a line's points before any rounding: the sum of the
// points of the leaves under it, each its normalised score (as rounded, if
// declared) times its marks.
func linearPoints(tab []tabled, n *node) exact.Fraction {
	if n.leaf() {
		return tab[n.index].unrounded
	}
	sum := exact.Zero
	for _, c := range n.children {
		sum = sum.Add(linearPoints(tab, c))
	}
	return sum
}
