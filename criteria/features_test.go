package criteria_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// The fixtures below are ProZorro's own, from its repositories
// (docs/sources/prozorro.md): github.com/ProzorroUKR/barbecue at
// 03777f8c011bc96ecac58487c52f7d61536545d2 and
// github.com/ProzorroUKR/openprocurement.api at
// 344fdc78b707dd3a28a8f1d78be8bef89328b6c8. Expected values are worked by
// hand from the formula k = 1 + Σ chosen ÷ (1 − Σ maxima).

func fv(value, title string) criteria.FeatureValue {
	return criteria.FeatureValue{Value: ptDec(value), Title: title}
}

// belowThresholdFeatures is test_tender_below_features_data
// (src/openprocurement/tender/belowthreshold/tests/base.py), titles in
// English: also barbecue's docstring example (barbecue/__init__.py).
func belowThresholdFeatures() criteria.FeatureRule {
	return criteria.FeatureRule{Features: []criteria.Feature{
		{Code: "OCDS-123454-AIR-INTAKE", Title: "Air intake", Values: []criteria.FeatureValue{fv("0.1", "up to 1000 W"), fv("0.15", "over 1000 W")}},
		{Code: "OCDS-123454-YEARS", Title: "Years trading", Values: []criteria.FeatureValue{fv("0.05", "up to 3 years"), fv("0.1", "3 to 5 years"), fv("0.15", "over 5 years")}},
	}}
}

// meatFeatures is the example in docs/source/tendering/basic-actions/meat.rst
// (openprocurement.api), titles in English.
func meatFeatures() criteria.FeatureRule {
	return criteria.FeatureRule{Features: []criteria.Feature{
		{Code: "ee3e24bc17234a41bd3e3a04cc28e9c6", Title: "Payment terms", Values: []criteria.FeatureValue{
			fv("0.15", "180 days or more"), fv("0.1", "90 to 179 days"), fv("0.05", "30 to 89 days"), fv("0", "under 30 days")}},
		{Code: "48cfd91612c04125ab406374d7cc8d93", Title: "Grade", Values: []criteria.FeatureValue{
			fv("0.05", "top grade"), fv("0.01", "first grade"), fv("0", "second grade")}},
	}}
}

// manyValues returns n distinct values from 0 by steps of 0.0001.
func manyValues(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = decimal.New(int64(i), -4).String()
	}
	return out
}

func terms(f exact.Fraction) string {
	n, d := f.Terms()
	return n.String() + "/" + d.String()
}

func chosen(kv ...string) map[string]decimal.Decimal {
	m := map[string]decimal.Decimal{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = ptDec(kv[i+1])
	}
	return m
}

