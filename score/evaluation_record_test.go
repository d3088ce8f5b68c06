package score_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// TestEvaluationRecord: the panel records each evaluator's declared
// conflicts of interest (PA 2023 ss.81–82), and every evaluator who marked
// a bid must be on it; the report is not dated before the evaluation ended.
func TestEvaluationRecord(t *testing.T) {
	valid := score.Evaluation{Panel: []score.Evaluator{{Name: "E1", Role: "Service manager", Conflicts: "none"}},
		Completed: date.On(2026, 4, 10), Reported: date.On(2026, 4, 14)}
	for _, tt := range []struct {
		name   string
		edit   func(e *score.Evaluation)
		field  string
		rule   string
		reason string
	}{
		{"complete", func(*score.Evaluation) {}, "", "", "every marker on the panel, each with a declaration"},
		{"no declaration", func(e *score.Evaluation) { e.Panel[0].Conflicts = " " }, "evaluation.panel[0].conflicts", "required", "a declaration per evaluator"},
		{"marker not on the panel", func(e *score.Evaluation) { e.Panel[0].Name = "E9" }, "bids[0].responses[q].marks.evaluators[0].evaluator", "on-panel", "the marks name E1"},
		{"duplicate", func(e *score.Evaluation) { e.Panel = append(e.Panel, e.Panel[0]) }, "evaluation.panel[1].name", "unique", "one entry per evaluator"},
		{"report before completion", func(e *score.Evaluation) { e.Reported = date.On(2026, 4, 9) }, "evaluation.reported", "after-completed", "a report of an unfinished evaluation"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := valid
			e.Panel = append([]score.Evaluator{}, valid.Panel...)
			tt.edit(&e)
			tn := tenderOf(lotOf(simplePolicy()))
			tn.Evaluation = &e
			_, err := score.Evaluate(tn, []score.Bid{simpleBid("A", "100", 3), simpleBid("B", "90", 2)})
			if tt.field == "" {
				require.NoError(t, err, tt.reason)
				return
			}
			var ve *score.ValidationError
			require.ErrorAs(t, err, &ve, tt.reason)
			require.Len(t, ve.Problems, 1, tt.reason)
			assert.Equal(t, tt.field, ve.Problems[0].Field)
			assert.Equal(t, tt.rule, ve.Problems[0].Rule)
		})
	}
}
