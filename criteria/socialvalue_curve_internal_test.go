package criteria

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/exact"
)

// TestOfferCurveIsTheAssessment: an assessment's curve gives the value it
// was assessed at, and at another price and best offer what AtPrice
// measures again from the response, on the random rules and fields
// drawPricedField draws; and each of its inverses is the edge it claims —
// the figure reached at the bound, and missed just past it (by a
// millionth). The rule is scored relative to the best offer here, since
// the curve is of that method only.
func TestOfferCurveIsTheAssessment(t *testing.T) {
	cat := sampleCatalogue(t)
	ctx := SocialValueContext{ContractValue: decimal.NewFromInt(900000)}
	millionth, _ := exact.NewFraction(decimal.NewFromInt(1), decimal.NewFromInt(1_000_000))
	past, before := exact.One.Add(millionth), exact.One.Sub(millionth)
	still := 0
	rapid.Check(t, func(t *rapid.T) {
		r, field := drawPricedField(t, cat)
		as, err := r.Assess(field, ctx)
		require.NoError(t, err)
		for i, a := range as {
			c, ok := a.OfferCurve()
			require.True(t, ok)
			best := as[0].rec.(*svRecord).f.best
			require.True(t, c.Value(c.Offer, best).Equal(a.Value), "bid %d: as assessed", i)
			if c.Still { // the same offer at every price
				still++
				require.False(t, c.ByPrice, "bid %d: still, not by price", i)
				p := *tenths(t, 1, 10_000_000, "still at")
				offer, _, _, ok := a.AtPrice(p, best)
				require.True(t, ok)
				require.True(t, offer.Equal(c.Offer), "bid %d at %s: %s, as assessed %s", i, p, offer, c.Offer)
			}
			if !c.ByPrice {
				continue
			}
			p := *tenths(t, 1, 10_000_000, "at")
			others := exact.Whole(tenths(t, 0, 100_000, "others").Shift(-3))
			offer, b, v, ok := a.AtPrice(p, others)
			require.True(t, ok)
			require.True(t, c.OfferAt(exact.Whole(p)).Equal(offer), "bid %d at %s: offer", i, p)
			require.True(t, c.Value(offer, b).Equal(v), "bid %d at %s against %s: value", i, p, others)
			open := rapid.Bool().Draw(t, "open")
			// Each bound is the edge: the figure is reached at it (only met
			// when open) and missed just beyond it (passed, when open).
			edge := func(what string, b exact.Bound, at, beyond, goal exact.Fraction) {
				require.Equal(t, open, b.Open, "bid %d: %s: the bound is open as the figure asked", i, what)
				if open {
					require.True(t, at.Equal(goal), "bid %d: %s met at the open bound", i, what)
					require.True(t, beyond.Cmp(goal) > 0, "bid %d: %s passed inside the open bound", i, what)
					return
				}
				require.True(t, at.Cmp(goal) >= 0, "bid %d: %s reached at the bound", i, what)
				require.True(t, beyond.Cmp(goal) < 0, "bid %d: %s missed beyond the bound", i, what)
			}
			if y, ok := c.OfferFor(exact.Bound{Value: v, Open: open}, b); ok {
				inside := y.Value.Mul(past) // a larger offer
				if !open {
					inside = y.Value.Mul(before)
				}
				edge("the value, by the offer", y, c.Value(y.Value, b), c.Value(inside, b), v)
			}
			if q, ok := c.BestFor(exact.Bound{Value: v, Open: open}); ok {
				beyond := q.Value.Mul(past) // a larger best
				if open {
					beyond = q.Value.Mul(before)
				}
				edge("the value, by the best", q, c.Value(c.Offer, q.Value), c.Value(c.Offer, beyond), v)
			}
			if pb, ok := c.PriceFor(exact.Bound{Value: offer, Open: open}); ok {
				beyond := pb.Value.Mul(past) // a higher price
				if open {
					beyond = pb.Value.Mul(before)
				}
				edge("the offer, by the price", pb, c.OfferAt(pb.Value), c.OfferAt(beyond), offer)
			}
		}
	})
	require.Positive(t, still, "some offers were the same at every price")
}
