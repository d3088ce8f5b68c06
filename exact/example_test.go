package exact_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

func ExampleNewFraction() {
	// 40 marks × lowest £10,000 ÷ this £15,000, kept exact until rounded.
	f, _ := exact.NewFraction(decimal.NewFromInt(400000), decimal.NewFromInt(15000))
	fmt.Println(f)
	fmt.Println(exact.Rounding{Places: 2, Mode: exact.HalfUp}.Apply(f))
	// Output:
	// 26.6666666666…
	// 26.67
}

func ExampleRounding_Apply() {
	v := exact.Whole(decimal.RequireFromString("2.665"))
	for _, m := range []exact.Mode{exact.HalfUp, exact.HalfEven, exact.Down, exact.Up} {
		fmt.Println(m, exact.Rounding{Places: 2, Mode: m}.Apply(v))
	}
	// Output:
	// half-up 2.67
	// half-even 2.66
	// down 2.66
	// up 2.67
}

func ExampleMoney() {
	fmt.Println(exact.Money(decimal.RequireFromString("1250000")))
	fmt.Println(exact.Money(decimal.RequireFromString("0.0035")))
	// Output:
	// £1,250,000.00
	// £0.0035
}

func ExampleFraction_Rounded() {
	// 7 marks × 3 ÷ 4, rounded to 2 places and kept as a Fraction for the
	// sums that follow.
	f := exact.Int(21).Mul(exact.Whole(decimal.RequireFromString("0.25")))
	fmt.Println(f, f.Rounded(exact.Rounding{Places: 0, Mode: exact.HalfEven}))
	// Output:
	// 5.25 5
}

// Where 2 dp half-up first shows 31.00: from 30.995 on, that point
// included; and where it last shows at most 15.99: below 15.995.
func ExampleRounding_AtLeast() {
	r := exact.Rounding{Places: 2, Mode: exact.HalfUp}
	fmt.Println(r.AtLeast(exact.Int(31), false))
	fmt.Println(r.AtMost(exact.Whole(decimal.RequireFromString("15.99")), false))
	pence, _ := exact.Rounding{Places: 2, Mode: exact.Floor}.Units(exact.Whole(decimal.RequireFromString("129053.0736")))
	fmt.Println(pence)
	// Output:
	// {30.995 false}
	// {15.995 true}
	// 12905307
}

func ExampleFixedText() {
	// 29 of 50 quality marks, shown to two places without a decimal made;
	// a third does not end, and is formatted the slow way (Fixed).
	half, _ := exact.NewFraction(decimal.NewFromInt(29), decimal.NewFromInt(50))
	third, _ := exact.NewFraction(decimal.NewFromInt(1), decimal.NewFromInt(3))
	fmt.Println(exact.FixedText(half, 2))
	fmt.Println(exact.FixedText(third, 2))
	// Output:
	// 0.58 true
	//  false
}

// Steps rounds a line a + b·k at k after k in machine integers: here the
// points 26 2/3 − 2/9 × k (a criterion's share as weight moves away from
// it, a hundredth at a time), to two places half up, as the Fraction
// would round.
func ExampleSteps() {
	a, _ := exact.Int(80).Quo(exact.Int(3))
	b, _ := exact.Int(-2).Quo(exact.Int(9))
	s, ok := exact.NewSteps(a, b)
	r := exact.Rounding{Places: 2, Mode: exact.HalfUp}
	for k := int64(0); k < 3 && ok; k++ {
		u, _ := s.Units(k, r)
		fmt.Println(k, u, a.Add(b.Mul(exact.Int(k))).Rounded(r))
	}
	// Output:
	// 0 2667 26.67
	// 1 2644 26.44
	// 2 2622 26.22
}

// A price of £400,000.00 (40,000,000 pennies) over 65.43 quality points
// (6,543 hundredths) is £6,113.40 a point, to the penny: 40,000,000 ÷
// 6,543 (the hundredths cancel), rounded half up to 2 places, in units of
// the last place.
func ExampleQuoUnits() {
	u, ok := exact.QuoUnits(40_000_000, 6_543, exact.Rounding{Places: 2, Mode: exact.HalfUp})
	fmt.Println(u, ok)
	// Output: 611340 true
}
