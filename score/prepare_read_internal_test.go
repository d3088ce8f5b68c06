package score

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
)

// readField is one lot of price 40 and q quality questions under 60, with n
// bids: every fifth bid's evaluator gave another mark than the consensus,
// and bid 7 is disregarded.
func readField(q, n int) (Tender, []Bid) {
	t, _ := fixedField(2)
	var qs []Criterion
	for i := range q {
		w := int64(100 / q)
		if i == q-1 {
			w = 100 - w*int64(q-1) // the weights sum to 100
		}
		qs = append(qs, Criterion{ID: fmt.Sprintf("q%d", i), Title: fmt.Sprintf("Question %d", i), Weight: decimal.NewFromInt(w),
			Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}})
	}
	t.Lots[0].Policy.Criteria = []Criterion{t.Lots[0].Policy.Criteria[0], {ID: "quality", Title: "Quality", Weight: decimal.NewFromInt(60), Children: qs}}
	bids := make([]Bid, n)
	for i := range bids {
		id := fmt.Sprintf("B%05d", i)
		rs := map[string]Response{"price": {Price: criteria.Amount(decimal.NewFromInt(int64(1000 + i%97)))}}
		for j := range q {
			m, own := int64((i+j)%5), int64((i+j)%5)
			if i%5 == 0 {
				own = (own + 1) % 5
			}
			rs[fmt.Sprintf("q%d", j)] = Response{Marks: criteria.Marks{
				Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: decimal.NewFromInt(own), Rationale: "seen"}},
				Consensus:  &criteria.Consensus{Mark: decimal.NewFromInt(m), Rationale: "agreed"}}}
		}
		bids[i] = Bid{ID: id, Supplier: Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1", Responses: rs}
	}
	bids[7].Disregard = &Disregard{Ground: ExcludedSupplier, Reason: "excluded"}
	return t, bids
}

// TestReadWhileValidatedIsReadAfter: a lot read while its bids are
// validated, from the responses validation looked up, is the lot read
// after validation from the bids' maps — for a tree small enough for the
// responses to be kept on the stack and for one that is not.
func TestReadWhileValidatedIsReadAfter(t *testing.T) {
	for _, q := range []int{3, 40} {
		t.Run(fmt.Sprintf("%d questions", q), func(t *testing.T) {
			tn, bids := readField(q, 1100)
			v := newValidation()
			require.NoError(t, v.all(tn, bids, true))
			during, ok := v.rd.prepared(tn, bids)
			require.True(t, ok, "every bid was read as it was validated")
			after := prepared(tn, bids)
			d, a := during.byLot["L1"], after.byLot["L1"]
			require.Len(t, d.per, len(a.per))
			assert.Equal(t, a.bids, d.bids)
			changed := 0
			for i := range a.per {
				assert.Equal(t, a.per[i].cells, d.per[i].cells, "bid %d", i)
				assert.Equal(t, a.per[i].quotes, d.per[i].quotes, "bid %d", i)
				assert.Equal(t, a.per[i].changes, d.per[i].changes, "bid %d", i)
				assert.Equal(t, a.per[i].fixed, d.per[i].fixed, "bid %d", i)
				assert.Equal(t, a.per[i].dq, d.per[i].dq, "bid %d", i)
				changed += len(d.per[i].changes)
			}
			assert.Positive(t, changed, "the field has marks moderation changed")
		})
	}
}
