package calendar_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/calendar"
	"github.com/tenderscore/tenderscore/date"
)

// TestPeriodEndProperties: for any start day and length the table covers,
// the period ends on a working day, holds exactly n working days, and every
// day it passes over is reported as not a working day; counting in one
// division never ends later than counting in any part.
func TestPeriodEndProperties(t *testing.T) {
	tb := calendar.UKBankHolidays()
	rapid.Check(t, func(t *rapid.T) {
		start := date.On(2024, 1, 1).AddDays(rapid.IntRange(0, 6*365).Draw(t, "offset"))
		n := rapid.IntRange(1, 30).Draw(t, "n")
		div := rapid.SampledFrom(calendar.Divisions()).Draw(t, "division")
		for _, w := range []calendar.WorkingDays{tb.AnyPart(), tb.In(div)} {
			end, skipped, err := w.PeriodEnd(start, n)
			if err != nil {
				t.Fatalf("%s + %d: %v", start, n, err)
			}
			if ok, _, _ := w.Day(end); !ok {
				t.Fatalf("period ends on a non-working day %s", end)
			}
			working := 0
			for d := start; !d.After(end); d = d.AddDays(1) {
				if ok, _, _ := w.Day(d); ok {
					working++
				}
			}
			if working != n {
				t.Fatalf("%s to %s holds %d working days, want %d", start, end, working, n)
			}
			if len(skipped) != start.DaysUntil(end)+1-n {
				t.Fatalf("%d days skipped, want %d", len(skipped), start.DaysUntil(end)+1-n)
			}
		}
		anyEnd, _, _ := tb.AnyPart().PeriodEnd(start, n)
		oneEnd, _, _ := tb.In(div).PeriodEnd(start, n)
		if oneEnd.After(anyEnd) {
			t.Fatalf("one division's period (%s) ends after any part's (%s)", oneEnd, anyEnd)
		}
	})
}
