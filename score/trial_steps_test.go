package score_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// TestPriceStepsMissNoStep: wherever a trial finds a bid's total as shown,
// or any other bid's, changed from one penny to the next as the bid's
// price rises through a window, the penny below the change is one of the
// steps PriceSteps returned for the window, every other bid its rival. The
// lots are trLot's (any price method: PriceSteps declines price per
// quality point, and the linear method above the others' highest price)
// or, half the time, stepsLot's, whose social value is
// always read as a share of the price; the windows lie anywhere between
// half the field's lowest price and the bid's own, so that some take the
// bid below the others' lowest price, or make its offer the best, or both
// (and half of them straddle one of those prices, pivotsOf).
// A total that a threshold takes away (or gives back) between two pennies
// is not a step PriceSteps claims, nor is any change at a penny where the
// bids scored are not those scored as evaluated: PriceSteps reads the
// field as evaluated, and a bid a minimum left out as evaluated that the
// price lifts over it (its offer's value rising as the bid's becomes the
// best) shows totals it does not follow — as the seed
// 16908571777208774395 found, where such a bid's social value points
// stepped at 497.92.
func TestPriceStepsMissNoStep(t *testing.T) {
	cat := sampleCatalogue(t)
	read := 0
	rapid.Check(t, func(t *rapid.T) {
		var bids []score.Bid
		var trials *score.Trials
		if rapid.Bool().Draw(t, "stepsLot") {
			bids, trials = stepsLot(t, cat)
		} else {
			_, bids, _, trials = trPrepared(t, cat)
		}
		self := rapid.SampledFrom(bids).Draw(t, "self")
		var rivals []string
		low := int64(0)
		for _, b := range bids {
			if b.ID != self.ID {
				rivals = append(rivals, b.ID)
			}
			if p := b.Responses["price"].Price.Amount; p != nil && (low == 0 || p.Shift(2).IntPart() < low) {
				low = p.Shift(2).IntPart()
			}
		}
		own, ok := trials.Quoted(self.ID, "price")
		if !ok {
			t.Skip("the bid has no price")
		}
		from := rapid.Int64Range(max(low/2, 1), max(own.Shift(2).IntPart(), low/2+1)).Draw(t, "from")
		width := rapid.Int64Range(2, 3000).Draw(t, "width")
		if pivots := pivotsOf(self, bids); len(pivots) > 0 && rapid.Bool().Draw(t, "aroundPivot") {
			// around a price where the formulas change: the others' lowest,
			// or where the bid's offer becomes the best
			from = max(1, rapid.SampledFrom(pivots).Draw(t, "pivot")-width/2)
		}
		lo, hi := decimal.New(from, -2), decimal.New(from+width, -2)
		steps, ok := trials.PriceSteps(self.ID, "price", rivals, lo, hi, 64)
		if !ok {
			return
		}
		read++
		at, below := map[int64]bool{}, from // below is where the steps returned begin: only the 64 nearest hi are
		if len(steps) == 64 {
			below = pennies(steps[0])
		}
		for _, s := range steps {
			c := pennies(s)
			require.True(t, c >= from && c < from+width, "step %v outside %s–%s", s, lo, hi)
			at[c] = true
		}
		evaluated := scoredAsEvaluated(trials)
		was := totals(t, trials, self.ID, bids, from)
		for c := from + 1; c <= from+width; c++ {
			now := totals(t, trials, self.ID, bids, c)
			if !sameBids(was, evaluated, self.ID) || !sameBids(now, evaluated, self.ID) {
				was = now
				continue // another bid crossed a minimum: the field is not the one read
			}
			for id, v := range now {
				if w, ok := was[id]; ok && !w.Equal(v) && !at[c-1] && c-1 >= below {
					t.Fatalf("%s at %s: %s's total %s became %s at a penny more, not a step (%v)", self.ID, decimal.New(c-1, -2), id, w, v, steps)
				}
			}
			was = now
		}
	})
	require.Positive(t, read, "some windows were read")
}

