package exact

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/internal/bigpath"
)

// Fraction is an exact ratio of two integers with a positive denominator.
// The zero value is 0, so a zero Fraction is a usable zero.
//
// A Fraction keeps its numerator and denominator in machine integers while
// they fit (the fast path) and moves to big integers only when an operation
// would overflow them (the big path); both give the same value, and no
// caller ever chooses between them. Numerator and denominator are not kept
// in lowest terms between operations (that costs a division per step); the
// value is what counts, and [Fraction.Num] and [Fraction.Den] reduce.
//
// Fractions are immutable values: every method returns a new Fraction.
type Fraction struct {
	n, d int64    // the fast form n/d: d > 0 (0 only in the zero value, read as 1), n never math.MinInt64
	b    *big.Rat // the big form when set; never changed once built
}

// ErrZeroDenominator is returned by [NewFraction] when the denominator is zero.
var ErrZeroDenominator = errors.New("zero denominator")

// One is the fraction 1/1.
var One = Fraction{n: 1, d: 1}

// Zero is the fraction 0/1.
var Zero = Fraction{n: 0, d: 1}

// Whole returns the fraction d/1.
func Whole(d decimal.Decimal) Fraction { return fromDecimal(d) }

// Int returns the fraction n/1.
func Int(n int64) Fraction { return fromSmall(n, 1) }

// NewFraction returns num/den. A negative denominator is moved to the
// numerator; a zero denominator is an error.
func NewFraction(num, den decimal.Decimal) (Fraction, error) {
	if den.Sign() == 0 {
		return Fraction{}, fmt.Errorf("%s/%s: %w", num, den, ErrZeroDenominator)
	}
	return quo(fromDecimal(num), fromDecimal(den)), nil
}

// Ratio returns num/den for a denominator the caller has already checked is
// positive; it returns an error otherwise rather than panic.
func Ratio(num, den decimal.Decimal) (Fraction, error) {
	if den.Sign() <= 0 {
		return Fraction{}, fmt.Errorf("%s/%s: denominator must be positive", num, den)
	}
	return NewFraction(num, den)
}

// Num returns the numerator: the value itself, as a decimal over a
// denominator of one, when the value terminates within 30 decimal places;
// otherwise the numerator in lowest terms (80 of 80/3).
func (f Fraction) Num() decimal.Decimal {
	if d, ok := f.Decimal(); ok {
		return d
	}
	r := f.rat()
	return decimal.NewFromBigInt(r.Num(), 0)
}

// Den returns the denominator that goes with [Fraction.Num]: one when the
// value terminates within 30 decimal places, otherwise the denominator in
// lowest terms (3 of 80/3).
func (f Fraction) Den() decimal.Decimal {
	if _, ok := f.Decimal(); ok {
		return decimal.NewFromInt(1)
	}
	r := f.rat()
	return decimal.NewFromBigInt(r.Denom(), 0)
}

// Terms returns the fraction in lowest terms, numerator and denominator,
// whether or not its decimal terminates: 19 and 16 for 1.1875, 9 and 7 for
// 9/7, 3 and 1 for 3. For showing a ratio as a fraction.
func (f Fraction) Terms() (num, den decimal.Decimal) {
	r := f.rat()
	return decimal.NewFromBigInt(r.Num(), 0), decimal.NewFromBigInt(r.Denom(), 0)
}

// Sign returns -1, 0 or +1.
func (f Fraction) Sign() int {
	if f.b != nil {
		return f.b.Sign()
	}
	switch {
	case f.n > 0:
		return 1
	case f.n < 0:
		return -1
	}
	return 0
}

// IsZero reports whether the fraction is zero.
func (f Fraction) IsZero() bool { return f.Sign() == 0 }

// Add returns f + g.
func (f Fraction) Add(g Fraction) Fraction {
	if fn, fd, ok := f.small(); ok {
		if gn, gd, ok := g.small(); ok {
			if r, ok := addSmall(fn, fd, gn, gd); ok {
				return r
			}
		}
	}
	return fromRat(new(big.Rat).Add(f.rat(), g.rat()))
}

// Sub returns f - g.
func (f Fraction) Sub(g Fraction) Fraction { return f.Add(g.Neg()) }

// Neg returns -f.
func (f Fraction) Neg() Fraction {
	if f.b != nil {
		return Fraction{b: new(big.Rat).Neg(f.b)}
	}
	if f.d == 0 {
		return Zero
	}
	return Fraction{n: -f.n, d: f.d} // n is never math.MinInt64
}

// Mul returns f × g.
func (f Fraction) Mul(g Fraction) Fraction {
	if fn, fd, ok := f.small(); ok {
		if gn, gd, ok := g.small(); ok {
			if r, ok := mulSmall(fn, fd, gn, gd); ok {
				return r
			}
		}
	}
	return fromRat(new(big.Rat).Mul(f.rat(), g.rat()))
}

// MulDec returns f × d.
func (f Fraction) MulDec(d decimal.Decimal) Fraction { return f.Mul(Whole(d)) }

// Quo returns f ÷ g, or an error when g is zero.
func (f Fraction) Quo(g Fraction) (Fraction, error) {
	if g.IsZero() {
		return Fraction{}, fmt.Errorf("%s ÷ %s: %w", f, g, ErrZeroDenominator)
	}
	return quo(f, g), nil
}

