package criteria_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
)

// TestRecordsWordOnDemand checks that an assessment's words are made from its
// record each time they are asked for: the same every time, and a caller
// changing what it was given changes nothing the next caller sees.
func TestRecordsWordOnDemand(t *testing.T) {
	rule := criteria.PriceRule{Method: criteria.Relative}
	as, err := rule.Assess([]criteria.Quote{{Price: ptDec("100")}, {Price: ptDec("200")}})
	require.NoError(t, err)
	first := as[1].Working()
	first[0].Text = "changed by a caller"
	first = append(first, criteria.Step{Text: "appended by a caller"})
	assert.Equal(t, []string{"lowest price in the field: £100.00", "£100.00 ÷ £200.00 = 0.5"}, ptTexts(as[1].Working()),
		"hand: £100 ÷ £200 = 0.5; worded afresh from the record")
	assert.Len(t, first, 3)
	assert.Equal(t, "£200.00", as[1].Input(), "an amount is its own input")

	q := criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
	m := criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "AB", Mark: decimal.NewFromInt(3)}},
		Consensus: &criteria.Consensus{Mark: decimal.NewFromInt(3), Rationale: "clear plan"}}
	qa, ps := q.Assess(m)
	require.Empty(t, ps)
	m.Consensus.Rationale, m.Consensus.Mark = "changed after marking", decimal.NewFromInt(1)
	assert.Equal(t, []string{"clear plan"}, qa.Rationale(), "the record keeps its own copy of the consensus")
	assert.Equal(t, "consensus mark 3 (Good) of 4", qa.Input())
}

// TestMarkerNeverPanics checks that the engine's marker, which trusts that
// marks were checked, still returns no assessment rather than panic on marks
// it cannot resolve.
func TestMarkerNeverPanics(t *testing.T) {
	tests := []struct {
		why  string
		rule criteria.QualityRule
		m    criteria.Marks
	}{
		{"no consensus under consensus moderation", criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}, criteria.Marks{}},
		{"no evaluators under the mean", criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.MeanMark}, criteria.Marks{}},
		{"no moderation declared", criteria.QualityRule{Scale: criteria.Scale0to4()}, criteria.Marks{Consensus: &criteria.Consensus{}}},
	}
	for _, tt := range tests {
		_, ok := tt.rule.Marker().Assess(tt.m)
		assert.False(t, ok, tt.why)
		_, ok = tt.rule.Marker().Score(tt.m)
		assert.False(t, ok, tt.why+" (Score)")
	}
	_, ok := criteria.Marker{}.Assess(criteria.Marks{})
	assert.False(t, ok, "the zero Marker marks nothing")
	_, ok = criteria.Marker{}.Score(criteria.Marks{})
	assert.False(t, ok, "the zero Marker scores nothing")
}
