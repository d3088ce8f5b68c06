package criteria

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
)

// Scheme names a series of wage rates.
type Scheme string

// Wage rate series (docs/sources/living-wage.md).
const (
	// RealLivingWage is the Living Wage Foundation's voluntary UK rate
	// outside London, announced each autumn.
	RealLivingWage Scheme = "real-living-wage"
	// LondonLivingWage is the Living Wage Foundation's voluntary London
	// rate, announced with the Real Living Wage.
	LondonLivingWage Scheme = "london-living-wage"
	// NationalLivingWage is the statutory minimum (age threshold varies by
	// year), in force from 1 April each year. It is a legal floor, not the
	// voluntary living wage a council asks for.
	NationalLivingWage Scheme = "national-living-wage"
)

// Schemes lists the rate series in a fixed order.
func Schemes() []Scheme { return []Scheme{RealLivingWage, LondonLivingWage, NationalLivingWage} }

// Name returns the series' name as people write it: "London Living Wage".
func (s Scheme) Name() string {
	switch s {
	case RealLivingWage:
		return "Real Living Wage"
	case LondonLivingWage:
		return "London Living Wage"
	case NationalLivingWage:
		return "National Living Wage"
	}
	return string(s)
}

// Region is where the contract's work is done; it decides which voluntary
// living wage applies.
type Region string

// Regions.
const (
	// London: the London Living Wage applies.
	London Region = "london"
	// RestOfUK is the United Kingdom outside London: the Real Living Wage
	// applies.
	RestOfUK Region = "rest-of-uk"
)

// Scheme returns the living wage that applies in the region.
func (r Region) Scheme() (Scheme, error) {
	switch r {
	case London:
		return LondonLivingWage, nil
	case RestOfUK:
		return RealLivingWage, nil
	}
	return "", fmt.Errorf("unknown region %q (want %q or %q)", r, London, RestOfUK)
}

// Name returns the region as people write it.
func (r Region) Name() string {
	switch r {
	case London:
		return "London"
	case RestOfUK:
		return "the UK outside London"
	}
	return string(r)
}

// RateRule says which row of a rate table applies on a date. The voluntary
// rates are announced each autumn and employers implement them within about
// six months, so the two rules give different answers between November and
// May (docs/sources/living-wage.md).
type RateRule string

// Rate rules.
const (
	// RateAnnounced takes the rate announced most recently on or before the
	// date. A statutory rate with no announcement date recorded counts from
	// the day it is in force.
	RateAnnounced RateRule = "announced"
	// RateImplementBy takes the rate employers must pay by the date: the
	// latest whose implement-by (or, for the National Living Wage, in-force)
	// date is on or before it. Where the table gives no implement-by date, six
	// months after the announcement is presumed and the explanation says so.
	RateImplementBy RateRule = "implement-by"
)

// Describe states the rule in words.
func (r RateRule) Describe() string {
	switch r {
	case RateAnnounced:
		return "the rate announced most recently on or before that date"
	case RateImplementBy:
		return "the rate employers must pay by that date"
	}
	return string(r)
}

// Confidence is how sure the module's sources are of a fact
// (docs/sources/README.md explains the marks).
type Confidence string

// Confidence marks.
const (
	// ConfidenceHigh: a primary source (legislation, gov.uk, the rate-setter) or
	// several independent sources agree.
	ConfidenceHigh Confidence = "high"
	// ConfidenceMedium: one good secondary source.
	ConfidenceMedium Confidence = "medium"
	// ConfidenceLow: inferred or a single third-party source.
	ConfidenceLow Confidence = "low"
)

// Rate is one row of a rate table.
type Rate struct {
	// Scheme is the series the rate belongs to.
	Scheme Scheme `json:"scheme"`
	// Hourly is the rate in pounds an hour, in whole pence.
	Hourly decimal.Decimal `json:"hourly"`
	// Announced is the day the rate was announced. Required for the
	// voluntary rates; may be zero for the National Living Wage.
	Announced date.Date `json:"announced,omitzero"`
	// ImplementBy is the day employers are asked to pay the rate by (for the
	// National Living Wage: the day it is in force, 1 April). Zero when the
	// rate-setter gave none (see [RateImplementBy]).
	ImplementBy date.Date `json:"implementBy,omitzero"`
	// Confidence is how sure the source is of the rate.
	Confidence Confidence `json:"confidence"`
	// Verified is false when any part of the row (a day, the amount) is
	// presumed rather than taken from the source; lookups say so but never
	// fail because of it.
	Verified bool `json:"verified"`
	// Source names where the rate comes from.
	Source string `json:"source"`
	// Note records anything a reader should know (an age threshold, a
	// presumed day).
	Note string `json:"note,omitempty"`
}

