package score

import (
	"github.com/tenderscore/tenderscore/exact"
)

// shiftScan is bid a's total as shown less bid b's under a shift of
// weight, at each hundredth of a percentage point, in whole units of the
// leaves' rounding, and where they are level the tie-break chain between
// them: where the policy rounds only its leaves (the default), each total
// is the sum of its leaves' points; a leaf under either criterion the
// weight moves between has its points before rounding on a line in the
// hundredths (exact.Steps), and every other leaf keeps its points as
// evaluated. Machine integers, with nothing re-scored: a search asks it at
// every hundredth where the rounding could show a above b.
type shiftScan struct {
	total scanSum
	chain []scanStep
	// chainless is set when the chain has a step the scan cannot read (a
	// recorded one, say): level totals are then left to a trial.
	chainless bool
}

// scanSum is a sum of a's leaves' points less b's, in units: those the
// shift moves as lines, the others' as evaluated.
type scanSum struct {
	r     exact.Rounding
	terms []scanTerm
	rest  int64
}

// scanTerm is one leaf of a or b that the shift moves: its points before
// rounding at k hundredths, and +1 for a's, -1 for b's.
type scanTerm struct {
	line exact.Steps
	sign int64
}

// scanStep is one step of the tie-break chain: higher points on a
// criterion (points, its leaves' sum), or a lower price, which the shift
// does not move (cmp: above zero when a's is lower).
type scanStep struct {
	points *scanSum
	cmp    int
}

// scanOf is the scan of a shift from top-level criterion fi to ti for the
// bids at positions ia and ib; false where the totals are not sums of
// leaves rounded by one rule (a top-level or total rounding declared), or
// the numbers do not fit machine integers.
func (t *Trials) scanOf(fi, ti, ia, ib int) (*shiftScan, bool) {
	k := t.k
	if k.stage[1] == nil || k.stage[2] != nil || k.stage[3] != nil {
		return nil, false
	}
	sr := t.scanReaderOf(fi, ti, ia, ib)
	total, ok := sr.sum(k.tree.leaves)
	if !ok {
		return nil, false
	}
	sc := &shiftScan{total: total}
	return sc, sr.chainOf(sc)
}

// scanReaderOf reads, under the leaves' rounding, the bids at positions
// ia and ib under a shift from top-level criterion fi to ti.
func (t *Trials) scanReaderOf(fi, ti, ia, ib int) scanReader {
	k := t.k
	sr := scanReader{t: t, r: *k.stage[1], F: k.tree.roots[fi], T: k.tree.roots[ti], ia: ia, ib: ib}
	hundredth, _ := t.per.Quo(exact.Int(100))         // a point moves marks: never zero
	sr.rateF, _ = hundredth.Neg().Quo(sr.F.available) // a weighted top-level criterion: never zero
	sr.rateT, _ = hundredth.Quo(sr.T.available)
	return sr
}

// chainOf reads the tie-break chain between the two bids into sc; false
// where a step's points do not fit machine integers.
func (sr scanReader) chainOf(sc *shiftScan) bool {
	k := sr.t.k
	for _, tb := range k.pol.TieBreaks {
		switch tb.Kind {
		case HigherPoints:
			n, found := k.tree.byID[tb.Criterion]
			if !found {
				return false
			}
			s, ok := sr.sum(leavesUnder(n, nil))
			if !ok {
				return false
			}
			sc.chain = append(sc.chain, scanStep{points: &s})
		case LowerPrice:
			v := k.keyValue(tb)
			va, okA := v.of(&k.bids[sr.ia])
			vb, okB := v.of(&k.bids[sr.ib])
			if okA && okB { // a step every bid awaits leaves the pair as it was
				sc.chain = append(sc.chain, scanStep{cmp: va.Cmp(vb)})
			}
		default:
			sc.chainless = true
		}
	}
	return true
}

// leavesUnder appends the leaves at or under n.
func leavesUnder(n *node, out []*node) []*node {
	if n.leaf() {
		return append(out, n)
	}
	for _, c := range n.children {
		out = leavesUnder(c, out)
	}
	return out
}

// scanReader reads the leaves of two bids into sums for a scan.
type scanReader struct {
	t            *Trials
	r            exact.Rounding
	F, T         *node
	rateF, rateT exact.Fraction // the marks a hundredth moves, over each criterion's
	ia, ib       int
}

// sum is a's points on leaves less b's; false when they do not fit.
func (sr scanReader) sum(leaves []*node) (scanSum, bool) {
	s := scanSum{r: sr.r}
	ok := sr.add(&s, sr.ia, 1, leaves) && sr.add(&s, sr.ib, -1, leaves)
	return s, ok
}

// add adds the points on leaves of the bid at position i to s, signed;
// false when they do not fit.
func (sr scanReader) add(s *scanSum, i int, sign int64, leaves []*node) bool {
	nums := sr.t.evaluated(i)
	for _, n := range leaves {
		m := &nums[n.index]
		if n.top != sr.F && n.top != sr.T {
			u, ok := sr.r.Units(m.points.Value) // rounded to its places: whole units
			if !ok || u > 1<<50 || u < -(1<<50) {
				return false
			}
			s.rest += sign * u
			continue
		}
		rate := sr.rateT
		if n.top == sr.F {
			rate = sr.rateF
		}
		line, ok := exact.NewSteps(m.unrounded, m.unrounded.Mul(rate))
		if !ok {
			return false
		}
		s.terms = append(s.terms, scanTerm{line: line, sign: sign})
	}
	return true
}

// at is the sum at k hundredths; false when the integers would overflow.
func (s *scanSum) at(k int64) (int64, bool) {
	d := s.rest
	for _, tm := range s.terms {
		u, ok := tm.line.Units(k, s.r)
		if !ok || u > 1<<50 || u < -(1<<50) {
			return 0, false
		}
		d += tm.sign * u
	}
	return d, true
}

// above reports whether a ranks above b at k hundredths: its total as
// shown higher, or level and first on the chain; known is false when the
// scan cannot say (the integers, or a step it cannot read) and a trial
// must.
func (sc *shiftScan) above(k int64) (yes, known bool) {
	v, ok := sc.total.at(k)
	switch {
	case !ok:
		return false, false
	case v != 0:
		return v > 0, true
	}
	return sc.chainAbove(k)
}

// chainAbove reports whether a comes first on the tie-break chain at k
// hundredths, the two level on total; known as for above.
func (sc *shiftScan) chainAbove(k int64) (yes, known bool) {
	if sc.chainless {
		return false, false
	}
	for _, st := range sc.chain {
		c := st.cmp
		if st.points != nil {
			d, ok := st.points.at(k)
			if !ok {
				return false, false
			}
			c = int(min(max(d, -1), 1))
		}
		if c != 0 {
			return c > 0, true
		}
	}
	return false, true // still level at the chain's end: they share a rank
}
