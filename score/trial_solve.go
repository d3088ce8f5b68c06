package score

import (
	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// The engine solved backwards: how high one criterion's normalised score
// would have to be for a bid's total, as shown, to reach a figure. A bid's
// total is its normalised score on a criterion carried up through the
// declared roundings and sums (leaf points, the top-level criterion, the
// total), each of which never falls as the score rises, so the scores that
// reach a figure are one half-line; each rounding is solved with
// [exact.Rounding.AtLeast] or [exact.Rounding.AtMost], each sum by taking
// off the bid's other points as shown. The analyses use it to find a price
// to win without trying prices (criteria's [criteria.PriceRule.PriceAt]
// turns the score into a price), then confirm the price with a trial.

// LeastScore returns the bound on a bid's normalised score on a
// field-relative criterion (price, social value) at and above which its
// total, as shown, would be at least goal (more than goal when strict),
// every other line of the bid as evaluated: the total reaches goal exactly
// when the score is at or above the bound (above it when it is Open).
// false when the bid has no total, the criterion is not a leaf scored over
// the field, it carries no marks, or the total is a price divided rather
// than points added (price per quality point, a price adjusted by
// features).
func (t *Trials) LeastScore(bidID, criterion string, goal exact.Fraction, strict bool) (exact.Bound, bool) {
	return t.solve(bidID, criterion, goal, strict, false)
}

// MostScore returns the bound on a bid's normalised score on a
// field-relative criterion at and below which its total, as shown, would be
// at most goal (less than goal when strict): the total stays within goal
// exactly when the score is at or below the bound (below it when Open).
func (t *Trials) MostScore(bidID, criterion string, goal exact.Fraction, strict bool) (exact.Bound, bool) {
	return t.solve(bidID, criterion, goal, strict, true)
}

// TotalWith returns the total, as shown, a bid would have if its
// normalised score on a field-relative criterion were score, every other
// line as evaluated; false as for [Trials.LeastScore].
func (t *Trials) TotalWith(bidID, criterion string, score exact.Fraction) (Figure, bool) {
	s, n, ok := t.solvable(bidID, criterion)
	if !ok {
		return Figure{}, false
	}
	k := t.k
	sc := t.solving()
	defer t.solved.Put(sc)
	c := &sc.s
	*c = *s
	sc.fcells = append(sc.fcells[:0], s.fcells...)
	c.fcells = sc.fcells
	c.fcells[n.field].a = criteria.Assessment{Value: score}
	if len(k.tieNodes) > 0 {
		sc.tie = append(sc.tie[:0], make([]Figure, len(k.tieNodes))...)
		c.tie = sc.tie
	}
	k.totalNums(c, sc.nums)
	k.total(c, sc.nums)
	fig, scored := c.total.Points, c.total.Scored
	*c = bidKernel{} // holds nothing of the bid once given back
	return fig, scored
}

// solveScratch is the working of one [Trials.TotalWith], kept for the
// next: the bid as changed, its field cells and tie-break points, and one
// line per node.
type solveScratch struct {
	s      bidKernel
	fcells []cell
	tie    []Figure
	nums   []num
	prep   bidPrep // for QualityAt: the bid's prepared lines with its price changed
	quotes []criteria.Quote
}

// solving returns the working for one TotalWith; give it back to t.solved.
func (t *Trials) solving() *solveScratch {
	if sc, ok := t.solved.Get().(*solveScratch); ok {
		return sc
	}
	return &solveScratch{nums: make([]num, len(t.k.tree.nodes))}
}

// solvable returns the bid and the leaf a score can be solved for.
func (t *Trials) solvable(bidID, criterion string) (*bidKernel, *node, bool) {
	i, ok := t.index[bidID]
	if !ok {
		return nil, nil, false
	}
	k := t.k
	n, ok := k.tree.byID[criterion]
	s := &k.bids[i]
	if !ok || n.field < 0 || s.out() || !s.total.Scored || s.fcells[n.field].state != cellScored ||
		k.pol.unweightedPrice() || n.available.Sign() <= 0 {
		return nil, nil, false
	}
	return s, n, true
}

// solve carries the goal down from the total to the leaf's normalised
// score, undoing each rounding and sum on the way.
func (t *Trials) solve(bidID, criterion string, goal exact.Fraction, strict, most bool) (exact.Bound, bool) {
	s, n, ok := t.solvable(bidID, criterion)
	if !ok {
		return exact.Bound{}, false
	}
	k := t.k
	nums := t.evaluated(s.idx)
	b := exact.Bound{Value: goal, Open: strict}
	undo := func(r *exact.Rounding) {
		if r == nil {
			return
		}
		if most {
			b = r.AtMost(b.Value, b.Open)
		} else {
			b = r.AtLeast(b.Value, b.Open)
		}
	}
	undo(k.stage[3]) // the total, rounded
	// The path from the top-level criterion down to the leaf.
	path := make([]*node, 0, 8)
	for x := n; x != nil; x = x.parent {
		path = append(path, x)
	}
	top := path[len(path)-1]
	b.Value = b.Value.Sub(s.total.Unrounded.Sub(nums[top.index].points.Value)) // the other top-level criteria, as shown
	for i := len(path) - 1; i > 0; i-- {
		a, child := path[i], path[i-1]
		if a.depth == 0 {
			undo(k.stage[2])
		}
		b.Value = b.Value.Sub(nums[a.index].unrounded.Sub(nums[child.index].points.Value)) // the siblings, as shown
	}
	switch {
	case k.stage[1] != nil:
		undo(k.stage[1])
	case n.depth == 0:
		undo(k.stage[2])
	}
	b.Value, _ = b.Value.Quo(n.available)
	undo(k.stage[0])
	return b, true
}
