package policytest

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/scoretest"
)

// bid is a worked case: a named bid with a price, two consensus marks and a
// social value commitment as a percentage of its price.
func bid(id, supplier, price string, service, fleet int64, smePercent string) score.Bid {
	p := d(smePercent)
	agreed := func(m int64) score.Response {
		mark := decimal.NewFromInt(m)
		return score.Response{Marks: criteria.Marks{
			Evaluators: []criteria.EvaluatorMark{{Evaluator: "Evaluator A", Mark: mark, Rationale: "as moderated"}, {Evaluator: "Evaluator B", Mark: mark, Rationale: "as moderated"}},
			Consensus:  &criteria.Consensus{Mark: mark, Rationale: "agreed at moderation"},
		}}
	}
	return score.Bid{ID: id, Supplier: score.Supplier{ID: "S-" + id, Name: supplier}, Lot: "1",
		Gates: map[string]criteria.GateResult{"carrier-licence": {Pass: true, Reason: "registration checked"}},
		Responses: map[string]score.Response{
			"price":     {Price: criteria.Amount(d(price))},
			"q-service": agreed(service),
			"q-fleet":   agreed(fleet),
			"social-value": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{
				{Measure: "AS-SME-01", Percent: &p, MethodStatement: "section 5"}}}},
		}}
}

// worked are the cases the evaluation panel agreed by hand.
func worked() []score.Bid {
	return []score.Bid{
		bid("B-1", "Fenwick Refuse Services Ltd", "4200000", 3, 3, "5"),
		bid("B-2", "Hollin Environmental plc", "3900000", 3, 2, "2"),
		bid("B-3", "Marsh Lane Recycling Ltd", "4600000", 4, 4, "8"),
		bid("B-4", "Quarrybank Waste Co. Ltd", "3500000", 1, 0, "1"),
	}
}

// TestWorkedCases checks the outcome the panel expects, and that each
// bidder's explanation says how its figures were reached.
func TestWorkedCases(t *testing.T) {
	res := scoretest.EvaluateLot(t, Policy(), "1", worked())
	scoretest.AssertWinner(t, res, "B-3")
	scoretest.AssertRank(t, res, "B-1", 2)
	scoretest.AssertRank(t, res, "B-2", 3)
	scoretest.AssertDisqualified(t, res, "B-4", "min-mark")
	scoretest.AssertExplains(t, res, "B-2",
		"this is the lowest price in the field",
		"consensus mark 3 (Good) of 4",
		"£7,800.00 ÷ bid price £3,900,000.00 = 0.2% of the bid price")
}

// TestFailedLicenceDisqualifies checks the gate: the best bid without a
// waste carrier's licence is out, and the next best wins.
func TestFailedLicenceDisqualifies(t *testing.T) {
	bids := worked()
	bids[2].Gates["carrier-licence"] = criteria.GateResult{Pass: false, Reason: "registration lapsed"}
	res := scoretest.EvaluateLot(t, Policy(), "1", bids)
	scoretest.AssertDisqualified(t, res, "B-3", "Waste carrier's licence")
	scoretest.AssertWinner(t, res, "B-1")
}

// TestPolicyProperties runs every property check over synthetic fields of
// bids, for several seeds and sizes. Rank reversals are logged, not
// failed: relative price scoring can legitimately show them.
func TestPolicyProperties(t *testing.T) {
	for _, tc := range []struct {
		why  string
		size int
		seed uint64
	}{
		{"a small field", 4, 1},
		{"a typical field", 8, 2},
		{"a crowded field", 15, 3},
	} {
		t.Run(tc.why, func(t *testing.T) {
			f := scoretest.NewField(t, Policy(), "1", tc.size, tc.seed)
			f.PercentCommitments = true
			r := scoretest.CheckPolicy(t, f.Tender, f.Lot, f.Bids())
			assert.True(t, r.OK())
		})
	}
	t.Run("the worked cases", func(t *testing.T) {
		scoretest.CheckPolicy(t, Policy(), "1", worked())
	})
}

// TestDraftWeightsCaught checks that the kit catches the draft whose
// percent-of-total weights do not add up.
func TestDraftWeightsCaught(t *testing.T) {
	vs := scoretest.CheckWeightsSum(DraftPercentOfTotal(), "1")
	require.Len(t, vs, 1)
	assert.Equal(t, scoretest.WeightsSum, vs[0].Property)
	assert.Contains(t, vs[0].String(), `policy.criteria[1].children: the weights here sum to 100, not their parent's weight 45`)
}

// TestDraftSocialValueInPoundsCaught checks that the kit catches the draft
// that scores social value in pounds committed as a share of the price:
// in a synthetic field, some bid that cuts its price scores less.
func TestDraftSocialValueInPoundsCaught(t *testing.T) {
	f := scoretest.NewField(t, DraftSocialValueInPounds(), "1", 12, 7)
	f.PercentCommitments = true
	vs, err := scoretest.CheckPriceMonotonicity(f.Tender, f.Lot, f.Bids())
	require.NoError(t, err)
	require.NotEmpty(t, vs, "a lower price scored less for no bid: the check missed the flaw")
	assert.Equal(t, scoretest.PriceMonotonicity, vs[0].Property)
	assert.Contains(t, vs[0].Message, "lowered its total")
	t.Logf("caught: %s", vs[0])

	// The published policy, social value as a proportion of the price, is
	// sound over the same field.
	f.Tender = Policy()
	vs, err = scoretest.CheckPriceMonotonicity(f.Tender, f.Lot, f.Bids())
	require.NoError(t, err)
	assert.Empty(t, vs)
}
