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
// for every lot its outcome, standings by criterion, a price comparison
// (each compliant tender's price as compared, how far above the lowest
// compliant price, against the published budget), a marks matrix (bids by
// questions, each evaluator's own mark beside the agreed or mean mark),
// thresholds, disqualifications with their reasons, ties, the rules
// applied, the
// analyses given for it (see package analysis; lots without one are
// reported without), and every bid's explanation. The report names every
// bidder and shows every figure: it is for the authority, not for bidders
// (see [Summarise] for what a bidder is given).
func ReportMarkdown(w io.Writer, r score.Result, analyses ...analysis.LotAnalysis) error {
	return reportMarkdown(w, r, nil, analyses)
}

// AwardReportMarkdown writes the evaluation report of a tender awarded under
// lot rules: the report of [ReportMarkdown] for the evaluation in force,
// with the lot each bid is awarded beside each lot's outcome and a section
// on the award — the rules applied, each lot's award in the declared order,
// every bid passed over and why, the lots each supplier wins, the tally and
// any cross-lot offers.
func AwardReportMarkdown(w io.Writer, a score.AwardResult, analyses ...analysis.LotAnalysis) error {
	return reportMarkdown(w, a.Result, &a, analyses)
}

func reportMarkdown(w io.Writer, r score.Result, a *score.AwardResult, analyses []analysis.LotAnalysis) error {
	m := mdWriter{newPrinter(w)}
	m.f("# Evaluation report: %s, %s", md(r.TenderID), md(r.TenderTitle))
	m.blank()
	m.f("%s", md(sentenceOrEmpty(tenderFacts(r))))
	m.blank()
	m.f("%s", md(reportDate(r)))
	m.blank()
	mdPanel(m, r)
	outcome := lotOutcome(a)
	m.f("| Lot | Title | Outcome |")
	m.f("| --- | --- | --- |")
	for _, l := range r.Lots {
		m.f("| %s | %s | %s |", md(l.Lot.ID), md(l.Lot.Title), md(outcome(l)))
	}
	m.blank()
	if a != nil {
		mdAward(m, *a)
	}
	for _, l := range r.Lots {
		mdLot(m, l, outcome(l), analysisFor(analyses, l.Lot.ID))
	}
	mdAnnex(m, annexOf(r, analyses))
	return m.p.done()
}

func mdPanel(m mdWriter, r score.Result) {
	m.f("## Evaluation panel")
	m.blank()
	var rows [][]string
	for _, row := range panelRows(r) {
		rows = append(rows, row[:])
	}
	mdTable(m, []string{"Evaluator", "Role", "Conflicts of interest declared"}, rows, panelNote)
}

// mdTable writes a table of text cells under a header, or the note when
// there are no rows.
func mdTable(m mdWriter, header []string, rows [][]string, none string) {
	if len(rows) == 0 {
		m.f("%s", md(none))
		m.blank()
		return
	}
	m.f("| %s |", strings.Join(header, " | "))
	m.f("|%s", strings.Repeat(" --- |", len(header)))
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = md(c)
		}
		m.f("| %s |", strings.Join(cells, " | "))
	}
	m.blank()
}

func mdModeration(m mdWriter, l score.LotResult) {
	m.f("### Moderation record")
	m.blank()
	var rows [][]string
	for _, row := range moderationRows(l) {
		rows = append(rows, row[:])
	}
	mdTable(m, []string{"Tender", "Question", "Evaluator", "Own mark → agreed", "Reason recorded"}, rows, moderationNote)
}

func mdAnnex(m mdWriter, annex []annexLot) {
	if len(annex) == 0 {
		return
	}
	m.f("## Restricted annex: analyses of the outcome")
	m.blank()
	m.f("%s", md(restrictedIntro))
	m.blank()
	for _, al := range annex {
		m.f("### Lot %s: %s", md(al.lot.Lot.ID), md(al.lot.Lot.Title))
		m.blank()
		for _, s := range al.sections {
			m.f("#### %s", md(s.title))
			m.blank()
			m.f("%s", md(s.intro))
			m.blank()
			for _, it := range s.items {
				m.f("- %s", md(it))
			}
			m.blank()
		}
	}
}

// lotOutcome returns how a lot's outcome is written: with the award, when
// there is one, so that a lot the lot rules award to a tender other than
// the one ranked first says so in the same sentence.
func lotOutcome(a *score.AwardResult) func(score.LotResult) string {
	if a == nil {
		return outcomeText
	}
	return func(l score.LotResult) string { return awardOutcomeText(*a, l) }
}

