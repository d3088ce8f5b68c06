package ocds

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// A lot scored on a price adjusted by features is written as ProZorro
// publishes one (docs/sources/prozorro.md): its features in
// tender.features — featureOf lot with the lot as relatedItem, or, for a
// feature every lot shares, featureOf tenderer — and each bid's choices as
// the bid's parameters. No OCDS extension defines these fields, so none is
// declared.

type outFeature struct {
	Code        string            `json:"code"`
	FeatureOf   string            `json:"featureOf"`
	RelatedItem string            `json:"relatedItem,omitempty"`
	Title       string            `json:"title"`
	Description string            `json:"description,omitempty"`
	Enum        []outFeatureValue `json:"enum"`
}

type outFeatureValue struct {
	Value       json.Number `json:"value"`
	Title       string      `json:"title"`
	Description string      `json:"description,omitempty"`
}

type outParameter struct {
	Code  string      `json:"code"`
	Value json.Number `json:"value"`
}

// adjustedDescription is the weightingDescription of a lot scored on a
// price adjusted by features.
const adjustedDescription = "Price adjusted by features (ProZorro's MEAT rule): each bid's price is divided by 1 + the sum of the values it chose ÷ (1 − the sum of the features' largest values), and the lowest adjusted price wins. The features are in tender.features, each bid's choices in its parameters."

// FeatureCodeError reports a feature Export cannot write: ProZorro gives a
// feature one code in a tender, tied to one lot or shared by every lot.
type FeatureCodeError struct {
	Code    string
	Lots    []string
	Message string
}

func (e *FeatureCodeError) Error() string {
	return fmt.Sprintf("ocds: feature %q (lots %s): %s", e.Code, strings.Join(e.Lots, ", "), e.Message)
}

// features writes the features of every lot priced by them: a code used by
// one lot as that lot's feature, a code every lot of the tender publishes
// alike once as the tenderer's. A code some lots share, or publish
// differently, cannot be written.
func features(t score.Tender) ([]outFeature, error) {
	type use struct {
		f    criteria.Feature
		lots []string
	}
	var order []string
	uses := map[string]*use{}
	for _, l := range t.Lots {
		if l.Policy.Basis != score.AdjustedPrice || l.Policy.Features == nil {
			continue
		}
		for _, f := range l.Policy.Features.Features {
			u, ok := uses[f.Code]
			if !ok {
				u = &use{f: f}
				uses[f.Code] = u
				order = append(order, f.Code)
			} else if !sameFeature(u.f, f) {
				return nil, &FeatureCodeError{Code: f.Code, Lots: append(slices.Clone(u.lots), l.ID), Message: "lots publish different features under one code; give each its own code"}
			}
			u.lots = append(u.lots, l.ID)
		}
	}
	var out []outFeature
	for _, code := range order {
		u := uses[code]
		of := outFeature{Code: code, FeatureOf: "lot", Title: u.f.Title, Description: u.f.Description, Enum: []outFeatureValue{}}
		switch {
		case len(u.lots) == len(t.Lots) && len(t.Lots) > 1:
			of.FeatureOf = "tenderer"
		case len(u.lots) == 1:
			of.RelatedItem = u.lots[0]
		default:
			return nil, &FeatureCodeError{Code: code, Lots: u.lots, Message: "a feature is one lot's, or every lot's; give the feature a code for each lot"}
		}
		for _, v := range u.f.Values {
			of.Enum = append(of.Enum, outFeatureValue{Value: json.Number(v.Value.String()), Title: v.Title, Description: v.Description})
		}
		out = append(out, of)
	}
	return out, nil
}

func sameFeature(a, b criteria.Feature) bool {
	if a.Title != b.Title || a.Description != b.Description || len(a.Values) != len(b.Values) {
		return false
	}
	for i := range a.Values {
		if !a.Values[i].Value.Equal(b.Values[i].Value) || a.Values[i].Title != b.Values[i].Title || a.Values[i].Description != b.Values[i].Description {
			return false
		}
	}
	return true
}

// parameters writes a bid's chosen features in its lot's feature order;
// nil for a lot not priced by features.
func parameters(l score.Lot, b score.Bid) []outParameter {
	if l.Policy.Basis != score.AdjustedPrice || l.Policy.Features == nil {
		return nil
	}
	var out []outParameter
	for _, f := range l.Policy.Features.Features {
		if v, ok := b.Features[f.Code]; ok {
			out = append(out, outParameter{Code: f.Code, Value: json.Number(v.String())})
		}
	}
	return out
}
