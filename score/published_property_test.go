package score_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// propPointsPolicy draws a model weighted in points, of any total: a price
// and two or three quality criteria at the top, some with sub-criteria
// weighted in points of the parent, percentages or parts.
func propPointsPolicy(t *rapid.T) (score.Policy, decimal.Decimal) {
	pts := func(label string) decimal.Decimal {
		return decimal.NewFromInt(int64(rapid.IntRange(1, 400).Draw(t, label)))
	}
	price := pts("price")
	out := price
	p := score.Policy{Weighting: score.Points, Criteria: []score.Criterion{
		priceCrit("price", price.String(), criteria.PriceRule{Method: rapid.SampledFrom([]criteria.PriceMethod{criteria.Relative, criteria.Linear}).Draw(t, "method")}),
	}, Rounding: rapid.SampledFrom([][]score.RoundingRule{
		nil,
		{{Stage: score.LeafPoints, Places: 1, Mode: exact.HalfEven}},
		{{Stage: score.TopLevel, Places: 0, Mode: exact.HalfUp}},
	}).Draw(t, "rounding")}
	for i := range rapid.IntRange(2, 3).Draw(t, "tops") {
		id := fmt.Sprintf("t%d", i)
		w := pts(id)
		out = out.Add(w)
		c := score.Criterion{ID: id, Title: "Top " + id, Weight: w}
		switch rapid.IntRange(0, 3).Draw(t, "kind"+id) {
		case 0:
			c.Quality = &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
		case 1: // points of the parent (a 1-point parent's halves)
			n := w.IntPart()
			if n < 2 {
				c.Children = []score.Criterion{qualityCrit(id+"a", "0.5"), qualityCrit(id+"b", "0.5")}
				break
			}
			a := decimal.NewFromInt(int64(rapid.IntRange(1, int(n)-1).Draw(t, "split"+id)))
			c.Children = []score.Criterion{qualityCrit(id+"a", a.String()), qualityCrit(id+"b", w.Sub(a).String())}
		case 2: // percentages of the parent
			a := rapid.IntRange(1, 99).Draw(t, "pct"+id)
			c.Children = []score.Criterion{qualityCrit(id+"a", fmt.Sprint(a)), qualityCrit(id+"b", fmt.Sprint(100-a))}
		default: // parts
			c.Children = []score.Criterion{qualityCrit(id+"a", fmt.Sprint(rapid.IntRange(1, 9).Draw(t, "part"+id))), qualityCrit(id+"b", "3")}
		}
		p.Criteria = append(p.Criteria, c)
	}
	return p, out
}

func propPointsBids(t *rapid.T, p score.Policy) []score.Bid {
	var leaves []string
	var walk func([]score.Criterion)
	walk = func(cs []score.Criterion) {
		for _, c := range cs {
			if c.IsLeaf() && c.Price == nil {
				leaves = append(leaves, c.ID)
			}
			walk(c.Children)
		}
	}
	walk(p.Criteria)
	var bids []score.Bid
	for i := range rapid.IntRange(1, 5).Draw(t, "bids") {
		id := fmt.Sprintf("B%d", i)
		b := score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
			Responses: map[string]score.Response{"price": priced(fmt.Sprint(rapid.IntRange(1000, 90000).Draw(t, "price"+id)))}}
		for _, l := range leaves {
			b.Responses[l] = marks(int64(rapid.IntRange(0, 4).Draw(t, l+id)))
		}
		bids = append(bids, b)
	}
	return bids
}

// A model weighted in points is out of its published total, and every
// bid's total is the sum of its top-level lines as shown, each branch the
// sum of its sub-criteria as shown (before any top-level rounding).
func TestPublishedPointsAddUp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p, out := propPointsPolicy(t)
		l := evalProp(t, p, propPointsBids(t, p))
		for _, b := range l.Bids {
			lines := b.Criteria()
			avail, sum := exact.Zero, exact.Zero
			for _, ln := range lines {
				avail = avail.Add(ln.Available)
				sum = sum.Add(ln.Points.Value)
				if !ln.Available.Equal(exact.Whole(ln.Weight)) {
					t.Fatalf("%s: top-level marks %s, not its published %s points", ln.CriterionID, ln.Available, ln.Weight)
				}
				children := exact.Zero
				for _, ch := range ln.Children {
					children = children.Add(ch.Available)
				}
				if len(ln.Children) > 0 && !children.Equal(ln.Available) {
					t.Fatalf("%s: sub-criteria carry %s of its %s points", ln.CriterionID, children, ln.Available)
				}
			}
			if !avail.Equal(exact.Whole(out)) {
				t.Fatalf("the model is out of %s, not the published %s", avail, out)
			}
			if !b.Total.Points.Value.Equal(sum) {
				t.Fatalf("bid %s: total %s is not the sum of its lines %s", b.BidID, b.Total.Points, sum)
			}
		}
	})
}

// A bid that chooses a higher value for a feature, all else equal, never
// has a higher adjusted price, and never ranks lower.
func TestAdjustedPriceHigherValueNeverWorse(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := adjustedPolicy()
		rule := p.Features
		pick := func(label string) map[string]decimal.Decimal {
			m := map[string]decimal.Decimal{}
			for _, f := range rule.Features {
				m[f.Code] = f.Values[rapid.IntRange(0, len(f.Values)-1).Draw(t, label+f.Code)].Value
			}
			return m
		}
		var bids []score.Bid
		for i := range rapid.IntRange(1, 4).Draw(t, "bids") {
			id := fmt.Sprintf("B%d", i)
			b := featureBid(id, "Supplier "+id, fmt.Sprint(rapid.IntRange(100, 100000).Draw(t, "price"+id)), "0.1", "0.05")
			b.Features = pick(id)
			bids = append(bids, b)
		}
		before := evalProp(t, p, bids)
		f := rule.Features[rapid.IntRange(0, len(rule.Features)-1).Draw(t, "feature")]
		higher := f.Values[rapid.IntRange(0, len(f.Values)-1).Draw(t, "value")].Value
		if higher.LessThan(bids[0].Features[f.Code]) {
			return
		}
		changed := append([]score.Bid{}, bids...)
		changed[0].Features = map[string]decimal.Decimal{}
		for k, v := range bids[0].Features {
			changed[0].Features[k] = v
		}
		changed[0].Features[f.Code] = higher
		after := evalProp(t, p, changed)
		b0, _ := before.Bid("B0")
		a0, _ := after.Bid("B0")
		if a0.Total.Points.Value.Cmp(b0.Total.Points.Value) > 0 {
			t.Fatalf("a higher value for %s raised B0's adjusted price from %s to %s", f.Code, b0.Total.Points, a0.Total.Points)
		}
		if a0.Rank > b0.Rank {
			t.Fatalf("a higher value for %s moved B0 from rank %d to %d", f.Code, b0.Rank, a0.Rank)
		}
	})
}
