package score_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
)

// TestBidValidateChecksWhatEveryBidNeeds: a bid checked on its own, as a
// reader of hostile files checks each bid as it reads it (issue 11.1),
// finds what every bid needs whatever its tender — and Tender.Validate
// finds the same problems at the bid's place, so that the two never
// disagree on a bid.
func TestBidValidateChecksWhatEveryBidNeeds(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(b *score.Bid)
		want []string // field rule, in order
	}{
		{"a complete bid has none", func(*score.Bid) {}, nil},
		{"an empty bid lacks its id, supplier and lot, in field order", func(b *score.Bid) { *b = score.Bid{} },
			[]string{"id required", "supplier.id required", "supplier.name required", "lot required"}},
		{"a zero-width space would make B look like B", func(b *score.Bid) { b.ID = "B\u200B" }, []string{"id visible-id"}},
		{"a decomposed é is one id typed two ways", func(b *score.Bid) { b.Supplier.ID = "S-Be\u0301" }, []string{"supplier.id nfc"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := simpleBid("B", "90", 2)
			tt.edit(&b)
			err := b.Validate()
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			var ve *score.ValidationError
			require.ErrorAs(t, err, &ve)
			var got []string
			for _, p := range ve.Problems {
				got = append(got, p.Field+" "+p.Rule)
			}
			assert.Equal(t, tt.want, got)
			_, err = score.Evaluate(tenderOf(lotOf(simplePolicy())), []score.Bid{simpleBid("A", "100", 3), b})
			var all *score.ValidationError
			require.ErrorAs(t, err, &all)
			for _, w := range tt.want {
				field, rule, _ := strings.Cut(w, " ")
				assert.True(t, all.Has("bids[1]."+field, rule), "Tender.Validate reports %s too", w)
			}
		})
	}
}
