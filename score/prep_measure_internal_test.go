package score

import (
	"os"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
)

// measuredField is a lot of two bids, price 60 (relative) and
// apprenticeship starts 40, relative to the best offer read as a share of
// the bid's price: 3 starts at £2,000 (the sample catalogue's proxy) from
// each, A at £100,000 and B at the given price.
func measuredField(t *testing.T, priceB int64) (Tender, []Bid) {
	f, err := os.Open("../criteria/testdata/sample-catalogue.csv")
	require.NoError(t, err)
	defer f.Close()
	cat, err := criteria.LoadCatalogueCSV(f)
	require.NoError(t, err)
	pol := Policy{Criteria: []Criterion{
		{ID: "price", Title: "Price", Weight: decimal.NewFromInt(60), Price: &criteria.PriceRule{Method: criteria.Relative}},
		{ID: "appr", Title: "Apprenticeships", Weight: decimal.NewFromInt(40), SocialValue: &criteria.SocialValueRule{Catalogue: cat,
			Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisProxyValue, Per: criteria.ShareOfBidPrice,
			Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}}}}
	tn := Tender{ID: "T-1", Title: "Test tender", Authority: Authority{Name: "Anytown Council", Type: SubCentral},
		Commenced: date.On(2026, 3, 1), Regime: PA2023,
		Lots: []Lot{{ID: "L1", Title: "Lot one", EstimatedValue: decimal.NewFromInt(500000), TermMonths: 36, Policy: pol}}}
	three := decimal.NewFromInt(3)
	bid := func(id string, price int64) Bid {
		return Bid{ID: id, Supplier: Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1", Responses: map[string]Response{
			"price": {Price: criteria.Amount(decimal.NewFromInt(price))},
			"appr":  {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &three}}}}}}
	}
	return tn, []Bid{bid("A", 100000), bid("B", priceB)}
}

// TestAPriceChangedCopyIsMeasuredAgain: a bid's social value responses are
// measured once, when it is read, against its price then; a copy whose
// price a trial changed (pricedBlock, then the lot evaluated whole) is
// measured again at its new price, never scored on the offer kept.
//
// By hand, B at £60,000: offers £6,000 ÷ £100,000 = 0.06 (A) and £6,000 ÷
// £60,000 = 0.1 (B, the best); A scores 60 × 0.6 + 40 × 0.6 = 60, B 60 +
// 40 = 100. On B's offer as read at £120,000 (0.05) A would have the best
// offer and score 36 + 40 = 76.
func TestAPriceChangedCopyIsMeasuredAgain(t *testing.T) {
	tn, bids := measuredField(t, 120000)
	p, err := Prepare(tn, bids)
	require.NoError(t, err)
	lp := p.byLot["L1"]
	for i := range lp.per {
		require.True(t, lp.per[i].svFresh(), "bid %d: measured as read", i)
	}
	tr, ok := p.Trials("L1")
	require.True(t, ok)
	bl, ps := tr.pricedBlock(1, lp.prices[0], decimal.NewFromInt(60000))
	require.Empty(t, ps)
	require.False(t, bl.prep.svFresh(), "a copy with its price changed is not fresh")
	got := tr.whole(1, &lp.bids[1], &bl.prep).st.full
	want := map[string]string{"A": "60", "B": "100"}
	for _, b := range got.Bids {
		require.Equal(t, want[b.BidID], b.Total.Points.Value.String(), "bid %s", b.BidID)
	}
	// And the same as the lot evaluated with B bidding £60,000 from the start.
	tn, bids = measuredField(t, 60000)
	fresh, err := Evaluate(tn, bids)
	require.NoError(t, err)
	for i, b := range fresh.Lots[0].Bids {
		require.Equal(t, b.BidID, got.Bids[i].BidID)
		require.True(t, b.Total.Points.Value.Equal(got.Bids[i].Total.Points.Value), "bid %s", b.BidID)
	}
}
