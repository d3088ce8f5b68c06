package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/safetext"
	"github.com/tenderscore/tenderscore/score"
)

// Text writes every lot of a result as text.
func Text(w io.Writer, r score.Result) error {
	p := newPrinter(w)
	p.line("%s — %s", r.TenderID, r.TenderTitle)
	if facts := tenderFacts(r); facts != "" {
		p.line("%s", facts) // facts.go
	}
	for _, l := range r.Lots {
		p.blank()
		p.lot(l)
	}
	return p.done()
}

// LotText writes one lot: its outcome, standings, disqualifications, ties,
// the rules applied, and every bid's explanation.
func LotText(w io.Writer, l score.LotResult) error {
	p := newPrinter(w)
	p.lot(l)
	return p.done()
}

// BidText writes the explanation of one bid in a lot.
func BidText(w io.Writer, l score.LotResult, bidID string) error {
	b, ok := l.Bid(bidID)
	if !ok {
		return fmt.Errorf("lot %s has no bid %q", l.Lot.ID, bidID)
	}
	p := newPrinter(w)
	p.line("Lot %s — %s", l.Lot.ID, l.Lot.Title)
	p.bid(l, b)
	return p.done()
}

type printer struct {
	w   *bufio.Writer
	err error
}

func newPrinter(w io.Writer) *printer { return &printer{w: bufio.NewWriter(w)} }

// line writes one line. Every string argument is input until proven
// otherwise — a supplier name, a rationale — so its control and
// bidirectional characters are neutralised (package safetext): no input
// can forge a line, rewrite a terminal or reverse a document's text.
func (p *printer) line(format string, args ...any) {
	if p.err != nil {
		return
	}
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = safetext.Clean(s)
		}
	}
	_, p.err = fmt.Fprintf(p.w, format+"\n", args...)
}

// verbatim writes a line the renderer itself composed from constants and
// escaped text, unchanged.
func (p *printer) verbatim(s string) {
	if p.err != nil {
		return
	}
	_, p.err = p.w.WriteString(s + "\n")
}

// done flushes what was written and returns the first error met.
func (p *printer) done() error {
	if p.err == nil {
		p.err = p.w.Flush()
	}
	return p.err
}

func (p *printer) blank() { p.line("") }

func (p *printer) lot(l score.LotResult) {
	title := fmt.Sprintf("Lot %s — %s", l.Lot.ID, l.Lot.Title)
	p.line("%s", title)
	p.line("%s", strings.Repeat("=", len([]rune(title))))
	if facts := lotFacts(l.Lot); facts != "" {
		p.line("%s", facts)
	}
	if route := routeText(l.Route); route != "" {
		p.line("Route to market: %s", route)
	}
	if l.Lot.Regime != "" {
		p.line("Runs under %s (the lot's own regime)", regimeName(l.Lot.Regime))
	}
	p.blank()
	p.line("Outcome: %s", outcomeText(l))
	p.blank()
	if rows, notes := timelineRows(l.Timeline); len(rows) > 0 {
		p.line("Award timeline")
		for _, r := range rows {
			p.line("  %s", r)
		}
		for _, n := range notes {
			p.line("  note: %s", n)
		}
		p.blank()
	}
	if len(l.Standings) > 0 {
		p.line("Standings")
		for _, s := range l.Standings {
			rank := fmt.Sprint(s.Rank)
			if s.Tied {
				rank += "="
			}
			p.line("  %-4s %-10s %-40s %12s", rank, s.BidID, s.Supplier.Name, s.Score.String())
		}
		p.blank()
	}
	if dq := l.Disqualified(); len(dq) > 0 {
		p.line("Disqualified")
		for _, b := range dq {
			p.line("  %s (%s), at the %s stage:", b.BidID, b.Supplier.Name, b.Disqualified.Stage)
			for _, r := range b.Disqualified.Reasons {
				p.line("    - %s", r.Text)
			}
		}
		p.blank()
	}
	if len(l.TieBreaks) > 0 {
		p.line("Ties")
		for _, t := range l.TieBreaks {
			verdict := "resolved"
			if !t.Resolved {
				verdict = "NOT resolved"
			}
			p.line("  %s tied on their totals (%s):", strings.Join(t.Bids, ", "), verdict)
			for _, s := range t.Steps() {
				p.line("    - %s", s)
			}
		}
		p.blank()
	}
	p.line("Rules applied")
	for _, n := range l.Notes {
		p.line("  - %s", n)
	}
	for _, b := range l.Bids {
		p.blank()
		p.bid(l, b)
	}
}

