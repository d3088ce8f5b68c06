package score_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// groundsTender is a three-lot tender scored on price alone (lowest price ÷
// this price × 100), capped at one lot per supplier, lots awarded in
// descending order of value. Alder Grounds Ltd is cheapest on every lot;
// Birch is close behind it on lot 1 and far behind on lot 3, so awarding in
// order (Alder takes lot 1) and maximising the total (Alder takes lot 3)
// differ. The council and suppliers are fictional.
func groundsTender() (score.Tender, []score.Bid) {
	d := decimal.RequireFromString
	lot := func(id, title, value string) score.Lot {
		return score.Lot{ID: id, Title: title, EstimatedValue: d(value), TermMonths: 36, Policy: score.Policy{
			Criteria: []score.Criterion{{ID: "price-" + id, Title: "Price", Weight: d("100"), Price: &criteria.PriceRule{Method: criteria.Relative}}},
		}}
	}
	t := score.Tender{ID: "ANY/GM/1", Title: "Grounds maintenance", Commenced: date.On(2026, 4, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots:      []score.Lot{lot("1", "Parks", "300000"), lot("2", "Cemeteries", "200000"), lot("3", "Verges", "100000")},
		LotRules:  &score.LotRules{MaxLotsAwardedPerSupplier: score.Limit(1), Allocation: score.InOrder, Order: score.ValueDescending},
	}
	suppliers := map[string]score.Supplier{
		"A": {ID: "A", Name: "Alder Grounds Ltd"}, "B": {ID: "B", Name: "Birch Landscapes Ltd"}, "C": {ID: "C", Name: "Cedar Estates Ltd"},
	}
	var bids []score.Bid
	for _, b := range []struct{ lot, sup, price string }{
		{"1", "A", "1000"}, {"1", "B", "1020"}, {"1", "C", "2000"},
		{"2", "A", "1000"}, {"2", "B", "1500"}, {"2", "C", "1200"},
		{"3", "A", "1000"}, {"3", "B", "2000"}, {"3", "C", "2500"},
	} {
		bids = append(bids, score.Bid{ID: b.lot + "-" + b.sup, Supplier: suppliers[b.sup], Lot: b.lot,
			Responses: map[string]score.Response{"price-" + b.lot: {Price: criteria.Amount(d(b.price))}}})
	}
	return t, bids
}

func ExampleAward() {
	t, bids := groundsTender()
	a, err := score.Award(t, bids)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, id := range a.Order {
		l, _ := a.Lot(id)
		fmt.Println(l.Explanation)
		for _, p := range l.PassedOver {
			fmt.Println("  passed over:", p.Reason)
		}
	}
	fmt.Println(a.Tally)
	// Output:
	// lot 1 goes to 1-A (Alder Grounds Ltd), ranked first with 100.00 points
	// lot 2 goes to 2-C (Cedar Estates Ltd), ranked second with 83.33 points, the highest-ranked bid whose supplier had not reached the cap
	//   passed over: 2-A ranked first on lot 2 but Alder Grounds Ltd was already awarded lot 1; the cap is 1; lot 2 goes to the next-ranked bidder 2-C (Cedar Estates Ltd)
	// lot 3 goes to 3-B (Birch Landscapes Ltd), ranked second with 50.00 points, the highest-ranked bid whose supplier had not reached the cap
	//   passed over: 3-A ranked first on lot 3 but Alder Grounds Ltd was already awarded lot 1; the cap is 1; lot 3 goes to the next-ranked bidder 3-B (Birch Landscapes Ltd)
	// 3 lots, total 233.33
}

func ExampleAward_maxTotalScore() {
	t, bids := groundsTender()
	t.LotRules.Allocation = score.MaxTotalScore
	a, err := score.Award(t, bids)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range a.Lots {
		fmt.Printf("lot %s: %s (%s)\n", l.LotID, l.BidID, l.Supplier.Name)
	}
	fmt.Println(a.Tally)
	l1, _ := a.Lot("1")
	fmt.Println("for the authority:", l1.PassedOver[0].Reason)
	fmt.Println("for Alder's summary:", a.Explain("1", "1-A"))
	// Output:
	// lot 1: 1-B (Birch Landscapes Ltd)
	// lot 2: 2-C (Cedar Estates Ltd)
	// lot 3: 3-A (Alder Grounds Ltd)
	// 3 lots, total 281.37
	// for the authority: 1-A ranked first on lot 1 but the allocation with the highest total score awards Alder Grounds Ltd lot 3, and the cap is 1; with lot 1 awarded to 1-A instead, the best allocation would total 233.33 against 281.37; lot 1 goes to the next-ranked bidder 1-B (Birch Landscapes Ltd)
	// for Alder's summary: 1-A ranked first on lot 1 but the allocation with the highest total score awards Alder Grounds Ltd lot 3, and the cap is 1; with lot 1 awarded to 1-A instead, the best allocation would have a lower total score; lot 1 goes to the next-ranked bidder 1-B (Birch Landscapes Ltd)
}

func ExampleAwardResult_Explain() {
	t, bids := groundsTender()
	a, _ := score.Award(t, bids)
	// For each bidder's assessment summary: its own bid on lot 2.
	for _, bid := range []string{"2-A", "2-B", "2-C"} {
		fmt.Printf("%s: %s\n", bid, a.Explain("2", bid))
	}
	// Output:
	// 2-A: 2-A ranked first on lot 2 but Alder Grounds Ltd was already awarded lot 1; the cap is 1; lot 2 goes to the next-ranked bidder 2-C (Cedar Estates Ltd)
	// 2-B: not awarded lot 2: it goes to 2-C (Cedar Estates Ltd), which ranks above it
	// 2-C: awarded lot 2 with 83.33 points, under the published allocation of lots (at most 1 per supplier; lots awarded in the declared order, each to the highest-ranked bid whose supplier has not reached the cap)
}
