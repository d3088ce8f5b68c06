package calendar_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/calendar"
	"github.com/tenderscore/tenderscore/date"
)

func day(s string) date.Date {
	d, err := date.Parse(s)
	if err != nil {
		panic(err) // test data only
	}
	return d
}

// dates returns the days of a division's holidays in a year, in order.
func dates(t calendar.Table, div calendar.Division, year int) []string {
	var out []string
	for _, h := range t.Holidays {
		if h.Division == div && h.Date.Year() == year {
			out = append(out, h.Date.String())
		}
	}
	slices.Sort(out)
	return out
}

func TestBuiltInTable(t *testing.T) {
	tb := calendar.UKBankHolidays()
	require.NoError(t, tb.Validate())
	first, last, ok := tb.Years()
	require.True(t, ok)
	assert.Equal(t, 2024, first)
	assert.Equal(t, 2030, last)
	for y := 2024; y <= 2030; y++ {
		assert.True(t, tb.Covers(y), "%d", y)
		// England and Wales 8, Scotland 9, Northern Ireland 10 a year (GOV.UK 2024–2027).
		assert.Len(t, dates(tb, calendar.EnglandAndWales, y), 8, "%d", y)
		assert.Len(t, dates(tb, calendar.Scotland, y), 9, "%d", y)
		assert.Len(t, dates(tb, calendar.NorthernIreland, y), 10, "%d", y)
	}
	assert.False(t, tb.Covers(2023))
	assert.False(t, tb.Covers(2031))
	for _, h := range tb.Holidays {
		assert.NotEmpty(t, h.Source, h.String())
		if h.Date.Year() <= calendar.LastPublishedYear {
			assert.True(t, h.Verified, "GOV.UK rows are verified: %s %s", h.Date, h)
			assert.Equal(t, calendar.SourceGovUK, h.Source)
		}
	}
	// A fresh table on every call: changing one leaves the next alone.
	tb.Holidays[0].Title = "changed"
	assert.NotEqual(t, "changed", calendar.UKBankHolidays().Holidays[0].Title)
}

// TestExpectedReproducesGovUK checks the rules Expected applies (Schedule 1
// and the pattern of the proclamations) against GOV.UK's published days for
// every year the built-in table takes from GOV.UK: the same days in every
// division.
func TestExpectedReproducesGovUK(t *testing.T) {
	tb := calendar.UKBankHolidays()
	for y := calendar.FirstBuiltInYear; y <= calendar.LastPublishedYear; y++ {
		ex := calendar.Expected(y)
		for _, div := range calendar.Divisions() {
			assert.Equal(t, dates(tb, div, y), dates(ex, div, y), "%s %d", div, y)
		}
	}
}

