package score

import (
	"runtime"
	"sync"
	"sync/atomic"
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
	size := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += size {
		hi := min(lo+size, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(lo, hi)
		}()
	}
	wg.Wait()
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
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
}
