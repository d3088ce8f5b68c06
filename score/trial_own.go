package score

import "github.com/shopspring/decimal"

// OwnTotalAt returns a bid's total as shown were its price on a price
// criterion price — the total [Trials.WithPrice] would show for it — worked
// out without re-scoring any other bid. A bid's own total reads the others
// only through the field's figures without it (the lowest and highest
// price, the best social value offer), which its change moves for the
// others alone; so a search can read the bid's own total at many prices
// and re-score the lot only where that decides. It is false when the bid
// has no total there (disqualified, or not scored), the price is not one a
// bid could offer, or the trial would need the others: the lot evaluated
// whole, or offers moved under a threshold they could take bids across
// (bids leaving move the field of prices).
func (t *Trials) OwnTotalAt(bidID, criterion string, price decimal.Decimal) (Figure, bool) {
	i, ok := t.index[bidID]
	n, isPrice := t.lp.tree.byID[criterion]
	if !ok || !isPrice || n.c.Price == nil || !n.leaf() {
		return Figure{}, false
	}
	bl, ps := t.pricedBlock(i, n, price)
	if len(ps) > 0 {
		return Figure{}, false
	}
	defer func() { // given back as a released trial's, for the next
		*bl = trialBlock{gen: bl.gen + 1}
		t.blocks.Put(bl)
	}()
	s, svMoved, ok := t.changed(i, &t.lp.bids[i], bl, !t.svReadsPrice)
	if !ok || (t.hasTh && len(svMoved) > 0) {
		return Figure{}, false
	}
	st := &bl.st
	*st = trialState{t: t, self: s, block: bl, svMoved: svMoved}
	t.scoreChanged(st)
	if !s.total.Scored {
		return Figure{}, false
	}
	return s.total.Points, true
}