func TestFeatureCoefficient(t *testing.T) {
	tests := []struct {
		why         string
		rule        criteria.FeatureRule
		chosen      map[string]decimal.Decimal
		price       string
		coefficient string // num/den
		adjusted    string // num/den
	}{
		// barbecue's docstring: parameters 0.1 and 0.1, coef = 1 + 1/5 ÷ (1 −
		// 3/10) = 9/7.
		{"barbecue's worked coefficient", belowThresholdFeatures(),
			chosen("OCDS-123454-AIR-INTAKE", "0.1", "OCDS-123454-YEARS", "0.1"), "1", "9/7", "7/9"},
		// TenderFeaturesAuctionResourceTest (belowthreshold/tests/auction.py):
		// the first bid, 469 with 0.1 on both: 469 × 7/9 = 3283/9.
		{"the auction test's first bid", belowThresholdFeatures(),
			chosen("OCDS-123454-AIR-INTAKE", "0.1", "OCDS-123454-YEARS", "0.1"), "469", "9/7", "3283/9"},
		// The second, 479 with 0.15 on both: k = 1 + 0.3 ÷ 0.7 = 10/7;
		// 479 × 7/10 = 3353/10 = 335.3, below the first: it wins.
		{"the auction test's second bid, the better features", belowThresholdFeatures(),
			chosen("OCDS-123454-AIR-INTAKE", "0.15", "OCDS-123454-YEARS", "0.15"), "479", "10/7", "3353/10"},
		// The cfaselectionua tutorial's award: value 499, denominator
		// 1.2857142857142858 (9/7 in binary floating point), weightedValue
		// 388.11 — 499 × 7/9 = 3493/9 = 388.111…
		// (docs/source/tendering/cfaselectionua/tutorial/award-qualification-active.http).
		{"the tutorial award's denominator and weighted value", belowThresholdFeatures(),
			chosen("OCDS-123454-AIR-INTAKE", "0.1", "OCDS-123454-YEARS", "0.1"), "499", "9/7", "3493/9"},
		// meat.rst: 0.1 and 0.05 chosen of maxima 0.15 and 0.05: k = 1 + 0.15 ÷
		// 0.8 = 19/16.
		{"meat.rst's parameters", meatFeatures(),
			chosen("ee3e24bc17234a41bd3e3a04cc28e9c6", "0.1", "48cfd91612c04125ab406374d7cc8d93", "0.05"), "100000", "19/16", "1600000/19"},
		{"the values of 0 that meat.rst publishes give a coefficient of 1: the price stands", meatFeatures(),
			chosen("ee3e24bc17234a41bd3e3a04cc28e9c6", "0", "48cfd91612c04125ab406374d7cc8d93", "0"), "100000", "1/1", "100000/1"},
		{"a value written with more zeros is the same value", meatFeatures(),
			chosen("ee3e24bc17234a41bd3e3a04cc28e9c6", "0.100", "48cfd91612c04125ab406374d7cc8d93", "0.050"), "100000", "19/16", "1600000/19"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			require.Empty(t, tt.rule.Validate())
			require.Empty(t, tt.rule.CheckChosen(tt.chosen))
			a, err := tt.rule.Adjust(ptDec(tt.price), tt.chosen)
			require.NoError(t, err)
			assert.Equal(t, tt.coefficient, terms(a.Coefficient))
			assert.Equal(t, tt.adjusted, terms(a.Price))
		})
	}
}

// ProZorro stores 388.11 for the tutorial's bid: its weightedValue is
// rounded to 2 places (set_weighted_value, round(value_amount, 2), in
// awarding.py). The library rounds only where a policy declares; declared
// as ProZorro does, the exact 3493/9 gives the same 388.11.
func TestFeatureAdjustedPriceRoundedAsProzorro(t *testing.T) {
	a, err := belowThresholdFeatures().Adjust(ptDec("499"), chosen("OCDS-123454-AIR-INTAKE", "0.1", "OCDS-123454-YEARS", "0.1"))
	require.NoError(t, err)
	assert.Equal(t, "388.11", exact.Rounding{Places: 2, Mode: exact.HalfEven}.Apply(a.Price).String())
	assert.Equal(t, "388.1111111111…", a.Price.String(), "unrounded, the value is kept exactly")
}

func TestFeatureWorking(t *testing.T) {
	rule := meatFeatures()
	a, err := rule.Adjust(ptDec("100000"), chosen("ee3e24bc17234a41bd3e3a04cc28e9c6", "0.1", "48cfd91612c04125ab406374d7cc8d93", "0.05"))
	require.NoError(t, err)
	assert.Equal(t, "Payment terms: 0.1 (90 to 179 days); Grade: 0.05 (top grade)", a.Input())
	assert.Equal(t, []string{
		"values chosen: Payment terms 0.1 (90 to 179 days) + Grade 0.05 (top grade) = 0.15",
		"largest values published: Payment terms 0.15 + Grade 0.05 = 0.2",
		"coefficient = 1 + 0.15 ÷ (1 − 0.2) = 1 + 0.15 ÷ 0.8 = 19/16 (1.1875)",
		"adjusted price = £100,000.00 ÷ 19/16 (1.1875) = £84,210.5263157894…",
	}, criteria.Texts(a.Working()))
	b, err := belowThresholdFeatures().Adjust(ptDec("499"), chosen("OCDS-123454-AIR-INTAKE", "0.1", "OCDS-123454-YEARS", "0.1"))
	require.NoError(t, err)
	assert.Contains(t, criteria.Texts(b.Working()), "coefficient = 1 + 0.2 ÷ (1 − 0.3) = 1 + 0.2 ÷ 0.7 = 9/7 (1.2857142857…)", "the coefficient as a fraction")
}

