package report_test

import (
	"os"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// twoLots is a two-lot tender scored on price alone, at most one lot per
// supplier, awarded in lot order; Ashgrove is cheapest on both lots.
// Suppliers are fictional.
func twoLots() (score.Tender, []score.Bid) {
	d := decimal.RequireFromString
	lot := func(id, title string) score.Lot {
		return score.Lot{ID: id, Title: title, EstimatedValue: d("50000"), TermMonths: 12, Policy: score.Policy{
			Criteria: []score.Criterion{{ID: "price-" + id, Title: "Price", Weight: d("100"), Price: &criteria.PriceRule{Method: criteria.Relative}}},
		}}
	}
	t := score.Tender{ID: "T/2", Title: "Stationery and toner", Commenced: date.On(2026, 1, 5), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots:      []score.Lot{lot("1", "Stationery"), lot("2", "Toner")},
		LotRules:  &score.LotRules{MaxLotsAwardedPerSupplier: score.Limit(1), Allocation: score.InOrder, Order: score.AsListed},
	}
	ash := score.Supplier{ID: "A", Name: "Ashgrove Supplies Ltd"}
	bra := score.Supplier{ID: "B", Name: "Bramble Office Ltd"}
	bid := func(id string, s score.Supplier, lot, price string) score.Bid {
		return score.Bid{ID: id, Supplier: s, Lot: lot, Responses: map[string]score.Response{"price-" + lot: {Price: criteria.Amount(d(price))}}}
	}
	return t, []score.Bid{bid("A1", ash, "1", "30000"), bid("B1", bra, "1", "36000"), bid("A2", ash, "2", "20000"), bid("B2", bra, "2", "25000")}
}

func ExampleAwardText() {
	t, bids := twoLots()
	a, _ := score.Award(t, bids)
	_ = report.AwardText(os.Stdout, a)
	// Output:
	// Award of T/2 — Stationery and toner
	// ===================================
	//
	// Lot rules applied
	//   - at most 1 lot may be awarded to one supplier (OCDS maximumLotsAwardedPerSupplier); Procurement Act 2023 s.23(4) allows the cap with a published, objective mechanism for deciding which lots a supplier gets
	//   - mechanism: lots awarded one at a time in the declared order, each to the highest-ranked compliant bid whose supplier has not reached the cap; a lot whose compliant bidders are all at the cap is not awarded
	//   - declared order (as the tender lists the lots): lot 1 (£50,000.00), lot 2 (£50,000.00)
	//   - the total is the sum of the awarded bids' totals as shown, each out of 100; a lot not awarded adds nothing
	//
	// Awards, in the declared order
	//   Lot 1 — Stationery
	//     lot 1 goes to A1 (Ashgrove Supplies Ltd), ranked first with 100.00 points
	//   Lot 2 — Toner
	//     lot 2 goes to B2 (Bramble Office Ltd), ranked second with 80.00 points, the highest-ranked bid whose supplier had not reached the cap
	//     passed over: A2 ranked first on lot 2 but Ashgrove Supplies Ltd was already awarded lot 1; the cap is 1; lot 2 goes to the next-ranked bidder B2 (Bramble Office Ltd)
	//
	// Lots by supplier
	//   Ashgrove Supplies Ltd              A        1 of 1  lot 1
	//   Bramble Office Ltd                 B        1 of 1  lot 2
	//
	// Tally: 2 of 2 lots awarded; total score 100.00 + 80.00 = 180.00
}
