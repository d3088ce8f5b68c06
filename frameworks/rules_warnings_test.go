package frameworks_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
)

// localSV makes criterion "sv" a social value criterion counting the given
// measures of a fictional catalogue, in the fictional local area Northbridge.
func localSV(codes ...string) func(*score.Tender) {
	cat := criteria.Catalogue{Name: "Northbridge measures (fictional)", Measures: []criteria.Measure{
		{Code: "NB-JOBS-01", Description: "Local people employed on the contract", Unit: criteria.UnitFTEYear, Proxy: dec("10000"), Source: "fictional", Year: 2026, Local: true},
		{Code: "NB-SUPP-01", Description: "Contract spend with suppliers in the local area", Unit: criteria.UnitPounds, Proxy: dec("0.10"), Source: "fictional", Year: 2026, Local: true},
		{Code: "NB-APPR-01", Description: "Apprenticeship starts on the contract", Unit: "apprenticeship start", Proxy: dec("2000"), Source: "fictional", Year: 2026},
	}}
	return lot(func(l *score.Lot) {
		l.Policy.Criteria[2].Quality = nil
		l.Policy.Criteria[2].SocialValue = &criteria.SocialValueRule{Catalogue: cat, Measures: codes, Basis: criteria.BasisProxyValue,
			Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.DisregardUnsupported,
			LocalArea: &criteria.LocalArea{Name: "Northbridge", Boroughs: []string{"Northbridge"}}}
	})
}

// TestRuleLocationCommitment: commitments tied to a locality are warned
// about above threshold, each measure with the section that bears on it.
func TestRuleLocationCommitment(t *testing.T) {
	wales := func(t *score.Tender) { t.Authority.Nation = score.Wales }
	runRuleCases(t, []ruleCase{
		{"local jobs and local spend above threshold", "PA 2023 s.90; LGA 1988 s.17(5)(a), (e)", tender(localSV()), nil, "location-commitment", frameworks.Warning},
		{"apprenticeships are not tied to a locality", "no local measure", tender(localSV("NB-APPR-01")), nil, "location-commitment", 0},
		{"below threshold (£100,000 < £207,720)", "the warning is about above-threshold contracts",
			tender(localSV(), lot(func(l *score.Lot) { l.EstimatedValue = dec("100000") })), nil, "location-commitment", 0},
		{"a location-based criterion is refused already", "rule location's error, not a second warning",
			tender(localSV(), lot(func(l *score.Lot) { l.Policy.Criteria[2].LocationBased = true })), nil, "location-commitment", 0},
	})
	f := check(t, tender(localSV())).WithCode("location-commitment")
	require.Len(t, f, 1)
	assert.Equal(t, "sv", f[0].Criterion)
	assert.Contains(t, f[0].Message, "NB-JOBS-01 Local people employed on the contract (people who live in Northbridge)")
	assert.Contains(t, f[0].Message, "NB-SUPP-01 Contract spend with suppliers in the local area (suppliers based in Northbridge)")
	assert.Contains(t, f[0].Message, "s.17(5)(a)")
	assert.Contains(t, f[0].Message, "(the authority's nation is not stated: England is assumed)")
	assert.Contains(t, f[0].Source.Cite, "Procurement Act 2023 s.90(1)–(2)")
	assert.Contains(t, f[0].Source.Cite, "Local Government Act 1988 s.17(5)(e), (7)")

	jobs := check(t, tender(localSV("NB-JOBS-01"), wales)).WithCode("location-commitment")
	require.Len(t, jobs, 1)
	assert.NotContains(t, jobs[0].Source.Cite, "Local Government Act", "the s.17 points are cited for an English council only")

	pcr := check(t, tender(localSV("NB-SUPP-01"), commenced(time.March, 1, 2024))).WithCode("location-commitment")
	require.Len(t, pcr, 1)
	assert.Contains(t, pcr[0].Source.Cite, "PCR 2015 reg 18(1)")
	assert.Contains(t, pcr[0].Source.Cite, "s.17(5)(e), (7)")
	assert.NotContains(t, pcr[0].Source.Cite, "s.17(5)(a)", "spend only: the workforce point does not arise")
}

