package analysis

import "slices"

// reversedPairs returns the pairs of positions i < j in the standings,
// neither of them skip, that ranked apart with every bid in the field
// (before[i] < before[j]) and no longer do once one bid is removed
// (after[i] >= after[j]; an after of 0 is a bid no longer ranked), ordered
// by i and then j: the pairs a removal reverses or makes level.
//
// The standings are in order of rank, so before never falls along them.
// Walking them a group of equal ranks at a time, a tree of counts by rank
// after holds the bids of the groups already passed, and finds for each
// bid those it meets or passes after the removal, each distinct rank by
// its order among them: O(n log n) for the walk and O(k log n) for k
// pairs. Comparing every pair, as the analysis first did, took O(n²) for
// each removal.
func reversedPairs(before, after []int, skip int) [][2]int {
	n := len(before)
	top := n // the highest rank after: past n when the removal lifts bids over a minimum into the ranking
	for _, a := range after {
		top = max(top, a)
	}
	tree := newCounts(top + 1)     // ranks after are 0 to top
	atRank := make([][]int, top+1) // the bids of the groups passed, by rank after, in order of position
	var pairs [][2]int
	for g := 0; g < n; {
		h := g
		for h < n && before[h] == before[g] {
			h++
		}
		for j := g; j < h; j++ {
			if j != skip {
				pairs = tree.metBy(j, after[j], atRank, pairs)
			}
		}
		for i := g; i < h; i++ {
			if i != skip {
				tree.add(after[i])
				atRank[after[i]] = append(atRank[after[i]], i)
			}
		}
		g = h
	}
	slices.SortFunc(pairs, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	return pairs
}

// metBy appends a pair (i, j) for each bid i counted so far whose rank
// after is at or below j's (at least a): those after the first
// upTo(a−1) in order of rank, each distinct rank found by its order.
func (t *counts) metBy(j, a int, atRank [][]int, pairs [][2]int) [][2]int {
	for m := t.upTo(a-1) + 1; m <= t.total; {
		r := t.kth(m)
		for _, i := range atRank[r] {
			pairs = append(pairs, [2]int{i, j})
		}
		m += len(atRank[r])
	}
	return pairs
}

// counts is a Fenwick tree of how many bids hold each rank.
type counts struct {
	c     []int
	total int
}

func newCounts(n int) *counts { return &counts{c: make([]int, n+1)} }

// add counts one more bid at rank r (0 to n−1 of the tree's n).
func (t *counts) add(r int) {
	t.total++
	for i := r + 1; i < len(t.c); i += i & -i {
		t.c[i]++
	}
}

// kth is the rank of the m-th bid counted, in order of rank (m from 1 to
// total).
func (t *counts) kth(m int) int {
	pos := 0
	for step := 1 << bitsLen(len(t.c)-1); step > 0; step >>= 1 {
		if next := pos + step; next < len(t.c) && t.c[next] < m {
			pos, m = next, m-t.c[next]
		}
	}
	return pos // the tree's index pos+1 holds rank pos
}

// bitsLen is the position of n's highest set bit (0 for n ≤ 1).
func bitsLen(n int) int {
	b := 0
	for n > 1 {
		n >>= 1
		b++
	}
	return b
}

// upTo is how many bids hold a rank at or below r (none below 0).
func (t *counts) upTo(r int) int {
	s := 0
	for i := min(r+1, len(t.c)-1); i > 0; i -= i & -i {
		s += t.c[i]
	}
	return s
}
