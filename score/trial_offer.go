package score

import (
	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// SoleBestOffer reports whether the bid alone holds the best offer, above
// zero, on a social value criterion scored relative to the best offer
// ([criteria.RelativeToBest]), among the bids assessed on it: without the
// bid, every other bid's score there would change. It is false for any
// other bid, for a criterion scored otherwise, and when two bids share the
// best offer or no bid offers anything — a removal that moves nothing. The
// holder is found once for each criterion asked about.
func (t *Trials) SoleBestOffer(bidID, criterion string) bool {
	i, ok := t.index[bidID]
	n, isLeaf := t.k.tree.byID[criterion]
	if !ok || !isLeaf || n.c.SocialValue == nil || n.c.SocialValue.Method != criteria.RelativeToBest || n.field < 0 {
		return false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.bestHeld == nil {
		t.bestHeld = map[int]int{}
	}
	holder, found := t.bestHeld[n.index]
	if !found {
		holder = t.soleHolder(n)
		t.bestHeld[n.index] = holder
	}
	return holder == i
}

// soleHolder is the position of the one bid holding the best offer above
// zero on social value leaf n, or −1 when none does alone.
func (t *Trials) soleHolder(n *node) int {
	holder, holders := -1, 0
	var best exact.Fraction
	for i := range t.k.bids {
		c := t.k.bids[i].fcells[n.field]
		if c.state != cellScored { // not in the field the criterion was assessed over
			continue
		}
		offer, b, ok := c.a.Offer()
		if !ok {
			return -1
		}
		best = b
		if offer.Equal(b) {
			holder, holders = i, holders+1
		}
	}
	if holders != 1 || best.Sign() <= 0 {
		return -1
	}
	return holder
}
