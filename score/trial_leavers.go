package score

import (
	"slices"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// Bids a risen best offer takes below the minimum, found as they are met.
//
// When every best offer a trial moves rose, the other bids' points there
// can only fall: no bid joins the trial, and those that leave it are among
// the bids that pass only with that criterion's points (thStake.relies).
// A trial of a 1,000-bid lot can take dozens of them below the minimum,
// and a lot's analysis runs thousands of such trials: testing every one of
// them in every trial made the analysis quadratic in its bids. So each is
// tested only when the trial meets it (leavers.leaves), and a trial meets
// few: the contenders, and the bids only a leaving contender covers
// (leavingWalk); the ends of the field of prices, read in order of price
// (spreadLeaving); and any bid asked about afterwards.

// leavers is a trial's test of which bids its risen best offers take below
// the minimum, each bid tested once, when first met.
type leavers struct {
	stakes []thStake
	self   int
	seen   map[int]bool
}

// risenLeavers returns the test for a trial of a change to the bid at
// position self whose best offers moved as moved has them, or false when
// not every one rose (a bid may then join the trial: thresholdFlips) or
// what it rests on is not known: a stake not ok, moves under two top-level
// criteria, or a price adjusted by features. A price divided by quality
// points is no field's (price reads none for it), so a bid leaving moves
// no other bid's figures there.
func (t *Trials) risenLeavers(moved []svMove, self int) (*leavers, bool) {
	if !oneTop(moved) {
		return nil, false
	}
	for _, n := range t.k.prices {
		if n.c.Price.Method == criteria.AdjustedByFeatures {
			return nil, false
		}
	}
	lv := &leavers{self: self}
	for _, m := range moved {
		st := t.stakeOf(m.n)
		if !st.ok || m.best.Cmp(m.was) < 0 {
			return nil, false
		}
		lv.stakes = append(lv.stakes, st)
	}
	return lv, true
}

// leaves reports whether the trial takes the bid at position i below the
// minimum: it passed as evaluated, and fails against the moved offers.
func (st *trialState) leaves(i int) bool {
	lv := st.leave
	if lv == nil || i == lv.self {
		return false
	}
	if out, ok := lv.seen[i]; ok {
		return out
	}
	staked := false
	for _, s := range lv.stakes {
		if _, ok := slices.BinarySearch(s.relies, i); ok {
			staked = true
			break
		}
	}
	out := staked && st.t.thresholdMoves(i, st.svMoved)
	if lv.seen == nil {
		lv.seen = map[int]bool{}
	}
	lv.seen[i] = out
	return out
}

// leavingWalk is the walk of a trial with leavers: the front, and every bid
// whose covering front bids (the first two noted) are all the changed bid
// or leave — in standings order. A bid covered by one that stays is below
// it in the trial, as without leavers (see contenders).
func (st *trialState) leavingWalk() leadable {
	t := st.t
	c := t.contendersOf()
	if !c.ok {
		return leadable{n: len(t.k.ranked), all: true}
	}
	gone := func(h int) bool { return h == st.self.idx || st.leaves(h) }
	pos := slices.Clone(c.front)
	for _, fp := range c.front {
		h := t.k.ranked[fp].idx
		if !gone(h) {
			continue
		}
		for _, p := range c.coveredBy[h] {
			if c.uncovered(t.k.ranked[p].idx, gone) {
				pos = append(pos, p)
			}
		}
	}
	slices.Sort(pos)
	return leadable{a: slices.Compact(pos)}
}

// uncovered reports whether every front bid noted covering bid j is gone.
func (c *contenders) uncovered(j int, gone func(int) bool) bool {
	for _, cv := range c.cover[j] {
		if cv.by >= 0 && !gone(int(cv.by)) {
			return false
		}
	}
	return true
}

// pricedBy returns price leaf j's field as evaluated, in order of price:
// the positions of the bids scored there within budget, read once.
func (t *Trials) pricedBy(j int) []int32 {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.byPrice == nil {
		t.byPrice = make([][]int32, len(t.k.prices))
	}
	if t.byPrice[j] != nil {
		return t.byPrice[j]
	}
	k, n := t.k, t.k.prices[j]
	idx := []int32{}
	for i := range k.bids {
		if q := k.bids[i].prep.quotes[j]; k.bids[i].fcells[n.field].state == cellScored && !n.c.Price.IsOverBudget(q.Price) {
			idx = append(idx, int32(i))
		}
	}
	slices.SortStableFunc(idx, func(a, b int32) int {
		return k.bids[a].prep.quotes[j].Exact().Cmp(k.bids[b].prep.quotes[j].Exact())
	})
	t.byPrice[j] = idx
	return idx
}

// spreadLeaving is price leaf j's field of prices in a trial with leavers,
// the changed bid's as evaluated: read from each end of the field in order
// of price, past the bids that leave, as far as the lowest and highest
// prices left, how many bids offer each, and the next price inside each.
// Its count is exact up to two and at least two beyond, which is all a
// trial reads of it (spreadStat.without).
func (st *trialState) spreadLeaving(j int) spreadStat {
	idx := st.t.pricedBy(j)
	quotes := func(x int) exact.Fraction { return st.t.k.bids[idx[x]].prep.quotes[j].Exact() }
	var sp spreadStat
	last := -1 // the bottom walk has read idx[:last+1]
	for x := range idx {
		last = x
		if st.leaves(int(idx[x])) {
			continue
		}
		p := quotes(x)
		above := sp.n > 0 && !p.Equal(sp.lo)
		sp.add(p)
		if above {
			break
		}
	}
	for x, hi, seen := len(idx)-1, exact.Zero, false; x > last; x-- {
		if st.leaves(int(idx[x])) {
			continue
		}
		p := quotes(x)
		below := seen && !p.Equal(hi)
		if !seen {
			hi, seen = p, true
		}
		sp.add(p)
		if below {
			break
		}
	}
	return sp
}
