package frameworks

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/date"
)

// LocalPolicy is an authority's own rule for its evaluation models, declared
// by the caller: a minimum weight for social value, for lots above a value,
// for procurements commenced in a period. Councils set their own minimums
// (PPN 002 does not bind them); breaking one is an error when the policy's
// source is verified, else a warning.
type LocalPolicy struct {
	// Name identifies the policy in findings.
	Name string `json:"name"`
	// Authority is the buyer the policy binds, matched with the tender's
	// Authority.Name ignoring case; empty binds every tender checked with it.
	Authority string `json:"authority,omitempty"`
	// MinSocialValuePercent is the least weight social value criteria must
	// carry, as a percentage of the total score (of the quality score under
	// price per quality point).
	MinSocialValuePercent decimal.Decimal `json:"minSocialValuePercent"`
	// AppliesAbove, when not zero, limits the policy to lots whose estimated
	// value is more than this amount.
	AppliesAbove decimal.Decimal `json:"appliesAbove"`
	// From and Until bound the commencement dates the policy applies to,
	// both inclusive; zero is open.
	From  date.Date `json:"from"`
	Until date.Date `json:"until"`
	// Source is the policy document.
	Source Source `json:"source"`
}

// binds reports whether the policy applies to a tender's authority.
func (p LocalPolicy) binds(authority string) bool {
	return p.Authority == "" || strings.EqualFold(strings.TrimSpace(p.Authority), strings.TrimSpace(authority))
}

// inForce reports whether the policy applies to a procurement commenced on
// the given day.
func (p LocalPolicy) inForce(commenced date.Date) bool {
	return (p.From.IsZero() || !commenced.Before(p.From)) && (p.Until.IsZero() || !commenced.After(p.Until))
}

// CroydonSocialValue returns the London Borough of Croydon's policy: social
// value at least 10% of the evaluation (docs/sources/social-value.md,
// HIGH).
func CroydonSocialValue() LocalPolicy {
	return LocalPolicy{
		Name:                  "Croydon social value minimum",
		Authority:             "London Borough of Croydon",
		MinSocialValuePercent: decimal.NewFromInt(10),
		Source:                verified("London Borough of Croydon social value policy: at least 10%"),
	}
}

// HammersmithFulhamSocialValue returns the London Borough of Hammersmith &
// Fulham's policy: social value at least 10% of the total for contracts
// above £100,000 (docs/sources/social-value.md, HIGH).
func HammersmithFulhamSocialValue() LocalPolicy {
	return LocalPolicy{
		Name:                  "Hammersmith & Fulham social value minimum",
		Authority:             "London Borough of Hammersmith & Fulham",
		MinSocialValuePercent: decimal.NewFromInt(10),
		AppliesAbove:          decimal.NewFromInt(100000),
		Source:                verified("London Borough of Hammersmith & Fulham social value policy: at least 10% above £100,000"),
	}
}

// PPN002Mandatory returns the day PPN 002 became mandatory for in-scope
// central government bodies: 1 October 2025.
func PPN002Mandatory() date.Date { return date.On(2025, time.October, 1) }

// PPN0620From returns the day PPN 06/20 applied from: procurements from
// 1 January 2021 under PCR 2015.
func PPN0620From() date.Date { return date.On(2021, time.January, 1) }

// SI202694InForce returns the day the Local Government (Exclusion of
// Non-commercial Considerations) (England) Order 2026 (SI 2026/94) came
// into force: 4 February 2026.
func SI202694InForce() date.Date { return date.On(2026, time.February, 4) }

func validatePolicy(ps *problems, path string, p LocalPolicy) {
	if strings.TrimSpace(p.Name) == "" {
		ps.add(path+".name", "", "required", "a local policy needs a name")
	}
	if ps.number(path+".minSocialValuePercent", p.MinSocialValuePercent) && (p.MinSocialValuePercent.Sign() < 0 || p.MinSocialValuePercent.Cmp(decimal.NewFromInt(100)) > 0) {
		ps.add(path+".minSocialValuePercent", p.MinSocialValuePercent.String(), "percent", "a minimum is a percentage from 0 to 100")
	}
	if ps.number(path+".appliesAbove", p.AppliesAbove) && p.AppliesAbove.Sign() < 0 {
		ps.add(path+".appliesAbove", p.AppliesAbove.String(), "non-negative", "a value cannot be negative")
	}
	if !p.From.IsZero() && !p.Until.IsZero() && p.Until.Before(p.From) {
		ps.add(path+".until", p.Until.String(), "after-from", "the policy ends before it starts (%s)", p.From)
	}
	if p.Source.Cite == "" {
		ps.add(path+".source.cite", "", "required", "a local policy needs its source (the policy document)")
	}
}
