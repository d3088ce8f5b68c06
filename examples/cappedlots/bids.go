package main

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// Every supplier is fictional.
var (
	larkspur = supplier("SUP-LAR", "Larkspur IT Ltd", "4 Mill Lane, Ashcombe AB1 2CD", "tenders@larkspur.example")
	beckford = supplier("SUP-BEC", "Beckford Digital Ltd", "Unit 9, Quarry Park, Ashcombe AB3 4EF", "bids@beckford.example")
	corrie   = supplier("SUP-COR", "Corrie Systems Ltd", "12 Harbour Street, Westport WP1 1AA", "contracts@corrie.example")
	dunmore  = supplier("SUP-DUN", "Dunmore Networks Ltd", "The Old Dairy, Dunmore DN2 5GH", "sales@dunmore.example")
	fenwick  = supplier("SUP-FEN", "Fenwick Hosting Ltd", "2 Station Road, Fenwick FK7 8JK", "tenders@fenwick.example")
)

// supplier is a bidder with the details an assessment summary gives
// (Procurement Regulations 2024 reg 31(2)(a)–(c)); the unique identifiers
// are fictional.
func supplier(id, name, address, email string) score.Supplier {
	return score.Supplier{ID: id, Name: name, Address: address, Email: email, Identifier: "GB-PPON-FICT-" + id[4:]}
}

// bid is one tender: its price and its consensus marks for service
// delivery, mobilisation and social value.
func bid(id string, s score.Supplier, lot, price string, delivery, mobilise, sv int64, why string) score.Bid {
	mark := func(m int64) score.Response {
		mk := decimal.NewFromInt(m)
		return score.Response{Marks: criteria.Marks{
			Evaluators: []criteria.EvaluatorMark{{Evaluator: "Evaluator A", Mark: mk}, {Evaluator: "Evaluator B", Mark: mk}},
			Consensus:  &criteria.Consensus{Mark: mk, Rationale: why}}}
	}
	return score.Bid{ID: id, Supplier: s, Lot: lot, Gates: map[string]criteria.GateResult{"insurance": {Pass: true, Evidence: "certificate of insurance"}},
		Responses: map[string]score.Response{
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
		uninsured(bid("H-5", fenwick, "3", "1150000", 3, 3, 3, "not assessed")),
	}
}

// uninsured is a tender from a supplier without the professional indemnity
// insurance the conditions of participation require: it is disregarded
// (Procurement Act 2023 s.19(3)(a)) and takes no part — its lower price is
// not the lowest in the field.
func uninsured(b score.Bid) score.Bid {
	b.Gates = map[string]criteria.GateResult{"insurance": {Pass: false, Reason: "the certificate supplied covers £2m for each claim, not £5m"}}
	return b
}
