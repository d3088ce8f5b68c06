package score

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/envelope"
)

// WithWeightShift re-scores the lot with points percentage points of the
// whole moved from one top-level criterion to another, the sub-criteria of
// each keeping their shares of it: under percent-at-each-level weighting
// the two weights change by points; under percent-of-total weighting the
// weights are read as points (the same shares) and change by points; under
// points weighting points% of the sum of the top-level weights moves. The
// criteria must be two different top-level criteria that carry weight,
// and points more than zero and less than the marks from carries.
//
// Nothing but the weights changes, so every bid's assessments stand; only
// the bids whose totals could lead are re-scored, found from each total's
// exact rate of change with the shift (within what the declared rounding
// can move it). Under thresholds, the bids the shift could take across
// them are tested (found the same way from their margins), and those that
// cross leave or join; where that moves an end of a field of prices, or
// takes a bid from near the best, every bid is re-scored. So is every bid
// where the price is divided rather than weighted (price per quality
// point, a price adjusted by features): each bid's standing is then its
// own, and a crossing moves no figure the others are scored against. A
// policy whose thresholds read a criterion holding the price is evaluated
// whole under the shifted weights.
func (t *Trials) WithWeightShift(from, to string, points decimal.Decimal) (Trial, error) {
	st, whole, err := t.weightTrial(from, to, points)
	switch {
	case err != nil:
		return Trial{}, err
	case st == nil:
		return whole(), nil
	}
	return st.decide(st.w.leaders(st)), nil
}

// ShiftOutranks reports whether bid a ranks above bid b with points
// percentage points of the whole moved from one top-level criterion to
// another: what WithWeightShift's trial would say ([Trial.Outranks]), and
// its problems, without finding who leads it. Only a and b are re-scored,
// and the bids level with them when the tie-break chain must read their
// group (under a price divided by quality points or adjusted by features,
// every bid then). Under price per quality point without thresholds and
// under the leaves' rounding (the default) nothing is re-scored: the two
// ratios are read from the bids' quality points in machine integers. A
// policy WithWeightShift evaluates whole is evaluated whole.
func (t *Trials) ShiftOutranks(from, to string, points decimal.Decimal, a, b string) (bool, error) {
	if yes, known := t.ratioOutranks(from, to, points, a, b); known {
		return yes, nil
	}
	st, whole, err := t.weightTrial(from, to, points)
	switch {
	case err != nil:
		return false, err
	case st == nil:
		tr := whole()
		defer tr.Release()
		return tr.Outranks(a, b), nil
	}
	return st.outranks(a, b), nil
}

// weightTrial readies a trial of a shift of weight (WithWeightShift): its
// state, every bid's marks available under the shift and the lines read;
// nil, with the lot evaluated whole under the shifted weights as whole,
// where the lines cannot follow the shift. Under a price divided by
// quality points or adjusted by features, each bid's standing is its own
// (no field figure moves with weights, nor with the bids a shift takes
// across thresholds): every bid is re-scored, as it is asked, and the
// lines are not read.
func (t *Trials) weightTrial(from, to string, points decimal.Decimal) (*trialState, func() Trial, error) {
	k := t.k
	fi, ti, err := t.shiftTops(from, to)
	if err != nil {
		return nil, nil, err
	}
	move, err := t.shiftMarks(fi, points)
	if err != nil {
		return nil, nil, err
	}
	whole := func() Trial {
		l := shiftedLot(t.lp.lot, fi, ti, points)
		// the social value fields, and each value there, are as evaluated: only points move
		return t.fromResult(t.lp.reshaped(t.p.t, l).kernelWith(true, socialValueFrom(k, nil, -1, nil, -1)).result())
	}
	w := newWeightState(k, fi, ti, move)
	if k.pol.unweightedPrice() {
		if t.hasTh && !t.shiftFlips(w) {
			return nil, whole, nil
		}
		w.all = true // the crossings, w.flips, move no figure: see trial_weights_flips.go
		return &trialState{t: t, w: w}, whole, nil
	}
	if t.hasTh && !t.shiftFlips(w) {
		return nil, whole, nil
	}
	if len(w.flips) > 0 && !t.flipsFollowed(w) {
		w.everyBid(t) // trial_weights_flips.go
	}
	return &trialState{t: t, w: w}, whole, nil
}

