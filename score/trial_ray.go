package score

import (
	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/envelope"
)

// A price trial that lowers the field's lowest price and raises one best
// social value offer at once — the bid cuts its price below every other,
// and its offer, read as a share of that price, becomes the best — moves
// two figures every other bid is scored against: the lowest price L and
// x = B0 ÷ B, B0 the best offer as evaluated. Each other bid's total
// before rounding is then its price line in L (trial_field.go) plus its
// offer line in x (trial_svlines.go), less its total as evaluated, which
// each counts once: a plane in L and x, which neither family follows
// alone. But all of one bid's trials move the two along one ray: its
// offer is its value V over its price, which is the lowest, so x =
// (B0 ÷ V) × L. Along that ray the planes are lines in L, drawn once for
// the bid — without its own — and read by each of its trials, where
// otherwise every bid that no other covers would be re-scored (the
// widest front, where none does).

// rayFamily holds those lines for one changed bid, at x ÷ L = k.
type rayFamily struct {
	j, leaf, self int
	k             exact.Fraction
	lines         *lineSet
}

// keptRays is how many rays a Trials keeps: a few more than the bids whose
// prices an analysis searches at once.
const keptRays = 16

// rayLines offers the leaders the other bids that could lead a trial that
// lowered one relative price criterion's lowest price and raised one best
// social value offer, and moved nothing else: those the changed bid's ray
// puts within the rounding's reach of the best. false, having offered
// none, when the lines cannot follow the trial (bids crossing a threshold,
// another method, a family that is not lines), or when a quarter of the
// bids or fewer are contenders (trial_lead.go): walking those is cheaper
// than drawing the ray, which reads every bid.
func (st *trialState) rayLines(l *leaders) bool {
	if st.self == nil || st.flips != nil || st.leave != nil || len(st.svMoved) != 1 {
		return false
	}
	j := st.onlyMovedPrice()
	k := st.t.k
	if j < 0 || !st.falls() || k.prices[j].c.Price.Method != criteria.Relative {
		return false
	}
	if c := st.t.contendersOf(); c.ok && 4*len(c.front) < len(k.ranked) {
		return false // few bids could lead: walking them is cheaper than drawing a ray
	}
	m := st.svMoved[0]
	low := st.moved[j][0]
	if m.best.Cmp(m.was) <= 0 || low.Sign() <= 0 {
		return false
	}
	r := st.t.ray(j, m.n, st.self.idx, ratio(ratio(m.was, m.best), low))
	if r == nil {
		return false
	}
	bl := st.ownBlock()
	bl.near = r.lines.nearByLine(low, bl.near) // kept for the block's next trial
	for _, x := range bl.near {
		if r.lines.stopsBelow(x.v, l.lead) {
			break
		}
		st.offer(l, x.i)
	}
	return true
}

// ray returns the lines of bid self's trials on price leaf j and social
// value leaf n at x ÷ L = k, drawn once and kept among the latest few;
// nil when either family is not lines.
func (t *Trials) ray(j int, n *node, self int, k exact.Fraction) *rayFamily {
	pf, of := t.family(j), t.offers(n) // each takes the lock
	if pf.raw == nil || !of.ok || len(pf.raw) != len(of.raw) || !of.was.Equal(t.svStatOf(n).best) {
		return nil
	}
	t.mu.Lock()
	for _, r := range t.rays {
		if r.j == j && r.leaf == n.index && r.self == self && r.k.Equal(k) {
			t.mu.Unlock()
			return r
		}
	}
	t.mu.Unlock()
	r := t.drawRay(pf, of, j, n, self, k)
	if r == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.rays) == keptRays {
		t.rays = append(t.rays[:0], t.rays[1:]...)
	}
	t.rays = append(t.rays, r)
	return r
}

// drawRay draws bid self's ray: for every other ranked bid, its price line
// plus its offer line at x = k × L, less its total before rounding as
// evaluated. The slack is the rounding's reach, and each moving leaf's
// normalised score's.
func (t *Trials) drawRay(pf *priceFamily, of *offerFamily, j int, n *node, self int, k exact.Fraction) *rayFamily {
	kk := t.k
	c := t.rayBase(pf, of)
	if c == nil {
		return nil
	}
	lines := make([]envelope.Line, 0, len(kk.ranked))
	for q, s := range kk.ranked {
		if s.idx != self {
			lines = append(lines, envelope.Line{C: c[q], G: pf.raw[q].G.Add(of.raw[q].G.Mul(k)), ID: s.idx})
		}
	}
	slack := t.slack()
	if r := kk.stage[0]; r != nil { // both moving leaves' normalised scores are rounded too
		slack = slack.Add(roundingReach(r).Mul(kk.prices[j].available.Add(n.available)))
	}
	return &rayFamily{j: j, leaf: n.index, self: self, k: k, lines: newLineSetOver(lines, slack, exact.Zero, t.spreads[j].lo)}
}

// rayBases holds, for a price family and an offer family, each ranked
// bid's constant on every ray drawn from them (rayBase).
type rayBases struct {
	pf *priceFamily
	of *offerFamily
	c  []exact.Fraction
}

// rayBase returns every ray's constants for the two families, by
// standings position — each bid's price and offer lines' constants less
// its total before rounding as evaluated, which no ray moves — worked out
// once; nil when the families do not follow the standings.
func (t *Trials) rayBase(pf *priceFamily, of *offerFamily) []exact.Fraction {
	t.mu.Lock()
	for _, b := range t.rayBases {
		if b.pf == pf && b.of == of {
			t.mu.Unlock()
			return b.c
		}
	}
	t.mu.Unlock()
	kk := t.k
	c := make([]exact.Fraction, len(kk.ranked))
	for q, s := range kk.ranked {
		p, o := pf.raw[q], of.raw[q]
		if p.ID != s.idx || o.ID != s.idx {
			return nil
		}
		nums := t.evaluated(s.idx)
		was := exact.Zero
		for _, l := range kk.tree.leaves {
			was = was.Add(nums[l.index].unrounded)
		}
		c[q] = p.C.Add(o.C).Sub(was)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.rayBases = append(t.rayBases, rayBases{pf: pf, of: of, c: c})
	return c
}
