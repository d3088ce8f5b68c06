package score_test

import (
	"fmt"
	"log"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// A model published in points is scored on its own scale: three criteria
// of 10 points each, 30 in all (the dtvp.de notice CXP4Y2W5GSJ,
// docs/sources/points-models.md), never rescaled to 100.
func ExamplePoints() {
	d := decimal.RequireFromString
	tender := score.SingleLot("ANY/2026/30", "Recruiting",
		score.PriceCriterion("price", "Price", d("10"), criteria.Relative),
		score.QualityCriterion("people", "People", d("10"), criteria.Scale0to5(), criteria.ConsensusMark),
		score.QualityCriterion("concept", "Concept", d("10"), criteria.Scale0to5(), criteria.ConsensusMark))
	tender.Lots[0].Policy.Weighting = score.Points
	bid := func(id, name, price, people, concept string) score.Bid {
		mark := func(m string) score.Response {
			return score.Marked(criteria.Agreed(d(m), "agreed at moderation", criteria.MarkBy("E1", d(m), "")))
		}
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: name}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price)), "people": mark(people), "concept": mark(concept)}}
	}
	res, err := score.Evaluate(tender, []score.Bid{bid("A", "Ashdown Recruiting Ltd", "100000", "4", "3"), bid("B", "Birchfield Talent Ltd", "125000", "5", "5")})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range res.Lots[0].Standings {
		fmt.Println(s.BidID, s.Score, "of 30")
	}
	// Output:
	// B 28.00 of 30
	// A 24.00 of 30
}

// A price adjusted by features, ProZorro's MEAT rule: each bid's price is
// divided by 1 + the values it chose ÷ (1 − the features' largest values),
// and the lowest adjusted price wins (docs/sources/prozorro.md).
func ExampleBidResult_Adjustment() {
	d := decimal.RequireFromString
	tender := score.SingleLot("UA-2026-000001", "Vacuum cleaners",
		score.Criterion{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.AdjustedByFeatures}})
	tender.Lots[0].Policy.Basis = score.AdjustedPrice
	tender.Lots[0].Policy.Features = &criteria.FeatureRule{Features: []criteria.Feature{
		{Code: "YEARS", Title: "Years trading", Values: []criteria.FeatureValue{
			{Value: d("0.05"), Title: "up to 3 years"}, {Value: d("0.15"), Title: "over 5 years"}}},
	}}
	bid := func(id, name, price, years string) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: name}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price))},
			Features:  map[string]decimal.Decimal{"YEARS": d(years)}}
	}
	res, err := score.Evaluate(tender, []score.Bid{bid("A", "Avocet Vacuum LLC", "400", "0.05"), bid("B", "Bittern Cleaning LLC", "430", "0.15")})
	if err != nil {
		log.Fatal(err)
	}
	l := res.Lots[0]
	b, _ := l.Bid(l.Winner)
	a, _ := b.Adjustment()
	n, den := a.Coefficient.Terms()
	fmt.Printf("%s wins: %s ÷ %s/%s = %s\n", b.BidID, b.Criteria()[0].Input, n, den, b.Total.Points)
	for _, s := range l.Standings {
		fmt.Println(s.Rank, s.BidID, s.Score)
	}
	// A: 400 ÷ (1 + 0.05 ÷ 0.85) = 400 × 17/18; B: 430 ÷ (1 + 0.15 ÷ 0.85) = 430 × 17/20.
	// Output:
	// B wins: £430.00 ÷ 20/17 = 365.5
	// 1 B 365.5
	// 2 A 377.7777777777…
}
