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
// The council, the suppliers and every figure are fictional.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "cappedlots:", err)
		os.Exit(1)
	}
}

// run awards the tender under its lot rules, writes the award, then the
// assessment summary Larkspur IT Ltd receives for lot 2.
func run(w io.Writer) error {
	a, err := score.Award(tender(), bids())
	if err != nil {
		return err
	}
	if err := report.AwardText(w, a); err != nil {
		return err
	}
	s, err := report.SummariseAward(a, "2", "D-1")
	if err != nil {
		return err
	}
	fmt.Fprintln(w)
	return report.SummaryMarkdown(w, s)
}
