package calendar

import (
	"time"

	"github.com/tenderscore/tenderscore/date"
)

// Sources of the rows.
const (
	// SourceGovUK is GOV.UK's published list of bank holidays.
	SourceGovUK = "GOV.UK bank holidays (www.gov.uk/bank-holidays, bank-holidays.json)"
	// SourceSchedule1 is the Act's list of the days for each division.
	SourceSchedule1 = "Banking and Financial Dealings Act 1971 Sch. 1"
	// SourceExpected marks a day expected by royal proclamation.
	SourceExpected = "Banking and Financial Dealings Act 1971 s.1(2)–(3), (5): expected royal proclamation"
)

// Easter returns Easter Day in the Gregorian calendar (the anonymous
// Gregorian algorithm), from which Good Friday (two days before) and Easter
// Monday (the day after) follow.
func Easter(year int) date.Date {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date.On(year, time.Month(month), day)
}

func weekend(d date.Date) bool { return d.Weekday() == time.Saturday || d.Weekday() == time.Sunday }

// observed returns d, or the next weekday not already taken.
func observed(d date.Date, taken ...date.Date) date.Date {
	for weekend(d) || containsDate(taken, d) {
		d = d.AddDays(1)
	}
	return d
}

func containsDate(ds []date.Date, d date.Date) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

// nthMonday returns the n-th Monday of a month (n = -1 for the last).
func nthMonday(year int, m time.Month, n int) date.Date {
	if n < 0 {
		d := date.On(year, m+1, 1).AddDays(-1)
		for d.Weekday() != time.Monday {
			d = d.AddDays(-1)
		}
		return d
	}
	d := date.On(year, m, 1)
	for d.Weekday() != time.Monday {
		d = d.AddDays(1)
	}
	return d.AddDays(7 * (n - 1))
}

// dayRule is one holiday as the rules give it for a year.
type dayRule struct {
	div   Division
	title string
	day   date.Date
}

// ruleDays returns every holiday of a year as the Act's Schedule 1 and the
// pattern of the yearly proclamations give them (GOV.UK's titles): a day
// falling at a weekend moves to the next weekday not already a holiday.
func ruleDays(y int) []dayRule {
	d := func(m time.Month, day int) date.Date { return date.On(y, m, day) }
	easter := Easter(y)
	goodFriday, easterMonday := easter.AddDays(-2), easter.AddDays(1)
	var out []dayRule
	add := func(div Division, title string, day date.Date) { out = append(out, dayRule{div, title, day}) }
	christmas := func(div Division) {
		c := observed(d(time.December, 25))
		add(div, "Christmas Day", c)
		add(div, "Boxing Day", observed(d(time.December, 26), c))
	}
	newYear := observed(d(time.January, 1))
	// England and Wales: Sch. 1 para 1 and the yearly proclamations.
	add(EnglandAndWales, "New Year’s Day", newYear)
	add(EnglandAndWales, "Good Friday", goodFriday)
	add(EnglandAndWales, "Easter Monday", easterMonday)
	add(EnglandAndWales, "Early May bank holiday", nthMonday(y, time.May, 1))
	add(EnglandAndWales, "Spring bank holiday", nthMonday(y, time.May, -1))
	add(EnglandAndWales, "Summer bank holiday", nthMonday(y, time.August, -1))
	christmas(EnglandAndWales)
	// Scotland: Sch. 1 para 2 and the yearly proclamations.
	add(Scotland, "New Year’s Day", newYear)
	add(Scotland, "2nd January", observed(d(time.January, 2), newYear))
	add(Scotland, "Good Friday", goodFriday)
	add(Scotland, "Early May bank holiday", nthMonday(y, time.May, 1))
	add(Scotland, "Spring bank holiday", nthMonday(y, time.May, -1))
	add(Scotland, "Summer bank holiday", nthMonday(y, time.August, 1))
	standrew := d(time.November, 30)
	if weekend(standrew) { // "if it is a Saturday or Sunday, the first Monday following that day"
		for standrew.Weekday() != time.Monday {
			standrew = standrew.AddDays(1)
		}
	}
	add(Scotland, "St Andrew’s Day", standrew)
	christmas(Scotland)
	// Northern Ireland: Sch. 1 para 3, the yearly proclamations and the
	// Secretary of State's order for 12 July (s.1(5)).
	add(NorthernIreland, "New Year’s Day", newYear)
	add(NorthernIreland, "St Patrick’s Day", observed(d(time.March, 17)))
	add(NorthernIreland, "Good Friday", goodFriday)
	add(NorthernIreland, "Easter Monday", easterMonday)
	add(NorthernIreland, "Early May bank holiday", nthMonday(y, time.May, 1))
	add(NorthernIreland, "Spring bank holiday", nthMonday(y, time.May, -1))
	add(NorthernIreland, "Battle of the Boyne (Orangemen’s Day)", observed(d(time.July, 12)))
	add(NorthernIreland, "Summer bank holiday", nthMonday(y, time.August, -1))
	christmas(NorthernIreland)
	return out
}

// basisOf says why a day is a holiday in a division, from the Act's
// Schedule 1: the days it names (with the Sunday rules it states), Good
// Friday and Christmas Day at common law in England and Wales and Northern
// Ireland, and every other day by proclamation.
func basisOf(div Division, day date.Date, title string) Basis {
	y, m, n := day.Year(), day.Month(), day.Day()
	sunday := func(mm time.Month, dd int) bool { return date.On(y, mm, dd).Weekday() == time.Sunday }
	easter := Easter(y)
	switch div {
	case Scotland:
		switch {
		case m == time.January && (n == 1 || n == 2) && !sunday(m, n),
			m == time.January && n == 3 && (sunday(m, 1) || sunday(m, 2)),
			day == easter.AddDays(-2),
			day == nthMonday(y, time.May, 1), day == nthMonday(y, time.August, 1),
			title == "St Andrew’s Day",
			m == time.December && n == 25 && !sunday(m, 25),
			m == time.December && n == 26 && sunday(m, 25):
			return Schedule1
		}
	case EnglandAndWales, NorthernIreland:
		switch {
		case day == easter.AddDays(-2), m == time.December && n == 25:
			return CommonLaw
		case day == easter.AddDays(1),
			day == nthMonday(y, time.May, -1), day == nthMonday(y, time.August, -1),
			m == time.December && n == 26 && !sunday(m, 26),
			m == time.December && n == 27 && (sunday(m, 25) || sunday(m, 26)),
			div == NorthernIreland && m == time.March && (n == 17 && !sunday(m, 17) || n == 18 && sunday(m, 17)):
			return Schedule1
		}
	}
	return Proclamation
}

// Expected returns a year's bank holidays as Schedule 1 and the pattern of
// the yearly proclamations give them, for a year GOV.UK has not yet
// published. Schedule 1 days are verified (the Act names them; a
// proclamation under s.1(2) could still move one); every other day is
// expected, not verified, until it is proclaimed.
func Expected(year int) Table {
	var t Table
	for _, r := range ruleDays(year) {
		b := basisOf(r.div, r.day, r.title)
		h := Holiday{Date: r.day, Division: r.div, Title: r.title, Basis: b, Verified: b != Proclamation}
		switch b {
		case Schedule1:
			h.Source = SourceSchedule1
		case CommonLaw:
			h.Source = "common law (Christmas Day and Good Friday), as GOV.UK lists them"
		default:
			h.Source = SourceExpected
			h.Note = "expected on the pattern of earlier years' proclamations; not yet proclaimed when this table was made"
		}
		t.Holidays = append(t.Holidays, h)
	}
	t.Holidays = sorted(t.Holidays)
	return t
}
