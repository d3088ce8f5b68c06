package main

import (
	"io"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// writeAward awards the whole tender under its lot rules — at most two lots
// per supplier, lots awarded in descending order of estimated value — and
// writes each lot's award, every bid passed over and why, and the lots each
// supplier wins.
func writeAward(w io.Writer, t score.Tender, bs []score.Bid) error {
	a, err := score.Award(t, bs)
	if err != nil {
		return err
	}
	return report.AwardText(w, a)
}
