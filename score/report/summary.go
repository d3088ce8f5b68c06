package report

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// SummaryStatus says where one bidder's tender stands, in a summary.
type SummaryStatus string

// Summary statuses.
const (
	// MostAdvantageous: the bidder's tender is the most advantageous.
	MostAdvantageous SummaryStatus = "most-advantageous"
	// NotMostAdvantageous: compliant, but another tender is the most
	// advantageous.
	NotMostAdvantageous SummaryStatus = "not-most-advantageous"
	// Disqualified: the tender was disqualified; the reasons are given.
	Disqualified SummaryStatus = "disqualified"
	// AwaitingTieBreak: no tender has yet won, because the leading tenders
	// are level after the whole declared tie-break chain.
	AwaitingTieBreak SummaryStatus = "awaiting-tie-break"
	// NoAward: no tender was compliant, so the lot cannot be awarded.
	NoAward SummaryStatus = "no-award"
	// DisregardedTender: the tender was disregarded in the assessment (PA
	// 2023 s.19(3), s.26): it was not assessed, and the document says why.
	DisregardedTender SummaryStatus = "disregarded"
)

// Summary is the document one bidder is given about one lot's award. Which
// document it is follows the lot's award route and regime (see
// [Document]): for a contract awarded under the Procurement Act 2023 s.19,
// the assessment summary s.50(3) requires, with the content of the
// Procurement Regulations 2024 reg 31 — the supplier's name, contact
// address, email and unique identifier; the award criteria; its tender's
// score for each criterion and sub-criterion with the explanation by
// reference to its tender, totals and sub-totals; the same for the most
// advantageous tender; and why it did not win. Under PCR 2015, the reg 86
// notice of the award decision; for a framework call-off, a voluntary
// debrief of the same shape; for a disregarded tender, a letter saying why.
//
// A Summary reveals nothing of any other unsuccessful bidder: no name,
// price, mark or rank. It is built once, by [Summarise], with every working
// line that would show another unsuccessful bidder's figures replaced by a
// description of the method; the Markdown, HTML and JSON renderings all
// show the same content.
type Summary struct {
	// Document is the kind of document, and Basis its legal basis in the
	// paragraphs the bidder reads.
	Document Document
	Basis    []string
	// Procedure describes the procedure the lot is awarded under: "a
	// call-off competition under RM6190 lot 3 (Procurement Act 2023)".
	Procedure string
	// Date is the day the document is provided ([SentOn]); zero when not
	// given.
	Date date.Date
	// MethodologyAt says where the award criteria and assessment
	// methodology can be read in full (score.Tender.Documents).
	MethodologyAt string
	// Timeline is the lot's award timeline as the bidder reads it: when
	// standstill ends, the first day the contract may be entered into, the
	// notice due after; empty when the result carries none
	// (score.WithTimelines).
	Timeline    []TimelineLine
	TenderID    string
	TenderTitle string
	Authority   string
	// Regime is the law the lot runs under: its own when it declares one,
	// else the tender's.
	Regime   score.Regime
	LotID    string
	LotTitle string
	// BidID and Supplier identify the bidder the summary is for.
	BidID    string
	Supplier score.Supplier
	Status   SummaryStatus
	// Criteria are the published award criteria, as a tree.
	Criteria []AwardCriterion
	// Gates are the published pass/fail requirements.
	Gates []criteria.Gate
	// Rules are the other published rules: basis, weights, rounding,
	// thresholds and the tie-break chain, each in a sentence.
	Rules []string
	// Yours is the bidder's own tender as assessed.
	Yours AssessedTender
	// MostAdvantageous is the most advantageous tender as assessed; nil when
	// there is none, or when it is the bidder's own.
	MostAdvantageous *AssessedTender
	// WhyNot says why the tender was not the most advantageous; empty for
	// the winner.
	WhyNot []string
	// Withheld says what was left out to keep other bidders' tenders
	// confidential, if anything.
	Withheld []string
}

// AwardCriterion is one published award criterion.
type AwardCriterion struct {
	ID       string
	Title    string
	Category score.Category
	// Question is the published question or what is assessed, if given.
	Question string
	// Importance says the relative importance in words: "40%", "40% of
	// Quality".
	Importance string
	// Available is the most points the criterion can give.
	Available exact.Fraction
	// HowScored says how the criterion is scored.
	HowScored string
	Children  []AwardCriterion
}

