package score_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// TestRaysAreEvaluations checks that a price trial which takes a bid below
// every other price — so that its offer, a share of that price, may become
// the best — finds what evaluating the changed tender finds (trial_ray.go):
// random share-of-price lots, a field often rising in quality and offer
// with the price, as on the widest front, any declared rounding of the
// leaves' points and of their scores, each
// bid tried at several prices below the lowest, as its search would.
func TestRaysAreEvaluations(tt *testing.T) {
	starts := startsCrit(tt, "1") // the weight is drawn below
	rapid.Check(tt, func(t *rapid.T) {
		wp := rapid.IntRange(5, 60).Draw(t, "price weight")
		ws := rapid.IntRange(5, 90-wp).Draw(t, "starts weight")
		sv := starts
		sv.Weight = decimal.NewFromInt(int64(ws))
		pol := score.Policy{Criteria: []score.Criterion{priceCrit("price", fmt.Sprint(wp), criteria.PriceRule{Method: criteria.Relative}),
			qualityCrit("q", fmt.Sprint(100-wp-ws)), sv}}
		if rapid.Bool().Draw(t, "declared") {
			pol.Rounding = []score.RoundingRule{{Stage: score.LeafPoints, Places: int32(rapid.IntRange(0, 3).Draw(t, "places")),
				Mode: rapid.SampledFrom(exact.Modes()).Draw(t, "mode")}}
		}
		if rapid.Bool().Draw(t, "normalised") { // each score rounded before it is weighted
			pol.Rounding = append(pol.Rounding, score.RoundingRule{Stage: score.Normalised, Places: int32(rapid.IntRange(1, 4).Draw(t, "score places")),
				Mode: rapid.SampledFrom(exact.Modes()).Draw(t, "score mode")})
		}
		wide := rapid.Bool().Draw(t, "wide")
		var bids []score.Bid
		for i := range rapid.IntRange(3, 14).Draw(t, "bids") {
			price := rapid.Int64Range(50000, 500000).Draw(t, "price")
			mark, n := rapid.Int64Range(0, 4).Draw(t, "mark"), rapid.Int64Range(0, 20).Draw(t, "starts")
			if wide { // dearer, better and offering more
				price, mark, n = int64(100000+1000*i), int64(i*5/14), int64(i+1)
			}
			bids = append(bids, startsBid(fmt.Sprintf("B%02d", i), fmt.Sprint(price), n, map[string]int64{"q": mark}))
		}
		p, err := score.Prepare(tenderOf(lotOf(pol)), bids)
		require.NoError(t, err)
		trials, ok := p.Trials("L1")
		require.True(t, ok)
		lowest := *bids[0].Responses["price"].Price.Amount
		for _, b := range bids {
			lowest = decimal.Min(lowest, *b.Responses["price"].Price.Amount)
		}
		for _, b := range bids {
			for range 3 {
				np := lowest.Mul(decimal.New(rapid.Int64Range(1, 9999).Draw(t, "share"), -4)).Round(2)
				if !np.IsPositive() {
					continue
				}
				tr, err := trials.WithPrice(b.ID, "price", np)
				require.NoError(t, err)
				q, err := p.WithBid(withResponse(b, "price", priced(np.String())))
				require.NoError(t, err)
				want, _ := q.EvaluateLot("L1")
				trSame(t, fmt.Sprintf("%s at %s", b.ID, np), tr, want)
			}
		}
	})
}
