package score

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// Bids that can never lead a trial of a changed price.
//
// A trial that moves a field figure — a lowest or highest price, a best
// social value offer — changes the other bids' scores only on the leaves
// scored against it: a price under the relative, deduction or linear
// method, a social value offer scored relative to the best. There each
// bid's score is a non-decreasing function of its own figure (a lower
// price within budget; an offer that scores at least as much,
// [criteria.Assessment.ScoresAtLeast]) given the field's figures, which
// every bid shares. Every other leaf keeps its points. Points are summed
// and rounded by non-decreasing functions, so a bid i whose own figures
// are no worse than bid j's on every leaf under a top-level criterion that
// holds a moving leaf, whose points are no fewer on the other leaves
// there, and whose points on the other top-level criteria sum to no fewer
// than j's, covers j: in every such trial that changes neither, i totals
// at least as much as j, and more when that sum is ahead (by two steps of
// the total's rounding when one is declared, which can close a smaller
// gap) — it outscores j.
//
// So a covered bid never leads a trial that leaves a bid covering it as
// it was; it can only tie the lead, and only when each bid covering it
// (but the one changed) is a leader that does not outscore it. The
// contenders are the bids no other covers (the front, read in standings
// order, so that a bid comes after those covering it bar equal totals);
// for each bid, the front bids that cover it, the first two met; and the
// bids the front bids cover without outscoring, by front bid. A trial of
// a change to bid x re-scores the front, the bids covered by x alone, and
// — when a front bid leads — the bids it covers that it may tie.
type contenders struct {
	ok     bool
	front  []int32         // positions in the standings
	onlyBy map[int][]int32 // by bid position: the bids it alone covers, positions in the standings
	// coveredBy is, by bid position, the bids it is noted covering (one of
	// the first two front bids covering them: cover), positions in the
	// standings.
	coveredBy map[int][]int32
	tieBy     map[int][]int32 // by bid position: the bids it covers without outscoring, positions in the standings
	cover     [][2]cover      // by bid position: the first two front bids covering it
	// tieLeaf is, when a total is the plain sum of its leaves' points (no
	// rounding above them), the first price leaf a trial moves: tieBy's
	// bids are in order of their price there, cheapest first, so that
	// ties stops at the first whose points there are below the leader's.
	tieLeaf *node
}

// cover is one front bid covering another: its position (−1 for none),
// and whether it outscores it too.
type cover struct {
	by     int32
	strict bool
}

// contendersBudget bounds the comparisons the contenders are drawn with,
// per ranked bid: beyond it the front is too wide to save anything, and a
// trial walks every bid, as without it.
const contendersBudget = 128

// contendersOf returns the lot's contenders, drawn once.
func (t *Trials) contendersOf() *contenders {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.contenders == nil {
		t.contenders = t.drawContenders()
	}
	return t.contenders
}

// leadKeys is what the contenders are drawn by: the points on the top-level
// criteria no trial moves, summed, and the leaves under the others.
type leadKeys struct {
	t      *Trials
	sum    []exact.Fraction // by bid position: points on the top-level criteria no trial moves
	leaves []*node          // the leaves under a top-level criterion a trial can move
	moving []bool           // by leaf in leaves: scored against a figure a trial moves
	margin exact.Fraction   // how far ahead sum must be to outscore: two steps of the total's rounding, or more than zero
}

// drawContenders draws the contenders of the lot as evaluated (see contenders).
func (t *Trials) drawContenders() *contenders {
	k := t.k
	keys, ok := t.leadKeys()
	if !ok {
		return &contenders{}
	}
	l := &contenders{ok: true, onlyBy: map[int][]int32{}, coveredBy: map[int][]int32{}, tieBy: map[int][]int32{},
		cover: make([][2]cover, len(k.bids))}
	var front []int
	budget := contendersBudget * len(k.ranked)
	for pos, s := range k.ranked {
		if s.out() || !s.total.Scored {
			continue
		}
		j, n := s.idx, 0
		l.cover[j] = [2]cover{{by: -1}, {by: -1}}
		for _, h := range front {
			if budget--; budget < 0 {
				return &contenders{}
			}
			if covers, strict := keys.covers(h, j); covers {
				l.cover[j][n] = cover{by: int32(h), strict: strict}
				l.coveredBy[h] = append(l.coveredBy[h], int32(pos))
				if !strict {
					l.tieBy[h] = append(l.tieBy[h], int32(pos))
				}
				if n++; n == 2 {
					break
				}
			}
		}
		switch n {
		case 0:
			front = append(front, j)
			l.front = append(l.front, int32(pos))
		case 1:
			l.onlyBy[int(l.cover[j][0].by)] = append(l.onlyBy[int(l.cover[j][0].by)], int32(pos))
		}
	}
	l.orderTies(keys)
	return l
}

