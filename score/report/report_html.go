package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
)

// ReportHTML writes the authority's evaluation report as one
// self-contained HTML page — no external assets, no scripts — with the
// same content as [ReportMarkdown] and, for every lot, an inline SVG
// stacked-bar chart of each bid's points by criterion (see [ChartSVG]).
func ReportHTML(w io.Writer, r score.Result, analyses ...analysis.LotAnalysis) error {
	return reportHTML(w, r, nil, analyses)
}

// AwardReportHTML writes the evaluation report of a tender awarded under
// lot rules as one self-contained HTML page: [ReportHTML] for the
// evaluation in force, with the award beside each lot's outcome and the
// award section of [AwardReportMarkdown].
func AwardReportHTML(w io.Writer, a score.AwardResult, analyses ...analysis.LotAnalysis) error {
	return reportHTML(w, a.Result, &a, analyses)
}

func reportHTML(w io.Writer, r score.Result, a *score.AwardResult, analyses []analysis.LotAnalysis) error {
	h := htmlWriter{newPrinter(w)}
	h.open(fmt.Sprintf("Evaluation report: %s, %s", r.TenderID, r.TenderTitle))
	h.f("<h1>Evaluation report: %s, %s</h1>", esc(r.TenderID), esc(r.TenderTitle))
	h.f("<p>%s (%s); procurement commenced %s under %s.</p>", esc(r.Authority.Name), esc(authorityType(r.Authority.Type)), esc(r.Commenced.Long()), esc(regimeName(r.Regime)))
	h.f("<p>%s</p>", esc(reportDate(r)))
	htmlPanel(h, r)
	outcome := lotOutcome(a)
	h.raw(`<table><thead><tr><th>Lot</th><th>Title</th><th>Outcome</th></tr></thead><tbody>`)
	for _, l := range r.Lots {
		h.f(`<tr><td><a href="#lot-%s">%s</a></td><td>%s</td><td>%s</td></tr>`, esc(anchor(l.Lot.ID)), esc(l.Lot.ID), esc(l.Lot.Title), esc(outcome(l)))
	}
	h.raw("</tbody></table>")
	if a != nil {
		htmlAward(h, *a)
	}
	for _, l := range r.Lots {
		htmlLot(h, l, outcome(l), analysisFor(analyses, l.Lot.ID))
	}
	htmlAnnex(h, annexOf(r, analyses))
	return h.close()
}

func htmlPanel(h htmlWriter, r score.Result) {
	h.raw("<h2>Evaluation panel</h2>")
	rows := panelRows(r)
	if len(rows) == 0 {
		h.f("<p>%s</p>", esc(panelNote))
		return
	}
	h.raw(`<table><thead><tr><th>Evaluator</th><th>Role</th><th>Conflicts of interest declared</th></tr></thead><tbody>`)
	for _, row := range rows {
		h.f("<tr><td>%s</td><td>%s</td><td>%s</td></tr>", esc(row[0]), esc(row[1]), esc(row[2]))
	}
	h.raw("</tbody></table>")
}

func htmlModeration(h htmlWriter, l score.LotResult) {
	h.raw("<h3>Moderation record</h3>")
	rows := moderationRows(l)
	if len(rows) == 0 {
		h.f("<p>%s</p>", esc(moderationNote))
		return
	}
	h.raw(`<table><thead><tr><th>Tender</th><th>Question</th><th>Evaluator</th><th>Own mark → agreed</th><th>Reason recorded</th></tr></thead><tbody>`)
	for _, row := range rows {
		h.f("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>", esc(row[0]), esc(row[1]), esc(row[2]), esc(row[3]), esc(row[4]))
	}
	h.raw("</tbody></table>")
}

func htmlAnnex(h htmlWriter, annex []annexLot) {
	if len(annex) == 0 {
		return
	}
	h.raw(`<section id="restricted-annex">`)
	h.raw("<h2>Restricted annex: analyses of the outcome</h2>")
	h.f(`<p class="note">%s</p>`, esc(restrictedIntro))
	for _, al := range annex {
		h.f("<h3>Lot %s: %s</h3>", esc(al.lot.Lot.ID), esc(al.lot.Lot.Title))
		for _, s := range al.sections {
			h.f("<h4>%s</h4>", esc(s.title))
			h.f("<p>%s</p>", esc(s.intro))
			h.list(s.items, "")
		}
	}
	h.raw("</section>")
}

