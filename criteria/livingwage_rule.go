package criteria

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
)

// LivingWageMethod names how the scored living-wage criterion gives marks.
type LivingWageMethod string

// Living-wage scoring methods; a policy chooses one.
const (
	// ScoreAccreditation gives each accreditation status a declared share of
	// the marks.
	ScoreAccreditation LivingWageMethod = "accreditation"
	// ScoreHourlyRate scores the committed hourly rate relative to the
	// applicable living wage: below it 0, at it the declared AtRate share,
	// rising linearly to full marks at (1 + Premium) × the applicable rate.
	ScoreHourlyRate LivingWageMethod = "hourly-rate"
)

// AccreditationShares are the shares of the marks (0 to 1) for each status.
// A better status may not score less than a worse one.
type AccreditationShares struct {
	Accredited     decimal.Decimal `json:"accredited"`
	WorkingTowards decimal.Decimal `json:"workingTowards"`
	None           decimal.Decimal `json:"none"`
}

func (s AccreditationShares) of(a Accreditation) decimal.Decimal {
	switch a {
	case Accredited:
		return s.Accredited
	case WorkingTowards:
		return s.WorkingTowards
	}
	return s.None
}

// LivingWageRule is the scored variant of the living wage: instead of
// passing or failing, a bid earns a share of the criterion's marks, by its
// accreditation status or by its committed hourly rate. It is assessed per
// bid, like [QualityRule].
type LivingWageRule struct {
	// Method is how marks are given.
	Method LivingWageMethod `json:"method"`
	// Region and Rule decide the applicable living wage (hourly-rate method).
	Region Region   `json:"region,omitempty"`
	Rule   RateRule `json:"rule,omitempty"`
	// Shares are the accreditation method's shares of the marks.
	Shares *AccreditationShares `json:"shares,omitempty"`
	// AtRate is the hourly-rate method's share of the marks for committing
	// exactly the applicable rate (0 to 1).
	AtRate decimal.Decimal `json:"atRate,omitzero"`
	// Premium is the hourly-rate method's rate above the applicable living
	// wage, as a fraction of it, that earns full marks: 0.1 for 10% above.
	Premium decimal.Decimal `json:"premium,omitzero"`
}

// Validate reports every problem with the rule itself.
func (r LivingWageRule) Validate() []Problem {
	var ps problems
	share := func(f string, d decimal.Decimal) bool {
		if !ps.size(f, d) {
			return false
		}
		if d.Sign() < 0 || d.Cmp(decimal.NewFromInt(1)) > 0 {
			ps.add(f, d.String(), "share", "a share of the marks lies from 0 to 1")
			return false
		}
		return true
	}
	switch r.Method {
	case ScoreAccreditation:
		if r.Shares == nil {
			ps.add("shares", "", "required", "declare the share of the marks for each accreditation status")
			break
		}
		okA := share("shares.accredited", r.Shares.Accredited)
		okW := share("shares.workingTowards", r.Shares.WorkingTowards)
		okN := share("shares.none", r.Shares.None)
		if okA && okW && r.Shares.WorkingTowards.Cmp(r.Shares.Accredited) > 0 {
			ps.add("shares.workingTowards", r.Shares.WorkingTowards.String(), "ordered", "working towards accreditation may not score more than being accredited (%s)", exact.Plain(r.Shares.Accredited))
		}
		if okW && okN && r.Shares.None.Cmp(r.Shares.WorkingTowards) > 0 {
			ps.add("shares.none", r.Shares.None.String(), "ordered", "no accreditation may not score more than working towards it (%s)", exact.Plain(r.Shares.WorkingTowards))
		}
	case ScoreHourlyRate:
		ps.regionRule(r.Region, r.Rule)
		share("atRate", r.AtRate)
		if ps.size("premium", r.Premium) && r.Premium.Sign() <= 0 {
			ps.add("premium", r.Premium.String(), "positive", "declare how far above the applicable rate earns full marks, as a fraction: 0.1 for 10%%")
		}
	default:
		ps.add("method", string(r.Method), "one-of", "unknown living-wage method; want %q or %q", ScoreAccreditation, ScoreHourlyRate)
	}
	if r.Method == ScoreAccreditation && (r.Region != "" || r.Rule != "" || !r.AtRate.IsZero() || !r.Premium.IsZero()) {
		ps.add("method", string(r.Method), "accreditation-only", "region, rule, atRate and premium apply only to the %q method", ScoreHourlyRate)
	}
	if r.Method == ScoreHourlyRate && r.Shares != nil {
		ps.add("shares", "", "hourly-rate", "shares apply only to the %q method", ScoreAccreditation)
	}
	return ps
}

