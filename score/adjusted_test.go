package score_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// A price adjusted by features, ProZorro's MEAT rule, on ProZorro's own
// fixtures (docs/sources/prozorro.md): the features of
// test_tender_below_features_data
// (openprocurement.api src/openprocurement/tender/belowthreshold/tests/base.py)
// and the bids of TenderFeaturesAuctionResourceTest (tests/auction.py).

func prozorroFeatures() *criteria.FeatureRule {
	v := func(value, title string) criteria.FeatureValue {
		return criteria.FeatureValue{Value: dec(value), Title: title}
	}
	return &criteria.FeatureRule{Features: []criteria.Feature{
		{Code: "OCDS-123454-AIR-INTAKE", Title: "Air intake", Values: []criteria.FeatureValue{v("0.1", "up to 1000 W"), v("0.15", "over 1000 W")}},
		{Code: "OCDS-123454-YEARS", Title: "Years trading", Values: []criteria.FeatureValue{v("0.05", "up to 3 years"), v("0.1", "3 to 5 years"), v("0.15", "over 5 years")}},
	}}
}

func adjustedPolicy() score.Policy {
	return score.Policy{Basis: score.AdjustedPrice, Features: prozorroFeatures(), Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.AdjustedByFeatures}},
	}}
}

func featureBid(id, name, price, air, years string) score.Bid {
	return score.Bid{ID: id, Supplier: score.Supplier{ID: "S-" + id, Name: name}, Lot: "L1",
		Responses: map[string]score.Response{"price": priced(price)},
		Features:  map[string]decimal.Decimal{"OCDS-123454-AIR-INTAKE": dec(air), "OCDS-123454-YEARS": dec(years)}}
}

func TestAdjustedPriceProzorroAuction(t *testing.T) {
	l := evalLot(t, adjustedPolicy(),
		featureBid("A", "Avocet Vacuum LLC", "469", "0.1", "0.1"),
		featureBid("B", "Bittern Cleaning LLC", "479", "0.15", "0.15"))
	// A: 469 ÷ (1 + 0.2 ÷ 0.7) = 469 × 7/9 = 364.777…; B: 479 ÷ (1 + 0.3 ÷
	// 0.7) = 479 × 7/10 = 335.3. The dearer bid with the better features
	// wins, as the auction test awards bids[1].
	require.Equal(t, score.Winner, l.Outcome)
	assert.Equal(t, "B", l.Winner)
	assert.Equal(t, "335.3", total(t, l, "B"))
	assert.Equal(t, "364.7777777777…", total(t, l, "A"), "no rounding declared: the adjusted price is exact")
	a, _ := l.Bid("A")
	want, err := exact.NewFraction(dec("3283"), dec("9"))
	require.NoError(t, err)
	assert.True(t, a.Total.Unrounded.Equal(want), "469 × 7/9 exactly")
	assert.Equal(t, []string{
		"values chosen: Air intake 0.1 (up to 1000 W) + Years trading 0.1 (3 to 5 years) = 0.2",
		"largest values published: Air intake 0.15 + Years trading 0.15 = 0.3",
		"coefficient = 1 + 0.2 ÷ (1 − 0.3) = 1 + 0.2 ÷ 0.7 = 9/7 (1.2857142857…)",
		"adjusted price = £469.00 ÷ 9/7 (1.2857142857…) = £364.7777777777…",
	}, score.Texts(a.Total.Working()))
	adj, ok := a.Adjustment()
	require.True(t, ok)
	n, d := adj.Coefficient.Terms()
	assert.Equal(t, "9/7", n.String()+"/"+d.String())
	price := line(t, l, "A", "price")
	assert.Equal(t, "£469.00", price.Input)
	assert.Equal(t, []string{"price adjusted by features: the price is divided by the coefficient of the values chosen, not scored on its own"}, score.Texts(price.Notes))
	assert.Contains(t, l.Notes, "features: 2, their largest values summing to 0.3; the limits: each value from 0 to 0.3, the largest values summing to at most 0.3 (ProZorro's limits of 0.3 where the policy declares none)")
	assert.Contains(t, l.Notes, "rounding: none declared for the adjusted price, so bids are ranked on it exactly")
}

