package score_test

import (
	"fmt"

	"github.com/tenderscore/tenderscore/score"
)

// Reading a result: each bid's points on one criterion, its total, and a
// figure as a decimal for arithmetic of one's own.
func ExampleBidResult_Points() {
	t, bids := exampleTender()
	res, err := score.Evaluate(t, bids)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range res.Lots[0].Bids {
		price, scored := b.Points("price")
		if !scored {
			fmt.Println(b.BidID, "not scored on price:", b.Disqualified.Reasons[0].Rule)
			continue
		}
		total, _ := b.Total.Points.Decimal()
		fmt.Println(b.BidID, "price", price, "total", total.StringFixed(2))
	}
	// Output:
	// A price 32.00 total 77.00
	// B price 40.00 total 70.00
	// C not scored on price: gate
}
