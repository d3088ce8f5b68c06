package score

import (
	"fmt"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// A price adjusted by features (the AdjustedPrice basis): the engine's part.
// The rule and its records are package criteria's (features.go); here the
// bid's quote is divided by the coefficient of its chosen features to form
// its total, and the total's working says how.

// adjustTotal forms a bid's total under a price adjusted by features: its
// price divided by the coefficient of the values it chose. False when it
// cannot be formed (ruled out by validation), and the bid is disqualified.
func (k *lotKernel) adjustTotal(s *bidKernel, price *node, t *TotalLine) bool {
	if k.pol.Features == nil {
		s.disqualify(AtRatio, Reason{Rule: "features", Text: "the policy publishes no features to adjust the price by"})
		return false
	}
	a, err := k.pol.Features.Adjust(s.prep.quotes[price.price].Price, s.bid.Features)
	if err != nil {
		s.disqualify(AtRatio, Reason{Rule: "features", Text: fmt.Sprintf("the price cannot be adjusted by its features: %v", err)})
		return false
	}
	s.adjusted = &a
	t.Unrounded = a.Price
	t.Points = exactFigure(a.Price)
	return true
}

// adjustedWorking words a bid's total under a price adjusted by features:
// the values chosen, the coefficient as a fraction, the adjusted price, and
// its rounding if the policy declares one.
func (k *lotKernel) adjustedWorking(s *bidKernel, t TotalLine) []Step {
	if s.adjusted == nil {
		return nil
	}
	w := convertSteps(s.adjusted.Working(), nil)
	if t.Rounding != nil && !t.Points.Value.Equal(t.Unrounded) {
		w = append(w, Step{Text: fmt.Sprintf("%s rounded %s to %s", exactFigure(t.Unrounded), *t.Rounding, t.Points)})
	}
	return w
}

// Adjustment returns the bid's price adjusted by its chosen features, with
// the coefficient, when its lot's policy adjusts prices by features and the
// bid's total was formed; false otherwise.
func (b BidResult) Adjustment() (criteria.Adjustment, bool) {
	if b.s == nil || b.s.adjusted == nil {
		return criteria.Adjustment{}, false
	}
	return *b.s.adjusted, true
}

// adjustedNotes state the features and their limits, and how the
// adjusted price is rounded: only as the policy declares for the total,
// else not at all.
func adjustedNotes(pol *Policy, rules []RoundingRule) []string {
	var notes []string
	if f := pol.Features; f != nil {
		maxValue, maxSum, declared := f.Limits()
		text := fmt.Sprintf("features: %d, their largest values summing to %s; the limits: each value from 0 to %s, the largest values summing to at most %s",
			len(f.Features), exact.Plain(f.MaximaSum()), exact.Plain(maxValue), exact.Plain(maxSum))
		if !declared {
			text += " (ProZorro's limits of 0.3 where the policy declares none)"
		}
		notes = append(notes, text)
	}
	if r, ok := roundingAt(rules, Total); ok {
		return append(notes, fmt.Sprintf("rounding: the adjusted price to %s; bids are ranked on the adjusted price as shown", r))
	}
	return append(notes, "rounding: none declared for the adjusted price, so bids are ranked on it exactly")
}
