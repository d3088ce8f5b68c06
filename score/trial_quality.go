package score

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// QualityAt returns the quality points a bid would have with its price on
// price criterion criterion set to price, under price per quality point:
// the sum its price is divided by, before the division and the total's
// rounding. A social value offer read as a share of the bid's price is
// read at price against the best of the other offers as evaluated, as a
// trial reads it; every other line of the bid, and every other bid, as
// evaluated. Where the bid's own offer becomes the best, the other bids'
// values on it fall, which this does not follow: a trial does. Where no
// offer is read from the price the answer is the bid's quality points as
// evaluated, whatever the price.
//
// An analysis solving for a price per quality point uses it to find, at
// a few figures' cost rather than a re-scoring's, the prices where the
// quality points change: at and below the highest price p with p ÷
// QualityAt(p) at most a goal, the bid's own ratio meets it.
//
// false when the basis is not price per quality point, the criterion is
// not the lot's price criterion, the bid has no total as evaluated, the
// price is not above zero, or an offer cannot be read at it.
func (t *Trials) QualityAt(bidID, criterion string, price decimal.Decimal) (exact.Fraction, bool) {
	i, ok := t.index[bidID]
	k := t.k
	n, isLeaf := k.tree.byID[criterion]
	if !ok || !isLeaf || n.c.Price == nil || k.pol.basis() != PricePerQualityPoint || len(k.prices) != 1 {
		return exact.Fraction{}, false
	}
	s := &k.bids[i]
	if s.out() || !s.total.Scored {
		return exact.Fraction{}, false
	}
	if price.Sign() <= 0 {
		return exact.Fraction{}, false
	}
	q := criteria.Quote{Price: price} // only the offers read it: no budget or schedule to check
	sc := t.solving()
	defer t.solved.Put(sc)
	c := &sc.s
	*c = *s
	defer func() { *c = bidKernel{} }() // holds nothing of the bid once given back
	sc.prep = *s.prep
	sc.quotes = append(sc.quotes[:0], q)
	sc.prep.quotes = sc.quotes
	c.prep = &sc.prep
	sc.fcells = append(sc.fcells[:0], s.fcells...)
	c.fcells = sc.fcells
	if t.svReadsPrice {
		if _, ok := t.svAtPrice(c); !ok {
			return exact.Fraction{}, false
		}
	}
	if len(k.tieNodes) > 0 {
		sc.tie = append(sc.tie[:0], make([]Figure, len(k.tieNodes))...)
		c.tie = sc.tie
	}
	k.totalNums(c, sc.nums)
	sum, _, _ := k.rootSum(sc.nums)
	return sum, true
}
