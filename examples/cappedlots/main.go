// Command cappedlots awards a fictional three-lot IT tender run as one
// competitive tendering procedure — an open procedure under the Procurement
// Act 2023 (ss.19–20) — in which no supplier may be awarded more than two
// lots, and writes the award and the assessment summary of the bidder whose
// tender ranked first on a lot it is not awarded:
//
//	go run ./examples/cappedlots
//
// Ashcombe Borough Council (fictional) publishes the cap with an objective
// mechanism for deciding which lots a supplier gets, as s.23(4) requires:
// lots are awarded in descending order of estimated value, each to the
// highest-ranked bidder not yet holding two lots. Larkspur IT Ltd ranks
// first on all three lots; it is awarded lot 3 (hosting, the largest) and
// lot 1 (service desk), and lot 2 (device support) goes to the next-ranked
// bidder, Beckford Digital Ltd.
//
// The cap binds the lots together, so they share one procedure: the same
// regime and the same route. A cap across call-offs under different
// frameworks is refused (examples/croydon runs five separate call-offs).
//
// The contract is awarded under s.19, so every assessed tender is owed an
// assessment summary (s.50(3)) with the content of the Procurement
// Regulations 2024 reg 31, and the mandatory standstill applies: eight
// working days beginning with the day the contract award notice is
// published (s.51(2)). Sent on Thursday 27 August 2026, it passes over the
// Summer bank holiday (31 August, England and Wales) and ends on 8 September.
// Fenwick Hosting Ltd's supplier lacks the insurance the conditions of
// participation require: its tender is disregarded, not assessed
// (s.19(3)(a), s.50(5)(b)), and it is told why.
//
// The council, the suppliers and every figure are fictional.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "cappedlots:", err)
		os.Exit(1)
	}
}

// sent is the day the assessment summaries are provided and the contract
// award notice published.
var sent = date.On(2026, 8, 27)

// run awards the tender under its lot rules, writes the award, then the
// assessment summary Larkspur IT Ltd receives for lot 2 and the letter
// Fenwick Hosting Ltd receives for lot 3.
func run(w io.Writer) error {
	t := tender()
	a, err := score.Award(t, bids())
	if err != nil {
		return err
	}
	tls, err := frameworks.Timelines(t, sent, score.TimelineOptions{})
	if err != nil {
		return err
	}
	a.Result = score.WithTimelines(a.Result, tls...)
	if err := report.AwardText(w, a); err != nil {
		return err
	}
	for _, doc := range [][2]string{{"2", "D-1"}, {"3", "H-5"}} {
		s, err := report.SummariseAward(a, doc[0], doc[1], report.SentOn(sent))
		if err != nil {
			return err
		}
		if m := s.Missing(); len(m) > 0 {
			return fmt.Errorf("lot %s, bid %s: the document lacks %s", doc[0], doc[1], m[0])
		}
		fmt.Fprintln(w)
		if err := report.SummaryMarkdown(w, s); err != nil {
			return err
		}
	}
	return nil
}
