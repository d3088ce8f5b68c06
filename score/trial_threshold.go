package score

import (
	"slices"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// Thresholds beside a best social value offer that moves.
//
// A best offer a changed price moves changes every other bid's points on
// that social value criterion, which, counted as quality, can take a bid
// below the minimum quality percentage (the best rose) or lift one the
// evaluation disqualified there above it (the best fell) — and a bid that
// leaves or joins so changes the field of prices, which thresholds come
// before. A trial follows the change only when no bid's standing at the
// thresholds moves: it checks, again and exactly, the few bids whose
// standing could — those that pass only with their points on that
// criterion, or fail by less than its marks. When one does, or when a
// criterion's own minimum percentage reads the leaf, the lot is evaluated
// whole but for the social value, whose every value is known without
// assessing the field again (wholeWithOffers).

// thStake is, for one social value leaf, the bids whose standing at the
// thresholds the points of its top-level criterion can move, by position: relies, those that pass
// and would not with none of the points of its top-level criterion;
// hopes, those disqualified only at the thresholds that would pass with
// all of them. ok is false when a criterion's own minimum percentage
// reads the leaf.
type thStake struct {
	relies, hopes []int
	ok            bool
}

// stakeOf returns leaf n's stake, read once.
func (t *Trials) stakeOf(n *node) thStake {
	t.mu.Lock()
	defer t.mu.Unlock()
	if st, ok := t.stakes[n.index]; ok {
		return st
	}
	st := t.drawStake(n)
	if t.stakes == nil {
		t.stakes = map[int]thStake{}
	}
	t.stakes[n.index] = st
	return st
}

// drawStake reads leaf n's stake from the lot as evaluated.
func (t *Trials) drawStake(n *node) thStake {
	k, th := t.k, t.th
	for _, m := range th.mins {
		for a := n; a != nil; a = a.parent {
			if a == m {
				return thStake{}
			}
		}
	}
	if th.minQuality == nil || !slices.Contains(th.quality, n.top) {
		return thStake{ok: true}
	}
	avail := exact.Zero
	for _, q := range th.quality {
		avail = avail.Add(q.available)
	}
	need := avail.Mul(exact.Whole(*th.minQuality)).Mul(ratio(exact.One, exact.Int(100))) // the quality points the minimum asks for
	st := thStake{ok: true}
	for i := range k.bids {
		s := &k.bids[i]
		if s.fcells[n.field].state != cellScored {
			continue
		}
		nums := t.evaluated(i)
		got := exact.Zero
		for _, q := range th.quality {
			got = got.Add(leafPoints(nums[q.index]))
		}
		rest := got.Sub(leafPoints(nums[n.top.index])) // with none of the top-level criterion's points
		switch {
		case !s.out():
			if rest.Cmp(need) < 0 {
				st.relies = append(st.relies, i)
			}
		case s.dq.Stage == AtThreshold && len(s.prep.low) == 0:
			if rest.Add(n.top.available).Add(exact.One).Cmp(need) >= 0 { // a point spare for any rounding
				st.hopes = append(st.hopes, i)
			}
		}
	}
	return st
}

// thresholdsHold reports whether no bid's standing at the thresholds but
// the changed one's (at position self) moves when the best offers move as
// moved has them.
func (t *Trials) thresholdsHold(moved []svMove, self int) bool {
	if !oneTop(moved) {
		return false
	}
	for _, m := range moved {
		st := t.stakeOf(m.n)
		if !st.ok {
			return false
		}
		at := st.relies // the best rose: the others' points fall
		if m.best.Cmp(m.was) < 0 {
			at = st.hopes
		}
		for _, i := range at {
			if i != self && t.thresholdMoves(i, moved) {
				return false
			}
		}
	}
	return true
}

// thresholdMoves reports whether the bid at position i would stand
// otherwise at the thresholds with every moved best offer.
func (t *Trials) thresholdMoves(i int, moved []svMove) bool {
	k := t.k
	base := &k.bids[i]
	s := *base
	s.fcells, s.dq, s.extra, s.qpct = slices.Clone(base.fcells), nil, nil, nil
	s.reached = reachedQuality
	for _, m := range moved {
		if c := &s.fcells[m.n.field]; c.state == cellScored {
			v, _ := c.a.ValueAt(nil, m.best) // measured as evaluated: only the best moved
			c.a = criteria.Assessment{Value: v}
		}
	}
	scratch := t.nums()
	defer t.done(scratch)
	k.threshold(&s, *scratch, t.th, false)
	return s.out() != base.out()
}

// wholeWithOffers re-scores a change by evaluating the changed lot whole,
// the bid at position i read as p, except for the social value criteria:
// the changed bid's values are s's, and every other bid's its own as
// evaluated against the best offers as moved — numbers only, as a trial
// keeps them (the field is the same: trial checks that it is).
func (t *Trials) wholeWithOffers(i int, b *Bid, p *bidPrep, s *bidKernel, moved []svMove) Trial {
	q := *t.lp
	q.bids = slices.Clone(t.lp.bids)
	q.bids[i] = *b
	q.per = slices.Clone(t.lp.per)
	q.per[i] = *p
	sv, same := socialValueFrom(t.k, moved, i, s), t.thresholdsSame(moved, i)
	return t.fromResult(q.kernelWith(true, func(k *lotKernel) {
		sv(k)
		k.thSame, k.thBase = same, t.k
	}).result())
}

// thresholdsSame is, by bid position, whether a bid stands at the
// thresholds as evaluated once the best offers move as moved has them:
// every bid but the changed one (at position self) and those whose
// standing the moves could change (thStake); nil when that is not known.
func (t *Trials) thresholdsSame(moved []svMove, self int) []bool {
	if !oneTop(moved) {
		return nil
	}
	same := make([]bool, len(t.k.bids))
	for i := range same {
		same[i] = i != self
	}
	for _, m := range moved {
		st := t.stakeOf(m.n)
		if !st.ok {
			return nil
		}
		for _, i := range slices.Concat(st.relies, st.hopes) {
			same[i] = false
		}
	}
	return same
}

// socialValueFrom scores a kernel's social value criteria from base's, for
// a lot whose social value fields are base's: each bid's cell as base has
// it, its value against a best offer as moved (numbers only), and the bid
// at position self (none when below 0) as s has it.
func socialValueFrom(base *lotKernel, moved []svMove, self int, s *bidKernel) func(k *lotKernel) {
	return func(k *lotKernel) {
		for _, n := range base.fieldLfs {
			if n.c.SocialValue == nil {
				continue
			}
			if ids, ok := base.fields[n.index]; ok {
				k.fields[n.index] = ids
			}
			for j := range k.bids {
				c := base.bids[j].fcells[n.field]
				switch {
				case j == self:
					c = s.fcells[n.field]
				case c.state == cellScored:
					for _, m := range moved {
						if m.n == n {
							v, _ := c.a.ValueAt(nil, m.best) // measured as evaluated: only the best moved
							c.a = criteria.Assessment{Value: v}
						}
					}
				}
				k.bids[j].fcells[n.field] = c
			}
		}
	}
}

// oneTop reports whether every moved leaf is under one top-level
// criterion: a stake leaves out only its own criterion's points, so moves
// under two are not followed.
func oneTop(moved []svMove) bool {
	for _, m := range moved[1:] {
		if m.n.top != moved[0].n.top {
			return false
		}
	}
	return true
}
