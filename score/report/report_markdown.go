package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
)

// ReportMarkdown writes the authority's evaluation report as Markdown:
// for every lot its outcome, standings by criterion, thresholds,
// disqualifications with their reasons, ties, the rules applied, the
// analyses given for it (see package analysis; lots without one are
// reported without), and every bid's explanation. The report names every
// bidder and shows every figure: it is for the authority, not for bidders
// (see [Summarise] for what a bidder is given).
func ReportMarkdown(w io.Writer, r score.Result, analyses ...analysis.LotAnalysis) error {
	m := mdWriter{newPrinter(w)}
	m.f("# Evaluation report: %s, %s", md(r.TenderID), md(r.TenderTitle))
	m.blank()
	m.f("%s (%s); procurement commenced %s under %s.", md(r.Authority.Name), authorityType(r.Authority.Type), r.Commenced.Long(), regimeName(r.Regime))
	m.blank()
	m.f("| Lot | Title | Outcome |")
	m.f("| --- | --- | --- |")
	for _, l := range r.Lots {
		m.f("| %s | %s | %s |", md(l.Lot.ID), md(l.Lot.Title), md(outcomeText(l)))
	}
	m.blank()
	for _, l := range r.Lots {
		mdLot(m, l, analysisFor(analyses, l.Lot.ID))
	}
	return m.p.done()
}

func mdLot(m mdWriter, l score.LotResult, a *analysis.LotAnalysis) {
	m.f("## Lot %s: %s", md(l.Lot.ID), md(l.Lot.Title))
	m.blank()
	facts := fmt.Sprintf("Estimated value %s including VAT; term %d months", exact.Money(l.Lot.EstimatedValue), l.Lot.TermMonths)
	if route := routeText(l.Route); route != "" {
		facts += "; route to market: " + route
	}
	if l.Lot.Regime != "" {
		facts += "; runs under " + regimeName(l.Lot.Regime)
	}
	m.f("%s.", md(facts))
	m.blank()
	m.f("**Outcome:** %s.", md(outcomeText(l)))
	m.blank()
	m.f("### Standings")
	m.blank()
	titles := topTitles(l)
	head := "| Rank | Bid | Supplier |"
	rule := "| --- | --- | --- |"
	for _, t := range titles {
		head += " " + md(t) + " |"
		rule += " ---: |"
	}
	m.f("%s Total |", head)
	m.f("%s ---: |", rule)
	for _, b := range l.Bids {
		row := fmt.Sprintf("| %s | %s | %s |", rankCell(b), md(b.BidID), md(b.Supplier.Name))
		for i := range titles {
			row += " " + cell(b, i) + " |"
		}
		m.f("%s %s |", row, md(totalCell(l, b)))
	}
	m.blank()
	if ts := thresholds(l); len(ts) > 0 {
		m.f("### Thresholds and pass/fail requirements")
		m.blank()
		for _, t := range ts {
			m.f("- %s", md(t))
		}
		m.blank()
	}
	if dq := l.Disqualified(); len(dq) > 0 {
		m.f("### Disqualified")
		m.blank()
		for _, b := range dq {
			m.f("- **%s (%s)**, at the %s stage: %s", md(b.BidID), md(b.Supplier.Name), stageName(b.Disqualified.Stage), md(reasonsText(b)))
		}
		m.blank()
	}
	if len(l.TieBreaks) > 0 {
		m.f("### Ties")
		m.blank()
		for _, t := range l.TieBreaks {
			verdict := "resolved"
			if !t.Resolved {
				verdict = "NOT resolved"
			}
			m.f("- %s tied on their totals (%s):", md(strings.Join(t.Bids, ", ")), verdict)
			for _, s := range t.Steps {
				m.f("  - %s", md(s))
			}
		}
		m.blank()
	}
	m.f("### Rules applied")
	m.blank()
	for _, n := range l.Notes {
		m.f("- %s", md(n))
	}
	m.blank()
	if a != nil {
		for _, s := range analysisSections(a) {
			m.f("### %s", md(s.title))
			m.blank()
			m.f("%s", md(s.intro))
			m.blank()
			for _, it := range s.items {
				m.f("- %s", md(it))
			}
			m.blank()
		}
	}
	m.f("### Every bid explained")
	m.blank()
	for _, b := range l.Bids {
		head := fmt.Sprintf("%s (%s): ", b.BidID, b.Supplier.Name)
		if b.Disqualified != nil {
			head += "disqualified"
		} else {
			head += fmt.Sprintf("rank %s, %s", rankCell(b), totalCell(l, b))
		}
		m.f("#### %s", md(head))
		m.blank()
		mdTender(m, full(l, b), "this tender")
	}
}

func reasonsText(b score.BidResult) string {
	var rs []string
	for _, r := range b.Disqualified.Reasons {
		rs = append(rs, r.Text)
	}
	return strings.Join(rs, "; ")
}
