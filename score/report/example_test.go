package report_test

import (
	"os"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// tiny evaluates a price-only lot with two fictional bidders.
func tiny() score.Result {
	d := decimal.RequireFromString
	t := score.Tender{ID: "T/1", Title: "Toner", Commenced: date.On(2026, 1, 5), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots: []score.Lot{{ID: "1", Title: "Toner", EstimatedValue: d("40000"), TermMonths: 12, Policy: score.Policy{
			Criteria: []score.Criterion{{ID: "price", Title: "Price", Weight: d("100"), Price: &criteria.PriceRule{Method: criteria.Relative}}},
		}}}}
	bid := func(id, name, price string) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: name}, Lot: "1",
			Responses: map[string]score.Response{"price": {Price: criteria.Amount(d(price))}}}
	}
	res, _ := score.Evaluate(t, []score.Bid{bid("A", "Ashgrove Supplies Ltd", "30000"), bid("B", "Bramble Office Ltd", "36000")})
	return res
}

func ExampleBidText() {
	res := tiny()
	_ = report.BidText(os.Stdout, res.Lots[0], "B")
	// Output:
	// Lot 1 — Toner
	// Bid B — Bramble Office Ltd: rank 2, 83.33 points
	// ------------------------------------------------
	//   Price (weight 100%, 100 marks)                                     83.33
	//       response: £36,000.00
	//       lowest price in the field: £30,000.00
	//       £30,000.00 ÷ £36,000.00 = 0.8333333333…
	//       0.8333333333… × 100 marks available = 83.3333333333…, rounded 2 dp half-up to 83.33
	//   Total                                                              83.33
	//       total: Price 83.33 (the only one)
}

func ExampleLotText() {
	res := tiny()
	_ = report.LotText(os.Stdout, res.Lots[0])
	// Output:
	// Lot 1 — Toner
	// =============
	// Estimated value £40,000.00 including VAT; term 12 months
	//
	// Outcome: the most advantageous tender is A (Ashgrove Supplies Ltd), 100.00 points
	//
	// Standings
	//   1    A          Ashgrove Supplies Ltd                          100.00
	//   2    B          Bramble Office Ltd                              83.33
	//
	// Rules applied
	//   - basis: weighted points — each criterion's points added up; the highest total wins
	//   - weights: percentages at each level, summing to 100 among siblings (the default)
	//   - rounding: each criterion's weighted points to 2 dp half-up (the default); the total is the sum of the points shown
	//   - price field: the 2 bids not disqualified by then (A, B)
	//
	// Bid A — Ashgrove Supplies Ltd: rank 1, 100.00 points
	// ----------------------------------------------------
	//   Price (weight 100%, 100 marks)                                    100.00
	//       response: £30,000.00
	//       this is the lowest price in the field: £30,000.00 ÷ £30,000.00 = 1
	//       1 × 100 marks available = 100.00
	//   Total                                                             100.00
	//       total: Price 100.00 (the only one)
	//
	// Bid B — Bramble Office Ltd: rank 2, 83.33 points
	// ------------------------------------------------
	//   Price (weight 100%, 100 marks)                                     83.33
	//       response: £36,000.00
	//       lowest price in the field: £30,000.00
	//       £30,000.00 ÷ £36,000.00 = 0.8333333333…
	//       0.8333333333… × 100 marks available = 83.3333333333…, rounded 2 dp half-up to 83.33
	//   Total                                                              83.33
	//       total: Price 83.33 (the only one)
}

func ExampleText() {
	res := tiny()
	res.Lots = nil // just the header here; see ExampleLotText for a lot
	_ = report.Text(os.Stdout, res)
	// Output:
	// T/1 — Toner
	// Authority: Anytown Borough Council (sub-central authority); procurement commenced 5 January 2026 under the Procurement Act 2023
}

func ExampleJSON() {
	res := tiny()
	res.Lots[0].Bids = res.Lots[0].Bids[:0] // keep the example short
	res.Lots[0].Notes = nil
	_ = report.JSON(os.Stdout, res)
	// Output:
	// {
	//   "schemaVersion": "tenderscore.result/1",
	//   "tender": {
	//     "id": "T/1",
	//     "title": "Toner",
	//     "authority": {
	//       "name": "Anytown Borough Council",
	//       "type": "sub-central"
	//     },
	//     "commenced": "2026-01-05",
	//     "regime": "pa-2023"
	//   },
	//   "lots": [
	//     {
	//       "id": "1",
	//       "title": "Toner",
	//       "estimatedValue": "40000",
	//       "termMonths": 12,
	//       "route": {},
	//       "basis": "weighted",
	//       "outcome": "winner",
	//       "winner": "A",
	//       "standings": [
	//         {
	//           "rank": 1,
	//           "bid": "A",
	//           "supplier": {
	//             "id": "A",
	//             "name": "Ashgrove Supplies Ltd"
	//           },
	//           "score": "100.00",
	//           "tied": false
	//         },
	//         {
	//           "rank": 2,
	//           "bid": "B",
	//           "supplier": {
	//             "id": "B",
	//             "name": "Bramble Office Ltd"
	//           },
	//           "score": "83.33",
	//           "tied": false
	//         }
	//       ],
	//       "bids": [],
	//       "tieBreaks": [],
	//       "rounding": [
	//         {
	//           "stage": "points",
	//           "places": 2,
	//           "mode": "half-up"
	//         }
	//       ],
	//       "notes": []
	//     }
	//   ]
	// }
}