// ProZorro rounds the weighted value to two places (awarding.py,
// set_weighted_value); the cfaselectionua tutorial's award shows 499 with
// denominator 1.2857142857142858 compared at 388.11
// (docs/source/tendering/cfaselectionua/tutorial/award-qualification-active.http).
// Declared as a rounding of the total, the library shows the same, and
// keeps the exact value.
func TestAdjustedPriceRoundedOnlyAsDeclared(t *testing.T) {
	p := adjustedPolicy()
	p.Rounding = []score.RoundingRule{{Stage: score.Total, Places: 2, Mode: exact.HalfEven}}
	l := evalLot(t, p, featureBid("A", "Avocet Vacuum LLC", "499", "0.1", "0.1"), featureBid("B", "Bittern Cleaning LLC", "520", "0.1", "0.05"))
	assert.Equal(t, "388.11", total(t, l, "A"))
	a, _ := l.Bid("A")
	assert.Equal(t, "388.1111111111…", a.Total.Unrounded.String())
	assert.Equal(t, "388.1111111111… rounded 2 dp half-even to 388.11", score.Texts(a.Total.Working())[4])
	assert.Contains(t, l.Notes, "rounding: the adjusted price to 2 dp half-even; bids are ranked on the adjusted price as shown")
	// B: 520 ÷ (1 + 0.15 ÷ 0.7) = 520 × 14/17 = 428.235… → 428.24.
	assert.Equal(t, "428.24", total(t, l, "B"))
}

// Equal adjusted prices go to the declared chain: 900 ÷ 9/7 and 1000 ÷ 10/7
// are both exactly 700.
func TestAdjustedPriceTiesByTheChain(t *testing.T) {
	bids := []score.Bid{featureBid("A", "Avocet Vacuum LLC", "900", "0.1", "0.1"), featureBid("B", "Bittern Cleaning LLC", "1000", "0.15", "0.15")}
	t.Run("no chain: the tie stands", func(t *testing.T) {
		l := evalLot(t, adjustedPolicy(), bids...)
		assert.Equal(t, score.UnresolvedTie, l.Outcome)
		assert.Equal(t, "700", l.Standings[0].Score.String())
	})
	t.Run("the lower price first", func(t *testing.T) {
		p := adjustedPolicy()
		p.TieBreaks = []score.TieBreak{{Kind: score.LowerPrice}}
		l := evalLot(t, p, bids...)
		assert.Equal(t, "A", l.Winner)
	})
	t.Run("ProZorro's earlier submission, recorded", func(t *testing.T) {
		// ProZorro sorts equal values by the bid's date (sort_bids in
		// awarding.py); the library takes no clock, so the order of
		// submission is a recorded step.
		p := adjustedPolicy()
		p.TieBreaks = []score.TieBreak{{Kind: score.Recorded, Name: "submitted-first", Description: "the earlier submission first"}}
		early, late := bids[1], bids[0]
		early.TieBreakScores = map[string]score.RecordedScore{"submitted-first": {Score: dec("2"), Reason: "submitted 09:02"}}
		late.TieBreakScores = map[string]score.RecordedScore{"submitted-first": {Score: dec("1"), Reason: "submitted 09:40"}}
		l := evalLot(t, p, late, early)
		assert.Equal(t, "B", l.Winner)
	})
}

// Limits apply per lot, as ProZorro applies them to each lot's own features
// (tender_features_invalid in belowthreshold/tests/lot_blanks.py: maxima of
// 0.3 on each of two lots pass though they sum to 0.6 over the tender).
func TestAdjustedPriceLimitsPerLot(t *testing.T) {
	lot := func(id string) score.Lot {
		l := lotOf(adjustedPolicy())
		l.ID = id
		return l
	}
	tender := tenderOf(lot("L1"))
	tender.Lots = append(tender.Lots, lot("L2"))
	b1, b2 := featureBid("A", "Avocet Vacuum LLC", "469", "0.1", "0.1"), featureBid("B", "Bittern Cleaning LLC", "479", "0.15", "0.15")
	b2.Lot = "L2"
	res, err := score.Evaluate(tender, []score.Bid{b1, b2})
	require.NoError(t, err)
	assert.Len(t, res.Lots, 2)
}

