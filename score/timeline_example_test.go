package score_test

import (
	"fmt"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// ExampleTender_Timeline computes a lot's award timeline from the day its
// contract award notice is published (an input, never the clock): the
// Procurement Act 2023's eight working days, which St Andrew's Day — a
// Scottish bank holiday — interrupts even for an English council.
func ExampleTender_Timeline() {
	t := score.Tender{
		ID: "NBC/IT/09", Title: "Service desk",
		Authority: score.Authority{Name: "Northbridge Borough Council", Type: score.SubCentral, Nation: score.England},
		Commenced: date.On(2026, 3, 2), Regime: score.PA2023,
		Lots: []score.Lot{{ID: "1", Title: "Service desk", TermMonths: 36}},
	}
	tl, err := t.Timeline("1", date.On(2026, 11, 26), score.TimelineOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("standstill ends:", tl.End.Long())
	fmt.Println("may be entered into from:", tl.EarliestEntry.Long())
	fmt.Println(tl.Notice, "by:", tl.NoticeDeadline.Long())
	for _, s := range tl.Steps {
		fmt.Printf("%s — %s [%s]\n", s.Date.Long(), s.What, s.Cite)
	}
	// Output:
	// standstill ends: 8 December 2026
	// may be entered into from: 9 December 2026
	// contract details notice by: 7 January 2027
	// 26 November 2026 — contract award notice published: the first of 8 working days (not working days: Saturdays, Sundays and bank holidays in any part of the United Kingdom, Procurement Act 2023 s.123(1)) [Procurement Act 2023 s.51(1)–(2)]
	// 8 December 2026 — the mandatory standstill ends at midnight at the end of this day, the eighth working day [Procurement Act 2023 s.51(1)–(2)]
	// 9 December 2026 — the first day the contract may be entered into [Procurement Act 2023 s.51(1)–(2)]
	// 7 January 2027 — the last day to publish the contract details notice: the end of the period of 30 days beginning with the day the contract is entered into (taken as 9 December 2026, the first day allowed; a later day of entry moves it) [Procurement Act 2023 s.53(1)(b)]
}
