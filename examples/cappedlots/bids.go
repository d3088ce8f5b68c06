package main

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// Every supplier is fictional.
var (
	larkspur = score.Supplier{ID: "SUP-LAR", Name: "Larkspur IT Ltd"}
	beckford = score.Supplier{ID: "SUP-BEC", Name: "Beckford Digital Ltd"}
	corrie   = score.Supplier{ID: "SUP-COR", Name: "Corrie Systems Ltd"}
	dunmore  = score.Supplier{ID: "SUP-DUN", Name: "Dunmore Networks Ltd"}
)

// bid is one tender: its price and its consensus marks for service
// delivery, mobilisation and social value.
func bid(id string, s score.Supplier, lot, price string, delivery, mobilise, sv int64, why string) score.Bid {
	mark := func(m int64) score.Response {
		mk := decimal.NewFromInt(m)
		return score.Response{Marks: criteria.Marks{
			Evaluators: []criteria.EvaluatorMark{{Evaluator: "Evaluator A", Mark: mk}, {Evaluator: "Evaluator B", Mark: mk}},
			Consensus:  &criteria.Consensus{Mark: mk, Rationale: why}}}
	}
	return score.Bid{ID: id, Supplier: s, Lot: lot, Responses: map[string]score.Response{
		lot + "-price":    {Price: criteria.Amount(d(price))},
		lot + "-delivery": mark(delivery),
		lot + "-mobilise": mark(mobilise),
		lot + "-sv":       mark(sv),
	}}
}

func bids() []score.Bid {
	return []score.Bid{
		bid("L-1", larkspur, "1", "1000000", 4, 3, 3, "the response evidences each requirement with named staff and service levels"),
		bid("L-2", beckford, "1", "950000", 3, 3, 2, "a sound response with some requirements addressed only in general terms"),
		bid("L-3", corrie, "1", "1050000", 3, 2, 3, "a sound service model; the mobilisation plan lacks dates"),

		bid("D-1", larkspur, "2", "700000", 4, 4, 3, "the response evidences each requirement with named staff and service levels"),
		bid("D-2", beckford, "2", "690000", 3, 3, 3, "a sound response with some requirements addressed only in general terms"),
		bid("D-4", dunmore, "2", "650000", 3, 2, 2, "a sound service model; the mobilisation plan lacks dates"),

		bid("H-1", larkspur, "3", "1300000", 4, 3, 3, "the response evidences each requirement with named staff and service levels"),
		bid("H-3", corrie, "3", "1280000", 3, 3, 3, "a sound response with some requirements addressed only in general terms"),
		bid("H-4", dunmore, "3", "1350000", 3, 3, 2, "a sound response; social value commitments are not quantified"),
	}
}
