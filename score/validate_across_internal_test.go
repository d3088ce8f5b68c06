package score

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
)

// acrossField is fixedField's tender with n bids, each as valid as
// fixedField's own; spoil then changes them.
func acrossField(n int, spoil func(i int, b *Bid)) (Tender, []Bid) {
	t, three := fixedField(2)
	bids := make([]Bid, n)
	for i := range bids {
		b := three[i%3]
		id := fmt.Sprintf("B%05d", i)
		b.ID, b.Supplier = id, Supplier{ID: "S" + id, Name: "Supplier " + id}
		b.Responses = map[string]Response{"price": b.Responses["price"], "q1": b.Responses["q1"], "q2": b.Responses["q2"]}
		if spoil != nil {
			spoil(i, &b)
		}
		bids[i] = b
	}
	return t, bids
}

// TestChecksAcrossBidsBesideOwnChecks: the checks across bids, run beside
// the bids' own checks, give the problems, in the order, and the count of
// those left out, that they give run before them — whether the problems
// are a few or past the cap, from either kind of check or both.
func TestChecksAcrossBidsBesideOwnChecks(t *testing.T) {
	noConsensus := func(b *Bid) {
		r := b.Responses["q1"]
		r.Marks.Consensus = nil
		b.Responses["q1"] = r
	}
	cases := map[string]func(i int, b *Bid){
		"none": nil,
		"a few of each": func(i int, b *Bid) {
			switch i {
			case 7, 1500:
				noConsensus(b)
			case 900, 1800:
				b.ID = "B00003" // bids[3]'s
			case 1200:
				b.Supplier.Name = "Another name"
				b.Supplier.ID = "SB00011"
			}
		},
		"across only, past the cap": func(i int, b *Bid) {
			if i%2 == 1 {
				b.ID = fmt.Sprintf("B%05d", i-1)
			}
		},
		"own only, past the cap": func(i int, b *Bid) { noConsensus(b) },
		"both, past the cap": func(i int, b *Bid) {
			if i%3 == 0 {
				noConsensus(b)
			}
			if i > 600 && i%5 == 0 {
				b.ID = "B00001"
			}
		},
		"across late, own past the cap early": func(i int, b *Bid) {
			if i < 300 {
				noConsensus(b)
			}
			if i == 1999 {
				b.ID = "B00000"
			}
		},
	}
	for name, spoil := range cases {
		t.Run(name, func(t *testing.T) {
			tn, bids := acrossField(2000, spoil)
			inTurn := newValidation()
			inTurn.inTurn = true
			want := inTurn.all(tn, bids, true)
			got := newValidation().all(tn, bids, true)
			if spoil == nil {
				require.NoError(t, want)
				require.NoError(t, got)
				return
			}
			require.Error(t, want)
			require.Error(t, got)
			assert.Equal(t, want.Error(), got.Error())
			var we, ge *ValidationError
			require.ErrorAs(t, want, &we)
			require.ErrorAs(t, got, &ge)
			assert.Equal(t, we.Problems, ge.Problems)
			if name != "a few of each" {
				assert.Len(t, ge.Problems, criteria.MaxProblems+1, "the case is past the cap")
			}
		})
	}
}

// TestAProblemAcrossBidsStopsTheReading: a field whose only problem is
// found across bids, beside the reading, is refused as a whole.
func TestAProblemAcrossBidsStopsTheReading(t *testing.T) {
	tn, bids := acrossField(2000, func(i int, b *Bid) {
		if i == 1990 {
			b.ID = "B00010"
		}
	})
	v := newValidation()
	require.Error(t, v.all(tn, bids, true))
	require.NotNil(t, v.rd)
	_, ok := v.rd.prepared(tn, bids)
	assert.False(t, ok, "nothing read is used")
	_, err := Prepare(tn, bids)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	require.Len(t, ve.Problems, 1)
	assert.Equal(t, "bids[1990].id", ve.Problems[0].Field)
}
