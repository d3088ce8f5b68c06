package report

import (
	"fmt"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
)

// This file holds what the authority's report adds for an approval board:
// the report date, the evaluation panel with each evaluator's declared
// conflicts of interest, the moderation record, and a restricted annex for
// the analyses that show how other weights, prices or marks would have
// changed the outcome.

// reportDate says when the report is dated, or that it is not.
func reportDate(r score.Result) string {
	if e := r.Evaluation; e != nil && !e.Reported.IsZero() {
		s := "Report date: " + e.Reported.Long()
		if !e.Completed.IsZero() {
			s += "; evaluation completed " + e.Completed.Long()
		}
		return s + "."
	}
	return "Report date: not given (score.Evaluation.Reported)."
}

// panelRows are the evaluation panel's rows: name, role, declaration.
func panelRows(r score.Result) [][3]string {
	if r.Evaluation == nil {
		return nil
	}
	var out [][3]string
	for _, e := range r.Evaluation.Panel {
		out = append(out, [3]string{e.Name, e.Role, e.Conflicts})
	}
	return out
}

// panelNote is said when there is no panel record.
const panelNote = "No evaluation panel is recorded (score.Evaluation.Panel): record each evaluator with the conflicts of interest they declared " +
	"(Procurement Act 2023 ss.81–82; PCR 2015 reg 24)."

// moderationRows are a lot's moderation changes: bid, question, evaluator,
// own mark → agreed mark, reason.
func moderationRows(l score.LotResult) [][5]string {
	var out [][5]string
	for _, b := range l.Bids {
		for _, c := range b.Moderation {
			out = append(out, [5]string{b.BidID + " (" + b.Supplier.Name + ")", c.Title, c.Evaluator,
				fmt.Sprintf("%s → %s", c.Own, c.Agreed), c.Reason})
		}
	}
	return out
}

// moderationNote is said when no agreed mark differs from an evaluator's.
const moderationNote = "No evaluator's own mark was changed at moderation (questions scored by the mean of the marks have no agreed mark)."

// restrictedIntro opens the annex.
const restrictedIntro = "Restricted: for the evaluation team and the approval board. These analyses show how the outcome would change " +
	"with other prices, marks, weights or tenders. The award criteria and their relative importance were published before tenders were invited " +
	"(Procurement Act 2023 s.23(3)); the analyses test how robust the decision is, and must not be used to re-weight or re-mark once tenders are opened."

// restricted reports whether an analysis section belongs in the annex: it
// invites re-weighting or re-marking.
func (s section) restricted() bool { return s.title != lowPriceTitle }

// annexOf collects, lot by lot, the restricted analysis sections.
type annexLot struct {
	lot      score.LotResult
	sections []section
}

func annexOf(r score.Result, analyses []analysis.LotAnalysis) []annexLot {
	var out []annexLot
	for _, l := range r.Lots {
		a := analysisFor(analyses, l.Lot.ID)
		if a == nil {
			continue
		}
		var ss []section
		for _, s := range analysisSections(a) {
			if s.restricted() {
				ss = append(ss, s)
			}
		}
		if len(ss) > 0 {
			out = append(out, annexLot{lot: l, sections: ss})
		}
	}
	return out
}

// timelineRows are a lot's award timeline for the authority: each date
// with what happens, the provision, and whether the step rests on a
// reading or a day not yet proclaimed (unverified); then the timeline's
// notes.
func timelineRows(tl *score.AwardTimeline) (rows []string, notes []string) {
	if tl == nil {
		return nil, nil
	}
	for _, st := range tl.Steps {
		r := st.What
		if !st.Date.IsZero() {
			r = st.Date.Long() + ": " + r
		}
		if st.Cite != "" {
			r += " (" + st.Cite + ")"
		}
		if !st.Verified {
			r += " [unverified: check this step against the source before relying on it]"
		}
		rows = append(rows, r)
	}
	return rows, tl.Notes
}
