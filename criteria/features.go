package criteria

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// Price adjusted by non-price features: ProZorro's MEAT rule
// (docs/sources/prozorro.md). The buyer publishes features, each with
// enumerated values; each bidder chooses one value per feature; its price
// is divided by the coefficient
//
//	k = 1 + Σ chosen values ÷ (1 − Σ feature maxima)
//
// and the lowest adjusted price wins. The formula is barbecue's
// calculate_coeficient and cooking (github.com/ProzorroUKR/barbecue,
// barbecue/__init__.py at 03777f8c011bc96ecac58487c52f7d61536545d2), which
// openprocurement.api's awarding divides each bid's value by
// (src/openprocurement/tender/core/procedure/awarding.py, calc_denominator
// and calc_weighted_value, at 344fdc78b707dd3a28a8f1d78be8bef89328b6c8).
//
// Everything here is exact: values are decimals and the coefficient an
// exact fraction, so three features of 0.1 sum to exactly 0.3 and pass a
// 0.3 limit, where binary floating point sums them to 0.30000000000000004
// (ProZorro rounds the sum to 15 places before comparing for that reason).

// The limits ProZorro's core model sets, used when a rule declares none:
// each enumerated value from 0 to 0.3 (FeatureValue.value,
// src/openprocurement/tender/core/procedure/models/feature.py) and the
// features' largest values summing to at most 0.3
// (validate_features_custom_weight, called with 0.3 from
// src/openprocurement/tender/core/procedure/models/tender.py). Its
// competitive dialogue allows 0.99 for both
// (src/openprocurement/tender/competitivedialogue/constants.py,
// FEATURES_MAX_SUM).
var prozorroLimit = decimal.New(3, -1)

// MaxFeatures bounds the features of a rule, and MaxFeatureValues the
// values of one feature, so that checking a rule and every bid's choices
// costs time in proportion to the input (ProZorro's tenders have a handful).
const (
	MaxFeatures      = 200
	MaxFeatureValues = 100
)

// DefaultFeatureLimit returns ProZorro's limit of 0.3, used for a
// FeatureRule's MaxValue and MaxSum when they are not declared.
func DefaultFeatureLimit() decimal.Decimal { return prozorroLimit }

// FeatureRule is a policy's non-price features and their limits.
type FeatureRule struct {
	// Features are the published features, each with its values.
	Features []Feature `json:"features"`
	// MaxValue bounds every enumerated value: from 0 to MaxValue. Nil is
	// ProZorro's 0.3 ([DefaultFeatureLimit]).
	MaxValue *decimal.Decimal `json:"maxValue,omitempty"`
	// MaxSum bounds the sum, over the features, of each feature's largest
	// value. Nil is ProZorro's 0.3. It must be less than 1: the coefficient
	// divides by 1 − that sum.
	MaxSum *decimal.Decimal `json:"maxSum,omitempty"`
}

// Feature is one non-price feature: its code (how bids name it), title and
// the values a bidder may choose.
type Feature struct {
	Code        string         `json:"code"`
	Title       string         `json:"title"`
	Description string         `json:"description,omitempty"`
	Values      []FeatureValue `json:"values"`
}

// FeatureValue is one value a bidder may choose for a feature, with what it
// stands for ("180 days or more").
type FeatureValue struct {
	Value       decimal.Decimal `json:"value"`
	Title       string          `json:"title"`
	Description string          `json:"description,omitempty"`
}

// Limits returns the rule's limits: its own, or ProZorro's where it
// declares none; declared is true when both are the rule's own.
func (r FeatureRule) Limits() (maxValue, maxSum decimal.Decimal, declared bool) {
	maxValue, maxSum = prozorroLimit, prozorroLimit
	if r.MaxValue != nil {
		maxValue = *r.MaxValue
	}
	if r.MaxSum != nil {
		maxSum = *r.MaxSum
	}
	return maxValue, maxSum, r.MaxValue != nil && r.MaxSum != nil
}

// max returns the feature's largest value; zero for a feature without any.
func (f Feature) max() decimal.Decimal {
	m := decimal.Zero
	for i, v := range f.Values {
		if i == 0 || v.Value.GreaterThan(m) {
			m = v.Value
		}
	}
	return m
}

