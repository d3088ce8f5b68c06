package score

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/exact"
)

// bruteOptimal tries every allocation of p and returns the best by the rule
// optimal implements: most lots, highest total, then the place vector in the
// declared order (a lot not awarded last).
func bruteOptimal(p allocProblem) []int {
	const none = 1 << 30
	caps := slices.Clone(p.caps)
	cur := p.empty()
	var best []int
	var bestM measure
	var bestPos []int
	posOf := func(choice []int) []int {
		out := make([]int, len(p.order))
		for i, k := range p.order {
			out[i] = none
			if choice[k] != noChoice {
				out[i] = p.cands[k][choice[k]].pos
			}
		}
		return out
	}
	var walk func(i int)
	walk = func(i int) {
		if i == len(p.order) {
			m := p.measureOf(cur)
			pos := posOf(cur)
			if best == nil || m.cmp(bestM) < 0 || (m.cmp(bestM) == 0 && slices.Compare(pos, bestPos) < 0) {
				best, bestM, bestPos = slices.Clone(cur), m, pos
			}
			return
		}
		k := p.order[i]
		if !p.skip[k] {
			for ci, c := range p.cands[k] {
				if caps[c.supplier] > 0 {
					caps[c.supplier]--
					cur[k] = ci
					walk(i + 1)
					caps[c.supplier]++
				}
			}
		}
		cur[k] = noChoice
		walk(i + 1)
	}
	walk(0)
	return best
}

// drawProblem draws an allocation problem directly, with scores from a
// short list (many equal totals), fractional scores, lots left out as if a
// cross-lot offer had decided them, and caps of zero.
func drawProblem(t *rapid.T) allocProblem {
	nLots := rapid.IntRange(1, 6).Draw(t, "lots")
	nSup := rapid.IntRange(1, 4).Draw(t, "suppliers")
	p := allocProblem{order: rapid.Permutation(seq(nLots)).Draw(t, "order"), cands: make([][]candidate, nLots), caps: make([]int, nSup), skip: make([]bool, nLots)}
	for s := range p.caps {
		p.caps[s] = rapid.IntRange(0, nLots).Draw(t, "cap")
	}
	third, _ := exact.NewFraction(decimal.NewFromInt(1), decimal.NewFromInt(3))
	for k := range nLots {
		p.skip[k] = rapid.IntRange(0, 7).Draw(t, "skip") == 0
		for s := range nSup {
			if rapid.Bool().Draw(t, "bids") {
				sc := exact.Whole(decimal.NewFromInt(int64(rapid.IntRange(1, 3).Draw(t, "score"))))
				if rapid.IntRange(0, 4).Draw(t, "third") == 0 {
					sc = sc.Add(third)
				}
				p.cands[k] = append(p.cands[k], candidate{bidID: fmt.Sprintf("%d-%d", k, s), supplier: s, score: sc, places: -1})
			}
		}
		// standings order: higher score first, ties in drawn order
		slices.SortStableFunc(p.cands[k], func(a, b candidate) int { return b.score.Cmp(a.score) })
		for i := range p.cands[k] {
			p.cands[k][i].pos = i
		}
	}
	return p
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// TestOptimalMatchesBruteForce checks the flow solution against every
// allocation tried one by one, with many equal totals, so that the
// declared-order tie rule folded into the costs is exercised.
func TestOptimalMatchesBruteForce(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := drawProblem(t)
		want, got := bruteOptimal(p), p.optimal()
		if !slices.Equal(want, got) {
			g, w := p.measureOf(got), p.measureOf(want)
			t.Fatalf("flow %v (%d lots, total %s), brute force %v (%d lots, total %s)", got, g.lots, g.total, want, w.lots, w.total)
		}
	})
}

// TestInOrderRespectsCaps checks the in-order allocation never exceeds a cap
// and never passes over a candidate whose supplier had room.
func TestInOrderRespectsCaps(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := drawProblem(t)
		choice := p.inOrder()
		held := make([]int, len(p.caps))
		for _, k := range p.order {
			if p.skip[k] {
				if choice[k] != noChoice {
					t.Fatalf("lot %d left out but awarded", k)
				}
				continue
			}
			upto := len(p.cands[k])
			if choice[k] != noChoice {
				upto = choice[k]
			}
			for _, c := range p.cands[k][:upto] {
				if held[c.supplier] < p.caps[c.supplier] {
					t.Fatalf("lot %d: candidate %s passed over with room under the cap", k, c.bidID)
				}
			}
			if choice[k] != noChoice {
				held[p.cands[k][choice[k]].supplier]++
			}
		}
		for s, h := range held {
			if h > p.caps[s] {
				t.Fatalf("supplier %d holds %d lots, cap %d", s, h, p.caps[s])
			}
		}
	})
}

