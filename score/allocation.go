package score

import (
	"math/big"
	"slices"

	"github.com/tenderscore/tenderscore/exact"
)

// candidate is one compliant bid a lot may be awarded to.
type candidate struct {
	bidID    string
	supplier int // index into the allocation's suppliers
	pos      int // 0-based place in the lot's standings
	rank     int
	tied     bool
	score    exact.Fraction
	places   int32 // the places the score is shown to (-1: exactly)
}

// allocProblem is an allocation to solve: for each lot (by its position in
// the tender) the candidates in standings order, and for each supplier the
// lots it may still be awarded.
type allocProblem struct {
	order []int         // lot positions in the declared order
	cands [][]candidate // by lot position, best first
	caps  []int         // by supplier
	skip  []bool        // by lot position: already decided, left out
}

// clone returns a copy that can be changed without touching p.
func (p allocProblem) clone() allocProblem {
	return allocProblem{order: p.order, cands: p.cands, caps: slices.Clone(p.caps), skip: slices.Clone(p.skip)}
}

// noChoice marks a lot not awarded.
const noChoice = -1

func (p allocProblem) empty() []int {
	choice := make([]int, len(p.cands))
	for i := range choice {
		choice[i] = noChoice
	}
	return choice
}

// inOrder awards the lots in the declared order, each to its best candidate
// whose supplier is below the cap. It returns, by lot position, the index of
// the candidate chosen or noChoice.
func (p allocProblem) inOrder() []int {
	caps := slices.Clone(p.caps)
	choice := p.empty()
	for _, k := range p.order {
		if p.skip[k] {
			continue
		}
		for ci, c := range p.cands[k] {
			if caps[c.supplier] > 0 {
				choice[k] = ci
				caps[c.supplier]--
				break
			}
		}
	}
	return choice
}

// optimal returns the allocation that awards the most lots, then has the
// highest total score, then — taking the lots in the declared order — gives
// the first lot where two allocations differ to its better-placed candidate
// (a lot awarded beats a lot not awarded). The rule is total: exactly one
// allocation is optimal.
//
// The three objectives are folded exactly into one integer cost per
// (lot, candidate) arc of a flow network source → lot (capacity 1) → supplier
// → sink (capacity the supplier's cap), solved as a minimum-cost maximum
// flow:
//
//   - the flow is maximum, so the most lots are awarded;
//   - each arc costs primary·R + secondary, where primary = Smax + 1 − s
//     (s the candidate's score scaled to an integer over the common
//     denominator of all scores, Smax the largest) and
//     secondary = (pos − (B−1))·B^(L−1−k) for the lot at place k of L in the
//     declared order, pos the candidate's place in the lot's standings and
//     B one more than the longest standings. R = B^L.
//
// For a fixed number of lots awarded, the sum of the primaries is smallest
// exactly when the total score is largest. The secondaries of a whole
// allocation sum to (its place vector read as a base-B number, a lot not
// awarded reading B−1) minus a constant, which lies in (−R, 0]: they decide
// only between allocations of equal total, and then in the declared order.
// Every arc cost is at least R − (R − 1) = 1, positive as the solver needs.
func (p allocProblem) optimal() []int {
	choice := p.empty()
	scaled, smax := p.scaledScores()
	lots := 0
	longest := 0
	for _, k := range p.order {
		if !p.skip[k] && len(p.cands[k]) > 0 {
			lots++
			longest = max(longest, len(p.cands[k]))
		}
	}
	if lots == 0 {
		return choice
	}
	b := big.NewInt(int64(longest + 1))
	r := new(big.Int).Exp(b, big.NewInt(int64(len(p.order))), nil)
	nLots, nSup := len(p.cands), len(p.caps)
	source, sink := 0, 1+nLots+nSup
	net := newFlowNet(sink + 1)
	one := big.NewInt(1)
	zero := new(big.Int)
	arcs := make([][]int, nLots) // by lot position, by candidate: edge index
	weight := new(big.Int)
	var cost, sec big.Int
	for place := len(p.order) - 1; place >= 0; place-- {
		k := p.order[place]
		if place == len(p.order)-1 {
			weight.SetInt64(1)
		} else {
			weight.Mul(weight, b)
		}
		if p.skip[k] || len(p.cands[k]) == 0 {
			continue
		}
		net.addEdge(source, 1+k, 1, zero)
		arcs[k] = make([]int, len(p.cands[k]))
		for ci, c := range p.cands[k] {
			cost.Add(smax, one)
			cost.Sub(&cost, scaled[k][ci])
			cost.Mul(&cost, r)
			sec.SetInt64(int64(c.pos - longest))
			sec.Mul(&sec, weight)
			cost.Add(&cost, &sec)
			arcs[k][ci] = net.addEdge(1+k, 1+nLots+c.supplier, 1, &cost)
		}
	}
	for s, c := range p.caps {
		if c > 0 {
			net.addEdge(1+nLots+s, sink, c, zero)
		}
	}
	net.minCostMaxFlow(source, sink)
	for k, as := range arcs {
		for ci, e := range as {
			if net.flowOn(e) > 0 {
				choice[k] = ci
			}
		}
	}
	return choice
}