func TestRuleLivingWageAccreditation(t *testing.T) {
	gate := func(min criteria.Accreditation, kind criteria.GateKind) func(*score.Tender) {
		return lot(func(l *score.Lot) {
			l.Policy.LivingWageGates = []criteria.LivingWageGate{{ID: "llw", Title: "London Living Wage", Kind: kind,
				Region: criteria.London, Rule: criteria.RateImplementBy, MinAccreditation: min}}
		})
	}
	scored := func(m criteria.LivingWageMethod) func(*score.Tender) {
		return lot(func(l *score.Lot) {
			l.Policy.Criteria[2].Quality = nil
			l.Policy.Criteria[2].LivingWage = &criteria.LivingWageRule{Method: m}
		})
	}
	runRuleCases(t, []ruleCase{
		{"a gate requiring working towards accreditation", "a company status (PA 2023 s.22(1))",
			tender(gate(criteria.WorkingTowards, criteria.ConditionOfParticipation)), nil, "living-wage-accreditation", frameworks.Warning},
		{"a gate on the commitment alone", "paying the living wage on the contract is contract delivery",
			tender(gate("", criteria.AwardRequirement)), nil, "living-wage-accreditation", 0},
		{"accreditation scored", "an award criterion must relate to the subject-matter (s.23(2)(a))",
			tender(scored(criteria.ScoreAccreditation)), nil, "living-wage-accreditation", frameworks.Warning},
		{"the committed rate scored", "contract-specific", tender(scored(criteria.ScoreHourlyRate)), nil, "living-wage-accreditation", 0},
	})
	fs := check(t, tender(gate(criteria.Accredited, criteria.ConditionOfParticipation))).WithCode("living-wage-accreditation")
	require.Len(t, fs, 1)
	assert.Equal(t, "lots[0].policy.livingWageGates[0]", fs[0].Field)
	assert.Contains(t, fs[0].Source.Cite, "Procurement Act 2023 s.22(1)")
	assert.Contains(t, fs[0].Message, "at least accredited")
	fs = check(t, tender(gate(criteria.Accredited, criteria.AwardRequirement))).WithCode("living-wage-accreditation")
	require.Len(t, fs, 1)
	assert.Contains(t, fs[0].Source.Cite, "s.23(2)(a), (5)", "an award-stage requirement is an award criterion")
	fs = check(t, tender(scored(criteria.ScoreAccreditation), commenced(time.March, 1, 2024))).WithCode("living-wage-accreditation")
	require.Len(t, fs, 1)
	assert.Contains(t, fs[0].Source.Cite, "PCR 2015 reg 67(2), (5)")
}

func priceBid(id, supplier, amount string) score.Bid {
	return score.Bid{ID: id, Supplier: score.Supplier{ID: supplier, Name: supplier + " Ltd (fictional)"}, Lot: "1",
		Responses: map[string]score.Response{"price": {Price: criteria.Amount(dec(amount))}}}
}

// TestRuleIdenticalPrices: identical prices from different suppliers are
// flagged, never excluded (CMA bid-rigging advice; PA 2023 Sch. 7 para 7,
// s.58(2)).
func TestRuleIdenticalPrices(t *testing.T) {
	bids := []score.Bid{priceBid("B-1", "ASH", "450000"), priceBid("B-2", "BIRCH", "450000.00"), priceBid("B-3", "CEDAR", "455000")}
	runRuleCases(t, []ruleCase{
		{"two suppliers at £450,000 (one written 450000.00)", "equal amounts however written", tender(), []frameworks.Option{frameworks.WithBids(bids)}, "identical-prices", frameworks.Warning},
		{"all different", "nothing to flag", tender(), []frameworks.Option{frameworks.WithBids(bids[:1])}, "identical-prices", 0},
		{"no bids given", "the rule needs the field", tender(), nil, "identical-prices", 0},
		{"one supplier's two bids", "not different suppliers", tender(),
			[]frameworks.Option{frameworks.WithBids([]score.Bid{priceBid("B-1", "ASH", "450000"), priceBid("B-4", "ASH", "450000")})}, "identical-prices", 0},
	})
	fs := check(t, tender(), frameworks.WithBids(bids)).WithCode("identical-prices")
	require.Len(t, fs, 1)
	assert.Contains(t, fs[0].Message, "bids B-1 (ASH Ltd (fictional)), B-2 (BIRCH Ltd (fictional)) from 2 different suppliers give the same price, £450,000.00")
	assert.Contains(t, fs[0].Message, "never exclude on this alone")
	assert.Contains(t, fs[0].Source.Cite, "CMA")
	assert.False(t, check(t, tender(), frameworks.WithBids(bids)).HasErrors(), "a warning, never an error")
}

