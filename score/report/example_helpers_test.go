package report_test

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// tinyTender is the tender and bids behind tiny() in example_test.go, for
// the examples that re-score: two fictional bidders on price alone.
func tinyTender() (score.Tender, []score.Bid) {
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
	return t, []score.Bid{bid("A", "Ashgrove Supplies Ltd", "30000"), bid("B", "Bramble Office Ltd", "36000")}
}
