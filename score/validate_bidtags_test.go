package score

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// TestBidTagsAreTheTags checks the per-bid checks written out against the
// Bid type's validate tags run by validator/v10, on bids with every
// combination of the tagged fields empty or not and the untagged ones
// filled in: the same problems, in the same order, field by field.
func TestBidTagsAreTheTags(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := func(label string) string { return rapid.SampledFrom([]string{"", "x", " ", "B-1"}).Draw(t, label) }
		b := Bid{ID: s("id"), Lot: s("lot"), Supplier: Supplier{ID: s("supplier.id"), Name: s("supplier.name"), Address: s("address"), Email: s("email")},
			Responses: map[string]Response{"q": {}}, TieBreakScores: map[string]RecordedScore{"r": {}}}
		if rapid.Bool().Draw(t, "disregard") {
			b.Disregard = &Disregard{}
		}
		tags, written := newValidation(), newValidation()
		tags.structTags("bids[3]", b)
		written.bidTags("bids[3]", &b)
		require.Equal(t, tags.ps, written.ps)
	})
}

// TestBidTagsByHand: a bid with nothing named reports the four fields the
// tags require, in the order the tags declare them.
func TestBidTagsByHand(t *testing.T) {
	v := newValidation()
	v.bidTags("bids[0]", &Bid{})
	var fields []string
	for _, p := range v.ps {
		fields = append(fields, p.Field+" "+p.Rule+" "+p.Message)
	}
	assert.Equal(t, []string{"bids[0].id required is required", "bids[0].supplier.id required is required",
		"bids[0].supplier.name required is required", "bids[0].lot required is required"}, fields)
}
