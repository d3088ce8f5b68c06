package exact_test

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/bigpath"
)

// genDecimal draws a decimal of any size an input can hold and beyond: small
// marks and prices, values near the int64 limits, and coefficients of up to
// 30 digits that no machine integer holds.
func genDecimal(t *rapid.T, label string) decimal.Decimal {
	exp := rapid.Int32Range(-12, 6).Draw(t, label+".exp")
	switch rapid.IntRange(0, 3).Draw(t, label+".size") {
	case 0:
		return decimal.New(rapid.Int64Range(-1000, 1000).Draw(t, label+".small"), exp)
	case 1:
		return decimal.New(rapid.Int64Range(-10_000_000_000, 10_000_000_000).Draw(t, label+".mid"), exp)
	case 2:
		return decimal.New(rapid.Int64().Draw(t, label+".int64"), exp)
	}
	digits := rapid.StringMatching(`-?[1-9][0-9]{18,29}`).Draw(t, label+".huge")
	c, err := decimal.NewFromString(digits)
	if err != nil {
		t.Fatalf("%s: %v", digits, err)
	}
	return c.Shift(exp)
}

var roundings = func() []exact.Rounding {
	var rs []exact.Rounding
	for _, m := range exact.Modes() {
		for _, p := range []int32{0, 2, 3, 10, 12} {
			rs = append(rs, exact.Rounding{Places: p, Mode: m})
		}
	}
	return rs
}()

// step is one operation of a random program over a stack of values.
type step struct {
	op   string
	a, b int
	r    exact.Rounding
	d    decimal.Decimal
}

func genProgram(t *rapid.T) ([]decimal.Decimal, []step) {
	seeds := make([]decimal.Decimal, rapid.IntRange(1, 4).Draw(t, "seeds"))
	for i := range seeds {
		seeds[i] = genDecimal(t, fmt.Sprintf("seed%d", i))
	}
	n := rapid.IntRange(1, 10).Draw(t, "steps")
	steps := make([]step, n)
	for i := range steps {
		size := len(seeds) + i
		steps[i] = step{
			op: rapid.SampledFrom([]string{"add", "sub", "mul", "quo", "neg", "min", "max", "muldec", "rounded", "ratio"}).Draw(t, "op"),
			a:  rapid.IntRange(0, size-1).Draw(t, "a"),
			b:  rapid.IntRange(0, size-1).Draw(t, "b"),
			r:  rapid.SampledFrom(roundings).Draw(t, "rounding"),
		}
		if steps[i].op == "muldec" || steps[i].op == "ratio" {
			steps[i].d = genDecimal(t, "operand")
		}
	}
	return seeds, steps
}

// run evaluates a program on Fractions, skipping divisions by zero.
func run(seeds []decimal.Decimal, steps []step) []exact.Fraction {
	var vs []exact.Fraction
	for _, s := range seeds {
		vs = append(vs, exact.Whole(s))
	}
	for _, s := range steps {
		a, b := vs[s.a], vs[s.b]
		var v exact.Fraction
		switch s.op {
		case "add":
			v = a.Add(b)
		case "sub":
			v = a.Sub(b)
		case "mul":
			v = a.Mul(b)
		case "quo":
			q, err := a.Quo(b)
			if err != nil {
				v = a
			} else {
				v = q
			}
		case "neg":
			v = a.Neg()
		case "min":
			v = a.Min(b)
		case "max":
			v = a.Max(b)
		case "muldec":
			v = a.MulDec(s.d)
		case "rounded":
			v = a.Rounded(s.r)
		case "ratio":
			f, err := exact.NewFraction(s.d, exact.Rounding{Places: 0, Mode: exact.Down}.Apply(a).Add(decimal.NewFromInt(7)))
			if err != nil {
				v = a
			} else {
				v = f
			}
		}
		vs = append(vs, v)
	}
	return vs
}

// runRef evaluates the same program on the reference fractions.
func runRef(seeds []decimal.Decimal, steps []step) []refFraction {
	var vs []refFraction
	for _, s := range seeds {
		vs = append(vs, refWhole(s))
	}
	for _, s := range steps {
		a, b := vs[s.a], vs[s.b]
		var v refFraction
		switch s.op {
		case "add":
			v = a.add(b)
		case "sub":
			v = a.add(b.neg())
		case "mul":
			v = a.mul(b)
		case "quo":
			if b.num.IsZero() {
				v = a
			} else {
				v = a.quo(b)
			}
		case "neg":
			v = a.neg()
		case "min":
			v = a
			if b.cmp(a) < 0 {
				v = b
			}
		case "max":
			v = a
			if b.cmp(a) > 0 {
				v = b
			}
		case "muldec":
			v = a.mul(refWhole(s.d))
		case "rounded":
			v = refWhole(refRound(a, s.r))
		case "ratio":
			den := refRound(a, exact.Rounding{Places: 0, Mode: exact.Down}).Add(decimal.NewFromInt(7))
			if den.IsZero() {
				v = a
			} else {
				v = refNew(s.d, den)
			}
		}
		vs = append(vs, v)
	}
	return vs
}

