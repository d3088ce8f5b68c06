package score

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
)

// Short forms for small jobs. Each builds exactly what the long form (a
// struct literal) builds, and validation treats both alike; the long form
// is there for everything these leave out.

// SingleLot is a tender of one lot, with lot id "1" and the tender's title,
// scored on the given criteria with the policy's defaults (weights in
// percent at each level, weighted points, 2 dp half-up; stated in the
// Result's notes). The authority, regime, commencement date, estimated
// value and term are left out: scoring does not need them, and the notes
// say they are not stated. Set them, or gates, thresholds and the rest, on
// the returned value.
func SingleLot(id, title string, cs ...Criterion) Tender {
	return Tender{ID: id, Title: title, Lots: []Lot{{ID: "1", Title: title, Policy: Policy{Criteria: cs}}}}
}

// PriceCriterion is a criterion scored on price by the given method
// ([criteria.Relative], [criteria.Linear], …). A method with parameters (a
// band's floor and ceiling, a deduction rate, a maximum budget) takes them
// on the returned Criterion's Price.
func PriceCriterion(id, title string, weight decimal.Decimal, method criteria.PriceMethod) Criterion {
	return Criterion{ID: id, Title: title, Weight: weight, Price: &criteria.PriceRule{Method: method}}
}

// QualityCriterion is a question marked on the given scale, its marks
// moderated as given ([criteria.ConsensusMark] or [criteria.MeanMark]).
func QualityCriterion(id, title string, weight decimal.Decimal, scale criteria.Scale, moderation criteria.Moderation) Criterion {
	return Criterion{ID: id, Title: title, Weight: weight, Quality: &criteria.QualityRule{Scale: scale, Moderation: moderation}}
}

// Priced is a response to a price criterion quoting one amount.
func Priced(amount decimal.Decimal) Response {
	return Response{Price: criteria.Amount(amount)}
}

// Marked is a response to a quality criterion: the evaluators' marks, as
// [criteria.Agreed] or [criteria.Evaluated] record them.
func Marked(m criteria.Marks) Response {
	return Response{Marks: m}
}

// Points returns the points a bid got on one criterion, at any depth of its
// explanation tree, as shown; false when the policy has no criterion with
// that id or the bid was not scored on it (a bid disqualified before price
// was assessed).
func (b BidResult) Points(criterionID string) (Figure, bool) {
	if b.k == nil {
		return Figure{}, false
	}
	return b.k.points(b.s, criterionID) // numbers only: nothing is worded
}

// Decimal returns the figure as a decimal, as shown: the rounded value when
// the figure is rounded, the exact value when it ends. It reports false for
// an exact value whose decimals never end (80/3): round it with a declared
// [exact.Rounding] instead, so that no rounding is chosen silently.
func (f Figure) Decimal() (decimal.Decimal, bool) {
	return f.Value.Decimal()
}
