package score_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// TestQualityAtIsWhatATrialDividesBy: under price per quality point, at
// any price a bid might offer, the bid's total in a trial of that price is
// the price divided by QualityAt's quality points, rounded as the policy
// rounds the total, and so is another bid's, by the points QualityAt
// gives beside it (where the bid's offer becomes the best, every other
// value falls). The lots are trLot's under price per quality point,
// half of them with social value read as a share of the price (the points
// then move with it) and some with minimum scores (which take other bids
// out, and never move the bid's own points); the prices run from a penny
// to twice the field's highest, so that some make the bid's offer the best.
// Under any other basis QualityAt declines.
func TestQualityAtIsWhatATrialDividesBy(t *testing.T) {
	cat := sampleCatalogue(t)
	asked := 0
	rapid.Check(t, func(t *rapid.T) {
		shape := trShape{perQualityPoint: true, shareOfPrice: rapid.Bool().Draw(t, "shareOfPrice"), thresholds: rapid.Bool().Draw(t, "thresholds")}
		tn, bids, _, trials := trPreparedAs(t, cat, shape)
		b := rapid.SampledFrom(bids).Draw(t, "bid")
		var total *exact.Rounding
		for _, r := range tn.Lots[0].Policy.Rounding {
			if r.Stage == score.Total {
				x := r.Rounding()
				total = &x
			}
		}
		top := int64(0)
		for _, x := range bids {
			top = max(top, x.Responses["price"].Price.Amount.Shift(2).IntPart())
		}
		other := rapid.SampledFrom(bids).Draw(t, "beside")
		price := decimal.New(rapid.Int64Range(1, 2*top).Draw(t, "pennies"), -2)
		tr, err := trials.WithPrice(b.ID, "price", price)
		require.NoError(t, err)
		got, scored := tr.Total(b.ID)
		gotOther, otherScored := tr.Total(other.ID)
		tr.Release()
		q, qo, ok := trials.QualityAt(b.ID, "price", price, other.ID)
		r, _ := trials.Result().Bid(b.ID)
		ro, _ := trials.Result().Bid(other.ID)
		if !r.Total.Scored || !ro.Total.Scored || ro.Disqualified != nil || r.Disqualified != nil {
			require.False(t, ok, "%s or %s has no total as evaluated, yet QualityAt answered", b.ID, other.ID)
			return
		}
		require.True(t, ok, "QualityAt declined %s at %s", b.ID, price)
		ratio := func(price decimal.Decimal, q exact.Fraction) exact.Fraction {
			r, err := exact.Whole(price).Quo(q)
			require.NoError(t, err)
			if total != nil {
				r = r.Rounded(*total)
			}
			return r
		}
		if scored { // not taken out (no quality points left)
			want := ratio(price, q)
			require.True(t, want.Equal(got.Value), "%s at %s: %s ÷ %s quality points gives %s, the trial %s", b.ID, price, price, q, want, got.Value)
			asked++
		}
		if otherScored && other.ID != b.ID { // not taken out by a minimum
			p := *other.Responses["price"].Price.Amount
			want := ratio(p, qo)
			require.True(t, want.Equal(gotOther.Value), "%s at %s: %s's %s ÷ %s quality points gives %s, the trial %s", b.ID, price, other.ID, p, qo, want, gotOther.Value)
		}
	})
	require.Positive(t, asked, "some prices were asked")
}

// TestQualityAtDeclinesOtherBases: a lot whose price is weighted points
// (or adjusted by features) divides no price by quality points.
func TestQualityAtDeclinesOtherBases(t *testing.T) {
	cat := sampleCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		tn, bids, _, trials := trPrepared(t, cat)
		if tn.Lots[0].Policy.Basis == score.PricePerQualityPoint {
			t.Skip("price per quality point")
		}
		b := rapid.SampledFrom(bids).Draw(t, "bid")
		_, _, ok := trials.QualityAt(b.ID, "price", decimal.NewFromInt(1000), "")
		require.False(t, ok, "QualityAt answered under basis %q", tn.Lots[0].Policy.Basis)
	})
}