// shiftMarks is the marks a shift of points percentage points moves from
// top-level criterion fi: each carries its weight once shifted. A shift
// is more than zero and less than all fi's marks.
func (t *Trials) shiftMarks(fi int, points decimal.Decimal) (exact.Fraction, error) {
	move := exact.Whole(shiftMove(t.lp.lot.Policy, points))
	if a := t.k.tree.roots[fi].available; points.Sign() <= 0 || move.Cmp(a) >= 0 {
		return exact.Fraction{}, oneProblem("weightShift", points.String(), "within-weight", "a shift of weight must be more than zero and less than the %s marks %s carries", a, t.k.tree.roots[fi].c.ID)
	}
	return move, nil
}

// topIndex is the position of a top-level criterion that carries weight;
// -1 when there is none with that id.
func (t *Trials) topIndex(id string) int {
	for i, n := range t.k.tree.roots {
		if n.c.ID == id && n.available.Sign() > 0 {
			return i
		}
	}
	return -1
}

// shiftMove is the weight that points percentage points of the whole come
// to: points itself, or under points weighting points% of the sum of the
// top-level weights (the model as published).
func shiftMove(p Policy, points decimal.Decimal) decimal.Decimal {
	if p.Weighting != Points {
		return points
	}
	sum := decimal.Zero
	for _, c := range p.Criteria {
		sum = sum.Add(c.Weight)
	}
	return points.Mul(sum).Shift(-2) // points% of the points, exactly
}

// shiftedLot is the lot with points percentage points of the whole moved
// from top-level criterion fi to ti, as [Trials.WithWeightShift] says.
func shiftedLot(l Lot, fi, ti int, points decimal.Decimal) Lot {
	pol := l.Policy
	pol.Criteria = slices.Clone(pol.Criteria)
	move := shiftMove(pol, points)
	if pol.Weighting == PercentOfTotal {
		pol.Weighting = Points
	}
	pol.Criteria[fi].Weight = pol.Criteria[fi].Weight.Sub(move)
	pol.Criteria[ti].Weight = pol.Criteria[ti].Weight.Add(move)
	l.Policy = pol
	return l
}

// weightState is one shift of weight: the marks it moves, each node's
// marks available under it, and the bids re-scored so far.
type weightState struct {
	from, to *node          // the top-level criteria the weight moves between
	d        exact.Fraction // the marks moved from one top-level criterion to the other
	avail    []exact.Fraction
	fi, ti   int      // the two criteria's positions among the top level
	hull     *lineSet // the lines of the shift, when first read (lines)
	cache    map[int]*bidKernel
	// tops are the top-level criteria whose lines a bid re-scored under
	// the shift works out again: the two, and under everyBid those holding
	// a price leaf.
	tops []*node
	// flips holds the bids the shift takes across the thresholds: true for
	// one now below them, false for one now above them all
	// (trial_weights_flips.go); nil when none crosses.
	flips map[int]bool
	// all is whether the lines cannot follow the crossings, and every bid
	// is re-scored: spreads then holds each price leaf's field of prices
	// with them (everyBid).
	all     bool
	spreads []spreadStat
}

// lines returns the lines of the shift, drawn when first read: a shift
// asked of two bids alone may never need them.
func (w *weightState) lines(t *Trials) *lineSet {
	if w.hull == nil {
		w.hull = t.hull(w.fi, w.ti)
	}
	return w.hull
}

// newWeightState is a shift of move marks from top-level criterion fi to
// ti (positions among the roots), with every node's marks available under
// it and no bid re-scored yet.
func newWeightState(k *lotKernel, fi, ti int, move exact.Fraction) *weightState {
	w := &weightState{from: k.tree.roots[fi], to: k.tree.roots[ti], fi: fi, ti: ti, cache: map[int]*bidKernel{}}
	w.tops = []*node{w.from, w.to}
	w.avail = make([]exact.Fraction, len(k.tree.nodes))
	w.moveMarks(k, move)
	return w
}

