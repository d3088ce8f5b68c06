package scoretest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// A field for a lot on ProZorro's MEAT rule chooses one published value per
// feature for every bid, so it is valid for the policy; and the property
// checks hold on it, the lowest adjusted price ranking first.
func TestFieldAndChecksOnAdjustedPrice(t *testing.T) {
	tn := testTender(nil)
	tn.Lots[0].Policy = score.Policy{Basis: score.AdjustedPrice,
		Features: &criteria.FeatureRule{Features: []criteria.Feature{
			{Code: "AIR", Title: "Air intake", Values: []criteria.FeatureValue{{Value: d("0.1"), Title: "up to 1000 W"}, {Value: d("0.15"), Title: "over 1000 W"}}},
			{Code: "YEARS", Title: "Years trading", Values: []criteria.FeatureValue{{Value: d("0.05"), Title: "up to 3"}, {Value: d("0.15"), Title: "over 5"}}},
		}},
		Criteria: []score.Criterion{{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.AdjustedByFeatures}}}}
	bids := NewField(t, tn, "1", 8, 5).Bids()
	require.NoError(t, tn.Validate(bids))
	for _, b := range bids {
		assert.Len(t, b.Features, 2, "bid %s chooses a value for each feature", b.ID)
	}
	rep := CheckPolicy(t, tn, "1", bids)
	assert.Empty(t, rep.Violations, "%v", rep.Violations)
}