// scaledScores turns every candidate's exact score into an integer over the
// common denominator of them all, and returns the largest.
func (p allocProblem) scaledScores() ([][]*big.Int, *big.Int) {
	nums := make([][]*big.Int, len(p.cands))
	dens := make([][]*big.Int, len(p.cands))
	lcm := big.NewInt(1)
	var g big.Int
	for k, cs := range p.cands {
		if p.skip[k] {
			continue
		}
		for _, c := range cs {
			n, d := ratioInts(c.score)
			nums[k] = append(nums[k], n)
			dens[k] = append(dens[k], d)
			g.GCD(nil, nil, lcm, d)
			lcm.Mul(lcm, new(big.Int).Quo(d, &g))
		}
	}
	smax := new(big.Int)
	first := true
	for k := range nums {
		for i, n := range nums[k] {
			n.Mul(n, new(big.Int).Quo(lcm, dens[k][i]))
			if first || n.Cmp(smax) > 0 {
				smax.Set(n)
				first = false
			}
		}
	}
	return nums, smax
}

// ratioInts writes an exact fraction as integers num/den, den positive.
func ratioInts(f exact.Fraction) (*big.Int, *big.Int) {
	num, den := f.Num(), f.Den()
	n, d := num.Coefficient(), den.Coefficient()
	if d.Sign() < 0 { // a Fraction's denominator is positive; be safe
		n.Neg(n)
		d.Neg(d)
	}
	if e := int64(num.Exponent()) - int64(den.Exponent()); e >= 0 {
		n.Mul(n, new(big.Int).Exp(big.NewInt(10), big.NewInt(e), nil))
	} else {
		d.Mul(d, new(big.Int).Exp(big.NewInt(10), big.NewInt(-e), nil))
	}
	if d.Sign() == 0 {
		d.SetInt64(1)
	}
	return n, d
}

// measure is how an allocation is judged: lots awarded, then total score.
type measure struct {
	lots   int
	total  exact.Fraction
	places int32 // the places the total is shown to, as its terms (-1: exactly)
}

// cmp orders measures, better first: more lots, then a higher total.
func (m measure) cmp(o measure) int {
	if m.lots != o.lots {
		return o.lots - m.lots
	}
	return o.total.Cmp(m.total)
}

// measureOf sums an allocation; fixed adds the lots decided outside it.
func (p allocProblem) measureOf(choice []int) measure {
	m := measure{total: exact.Zero}
	var shown []Figure
	for k, ci := range choice {
		if ci != noChoice {
			c := p.cands[k][ci]
			m.lots++
			m.total = m.total.Add(c.score)
			shown = append(shown, Figure{Value: c.score, Places: c.places})
		}
	}
	m.places = sumPlaces(shown)
	return m
}

// forced solves the allocation with lot k given to candidate ci: the lot is
// left out and its supplier's cap reduced by one, the rest solved with the
// same mechanism.
func (p allocProblem) forced(k, ci int, solve func(allocProblem) []int) []int {
	q := p.clone()
	q.skip[k] = true
	q.caps[p.cands[k][ci].supplier]--
	choice := solve(q)
	choice[k] = ci
	return choice
}
