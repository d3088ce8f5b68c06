package calendar_test

import (
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/calendar"
	"github.com/tenderscore/tenderscore/date"
)

// ExampleWorkingDays_PeriodEnd counts eight working days from Thursday 26
// November 2026 in any part of the United Kingdom: St Andrew's Day,
// Monday 30 November, is a Scottish bank holiday and so not a working day.
func ExampleWorkingDays_PeriodEnd() {
	w := calendar.UKBankHolidays().AnyPart()
	end, skipped, err := w.PeriodEnd(date.On(2026, 11, 26), 8)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("eighth working day:", end.Long())
	for _, s := range skipped {
		fmt.Println("  not a working day:", s)
	}
	// Output:
	// eighth working day: 8 December 2026
	//   not a working day: Saturday 28 November 2026
	//   not a working day: Sunday 29 November 2026
	//   not a working day: Monday 30 November 2026, St Andrew’s Day (Scotland)
	//   not a working day: Saturday 5 December 2026
	//   not a working day: Sunday 6 December 2026
}

// ExampleUKBankHolidays shows a day's holidays in each division, and a
// worked-out year's proclaimed day marked as expected.
func ExampleUKBankHolidays() {
	tb := calendar.UKBankHolidays()
	for _, h := range tb.On(date.On(2027, 12, 28)) {
		fmt.Println(h, "—", h.Note)
	}
	nyd := tb.On(date.On(2028, 1, 3), calendar.EnglandAndWales)[0]
	fmt.Println(nyd, "verified:", nyd.Verified)
	// Output:
	// Boxing Day (England and Wales) — substitute day
	// Boxing Day (Scotland) — substitute day
	// Boxing Day (Northern Ireland) — substitute day
	// New Year’s Day (England and Wales) verified: false
}

// ExampleLoadGovUK extends the built-in table with a year from GOV.UK's own
// file format.
func ExampleLoadGovUK() {
	in := `{"england-and-wales": {"division": "england-and-wales", "events": [
	  {"title": "New Year’s Day", "date": "2031-01-01", "notes": "", "bunting": true}]},
	"scotland": {"division": "scotland", "events": [
	  {"title": "New Year’s Day", "date": "2031-01-01", "notes": "", "bunting": true}]},
	"northern-ireland": {"division": "northern-ireland", "events": [
	  {"title": "New Year’s Day", "date": "2031-01-01", "notes": "", "bunting": true}]}}`
	more, err := calendar.LoadGovUK(strings.NewReader(in))
	if err != nil {
		fmt.Println(err)
		return
	}
	tb := calendar.UKBankHolidays().Update(more)
	fmt.Println("covers 2031:", tb.Covers(2031))
	// Output:
	// covers 2031: true
}

// ExampleTable_With adds a one-off bank holiday, as a royal proclamation
// might appoint one (s.1(3) of the 1971 Act); this one is fictional.
func ExampleTable_With() {
	tb := calendar.UKBankHolidays().With(calendar.Holiday{
		Date: date.On(2029, 6, 8), Division: calendar.EnglandAndWales, Title: "Fictional jubilee bank holiday",
		Basis: calendar.Proclamation, Source: "a fictional proclamation", Verified: true,
	})
	ok, why, err := tb.AnyPart().Day(date.On(2029, 6, 8))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("working day:", ok, "—", why)
	// Output:
	// working day: false — Friday 8 June 2029, Fictional jubilee bank holiday (England and Wales)
}

// ExampleWorkingDays_OnOrAfter finds the next working day in Northern
// Ireland after the Battle of the Boyne holiday of 2026 (12 July a Sunday,
// so Monday 13 July).
func ExampleWorkingDays_OnOrAfter() {
	d, skipped, err := calendar.UKBankHolidays().In(calendar.NorthernIreland).OnOrAfter(date.On(2026, 7, 12))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Long(), "after", len(skipped), "non-working days")
	// Output:
	// 14 July 2026 after 2 non-working days
}

// ExampleExpected works out a year from Schedule 1 of the 1971 Act and the
// pattern of the proclamations: Scotland's St Andrew's Day 2030 falls on a
// Saturday, so the first Monday following (Sch. 1 para 2).
func ExampleExpected() {
	for _, h := range calendar.Expected(2030).Holidays {
		if h.Title == "St Andrew’s Day" {
			fmt.Println(h.Date.Long(), h.Basis, h.Verified)
		}
	}
	// Output:
	// 2 December 2030 schedule-1 true
}

// ExampleLoadJSON reads a table written as JSON.
func ExampleLoadJSON() {
	tb, err := calendar.LoadJSON(strings.NewReader(`{"holidays": [
	  {"date": "2031-01-01", "division": "scotland", "title": "New Year’s Day", "basis": "schedule-1",
	   "source": "Banking and Financial Dealings Act 1971 Sch. 1", "verified": true}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(tb.Holidays[0])
	_, err = calendar.LoadJSON(strings.NewReader(`{"holidays": [{"date": "2031-01-01", "division": "wales", "title": "x", "source": "y"}]}`))
	fmt.Println(err)
	// Output:
	// New Year’s Day (Scotland)
	// bank holiday table JSON: 1 problem
	//   holidays[0].division: want england-and-wales, scotland or northern-ireland (value "wales", rule one-of)
}
