package ocds

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// prozorroRelease is a release in ProZorro's shape (docs/sources/prozorro.md)
// with the features of openprocurement.api's lot test
// (belowthreshold/tests/lot_blanks.py, tender_features_invalid): on each of
// two lots, features whose largest values sum to 0.3 — 0.6 over the
// tender, which ProZorro accepts because the limit is per lot — one of
// them a feature of an item of lot 2, and a tenderer feature none has
// here. Bids (bids extension) carry ProZorro's parameters, with one for
// the other lot's feature that is left aside.
const prozorroRelease = `{
  "ocid": "ocds-be6bcu-UA-2026-05-04-000001", "id": "r1", "date": "2026-05-04T10:00:00Z",
  "tender": {
    "id": "UA-2026-05-04-000001", "title": "Vacuum cleaners",
    "lots": [{"id": "lot-1", "title": "Office"}, {"id": "lot-2", "title": "Warehouse"}],
    "items": [{"id": "item-1", "relatedLot": "lot-1"}, {"id": "item-2", "relatedLot": "lot-2"}],
    "features": [
      {"code": "AIR-1", "featureOf": "lot", "relatedItem": "lot-1", "title": "Air intake",
       "enum": [{"value": 0.1, "title": "up to 1000 W"}, {"value": 0.15, "title": "over 1000 W"}]},
      {"code": "NOISE-1", "featureOf": "lot", "relatedItem": "lot-1", "title": "Noise",
       "enum": [{"value": 0.1, "title": "quiet"}, {"value": 0.15, "title": "very quiet"}]},
      {"code": "AIR-2", "featureOf": "lot", "relatedItem": "lot-2", "title": "Air intake",
       "enum": [{"value": 0.1, "title": "up to 1000 W"}, {"value": 0.15, "title": "over 1000 W"}]},
      {"code": "NOISE-2", "featureOf": "item", "relatedItem": "item-2", "title": "Noise",
       "enum": [{"value": 0.1, "title": "quiet"}, {"value": 0.15, "title": "very quiet"}]}
    ]
  },
  "bids": {"details": [
    {"id": "b1", "tenderers": [{"id": "UA-EDR-1", "name": "Avocet Vacuum LLC"}], "relatedLots": ["lot-1"],
     "value": {"amount": 469, "currency": "UAH"},
     "parameters": [{"code": "AIR-1", "value": 0.1}, {"code": "NOISE-1", "value": 0.1}, {"code": "AIR-2", "value": 0.15}]},
    {"id": "b2", "tenderers": [{"id": "UA-EDR-2", "name": "Bittern Cleaning LLC"}], "relatedLots": ["lot-1"],
     "value": {"amount": 479, "currency": "UAH"},
     "parameters": [{"code": "AIR-1", "value": 0.15}, {"code": "NOISE-1", "value": 0.15}]},
    {"id": "b3", "tenderers": [{"id": "UA-EDR-1", "name": "Avocet Vacuum LLC"}], "relatedLots": ["lot-2"],
     "value": {"amount": 500, "currency": "UAH"},
     "parameters": [{"code": "AIR-2", "value": 0.1}, {"code": "NOISE-2", "value": 0.15}]}
  ]}
}`

func TestImportProzorroFeatures(t *testing.T) {
	im, err := importString(prozorroRelease, ImportOptions{})
	require.NoError(t, err)
	tn := im.Tender
	require.Len(t, tn.Lots, 2)
	codes := func(l score.Lot) []string {
		require.NotNil(t, l.Policy.Features, "lot %s", l.ID)
		var out []string
		for _, f := range l.Policy.Features.Features {
			out = append(out, f.Code)
		}
		return out
	}
	assert.Equal(t, []string{"AIR-1", "NOISE-1"}, codes(tn.Lots[0]), "the lot's own features")
	assert.Equal(t, []string{"AIR-2", "NOISE-2"}, codes(tn.Lots[1]), "the lot's, and its item's")
	for _, l := range tn.Lots {
		assert.Equal(t, score.AdjustedPrice, l.Policy.Basis)
		assert.Equal(t, criteria.AdjustedByFeatures, l.Policy.Criteria[0].Price.Method)
		assert.Equal(t, "0.3", l.Policy.Features.MaximaSum().String(), "each lot within ProZorro's 0.3")
	}
	require.Len(t, im.Bids, 3)
	b1 := im.Bids[0]
	assert.Equal(t, "lot-1", b1.Lot)
	assert.Equal(t, score.Supplier{ID: "UA-EDR-1", Name: "Avocet Vacuum LLC"}, b1.Supplier)
	assert.Equal(t, map[string]string{"AIR-1": "0.1", "NOISE-1": "0.1"}, decimals(b1.Features), "the other lot's parameter left aside")
	assert.Equal(t, "469", b1.Responses["price"].Price.Amount.String())

	// The tender read needs only the day it commenced and the authority's
	// name for the law; it evaluates as ProZorro ranks: b2, 479 ÷ 10/7 =
	// 335.3, before b1, 469 ÷ 9/7 = 364.78.
	tn.Commenced = date.On(2026, 5, 4)
	res, err := score.Evaluate(tn, im.Bids)
	require.NoError(t, err)
	l1, _ := res.Lot("lot-1")
	assert.Equal(t, "b2", l1.Winner)
	assert.Equal(t, "335.3", l1.Standings[0].Score.String())
	l2, _ := res.Lot("lot-2")
	// 500 ÷ (1 + 0.25 ÷ 0.7) = 500 × 14/19 = 368.42…
	assert.Equal(t, "368.4210526315…", l2.Standings[0].Score.String())
	assert.Empty(t, gapsUnder(im, "lots[0].policy"), "the features leave no award criteria to complete")
}