// The limits, with ProZorro's boundary cases: tender_features_invalid and
// tender_features (src/openprocurement/tender/belowthreshold/tests/tender_blanks.py)
// and the competitive dialogue's (tests/stage1/lot.py: invalid value 1,
// limits 0.99).
func TestFeatureLimits(t *testing.T) {
	feature := func(code string, values ...string) criteria.Feature {
		f := criteria.Feature{Code: code, Title: "Feature " + code}
		for _, v := range values {
			f.Values = append(f.Values, fv(v, "value "+v))
		}
		return f
	}
	rule := func(fs ...criteria.Feature) criteria.FeatureRule { return criteria.FeatureRule{Features: fs} }
	tests := []struct {
		why   string
		rule  criteria.FeatureRule
		field string
		rule_ string
	}{
		// tender_features: three features with values 0.05 and 0.1 are
		// accepted ("201 Created"): 0.1 + 0.1 + 0.1 is exactly 0.3.
		{"three features of at most 0.1 meet the 0.3 limit exactly", rule(feature("A", "0.05", "0.1"), feature("B", "0.05", "0.1"), feature("C", "0.05", "0.1")), "", ""},
		{"a value of exactly 0.3 is allowed (the limit is inclusive)", rule(feature("A", "0", "0.3")), "", ""},
		{"a value of 0 is allowed", rule(feature("A", "0")), "", ""},
		// tender_features_invalid: a value of 0.5 — "Float value should be less than 0.3."
		{"a value above 0.3", rule(feature("A", "0.5", "0.15")), "features[0].values[0].value", "value-range"},
		{"a negative value", rule(feature("A", "-0.05", "0.1")), "features[0].values[0].value", "value-range"},
		// tender_features_invalid: 0.15 twice — "Items should be unique by fields: value".
		{"the same value twice in a feature", rule(feature("A", "0.15", "0.15")), "features[0].values[1].value", "unique"},
		{"the same value written differently is still the same", rule(feature("A", "0.1", "0.10")), "features[0].values[1].value", "unique"},
		// tender_features_invalid: a copied feature — "Items should be unique by fields: code".
		{"the same code twice", rule(feature("A", "0.1"), feature("A", "0.05")), "features[1].code", "unique"},
		// tender_features_invalid: maxima 0.15 + 0.2 = 0.35 — "Sum of max
		// value of all features should be less then or equal to 30%".
		{"maxima summing to more than 0.3", rule(feature("A", "0.1", "0.15"), feature("B", "0.2", "0.15")), "features", "sum-of-maxima"},
		{"maxima of 0.3000000001 are more than 0.3", rule(feature("A", "0.15"), feature("B", "0.1500000001")), "features", "sum-of-maxima"},
		{"no features", rule(), "features", "required"},
		{"too many values to check in proportion", rule(feature("A", manyValues(criteria.MaxFeatureValues+1)...)), "features[0].values", "max-values"},
		{"a feature without values", rule(criteria.Feature{Code: "A", Title: "A"}), "features[0].values", "required"},
		{"a feature without a code", rule(criteria.Feature{Title: "A", Values: []criteria.FeatureValue{fv("0.1", "x")}}), "features[0].code", "required"},
		{"a value without a title", rule(criteria.Feature{Code: "A", Title: "A", Values: []criteria.FeatureValue{{Value: ptDec("0.1")}}}), "features[0].values[0].title", "required"},
		// The competitive dialogue allows 0.99 for both limits
		// (competitivedialogue/constants.py FEATURES_MAX_SUM); its tests use
		// an invalid value of 1.
		{"declared limits of 0.99 allow a value of 0.99",
			criteria.FeatureRule{MaxValue: ptDecPtr("0.99"), MaxSum: ptDecPtr("0.99"), Features: []criteria.Feature{feature("A", "0.5", "0.99")}}, "", ""},
		{"declared limits of 0.99 refuse a value of 1",
			criteria.FeatureRule{MaxValue: ptDecPtr("0.99"), MaxSum: ptDecPtr("0.99"), Features: []criteria.Feature{feature("A", "1")}}, "features[0].values[0].value", "value-range"},
		{"a sum limit of 1 would divide by zero", criteria.FeatureRule{MaxSum: ptDecPtr("1"), Features: []criteria.Feature{feature("A", "0.1")}}, "maxSum", "limit"},
		{"a value limit of 0 leaves nothing to choose", criteria.FeatureRule{MaxValue: ptDecPtr("0"), Features: []criteria.Feature{feature("A", "0")}}, "maxValue", "limit"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			ps := tt.rule.Validate()
			if tt.field == "" {
				assert.Empty(t, ps)
				return
			}
			require.NotEmpty(t, ps)
			assert.Equal(t, tt.field, ps[0].Field, "%v", ps)
			assert.Equal(t, tt.rule_, ps[0].Rule, "%v", ps)
		})
	}
}

