package score

import "github.com/tenderscore/tenderscore/exact"

// Stage is where in the evaluation a rounding applies.
type Stage string

// Rounding stages, in the order they apply.
const (
	// Normalised rounds each leaf's normalised score (0–1) before it is
	// weighted, e.g. to 3 dp as in CCS's worked example.
	Normalised Stage = "normalised"
	// LeafPoints rounds each leaf criterion's weighted points; every branch
	// and the total are then exact sums of rounded points.
	LeafPoints Stage = "points"
	// TopLevel rounds each top-level criterion's points; its sub-criteria are
	// shown unrounded, and the total is the sum of the rounded top level.
	TopLevel Stage = "criteria"
	// Total rounds the total (or, under price per quality point, the ratio).
	Total Stage = "total"
)

// Stages lists the rounding stages in the order they apply.
func Stages() []Stage { return []Stage{Normalised, LeafPoints, TopLevel, Total} }

// RoundingRule rounds values at one stage, to Places with a named Mode.
type RoundingRule struct {
	Stage  Stage      `json:"stage"`
	Places int32      `json:"places"`
	Mode   exact.Mode `json:"mode"`
}

// Rounding returns the rule's places and mode.
func (r RoundingRule) Rounding() exact.Rounding {
	return exact.Rounding{Places: r.Places, Mode: r.Mode}
}

// DefaultRounding is applied when a policy declares none: each leaf's
// weighted points to 2 dp half-up; branches and the total are the sums of
// the rounded points.
func DefaultRounding() []RoundingRule {
	return []RoundingRule{{Stage: LeafPoints, Places: 2, Mode: exact.HalfUp}}
}

func (p Policy) rounding() []RoundingRule {
	if len(p.Rounding) == 0 {
		return DefaultRounding()
	}
	return p.Rounding
}

// roundingAt returns the rule for a stage, if the policy declares one.
func roundingAt(rules []RoundingRule, s Stage) (exact.Rounding, bool) {
	for _, r := range rules {
		if r.Stage == s {
			return r.Rounding(), true
		}
	}
	return exact.Rounding{}, false
}
