package score_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// TestOfferFallsWithPrice: a bid's own social value offer falls with its
// price only when it commits a £ measure as a percentage of the price and
// the criterion does not read the offer as a share of the price. Each case
// says why; the bid asked about is X, beside Y, which commits a sum.
func TestOfferFallsWithPrice(t *testing.T) {
	cat := criteria.Catalogue{Name: "a fictional sample", Measures: []criteria.Measure{
		{Code: "FX-SME-01", Description: "Contract spend with small firms", Unit: criteria.UnitPounds, Proxy: dec("0.20"), Source: "fictional", Year: 2026},
		{Code: "FX-APPR-01", Description: "Apprenticeship starts", Unit: "apprenticeship start", Proxy: dec("2000"), Source: "fictional", Year: 2026}}}
	rule := func(per criteria.Normalisation, method criteria.SocialValueMethod) *criteria.SocialValueRule {
		r := &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-SME-01", "FX-APPR-01"}, Basis: criteria.BasisProxyValue,
			Per: per, Method: method, WithoutMethodStatement: criteria.CountUnsupported}
		if method == criteria.Banded {
			r.Bands = []criteria.CommitmentBand{{AtLeast: dec("1000"), Share: dec("0.5")}, {AtLeast: dec("20000"), Share: dec("1")}}
		}
		return r
	}
	percent := func(p string) criteria.Commitment { return criteria.Commitment{Measure: "FX-SME-01", Percent: decp(p)} }
	sum := func(q string) criteria.Commitment {
		return criteria.Commitment{Measure: "FX-SME-01", Quantity: decp(q)}
	}
	starts := func(q string) criteria.Commitment {
		return criteria.Commitment{Measure: "FX-APPR-01", Quantity: decp(q)}
	}
	tests := []struct {
		why      string
		rule     *criteria.SocialValueRule
		x        []criteria.Commitment
		passes   bool
		wantFall bool
	}{
		{"10% of the price in £, relative to the best: £40,000 at £400,000, £0.002 at a penny", rule("", criteria.RelativeToBest), []criteria.Commitment{percent("10")}, true, true},
		{"the same in bands: a lower price can take the offer down a band", rule("", criteria.Banded), []criteria.Commitment{percent("10")}, true, true},
		{"a percentage beside apprenticeship starts: the percentage still falls", rule("", criteria.RelativeToBest), []criteria.Commitment{starts("2"), percent("2")}, true, true},
		{"a sum in £: no price moves it", rule("", criteria.RelativeToBest), []criteria.Commitment{sum("40000")}, true, false},
		{"apprenticeship starts: no price moves them", rule("", criteria.RelativeToBest), []criteria.Commitment{starts("3")}, true, false},
		{"a percentage read as a share of the price: the same share at any price", rule(criteria.ShareOfBidPrice, criteria.RelativeToBest), []criteria.Commitment{percent("10")}, true, false},
		{"starts read as a share of the price: the offer rises as the price falls", rule(criteria.ShareOfBidPrice, criteria.RelativeToBest), []criteria.Commitment{starts("3")}, true, false},
		{"disqualified at the gate: not in the field at all", rule("", criteria.RelativeToBest), []criteria.Commitment{percent("10")}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			pol := score.Policy{
				Gates: []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "ins", Title: "Insurance"}},
				Criteria: []score.Criterion{priceCrit("price", "70", criteria.PriceRule{Method: criteria.Relative}),
					{ID: "sme", Title: "Small firms", Weight: dec("30"), SocialValue: tt.rule}}}
			bid := func(id, price string, pass bool, cs []criteria.Commitment) score.Bid {
				return score.Bid{ID: id, Supplier: score.Supplier{ID: "S-" + id, Name: "Supplier " + id}, Lot: "L1",
					Gates: map[string]criteria.GateResult{"ins": {Pass: pass, Reason: "checked"}},
					Responses: map[string]score.Response{"price": priced(price),
						"sme": {SocialValue: criteria.SocialValueResponse{Commitments: cs}}}}
			}
			p, err := score.Prepare(tenderOf(lotOf(pol)), []score.Bid{
				bid("X", "400000", tt.passes, tt.x), bid("Y", "420000", true, []criteria.Commitment{sum("30000")})})
			require.NoError(t, err)
			trials, ok := p.Trials("L1")
			require.True(t, ok)
			c, falls := trials.OfferFallsWithPrice("X")
			assert.Equal(t, tt.wantFall, falls)
			if tt.wantFall {
				assert.Equal(t, "sme", c)
			}
			_, falls = trials.OfferFallsWithPrice("Y")
			assert.False(t, falls, "Y commits a sum")
			_, falls = trials.OfferFallsWithPrice("no such bid")
			assert.False(t, falls)
		})
	}
}

