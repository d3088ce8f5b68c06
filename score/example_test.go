package score_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// exampleTender is a one-lot tender: price 40 scored relative to the lowest,
// quality 60 on the 0–4 scale, and a Cyber Essentials Plus gate. The
// supplier names are fictional.
func exampleTender() (score.Tender, []score.Bid) {
	d := decimal.RequireFromString
	t := score.Tender{
		ID: "ANY/2026/7", Title: "Service desk", Commenced: date.On(2026, 4, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots: []score.Lot{{ID: "1", Title: "Service desk", EstimatedValue: d("600000"), TermMonths: 36, Policy: score.Policy{
			Gates: []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "ce+", Title: "Cyber Essentials Plus"}},
			Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Weight: d("40"), Price: &criteria.PriceRule{Method: criteria.Relative}},
				{ID: "approach", Title: "Approach", Weight: d("60"),
					Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}},
			},
		}}},
	}
	bid := func(id, name, price string, mark int64, pass bool) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: name}, Lot: "1",
			Gates: map[string]criteria.GateResult{"ce+": {Pass: pass, Reason: map[bool]string{true: "certificate seen", false: "no certificate"}[pass]}},
			Responses: map[string]score.Response{
				"price": {Price: criteria.Amount(d(price))},
				"approach": {Marks: criteria.Marks{
					Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: decimal.NewFromInt(mark)}},
					Consensus:  &criteria.Consensus{Mark: decimal.NewFromInt(mark), Rationale: "agreed at moderation"}}},
			}}
	}
	return t, []score.Bid{
		bid("A", "Alderbank Services Ltd", "500000", 3, true),
		bid("B", "Birchmoor IT Ltd", "400000", 2, true),
		bid("C", "Copperfold Ltd", "300000", 4, false),
	}
}

func ExampleEvaluate() {
	t, bids := exampleTender()
	res, err := score.Evaluate(t, bids)
	if err != nil {
		fmt.Println(err)
		return
	}
	lot := res.Lots[0]
	fmt.Println("outcome:", lot.Outcome, lot.Winner)
	for _, s := range lot.Standings {
		fmt.Println(s.Rank, s.BidID, s.Supplier.Name, s.Score)
	}
	for _, b := range lot.Disqualified() {
		fmt.Println("disqualified:", b.BidID, b.Disqualified.Reasons[0].Text)
	}
	a, _ := lot.Bid("A")
	for _, w := range a.Criteria()[0].Working {
		fmt.Println("A price:", w.Text)
	}
	// Output:
	// outcome: winner A
	// 1 A Alderbank Services Ltd 77.00
	// 2 B Birchmoor IT Ltd 70.00
	// disqualified: C failed the pass/fail requirement: Cyber Essentials Plus: failed — no certificate
	// A price: lowest price in the field: £400,000.00
	// A price: £400,000.00 ÷ £500,000.00 = 0.8
	// A price: 0.8 × 40 marks available = 32.00
}

func ExampleEvaluateLot() {
	t, bids := exampleTender()
	lot, err := score.EvaluateLot(t, "1", bids)
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := lot.Bid("B")
	fmt.Println(b.BidID, b.Rank, b.Total.Points)
	for _, w := range b.Total.Working() {
		fmt.Println(w.Text)
	}
	// Output:
	// B 2 70.00
	// total: Price 40.00 + Approach 30.00 = 70.00
}

func ExampleTender_Validate() {
	t, bids := exampleTender()
	t.Lots[0].Policy.Criteria[1].Weight = decimal.NewFromInt(50)
	bids[1].Responses["price"] = score.Response{Price: criteria.Amount(decimal.Zero)}
	err := t.Validate(bids)
	var verr *score.ValidationError
	if errors.As(err, &verr) {
		for _, p := range verr.Problems {
			fmt.Println(p.Field, "|", p.Rule, "|", p.Value)
		}
	}
	// Output:
	// lots[0].policy.criteria | sum-100 | 90
	// bids[1].responses[price].price.amount | positive | 0
}

func ExamplePolicy_Validate() {
	p := score.Policy{Criteria: []score.Criterion{{ID: "q", Title: "Quality", Weight: decimal.NewFromInt(100)}}}
	fmt.Println(p.Validate())
	// Output:
	// 1 problem in the tender or bids:
	//   criteria[0]: a criterion without sub-criteria needs a scoring rule: price, quality, social value or living wage (value "q", rule rule-required)
}

func ExampleFigure() {
	f := score.Figure{Value: mustFraction("80", "3"), Places: -1}
	fmt.Println(f, f.Text())
	// Output: 26.6666666666… 80/3
}