// anchor makes an id usable in a fragment.
func anchor(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

func htmlLot(h htmlWriter, l score.LotResult, outcome string, a *analysis.LotAnalysis) {
	h.f(`<section id="lot-%s">`, esc(anchor(l.Lot.ID)))
	h.f("<h2>Lot %s: %s</h2>", esc(l.Lot.ID), esc(l.Lot.Title))
	facts := fmt.Sprintf("Estimated value %s including VAT; term %d months", exact.Money(l.Lot.EstimatedValue), l.Lot.TermMonths)
	if route := routeText(l.Route); route != "" {
		facts += "; route to market: " + route
	}
	if l.Lot.Regime != "" {
		facts += "; runs under " + regimeName(l.Lot.Regime)
	}
	h.f("<p>%s.</p>", esc(facts))
	h.f(`<p><strong>Outcome:</strong> %s.</p>`, esc(outcome))
	h.raw("<h3>Standings</h3>")
	titles := topTitles(l)
	h.raw(`<table><thead><tr><th>Rank</th><th>Bid</th><th>Supplier</th>`)
	for _, t := range titles {
		h.f(`<th class="num">%s</th>`, esc(t))
	}
	h.raw(`<th class="num">Total</th></tr></thead><tbody>`)
	for _, b := range l.Bids {
		cls := ""
		if b.Disqualified != nil {
			cls = ` class="dq"`
		}
		h.f(`<tr%s><td>%s</td><td>%s</td><td>%s</td>`, cls, esc(rankCell(b)), esc(b.BidID), esc(b.Supplier.Name))
		for i := range titles {
			h.f(`<td class="num">%s</td>`, esc(cell(b, i)))
		}
		h.f(`<td class="num">%s</td></tr>`, esc(totalCell(l, b)))
	}
	h.raw("</tbody></table>")
	h.f(`<figure>%s<figcaption>Each bar is one bid's points, coloured by criterion; a faded bar marked DISQUALIFIED shows what a disqualified bid had scored before it left the competition.</figcaption></figure>`, chartSVG(l))
	if ts := thresholds(l); len(ts) > 0 {
		h.raw("<h3>Thresholds and pass/fail requirements</h3>")
		h.list(ts, "")
	}
	if dq := l.Disqualified(); len(dq) > 0 {
		h.raw("<h3>Disqualified</h3>")
		h.raw("<ul>")
		for _, b := range dq {
			h.f(`<li><span class="dq">%s (%s)</span>, at the %s stage: %s</li>`, esc(b.BidID), esc(b.Supplier.Name), esc(stageName(b.Disqualified.Stage)), esc(reasonsText(b)))
		}
		h.raw("</ul>")
	}
	if len(l.TieBreaks) > 0 {
		h.raw("<h3>Ties</h3>")
		for _, t := range l.TieBreaks {
			verdict := "resolved"
			if !t.Resolved {
				verdict = "NOT resolved"
			}
			h.f("<p>%s tied on their totals (%s):</p>", esc(strings.Join(t.Bids, ", ")), verdict)
			h.list(t.Steps(), "")
		}
	}
	h.raw("<h3>Rules applied</h3>")
	h.list(l.Notes, "")
	if rows, notes := timelineRows(l.Timeline); len(rows) > 0 {
		h.raw("<h3>Award timeline</h3>")
		for _, n := range notes {
			rows = append(rows, "Note: "+n)
		}
		h.list(rows, "")
	}
	htmlModeration(h, l)
	if a != nil {
		for _, s := range analysisSections(a) {
			if s.restricted() {
				continue
			}
			h.f("<h3>%s</h3>", esc(s.title))
			h.f("<p>%s</p>", esc(s.intro))
			h.list(s.items, "")
		}
	}
	h.raw("<h3>Every bid explained</h3>")
	for _, b := range l.Bids {
		head := fmt.Sprintf("%s (%s): ", b.BidID, b.Supplier.Name)
		if b.Disqualified != nil {
			head += "disqualified"
		} else {
			head += fmt.Sprintf("rank %s, %s", rankCell(b), totalCell(l, b))
		}
		h.f("<details open><summary>%s</summary>", esc(head))
		htmlTender(h, full(l, b), "this tender")
		h.raw("</details>")
	}
	h.raw("</section>")
}

// htmlAward writes the award section.
func htmlAward(h htmlWriter, a score.AwardResult) {
	h.raw(`<section id="award">`)
	h.raw("<h2>Award under the lot rules</h2>")
	if a.Provisional {
		h.raw("<p><strong>Provisional:</strong> the allocation rests on a tie the declared chain could not break (see the rules applied).</p>")
	}
	h.list(a.Notes, "")
	var items []string
	for _, id := range a.Order {
		la, ok := a.Lot(id)
		if !ok {
			continue
		}
		item := fmt.Sprintf("Lot %s, %s: %s", la.LotID, la.Title, la.Explanation)
		for _, po := range la.PassedOver {
			item += "; passed over: " + po.Reason
		}
		items = append(items, item)
	}
	h.list(items, "")
	h.raw(`<table><thead><tr><th>Supplier</th><th>Lots awarded</th></tr></thead><tbody>`)
	for _, s := range a.Suppliers {
		lots := "none"
		if len(s.Lots) > 0 {
			lots = score.LotWords(s.Lots)
		}
		h.f("<tr><td>%s</td><td>%s</td></tr>", esc(s.Supplier.Name), esc(lots))
	}
	h.raw("</tbody></table>")
	h.f("<p><strong>Tally:</strong> %s.</p>", esc(tallyText(a)))
	var offers []string
	for _, o := range a.Offers {
		offers = append(offers, fmt.Sprintf("Cross-lot offer %s from %s (%s together, %s%% off): %s — %s", o.Offer.ID, o.Supplier.Name,
			score.LotWords(o.Offer.Lots), exact.Plain(o.Offer.PercentOff), strings.ReplaceAll(string(o.Status), "-", " "), o.Reason))
	}
	h.list(offers, "")
	if a.Decision != "" {
		h.f("<p><strong>Decision:</strong> %s</p>", esc(a.Decision))
	}
	h.raw("</section>")
}