// largeProblem is 10 lots × 200 suppliers each bidding for every lot, with
// scores to 2 dp as the default rounding shows them, and a cap of 2.
func largeProblem() allocProblem {
	const lots, sups = 10, 200
	p := allocProblem{order: seq(lots), cands: make([][]candidate, lots), caps: make([]int, sups), skip: make([]bool, lots)}
	for s := range p.caps {
		p.caps[s] = 2
	}
	for k := range lots {
		for s := range sups {
			// a deterministic spread of scores from 40.00 to 99.99
			v := 4000 + int64((s*7919+k*104729)%6000)
			p.cands[k] = append(p.cands[k], candidate{bidID: fmt.Sprintf("%d-%d", k, s), supplier: s, score: exact.Whole(decimal.New(v, -2)), places: 2})
		}
		slices.SortStableFunc(p.cands[k], func(a, b candidate) int { return b.score.Cmp(a.score) })
		for i := range p.cands[k] {
			p.cands[k][i].pos = i
		}
	}
	return p
}

// BenchmarkAllocateOptimal10x200 measures the allocation with the highest
// total score alone for 10 lots × 200 bidders (2,000 bids, cap 2).
func BenchmarkAllocateOptimal10x200(b *testing.B) {
	p := largeProblem()
	b.ReportAllocs()
	for b.Loop() {
		p.optimal()
	}
}

// BenchmarkAllocateInOrder10x200 measures the in-order allocation for the
// same problem.
func BenchmarkAllocateInOrder10x200(b *testing.B) {
	p := largeProblem()
	b.ReportAllocs()
	for b.Loop() {
		p.inOrder()
	}
}

// TestLargeAllocationWithinBudget keeps the large case well under a second
// even on a slow machine with the race detector, and checks that the cap
// binds: each lot's best bidders are shared out.
func TestLargeAllocationWithinBudget(t *testing.T) {
	p := largeProblem()
	start := time.Now()
	choice := p.optimal()
	if d := time.Since(start); d > time.Second {
		t.Fatalf("10 lots × 200 bidders took %v", d)
	}
	held := map[int]int{}
	for k, ci := range choice {
		if ci == noChoice {
			t.Fatalf("lot %d not awarded", k)
		}
		held[p.cands[k][ci].supplier]++
	}
	for s, n := range held {
		if n > 2 {
			t.Fatalf("supplier %d holds %d lots", s, n)
		}
	}
}

// TestOptimalWithManyBiddersMatchesBruteForce checks the flow solution
// against every allocation on fields with more bidders per lot than an
// optimal allocation can reach (see reachable), so that leaving the rest
// out of the network is exercised: scores from a short list, suppliers
// bidding for every lot or some, caps of 0 to 2.
func TestOptimalWithManyBiddersMatchesBruteForce(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		nLots := rapid.IntRange(1, 4).Draw(t, "lots")
		nSup := rapid.IntRange(2, 9).Draw(t, "suppliers")
		p := allocProblem{order: rapid.Permutation(seq(nLots)).Draw(t, "order"), cands: make([][]candidate, nLots), caps: make([]int, nSup), skip: make([]bool, nLots)}
		for s := range p.caps {
			p.caps[s] = rapid.IntRange(0, 2).Draw(t, "cap")
		}
		for k := range nLots {
			p.skip[k] = rapid.IntRange(0, 9).Draw(t, "skip") == 0
			for s := range nSup {
				if rapid.IntRange(0, 3).Draw(t, "bids") > 0 {
					sc := exact.Whole(decimal.NewFromInt(int64(rapid.IntRange(1, 4).Draw(t, "score"))))
					p.cands[k] = append(p.cands[k], candidate{bidID: fmt.Sprintf("%d-%d", k, s), supplier: s, score: sc, places: -1})
				}
			}
			slices.SortStableFunc(p.cands[k], func(a, b candidate) int { return b.score.Cmp(a.score) })
			for i := range p.cands[k] {
				p.cands[k][i].pos = i
			}
		}
		want, got := bruteOptimal(p), p.optimal()
		if !slices.Equal(want, got) {
			g, w := p.measureOf(got), p.measureOf(want)
			t.Fatalf("flow %v (%d lots, total %s), brute force %v (%d lots, total %s)", got, g.lots, g.total, want, w.lots, w.total)
		}
	})
}
