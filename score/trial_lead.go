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
// there, and whose points on the other top-level criteria sum to more than
// j's, totals more than j in every such trial: j never leads one, nor
// ties its lead, unless i is the bid changed. A declared rounding of the
// total can close a gap of less than two of its steps, so under one the
// sum must be ahead by two steps.
//
// contenders holds the bids no other outscores so (the front) and, for each
// front bid, those it alone outscores so: a trial of a change to bid x
// re-scores only the front and the bids x alone outscored.
type contenders struct {
	ok     bool
	front  []int32         // positions in the standings
	onlyBy map[int][]int32 // by bid position: positions in the standings
}

// contendersBudget bounds the comparisons the contenders are drawn with, per ranked bid:
// beyond it the front is too wide to save anything and every bid is
// re-scored, as without it.
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
	sum    []exact.Fraction // by bid position
	leaves []*node          // the leaves under a top-level criterion a trial can move
	moving []bool           // by leaf in leaves: scored against a figure a trial moves
	margin exact.Fraction   // how far ahead sum must be: two steps of the total's rounding, or more than zero
}

// drawContenders draws the contenders of the lot as evaluated (see contenders).
func (t *Trials) drawContenders() *contenders {
	k := t.k
	keys, ok := t.leadKeys()
	if !ok {
		return &contenders{}
	}
	rankOf := make([]int32, len(k.bids))
	var order []int // ranked bids that can lead, the highest sum first
	for pos, s := range k.ranked {
		rankOf[s.idx] = int32(pos)
		if !s.out() && s.total.Scored {
			order = append(order, s.idx)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return keys.sum[b].Cmp(keys.sum[a]) })
	l := &contenders{ok: true, onlyBy: map[int][]int32{}}
	var front []int
	budget := contendersBudget * len(order)
	for _, j := range order {
		by, n := -1, 0
		for _, h := range front {
			if budget--; budget < 0 {
				return &contenders{}
			}
			if keys.outscores(h, j) {
				by, n = h, n+1
				if n == 2 {
					break
				}
			}
		}
		switch n {
		case 0:
			front = append(front, j)
		case 1:
			l.onlyBy[by] = append(l.onlyBy[by], rankOf[j])
		}
	}
	for _, h := range front {
		l.front = append(l.front, rankOf[h])
	}
	slices.Sort(l.front)
	for _, js := range l.onlyBy {
		slices.Sort(js)
	}
	return l
}

// leadKeys reads what the contenders are drawn by, or false when a trial's totals are
// not sums of the top level (a price per quality point, an adjusted price)
// or a price is scored per quality point.
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

// outscores reports whether bid i totals more than bid j in every trial
// that changes neither (see contenders).
func (keys leadKeys) outscores(i, j int) bool {
	if keys.margin.Sign() > 0 {
		if keys.sum[i].Cmp(keys.sum[j].Add(keys.margin)) < 0 {
			return false
		}
	} else if keys.sum[i].Cmp(keys.sum[j]) <= 0 {
		return false
	}
	for x, n := range keys.leaves {
		if !keys.noWorse(n, keys.moving[x], i, j) {
			return false
		}
	}
	return true
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
