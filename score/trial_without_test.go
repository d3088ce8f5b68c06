package score_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/score"
)

// TestWithoutBidIsTheEngine holds Trials.WithoutBid to taking the bid out
// of the prepared tender and evaluating the lot again, on random lots of
// every shape trLot draws (thresholds, social value relative to the best
// offer, a recorded tie-break step, price per quality point): the same
// outcome, winner and standings, bid for bid — rank, score as shown, tie,
// supplier — for every bid removed, disqualified ones included.
func TestWithoutBidIsTheEngine(t *testing.T) {
	cat := sampleCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		_, bids, p, trials := trPrepared(t, cat)
		for _, b := range bids {
			got, err := trials.WithoutBid(b.ID)
			q, qerr := p.WithoutBid(b.ID)
			if qerr != nil { // the lot's only bid
				var ve, want *score.ValidationError
				require.ErrorAs(t, err, &ve, "without %s", b.ID)
				require.ErrorAs(t, qerr, &want)
				require.Equal(t, want.Problems, ve.Problems, "without %s: the same problem, at the same field path", b.ID)
				continue
			}
			require.NoError(t, err)
			want, _ := q.EvaluateLot("L1")
			require.Equal(t, want.Outcome, got.Outcome, "without %s", b.ID)
			require.Equal(t, want.Winner, got.Winner, "without %s", b.ID)
			require.Len(t, got.Standings, len(want.Standings), "without %s", b.ID)
			for i, w := range want.Standings {
				g := got.Standings[i]
				if g.BidID != w.BidID || g.Rank != w.Rank || g.Tied != w.Tied || g.Supplier != w.Supplier ||
					!g.Score.Value.Equal(w.Score.Value) || g.Score.Places != w.Score.Places {
					t.Fatalf("without %s, place %d: %+v, evaluated %+v", b.ID, i+1, g, w)
				}
			}
		}
		_, err := trials.WithoutBid("no such bid")
		var ve *score.ValidationError
		require.ErrorAs(t, err, &ve)
		require.Equal(t, "bid", ve.Problems[0].Field)
	})
}
