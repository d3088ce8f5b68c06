package score_test

import (
	"math/big"
	"runtime"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// A field of empty bids (what a hostile upload holds) is reported as the
// first criteria.MaxProblems problems and a count of the rest, not one
// problem per missing field of every bid (issue 11: a million empty bids
// printed four million lines).
func TestValidationCapsProblemsAndCountsTheRest(t *testing.T) {
	const n = 10000
	tn := tenderOf(lotOf(simplePolicy()))
	err := tn.Validate(make([]score.Bid, n))
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr)
	require.Len(t, verr.Problems, criteria.MaxProblems+1)
	assert.Equal(t, "bids[0].id", verr.Problems[0].Field, "the first problems are kept, in order")
	last := verr.Problems[criteria.MaxProblems]
	assert.Equal(t, "too-many", last.Rule)
	// Each empty bid lacks its id, supplier id, supplier name and lot (4
	// problems), and lot L1 then has no bids (1): 4n+1 in all.
	assert.Equal(t, strconv.Itoa(4*n+1-criteria.MaxProblems), last.Value)
	assert.Contains(t, last.Message, "39901 more problems are not shown")
}

// An unknown moderation method is one problem, at the rule: the bids'
// marks are not checked against a rule that cannot be applied (issue 11
// found one problem more for every bid).
func TestABrokenRuleIsOneProblemNotOnePerBid(t *testing.T) {
	p := simplePolicy()
	p.Criteria[1].Quality.Moderation = "consenssus"
	tn := tenderOf(lotOf(p))
	bids := []score.Bid{simpleBid("B1", "100", 3), simpleBid("B2", "120", 2), simpleBid("B3", "90", 4)}
	err := tn.Validate(bids)
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr)
	require.Len(t, verr.Problems, 1, "%v", err)
	assert.Equal(t, "lots[0].policy.criteria[1].quality.moderation", verr.Problems[0].Field)
	assert.Equal(t, "one-of", verr.Problems[0].Rule)
}

// A decimal built in Go with a huge exponent or coefficient is refused
// from its size alone: validation never expands it (issue 11: a decimal
// with exponent 2^30 took seconds, and gigabytes, to compare with 10^15).
// Measured as bytes allocated, not time, so the test is not timed.
func TestHugeDecimalsInGoAreRefusedWithoutExpandingThem(t *testing.T) {
	huge := decimal.New(1, 1<<30)      // 10^(2^30)
	tiny := decimal.New(1, -(1 << 30)) // 10^-(2^30)
	// 2^(2^20) has 315,653 digits; scaled by 10^-315,650 it is about 1000,
	// an amount of a sensible size written with far too many digits.
	long := decimal.NewFromBigInt(new(big.Int).Lsh(big.NewInt(1), 1<<20), -315650)

	// In the model: weights, a threshold and the estimated value. A tender
	// with a decimal beyond the limits is refused with those problems
	// alone: no rule is checked with it.
	p := simplePolicy()
	p.Criteria[0].Weight = huge
	p.Criteria[1].Weight = tiny
	p.Thresholds.MinQualityPercent = &huge
	l := lotOf(p)
	l.EstimatedValue = long
	model := tenderOf(l)
	// In the bids, against a valid model.
	field := tenderOf(lotOf(simplePolicy()))
	b1 := simpleBid("B1", "100", 3)
	b1.Responses["price"] = score.Response{Price: criteria.Amount(huge)}
	b2 := simpleBid("B2", "100", 3)
	b2.Responses["price"] = score.Response{Price: criteria.Amount(tiny)}
	b3 := simpleBid("B3", "100", 3)
	b3.Responses["price"] = score.Response{Price: criteria.Amount(long)}
	bids := []score.Bid{b1, b2, b3}

	for _, c := range []struct {
		name   string
		tender score.Tender
		want   []struct{ field, rule string }
	}{
		{"model", model, []struct{ field, rule string }{
			{"lots[0].estimatedValue", "digits"},
			{"lots[0].policy.criteria[0].weight", "magnitude"},
			{"lots[0].policy.criteria[1].weight", "precision"},
			{"lots[0].policy.thresholds.minQualityPercent", "magnitude"},
		}},
		{"bids", field, []struct{ field, rule string }{
			{"bids[0].responses[price].price.amount", "magnitude"},
			{"bids[1].responses[price].price.amount", "precision"},
			{"bids[2].responses[price].price.amount", "digits"},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var err error
			allocated := allocatedBy(func() { err = c.tender.Validate(bids) })
			var verr *score.ValidationError
			require.ErrorAs(t, err, &verr)
			for _, w := range c.want {
				assert.True(t, verr.Has(w.field, w.rule), "want %s (%s) in\n%v", w.field, w.rule, err)
			}
			// 10^(2^30) written out is a gigabyte; the problems are a few kB.
			assert.Less(t, allocated, uint64(16<<20), "validation allocated %d bytes", allocated)
			for _, p := range verr.Problems {
				assert.Less(t, len(p.Value)+len(p.Message), 200, "a problem writes a huge number out: %.80s", p.Value)
			}
		})
	}
}

// allocatedBy returns the bytes f allocates.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
