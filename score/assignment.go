package score

import (
	"container/heap"
	"math/big"
)

// flowNet is a network for a minimum-cost maximum flow with exact integer
// costs. The lot allocation builds one (source → lot → supplier → sink) and
// solves it by successive shortest paths: each augmenting path is the
// cheapest way to award one more lot, found by Dijkstra's algorithm on costs
// kept non-negative by node potentials (Johnson's reweighting). Every cost
// starts positive, so the potentials can start at zero.
//
// Costs are math/big integers: the scores they come from are exact
// fractions scaled to a common denominator, so nothing is rounded and no
// float is involved. With L lots the flow needs at most L augmentations,
// each O(E log V).
type flowNet struct {
	edges []flowEdge
	adj   [][]int // by node: indices into edges
}

// flowEdge is one direction of an arc; edges come in pairs, the reverse of
// edge i being edge i^1.
type flowEdge struct {
	to   int
	cap  int
	cost big.Int
}

func newFlowNet(nodes int) *flowNet { return &flowNet{adj: make([][]int, nodes)} }

// addEdge adds an arc u → v with a capacity and a cost, and its residual
// reverse; it returns the index of the forward edge.
func (f *flowNet) addEdge(u, v, capacity int, cost *big.Int) int {
	i := len(f.edges)
	fwd := flowEdge{to: v, cap: capacity}
	fwd.cost.Set(cost)
	rev := flowEdge{to: u}
	rev.cost.Neg(cost)
	f.edges = append(f.edges, fwd, rev)
	f.adj[u] = append(f.adj[u], i)
	f.adj[v] = append(f.adj[v], i+1)
	return i
}

// flowOn reports the flow through the forward edge i.
func (f *flowNet) flowOn(i int) int { return f.edges[i^1].cap }

// minCostMaxFlow pushes as much flow as possible from s to t at the least
// total cost and returns the flow. Costs must all be positive on entry.
func (f *flowNet) minCostMaxFlow(s, t int) int {
	n := len(f.adj)
	pot := make([]big.Int, n)
	dist := make([]big.Int, n)
	reached := make([]bool, n)
	done := make([]bool, n)
	prev := make([]int, n)
	var rc, cand big.Int
	flow := 0
	for {
		for i := range n {
			reached[i], done[i], prev[i] = false, false, -1
			dist[i].SetInt64(0)
		}
		reached[s] = true
		q := &distHeap{}
		heap.Push(q, distItem{node: s, dist: new(big.Int)})
		for q.Len() > 0 {
			it := heap.Pop(q).(distItem)
			u := it.node
			if done[u] || it.dist.Cmp(&dist[u]) != 0 {
				continue
			}
			done[u] = true
			for _, ei := range f.adj[u] {
				e := &f.edges[ei]
				if e.cap <= 0 || done[e.to] {
					continue
				}
				// reduced cost: cost + pot[u] − pot[v], never negative
				rc.Add(&e.cost, &pot[u])
				rc.Sub(&rc, &pot[e.to])
				cand.Add(&dist[u], &rc)
				if !reached[e.to] || cand.Cmp(&dist[e.to]) < 0 {
					reached[e.to] = true
					dist[e.to].Set(&cand)
					prev[e.to] = ei
					heap.Push(q, distItem{node: e.to, dist: new(big.Int).Set(&cand)})
				}
			}
		}
		if !reached[t] {
			return flow
		}
		for v := range n {
			if done[v] {
				pot[v].Add(&pot[v], &dist[v])
			}
		}
		push := -1
		for v := t; v != s; v = f.edges[prev[v]^1].to {
			if c := f.edges[prev[v]].cap; push < 0 || c < push {
				push = c
			}
		}
		for v := t; v != s; v = f.edges[prev[v]^1].to {
			f.edges[prev[v]].cap -= push
			f.edges[prev[v]^1].cap += push
		}
		flow += push
	}
}

type distItem struct {
	node int
	dist *big.Int
}

// distHeap orders items by distance, then node, so the search is the same
// on every run.
type distHeap []distItem

func (h distHeap) Len() int { return len(h) }
func (h distHeap) Less(i, j int) bool {
	if c := h[i].dist.Cmp(h[j].dist); c != 0 {
		return c < 0
	}
	return h[i].node < h[j].node
}
func (h distHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *distHeap) Push(x any)   { *h = append(*h, x.(distItem)) }
func (h *distHeap) Pop() any {
	old := *h
	it := old[len(old)-1]
	*h = old[:len(old)-1]
	return it
}
