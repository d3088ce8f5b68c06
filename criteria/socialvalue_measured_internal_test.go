package criteria

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// TestAssessMeasuredIsAssess: a field measured response by response and
// assessed from the measurements gives what Assess gives for the responses
// — value, offer, best offer, value at another price, and every word — on
// the random rules and fields drawPricedField draws, under both methods.
// The engine relies on it to measure each bid once when it is read and
// only compare at each evaluation.
func TestAssessMeasuredIsAssess(t *testing.T) {
	cat := sampleCatalogue(t)
	ctx := SocialValueContext{ContractValue: decimal.NewFromInt(900000)}
	rapid.Check(t, func(t *rapid.T) {
		r, field := drawPricedField(t, cat)
		if rapid.Bool().Draw(t, "banded") {
			r.Method, r.Cap = Banded, nil // the top band caps
			// Bands from a thousandth up to thousands, so that shares of a
			// price and amounts in pounds alike fall in either band.
			lo := decimal.New(rapid.Int64Range(1, 1000).Draw(t, "band"), int32(rapid.IntRange(-3, 3).Draw(t, "exp")))
			r.Bands = []CommitmentBand{{AtLeast: lo, Share: decimal.New(5, -1)}, {AtLeast: lo.Mul(decimal.NewFromInt(10)), Share: decimal.NewFromInt(1)}}
		}
		want, err := r.Assess(field, ctx)
		require.NoError(t, err)
		ms := make([]Measurement, len(field))
		for i, resp := range field {
			ms[i], err = r.Measure(resp, ctx)
			require.NoError(t, err)
		}
		got, err := r.AssessMeasured(ms)
		require.NoError(t, err)
		require.Len(t, got, len(want))
		price := *tenths(t, 1, 10_000_000, "at")
		for i := range want {
			require.True(t, got[i].Value.Equal(want[i].Value), "bid %d: value %s, Assess %s", i, got[i].Value, want[i].Value)
			require.Equal(t, fmt.Sprint(want[i].Offer()), fmt.Sprint(got[i].Offer()), "bid %d: offer", i)
			require.Equal(t, fmt.Sprint(want[i].OfferAt(price)), fmt.Sprint(got[i].OfferAt(price)), "bid %d: offer at %s", i, price)
			require.Equal(t, want[i].Input(), got[i].Input(), "bid %d", i)
			require.Equal(t, want[i].Working(), got[i].Working(), "bid %d", i)
			require.Equal(t, want[i].Notes(), got[i].Notes(), "bid %d", i)
			require.Equal(t, want[i].Rationale(), got[i].Rationale(), "bid %d", i)
		}
	})
}

// TestAssessMeasuredRefuses: what AssessMeasured cannot assess is an
// error naming the measurement and the rule broken, not a score.
func TestAssessMeasuredRefuses(t *testing.T) {
	cat := sampleCatalogue(t)
	q := decimal.NewFromInt(3)
	resp := SocialValueResponse{Commitments: []Commitment{{Measure: "FX-APPR-01", Quantity: &q}}}
	perMillion := SocialValueRule{Catalogue: cat, Measures: []string{"FX-APPR-01"}, Basis: BasisProxyValue, Per: PerMillionContractValue, Method: RelativeToBest, WithoutMethodStatement: CountUnsupported}
	at := func(v int64) Measurement {
		m, err := perMillion.Measure(resp, SocialValueContext{ContractValue: decimal.NewFromInt(v)})
		require.NoError(t, err)
		return m
	}
	tests := []struct {
		name  string
		rule  SocialValueRule
		field []Measurement
		want  string
	}{
		// A zero Measurement was never measured: scoring it would score nothing as an offer.
		{"zero measurement", perMillion, []Measurement{at(900000), {}}, "field[1]: not measured"},
		// Per £1m, an offer measured against another contract value is not comparable.
		{"two contract values", perMillion, []Measurement{at(900000), at(800000)}, "field[1]: measured against a contract value of 800000, field[0] against 900000"},
		// The rule is validated once, for the field, since Measure does not.
		{"invalid rule", SocialValueRule{Catalogue: cat, Basis: BasisProxyValue, Method: "best"}, []Measurement{at(900000)}, "social value rule:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.rule.AssessMeasured(tt.field)
			require.ErrorContains(t, err, tt.want)
		})
	}
	// Measure checks the response and the context as Assess does.
	_, err := perMillion.Measure(resp, SocialValueContext{})
	require.ErrorContains(t, err, "contractValue 0: scoring per £1m of contract value needs a contract value above zero")
	bad := decimal.NewFromInt(-1)
	_, err = perMillion.Measure(SocialValueResponse{Commitments: []Commitment{{Measure: "FX-APPR-01", Quantity: &bad}}}, SocialValueContext{ContractValue: decimal.NewFromInt(900000)})
	require.ErrorContains(t, err, "commitments[0].quantity")
}