// TestTrialOfAnOfferFallingWithThePrice: a trial that takes a bid far below
// every other price, when its own offer is a percentage of its price and
// another bid's is the best. Hand-worked (price 10, quality 67 over q1 60%
// and q2 40%, small firms and apprenticeships 23, relative to the best
// offer; £1 of spend worth £0.10, a start £2,000): B0 £100,000 unmarked,
// 2 starts (£4,000, the best offer); B1 £900,000 marked 2 on q2, 2% of
// its price in spend; B2 £100,000 unmarked, 1%. At £7,987.49 B1 is the
// lowest price (10.00) with 67 × 40% × 2/4 = 13.40 for quality and 23 ×
// (2% × 7,987.49 × 0.10 = 15.97) ÷ 4,000 = 0.09, 23.49; B0 has 10 ×
// 7,987.49 ÷ 100,000 = 0.80 and 23.00, 23.80; B2 0.80 + 23 × 100 ÷ 4,000 =
// 0.58, 1.38. B0 wins. Drawn with its offer as evaluated (£1,800, 10.35),
// B1's line in the lowest price stands at 23.84, above B0's: read from the
// lines alone the trial had B1 winning.
func TestTrialOfAnOfferFallingWithThePrice(t *testing.T) {
	cat := criteria.Catalogue{Name: "a fictional sample", Measures: []criteria.Measure{
		{Code: "FX-SME-01", Description: "Contract spend with small firms", Unit: criteria.UnitPounds, Proxy: dec("0.10"), Source: "fictional", Year: 2026},
		{Code: "FX-APPR-01", Description: "Apprenticeship starts", Unit: "apprenticeship start", Proxy: dec("2000"), Source: "fictional", Year: 2026}}}
	pol := score.Policy{Criteria: []score.Criterion{
		priceCrit("price", "10", criteria.PriceRule{Method: criteria.Relative}),
		{ID: "quality", Title: "Quality", Weight: dec("67"), Children: []score.Criterion{qualityCrit("q1", "60"), qualityCrit("q2", "40")}},
		{ID: "sv", Title: "Small firms and apprenticeships", Weight: dec("23"), SocialValue: &criteria.SocialValueRule{Catalogue: cat,
			Measures: []string{"FX-SME-01", "FX-APPR-01"}, Basis: criteria.BasisProxyValue, Method: criteria.RelativeToBest,
			WithoutMethodStatement: criteria.CountUnsupported}},
	}, TieBreaks: []score.TieBreak{{Kind: score.HigherPoints, Criterion: "quality"}, {Kind: score.LowerPrice}}}
	bid := func(id, price string, q2 int64, c criteria.Commitment) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: "S-" + id, Name: "Supplier " + id}, Lot: "L1", Responses: map[string]score.Response{
			"price": priced(price), "q1": marks(0), "q2": marks(q2),
			"sv": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{c}}}}}
	}
	bids := []score.Bid{bid("B0", "100000", 0, criteria.Commitment{Measure: "FX-APPR-01", Quantity: decp("2")}),
		bid("B1", "900000", 2, criteria.Commitment{Measure: "FX-SME-01", Percent: decp("2")}),
		bid("B2", "100000", 0, criteria.Commitment{Measure: "FX-SME-01", Percent: decp("1")})}
	p, err := score.Prepare(tenderOf(lotOf(pol)), bids)
	require.NoError(t, err)
	trials, _ := p.Trials("L1")
	tr, err := trials.WithPrice("B1", "price", dec("7987.49"))
	require.NoError(t, err)
	assert.Equal(t, "B0", tr.Winner)
	for id, want := range map[string]string{"B0": "23.80", "B1": "23.49", "B2": "1.38"} {
		got, ok := tr.Total(id)
		require.True(t, ok)
		assert.Equal(t, want, got.String(), id)
	}
	assert.True(t, tr.Outranks("B0", "B1"))
}

