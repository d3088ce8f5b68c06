package criteria

import (
	"fmt"
	"slices"
	"strings"
)

// Gate is a pass/fail requirement, such as "holds Cyber Essentials Plus".
// A bid that fails any gate takes no further part before it is scored. What
// that means in law turns on the gate's Kind: a supplier failing a
// condition of participation has its tender disregarded (Procurement Act
// 2023 s.19(3)(a)); a tender failing an award-stage requirement is
// disqualified under the published assessment methodology (s.23(3)(a) lets
// the methodology say that failing a criterion disqualifies; s.19(2)(a)
// requires the most advantageous tender to satisfy the authority's
// requirements).
type Gate struct {
	// ID identifies the gate; bids key their gate results by it.
	ID string `json:"id"`
	// Title names the requirement.
	Title string `json:"title"`
	// Kind says whether the gate is a condition of participation or an
	// award-stage requirement; required.
	Kind GateKind `json:"kind"`
	// Requirement says what a bid must show to pass.
	Requirement string `json:"requirement,omitempty"`
	// Source says where the requirement comes from (a policy, a standard).
	Source string `json:"source,omitempty"`
}

// GateKind says what a pass/fail requirement is in law, which decides what
// a tender failing it is owed.
type GateKind string

// Gate kinds.
const (
	// ConditionOfParticipation is a condition a supplier must satisfy to be
	// awarded the contract, about its legal and financial capacity or its
	// technical ability (Procurement Act 2023 s.22(1)). A tender from a
	// supplier that does not satisfy it must be disregarded (s.19(3)(a)): it
	// is then not an assessed tender (s.50(5)(b)) and is owed a letter saying
	// why, not an assessment summary. Under PCR 2015 the counterpart is a
	// selection criterion (reg 58).
	ConditionOfParticipation GateKind = "condition-of-participation"
	// AwardRequirement is a minimum standard the tender itself must meet
	// under the published assessment methodology (s.23(3)(a): whether
	// failing a criterion disqualifies). A tender failing it is disqualified
	// but was assessed: its summary says why the contract is not awarded to
	// it (Procurement Regulations 2024 reg 31(3)(c)).
	AwardRequirement GateKind = "award-requirement"
)

// GateKinds lists the gate kinds in a fixed order.
func GateKinds() []GateKind { return []GateKind{ConditionOfParticipation, AwardRequirement} }

// Disregards reports whether failing a gate of this kind means the tender
// is disregarded rather than disqualified.
func (k GateKind) Disregards() bool { return k == ConditionOfParticipation }

// gateKind reports a missing or unknown gate kind at field "kind".
func (ps *problems) gateKind(k GateKind) {
	switch {
	case k == "":
		ps.add("kind", "", "required", "say whether the gate is a %q (the supplier's legal and financial capacity or technical ability, PA 2023 s.22: failing it means the tender is disregarded) or an %q (a minimum standard in the assessment methodology, s.23(3)(a): failing it disqualifies the tender)",
			ConditionOfParticipation, AwardRequirement)
	case !slices.Contains(GateKinds(), k):
		ps.add("kind", string(k), "one-of", "must be %q or %q", ConditionOfParticipation, AwardRequirement)
	}
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
	ps.gateHead(g.ID, g.Title, g.Kind)
	return ps
}

// gateHead reports what every gate needs: an id, a title and its kind.
func (ps *problems) gateHead(id, title string, kind GateKind) {
	if strings.TrimSpace(id) == "" {
		ps.add("id", "", "required", "a gate needs an id")
	}
	if strings.TrimSpace(title) == "" {
		ps.add("title", "", "required", "a gate needs a title")
	}
	ps.gateKind(kind)
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