func (p *printer) bid(l score.LotResult, b score.BidResult) {
	head := fmt.Sprintf("Bid %s — %s", b.BidID, b.Supplier.Name)
	switch {
	case b.Disqualified != nil:
		head += ": disqualified"
	case b.Tied:
		head += fmt.Sprintf(": rank %d (tied), %s", b.Rank, scoreText(l, b.Total.Points))
	default:
		head += fmt.Sprintf(": rank %d, %s", b.Rank, scoreText(l, b.Total.Points))
	}
	p.line("%s", head)
	p.line("%s", strings.Repeat("-", len([]rune(head))))
	if b.Disqualified != nil {
		for _, r := range b.Disqualified.Reasons {
			p.line("  Disqualified at the %s stage: %s", b.Disqualified.Stage, r.Text)
		}
	}
	if len(b.Gates) > 0 {
		p.line("  Pass/fail requirements")
		for _, g := range b.Gates {
			mark := "PASS"
			if !g.Pass {
				mark = "FAIL"
			}
			p.line("    [%s] %s", mark, g.Text)
		}
	}
	pol := l.Lot.Policy
	lines := b.Criteria()
	top := lineSiblings(lines, score.Line{})
	for _, c := range lines {
		p.criterion(c, pol, 1, top)
	}
	if b.QualityPercent != nil {
		p.line("  Quality percentage: %s%%", b.QualityPercent.String())
	}
	if b.Total.Scored {
		label := "Total"
		switch l.Lot.Policy.Basis {
		case score.PricePerQualityPoint:
			label = "Price per quality point"
		case score.AdjustedPrice:
			label = "Adjusted price"
		}
		p.line("%s", pad("  "+label, b.Total.Points.String()))
		for _, s := range b.Total.Working() {
			p.line("      %s", s.Text)
		}
	}
}

func (p *printer) criterion(c score.Line, pol score.Policy, depth int, g siblings) {
	ind := strings.Repeat("  ", depth)
	label := fmt.Sprintf("%s%s (%s)", ind, c.Title, weightText(c, pol, g))
	points := c.Points.String()
	if !c.Scored {
		points = "not scored"
	}
	p.line("%s", pad(label, points))
	if c.Input != "" {
		p.line("%s    response: %s", ind, c.Input)
	}
	for _, s := range c.Working {
		p.line("%s    %s", ind, s.Text)
	}
	for _, r := range c.Rationale {
		p.line("%s    rationale: %s", ind, r)
	}
	for _, n := range c.Notes {
		p.line("%s    note: %s", ind, n.Text)
	}
	sub := lineSiblings(c.Children, c)
	for _, ch := range c.Children {
		p.criterion(ch, pol, depth+1, sub)
	}
}

// lineSiblings is the group of lines under parent (the zero Line at the
// top level).
func lineSiblings(lines []score.Line, parent score.Line) siblings {
	ws := make([]decimal.Decimal, len(lines))
	for i, l := range lines {
		ws[i] = l.Weight
	}
	return siblingsOf(ws, parent.Title, parent.Weight)
}

// weightText words a line's weight as the policy publishes it, with the
// marks it carries where they differ from the weight.
func weightText(c score.Line, pol score.Policy, g siblings) string {
	marks := c.Available.String()
	if c.Category == score.Price && c.Available.IsZero() && c.Weight.IsZero() {
		if pol.Basis == score.AdjustedPrice {
			return "no weight: divided by the coefficient of the features"
		}
		return "no weight: divided by quality points"
	}
	switch pol.Weighting {
	case score.Points:
		s := pointsImportance(c.Weight, g)
		if !c.Available.Equal(exact.Whole(c.Weight)) {
			s += ", " + marks + " points"
		}
		return s
	case score.PercentOfTotal:
		return fmt.Sprintf("%s%% of the total", exact.Plain(c.Weight))
	}
	return fmt.Sprintf("weight %s%%, %s marks", exact.Plain(c.Weight), marks)
}

