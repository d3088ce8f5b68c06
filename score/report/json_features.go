package report

import (
	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// jsonAdjustment is a bid's price adjusted by its features: the values
// chosen, the coefficient as an exact fraction ("9/7") and the adjusted
// price unrounded.
type jsonAdjustment struct {
	Chosen      []jsonChoice `json:"chosen"`
	Coefficient string       `json:"coefficient"`
	Adjusted    string       `json:"adjusted"`
}

type jsonChoice struct {
	Feature string `json:"feature"`
	Title   string `json:"title"`
	Value   string `json:"value"`
	Means   string `json:"means,omitempty"`
}

func adjustmentJSON(a criteria.Adjustment) *jsonAdjustment {
	out := &jsonAdjustment{Chosen: []jsonChoice{}, Adjusted: fracText(a.Price)}
	num, den := a.Coefficient.Terms()
	out.Coefficient = exact.Plain(num) + "/" + exact.Plain(den)
	for _, c := range a.Chosen() {
		out.Chosen = append(out.Chosen, jsonChoice{Feature: c.Code, Title: c.Feature, Value: exact.Plain(c.Value), Means: c.Title})
	}
	return out
}
