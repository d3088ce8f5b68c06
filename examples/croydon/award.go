package main

import (
	"io"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// writeAward awards each lot to its most advantageous tender — the lots are
// separate call-off competitions, with no lot rules across them — and
// writes each lot's award and the lots each supplier wins.
func writeAward(w io.Writer, t score.Tender, bs []score.Bid) error {
	a, err := score.Award(t, bs)
	if err != nil {
		return err
	}
	return report.AwardText(w, a)
}
