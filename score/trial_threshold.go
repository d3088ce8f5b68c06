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
// before. A trial checks again, exactly, the few bids whose standing could
// move — those that pass only with their points on that criterion, or
// fail by less than its marks (thStake) — and follows those that do: a bid
// taken below the minimum leaves the trial, one lifted above it joins,
// priced against the trial's field of prices, which both change
// (thresholdFlips, spreadOf). When a criterion's own minimum percentage
// reads the leaf, or the moves are under two top-level criteria, the lot
// is evaluated whole but for the social value, whose every value is known
// without assessing the field again (wholeWithOffers).

// thStake is, for one social value leaf, the bids whose standing at the
// thresholds the points of its top-level criterion can move, by position:
// relies, those that pass and would not with none of those points;
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

// thresholdFlips returns the bids but the changed one (at position self)
// whose standing at the thresholds moves when the best offers move as
// moved has them: true for a bid that passed and now fails, false for one
// that failed and now passes (and is not then disqualified at a budget).
// ok is false when that is not known (a stake not ok, moves under two
// top-level criteria) or a price is scored per quality point, and the lot
// is evaluated whole.
func (t *Trials) thresholdFlips(moved []svMove, self int) (flips map[int]bool, ok bool) {
	if !oneTop(moved) {
		return nil, false
	}
	for _, m := range moved {
		st := t.stakeOf(m.n)
		if !st.ok {
			return nil, false
		}
		at := st.relies // the best rose: the others' points fall
		if m.best.Cmp(m.was) < 0 {
			at = st.hopes
		}
		for _, i := range at {
			if _, seen := flips[i]; seen || i == self || !t.thresholdMoves(i, moved) {
				continue
			}
			if flips == nil {
				flips = map[int]bool{}
			}
			flips[i] = !t.k.bids[i].out()
		}
	}
	if flips == nil {
		return nil, true
	}
	for _, n := range t.k.prices {
		if m := n.c.Price.Method; m == criteria.PerQualityPoint || m == criteria.AdjustedByFeatures {
			return nil, false
		}
	}
	for i, out := range flips {
		if !out && t.overBudget(i) {
			delete(flips, i) // still out, at the budget
		}
	}
	return flips, true
}

// overBudget reports whether the bid at position i is over a budget that
// disqualifies.
func (t *Trials) overBudget(i int) bool {
	k := t.k
	for j := range k.prices {
		if k.disqualifiesAt(j, &k.bids[i].prep.quotes[j]) {
			return true
		}
	}
	return false
}

// thresholdMoves reports whether the bid at position i would stand
// otherwise at the thresholds with every moved best offer.
func (t *Trials) thresholdMoves(i int, moved []svMove) bool {
	k := t.k
	base := &k.bids[i]
	s := *base
	s.fcells, s.dq, s.extra, s.qpct = slices.Clone(base.fcells), nil, nil, nil
	s.reached = reachedQuality
	againstMoved(s.fcells, moved)
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
	sv, same := socialValueFrom(t.k, moved, i, s, -1), t.thresholdsSame(moved, i)
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
// at position self (none when below 0) as s has it. With skip at 0 or
// above the kernel is base's lot without the bid at that position: each
// bid from it on is base's one further on, and its fields' ids are left
// unset, as only a quiet kernel, which words nothing, is scored so.
func socialValueFrom(base *lotKernel, moved []svMove, self int, s *bidKernel, skip int) func(k *lotKernel) {
	return func(k *lotKernel) {
		for _, n := range base.fieldLfs {
			if ids, ok := base.fields[n.index]; ok && n.c.SocialValue != nil && skip < 0 {
				k.fields[n.index] = ids
			}
		}
		for j := range k.bids {
			from := &base.bids[j]
			if skip >= 0 && j >= skip {
				from = &base.bids[j+1]
			}
			if j == self {
				from = s
			}
			for _, n := range base.fieldLfs {
				if n.c.SocialValue != nil {
					k.bids[j].fcells[n.field] = from.fcells[n.field]
				}
			}
			if j != self {
				againstMoved(k.bids[j].fcells, moved)
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

// inTrial reports whether the bid at position i is in the trial, not
// disqualified, and whether it joins it: the evaluation disqualified it at
// a threshold it now passes.
func (st *trialState) inTrial(i int) (in, joins bool) {
	if out, ok := st.flips[i]; ok {
		return !out, !out
	}
	return !st.t.k.bids[i].out() && !st.leaves(i), false
}

// leaving returns a bid the trial takes below a threshold: disqualified
// there, as a trial keeps it (numbers only).
func (st *trialState) leaving(i int) *bidKernel {
	if s, ok := st.kept(i); ok {
		return s
	}
	s := st.t.k.bids[i]
	s.belowThreshold()
	st.otherMap()
	st.other[i] = &s
	return &s
}

// belowThreshold takes a trial's copy of a bid out at a threshold, as a
// trial keeps it: numbers only, the rule named but not its minimum, and
// never totalled, as a bid out at a threshold is not.
func (s *bidKernel) belowThreshold() {
	s.dq = &Disqualification{Stage: AtThreshold, Reasons: []Reason{{Rule: "min-quality-percent"}}}
	s.total, s.tie = TotalLine{}, nil
}

// joining readies a bid the trial lifts above the thresholds to be scored:
// in, and priced against the trial's field of prices (fieldTo).
func (st *trialState) joining(s *bidKernel) {
	s.dq, s.extra, s.reached = nil, nil, reachedTotal
	for j, n := range st.t.k.prices {
		q := s.prep.quotes[j]
		v := exact.Zero
		if !n.c.Price.IsOverBudget(q.Price) && j < len(st.fieldTo) {
			v = n.c.Price.ScoreIn(q.Exact(), st.fieldTo[j][0], st.fieldTo[j][1])
		}
		s.fcells[n.field] = cell{a: criteria.Assessment{Value: v}, state: cellScored, quote: int32(j)}
	}
}

// joiners offers the leaders the bids the trial lifts above the
// thresholds, which the walk of the ranked bids does not meet.
func (st *trialState) joiners(l *leaders) {
	for i, out := range st.flips {
		if !out {
			st.offer(l, i)
		}
	}
}

// spreadOf is price leaf j's field of prices in the trial, the changed
// bid's as evaluated: as evaluated, less the bids the trial takes below a
// threshold and with those it lifts above them.
func (st *trialState) spreadOf(j int) spreadStat {
	t := st.t
	if st.leave != nil {
		return st.spreadLeaving(j)
	}
	if st.flips == nil {
		return t.spreads[j]
	}
	k, n := t.k, t.k.prices[j]
	return spreadWhere(k, n, j, func(i int) bool {
		in, joins := st.inTrial(i)
		return in && (joins || k.bids[i].fcells[n.field].state == cellScored)
	})
}

// fieldAt notes price leaf j's lowest and highest prices in the trial.
func (st *trialState) fieldAt(j int, lo, hi exact.Fraction) {
	if st.fieldTo == nil {
		st.fieldTo = make([][2]exact.Fraction, len(st.t.k.prices))
	}
	st.fieldTo[j] = [2]exact.Fraction{lo, hi}
}
