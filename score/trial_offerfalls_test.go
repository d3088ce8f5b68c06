package score_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// TestOfferFallsWithPrice: a bid's own social value offer falls with its
// price only when it commits a £ measure as a percentage of the price and
// the criterion does not read the offer as a share of the price. Each case
// says why; the bid asked about is X, beside Y, which commits a sum.
func TestOfferFallsWithPrice(t *testing.T) {
	cat := criteria.Catalogue{Name: "a fictional sample", Measures: []criteria.Measure{
		{Code: "FX-SME-01", Description: "Contract spend with small firms", Unit: criteria.UnitPounds, Proxy: dec("0.20"), Source: "fictional", Year: 2026},
		{Code: "FX-APPR-01", Description: "Apprenticeship starts", Unit: "apprenticeship start", Proxy: dec("2000"), Source: "fictional", Year: 2026}}}
	rule := func(per criteria.Normalisation, method criteria.SocialValueMethod) *criteria.SocialValueRule {
		r := &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-SME-01", "FX-APPR-01"}, Basis: criteria.BasisProxyValue,
			Per: per, Method: method, WithoutMethodStatement: criteria.CountUnsupported}
		if method == criteria.Banded {
			r.Bands = []criteria.CommitmentBand{{AtLeast: dec("1000"), Share: dec("0.5")}, {AtLeast: dec("20000"), Share: dec("1")}}
		}
		return r
	}
	percent := func(p string) criteria.Commitment { return criteria.Commitment{Measure: "FX-SME-01", Percent: decp(p)} }
	sum := func(q string) criteria.Commitment {
		return criteria.Commitment{Measure: "FX-SME-01", Quantity: decp(q)}
	}
	starts := func(q string) criteria.Commitment {
		return criteria.Commitment{Measure: "FX-APPR-01", Quantity: decp(q)}
	}
	tests := []struct {
		why      string
		rule     *criteria.SocialValueRule
		x        []criteria.Commitment
		passes   bool
		wantFall bool
	}{
		{"10% of the price in £, relative to the best: £40,000 at £400,000, £0.002 at a penny", rule("", criteria.RelativeToBest), []criteria.Commitment{percent("10")}, true, true},
		{"the same in bands: a lower price can take the offer down a band", rule("", criteria.Banded), []criteria.Commitment{percent("10")}, true, true},
		{"a percentage beside apprenticeship starts: the percentage still falls", rule("", criteria.RelativeToBest), []criteria.Commitment{starts("2"), percent("2")}, true, true},
		{"a sum in £: no price moves it", rule("", criteria.RelativeToBest), []criteria.Commitment{sum("40000")}, true, false},
		{"apprenticeship starts: no price moves them", rule("", criteria.RelativeToBest), []criteria.Commitment{starts("3")}, true, false},
		{"a percentage read as a share of the price: the same share at any price", rule(criteria.ShareOfBidPrice, criteria.RelativeToBest), []criteria.Commitment{percent("10")}, true, false},
		{"starts read as a share of the price: the offer rises as the price falls", rule(criteria.ShareOfBidPrice, criteria.RelativeToBest), []criteria.Commitment{starts("3")}, true, false},
		{"disqualified at the gate: not in the field at all", rule("", criteria.RelativeToBest), []criteria.Commitment{percent("10")}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			pol := score.Policy{
				Gates: []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "ins", Title: "Insurance"}},
				Criteria: []score.Criterion{priceCrit("price", "70", criteria.PriceRule{Method: criteria.Relative}),
					{ID: "sme", Title: "Small firms", Weight: dec("30"), SocialValue: tt.rule}}}
			bid := func(id, price string, pass bool, cs []criteria.Commitment) score.Bid {
				return score.Bid{ID: id, Supplier: score.Supplier{ID: "S-" + id, Name: "Supplier " + id}, Lot: "L1",
					Gates: map[string]criteria.GateResult{"ins": {Pass: pass, Reason: "checked"}},
					Responses: map[string]score.Response{"price": priced(price),
						"sme": {SocialValue: criteria.SocialValueResponse{Commitments: cs}}}}
			}
			p, err := score.Prepare(tenderOf(lotOf(pol)), []score.Bid{
				bid("X", "400000", tt.passes, tt.x), bid("Y", "420000", true, []criteria.Commitment{sum("30000")})})
			require.NoError(t, err)
			trials, ok := p.Trials("L1")
			require.True(t, ok)
			c, falls := trials.OfferFallsWithPrice("X")
			assert.Equal(t, tt.wantFall, falls)
			if tt.wantFall {
				assert.Equal(t, "sme", c)
			}
			_, falls = trials.OfferFallsWithPrice("Y")
			assert.False(t, falls, "Y commits a sum")
			_, falls = trials.OfferFallsWithPrice("no such bid")
			assert.False(t, falls)
		})
	}
}
