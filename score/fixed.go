package score

import "github.com/tenderscore/tenderscore/exact"

// A bid's points on a criterion with no leaf assessed over the field (no
// price, no social value compared with other bids) depend on nothing but
// the bid and the policy: its quality questions, their weights and the
// rounding. The totals need them for every bid in every evaluation, so a
// prepared lot works them out once, when it reads the bid, for the
// top-level criteria and the criteria a tie-break compares points on; an
// evaluation then computes only the criteria that compare bids.

// fixedShape says which criteria of a lot are fixed in that sense and
// worth keeping: the top-level criteria without a field-relative leaf, and
// the criteria a higher-points tie-break compares under them.
type fixedShape struct {
	nodes []*node // the kept criteria, each one's points at slot i of bidPrep.fixed
	slot  []int   // by node index: its slot in nodes, or -1
	calc  []*node // every node under a kept top-level criterion, children first: what computing them takes
	live  []*node // every node under the other top-level criteria, children first: what the totals compute
}

// shapeFixed finds the lot's fixed criteria.
func (lp *lotPrep) shapeFixed() {
	t := lp.tree
	fs := fixedShape{slot: make([]int, len(t.nodes))}
	for i := range fs.slot {
		fs.slot[i] = -1
	}
	fixedTop := make([]bool, len(t.nodes))
	for _, r := range t.roots {
		fixedTop[r.index] = !hasFieldLeaf(r)
		if fixedTop[r.index] {
			fs.keep(r)
		}
	}
	for _, tb := range lp.pol.TieBreaks {
		if n := t.byID[tb.Criterion]; tb.Kind == HigherPoints && n != nil && fixedTop[n.top.index] {
			fs.keep(n)
		}
	}
	for i := len(t.nodes) - 1; i >= 0; i-- { // reverse pre-order: children first
		n := t.nodes[i]
		if fixedTop[n.top.index] {
			fs.calc = append(fs.calc, n)
		} else {
			fs.live = append(fs.live, n)
		}
	}
	lp.fixed = fs
}

func (fs *fixedShape) keep(n *node) {
	if fs.slot[n.index] < 0 {
		fs.slot[n.index] = len(fs.nodes)
		fs.nodes = append(fs.nodes, n)
	}
}

// hasFieldLeaf reports whether n or a descendant is assessed over the field.
func hasFieldLeaf(n *node) bool {
	if n.leaf() {
		return n.field >= 0
	}
	for _, c := range n.children {
		if hasFieldLeaf(c) {
			return true
		}
	}
	return false
}

// fixPoints works out a bid's points on the kept criteria into out, as the
// totals would (every leaf reached), with nums as scratch and the leaves
// already worked out for other bids in memo (nil for none). A bid already
// out (disregarded, failed a gate) is never totalled and keeps none.
func (lp *lotPrep) fixPoints(p *bidPrep, out []Figure, nums []num, memo *leafMemo) {
	if p.dq != nil || len(out) == 0 {
		return
	}
	k := &lotKernel{lotPrep: lp}
	s := &bidKernel{prep: p, reached: reachedTotal}
	for _, n := range lp.fixed.calc {
		if n.leaf() {
			nums[n.index] = memo.leafNum(k, n, p.cells[n.own])
		} else {
			nums[n.index] = k.branchNum(n, s, nums)
		}
	}
	for i, n := range lp.fixed.nodes {
		out[i] = nums[n.index].points
	}
	p.fixedFor = &p.cells[0] // calc is not empty, so neither are the cells
}

// fixedFresh reports whether the bid's fixed points were worked out from
// its cells as they are: false when none were (a bid out when read), or
// when the cells were replaced since (a trial reads a bid's marks again
// into a copy of its cells).
func (p *bidPrep) fixedFresh() bool {
	return p.fixedFor != nil && len(p.cells) > 0 && p.fixedFor == &p.cells[0]
}

// totalNums computes what a bid's total takes into nums: the points of
// every top-level criterion and of the tie-break's criteria, the fixed ones
// as read with the bid, the others now. Only those entries' points are
// meaningful after it; [lotKernel.numbers] computes every line, and is
// what a bid whose fixed points are not fresh gets.
func (k *lotKernel) totalNums(s *bidKernel, nums []num) {
	if !s.prep.fixedFresh() {
		k.numbers(s, nums)
		return
	}
	for _, n := range k.fixed.live {
		if n.leaf() {
			nums[n.index] = k.leafNum(n, k.cellOf(s, n), n.available)
		} else {
			nums[n.index] = k.branchNum(n, s, nums)
		}
	}
	for i, n := range k.fixed.nodes {
		nums[n.index].points = s.prep.fixed[i]
	}
}

// leafMemo keeps, for one goroutine, the lines of leaves already worked
// out, by node and assessed value: marks on a scale take a few values, and
// a leaf's line depends on nothing else of the bid. A value is found again
// only when it is held in the same form ([exact.Fraction.Identical]), so a
// kept line is the very line the bid would get.
type leafMemo struct {
	by [][]memoLine // by node index
}

// memoLine is one leaf's line for one assessed value.
type memoLine struct {
	value exact.Fraction
	line  num
}

// memoValues is how many values a leaf keeps lines for.
const memoValues = 8

func newLeafMemo(nodes int) *leafMemo { return &leafMemo{by: make([][]memoLine, nodes)} }

// leafNum returns k.leafNum of a scored leaf at its own marks available,
// kept or worked out and kept.
func (m *leafMemo) leafNum(k *lotKernel, n *node, c cell) num {
	if m == nil || c.state != cellScored {
		return k.leafNum(n, c, n.available)
	}
	kept := m.by[n.index]
	for i := range kept {
		if kept[i].value.Identical(c.a.Value) {
			return kept[i].line
		}
	}
	line := k.leafNum(n, c, n.available)
	if len(kept) < memoValues {
		m.by[n.index] = append(kept, memoLine{c.a.Value, line})
	}
	return line
}
