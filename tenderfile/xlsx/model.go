package xlsx

import (
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// modelSheet writes the model sheet row by row.
type modelSheet struct {
	b   *book
	row int
}

// line writes one row of plain cells.
func (m *modelSheet) line(cells ...string) {
	for i, c := range cells {
		m.b.text(ModelSheet, m.row, i+1, c, "")
	}
	m.row++
}

// heading writes a section title and its column headers, after a blank row.
func (m *modelSheet) heading(title string, cols ...string) {
	m.row++
	m.b.text(ModelSheet, m.row, 1, title, styleHeading)
	m.row++
	for i, c := range cols {
		m.b.text(ModelSheet, m.row, i+1, c, styleHeader)
	}
	m.row++
}

// writeModel writes the sheet describing the evaluation model: what the
// panel marks against, in the words and numbers of the tender file.
func writeModel(b *book, t score.Tender) {
	m := &modelSheet{b: b, row: 1}
	b.text(ModelSheet, m.row, 1, "Evaluation model", styleHeading)
	m.row++
	m.line("Tender", t.ID+" — "+t.Title)
	m.line("Authority", t.Authority.Name)
	m.line("Commenced", t.Commenced.String())
	m.line("", "This sheet describes the published model and is protected (without a password) so that it is not changed by accident. Marks, prices and decisions go in the other sheets, one row each; their headers are in row 1.")
	m.criteria(t)
	m.scales(t)
	m.gates(t)
	m.rules(t)
	for _, w := range []struct {
		from, to string
		width    float64
	}{{"A", "B", 14}, {"C", "C", 36}, {"G", "G", 70}} {
		if b.err == nil {
			b.err = b.f.SetColWidth(ModelSheet, w.from, w.to, w.width)
		}
	}
}

// criteria writes every criterion of every lot with its weight, method and
// minimum.
func (m *modelSheet) criteria(t score.Tender) {
	m.heading("Criteria", "lot", "criterion", "title", "category", "weight", "weights are", "how it is scored", "minimum")
	for _, l := range t.Lots {
		weighting := string(l.Policy.Weighting)
		if weighting == "" {
			weighting = string(score.PercentEachLevel)
		}
		walk(l.Policy.Criteria, 0, func(c score.Criterion, depth int) {
			b, s, row := m.b, ModelSheet, m.row
			b.text(s, row, 1, l.ID, "")
			b.text(s, row, 2, c.ID, "")
			b.text(s, row, 3, strings.Repeat("  ", depth)+c.Title, "")
			b.text(s, row, 4, string(c.Category), "")
			b.number(s, row, 5, exact.Plain(c.Weight), 0)
			b.text(s, row, 6, weighting, "")
			b.text(s, row, 7, c.Method(), styleWrapped)
			b.text(s, row, 8, minimum(c), "")
			m.row++
		})
	}
}

// scales writes each marked criterion's scale with its descriptors.
func (m *modelSheet) scales(t score.Tender) {
	m.heading("Marking scales", "lot", "criterion", "scale", "mark", "descriptor")
	for _, l := range t.Lots {
		walk(l.Policy.Criteria, 0, func(c score.Criterion, _ int) {
			q := markedRule(c)
			if q == nil {
				return
			}
			for _, lv := range sortedLevels(q.Scale) {
				b, s, row := m.b, ModelSheet, m.row
				b.text(s, row, 1, l.ID, "")
				b.text(s, row, 2, c.ID, "")
				b.text(s, row, 3, q.Scale.Name, "")
				b.number(s, row, 4, exact.Plain(lv.Mark), 0)
				b.text(s, row, 5, lv.Descriptor, "")
				m.row++
			}
		})
	}
}

// gates writes every gate with its kind and requirement.
func (m *modelSheet) gates(t score.Tender) {
	m.heading("Gates", "lot", "gate", "title", "kind", "requirement")
	for _, l := range t.Lots {
		for _, g := range l.Policy.Gates {
			m.line(l.ID, g.ID, g.Title, string(g.Kind), g.Requirement)
		}
		for _, g := range l.Policy.LivingWageGates {
			m.line(l.ID, g.ID, g.Title, string(g.Kind), "living wage: decided from the bid's living wage commitment (bids sheet)")
		}
	}
}

// rules writes each lot's minimum quality, rounding and tie-break chain.
func (m *modelSheet) rules(t score.Tender) {
	m.heading("Thresholds, rounding and tie-breaks", "lot", "rule", "what it says")
	for _, l := range t.Lots {
		p := l.Policy
		if q := p.Thresholds.MinQualityPercent; q != nil {
			m.line(l.ID, "minimum quality", fmt.Sprintf("a bid scoring below %s%% of the quality points available is disqualified", exact.Plain(*q)))
		}
		rounding := p.Rounding
		if len(rounding) == 0 {
			rounding = score.DefaultRounding()
		}
		for _, r := range rounding {
			m.line(l.ID, "rounding", fmt.Sprintf("%s: %d decimal places, %s", r.Stage, r.Places, r.Mode))
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
			m.line(l.ID, fmt.Sprintf("tie-break %d", i+1), what)
		}
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