// Three features of 0.1 sum to 0.3 exactly here; in binary floating point,
// which ProZorro's schema types use (FloatType), they sum to
// 0.30000000000000004 and fail a plain "≤ 0.3" (ProZorro rounds the sum to
// 15 places first, validate_features_custom_weight in
// src/openprocurement/tender/core/procedure/utils.py, to let it pass). The
// float64 below is the contrast only: nothing in the library uses one.
func TestThreeTenthsAreExactlyAThird(t *testing.T) {
	f := func(code string) criteria.Feature {
		return criteria.Feature{Code: code, Title: code, Values: []criteria.FeatureValue{fv("0", "none"), fv("0.1", "some")}}
	}
	rule := criteria.FeatureRule{Features: []criteria.Feature{f("A"), f("B"), f("C")}}
	assert.Empty(t, rule.Validate(), "0.1 + 0.1 + 0.1 = 0.3, within a limit of 0.3")
	assert.Equal(t, "0.3", exact.Plain(rule.MaximaSum()))
	tenth := 0.1
	assert.Greater(t, tenth+tenth+tenth, 0.3, "binary floating point gets it wrong")
	_, err := rule.Adjust(ptDec("100"), chosen("A", "0.1", "B", "0.1", "C", "0.1"))
	require.NoError(t, err)
	k, err := rule.Coefficient(chosen("A", "0.1", "B", "0.1", "C", "0.1"))
	require.NoError(t, err)
	assert.Equal(t, "10/7", terms(k), "1 + 0.3 ÷ 0.7")
}

func TestFeatureCheckChosen(t *testing.T) {
	rule := belowThresholdFeatures()
	tests := []struct {
		why    string
		chosen map[string]decimal.Decimal
		want   []string // field rule
	}{
		{"every feature chosen, each a published value", chosen("OCDS-123454-AIR-INTAKE", "0.15", "OCDS-123454-YEARS", "0.05"), nil},
		// bid.py validate_parameters: "All features parameters is required."
		{"a feature left out", chosen("OCDS-123454-AIR-INTAKE", "0.15"), []string{"[OCDS-123454-YEARS] required"}},
		// parameter.py validate_value: "value should be one of feature value."
		{"a value the feature does not publish", chosen("OCDS-123454-AIR-INTAKE", "0.05", "OCDS-123454-YEARS", "0.05"), []string{"[OCDS-123454-AIR-INTAKE] one-of"}},
		// parameter.py validate_code: "code should be one of feature code."
		{"a code the policy does not have", chosen("OCDS-123454-AIR-INTAKE", "0.15", "OCDS-123454-YEARS", "0.05", "OTHER", "0.1"), []string{"[OTHER] known-feature"}},
		{"nothing chosen", nil, []string{"[OCDS-123454-AIR-INTAKE] required", "[OCDS-123454-YEARS] required"}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			var got []string
			for _, p := range rule.CheckChosen(tt.chosen) {
				got = append(got, p.Field+" "+p.Rule)
			}
			assert.Equal(t, tt.want, got)
			_, err := rule.Adjust(ptDec("100"), tt.chosen)
			unknownOnly := len(got) == 1 && got[0] == "[OTHER] known-feature"
			assert.Equal(t, tt.want == nil || unknownOnly, err == nil,
				"Adjust refuses a missing or unpublished value, and leaves aside a code the rule does not have: %v", err)
		})
	}
	_, err := rule.Adjust(ptDec("0"), chosen("OCDS-123454-AIR-INTAKE", "0.15", "OCDS-123454-YEARS", "0.05"))
	assert.Error(t, err, "a zero price is refused")
}