func decimals(m map[string]decimal.Decimal) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = v.String()
	}
	return out
}

func gapsUnder(im *Imported, prefix string) []Gap {
	var out []Gap
	for _, g := range im.Gaps {
		if len(g.Field) >= len(prefix) && g.Field[:len(prefix)] == prefix {
			out = append(out, g)
		}
	}
	return out
}

// A tender of two lots priced by features, exported and imported back:
// the features, each lot's own and the one both share (written once, as
// the tenderer's), and every bid's choices come back; the evaluation is
// the same.
func TestRoundTripFeatures(t *testing.T) {
	d := decimal.RequireFromString
	v := func(value, title string) criteria.FeatureValue {
		return criteria.FeatureValue{Value: d(value), Title: title}
	}
	years := criteria.Feature{Code: "YEARS", Title: "Years trading", Values: []criteria.FeatureValue{v("0.05", "up to 3 years"), v("0.15", "over 5 years")}}
	lot := func(id string, own criteria.Feature) score.Lot {
		return score.Lot{ID: id, Title: "Lot " + id, EstimatedValue: d("600"), TermMonths: 12, Policy: score.Policy{
			Basis: score.AdjustedPrice, Features: &criteria.FeatureRule{Features: []criteria.Feature{own, years}},
			Criteria: []score.Criterion{{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.AdjustedByFeatures}}}}}
	}
	tn := score.Tender{ID: "ANY/15", Title: "Cleaning equipment", Commenced: date.On(2026, 5, 4), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots: []score.Lot{
			lot("1", criteria.Feature{Code: "AIR", Title: "Air intake", Values: []criteria.FeatureValue{v("0.1", "up to 1000 W"), v("0.15", "over 1000 W")}}),
			lot("2", criteria.Feature{Code: "NOISE", Title: "Noise", Values: []criteria.FeatureValue{v("0", "standard"), v("0.1", "quiet")}}),
		}}
	bid := func(id, lotID, price string, features map[string]decimal.Decimal) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: "S-" + id, Name: "Supplier " + id}, Lot: lotID,
			Responses: map[string]score.Response{"price": {Price: criteria.Amount(d(price))}}, Features: features}
	}
	bids := []score.Bid{
		bid("A", "1", "469", map[string]decimal.Decimal{"AIR": d("0.1"), "YEARS": d("0.15")}),
		bid("B", "1", "479", map[string]decimal.Decimal{"AIR": d("0.15"), "YEARS": d("0.15")}),
		bid("C", "2", "300", map[string]decimal.Decimal{"NOISE": d("0.1"), "YEARS": d("0.05")}),
	}
	var out bytes.Buffer
	opts := croydonOptions()
	opts.Standstill = nil
	require.NoError(t, Export(&out, tn, bids, opts))
	var pkg struct {
		Releases []struct {
			Tender struct {
				Features []outFeature `json:"features"`
			} `json:"tender"`
			Bids struct {
				Details []outBid `json:"details"`
			} `json:"bids"`
		} `json:"releases"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &pkg))
	fs := pkg.Releases[0].Tender.Features
	require.Len(t, fs, 3)
	assert.Equal(t, []string{"AIR lot 1", "YEARS tenderer ", "NOISE lot 2"},
		[]string{fs[0].Code + " " + fs[0].FeatureOf + " " + fs[0].RelatedItem, fs[1].Code + " " + fs[1].FeatureOf + " " + fs[1].RelatedItem, fs[2].Code + " " + fs[2].FeatureOf + " " + fs[2].RelatedItem})
	assert.Equal(t, []outParameter{{Code: "AIR", Value: "0.1"}, {Code: "YEARS", Value: "0.15"}}, pkg.Releases[0].Bids.Details[0].Parameters)

	im, err := Import("export.json", bytes.NewReader(out.Bytes()), ImportOptions{})
	require.NoError(t, err)
	got := im.Tender
	got.Commenced = tn.Commenced
	want, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	again, err := score.Evaluate(got, im.Bids)
	require.NoError(t, err)
	for i := range want.Lots {
		assert.Equal(t, want.Lots[i].Winner, again.Lots[i].Winner)
		for j, s := range want.Lots[i].Standings {
			assert.Equal(t, s.Score.String(), again.Lots[i].Standings[j].Score.String())
		}
	}
}

// ProZorro gives a feature one code in a tender, tied to one lot or shared
// by every lot: a code some lots share, or publish differently, cannot be
// written.
func TestExportFeatureCodes(t *testing.T) {
	d := decimal.RequireFromString
	f := func(code, title string) criteria.Feature {
		return criteria.Feature{Code: code, Title: title, Values: []criteria.FeatureValue{{Value: d("0.1"), Title: "yes"}}}
	}
	lot := func(id string, fs ...criteria.Feature) score.Lot {
		return score.Lot{ID: id, Title: "Lot " + id, Policy: score.Policy{Basis: score.AdjustedPrice, Features: &criteria.FeatureRule{Features: fs},
			Criteria: []score.Criterion{{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.AdjustedByFeatures}}}}}
	}
	tender := func(lots ...score.Lot) score.Tender {
		return score.Tender{ID: "ANY/15", Title: "T", Commenced: date.On(2026, 5, 4), Regime: score.PA2023,
			Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral}, Lots: lots}
	}
	weighted := score.Lot{ID: "3", Title: "Lot 3", Policy: score.Policy{Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Weight: d("100"), Price: &criteria.PriceRule{Method: criteria.Relative}}}}}
	tests := []struct {
		why  string
		t    score.Tender
		code string
	}{
		{"one code, two definitions", tender(lot("1", f("A", "Colour")), lot("2", f("A", "Size"))), "A"},
		{"one code on two lots of three", tender(lot("1", f("A", "Colour")), lot("2", f("A", "Colour")), weighted), "A"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			opts := croydonOptions()
			opts.Standstill = nil
			err := Export(&bytes.Buffer{}, tt.t, nil, opts)
			var fe *FeatureCodeError
			require.True(t, errors.As(err, &fe), "%v", err)
			assert.Equal(t, tt.code, fe.Code)
		})
	}
}

// A model weighted in points is written in its published points
// (pointsExact), and read back out of the same total.
func TestExportPublishedPoints(t *testing.T) {
	d := decimal.RequireFromString
	q := func(id, title, w string) score.Criterion {
		return score.Criterion{ID: id, Title: title, Weight: d(w), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
	}
	p := score.Policy{Weighting: score.Points, Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Weight: d("10"), Price: &criteria.PriceRule{Method: criteria.Relative}},
		q("people", "People", "10"),
		{ID: "concept", Title: "Concept", Weight: d("10"), Children: []score.Criterion{q("a", "Approach", "25"), q("b", "Tools", "75")}},
	}}
	tn := score.Tender{ID: "ANY/30", Title: "Recruiting", Commenced: date.On(2026, 5, 4), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots:      []score.Lot{{ID: "1", Title: "Recruiting", EstimatedValue: d("150000"), TermMonths: 24, Policy: p}}}
	var out bytes.Buffer
	opts := croydonOptions()
	opts.Standstill = nil
	require.NoError(t, Export(&out, tn, nil, opts))
	var pkg struct {
		Releases []struct {
			Tender struct {
				Lots []outLot `json:"lots"`
			} `json:"tender"`
		} `json:"releases"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &pkg))
	var got []string
	for _, c := range pkg.Releases[0].Tender.Lots[0].AwardCriteria.Criteria {
		got = append(got, c.Name+" "+string(c.Numbers[0].Number)+" "+c.Numbers[0].Weight)
	}
	// 10 + 10 + 10 of 30; the concept's 25% and 75% of 10 are 2.5 and 7.5.
	assert.Equal(t, []string{"Price 10 pointsExact", "People 10 pointsExact", "Concept: Approach 2.5 pointsExact", "Concept: Tools 7.5 pointsExact"}, got)
	im, err := Import("export.json", bytes.NewReader(out.Bytes()), ImportOptions{})
	require.NoError(t, err)
	assert.Equal(t, score.Points, im.Tender.Lots[0].Policy.Weighting)
	assert.Equal(t, shares(p), shares(im.Tender.Lots[0].Policy))
}
