package criteria_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// ptMarks records evaluators' marks as name, mark pairs, each with a
// rationale.
func ptMarks(kv ...string) []criteria.EvaluatorMark {
	var out []criteria.EvaluatorMark
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, criteria.EvaluatorMark{Evaluator: kv[i], Mark: ptDec(kv[i+1]), Rationale: "reasons of " + kv[i]})
	}
	return out
}

func TestQualityConsensus(t *testing.T) {
	rule := criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
	require.Empty(t, rule.Validate())

	qa, ps := rule.Assess(criteria.Marks{
		Evaluators: ptMarks("AB", "3", "CD", "4", "EF", "2"),
		Consensus:  &criteria.Consensus{Mark: ptDec("3"), Rationale: "meets every requirement with some evidence of added value"},
	})
	require.Empty(t, ps)
	// hand: 3 of 4 = 0.75; the agreed mark is scored, not the mean (3 too, by chance) or any one evaluator's.
	ptAssertFrac(t, "3", qa.Mark)
	ptAssertFrac(t, "0.75", qa.Value)
	assert.True(t, qa.Max.Equal(ptDec("4")))
	assert.False(t, qa.BelowMinimum)
	assert.Equal(t, "consensus mark 3 (Good) of 4", qa.Input())
	assert.Equal(t, []string{"meets every requirement with some evidence of added value"}, qa.Rationale())
	assert.Equal(t, []string{
		"evaluators' own marks: AB 3, CD 4, EF 2; agreed at moderation: 3",
		"3 ÷ 4 = 0.75",
	}, ptTexts(qa.Working()))

	// The consensus is scored even when it is no evaluator's own mark and not the mean.
	qa, ps = rule.Assess(criteria.Marks{
		Evaluators: ptMarks("AB", "4", "CD", "4"),
		Consensus:  &criteria.Consensus{Mark: ptDec("2"), Rationale: "both missed the exit plan"},
	})
	require.Empty(t, ps)
	ptAssertFrac(t, "0.5", qa.Value) // hand: 2 ÷ 4

	// A mark written 3.0 is the scale's 3.
	qa, ps = rule.Assess(criteria.Marks{Evaluators: ptMarks("AB", "3.0"), Consensus: &criteria.Consensus{Mark: ptDec("3.00"), Rationale: "r"}})
	require.Empty(t, ps)
	ptAssertFrac(t, "0.75", qa.Value)

	// Zero scores zero.
	qa, ps = rule.Assess(criteria.Marks{Evaluators: ptMarks("AB", "0"), Consensus: &criteria.Consensus{Mark: ptDec("0"), Rationale: "no answer"}})
	require.Empty(t, ps)
	assert.True(t, qa.Value.IsZero(), "got %s", qa.Value)
}

func TestQualityMean(t *testing.T) {
	rule := criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.MeanMark}
	require.Empty(t, rule.Validate())

	qa, ps := rule.Assess(criteria.Marks{Evaluators: ptMarks("AB", "3", "CD", "4", "EF", "4")})
	require.Empty(t, ps)
	// hand: (3 + 4 + 4) ÷ 3 = 11/3, off the scale and non-terminating; 11/3 ÷ 4 = 11/12.
	assert.True(t, qa.Mark.Equal(ptFrac(t, "11", "3")), "got %s", qa.Mark)
	assert.True(t, qa.Mark.MulDec(ptDec("3")).Equal(exact.Whole(ptDec("11"))), "kept exactly: three times the mean is 11, not 10.9999…")
	assert.True(t, qa.Value.Equal(ptFrac(t, "11", "12")), "got %s", qa.Value)
	assert.Equal(t, "3.6666666666…", qa.Mark.String(), "a non-terminating mean says so")
	assert.Equal(t, "0.9166666666…", qa.Value.String())
	assert.Equal(t, "mean mark 3.6666666666… of 4 from 3 evaluators", qa.Input())
	assert.Equal(t, []string{"AB: reasons of AB", "CD: reasons of CD", "EF: reasons of EF"}, qa.Rationale())
	assert.Equal(t, []string{
		"mean of AB 3, CD 4, EF 4: (3 + 4 + 4) ÷ 3 = 3.6666666666…",
		"3.6666666666… ÷ 4 = 0.9166666666…",
	}, ptTexts(qa.Working()))

	// hand: (2 + 3) ÷ 2 = 2.5, between the scale's marks; 2.5 ÷ 5 = 0.5.
	five := criteria.QualityRule{Scale: criteria.Scale0to5(), Moderation: criteria.MeanMark}
	qa, ps = five.Assess(criteria.Marks{Evaluators: ptMarks("AB", "2", "CD", "3")})
	require.Empty(t, ps)
	ptAssertFrac(t, "2.5", qa.Mark)
	ptAssertFrac(t, "0.5", qa.Value)

	// One evaluator: the mean is the mark. hand: 8 ÷ 10 = 0.8.
	stepped := criteria.QualityRule{Scale: criteria.Scale0to10Stepped(), Moderation: criteria.MeanMark}
	qa, ps = stepped.Assess(criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "AB", Mark: ptDec("8"), Rationale: "good"}}})
	require.Empty(t, ps)
	ptAssertFrac(t, "0.8", qa.Value)
	assert.Equal(t, "one evaluator (AB 8): mark 8", qa.Working()[0].Text)
	assert.Equal(t, []string{"AB: good"}, qa.Rationale())

	// Under the mean the evaluators' own reasons are the explanation a bidder
	// gets (Procurement Act 2023 s.50: "an explanation by reference to the
	// tender"), so a mark without one is a problem.
	_, ps = stepped.Assess(criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "AB", Mark: ptDec("8")}}})
	assert.Equal(t, []ptProblem{{"evaluators[0].rationale", "", "required"}}, ptProblems(ps))
}

