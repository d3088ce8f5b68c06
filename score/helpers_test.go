package score_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decp(s string) *decimal.Decimal {
	v := dec(s)
	return &v
}

// tenderOf wraps one lot in a valid tender.
func tenderOf(l score.Lot) score.Tender {
	return score.Tender{ID: "T-1", Title: "Test tender", Authority: score.Authority{Name: "Anytown Council", Type: score.SubCentral},
		Commenced: date.On(2026, 3, 1), Regime: score.PA2023, Lots: []score.Lot{l}}
}

func lotOf(p score.Policy) score.Lot {
	return score.Lot{ID: "L1", Title: "Lot one", EstimatedValue: dec("500000"), TermMonths: 36, Policy: p}
}

func priceCrit(id, weight string, r criteria.PriceRule) score.Criterion {
	return score.Criterion{ID: id, Title: "Price", Weight: dec(weight), Price: &r}
}

func qualityCrit(id, weight string) score.Criterion {
	return score.Criterion{ID: id, Title: "Question " + id, Weight: dec(weight),
		Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
}

// simplePolicy is price 40 (relative) and one 0–4 quality question worth 60.
func simplePolicy() score.Policy {
	return score.Policy{Criteria: []score.Criterion{
		priceCrit("price", "40", criteria.PriceRule{Method: criteria.Relative}),
		qualityCrit("q", "60"),
	}}
}

func marks(m int64) score.Response {
	return score.Response{Marks: criteria.Marks{
		Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: decimal.NewFromInt(m), Rationale: "seen"}},
		Consensus:  &criteria.Consensus{Mark: decimal.NewFromInt(m), Rationale: fmt.Sprintf("agreed %d", m)}}}
}

func priced(amount string) score.Response { return score.Response{Price: criteria.Amount(dec(amount))} }

// simpleBid bids for lot L1 of simplePolicy.
func simpleBid(id, price string, mark int64) score.Bid {
	return score.Bid{ID: id, Supplier: score.Supplier{ID: "S-" + id, Name: "Supplier " + id}, Lot: "L1",
		Responses: map[string]score.Response{"price": priced(price), "q": marks(mark)}}
}

func mustFraction(num, den string) exact.Fraction {
	f, err := exact.NewFraction(dec(num), dec(den))
	if err != nil {
		panic(err)
	}
	return f
}
