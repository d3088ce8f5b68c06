package exact_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/exact"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func frac(t *testing.T, num, den string) exact.Fraction {
	t.Helper()
	f, err := exact.NewFraction(d(num), d(den))
	require.NoError(t, err)
	return f
}

func TestRoundingModes(t *testing.T) {
	tests := []struct {
		why      string
		num, den string
		places   int32
		mode     exact.Mode
		want     string
	}{
		{"half-way rounds away from zero half-up (docs/sources/price-formulas.md names 364.775)", "364.775", "1", 2, exact.HalfUp, "364.78"},
		{"364.775 half-even keeps the even neighbour 8: exact decimals agree with half-up here", "364.775", "1", 2, exact.HalfEven, "364.78"},
		{"2.675 half-up (docs/sources/price-formulas.md)", "2.675", "1", 2, exact.HalfUp, "2.68"},
		{"2.675 half-even: 8 is even, so the same as half-up in exact arithmetic", "2.675", "1", 2, exact.HalfEven, "2.68"},
		{"2.665 is where the two modes part: half-up goes away from zero", "2.665", "1", 2, exact.HalfUp, "2.67"},
		{"2.665 half-even goes to the even 6", "2.665", "1", 2, exact.HalfEven, "2.66"},
		{"335.305 half-up goes away from zero (docs/sources/price-formulas.md)", "335.305", "1", 2, exact.HalfUp, "335.31"},
		{"335.305 half-even keeps the even 0: the modes differ here too", "335.305", "1", 2, exact.HalfEven, "335.30"},
		{"a third truncated down", "1", "3", 2, exact.Down, "0.33"},
		{"two thirds half-up", "2", "3", 2, exact.HalfUp, "0.67"},
		{"two thirds down", "2", "3", 2, exact.Down, "0.66"},
		{"a third up", "1", "3", 2, exact.Up, "0.34"},
		{"negative third ceiling goes toward +inf", "-1", "3", 2, exact.Ceiling, "-0.33"},
		{"negative third floor goes toward -inf", "-1", "3", 2, exact.Floor, "-0.34"},
		{"negative half-way half-up goes away from zero", "-2.665", "1", 2, exact.HalfUp, "-2.67"},
		{"exact values are untouched by every mode", "26.5", "1", 2, exact.Up, "26.5"},
		{"CCS worked example: £10,000 / £15,000 to 3 dp is 0.667", "10000", "15000", 3, exact.HalfUp, "0.667"},
		{"CCS worked example: £10,000 / £30,000 to 3 dp is 0.333", "10000", "30000", 3, exact.HalfUp, "0.333"},
		{"a fraction exactly half-way after a division: 1/8 = 0.125 half-even to 0.12", "1", "8", 2, exact.HalfEven, "0.12"},
		{"1/8 half-up to 0.13", "1", "8", 2, exact.HalfUp, "0.13"},
		{"whole-number rounding", "7", "2", 0, exact.HalfEven, "4"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			got := exact.Rounding{Places: tt.places, Mode: tt.mode}.Apply(frac(t, tt.num, tt.den))
			assert.True(t, got.Equal(d(tt.want)), "got %s want %s", got, tt.want)
		})
	}
}

func TestRoundingValidate(t *testing.T) {
	assert.NoError(t, exact.Rounding{Places: 2, Mode: exact.HalfUp}.Validate())
	assert.ErrorContains(t, exact.Rounding{Places: 2, Mode: "nearest"}.Validate(), `unknown rounding mode "nearest"`)
	assert.ErrorContains(t, exact.Rounding{Places: -1, Mode: exact.HalfUp}.Validate(), "outside 0–12")
	assert.ErrorContains(t, exact.Rounding{Places: 2}.Validate(), "unknown rounding mode")
}

