package criteria

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// A social value assessment under [RelativeToBest] solved for a price or a
// best offer: at what bid price would this offer, read as a share of that
// price, score at least so much, and how high may the field's best offer
// rise before it scores less. The analyses use it to find where a bid's
// points step as its price moves (package score, trial_steps.go) instead of
// trying prices a penny apart; every answer they give is confirmed by
// re-scoring.

// OfferCurve is one social value assessment under [RelativeToBest] as a
// function of the field's best offer B, and, when ByPrice, of the bid
// price p:
//
//	value = Fixed + Share × offer ÷ B          (B above zero; Fixed otherwise)
//	offer = min(Cap, Base + Amount ÷ p)        (ByPrice)
//
// Fixed is a method statement's part (its share of the criterion times
// its normalised mark), Share the commitments' share (1 without a method
// statement); both are 0 when nothing committed is counted. Base + Amount
// ÷ p is the amount counted, Amount + Base × p, read as a share of p:
// Amount is what the commitments come to whatever the price, Base the
// part that is a percentage of it.
type OfferCurve struct {
	Fixed, Share exact.Fraction
	// Offer is the offer as assessed.
	Offer exact.Fraction
	// ByPrice reports whether the offer is read as a share of the bid price
	// ([ShareOfBidPrice]) with Amount above zero and Base not below it, so
	// that it falls as the price rises and is above zero at every price.
	ByPrice bool
	// Still reports whether the offer is read as a share of the bid price
	// ([ShareOfBidPrice]) and is the same at every price: nothing counted
	// comes to an amount whatever the price (Amount is zero), so that the
	// offer is Base, a percentage of the price read as a share of it, or
	// nothing at all. Neither ByPrice nor Still where the offer is not
	// read as a share of the bid price.
	Still        bool
	Base, Amount exact.Fraction
	Cap          *exact.Fraction
}

// OfferCurve returns the assessment's curve; false for any assessment that
// is not a social value one scored relative to the best offer.
func (a Assessment) OfferCurve() (OfferCurve, bool) {
	rec, isSV := a.rec.(*svRecord)
	if !isSV || rec.f.rule.Method != RelativeToBest {
		return OfferCurve{}, false
	}
	f, r := rec.f, rec.f.rule
	b := f.bids[rec.i]
	c := OfferCurve{Fixed: exact.Zero, Share: exact.One, Offer: b.measured}
	switch {
	case r.Split != nil && b.qa != nil && !b.any:
		c.Share = exact.Zero
	case r.Split != nil && b.qa != nil:
		hundred := decimal.NewFromInt(100)
		c.Fixed = mustRatio(r.Split.Qualitative, hundred).Mul(b.qa.Value)
		c.Share = mustRatio(r.Split.Quantitative, hundred)
	}
	if r.Cap != nil {
		cp := exact.Whole(*r.Cap)
		c.Cap = &cp
	}
	if r.Per == ShareOfBidPrice && f.lines != nil {
		l := &f.lines[rec.i]
		l.once.Do(func() { l.fixed, l.perPound, l.ok = r.amountLine(f.resps[rec.i], f.ctx) })
		c.Base, c.Amount = l.perPound, l.fixed
		c.ByPrice = l.ok && l.fixed.Sign() > 0 && l.perPound.Sign() >= 0 && (c.Share.Sign() == 0 || b.any)
		c.Still = l.ok && l.fixed.Sign() == 0 && l.perPound.Sign() >= 0
	}
	return c, true
}

// OfferAt is the offer at bid price p, above zero (ByPrice only).
func (c OfferCurve) OfferAt(p exact.Fraction) exact.Fraction {
	x, _ := c.Amount.Quo(p)
	x = x.Add(c.Base)
	if c.Cap != nil {
		x = x.Min(*c.Cap)
	}
	return x
}

// Value is the value of an offer against a best offer, as
// [SocialValueRule.Assess] gives it: the best offer is the largest in the
// field, so offer is at most best.
func (c OfferCurve) Value(offer, best exact.Fraction) exact.Fraction {
	if best.Sign() <= 0 {
		return c.Fixed
	}
	q, _ := offer.Quo(best)
	return c.Fixed.Add(c.Share.Mul(q))
}

// BestFor returns the bound on the best offer at and below which (below
// which, when Open) the assessment's own offer would have at least the
// value v asks (more than it, when v is Open); false when no best offer
// above zero gives that, or every one does.
func (c OfferCurve) BestFor(v exact.Bound) (exact.Bound, bool) {
	need := v.Value.Sub(c.Fixed) // Share × offer ÷ B must reach it
	if need.Sign() < 0 || (need.Sign() == 0 && !v.Open) || c.Share.Sign() <= 0 || c.Offer.Sign() <= 0 {
		return exact.Bound{}, false
	}
	b, err := c.Share.Mul(c.Offer).Quo(need)
	return exact.Bound{Value: b, Open: v.Open}, err == nil
}

// OfferFor returns the bound on the offer at and above which (above
// which, when Open) it would have at least the value v asks against the
// best offer best, above zero; false when no offer does, or every one.
func (c OfferCurve) OfferFor(v exact.Bound, best exact.Fraction) (exact.Bound, bool) {
	need := v.Value.Sub(c.Fixed)
	if need.Sign() < 0 || (need.Sign() == 0 && !v.Open) || c.Share.Sign() <= 0 || best.Sign() <= 0 {
		return exact.Bound{}, false
	}
	y, err := need.Mul(best).Quo(c.Share)
	return exact.Bound{Value: y, Open: v.Open}, err == nil
}

// PriceFor returns the bound on the bid price at and below which (below
// which, when Open) the offer is at least the bound y (more than it, when
// Open); false unless ByPrice, and when no price or every price above zero
// gives that offer.
func (c OfferCurve) PriceFor(y exact.Bound) (exact.Bound, bool) {
	if !c.ByPrice || (c.Cap != nil && (y.Value.Cmp(*c.Cap) > 0 || (y.Open && y.Value.Equal(*c.Cap)))) {
		return exact.Bound{}, false
	}
	over := y.Value.Sub(c.Base) // Amount ÷ p must reach it
	if over.Sign() <= 0 {
		return exact.Bound{}, false
	}
	p, err := c.Amount.Quo(over)
	return exact.Bound{Value: p, Open: y.Open}, err == nil
}
