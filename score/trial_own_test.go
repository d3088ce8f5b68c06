package score_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// TestOwnTotalIsTheTrials holds Trials.OwnTotalAt to the total a trial of
// the same price shows for the bid, on random lots of every shape trLot
// draws, social value read as a share of the price among them: whenever it
// answers, the same value and places. On a lot with no threshold and no
// banded offer (whose trials never need the others to score the bid) it
// must answer whenever the trial shows a total.
func TestOwnTotalIsTheTrials(t *testing.T) {
	cat := sampleCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		tn, bids := trLot(t, cat)
		p, err := score.Prepare(tn, bids)
		require.NoError(t, err)
		trials, _ := p.Trials("L1")
		pol := tn.Lots[0].Policy
		mustKnow := pol.Thresholds.MinQualityPercent == nil
		for _, c := range pol.Criteria {
			mustKnow = mustKnow && c.MinPercent == nil && (c.SocialValue == nil || c.SocialValue.Method != criteria.Banded)
			for _, ch := range c.Children {
				mustKnow = mustKnow && ch.MinPercent == nil
			}
		}
		var prices []decimal.Decimal
		for _, b := range bids {
			prices = append(prices, *b.Responses["price"].Price.Amount)
		}
		for _, b := range bids {
			np := trPrice(t, prices, "new price")
			got, ok := trials.OwnTotalAt(b.ID, "price", np)
			tr, err := trials.WithPrice(b.ID, "price", np)
			require.NoError(t, err)
			want, wok := tr.Total(b.ID)
			tr.Release()
			what := fmt.Sprintf("%s at %s", b.ID, np)
			switch {
			case ok && (!wok || !got.Value.Equal(want.Value) || got.Places != want.Places):
				t.Fatalf("%s: own total %v, the trial shows %v %v", what, got, want, wok)
			case !ok && wok && mustKnow:
				t.Fatalf("%s: no own total, the trial shows %v", what, want)
			}
		}
		_, ok := trials.OwnTotalAt("no such bid", "price", decimal.NewFromInt(1))
		require.False(t, ok)
		_, ok = trials.OwnTotalAt(bids[0].ID, "quality", decimal.NewFromInt(1))
		require.False(t, ok, "not a price criterion")
		_, ok = trials.OwnTotalAt(bids[0].ID, "price", decimal.Zero)
		require.False(t, ok, "not a price a bid could offer")
	})
}
