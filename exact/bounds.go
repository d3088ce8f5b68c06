package exact

import "github.com/shopspring/decimal"

// Bound is one end of the set of values a condition holds for: every value
// at or beyond Value, or strictly beyond it when Open. Which way "beyond"
// points is said by the function that returns it.
type Bound struct {
	Value Fraction
	Open  bool
}

// Holds reports whether x is at or above the bound (above it when Open): a
// Bound read as a lower bound.
func (b Bound) Holds(x Fraction) bool {
	c := x.Cmp(b.Value)
	return c > 0 || (c == 0 && !b.Open)
}

// HoldsBelow reports whether x is at or below the bound (below it when
// Open): a Bound read as an upper bound.
func (b Bound) HoldsBelow(x Fraction) bool {
	c := x.Cmp(b.Value)
	return c < 0 || (c == 0 && !b.Open)
}

// AtLeast solves the rounding for its argument: r rounds x to at least goal
// (to more than goal when strict) exactly when x is at or above the bound
// returned (above it when the bound is Open). Rounding never decreases as
// its argument grows, in every mode, so the values that round high enough
// are one half-line. Analyses use it to find, without searching, where a
// rounded score first reaches a figure.
func (r Rounding) AtLeast(goal Fraction, strict bool) Bound {
	g := r.gridAbove(goal, strict) // the least figure r can show that is enough
	u := r.unit()
	switch r.Mode {
	case Floor:
		return Bound{Value: g}
	case Ceiling:
		return Bound{Value: g.Sub(u), Open: true}
	case Down: // toward zero: like floor above zero, like ceiling at and below it
		if g.Sign() > 0 {
			return Bound{Value: g}
		}
		return Bound{Value: g.Sub(u), Open: true}
	case Up: // away from zero: like ceiling above zero, like floor at and below it
		if g.Sign() > 0 {
			return Bound{Value: g.Sub(u), Open: true}
		}
		return Bound{Value: g}
	case HalfEven:
		return Bound{Value: g.Sub(u.Mul(halfFraction)), Open: !r.even(g.Sub(u), g)}
	default: // HalfUp: half-way values go away from zero
		m := g.Sub(u.Mul(halfFraction))
		return Bound{Value: m, Open: m.Sign() < 0}
	}
}

// AtMost solves the rounding the other way: r rounds x to at most goal (to
// less than goal when strict) exactly when x is at or below the bound
// returned (below it when the bound is Open).
func (r Rounding) AtMost(goal Fraction, strict bool) Bound {
	g := r.gridBelow(goal, strict) // the greatest figure r can show that is low enough
	u := r.unit()
	switch r.Mode {
	case Floor:
		return Bound{Value: g.Add(u), Open: true}
	case Ceiling:
		return Bound{Value: g}
	case Down:
		if g.Sign() >= 0 {
			return Bound{Value: g.Add(u), Open: true}
		}
		return Bound{Value: g}
	case Up:
		if g.Sign() >= 0 {
			return Bound{Value: g}
		}
		return Bound{Value: g.Add(u), Open: true}
	case HalfEven:
		return Bound{Value: g.Add(u.Mul(halfFraction)), Open: r.even(g, g.Add(u))}
	default: // HalfUp
		m := g.Add(u.Mul(halfFraction))
		return Bound{Value: m, Open: m.Sign() > 0}
	}
}

var halfFraction = Fraction{n: 1, d: 2}

// unit is one step of the last place kept.
func (r Rounding) unit() Fraction {
	if r.Places >= 0 && int(r.Places) < len(pow10) {
		return fromSmall(1, pow10[r.Places])
	}
	return Whole(decimal.New(1, -r.Places))
}

// gridAbove is the least multiple of the unit at or above goal (above it
// when strict).
func (r Rounding) gridAbove(goal Fraction, strict bool) Fraction {
	g := goal.Rounded(Rounding{Places: r.Places, Mode: Ceiling})
	if strict && g.Equal(goal) {
		g = g.Add(r.unit())
	}
	return g
}

// gridBelow is the greatest multiple of the unit at or below goal (below it
// when strict).
func (r Rounding) gridBelow(goal Fraction, strict bool) Fraction {
	g := goal.Rounded(Rounding{Places: r.Places, Mode: Floor})
	if strict && g.Equal(goal) {
		g = g.Sub(r.unit())
	}
	return g
}

// even reports whether half-even rounding sends the value half-way between
// the neighbouring figures lo and hi to hi: when hi is the even one.
func (r Rounding) even(lo, hi Fraction) bool {
	return lo.Add(hi).Mul(halfFraction).Rounded(Rounding{Places: r.Places, Mode: HalfEven}).Equal(hi)
}