// PresumedImplementMonths is how long after an announcement a voluntary rate
// is presumed to be implemented when the table gives no implement-by day:
// "to be implemented within about six months" (docs/sources/living-wage.md).
const PresumedImplementMonths = 6

// RateTableSpanMonths is how long the latest row of a series is taken to
// answer lookups. Rates are set every year, so a date more than twelve
// months after the latest row's date is outside the table: the caller must
// add that year's rate (with [RateTable.With]) rather than silently use a
// stale one.
const RateTableSpanMonths = 12

// due returns the day a rule takes the rate from and whether that day is
// presumed (not in the row).
func (r Rate) due(rule RateRule) (date.Date, bool) {
	switch rule {
	case RateAnnounced:
		if r.Announced.IsZero() {
			return r.ImplementBy, true
		}
		return r.Announced, false
	default:
		if r.ImplementBy.IsZero() {
			return r.Announced.AddMonths(PresumedImplementMonths), true
		}
		return r.ImplementBy, false
	}
}

// RateTable is data: rows of hourly rates for one or more series. Tables are
// values; the functions that return the built-in tables build a fresh one on
// each call, and [RateTable.With] returns a new table, so callers can add
// next year's rates without a new release of this library. A table read from
// JSON ([LoadRateTableJSON]) works the same way.
type RateTable struct {
	Rates []Rate `json:"rates"`
}

const (
	lwfSource = "Living Wage Foundation (livingwage.org.uk)"
	nlwSource = "National Minimum Wage Regulations 2015, as amended each April (statutory)"
)

// LivingWageRates returns the Real Living Wage, London Living Wage and
// National Living Wage rows from docs/sources/living-wage.md, as a fresh
// table.
//
// Confidence: docs/sources/living-wage.md marks the National Living Wage HIGH except 2017
// (LOW, so that row is unverified). It gives no mark for the voluntary rates;
// they are the rate-setter's own figures and are marked HIGH here. Rows with a
// presumed day are unverified: the 2016 and 2017 announcements ("autumn" in
// the sources; 1 November presumed) and the 2025 rates' implement-by day
// ("1 May 2026, presumed").
func LivingWageRates() RateTable {
	d := date.On
	type row struct {
		announced   date.Date
		implementBy date.Date
		rlw, llw    string
		verified    bool
		note        string
	}
	autumn := "announced autumn %d; the day is not recorded: 1 November presumed"
	rows := []row{
		{d(2016, time.November, 1), date.Date{}, "8.45", "9.75", false, fmt.Sprintf(autumn, 2016)},
		{d(2017, time.November, 1), date.Date{}, "8.75", "10.20", false, fmt.Sprintf(autumn, 2017)},
		{d(2018, time.November, 5), date.Date{}, "9.00", "10.55", true, ""},
		{d(2019, time.November, 11), d(2020, time.May, 1), "9.30", "10.75", true, ""},
		{d(2020, time.November, 9), date.Date{}, "9.50", "10.85", true, ""},
		{d(2021, time.November, 15), d(2022, time.May, 15), "9.90", "11.05", true, ""},
		{d(2022, time.September, 22), d(2023, time.May, 14), "10.90", "11.95", true, ""},
		{d(2023, time.October, 24), d(2024, time.May, 1), "12.00", "13.15", true, ""},
		{d(2024, time.October, 23), d(2025, time.May, 1), "12.60", "13.85", true, ""},
		{d(2025, time.October, 22), d(2026, time.May, 1), "13.45", "14.80", false, "implement-by day 1 May 2026 is presumed, not confirmed"},
	}
	var t RateTable
	for _, r := range rows {
		for _, s := range []struct {
			scheme Scheme
			hourly string
		}{{RealLivingWage, r.rlw}, {LondonLivingWage, r.llw}} {
			t.Rates = append(t.Rates, Rate{Scheme: s.scheme, Hourly: decimal.RequireFromString(s.hourly),
				Announced: r.announced, ImplementBy: r.implementBy, Confidence: ConfidenceHigh, Verified: r.verified,
				Source: lwfSource, Note: r.note})
		}
	}
	nlw := []struct {
		year   int
		hourly string
		conf   Confidence
		note   string
	}{
		{2016, "7.20", ConfidenceHigh, "age 25 and over"},
		{2017, "7.50", ConfidenceLow, "age 25 and over; one third-party source only (LOW): unverified"},
		{2018, "7.83", ConfidenceHigh, "age 25 and over"},
		{2019, "8.21", ConfidenceHigh, "age 25 and over"},
		{2020, "8.72", ConfidenceHigh, "age 25 and over"},
		{2021, "8.91", ConfidenceHigh, "age 23 and over"},
		{2022, "9.50", ConfidenceHigh, "age 23 and over"},
		{2023, "10.42", ConfidenceHigh, "age 23 and over"},
		{2024, "11.44", ConfidenceHigh, "age 21 and over"},
		{2025, "12.21", ConfidenceHigh, "age 21 and over"},
		{2026, "12.71", ConfidenceHigh, "age 21 and over"},
	}
	for _, n := range nlw {
		t.Rates = append(t.Rates, Rate{Scheme: NationalLivingWage, Hourly: decimal.RequireFromString(n.hourly),
			ImplementBy: d(n.year, time.April, 1), Confidence: n.conf, Verified: n.conf != ConfidenceLow,
			Source: nlwSource, Note: n.note})
	}
	return t
}

