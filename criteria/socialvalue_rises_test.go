package criteria_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/tenderscore/tenderscore/criteria"
)

// TestRisesWithPrice: a £ commitment given as a percentage of the bid's
// price rises with the price, unless the rule scores the offer as a share
// of that price; a quantity, a measure not counted, or a measure not in £
// does not.
func TestRisesWithPrice(t *testing.T) {
	cat := criteria.Catalogue{Name: "Fictional measures", Measures: []criteria.Measure{
		{Code: "FX-SUPP-02", Description: "Spend with small suppliers", Unit: criteria.UnitPounds, Proxy: decimal.RequireFromString("0.2"), Source: "fictional", Year: 2026},
		{Code: "FX-APPR-01", Description: "Apprenticeship starts", Unit: "apprenticeship start", Proxy: decimal.NewFromInt(2000), Source: "fictional", Year: 2026},
	}}
	five, ten := decimal.NewFromInt(5), decimal.NewFromInt(10000)
	pct := criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &five}, {Measure: "FX-SUPP-02", Percent: &five}}}
	amount := criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-SUPP-02", Quantity: &ten}}}
	value := criteria.SocialValueRule{Catalogue: cat, Basis: criteria.BasisProxyValue}
	share := value
	share.Per = criteria.ShareOfBidPrice
	notCounted := value
	notCounted.Measures = []string{"FX-APPR-01"}
	tests := []struct {
		why  string
		rule criteria.SocialValueRule
		resp criteria.SocialValueResponse
		want string
	}{
		{"5% of the price, valued in £: it rises with the price", value, pct, "FX-SUPP-02"},
		{"scored as a share of the price: the same share at any price", share, pct, ""},
		{"a £ amount: fixed whatever the price", value, amount, ""},
		{"the criterion does not count the measure", notCounted, pct, ""},
	}
	for _, tt := range tests {
		got, ok := tt.rule.RisesWithPrice(tt.resp)
		assert.Equal(t, tt.want, got, tt.why)
		assert.Equal(t, tt.want != "", ok, tt.why)
	}
}
