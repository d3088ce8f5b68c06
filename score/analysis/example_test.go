package analysis_test

import (
	"fmt"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
)

// pair is a two-bid field: Wrenfield (£100,000, marks 3 and 3, 85 points)
// wins; Birchmoor (£150,000, marks 4 and 3, 80.67 points) does not.
// Both are fictional.
func pair() (score.Tender, []score.Bid) {
	return fixture(criteria.Relative,
		bidSpec{"W", "Wrenfield Ltd", "100000", 3, 3, true},
		bidSpec{"B", "Birchmoor IT Ltd", "150000", 4, 3, true})
}

func ExampleWhatItTakes() {
	tn, bids := pair()
	ws, _ := analysis.WhatItTakes(tn, "L1", bids)
	for _, w := range ws {
		fmt.Println(w.Price.Explanation())
		fmt.Println(w.Marks.Explanation())
	}
	// Output:
	// B would win at a price of £129,053.07 or less: £20,946.93 (13.96…%) below its £150,000.00. Re-scored: B at £129,053.07: wins (B 85.00, W 85.00); B at £129,053.08: does not win (B 84.99, W 85.00)
	// B would win with 1 more step on the marking scales, adding 6 points: Mobilisation: consensus mark 3 → 4. Re-scored: B with 1 more step: wins (B 86.67, W 85.00); the best with one step fewer: B as marked: does not win (B 80.67, W 85.00)
}

// ExampleCheck reads the re-scorings that confirm an answer, each part
// worded when asked for.
func ExampleCheck() {
	tn, bids := pair()
	ws, _ := analysis.WhatItTakes(tn, "L1", bids)
	for _, c := range ws[0].Price.Checks {
		fmt.Printf("%s | %s | holds %v | %s\n", c.Change(), c.Verdict(), c.Holds, c.Scores())
	}
	// Output:
	// B at £129,053.07 | wins | holds true | B 85.00, W 85.00
	// B at £129,053.08 | does not win | holds false | B 84.99, W 85.00
}

func ExampleWeightSensitivity() {
	tn, bids := pair()
	s, _ := analysis.WeightSensitivity(tn, "L1", bids)
	fmt.Println(s.Robustness)
	fmt.Println(s.Shifts[0].Explanation())
	// Output:
	// moderately-robust
	// moving 8.96 percentage points of weight from Price to Quality puts B above W (then B wins). Re-scored: 8.96 percentage points moved: B ranks above W (B 82.76, W 82.76); 8.95 percentage points moved: B does not rank above W (B 82.76, W 82.77)
}

// A bid below a minimum score that a shift of weight lifts over it is
// searched as a rival is (Sensitivity.Joining), where its joining moves no
// figure the others are scored against: here, under a minimum quality
// score of 40% counting social value, J (£300,000, not the lowest price)
// passes it from 10 points moved from apprenticeships to quality, and
// ranks above W from 10.01, where W falls below it.
func ExampleWeightSensitivity_joining() {
	tn, bids := underAMinimum([]int64{4, 1, 0}, bidSpec{"W", "Wexcombe Services Ltd", "100000", 1, 1, true},
		bidSpec{"R", "Rowanmere Ltd", "200000", 3, 3, true}, bidSpec{"J", "Juniper Vale Ltd", "300000", 2, 2, true})
	s, _ := analysis.WeightSensitivity(tn, "L1", bids)
	for _, j := range s.Joining {
		fmt.Println(j.Rival, j.Points, j.From, "→", j.To)
	}
	// Output:
	// J 10.01 appr → quality
}

func ExampleRankReversals() {
	tn, bids := standard()
	rs, _ := analysis.RankReversals(tn, "L1", bids)
	for _, r := range rs {
		fmt.Println(r.Explanation)
	}
	// Output:
	// without C: A moves above D; B moves above D; the lot would be won by A instead of D
}

func ExampleAbnormallyLow() {
	tn, bids := standard()
	res, _ := score.Evaluate(tn, bids)
	flags, _ := analysis.AbnormallyLow(res.Lots[0], bids, analysis.PercentBelowNextBid(d("20"), true))
	for _, f := range flags {
		fmt.Println(f.BidID, f.Action, f.Below.String()+"% below", f.Compared)
	}
	// Output:
	// A investigate 23.0769230769…% below 650000
	// B investigate 20% below 500000
	// C investigate 25% below 400000
}

func ExampleScottishHandbookRule() {
	tn, bids := standard()
	res, _ := score.Evaluate(tn, bids)
	flags, _ := analysis.AbnormallyLow(res.Lots[0], bids, analysis.ScottishHandbookRule())
	for _, f := range flags {
		fmt.Println(f.BidID, f.Price, f.Action)
	}
	// Output:
	// C 300000 investigate
}

func ExampleProZorroRules() {
	tn, bids := standard()
	res, _ := score.Evaluate(tn, bids)
	flags, _ := analysis.AbnormallyLow(res.Lots[0], bids, analysis.ProZorroRules()...)
	fmt.Println(len(flags), "flags: the winner D is the highest price")
	// Output:
	// 0 flags: the winner D is the highest price
}

func ExampleAnalyse() {
	tn, bids := standard()
	a, _ := analysis.Analyse(tn, "L1", bids)
	fmt.Println(a.Winner, len(a.ToWin), "bids could have won;", len(a.Reversals), "removal reorders the field;", len(a.LowPrice), "price flagged")
	fmt.Println(a.Sensitivity.Robustness)
	// Output:
	// D 3 bids could have won; 1 removal reorders the field; 1 price flagged
	// sensitive
}

func ExampleAnalysePrepared() {
	tn, bids := standard()
	p, err := score.Prepare(tn, bids) // validated once: the command scores and analyses the same prepared tender
	if err != nil {
		fmt.Println(err)
		return
	}
	a, _ := analysis.AnalysePrepared(p, "L1")
	fmt.Println(a.Winner, a.Sensitivity.Robustness)
	// Output:
	// D sensitive
}

func ExampleAnalyseAll() {
	tn, bids := standard()
	as, _ := analysis.AnalyseAll(tn, bids)
	for _, a := range as {
		fmt.Println(a.LotID, a.Winner)
	}
	// Output:
	// L1 D
}

func ExamplePercentBelowMeanOfOthers() {
	tn, bids := standard()
	res, _ := score.Evaluate(tn, bids)
	flags, _ := analysis.AbnormallyLow(res.Lots[0], bids, analysis.PercentBelowMeanOfOthers(d("25"), false))
	for _, f := range flags {
		fmt.Println(f.BidID, f.Price, "is", f.Below.String()+"% below", f.Compared)
	}
	// Output:
	// C 300000 is 41.9354838709…% below 516666.6666666666…
}
