// Package envelope finds, among many lines c + d × g of exact fractions,
// the highest at a given d and every line within a margin of it, without
// evaluating every line: the upper envelope of the lines, kept at every
// node of a segment tree over them in order of slope. An analysis that asks
// the same question of a field at many values of d — which bids could lead
// after a shift of weight, which rival holds a falling lowest price lowest —
// builds one once and asks it each time in about log² n steps.
//
// It owns no scoring: callers draw their own lines (package score draws
// totals before rounding, package score/analysis the prices that bring a
// rival to a total) and allow for their own rounding in the margin.
package envelope

import (
	"slices"

	"github.com/tenderscore/tenderscore/exact"
)

// Line is c + d × g, for the item numbered ID.
type Line struct {
	C, G exact.Fraction
	ID   int
}

// At is the line's value at d.
func (l Line) At(d exact.Fraction) exact.Fraction {
	if d.Sign() == 0 { // where a sifted range often starts: c itself
		return l.C
	}
	return l.C.Add(d.Mul(l.G))
}

// Tree holds lines and the envelopes that answer for them. It is never
// changed once built, so it may be shared between goroutines.
type Tree struct {
	lines []Line
	root  *node
	per   int // the most lines a node holds without children
}

type node struct {
	lo, hi int   // the lines [lo, hi), by slope
	hull   []int // the envelope, by slope
	// cross[i] is where hull[i+1] overtakes hull[i]: the envelope is
	// hull[i] from cross[i-1] to cross[i].
	cross       []exact.Fraction
	left, right *node // none for a bucket, whose lines are read one by one
}

// bucket is the most lines a node holds without children: reading a few
// lines costs less than descending to each.
const bucket = 8

// New builds the tree of the given lines (the slice is taken over).
func New(lines []Line) *Tree { return newTree(lines, bucket) }

// NewFlat builds a tree of the given lines (the slice is taken over) that
// keeps only the envelope of them all: Max answers as New's tree does,
// after building one envelope rather than one at every node, and Report,
// as correct, reads every line. It is for a caller that asks only for the
// highest line.
func NewFlat(lines []Line) *Tree { return newTree(lines, len(lines)) }

// newTree sorts the lines by slope and builds the tree, leaves of at most
// per lines read one by one.
func newTree(lines []Line, per int) *Tree {
	slices.SortFunc(lines, func(a, b Line) int {
		if c := a.G.Cmp(b.G); c != 0 {
			return c
		}
		if c := b.C.Cmp(a.C); c != 0 {
			return c
		}
		return a.ID - b.ID
	})
	t := &Tree{lines: lines, per: max(per, 1)}
	if len(lines) > 0 {
		t.root = t.build(0, len(lines))
	}
	return t
}

// Len is the number of lines.
func (t *Tree) Len() int { return len(t.lines) }

// build makes the node for lines [lo, hi): its envelope is that of its
// children's envelopes, merged in order of slope, so that each line is
// weighed again only while it stays on an envelope.
func (t *Tree) build(lo, hi int) *node {
	n := &node{lo: lo, hi: hi}
	var from []int // the candidates for the envelope, in slope order
	if hi-lo <= t.per {
		for i := lo; i < hi; i++ {
			from = append(from, i)
		}
	} else {
		mid := lo + (hi-lo)/2
		n.left, n.right = t.build(lo, mid), t.build(mid, hi)
		from = append(slices.Clone(n.left.hull), n.right.hull...) // the left's slopes are all below the right's
	}
	for _, i := range from {
		n.hull = t.push(n.hull, i)
	}
	n.cross = make([]exact.Fraction, len(n.hull)-1)
	for i := range n.cross {
		a, b := t.lines[n.hull[i]], t.lines[n.hull[i+1]]
		n.cross[i], _ = a.C.Sub(b.C).Quo(b.G.Sub(a.G)) // slopes differ on an envelope
	}
	return n
}

// push adds line i, of a slope no lower than the last, to an envelope.
func (t *Tree) push(hull []int, i int) []int {
	l := t.lines[i]
	if len(hull) > 0 && t.lines[hull[len(hull)-1]].G.Equal(l.G) {
		return hull // the same slope, no higher: never above the one kept
	}
	for len(hull) >= 2 && t.useless(hull[len(hull)-2], hull[len(hull)-1], i) {
		hull = hull[:len(hull)-1]
	}
	return append(hull, i)
}