func scoreText(l score.LotResult, f score.Figure) string {
	switch l.Lot.Policy.Basis {
	case score.PricePerQualityPoint:
		return f.String() + " per quality point"
	case score.AdjustedPrice:
		return "an adjusted price of " + f.String()
	}
	return f.String() + " points"
}

func outcomeText(l score.LotResult) string {
	switch l.Outcome {
	case score.Winner:
		b, _ := l.Bid(l.Winner)
		if l.UnderLotRules {
			return fmt.Sprintf("%s (%s) ranks first with %s; the tender's lot rules decide which tender is awarded the lot (see the award)",
				b.BidID, b.Supplier.Name, scoreText(l, b.Total.Points))
		}
		return fmt.Sprintf("the most advantageous tender is %s (%s), %s", b.BidID, b.Supplier.Name, scoreText(l, b.Total.Points))
	case score.NoCompliantBid:
		return "no compliant bid — every bid was disqualified"
	case score.UnresolvedTie:
		var ids []string
		for _, s := range l.Standings {
			if s.Rank == 1 {
				ids = append(ids, s.BidID)
			}
		}
		return fmt.Sprintf("unresolved tie between %s — the declared tie-break chain cannot separate them", strings.Join(ids, " and "))
	}
	return string(l.Outcome)
}

// awardOutcomeText is a lot's outcome under the award, in one sentence:
// the tender ranked first, and — when the lot rules award the lot to
// another, or to none — who is awarded it and why.
func awardOutcomeText(a score.AwardResult, l score.LotResult) string {
	la, ok := a.Lot(l.Lot.ID)
	if !ok || l.Outcome != score.Winner {
		return outcomeText(l)
	}
	b, _ := l.Bid(l.Winner)
	first := fmt.Sprintf("%s (%s) ranks first with %s", b.BidID, b.Supplier.Name, scoreText(l, b.Total.Points))
	switch {
	case la.Status == score.Awarded && la.BidID == l.Winner:
		return fmt.Sprintf("the most advantageous tender is %s (%s), %s, and the lot is awarded to it", b.BidID, b.Supplier.Name, scoreText(l, b.Total.Points))
	case la.Status == score.Awarded:
		why := la.Explanation
		for _, po := range la.PassedOver {
			if po.BidID == l.Winner {
				why = po.Reason
			}
		}
		return fmt.Sprintf("%s, but the lot rules award the lot to %s (%s), ranked %d: %s", first, la.BidID, la.Supplier.Name, la.Rank, why)
	case la.Status == score.NotAwardedAllAtCap:
		return first + ", but the lot rules leave the lot unawarded: every compliant bidder has reached the cap on lots per supplier"
	}
	return outcomeText(l)
}

func routeText(r score.Route) string {
	var parts []string
	if r.Framework != "" {
		s := "framework " + r.Framework
		if r.Lot != "" {
			s += " lot " + r.Lot
		}
		parts = append(parts, s)
	}
	if r.Procedure != "" {
		parts = append(parts, r.Procedure)
	}
	return strings.Join(parts, ", ")
}

func authorityType(t score.AuthorityType) string {
	switch t {
	case score.CentralGovernment:
		return "central government"
	case score.SubCentral:
		return "sub-central authority"
	}
	return string(t)
}

func regimeName(r score.Regime) string {
	switch r {
	case score.PA2023:
		return "the Procurement Act 2023"
	case score.PCR2015:
		return "the Public Contracts Regulations 2015"
	}
	return string(r)
}

// pad right-aligns value after label in a 74-column line, or leaves two
// spaces when the label is too long.
func pad(label, value string) string {
	const width = 74
	gap := width - len([]rune(label)) - len([]rune(value))
	if gap < 2 {
		gap = 2
	}
	return label + strings.Repeat(" ", gap) + value
}