// totals is every scored bid's total as shown with one bid's price set to
// pennies; bids not scored there are left out.
func totals(t *rapid.T, trials *score.Trials, id string, bids []score.Bid, pennies int64) map[string]exact.Fraction {
	tr, err := trials.WithPrice(id, "price", decimal.New(pennies, -2))
	require.NoError(t, err)
	defer tr.Release()
	out := map[string]exact.Fraction{}
	for _, b := range bids {
		if f, ok := tr.Total(b.ID); ok {
			out[b.ID] = f.Value
		}
	}
	return out
}

// scoredAsEvaluated is the bids given a total as the lot was evaluated.
func scoredAsEvaluated(trials *score.Trials) map[string]bool {
	out := map[string]bool{}
	for _, b := range trials.Result().Bids {
		if b.Total.Scored {
			out[b.BidID] = true
		}
	}
	return out
}

// sameBids reports whether the bids given a total are those of the set
// ids, the bid whose price moves aside (a threshold its own points cross
// is counted by the property already).
func sameBids(totals map[string]exact.Fraction, ids map[string]bool, self string) bool {
	for id := range totals {
		if !ids[id] && id != self {
			return false
		}
	}
	for id := range ids {
		if _, ok := totals[id]; !ok && id != self {
			return false
		}
	}
	return true
}

// pennies is the last whole penny at or below a step (below it, when
// open).
func pennies(b exact.Bound) int64 {
	f, _ := exact.Rounding{Places: 2, Mode: exact.Floor}.Units(b.Value)
	if c, _ := (exact.Rounding{Places: 2, Mode: exact.Ceiling}).Units(b.Value); b.Open && c == f {
		return f - 1
	}
	return f
}

// stepsLot draws a lot whose every price move is one PriceSteps reads:
// price relative to the lowest, one marked question, and social value
// relative to the best offer read as a share of the bid's price,
// sometimes with a method statement; rounding at any stages (trPolicy's
// draw), the default otherwise; two to six bids with offers of up to 20
// apprenticeship starts.
func stepsLot(t *rapid.T, cat criteria.Catalogue) ([]score.Bid, *score.Trials) {
	wp := rapid.Int64Range(10, 70).Draw(t, "wPrice")
	wsv := rapid.Int64Range(5, 100-wp-5).Draw(t, "wSV")
	sv := &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisProxyValue,
		Per: criteria.ShareOfBidPrice, Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}
	if rapid.Bool().Draw(t, "svSplit") {
		sv.Split = &criteria.Split{Quantitative: dec("70"), Qualitative: dec("30")}
		sv.MethodStatement = &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
	}
	p := score.Policy{Criteria: []score.Criterion{priceCrit("price", fmt.Sprint(wp), criteria.PriceRule{Method: criteria.Relative}),
		qualityCrit("q1", fmt.Sprint(100-wp-wsv)), {ID: "appr", Title: "Apprenticeships", Weight: decimal.NewFromInt(wsv), SocialValue: sv}}}
	for _, stage := range score.Stages() {
		if rapid.IntRange(0, 2).Draw(t, "round "+string(stage)) == 0 {
			p.Rounding = append(p.Rounding, score.RoundingRule{Stage: stage, Places: int32(rapid.IntRange(0, 3).Draw(t, "places")),
				Mode: rapid.SampledFrom(exact.Modes()).Draw(t, "mode")})
		}
	}
	var bids []score.Bid
	var prices []decimal.Decimal
	for i := range rapid.IntRange(2, 6).Draw(t, "bids") {
		pr := trPrice(t, prices, "price")
		prices = append(prices, pr)
		n := decimal.NewFromInt(rapid.Int64Range(0, 20).Draw(t, "starts"))
		r := criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &n}}}
		if sv.Split != nil {
			m := trMarks(t, criteria.ConsensusMark, "method statement")
			r.MethodStatement = &m
		}
		id := fmt.Sprintf("B%d", i)
		bids = append(bids, score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
			Responses: map[string]score.Response{"price": {Price: criteria.Amount(pr)}, "q1": {Marks: trMarks(t, criteria.ConsensusMark, "q1")},
				"appr": {SocialValue: r}}})
	}
	pr, err := score.Prepare(tenderOf(lotOf(p)), bids)
	require.NoError(t, err)
	trials, ok := pr.Trials("L1")
	require.True(t, ok)
	return bids, trials
}