// bid returns the bid at position i re-scored under the shift.
func (w *weightState) bid(t *Trials, i int) *bidKernel {
	k := t.k
	base := &k.bids[i]
	if s, ok := w.cache[i]; ok {
		return s
	}
	if out, ok := w.flips[i]; ok {
		s := w.flipped(t, i, out)
		w.cache[i] = s
		return s
	}
	if base.out() && !noPoints(base) {
		return base
	}
	s := *base
	s.dq = nil // out for want of quality points alone: the shift may give it some, and total says
	if len(k.tieNodes) > 0 {
		s.tie = make([]Figure, len(k.tieNodes))
	}
	w.repriced(t, &s)
	scratch := t.nums()
	k.numbersUnder(&s, *scratch, w.avail, t.evaluated(i), w.tops...) // the other top-level criteria keep their weights, and their points
	k.total(&s, *scratch)
	t.done(scratch)
	w.cache[i] = &s
	return &s
}

// noPoints reports whether a bid is out for want of quality points alone
// (price per quality point): the only way out that a shift of weight can
// undo without a threshold, by giving it its first.
func noPoints(s *bidKernel) bool {
	return s.dq != nil && s.dq.Stage == AtRatio && len(s.dq.Reasons) == 1 && s.dq.Reasons[0].Rule == ruleNoQualityPoints
}

// leaders returns the bids with the best total under the shift: those
// whose totals before rounding come within the rounding's reach of the
// best, re-scored exactly.
func (w *weightState) leaders(st *trialState) []*bidKernel {
	l := &leaders{k: st.t.k}
	if w.all {
		for i := range st.t.k.bids {
			l.consider(w.bid(st.t, i))
		}
		return l.lead
	}
	h := w.lines(st.t)
	ids := h.near(w.d)
	// Highest line first: a total shown is at most its line plus the
	// slack, so once a line is that far below the best found, no bid left
	// can reach it, nor draw level.
	order := h.byLine(ids, w.d, nil)
	for x := range ids {
		i := ids[x]
		if order != nil {
			if h.stopsBelow(order[x].v, l.lead) {
				break
			}
			i = order[x].i
		}
		l.consider(w.bid(st.t, i))
	}
	w.joiners(st, l)
	return l.lead
}

// level returns the bids whose total under the shift is v, in bid order.
func (w *weightState) level(st *trialState, v exact.Fraction) []*bidKernel {
	var out []*bidKernel
	if w.all {
		for i := range st.t.k.bids {
			if s := w.bid(st.t, i); s.total.Scored && s.total.Points.Value.Equal(v) {
				out = append(out, s)
			}
		}
		return out
	}
	h := w.lines(st.t)
	for _, i := range h.atLeast(w.d, v.Sub(h.slack)) {
		if s := w.bid(st.t, i); s.total.Scored && s.total.Points.Value.Equal(v) {
			out = append(out, s)
		}
	}
	for i, below := range w.flips { // the bids the shift lifts above the thresholds, which the lines do not hold
		if s := w.bid(st.t, i); !below && s.total.Scored && s.total.Points.Value.Equal(v) {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b *bidKernel) int { return a.idx - b.idx })
	return out
}

// hull returns the lines of the shift from top-level criterion fi to ti,
// built once.
func (t *Trials) hull(fi, ti int) *lineSet {
	t.mu.Lock()
	defer t.mu.Unlock()
	key := [2]int{fi, ti}
	if h, ok := t.hulls[key]; ok {
		return h
	}
	if t.hulls == nil {
		t.hulls = map[[2]int]*lineSet{}
	}
	h := t.linesOf(fi, ti)
	t.hulls[key] = h
	return h
}

// linesOf writes each ranked bid's total before rounding as a line in the
// marks d moved: the sum of its leaves' points, less d × its points under
// fi over fi's marks, plus d × its points under ti over ti's marks. The
// declared rounding moves a total shown by at most one step of each
// rounding it passes through: the slack.
func (t *Trials) linesOf(fi, ti int) *lineSet {
	k := t.k
	F := k.tree.roots[fi]
	of := t.linesFor(fi, ti)
	lines := make([]envelope.Line, 0, len(k.ranked))
	for _, s := range k.ranked {
		lines = append(lines, of[s.idx])
	}
	return newLineSetOver(lines, t.slack(), exact.Zero, F.available).ofEach(lines, len(k.bids)) // a shift moves less than all of fi's marks
}

