package criteria_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tenderscore/tenderscore/criteria"
)

func ptCyberGate() criteria.Gate {
	return criteria.Gate{Kind: criteria.AwardRequirement, ID: "cyber", Title: "Cyber Essentials Plus", Requirement: "a current Cyber Essentials Plus certificate", Source: "council information security policy"}
}

func TestGate(t *testing.T) {
	g := ptCyberGate()
	tests := []struct {
		why      string
		result   criteria.GateResult
		pass     bool
		text     string
		problems []ptProblem
	}{
		{"a pass", criteria.GateResult{Pass: true},
			true, "Cyber Essentials Plus: passed", nil},
		{"a pass with its reason and evidence recorded", criteria.GateResult{Pass: true, Reason: "certificate current to 2027", Evidence: "certificate no. 12345"},
			true, "Cyber Essentials Plus: passed — certificate current to 2027 (evidence: certificate no. 12345)", nil},
		{"a fail with its reason", criteria.GateResult{Pass: false, Reason: "certificate expired in March"},
			false, "Cyber Essentials Plus: failed — certificate expired in March", nil},
		{"a fail without a reason is a problem (Procurement Act 2023 s.23(3)(a): disqualification must rest on the published criterion)", criteria.GateResult{Pass: false},
			false, "Cyber Essentials Plus: failed", []ptProblem{{"reason", "", "required"}}},
		{"a fail whose reason is only blanks is a problem", criteria.GateResult{Pass: false, Reason: "  "},
			false, "Cyber Essentials Plus: failed", []ptProblem{{"reason", "", "required"}}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			if tt.problems == nil {
				assert.Empty(t, g.Check(tt.result))
			} else {
				assert.Equal(t, tt.problems, ptProblems(g.Check(tt.result)))
			}
			a := g.Assess(tt.result)
			assert.Equal(t, tt.pass, a.Pass)
			assert.Equal(t, tt.text, a.Text)
		})
	}
}

func TestGateValidate(t *testing.T) {
	assert.Empty(t, ptCyberGate().Validate())
	// A gate must say what it is in law: a condition of participation
	// (PA 2023 s.22, failing it disregards the tender, s.19(3)(a)) or an
	// award-stage requirement (s.23(3)(a), failing it disqualifies).
	assert.Equal(t, []ptProblem{{"id", "", "required"}, {"title", "", "required"}, {"kind", "", "required"}}, ptProblems(criteria.Gate{}.Validate()))
	assert.Equal(t, []ptProblem{{"kind", "pass-fail", "one-of"}}, ptProblems(criteria.Gate{Kind: "pass-fail", ID: "x", Title: "x"}.Validate()))
	assert.True(t, criteria.ConditionOfParticipation.Disregards())
	assert.False(t, criteria.AwardRequirement.Disregards())
	assert.Equal(t, []ptProblem{{"title", "", "required"}}, ptProblems(criteria.Gate{Kind: criteria.AwardRequirement, ID: "x", Title: " "}.Validate()))
}
