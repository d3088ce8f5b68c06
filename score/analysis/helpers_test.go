package analysis_test

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// bidSpec is one fictional bidder's price and consensus marks on q1, q2.
type bidSpec struct {
	id, name, price string
	q1, q2          int64
	pass            bool
}

// fixture is a one-lot tender: price 40 (relative), quality 60 in two
// questions (q1 60%, q2 40%) marked 0–4 by consensus, one gate, and the
// tie-break chain quality points then lower price.
func fixture(method criteria.PriceMethod, specs ...bidSpec) (score.Tender, []score.Bid) {
	rule := &criteria.PriceRule{Method: method}
	t := score.Tender{ID: "FIX/1", Title: "Fixture", Commenced: date.On(2026, 4, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots: []score.Lot{{ID: "L1", Title: "Help desk", EstimatedValue: d("900000"), TermMonths: 36, Policy: score.Policy{
			Gates: []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "ins", Title: "Insurance"}},
			Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Weight: d("40"), Price: rule},
				{ID: "quality", Title: "Quality", Weight: d("60"), Children: []score.Criterion{
					{ID: "q1", Title: "Approach", Weight: d("60"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}},
					{ID: "q2", Title: "Mobilisation", Weight: d("40"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}},
				}},
			},
			TieBreaks: []score.TieBreak{{Kind: score.HigherPoints, Criterion: "quality"}, {Kind: score.LowerPrice}},
		}}},
	}
	var bids []score.Bid
	for _, s := range specs {
		bids = append(bids, bidOf(s))
	}
	return t, bids
}

func consensus(m int64) score.Response {
	return score.Response{Marks: criteria.Marks{
		Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: decimal.NewFromInt(m)}},
		Consensus:  &criteria.Consensus{Mark: decimal.NewFromInt(m), Rationale: "agreed at moderation"}}}
}

func bidOf(s bidSpec) score.Bid {
	reason := "cover confirmed"
	if !s.pass {
		reason = "no cover"
	}
	return score.Bid{ID: s.id, Supplier: score.Supplier{ID: "S-" + s.id, Name: s.name}, Lot: "L1",
		Gates: map[string]criteria.GateResult{"ins": {Pass: s.pass, Reason: reason}},
		Responses: map[string]score.Response{
			"price": {Price: criteria.Amount(d(s.price))},
			"q1":    consensus(s.q1),
			"q2":    consensus(s.q2),
		}}
}

// standard is the field most tests use: four compliant fictional bidders
// and one that fails the gate.
func standard() (score.Tender, []score.Bid) {
	return fixture(criteria.Relative,
		bidSpec{"A", "Alderbank Services Ltd", "500000", 4, 3, true},
		bidSpec{"B", "Birchmoor IT Ltd", "400000", 3, 3, true},
		bidSpec{"C", "Copperfold Ltd", "300000", 2, 2, true},
		bidSpec{"D", "Dunmore Digital Ltd", "650000", 4, 4, true},
		bidSpec{"E", "Elmstead Systems Ltd", "250000", 4, 4, false},
	)
}
