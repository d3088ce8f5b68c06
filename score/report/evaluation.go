package report

import (
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
)

// The authority's evaluation report: every lot's outcome, standings,
// thresholds, disqualifications, ties, rules, analyses and every bid's
// explanation. It is for the authority, not for bidders: it names every
// bidder and shows every figure. See [ReportMarkdown] and [ReportHTML].

// thresholds lists a lot's published pass/fail rules and minimum scores.
func thresholds(l score.LotResult) []string {
	p := l.Lot.Policy
	var out []string
	for _, g := range p.PassFail() {
		s := "Pass/fail: " + g.Title
		if g.Requirement != "" {
			s += " — " + g.Requirement
		}
		out = append(out, s)
	}
	var walk func(cs []score.Criterion)
	walk = func(cs []score.Criterion) {
		for _, c := range cs {
			if c.Quality != nil && c.Quality.MinMark != nil {
				out = append(out, fmt.Sprintf("Minimum mark on %s: %s (a lower mark disqualifies)", c.Title, exact.Plain(*c.Quality.MinMark)))
			}
			if c.MinPercent != nil {
				out = append(out, fmt.Sprintf("Minimum score on %s: %s%% of its marks", c.Title, exact.Plain(*c.MinPercent)))
			}
			if c.Price != nil && !c.Price.MaxBudget.IsZero() {
				out = append(out, fmt.Sprintf("Maximum budget on %s: %s (%s above it)", c.Title, exact.Money(c.Price.MaxBudget), c.Price.OverBudget))
			}
			walk(c.Children)
		}
	}
	walk(p.Criteria)
	if m := p.Thresholds.MinQualityPercent; m != nil {
		out = append(out, fmt.Sprintf("Minimum quality score: %s%% of the quality marks available", exact.Plain(*m)))
	}
	return out
}

// topTitles are the titles of a lot's top-level criteria.
func topTitles(l score.LotResult) []string {
	var out []string
	for _, c := range l.Lot.Policy.Criteria {
		out = append(out, c.Title)
	}
	return out
}

// cell shows a bid's points on one top-level criterion.
func cell(b score.BidResult, i int) string {
	cs := b.Criteria()
	if i >= len(cs) || !cs[i].Scored {
		return "—"
	}
	return cs[i].Points.String()
}

func totalCell(l score.LotResult, b score.BidResult) string {
	if !b.Total.Scored {
		return "—"
	}
	switch l.Lot.Policy.Basis {
	case score.PricePerQualityPoint:
		return b.Total.Points.String() + " per point"
	case score.AdjustedPrice:
		return b.Total.Points.String() + " adjusted"
	}
	return b.Total.Points.String()
}

func rankCell(b score.BidResult) string {
	switch {
	case b.Disqualified != nil:
		return "disqualified"
	case b.Tied:
		return fmt.Sprintf("%d=", b.Rank)
	}
	return fmt.Sprint(b.Rank)
}

// full explains a bid with nothing withheld: the authority sees all.
func full(l score.LotResult, b score.BidResult) AssessedTender {
	all := map[string]bool{everything: true}
	for _, x := range l.Bids {
		all[x.BidID] = true
	}
	var withheld bool
	return assess(l, b, all, &withheld)
}

// analysisFor returns the analysis of a lot, if one was given.
func analysisFor(as []analysis.LotAnalysis, lotID string) *analysis.LotAnalysis {
	for i := range as {
		if as[i].LotID == lotID {
			return &as[i]
		}
	}
	return nil
}

// lowPriceTitle heads the abnormally low prices section, which stays in the
// body of the report: a flag leads to an investigation the authority must
// make.
const lowPriceTitle = "Abnormally low prices"

// analysisSections turns a lot's analysis into headed paragraphs shared by
// the Markdown and HTML reports.
type section struct {
	title string
	intro string
	items []string
}

func analysisSections(a *analysis.LotAnalysis) []section {
	var out []section
	tw := section{title: "What it would take to win",
		intro: "For each compliant tender that did not win: the highest price at which it would have won, and the fewest extra marks with which it would have won, everything else unchanged. Each answer was confirmed by re-scoring the whole field."}
	for _, w := range a.ToWin {
		tw.items = append(tw.items, fmt.Sprintf("%s (%s), %s points — on price: %s", w.BidID, w.Supplier.Name, w.Total, w.Price.Explanation()))
		tw.items = append(tw.items, fmt.Sprintf("%s (%s) — on marks: %s", w.BidID, w.Supplier.Name, w.Marks.Explanation()))
	}
	if len(a.ToWin) == 0 {
		tw.items = append(tw.items, "No compliant tender other than the winner.")
	}
	out = append(out, tw)
	ws := section{title: "How robust the award is to the weights", intro: a.Sensitivity.Statement}
	for _, s := range a.Sensitivity.Shifts {
		ws.items = append(ws.items, fmt.Sprintf("%s (%s): %s", s.Rival, s.RivalSupplier.Name, s.Explanation()))
	}
	for _, s := range a.Sensitivity.Joining {
		ws.items = append(ws.items, fmt.Sprintf("%s (%s), below a minimum score as evaluated: %s", s.Rival, s.RivalSupplier.Name, s.Explanation()))
	}
	out = append(out, ws)
	rr := section{title: "Rank reversal", intro: "Whether removing any single compliant tender changes the order of the others — the known weakness of scoring price relative to the field."}
	for _, r := range a.Reversals {
		rr.items = append(rr.items, r.Explanation)
	}
	if len(a.Reversals) == 0 {
		rr.items = append(rr.items, "No single removal changes the order of the remaining tenders.")
	}
	out = append(out, rr)
	var names []string
	for _, r := range a.LowPriceRules {
		names = append(names, fmt.Sprintf("%s (%s)", r.Name, r.Source))
	}
	lp := section{title: lowPriceTitle,
		intro: "Rules applied: " + strings.Join(names, "; ") + ". A flag leads to investigation, never to automatic exclusion (Procurement Act 2023 s.19(3)(c), (4)–(5))."}
	for _, f := range a.LowPrice {
		lp.items = append(lp.items, fmt.Sprintf("%s (%s) — %s: %s", f.BidID, f.Supplier.Name, f.Action, f.Explanation))
	}
	if len(a.LowPrice) == 0 {
		lp.items = append(lp.items, "No price is flagged by these rules.")
	}
	out = append(out, lp)
	return out
}
