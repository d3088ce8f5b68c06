package score_test

import (
	"fmt"
	"log"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// A small job in a few lines: three bids for one lot, scored 40% on price
// relative to the lowest and 60% on one question marked 0–4 by consensus.
// Scoring needs no authority, regime or dates; the result's notes say they
// were not stated. TestSmallJobIsSmall counts the lines, and the README
// shows this function as it is.
func Example_threeBids() {
	d := decimal.RequireFromString
	tender := score.SingleLot("ANY/2026/8", "Library kiosks",
		score.PriceCriterion("price", "Price", d("40"), criteria.Relative),
		score.QualityCriterion("plan", "Plan", d("60"), criteria.Scale0to4(), criteria.ConsensusMark))
	bid := func(id, name, price, mark string) score.Bid {
		plan := criteria.Agreed(d(mark), "agreed at moderation", criteria.MarkBy("E1", d(mark), ""))
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: name}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price)), "plan": score.Marked(plan)}}
	}
	res, err := score.Evaluate(tender, []score.Bid{bid("A", "Alderbank Ltd", "500000", "3"),
		bid("B", "Birchmoor Ltd", "400000", "2"), bid("C", "Copperfold Ltd", "300000", "1")})
	if err != nil {
		log.Fatal(err) // a *score.ValidationError: every problem at once, each at its field
	}
	fmt.Println(res.Lots[0].Outcome, res.Lots[0].Winner, res.Lots[0].Standings[0].Score)
	// Output: winner A 69.00
}

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