// ratText is num/den as a ratio in lowest terms. (The reference kept a
// decimal of more than 30 places over one as it was; Num and Den now give
// such a value in lowest terms. Nothing shows either: both print the same
// ratio.)
func ratText(num, den decimal.Decimal) string {
	r, ok := new(big.Rat).SetString(num.String())
	q, ok2 := new(big.Rat).SetString(den.String())
	if !ok || !ok2 || q.Sign() == 0 {
		return "invalid " + num.String() + "/" + den.String()
	}
	return r.Quo(r, q).RatString()
}

// show is everything a value prints or decides, as one string: its text,
// its decimal (and whether it terminates), numerator and denominator, sign,
// and every declared rounding of it.
func show(f exact.Fraction) string {
	d, ok := f.Decimal()
	parts := []string{f.String(), d.String(), fmt.Sprint(ok), ratText(f.Num(), f.Den()), fmt.Sprint(f.Sign())}
	for _, r := range roundings {
		parts = append(parts, r.Apply(f).String(), f.Rounded(r).String())
	}
	return strings.Join(parts, " ")
}

func showRef(f refFraction) string {
	d, ok := f.decimal()
	parts := []string{f.String(), d.String(), fmt.Sprint(ok), ratText(f.num, f.den), fmt.Sprint(f.num.Sign())}
	for _, r := range roundings {
		x := refRound(f, r).String()
		parts = append(parts, x, x)
	}
	return strings.Join(parts, " ")
}

// TestFastAndBigPathsAgree runs random programs — sums, products, quotients
// and roundings of values from tiny to far beyond int64 — three ways: on
// the fast path (falling back to big numbers on overflow, as in use), with
// the big path forced, and on the decimal fractions this package used
// before. Every value must print, compare and round identically.
func TestFastAndBigPathsAgree(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		seeds, steps := genProgram(t)
		fast := run(seeds, steps)
		restore := bigpath.Force()
		big := run(seeds, steps)
		bigShown := make([]string, len(big))
		for i, v := range big {
			bigShown[i] = show(v)
		}
		restore()
		ref := runRef(seeds, steps)
		for i := range fast {
			want := showRef(ref[i])
			if got := show(fast[i]); got != want {
				t.Fatalf("value %d on the fast path:\n got %s\nwant %s", i, got, want)
			}
			if bigShown[i] != want {
				t.Fatalf("value %d on the big path:\n got %s\nwant %s", i, bigShown[i], want)
			}
			for j := range fast {
				if c, w := fast[i].Cmp(fast[j]), ref[i].cmp(ref[j]); c != w {
					t.Fatalf("Cmp(%d, %d) = %d, want %d", i, j, c, w)
				}
			}
		}
	})
}

// TestFastPathOverflow checks the edges of the machine integers: each result
// is exact although its operands or intermediate products do not fit.
func TestFastPathOverflow(t *testing.T) {
	max := d("9223372036854775807") // the largest int64
	tests := []struct {
		why  string
		got  exact.Fraction
		want string
	}{
		{"the largest int64 plus one leaves the fast path, exactly", exact.Whole(max).Add(exact.One), "9223372036854775808"},
		{"its square is exact", exact.Whole(max).Mul(exact.Whole(max)), "85070591730234615847396907784232501249"},
		{"the negated sum goes below the smallest int64", exact.Whole(max).Neg().Sub(exact.Int(2)), "-9223372036854775809"},
		{"thirds of a huge amount add up to it", frac(t, "999999999999999.9999999999", "3").Mul(exact.Int(3)), "999999999999999.9999999999"},
		{"a product that overflows cancels back", frac(t, "4294967311", "4294967357").Mul(frac(t, "4294967357", "4294967311")), "1"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.got.String(), tt.why)
	}
	sum := frac(t, "1", "4294967311").Add(frac(t, "1", "4294967357"))
	assert.Equal(t, "8589934668/18446744400127067027", sum.Num().String()+"/"+sum.Den().String(),
		"denominators whose product overflows int64 still add exactly (hand-checked: (a+b)/ab)")
	huge := exact.Whole(d("123456789012345.1234567891")) // 25 digits: past int64
	r := exact.Rounding{Places: 2, Mode: exact.HalfUp}
	assert.Equal(t, "123456789012345.12", r.Apply(huge).String(), "a 25-digit amount rounds exactly")
	assert.Equal(t, "123456789012345.12", huge.Rounded(r).String())
	q, err := huge.Quo(exact.Whole(d("0.0000000003")))
	require.NoError(t, err)
	assert.Equal(t, "411522630041150411522630.3333333333…", q.String())
}