func TestAdjustedPriceValidation(t *testing.T) {
	quality := qualityCrit("q", "100")
	tests := []struct {
		why         string
		policy      func(*score.Policy)
		bid         func(*score.Bid)
		field, rule string
	}{
		{"the basis needs its features", func(p *score.Policy) { p.Features = nil }, nil, "lots[0].policy.features", "required"},
		{"features need the basis", func(p *score.Policy) {
			p.Basis = ""
			p.Criteria = []score.Criterion{priceCrit("price", "100", criteria.PriceRule{Method: criteria.Relative})}
		}, func(b *score.Bid) { b.Features = nil }, "lots[0].policy.features", "basis"},
		{"the price method needs the basis", func(p *score.Policy) { p.Basis, p.Features = "", nil }, func(b *score.Bid) { b.Features = nil },
			"lots[0].policy.criteria[0].price.method", "basis"},
		{"nothing but the price: a quality question has no place", func(p *score.Policy) { p.Criteria = append(p.Criteria, quality) },
			func(b *score.Bid) { b.Responses["q"] = marks(3) }, "lots[0].policy.criteria", "only-price"},
		{"the price method must be adjusted-by-features", func(p *score.Policy) { p.Criteria[0].Price.Method = criteria.Relative }, nil,
			"lots[0].policy.criteria[0].price.method", "adjusted-by-features"},
		{"the price carries no weight", func(p *score.Policy) { p.Criteria[0].Weight = dec("100") }, nil,
			"lots[0].policy.criteria[0].weight", "no-weight"},
		{"no quality minimum: there are no quality points", func(p *score.Policy) { p.Thresholds.MinQualityPercent = decp("50") }, nil,
			"lots[0].policy.thresholds.minQualityPercent", "no-quality"},
		{"no higher-points tie-break: there are no points", func(p *score.Policy) {
			p.TieBreaks = []score.TieBreak{{Kind: score.HigherPoints, Criterion: "price"}}
		}, nil, "lots[0].policy.tieBreaks[0].kind", "no-points"},
		{"the features' limits are checked: maxima 0.15 + 0.2", func(p *score.Policy) {
			p.Features.Features[1].Values[2].Value = dec("0.2")
		}, nil, "lots[0].policy.features.features", "sum-of-maxima"},
		{"a bid chooses a value for every feature", nil, func(b *score.Bid) { delete(b.Features, "OCDS-123454-YEARS") },
			"bids[0].features[OCDS-123454-YEARS]", "required"},
		{"a bid chooses a published value", nil, func(b *score.Bid) { b.Features["OCDS-123454-YEARS"] = dec("0.12") },
			"bids[0].features[OCDS-123454-YEARS]", "one-of"},
		{"a bid names no other feature", nil, func(b *score.Bid) { b.Features["COLOUR"] = dec("0.1") },
			"bids[0].features[COLOUR]", "known-feature"},
		{"a bid on a lot without features chooses none", func(p *score.Policy) {
			p.Basis, p.Features = "", nil
			p.Criteria = []score.Criterion{priceCrit("price", "100", criteria.PriceRule{Method: criteria.Relative})}
		}, nil, "bids[0].features[OCDS-123454-AIR-INTAKE]", "no-features"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			p := adjustedPolicy()
			if tt.policy != nil {
				tt.policy(&p)
			}
			b := featureBid("A", "Avocet Vacuum LLC", "469", "0.1", "0.1")
			if tt.bid != nil {
				tt.bid(&b)
			}
			_, err := score.Evaluate(tenderOf(lotOf(p)), []score.Bid{b})
			var verr *score.ValidationError
			require.ErrorAs(t, err, &verr)
			found := false
			for _, pr := range verr.Problems {
				if pr.Field == tt.field && pr.Rule == tt.rule {
					found = true
				}
			}
			assert.True(t, found, "want %s (%s) in %v", tt.field, tt.rule, verr.Problems)
		})
	}
}
