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
// in any order of running. beside, when not nil, is other work on the
// field that the first goroutine does before it takes bids, while the
// others take them; what it finds is its own, read once spread returns.
// The reference search (tests only) runs serially, beside first: it
// evaluates copies it keeps on the field.
func (f *field) spread(n int, beside func(s *field), do func(w *field, i int)) {
	workers := min(runtime.GOMAXPROCS(0), n/minShare)
	if workers <= 1 || f.reference {
		if beside != nil {
			beside(f)
		}
		for i := range n {
			do(f, i)
		}
		return
	}
	f.warm()
	var next atomic.Int64
	var wg sync.WaitGroup
	var c carry.Catcher // a panic reaches the caller, as a serial run's would
	for g := range workers {
		w := f.fork()
		wg.Go(func() {
			defer c.Catch()
			if g == 0 && beside != nil {
				beside(w)
			}
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(w, i)
			}
		})
	}
	wg.Wait()
	c.Rethrow()
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
