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

// Of returns the given day, or an error saying why it does not exist:
// "2026-02-30: February 2026 has no day 30".
func Of(year int, month time.Month, day int) (Date, error) {
	written := fmt.Sprintf("%04d-%02d-%02d", year, int(month), day)
	if msg := why(year, month, day); msg != "" {
		return Date{}, fmt.Errorf("%s: %s", written, msg)
	}
	return Date{year: year, month: month, day: day}, nil
}

// why says what is wrong with a day that does not exist, or "".
func why(year int, month time.Month, day int) string {
	switch {
	case year < 0 || year > 9999:
		return fmt.Sprintf("the year %d is not one of four digits", year)
	case month < time.January || month > time.December:
		return fmt.Sprintf("there is no month %d: months run from 01 to 12", int(month))
	case day < 1 || day > daysIn(year, month):
		return fmt.Sprintf("%s %d has no day %d", month, year, day)
	}
	return ""
}

// daysIn returns the number of days in a month.
func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
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

// Parse reads "YYYY-MM-DD". Its error says what is wrong: the form
// ("24/02/2026: want a date written YYYY-MM-DD, such as 2026-02-24") or the
// day ("2026-02-30: February 2026 has no day 30").
func Parse(s string) (Date, error) {
	if !written(s) {
		shown := s
		if r := []rune(s); len(r) > 40 {
			shown = string(r[:40]) + "…"
		}
		return Date{}, fmt.Errorf("%q: want a date written YYYY-MM-DD, such as 2026-02-24", shown)
	}
	year, month, day := digits(s[0:4]), time.Month(digits(s[5:7])), digits(s[8:10])
	if msg := why(year, month, day); msg != "" {
		return Date{}, fmt.Errorf("%s: %s", s, msg)
	}
	return Date{year: year, month: month, day: day}, nil
}

// written reports whether s has the form of Layout: four digits, a dash,
// two digits, a dash, two digits.
func written(s string) bool {
	if len(s) != len(Layout) {
		return false
	}
	for i := range len(s) {
		switch {
		case i == 4 || i == 7:
			if s[i] != '-' {
				return false
			}
		case s[i] < '0' || s[i] > '9':
			return false
		}
	}
	return true
}

// digits reads a run of ASCII digits.
func digits(s string) int {
	n := 0
	for i := range len(s) {
		n = n*10 + int(s[i]-'0')
	}
	return n
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
