package main

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// tender is one open procedure with three lots and a two-lot cap.
func tender() score.Tender {
	return score.Tender{
		ID: "ABC/IT/2026/07", Title: "IT services (three lots)",
		Authority: score.Authority{Name: "Ashcombe Borough Council", Type: score.SubCentral, Nation: score.England},
		Commenced: date.On(2026, 5, 11), Regime: score.PA2023,
		Route:     score.Route{Procedure: score.OpenProcedure},
		Documents: "the tender notice ABC/IT/2026/07 and its invitation to tender, part B (award criteria and assessment methodology)",
		Evaluation: &score.Evaluation{
			Panel: []score.Evaluator{
				{Name: "Evaluator A", Role: "Head of digital services", Conflicts: "none"},
				{Name: "Evaluator B", Role: "Senior procurement officer", Conflicts: "none"},
			},
			Completed: date.On(2026, 8, 20), Reported: date.On(2026, 8, 24),
		},
		Lots: []score.Lot{
			lot("1", "Service desk", "1200000"),
			lot("2", "Device support", "800000"),
			lot("3", "Hosting", "1500000"),
		},
		LotRules: &score.LotRules{
			MaxLotsAwardedPerSupplier: score.Limit(2),
			Allocation:                score.InOrder,
			Order:                     score.ValueDescending,
			Description: "No supplier will be awarded more than two lots. Lots will be awarded in descending order of estimated value; " +
				"each lot goes to the highest-ranked bidder that has not already been awarded two lots.",
		},
	}
}

// lot is price 40 (lowest price ÷ this price), quality 50 in two questions
// and social value 10 in one, each marked 0–4 by consensus.
func lot(id, title, value string) score.Lot {
	q := func(qid, t, w string) score.Criterion {
		return score.Criterion{ID: id + "-" + qid, Title: t, Weight: d(w),
			Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
	}
	sv := q("sv", "Social value commitments delivered under the contract", "10")
	sv.Category = score.SocialValue
	return score.Lot{ID: id, Title: title, EstimatedValue: d(value), TermMonths: 36, Policy: score.Policy{
		Gates: []criteria.Gate{{Kind: criteria.ConditionOfParticipation, ID: "insurance", Title: "Professional indemnity insurance",
			Requirement: "professional indemnity insurance of at least £5m for each claim"}},
		Criteria: []score.Criterion{
			{ID: id + "-price", Title: "Price", Weight: d("40"), Description: "total price for 36 months, excluding VAT",
				Price: &criteria.PriceRule{Method: criteria.Relative}},
			{ID: id + "-quality", Title: "Quality", Weight: d("50"), Children: []score.Criterion{
				q("delivery", "Service delivery", "60"),
				q("mobilise", "Mobilisation and exit", "40"),
			}},
			sv,
		},
		TieBreaks: []score.TieBreak{{Kind: score.HigherPoints, Criterion: id + "-quality"}, {Kind: score.LowerPrice}},
	}}
}
