package date_test

import (
	"fmt"

	"github.com/tenderscore/tenderscore/date"
)

func ExampleParse() {
	commenced, err := date.Parse("2026-03-02")
	if err != nil {
		fmt.Println(err)
		return
	}
	pa2023 := date.On(2025, 2, 24) // Procurement Act 2023 in force (SI 2024/716 as amended by SI 2024/959)
	fmt.Println(commenced.Long(), "on or after the Act:", !commenced.Before(pa2023))
	_, err = date.Parse("2026-02-30")
	fmt.Println(err)
	// Output:
	// 2 March 2026 on or after the Act: true
	// 2026-02-30: February 2026 has no day 30
}
