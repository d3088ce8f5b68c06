package analysis

import (
	"slices"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// A bid's standing never falls as its price does — but for two shapes (see
// the package documentation). The policy's: a social value criterion scored
// relative to the best offer, with the offer read from the bid's price,
// moves every other bid's points there as the bid's price falls and its
// offer becomes the best; where a minimum reads those points — the
// minimum quality score counting the criterion, or a minimum percentage
// on it or on a criterion above it — another bid can drop below it and
// out of the field, and with it a figure the price method reads, such as
// the highest price. The bid may then win at some price above the answer
// found too: the answer says so (PriceToWin.Edge). The other shape is the
// bid's own, not the policy's: its offer falls with its price
// (score.Trials.OfferFallsWithPrice), which priceToWin asks of each bid.

// standingMayFall reports whether the lot's policy is of that shape.
func (f *field) standingMayFall() bool {
	pol := f.lot().Policy
	for _, top := range pol.Criteria {
		quality := pol.Thresholds.MinQualityPercent != nil && countsAsQuality(pol.Thresholds, top)
		if movesUnderMinimum(top, quality) {
			return true
		}
	}
	return false
}

// countsAsQuality reports whether a top-level criterion counts towards the
// minimum quality score: listed, or, when none is, holding no price.
func countsAsQuality(th score.Thresholds, top score.Criterion) bool {
	if len(th.QualityCriteria) > 0 {
		return slices.Contains(th.QualityCriteria, top.ID)
	}
	return !holdsPrice(top)
}

// holdsPrice reports whether a criterion is a price or has one under it.
func holdsPrice(c score.Criterion) bool {
	return c.Price != nil || slices.ContainsFunc(c.Children, holdsPrice)
}

// movesUnderMinimum reports whether c, or a criterion under it, is a social
// value offer relative to the best and read from the bid's price under a
// minimum: minimum says one above it already applies.
func movesUnderMinimum(c score.Criterion, minimum bool) bool {
	minimum = minimum || c.MinPercent != nil
	if sv := c.SocialValue; sv != nil {
		return minimum && sv.Method == criteria.RelativeToBest && sv.NeedsBidPrice()
	}
	for _, ch := range c.Children {
		if movesUnderMinimum(ch, minimum) {
			return true
		}
	}
	return false
}
