package scoretest

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// recorder is a TB that records what a test would report.
type recorder struct {
	errors, logs []string
	stopped      bool
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Logf(format string, args ...any) {
	r.logs = append(r.logs, fmt.Sprintf(format, args...))
}
func (r *recorder) FailNow() { r.stopped = true }

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func testTender(sv *criteria.SocialValueRule) score.Tender {
	cs := []score.Criterion{
		{ID: "price", Title: "Price", Weight: d("40"), Price: &criteria.PriceRule{Method: criteria.Relative}},
		{ID: "q", Title: "Quality", Weight: d("60"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.MeanMark}},
	}
	if sv != nil {
		cs[0].Weight, cs[1].Weight = d("20"), d("40")
		cs = append(cs, score.Criterion{ID: "sv", Title: "Social value", Weight: d("40"), SocialValue: sv})
	}
	return score.Tender{ID: "T", Title: "Test", Regime: score.PA2023, Commenced: date.On(2026, 4, 1),
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots: []score.Lot{{ID: "1", Title: "Lot", EstimatedValue: d("1000000"), TermMonths: 12, Policy: score.Policy{
			Gates:    []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "g", Title: "Gate", Requirement: "a requirement"}},
			Criteria: cs}}}}
}

// TestFieldDeterministic checks that a field is the same for the same seed
// and different for another, and valid for its policy.
func TestFieldDeterministic(t *testing.T) {
	f := NewField(t, testTender(nil), "1", 6, 9)
	a, b := f.Bids(), f.Bids()
	assert.Equal(t, a, b)
	f.Seed = 10
	assert.NotEqual(t, a, f.Bids())
	_, err := score.EvaluateLot(f.Tender, "1", a)
	require.NoError(t, err)
}

// TestAssertionsFail checks that each assertion fails, readably, when it
// should, and passes when it should.
func TestAssertionsFail(t *testing.T) {
	tn := testTender(nil)
	bids := NewField(t, tn, "1", 4, 1).Bids()
	bids[3].Gates["g"] = criteria.GateResult{Pass: false, Reason: "not met"}
	res := EvaluateLot(t, tn, "1", bids)
	winner := res.Winner
	tests := []struct {
		why    string
		assert func(TB) bool
		want   string // "" for a pass
	}{
		{"the winner passes", func(r TB) bool { return AssertWinner(r, res, winner) }, ""},
		{"another winner fails with the standings", func(r TB) bool { return AssertWinner(r, res, "B-003") }, "lot 1 winner:\n\twant: B-003\n\tgot:  " + winner},
		{"a rank of a disqualified bid says why", func(r TB) bool { return AssertRank(r, res, "B-004", 1) }, "got:  disqualified at the gate stage: failed the pass/fail requirement: Gate: failed — not met"},
		{"a rank of an unknown bid", func(r TB) bool { return AssertRank(r, res, "B-999", 1) }, "lot 1 has no bid B-999"},
		{"disqualified for the right reason", func(r TB) bool { return AssertDisqualified(r, res, "B-004", "gate") }, ""},
		{"disqualified, but not for that", func(r TB) bool { return AssertDisqualified(r, res, "B-004", "over-budget") }, `disqualified, but not for "over-budget"`},
		{"a compliant bid is not disqualified", func(r TB) bool { return AssertDisqualified(r, res, winner, "") }, "want: disqualified"},
		{"an explanation that says it", func(r TB) bool { return AssertExplains(r, res, winner, "Total") }, ""},
		{"an explanation that does not", func(r TB) bool { return AssertExplains(r, res, winner, "Total", "moon") }, `the explanation does not say "moon"`},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			r := &recorder{}
			ok := tc.assert(r)
			if tc.want == "" {
				assert.True(t, ok)
				assert.Empty(t, r.errors)
				return
			}
			assert.False(t, ok)
			require.Len(t, r.errors, 1)
			assert.Contains(t, r.errors[0], tc.want)
		})
	}
}

// TestChecksCatchBrokenPolicies checks that the property checks find a
// policy that rewards a higher price, and weights that do not add up,
// and that CheckPolicy fails the test for them.
func TestChecksCatchBrokenPolicies(t *testing.T) {
	cat := criteria.Catalogue{Measures: []criteria.Measure{{Code: "SME", Description: "SME spend", Unit: criteria.UnitPounds, Proxy: d("0.1"), Source: "fictional", Year: 2026}}}
	// Social value in pounds committed as a share of the price, relative
	// to the best, at 40%: cutting the price cuts the social value.
	pounds := testTender(&criteria.SocialValueRule{Catalogue: cat, Basis: criteria.BasisProxyValue, Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported})
	f := NewField(t, pounds, "1", 10, 4)
	f.PercentCommitments = true
	r := &recorder{}
	rep := CheckPolicy(r, f.Tender, f.Lot, f.Bids())
	assert.True(t, rep.Has(PriceMonotonicity), rep.String())
	assert.NotEmpty(t, r.errors, "the test fails")
	assert.False(t, rep.Has(OrderInvariance))

	weights := testTender(nil)
	weights.Lots[0].Policy.Criteria[1].Weight = d("55")
	r = &recorder{}
	rep = CheckPolicy(r, weights, "1", nil)
	require.True(t, rep.Has(WeightsSum))
	assert.Equal(t, []string{`weights-sum: lot 1: policy.criteria: the weights here sum to 95, not exactly 100 (value "95")`}, r.errors)

	// The same social value as a proportion of the price passes.
	fixed := pounds
	fixed.Lots = []score.Lot{pounds.Lots[0]}
	sv := *fixed.Lots[0].Policy.Criteria[2].SocialValue
	sv.Per = criteria.ShareOfBidPrice
	crits := append([]score.Criterion(nil), fixed.Lots[0].Policy.Criteria...)
	crits[2].SocialValue = &sv
	fixed.Lots[0].Policy.Criteria = crits
	r = &recorder{}
	rep = CheckPolicy(r, fixed, "1", f.Bids())
	assert.True(t, rep.OK(), rep.String())
	assert.Empty(t, r.errors)
}
