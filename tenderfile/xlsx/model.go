package xlsx

import (
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// writeModel writes the sheet describing the evaluation model: what the
// panel marks against, in the words and numbers of the tender file.
func writeModel(b *book, t score.Tender) {
	const s = ModelSheet
	row := 1
	line := func(cells ...string) {
		for i, c := range cells {
			b.text(s, row, i+1, c, "")
		}
		row++
	}
	heading := func(title string, cols ...string) {
		row++
		b.text(s, row, 1, title, styleHeading)
		row++
		for i, c := range cols {
			b.text(s, row, i+1, c, styleHeader)
		}
		row++
	}
	b.text(s, row, 1, "Evaluation model", styleHeading)
	row++
	line("Tender", t.ID+" — "+t.Title)
	line("Authority", t.Authority.Name)
	line("Commenced", t.Commenced.String())
	line("", "This sheet describes the published model and is protected (without a password) so that it is not changed by accident. Marks, prices and decisions go in the other sheets, one row each; their headers are in row 1.")

	heading("Criteria", "lot", "criterion", "title", "category", "weight", "weights are", "how it is scored", "minimum")
	for _, l := range t.Lots {
		weighting := string(l.Policy.Weighting)
		if weighting == "" {
			weighting = string(score.PercentEachLevel)
		}
		walk(l.Policy.Criteria, 0, func(c score.Criterion, depth int) {
			b.text(s, row, 1, l.ID, "")
			b.text(s, row, 2, c.ID, "")
			b.text(s, row, 3, strings.Repeat("  ", depth)+c.Title, "")
			b.text(s, row, 4, string(c.Category), "")
			b.number(s, row, 5, exact.Plain(c.Weight), 0)
			b.text(s, row, 6, weighting, "")
			b.text(s, row, 7, c.Method(), styleWrapped)
			b.text(s, row, 8, minimum(c), "")
			row++
		})
	}

	heading("Marking scales", "lot", "criterion", "scale", "mark", "descriptor")
	for _, l := range t.Lots {
		walk(l.Policy.Criteria, 0, func(c score.Criterion, _ int) {
			q := markedRule(c)
			if q == nil {
				return
			}
			for _, lv := range sortedLevels(q.Scale) {
				b.text(s, row, 1, l.ID, "")
				b.text(s, row, 2, c.ID, "")
				b.text(s, row, 3, q.Scale.Name, "")
				b.number(s, row, 4, exact.Plain(lv.Mark), 0)
				b.text(s, row, 5, lv.Descriptor, "")
				row++
			}
		})
	}

	heading("Gates", "lot", "gate", "title", "kind", "requirement")
	for _, l := range t.Lots {
		for _, g := range l.Policy.Gates {
			line(l.ID, g.ID, g.Title, string(g.Kind), g.Requirement)
		}
		for _, g := range l.Policy.LivingWageGates {
			line(l.ID, g.ID, g.Title, string(g.Kind), "living wage: decided from the bid's living wage commitment (bids sheet)")
		}
	}

	heading("Thresholds, rounding and tie-breaks", "lot", "rule", "what it says")
	for _, l := range t.Lots {
		p := l.Policy
		if m := p.Thresholds.MinQualityPercent; m != nil {
			line(l.ID, "minimum quality", fmt.Sprintf("a bid scoring below %s%% of the quality points available is disqualified", exact.Plain(*m)))
		}
		rounding := p.Rounding
		if len(rounding) == 0 {
			rounding = score.DefaultRounding()
		}
		for _, r := range rounding {
			line(l.ID, "rounding", fmt.Sprintf("%s: %d decimal places, %s", r.Stage, r.Places, r.Mode))
		}
		for i, tb := range p.TieBreaks {
			what := string(tb.Kind)
			switch {
			case tb.Criterion != "":
				what += " on " + tb.Criterion
			case tb.Name != "":
				what += " (" + tb.Name + ")"
			}
			if tb.Description != "" {
				what += ": " + tb.Description
			}
			line(l.ID, fmt.Sprintf("tie-break %d", i+1), what)
		}
	}
	if b.err == nil {
		b.err = b.f.SetColWidth(s, "A", "B", 14)
	}
	if b.err == nil {
		b.err = b.f.SetColWidth(s, "C", "C", 36)
	}
	if b.err == nil {
		b.err = b.f.SetColWidth(s, "G", "G", 70)
	}
}

// minimum says what a criterion's minimum is, if any.
func minimum(c score.Criterion) string {
	var parts []string
	if c.MinPercent != nil {
		parts = append(parts, fmt.Sprintf("at least %s%% of its marks", exact.Plain(*c.MinPercent)))
	}
	if q := markedRule(c); q != nil && q.MinMark != nil {
		parts = append(parts, fmt.Sprintf("a mark of at least %s", exact.Plain(*q.MinMark)))
	}
	return strings.Join(parts, "; ")
}
