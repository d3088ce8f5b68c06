package criteria

import (
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
)

// LivingWageGate is a pass/fail requirement that the bidder pays at least the
// applicable living wage to everyone working on the contract, including
// regularly contracted staff. Unlike [Gate], the decision is computed from
// the bid's commitment and the rate in force, not recorded by an evaluator.
//
// Whether a council may require the London Living Wage is a legal judgement
// (Local Government Act 1988 s.17; Public Services (Social Value) Act 2012):
// the policy declares it, the library does not forbid it
// (docs/sources/living-wage.md).
type LivingWageGate struct {
	// ID identifies the gate; bids key their commitment by it.
	ID string `json:"id"`
	// Title names the requirement.
	Title string `json:"title"`
	// Kind says whether the gate is a condition of participation or an
	// award-stage requirement (see [GateKind]); required. A commitment to
	// pay a living wage to the people working on the contract is about the
	// tender, so usually an [AwardRequirement].
	Kind GateKind `json:"kind"`
	// Region decides which living wage applies.
	Region Region `json:"region"`
	// Rule decides which row of the rate table applies on the date.
	Rule RateRule `json:"rule"`
	// MinAccreditation, when set, is the least accreditation status that
	// passes (Croydon's Good Employer Charter: accredited or working towards
	// it, so [WorkingTowards]). When empty the status is recorded only.
	MinAccreditation Accreditation `json:"minAccreditation,omitempty"`
	// Source says where the requirement comes from.
	Source string `json:"source,omitempty"`
}

// regionRule reports an unknown region or rate rule.
func (ps *problems) regionRule(region Region, rule RateRule) {
	if _, err := region.Scheme(); err != nil {
		ps.add("region", string(region), "one-of", "say where the work is done: %q (London Living Wage) or %q (Real Living Wage)", London, RestOfUK)
	}
	if rule != RateAnnounced && rule != RateImplementBy {
		ps.add("rule", string(rule), "one-of", "say which rate applies on a date: %q (%s) or %q (%s)",
			RateAnnounced, RateAnnounced.Describe(), RateImplementBy, RateImplementBy.Describe())
	}
}

// Validate reports problems with the gate itself.
func (g LivingWageGate) Validate() []Problem {
	var ps problems
	ps.gateHead(g.ID, g.Title, g.Kind)
	ps.regionRule(g.Region, g.Rule)
	if g.MinAccreditation != "" && g.MinAccreditation.rank() < 0 {
		ps.add("minAccreditation", string(g.MinAccreditation), "one-of", "want %q, %q or %q, or leave it empty to record the status only", NotAccredited, WorkingTowards, Accredited)
	}
	return ps
}

// Describe says what the gate requires, for a published methodology.
func (g LivingWageGate) Describe() string {
	s, _ := g.Region.Scheme()
	text := fmt.Sprintf("pass/fail: the bidder commits to pay at least the %s (%s, %s) to everyone working on the contract, including regularly contracted staff",
		s.Name(), g.Region.Name(), g.Rule.Describe())
	if g.MinAccreditation != "" && g.MinAccreditation != NotAccredited {
		text += fmt.Sprintf(", and is at least %s with the Living Wage Foundation", g.MinAccreditation.Name())
	}
	return text
}

// Check reports problems with a bid's commitment, relative to it
// ("hourlyRate", "accreditation"). A bid that commits to nothing is not a
// problem: it fails the gate.
func (g LivingWageGate) Check(c LivingWageCommitment) []Problem { return checkLivingWage(c) }

// Rate returns the applicable living wage for the gate on a date.
func (g LivingWageGate) Rate(rates RateTable, on date.Date) (AppliedRate, error) {
	return rates.ForRegion(g.Region, on, g.Rule)
}

// Assess decides the gate for one commitment: the applicable rate is looked
// up in rates for the gate's region on the given date (the engine passes the
// day the procurement commenced) under the gate's rule. It passes when the
// bid commits to at least that rate, covers regularly contracted staff, and
// meets any minimum accreditation. The text names the rate, region, date and
// rule. An invalid commitment or a date outside the table is an error.
func (g LivingWageGate) Assess(c LivingWageCommitment, rates RateTable, on date.Date) (GateAssessment, error) {
	if ps := g.Validate(); len(ps) > 0 {
		return GateAssessment{}, fmt.Errorf("living wage gate: %s", ps[0])
	}
	if ps := g.Check(c); len(ps) > 0 {
		return GateAssessment{}, fmt.Errorf("living wage commitment: %s", ps[0])
	}
	ar, err := g.Rate(rates, on)
	if err != nil {
		return GateAssessment{}, err
	}
	var fails []string
	if !c.AtLeastApplicable && c.HourlyRate == nil {
		fails = append(fails, "no commitment to pay the living wage")
	}
	if c.HourlyRate != nil && c.HourlyRate.Cmp(ar.Rate.Hourly) < 0 {
		fails = append(fails, fmt.Sprintf("the committed %s an hour is below the applicable %s", exact.Money(*c.HourlyRate), exact.Money(ar.Rate.Hourly)))
	}
	if (c.AtLeastApplicable || c.HourlyRate != nil) && !c.IncludesContractedStaff {
		fails = append(fails, "the commitment does not cover regularly contracted staff")
	}
	if g.MinAccreditation != "" && c.Accreditation.rank() < g.MinAccreditation.rank() {
		fails = append(fails, fmt.Sprintf("%s, and at least %s is required", c.Accreditation.Name(), g.MinAccreditation.Name()))
	}
	verdict := "passed"
	if len(fails) > 0 {
		verdict = "failed — " + strings.Join(fails, "; ")
	}
	text := fmt.Sprintf("%s: %s. Commitment: %s. Applicable rate: %s", g.Title, verdict, c.describe(), ar)
	if c.Evidence != "" {
		text += " (evidence: " + c.Evidence + ")"
	}
	return GateAssessment{Pass: len(fails) == 0, Text: text}, nil
}