func TestQualityMinimumMark(t *testing.T) {
	two := ptDecPtr("2")
	tests := []struct {
		why   string
		rule  criteria.QualityRule
		marks criteria.Marks
		below bool
	}{
		{"consensus below the minimum", criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark, MinMark: two},
			criteria.Marks{Evaluators: ptMarks("AB", "1"), Consensus: &criteria.Consensus{Mark: ptDec("1"), Rationale: "r"}}, true},
		{"consensus equal to the minimum is not below it", criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark, MinMark: two},
			criteria.Marks{Evaluators: ptMarks("AB", "2"), Consensus: &criteria.Consensus{Mark: ptDec("2"), Rationale: "r"}}, false},
		{"consensus above the minimum", criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark, MinMark: two},
			criteria.Marks{Evaluators: ptMarks("AB", "4"), Consensus: &criteria.Consensus{Mark: ptDec("4"), Rationale: "r"}}, false},
		{"a mean just below the minimum: (1 + 2 + 2) ÷ 3 = 5/3 < 2", criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.MeanMark, MinMark: two},
			criteria.Marks{Evaluators: ptMarks("AB", "1", "CD", "2", "EF", "2")}, true},
		{"a mean exactly at the minimum: (1 + 3) ÷ 2 = 2", criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.MeanMark, MinMark: two},
			criteria.Marks{Evaluators: ptMarks("AB", "1", "CD", "3")}, false},
		{"no minimum, nothing is below it", criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.MeanMark},
			criteria.Marks{Evaluators: ptMarks("AB", "0")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			require.Empty(t, tt.rule.Validate())
			qa, ps := tt.rule.Assess(tt.marks)
			require.Empty(t, ps)
			assert.Equal(t, tt.below, qa.BelowMinimum)
			if tt.below {
				require.Len(t, criteria.Texts(qa.Notes()), 1)
				assert.Contains(t, criteria.Texts(qa.Notes())[0], "below the minimum mark of 2")
			} else {
				assert.Empty(t, criteria.Texts(qa.Notes()))
			}
		})
	}
}