// TestPriceStepsRefuses: PriceSteps declines, rather than guessing or
// failing, whatever it cannot read so: each case says why.
func TestPriceStepsRefuses(t *testing.T) {
	trialsOf := func(p score.Policy) *score.Trials { // A at £500,000 marked 3, B at £400,000 marked 2
		b := func(id, price string, m int64) score.Bid {
			return score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
				Responses: map[string]score.Response{"price": {Price: criteria.Amount(dec(price))}, "plan": marks(m)}}
		}
		pr, err := score.Prepare(tenderOf(lotOf(p)), []score.Bid{b("A", "500000", 3), b("B", "400000", 2)})
		require.NoError(t, err)
		tr, ok := pr.Trials("L1")
		require.True(t, ok)
		return tr
	}
	lot := func(method criteria.PriceMethod, rounding ...score.RoundingRule) *score.Trials {
		rule := criteria.PriceRule{Method: method}
		if method == criteria.Band {
			rule.Floor, rule.Ceiling = dec("100000"), dec("900000")
		}
		return trialsOf(score.Policy{Rounding: rounding, Criteria: []score.Criterion{priceCrit("price", "40", rule), qualityCrit("plan", "60")}})
	}
	relative := lot(criteria.Relative)
	perPoint := func() *score.Trials {
		return trialsOf(score.Policy{Basis: score.PricePerQualityPoint, Criteria: []score.Criterion{
			{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.PerQualityPoint}}, qualityCrit("plan", "100")}})
	}
	unrounded := score.RoundingRule{Stage: score.Total, Places: 2, Mode: exact.HalfUp} // the total alone: every penny a step of a leaf
	for _, c := range []struct {
		why       string
		tr        *score.Trials
		bid, crit string
		lo, hi    string
		most      int
	}{
		{"a bid the lot does not hold", relative, "Z", "price", "300000", "300500", 4},
		{"a criterion that is no price", relative, "B", "plan", "300000", "300500", 4},
		{"no step asked for", relative, "B", "price", "300000", "300500", 0},
		{"a negative count of steps", relative, "B", "price", "300000", "300500", -1},
		{"lo not below hi", relative, "B", "price", "300500", "300000", 4},
		{"a price not above zero", relative, "B", "price", "0", "300000", 4},
		{"the linear method above the others' highest price, which moves every other bid's points", lot(criteria.Linear), "B", "price", "600000", "600500", 4},
		{"the per-quality-point method: the price is divided, not added", perPoint(), "B", "price", "300000", "300500", 4},
		{"leaves not rounded", lot(criteria.Relative, unrounded), "B", "price", "300000", "300500", 4},
	} {
		steps, ok := c.tr.PriceSteps(c.bid, c.crit, []string{"A"}, dec(c.lo), dec(c.hi), c.most)
		assert.False(t, ok, c.why)
		assert.Empty(t, steps, c.why)
	}
	steps, ok := relative.PriceSteps("B", "price", []string{"A"}, dec("300000"), dec("300500"), 4)
	assert.True(t, ok, "the same lot, read")
	assert.Len(t, steps, 4, "A's price points step every £125 (ExampleTrials_PriceSteps)")
	_, ok = lot(criteria.Linear).PriceSteps("B", "price", []string{"A"}, dec("450000"), dec("450500"), 4)
	assert.True(t, ok, "the linear method between the others' lowest and highest prices")
	_, ok = lot(criteria.Band).PriceSteps("B", "price", []string{"A"}, dec("300000"), dec("300500"), 4)
	assert.True(t, ok, "the band method, which reads no field")
}