func mdLot(m mdWriter, l score.LotResult, outcome string, a *analysis.LotAnalysis) {
	m.f("## Lot %s: %s", md(l.Lot.ID), md(l.Lot.Title))
	m.blank()
	m.f("%s", md(lotLine(l)))
	m.blank()
	m.f("**Outcome:** %s.", md(outcome))
	m.blank()
	mdStandings(m, l)
	for _, t := range pricesOf(l) {
		mdPrices(m, t)
	}
	if mx := marksOf(l); mx != nil {
		mdMarks(m, *mx)
	}
	mdList(m, "Thresholds and pass/fail requirements", thresholds(l))
	var dq []string
	for _, b := range l.Disqualified() {
		dq = append(dq, fmt.Sprintf("**%s (%s)**, at the %s stage: %s", md(b.BidID), md(b.Supplier.Name), stageName(b.Disqualified.Stage), md(reasonsText(b))))
	}
	mdRawList(m, "Disqualified", dq)
	mdTies(m, l)
	m.f("### Rules applied")
	m.blank()
	for _, n := range l.Notes {
		m.f("- %s", md(n))
	}
	m.blank()
	if rows, notes := timelineRows(l.Timeline); len(rows) > 0 {
		for _, n := range notes {
			rows = append(rows, "Note: "+n)
		}
		mdList(m, "Award timeline", rows)
	}
	mdModeration(m, l)
	mdDisclosures(m, l)
	if a != nil {
		for _, s := range analysisSections(a) {
			if !s.restricted() {
				mdSection(m, "###", s)
			}
		}
	}
	mdExplained(m, l)
}

// lotLine is a lot's value, term, route and regime in a sentence, leaving
// out what the lot does not state.
func lotLine(l score.LotResult) string {
	parts := []string{}
	if f := lotFacts(l.Lot); f != "" {
		parts = append(parts, f)
	}
	if route := routeText(l.Route); route != "" {
		parts = append(parts, "route to market: "+route)
	}
	if l.Lot.Regime != "" {
		parts = append(parts, "runs under "+regimeName(l.Lot.Regime))
	}
	if len(parts) == 0 {
		return ""
	}
	s := strings.Join(parts, "; ") + "."
	return strings.ToUpper(s[:1]) + s[1:]
}

// mdList writes a headed list of text items; nothing when there are none.
func mdList(m mdWriter, heading string, items []string) {
	escaped := make([]string, len(items))
	for i, it := range items {
		escaped[i] = md(it)
	}
	mdRawList(m, heading, escaped)
}

// mdRawList writes a headed list of items already in Markdown.
func mdRawList(m mdWriter, heading string, items []string) {
	if len(items) == 0 {
		return
	}
	m.f("### %s", heading)
	m.blank()
	for _, it := range items {
		m.f("- %s", it)
	}
	m.blank()
}

// mdSection writes one analysis section under a heading of the given
// level.
func mdSection(m mdWriter, level string, s section) {
	m.f("%s %s", level, md(s.title))
	m.blank()
	m.f("%s", md(s.intro))
	m.blank()
	for _, it := range s.items {
		m.f("- %s", md(it))
	}
	m.blank()
}

// mdStandings writes the table of every bid's points by top-level
// criterion and total.
func mdStandings(m mdWriter, l score.LotResult) {
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
}

// mdTies writes how each tie was broken, or that it was not.
func mdTies(m mdWriter, l score.LotResult) {
	if len(l.TieBreaks) == 0 {
		return
	}
	m.f("### Ties")
	m.blank()
	for _, t := range l.TieBreaks {
		verdict := "resolved"
		if !t.Resolved {
			verdict = "NOT resolved"
		}
		m.f("- %s tied on their totals (%s):", md(strings.Join(t.Bids, ", ")), verdict)
		for _, s := range t.Steps() {
			m.f("  - %s", md(s))
		}
	}
	m.blank()
}

// mdExplained writes every bid's full explanation.
func mdExplained(m mdWriter, l score.LotResult) {
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
		mdTender(m, full(l, b), "this tender", 5) // under the bid's #### heading
	}
}