// Describe says how the criterion is scored.
func (r LivingWageRule) Describe() string {
	switch r.Method {
	case ScoreAccreditation:
		if r.Shares == nil {
			break
		}
		return fmt.Sprintf("Living Wage Foundation accreditation: accredited %s, working towards %s, none %s of the marks available",
			exact.Plain(r.Shares.Accredited), exact.Plain(r.Shares.WorkingTowards), exact.Plain(r.Shares.None))
	case ScoreHourlyRate:
		s, _ := r.Region.Scheme()
		return fmt.Sprintf("the lowest hourly rate committed to anyone working on the contract, including regularly contracted staff, against the %s (%s, %s): below it 0; at it %s of the marks; rising linearly to full marks at %s above it",
			s.Name(), r.Region.Name(), r.Rule.Describe(), exact.Plain(r.AtRate), percent(r.Premium))
	}
	return string(r.Method)
}

// Check reports problems with a bid's commitment, relative to it.
func (r LivingWageRule) Check(c LivingWageCommitment) []Problem { return checkLivingWage(c) }

// Assess scores one commitment. rates and on are used by the hourly-rate
// method only (the engine passes the day the procurement commenced).
func (r LivingWageRule) Assess(c LivingWageCommitment, rates RateTable, on date.Date) (Assessment, error) {
	if ps := r.Validate(); len(ps) > 0 {
		return Assessment{}, fmt.Errorf("living wage rule: %s", ps[0])
	}
	if ps := r.Check(c); len(ps) > 0 {
		return Assessment{}, fmt.Errorf("living wage commitment: %s", ps[0])
	}
	rec := &livingWageRecord{rule: r, c: c}
	if r.Method == ScoreAccreditation {
		rec.value = exact.Whole(r.Shares.of(c.Accreditation))
		return Assessment{Value: rec.value, rec: rec}, nil
	}
	ar, err := rates.ForRegion(r.Region, on, r.Rule)
	if err != nil {
		return Assessment{}, err
	}
	rec.ar = &ar
	lw := ar.Rate.Hourly
	rec.rate = lw
	if c.HourlyRate != nil {
		rec.rate = *c.HourlyRate
	}
	switch {
	case !c.AtLeastApplicable && c.HourlyRate == nil:
		rec.zero = lwNoCommitment
	case !c.IncludesContractedStaff:
		rec.zero = lwNotContracted
	case rec.rate.Cmp(lw) < 0:
		rec.zero = lwBelowRate
	}
	if rec.zero != 0 {
		rec.value = exact.Zero
		return Assessment{Value: rec.value, rec: rec}, nil
	}
	premium, _ := exact.NewFraction(rec.rate.Sub(lw), r.Premium.Mul(lw)) // (rate − lw) ÷ (premium × lw); premium × lw > 0, validated
	rec.above = premium
	capped := premium.Min(exact.One)
	base := exact.Whole(r.AtRate)
	rec.value = base.Add(exact.One.Sub(base).Mul(capped))
	return Assessment{Value: rec.value, rec: rec}, nil
}

// Why a living wage commitment scores nothing under the hourly-rate method.
const (
	lwNoCommitment = iota + 1
	lwNotContracted
	lwBelowRate
)

// livingWageRecord is the explanation record of one living wage
// assessment: the commitment, the applicable rate looked up (hourly-rate
// method), the rate counted and the exact share above it.
type livingWageRecord struct {
	rule  LivingWageRule
	c     LivingWageCommitment
	ar    *AppliedRate
	rate  decimal.Decimal
	zero  int // why it scores 0, if it does
	above exact.Fraction
	value exact.Fraction
}

func (l *livingWageRecord) input() string       { return l.c.describe() }
func (l *livingWageRecord) rationale() []string { return nil }

func (l *livingWageRecord) notes() []Step {
	if l.zero == lwNotContracted {
		return []Step{step("a living-wage commitment must cover everyone working on the contract, including regularly contracted staff")}
	}
	return nil
}

func (l *livingWageRecord) working() []Step {
	r, c := l.rule, l.c
	if r.Method == ScoreAccreditation {
		return []Step{step(fmt.Sprintf("%s: %s of the marks", c.Accreditation.Name(), exact.Plain(r.Shares.of(c.Accreditation))))}
	}
	lw := l.ar.Rate.Hourly
	w := []Step{step("applicable rate: " + l.ar.String())}
	switch l.zero {
	case lwNoCommitment:
		return append(w, step("no living-wage commitment: 0"))
	case lwNotContracted:
		return append(w, step("the commitment does not cover regularly contracted staff: 0"))
	case lwBelowRate:
		return append(w, step(fmt.Sprintf("%s is below the applicable %s: 0", exact.Money(l.rate), exact.Money(lw))))
	}
	if c.HourlyRate == nil {
		w = append(w, step(fmt.Sprintf("commits to the applicable rate, so taken as %s", exact.Money(lw))))
	}
	text := fmt.Sprintf("(%s − %s) ÷ (%s × %s) = %s", exact.Money(l.rate), exact.Money(lw), percent(r.Premium), exact.Money(lw), l.above)
	if l.above.Cmp(exact.One) > 0 {
		text += ", limited to 1"
	}
	return append(w,
		step(text),
		step(fmt.Sprintf("%s + (1 − %s) × %s = %s", exact.Plain(r.AtRate), exact.Plain(r.AtRate), l.above.Min(exact.One), l.value)))
}
