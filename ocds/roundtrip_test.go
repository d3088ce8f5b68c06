package ocds

import (
	"bytes"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// roundTrip exports a tender (with its bids, if any) and imports the
// package back.
func roundTrip(t *testing.T, tn score.Tender, bids []score.Bid) *Imported {
	t.Helper()
	opts := croydonOptions()
	opts.Standstill = nil
	var out bytes.Buffer
	require.NoError(t, Export(&out, tn, bids, opts))
	im, err := Import("export.json", &out, ImportOptions{})
	require.NoError(t, err)
	return im
}

// shares maps each leaf criterion, named by its titles from the top, to
// its share of the lot: the product down its path of its weight over its
// siblings' sum (the price under price per quality point has none). It is
// the test's own reading of a policy, to compare two policies' weights
// whatever their weighting.
func shares(p score.Policy) map[string]string {
	out := map[string]string{}
	var walk func(cs []score.Criterion, names []string, share *big.Rat, top bool)
	walk = func(cs []score.Criterion, names []string, share *big.Rat, top bool) {
		sum := new(big.Rat)
		for _, c := range cs {
			if !(top && p.Basis == score.PricePerQualityPoint && c.Price != nil) {
				sum.Add(sum, c.Weight.Rat())
			}
		}
		for _, c := range cs {
			path := append(append([]string{}, names...), c.Title)
			if top && p.Basis == score.PricePerQualityPoint && c.Price != nil {
				out[strings.Join(path, " / ")] = "no weight"
				continue
			}
			s := new(big.Rat).Mul(share, c.Weight.Rat())
			s.Quo(s, sum)
			if c.IsLeaf() {
				out[strings.Join(path, " / ")] = s.RatString()
				continue
			}
			walk(c.Children, path, s, false)
		}
	}
	walk(p.Criteria, nil, big.NewRat(1, 1), true)
	return out
}

// TestRoundTripCroydon exports the Croydon tender, bids and award and
// imports the package: the lots, their values and terms, the criteria —
// sub-criteria included — and every weight come back; what OCDS cannot
// carry comes back as fields to complete.
func TestRoundTripCroydon(t *testing.T) {
	tender, bids := croydon(t)
	im := roundTrip(t, tender, bids)
	got := im.Tender
	assert.Equal(t, tender.ID, got.ID)
	assert.Equal(t, tender.Title, got.Title)
	assert.Equal(t, tender.Authority.Name, got.Authority.Name)
	assert.Equal(t, tender.Authority.Type, got.Authority.Type)
	assert.Equal(t, tender.Regime, got.Regime)
	require.Len(t, got.Lots, len(tender.Lots))
	for i, want := range tender.Lots {
		l := got.Lots[i]
		t.Run("lot "+want.ID, func(t *testing.T) {
			assert.Equal(t, want.ID, l.ID)
			assert.Equal(t, want.Title, l.Title)
			assert.True(t, want.EstimatedValue.Equal(l.EstimatedValue), "value %s, got %s", want.EstimatedValue, l.EstimatedValue)
			assert.Equal(t, want.TermMonths, l.TermMonths)
			assert.Equal(t, shares(want.Policy), shares(l.Policy), "every leaf keeps its title and share")
			require.Len(t, l.Policy.Criteria, len(want.Policy.Criteria))
			for j, wc := range want.Policy.Criteria {
				gc := l.Policy.Criteria[j]
				assert.Equal(t, wc.Title, gc.Title)
				assert.True(t, wc.Weight.Equal(gc.Weight), "%s: weight %s, got %s", wc.Title, wc.Weight, gc.Weight)
				assert.Equal(t, len(wc.Children), len(gc.Children), "%s keeps its sub-criteria", wc.Title)
				assert.Equal(t, wc.Price != nil, gc.Price != nil, "%s is a price criterion", wc.Title)
			}
			assert.Equal(t, score.SocialValue, l.Policy.Criteria[2].Category, "social value, by its name")
		})
	}
	assert.Nil(t, got.LotRules, "Croydon declares none")

	var out bytes.Buffer
	require.NoError(t, im.WriteTender(&out))
	checkGapsNamed(t, im, out.Bytes())
}

// TestRoundTripWeightings checks each weighting and basis comes back with
// its weights: points that are no finite percentages travel as points,
// and price per quality point as its weighting description.
func TestRoundTripWeightings(t *testing.T) {
	d := decimal.RequireFromString
	quality := func(id, title, w string) score.Criterion {
		return score.Criterion{ID: id, Title: title, Weight: d(w), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
	}
	price := score.Criterion{ID: "price", Title: "Price", Weight: d("1"), Price: &criteria.PriceRule{Method: criteria.Relative}}
	tests := []struct {
		why    string
		policy score.Policy
		want   map[string]string // hand-derived shares
	}{
		{"points in thirds: no finite percentage, so whole points",
			score.Policy{Weighting: score.Points, Criteria: []score.Criterion{price, quality("a", "Approach", "1"), quality("b", "Team", "1")}},
			map[string]string{"Price": "1/3", "Approach": "1/3", "Team": "1/3"}},
		{"percentages of the total, nested",
			score.Policy{Weighting: score.PercentOfTotal, Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Weight: d("35"), Price: &criteria.PriceRule{Method: criteria.Relative}},
				{ID: "q", Title: "Quality", Weight: d("65"), Children: []score.Criterion{quality("a", "Approach", "40"), quality("b", "Team", "25")}},
			}},
			map[string]string{"Price": "7/20", "Quality / Approach": "2/5", "Quality / Team": "1/4"}},
		{"price per quality point",
			score.Policy{Basis: score.PricePerQualityPoint, Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.PerQualityPoint}},
				quality("a", "Approach", "60"), quality("b", "Team", "40"),
			}},
			map[string]string{"Price": "no weight", "Approach": "3/5", "Team": "2/5"}},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			tn := score.Tender{ID: "ANY/1", Title: "Service desk", Commenced: date.On(2026, 4, 1), Regime: score.PA2023,
				Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
				Lots:      []score.Lot{{ID: "1", Title: "Service desk", EstimatedValue: d("600000"), TermMonths: 36, Policy: tc.policy}}}
			require.Equal(t, tc.want, shares(tc.policy), "the test's own reading")
			im := roundTrip(t, tn, nil)
			got := im.Tender.Lots[0].Policy
			assert.Equal(t, tc.want, shares(got), fmt.Sprintf("%+v", got.Criteria))
			assert.Equal(t, tc.policy.Basis, got.Basis)
			if tc.policy.Basis == score.PricePerQualityPoint {
				assert.Equal(t, criteria.PerQualityPoint, got.Criteria[0].Price.Method, "known from the basis")
			}
		})
	}
}
