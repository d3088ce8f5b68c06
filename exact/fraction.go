package exact

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"
)

// Fraction is an exact ratio Num/Den of two decimals with a positive
// denominator. The zero value is 0/1 in meaning (a zero numerator over an
// unset denominator reads as a denominator of one), so a zero Fraction is a
// usable zero.
//
// Fractions are immutable values: every method returns a new Fraction.
type Fraction struct {
	num decimal.Decimal
	den decimal.Decimal
}

// ErrZeroDenominator is returned by [NewFraction] when the denominator is zero.
var ErrZeroDenominator = errors.New("zero denominator")

// One is the fraction 1/1.
var One = Whole(decimal.NewFromInt(1))

// Zero is the fraction 0/1.
var Zero = Whole(decimal.Zero)

// Whole returns the fraction d/1.
func Whole(d decimal.Decimal) Fraction {
	return Fraction{num: d, den: decimal.NewFromInt(1)}
}

// NewFraction returns num/den. A negative denominator is moved to the
// numerator; a zero denominator is an error.
func NewFraction(num, den decimal.Decimal) (Fraction, error) {
	switch den.Sign() {
	case 0:
		return Fraction{}, fmt.Errorf("%s/%s: %w", num, den, ErrZeroDenominator)
	case -1:
		num, den = num.Neg(), den.Neg()
	}
	return Fraction{num: num, den: den}.reduce(), nil
}

// Ratio returns num/den for a denominator the caller has already checked is
// positive; it returns an error otherwise rather than panic.
func Ratio(num, den decimal.Decimal) (Fraction, error) {
	if den.Sign() <= 0 {
		return Fraction{}, fmt.Errorf("%s/%s: denominator must be positive", num, den)
	}
	return NewFraction(num, den)
}

// Num returns the numerator.
func (f Fraction) Num() decimal.Decimal { return f.num }

// Den returns the denominator (one for the zero value).
func (f Fraction) Den() decimal.Decimal {
	if f.den.IsZero() {
		return decimal.NewFromInt(1)
	}
	return f.den
}

// reduce puts the fraction in lowest terms: a terminating quotient (within 30
// places) becomes a decimal over one; otherwise numerator and denominator
// are scaled to whole numbers and divided by their greatest common divisor,
// so that 3200000/120000 reads 80/3.
func (f Fraction) reduce() Fraction {
	den := f.Den()
	one := decimal.NewFromInt(1)
	if den.Equal(one) {
		return Fraction{num: f.num, den: one}
	}
	q, r := f.num.QuoRem(den, 30)
	if r.IsZero() {
		return Fraction{num: q.Truncate(30), den: one}
	}
	exp := min(f.num.Exponent(), den.Exponent())
	n := f.num.Coefficient()
	n.Mul(n, pow10(int64(f.num.Exponent()-exp)))
	dn := den.Coefficient()
	dn.Mul(dn, pow10(int64(den.Exponent()-exp)))
	var g big.Int
	g.GCD(nil, nil, new(big.Int).Abs(n), dn)
	if g.Sign() > 0 {
		n.Quo(n, &g)
		dn.Quo(dn, &g)
	}
	return Fraction{num: decimal.NewFromBigInt(n, 0), den: decimal.NewFromBigInt(dn, 0)}
}

func pow10(e int64) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(e), nil)
}

// Sign returns -1, 0 or +1.
func (f Fraction) Sign() int { return f.num.Sign() }

// IsZero reports whether the fraction is zero.
func (f Fraction) IsZero() bool { return f.num.IsZero() }

// Add returns f + g.
func (f Fraction) Add(g Fraction) Fraction {
	fd, gd := f.Den(), g.Den()
	if fd.Equal(gd) {
		return Fraction{num: f.num.Add(g.num), den: fd}.reduce()
	}
	return Fraction{num: f.num.Mul(gd).Add(g.num.Mul(fd)), den: fd.Mul(gd)}.reduce()
}

// Sub returns f - g.
func (f Fraction) Sub(g Fraction) Fraction { return f.Add(g.Neg()) }

// Neg returns -f.
func (f Fraction) Neg() Fraction { return Fraction{num: f.num.Neg(), den: f.Den()} }

// Mul returns f × g.
func (f Fraction) Mul(g Fraction) Fraction {
	return Fraction{num: f.num.Mul(g.num), den: f.Den().Mul(g.Den())}.reduce()
}

// MulDec returns f × d.
func (f Fraction) MulDec(d decimal.Decimal) Fraction { return f.Mul(Whole(d)) }

// Quo returns f ÷ g, or an error when g is zero.
func (f Fraction) Quo(g Fraction) (Fraction, error) {
	if g.IsZero() {
		return Fraction{}, fmt.Errorf("%s ÷ %s: %w", f, g, ErrZeroDenominator)
	}
	return NewFraction(f.num.Mul(g.Den()), f.Den().Mul(g.num))
}

// Cmp compares f and g exactly: -1 if f < g, 0 if equal, +1 if f > g.
func (f Fraction) Cmp(g Fraction) int {
	return f.num.Mul(g.Den()).Cmp(g.num.Mul(f.Den()))
}

// Equal reports whether f and g are the same number (1/2 equals 0.5/1).
func (f Fraction) Equal(g Fraction) bool { return f.Cmp(g) == 0 }

// Min returns the smaller of f and g.
func (f Fraction) Min(g Fraction) Fraction {
	if g.Cmp(f) < 0 {
		return g
	}
	return f
}

// Max returns the larger of f and g.
func (f Fraction) Max(g Fraction) Fraction {
	if g.Cmp(f) > 0 {
		return g
	}
	return f
}

// Clamp returns f limited to [lo, hi].
func (f Fraction) Clamp(lo, hi Fraction) Fraction { return f.Max(lo).Min(hi) }

// Decimal returns the exact decimal value and true when the fraction
// terminates within 30 decimal places; otherwise the value truncated to 30
// places and false.
func (f Fraction) Decimal() (decimal.Decimal, bool) {
	q, r := f.num.QuoRem(f.Den(), 30)
	return q, r.IsZero()
}

// IsExact reports whether the fraction has a terminating decimal expansion of
// at most 30 places.
func (f Fraction) IsExact() bool {
	_, ok := f.Decimal()
	return ok
}

// Round rounds the fraction to a decimal exactly as r declares.
func (f Fraction) Round(r Rounding) decimal.Decimal { return r.Apply(f) }

// String shows the exact value when it terminates (trailing zeros trimmed),
// otherwise ten decimal places followed by "…" to say the digits go on.
func (f Fraction) String() string {
	if d, ok := f.Decimal(); ok {
		return d.String()
	}
	return Rounding{Places: 10, Mode: Down}.Apply(f).StringFixed(10) + "…"
}
