package report

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tenderscore/tenderscore/score"
)

// This file joins two things built apart: assessment summaries
// (summary.go), which compare a bidder's tender with the lot's most
// advantageous tender, and the award of a whole tender under lot rules
// (score.Award), in which a cap on lots per supplier or an accepted
// cross-lot offer can give a lot to a tender that did not rank first.

// SummariseAward builds one bidder's assessment summary for one lot of a
// tender awarded under lot rules ([score.Award]). It is [Summarise] on the
// evaluation in force (AwardResult.Result) with one change: the tender the
// bidder's is compared with is the tender awarded the lot, so that a lot
// passed down the standings by the cap or by a cross-lot offer is summarised
// against the tender that actually wins it. When the award, not the score,
// decided against the bidder — its tender ranked above the one awarded, or
// the lot went unawarded because every compliant bidder was at the cap —
// WhyNot says so in the words of [score.AwardResult.Explain], which name no
// other losing bid.
//
// A lot whose award rests on a tie the declared chain could not break is
// summarised as [Summarise] does: awaiting the tie-break.
func SummariseAward(a score.AwardResult, lotID, bidID string, opts ...SummaryOption) (Summary, error) {
	r := awardedResult(a)
	s, err := Summarise(r, lotID, bidID, opts...)
	if err != nil {
		return s, err
	}
	la, _ := a.Lot(lotID)
	if la.Provisional || s.Document == DisregardLetter {
		return s, nil
	}
	l, _ := r.Lot(lotID)
	b, _ := l.Bid(bidID)
	passed := slices.ContainsFunc(la.PassedOver, func(p score.PassedOver) bool { return p.BidID == bidID })
	switch {
	case la.Status == score.NotAwardedAllAtCap && b.Disqualified != nil:
		s.Status = Disqualified
		s.WhyNot = whyNot(l, b, Disqualified)
	case la.Status == score.NotAwardedAllAtCap, passed:
		// The score comparisons Summarise writes would set a higher total
		// against a lower one; the award's reason replaces them.
		s.WhyNot = []string{sentence(a.Explain(lotID, bidID))}
	}
	return s, nil
}

// AwardSummaries builds the document of every bidder of every lot of an
// award, lot by lot in the result's order, bids in the lot's order, all
// with the same options (so the same date: reg 31(4)).
func AwardSummaries(a score.AwardResult, opts ...SummaryOption) ([]Summary, error) {
	var out []Summary
	for _, l := range a.Result.Lots {
		for _, b := range l.Bids {
			s, err := SummariseAward(a, l.Lot.ID, b.BidID, opts...)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
	}
	return out, nil
}

// awardedResult is the evaluation in force with each lot's winner set to
// the bid awarded it, and a lot left unawarded by the cap shown with no
// winner, so that no losing tender's figures are shown as the winner's.
func awardedResult(a score.AwardResult) score.Result {
	r := a.Result
	r.Lots = slices.Clone(r.Lots)
	for i, l := range r.Lots {
		la, ok := a.Lot(l.Lot.ID)
		if !ok || la.Provisional {
			continue
		}
		switch la.Status {
		case score.Awarded:
			r.Lots[i].Outcome, r.Lots[i].Winner = score.Winner, la.BidID
		case score.NotAwardedAllAtCap:
			r.Lots[i].Outcome, r.Lots[i].Winner = score.NoCompliantBid, ""
		}
	}
	return r
}

// sentence starts s with a capital and ends it with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
