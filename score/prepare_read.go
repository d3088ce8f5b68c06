package score

import (
	"cmp"
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
// and places each bid among its lot's bids in id order, as bidsByLot does;
// the lots are shaped and sorted in parallel.
func newReader(t Tender, bids []Bid) *reader {
	rd := &reader{lots: make(map[string]*lotPrep, len(t.Lots)), at: make([]int32, len(bids))}
	idx := lotPositions(t, bids, rd.at)
	lps := make([]*lotPrep, len(t.Lots))
	each(len(t.Lots), func(k int) {
		is := idx[k]
		// By id, then input position (ids repeated fail validation, and
		// the reading is then unused): a strict order, sorted in parallel
		// for a lot of many bids.
		sortParallel(is, func(a, b int32) int {
			if c := strings.Compare(bids[a].ID, bids[b].ID); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		lp := lotShape(t, t.Lots[k])
		// The bids are copied in as they are read (reader.bid): memory the
		// operating system provides only once it is written, so a field
		// that fails validation early never holds a second copy.
		lp.bids, lp.per = make([]Bid, len(is)), make([]bidPrep, len(is))
		for j, i := range is {
			rd.at[i] = int32(j)
		}
		lps[k] = lp
	})
	for k, l := range t.Lots {
		rd.lots[l.ID] = lps[k]
		rd.want += len(idx[k])
	}
	return rd
}

// lotPositions lists, for each of the tender's lots, the input positions
// of its bids; at is -1 for a bid of no lot the tender has.
func lotPositions(t Tender, bids []Bid, at []int32) [][]int32 {
	num := make(map[string]int, len(t.Lots))
	for k, l := range t.Lots {
		num[l.ID] = k
	}
	lot := make([]int32, len(bids)) // each bid's lot number, -1 for none
	count := make([]int, len(t.Lots))
	last, lastK := "", -1
	for i := range bids {
		at[i] = -1
		if bids[i].Lot != last || lastK < 0 { // bids come lot by lot: one lookup a lot, not a bid
			k, ok := num[bids[i].Lot]
			last, lastK = bids[i].Lot, k
			if !ok {
				lastK = -1
			}
		}
		lot[i] = int32(lastK)
		if lastK >= 0 {
			count[lastK]++
		}
	}
	idx := make([][]int32, len(t.Lots))
	for k, n := range count {
		idx[k] = make([]int32, 0, n)
	}
	for i, k := range lot {
		if k >= 0 {
			idx[k] = append(idx[k], int32(i))
		}
	}
	return idx
}

// readAt reads the lot's bid at position j, with one goroutine's scratch
// and the bid's responses as its validation looked them up (nil when it
// did not).
func (lp *lotPrep) readAt(j int, sc *readScratch, lk *looked) {
	p := &lp.per[j]
	cells, quotes, fixed := sc.take(lp.owns, len(lp.prices), len(lp.fixed.nodes))
	*p = lp.read(&lp.bids[j], cells, quotes, lk)
	p.fixed = fixed
	nums := sc.nums
	if lk != nil && len(lk.nums) >= len(nums) {
		nums = lk.nums[:len(nums)] // on the goroutine's stack: no write barriers
	}
	lp.fixPoints(p, p.fixed, nums, sc.memo)
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
func (rd *reader) bid(i int, b *Bid, sc scratches, lk *looked) {
	lp, ok := rd.lots[b.Lot]
	if rd.fault.Load() || !ok || rd.at[i] < 0 {
		return
	}
	s, ok := sc[lp]
	if !ok {
		s = newReadScratch(lp, readBlock)
		sc[lp] = s
	}
	j := int(rd.at[i])
	lp.bids[j] = *b
	lp.readAt(j, s, lk)
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
			lp.readAt(j, sc, nil)
		}
	})
	return lp
}

// looked is one bid's responses to its lot's leaves, by node index, as its
// validation looked them up (validation.bidResponses): reading the bid
// takes them from here instead of looking each up in the bid's map again.
// Each goroutine validating bids has its own, holding the bid it
// validated last.
type looked struct {
	rs  []Response
	has []bool
	// nums, when long enough for the bid's tree, is the scratch reading the
	// bid works its fixed points out in (lotPrep.fixPoints), on the same
	// stack as rs.
	nums []num
	// ready is set once every leaf of the bid's tree was looked up, and
	// cleared before the next bid is: a bid not looked up (disregarded,
	// say) is read from its map.
	ready bool
	// sv holds, by node index, the social value responses validation
	// measured as it checked them (validation.response), where svOK says
	// so, in ctx, the bid's lot's.
	sv   []criteria.Measurement
	svOK []bool
	ctx  criteria.SocialValueContext
}

// lookUp looks up the bid's response to every leaf of t but the living
// wage ones, which have none.
func (lk *looked) lookUp(b *Bid, t *tree) {
	if n := len(t.nodes); cap(lk.has) < n {
		lk.rs, lk.has = make([]Response, n), make([]bool, n)
	}
	lk.rs, lk.has = lk.rs[:len(t.nodes):cap(lk.rs)], lk.has[:len(t.nodes):cap(lk.has)]
	if len(lk.svOK) < len(t.nodes) {
		lk.sv, lk.svOK = make([]criteria.Measurement, len(t.nodes)), make([]bool, len(t.nodes))
	}
	for _, n := range t.leaves {
		lk.svOK[n.index] = false
		lk.rs[n.index], lk.has[n.index] = Response{}, false
		if n.c.LivingWage == nil {
			lk.rs[n.index], lk.has[n.index] = b.Responses[n.c.ID]
		}
	}
	lk.ready = true
}

// measured keeps the measurement of the bid's response to social value
// leaf n.
func (lk *looked) measured(n *node, m criteria.Measurement) {
	lk.sv[n.index], lk.svOK[n.index] = m, true
}

// measurement is the measurement validation kept of the bid's response to
// social value leaf n of tree t; false when it kept none.
func (lk *looked) measurement(t *tree, n *node) (criteria.Measurement, bool) {
	if lk != nil && lk.ready && len(lk.has) == len(t.nodes) && lk.svOK[n.index] {
		return lk.sv[n.index], true
	}
	return criteria.Measurement{}, false
}

// at is the response looked up for leaf n.
func (lk *looked) at(n *node) (*Response, bool) { return &lk.rs[n.index], lk.has[n.index] }

// response is the bid's response to leaf n of its lot's tree t: the one
// looked up when there is one (lk may be nil), else read from the bid's
// map into tmp.
func (lk *looked) response(b *Bid, t *tree, n *node, tmp *Response) (*Response, bool) {
	if lk != nil && lk.ready && len(lk.has) == len(t.nodes) {
		return &lk.rs[n.index], lk.has[n.index]
	}
	var ok bool
	*tmp, ok = b.Responses[n.c.ID]
	return tmp, ok
}
