package score

import (
	"cmp"
	"math/bits"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// ratioScan is two bids' standing under a shift of weight where the price
// is divided by the quality points: each bid's quality points in whole
// units of the leaves' rounding (the sum of its leaves outside the price
// criterion, read as shiftScan reads them), its price in pennies, and the
// two ratios compared exactly, or as the total's rounding shows them; the
// tie-break chain as shiftScan reads it. Machine integers, with nothing
// re-scored: the weight sensitivity asks it at every hundredth of a
// window (ShiftOutranks).
type ratioScan struct {
	qa, qb scanSum
	pa, pb int64          // the prices in pennies
	r      exact.Rounding // the leaves' rounding: the quality points' units
	total  *exact.Rounding
	tie    shiftScan // the chain alone
	// cut is the least hundredth at which a or b could cross a threshold
	// (the sieve, trial_weights_sieve.go): from it the scan cannot say,
	// and a trial must. Past every shift without thresholds.
	cut int64
}

// ratioScans holds the ratio scans asked for, by the two criteria and the
// two bids' positions; nil for a pair the scan cannot read.
type ratioScans struct {
	mu    sync.Mutex
	scans map[[4]int]*ratioScan
}

// ratioOutranks says what ShiftOutranks says, from the pair's ratio scan;
// known is false where there is none (another basis, a rounding above the
// leaves but the total's, a bid out as evaluated, numbers past machine
// integers), the shift is not a whole number of hundredths a trial would
// take, or it could take a or b across a threshold, and the caller then
// re-scores.
func (t *Trials) ratioOutranks(from, to string, points decimal.Decimal, a, b string) (yes, known bool) {
	if t.k.pol.basis() != PricePerQualityPoint {
		return false, false
	}
	ia, ib, both := t.indexOf(a, b)
	fi, ti, err := t.shiftTops(from, to)
	if !both || err != nil {
		return false, false
	}
	h := points.Shift(2)
	if !h.IsInteger() || h.Sign() <= 0 || !h.BigInt().IsInt64() {
		return false, false
	}
	if _, err := t.shiftMarks(fi, points); err != nil {
		return false, false
	}
	rs := t.ratioScanOf(fi, ti, ia, ib)
	if rs == nil {
		return false, false
	}
	return rs.above(h.IntPart())
}

// ratioScanOf returns the pair's ratio scan, read once; nil where there is
// none.
func (t *Trials) ratioScanOf(fi, ti, ia, ib int) *ratioScan {
	key := [4]int{fi, ti, ia, ib}
	t.ratios.mu.Lock()
	rs, seen := t.ratios.scans[key]
	t.ratios.mu.Unlock()
	if seen {
		return rs
	}
	rs, ok := t.readRatioScan(fi, ti, ia, ib)
	if !ok {
		rs = nil
	}
	t.ratios.mu.Lock()
	defer t.ratios.mu.Unlock()
	if t.ratios.scans == nil {
		t.ratios.scans = map[[4]int]*ratioScan{}
	}
	t.ratios.scans[key] = rs
	return rs
}

// readRatioScan reads the pair's ratio scan; false where there is none.
func (t *Trials) readRatioScan(fi, ti, ia, ib int) (*ratioScan, bool) {
	k := t.k
	if k.stage[1] == nil || k.stage[2] != nil || k.bids[ia].out() || k.bids[ib].out() {
		return nil, false
	}
	var quality []*node
	var price *node
	for _, n := range k.tree.roots {
		if n.c.Price != nil {
			price = n
			continue
		}
		quality = leavesUnder(n, quality)
	}
	if price == nil {
		return nil, false
	}
	sr := t.scanReaderOf(fi, ti, ia, ib)
	rs := &ratioScan{qa: scanSum{r: sr.r}, qb: scanSum{r: sr.r}, r: sr.r, total: k.stage[3]}
	pa, okA := pennies(k.bids[ia].prep.quotes[price.price].Price)
	pb, okB := pennies(k.bids[ib].prep.quotes[price.price].Price)
	if !okA || !okB || !sr.add(&rs.qa, ia, 1, quality) || !sr.add(&rs.qb, ib, 1, quality) || !sr.chainOf(&rs.tie) {
		return nil, false
	}
	rs.pa, rs.pb = pa, pb
	rs.cut = t.crossingCut(sr.F, sr.T, ia, ib)
	return rs, true
}

// crossingCut is the least hundredth of a shift from F to T at which the
// bid at position ia or ib could cross a threshold: below it both stand
// as evaluated. Past every shift when neither can, or the lot has none.
func (t *Trials) crossingCut(F, T *node, ia, ib int) int64 {
	cut := int64(1) << 40
	if !t.hasTh {
		return cut
	}
	sv := t.sieve(F, T)
	for _, i := range []int{ia, ib} {
		if x, ok := sv.at[i]; ok {
			cut = min(cut, hundredthsOf(sv.least[x].Mul(t.hundreds), exact.Floor))
		}
	}
	return cut
}

// pennies is a price in whole pennies; false for one with a part of a
// penny, or past what a scan multiplies.
func pennies(p decimal.Decimal) (int64, bool) {
	x := p.Shift(2)
	if !x.IsInteger() || x.Sign() <= 0 || !x.BigInt().IsInt64() || x.IntPart() > 1<<50 {
		return 0, false
	}
	return x.IntPart(), true
}

// above reports whether a ranks above b at k hundredths: its ratio as
// shown lower, or level and first on the chain; a bid with no quality
// points has no ratio, and is out. known is false when the scan cannot
// say, and a trial must.
func (rs *ratioScan) above(k int64) (yes, known bool) {
	if k >= rs.cut {
		return false, false
	}
	ua, okA := rs.qa.at(k)
	ub, okB := rs.qb.at(k)
	switch {
	case !okA || !okB:
		return false, false
	case ua <= 0:
		return false, true
	case ub <= 0:
		return true, true
	}
	c, ok := rs.cmp(ua, ub)
	switch {
	case !ok:
		return false, false
	case c != 0:
		return c < 0, true
	}
	return rs.tie.chainAbove(k)
}

// cmp compares a's ratio with b's, as shown, for quality points of ua and
// ub units: below zero when a's is lower; false when it cannot.
func (rs *ratioScan) cmp(ua, ub int64) (int, bool) {
	if rs.total == nil { // shown exactly: pa/ua against pb/ub, in 128 bits
		h1, l1 := bits.Mul64(uint64(rs.pa), uint64(ub))
		h2, l2 := bits.Mul64(uint64(rs.pb), uint64(ua))
		switch {
		case h1 != h2:
			return cmp.Compare(h1, h2), true
		default:
			return cmp.Compare(l1, l2), true
		}
	}
	// a ratio is pa pennies over ua units of 10^-places points: pa × 10^places ÷ (100 ua) pounds
	scale := int64(1)
	for range rs.r.Places {
		scale *= 10
	}
	na, okA := mulSmall(rs.pa, scale)
	nb, okB := mulSmall(rs.pb, scale)
	da, okC := mulSmall(ua, 100)
	db, okD := mulSmall(ub, 100)
	if !okA || !okB || !okC || !okD {
		return 0, false
	}
	xa, okA := exact.QuoUnits(na, da, *rs.total)
	xb, okB := exact.QuoUnits(nb, db, *rs.total)
	if !okA || !okB {
		return 0, false
	}
	return cmp.Compare(xa, xb), true
}

// mulSmall is a × b for a, b at or above zero; false past 2^62.
func mulSmall(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	if hi != 0 || lo > 1<<62 {
		return 0, false
	}
	return int64(lo), true
}

// indexOf is the positions of bids a and b; false when either is not
// among the lot's bids.
func (t *Trials) indexOf(a, b string) (ia, ib int, ok bool) {
	ia, okA := t.index[a]
	ib, okB := t.index[b]
	return ia, ib, okA && okB
}