// value returns the feature's value equal to v.
func (f Feature) value(v decimal.Decimal) (FeatureValue, bool) {
	for _, fv := range f.Values {
		if fv.Value.Equal(v) {
			return fv, true
		}
	}
	return FeatureValue{}, false
}

// MaximaSum is Σ feature maxima: the sum of each feature's largest value,
// exactly.
func (r FeatureRule) MaximaSum() decimal.Decimal {
	sum := decimal.Zero
	for _, f := range r.Features {
		sum = sum.Add(f.max())
	}
	return sum
}

// Validate reports every problem with the rule: each value within 0 and
// the maximum value, the features' maxima within the maximum sum (exactly:
// three features of 0.1 meet a limit of 0.3), codes present and unique,
// values unique within a feature (ProZorro validates both with
// validate_uniq_code and validate_uniq_value).
func (r FeatureRule) Validate() []Problem {
	var ps problems
	one := decimal.NewFromInt(1)
	if r.MaxValue != nil && ps.size("maxValue", *r.MaxValue) && (r.MaxValue.Sign() <= 0 || !r.MaxValue.LessThan(one)) {
		ps.add("maxValue", r.MaxValue.String(), "limit", "the largest value a feature may have is more than 0 and less than 1")
	}
	if r.MaxSum != nil && ps.size("maxSum", *r.MaxSum) && (r.MaxSum.Sign() <= 0 || !r.MaxSum.LessThan(one)) {
		ps.add("maxSum", r.MaxSum.String(), "limit", "the features' largest values may sum to more than 0 and less than 1: the coefficient divides by 1 minus that sum")
	}
	if len(r.Features) == 0 {
		ps.add("features", "", "required", "a price adjusted by features needs at least one feature")
		return ps
	}
	if len(r.Features) > MaxFeatures {
		ps.add("features", fmt.Sprint(len(r.Features)), "max-features", "at most %d features", MaxFeatures)
		return ps
	}
	for i, f := range r.Features {
		if len(f.Values) > MaxFeatureValues {
			ps.add(fmt.Sprintf("features[%d].values", i), fmt.Sprint(len(f.Values)), "max-values", "at most %d values a feature", MaxFeatureValues)
			return ps
		}
	}
	maxValue, maxSum, _ := r.Limits()
	codes := map[string]int{}
	for i, f := range r.Features {
		fp := fmt.Sprintf("features[%d]", i)
		r.validateFeature(&ps, fp, f, maxValue)
		if f.Code == "" {
			continue
		}
		if j, dup := codes[f.Code]; dup {
			ps.add(fp+".code", f.Code, "unique", "feature code already used by features[%d]", j)
		} else {
			codes[f.Code] = i
		}
	}
	if sum := r.MaximaSum(); sum.GreaterThan(maxSum) {
		ps.add("features", exact.Plain(sum), "sum-of-maxima",
			"the features' largest values sum to %s, more than the limit of %s", exact.Plain(sum), exact.Plain(maxSum))
	}
	return ps
}

func (r FeatureRule) validateFeature(ps *problems, fp string, f Feature, maxValue decimal.Decimal) {
	if f.Code == "" {
		ps.add(fp+".code", "", "required", "a feature needs a code: bids name the value they choose by it")
	} else if strings.TrimSpace(f.Code) != f.Code {
		ps.add(fp+".code", f.Code, "code", "a feature code has no leading or trailing spaces")
	}
	if f.Title == "" {
		ps.add(fp+".title", "", "required", "a feature needs a title")
	}
	if len(f.Values) == 0 {
		ps.add(fp+".values", "", "required", "a feature needs at least one value a bidder may choose")
	}
	for j, v := range f.Values {
		vp := fmt.Sprintf("%s.values[%d]", fp, j)
		if !ps.size(vp+".value", v.Value) {
			continue
		}
		if v.Value.Sign() < 0 || v.Value.GreaterThan(maxValue) {
			ps.add(vp+".value", v.Value.String(), "value-range", "a feature's value is from 0 to %s", exact.Plain(maxValue))
		}
		if v.Title == "" {
			ps.add(vp+".title", "", "required", "a value needs a title: what the bidder offers for it")
		}
		for k := range j {
			if f.Values[k].Value.Equal(v.Value) {
				ps.add(vp+".value", v.Value.String(), "unique", "the same value as values[%d]: each value of a feature is different", k)
				break
			}
		}
	}
}

