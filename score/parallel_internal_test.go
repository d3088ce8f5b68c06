package score

import (
	"cmp"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tenderscore/tenderscore/internal/carry"
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

// TestGoroutinesCarryPanics: a panic on a goroutine the engine started — a
// bug, never an input — reaches the goroutine that called it, where an
// importer's recover sees it, rather than stopping the process.
func TestGoroutinesCarryPanics(t *testing.T) {
	prev := runtime.GOMAXPROCS(2) // so that the work is spread
	defer runtime.GOMAXPROCS(prev)
	carried(t, "chunks", func() {
		chunks(4*minChunk, func(lo, _ int) {
			if lo > 0 {
				panic("chunks")
			}
		})
	})
	carried(t, "each", func() {
		each(8, func(i int) {
			if i == 5 {
				panic("each")
			}
		})
	})
	bids := make([]Bid, 2*minChunk)
	for i := range bids {
		bids[i].ID = strconv.Itoa(i)
	}
	p := carried(t, "", func() { // an across with no map of ids panics on the first
		newValidation().besideAcross(bids, make([]bidChecks, len(bids)), &across{}, lotIndex{})
	})
	if !strings.Contains(string(p.Stack), "(*across).check") {
		t.Fatalf("across: carried from elsewhere: %v\n%s", p.Value, p.Stack)
	}
}

// carried fails unless run panics with a *carry.Panic of the value want
// (any, when want is empty), and returns it.
func carried(t *testing.T, want string, run func()) *carry.Panic {
	t.Helper()
	got := func() (r any) {
		defer func() { r = recover() }()
		run()
		return nil
	}()
	p, ok := got.(*carry.Panic)
	if !ok {
		t.Fatalf("%s: recovered %T %v, want a *carry.Panic", want, got, got)
	}
	if want != "" && p.Value != want {
		t.Fatalf("%s: carried %v", want, p.Value)
	}
	return p
}
