// Package date holds Date, a calendar day with no time of day and no time
// zone, for the dates that decide which rules apply: the day a procurement
// commenced, a framework's start and end, the day a rate took effect.
//
// tenderscore never reads the clock; every date is an input.
package date

import (
	"fmt"
	"time"
)

// Date is a calendar day. The zero value is "no date" (IsZero reports it);
// it sorts before every real date.
type Date struct {
	year  int
	month time.Month
	day   int
}

// Layout is the only text form a Date reads and writes: ISO 8601, "2026-02-04".
const Layout = "2006-01-02"

// Of returns the given day, or an error if it does not exist (30 February).
func Of(year int, month time.Month, day int) (Date, error) {
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Year() != year || t.Month() != month || t.Day() != day {
		return Date{}, fmt.Errorf("%04d-%02d-%02d is not a calendar date", year, int(month), day)
	}
	return Date{year: year, month: month, day: day}, nil
}

// On returns the given day, or the zero Date when it does not exist (30
// February). It is for dates written in code — catalogues, rate tables,
// examples, tests — where the zero Date is caught by their tests; input is
// read with [Of] or [Parse], which return an error instead.
func On(year int, month time.Month, day int) Date {
	d, err := Of(year, month, day)
	if err != nil {
		return Date{}
	}
	return d
}

// Parse reads "YYYY-MM-DD".
func Parse(s string) (Date, error) {
	t, err := time.Parse(Layout, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: want a calendar date written YYYY-MM-DD", s)
	}
	return Date{year: t.Year(), month: t.Month(), day: t.Day()}, nil
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Year returns the year.
func (d Date) Year() int { return d.year }

// Month returns the month.
func (d Date) Month() time.Month { return d.month }

// Day returns the day of the month.
func (d Date) Day() int { return d.day }

// Compare returns -1, 0 or +1 as d is before, the same as, or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.year != e.year:
		return cmp(d.year, e.year)
	case d.month != e.month:
		return cmp(int(d.month), int(e.month))
	default:
		return cmp(d.day, e.day)
	}
}

func cmp(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddMonths returns the day n months later, clamped to the month's last day
// (31 January plus one month is 28 or 29 February).
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	first := time.Date(d.year, d.month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return Date{year: first.Year(), month: first.Month(), day: min(d.day, last)}
}

// AddDays returns the day n days later (earlier for a negative n). The
// zero Date stays zero.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	t := time.Date(d.year, d.month, d.day+n, 0, 0, 0, 0, time.UTC)
	return Date{year: t.Year(), month: t.Month(), day: t.Day()}
}

// Weekday returns the day of the week; the zero Date has none and gives -1.
func (d Date) Weekday() time.Weekday {
	if d.IsZero() {
		return -1
	}
	return time.Date(d.year, d.month, d.day, 0, 0, 0, 0, time.UTC).Weekday()
}

// DaysUntil returns how many days e is after d (negative when before); 0
// when either is the zero Date.
func (d Date) DaysUntil(e Date) int {
	if d.IsZero() || e.IsZero() {
		return 0
	}
	a := time.Date(d.year, d.month, d.day, 0, 0, 0, 0, time.UTC)
	b := time.Date(e.year, e.month, e.day, 0, 0, 0, 0, time.UTC)
	return int(b.Sub(a) / (24 * time.Hour))
}

// String returns "YYYY-MM-DD", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.year, int(d.month), d.day)
}

// Long returns the date as people write it in the UK: "4 February 2026".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.day, d.month, d.year)
}

// MarshalText writes "YYYY-MM-DD" (empty for the zero Date).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads "YYYY-MM-DD"; empty text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
