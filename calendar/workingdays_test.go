package calendar_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/calendar"
)

// TestPeriodEnd counts periods of working days by hand, writing out the
// calendar: a holiday in one part of the United Kingdom only is a
// non-working day in "any part", and not in another division alone.
func TestPeriodEnd(t *testing.T) {
	tb := calendar.UKBankHolidays()
	cases := []struct {
		name    string
		w       calendar.WorkingDays
		start   string
		n       int
		want    string
		skipped []string
	}{
		{"St Andrew's Day counts in any part: Thu 26, Fri 27 Nov 2026; Sat 28, Sun 29, Mon 30 (St Andrew's, Scotland) skipped; Tue 1 – Fri 4 Dec; Sat 5, Sun 6; Mon 7, Tue 8",
			tb.AnyPart(), "2026-11-26", 8, "2026-12-08", []string{"2026-11-28", "2026-11-29", "2026-11-30", "2026-12-05", "2026-12-06"}},
		{"England and Wales alone: Mon 30 Nov 2026 is a working day, so the 8th is Mon 7 Dec",
			tb.In(calendar.EnglandAndWales), "2026-11-26", 8, "2026-12-07", []string{"2026-11-28", "2026-11-29", "2026-12-05", "2026-12-06"}},
		{"St Patrick's Day (Northern Ireland) Tue 17 Mar 2026: Mon 16; 17 skipped; Wed 18 – Fri 20; Sat 21, Sun 22; Mon 23 – Thu 26",
			tb.AnyPart(), "2026-03-16", 8, "2026-03-26", []string{"2026-03-17", "2026-03-21", "2026-03-22"}},
		{"the Battle of the Boyne (Northern Ireland) Mon 12 Jul 2027: Fri 9; Sat 10, Sun 11, Mon 12 skipped; Tue 13 – Fri 16; Sat 17, Sun 18; Mon 19 – Wed 21",
			tb.AnyPart(), "2027-07-09", 8, "2027-07-21", []string{"2027-07-10", "2027-07-11", "2027-07-12", "2027-07-17", "2027-07-18"}},
		{"Easter 2026: Wed 1, Thu 2 Apr; Good Friday 3, Sat 4, Sun 5, Easter Monday 6 skipped; Tue 7 – Fri 10; Sat 11, Sun 12; Mon 13, Tue 14",
			tb.AnyPart(), "2026-04-01", 8, "2026-04-14", []string{"2026-04-03", "2026-04-04", "2026-04-05", "2026-04-06", "2026-04-11", "2026-04-12"}},
		{"Christmas 2026: Wed 23, Thu 24; Fri 25 – Mon 28 (Boxing Day substitute) skipped; Tue 29 – Thu 31; Fri 1 Jan 2027 – Mon 4 (2nd January substitute, Scotland) skipped; Tue 5 – Thu 7",
			tb.AnyPart(), "2026-12-23", 8, "2027-01-07", []string{"2026-12-25", "2026-12-26", "2026-12-27", "2026-12-28", "2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"}},
		{"a period of one working day beginning with a working day ends that day", tb.AnyPart(), "2026-03-02", 1, "2026-03-02", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			end, skipped, err := c.w.PeriodEnd(day(c.start), c.n)
			require.NoError(t, err)
			assert.Equal(t, c.want, end.String())
			var got []string
			for _, s := range skipped {
				got = append(got, s.Date.String())
			}
			assert.Equal(t, c.skipped, got)
		})
	}
}

func TestDay(t *testing.T) {
	tb := calendar.UKBankHolidays()
	ok, why, err := tb.AnyPart().Day(day("2026-11-30"))
	require.NoError(t, err)
	assert.False(t, ok)
	assert.Equal(t, "Monday 30 November 2026, St Andrew’s Day (Scotland)", why.String())
	ok, _, err = tb.In(calendar.NorthernIreland).Day(day("2026-11-30"))
	require.NoError(t, err)
	assert.True(t, ok, "St Andrew's Day is not a holiday in Northern Ireland")
	ok, why, err = tb.AnyPart().Day(day("2026-03-14"))
	require.NoError(t, err)
	assert.False(t, ok)
	assert.True(t, why.Weekend)
	assert.Equal(t, "Saturday 14 March 2026", why.String())

	_, _, err = tb.AnyPart().Day(day("2031-03-03"))
	assert.ErrorContains(t, err, "no rows for 2031", "a year the table does not cover is an error, never a guess")
	assert.ErrorContains(t, err, "2024 to 2030")
	var zero calendar.WorkingDays
	_, _, err = zero.Day(day("2026-03-03"))
	assert.Error(t, err)
	_, _, err = tb.AnyPart().PeriodEnd(day("2026-03-02"), 0)
	assert.ErrorContains(t, err, "want from 1 to 366")
	_, _, err = tb.AnyPart().PeriodEnd(day("2030-12-20"), 20)
	assert.ErrorContains(t, err, "no rows for 2031", "a period running past the table's last year")
}

func TestOnOrAfter(t *testing.T) {
	tb := calendar.UKBankHolidays()
	// Fri 25 Dec 2026 (Christmas): Sat 26, Sun 27, Mon 28 (Boxing Day substitute), so Tue 29.
	d, skipped, err := tb.In(calendar.EnglandAndWales).OnOrAfter(day("2026-12-25"))
	require.NoError(t, err)
	assert.Equal(t, "2026-12-29", d.String())
	assert.Len(t, skipped, 4)
	d, skipped, err = tb.AnyPart().OnOrAfter(day("2026-03-03"))
	require.NoError(t, err)
	assert.Equal(t, "2026-03-03", d.String())
	assert.Empty(t, skipped)
	assert.Equal(t, "Saturdays, Sundays and bank holidays in any part of the United Kingdom", tb.AnyPart().Describe())
	assert.Equal(t, "Saturdays, Sundays and bank holidays in Scotland", tb.In(calendar.Scotland).Describe())
}
