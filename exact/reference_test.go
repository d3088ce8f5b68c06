package exact_test

import (
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// refFraction is the Fraction of two decimals this package used before it
// had a fast path, kept as the reference the fast and big paths are both
// checked against: every number it prints, every comparison and every
// rounding must come out the same.
type refFraction struct{ num, den decimal.Decimal }

func refWhole(d decimal.Decimal) refFraction {
	return refFraction{num: d, den: decimal.NewFromInt(1)}
}

func refNew(num, den decimal.Decimal) refFraction {
	if den.Sign() < 0 {
		num, den = num.Neg(), den.Neg()
	}
	return refFraction{num: num, den: den}.reduce()
}

func (f refFraction) reduce() refFraction {
	one := decimal.NewFromInt(1)
	if f.den.Equal(one) {
		return refFraction{num: f.num, den: one}
	}
	q, r := f.num.QuoRem(f.den, 30)
	if r.IsZero() {
		return refFraction{num: q.Truncate(30), den: one}
	}
	exp := min(f.num.Exponent(), f.den.Exponent())
	n := f.num.Coefficient()
	n.Mul(n, pow10big(int64(f.num.Exponent()-exp)))
	dn := f.den.Coefficient()
	dn.Mul(dn, pow10big(int64(f.den.Exponent()-exp)))
	var g big.Int
	g.GCD(nil, nil, new(big.Int).Abs(n), dn)
	if g.Sign() > 0 {
		n.Quo(n, &g)
		dn.Quo(dn, &g)
	}
	return refFraction{num: decimal.NewFromBigInt(n, 0), den: decimal.NewFromBigInt(dn, 0)}
}

func pow10big(e int64) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(e), nil) }

func (f refFraction) add(g refFraction) refFraction {
	if f.den.Equal(g.den) {
		return refFraction{num: f.num.Add(g.num), den: f.den}.reduce()
	}
	return refFraction{num: f.num.Mul(g.den).Add(g.num.Mul(f.den)), den: f.den.Mul(g.den)}.reduce()
}

func (f refFraction) neg() refFraction { return refFraction{num: f.num.Neg(), den: f.den} }

func (f refFraction) mul(g refFraction) refFraction {
	return refFraction{num: f.num.Mul(g.num), den: f.den.Mul(g.den)}.reduce()
}

func (f refFraction) quo(g refFraction) refFraction {
	return refNew(f.num.Mul(g.den), f.den.Mul(g.num))
}

func (f refFraction) cmp(g refFraction) int { return f.num.Mul(g.den).Cmp(g.num.Mul(f.den)) }

func (f refFraction) decimal() (decimal.Decimal, bool) {
	q, r := f.num.QuoRem(f.den, 30)
	return q, r.IsZero()
}

func (f refFraction) String() string {
	if d, ok := f.decimal(); ok {
		return d.String()
	}
	return refRound(f, exact.Rounding{Places: 10, Mode: exact.Down}).StringFixed(10) + "…"
}

// refRound is the rounding this package used before the fast path.
func refRound(f refFraction, r exact.Rounding) decimal.Decimal {
	num, den := f.num, f.den
	q, rem := num.QuoRem(den, r.Places)
	if rem.IsZero() {
		return q
	}
	unit := decimal.New(1, -r.Places)
	away := func() decimal.Decimal {
		if num.Sign() < 0 {
			return q.Sub(unit)
		}
		return q.Add(unit)
	}
	half := rem.Abs().Mul(decimal.NewFromInt(2)).Cmp(den.Mul(unit))
	switch r.Mode {
	case exact.Down:
		return q
	case exact.Up:
		return away()
	case exact.Ceiling:
		if num.Sign() > 0 {
			return away()
		}
		return q
	case exact.Floor:
		if num.Sign() < 0 {
			return away()
		}
		return q
	case exact.HalfEven:
		if half > 0 {
			return away()
		}
		if half == 0 && !q.Shift(r.Places).Abs().Mod(decimal.NewFromInt(2)).IsZero() {
			return away()
		}
		return q
	default:
		if half >= 0 {
			return away()
		}
		return q
	}
}
