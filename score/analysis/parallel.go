package analysis

import (
	"maps"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/tenderscore/tenderscore/internal/carry"
)

// minShare is the fewest bids worth a goroutine of their own: below it the
// goroutine costs more than it saves.
const minShare = 4

// spread calls do for each of n bids, spread over GOMAXPROCS goroutines,
// each with its own copy of the field (fork): each bid's answer is its own
// and written to its own place, so the answers are those of a serial run
// in any order of running. The reference search (tests only) runs
// serially: it evaluates copies it keeps on the field.
func (f *field) spread(n int, do func(w *field, i int)) {
	workers := min(runtime.GOMAXPROCS(0), n/minShare)
	if workers <= 1 || f.reference {
		for i := range n {
			do(f, i)
		}
		return
	}
	f.warm()
	var next atomic.Int64
	var wg sync.WaitGroup
	var c carry.Catcher // a panic reaches the caller, as a serial run's would
	for range workers {
		w := f.fork()
		wg.Go(func() {
			defer c.Catch()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(w, i)
			}
		})
	}
	wg.Wait()
	c.Rethrow()
}

// alongside starts do on a copy of the field in a goroutine of its own when
// there is more than one processor, and returns the wait for it; with one,
// or for the reference, it runs do at once. What do finds is its own: the
// caller reads it after the wait.
func (f *field) alongside(do func(s *field)) (wait func()) {
	if runtime.GOMAXPROCS(0) <= 1 || f.reference {
		do(f)
		return func() {}
	}
	s := f.fork() // before warm: what runs beside reads no price field
	done := make(chan struct{})
	var c carry.Catcher // a panic reaches the waiter, as a serial run's would
	go func() {
		defer close(done)
		defer c.Catch()
		do(s)
	}()
	return func() { <-done; c.Rethrow() }
}

// warm reads once, before the field is forked for the bids' questions,
// what every bid's price to win reads and the forks would otherwise each
// read again: the price criteria and the field of prices.
func (f *field) warm() {
	if pls := f.priceLeaves(); len(pls) == 1 {
		f.priceField(pls[0].c)
	}
	f.leaves()
}

// fork is a copy of the field for one goroutine: it shares what is never
// changed once read (the trials, the bids, the field of prices, whose one
// lazy part is drawn once for all), and has its own copy of each cache it
// may still fill, so that no two goroutines write the same map.
func (f *field) fork() *field {
	w := *f
	w.avail = maps.Clone(f.avail)
	w.levels = maps.Clone(f.levels)
	w.scales = maps.Clone(f.scales)
	w.plans = maps.Clone(f.plans)
	w.pricings = maps.Clone(f.pricings) // each criterion's map is whole once stored, never written again
	w.marks, w.seen, w.qs = nil, nil, nil
	return &w
}
