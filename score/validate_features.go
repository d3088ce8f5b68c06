package score

import (
	"fmt"

	"github.com/tenderscore/tenderscore/criteria"
)

// unweightedPrice reports whether the policy's top-level price criterion
// carries no weight: it is divided by the quality points, or by the
// coefficient of the bid's features, rather than scored.
func (p Policy) unweightedPrice() bool {
	b := p.basis()
	return b == PricePerQualityPoint || b == AdjustedPrice
}

// basisWords names a basis in a sentence.
func basisWords(b Basis) string {
	switch b {
	case PricePerQualityPoint:
		return "price per quality point"
	case AdjustedPrice:
		return "a price adjusted by features"
	}
	return "weighted points"
}

// unaddedBases names the bases among lots whose results are not scores to
// add: "price per quality point", "a price adjusted by features", or both.
func unaddedBases(lots []Lot) string {
	var ppqp, adjusted bool
	for _, l := range lots {
		ppqp = ppqp || l.Policy.basis() == PricePerQualityPoint
		adjusted = adjusted || l.Policy.basis() == AdjustedPrice
	}
	switch {
	case ppqp && adjusted:
		return "price per quality point or a price adjusted by features"
	case adjusted:
		return "a price adjusted by features"
	}
	return "price per quality point"
}

// adjustedPolicy checks a policy whose basis is a price adjusted by
// features, or whose features or price method need that basis: the
// features valid within their limits, one price criterion and nothing
// else (there are no points to add, threshold or compare), its method
// criteria.AdjustedByFeatures.
func (v *validation) adjustedPolicy(prefix string, p Policy, t *tree) {
	if p.basis() != AdjustedPrice {
		if p.Features != nil {
			v.add(join(prefix, "features"), "", "basis", "features adjust a price only under the policy basis %q", AdjustedPrice)
		}
		for _, n := range t.priceLeaves() {
			if n.c.Price.Method == criteria.AdjustedByFeatures {
				v.add(join(prefix, n.path+".price.method"), string(n.c.Price.Method), "basis",
					"the %q method needs the policy basis %q", criteria.AdjustedByFeatures, AdjustedPrice)
			}
		}
		return
	}
	if p.Features == nil {
		v.add(join(prefix, "features"), "", "required", "a price adjusted by features needs the features: each with the values a bidder may choose")
	} else {
		v.addAll(join(prefix, "features"), p.Features.Validate())
	}
	if len(t.nodes) != 1 || t.nodes[0].c.Price == nil {
		v.add(join(prefix, "criteria"), fmt.Sprint(len(t.nodes)), "only-price",
			"under a price adjusted by features the policy has one criterion, its price: the features are the rest of the model")
	}
	for _, n := range t.priceLeaves() {
		if n.c.Price.Method != criteria.AdjustedByFeatures {
			v.add(join(prefix, n.path+".price.method"), string(n.c.Price.Method), "adjusted-by-features",
				"under a price adjusted by features the price method must be %q", criteria.AdjustedByFeatures)
		}
	}
	if p.Thresholds.MinQualityPercent != nil {
		v.add(join(prefix, "thresholds.minQualityPercent"), p.Thresholds.MinQualityPercent.String(), "no-quality",
			"a price adjusted by features has no quality points to set a minimum for")
	}
	for i, tb := range p.TieBreaks {
		if tb.Kind == HigherPoints {
			v.add(join(prefix, fmt.Sprintf("tieBreaks[%d].kind", i)), string(tb.Kind), "no-points",
				"a price adjusted by features gives no points to compare: break ties on the lower price or a recorded step")
		}
	}
}

// bidFeatures checks a bid's chosen features against its lot's policy:
// one published value for every feature under a price adjusted by
// features, and none at all otherwise.
func (v *validation) bidFeatures(path string, b *Bid, p *Policy) {
	if p.basis() == AdjustedPrice && p.Features != nil {
		v.addAll(path+".features", p.Features.CheckChosen(b.Features))
		return
	}
	for _, k := range sortedKeys(b.Features) {
		v.add(fmt.Sprintf("%s.features[%s]", path, k), b.Features[k].String(), "no-features", "the lot's policy adjusts no price by features")
	}
}