// genFeatureRule draws a valid rule: up to four features of up to four
// values each, every value a multiple of 0.01, the maxima within 0.3.
func genFeatureRule(t *rapid.T) criteria.FeatureRule {
	n := rapid.IntRange(1, 4).Draw(t, "features")
	budget := int64(30) // hundredths left for the maxima
	var r criteria.FeatureRule
	for i := range n {
		k := rapid.IntRange(1, 4).Draw(t, fmt.Sprintf("values%d", i))
		seen := map[int64]bool{}
		f := criteria.Feature{Code: fmt.Sprintf("F%d", i), Title: fmt.Sprintf("Feature %d", i)}
		for j := range k {
			v := rapid.Int64Range(0, budget).Draw(t, fmt.Sprintf("v%d_%d", i, j))
			if seen[v] {
				continue
			}
			seen[v] = true
			f.Values = append(f.Values, criteria.FeatureValue{Value: decimal.New(v, -2), Title: fmt.Sprintf("%d hundredths", v)})
		}
		mx := int64(0)
		for v := range seen {
			mx = max(mx, v)
		}
		budget -= mx
		r.Features = append(r.Features, f)
	}
	return r
}

// A higher chosen value never raises the adjusted price: raising one
// feature's choice to a higher published value lowers the adjusted price
// or leaves it; the coefficient is at least 1, so no adjusted price is
// above the price.
func TestFeatureHigherValueNeverRaisesPrice(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := genFeatureRule(t)
		if ps := r.Validate(); len(ps) > 0 {
			t.Fatalf("generated an invalid rule: %v", ps)
		}
		price := decimal.New(rapid.Int64Range(1, 1_000_000_000).Draw(t, "pennies"), -2)
		lo, hi := map[string]decimal.Decimal{}, map[string]decimal.Decimal{}
		for i, f := range r.Features {
			a := rapid.IntRange(0, len(f.Values)-1).Draw(t, fmt.Sprintf("a%d", i))
			b := rapid.IntRange(0, len(f.Values)-1).Draw(t, fmt.Sprintf("b%d", i))
			va, vb := f.Values[a].Value, f.Values[b].Value
			if va.GreaterThan(vb) {
				va, vb = vb, va
			}
			lo[f.Code], hi[f.Code] = va, vb
		}
		aLo, err := r.Adjust(price, lo)
		if err != nil {
			t.Fatal(err)
		}
		aHi, err := r.Adjust(price, hi)
		if err != nil {
			t.Fatal(err)
		}
		if aHi.Price.Cmp(aLo.Price) > 0 {
			t.Fatalf("higher values %v gave %s, above %s for %v", hi, aHi.Price, aLo.Price, lo)
		}
		if aLo.Coefficient.Cmp(exact.Int(1)) < 0 || aLo.Price.Cmp(exact.Whole(price)) > 0 {
			t.Fatalf("coefficient %s below 1, or adjusted %s above the price %s", aLo.Coefficient, aLo.Price, price)
		}
	})
}
