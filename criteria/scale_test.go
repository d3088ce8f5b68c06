package criteria_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
)

func TestPredefinedScales(t *testing.T) {
	// Every scale, maximum and descriptor below is copied from
	// docs/sources/quality-and-moderation.md, "Scales seen in UK
	// evaluations", except 0–5's descriptors for 1 and 2, which the source
	// does not give (the library's own wording, flagged in Source).
	type level struct{ mark, descriptor string }
	tests := []struct {
		why    string
		scale  criteria.Scale
		name   string
		max    string
		levels []level
		marks  string
		source string // a fragment the scale's Source must contain
	}{
		{"0–4: Scottish Supplier Journey / Procurement Journey (HIGH)", criteria.Scale0to4(), "0–4", "4",
			[]level{{"0", "Unacceptable"}, {"1", "Poor"}, {"2", "Acceptable"}, {"3", "Good"}, {"4", "Excellent"}}, "0, 1, 2, 3, 4", "Supplier Journey"},
		{"0/25/50/75/100: Scottish Supplier Journey award stage (HIGH to 50, MED above)", criteria.Scale0to100By25(), "0/25/50/75/100", "100",
			[]level{{"0", "Unacceptable"}, {"25", "Poor"}, {"50", "Acceptable"}, {"75", "Good"}, {"100", "Excellent"}}, "0, 25, 50, 75, 100", "75 and 100 unverified"},
		{"0/2/5/8/10: DfE School Buildings Construction Framework 2025, Appendix H (HIGH)", criteria.Scale0to10Stepped(), "0/2/5/8/10", "10",
			[]level{{"0", "Unacceptable"}, {"2", "Poor"}, {"5", "Satisfactory"}, {"8", "Good"}, {"10", "Excellent"}}, "0, 2, 5, 8, 10", "Appendix H"},
		{"0–5: FE sector guidance (HIGH for 0, 3, 4, 5)", criteria.Scale0to5(), "0–5", "5",
			[]level{{"0", "Unacceptable"}, {"1", "Poor"}, {"2", "Weak"}, {"3", "Satisfactory"}, {"4", "Good"}, {"5", "Excellent"}}, "0, 1, 2, 3, 4, 5", "unverified"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			s := tt.scale
			assert.Empty(t, s.Validate())
			assert.Equal(t, tt.name, s.Name)
			assert.Equal(t, tt.max, s.Max().String())
			assert.Equal(t, tt.marks, s.Marks())
			assert.Contains(t, s.Source, tt.source)
			require.Len(t, s.Levels, len(tt.levels))
			for _, l := range tt.levels {
				got, ok := s.Level(ptDec(l.mark))
				require.True(t, ok, "mark %s is on the scale", l.mark)
				assert.Equal(t, l.descriptor, got.Descriptor, "descriptor for %s", l.mark)
				assert.True(t, s.Contains(ptDec(l.mark)))
			}
			assert.False(t, s.Contains(ptDec("0.5")), "0.5 is on no predefined scale")
			assert.False(t, s.Contains(ptDec("-1")))
		})
	}

	// Each call returns a fresh scale: changing one does not change the next.
	a := criteria.Scale0to4()
	a.Levels[0].Descriptor = "changed"
	assert.Equal(t, "Unacceptable", criteria.Scale0to4().Levels[0].Descriptor)
}

func TestCustomScale(t *testing.T) {
	s := criteria.NewScale("pass/partial/full",
		criteria.Level{Mark: ptDec("3"), Descriptor: "Full"},
		criteria.Level{Mark: ptDec("0"), Descriptor: "None"},
		criteria.Level{Mark: ptDec("1.5"), Descriptor: "Partial"},
	)
	require.Empty(t, s.Validate())
	assert.Equal(t, "3", s.Max().String(), "the highest mark, wherever it is listed")
	assert.Equal(t, "0, 1.5, 3", s.Marks(), "marks are listed in ascending order")
	assert.True(t, s.Contains(ptDec("1.50")), "1.50 is the scale's 1.5")
	assert.False(t, s.Contains(ptDec("1")))
	assert.Empty(t, s.Source, "a custom scale cites nothing unless told")

	// hand: a mean of 1.5 and 3 is 2.25, and 2.25 ÷ 3 = 0.75.
	rule := criteria.QualityRule{Scale: s, Moderation: criteria.MeanMark}
	qa, ps := rule.Assess(criteria.Marks{Evaluators: ptMarks("AB", "1.5", "CD", "3")})
	require.Empty(t, ps)
	ptAssertFrac(t, "0.75", qa.Value)
	assert.Equal(t, "mean mark 2.25 of 3 from 2 evaluators", qa.Input())

	// A literal works as well as NewScale.
	lit := criteria.Scale{Name: "pass/fail", Levels: []criteria.Level{{Mark: ptDec("0")}, {Mark: ptDec("1")}}}
	assert.Empty(t, lit.Validate())
	assert.Equal(t, "1", lit.Max().String())
}

func TestScaleValidate(t *testing.T) {
	l := func(mark string) criteria.Level { return criteria.Level{Mark: ptDec(mark)} }
	tests := []struct {
		why  string
		s    criteria.Scale
		want []ptProblem
	}{
		{"no levels", criteria.Scale{Name: "empty"}, []ptProblem{{"levels", "0", "at-least-2"}}},
		{"one level", criteria.NewScale("one", l("5")), []ptProblem{{"levels", "1", "at-least-2"}}},
		{"a negative mark", criteria.NewScale("neg", l("-1"), l("0"), l("1")), []ptProblem{{"levels[0].mark", "-1", "non-negative"}}},
		{"a duplicate mark", criteria.NewScale("dup", l("0"), l("1"), l("1")), []ptProblem{{"levels[2].mark", "1", "unique"}}},
		{"1 and 1.0 are the same mark", criteria.NewScale("dup", l("0"), l("1"), l("1.0")), []ptProblem{{"levels[2].mark", "1", "unique"}}},
		{"every mark zero: no maximum to divide by", criteria.NewScale("zero", l("0"), l("0.0")), []ptProblem{{"levels[1].mark", "0", "unique"}, {"levels", "0", "positive-max"}}},
		{"a mark too precise", criteria.NewScale("fine", l("0"), l("0.00000000001")), []ptProblem{{"levels[1].mark", "0.00000000001", "precision"}}},
		{"a mark too large", criteria.NewScale("big", l("0"), l("1000000000000000")), []ptProblem{{"levels[1].mark", "1000000000000000", "magnitude"}}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			assert.Equal(t, tt.want, ptProblems(tt.s.Validate()))
		})
	}
}