func TestFractionArithmetic(t *testing.T) {
	third := frac(t, "1", "3")
	assert.True(t, third.Add(third).Add(third).Equal(exact.One), "1/3 three times is exactly 1")
	assert.Equal(t, "1", third.Add(third).Add(third).String())
	assert.Equal(t, "0.3333333333…", third.String(), "non-terminating values say so")
	assert.Equal(t, "0.5", frac(t, "1", "2").String())
	assert.Equal(t, 1, frac(t, "2", "3").Cmp(frac(t, "1", "2")))
	assert.True(t, frac(t, "1", "2").Equal(frac(t, "3", "6")))
	q, err := frac(t, "1", "2").Quo(frac(t, "1", "4"))
	require.NoError(t, err)
	assert.Equal(t, "2", q.String())
	_, err = frac(t, "1", "2").Quo(exact.Zero)
	assert.ErrorIs(t, err, exact.ErrZeroDenominator)
	_, err = exact.NewFraction(d("1"), d("0"))
	assert.ErrorIs(t, err, exact.ErrZeroDenominator)
	neg, err := exact.NewFraction(d("1"), d("-4"))
	require.NoError(t, err)
	assert.Equal(t, "-0.25", neg.String(), "a negative denominator moves to the numerator")
	_, err = exact.Ratio(d("1"), d("-4"))
	assert.Error(t, err)
	var zero exact.Fraction
	assert.True(t, zero.IsZero())
	assert.Equal(t, "0", zero.String(), "the zero value is a usable zero")
	assert.Equal(t, "0.5", frac(t, "3", "2").Clamp(exact.Zero, frac(t, "1", "2")).String())
	assert.Equal(t, "0", frac(t, "-3", "2").Clamp(exact.Zero, exact.One).String())
	assert.Equal(t, "-1.25", frac(t, "1", "4").Sub(frac(t, "3", "2")).String())
	assert.Equal(t, "10", frac(t, "1", "4").MulDec(d("40")).String())
}

func TestFormat(t *testing.T) {
	tests := []struct {
		why, in                    string
		places                     int32
		group, money, plain, fixed string
	}{
		{"thousands and pence", "1234.5", 2, "1,234.50", "£1,234.50", "1234.5", "1234.50"},
		{"millions", "1250000", 2, "1,250,000.00", "£1,250,000.00", "1250000", "1250000.00"},
		{"small unit rate keeps its digits", "0.0035", 2, "0.0035", "£0.0035", "0.0035", "0.0035"},
		{"negative", "-1000", 0, "-1,000", "-£1,000.00", "-1000", "-1000"},
		{"zero", "0", 2, "0.00", "£0.00", "0", "0.00"},
		{"trailing zeros beyond the pence are dropped from money", "50400.0000", 2, "50,400.0000", "£50,400.00", "50400", "50400.00"},
		{"significant digits beyond the pence are kept", "26.6750", 2, "26.6750", "£26.675", "26.675", "26.675"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			assert.Equal(t, tt.group, exact.Group(d(tt.in), tt.places))
			assert.Equal(t, tt.money, exact.Money(d(tt.in)))
			assert.Equal(t, tt.plain, exact.Plain(d(tt.in)))
			assert.Equal(t, tt.fixed, exact.Fixed(d(tt.in), tt.places))
		})
	}
}

func TestCountAndMoneyFraction(t *testing.T) {
	assert.Equal(t, "2,400,000", exact.Count(d("2400000.00")))
	assert.Equal(t, "12.5", exact.Count(d("12.50")))
	assert.Equal(t, "£1,234.50", exact.MoneyFraction(frac(t, "2469", "2")))
	assert.Equal(t, "£333.3333333333…", exact.MoneyFraction(frac(t, "1000", "3")), "a non-terminating amount says so")
	assert.Equal(t, "-£0.50", exact.MoneyFraction(frac(t, "-1", "2")))
}

func TestFractionTerms(t *testing.T) {
	tests := []struct {
		why      string
		f        exact.Fraction
		num, den string
	}{
		{"a terminating value is still shown as its fraction", frac(t, "19", "16"), "19", "16"},
		{"a recurring value in lowest terms", frac(t, "18", "14"), "9", "7"},
		{"a decimal reduced", exact.Whole(d("1.1875")), "19", "16"},
		{"a whole number over one", exact.Int(3), "3", "1"},
		{"a negative value keeps its sign on the numerator", frac(t, "-2", "4"), "-1", "2"},
		{"zero", exact.Zero, "0", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			n, dd := tt.f.Terms()
			assert.Equal(t, tt.num, n.String())
			assert.Equal(t, tt.den, dd.String())
		})
	}
}
