package criteria

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// HoursPerFTEYear is the Living Wage Foundation's full-time year: 37.5 hours
// × 52 weeks (docs/sources/living-wage.md).
const HoursPerFTEYear = 1950

// AnnualPay returns an hourly rate's pay for one full-time year of
// [HoursPerFTEYear] hours: £14.80 × 1,950 = £28,860.00.
func AnnualPay(hourly decimal.Decimal) decimal.Decimal {
	return hourly.Mul(decimal.NewFromInt(HoursPerFTEYear))
}

// UpliftCost returns the annual cost of moving fte full-time-equivalent
// workers from one hourly rate to another, at [HoursPerFTEYear] hours each:
// fte × (to − from) × 1,950, exactly, with the working. fte must not be
// negative, both rates must be money amounts, and to must not be below from.
func UpliftCost(fte, from, to decimal.Decimal) (decimal.Decimal, Step, error) {
	var ps problems
	if ps.size("fte", fte) && fte.Sign() < 0 {
		ps.add("fte", fte.String(), "non-negative", "a number of FTE cannot be negative")
	}
	okF := ps.money("from", from)
	okT := ps.money("to", to)
	if okF && okT && to.Cmp(from) < 0 {
		ps.add("to", to.String(), "not-below-from", "the new rate is below the current rate %s", exact.Money(from))
	}
	if len(ps) > 0 {
		return decimal.Zero, Step{}, fmt.Errorf("uplift cost: %s", ps[0])
	}
	cost := fte.Mul(to.Sub(from)).Mul(decimal.NewFromInt(HoursPerFTEYear))
	return cost, step(fmt.Sprintf("%s FTE × (%s − %s) × %s hours = %s a year", exact.Plain(fte), exact.Money(to),
		exact.Money(from), exact.Group(decimal.NewFromInt(HoursPerFTEYear), 0), exact.Money(cost))), nil
}

// Accreditation is a bidder's Living Wage Foundation accreditation status.
type Accreditation string

// Accreditation statuses, from least to most.
const (
	NotAccredited  Accreditation = "none"
	WorkingTowards Accreditation = "working-towards"
	Accredited     Accreditation = "accredited"
)

// Accreditations lists the statuses from least to most.
func Accreditations() []Accreditation {
	return []Accreditation{NotAccredited, WorkingTowards, Accredited}
}

// rank orders the statuses; -1 for an unknown one.
func (a Accreditation) rank() int { return slices.Index(Accreditations(), a) }

// Name returns the status in words.
func (a Accreditation) Name() string {
	switch a {
	case NotAccredited:
		return "not accredited"
	case WorkingTowards:
		return "working towards accreditation"
	case Accredited:
		return "accredited"
	}
	return string(a)
}

// LivingWageCommitment is a bid's living-wage commitment for the contract.
type LivingWageCommitment struct {
	// AtLeastApplicable is a commitment to pay at least the applicable living
	// wage (as it is uprated) to everyone working on the contract.
	AtLeastApplicable bool `json:"atLeastApplicable,omitempty"`
	// HourlyRate, when set, is the lowest hourly rate committed to anyone
	// working on the contract. With AtLeastApplicable as well, it must not be
	// below the applicable rate either.
	HourlyRate *decimal.Decimal `json:"hourlyRate,omitempty"`
	// IncludesContractedStaff says the commitment covers regularly
	// contracted staff as well as direct employees (Living Wage Foundation
	// accreditation: on the employer's premises 2+ hours a day, on any day,
	// for 8+ consecutive weeks a year; docs/sources/living-wage.md).
	IncludesContractedStaff bool `json:"includesContractedStaff"`
	// Accreditation is the bidder's status, always recorded ("none" when
	// none).
	Accreditation Accreditation `json:"accreditation"`
	// Evidence names what the commitment rests on ("LWF accreditation no. …").
	Evidence string `json:"evidence,omitempty"`
}

// checkLivingWage reports problems with a commitment, relative to it.
func checkLivingWage(c LivingWageCommitment) []Problem {
	var ps problems
	if c.HourlyRate != nil {
		ps.money("hourlyRate", *c.HourlyRate)
	}
	if c.Accreditation.rank() < 0 {
		ps.add("accreditation", string(c.Accreditation), "one-of", "record the accreditation status: %q, %q or %q", NotAccredited, WorkingTowards, Accredited)
	}
	return ps
}

// describe says what was committed.
func (c LivingWageCommitment) describe() string {
	var s string
	switch {
	case c.AtLeastApplicable && c.HourlyRate != nil:
		s = fmt.Sprintf("at least the applicable living wage, and no less than %s an hour", exact.Money(*c.HourlyRate))
	case c.AtLeastApplicable:
		s = "at least the applicable living wage"
	case c.HourlyRate != nil:
		s = fmt.Sprintf("at least %s an hour", exact.Money(*c.HourlyRate))
	default:
		return fmt.Sprintf("no living-wage commitment; %s", c.Accreditation.Name())
	}
	if c.IncludesContractedStaff {
		s += " to everyone working on the contract, including regularly contracted staff"
	} else {
		s += " to direct employees, not regularly contracted staff"
	}
	return s + "; " + c.Accreditation.Name()
}
