package score_test

import (
	stdmaps "maps"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// The hand-worked tests of social value trials share one shape: a
// relative price, quality questions marked 0–4 by consensus, and
// apprenticeship starts scored relative to the best offer, each start worth
// £2,000 (sampleCatalogue) and the offer read as a share of the bid's
// price, so that a bid's price moves its offer.

// startsCrit is that apprenticeship criterion, worth weight.
func startsCrit(t *testing.T, weight string) score.Criterion {
	return score.Criterion{ID: "appr", Title: "Apprenticeships", Weight: dec(weight), SocialValue: &criteria.SocialValueRule{
		Catalogue: sampleCatalogue(t), Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisProxyValue,
		Per: criteria.ShareOfBidPrice, Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}}
}

// startsBid bids price with starts apprenticeship starts and a consensus
// mark for each quality question in marked.
func startsBid(id, price string, starts int64, marked map[string]int64) score.Bid {
	n := decimal.NewFromInt(starts)
	rs := map[string]score.Response{"price": priced(price),
		"appr": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &n}}}}}
	for q, m := range marked {
		rs[q] = marks(m)
	}
	return score.Bid{ID: id, Lot: "L1", Supplier: score.Supplier{ID: "S-" + id, Name: "Supplier " + id}, Responses: rs}
}

// repriced tries bids[i] at price on the prepared lot, and evaluates the
// lot whole with that bid changed, for the trial to be held to.
func repriced(t *testing.T, p *score.Prepared, bids []score.Bid, i int, price string) (got score.Trial, want score.LotResult) {
	t.Helper()
	tr, ok := p.Trials("L1")
	require.True(t, ok)
	got, err := tr.WithPrice(bids[i].ID, "price", dec(price))
	require.NoError(t, err)
	changed := bids[i]
	changed.Responses = stdmaps.Clone(changed.Responses)
	changed.Responses["price"] = priced(price)
	q, err := p.WithBid(changed)
	require.NoError(t, err)
	want, ok = q.EvaluateLot("L1")
	require.True(t, ok)
	return got, want
}
