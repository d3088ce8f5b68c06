package score_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// propPolicy draws a policy: price 40 by one of the methods, and a quality
// criterion of two questions, with a drawn rounding.
func propPolicy(t *rapid.T) score.Policy {
	method := rapid.SampledFrom([]criteria.PriceMethod{criteria.Relative, criteria.Linear, criteria.Band, criteria.Deduction}).Draw(t, "method")
	rule := criteria.PriceRule{Method: method}
	switch method {
	case criteria.Band:
		rule.Floor, rule.Ceiling = dec("2000"), dec("8000")
	case criteria.Deduction:
		rule.Rate = decimal.NewFromInt(int64(rapid.IntRange(1, 3).Draw(t, "rate")))
	}
	rounding := rapid.SampledFrom([][]score.RoundingRule{
		nil,
		{{Stage: score.LeafPoints, Places: 2, Mode: exact.HalfEven}},
		{{Stage: score.Total, Places: 1, Mode: exact.HalfUp}},
		{{Stage: score.TopLevel, Places: 2, Mode: exact.Down}},
	}).Draw(t, "rounding")
	return score.Policy{Rounding: rounding, Criteria: []score.Criterion{
		priceCrit("price", "40", rule),
		{ID: "quality", Title: "Quality", Weight: dec("60"), Children: []score.Criterion{qualityCrit("q1", "70"), qualityCrit("q2", "30")}},
	}, TieBreaks: []score.TieBreak{{Kind: score.HigherPoints, Criterion: "quality"}, {Kind: score.LowerPrice}}}
}

func propBids(t *rapid.T) []score.Bid {
	n := rapid.IntRange(1, 7).Draw(t, "bids")
	var bids []score.Bid
	for i := range n {
		id := fmt.Sprintf("B%d", i)
		price := decimal.New(int64(rapid.IntRange(100, 1_000_000).Draw(t, "price"+id)), -2) // £1.00 to £10,000.00
		bids = append(bids, score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
			Responses: map[string]score.Response{
				"price": {Price: criteria.Amount(price)},
				"q1":    marks(int64(rapid.IntRange(0, 4).Draw(t, "q1"+id))),
				"q2":    marks(int64(rapid.IntRange(0, 4).Draw(t, "q2"+id))),
			}})
	}
	return bids
}

func evalProp(t *rapid.T, p score.Policy, bids []score.Bid) score.LotResult {
	res, err := score.Evaluate(tenderOf(lotOf(p)), bids)
	if err != nil {
		t.Fatalf("evaluate: %v", err)
	}
	return res.Lots[0]
}

func lineOf(b score.BidResult, id string) score.Line {
	var find func([]score.Line) *score.Line
	find = func(ls []score.Line) *score.Line {
		for i := range ls {
			if ls[i].CriterionID == id {
				return &ls[i]
			}
			if c := find(ls[i].Children); c != nil {
				return c
			}
		}
		return nil
	}
	if l := find(b.Criteria()); l != nil {
		return *l
	}
	return score.Line{}
}

// A lower price never lowers that bid's price score, whatever the method.
func TestPropertyLowerPriceNeverScoresLess(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := propPolicy(t)
		bids := propBids(t)
		i := rapid.IntRange(0, len(bids)-1).Draw(t, "which")
		before := evalProp(t, p, bids)
		old := *bids[i].Responses["price"].Price.Amount
		cut := decimal.New(int64(rapid.IntRange(1, 99).Draw(t, "cutPercent")), -2) // 1%–99% off
		lower := old.Sub(old.Mul(cut)).Round(2)
		if lower.Sign() <= 0 {
			return
		}
		bids[i].Responses["price"] = score.Response{Price: criteria.Amount(lower)}
		after := evalProp(t, p, bids)
		b0, _ := before.Bid(bids[i].ID)
		b1, _ := after.Bid(bids[i].ID)
		s0, s1 := lineOf(b0, "price").Unrounded, lineOf(b1, "price").Unrounded
		if s1.Cmp(s0) < 0 {
			t.Fatalf("price %s → %s lowered the price score %s → %s", old, lower, s0, s1)
		}
	})
}

