package report

import (
	"fmt"
	"html/template"
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
	return render(w, "report", reportView(r, nil, analyses))
}

// AwardReportHTML writes the evaluation report of a tender awarded under
// lot rules as one self-contained HTML page: [ReportHTML] for the
// evaluation in force, with the award beside each lot's outcome and the
// award section of [AwardReportMarkdown].
func AwardReportHTML(w io.Writer, a score.AwardResult, analyses ...analysis.LotAnalysis) error {
	return render(w, "report", reportView(a.Result, &a, analyses))
}

// reportPage is the authority's report as the report template draws it.
type reportPage struct {
	Title, Heading, Authority, Date string
	// Panel holds the evaluation panel's rows; PanelNote is said instead
	// when there is none.
	Panel      [][3]string
	PanelNote  string
	LotRows    []lotRow
	Award      *awardView
	Lots       []lotView
	AnnexIntro string
	Annex      []annexView
}

// lotRow is one lot in the table of outcomes.
type lotRow struct{ Anchor, ID, Title, Outcome string }

// annexView is one lot's restricted analyses.
type annexView struct {
	Heading  string
	Sections []sectionView
}

// sectionView is a headed paragraph and list of an analysis.
type sectionView struct {
	Title, Intro string
	Items        []string
}

func reportView(r score.Result, a *score.AwardResult, analyses []analysis.LotAnalysis) reportPage {
	title := fmt.Sprintf("Evaluation report: %s, %s", r.TenderID, r.TenderTitle)
	v := reportPage{Title: title, Heading: title,
		Authority: sentenceOrEmpty(tenderFacts(r)),
		Date:      reportDate(r), Panel: panelRows(r), PanelNote: panelNote, AnnexIntro: restrictedIntro}
	outcome := lotOutcome(a)
	for _, l := range r.Lots {
		v.LotRows = append(v.LotRows, lotRow{Anchor: anchor(l.Lot.ID), ID: l.Lot.ID, Title: l.Lot.Title, Outcome: outcome(l)})
	}
	if a != nil {
		v.Award = awardOf(*a)
	}
	for _, l := range r.Lots {
		v.Lots = append(v.Lots, lotViewOf(l, outcome(l), analysisFor(analyses, l.Lot.ID)))
	}
	for _, al := range annexOf(r, analyses) {
		av := annexView{Heading: fmt.Sprintf("Lot %s: %s", al.lot.Lot.ID, al.lot.Lot.Title)}
		for _, s := range al.sections {
			av.Sections = append(av.Sections, sectionOf(s))
		}
		v.Annex = append(v.Annex, av)
	}
	return v
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

// lotView is one lot's section.
type lotView struct {
	Anchor, Heading, Facts, Outcome string
	Titles                          []string
	Standings                       []standingRow
	Chart                           template.HTML
	Prices                          []priceTable
	Marks                           *marksMatrix
	Thresholds                      []string
	Disqualified                    []dqView
	Ties                            []tieView
	Notes, Timeline                 []string
	Moderation                      [][5]string
	ModerationNote                  string
	Disclosures                     []string
	DisclosureIntro, DisclosureNone string
	Analyses                        []sectionView
	Bids                            []explainedView
}

// standingRow is one bid in the standings.
type standingRow struct {
	Out                 bool // disqualified
	Rank, Bid, Supplier string
	Points              []string
	Total               string
}

// dqView is one disqualified bid.
type dqView struct{ Who, Stage, Reasons string }

// tieView is one tie and the steps that dealt with it.
type tieView struct {
	Head  string
	Steps []string
}

// explainedView is one bid's explanation, under its summary line.
type explainedView struct {
	Summary string
	Tender  tenderView
}

func lotViewOf(l score.LotResult, outcome string, a *analysis.LotAnalysis) lotView {
	v := lotView{Anchor: anchor(l.Lot.ID), Heading: fmt.Sprintf("Lot %s: %s", l.Lot.ID, l.Lot.Title), Facts: lotLine(l), Outcome: outcome,
		Titles: topTitles(l), Chart: template.HTML(chartSVG(l)), Prices: pricesOf(l), Marks: marksOf(l), Thresholds: thresholds(l),
		Notes: l.Notes, Moderation: moderationRows(l), ModerationNote: moderationNote,
		Disclosures: disclosureLines(l), DisclosureIntro: disclosureIntro, DisclosureNone: disclosureNone}
	for _, b := range l.Bids {
		row := standingRow{Out: b.Disqualified != nil, Rank: rankCell(b), Bid: b.BidID, Supplier: b.Supplier.Name, Total: totalCell(l, b)}
		for i := range v.Titles {
			row.Points = append(row.Points, cell(b, i))
		}
		v.Standings = append(v.Standings, row)
	}
	for _, b := range l.Disqualified() {
		v.Disqualified = append(v.Disqualified, dqView{Who: fmt.Sprintf("%s (%s)", b.BidID, b.Supplier.Name), Stage: stageName(b.Disqualified.Stage), Reasons: reasonsText(b)})
	}
	for _, t := range l.TieBreaks {
		verdict := "resolved"
		if !t.Resolved {
			verdict = "NOT resolved"
		}
		v.Ties = append(v.Ties, tieView{Head: fmt.Sprintf("%s tied on their totals (%s):", strings.Join(t.Bids, ", "), verdict), Steps: t.Steps()})
	}
	if rows, notes := timelineRows(l.Timeline); len(rows) > 0 {
		for _, n := range notes {
			rows = append(rows, "Note: "+n)
		}
		v.Timeline = rows
	}
	if a != nil {
		for _, s := range analysisSections(a) {
			if !s.restricted() {
				v.Analyses = append(v.Analyses, sectionOf(s))
			}
		}
	}
	for _, b := range l.Bids {
		head := fmt.Sprintf("%s (%s): ", b.BidID, b.Supplier.Name)
		if b.Disqualified != nil {
			head += "disqualified"
		} else {
			head += fmt.Sprintf("rank %s, %s", rankCell(b), totalCell(l, b))
		}
		v.Bids = append(v.Bids, explainedView{Summary: head, Tender: tenderOf(full(l, b), "this tender")})
	}
	return v
}

// awardView is the award section.
type awardView struct {
	Provisional bool
	Notes, Lots []string
	Suppliers   []supplierRow
	Tally       string
	Offers      []string
	Decision    string
}

// supplierRow is one supplier and the lots it is awarded.
type supplierRow struct{ Name, Lots string }

func awardOf(a score.AwardResult) *awardView {
	v := &awardView{Provisional: a.Provisional, Notes: a.Notes, Tally: tallyText(a), Decision: a.Decision}
	for _, id := range a.Order {
		la, ok := a.Lot(id)
		if !ok {
			continue
		}
		item := fmt.Sprintf("Lot %s, %s: %s", la.LotID, la.Title, la.Explanation)
		for _, po := range la.PassedOver {
			item += "; passed over: " + po.Reason
		}
		v.Lots = append(v.Lots, item)
	}
	for _, s := range a.Suppliers {
		lots := "none"
		if len(s.Lots) > 0 {
			lots = score.LotWords(s.Lots)
		}
		v.Suppliers = append(v.Suppliers, supplierRow{Name: s.Supplier.Name, Lots: lots})
	}
	for _, o := range a.Offers {
		v.Offers = append(v.Offers, fmt.Sprintf("Cross-lot offer %s from %s (%s together, %s%% off): %s — %s", o.Offer.ID, o.Supplier.Name,
			score.LotWords(o.Offer.Lots), exact.Plain(o.Offer.PercentOff), strings.ReplaceAll(string(o.Status), "-", " "), o.Reason))
	}
	return v
}

func sectionOf(s section) sectionView {
	return sectionView{Title: s.title, Intro: s.intro, Items: s.items}
}
