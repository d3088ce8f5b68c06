package score

import (
	"slices"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/envelope"
)

// A social value criterion's field as its best offer moves.
//
// Scored relative to the best, an offer's value is a part that stands
// (a method statement's share) plus a part divided by the best offer B:
// so every other bid's total before rounding is a line in x = B0 ÷ B, B0
// the best as evaluated — its points on that criterion as evaluated at
// x = 1. A trial that moves that best offer alone, and nothing else the
// others are scored against, finds the bids that could lead it from their
// envelope, as a price trial does from the lowest price's (trial_field.go),
// however many bids are on the front — where no bid covers another
// (trial_lead.go), every one of them would be re-scored.

// offerFamily holds those lines for one social value leaf; ok is false
// when some value is not such a line, and the lines are not used.
type offerFamily struct {
	was   exact.Fraction // B0
	lines *lineSet
	raw   []envelope.Line // every ranked bid's line, in standings order (trial_ray.go)
	ok    bool
}

// offers returns the lines of social value leaf n, built once.
func (t *Trials) offers(n *node) *offerFamily {
	was := t.svStatOf(n).best // read before the lock, which it takes
	t.mu.Lock()
	defer t.mu.Unlock()
	if f, ok := t.offerFamilies[n.index]; ok {
		return f
	}
	if t.offerFamilies == nil {
		t.offerFamilies = map[int]*offerFamily{}
	}
	f := t.drawOffers(n, was)
	t.offerFamilies[n.index] = f
	return f
}

// drawOffers draws the lines of social value leaf n, whose best offer as
// evaluated is was, reading each bid's value at was, twice it and half it: the line through
// the first two must pass through the third.
func (t *Trials) drawOffers(n *node, was exact.Fraction) *offerFamily {
	k := t.k
	if was.Sign() <= 0 {
		return &offerFamily{}
	}
	two := exact.Int(2)
	twice, half := was.Mul(two), ratio(was, two)
	a := n.available
	lines := make([]envelope.Line, 0, len(k.ranked))
	for _, s := range k.ranked {
		nums := t.evaluated(s.idx)
		rest := exact.Zero
		for _, l := range k.tree.leaves {
			if l != n {
				rest = rest.Add(nums[l.index].unrounded)
			}
		}
		c := s.fcells[n.field]
		if c.state != cellScored {
			lines = append(lines, envelope.Line{C: rest.Add(nums[n.index].unrounded), ID: s.idx})
			continue
		}
		v0 := c.a.Value
		v2, ok2 := c.a.ValueAt(nil, twice)
		vh, okh := c.a.ValueAt(nil, half)
		g := v0.Sub(v2).Add(v0.Sub(v2)) // the part divided by the best, at x = 1
		fixed := v0.Sub(g)
		if !ok2 || !okh || !vh.Equal(fixed.Add(g.Mul(two))) {
			return &offerFamily{}
		}
		lines = append(lines, envelope.Line{C: rest.Add(fixed.Mul(a)), G: g.Mul(a), ID: s.idx})
	}
	slack := t.slack()
	if r := k.stage[0]; r != nil { // the leaf's normalised score is rounded too
		slack = slack.Add(roundingReach(r).Mul(a))
	}
	raw := slices.Clone(lines)                                                                                    // before the tree orders them
	return &offerFamily{was: was, lines: newLineSetOver(lines, slack, exact.Zero, exact.One), raw: raw, ok: true} // mostly asked as the best rises
}

// offerLines offers the leaders the other bids that could lead a trial
// that moved one best social value offer and nothing else the others are
// scored against: those its lines put within the rounding's reach of the
// best. false, having offered none, when the lines cannot follow the trial
// — bids crossing a threshold, the changed bid's own line as evaluated
// among those near the best, which could hide the others' best, or a
// price divided by the quality points, whose ratios are not the lines.
func (st *trialState) offerLines(l *leaders) bool {
	if len(st.svMoved) != 1 || st.moved != nil || st.flips != nil || st.leave != nil || st.t.k.pol.unweightedPrice() {
		return false // the lines are totals of weighted points: a price divided by the quality points is none
	}
	m := st.svMoved[0]
	f := st.t.offers(m.n)
	if !f.ok || m.best.Sign() <= 0 {
		return false
	}
	x := ratio(f.was, m.best)
	ids := f.lines.near(x)
	for _, i := range ids {
		if i == st.self.idx {
			return false
		}
	}
	for _, i := range ids {
		st.offer(l, i)
	}
	return true
}
