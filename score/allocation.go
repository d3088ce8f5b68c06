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
//     B two more than the furthest place an arc is drawn for. R = B^L.
//
// For a fixed number of lots awarded, the sum of the primaries is smallest
// exactly when the total score is largest. The secondaries of a whole
// allocation sum to (its place vector read as a base-B number, a lot not
// awarded reading B−1) minus a constant, which lies in (−R, 0]: they decide
// only between allocations of equal total, and then in the declared order.
// Every arc cost is at least R − (R − 1) = 1, positive as the solver needs.
//
// Only a lot's first few candidates can be chosen (see reachable), so only
// those become arcs: the network is as large as the lots, not the bids.
func (p allocProblem) optimal() []int {
	choice := p.empty()
	keep := p.reachable()
	scaled, smax := p.scaledScores(keep)
	lots := 0
	longest := 0
	for _, k := range p.order {
		if !p.skip[k] && len(keep[k]) > 0 {
			lots++
			longest = max(longest, p.cands[k][keep[k][len(keep[k])-1]].pos+1)
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
	arcs := make([][]int, nLots) // by lot position, by kept candidate: edge index
	weight := new(big.Int)
	var cost, sec big.Int
	for place := len(p.order) - 1; place >= 0; place-- {
		k := p.order[place]
		if place == len(p.order)-1 {
			weight.SetInt64(1)
		} else {
			weight.Mul(weight, b)
		}
		if p.skip[k] || len(keep[k]) == 0 {
			continue
		}
		net.addEdge(source, 1+k, 1, zero)
		arcs[k] = make([]int, len(keep[k]))
		for j, ci := range keep[k] {
			c := p.cands[k][ci]
			cost.Add(smax, one)
			cost.Sub(&cost, scaled[k][j])
			cost.Mul(&cost, r)
			sec.SetInt64(int64(c.pos - longest))
			sec.Mul(&sec, weight)
			cost.Add(&cost, &sec)
			arcs[k][j] = net.addEdge(1+k, 1+nLots+c.supplier, 1, &cost)
		}
	}
	for s, c := range p.caps {
		if c > 0 {
			net.addEdge(1+nLots+s, sink, c, zero)
		}
	}
	net.minCostMaxFlow(source, sink)
	for k, as := range arcs {
		for j, e := range as {
			if net.flowOn(e) > 0 {
				choice[k] = keep[k][j]
			}
		}
	}
	return choice
}

// reachable returns, by lot, the candidates an optimal allocation can give
// the lot to (their indices, best first): those whose supplier may still be
// awarded a lot, and of those no more than one plus the number of lots
// left over cap-holders could fill. If a lot went to a candidate with a
// better-placed one ahead of it whose supplier was below its cap, giving
// the lot to that one instead would keep the lots awarded and raise the
// total, or keep it and improve the first lot that differs in the declared
// order — so every candidate ahead of the one chosen belongs to a supplier
// at its cap, each holding at least the smallest cap of lots among the
// others. A field of thousands of bidders becomes a network of a few arcs
// per lot, and the allocation is the same.
func (p allocProblem) reachable() [][]int {
	minCap := 0
	for _, c := range p.caps {
		if c > 0 && (minCap == 0 || c < minCap) {
			minCap = c
		}
	}
	open := 0 // lots to allocate
	for k := range p.cands {
		if !p.skip[k] && len(p.cands[k]) > 0 {
			open++
		}
	}
	most := 1
	if minCap > 0 {
		most += (open - 1) / minCap
	}
	keep := make([][]int, len(p.cands))
	for k, cs := range p.cands {
		if p.skip[k] {
			continue
		}
		for ci, c := range cs {
			if len(keep[k]) == most {
				break
			}
			if p.caps[c.supplier] > 0 {
				keep[k] = append(keep[k], ci)
			}
		}
	}
	return keep
}

// scaledScores turns every kept candidate's exact score into an integer
// over the common denominator of them all (by lot, in keep's order), and
// returns the largest.
func (p allocProblem) scaledScores(keep [][]int) ([][]*big.Int, *big.Int) {
	nums := make([][]*big.Int, len(p.cands))
	dens := make([][]*big.Int, len(p.cands))
	lcm := big.NewInt(1)
	var g big.Int
	for k, ks := range keep {
		if p.skip[k] {
			continue
		}
		for _, ci := range ks {
			n, d := ratioInts(p.cands[k][ci].score)
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
