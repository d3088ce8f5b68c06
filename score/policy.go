package score

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
)

// Policy is a lot's published evaluation methodology: what a bid must pass,
// what it is scored on and how much each criterion matters, the minimum
// scores, how numbers are rounded and how ties are broken.
type Policy struct {
	// Basis is how price and quality combine: weighted points (the default
	// when empty), price per quality point, or a price adjusted by
	// features.
	Basis Basis `json:"basis,omitempty"`
	// Weighting says what the criteria's weights mean (percent at each level
	// when empty).
	Weighting Weighting `json:"weighting,omitempty"`
	// Gates are pass/fail requirements, applied before any scoring.
	Gates []criteria.Gate `json:"gates,omitempty"`
	// LivingWageGates are pass/fail requirements computed from each bid's
	// living wage commitment and the rate in force on the day the
	// procurement commenced.
	LivingWageGates []criteria.LivingWageGate `json:"livingWageGates,omitempty"`
	// Criteria is the tree of weighted criteria.
	Criteria []Criterion `json:"criteria"`
	// Features are the non-price features a price is adjusted by, with
	// their limits: required under the AdjustedPrice basis, refused under
	// any other.
	Features *criteria.FeatureRule `json:"features,omitempty"`
	// Thresholds holds the overall minimum quality score.
	Thresholds Thresholds `json:"thresholds"`
	// Rounding lists where and how numbers are rounded; empty means
	// [DefaultRounding].
	Rounding []RoundingRule `json:"rounding,omitempty"`
	// TieBreaks is the ordered chain that separates bids with equal totals.
	TieBreaks []TieBreak `json:"tieBreaks,omitempty"`
}

// Basis says how a policy combines price and quality.
type Basis string

// Bases.
const (
	// WeightedPoints adds each criterion's weighted points; highest total wins.
	WeightedPoints Basis = "weighted"
	// PricePerQualityPoint divides each bid's price by its quality points;
	// the lowest price per point wins. The policy has exactly one price
	// criterion, which carries no weight; the other criteria's weights make
	// up the quality points. A minimum quality threshold is advisable so that
	// cheap-and-poor cannot win (docs/sources/price-formulas.md).
	PricePerQualityPoint Basis = "price-per-quality-point"
	// AdjustedPrice divides each bid's price by a coefficient formed from
	// the non-price features it offers, ProZorro's MEAT rule: price ÷ (1 +
	// Σ chosen values ÷ (1 − Σ feature maxima)), exactly; the lowest
	// adjusted price wins and ties go to the declared chain. The policy
	// publishes its Features; each bid chooses one value for each
	// (Bid.Features). Its criteria are one price criterion at the top level,
	// with the method criteria.AdjustedByFeatures and no weight; the
	// adjusted price is rounded only if the policy rounds the total
	// (docs/sources/prozorro.md).
	AdjustedPrice Basis = "adjusted-price"
)

// Weighting says what the numbers in Criterion.Weight mean.
type Weighting string

// Weightings.
const (
	// PercentEachLevel: the weights of each set of siblings sum to exactly
	// 100; a sub-criterion's weight is a percentage of its parent's.
	PercentEachLevel Weighting = "percent"
	// PercentOfTotal: the top-level weights sum to 100 and each criterion's
	// sub-criteria weights sum to its own weight; every weight is a
	// percentage of the whole (a "10% question").
	PercentOfTotal Weighting = "percent-of-total"
	// Points: weights are points as the model publishes them, in any total.
	// A top-level criterion's points are its weight and a bid's total is
	// out of their sum (150 for a model of 150 points): lines, totals,
	// thresholds, tie-breaks and summaries show the published points, never
	// a rescaling to 100. Sub-criteria share their parent's points in
	// proportion to their weights, so they may be points that add up to
	// the parent's or percentages of it (points at the top, percentages
	// below).
	Points Weighting = "points"
)

// Thresholds are the policy's overall minimum scores. Minimum marks per
// question sit on each question's criteria.QualityRule, and minimum
// percentages per criterion on each Criterion.
type Thresholds struct {
	// MinQualityPercent, when set, disqualifies a bid whose quality points
	// are below this percentage of the quality points available.
	MinQualityPercent *decimal.Decimal `json:"minQualityPercent,omitempty"`
	// QualityCriteria lists the top-level criteria counted as quality for
	// MinQualityPercent; empty means every top-level criterion that is not
	// price.
	QualityCriteria []string `json:"qualityCriteria,omitempty"`
}

func (p Policy) basis() Basis {
	if p.Basis == "" {
		return WeightedPoints
	}
	return p.Basis
}

func (p Policy) weighting() Weighting {
	if p.Weighting == "" {
		return PercentEachLevel
	}
	return p.Weighting
}

// PassFail lists every pass/fail requirement of the policy as published:
// the recorded gates, then the living wage gates with their requirement in
// words.
func (p Policy) PassFail() []criteria.Gate {
	out := append([]criteria.Gate{}, p.Gates...)
	for _, g := range p.LivingWageGates {
		req := strings.TrimPrefix(g.Describe(), "pass/fail: ")
		out = append(out, criteria.Gate{Kind: g.Kind, ID: g.ID, Title: g.Title, Requirement: req, Source: g.Source})
	}
	return out
}
