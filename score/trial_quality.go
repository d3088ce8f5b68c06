package score

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// QualityAt returns the quality points a bid would have with its price on
// price criterion criterion set to price, under price per quality point:
// the sum its price is divided by, before the division and the total's
// rounding; and, for another bid beside (none when ""), that bid's
// quality points then. A social value offer read as a share of the bid's
// price is read at price against the best of the other offers as
// evaluated, as a trial reads it; where it becomes the best, the other
// bids' values are read against it (beside's among them). Every other
// line, and every other bid's figures, are as evaluated: a bid a minimum
// score takes out or lets in is not followed. Where no offer is read from
// the price, the bid's quality points are those as evaluated, whatever
// the price.
//
// An analysis solving for a price per quality point uses it to find, at
// a few figures' cost rather than a re-scoring's, where the bid's ratio
// meets a rival's: at price p, p ÷ own against the rival's price ÷ theirs.
//
// false when the basis is not price per quality point, the criterion is
// not the lot's price criterion, the bid (or beside) has no total as
// evaluated, the price is not above zero, or an offer cannot be read at
// it.
func (t *Trials) QualityAt(bidID, criterion string, price decimal.Decimal, beside string) (own, theirs exact.Fraction, ok bool) {
	i, known := t.index[bidID]
	k := t.k
	n, isLeaf := k.tree.byID[criterion]
	if !known || !isLeaf || n.c.Price == nil || k.pol.basis() != PricePerQualityPoint || len(k.prices) != 1 || price.Sign() <= 0 || !t.ranked(i) {
		return own, theirs, false
	}
	j := -1
	if beside != "" {
		x, known := t.index[beside]
		if !known || !t.ranked(x) {
			return own, theirs, false
		}
		j = x
	}
	sc := t.solving()
	defer t.solved.Put(sc)
	moved, ok := t.qualityOf(sc, i, price)
	if !ok {
		return own, theirs, false
	}
	own = k.rootSum(func(n *node) Figure { return sc.nums[n.index].points })
	switch {
	case j < 0:
	case j == i:
		theirs = own
	case len(moved) == 0: // nothing the other bids are scored against moved
		row := t.evaluated(j)
		theirs = k.rootSum(func(n *node) Figure { return row[n.index].points })
	default:
		c := &sc.s
		*c = k.bids[j]
		sc.fcells = append(sc.fcells[:0], c.fcells...)
		c.fcells = sc.fcells
		againstMoved(c.fcells, moved)
		k.totalNums(c, sc.nums)
		theirs = k.rootSum(func(n *node) Figure { return sc.nums[n.index].points })
		*c = bidKernel{}
	}
	return own, theirs, true
}

// qualityOf works out into sc the numbers of the bid at position i with
// its price set to price, its offers read there (svAtPrice), and returns
// the best offers that moved.
func (t *Trials) qualityOf(sc *solveScratch, i int, price decimal.Decimal) ([]svMove, bool) {
	k := t.k
	s := &k.bids[i]
	c := &sc.s
	*c = *s
	defer func() { *c = bidKernel{} }() // holds nothing of the bid once given back
	sc.prep = *s.prep
	sc.quotes = append(sc.quotes[:0], criteria.Quote{Price: price}) // only the offers read it: no budget or schedule to check
	sc.prep.quotes = sc.quotes
	c.prep = &sc.prep
	sc.fcells = append(sc.fcells[:0], s.fcells...)
	c.fcells = sc.fcells
	var moved []svMove
	if t.svReadsPrice {
		var ok bool
		if moved, ok = t.svAtPrice(c); !ok {
			return nil, false
		}
	}
	k.totalNums(c, sc.nums) // the total (and its tie-break points) is not formed
	return moved, true
}
