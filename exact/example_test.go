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
