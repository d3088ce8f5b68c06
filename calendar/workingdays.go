package calendar

import (
	"fmt"
	"strings"
	"time"

	"github.com/tenderscore/tenderscore/date"
)

// WorkingDays decides which days are working days: every day but
// Saturdays, Sundays and the bank holidays of the chosen divisions in a
// table. The zero value has no table and answers every question with an
// error.
type WorkingDays struct {
	table Table
	divs  []Division
}

// AnyPart counts as a non-working day every bank holiday in any part of the
// United Kingdom: the Procurement Act 2023's working day (s.123(1)).
func (t Table) AnyPart() WorkingDays { return WorkingDays{table: t, divs: Divisions()} }

// In counts as non-working days the bank holidays of one division only.
func (t Table) In(d Division) WorkingDays { return WorkingDays{table: t, divs: []Division{d}} }

// Divisions returns the divisions whose bank holidays count.
func (w WorkingDays) Divisions() []Division { return append([]Division(nil), w.divs...) }

// Describe says which days are not working days: "Saturdays, Sundays and
// bank holidays in any part of the United Kingdom".
func (w WorkingDays) Describe() string {
	if len(w.divs) == len(Divisions()) {
		return "Saturdays, Sundays and bank holidays in any part of the United Kingdom"
	}
	var names []string
	for _, d := range w.divs {
		names = append(names, d.Name())
	}
	return "Saturdays, Sundays and bank holidays in " + strings.Join(names, ", ")
}

// NonWorkingDay is a day that is not a working day, and why.
type NonWorkingDay struct {
	Date date.Date `json:"date"`
	// Weekend is true for a Saturday or Sunday.
	Weekend bool `json:"weekend,omitempty"`
	// Holidays are the bank holidays on the day in the divisions counted.
	Holidays []Holiday `json:"holidays,omitempty"`
}

// String says why: "Saturday 28 November 2026" or "Monday 30 November 2026,
// St Andrew’s Day (Scotland)".
func (n NonWorkingDay) String() string {
	s := n.Date.Weekday().String() + " " + n.Date.Long()
	var hs []string
	for _, h := range n.Holidays {
		hs = append(hs, h.String())
	}
	if len(hs) > 0 {
		s += ", " + strings.Join(hs, "; ")
	}
	return s
}

// check reports a table that cannot answer for the day's year.
func (w WorkingDays) check(d date.Date) error {
	if len(w.divs) == 0 {
		return fmt.Errorf("no bank holiday table: use Table.AnyPart or Table.In")
	}
	if d.IsZero() {
		return fmt.Errorf("a working-day question needs a date")
	}
	if !w.table.Covers(d.Year(), w.divs...) {
		first, last, ok := w.table.Years()
		span := "no complete year"
		if ok {
			span = fmt.Sprintf("%d to %d", first, last)
		}
		return fmt.Errorf("%s: the bank holiday table has no rows for %d in every division counted (it covers %s); add that year with Table.Update and LoadGovUK, or Table.With", d, d.Year(), span)
	}
	return nil
}

// Day says whether a day is a working day and, if not, why.
func (w WorkingDays) Day(d date.Date) (working bool, why NonWorkingDay, err error) {
	if err := w.check(d); err != nil {
		return false, NonWorkingDay{}, err
	}
	why = NonWorkingDay{Date: d, Weekend: d.Weekday() == time.Saturday || d.Weekday() == time.Sunday,
		Holidays: w.table.On(d, w.divs...)}
	if why.Weekend || len(why.Holidays) > 0 {
		return false, why, nil
	}
	return true, NonWorkingDay{}, nil
}

// MaxPeriod bounds the working days a period may count: no statutory
// period this package serves is longer than a year.
const MaxPeriod = 366

// PeriodEnd returns the last day of the period of n working days beginning
// with start (start is the first of them when it is a working day), and
// the non-working days that fell inside the period. n must be from 1 to
// [MaxPeriod].
func (w WorkingDays) PeriodEnd(start date.Date, n int) (date.Date, []NonWorkingDay, error) {
	if n < 1 || n > MaxPeriod {
		return date.Date{}, nil, fmt.Errorf("a period of %d working days: want from 1 to %d", n, MaxPeriod)
	}
	var skipped []NonWorkingDay
	d, counted := start, 0
	for {
		ok, why, err := w.Day(d)
		if err != nil {
			return date.Date{}, nil, err
		}
		if ok {
			counted++
			if counted == n {
				return d, skipped, nil
			}
		} else {
			skipped = append(skipped, why)
		}
		d = d.AddDays(1)
	}
}

// OnOrAfter returns d when it is a working day, else the next working day,
// with the non-working days passed over.
func (w WorkingDays) OnOrAfter(d date.Date) (date.Date, []NonWorkingDay, error) {
	var skipped []NonWorkingDay
	for range MaxPeriod {
		ok, why, err := w.Day(d)
		if err != nil {
			return date.Date{}, nil, err
		}
		if ok {
			return d, skipped, nil
		}
		skipped = append(skipped, why)
		d = d.AddDays(1)
	}
	return date.Date{}, nil, fmt.Errorf("no working day within %d days of %s", MaxPeriod, d)
}
