package score_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// boardTender is two bids for one lot: price 40% with a published maximum
// budget of £450,000 (a price above it scores zero), and one question
// marked 0–4 by three evaluators who agree a mark at moderation.
func boardTender() (score.Tender, []score.Bid) {
	d := decimal.RequireFromString
	price := score.PriceCriterion("price", "Price", d("40"), criteria.Relative)
	price.Price.MaxBudget, price.Price.OverBudget = d("450000"), criteria.ScoreZeroOverBudget
	tender := score.SingleLot("ANY/2026/9", "Library kiosks", price,
		score.QualityCriterion("plan", "Plan", d("60"), criteria.Scale0to4(), criteria.ConsensusMark))
	bid := func(id, name, price string, agreed string, own ...string) score.Bid {
		var marks []criteria.EvaluatorMark
		for i, o := range own {
			marks = append(marks, criteria.MarkBy(string(rune('A'+i)), d(o), ""))
		}
		plan := criteria.Agreed(d(agreed), "agreed at moderation", marks...)
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: name}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price)), "plan": score.Marked(plan)}}
	}
	return tender, []score.Bid{bid("A", "Alderbank Ltd", "400000", "3", "3", "2", "3"), bid("B", "Birchmoor Ltd", "480000", "4", "4", "4", "3")}
}

// Each bid's marks on each question: the mark agreed at moderation with
// every evaluator's own mark beside it.
func ExampleBidResult_Marks() {
	t, bids := boardTender()
	res, err := score.Evaluate(t, bids)
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range res.Lots[0].Bids {
		for _, q := range b.Marks() {
			var own []string
			for _, e := range q.Own {
				own = append(own, e.Evaluator+" "+e.Mark.String())
			}
			fmt.Printf("%s %s: %s of %s (%s)\n", b.BidID, q.Title, q.Mark, q.Max, strings.Join(own, ", "))
		}
	}
	// Output:
	// A Plan: 3 of 4 (A 3, B 2, C 3)
	// B Plan: 4 of 4 (A 4, B 4, C 3)
}

// Each bid's price as compared, against the published maximum budget. B
// is over it and scores no price marks, so A ranks first.
func ExampleBidResult_Prices() {
	t, bids := boardTender()
	res, err := score.Evaluate(t, bids)
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range res.Lots[0].Bids {
		for _, p := range b.Prices() {
			against := "within the budget"
			if p.OverBudget {
				against = "over the budget by " + exact.Money(p.Price.Sub(p.MaxBudget))
			}
			fmt.Printf("%s %s: %s, %s\n", b.BidID, p.Title, p.Offered, against)
		}
	}
	// Output:
	// A Price: £400,000.00, within the budget
	// B Price: £480,000.00, over the budget by £30,000.00
}
