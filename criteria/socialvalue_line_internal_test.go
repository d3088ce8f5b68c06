package criteria

import (
	"os"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/exact"
)

// TestAmountLinesAreMeasures: a response measured at another bid price
// from its amount's line (svField.atPrice) is what measuring it again at
// that price finds (measure), on random rules — either basis, any
// normalisation, a cap, a split with a method statement, commitments
// without one disregarded or counted — and random responses: quantities,
// FTE over years counted in the first year only, £ commitments as a
// percentage of the bid price, deliverability discounts; at random prices.
func TestAmountLinesAreMeasures(t *testing.T) {
	cat := sampleCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		r, field := drawPricedField(t, cat)
		ctx := SocialValueContext{ContractValue: decimal.NewFromInt(900000)}
		as, err := r.Assess(field, ctx)
		require.NoError(t, err)
		rec := as[0].rec.(*svRecord)
		require.NotNil(t, rec.f.lines, "the rule reads the bid price: the field keeps lines")
		for i, resp := range field {
			p := *tenths(t, 1, 10_000_000, "at")
			got, ok := rec.f.atPrice(i, exact.Whole(p))
			require.True(t, ok)
			resp.BidPrice = &p
			want, err := r.measure(resp, ctx, nil)
			require.NoError(t, err)
			require.True(t, got.measured.Equal(want.measured), "bid %d at %s: line %s, measured %s", i, p, got.measured, want.measured)
			require.Equal(t, want.any, got.any, "bid %d at %s: anything counted", i, p)
			require.Equal(t, want.qa != nil, got.qa != nil, "bid %d: method statement", i)
		}
	})
}

// sampleCatalogue is the sample catalogue the tests read.
func sampleCatalogue(t *testing.T) Catalogue {
	f, err := os.Open("testdata/sample-catalogue.csv")
	require.NoError(t, err)
	cat, err := LoadCatalogueCSV(f)
	f.Close()
	require.NoError(t, err)
	return cat
}

// drawPricedField draws a random rule that reads the bid price — either
// basis, any normalisation, a cap, a split with a method statement,
// commitments without one disregarded or counted — and a field of one to
// four random responses: quantities, FTE over years counted in the first
// year only, £ commitments as a percentage of the bid price,
// deliverability discounts, at random prices.
func drawPricedField(t *rapid.T, cat Catalogue) (SocialValueRule, []SocialValueResponse) {
	r := SocialValueRule{Catalogue: cat, Measures: []string{"FX-APPR-01", "FX-JOBS-02", "FX-SUPP-01", "FX-SUPP-02"},
		Basis:                  rapid.SampledFrom([]SocialValueBasis{BasisProxyValue, BasisQuantity}).Draw(t, "basis"),
		Per:                    rapid.SampledFrom([]Normalisation{"", PerMillionContractValue, ShareOfBidPrice}).Draw(t, "per"),
		Method:                 RelativeToBest,
		WithoutMethodStatement: rapid.SampledFrom([]Unsupported{CountUnsupported, DisregardUnsupported}).Draw(t, "unsupported"),
		LocalArea:              &LocalArea{Name: "Anytown", Boroughs: []string{"Anytown"}}}
	if r.Basis == BasisQuantity {
		r.Measures = []string{"FX-SUPP-01", "FX-SUPP-02"} // one unit: £
		if r.Per == ShareOfBidPrice {
			r.Per = "" // a count is not a share of a price
		}
	}
	if rapid.Bool().Draw(t, "capped") {
		c := decimal.New(rapid.Int64Range(1, 500).Draw(t, "cap"), -3)
		r.Cap = &c
	}
	split := rapid.IntRange(0, 3).Draw(t, "split") == 0
	if split {
		r.Split = &Split{Quantitative: decimal.NewFromInt(70), Qualitative: decimal.NewFromInt(30)}
		r.MethodStatement = &QualityRule{Scale: Scale0to4(), Moderation: ConsensusMark}
	}
	var field []SocialValueResponse
	for range rapid.IntRange(1, 4).Draw(t, "bids") {
		var resp SocialValueResponse
		for _, m := range r.Measures {
			if rapid.IntRange(0, 2).Draw(t, "skip") == 0 {
				continue
			}
			c := Commitment{Measure: m}
			switch {
			case m == "FX-JOBS-02":
				c.FTE, c.Years = tenths(t, 0, 40, "fte"), tenths(t, 1, 30, "years")
			case (m == "FX-SUPP-01" || m == "FX-SUPP-02") && rapid.Bool().Draw(t, "percent"):
				c.Percent = tenths(t, 0, 1000, "pc")
			default:
				c.Quantity = tenths(t, 0, 100000, "q")
			}
			if m == "FX-JOBS-02" || m == "FX-SUPP-01" { // local measures, delivered in the area
				c.Where = []string{"Anytown"}
			}
			if rapid.Bool().Draw(t, "supported") {
				c.MethodStatement = "how it will be delivered"
			}
			resp.Commitments = append(resp.Commitments, c)
		}
		if rapid.IntRange(0, 3).Draw(t, "discounted") == 0 {
			resp.Deliverability = &Deliverability{Percent: *tenths(t, 0, 1000, "discount"), Reason: "part undeliverable"}
		}
		if split {
			m := decimal.NewFromInt(rapid.Int64Range(0, 4).Draw(t, "ms"))
			resp.MethodStatement = &Marks{Evaluators: []EvaluatorMark{{Evaluator: "E1", Mark: m}}, Consensus: &Consensus{Mark: m, Rationale: "agreed"}}
		}
		resp.BidPrice = tenths(t, 1, 10_000_000, "price")
		field = append(field, resp)
	}
	return r, field
}

// tenths draws an amount in tenths between lo and hi tenths.
func tenths(t *rapid.T, lo, hi int64, label string) *decimal.Decimal {
	d := decimal.New(rapid.Int64Range(lo, hi).Draw(t, label), -1)
	return &d
}