// TestTrialUnderPricePerQualityPointWithAMovingBestOffer: under price per
// quality point a bid's ratio is its price over its quality points, social
// value among them. B2 (£100,000, unmarked, £5,000 of spend read as a share
// of its price) cut to £24,843.89 offers the best share, 5,000 ÷ 24,843.89
// = 0.20, above B1's 0.14 (14% of its price): every other bid's social
// value falls with the best, and its ratio rises. A trial that moves one
// best offer reads the others from lines of their weighted totals; those
// are not ratios, and the trial named B2 the winner while B1 has the lowest
// ratio. Held to the lot evaluated whole with B2's price changed.
func TestTrialUnderPricePerQualityPointWithAMovingBestOffer(t *testing.T) {
	cat := criteria.Catalogue{Name: "a fictional sample", Measures: []criteria.Measure{
		{Code: "FX-SME-01", Description: "Contract spend with small firms", Unit: criteria.UnitPounds, Proxy: dec("0.10"), Source: "fictional", Year: 2026}}}
	pol := score.Policy{Basis: score.PricePerQualityPoint, Criteria: []score.Criterion{
		priceCrit("price", "0", criteria.PriceRule{Method: criteria.PerQualityPoint}),
		{ID: "quality", Title: "Quality", Weight: dec("87"), Children: []score.Criterion{qualityCrit("q1", "60"), qualityCrit("q2", "40")}},
		{ID: "sv", Title: "Small firms", Weight: dec("13"), SocialValue: &criteria.SocialValueRule{Catalogue: cat,
			Measures: []string{"FX-SME-01"}, Basis: criteria.BasisProxyValue, Per: criteria.ShareOfBidPrice, Method: criteria.RelativeToBest,
			WithoutMethodStatement: criteria.CountUnsupported}},
	}}
	bid := func(id, price string, q1, q2 int64, c criteria.Commitment) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: "S-" + id, Name: "Supplier " + id}, Lot: "L1", Responses: map[string]score.Response{
			"price": priced(price), "q1": marks(q1), "q2": marks(q2),
			"sv": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{c}}}}}
	}
	bids := []score.Bid{bid("B0", "101000", 2, 3, criteria.Commitment{Measure: "FX-SME-01", Percent: decp("1")}),
		bid("B1", "100000", 2, 2, criteria.Commitment{Measure: "FX-SME-01", Percent: decp("14")}),
		bid("B2", "100000", 0, 0, criteria.Commitment{Measure: "FX-SME-01", Quantity: decp("5000")})}
	p, err := score.Prepare(tenderOf(lotOf(pol)), bids)
	require.NoError(t, err)
	for _, price := range []string{"24843.89", "24843.90", "30000"} {
		got, want := repriced(t, p, bids, 2, price)
		assert.Equal(t, want.Winner, got.Winner, "B2 at %s", price)
		for _, b := range want.Bids {
			x, ok := got.Total(b.BidID)
			require.True(t, ok)
			assert.True(t, x.Value.Equal(b.Total.Points.Value), "%s's ratio at %s", b.BidID, price)
		}
	}
}

