// Package policytest is a council's own test suite for its scoring policy,
// written as an ordinary go test package with the kit in
// score/scoretest. Ashmere District Council is fictional; so is every
// supplier.
//
//	go test ./examples/policytest -v
//
// policy.go holds the policy as the council publishes it, and two drafts
// that went wrong; policy_test.go tests them the way any other code is
// tested: worked cases with named bids, then property checks over
// synthetic fields of bids.
package policytest

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// measures is the council's catalogue of social value measures; the proxy
// values are fictional.
func measures() criteria.Catalogue {
	return criteria.Catalogue{Name: "Ashmere measures", Measures: []criteria.Measure{
		{Code: "AS-SME-01", Theme: "growth", Description: "Contract spend with SMEs", Unit: criteria.UnitPounds, Proxy: d("0.10"),
			Source: "fictional example values", Year: 2026},
		{Code: "AS-APPR-01", Theme: "skills", Description: "Apprenticeship starts on the contract", Unit: "apprenticeship start", Proxy: d("2000"),
			Source: "fictional example values", Year: 2026},
	}}
}

// Policy returns Ashmere's published model for its waste collection
// contract: price 40%, quality 45% (two questions on the 0–4 scale, a 1
// on either disqualifies), social value 15% as a proportion of the bid
// price relative to the best proportion; a waste carrier's licence as a
// pass/fail gate; ties broken on quality, then price.
func Policy() score.Tender {
	return tender(score.Policy{
		Gates: []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "carrier-licence", Title: "Waste carrier's licence", Requirement: "holds an upper-tier waste carrier registration"}},
		Criteria: []score.Criterion{
			{ID: "price", Title: "Price", Weight: d("40"), Price: &criteria.PriceRule{Method: criteria.Relative}},
			{ID: "quality", Title: "Quality", Weight: d("45"), Children: []score.Criterion{
				{ID: "q-service", Title: "Collection service plan", Weight: d("60"), Quality: quality()},
				{ID: "q-fleet", Title: "Fleet and emissions", Weight: d("40"), Quality: quality()},
			}},
			{ID: "social-value", Title: "Social value", Weight: d("15"), SocialValue: &criteria.SocialValueRule{
				Catalogue: measures(), Basis: criteria.BasisProxyValue, Per: criteria.ShareOfBidPrice,
				Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}},
		},
		TieBreaks: []score.TieBreak{
			{Kind: score.HigherPoints, Criterion: "quality", Description: "higher quality points"},
			{Kind: score.LowerPrice, Description: "lower price"},
		},
	})
}

// DraftPercentOfTotal is an earlier draft that declared its weights as
// percentages of the total but gave the quality questions as percentages
// of quality (60 and 40, which sum to 100, not to quality's 45): the
// weights do not add up.
func DraftPercentOfTotal() score.Tender {
	t := Policy()
	t.Lots[0].Policy.Weighting = score.PercentOfTotal
	return t
}

// DraftSocialValueInPounds is an earlier draft that scored social value
// on the pounds committed, relative to the best offer, with 30% of the
// marks. Bidders commit spend as a percentage of their price, so a bid
// that cuts its price also cuts its social value: a lower price can
// score less, which the price monotonicity check finds.
func DraftSocialValueInPounds() score.Tender {
	t := Policy()
	p := &t.Lots[0].Policy
	p.Criteria[0].Weight = d("30")
	p.Criteria[1].Weight = d("40")
	p.Criteria[2].Weight = d("30")
	p.Criteria[2].SocialValue.Per = ""
	return t
}

func quality() *criteria.QualityRule {
	one := d("1")
	return &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark, MinMark: &one}
}

func tender(p score.Policy) score.Tender {
	return score.Tender{
		ID: "ADC/2026/031", Title: "Household waste collection",
		Authority: score.Authority{Name: "Ashmere District Council", Type: score.SubCentral},
		Commenced: date.On(2026, 5, 11), Regime: score.PA2023,
		Lots: []score.Lot{{ID: "1", Title: "Household waste collection", EstimatedValue: d("4800000"), TermMonths: 84, Policy: p}},
	}
}