// A higher mark never lowers that bid's quality score.
func TestPropertyHigherMarkNeverScoresLess(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := propPolicy(t)
		bids := propBids(t)
		i := rapid.IntRange(0, len(bids)-1).Draw(t, "which")
		q := rapid.SampledFrom([]string{"q1", "q2"}).Draw(t, "question")
		old := bids[i].Responses[q].Marks.Consensus.Mark.IntPart()
		if old == 4 {
			return
		}
		before := evalProp(t, p, bids)
		bids[i].Responses[q] = marks(old + 1)
		after := evalProp(t, p, bids)
		b0, _ := before.Bid(bids[i].ID)
		b1, _ := after.Bid(bids[i].ID)
		if lineOf(b1, "quality").Points.Value.Cmp(lineOf(b0, "quality").Points.Value) < 0 {
			t.Fatalf("mark %d → %d on %s lowered quality", old, old+1, q)
		}
	})
}

// The order the bids arrive in never changes the result: the JSON is
// byte-identical.
func TestPropertyBidOrderNeverMatters(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := propPolicy(t)
		bids := propBids(t)
		perm := rapid.Permutation(bids).Draw(t, "order")
		var a, b bytes.Buffer
		ra, err := score.Evaluate(tenderOf(lotOf(p)), bids)
		require.NoError(t, err)
		rb, err := score.Evaluate(tenderOf(lotOf(p)), perm)
		require.NoError(t, err)
		require.NoError(t, report.JSON(&a, ra))
		require.NoError(t, report.JSON(&b, rb))
		if a.String() != b.String() {
			t.Fatalf("the order of bids changed the result")
		}
	})
}

// The points shown add up: every branch is the sum of its children as
// shown (unless the policy rounds that branch itself), and the total is the
// sum of the top level (unless the policy rounds the total).
func TestPropertyPointsAddUp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := propPolicy(t)
		l := evalProp(t, p, propBids(t))
		for _, b := range l.Bids {
			if !b.Total.Scored {
				continue
			}
			sum := exact.Zero
			for _, c := range b.Criteria() {
				checkBranch(t, c)
				sum = sum.Add(c.Points.Value)
			}
			if b.Total.Rounding == nil && !sum.Equal(b.Total.Points.Value) {
				t.Fatalf("bid %s: top level sums to %s, total shows %s", b.BidID, sum, b.Total.Points)
			}
			if b.Total.Rounding != nil && !exact.Whole(b.Total.Rounding.Apply(sum)).Equal(b.Total.Points.Value) {
				t.Fatalf("bid %s: rounded total %s is not %s rounded", b.BidID, b.Total.Points, sum)
			}
		}
	})
}

func checkBranch(t *rapid.T, c score.Line) {
	if len(c.Children) == 0 {
		return
	}
	sum := exact.Zero
	for _, ch := range c.Children {
		checkBranch(t, ch)
		sum = sum.Add(ch.Points.Value)
	}
	if !sum.Equal(c.Unrounded) {
		t.Fatalf("%s: children sum to %s, unrounded shows %s", c.CriterionID, sum, c.Unrounded)
	}
	if c.Rounding == nil && !sum.Equal(c.Points.Value) {
		t.Fatalf("%s: children sum to %s, points show %s", c.CriterionID, sum, c.Points)
	}
}

// Determinism: evaluating twice gives the same bytes.
func TestPropertyDeterministic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := propPolicy(t)
		bids := propBids(t)
		var a, b bytes.Buffer
		r1, _ := score.Evaluate(tenderOf(lotOf(p)), bids)
		r2, _ := score.Evaluate(tenderOf(lotOf(p)), bids)
		require.NoError(t, report.Text(&a, r1))
		require.NoError(t, report.Text(&b, r2))
		if a.String() != b.String() {
			t.Fatalf("two evaluations differ")
		}
	})
}