// svBid is a bid on lot 1 that commits NB-SUPP-01 (local spend, in £)
// as percent% of its price, or as an amount of £10,000 when percent is "".
func svBid(id, supplier, percent string) score.Bid {
	b := priceBid(id, supplier, "450000")
	c := criteria.Commitment{Measure: "NB-SUPP-01"}
	if percent == "" {
		q := dec("10000")
		c.Quantity = &q
	} else {
		p := dec(percent)
		c.Percent = &p
	}
	b.Responses["sv"] = score.Response{SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{c}}}
	return b
}

// TestRuleSocialValueRisesWithPrice: a £ commitment given as a percentage
// of the bid's own price, valued in £, rises with the price; the rule
// names the bids (the library's advice, citing PA 2023 s.23(2)(d)).
func TestRuleSocialValueRisesWithPrice(t *testing.T) {
	share := lot(func(l *score.Lot) { l.Policy.Criteria[2].SocialValue.Per = criteria.ShareOfBidPrice })
	pct := []score.Bid{svBid("B-1", "ASH", "5"), svBid("B-2", "BIRCH", ""), svBid("B-3", "CEDAR", "2.5")}
	runRuleCases(t, []ruleCase{
		{"5% and 2.5% of the price, valued in £", "the offer rises with the price", tender(localSV("NB-SUPP-01")), []frameworks.Option{frameworks.WithBids(pct)}, "social-value-rises-with-price", frameworks.Warning},
		{"£10,000 committed", "an amount is fixed whatever the price", tender(localSV("NB-SUPP-01")), []frameworks.Option{frameworks.WithBids(pct[1:2])}, "social-value-rises-with-price", 0},
		{"scored as a share of the bid price", "the same share at any price", tender(localSV("NB-SUPP-01"), share), []frameworks.Option{frameworks.WithBids(pct)}, "social-value-rises-with-price", 0},
		{"no bids given", "the rule reads the bids", tender(localSV("NB-SUPP-01")), nil, "social-value-rises-with-price", 0},
	})
	fs := check(t, tender(localSV("NB-SUPP-01")), frameworks.WithBids(pct)).WithCode("social-value-rises-with-price")
	require.Len(t, fs, 1)
	assert.Equal(t, "sv", fs[0].Criterion)
	assert.Contains(t, fs[0].Message, "bids B-1 (NB-SUPP-01), B-3 (NB-SUPP-01) commit a £ measure as a percentage of their own price")
	assert.Contains(t, fs[0].Message, "this library's advice")
	assert.True(t, strings.HasPrefix(fs[0].Source.Cite, "Procurement Act 2023 s.23(2)(d)"))
	one := check(t, tender(localSV("NB-SUPP-01")), frameworks.WithBids(pct[:1])).WithCode("social-value-rises-with-price")
	require.Len(t, one, 1)
	assert.Contains(t, one[0].Message, "bid B-1 (NB-SUPP-01) commits a £ measure as a percentage of its own price")
}

func priceRule(r criteria.PriceRule) func(*score.Tender) {
	return lot(func(l *score.Lot) { l.Policy.Criteria[0].Price = &r })
}

func TestRulePriceBandBudget(t *testing.T) {
	band := func(floor, ceiling, budget string) criteria.PriceRule {
		return criteria.PriceRule{Method: criteria.Band, Floor: dec(floor), Ceiling: dec(ceiling), MaxBudget: dec(budget), OverBudget: criteria.DisqualifyOverBudget}
	}
	runRuleCases(t, []ruleCase{
		{"ceiling £600,000 above the £550,000 budget", "marks between £550,000 and £600,000 cannot be earned",
			tender(priceRule(band("400000", "600000", "550000"))), nil, "price-band-budget", frameworks.Warning},
		{"ceiling at the budget", "the band ends where the budget does", tender(priceRule(band("400000", "550000", "550000"))), nil, "price-band-budget", 0},
		{"no budget", "nothing to compare", tender(priceRule(criteria.PriceRule{Method: criteria.Band, Floor: dec("400000"), Ceiling: dec("600000")})), nil, "price-band-budget", 0},
	})
	f := check(t, tender(priceRule(band("400000", "600000", "550000")))).WithCode("price-band-budget")
	require.Len(t, f, 1)
	assert.Contains(t, f[0].Message, "the price band runs from £400,000.00 to £600,000.00, above the maximum budget £550,000.00: a price above the budget is disqualified")
	f = check(t, tender(priceRule(band("600000", "700000", "550000")))).WithCode("price-band-budget")
	require.Len(t, f, 1)
	assert.Contains(t, f[0].Message, "lies wholly above the maximum budget £550,000.00: every price within budget scores full marks")
}