// linesFor returns each ranked bid's line (lineOf) under a shift from
// top-level criterion fi to ti, by position, drawn once.
func (t *Trials) linesFor(fi, ti int) []envelope.Line {
	t.linesMu.Lock()
	defer t.linesMu.Unlock()
	key := [2]int{fi, ti}
	if ls, ok := t.shiftLines[key]; ok {
		return ls
	}
	if t.shiftLines == nil {
		t.shiftLines = map[[2]int][]envelope.Line{}
	}
	F, T := t.k.tree.roots[fi], t.k.tree.roots[ti]
	ls := make([]envelope.Line, len(t.k.bids))
	for _, s := range t.k.ranked {
		ls[s.idx] = t.lineOf(s.idx, F, T)
	}
	t.shiftLines[key] = ls
	return ls
}

// lineOf is the total before rounding of the bid at position i as a line
// in the marks moved from top-level criterion F to T: the sum of its
// leaves' points, less the marks moved × its points under F over F's
// marks, plus the marks moved × its points under T over T's marks.
func (t *Trials) lineOf(i int, F, T *node) envelope.Line {
	nums := t.evaluated(i)
	return lineThrough(t.k, func(n *node) exact.Fraction { return nums[n.index].unrounded }, F, T, i)
}

// lineThrough is the line of lineOf from each leaf's points before
// rounding, as unrounded reads them, for the bid at position i.
func lineThrough(k *lotKernel, unrounded func(n *node) exact.Fraction, F, T *node, i int) envelope.Line {
	c, inF, inT := exact.Zero, exact.Zero, exact.Zero
	for _, n := range k.tree.leaves {
		u := unrounded(n)
		c = c.Add(u)
		switch n.top {
		case F:
			inF = inF.Add(u)
		case T:
			inT = inT.Add(u)
		}
	}
	gF, _ := inF.Quo(F.available) // a top-level criterion that carries weight: never zero
	gT, _ := inT.Quo(T.available)
	return envelope.Line{C: c, G: gT.Sub(gF), ID: i}
}

// RoundingReach is the most the lot's declared rounding can move a bid's
// total, as shown, away from the sum of its leaves' points before
// rounding: the reach of each rounding of a leaf, of a top-level criterion
// and of the total — half a step to the nearest (half up, half even), a
// whole step in a fixed direction (up, down, ceiling, floor). Nothing
// when no rounding is declared. An analysis reads with it how far a
// total as shown can stray from a line drawn through unrounded points.
func (t *Trials) RoundingReach() exact.Fraction { return t.slack() }

// slack is the most the declared rounding can move a total away from the
// sum of its leaves' points before rounding: the reach of every rounding
// of a leaf, of a top-level branch and of the total.
func (t *Trials) slack() exact.Fraction {
	k := t.k
	step := roundingReach
	e := step(k.stage[3])
	for _, n := range k.tree.leaves {
		switch {
		case k.stage[1] != nil:
			e = e.Add(step(k.stage[1]))
		case n.depth == 0:
			e = e.Add(step(k.stage[2]))
		}
	}
	for _, n := range k.tree.roots {
		if !n.leaf() {
			e = e.Add(step(k.stage[2]))
		}
	}
	return e
}

// roundingReach is the most a declared rounding moves a value: half a
// step to the nearest (half up, half even), less than a whole step in a
// fixed direction (up, down, ceiling, floor) — a whole step is taken;
// nothing when no rounding is declared.
func roundingReach(r *exact.Rounding) exact.Fraction {
	if r == nil {
		return exact.Zero
	}
	step := exact.Whole(decimal.New(1, -r.Places))
	if r.Mode == exact.HalfUp || r.Mode == exact.HalfEven {
		step, _ = step.Quo(exact.Int(2)) // never by zero
	}
	return step
}
