package scoretest_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/scoretest"
)

// printT stands in for *testing.T in the examples: it prints what a test
// would report.
type printT struct{ failed bool }

func (t *printT) Helper() {}
func (t *printT) Errorf(format string, args ...any) {
	t.failed = true
	fmt.Printf("FAIL: "+format+"\n", args...)
}
func (t *printT) Logf(format string, args ...any) { fmt.Printf("log: "+format+"\n", args...) }
func (t *printT) FailNow()                        {}

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// tender is a one-lot tender: price 40, quality 60, a pass/fail gate.
func tender(weighting score.Weighting) score.Tender {
	return score.Tender{ID: "ANY/2026/7", Title: "Service desk", Regime: score.PA2023, Commenced: date.On(2026, 4, 1),
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots: []score.Lot{{ID: "1", Title: "Service desk", EstimatedValue: d("600000"), TermMonths: 36, Policy: score.Policy{
			Weighting: weighting,
			Gates:     []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "ce-plus", Title: "Cyber Essentials Plus", Requirement: "a current certificate"}},
			Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Weight: d("40"), Price: &criteria.PriceRule{Method: criteria.Relative}},
				{ID: "quality", Title: "Quality", Weight: d("60"), Children: []score.Criterion{
					{ID: "approach", Title: "Approach", Weight: d("50"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}},
					{ID: "team", Title: "Team", Weight: d("50"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}},
				}},
			}}}}}
}

// A Field builds synthetic bids around a policy, the same for the same
// seed.
func ExampleField() {
	t := &printT{}
	f := scoretest.NewField(t, tender(""), "1", 3, 42)
	f.MinPrice, f.MaxPrice = d("400000"), d("500000")
	for _, b := range f.Bids() {
		fmt.Println(b.ID, b.Supplier.Name, b.Responses["price"].Price.Amount, b.Responses["approach"].Marks.Consensus.Mark)
	}
	// Output:
	// B-001 Synthetic Supplier 1 Ltd 445402 4
	// B-002 Synthetic Supplier 2 Ltd 434538 4
	// B-003 Synthetic Supplier 3 Ltd 426200 1
}

// Assertions report the standings when they fail.
func ExampleAssertWinner() {
	t := &printT{}
	bids := scoretest.NewField(t, tender(""), "1", 3, 42).Bids()
	res := scoretest.EvaluateLot(t, tender(""), "1", bids)
	scoretest.AssertWinner(t, res, "B-002")
	scoretest.AssertWinner(t, res, "B-001")
	// Output:
	// FAIL: lot 1 winner:
	// 	want: B-001
	// 	got:  B-002
	// 	standings: 1 B-002 98.41, 2 B-001 89.02, 3 B-003 55.00
}

// AssertRank checks a bid's place.
func ExampleAssertRank() {
	t := &printT{}
	res := scoretest.EvaluateLot(t, tender(""), "1", scoretest.NewField(t, tender(""), "1", 3, 42).Bids())
	fmt.Println(scoretest.AssertRank(t, res, "B-003", 3))
	// Output: true
}

// AssertDisqualified checks that a bid is out, and why.
func ExampleAssertDisqualified() {
	t := &printT{}
	bids := scoretest.NewField(t, tender(""), "1", 3, 42).Bids()
	bids[1].Gates["ce-plus"] = criteria.GateResult{Pass: false, Reason: "certificate expired"}
	res := scoretest.EvaluateLot(t, tender(""), "1", bids)
	fmt.Println(scoretest.AssertDisqualified(t, res, "B-002", "Cyber Essentials"))
	scoretest.AssertCompliant(t, res, "B-002")
	// Output:
	// true
	// FAIL: lot 1 bid B-002:
	// 	want: compliant
	// 	got:  disqualified at the gate stage: failed the pass/fail requirement: Cyber Essentials Plus: failed — certificate expired
}

// AssertExplains checks what a bid's explanation says.
func ExampleAssertExplains() {
	t := &printT{}
	res := scoretest.Evaluate(t, tender(""), scoretest.NewField(t, tender(""), "1", 3, 42).Bids())
	fmt.Println(scoretest.AssertExplains(t, res.Lots[0], "B-001", "£482,880.00 ÷ £528,964.00"))
	// Output: true
}

// CheckPolicy runs every property check; a sound policy passes.
func ExampleCheckPolicy() {
	t := &printT{}
	f := scoretest.NewField(t, tender(""), "1", 6, 1)
	r := scoretest.CheckPolicy(t, f.Tender, f.Lot, f.Bids())
	fmt.Println(r.OK(), t.failed)
	// Output: true false
}

// A draft whose percent-of-total weights were entered as percentages of
// their parent is caught.
func ExampleCheckWeightsSum() {
	for _, v := range scoretest.CheckWeightsSum(tender(score.PercentOfTotal), "1") {
		fmt.Println(v)
	}
	// Output:
	// weights-sum: lot 1: policy.criteria[1].children: the weights here sum to 100, not their parent's weight 60 (value "100")
}

// Each check can be run on its own, returning what it found.
func ExampleCheckPriceMonotonicity() {
	t := &printT{}
	f := scoretest.NewField(t, tender(""), "1", 5, 3)
	vs, err := scoretest.CheckPriceMonotonicity(f.Tender, f.Lot, f.Bids())
	fmt.Println(len(vs), err)
	// Output: 0 <nil>
}

// The other checks work the same way.
func ExampleCheckQualityMonotonicity() {
	t := &printT{}
	f := scoretest.NewField(t, tender(""), "1", 5, 3)
	for _, check := range []func(score.Tender, string, []score.Bid) ([]scoretest.Violation, error){
		scoretest.CheckQualityMonotonicity, scoretest.CheckOrderInvariance, scoretest.CheckGateFailureNeverWins, scoretest.CheckDeterminism,
	} {
		vs, err := check(f.Tender, f.Lot, f.Bids())
		fmt.Println(len(vs), err)
	}
	// Output:
	// 0 <nil>
	// 0 <nil>
	// 0 <nil>
	// 0 <nil>
}

// Rank reversals are reported, not failed.
func ExampleRankReversals() {
	t := &printT{}
	f := scoretest.NewField(t, tender(""), "1", 8, 5)
	notes, err := scoretest.RankReversals(f.Tender, f.Lot, f.Bids())
	fmt.Println(len(notes) >= 0, err)
	// Output: true <nil>
}

// A Checker runs the checks through another evaluator: here a pipeline
// that loses the last bid to arrive, which the order check catches.
func ExampleChecker() {
	f := scoretest.NewField(&printT{}, tender(""), "1", 3, 42)
	lossy := scoretest.Checker{Evaluate: func(tn score.Tender, lot string, bids []score.Bid) (score.LotResult, error) {
		return score.EvaluateLot(tn, lot, bids[:len(bids)-1])
	}}
	vs, err := lossy.CheckOrderInvariance(f.Tender, f.Lot, f.Bids())
	fmt.Println(vs[0], err)
	// Output: order-invariance: lot 1: the bids in the order B-003, B-002, B-001 give a different result <nil>
}
