package analysis

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// TestRunningTotalsMatchEveryOtherPrice checks the abnormally-low tests,
// which read the field's running totals, against the same tests summing
// the other prices afresh for each bid, as they did before (naiveTest,
// below): random fields with repeated, lowest and highest prices, every
// rule, both boundaries.
func TestRunningTotalsMatchEveryOtherPrice(t *testing.T) {
	rules := []LowPriceRule{ScottishHandbookRule()}
	rules = append(rules, ProZorroRules()...)
	for _, pct := range []string{"0", "10", "25"} {
		for _, at := range []bool{false, true} {
			rules = append(rules, PercentBelowMeanOfOthers(decimal.RequireFromString(pct), at), PercentBelowNextBid(decimal.RequireFromString(pct), at))
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 12).Draw(t, "n")
		var field []priced
		for i := range n {
			var p decimal.Decimal
			if i > 0 && rapid.Bool().Draw(t, "repeat") {
				p = field[rapid.IntRange(0, i-1).Draw(t, "of")].price
			} else {
				p = decimal.New(rapid.Int64Range(1, 100_000_000).Draw(t, "pence"), -2)
			}
			field = append(field, priced{id: fmt.Sprintf("B%d", i), supplier: score.Supplier{ID: fmt.Sprint(i)}, price: p, p: exact.Whole(p)})
		}
		st := statsOf(field)
		for _, r := range rules {
			for i, x := range field {
				others := slices.Delete(slices.Clone(field), i, i+1)
				want, wok := r.naiveTest(x, field, others)
				got, ok := r.test(x, st)
				if ok != wok || (ok && (got.Explanation != want.Explanation || !got.Compared.Equal(want.Compared) || !got.Below.Equal(want.Below))) {
					t.Fatalf("rule %s, bid %s: got %v %+v, want %v %+v", r.Name, x.id, ok, got, wok, want)
				}
			}
		}
	})
}

// naiveTest is the test as it was, summing the other prices for each bid.
func (r LowPriceRule) naiveTest(x priced, field, others []priced) (Flag, bool) {
	f := Flag{BidID: x.id, Supplier: x.supplier, Rule: r.Name, Price: x.price, Action: Investigate, Source: r.Source}
	switch r.Test {
	case BelowMeanOfOthers:
		if len(others) == 0 {
			return f, false
		}
		sum := decimal.Zero
		for _, o := range others {
			sum = sum.Add(o.price)
		}
		mean := ratio(sum, decimal.NewFromInt(int64(len(others))))
		f.Compared, f.Below = mean, below(exact.Whole(x.price), mean)
		if !r.beyond(f.Below) {
			return f, false
		}
		f.Explanation = fmt.Sprintf("%s's price %s is %s below the mean of the other %d compliant prices (%s): %s %s%% below, so it is flagged under %q (%s).",
			x.id, exact.Money(x.price), percentText(f.Below), len(others), exact.MoneyFraction(mean), r.phrase(), exact.Plain(r.Percent), r.Name, r.Source)
		return f, true
	case BelowNextBid:
		var next *decimal.Decimal
		for _, o := range others {
			if o.price.Cmp(x.price) >= 0 && (next == nil || o.price.Cmp(*next) < 0) {
				p := o.price
				next = &p
			}
		}
		if next == nil {
			return f, false
		}
		f.Compared = exact.Whole(*next)
		f.Below = below(exact.Whole(x.price), f.Compared)
		if !r.beyond(f.Below) {
			return f, false
		}
		f.Explanation = fmt.Sprintf("%s's price %s is %s below the next compliant price (%s): %s %s%% below, so it is flagged under %q (%s).",
			x.id, exact.Money(x.price), percentText(f.Below), exact.Money(*next), r.phrase(), exact.Plain(r.Percent), r.Name, r.Source)
		return f, true
	case ScottishHandbook:
		if len(field) < 2 || len(others) == 0 {
			return f, false
		}
		hi := 0
		for i, o := range field {
			if o.price.Cmp(field[hi].price) > 0 {
				hi = i
			}
		}
		sum := decimal.Zero
		for i, o := range field {
			if i != hi {
				sum = sum.Add(o.price)
			}
		}
		avg := ratio(sum, decimal.NewFromInt(int64(len(field)-1)))
		f.Compared, f.Below = avg, below(exact.Whole(x.price), avg)
		lqp := others[0].price
		for _, o := range others {
			if o.price.Cmp(lqp) < 0 {
				lqp = o.price
			}
		}
		margin := lqp.Mul(r.MarginPercent).Shift(-2)
		if margin.Cmp(r.MarginMin) < 0 {
			margin = r.MarginMin
		}
		if margin.Cmp(r.MarginMax) > 0 {
			margin = r.MarginMax
		}
		limit := lqp.Sub(margin)
		if !r.beyond(f.Below) || !(x.price.Cmp(limit) < 0 || (r.AtBoundary && x.price.Equal(limit))) {
			return f, false
		}
		f.Explanation = fmt.Sprintf("%s's price %s is %s below the average of the compliant prices excluding the highest (%s), %s %s%%; and it is %s below the lowest other compliant price %s, %s the proximity margin of %s (%s%% of that price, at least %s, at most %s). Both hold, so it is potentially abnormally low under the %s (%s).",
			x.id, exact.Money(x.price), percentText(f.Below), exact.MoneyFraction(avg), r.phrase(), exact.Plain(r.Percent),
			exact.Money(lqp.Sub(x.price)), exact.Money(lqp), r.phrase(), exact.Money(margin), exact.Plain(r.MarginPercent),
			exact.Money(r.MarginMin), exact.Money(r.MarginMax), r.Name, r.Source)
		if r.Interpretation != "" {
			f.Explanation += " How the rule is read: " + r.Interpretation + "."
		}
		return f, true
	}
	return f, false
}
