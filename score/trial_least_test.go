package score_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// TestLeastShiftOutrankingIsEveryHundredth checks LeastShiftOutranking
// against ShiftOutranks asked at every hundredth from 0.01 up (itself held
// to the lot evaluated whole by TestTrialsAreEvaluations), for every
// ordered pair of bids, on random lots of every shape trPolicy draws: the
// rounding it declares (to whole points, at times) shows a bid above
// another at shifts scattered below where their totals draw level, which a
// search stepping from there up misses.
func TestLeastShiftOutrankingIsEveryHundredth(t *testing.T) {
	leastHolds(t, trShape{})
}

// TestLeastShiftOutrankingUnderPricePerQualityPointWithMinimums is the
// same under price per quality point with a minimum score always set,
// where the two ratios' window holds while the bid asked to be outranked
// is in, and past its least crossing every hundredth is asked.
func TestLeastShiftOutrankingUnderPricePerQualityPointWithMinimums(t *testing.T) {
	leastHolds(t, trShape{perQualityPoint: true, thresholds: true})
}

// TestLeastShiftOutrankingWithMinimums is the same with a minimum score
// always set, mostly under weighted points: there the two totals' window
// holds while the bid asked to be outranked is in and no other bid crossing
// a minimum has moved a figure, and past the least shift at which either
// could happen every hundredth is asked.
func TestLeastShiftOutrankingWithMinimums(t *testing.T) {
	leastHolds(t, trShape{thresholds: true})
}

// leastHolds draws lots of the shape given and holds LeastShiftOutranking
// to ShiftOutranks asked at every hundredth.
func leastHolds(t *testing.T, shape trShape) {
	cat := sampleCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		tn, _, _, trials := trPreparedAs(t, cat, shape)
		pol := tn.Lots[0].Policy
		from, to, room, ok := drawShift(t, trials, pol)
		if !ok {
			return
		}
		most := decimal.New(rapid.Int64Range(1, min(room, 1500)).Draw(t, "most"), -2) // every hundredth asked below: bounded
		f, g := pol.Criteria[from].ID, pol.Criteria[to].ID
		bids := trials.Result().Bids
		for _, a := range bids {
			for _, b := range bids {
				if a.BidID == b.BidID {
					continue
				}
				want, found := decimal.Decimal{}, false
				for d := decimal.New(1, -2); d.Cmp(most) <= 0 && !found; d = d.Add(decimal.New(1, -2)) {
					yes, err := trials.ShiftOutranks(f, g, d, a.BidID, b.BidID)
					require.NoError(t, err)
					want, found = d, yes
				}
				got, ok, err := trials.LeastShiftOutranking(f, g, most, a.BidID, b.BidID)
				require.NoError(t, err)
				what := fmt.Sprintf("%s above %s, %s → %s, up to %s", a.BidID, b.BidID, f, g, most)
				if ok != found || (ok && !got.Equal(want)) {
					t.Fatalf("%s: least %s %v, every hundredth %s %v", what, got, ok, want, found)
				}
			}
		}
	})
}