// CheckChosen reports every problem with a bid's chosen values, keyed by
// feature code: each feature needs one, of its published values (ProZorro
// refuses a bid without every feature's parameter, "All features
// parameters is required", and a value not among the feature's,
// src/openprocurement/tender/core/procedure/models/bid.py and
// parameter.py), and no code other than the features'.
func (r FeatureRule) CheckChosen(chosen map[string]decimal.Decimal) []Problem {
	var ps problems
	known := map[string]bool{}
	for _, f := range r.Features {
		known[f.Code] = true
		v, ok := chosen[f.Code]
		if !ok {
			ps.add("["+f.Code+"]", "", "required", "no value chosen for the feature %s (%s)", f.Code, f.Title)
			continue
		}
		if _, ok := f.value(v); !ok {
			ps.add("["+f.Code+"]", v.String(), "one-of", "not one of the feature's values: %s", valuesText(f))
		}
	}
	for _, code := range slices.Sorted(maps.Keys(chosen)) {
		if !known[code] {
			ps.add("["+code+"]", chosen[code].String(), "known-feature", "the policy has no feature with this code")
		}
	}
	return ps
}

func valuesText(f Feature) string {
	vs := make([]string, len(f.Values))
	for i, v := range f.Values {
		vs[i] = exact.Plain(v.Value)
	}
	return strings.Join(vs, ", ")
}

// Coefficient returns k = 1 + Σ chosen ÷ (1 − Σ maxima) for values chosen
// from the rule's features, exactly. It is an error when a feature has no
// chosen value, a value is not one of the feature's, or the maxima sum to
// 1 or more (none of which a valid rule and bid allow).
func (r FeatureRule) Coefficient(chosen map[string]decimal.Decimal) (exact.Fraction, error) {
	a, err := r.Adjust(decimal.NewFromInt(1), chosen)
	if err != nil {
		return exact.Fraction{}, err
	}
	return a.Coefficient, nil
}

// Adjust divides a price by the coefficient the chosen values give: the
// adjusted price compared between bids, the lowest winning. The price must
// be more than zero, and every feature have one of its values chosen; a
// value keyed by a code the rule does not have is left aside, as ProZorro
// leaves aside a bid's parameters for another lot's features
// (calc_denominator) — [FeatureRule.CheckChosen] reports it.
func (r FeatureRule) Adjust(price decimal.Decimal, chosen map[string]decimal.Decimal) (Adjustment, error) {
	if price.Sign() <= 0 {
		return Adjustment{}, fmt.Errorf("price %s: a price adjusted by features must be more than zero", price)
	}
	rec := &adjustRecord{price: price, chosen: make([]chosenValue, 0, len(r.Features))}
	for _, f := range r.Features {
		v, ok := chosen[f.Code]
		if !ok {
			return Adjustment{}, fmt.Errorf("no value chosen for the feature %s", f.Code)
		}
		fv, ok := f.value(v)
		if !ok {
			return Adjustment{}, fmt.Errorf("value %s is not one of the feature %s's values", v, f.Code)
		}
		rec.chosen = append(rec.chosen, chosenValue{code: f.Code, feature: f.Title, value: fv.Value, title: fv.Title, max: f.max()})
		rec.sum = rec.sum.Add(fv.Value)
		rec.maxima = rec.maxima.Add(f.max())
	}
	room := decimal.NewFromInt(1).Sub(rec.maxima)
	if room.Sign() <= 0 {
		return Adjustment{}, fmt.Errorf("the features' largest values sum to %s: the coefficient needs them below 1", exact.Plain(rec.maxima))
	}
	share, err := exact.Ratio(rec.sum, room)
	if err != nil {
		return Adjustment{}, err
	}
	rec.coefficient = exact.Int(1).Add(share)
	adjusted, err := exact.Whole(price).Quo(rec.coefficient)
	if err != nil {
		return Adjustment{}, err
	}
	return Adjustment{Coefficient: rec.coefficient, Price: adjusted, rec: rec}, nil
}

