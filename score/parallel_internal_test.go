package score

import (
	"cmp"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// TestSortParallelIsTheSort: spans sorted on any number of goroutines and
// merged give the one order of a strict comparison, odd numbers of spans
// and a span shorter than the others included.
func TestSortParallelIsTheSort(t *testing.T) {
	prev := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(prev)
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 1023, 1024, 5000, 5003} {
		xs := r.Perm(n)
		want := slices.Sorted(slices.Values(xs))
		for _, procs := range []int{1, 2, 3, 5, 8} {
			runtime.GOMAXPROCS(procs)
			got := slices.Clone(xs)
			sortParallel(got, cmp.Compare[int])
			if !slices.Equal(got, want) {
				t.Fatalf("n=%d, GOMAXPROCS=%d: not sorted", n, procs)
			}
		}
	}
}
