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
