package criteria

import "github.com/tenderscore/tenderscore/exact"

// The price methods solved for a price: what an analysis asks ("at what
// price would this bid score enough?") answered from the formulas in
// docs/sources/price-formulas.md rather than by trying prices. Each formula
// is continuous and monotone in the price it is solved for, so the prices
// that score enough are one half-line, ending at the price returned.

// ScoreIn returns the normalised score [PriceRule.Assess] gives a price
// within budget in a field whose lowest and highest prices within budget are
// lowest and highest (the price among them), without an explanation record:
// the numbers of a re-scoring that words nothing. It is 0 for the
// per-quality-point method, which is not scored on its own.
func (r PriceRule) ScoreIn(price, lowest, highest exact.Fraction) exact.Fraction {
	v, _ := r.formula(price, spread{lo: lowest, hi: highest})
	return v
}

// PriceAt solves the method for a bid's own price: the price at which it
// would score exactly score, the field's other prices spanning lowest to
// highest (the band's published floor and ceiling for the band method).
// Every method's score falls as the price rises, so the bid scores at least
// score at every price up to the one returned. The formulas before they are
// limited to 0–1:
//
//   - relative, lowest ÷ price = s: price = lowest ÷ s;
//   - linear, (highest − price) ÷ (highest − lowest) = s: price = highest −
//     s × (highest − lowest);
//   - band, (ceiling − price) ÷ (ceiling − floor) = s: price = ceiling − s
//     × (ceiling − floor);
//   - deduction, 1 − rate × (price − lowest) ÷ lowest = s: price = lowest ×
//     (1 + (1 − s) ÷ rate).
//
// ok is false when no price gives that score: above 1, zero or less under
// the relative method, below 0 under the others, a linear field of one
// price, and the per-quality-point method.
func (r PriceRule) PriceAt(score, lowest, highest exact.Fraction) (exact.Fraction, bool) {
	if score.Cmp(exact.One) > 0 || score.Sign() < 0 {
		return exact.Fraction{}, false
	}
	switch r.Method {
	case Relative:
		p, err := lowest.Quo(score)
		return p, err == nil
	case Linear:
		if lowest.Cmp(highest) >= 0 {
			return exact.Fraction{}, false
		}
		return highest.Sub(score.Mul(highest.Sub(lowest))), true
	case Band:
		c := exact.Whole(r.Ceiling)
		return c.Sub(score.Mul(c.Sub(exact.Whole(r.Floor)))), true
	case Deduction:
		k := exact.Whole(r.Rate)
		share, err := exact.One.Sub(score).Quo(k)
		if err != nil {
			return exact.Fraction{}, false
		}
		return lowest.Mul(exact.One.Add(share)), true
	}
	return exact.Fraction{}, false
}

// LowestAt solves the method for the field's lowest price as it bears on
// another bid: the lowest price at which a bid priced price (not the
// lowest) would score exactly score, the highest price in the field being
// highest. A lower lowest price lowers every other bid's score, so that bid
// scores at most score whenever the lowest price is at or below the one
// returned:
//
//   - relative, lowest ÷ price = s: lowest = s × price;
//   - linear, (highest − price) ÷ (highest − lowest) = s: lowest = highest −
//     (highest − price) ÷ s;
//   - deduction, 1 − rate × (price − lowest) ÷ lowest = s: lowest = rate ×
//     price ÷ (rate + 1 − s).
//
// ok is false when no lowest price gives that score: above 1, zero or less
// (relative, linear) or below 0 (deduction), a linear price that is itself
// the highest (it scores 0 whatever the lowest), and the methods that do
// not read the field (band, per quality point).
func (r PriceRule) LowestAt(score, price, highest exact.Fraction) (exact.Fraction, bool) {
	if score.Cmp(exact.One) > 0 || score.Sign() < 0 {
		return exact.Fraction{}, false
	}
	switch r.Method {
	case Relative:
		if score.Sign() == 0 {
			return exact.Fraction{}, false
		}
		return score.Mul(price), true
	case Linear:
		if score.Sign() == 0 || price.Cmp(highest) >= 0 {
			return exact.Fraction{}, false
		}
		d, _ := highest.Sub(price).Quo(score)
		return highest.Sub(d), true
	case Deduction:
		k := exact.Whole(r.Rate)
		l, err := k.Mul(price).Quo(k.Add(exact.One).Sub(score))
		return l, err == nil
	}
	return exact.Fraction{}, false
}