// TestTrialUnderPricePerQualityPointWhereABidGainsItsPoints: under price
// per quality point a bid with no quality points is out, and a best offer
// that moves can give one points. Hand-worked: quality 95 (unmarked by
// both), apprenticeships and spend 5 read as a share of the price,
// relative to the best, points rounded to whole ones. A bids £100 with a
// start (£2,000, a share of 20); B £100 with £2,000 of spend at £0.05 (£100,
// a share of 1). A has 5 points, a ratio of 20.00; B 5 × 1 ÷ 20 = 0.25,
// shown 0: out. At £20,000 A's share is 0.1 and B's is the best: B has 5
// points and a ratio of 20.00, A 5 × 0.1 = 0.5, shown 1, a ratio of
// 20,000. B wins; the trial, holding B out as evaluated, found no bid.
func TestTrialUnderPricePerQualityPointWhereABidGainsItsPoints(t *testing.T) {
	p, bids := wholePointsLot(t, criteria.Commitment{Measure: "FX-APPR-01", Quantity: decp("1")},
		criteria.Commitment{Measure: "FX-SME-01", Quantity: decp("2000")})
	trials, _ := p.Trials("L1")
	require.Equal(t, "A", trials.Result().Winner)
	b, _ := trials.Result().Bid("B")
	require.NotNil(t, b.Disqualified, "B has no quality points as evaluated")
	got, want := repriced(t, p, bids, 0, "20000")
	assert.Equal(t, "B", want.Winner, "the premise, evaluated whole")
	assert.Equal(t, "B", got.Winner)
	x, ok := got.Total("B")
	require.True(t, ok)
	assert.Equal(t, "20", x.Value.String())
}

// TestTrialUnderPricePerQualityPointWhereABidLosesItsLastPoints: the
// other way round, a best offer that rises can take a bid's last quality
// points, and with them its ratio. Hand-worked on wholePointsLot: A bids
// £100 with a start (£2,000, a share of 20), B £100 with £8,000 of spend
// at £0.05 (£400, a share of 4): A has 5 points and a ratio of 20.00, B
// 5 × 4 ÷ 20 = 1 point and a ratio of 100.00. A cut to £40 offers a share
// of 50: B has 5 × 4 ÷ 50 = 0.4 points, shown 0, and is out. The trial,
// which re-scores B from its figures as evaluated, gave it its ratio of
// 100.00 as evaluated.
func TestTrialUnderPricePerQualityPointWhereABidLosesItsLastPoints(t *testing.T) {
	p, bids := wholePointsLot(t, criteria.Commitment{Measure: "FX-APPR-01", Quantity: decp("1")},
		criteria.Commitment{Measure: "FX-SME-01", Quantity: decp("8000")})
	trials, _ := p.Trials("L1")
	x, ok := trials.Result().Bid("B")
	require.True(t, ok)
	require.Nil(t, x.Disqualified, "B has a point as evaluated")
	require.Equal(t, "100", x.Total.Points.Value.String())
	got, want := repriced(t, p, bids, 0, "40")
	b, _ := want.Bid("B")
	require.NotNil(t, b.Disqualified, "the premise, evaluated whole: B has no quality points left")
	assert.Equal(t, "A", got.Winner)
	_, scored := got.Total("B")
	assert.False(t, scored, "B has no ratio in the trial")
	a, _ := got.Total("A")
	assert.Equal(t, "8", a.Value.String(), "A: £40 over 5 points")
}