func reasonsText(b score.BidResult) string {
	var rs []string
	for _, r := range b.Disqualified.Reasons {
		rs = append(rs, r.Text)
	}
	return strings.Join(rs, "; ")
}

// mdAward writes the award section.
func mdAward(m mdWriter, a score.AwardResult) {
	m.f("## Award under the lot rules")
	m.blank()
	if a.Provisional {
		m.f("**Provisional:** the allocation rests on a tie the declared chain could not break (see the rules applied).")
		m.blank()
	}
	for _, n := range a.Notes {
		m.f("- %s", md(n))
	}
	m.blank()
	for _, id := range a.Order {
		la, ok := a.Lot(id)
		if !ok {
			continue
		}
		m.f("- **Lot %s, %s:** %s", md(la.LotID), md(la.Title), md(la.Explanation))
		for _, po := range la.PassedOver {
			m.f("  - passed over: %s", md(po.Reason))
		}
	}
	m.blank()
	m.f("| Supplier | Lots awarded |")
	m.f("| --- | --- |")
	for _, s := range a.Suppliers {
		lots := "none"
		if len(s.Lots) > 0 {
			lots = score.LotWords(s.Lots)
		}
		m.f("| %s | %s |", md(s.Supplier.Name), md(lots))
	}
	m.blank()
	m.f("**Tally:** %s.", md(tallyText(a)))
	m.blank()
	for _, o := range a.Offers {
		m.f("- Cross-lot offer %s from %s (%s together, %s%% off): %s — %s", md(o.Offer.ID), md(o.Supplier.Name), md(score.LotWords(o.Offer.Lots)),
			exact.Plain(o.Offer.PercentOff), md(strings.ReplaceAll(string(o.Status), "-", " ")), md(o.Reason))
	}
	if a.Decision != "" {
		m.blank()
		m.f("**Decision:** %s", md(a.Decision))
	}
	if len(a.Offers) > 0 || a.Decision != "" {
		m.blank()
	}
}

// mdPrices writes one price comparison (board.go).
func mdPrices(m mdWriter, t priceTable) {
	m.f("### %s", md(t.Heading))
	m.blank()
	m.f("%s", md(t.Intro))
	m.blank()
	head, rule := "| Rank | Bid | Supplier | Price compared |", "| --- | --- | --- | ---: |"
	if t.Offered {
		head, rule = head+" As offered |", rule+" --- |"
	}
	head, rule = head+" Above the lowest compliant price |", rule+" ---: |"
	if t.Budget != "" {
		head, rule = head+" "+md(t.Budget)+" |", rule+" --- |"
	}
	m.f("%s", head)
	m.f("%s", rule)
	for _, r := range t.Rows {
		row := fmt.Sprintf("| %s | %s | %s | %s |", md(r.Rank), md(r.Bid), md(r.Supplier), md(r.Price))
		if t.Offered {
			row += " " + md(r.Offered) + " |"
		}
		row += " " + md(r.AboveLow) + " |"
		if t.Budget != "" {
			row += " " + md(r.AgainstBudget) + " |"
		}
		m.f("%s", row)
	}
	m.blank()
	m.f("%s", md(t.Note))
	m.blank()
}

// mdMarks writes the marks matrix (board.go).
func mdMarks(m mdWriter, mx marksMatrix) {
	m.f("### Marks by question")
	m.blank()
	m.f("%s", md(mx.Intro))
	m.blank()
	head, rule := "| Rank | Bid | Supplier |", "| --- | --- | --- |"
	for _, q := range mx.Questions {
		head, rule = head+" "+md(q)+" |", rule+" --- |"
	}
	m.f("%s", head)
	m.f("%s", rule)
	for _, r := range mx.Rows {
		row := fmt.Sprintf("| %s | %s | %s |", md(r.Rank), md(r.Bid), md(r.Supplier))
		for _, c := range r.Cells {
			row += " " + md(c) + " |"
		}
		m.f("%s", row)
	}
	m.blank()
}

// mdDisclosures writes what each bidder's document lets its reader bound.
func mdDisclosures(m mdWriter, l score.LotResult) {
	m.f("### What the documents disclose")
	m.blank()
	lines := disclosureLines(l)
	if len(lines) == 0 {
		m.f("%s", md(disclosureNone))
		m.blank()
		return
	}
	m.f("%s", md(disclosureIntro))
	m.blank()
	for _, d := range lines {
		m.f("- %s", md(d))
	}
	m.blank()
}