// Adjustment is one bid's price adjusted by its chosen features, with the
// record of how; words are made from the record when asked.
type Adjustment struct {
	// Coefficient is k = 1 + Σ chosen ÷ (1 − Σ maxima), exactly.
	Coefficient exact.Fraction
	// Price is the price divided by the coefficient, exactly: what is
	// compared, unrounded.
	Price exact.Fraction
	rec   *adjustRecord
}

// adjustRecord is what Adjust computed, to be worded on demand.
type adjustRecord struct {
	price       decimal.Decimal
	chosen      []chosenValue // in the rule's feature order
	sum, maxima decimal.Decimal
	coefficient exact.Fraction
}

type chosenValue struct {
	code, feature string
	value, max    decimal.Decimal
	title         string
}

// Choice is one value a bid chose: the feature's code and title, the value
// and what it stands for.
type Choice struct {
	Code, Feature string
	Value         decimal.Decimal
	Title         string
}

// Chosen lists the values the bid chose, in the rule's feature order.
func (a Adjustment) Chosen() []Choice {
	if a.rec == nil {
		return nil
	}
	out := make([]Choice, len(a.rec.chosen))
	for i, c := range a.rec.chosen {
		out[i] = Choice{Code: c.code, Feature: c.feature, Value: c.value, Title: c.title}
	}
	return out
}

// Input is the choices as offered: "Payment terms: 0.1 (90 to 179 days);
// Grade: 0.05 (Top grade)".
func (a Adjustment) Input() string {
	if a.rec == nil {
		return ""
	}
	parts := make([]string, len(a.rec.chosen))
	for i, c := range a.rec.chosen {
		parts[i] = fmt.Sprintf("%s: %s", c.feature, valueText(c.value, c.title))
	}
	return strings.Join(parts, "; ")
}

// Working is the coefficient and the adjusted price, step by step, the
// coefficient as a fraction; the adjusted price exact (the policy rounds it,
// if it declares so).
func (a Adjustment) Working() []Step {
	r := a.rec
	if r == nil {
		return nil
	}
	chosen := make([]string, len(r.chosen))
	maxima := make([]string, len(r.chosen))
	for i, c := range r.chosen {
		chosen[i] = fmt.Sprintf("%s %s", c.feature, valueText(c.value, c.title))
		maxima[i] = fmt.Sprintf("%s %s", c.feature, exact.Plain(c.max))
	}
	room := decimal.NewFromInt(1).Sub(r.maxima)
	return []Step{
		step(sumLine("values chosen", chosen, exact.Plain(r.sum))),
		step(sumLine("largest values published", maxima, exact.Plain(r.maxima))),
		step(fmt.Sprintf("coefficient = 1 + %s ÷ (1 − %s) = 1 + %s ÷ %s = %s",
			exact.Plain(r.sum), exact.Plain(r.maxima), exact.Plain(r.sum), exact.Plain(room), FractionText(r.coefficient))),
		step(fmt.Sprintf("adjusted price = %s ÷ %s = %s", exact.Money(r.price), FractionText(r.coefficient), exact.MoneyFraction(a.Price))),
	}
}

func valueText(v decimal.Decimal, title string) string {
	if title == "" {
		return exact.Plain(v)
	}
	return fmt.Sprintf("%s (%s)", exact.Plain(v), title)
}

func sumLine(label string, terms []string, result string) string {
	if len(terms) == 1 {
		return fmt.Sprintf("%s: %s", label, terms[0])
	}
	return fmt.Sprintf("%s: %s = %s", label, strings.Join(terms, " + "), result)
}

// FractionText shows an exact fraction as a fraction in lowest terms, with
// its decimal beside it: "9/7 (1.2857142857…)", "19/16 (1.1875)"; a whole
// number alone ("1").
func FractionText(f exact.Fraction) string {
	num, den := f.Terms()
	if den.Equal(decimal.NewFromInt(1)) {
		return exact.Plain(num)
	}
	return fmt.Sprintf("%s/%s (%s)", exact.Plain(num), exact.Plain(den), f)
}
