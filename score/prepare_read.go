package score

import (
	"slices"
	"strings"
	"sync/atomic"

	"github.com/tenderscore/tenderscore/criteria"
)

// This file reads each bid for its lot while it is validated: [Prepare]
// and [Evaluate] check a bid's own responses and read them in the same
// pass, while its maps are still in the cache, instead of validating every
// bid and then walking every response again. A bid is read only once its
// tender, its checks across bids and its own checks have found nothing, so
// that reading meets only what validation passed; the readings are used
// only when the whole validation passes.

// reader holds the lots being read during validation.
type reader struct {
	lots  map[string]*lotPrep
	at    []int32      // by input position: the bid's position among its lot's bids (by id); -1 for none
	read  atomic.Int64 // bids read
	fault atomic.Bool  // a problem was found: nothing more is read
	want  int          // bids to read: those of a known lot
}

// newReader shapes every lot of a tender that has passed its own checks,
// and places each bid among its lot's bids in id order, as bidsByLot does.
func newReader(t Tender, bids []Bid) *reader {
	rd := &reader{lots: make(map[string]*lotPrep, len(t.Lots)), at: make([]int32, len(bids))}
	byLot := map[string][]int32{}
	for i := range bids {
		rd.at[i] = -1
		byLot[bids[i].Lot] = append(byLot[bids[i].Lot], int32(i))
	}
	for _, l := range t.Lots {
		idx := byLot[l.ID]
		slices.SortFunc(idx, func(a, b int32) int { return strings.Compare(bids[a].ID, bids[b].ID) })
		lb := make([]Bid, len(idx))
		for j, i := range idx {
			lb[j], rd.at[i] = bids[i], int32(j)
		}
		lp := lotShape(t, l)
		lp.bids, lp.per = lb, make([]bidPrep, len(lb))
		rd.lots[l.ID] = lp
		rd.want += len(idx)
	}
	return rd
}

// readAt reads the lot's bid at position j, with one goroutine's scratch.
func (lp *lotPrep) readAt(j int, sc *readScratch) {
	p := &lp.per[j]
	cells, quotes, fixed := sc.take(len(lp.tree.nodes), len(lp.prices), len(lp.fixed.nodes))
	*p = lp.read(&lp.bids[j], cells, quotes)
	p.fixed = fixed
	lp.fixPoints(p, p.fixed, sc.nums, sc.memo)
}

// readScratch is one goroutine's working space for one lot, and the
// memory its bids' readings go in, taken in blocks: memory for the bids
// read, not for every bid before it is known to pass.
type readScratch struct {
	nums   []num
	memo   *leafMemo
	block  int // bids a block holds
	cells  []cell
	quotes []criteria.Quote
	fixed  []Figure
}

// readBlock is how many bids' readings a block holds during validation.
const readBlock = 256

func newReadScratch(lp *lotPrep, block int) *readScratch {
	return &readScratch{nums: make([]num, len(lp.tree.nodes)), memo: newLeafMemo(len(lp.tree.nodes)), block: max(block, 1)}
}

// take returns the memory for one bid's reading.
func (sc *readScratch) take(nn, np, nf int) ([]cell, []criteria.Quote, []Figure) {
	if len(sc.cells) < nn || len(sc.quotes) < np || len(sc.fixed) < nf {
		sc.cells, sc.quotes, sc.fixed = make([]cell, sc.block*nn), make([]criteria.Quote, sc.block*np), make([]Figure, sc.block*nf)
	}
	c, q, f := sc.cells[:nn:nn], sc.quotes[:np:np], sc.fixed[:nf:nf]
	sc.cells, sc.quotes, sc.fixed = sc.cells[nn:], sc.quotes[np:], sc.fixed[nf:]
	return c, q, f
}

// scratches is one goroutine's scratch for each lot it meets.
type scratches map[*lotPrep]*readScratch

// bid reads the bid at input position i, unless a problem has been found.
func (rd *reader) bid(i int, b *Bid, sc scratches) {
	lp, ok := rd.lots[b.Lot]
	if rd.fault.Load() || !ok || rd.at[i] < 0 {
		return
	}
	s, ok := sc[lp]
	if !ok {
		s = newReadScratch(lp, readBlock)
		sc[lp] = s
	}
	lp.readAt(int(rd.at[i]), s)
	rd.read.Add(1)
}

// prepared is the tender read, when every bid was; false otherwise.
func (rd *reader) prepared(t Tender, bids []Bid) (*Prepared, bool) {
	if rd.fault.Load() || int(rd.read.Load()) != rd.want || rd.want != len(bids) {
		return nil, false
	}
	return &Prepared{t: t, bids: bids, byLot: rd.lots}, true
}

// newLotPrep reads one lot's bids (in bid id order) after validation.
func newLotPrep(t Tender, l Lot, bids []Bid) *lotPrep {
	lp := lotShape(t, l)
	lp.bids, lp.per = bids, make([]bidPrep, len(bids))
	chunks(len(bids), func(lo, hi int) {
		sc := newReadScratch(lp, hi-lo)
		for j := lo; j < hi; j++ {
			lp.readAt(j, sc)
		}
	})
	return lp
}
