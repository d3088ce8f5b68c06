package score_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

func sampleCatalogue(t *testing.T) criteria.Catalogue {
	t.Helper()
	f, err := os.Open("../criteria/testdata/sample-catalogue.csv")
	require.NoError(t, err)
	defer f.Close()
	c, err := criteria.LoadCatalogueCSV(f)
	require.NoError(t, err)
	return c
}

// svPolicy: price 60 (relative), apprenticeship starts 40 relative to the
// best offer, and a London Living Wage gate.
func svPolicy(t *testing.T) score.Policy {
	return score.Policy{
		LivingWageGates: []criteria.LivingWageGate{{Kind: criteria.AwardRequirement, ID: "llw", Title: "London Living Wage", Region: criteria.London, Rule: criteria.RateImplementBy}},
		Criteria: []score.Criterion{
			priceCrit("price", "60", criteria.PriceRule{Method: criteria.Relative}),
			{ID: "appr", Title: "Apprenticeships", Weight: dec("40"), SocialValue: &criteria.SocialValueRule{
				Catalogue: sampleCatalogue(t), Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisQuantity,
				Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}},
		},
	}
}

func svBid(id, price, starts string, lw criteria.LivingWageCommitment) score.Bid {
	n := dec(starts)
	return score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1", LivingWage: &lw,
		Responses: map[string]score.Response{
			"price": priced(price),
			"appr":  {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &n}}}},
		}}
}

var pays = criteria.LivingWageCommitment{AtLeastApplicable: true, IncludesContractedStaff: true, Accreditation: criteria.Accredited}

// Hand-worked: apprenticeship starts 6 and 8, best 8 → 40 × 6/8 = 30.00 and
// 40.00 (the "6 apprenticeship starts; best offer 8" case, at 40
// marks). A third bid offering 20 starts fails the living wage gate, so it
// takes no part in the comparison.
func TestSocialValueThroughTheEngine(t *testing.T) {
	excludes := pays
	excludes.IncludesContractedStaff = false
	l := evalLot(t, svPolicy(t), svBid("A", "100", "6", pays), svBid("B", "100", "8", pays), svBid("C", "100", "20", excludes))
	assert.Equal(t, "30.00", points(t, l, "A", "appr"))
	assert.Equal(t, "40.00", points(t, l, "B", "appr"))
	c, _ := l.Bid("C")
	require.NotNil(t, c.Disqualified)
	assert.Equal(t, "living-wage-gate", c.Disqualified.Reasons[0].Rule)
	assert.Contains(t, c.Gates[0].Text, "£13.85", "the gate names the rate used (London Living Wage from 1 May 2025, docs/sources/living-wage.md)")
	a, _ := l.Bid("A")
	var uses []string
	for _, s := range a.Criteria()[1].Working {
		uses = append(uses, s.Uses...)
	}
	assert.Contains(t, uses, "B", "the best-offer step names the bid whose figure it shows")
	assert.NotContains(t, uses, "C")
	assert.Equal(t, score.SocialValue, a.Criteria()[1].Category, "a social value rule is in the social value category")
}

func TestLivingWageValidation(t *testing.T) {
	p := svPolicy(t)
	tn := tenderOf(lotOf(p))
	b := svBid("A", "100", "6", pays)
	b.LivingWage = nil
	err := tn.Validate([]score.Bid{b})
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("bids[0].livingWage", "required"), "%v", err)

	// A procurement commenced before the first rate in the table has no rate
	// to apply: the policy cannot be evaluated.
	tn.Commenced = date.On(2010, 1, 1)
	err = tn.Validate([]score.Bid{svBid("A", "100", "6", pays)})
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("lots[0].policy.livingWageGates[0]", "rate-in-force"), "%v", err)

	// A negative commitment is a problem named by its path.
	tn = tenderOf(lotOf(svPolicy(t)))
	err = tn.Validate([]score.Bid{svBid("A", "100", "-1", pays)})
	require.ErrorAs(t, err, &verr)
	found := false
	for _, p := range verr.Problems {
		if p.Field == "bids[0].responses[appr].socialValue.commitments[0].quantity" {
			found = true
		}
	}
	assert.True(t, found, "%v", err)
}

// TestSoleBestOffer checks who alone holds the best apprenticeship offer
// (relative to the best, svPolicy): the one bid at the top; nobody when the
// top is shared or nothing is offered; and never on a price criterion or
// for a bid the lot does not have. A bid the gate turns away is not in the
// field, so its larger offer holds nothing.
func TestSoleBestOffer(t *testing.T) {
	excludes := pays
	excludes.IncludesContractedStaff = false
	cases := []struct {
		why    string
		bids   []score.Bid
		bid    string
		crit   string
		holder bool
	}{
		{"the one best offer", []score.Bid{svBid("A", "100", "6", pays), svBid("B", "100", "8", pays)}, "B", "appr", true},
		{"below the best", []score.Bid{svBid("A", "100", "6", pays), svBid("B", "100", "8", pays)}, "A", "appr", false},
		{"a shared best: removing either leaves it", []score.Bid{svBid("A", "100", "8", pays), svBid("B", "100", "8", pays), svBid("C", "100", "2", pays)}, "A", "appr", false},
		{"nothing offered: every bid scores 0 with or without any", []score.Bid{svBid("A", "100", "0", pays), svBid("B", "100", "0", pays)}, "A", "appr", false},
		{"the best within the field, beside a larger offer the gate turned away", []score.Bid{svBid("A", "100", "6", pays), svBid("B", "100", "8", pays), svBid("C", "100", "20", excludes)}, "B", "appr", true},
		{"turned away by the gate", []score.Bid{svBid("A", "100", "6", pays), svBid("C", "100", "20", excludes)}, "C", "appr", false},
		{"a price criterion has no offer", []score.Bid{svBid("A", "90", "6", pays), svBid("B", "100", "8", pays)}, "A", "price", false},
		{"an unknown bid", []score.Bid{svBid("A", "100", "6", pays), svBid("B", "100", "8", pays)}, "Z", "appr", false},
	}
	for _, c := range cases {
		t.Run(c.why, func(t *testing.T) {
			p, err := score.Prepare(tenderOf(lotOf(svPolicy(t))), c.bids)
			require.NoError(t, err)
			tr, ok := p.Trials("L1")
			require.True(t, ok)
			assert.Equal(t, c.holder, tr.SoleBestOffer(c.bid, c.crit))
			assert.Equal(t, c.holder, tr.SoleBestOffer(c.bid, c.crit), "asked again: the holder found once")
		})
	}
}
