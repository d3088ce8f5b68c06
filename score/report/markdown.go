package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/tenderscore/tenderscore/internal/safetext"
)

// md escapes text for Markdown so that a name or a rationale cannot change
// the document's structure: a newline becomes a space, and every other
// control or bidirectional character is neutralised (package safetext).
func md(s string) string {
	var b strings.Builder
	for _, r := range safetext.Clean(strings.ReplaceAll(s, "\n", " ")) {
		switch r {
		case '\\', '*', '_', '|', '<', '>', '[', ']', '`', '#':
			b.WriteByte('\\')
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

// SummaryMarkdown writes one bidder's document — assessment summary, notice
// of the award decision, voluntary debrief or disregard letter — as
// Markdown.
func SummaryMarkdown(w io.Writer, s Summary) error {
	m := mdWriter{newPrinter(w)}
	m.f("# %s", md(s.heading()))
	m.blank()
	for _, f := range s.facts() {
		m.f("- **%s:** %s", f.label, md(f.value))
	}
	m.blank()
	for _, p := range s.Basis {
		m.f("%s", md(p))
		m.blank()
	}
	if s.Document == DisregardLetter {
		mdBullets(m, "## Why your tender was disregarded", s.WhyNot)
		mdTimeline(m, s)
		return m.p.done()
	}
	mdAwardCriteria(m, s)
	m.f("## How your tender was scored")
	m.blank()
	mdTender(m, s.Yours, "your tender", 3)
	if s.MostAdvantageous != nil {
		m.f("## The most advantageous tender: %s (tender %s)", md(s.MostAdvantageous.Supplier.Name), md(s.MostAdvantageous.BidID))
		m.blank()
		if d := supplierDetails(s.MostAdvantageous.Supplier); len(d) > 0 {
			m.f("%s", md(strings.Join(d, "; ")))
			m.blank()
		}
		mdTender(m, *s.MostAdvantageous, "the most advantageous tender", 3)
	}
	mdBullets(m, "## Why your tender was not successful", s.WhyNot)
	mdTimeline(m, s)
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

// mdBullets writes a heading line and a bulleted list; nothing for none.
func mdBullets(m mdWriter, heading string, items []string) {
	if len(items) == 0 {
		return
	}
	m.f("%s", heading)
	m.blank()
	for _, it := range items {
		m.f("- %s", md(it))
	}
	m.blank()
}

// mdAwardCriteria writes the published award criteria as a table, then the
// gates by kind and the other published rules.
func mdAwardCriteria(m mdWriter, s Summary) {
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
	for _, g := range gateGroups(s.Gates) {
		m.f("%s", g.heading)
		m.blank()
		for _, it := range g.items {
			m.f("- %s", md(it))
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
}

// mdTimeline writes the lot's award timeline, if the summary has one.
func mdTimeline(m mdWriter, s Summary) {
	if len(s.Timeline) == 0 {
		return
	}
	mdBullets(m, "## The award timeline", s.timelineLines())
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
	case DisregardedTender:
		return "your tender was disregarded and not assessed"
	}
	return string(s)
}

// mdTender writes one tender's assessment, its criteria headed at level
// (one below the heading the tender sits under).
func mdTender(m mdWriter, t AssessedTender, whose string, level int) {
	if len(t.Disqualified) > 0 {
		m.f("**%s.** %s", outWord(t), md(strings.Join(t.Disqualified, " ")))
		m.blank()
	}
	if len(t.Gates) > 0 {
		m.f("Pass/fail decisions:")
		m.blank()
		for _, g := range t.Gates {
			m.f("- %s", md(g.Text))
		}
		m.blank()
	}
	for _, l := range t.Criteria {
		mdLine(m, l, level)
	}
	if t.Total != nil {
		m.f("**%s for %s: %s**", t.TotalLabel, whose, md(t.Total.String()))
		m.blank()
		for _, w := range t.TotalWorking {
			m.f("- %s", md(w))
		}
		m.blank()
	} else {
		m.f("No total was formed: the tender was %s before it could be fully scored.", strings.ToLower(outWord(t)))
		m.blank()
	}
}

// outWord says how a tender left the competition: "Disregarded" or
// "Disqualified".
func outWord(t AssessedTender) string {
	if t.Disregarded {
		return "Disregarded"
	}
	return "Disqualified"
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
