package score_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// TestTrialFindsATieTheRoundingMakes: a trial that lowers the lowest price
// and raises the best social value offer at once finds a bid whose total
// before rounding is below the best found, but rounds up to tie it — the
// case that a search of lines through the others' totals, tried and not
// kept, missed without the lines' slack. Worked by hand: price 40 (relative),
// quality 40 (0–4), apprenticeship starts 20 relative to the best, each
// start worth £2,000 and read as a share of the bid's price; points to two
// places, half up. A offers five starts at £100,000 (0.1, the best as
// evaluated) with mark 4; I none at £80,005 (the lowest) with mark 4; C
// ten at £300,000 with mark 0. At £75,000 C's offer is 0.2666…, the best,
// and its price the lowest: A scores 30 + 40 + 20 × 0.1 ÷ 0.2666… = 7.5,
// 77.50; I 40 × 75,000 ÷ 80,005 = 37.4976…, shown 37.50, and 40: 77.50
// too, though its total before rounding, 77.4976…, is below A's; C 40 + 0
// + 20 = 60. A and I tie.
func TestTrialFindsATieTheRoundingMakes(t *testing.T) {
	pol := score.Policy{Criteria: []score.Criterion{
		priceCrit("price", "40", criteria.PriceRule{Method: criteria.Relative}), qualityCrit("q", "40"), startsCrit(t, "20"),
	}}
	bids := []score.Bid{startsBid("A", "100000", 5, map[string]int64{"q": 4}),
		startsBid("C", "300000", 10, map[string]int64{"q": 0}), startsBid("I", "80005", 0, map[string]int64{"q": 4})}
	p, err := score.Prepare(tenderOf(lotOf(pol)), bids)
	require.NoError(t, err)
	got, want := repriced(t, p, bids, 1, "75000")
	assert.Equal(t, score.UnresolvedTie, want.Outcome, "evaluated whole: A and I tie at 77.50")
	assert.Equal(t, want.Outcome, got.Outcome, "the trial")
	for id, total := range map[string]string{"A": "77.50", "I": "77.50", "C": "60.00"} {
		f, ok := got.Total(id)
		require.True(t, ok, id)
		assert.Equal(t, total, f.String(), id)
	}
}
