package score

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// SoleBestOffer reports whether the bid alone holds the best offer, above
// zero, on a social value criterion scored relative to the best offer
// ([criteria.RelativeToBest]), among the bids assessed on it: without the
// bid, every other bid's score there would change. It is false for any
// other bid, for a criterion scored otherwise, and when two bids share the
// best offer or no bid offers anything — a removal that moves nothing. The
// field is read once for each criterion asked about (svStatOf).
func (t *Trials) SoleBestOffer(bidID, criterion string) bool {
	i, ok := t.index[bidID]
	n, isLeaf := t.k.tree.byID[criterion]
	if !ok || !isLeaf || n.c.SocialValue == nil || n.c.SocialValue.Method != criteria.RelativeToBest || n.field < 0 {
		return false
	}
	st := t.svStatOf(n)
	return st.holders == 1 && st.best.Sign() > 0 && st.holder == i
}

// OfferFallsWithPrice returns the first social value criterion, in the
// policy's order, on which a lower price would lower the bid's own offer:
// a commitment given as a percentage of the bid's price, on a criterion
// that does not read the offer as a share of the price
// ([criteria.ShareOfBidPrice], under which such a commitment comes to the
// same share at any price). On such a criterion a lower price lowers the
// bid's score there as it raises its price score, so its standing need not
// rise as its price falls, and it may win at a higher price where it loses
// at its own. ok is false when no criterion is so: the bid's offers stand
// still or rise as its price falls, and lowering its price never lowers its
// own total.
func (t *Trials) OfferFallsWithPrice(bidID string) (criterion string, ok bool) {
	i, known := t.index[bidID]
	if !known {
		return "", false
	}
	k := t.k
	for _, n := range k.fieldLfs {
		rule, c := n.c.SocialValue, k.bids[i].fcells[n.field]
		if rule == nil || !rule.NeedsBidPrice() || c.state != cellScored {
			continue // not read from the price, or the bid is not in its field
		}
		was, _, isSV := c.a.Offer()
		if low, measured := c.a.OfferAt(decimal.New(1, -2)); isSV && measured && low.Cmp(was) < 0 {
			return n.c.ID, true // the offer is monotone in the price: lower at a penny, lower below
		}
	}
	return "", false
}

// svMove is a social value leaf whose best offer a trial moved, and the
// best offer in the trial.
type svMove struct {
	n         *node
	best, was exact.Fraction // in the trial, and as evaluated
}

// againstMoved values again, in place, each social value cell of a bid a
// move reaches: its offer as evaluated against the best as moved, in
// numbers only.
func againstMoved(fcells []cell, moved []svMove) {
	for _, m := range moved {
		if c := &fcells[m.n.field]; c.state == cellScored {
			v, _ := c.a.ValueAt(nil, m.best) // measured as evaluated: only the best moved
			c.a = criteria.Assessment{Value: v}
		}
	}
}

// svFalls reports whether every best offer the trial moved rose: every
// other bid's offer is then a smaller share of it, so their scores, and
// totals, fall or stay (see trialState.falls).
func (st *trialState) svFalls() bool {
	return offersRose(st.svMoved)
}

// offersRose reports whether every best offer moved rose (or stayed).
func offersRose(moved []svMove) bool {
	for _, m := range moved {
		if m.best.Cmp(m.was) < 0 {
			return false
		}
	}
	return true
}

// svStat is what a trial reads of one social value leaf's field as
// evaluated: the best offer, how many bids hold it (−1 when some bid's
// offer could not be read), the position of the one that does when it is
// one (else −1), and the best of the offers below it (zero when there is
// none).
type svStat struct {
	best, second exact.Fraction
	holders      int
	holder       int
}

// without is the best offer of the field once an offer it holds is taken
// out.
func (st svStat) without(offer exact.Fraction) exact.Fraction {
	if st.holders == 1 && offer.Equal(st.best) {
		return st.second
	}
	return st.best
}

// svStatOf reads social value leaf n's field once, over the bids assessed
// on it.
func (t *Trials) svStatOf(n *node) svStat {
	if st := t.svStats[n.index].Load(); st != nil {
		return *st
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if st := t.svStats[n.index].Load(); st != nil {
		return *st
	}
	st := svStat{best: exact.Zero, second: exact.Zero, holder: -1}
	for i := range t.k.bids {
		c := t.k.bids[i].fcells[n.field]
		if c.state != cellScored {
			continue
		}
		offer, best, ok := c.a.Offer()
		if !ok { // not measured as an offer: nothing is known of the field
			st = svStat{best: exact.Zero, second: exact.Zero, holders: -1}
			break
		}
		st.best = best
		switch {
		case offer.Equal(best):
			st.holder, st.holders = i, st.holders+1
		case offer.Cmp(st.second) > 0:
			st.second = offer
		}
	}
	if st.holders != 1 {
		st.holder = -1
	}
	t.svStats[n.index].Store(&st)
	return st
}

// svAtPrice re-scores the changed bid s on each social value leaf whose
// offer reads its price, at the price it now has: its offer is measured
// again, and the field's best is the larger of it and the best of the
// others. It returns the leaves scored relative to the best whose best
// moved, which moves every other bid's score there. ok is false when the
// change cannot be followed so — an offer that cannot be measured at the
// price — and the lot is evaluated whole.
func (t *Trials) svAtPrice(s *bidKernel) (moved []svMove, ok bool) {
	k := t.k
	base := &k.bids[s.idx]
	price, priced := quotedPrice(s.prep.quotes, len(k.prices))
	for _, n := range k.fieldLfs {
		rule := n.c.SocialValue
		c := base.fcells[n.field]
		if rule == nil || !rule.NeedsBidPrice() || c.state != cellScored {
			continue // not read from the price, or the bid is not in its field
		}
		if !priced {
			return nil, false
		}
		was, _, isSV := c.a.Offer()
		if !isSV {
			return nil, false
		}
		st := t.svStatOf(n)
		if st.holders < 0 {
			return nil, false
		}
		_, best, v, ok := c.a.AtPrice(price, st.without(was))
		if !ok {
			return nil, false
		}
		s.fcells[n.field] = cell{a: criteria.Assessment{Value: v}, state: cellScored}
		if rule.Method == criteria.RelativeToBest && !best.Equal(st.best) { // a band reads no best
			moved = append(moved, svMove{n: n, best: best, was: st.best})
		}
	}
	return moved, true
}
