package criteria_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
)

// TestMarksHelpers checks that the short forms build the same record as
// the long form, and that what the long form would refuse is still refused.
func TestMarksHelpers(t *testing.T) {
	three := decimal.NewFromInt(3)
	long := criteria.Marks{
		Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: three, Rationale: "clear"}},
		Consensus:  &criteria.Consensus{Mark: three, Rationale: "agreed"},
	}
	short := criteria.Agreed(three, "agreed", criteria.MarkBy("E1", three, "clear"))
	assert.Equal(t, long, short, "Agreed is the consensus record of the long form")
	assert.Equal(t, criteria.Marks{Evaluators: long.Evaluators}, criteria.Evaluated(criteria.MarkBy("E1", three, "clear")))

	consensus := criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
	tests := []struct {
		why   string
		marks criteria.Marks
		field string
		rule  string
	}{
		{"a consensus needs each evaluator's own mark for the audit trail", criteria.Agreed(three, "agreed"), "evaluators", "required"},
		{"and its reason", criteria.Agreed(three, " ", criteria.MarkBy("E1", three, "")), "consensus.rationale", "required"},
		{"a mark off the scale", criteria.Agreed(decimal.NewFromInt(5), "agreed", criteria.MarkBy("E1", three, "")), "consensus.mark", "on-scale"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			ps := consensus.Check(tc.marks)
			require.Len(t, ps, 1)
			assert.Equal(t, tc.field, ps[0].Field)
			assert.Equal(t, tc.rule, ps[0].Rule)
		})
	}
}
