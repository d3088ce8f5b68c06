package score_test

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// wideField is a lot large enough for the engine to spread its per-bid
// phases over several goroutines, with every path a bid can take: a failed
// gate, a mark below the minimum, a criterion below its minimum percentage,
// a price over the maximum budget, ties broken by the chain, rounding at
// every stage.
func wideField(n int) (score.Tender, []score.Bid) {
	q1 := qualityCrit("q1", "60")
	q1.Quality.MinMark = decp("1")
	q2 := qualityCrit("q2", "40")
	q2.MinPercent = decp("25")
	p := score.Policy{
		Gates: []criteria.Gate{{ID: "ce", Title: "Cyber Essentials Plus", Kind: criteria.AwardRequirement}},
		Criteria: []score.Criterion{
			priceCrit("price", "40", criteria.PriceRule{Method: criteria.Linear, MaxBudget: dec("740000"), OverBudget: criteria.DisqualifyOverBudget}),
			{ID: "quality", Title: "Quality", Weight: dec("60"), Children: []score.Criterion{q1, q2}},
		},
		Thresholds: score.Thresholds{MinQualityPercent: decp("30")},
		Rounding: []score.RoundingRule{{Stage: score.Normalised, Places: 3, Mode: exact.HalfEven},
			{Stage: score.TopLevel, Places: 2, Mode: exact.HalfUp}, {Stage: score.Total, Places: 1, Mode: exact.Down}},
		TieBreaks: []score.TieBreak{{Kind: score.HigherPoints, Criterion: "quality"}, {Kind: score.LowerPrice}},
	}
	bids := make([]score.Bid, n)
	for i := range n {
		id := fmt.Sprintf("B%05d", (i*7919)%n) // arrive out of id order
		gate := criteria.GateResult{Pass: i%97 != 0, Reason: "certificate seen"}
		bids[i] = score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
			Gates: map[string]criteria.GateResult{"ce": gate},
			Responses: map[string]score.Response{
				"price": {Price: criteria.Amount(decimal.NewFromInt(int64(500000 + (i*7919)%250000)))},
				"q1":    marks(int64(i % 5)),
				"q2":    marks(int64((i / 5) % 5)),
			}}
	}
	return tenderOf(lotOf(p)), bids
}

func rendered(t *testing.T, tn score.Tender, bids []score.Bid) []byte {
	t.Helper()
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, report.JSON(&b, res))
	require.NoError(t, report.Text(&b, res))
	return b.Bytes()
}

// TestParallelMatchesSerial evaluates a field large enough to be split over
// goroutines with one processor and with eight, and requires byte-identical
// results: the per-bid phases touch only their own bids, and every phase
// over the whole field runs in one goroutine.
func TestParallelMatchesSerial(t *testing.T) {
	tn, bids := wideField(1100)
	prev := runtime.GOMAXPROCS(1)
	serial := rendered(t, tn, bids)
	runtime.GOMAXPROCS(8)
	parallel := rendered(t, tn, bids)
	runtime.GOMAXPROCS(prev)
	assert.True(t, bytes.Equal(serial, parallel), "serial and parallel evaluations differ")
	for _, want := range []string{"disqualified at the gate stage", "below the minimum mark", "is below the minimum of 25%", "above the published maximum budget", "tied on"} {
		assert.Contains(t, string(serial), want, "the field takes every path, so the comparison covers it")
	}
}

// TestParallelValidationMatchesSerial validates a field large enough for
// the bids' own checks to run in parallel, with problems scattered through
// it, and requires the same problems in the same order as a serial run.
func TestParallelValidationMatchesSerial(t *testing.T) {
	tn, bids := wideField(1100)
	for _, i := range []int{3, 517, 518, 1099} {
		r := bids[i].Responses["q1"]
		r.Marks.Consensus = nil // a consensus mark is required
		bids[i].Responses["q1"] = r
	}
	bids[700].Responses["price"] = score.Response{Price: criteria.Amount(dec("-1"))}
	bids[900].ID = bids[901].ID
	prev := runtime.GOMAXPROCS(1)
	serial := tn.Validate(bids)
	runtime.GOMAXPROCS(8)
	parallel := tn.Validate(bids)
	runtime.GOMAXPROCS(prev)
	require.Error(t, serial)
	assert.Equal(t, serial.Error(), parallel.Error())
	var ve *score.ValidationError
	require.ErrorAs(t, serial, &ve)
	assert.Len(t, ve.Problems, 6, "four missing consensus marks, a negative price, a repeated id")
}