// useless reports whether line b, between a and c in slope, is nowhere
// above both: c overtakes a no later than b does.
func (t *Tree) useless(a, b, c int) bool {
	la, lb, lc := t.lines[a], t.lines[b], t.lines[c]
	// (ca − cc) ÷ (gc − ga) ≤ (ca − cb) ÷ (gb − ga), both denominators positive.
	return la.C.Sub(lc.C).Mul(lb.G.Sub(la.G)).Cmp(la.C.Sub(lb.C).Mul(lc.G.Sub(la.G))) <= 0
}

// Max returns the highest line's value at d; false when there are none.
func (t *Tree) Max(d exact.Fraction) (exact.Fraction, bool) {
	if t.root == nil {
		return exact.Fraction{}, false
	}
	return t.max(t.root, d), true
}

// max returns the highest of a node's lines at d: the envelope's line
// there, found among the crossings.
func (t *Tree) max(n *node, d exact.Fraction) exact.Fraction {
	i, _ := slices.BinarySearchFunc(n.cross, d, func(x, d exact.Fraction) int { return x.Cmp(d) })
	return t.lines[n.hull[i]].At(d)
}

// Report returns the IDs of the lines at least floor at d, each once, in
// ascending order.
func (t *Tree) Report(d, floor exact.Fraction) []int {
	var out []int
	t.Visit(d, floor, func(l Line, _ exact.Fraction) { out = append(out, l.ID) })
	slices.Sort(out)
	return slices.Compact(out)
}

// Visit calls f with each line at least floor at d and its value there,
// in the tree's order: a line the tree holds twice, twice.
func (t *Tree) Visit(d, floor exact.Fraction, f func(l Line, v exact.Fraction)) {
	var walk func(n *node)
	walk = func(n *node) {
		if t.max(n, d).Cmp(floor) < 0 {
			return
		}
		if n.left == nil {
			for i := n.lo; i < n.hi; i++ {
				l := t.lines[i]
				if v := l.At(d); v.Cmp(floor) >= 0 {
					f(l, v)
				}
			}
			return
		}
		walk(n.left)
		walk(n.right)
	}
	if t.root != nil {
		walk(t.root)
	}
}

// Sift returns, in their order, the lines that come within margin of the
// highest somewhere between lo and hi (all of them, the slice itself, unless
// lo < hi): a tree of them answers
// Max anywhere there as one of every line does, and Report for any floor
// no more than margin below the highest. The highest at lo and the
// highest at hi are each a line; above the higher of the two the highest
// line always is, and a line's distance below that pair, being straight
// against each, is greatest at lo, at hi or where the two cross — so a
// line more than margin below it at those points is so everywhere
// between. It reads each line a few times, which costs less than a tree
// of them all when most fall away.
func Sift(lines []Line, margin, lo, hi exact.Fraction) []Line {
	if len(lines) == 0 || hi.Cmp(lo) <= 0 {
		return lines
	}
	best := func(d exact.Fraction) Line {
		b, bv := lines[0], lines[0].At(d)
		for _, l := range lines[1:] {
			if v := l.At(d); v.Cmp(bv) > 0 {
				b, bv = l, v
			}
		}
		return b
	}
	a, b := best(lo), best(hi)
	at := []exact.Fraction{lo, hi}
	if g := b.G.Sub(a.G); g.Sign() != 0 {
		if x, err := a.C.Sub(b.C).Quo(g); err == nil && x.Cmp(lo) > 0 && x.Cmp(hi) < 0 {
			at = append(at, x)
		}
	}
	floor := make([]exact.Fraction, len(at))
	for i, x := range at {
		floor[i] = a.At(x).Max(b.At(x)).Sub(margin)
	}
	kept := make([]Line, 0, len(lines))
	for _, l := range lines {
		for i, x := range at {
			if l.At(x).Cmp(floor[i]) >= 0 {
				kept = append(kept, l)
				break
			}
		}
	}
	return kept
}
