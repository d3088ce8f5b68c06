package report

import (
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// adjustedRules states a price adjusted by features as published: the
// rule, each feature with the values a tender may choose, the limits and
// the rounding of the adjusted price. Nothing about any tender.
func adjustedRules(p score.Policy, rounding []score.RoundingRule) []string {
	out := []string{"Each tender's price is adjusted by the features it offers: divided by 1 + the sum of the values it chose ÷ (1 − the sum of the features' largest values). The lowest adjusted price wins."}
	if p.Features == nil {
		return out
	}
	for _, f := range p.Features.Features {
		vs := make([]string, len(f.Values))
		for i, v := range f.Values {
			vs[i] = exact.Plain(v.Value)
			if v.Title != "" {
				vs[i] += " (" + v.Title + ")"
			}
		}
		text := fmt.Sprintf("Feature %s: %s.", f.Title, strings.Join(vs, ", "))
		if f.Description != "" {
			text = fmt.Sprintf("Feature %s (%s): %s.", f.Title, f.Description, strings.Join(vs, ", "))
		}
		out = append(out, text)
	}
	out = append(out, fmt.Sprintf("The features' largest values sum to %s.", exact.Plain(p.Features.MaximaSum())))
	for _, r := range rounding {
		if r.Stage == score.Total {
			return append(out, fmt.Sprintf("Rounding: the adjusted price to %d decimal places, %s.", r.Places, r.Mode))
		}
	}
	return append(out, "The adjusted price is not rounded.")
}