// pivotsOf returns, in pennies, the prices at which PriceSteps' formulas
// for a bid change: the lowest of the other bids' prices, and, where the
// bids offer apprenticeship starts read as a share of the price (at the
// sample catalogue's £2,000 a start, as stepsLot's do), the price at which
// the bid's offer would equal the best of the others'.
func pivotsOf(self score.Bid, bids []score.Bid) []int64 {
	starts := func(b score.Bid) (decimal.Decimal, bool) {
		cs := b.Responses["appr"].SocialValue.Commitments
		if len(cs) != 1 || cs[0].Quantity == nil {
			return decimal.Decimal{}, false
		}
		return *cs[0].Quantity, true
	}
	var out []int64
	low, best := decimal.Decimal{}, decimal.Zero // the others' lowest price, and best starts per pound
	for _, b := range bids {
		p := b.Responses["price"].Price.Amount
		if b.ID == self.ID || p == nil {
			continue
		}
		if low.IsZero() || p.Cmp(low) < 0 {
			low = *p
		}
		if n, ok := starts(b); ok && n.Div(*p).Cmp(best) > 0 {
			best = n.Div(*p)
		}
	}
	if !low.IsZero() {
		out = append(out, low.Shift(2).IntPart())
	}
	if n, ok := starts(self); ok && best.Sign() > 0 && n.Sign() > 0 {
		out = append(out, n.Div(best).Shift(2).IntPart())
	}
	return out
}

// TestPriceStepsReadABidOfferingNothing: a bid that commits nothing to a
// social value criterion read as a share of its price has the same offer,
// nothing, at every price, so its price moves no figure of that criterion,
// its own or another's: its steps are those of its price points alone, the
// same as in the lot without the criterion (its weight given to quality,
// so that the price weighs the same). They were not read at all. Fictional
// bids: A at £500,000 marked 3 offering 4 apprenticeship starts, B at
// £400,000 marked 2 offering none; B's steps from £300,000 to £300,500,
// where it is the lowest price and A's price points step.
func TestPriceStepsReadABidOfferingNothing(t *testing.T) {
	cat := sampleCatalogue(t)
	starts := func(n int64) score.Response {
		q := decimal.NewFromInt(n)
		return score.Response{SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &q}}}}
	}
	trialsOf := func(p score.Policy, sv bool) *score.Trials {
		b := func(id, price string, m, n int64) score.Bid {
			rs := map[string]score.Response{"price": {Price: criteria.Amount(dec(price))}, "plan": marks(m)}
			if sv {
				rs["appr"] = starts(n)
			}
			return score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1", Responses: rs}
		}
		pr, err := score.Prepare(tenderOf(lotOf(p)), []score.Bid{b("A", "500000", 3, 4), b("B", "400000", 2, 0)})
		require.NoError(t, err)
		tr, ok := pr.Trials("L1")
		require.True(t, ok)
		return tr
	}
	rounding := []score.RoundingRule{{Stage: score.LeafPoints, Places: 2, Mode: exact.HalfUp}}
	with := trialsOf(score.Policy{Rounding: rounding, Criteria: []score.Criterion{
		priceCrit("price", "40", criteria.PriceRule{Method: criteria.Relative}), qualityCrit("plan", "40"),
		{ID: "appr", Title: "Apprenticeships", Weight: dec("20"), SocialValue: &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-APPR-01"},
			Basis: criteria.BasisProxyValue, Per: criteria.ShareOfBidPrice, Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}}}}, true)
	without := trialsOf(score.Policy{Rounding: rounding, Criteria: []score.Criterion{
		priceCrit("price", "40", criteria.PriceRule{Method: criteria.Relative}), qualityCrit("plan", "60")}}, false)
	got, ok := with.PriceSteps("B", "price", []string{"A"}, dec("300000"), dec("300500"), 8)
	require.True(t, ok, "read")
	want, ok := without.PriceSteps("B", "price", []string{"A"}, dec("300000"), dec("300500"), 8)
	require.True(t, ok)
	require.NotEmpty(t, want)
	words := func(bs []exact.Bound) []string {
		var out []string
		for _, b := range bs {
			out = append(out, fmt.Sprintf("%s open=%v", b.Value, b.Open))
		}
		return out
	}
	assert.Equal(t, words(want), words(got))
}
