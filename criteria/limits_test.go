package criteria_test

import (
	"math/big"
	"runtime"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
)

// CheckNumber decides from a decimal's exponent and the bit length of its
// coefficient, so no input — however it was built — makes it expand a
// number. Expected rules follow from the limits: |d| < 10^15, at most 10
// places (trailing zeros aside), at most 64 digits in the coefficient.
func TestCheckNumberBoundsBeforeArithmetic(t *testing.T) {
	pow2 := func(n uint) *big.Int { return new(big.Int).Lsh(big.NewInt(1), n) }
	cases := []struct {
		name, why string
		d         decimal.Decimal
		rule      string // "" for no problem
		value     string
	}{
		{"zero with a huge exponent", "zero is zero at any scale", decimal.New(0, -(1 << 30)), "", ""},
		{"largest amount", "10^15 - 1 is within the limit", decimal.RequireFromString("999999999999999"), "", ""},
		{"10^15", "the limit is strict", decimal.New(1, 15), "magnitude", "1000000000000000"},
		{"ten places", "the limit is inclusive", decimal.RequireFromString("0.0000000001"), "", ""},
		{"eleven places", "one place too many", decimal.RequireFromString("0.00000000001"), "precision", "0.00000000001"},
		{"trailing zeros", "1.500000000000 is 1.5", decimal.RequireFromString("1.500000000000"), "", ""},
		{"huge exponent", "10^(2^30) is refused without being written out", decimal.New(7, 1<<30), "magnitude", "7e+1073741824"},
		{"huge negative exponent", "10^-(2^30) likewise", decimal.New(-3, -(1 << 30)), "precision", "-3e-1073741824"},
		{"many digits, sensible size", "2^4096 × 10^-1230 is about 1000 written in 1234 digits", decimal.NewFromBigInt(pow2(4096), -1230), "digits", "a number written with 1234 digits"},
		{"many digits, huge", "2^4096 is about 10^1233", decimal.NewFromBigInt(pow2(4096), 0), "magnitude", "a number written with 1234 digits"},
		{"64 digits of zeros", "a coefficient of 64 digits is within the limit", decimal.NewFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(63), nil), -63), "", ""},
		{"65 digits of zeros", "65 digits is one too many, even if they are zeros", decimal.NewFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(64), nil), -64), "digits", "a number written with 65 digits"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := criteria.CheckNumber("x", c.d)
			if c.rule == "" {
				assert.Nil(t, p, c.why)
				return
			}
			if assert.NotNil(t, p, c.why) {
				assert.Equal(t, c.rule, p.Rule, c.why)
				assert.Equal(t, c.value, p.Value, c.why)
			}
		})
	}
}

// Checking a decimal with a huge exponent allocates next to nothing: the
// old check compared it with 10^15 by expanding it (a gigabyte for 2^30).
func TestCheckNumberAllocatesLittleForHugeExponents(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for _, d := range []decimal.Decimal{decimal.New(1, 1<<30), decimal.New(1, -(1 << 30)), decimal.New(123456789, 1<<31-1)} {
		assert.NotNil(t, criteria.CheckNumber("x", d))
	}
	runtime.ReadMemStats(&after)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(1<<20))
}

// On numbers of sensible size CheckNumber agrees with the plain exact
// definition of the limits.
func TestCheckNumberAgreesWithTheDefinition(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		coef := rapid.Int64().Draw(t, "coefficient")
		exp := rapid.Int32Range(-40, 30).Draw(t, "exponent")
		d := decimal.New(coef, exp)
		tooFine := !d.Equal(d.Truncate(criteria.MaxDecimalPlaces))
		tooBig := d.Abs().Cmp(decimal.New(1, criteria.MaxIntegerDigits)) >= 0
		p := criteria.CheckNumber("x", d)
		if !tooFine && !tooBig {
			if p != nil {
				t.Fatalf("%s refused: %v", d, p)
			}
			return
		}
		if p == nil {
			t.Fatalf("%s accepted (too fine %v, too big %v)", d, tooFine, tooBig)
		}
	})
}

// The problem that ends a cut list counts what it leaves out, in words.
func TestTooMany(t *testing.T) {
	assert.Equal(t, "1 more problem is not shown: only the first 100 are listed", criteria.TooMany(1).Message)
	p := criteria.TooMany(3999900)
	assert.Equal(t, "too-many", p.Rule)
	assert.Equal(t, "3999900", p.Value)
	assert.True(t, strings.HasPrefix(p.Message, "3999900 more problems are not shown"))
}
