package exact

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Mode names how a value is rounded. The names are those used in evaluation
// policies; each is defined for negative values too.
type Mode string

// Rounding modes. Half-up and half-even differ only on values exactly
// half-way whose last kept digit is even: 2.665 is 2.67 half-up but 2.66
// half-even, 364.765 is 364.77 half-up but 364.76 half-even. On 2.675 and
// 364.775 the two agree (2.68, 364.78) in exact decimal arithmetic; the
// difference often quoted for those two numbers comes from binary floating
// point, where 2.675 is stored as 2.67499999…, which tenderscore never uses.
const (
	// HalfUp rounds to the nearest, half-way values away from zero (the usual
	// "round half up" of spreadsheets and most UK evaluation policies).
	HalfUp Mode = "half-up"
	// HalfEven rounds to the nearest, half-way values to the even neighbour
	// (banker's rounding).
	HalfEven Mode = "half-even"
	// Down truncates toward zero.
	Down Mode = "down"
	// Up rounds away from zero.
	Up Mode = "up"
	// Ceiling rounds toward positive infinity.
	Ceiling Mode = "ceiling"
	// Floor rounds toward negative infinity.
	Floor Mode = "floor"
)

// Modes lists every rounding mode, in a fixed order.
func Modes() []Mode { return []Mode{HalfUp, HalfEven, Down, Up, Ceiling, Floor} }

// Valid reports whether m is one of the named modes.
func (m Mode) Valid() bool {
	for _, k := range Modes() {
		if m == k {
			return true
		}
	}
	return false
}

// Rounding is a declared rounding: a number of decimal places and a mode.
// The zero value rounds to whole numbers half-up only if Mode is set; an
// unset Mode is invalid (see [Rounding.Validate]).
type Rounding struct {
	Places int32 `json:"places"`
	Mode   Mode  `json:"mode"`
}

// MaxPlaces is the most decimal places a Rounding may declare.
const MaxPlaces = 12

// Validate reports a declared rounding that cannot be applied.
func (r Rounding) Validate() error {
	if !r.Mode.Valid() {
		return fmt.Errorf("unknown rounding mode %q (want one of %v)", r.Mode, Modes())
	}
	if r.Places < 0 || r.Places > MaxPlaces {
		return fmt.Errorf("rounding places %d outside 0–%d", r.Places, MaxPlaces)
	}
	return nil
}

// String describes the rounding, e.g. "2 dp half-up".
func (r Rounding) String() string {
	return fmt.Sprintf("%d dp %s", r.Places, r.Mode)
}

// Apply rounds f exactly. The quotient is truncated at Places and the
// remainder compared with half the divisor, so no digit beyond the declared
// places is ever guessed. An invalid mode rounds half-up; call Validate first.
func (r Rounding) Apply(f Fraction) decimal.Decimal {
	if n, d, ok := f.small(); ok {
		if q, ok := roundSmall(n, d, r); ok {
			return decimal.New(q, -r.Places)
		}
	}
	rat := f.rat()
	return r.applyBig(decimal.NewFromBigInt(rat.Num(), 0), decimal.NewFromBigInt(rat.Denom(), 0))
}

// Units rounds f as r declares and returns the result in units of the last
// place kept — f × 10^Places, rounded — when it fits an int64: 12345 for
// £123.45 rounded to pennies. false when it does not fit.
func (r Rounding) Units(f Fraction) (int64, bool) {
	if n, d, ok := f.small(); ok {
		if q, ok := roundSmall(n, d, r); ok {
			return q, true
		}
	}
	d := r.Apply(f).Shift(r.Places)
	if !d.BigInt().IsInt64() {
		return 0, false
	}
	return d.IntPart(), true
}

// applyBig rounds num/den (den positive) on big numbers: the big path of
// [Rounding.Apply].
func (r Rounding) applyBig(num, den decimal.Decimal) decimal.Decimal {
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
	// Compare 2·|rem| with den·10^-places: the remainder's size against half
	// a unit in the last place.
	half := rem.Abs().Mul(decimal.NewFromInt(2)).Cmp(den.Mul(unit))
	switch r.Mode {
	case Down:
		return q
	case Up:
		return away()
	case Ceiling:
		if num.Sign() > 0 {
			return away()
		}
		return q
	case Floor:
		if num.Sign() < 0 {
			return away()
		}
		return q
	case HalfEven:
		if half > 0 {
			return away()
		}
		if half == 0 {
			last := q.Shift(r.Places).Abs().Mod(decimal.NewFromInt(2))
			if !last.IsZero() {
				return away()
			}
		}
		return q
	default: // HalfUp
		if half >= 0 {
			return away()
		}
		return q
	}
}

// ApplyDec rounds a decimal as declared.
func (r Rounding) ApplyDec(d decimal.Decimal) decimal.Decimal { return r.Apply(Whole(d)) }