// With returns a new table holding t's rows and the given ones, ordered by
// series and date. t is not changed. Call [RateTable.Validate] on the result
// to catch a duplicate or malformed row; lookups refuse an invalid series.
func (t RateTable) With(rates ...Rate) RateTable {
	out := RateTable{Rates: make([]Rate, 0, len(t.Rates)+len(rates))}
	out.Rates = append(out.Rates, t.Rates...)
	out.Rates = append(out.Rates, rates...)
	slices.SortStableFunc(out.Rates, func(a, b Rate) int {
		if c := strings.Compare(string(a.Scheme), string(b.Scheme)); c != 0 {
			return c
		}
		ad, _ := a.due(RateAnnounced)
		bd, _ := b.due(RateAnnounced)
		return ad.Compare(bd)
	})
	return out
}

// money reports an amount that is not a positive amount of pounds in whole
// pence; it returns true when the amount is fine.
func (ps *problems) money(field string, d decimal.Decimal) bool {
	if !ps.size(field, d) {
		return false
	}
	if d.Sign() <= 0 {
		ps.add(field, d.String(), "positive", "an amount of money must be more than zero")
		return false
	}
	if !d.Equal(d.Truncate(2)) {
		ps.add(field, d.String(), "money", "not a money amount: pounds and whole pence, at most two decimal places")
		return false
	}
	return true
}

// Validate reports every problem with the table: an unknown series, an
// hourly rate that is not a money amount, a missing day, a day out of order,
// two rows of one series for the same day, an unmarked confidence or
// source. Fields are relative to the table ("rates[3].hourly").
func (t RateTable) Validate() []Problem {
	var ps problems
	type key struct {
		s Scheme
		d date.Date
	}
	announced := map[key]int{}
	due := map[key]int{}
	for i, r := range t.Rates {
		f := fmt.Sprintf("rates[%d]", i)
		if !slices.Contains(Schemes(), r.Scheme) {
			ps.add(f+".scheme", string(r.Scheme), "one-of", "unknown rate series; want one of %s", joinSchemes())
		}
		ps.money(f+".hourly", r.Hourly)
		switch {
		case r.Scheme == NationalLivingWage && r.ImplementBy.IsZero():
			ps.add(f+".implementBy", "", "required", "a statutory rate needs the day it is in force")
		case r.Scheme != NationalLivingWage && r.Announced.IsZero():
			ps.add(f+".announced", "", "required", "a voluntary rate needs the day it was announced")
		}
		if !r.Announced.IsZero() && !r.ImplementBy.IsZero() && r.ImplementBy.Before(r.Announced) {
			ps.add(f+".implementBy", r.ImplementBy.String(), "after-announced", "the implement-by day is before the announcement (%s)", r.Announced)
		}
		if !r.Announced.IsZero() {
			k := key{r.Scheme, r.Announced}
			if j, dup := announced[k]; dup {
				ps.add(f+".announced", r.Announced.String(), "unique", "rates[%d] already has a %s rate announced that day", j, r.Scheme.Name())
			} else {
				announced[k] = i
			}
		}
		if d, _ := r.due(RateImplementBy); !d.IsZero() {
			k := key{r.Scheme, d}
			if j, dup := due[k]; dup {
				ps.add(f+".implementBy", d.String(), "unique", "rates[%d] already has a %s rate due that day", j, r.Scheme.Name())
			} else {
				due[k] = i
			}
		}
		if r.Confidence != ConfidenceHigh && r.Confidence != ConfidenceMedium && r.Confidence != ConfidenceLow {
			ps.add(f+".confidence", string(r.Confidence), "one-of", "mark how sure the source is: %q, %q or %q", ConfidenceHigh, ConfidenceMedium, ConfidenceLow)
		}
		if strings.TrimSpace(r.Source) == "" {
			ps.add(f+".source", "", "required", "say where the rate comes from")
		}
	}
	return ps
}