// quo divides by a g known not to be zero.
func quo(f, g Fraction) Fraction {
	if fn, fd, ok := f.small(); ok {
		if gn, gd, ok := g.small(); ok {
			// f ÷ g = (fn/fd) × (gd/gn), the sign of gn moved to the result.
			if gn < 0 {
				if r, ok := mulSmall(fn, fd, gd, -gn); ok {
					return r.Neg()
				}
			} else if r, ok := mulSmall(fn, fd, gd, gn); ok {
				return r
			}
		}
	}
	return fromRat(new(big.Rat).Quo(f.rat(), g.rat()))
}

// Cmp compares f and g exactly: -1 if f < g, 0 if equal, +1 if f > g.
func (f Fraction) Cmp(g Fraction) int {
	if fn, fd, ok := f.small(); ok {
		if gn, gd, ok := g.small(); ok {
			return cmpSmall(fn, fd, gn, gd)
		}
	}
	return f.rat().Cmp(g.rat())
}

// Identical reports whether f and g are held in the same form: the same
// machine-integer numerator and denominator. Every operation gives
// identical results on identical fractions, so a result worked out for one
// may be kept for the other; equal fractions need not be identical (1/2
// and 2/4), and fractions on big integers never are.
func (f Fraction) Identical(g Fraction) bool {
	return f.b == nil && g.b == nil && f.n == g.n && f.d == g.d
}

// Equal reports whether f and g are the same number (1/2 equals 2/4).
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

// decimalPlaces is how many decimal places [Fraction.Decimal] looks for an
// end to the digits before it calls a value non-terminating.
const decimalPlaces = 30

// Decimal returns the exact decimal value and true when the fraction
// terminates within 30 decimal places; otherwise the value truncated to 30
// places and false.
func (f Fraction) Decimal() (decimal.Decimal, bool) {
	if n, d, ok := f.small(); ok {
		if d == 1 {
			return decimal.NewFromInt(n), true
		}
		if x, k, ok := terminating(n, d); ok {
			return decimal.New(x, -k), true
		}
	}
	r := f.rat()
	num, den := decimal.NewFromBigInt(r.Num(), 0), decimal.NewFromBigInt(r.Denom(), 0)
	q, rem := num.QuoRem(den, decimalPlaces)
	return q, rem.IsZero()
}

// IsExact reports whether the fraction has a terminating decimal expansion of
// at most 30 places.
func (f Fraction) IsExact() bool {
	_, ok := f.Decimal()
	return ok
}

// Round rounds the fraction to a decimal exactly as r declares.
func (f Fraction) Round(r Rounding) decimal.Decimal { return r.Apply(f) }

// Rounded returns f rounded exactly as r declares, as a Fraction: the value
// [Fraction.Round] returns as a decimal.
func (f Fraction) Rounded(r Rounding) Fraction {
	if n, d, ok := f.small(); ok {
		if q, ok := roundSmall(n, d, r); ok {
			return fromSmall(q, pow10[r.Places])
		}
	}
	return fromDecimal(r.Apply(f))
}

// String shows the exact value when it terminates (trailing zeros trimmed),
// otherwise ten decimal places followed by "…" to say the digits go on.
func (f Fraction) String() string {
	if s, ok := FixedText(f, 0); ok {
		return s
	}
	if d, ok := f.Decimal(); ok {
		return d.String()
	}
	return Rounding{Places: 10, Mode: Down}.Apply(f).StringFixed(10) + "…"
}

// small returns the fast form, unless the fraction is big or the big path
// is forced.
func (f Fraction) small() (n, d int64, ok bool) {
	if f.b != nil || bigpath.Forced() {
		return 0, 0, false
	}
	if f.d == 0 {
		return 0, 1, true
	}
	return f.n, f.d, true
}

// rat returns the value as a big.Rat the caller must not change.
func (f Fraction) rat() *big.Rat {
	if f.b != nil {
		return f.b
	}
	if f.d == 0 {
		return new(big.Rat)
	}
	return new(big.Rat).SetFrac64(f.n, f.d)
}

// fromSmall returns n/d (d > 0, n not math.MinInt64), on the big path when
// it is forced.
func fromSmall(n, d int64) Fraction {
	if bigpath.Forced() {
		return Fraction{b: new(big.Rat).SetFrac64(n, d)}
	}
	return Fraction{n: n, d: d}
}

// fromRat returns r, in the fast form when its lowest terms fit.
func fromRat(r *big.Rat) Fraction {
	if !bigpath.Forced() && r.Num().IsInt64() && r.Denom().IsInt64() {
		if n := r.Num().Int64(); n != minInt64 {
			return Fraction{n: n, d: r.Denom().Int64()}
		}
	}
	return Fraction{b: r}
}

// fromDecimal returns d exactly: its coefficient over a power of ten when
// both fit machine integers, else on big integers.
func fromDecimal(d decimal.Decimal) Fraction {
	if !bigpath.Forced() && d.NumDigits() <= 18 {
		c, e := d.CoefficientInt64(), d.Exponent()
		switch {
		case e == 0:
			return Fraction{n: c, d: 1}
		case e < 0 && e >= -18:
			return Fraction{n: c, d: pow10[-e]}
		case e > 0 && e <= 18:
			if x, ok := mul64(c, pow10[e]); ok {
				return Fraction{n: x, d: 1}
			}
		}
	}
	r := new(big.Rat).SetInt(d.Coefficient())
	if e := d.Exponent(); e > 0 {
		r.Mul(r, new(big.Rat).SetInt(bigPow10(int64(e))))
	} else if e < 0 {
		r.Quo(r, new(big.Rat).SetInt(bigPow10(int64(-e))))
	}
	return fromRat(r)
}

func bigPow10(e int64) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(e), nil)
}