// orderTies puts each front bid's tie list in order of price on the tie
// leaf, when there is one (see contenders.tieLeaf).
func (l *contenders) orderTies(keys leadKeys) {
	k := keys.t.k
	if k.stage[stageIndex(TopLevel)] != nil || k.stage[stageIndex(Total)] != nil {
		return
	}
	for x, n := range keys.leaves {
		if keys.moving[x] && n.c.Price != nil {
			l.tieLeaf = n
			break
		}
	}
	if l.tieLeaf == nil {
		return
	}
	n := l.tieLeaf
	key := func(pos int32) (exact.Fraction, bool) { // false: out of the price field, scoring nothing there
		s := k.ranked[pos]
		q := s.prep.quotes[n.price]
		return q.Exact(), s.fcells[n.field].state == cellScored && !n.c.Price.IsOverBudget(q.Price)
	}
	for _, js := range l.tieBy {
		slices.SortStableFunc(js, func(a, b int32) int {
			pa, inA := key(a)
			pb, inB := key(b)
			switch {
			case inA != inB:
				if inA {
					return -1
				}
				return 1
			case !inA:
				return 0
			}
			return pa.Cmp(pb)
		})
	}
}

// leadKeys reads what the contenders are drawn by, or false when a
// trial's totals are not sums of the top level (a price per quality point,
// an adjusted price) or a price is scored per quality point.
func (t *Trials) leadKeys() (leadKeys, bool) {
	k := t.k
	if k.pol.unweightedPrice() {
		return leadKeys{}, false
	}
	keys := leadKeys{t: t, sum: make([]exact.Fraction, len(k.bids))}
	movingTop := map[*node]bool{}
	for _, n := range k.fieldLfs {
		switch m, ok := movesInTrial(n); {
		case !ok:
			return leadKeys{}, false
		case m:
			movingTop[n.top] = true
		}
	}
	for _, n := range k.tree.leaves {
		if movingTop[n.top] {
			m, _ := movesInTrial(n)
			keys.leaves, keys.moving = append(keys.leaves, n), append(keys.moving, m)
		}
	}
	for _, s := range k.ranked {
		nums := t.evaluated(s.idx)
		sum := exact.Zero
		for _, r := range k.tree.roots {
			if !movingTop[r] && nums[r.index].set {
				sum = sum.Add(nums[r.index].points.Value)
			}
		}
		keys.sum[s.idx] = sum
	}
	if r := k.stage[stageIndex(Total)]; r != nil {
		keys.margin = exact.Whole(decimal.New(2, -r.Places))
	}
	return keys, true
}

// movesInTrial reports whether a field leaf's score moves with a field
// figure a trial moves; false ok for a price scored per quality point or
// by features, which the contenders do not follow.
func movesInTrial(n *node) (moves, ok bool) {
	if p := n.c.Price; p != nil {
		switch p.Method {
		case criteria.Relative, criteria.Deduction, criteria.Linear:
			return true, true
		case criteria.PerQualityPoint, criteria.AdjustedByFeatures:
			return false, false
		}
		return false, true // banded: the bid's own price alone
	}
	if sv := n.c.SocialValue; sv != nil {
		return sv.Method == criteria.RelativeToBest, true
	}
	return false, true
}

// covers reports whether bid i covers bid j, and whether it outscores it
// too (see contenders).
func (keys leadKeys) covers(i, j int) (covers, strict bool) {
	c := keys.sum[i].Cmp(keys.sum[j])
	if c < 0 {
		return false, false
	}
	for x, n := range keys.leaves {
		if !keys.noWorse(n, keys.moving[x], i, j) {
			return false, false
		}
	}
	if keys.margin.Sign() > 0 {
		return true, keys.sum[i].Cmp(keys.sum[j].Add(keys.margin)) >= 0
	}
	return true, c > 0
}

// noWorse reports whether bid i's leaf n scores at least bid j's in every
// such trial.
func (keys leadKeys) noWorse(n *node, moving bool, i, j int) bool {
	k := keys.t.k
	if !moving {
		pi, pj := keys.t.evaluated(i)[n.index], keys.t.evaluated(j)[n.index]
		return leafPoints(pi).Cmp(leafPoints(pj)) >= 0
	}
	ci, cj := k.bids[i].fcells[n.field], k.bids[j].fcells[n.field]
	if p := n.c.Price; p != nil {
		qi, qj := k.bids[i].prep.quotes[n.price], k.bids[j].prep.quotes[n.price]
		inJ := cj.state == cellScored && !p.IsOverBudget(qj.Price)
		inI := ci.state == cellScored && !p.IsOverBudget(qi.Price)
		return !inJ || (inI && qi.Exact().Cmp(qj.Exact()) <= 0) // out of the field, j scores nothing there
	}
	if cj.state != cellScored {
		return true
	}
	return ci.state == cellScored && ci.a.ScoresAtLeast(cj.a)
}