// TestShiftGivesABidItsFirstQualityPoints: a shift of weight towards
// social value can give a bid out for want of quality points its first,
// and with them a ratio. Hand-worked on wholePointsLot: A bids £100 with a
// start (a share of 20, the best), B £100 with £2,000 of spend at £0.05
// (£100, a share of 1). As published B has 5 × 1 ÷ 20 = 0.25 points,
// shown 0, and is out; A has 5 and a ratio of 20. With 5 points moved
// from quality to social value B has 10 × 1 ÷ 20 = 0.5, shown 1 (half up):
// a ratio of £100 ÷ 1 = 100, second to A's £100 ÷ 10 = 10. At 4.99 it has
// 0.4995, shown 0, and stays out. The trial kept B out as evaluated.
func TestShiftGivesABidItsFirstQualityPoints(t *testing.T) {
	p, _ := wholePointsLot(t, criteria.Commitment{Measure: "FX-APPR-01", Quantity: decp("1")},
		criteria.Commitment{Measure: "FX-SME-01", Quantity: decp("2000")})
	trials, _ := p.Trials("L1")
	x, _ := trials.Result().Bid("B")
	require.NotNil(t, x.Disqualified, "the premise: B has no quality points as published")
	for _, c := range []struct {
		shift string
		b     string // B's ratio; "" for none
	}{
		{"5", "100"},
		{"4.99", ""}, // A's 9.99 points are shown 10 here too
	} {
		tr, err := trials.WithWeightShift("quality", "sv", dec(c.shift))
		require.NoError(t, err)
		a, _ := tr.Total("A")
		assert.Equal(t, "10", a.Value.String(), "%s: A's £100 over its 10 points as shown", c.shift)
		b, scored := tr.Total("B")
		assert.Equal(t, c.b != "", scored, "%s: whether B has a ratio", c.shift)
		if scored {
			assert.Equal(t, c.b, b.Value.String(), "%s: B's ratio", c.shift)
		}
		yes, err := trials.ShiftOutranks("quality", "sv", dec(c.shift), "A", "B")
		require.NoError(t, err)
		assert.True(t, yes, "%s: A ranks above B, ranked or not", c.shift)
		tr.Release()
	}
}

// wholePointsLot is a lot under price per quality point whose quality
// (95) no bid is marked on, and whose apprenticeships and spend (5) are
// read as a share of the price, relative to the best, with points
// rounded to whole ones: bids A and B at £100, offering a and b.
func wholePointsLot(t *testing.T, a, b criteria.Commitment) (*score.Prepared, []score.Bid) {
	t.Helper()
	cat := criteria.Catalogue{Name: "a fictional sample", Measures: []criteria.Measure{
		{Code: "FX-APPR-01", Description: "Apprenticeship starts", Unit: "apprenticeship start", Proxy: dec("2000"), Source: "fictional", Year: 2026},
		{Code: "FX-SME-01", Description: "Contract spend with small firms", Unit: criteria.UnitPounds, Proxy: dec("0.05"), Source: "fictional", Year: 2026}}}
	pol := score.Policy{Basis: score.PricePerQualityPoint, Rounding: []score.RoundingRule{{Stage: score.LeafPoints, Places: 0, Mode: exact.HalfUp}},
		Criteria: []score.Criterion{
			priceCrit("price", "0", criteria.PriceRule{Method: criteria.PerQualityPoint}),
			{ID: "quality", Title: "Quality", Weight: dec("95"), Children: []score.Criterion{qualityCrit("q1", "60"), qualityCrit("q2", "40")}},
			{ID: "sv", Title: "Apprenticeships and small firms", Weight: dec("5"), SocialValue: &criteria.SocialValueRule{Catalogue: cat,
				Measures: []string{"FX-APPR-01", "FX-SME-01"}, Basis: criteria.BasisProxyValue, Per: criteria.ShareOfBidPrice,
				Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}},
		}}
	bid := func(id string, c criteria.Commitment) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: "S-" + id, Name: "Supplier " + id}, Lot: "L1", Responses: map[string]score.Response{
			"price": priced("100"), "q1": marks(0), "q2": marks(0),
			"sv": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{c}}}}}
	}
	bids := []score.Bid{bid("A", a), bid("B", b)}
	p, err := score.Prepare(tenderOf(lotOf(pol)), bids)
	require.NoError(t, err)
	return p, bids
}