// TestRulePriceZeroPremium works out, by hand, the premium over the lowest
// price at which each method scores 0: deduction 100 ÷ k %; band (ceiling −
// floor) ÷ floor; min–max the highest price's premium.
func TestRulePriceZeroPremium(t *testing.T) {
	deduction := func(k string) func(*score.Tender) {
		return priceRule(criteria.PriceRule{Method: criteria.Deduction, Rate: dec(k)})
	}
	band := func(floor, ceiling string) func(*score.Tender) {
		return priceRule(criteria.PriceRule{Method: criteria.Band, Floor: dec(floor), Ceiling: dec(ceiling)})
	}
	cases := []struct {
		name string
		t    score.Tender
		opts []frameworks.Option
		want string // "" for no warning
	}{
		{"deduction k = 5: 100 ÷ 5 = 20% above the lowest scores 0", tender(deduction("5")), nil, "a price 20% or more above the lowest (100 ÷ 5)"},
		{"deduction k = 2: 50%, at the limit", tender(deduction("2")), nil, "a price 50% or more above the lowest"},
		{"deduction k = 3: 33⅓%", tender(deduction("3")), nil, "a price ≈33.33% or more above the lowest"},
		{"deduction k = 1: 100%, not modest", tender(deduction("1")), nil, ""},
		{"band £400,000–£480,000: 80,000 ÷ 400,000 = 20%", tender(band("400000", "480000")), nil, "at its ceiling £480,000.00, 20% above its floor £400,000.00"},
		{"band £400,000–£800,000: 100%", tender(band("400000", "800000")), nil, ""},
		{"relative: never 0", tender(), nil, ""},
		{"min–max without bids", tender(priceRule(criteria.PriceRule{Method: criteria.Linear})), nil, "gives the highest price 0 whatever its premium over the lowest: with two close prices, even 1% above the lowest scores 0"},
		{"min–max with bids: £103,000 is 3,000 ÷ 100,000 = 3% above £100,000", tender(priceRule(criteria.PriceRule{Method: criteria.Linear})),
			[]frameworks.Option{frameworks.WithBids([]score.Bid{priceBid("B-1", "ASH", "100000"), priceBid("B-2", "BIRCH", "103000")})},
			"here the highest, £103,000.00, is 3% above the lowest, £100,000.00, and scores 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := check(t, c.t, c.opts...).WithCode("price-zero-premium")
			if c.want == "" {
				assert.Empty(t, fs)
				return
			}
			require.Len(t, fs, 1)
			assert.Equal(t, frameworks.Warning, fs[0].Severity)
			assert.Contains(t, fs[0].Message, c.want)
			assert.True(t, strings.HasPrefix(fs[0].Source.Cite, "Procurement Act 2023 s.23(2)(d)"))
		})
	}
}

// TestPriceDisclosure: a summary gives the bidder its own price score, from
// which it can solve for the lowest price to within about price ×
// 10^−places ÷ marks available. On a £500,000 lot with price worth 40:
// 2 places gives £125 (no warning); 6 places gives £0.0125 (warning, "about
// £0.02"); no rounding of leaf points at all gives the penny.
func TestPriceDisclosure(t *testing.T) {
	lot := func(r []score.RoundingRule) score.Tender {
		tn := tender(priceRule(criteria.PriceRule{Method: criteria.Relative}))
		tn.Lots[0].Policy.Rounding = r
		return tn
	}
	for _, tt := range []struct {
		name     string
		rounding []score.RoundingRule
		want     string
	}{
		{"the default, 2 dp", nil, ""},
		{"six places", []score.RoundingRule{{Stage: score.LeafPoints, Places: 6, Mode: exact.HalfUp}}, "to within about £0.02"},
		{"totals only", []score.RoundingRule{{Stage: score.Total, Places: 2, Mode: exact.HalfUp}}, "shown exactly"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := check(t, lot(tt.rounding)).WithCode("price-disclosure")
			if tt.want == "" {
				assert.Empty(t, f)
				return
			}
			require.Len(t, f, 1)
			assert.Equal(t, frameworks.Warning, f[0].Severity)
			assert.Contains(t, f[0].Message, tt.want)
		})
	}
}
