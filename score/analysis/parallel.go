package analysis

import (
	"maps"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/internal/carry"
	"github.com/tenderscore/tenderscore/score"
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

// warmth is what every bid's price to win reads and the forks would
// otherwise each read again — the field of prices, and in package score
// the lines of the prices below the lowest — read once by one goroutine
// while the others start on the marks, and published when done.
type warmth struct {
	pc       *score.Criterion   // the one price criterion; nil when there is none, or more
	done     chan struct{}      // closed once read (or given up: a panic)
	prices   *priceField        // the field of prices read; nil until done
	pricings map[string]pricing // the criterion's prices and points, read-only once published
}

// warmth reads the criteria every fork reads, on the field before it is
// forked, and returns the rest to be read.
func (f *field) warmth() *warmth {
	wm := &warmth{done: make(chan struct{})}
	if pls := f.priceLeaves(); len(pls) == 1 && !f.reference {
		wm.pc = &pls[0].c
	}
	f.leaves()
	return wm
}

// read reads the field of prices on w, draws the lines a price below the
// lowest reads, and publishes them.
func (wm *warmth) read(w *field) {
	defer close(wm.done)
	if wm.pc == nil {
		return
	}
	pf := w.priceField(*wm.pc)
	if b := w.lot().Policy.Basis; pf.ok && len(pf.bids) > 0 && pf.rule.Method != criteria.Band &&
		b != score.PricePerQualityPoint && b != score.AdjustedPrice {
		first := pf.bids[0]
		w.tr.LowestHolding(first.id, wm.pc.ID, first.total, false) // drawn once for all; the answer is not kept
	}
	wm.prices, wm.pricings = pf, w.pricings[wm.pc.ID]
}

// await waits for the field of prices and gives it to w.
func (wm *warmth) await(w *field) {
	<-wm.done
	wm.adopt(w)
}

// adopt gives w the field of prices read, unless it has one.
func (wm *warmth) adopt(w *field) {
	if wm.prices == nil || w.prices != nil {
		return
	}
	w.prices = wm.prices
	if wm.pricings != nil {
		if w.pricings == nil {
			w.pricings = map[string]map[string]pricing{}
		}
		w.pricings[wm.pc.ID] = wm.pricings
	}
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
	w.marks, w.seen, w.qs, w.crossTrials = nil, nil, nil, nil
	return &w
}
