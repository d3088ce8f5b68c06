package score_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
)

// TestIdentifiers: an id may not hide characters that make it print as
// another or look like another (issue 11.2), and two suppliers whose ids
// differ only by such characters are the same supplier.
func TestIdentifiers(t *testing.T) {
	for _, tt := range []struct {
		name   string
		edit   func(bs []score.Bid)
		field  string
		rule   string
		reason string
	}{
		{"zero-width space in a bid id", func(bs []score.Bid) { bs[1].ID = "B\u200B" }, "bids[1].id", "visible-id", "B and B+ZWSP would look the same"},
		{"right-to-left override in a supplier id", func(bs []score.Bid) { bs[1].Supplier.ID = "S-\u202EB" }, "bids[1].supplier.id", "visible-id", "would print reversed"},
		{"decomposed é", func(bs []score.Bid) { bs[1].Supplier.ID = "S-Be\u0301" }, "bids[1].supplier.id", "nfc", "é typed two ways is one id"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bs := []score.Bid{simpleBid("A", "100", 3), simpleBid("B", "90", 2)}
			tt.edit(bs)
			_, err := score.Evaluate(tenderOf(lotOf(simplePolicy())), bs)
			var ve *score.ValidationError
			require.ErrorAs(t, err, &ve, tt.reason)
			require.NotEmpty(t, ve.Problems)
			assert.Equal(t, tt.field, ve.Problems[0].Field, tt.reason)
			assert.Equal(t, tt.rule, ve.Problems[0].Rule, tt.reason)
		})
	}
	// Bids A and B for lot L1, C and D for L2; A's supplier id is first
	// (its own when empty), C's second, with A's supplier name: the
	// problems found.
	twoSpellings := func(t *testing.T, first, second string) *score.ValidationError {
		p := simplePolicy()
		l1, l2 := lotOf(p), lotOf(p)
		l2.ID = "L2"
		tn := tenderOf(l1)
		tn.Lots = append(tn.Lots, l2)
		a, b := simpleBid("A", "100", 3), simpleBid("B", "90", 2)
		if first != "" {
			a.Supplier.ID = first
		}
		c := simpleBid("C", "95", 3)
		c.Lot, c.Supplier = "L2", score.Supplier{ID: second, Name: a.Supplier.Name}
		d := simpleBid("D", "99", 3)
		d.Lot = "L2"
		_, err := score.Evaluate(tn, []score.Bid{a, b, c, d})
		var ve *score.ValidationError
		require.ErrorAs(t, err, &ve)
		return ve
	}
	t.Run("two spellings of one supplier", func(t *testing.T) {
		ve := twoSpellings(t, "", "S-A\u2060")
		var rules []string
		for _, p := range ve.Problems {
			if p.Field == "bids[2].supplier.id" {
				rules = append(rules, p.Rule)
			}
		}
		assert.Equal(t, []string{"visible-id", "same-supplier"}, rules, "S-A and S-A+word-joiner are one supplier")
	})
	// The other order: the plain spelling comes after the other one, when
	// the ids met so far are no longer all plain.
	t.Run("two spellings of one supplier, the plain one second", func(t *testing.T) {
		ve := twoSpellings(t, "S-X\u2060", "S-X")
		assert.True(t, ve.Has("bids[2].supplier.id", "same-supplier"), "S-X after S-X+word-joiner is the same supplier")
	})
}

// TestOneBidPerLotAcrossLots: a supplier may bid once for each lot, not
// twice for one; the problem names the lot and the earlier bid; and two
// lots the tender does not have are two lots, not one.
func TestOneBidPerLotAcrossLots(t *testing.T) {
	l2 := lotOf(simplePolicy())
	l2.ID, l2.Title = "L2", "Lot two"
	tn := tenderOf(lotOf(simplePolicy()))
	tn.Lots = append(tn.Lots, l2)
	bid := func(id, supplier, lot string) score.Bid {
		b := simpleBid(id, "1000", 3)
		b.Supplier, b.Lot = score.Supplier{ID: supplier, Name: "Supplier " + supplier}, lot
		return b
	}
	bids := []score.Bid{bid("B1", "S1", "L1"), bid("B2", "S1", "L2"), bid("B3", "S2", "L1"), bid("B4", "S1", "L1"),
		bid("B5", "S2", "L2"), bid("B6", "S3", "L8"), bid("B7", "S3", "L9")}
	err := tn.Validate(bids)
	var ve *score.ValidationError
	require.ErrorAs(t, err, &ve)
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Field+" "+p.Rule+": "+p.Message)
	}
	assert.Equal(t, []string{
		"bids[3].supplier.id one-bid-per-lot: supplier already bid for lot L1 in bid B1",
		"bids[5].lot known-lot: the tender has no lot with this id",
		"bids[6].lot known-lot: the tender has no lot with this id",
	}, got, "S1 bids for L1 twice (B1, B4) and once for L2; S3 bids for L8 and L9, two lots")
}
