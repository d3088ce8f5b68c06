package score_test

import (
	"bytes"
	"testing"

	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// FuzzEvaluateField fuzzes the engine through the property tests'
// generators (rapid.MakeFuzz), so that every execution is a valid field —
// a drawn price method and rounding, up to seven bids with drawn prices and
// marks — and checks what must hold of any result (issue 11): every scored
// line's points within [0, what it makes available], each branch the sum
// of its children as shown, the total the sum of the top level, and the
// same result, byte for byte, under a drawn order of the bids.
func FuzzEvaluateField(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(func(t *rapid.T) {
		p := propPolicy(t)
		bids := propBids(t)
		tn := tenderOf(lotOf(p))
		res, err := score.Evaluate(tn, bids)
		if err != nil {
			t.Fatalf("a valid field does not evaluate: %v", err)
		}
		for _, b := range res.Lots[0].Bids {
			if b.Total.Scored {
				checkPoints(t, b)
			}
		}
		perm := rapid.Permutation(bids).Draw(t, "order")
		again, err := score.Evaluate(tn, perm)
		if err != nil {
			t.Fatalf("the field in another order does not evaluate: %v", err)
		}
		var a, b bytes.Buffer
		if err := report.JSON(&a, res); err != nil {
			t.Fatal(err)
		}
		if err := report.JSON(&b, again); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Fatalf("the order of the bids changed the result")
		}
	}))
}

// checkPoints checks one scored bid's lines: the unrounded points within
// [0, available], and the points shown when the line is not rounded; each
// branch the sum of its children as shown; the total the sum of the top
// level.
func checkPoints(t *rapid.T, b score.BidResult) {
	var line func(c score.Line)
	line = func(c score.Line) {
		if !c.Scored {
			return
		}
		if c.Unrounded.Sign() < 0 || c.Unrounded.Cmp(c.Available) > 0 {
			t.Fatalf("bid %s, %s: %s points of %s available", b.BidID, c.CriterionID, c.Unrounded, c.Available)
		}
		if c.Rounding == nil && (c.Points.Value.Sign() < 0 || c.Points.Value.Cmp(c.Available) > 0) {
			t.Fatalf("bid %s, %s: shows %s points of %s available", b.BidID, c.CriterionID, c.Points, c.Available)
		}
		if len(c.Children) == 0 {
			return
		}
		sum := exact.Zero
		for _, ch := range c.Children {
			line(ch)
			sum = sum.Add(ch.Points.Value)
		}
		if !sum.Equal(c.Unrounded) {
			t.Fatalf("bid %s, %s: children show %s, the branch %s", b.BidID, c.CriterionID, sum, c.Unrounded)
		}
	}
	sum := exact.Zero
	for _, c := range b.Criteria() {
		line(c)
		sum = sum.Add(c.Points.Value)
	}
	if !sum.Equal(b.Total.Unrounded) {
		t.Fatalf("bid %s: criteria show %s, the total %s", b.BidID, sum, b.Total.Unrounded)
	}
	if b.Total.Rounding == nil && !sum.Equal(b.Total.Points.Value) {
		t.Fatalf("bid %s: criteria show %s, the total shows %s", b.BidID, sum, b.Total.Points)
	}
}
