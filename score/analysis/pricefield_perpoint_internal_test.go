package analysis

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// TestPerPointReadIsTheHighestPriceWithin: under price per quality point
// with a social value offer read as a share of the price (relative to the
// best, or banded), perPointRead, from any price, returns the highest
// price p at which the bid's ratio as shown, p over its quality points at
// p (QualityAt), ties (or, strict, beats) a rival's, the rival's price
// over its quality points then, shown as the total is: p itself reaches
// it (or p is 0, where not a penny does) and p + 1 does not. The
// roundings are drawn at every stage, so that the points move in steps
// (where g leaps across p*) or smoothly; where the bid's offer becomes the
// best, the rival's points fall with it. QualityAt is held to the trials
// in package score (TestQualityAtIsWhatATrialDividesBy).
func TestPerPointReadIsTheHighestPriceWithin(t *testing.T) {
	read, asked := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		tn, bids := perPointShareLot(t)
		f, err := newField(tn, "L1", bids)
		require.NoError(t, err)
		var scored []score.BidResult
		for _, b := range f.base.Bids {
			if b.Total.Scored {
				scored = append(scored, b)
			}
		}
		if len(scored) < 2 {
			t.Skip("fewer than two bids scored")
		}
		i := rapid.IntRange(0, len(scored)-1).Draw(t, "self")
		self := scored[i]
		other := scored[(i+1+rapid.IntRange(0, len(scored)-2).Draw(t, "other"))%len(scored)]
		strict := rapid.Bool().Draw(t, "strict")
		var total *exact.Rounding
		for _, r := range tn.Lots[0].Policy.Rounding {
			if r.Stage == score.Total {
				x := r.Rounding()
				total = &x
			}
		}
		otherPrice := exact.Whole(*bids[slices.IndexFunc(bids, func(b score.Bid) bool { return b.ID == other.BidID })].Responses["price"].Price.Amount)
		rival := perPointRival{id: other.BidID, price: otherPrice, total: total, strict: strict}
		from := rapid.Int64Range(1, 200_000_00).Draw(t, "from")
		p, ok := perPointRead(f, "price", self.BidID, rival, from)
		asked++
		if !ok {
			return // some price tried could not be read: a rival left with no quality points, an offer that cannot be made
		}
		read++
		shown := func(price, q exact.Fraction) exact.Fraction {
			r, err := price.Quo(q)
			require.NoError(t, err)
			if total != nil {
				r = r.Rounded(*total)
			}
			return r
		}
		within := func(p int64) bool { // the bid's ratio as shown ties or beats the rival's, each read at p
			q, qr, ok := f.tr.QualityAt(self.BidID, "price", decimal.New(p, -2), other.BidID)
			require.True(t, ok)
			require.Positive(t, qr.Sign(), "the rival, ranked, has quality points")
			if q.Sign() <= 0 {
				return false // no quality points: no ratio is formed, and the bid is out
			}
			mine, theirs := shown(exact.Whole(decimal.New(p, -2)), q), shown(otherPrice, qr)
			return mine.Cmp(theirs) < 0 || (!strict && mine.Equal(theirs))
		}
		if p > 0 {
			require.True(t, within(p), "%s at %d pennies does not reach %s", self.BidID, p, other.BidID)
		}
		require.False(t, within(p+1), "%s at %d pennies, a penny above the answer %d, reaches %s", self.BidID, p+1, p, other.BidID)
	})
	require.Greater(t, 10*read, 9*asked, "most answers were read: %d of %d", read, asked)
}

// perPointShareLot draws a lot under price per quality point whose social
// value offer is apprenticeship starts read as a share of the bid's price,
// relative to the best offer or banded, beside two marked questions;
// roundings at any stage; two to six fictional bids.
func perPointShareLot(t *rapid.T) (score.Tender, []score.Bid) {
	d := decimal.RequireFromString
	cat := criteria.Catalogue{Name: "a fictional sample", Measures: []criteria.Measure{
		{Code: "FX-APPR-01", Description: "Apprenticeship starts", Unit: "apprenticeship start", Proxy: d("2000"), Source: "fictional", Year: 2026}}}
	sv := &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisProxyValue,
		Per: criteria.ShareOfBidPrice, Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}
	if rapid.IntRange(0, 3).Draw(t, "banded") == 0 {
		sv.Method, sv.Bands = criteria.Banded, []criteria.CommitmentBand{{AtLeast: d("0.01"), Share: d("0.5")}, {AtLeast: d("0.05"), Share: d("1")}}
	}
	q := func(id string) score.Criterion {
		return score.Criterion{ID: id, Title: id, Weight: d("50"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
	}
	w := rapid.Int64Range(5, 60).Draw(t, "social value weight")
	pol := score.Policy{Basis: score.PricePerQualityPoint, Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Weight: decimal.Zero, Price: &criteria.PriceRule{Method: criteria.PerQualityPoint}},
		{ID: "quality", Title: "Quality", Weight: decimal.NewFromInt(100 - w), Children: []score.Criterion{q("q1"), q("q2")}},
		{ID: "sv", Title: "Social value", Weight: decimal.NewFromInt(w), SocialValue: sv}}}
	for _, stage := range score.Stages() {
		if rapid.Bool().Draw(t, "round "+string(stage)) {
			pol.Rounding = append(pol.Rounding, score.RoundingRule{Stage: stage, Places: int32(rapid.IntRange(0, 3).Draw(t, "places")),
				Mode: rapid.SampledFrom(exact.Modes()).Draw(t, "mode")})
		}
	}
	var bids []score.Bid
	for i := range rapid.IntRange(2, 6).Draw(t, "bids") {
		m := func(label string) score.Response {
			v := decimal.NewFromInt(rapid.Int64Range(0, 4).Draw(t, label))
			return score.Response{Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E", Mark: v}}, Consensus: &criteria.Consensus{Mark: v, Rationale: "agreed"}}}
		}
		starts := decimal.NewFromInt(rapid.Int64Range(0, 16).Draw(t, "starts"))
		id := fmt.Sprintf("B%d", i)
		bids = append(bids, score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
			Responses: map[string]score.Response{"price": {Price: criteria.Amount(decimal.NewFromInt(rapid.Int64Range(100, 900).Draw(t, "price") * 1000))},
				"q1": m("q1"), "q2": m("q2"),
				"sv": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &starts}}}}}})
	}
	return refTender(pol), bids
}
