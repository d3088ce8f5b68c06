package frameworks

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Rule price-disclosure: an assessment summary must give the bidder's own
// scores and the most advantageous tender's (Procurement Regulations 2024
// reg 31(2)(e), (3)(b)). Under a price method relative to the field
// (lowest ÷ this price, min–max, deduction per percent above the lowest) a
// bidder can solve its own price score for the lowest price in the field,
// to within what the shown points' rounding leaves open: about price ×
// 10^−places ÷ marks available. A policy whose leaf points are shown to so
// many places — or exactly, as when only the total is rounded — that the
// figure comes out to within a pound lets every summary give another
// bidder's price away. The warning says how close, on a price of the lot's
// estimated value; the authority's report states the bound each summary
// actually gives (report.Disclosures).
//
// Codes: price-disclosure (warning).

// pound is the closeness at or below which a price counts as recovered.
var pound = decimal.NewFromInt(1)

func checkPriceDisclosure(r *run, l *lotCtx) {
	p := l.lot.Policy
	if p.Basis == score.PricePerQualityPoint || l.lot.EstimatedValue.Sign() <= 0 {
		return
	}
	for i := range l.shares {
		s := &l.shares[i]
		pr := s.c.Price
		if pr == nil || !s.leaf || s.pct.Sign() <= 0 ||
			(pr.Method != criteria.Relative && pr.Method != criteria.Linear && pr.Method != criteria.Deduction) {
			continue
		}
		places, rounded := shownPlaces(p, s.depth == 0)
		src := unverified("score/report/CONFIDENTIALITY.md; Procurement Regulations 2024 reg 31(2)(e), (3)(b) (the scores a summary must give)",
			"advice, not law: how closely a price can be solved for from the scores reg 31 requires")
		if !rounded {
			r.add(l, s, Warning, "price-disclosure", src,
				"the leaf points are shown exactly (no rounding of each criterion's points is declared), so every bidder can solve its own price score for the lowest price in the field to the penny: round each criterion's weighted points (for example to 2 decimal places)")
			continue
		}
		// width ≈ price × 10^−places ÷ marks available
		width := exact.Whole(l.lot.EstimatedValue.Shift(-places))
		w, err := width.Quo(s.pct)
		if err != nil || exact.Whole(pound).Cmp(w) < 0 {
			continue
		}
		r.add(l, s, Warning, "price-disclosure", src,
			"with each criterion's points shown to %d decimal places, a bidder pricing near the estimated value %s can solve its own price score for the lowest price in the field to within about %s: round the points to fewer places",
			places, exact.Money(l.lot.EstimatedValue), exact.Money(exact.Rounding{Places: 2, Mode: exact.Ceiling}.Apply(w)))
	}
}

// shownPlaces is how many decimal places a leaf price criterion's points
// are shown to: the declared rounding of leaf points, or of a top-level
// criterion's points, or the default 2; false when none applies and the
// points are shown exactly.
func shownPlaces(p score.Policy, top bool) (int32, bool) {
	rules := p.Rounding
	if len(rules) == 0 {
		rules = score.DefaultRounding()
	}
	for _, rr := range rules {
		if rr.Stage == score.LeafPoints {
			return rr.Places, true
		}
	}
	for _, rr := range rules {
		if rr.Stage == score.TopLevel && top {
			return rr.Places, true
		}
	}
	return 0, false
}
