package criteria

import (
	"fmt"
	"strings"
)

// Gate is a pass/fail requirement, such as "holds Cyber Essentials Plus".
// A bid that fails any gate is disqualified before it is scored
// (Procurement Act 2023 s.23(3)(a) lets the published methodology say that
// failing a criterion disqualifies; s.19(2)(a) requires the most
// advantageous tender to satisfy the authority's requirements).
type Gate struct {
	// ID identifies the gate; bids key their gate results by it.
	ID string `json:"id"`
	// Title names the requirement.
	Title string `json:"title"`
	// Requirement says what a bid must show to pass.
	Requirement string `json:"requirement,omitempty"`
	// Source says where the requirement comes from (a policy, a standard).
	Source string `json:"source,omitempty"`
}

// GateResult is the evaluator's recorded decision on one bid for one gate.
type GateResult struct {
	Pass bool `json:"pass"`
	// Reason is required when the bid fails, and recorded when it passes.
	Reason string `json:"reason,omitempty"`
	// Evidence names what the decision rests on ("certificate no. …").
	Evidence string `json:"evidence,omitempty"`
}

// GateAssessment is a gate decision with its explanation.
type GateAssessment struct {
	Pass bool
	// Text explains the decision in a sentence.
	Text string
}

// Validate reports problems with the gate itself.
func (g Gate) Validate() []Problem {
	var ps problems
	if strings.TrimSpace(g.ID) == "" {
		ps.add("id", "", "required", "a gate needs an id")
	}
	if strings.TrimSpace(g.Title) == "" {
		ps.add("title", "", "required", "a gate needs a title")
	}
	return ps
}

// Check validates a recorded result against the gate: a failure must carry
// its reason.
func (g Gate) Check(r GateResult) []Problem {
	var ps problems
	if !r.Pass && strings.TrimSpace(r.Reason) == "" {
		ps.add("reason", "", "required", "a failed gate needs its recorded reason")
	}
	return ps
}

// Assess explains a recorded result.
func (g Gate) Assess(r GateResult) GateAssessment {
	verdict := "passed"
	if !r.Pass {
		verdict = "failed"
	}
	text := fmt.Sprintf("%s: %s", g.Title, verdict)
	if reason := strings.TrimSpace(r.Reason); reason != "" {
		text += " — " + reason
	}
	if evidence := strings.TrimSpace(r.Evidence); evidence != "" {
		text += " (evidence: " + evidence + ")"
	}
	return GateAssessment{Pass: r.Pass, Text: text}
}