// TestExpected2028To2030 checks the worked-out years against dates worked
// by hand from Schedule 1 and the proclamation pattern, with the calendar:
// 1 January 2028 is a Saturday and 2 January a Sunday (so New Year's Day
// moves to Monday 3 and Scotland's 2nd January to Tuesday 4); Easter Day is
// 16 April 2028, 1 April 2029, 21 April 2030; 17 March 2029 is a Saturday
// (Monday 19 by proclamation) and 17 March 2030 a Sunday (18 March, Sch. 1
// para 3); 30 November 2030 is a Saturday (Monday 2 December, Sch. 1 para 2).
func TestExpected2028To2030(t *testing.T) {
	tb := calendar.UKBankHolidays()
	want := map[calendar.Division]map[int][]string{
		calendar.EnglandAndWales: {
			2028: {"2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"},
			2029: {"2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27", "2029-12-25", "2029-12-26"},
			2030: {"2030-01-01", "2030-04-19", "2030-04-22", "2030-05-06", "2030-05-27", "2030-08-26", "2030-12-25", "2030-12-26"},
		},
		calendar.Scotland: {
			2028: {"2028-01-03", "2028-01-04", "2028-04-14", "2028-05-01", "2028-05-29", "2028-08-07", "2028-11-30", "2028-12-25", "2028-12-26"},
			2029: {"2029-01-01", "2029-01-02", "2029-03-30", "2029-05-07", "2029-05-28", "2029-08-06", "2029-11-30", "2029-12-25", "2029-12-26"},
			2030: {"2030-01-01", "2030-01-02", "2030-04-19", "2030-05-06", "2030-05-27", "2030-08-05", "2030-12-02", "2030-12-25", "2030-12-26"},
		},
		calendar.NorthernIreland: {
			2028: {"2028-01-03", "2028-03-17", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-07-12", "2028-08-28", "2028-12-25", "2028-12-26"},
			2029: {"2029-01-01", "2029-03-19", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-07-12", "2029-08-27", "2029-12-25", "2029-12-26"},
			2030: {"2030-01-01", "2030-03-18", "2030-04-19", "2030-04-22", "2030-05-06", "2030-05-27", "2030-07-12", "2030-08-26", "2030-12-25", "2030-12-26"},
		},
	}
	for div, years := range want {
		for y, days := range years {
			assert.Equal(t, days, dates(tb, div, y), "%s %d", div, y)
		}
	}
}

func TestEaster(t *testing.T) {
	// Easter Day; GOV.UK's Good Fridays 2024–2027 are two days before.
	for y, want := range map[int]string{2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28",
		2028: "2028-04-16", 2029: "2029-04-01", 2030: "2030-04-21"} {
		assert.Equal(t, want, calendar.Easter(y).String(), "%d", y)
		assert.Equal(t, time.Sunday, calendar.Easter(y).Weekday())
	}
}

// TestBasis checks the basis of a row against Schedule 1 of the Banking and
// Financial Dealings Act 1971.
func TestBasis(t *testing.T) {
	tb := calendar.UKBankHolidays()
	cases := []struct {
		day  string
		div  calendar.Division
		want calendar.Basis
		why  string
	}{
		{"2026-11-30", calendar.Scotland, calendar.Schedule1, "Sch. 1 para 2: 30th November"},
		{"2025-12-01", calendar.Scotland, calendar.Schedule1, "Sch. 1 para 2: 30 November a Sunday, the first Monday following"},
		{"2026-04-03", calendar.EnglandAndWales, calendar.CommonLaw, "Good Friday is not in para 1"},
		{"2026-04-03", calendar.Scotland, calendar.Schedule1, "Good Friday is in para 2"},
		{"2026-01-01", calendar.EnglandAndWales, calendar.Proclamation, "New Year's Day is not in para 1: proclaimed each year"},
		{"2026-07-13", calendar.NorthernIreland, calendar.Proclamation, "12 July is not in para 3"},
		{"2024-03-18", calendar.NorthernIreland, calendar.Schedule1, "para 3: 17 March a Sunday, 18 March"},
		{"2027-12-27", calendar.EnglandAndWales, calendar.Schedule1, "para 1: 27 December in a year in which 26 December is a Sunday"},
		{"2027-12-28", calendar.EnglandAndWales, calendar.Proclamation, "a substitute day beyond Schedule 1"},
		{"2026-05-25", calendar.Scotland, calendar.Proclamation, "the last Monday in May is not in para 2"},
	}
	for _, c := range cases {
		hs := tb.On(day(c.day), c.div)
		require.Len(t, hs, 1, c.day)
		assert.Equal(t, c.want, hs[0].Basis, c.why)
	}
	for _, h := range tb.Holidays {
		if h.Date.Year() > calendar.LastPublishedYear {
			assert.Equal(t, h.Basis != calendar.Proclamation, h.Verified, "expected rows are verified only when Schedule 1 or common law gives them: %s %s", h.Date, h)
		}
	}
}

func TestWithAndUpdate(t *testing.T) {
	base := calendar.UKBankHolidays()
	oneOff := calendar.Holiday{Date: day("2029-06-08"), Division: calendar.EnglandAndWales, Title: "Fictional jubilee bank holiday",
		Basis: calendar.Proclamation, Source: "a fictional proclamation for the test", Verified: true}
	with := base.With(oneOff)
	require.NoError(t, with.Validate())
	assert.Len(t, with.Holidays, len(base.Holidays)+1)
	assert.Len(t, base.Holidays, len(calendar.UKBankHolidays().Holidays), "With leaves its table alone")
	// A row on the same day and division replaces the old one.
	moved := calendar.Holiday{Date: day("2028-01-03"), Division: calendar.EnglandAndWales, Title: "New Year’s Day",
		Basis: calendar.Proclamation, Source: "proclamation", Verified: true}
	replaced := base.With(moved)
	require.Len(t, replaced.On(day("2028-01-03"), calendar.EnglandAndWales), 1)
	assert.True(t, replaced.On(day("2028-01-03"), calendar.EnglandAndWales)[0].Verified)
	// Update replaces a whole division-year: a proclamation that moved a day
	// leaves no stale expected day behind.
	proclaimed := calendar.Table{Holidays: []calendar.Holiday{
		{Date: day("2028-01-04"), Division: calendar.EnglandAndWales, Title: "New Year’s Day (moved)", Source: calendar.SourceGovUK, Verified: true},
	}}
	up := base.Update(proclaimed)
	assert.Equal(t, []string{"2028-01-04"}, dates(up, calendar.EnglandAndWales, 2028))
	assert.Equal(t, dates(base, calendar.Scotland, 2028), dates(up, calendar.Scotland, 2028), "other divisions stay")
}

func TestValidate(t *testing.T) {
	bad := calendar.Table{Holidays: []calendar.Holiday{
		{Date: day("2031-01-01"), Division: "wales", Title: "New Year’s Day", Source: "x"},
		{Division: calendar.Scotland, Title: "", Source: ""},
		{Date: day("2031-01-01"), Division: calendar.Scotland, Title: "a\x1b[31mb", Source: "x", Basis: "custom"},
		{Date: day("2031-01-01"), Division: calendar.Scotland, Title: "again", Source: "x"},
	}}
	err := bad.Validate()
	var ve *calendar.Error
	require.True(t, errors.As(err, &ve))
	var fields []string
	for _, p := range ve.Problems {
		fields = append(fields, p.Field+" "+p.Rule)
	}
	assert.Equal(t, []string{
		"holidays[0].division one-of",
		"holidays[1].date required", "holidays[1].title required", "holidays[1].source required",
		"holidays[2].basis one-of", "holidays[2].title no-control",
		"holidays[3].date unique",
	}, fields)
	assert.NotContains(t, err.Error(), "\x1b", "no control character reaches a message")
}
