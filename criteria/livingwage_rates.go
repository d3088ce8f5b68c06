package criteria

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
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
	t := livingWageRates()
	t.Rates = slices.Clone(t.Rates) // fresh: a caller's change never reaches the next
	return t
}

// livingWageRates is the table, read from its rows once: every tender
// validated and prepared without its own table reads it, twice.
var livingWageRates = sync.OnceValue(readLivingWageRates)

func readLivingWageRates() RateTable {
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