func TestQualityAssessProblems(t *testing.T) {
	consensus := criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
	mean := criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.MeanMark}
	agreed := func(mark, why string) *criteria.Consensus {
		return &criteria.Consensus{Mark: ptDec(mark), Rationale: why}
	}
	tests := []struct {
		why   string
		rule  criteria.QualityRule
		marks criteria.Marks
		want  []ptProblem
	}{
		{"consensus missing", consensus, criteria.Marks{Evaluators: ptMarks("AB", "3")}, []ptProblem{{"consensus", "", "required"}}},
		{"consensus off the scale", consensus, criteria.Marks{Evaluators: ptMarks("AB", "3"), Consensus: agreed("2.5", "split the difference")}, []ptProblem{{"consensus.mark", "2.5", "on-scale"}}},
		{"consensus above the scale", consensus, criteria.Marks{Evaluators: ptMarks("AB", "3"), Consensus: agreed("5", "r")}, []ptProblem{{"consensus.mark", "5", "on-scale"}}},
		{"consensus rationale missing", consensus, criteria.Marks{Evaluators: ptMarks("AB", "3"), Consensus: agreed("3", "")}, []ptProblem{{"consensus.rationale", "", "required"}}},
		{"consensus rationale only blanks", consensus, criteria.Marks{Evaluators: ptMarks("AB", "3"), Consensus: agreed("3", " \t\n")}, []ptProblem{{"consensus.rationale", "", "required"}}},
		{"consensus off the scale and without a rationale: both reported", consensus, criteria.Marks{Evaluators: ptMarks("AB", "3"), Consensus: agreed("7", "")},
			[]ptProblem{{"consensus.mark", "7", "on-scale"}, {"consensus.rationale", "", "required"}}},
		{"an evaluator's mark off the scale", mean, criteria.Marks{Evaluators: ptMarks("AB", "3", "CD", "3.5")}, []ptProblem{{"evaluators[1].mark", "3.5", "on-scale"}}},
		{"a negative mark", mean, criteria.Marks{Evaluators: ptMarks("AB", "-1")}, []ptProblem{{"evaluators[0].mark", "-1", "on-scale"}}},
		{"a mark on another scale: 25 is not on 0–4", mean, criteria.Marks{Evaluators: ptMarks("AB", "25")}, []ptProblem{{"evaluators[0].mark", "25", "on-scale"}}},
		{"a duplicate evaluator", mean, criteria.Marks{Evaluators: ptMarks("AB", "3", "CD", "4", "AB", "2")}, []ptProblem{{"evaluators[2].evaluator", "AB", "unique"}}},
		{"an unnamed evaluator", mean, criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Mark: ptDec("3"), Rationale: "r"}}}, []ptProblem{{"evaluators[0].evaluator", "", "required"}}},
		{"no evaluators under the mean", mean, criteria.Marks{}, []ptProblem{{"evaluators", "", "required"}}},
		{"no evaluators under consensus: the consensus alone is not enough", consensus, criteria.Marks{Consensus: agreed("3", "r")}, []ptProblem{{"evaluators", "", "required"}}},
		{"a consensus recorded under a mean policy", mean, criteria.Marks{Evaluators: ptMarks("AB", "3"), Consensus: agreed("4", "r")}, []ptProblem{{"consensus", "4", "mean-policy"}}},
		{"a mark too precise", mean, criteria.Marks{Evaluators: ptMarks("AB", "0.00000000001")}, []ptProblem{{"evaluators[0].mark", "0.00000000001", "precision"}}},
		{"every problem at once", consensus, criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "AB", Mark: ptDec("9")}, {Evaluator: "AB", Mark: ptDec("1")}}},
			[]ptProblem{{"evaluators[0].mark", "9", "on-scale"}, {"evaluators[1].evaluator", "AB", "unique"}, {"consensus", "", "required"}}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			qa, ps := tt.rule.Assess(tt.marks)
			assert.Equal(t, tt.want, ptProblems(ps))
			assert.True(t, qa.Value.IsZero(), "no score comes back with a problem")
			for _, p := range ps {
				assert.NotEmpty(t, p.Message)
			}
		})
	}
}

func TestQualityRuleValidate(t *testing.T) {
	tests := []struct {
		why  string
		rule criteria.QualityRule
		want []ptProblem
	}{
		{"a good rule", criteria.QualityRule{Scale: criteria.Scale0to5(), Moderation: criteria.MeanMark, MinMark: ptDecPtr("3")}, nil},
		{"a minimum of 0 and of the maximum are within the scale", criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark, MinMark: ptDecPtr("4")}, nil},
		{"a minimum between marks is allowed", criteria.QualityRule{Scale: criteria.Scale0to100By25(), Moderation: criteria.MeanMark, MinMark: ptDecPtr("60")}, nil},
		{"no moderation", criteria.QualityRule{Scale: criteria.Scale0to4()}, []ptProblem{{"moderation", "", "one-of"}}},
		{"unknown moderation", criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: "median"}, []ptProblem{{"moderation", "median", "one-of"}}},
		{"a minimum above the maximum", criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.MeanMark, MinMark: ptDecPtr("5")}, []ptProblem{{"minMark", "5", "on-scale"}}},
		{"a negative minimum", criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.MeanMark, MinMark: ptDecPtr("-1")}, []ptProblem{{"minMark", "-1", "on-scale"}}},
		{"scale problems are prefixed with scale", criteria.QualityRule{Scale: criteria.NewScale("one", criteria.Level{Mark: ptDec("1")}), Moderation: criteria.MeanMark},
			[]ptProblem{{"scale.levels", "1", "at-least-2"}}},
		{"a missing scale", criteria.QualityRule{Moderation: criteria.MeanMark}, []ptProblem{{"scale.levels", "0", "at-least-2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			ps := tt.rule.Validate()
			if tt.want == nil {
				assert.Empty(t, ps)
				return
			}
			assert.Equal(t, tt.want, ptProblems(ps))
		})
	}
}

func TestQualityRuleDescribe(t *testing.T) {
	r := criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark, MinMark: ptDecPtr("2")}
	assert.Equal(t, "marked on the 0–4 scale (0 (Unacceptable), 1 (Poor), 2 (Acceptable), 3 (Good), 4 (Excellent)); score = mark ÷ 4 × marks available; the mark is the evaluators' recorded consensus; a mark below 2 disqualifies", r.Describe())
	r = criteria.QualityRule{Scale: criteria.NewScale("yes/no", criteria.Level{Mark: ptDec("0")}, criteria.Level{Mark: ptDec("1")}), Moderation: criteria.MeanMark}
	assert.Equal(t, "marked on the yes/no scale (0, 1); score = mark ÷ 1 × marks available; the mark is the mean of the evaluators' marks", r.Describe())
}
