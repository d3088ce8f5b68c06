package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/tenderscore/tenderscore/score"
)

// md escapes text for Markdown so that a name or a rationale cannot change
// the document's structure.
func md(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '*', '_', '|', '<', '>', '[', ']', '`', '#':
			b.WriteByte('\\')
		case '\n':
			b.WriteString(" ")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdWriter writes Markdown and remembers the first error.
type mdWriter struct {
	p *printer
}

func (m mdWriter) f(format string, args ...any) { m.p.line(format, args...) }

func (m mdWriter) blank() { m.p.blank() }

// SummaryMarkdown writes one bidder's assessment summary as Markdown.
func SummaryMarkdown(w io.Writer, s Summary) error {
	m := mdWriter{newPrinter(w)}
	m.f("# Assessment summary: lot %s, %s", md(s.LotID), md(s.LotTitle))
	m.blank()
	m.f("- **Procurement:** %s, %s", md(s.TenderID), md(s.TenderTitle))
	m.f("- **Contracting authority:** %s", md(s.Authority))
	m.f("- **For:** %s (tender %s)", md(s.Supplier.Name), md(s.BidID))
	m.f("- **Result for your tender:** %s", statusWords(s.Status))
	m.blank()
	m.f("%s", md(introText(s)))
	m.blank()
	m.f("## The award criteria")
	m.blank()
	m.f("| Criterion | Relative importance | Marks available | How it is scored |")
	m.f("| --- | --- | ---: | --- |")
	var rows func(cs []AwardCriterion, depth int)
	rows = func(cs []AwardCriterion, depth int) {
		for _, c := range cs {
			title := strings.Repeat("— ", depth) + md(c.Title)
			how := md(c.HowScored)
			if c.Question != "" {
				how = md(c.Question) + ". " + how
			}
			m.f("| %s | %s | %s | %s |", title, md(c.Importance), md(c.Available.String()), how)
			rows(c.Children, depth+1)
		}
	}
	rows(s.Criteria, 0)
	m.blank()
	if len(s.Gates) > 0 {
		m.f("Pass/fail requirements, applied before any scoring; a tender failing any of them is disqualified:")
		m.blank()
		for _, g := range s.Gates {
			line := "- " + md(g.Title)
			if g.Requirement != "" {
				line += ": " + md(g.Requirement)
			}
			m.f("%s", line)
		}
		m.blank()
	}
	if len(s.Rules) > 0 {
		m.f("Other published rules:")
		m.blank()
		for _, r := range s.Rules {
			m.f("- %s", md(r))
		}
		m.blank()
	}
	m.f("## How your tender was scored")
	m.blank()
	mdTender(m, s.Yours, "your tender")
	if s.MostAdvantageous != nil {
		m.f("## The most advantageous tender: %s (tender %s)", md(s.MostAdvantageous.Supplier.Name), md(s.MostAdvantageous.BidID))
		m.blank()
		mdTender(m, *s.MostAdvantageous, "the most advantageous tender")
	}
	if len(s.WhyNot) > 0 {
		m.f("## Why your tender was not successful")
		m.blank()
		for _, w := range s.WhyNot {
			m.f("- %s", md(w))
		}
		m.blank()
	}
	if len(s.Withheld) > 0 {
		m.f("## Confidentiality")
		m.blank()
		for _, w := range s.Withheld {
			m.f("%s", md(w))
		}
		m.blank()
	}
	return m.p.done()
}

func statusWords(s SummaryStatus) string {
	switch s {
	case MostAdvantageous:
		return "your tender is the most advantageous tender"
	case NotMostAdvantageous:
		return "your tender was compliant but was not the most advantageous tender"
	case Disqualified:
		return "your tender was disqualified"
	case AwaitingTieBreak:
		return "no tender is yet the most advantageous: a tie awaits the authority's declared final step"
	case NoAward:
		return "no tender was compliant, so the lot cannot be awarded on this evaluation"
	}
	return string(s)
}

func introText(s Summary) string {
	law := "the Procurement Act 2023 s.50 and the Procurement Regulations 2024 reg 31"
	if s.Regime == score.PCR2015 {
		law = "the authority's duty to explain its award decision"
	}
	return fmt.Sprintf("This summary is given under %s. It sets out the award criteria, how each part of your tender was scored and why, "+
		"the same for the most advantageous tender, and why your tender was or was not successful. "+
		"It shows nothing of any other unsuccessful bidder's tender: no name, price, mark or position.", law)
}

func mdTender(m mdWriter, t AssessedTender, whose string) {
	if len(t.Disqualified) > 0 {
		m.f("**Disqualified.** %s", md(strings.Join(t.Disqualified, " ")))
		m.blank()
	}
	if len(t.Gates) > 0 {
		m.f("Pass/fail requirements:")
		m.blank()
		for _, g := range t.Gates {
			m.f("- %s", md(g.Text))
		}
		m.blank()
	}
	for _, l := range t.Criteria {
		mdLine(m, l, 3)
	}
	if t.Total != nil {
		m.f("**%s for %s: %s**", t.TotalLabel, whose, md(t.Total.String()))
		m.blank()
		for _, w := range t.TotalWorking {
			m.f("- %s", md(w))
		}
		m.blank()
	} else {
		m.f("No total was formed: the tender was disqualified before it could be fully scored.")
		m.blank()
	}
}

func lineHeading(l AssessedLine) string {
	if !l.Scored {
		return fmt.Sprintf("%s: not scored (%s marks available)", l.Title, l.Available)
	}
	return fmt.Sprintf("%s: %s of %s marks", l.Title, l.Points, l.Available)
}

func mdLine(m mdWriter, l AssessedLine, level int) {
	m.f("%s %s", strings.Repeat("#", min(level, 6)), md(lineHeading(l)))
	m.blank()
	if l.Input != "" {
		m.f("- Response assessed: %s", md(l.Input))
	}
	for _, w := range l.Working {
		m.f("- %s", md(w))
	}
	for _, r := range l.Rationale {
		m.f("- Evaluators' reasons: %s", md(r))
	}
	for _, n := range l.Notes {
		m.f("- Note: %s", md(n))
	}
	if l.Input != "" || len(l.Working)+len(l.Rationale)+len(l.Notes) > 0 {
		m.blank()
	}
	for _, c := range l.Children {
		mdLine(m, c, level+1)
	}
}
