package score_test

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

func resultBytes(t *testing.T, r score.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, report.JSON(&b, r))
	return b.Bytes()
}

func evaluated(t *testing.T, tn score.Tender, bids []score.Bid) []byte {
	t.Helper()
	r, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	return resultBytes(t, r)
}

func preparedField(t *testing.T) (score.Tender, []score.Bid, *score.Prepared) {
	t.Helper()
	tn := tenderOf(lotOf(simplePolicy()))
	bids := []score.Bid{simpleBid("A", "10000", 2), simpleBid("B", "15000", 4), simpleBid("C", "12000", 3)}
	p, err := score.Prepare(tn, bids)
	require.NoError(t, err)
	return tn, bids, p
}

// TestPreparedEvaluatesAsEvaluate checks that a prepared tender, and each
// changed copy of it, evaluates byte for byte as Evaluate does on the same
// tender and bids.
func TestPreparedEvaluatesAsEvaluate(t *testing.T) {
	tn, bids, p := preparedField(t)
	assert.Equal(t, evaluated(t, tn, bids), resultBytes(t, p.Evaluate()), "prepared once, evaluated as Evaluate")
	lr, ok := p.EvaluateLot("L1")
	require.True(t, ok)
	want, err := score.EvaluateLot(tn, "L1", bids)
	require.NoError(t, err)
	assert.Equal(t, resultBytes(t, score.Result{Lots: []score.LotResult{want}}), resultBytes(t, score.Result{Lots: []score.LotResult{lr}}))
	_, ok = p.EvaluateLot("L9")
	assert.False(t, ok, "no such lot")

	cheaper := simpleBid("B", "9000", 4)
	q, err := p.WithBid(cheaper)
	require.NoError(t, err)
	assert.Equal(t, evaluated(t, tn, []score.Bid{bids[0], cheaper, bids[2]}), resultBytes(t, q.Evaluate()), "B re-priced")
	assert.Equal(t, evaluated(t, tn, bids), resultBytes(t, p.Evaluate()), "the original is unchanged")

	q, err = p.WithoutBid("A")
	require.NoError(t, err)
	assert.Equal(t, evaluated(t, tn, bids[1:]), resultBytes(t, q.Evaluate()), "A removed")
	assert.Len(t, p.Bids(), 3)

	l := tn.Lots[0]
	l.Policy.Criteria = slices.Clone(l.Policy.Criteria)
	l.Policy.Criteria[0].Weight, l.Policy.Criteria[1].Weight = dec("70"), dec("30")
	q, err = p.WithLot(l)
	require.NoError(t, err)
	tn2 := tn
	tn2.Lots = []score.Lot{l}
	assert.Equal(t, evaluated(t, tn2, bids), resultBytes(t, q.Evaluate()), "weights 70/30")
	assert.Equal(t, "40", p.Tender().Lots[0].Policy.Criteria[0].Weight.String(), "the original keeps its weights")
}

// TestPreparedValidatesWhatChanged checks that each change is validated, and
// that a problem names the replaced bid's own position.
func TestPreparedValidatesWhatChanged(t *testing.T) {
	tn, bids, p := preparedField(t)
	_, err := score.Prepare(tn, append(bids, simpleBid("A", "1", 1)))
	var ve *score.ValidationError
	require.ErrorAs(t, err, &ve, "two bids with one id")

	tests := []struct {
		why   string
		do    func() (*score.Prepared, error)
		field string
	}{
		{"no bid to replace", func() (*score.Prepared, error) { return p.WithBid(simpleBid("Z", "1", 1)) }, "bid"},
		{"a replaced bid keeps its supplier", func() (*score.Prepared, error) {
			b := simpleBid("B", "1", 1)
			b.Supplier.ID = "S-other"
			return p.WithBid(b)
		}, "bids[1].supplier.id"},
		{"a replaced bid keeps its lot", func() (*score.Prepared, error) {
			b := simpleBid("B", "1", 1)
			b.Lot = "L2"
			return p.WithBid(b)
		}, "bids[1].lot"},
		{"the new price is validated, at the bid's own position", func() (*score.Prepared, error) { return p.WithBid(simpleBid("C", "-5", 1)) }, "bids[2].responses[price].price.amount"},
		{"the new marks are validated", func() (*score.Prepared, error) { return p.WithBid(simpleBid("C", "5", 9)) }, "bids[2].responses[q].marks.evaluators[0].mark"},
		{"no bid to remove", func() (*score.Prepared, error) { return p.WithoutBid("Z") }, "bid"},
		{"no such lot", func() (*score.Prepared, error) { return p.WithLot(score.Lot{ID: "L9"}) }, "lot"},
		{"a changed policy is validated", func() (*score.Prepared, error) {
			l := tn.Lots[0]
			l.Policy.Criteria = slices.Clone(l.Policy.Criteria)
			l.Policy.Criteria[0].Weight = dec("41")
			return p.WithLot(l)
		}, "lots[0].policy.criteria"},
	}
	for _, tt := range tests {
		q, err := tt.do()
		assert.Nil(t, q, tt.why)
		var ve *score.ValidationError
		if assert.ErrorAs(t, err, &ve, tt.why) {
			var fields []string
			for _, pr := range ve.Problems {
				fields = append(fields, pr.Field)
			}
			assert.Contains(t, fields, tt.field, tt.why)
		}
	}
	one, err := score.Prepare(tn, bids[:1])
	require.NoError(t, err)
	_, err = one.WithoutBid("A")
	assert.ErrorContains(t, err, "no other bid", "a lot keeps at least one bid")
}

func ExamplePrepare() {
	tn := tenderOf(lotOf(simplePolicy()))
	bids := []score.Bid{simpleBid("A", "10000", 2), simpleBid("B", "15000", 4)}
	p, err := score.Prepare(tn, bids) // validated once
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, price := range []string{"15000", "45000"} {
		q, err := p.WithBid(simpleBid("B", price, 4)) // only B is validated again
		if err != nil {
			fmt.Println(err)
			return
		}
		l, _ := q.EvaluateLot("L1")
		fmt.Printf("B at £%s: winner %s\n", price, l.Winner)
	}
	// Output:
	// B at £15000: winner B
	// B at £45000: winner A
}
