package analysis_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
)

// sfBid is one fictional bid of smallFirmsLot: its price, its mark on both
// questions, and the percentage of its price it commits to small firms.
type sfBid struct {
	id, price string
	marks     int64
	percent   string
}

// smallFirmsLot is the fixture's lot (quality in q1 and q2, each bid marked
// marks on both) with price weighted priceW, quality qualityW, and spend
// with small firms weighted svW: a £ measure (each £1 worth £0.10) scored
// relative to the best offer, which each bid commits as a percentage of
// its own price, so that a lower price lowers its offer.
func smallFirmsLot(t *testing.T, priceW, qualityW, svW string, bids ...sfBid) (score.Tender, []score.Bid) {
	t.Helper()
	var specs []bidSpec
	for _, b := range bids {
		specs = append(specs, bidSpec{b.id, "Supplier " + b.id + " Ltd", b.price, b.marks, b.marks, true})
	}
	tn, out := fixture(criteria.Relative, specs...)
	cat := criteria.Catalogue{Name: "a fictional sample", Measures: []criteria.Measure{{Code: "FX-SME-01",
		Description: "Contract spend with small firms", Unit: criteria.UnitPounds, Proxy: d("0.10"), Source: "fictional", Year: 2026}}}
	pol := &tn.Lots[0].Policy
	pol.Criteria[0].Weight, pol.Criteria[1].Weight = d(priceW), d(qualityW)
	pol.Criteria = append(pol.Criteria, score.Criterion{ID: "sme", Title: "Small firms", Weight: d(svW),
		SocialValue: &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-SME-01"}, Basis: criteria.BasisProxyValue,
			Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}})
	for i, b := range bids {
		pc := d(b.percent)
		out[i].Responses["sme"] = score.Response{SocialValue: criteria.SocialValueResponse{
			Commitments: []criteria.Commitment{{Measure: "FX-SME-01", Percent: &pc}}}}
	}
	return tn, out
}

// TestPriceToWinWhenTheOfferFallsWithThePrice: a bid that commits spend as
// a percentage of its price offers less at a lower price, so its standing
// need not rise as its price falls. Hand-worked (price 20, quality 40,
// small firms 40; every bid marked 3 of 4, 30 quality points): A £500,000
// at 30%, B £400,000 at 20%, C £450,000 at 30%. The offers are £150,000,
// £80,000 and £135,000, A's the best; so A 16 + 30 + 40 = 86.00, C
// 17.78 + 30 + 36 = 83.78, B 20 + 30 + 21.33 = 71.33. At £520,000 C offers
// £156,000, the best: C 15.38 + 30 + 40 = 85.38 and A 16 + 30 + 38.46 =
// 84.46, so C wins at a higher price than its own. The answer must not say
// that C cannot win on price; no price below its own wins (below £400,000
// C is the lowest, 20 + 30 + 40 × 0.3p ÷ 150,000 against A's
// 20p ÷ 500,000 + 70, which C passes only above £500,000).
func TestPriceToWinWhenTheOfferFallsWithThePrice(t *testing.T) {
	tn, bids := smallFirmsLot(t, "20", "40", "40", sfBid{"A", "500000", 3, "30"}, sfBid{"B", "400000", 3, "20"}, sfBid{"C", "450000", 3, "30"})
	raised := bids[2]
	raised.Responses = map[string]score.Response{"price": {Price: criteria.Amount(d("520000"))}, "q1": raised.Responses["q1"],
		"q2": raised.Responses["q2"], "sme": raised.Responses["sme"]}
	res, err := score.Evaluate(tn, []score.Bid{bids[0], bids[1], raised})
	require.NoError(t, err)
	require.Equal(t, "C", res.Lots[0].Winner, "the premise: C wins at £520,000")

	a, err := analysis.Analyse(tn, "L1", bids)
	require.NoError(t, err)
	require.Equal(t, "A", a.Winner)
	for _, w := range a.ToWin {
		t.Run(w.BidID, func(t *testing.T) {
			assert.Equal(t, analysis.NotComputed, w.Price.Answer, "a higher price may win: no 'cannot win'")
			assert.NotContains(t, w.Price.Explanation(), "cannot win")
			assert.Contains(t, w.Price.Explanation(), w.BidID+"'s social value offer on Small firms is a percentage of its price and falls with it")
			assert.Contains(t, w.Price.Explanation(), "at £0.01 it does not ("+w.BidID+" at £0.01: does not win")
		})
	}
}

// TestPriceToWinAtAnEdgeOfAFallingOffer: the answer found is an edge of
// winning, not every price below it. Hand-worked (price 40, quality 50,
// small firms 10): A £500,000 marked 3 (37.50 quality points) at 30%, B
// £400,000 marked 2 (25.00) at 20%, C £450,000 marked 4 (50.00) at 10%.
// Offers £150,000, £80,000, £45,000; A 32 + 37.50 + 10 = 79.50, B 40 + 25
// + 5.33 = 70.33, C 35.56 + 50 + 3 = 88.56: C wins. Below £400,000 A is
// the lowest price (40) and still the best offer (10), 87.50, while C has
// 40p ÷ 450,000 + 50 + 10 × 45,000 ÷ 0.3p: 33.33 + 50 + 4.00 = 87.33 at
// £375,000, 33.78 + 50 + 3.95 = 87.73 at £380,000. So A's answer lies
// between the two, and as A's price falls its offer falls, C's share of
// the best rises: the answer is flagged as an edge.
func TestPriceToWinAtAnEdgeOfAFallingOffer(t *testing.T) {
	tn, bids := smallFirmsLot(t, "40", "50", "10", sfBid{"A", "500000", 3, "30"}, sfBid{"B", "400000", 2, "20"}, sfBid{"C", "450000", 4, "10"})
	a, err := analysis.Analyse(tn, "L1", bids)
	require.NoError(t, err)
	require.Equal(t, "C", a.Winner)
	var got analysis.PriceToWin
	for _, w := range a.ToWin {
		if w.BidID == "A" {
			got = w.Price
		}
	}
	require.Equal(t, analysis.Found, got.Answer)
	assert.True(t, got.Price.GreaterThan(d("375000")) && got.Price.LessThan(d("380000")), "between £375,000 and £380,000: %s", got.Price)
	require.Len(t, got.Checks, 2)
	assert.True(t, got.Checks[0].Holds)
	assert.False(t, got.Checks[1].Holds)
	assert.True(t, got.Edge)
	e := got.Explanation()
	assert.NotContains(t, e, " or less", "a lower price need not win")
	assert.Contains(t, e, "its social value offer on Small firms is a percentage of its price and falls with it, so the bid need not win at every lower price, and may also win at some higher price")
}