func joinSchemes() string {
	var s []string
	for _, k := range Schemes() {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

// AppliedRate is the answer to a rate lookup, with what it rests on.
type AppliedRate struct {
	// Rate is the row applied.
	Rate Rate
	// Region is the region asked about; empty when looked up by series.
	Region Region
	// On is the date asked about.
	On date.Date
	// Rule is the rule applied.
	Rule RateRule
	// From is the day the rule counts the row from: its announcement or the
	// day it must be paid by.
	From date.Date
	// Presumed is true when From is not in the row but presumed (see
	// [RateRule]).
	Presumed bool
}

// String names the rate, region, date and rule: "London Living Wage £13.85
// an hour in London on 4 February 2026 (the rate employers must pay by that
// date: announced 23 October 2024, to be paid by 1 May 2025)".
func (a AppliedRate) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s an hour", a.Rate.Scheme.Name(), exact.Money(a.Rate.Hourly))
	if a.Region != "" {
		fmt.Fprintf(&b, " in %s", a.Region.Name())
	}
	fmt.Fprintf(&b, " on %s (%s: ", a.On.Long(), a.Rule.Describe())
	var parts []string
	if !a.Rate.Announced.IsZero() {
		parts = append(parts, "announced "+a.Rate.Announced.Long())
	}
	switch {
	case a.Rule == RateAnnounced && a.Presumed:
		parts = append(parts, "no announcement day recorded, so counted from the day it is in force, "+a.From.Long())
	case a.Rule == RateImplementBy && a.Presumed:
		parts = append(parts, fmt.Sprintf("no implement-by day in the table, so %s (six months after the announcement) presumed", a.From.Long()))
	case a.Rate.Scheme == NationalLivingWage && !a.Rate.ImplementBy.IsZero():
		parts = append(parts, "in force from "+a.Rate.ImplementBy.Long())
	case !a.Rate.ImplementBy.IsZero():
		parts = append(parts, "to be paid by "+a.Rate.ImplementBy.Long())
	}
	b.WriteString(strings.Join(parts, ", "))
	b.WriteString(")")
	if !a.Rate.Verified {
		note := a.Rate.Note
		if note == "" {
			note = "the row is not marked verified"
		}
		b.WriteString(Unverified(note))
	}
	return b.String()
}

// Lookup returns the rate of series s in force on a date under rule. It is an
// error when the date is before the series' first row, more than
// [RateTableSpanMonths] after its last (add that year's rate), or when the
// series' rows are invalid.
func (t RateTable) Lookup(s Scheme, on date.Date, rule RateRule) (AppliedRate, error) {
	if !slices.Contains(Schemes(), s) {
		return AppliedRate{}, fmt.Errorf("unknown rate series %q; want one of %s", s, joinSchemes())
	}
	if rule != RateAnnounced && rule != RateImplementBy {
		return AppliedRate{}, fmt.Errorf("unknown rate rule %q; want %q or %q", rule, RateAnnounced, RateImplementBy)
	}
	if on.IsZero() {
		return AppliedRate{}, errors.New("a rate lookup needs a date")
	}
	var rows []Rate
	for _, r := range t.Rates {
		if r.Scheme == s {
			rows = append(rows, r)
		}
	}
	if ps := (RateTable{Rates: rows}).Validate(); len(ps) > 0 {
		return AppliedRate{}, fmt.Errorf("the %s rows of the rate table are invalid: %s", s.Name(), ps[0])
	}
	if len(rows) == 0 {
		return AppliedRate{}, fmt.Errorf("the rate table has no %s rows", s.Name())
	}
	slices.SortStableFunc(rows, func(a, b Rate) int {
		ad, _ := a.due(rule)
		bd, _ := b.due(rule)
		return ad.Compare(bd)
	})
	first, _ := rows[0].due(rule)
	if on.Before(first) {
		return AppliedRate{}, fmt.Errorf("no %s rate for %s under the rule %q (%s): the table starts at %s",
			s.Name(), on, rule, rule.Describe(), first)
	}
	k := 0
	for i, r := range rows {
		if d, _ := r.due(rule); !d.After(on) {
			k = i
		}
	}
	from, presumed := rows[k].due(rule)
	if k == len(rows)-1 {
		if end := from.AddMonths(RateTableSpanMonths); !on.Before(end) {
			return AppliedRate{}, fmt.Errorf("no %s rate for %s under the rule %q: the table's latest row counts from %s and rates are set every year, so it answers only for dates before %s; add the later rate with RateTable.With",
				s.Name(), on, rule, from, end)
		}
	}
	return AppliedRate{Rate: rows[k], On: on, Rule: rule, From: from, Presumed: presumed}, nil
}

// ForRegion returns the living wage in force in a region on a date under
// rule: the London Living Wage in London, the Real Living Wage elsewhere.
func (t RateTable) ForRegion(r Region, on date.Date, rule RateRule) (AppliedRate, error) {
	s, err := r.Scheme()
	if err != nil {
		return AppliedRate{}, err
	}
	a, err := t.Lookup(s, on, rule)
	if err != nil {
		return AppliedRate{}, err
	}
	a.Region = r
	return a, nil
}

// LoadRateTableJSON reads a rate table written as {"rates": [{"scheme":
// "london-living-wage", "hourly": "15.50", "announced": "2026-10-20",
// "implementBy": "2027-05-01", "confidence": "high", "verified": true,
// "source": "…"}]}, the form json.Marshal writes. Unknown fields are refused.
// Every problem is reported at once in a [*DecodeError] whose fields are
// paths in the document ("rates[3].hourly").
func LoadRateTableJSON(r io.Reader) (RateTable, error) {
	const what = "rate table JSON"
	data, err := readAll(r, what)
	if err != nil {
		return RateTable{}, err
	}
	top, err := decodeObject(data, what)
	if err != nil {
		return RateTable{}, err
	}
	var ps problems
	doc := &jsonObject{m: top, ps: &ps, used: map[string]bool{}}
	rows, ok := doc.array("rates")
	if !ok && len(ps) == 0 {
		ps.add("rates", "", "required", "a rate table needs its rates")
	}
	doc.unknown()
	var t RateTable
	for i, raw := range rows {
		o, ok := newJSONObject(fmt.Sprintf("rates[%d]", i), raw, &ps)
		if !ok {
			continue
		}
		var rt Rate
		rt.Scheme = Scheme(o.str("scheme"))
		h, present, _ := o.number("hourly")
		if !present {
			ps.add(o.field("hourly"), "", "required", "each rate needs its hourly amount")
		}
		rt.Hourly = h
		rt.Announced = o.day("announced")
		rt.ImplementBy = o.day("implementBy")
		rt.Confidence = Confidence(o.str("confidence"))
		rt.Verified = o.boolean("verified")
		rt.Source = o.str("source")
		rt.Note = o.str("note")
		o.unknown()
		t.Rates = append(t.Rates, rt)
	}
	if len(ps) == 0 {
		ps = append(ps, t.Validate()...)
	}
	if len(ps) > 0 {
		return RateTable{}, &DecodeError{What: what, Problems: ps}
	}
	return t.With(), nil
}

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
	if strings.TrimSpace(g.ID) == "" {
		ps.add("id", "", "required", "a gate needs an id")
	}
	if strings.TrimSpace(g.Title) == "" {
		ps.add("title", "", "required", "a gate needs a title")
	}
	ps.gateKind(g.Kind)
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
