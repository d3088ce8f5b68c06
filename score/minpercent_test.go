package score_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// TestMinPercentBoundary pins the boundary of a criterion's minimum
// percentage (Criterion.MinPercent: "disqualifies a bid scoring below this
// percentage"): a bid exactly at the minimum stays compliant, one a hair
// below is disqualified. Nothing tested `<` against `<=` there before
// (issue 11.8); a disqualification a published methodology did not allow
// is open to challenge (Procurement Act 2023 s.23(3)(a)). The threshold
// reads the points as shown, 2 dp half-up by default.
func TestMinPercentBoundary(t *testing.T) {
	// mean of three evaluators' marks on the 0–4 scale, question worth 60.
	mean := func(id, price string, ms ...int64) score.Bid {
		b := simpleBid(id, price, 0)
		var m criteria.Marks
		for i, v := range ms {
			m.Evaluators = append(m.Evaluators, criteria.EvaluatorMark{Evaluator: string(rune('A' + i)), Mark: decimal.NewFromInt(v), Rationale: "seen"})
		}
		b.Responses["q"] = score.Response{Marks: m}
		return b
	}
	tests := []struct {
		why       string
		min       string
		moderated criteria.Moderation
		bid       score.Bid
		points    string
		compliant bool
	}{
		{"exactly at the minimum: 2 ÷ 4 × 60 = 30.00, and 50% of 60 = 30",
			"50", criteria.ConsensusMark, simpleBid("A", "100", 2), "30.00", true},
		{"a hair below: 30.00 against 50.01% of 60 = 30.006",
			"50.01", criteria.ConsensusMark, simpleBid("A", "100", 2), "30.00", false},
		{"a hair above: 30.00 against 49.99% of 60 = 29.994",
			"49.99", criteria.ConsensusMark, simpleBid("A", "100", 2), "30.00", true},
		{"a whole level below: 1 ÷ 4 × 60 = 15.00 against 30",
			"50", criteria.ConsensusMark, simpleBid("A", "100", 1), "15.00", false},
		{"at a minimum that is not a whole number of points: mean (2 + 2 + 3) ÷ 3 = 7/3, ÷ 4 × 60 = 35.00 against 58.33% of 60 = 34.998",
			"58.33", criteria.MeanMark, mean("A", "100", 2, 2, 3), "35.00", true},
		{"a hair below it: 35.00 against 58.34% of 60 = 35.004",
			"58.34", criteria.MeanMark, mean("A", "100", 2, 2, 3), "35.00", false},
		{"at the top: 4 ÷ 4 × 60 = 60 against 100% of 60",
			"100", criteria.ConsensusMark, simpleBid("A", "100", 4), "60.00", true},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			p := simplePolicy()
			p.Criteria[1].Quality.Moderation = tc.moderated
			p.Criteria[1].MinPercent = decp(tc.min)
			// A second bid well above every minimum keeps the lot awardable.
			other := simpleBid("Z", "120", 4)
			if tc.moderated == criteria.MeanMark {
				other = mean("Z", "120", 4, 4, 4)
			}
			l := evalLot(t, p, tc.bid, other)
			assert.Equal(t, tc.points, points(t, l, "A", "q"))
			b, ok := l.Bid("A")
			require.True(t, ok)
			if tc.compliant {
				assert.Nil(t, b.Disqualified, "a bid at or above the minimum stays compliant")
				return
			}
			require.NotNil(t, b.Disqualified, "a bid below the minimum is disqualified")
			assert.Equal(t, score.AtThreshold, b.Disqualified.Stage)
			require.NotEmpty(t, b.Disqualified.Reasons)
			assert.Equal(t, "min-percent", b.Disqualified.Reasons[0].Rule)
			assert.Equal(t, "q", b.Disqualified.Reasons[0].Ref)
		})
	}
}
