package score_test

import (
	"fmt"
	"log"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// Three bids for one lot, scored 40% on price relative to the lowest and
// 60% on one question marked 0–4 by consensus. Scoring needs no authority,
// regime or dates; the result's notes say they were not stated.
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
