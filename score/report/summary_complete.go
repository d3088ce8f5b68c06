package report

import (
	"strings"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// Missing lists what the law requires this document to hold that the
// inputs did not give — a supplier's email address, where the full
// methodology can be read, the date it is sent — each with its source, so
// the authority can complete the inputs before anything is sent. It is for
// the authority: no renderer shows it. A voluntary debrief lacks nothing
// the law requires.
func (s Summary) Missing() []string {
	var out []string
	add := func(ok bool, what string) {
		if !ok {
			out = append(out, what)
		}
	}
	switch s.Document {
	case StatutorySummary:
		regs := "Procurement Regulations 2024 reg 31"
		for _, t := range s.tenders() {
			who := "tender " + t.BidID + " (" + t.Supplier.Name + ")"
			add(strings.TrimSpace(t.Supplier.Address) != "", who+": the supplier's contact postal address ("+regs+"(2)(b))")
			add(strings.TrimSpace(t.Supplier.Email) != "", who+": the supplier's contact email address ("+regs+"(2)(b))")
			add(strings.TrimSpace(t.Supplier.Identifier) != "", who+": the supplier's unique identifier ("+regs+"(2)(c))")
		}
		add(strings.TrimSpace(s.MethodologyAt) != "",
			"where the award criteria and assessment methodology can be accessed in full, since the summary gives them in summary (score.Tender.Documents; "+regs+"(2)(d)(ii))")
		add(!s.Date.IsZero(), "the date the summaries are provided: all of a contract's summaries are provided at the same time ("+regs+"(4))")
	case AwardDecisionNotice:
		add(!s.Date.IsZero(), "the date the notice is sent, from which the standstill period runs (Public Contracts Regulations 2015 reg 87(2))")
		add(len(s.Timeline) > 0, "a precise statement of when the standstill period is expected to end (Public Contracts Regulations 2015 reg 86(2)(d)): attach the lot's award timeline (score.WithTimelines)")
	}
	return out
}

// tenders are the tenders the document describes: the bidder's own and,
// if different, the most advantageous.
func (s Summary) tenders() []AssessedTender {
	out := []AssessedTender{s.Yours}
	if s.MostAdvantageous != nil {
		out = append(out, *s.MostAdvantageous)
	}
	return out
}

// withoutCaveats removes every internal caveat ([unverified: …]) from the
// text of a summary: they are for the authority's report, never for a
// bidder.
func withoutCaveats(s Summary) Summary {
	clean := func(xs []string) []string {
		if xs == nil {
			return nil
		}
		out := make([]string, len(xs))
		for i, x := range xs {
			out[i] = criteria.WithoutCaveats(x)
		}
		return out
	}
	s.Basis, s.Rules, s.WhyNot, s.Withheld = clean(s.Basis), clean(s.Rules), clean(s.WhyNot), clean(s.Withheld)
	s.Criteria = cleanCriteria(s.Criteria)
	if s.Timeline != nil {
		tl := make([]TimelineLine, len(s.Timeline))
		for i, t := range s.Timeline {
			t.Text = criteria.WithoutCaveats(t.Text)
			tl[i] = t
		}
		s.Timeline = tl
	}
	gates := make([]criteria.Gate, len(s.Gates))
	for i, g := range s.Gates {
		g.Requirement = criteria.WithoutCaveats(g.Requirement)
		gates[i] = g
	}
	if s.Gates != nil {
		s.Gates = gates
	}
	s.Yours = cleanTender(s.Yours, clean)
	if s.MostAdvantageous != nil {
		m := cleanTender(*s.MostAdvantageous, clean)
		s.MostAdvantageous = &m
	}
	return s
}

func cleanCriteria(cs []AwardCriterion) []AwardCriterion {
	if cs == nil {
		return nil
	}
	out := make([]AwardCriterion, len(cs))
	for i, c := range cs {
		c.HowScored, c.Question = criteria.WithoutCaveats(c.HowScored), criteria.WithoutCaveats(c.Question)
		c.Children = cleanCriteria(c.Children)
		out[i] = c
	}
	return out
}

func cleanTender(t AssessedTender, clean func([]string) []string) AssessedTender {
	t.Disqualified, t.TotalWorking = clean(t.Disqualified), clean(t.TotalWorking)
	if t.Gates != nil {
		gs := make([]score.GateLine, len(t.Gates))
		for i, g := range t.Gates {
			g.Text = criteria.WithoutCaveats(g.Text)
			gs[i] = g
		}
		t.Gates = gs
	}
	t.Criteria = cleanLines(t.Criteria, clean)
	return t
}

func cleanLines(ls []AssessedLine, clean func([]string) []string) []AssessedLine {
	if ls == nil {
		return nil
	}
	out := make([]AssessedLine, len(ls))
	for i, l := range ls {
		l.Input = criteria.WithoutCaveats(l.Input)
		l.Working, l.Rationale, l.Notes = clean(l.Working), clean(l.Rationale), clean(l.Notes)
		l.Children = cleanLines(l.Children, clean)
		out[i] = l
	}
	return out
}
