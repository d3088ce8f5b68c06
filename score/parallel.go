package score

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/tenderscore/tenderscore/internal/carry"
)

// minChunk is the fewest bids worth handing to a goroutine of their own.
const minChunk = 512

// chunks runs f over [lo, hi) ranges covering [0, n), spread over
// GOMAXPROCS goroutines when n is large enough to gain from it. Each range is
// run by one goroutine; f must touch only the items of its range (and its
// own scratch), so that the result is the same as a serial run, whatever
// the number of goroutines.
func chunks(n int, f func(lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), n/minChunk)
	if workers <= 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	var c carry.Catcher // a panic reaches the caller, as a serial run's would
	size := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += size {
		hi := min(lo+size, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer c.Catch()
			f(lo, hi)
		}()
	}
	wg.Wait()
	c.Rethrow()
}

// eachBid runs f on every bid, in parallel where it pays.
func eachBid(bids []bidKernel, f func(*bidKernel)) {
	chunks(len(bids), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			f(&bids[i])
		}
	})
}

// eachBidScratch runs f on every bid of the lot with a scratch slice of
// line numbers, one per goroutine.
func eachBidScratch(k *lotKernel, f func(*bidKernel, []num)) {
	chunks(len(k.bids), func(lo, hi int) {
		nums := make([]num, len(k.tree.nodes))
		for i := lo; i < hi; i++ {
			f(&k.bids[i], nums)
		}
	})
}

// each runs f(i) for every i in [0, n), items handed out one at a time to
// GOMAXPROCS goroutines: for a few large items of uneven size (the lots of
// a tender), each of which may spread its own work with chunks. f must
// touch only item i's results, so that the result is that of a serial run.
func each(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	var c carry.Catcher // a panic reaches the caller, as a serial run's would
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer c.Catch()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
	c.Rethrow()
}

// sortParallel sorts xs by cmp, which must be a strict order (no two
// items compare equal), so that the order is the only one and the same
// whatever the number of goroutines: spans of xs are sorted in parallel
// and then merged.
func sortParallel[T any](xs []T, cmp func(a, b T) int) {
	workers := min(runtime.GOMAXPROCS(0), len(xs)/minChunk)
	if workers <= 1 {
		slices.SortFunc(xs, cmp)
		return
	}
	size := (len(xs) + workers - 1) / workers
	var bounds []int // the start of each span, and len(xs)
	for lo := 0; lo < len(xs); lo += size {
		bounds = append(bounds, lo)
	}
	bounds = append(bounds, len(xs))
	each(len(bounds)-1, func(i int) { slices.SortFunc(xs[bounds[i]:bounds[i+1]], cmp) })
	src, dst := xs, make([]T, len(xs))
	for len(bounds) > 2 { // merge neighbouring spans until one is left
		var next []int
		for i := 0; i+1 < len(bounds); i += 2 {
			lo := bounds[i]
			next = append(next, lo)
			if i+2 >= len(bounds) { // an odd span out: carried over
				copy(dst[lo:], src[lo:bounds[i+1]])
				continue
			}
			merge(dst[lo:bounds[i+2]], src[lo:bounds[i+1]], src[bounds[i+1]:bounds[i+2]], cmp)
		}
		bounds = append(next, len(xs))
		src, dst = dst, src
	}
	if &src[0] != &xs[0] {
		copy(xs, src)
	}
}

// merge merges the sorted a and b into dst (len(a)+len(b) long).
func merge[T any](dst, a, b []T, cmp func(a, b T) int) {
	i, j, o := 0, 0, 0
	for i < len(a) && j < len(b) {
		if cmp(b[j], a[i]) < 0 {
			dst[o] = b[j]
			j++
		} else {
			dst[o] = a[i]
			i++
		}
		o++
	}
	o += copy(dst[o:], a[i:])
	copy(dst[o:], b[j:])
}