// leafPoints is a line's points as evaluated, zero when it was not reached.
func leafPoints(m tabled) exact.Fraction {
	if !m.set {
		return exact.Zero
	}
	return m.points.Value
}

// leadable walks, in standings order, the other bids that may lead a
// trial of a change to the bid at position self: all of them when the
// contenders could not be drawn.
type leadable struct {
	n, at  int
	a, b   []int32
	ia, ib int
	all    bool
}

// walk returns the walk of the trial: every bid when it moved a bid's
// standing at the thresholds (a bid covering another may have left).
func (st *trialState) walk() leadable {
	if st.flips != nil {
		return leadable{n: len(st.t.k.ranked), all: true}
	}
	if st.leave != nil {
		return st.leavingWalk()
	}
	return st.t.leadableIn(st.self.idx)
}

// leadableIn returns the walk for a trial of a change to bid self.
func (t *Trials) leadableIn(self int) leadable {
	l := t.contendersOf()
	if !l.ok {
		return leadable{n: len(t.k.ranked), all: true}
	}
	return leadable{a: l.front, b: l.onlyBy[self]}
}

// next returns the next position in the standings; false when none is left.
func (w *leadable) next() (int, bool) {
	if w.all {
		if w.at >= w.n {
			return 0, false
		}
		w.at++
		return w.at - 1, true
	}
	switch {
	case w.ia < len(w.a) && (w.ib >= len(w.b) || w.a[w.ia] <= w.b[w.ib]):
		w.ia++
		return int(w.a[w.ia-1]), true
	case w.ib < len(w.b):
		w.ib++
		return int(w.b[w.ib-1]), true
	}
	return 0, false
}

// ties offers the leaders the bids a leading front bid covers and may tie
// (see contenders): each is re-scored unless another bid covering it, not
// the one changed, outscores it — it is then below the lead — or it is
// offered by an earlier leader.
func (st *trialState) ties(l *leaders) {
	if st.flips != nil { // every bid was walked (walk)
		return
	}
	c := st.t.contendersOf()
	if !c.ok {
		return
	}
	self := st.self.idx
	lead := len(l.lead) // the leaders as found: those a tie joins cover none it does not
	for x := 0; x < lead; x++ {
		h := l.lead[x].idx
		var hPts exact.Fraction
		if c.tieLeaf != nil {
			hPts = st.tiePoints(c.tieLeaf, h)
		}
		for _, pos := range c.tieBy[h] {
			j := st.t.k.ranked[pos].idx
			if c.tieLeaf != nil && st.tiePoints(c.tieLeaf, j).Cmp(hPts) < 0 {
				break // below the leader there, and no higher anywhere: so are those after it
			}
			if first, ok := c.mayTie(j, self, st.leaves); ok && first == h && j != self && !leads(l, j) {
				st.offer(l, j)
			}
		}
	}
}

// mayTie reports whether bid j, covered by a bid other than self, may tie
// the lead of a trial of a change to self: no bid covering it but self and
// those the trial takes below a threshold (leaves) outscores it. first is
// the first of those covering it.
func (c *contenders) mayTie(j, self int, leaves func(int) bool) (first int, ok bool) {
	first = -1
	for _, cv := range c.cover[j] {
		if cv.by < 0 || int(cv.by) == self || leaves(int(cv.by)) {
			continue
		}
		if cv.strict {
			return 0, false
		}
		if first < 0 {
			first = int(cv.by)
		}
	}
	return first, first >= 0
}

// leads reports whether bid j is among the leaders already.
func leads(l *leaders, j int) bool {
	for _, s := range l.lead {
		if s.idx == j {
			return true
		}
	}
	return false
}

// tiePoints is bid i's points in the trial on price leaf n, as the leaf
// shows them, worked out alone.
func (st *trialState) tiePoints(n *node, i int) exact.Fraction {
	k := st.t.k
	c := k.bids[i].fcells[n.field]
	if m := st.moved; c.state == cellScored && n.price < len(m) && m[n.price] != nil {
		v := exact.Zero
		if q := k.bids[i].prep.quotes[n.price]; !n.c.Price.IsOverBudget(q.Price) {
			v = n.c.Price.ScoreIn(q.Exact(), m[n.price][0], m[n.price][1])
		}
		c.a = criteria.Assessment{Value: v}
	}
	return k.leafNum(n, c, n.available).points.Value
}