// AssessedTender is one tender's assessment as shown in a summary.
type AssessedTender struct {
	BidID    string
	Supplier score.Supplier
	// Disqualified holds the reasons the tender was disqualified, if it was.
	Disqualified []string
	// Disregarded is true when the tender was disregarded rather than
	// disqualified (see score.Disqualification.Disregarded).
	Disregarded bool
	Gates       []score.GateLine
	Criteria    []AssessedLine
	// Total is the total as shown, when one was formed; TotalLabel names
	// it ("Total", "Price per quality point", "Adjusted price").
	Total        *score.Figure
	TotalLabel   string
	TotalWorking []string
}

// AssessedLine is one criterion's score for one tender, with its
// explanation.
type AssessedLine struct {
	CriterionID string
	Title       string
	Available   exact.Fraction
	Scored      bool
	// Points is the score as shown.
	Points score.Figure
	// Input is the response as assessed ("£2,450,000.00", "consensus mark
	// 3 (Good) of 4").
	Input string
	// Working is the calculation, line by line.
	Working []string
	// Rationale is the evaluators' recorded reasons.
	Rationale []string
	Notes     []string
	// Withheld is true when a line of working was replaced to keep another
	// bidder's figures confidential.
	Withheld bool
	Children []AssessedLine
}

// Summaries builds the document of every bidder of every lot, lot by lot in
// the result's order, bids in the lot's order, all with the same options
// (so the same date: reg 31(4)).
func Summaries(r score.Result, opts ...SummaryOption) ([]Summary, error) {
	var out []Summary
	for _, l := range r.Lots {
		for _, b := range l.Bids {
			s, err := Summarise(r, l.Lot.ID, b.BidID, opts...)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
	}
	return out, nil
}

// Summarise builds one bidder's document for one lot: its assessment
// summary, notice of the award decision, voluntary debrief or disregard
// letter, as the lot's route and regime and the tender's fate decide.
func Summarise(r score.Result, lotID, bidID string, opts ...SummaryOption) (Summary, error) {
	o, err := summaryOptionsOf(r, opts)
	if err != nil {
		return Summary{}, err
	}
	l, ok := r.Lot(lotID)
	if !ok {
		return Summary{}, fmt.Errorf("the result has no lot %q", lotID)
	}
	b, ok := l.Bid(bidID)
	if !ok {
		return Summary{}, fmt.Errorf("lot %s has no bid %q", lotID, bidID)
	}
	s := Summary{TenderID: r.TenderID, TenderTitle: r.TenderTitle, Authority: r.Authority.Name, Regime: r.Regime,
		LotID: l.Lot.ID, LotTitle: l.Lot.Title, BidID: b.BidID, Supplier: b.Supplier,
		Criteria: awardCriteria(l.Lot.Policy, l.Lot.Policy.Criteria, b.Criteria(), nil), Gates: l.Lot.Policy.PassFail(),
		Rules: publishedRules(l)}
	if l.Lot.Regime != "" {
		s.Regime = l.Lot.Regime // a lot under its own regime (a PCR 2015 framework's call-off)
	}
	proc := score.Procedure{Regime: s.Regime, Route: l.Route}
	s.Document = documentFor(proc, b.Disqualified != nil && b.Disqualified.Disregarded)
	s.Basis = basisText(s.Document, proc, r.Authority)
	s.Procedure, s.Date, s.MethodologyAt = proc.String(), o.sent, r.Documents
	if err := s.setTimeline(l.Timeline); err != nil {
		return Summary{}, err
	}
	if s.Document == DisregardLetter {
		return disregardLetter(s, b), nil
	}
	allowed := map[string]bool{b.BidID: true}
	if l.Outcome == score.Winner {
		allowed[l.Winner] = true
	}
	var withheld bool
	s.Yours = assess(l, b, allowed, &withheld)
	switch {
	case b.Disqualified != nil && l.Outcome == score.NoCompliantBid:
		s.Status = NoAward
	case b.Disqualified != nil:
		s.Status = Disqualified
	case l.Outcome == score.Winner && l.Winner == b.BidID:
		s.Status = MostAdvantageous
	case l.Outcome == score.Winner:
		s.Status = NotMostAdvantageous
	case l.Outcome == score.UnresolvedTie:
		s.Status = AwaitingTieBreak
	default:
		s.Status = NoAward
	}
	if l.Outcome == score.Winner && l.Winner != b.BidID {
		w, _ := l.Bid(l.Winner)
		mat := assess(l, w, allowed, &withheld)
		s.MostAdvantageous = &mat
	}
	s.WhyNot = whyNot(l, b, s.Status)
	if b.Disqualified != nil && b.Disqualified.Disregarded {
		s.Status = DisregardedTender
	}
	if withheld {
		s.Withheld = append(s.Withheld, "Where a score depends on another unsuccessful bidder's figures (for example the lowest price in the field), "+
			"the method is described and the figures are not shown: they belong to that bidder's tender and are kept confidential. "+
			"Scores are shown as the evaluation policy rounds them.")
	}
	return withoutCaveats(s), nil
}

// disregardLetter is the document of a tender disregarded in the
// assessment: who it is for, and why. It was not scored, so it shows no
// award criteria, scores or other tender.
func disregardLetter(s Summary, b score.BidResult) Summary {
	s.Status = DisregardedTender
	s.Criteria, s.Gates, s.Rules = nil, nil, nil
	s.Yours = AssessedTender{BidID: b.BidID, Supplier: b.Supplier, Gates: b.Gates}
	for _, r := range b.Disqualified.Reasons {
		s.WhyNot = append(s.WhyNot, sentence(r.Text))
	}
	return withoutCaveats(s)
}

func awardCriteria(p score.Policy, cs []score.Criterion, lines []score.Line, parent *score.Criterion) []AwardCriterion {
	var out []AwardCriterion
	g := criterionSiblings(cs, parent)
	for i, c := range cs {
		a := AwardCriterion{ID: c.ID, Title: c.Title, Category: c.Category, Question: c.Description, HowScored: howScored(p, c)}
		var ln score.Line
		if i < len(lines) {
			ln = lines[i]
			a.Available = ln.Available
			if a.Category == "" {
				a.Category = ln.Category
			}
		}
		a.Importance = importance(p, c, g)
		a.Children = awardCriteria(p, c.Children, ln.Children, &cs[i])
		out = append(out, a)
	}
	return out
}

// criterionSiblings is the group of criteria cs under parent (nil at the
// top level).
func criterionSiblings(cs []score.Criterion, parent *score.Criterion) siblings {
	ws := make([]decimal.Decimal, len(cs))
	for i, c := range cs {
		ws[i] = c.Weight
	}
	if parent == nil {
		return siblingsOf(ws, "", decimal.Zero)
	}
	return siblingsOf(ws, parent.Title, parent.Weight)
}

func importance(p score.Policy, c score.Criterion, g siblings) string {
	if p.Basis == score.PricePerQualityPoint && c.Price != nil {
		return "no weight: the price is divided by the quality points"
	}
	if p.Basis == score.AdjustedPrice && c.Price != nil {
		return "no weight: the price is divided by the coefficient of the features chosen"
	}
	switch p.Weighting {
	case score.Points:
		return pointsImportance(c.Weight, g)
	case score.PercentOfTotal:
		return fmt.Sprintf("%s%% of the total", exact.Plain(c.Weight))
	}
	s := exact.Plain(c.Weight) + "%"
	if g.parent != "" {
		s += " of " + g.parent
	}
	return s
}

func howScored(p score.Policy, c score.Criterion) string {
	var s string
	switch {
	case len(c.Children) > 0:
		s = "the sum of its sub-criteria's points"
	case c.Method() != "":
		s = c.Method()
	case c.Description != "":
		s = "as published: " + c.Description
	default:
		s = "as published in the assessment methodology"
	}
	if c.MinPercent != nil {
		s += fmt.Sprintf("; a score below %s%% of its marks disqualifies", exact.Plain(*c.MinPercent))
	}
	return s
}

// publishedRules states the policy's rules without mentioning any bid.
func publishedRules(l score.LotResult) []string {
	p := l.Lot.Policy
	var out []string
	switch p.Basis {
	case score.PricePerQualityPoint:
		out = append(out, "Price and quality combine as price per quality point: each tender's price divided by its quality points; the lowest wins.")
	case score.AdjustedPrice:
		out = append(out, adjustedRules(p, l.Rounding)...) // summary_features.go
	default:
		out = append(out, "Each criterion's points are added up; the highest total wins.")
	}
	if p.Weighting == score.Points {
		out = append(out, pointsTotalRule(p)) // weights.go
	}
	var parts []string
	for _, r := range l.Rounding {
		if p.Basis == score.AdjustedPrice {
			break // said with the adjusted price
		}
		parts = append(parts, fmt.Sprintf("%s to %d decimal places, %s", stageWords(r.Stage), r.Places, r.Mode))
	}
	if len(parts) > 0 {
		out = append(out, "Rounding: "+strings.Join(parts, "; ")+".")
	}
	if m := p.Thresholds.MinQualityPercent; m != nil {
		out = append(out, fmt.Sprintf("A tender scoring less than %s%% of the quality marks available is disqualified.", exact.Plain(*m)))
	}
	if len(p.TieBreaks) > 0 {
		var steps []string
		for i, tb := range p.TieBreaks {
			steps = append(steps, fmt.Sprintf("(%d) %s", i+1, tieBreakWords(p, tb)))
		}
		out = append(out, "Tenders with equal totals are separated by, in order: "+strings.Join(steps, "; ")+".")
	}
	return out
}

func stageWords(s score.Stage) string {
	switch s {
	case score.Normalised:
		return "each criterion's share of its marks"
	case score.LeafPoints:
		return "each criterion's weighted points"
	case score.TopLevel:
		return "each top-level criterion's points"
	case score.Total:
		return "the total"
	}
	return string(s)
}

func tieBreakWords(p score.Policy, tb score.TieBreak) string {
	if tb.Description != "" {
		return tb.Description
	}
	title := tb.Criterion
	var find func(cs []score.Criterion)
	find = func(cs []score.Criterion) {
		for _, c := range cs {
			if c.ID == tb.Criterion {
				title = c.Title
			}
			find(c.Children)
		}
	}
	find(p.Criteria)
	switch tb.Kind {
	case score.HigherPoints:
		return "higher points on " + title
	case score.LowerPrice:
		return "lower price"
	case score.Recorded:
		return "a recorded tie-break step (" + tb.Name + ")"
	}
	return string(tb.Kind)
}

// assess builds one tender's assessment, withholding any working that uses
// the figures of a bid not in allowed.
func assess(l score.LotResult, b score.BidResult, allowed map[string]bool, withheld *bool) AssessedTender {
	a := AssessedTender{BidID: b.BidID, Supplier: b.Supplier, Gates: b.Gates}
	if b.Disqualified != nil {
		a.Disregarded = b.Disqualified.Disregarded
		for _, r := range b.Disqualified.Reasons {
			a.Disqualified = append(a.Disqualified, sentence(r.Text))
		}
	}
	policy := l.Lot.Policy
	a.Criteria = assessLines(policy, b.Criteria(), allowed, withheld)
	if b.Total.Scored {
		t := b.Total.Points
		a.Total = &t
		a.TotalLabel = "Total"
		switch policy.Basis {
		case score.PricePerQualityPoint:
			a.TotalLabel = "Price per quality point"
		case score.AdjustedPrice:
			a.TotalLabel = "Adjusted price"
		}
		for _, st := range b.Total.Working() {
			if discloses(st, allowed) {
				*withheld = true
				continue
			}
			a.TotalWorking = append(a.TotalWorking, st.Text)
		}
	}
	return a
}

// everything, in a set of allowed bids, allows every line: the authority's
// own report.
const everything = "\x00all"

// discloses reports whether a line of working or a note would tell the
// reader about a bid it may not see: it shows such a bid's figures (Uses),
// or it states a fact about the field as a whole (Field: "every price in
// the field is the same", "only one price in the field"), which describes
// the other bidders whoever reads it.
func discloses(st score.Step, allowed map[string]bool) bool {
	if allowed[everything] {
		return false
	}
	if st.Field {
		return true
	}
	for _, u := range st.Uses {
		if !allowed[u] {
			return true
		}
	}
	return false
}

func assessLines(p score.Policy, ls []score.Line, allowed map[string]bool, withheld *bool) []AssessedLine {
	var out []AssessedLine
	for _, ln := range ls {
		al := AssessedLine{CriterionID: ln.CriterionID, Title: ln.Title, Available: ln.Available, Scored: ln.Scored,
			Points: ln.Points, Input: ln.Input, Rationale: ln.Rationale}
		for _, n := range ln.Notes {
			if discloses(n, allowed) {
				al.Withheld, *withheld = true, true
				continue
			}
			al.Notes = append(al.Notes, n.Text)
		}
		cut := -1
		for i, st := range ln.Working {
			if discloses(st, allowed) {
				cut = i
				break
			}
		}
		for i, st := range ln.Working {
			if cut >= 0 && i >= cut {
				break
			}
			al.Working = append(al.Working, st.Text)
		}
		if cut >= 0 {
			al.Withheld = true
			*withheld = true
			al.Working = append(al.Working, confidentialMethod(p, ln.CriterionID))
			text := fmt.Sprintf("score: %s of %s marks available", ln.Points, ln.Available)
			if ln.Rounding != nil {
				text += fmt.Sprintf(", rounded to %d decimal places %s as the policy declares", ln.Rounding.Places, ln.Rounding.Mode)
			}
			al.Working = append(al.Working, text)
		}
		al.Children = assessLines(p, ln.Children, allowed, withheld)
		out = append(out, al)
	}
	return out
}

// confidentialMethod describes a criterion's method without the figures of
// the other bids it compares with.
func confidentialMethod(p score.Policy, id string) string {
	const kept = "it belongs to another unsuccessful bidder's tender, so it is kept confidential"
	c := findCriterion(p.Criteria, id)
	if c != nil && c.Price != nil {
		switch c.Price.Method {
		case criteria.Relative:
			return "the price is scored against the lowest compliant price in the field: lowest price ÷ this price × marks available; the lowest price is not shown here because " + kept
		case criteria.Linear:
			return "the price is scored between the highest and lowest compliant prices: (highest − this price) ÷ (highest − lowest) × marks available; those prices are not shown here because each belongs to another unsuccessful bidder's tender and is kept confidential"
		case criteria.Deduction:
			return fmt.Sprintf("the price loses %s × the share by which it is above the lowest compliant price, as a share of the marks; the lowest price is not shown here because %s", exact.Plain(c.Price.Rate), kept)
		}
	}
	return "this score compares the response with the other compliant responses; their figures are not shown here because they belong to other unsuccessful bidders' tenders and are kept confidential"
}

func findCriterion(cs []score.Criterion, id string) *score.Criterion {
	for i := range cs {
		if cs[i].ID == id {
			return &cs[i]
		}
		if c := findCriterion(cs[i].Children, id); c != nil {
			return c
		}
	}
	return nil
}

func whyNot(l score.LotResult, b score.BidResult, st SummaryStatus) []string {
	var out []string
	switch st {
	case MostAdvantageous:
		return nil
	case Disqualified, NoAward:
		if b.Disqualified != nil {
			out = append(out, fmt.Sprintf("Your tender was disqualified at the %s stage, so it could not be the most advantageous tender:", stageName(b.Disqualified.Stage)))
			for _, r := range b.Disqualified.Reasons {
				out = append(out, r.Text)
			}
		}
		if st == NoAward {
			out = append(out, "No tender was compliant, so the lot cannot be awarded on this evaluation.")
		}
		return out
	case AwaitingTieBreak:
		if b.Rank == 1 {
			return []string{"Your tender is level with another at the top after the whole published tie-break chain. No tender is yet the most advantageous: the authority must settle the tie by its declared final step before any award."}
		}
		return []string{"No tender is yet the most advantageous: the leading tenders are level after the published tie-break chain, and the authority must settle the tie by its declared final step. Your tender was not among them."}
	}
	w, _ := l.Bid(l.Winner)
	basis := l.Lot.Policy.Basis
	lower := basis == score.PricePerQualityPoint || basis == score.AdjustedPrice
	unit := "points"
	if lower {
		unit = "per quality point"
	}
	cmp := b.Total.Points.Value.Cmp(w.Total.Points.Value)
	switch {
	case cmp == 0 && basis == score.AdjustedPrice:
		out = append(out, fmt.Sprintf("Your adjusted price of %s was level with the most advantageous tender's, so the published tie-break chain decided.", b.Total.Points))
		out = append(out, tieSteps(l, b.BidID)...)
	case cmp == 0:
		out = append(out, fmt.Sprintf("Your total of %s %s was level with the most advantageous tender's, so the published tie-break chain decided.", b.Total.Points, unit))
		out = append(out, tieSteps(l, b.BidID)...)
	case basis == score.AdjustedPrice:
		diff := b.Total.Points.Value.Sub(w.Total.Points.Value)
		out = append(out, fmt.Sprintf("Your adjusted price was %s; the most advantageous tender's was %s, which is %s lower. Under this basis the lowest adjusted price wins.",
			b.Total.Points, w.Total.Points, figureLike(diff, w.Total.Points)))
	case lower:
		diff := b.Total.Points.Value.Sub(w.Total.Points.Value)
		out = append(out, fmt.Sprintf("Your price per quality point was %s; the most advantageous tender's was %s, which is %s lower. Under this basis the lowest price per quality point wins.",
			b.Total.Points, w.Total.Points, diff))
	default:
		diff := w.Total.Points.Value.Sub(b.Total.Points.Value)
		out = append(out, fmt.Sprintf("Your total was %s points; the most advantageous tender's was %s points, %s more.", b.Total.Points, w.Total.Points, figureLike(diff, w.Total.Points)))
	}
	wlines := w.Criteria()
	for i, ln := range b.Criteria() {
		if i >= len(wlines) || !ln.Scored || !wlines[i].Scored || ln.Available.IsZero() {
			continue
		}
		wl := wlines[i]
		var rel string
		switch c := ln.Points.Value.Cmp(wl.Points.Value); {
		case c < 0:
			rel = fmt.Sprintf("%s fewer than the most advantageous tender's %s", figureLike(wl.Points.Value.Sub(ln.Points.Value), ln.Points), wl.Points)
		case c > 0:
			rel = fmt.Sprintf("%s more than the most advantageous tender's %s", figureLike(ln.Points.Value.Sub(wl.Points.Value), ln.Points), wl.Points)
		default:
			rel = "the same as the most advantageous tender"
		}
		out = append(out, fmt.Sprintf("%s: %s of %s marks for your tender, %s.", ln.Title, ln.Points, ln.Available, rel))
	}
	return out
}

// figureLike shows a difference to the places of a figure it derives from.
func figureLike(v exact.Fraction, f score.Figure) string {
	return score.Figure{Value: v, Places: f.Places}.String()
}

// tieSteps explains how the published tie-break chain put the winner
// before the bid, comparing the two tenders only, step by step, so that no
// other tender that shared the total is revealed.
func tieSteps(l score.LotResult, id string) []string {
	b, _ := l.Bid(id)
	w, _ := l.Bid(l.Winner)
	p := l.Lot.Policy
	var out []string
	for i, tb := range p.TieBreaks {
		step := fmt.Sprintf("Tie-break step %d, %s: ", i+1, tieBreakWords(p, tb))
		switch tb.Kind {
		case score.HigherPoints:
			bl, ok1 := score.FindLine(b.Criteria(), tb.Criterion)
			wl, ok2 := score.FindLine(w.Criteria(), tb.Criterion)
			if !ok1 || !ok2 {
				continue
			}
			if bl.Points.Value.Equal(wl.Points.Value) {
				out = append(out, step+fmt.Sprintf("both tenders have %s, still level.", bl.Points))
				continue
			}
			return append(out, step+fmt.Sprintf("the most advantageous tender has %s, yours %s, so it comes first.", wl.Points, bl.Points))
		case score.LowerPrice:
			bi, wi := priceInput(p, tb, b), priceInput(p, tb, w)
			if bi == wi {
				out = append(out, step+fmt.Sprintf("both tenders are priced %s, still level.", bi))
				continue
			}
			return append(out, step+fmt.Sprintf("the most advantageous tender's price is %s, yours %s, so it comes first.", wi, bi))
		case score.Recorded:
			return append(out, step+"the authority's recorded outcome of this step puts the most advantageous tender first.")
		}
	}
	return out
}

// priceInput is a bid's price as assessed on the tie-break's price
// criterion (the only price criterion when the step names none).
func priceInput(p score.Policy, tb score.TieBreak, b score.BidResult) string {
	id := tb.Criterion
	if id == "" {
		var prices []string
		var walk func(cs []score.Criterion)
		walk = func(cs []score.Criterion) {
			for _, c := range cs {
				if c.Price != nil {
					prices = append(prices, c.ID)
				}
				walk(c.Children)
			}
		}
		walk(p.Criteria)
		if len(prices) == 1 {
			id = prices[0]
		}
	}
	if l, ok := score.FindLine(b.Criteria(), id); ok {
		return l.Input
	}
	return ""
}

func stageName(s score.DisqualifyStage) string {
	switch s {
	case score.AtDisregard:
		return "disregard"
	case score.AtGate:
		return "pass/fail requirements"
	case score.AtThreshold:
		return "minimum score"
	case score.AtBudget:
		return "maximum budget"
	case score.AtRatio:
		return "price per quality point"
	}
	return string(s)
}
