package xlsx

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// TemplateOptions lays out the evaluation workbook.
type TemplateOptions struct {
	// Evaluators names the panel. Each evaluator gets a row for every bid
	// and marked question; a question moderated by consensus gets a
	// consensus row too. Without evaluators, a consensus question gets the
	// consensus row alone and a question scored on the mean one row whose
	// evaluator is to be filled in.
	Evaluators []string
}

// WriteTemplate writes the workbook evaluators fill in for a tender: the
// [ModelSheet], protected, describing the model (criteria, weights, how
// each is scored, the marking scales with their descriptors, gates,
// thresholds, rounding, tie-breaks); then a sheet per layout, its header
// locked and frozen in row 1. Once the bids are known (bids may be nil)
// the sheets have a row for every bid and price (each schedule line),
// every bid, marked question and evaluator, and every bid and gate, the
// keys filled in and locked, the rest for the panel; each mark cell
// accepts only its question's scale (data validation), each amount a
// number of pounds, each decision TRUE or FALSE.
//
// The sheets are protected without a password: protection stops an
// accidental edit to a header or a key, not a person who means to change
// one (Review > Unprotect Sheet). [Read] reads the filled workbook. Validate
// the tender first: WriteTemplate lays out what it is given.
func WriteTemplate(w io.Writer, t score.Tender, bids []score.Bid, opts TemplateOptions) error {
	b := newBook()
	b.sheet(ModelSheet)
	writeModel(b, t)
	b.protect(ModelSheet)
	lw := slices.ContainsFunc(t.Lots, func(l score.Lot) bool { return usesLivingWage(l.Policy) })
	for _, l := range templateLayouts(lw) {
		b.sheet(l.name)
		b.header(l.name, l.cols, l.widths)
		for i := range l.cols {
			if b.err == nil {
				b.err = b.f.SetColStyle(l.name, columnName(i+1), b.style(styleInput))
			}
		}
		for i, c := range l.cols {
			if slices.Contains(l.required, c) {
				b.setStyle(l.name, 1, i+1, styleRequired)
			}
		}
	}
	tb := &templateRows{b: b, t: t, evaluators: opts.Evaluators, next: map[string]int{}, dv: map[string]*excelize.DataValidation{}}
	for _, bd := range bids {
		tb.bid(bd, lw)
	}
	tb.validations()
	for _, l := range templateLayouts(lw) {
		b.protect(l.name)
	}
	return b.write(w)
}

// templateLayout is one data sheet of the template.
type templateLayout struct {
	name     string
	cols     []string
	required []string
	widths   []float64
}

func templateLayouts(livingWage bool) []templateLayout {
	bidCols := []string{"bid", "lot", "supplier", "supplierName"}
	if livingWage {
		bidCols = append(bidCols, "livingWageAccreditation", "livingWageAtLeastApplicable", "livingWageHourlyRate", "livingWageIncludesContractedStaff", "livingWageEvidence")
	}
	return []templateLayout{
		{"bids", bidCols, []string{"bid", "lot", "supplier", "supplierName"}, []float64{12, 8, 14, 34, 18, 14, 14, 14, 40}},
		{"prices", []string{"bid", "criterion", "item", "amount"}, []string{"bid", "criterion", "amount"}, []float64{12, 18, 14, 18}},
		{"marks", []string{"bid", "criterion", "evaluator", "mark", "consensus", "rationale"}, []string{"bid", "criterion", "mark"}, []float64{12, 18, 16, 8, 11, 60}},
		{"gates", []string{"bid", "gate", "pass", "reason", "evidence"}, []string{"bid", "gate", "pass"}, []float64{12, 22, 8, 40, 40}},
		{"commitments", []string{"bid", "criterion", "measure", "quantity", "fte", "years", "percent", "where", "methodStatement"}, []string{"bid", "criterion", "measure"}, []float64{12, 18, 14, 10, 8, 8, 8, 16, 40}},
		{"tiebreaks", []string{"bid", "step", "score", "reason"}, []string{"bid", "step", "score"}, []float64{12, 18, 8, 50}},
	}
}

func usesLivingWage(p score.Policy) bool {
	if len(p.LivingWageGates) > 0 {
		return true
	}
	found := false
	walk(p.Criteria, 0, func(c score.Criterion, _ int) { found = found || c.LivingWage != nil })
	return found
}

// walk visits criteria depth first, with their depth.
func walk(cs []score.Criterion, depth int, fn func(score.Criterion, int)) {
	for _, c := range cs {
		fn(c, depth)
		walk(c.Children, depth+1, fn)
	}
}

// markedRule is how a leaf's marks are given: its quality rule, or a social
// value criterion's method statement rule; nil when it has no marks.
func markedRule(c score.Criterion) *criteria.QualityRule {
	switch {
	case c.Quality != nil:
		return c.Quality
	case c.SocialValue != nil && c.SocialValue.MethodStatement != nil:
		return c.SocialValue.MethodStatement
	}
	return nil
}

// templateRows writes the rows of known bids.
type templateRows struct {
	b          *book
	t          score.Tender
	evaluators []string
	next       map[string]int // sheet → next row
	dv         map[string]*excelize.DataValidation
	dvOrder    []string
}

func (tr *templateRows) row(sheet string) int {
	if tr.next[sheet] == 0 {
		tr.next[sheet] = 2
	}
	r := tr.next[sheet]
	tr.next[sheet]++
	return r
}

// key writes a filled-in key cell: locked, so that a row stays tied to its
// bid and question.
func (tr *templateRows) key(sheet string, row, col int, v string) {
	tr.b.text(sheet, row, col, v, styleHeaderKey)
}

// styleHeaderKey is a locked key cell.
const styleHeaderKey = "key"

func (tr *templateRows) bid(bd score.Bid, lw bool) {
	l, ok := tr.t.Lot(bd.Lot)
	r := tr.row("bids")
	for i, v := range []string{bd.ID, bd.Lot, bd.Supplier.ID, bd.Supplier.Name} {
		tr.key("bids", r, i+1, v)
	}
	if !ok {
		return
	}
	walk(l.Policy.Criteria, 0, func(c score.Criterion, _ int) {
		if !c.IsLeaf() {
			return
		}
		if c.Price != nil {
			items := []string{""}
			if c.Price.Schedule != nil {
				items = nil
				for _, line := range c.Price.Schedule.Lines {
					items = append(items, line.Item)
				}
			}
			for _, item := range items {
				pr := tr.row("prices")
				tr.key("prices", pr, 1, bd.ID)
				tr.key("prices", pr, 2, c.ID)
				tr.key("prices", pr, 3, item)
				tr.b.setStyle("prices", pr, 4, styleMoneyIn)
				tr.validate("prices", "amount", pr, 4, nil, "")
			}
		}
		if q := markedRule(c); q != nil {
			tr.marks(bd, c, q)
		}
	})
	for _, g := range l.Policy.Gates {
		gr := tr.row("gates")
		tr.key("gates", gr, 1, bd.ID)
		tr.key("gates", gr, 2, g.ID)
		tr.validate("gates", "pass", gr, 3, nil, "")
	}
}

// marks writes a bid's rows for one marked question.
func (tr *templateRows) marks(bd score.Bid, c score.Criterion, q *criteria.QualityRule) {
	type markRow struct {
		evaluator string
		consensus bool
	}
	var rows []markRow
	for _, e := range tr.evaluators {
		rows = append(rows, markRow{evaluator: e})
	}
	switch {
	case q.Moderation == criteria.ConsensusMark:
		rows = append(rows, markRow{consensus: true})
	case len(rows) == 0:
		rows = append(rows, markRow{})
	}
	for _, m := range rows {
		r := tr.row("marks")
		tr.key("marks", r, 1, bd.ID)
		tr.key("marks", r, 2, c.ID)
		if m.evaluator != "" {
			tr.key("marks", r, 3, m.evaluator)
		}
		tr.b.boolean("marks", r, 5, m.consensus)
		tr.b.setStyle("marks", r, 5, styleHeaderKey)
		tr.b.setStyle("marks", r, 6, styleWrapped+"-in")
		tr.validate("marks", c.ID, r, 4, q, c.Title)
	}
}

// validate adds a cell to the data validation of its kind: one per marked
// question (its scale), one for amounts, one for decisions.
func (tr *templateRows) validate(sheet, key string, row, col int, q *criteria.QualityRule, title string) {
	id := sheet + "/" + key
	dv, ok := tr.dv[id]
	if !ok {
		dv = excelize.NewDataValidation(true)
		var err error
		switch {
		case q != nil:
			var marks []string
			for _, lv := range sortedLevels(q.Scale) {
				marks = append(marks, exact.Plain(lv.Mark))
			}
			err = dv.SetDropList(marks)
			dv.SetError(excelize.DataValidationErrorStyleStop, "Not a mark on the scale",
				limit(fmt.Sprintf("%s is marked on the %s scale: %s.", title, q.Scale.Name, strings.Join(marks, ", ")), 225))
			dv.SetInput(limit(title, 32), limit(scaleWords(q.Scale), 255))
		case key == "amount":
			err = dv.SetRange(0, 1e12, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
			dv.SetError(excelize.DataValidationErrorStyleStop, "Not an amount", "Type the amount in pounds, as a number (4390000.00).")
		case key == "pass":
			err = dv.SetDropList([]string{"TRUE", "FALSE"})
			dv.SetError(excelize.DataValidationErrorStyleStop, "Not a decision", "TRUE if the bid passes the gate, FALSE if it fails.")
		}
		if tr.b.err == nil {
			tr.b.err = err
		}
		tr.dv[id] = dv
		tr.dvOrder = append(tr.dvOrder, id)
	}
	cell := ref(row, col)
	// Rows of one question are often consecutive: extend the last range.
	parts := strings.Fields(dv.Sqref)
	if n := len(parts); n > 0 {
		last := parts[n-1]
		start, end, _ := strings.Cut(last, ":")
		if end == "" {
			end = start
		}
		if c, r, err := excelize.CellNameToCoordinates(end); err == nil && c == col && r == row-1 {
			parts[n-1] = start + ":" + cell
			dv.Sqref = strings.Join(parts, " ")
			return
		}
	}
	dv.Sqref = strings.TrimSpace(dv.Sqref + " " + cell)
}

// validations adds the data validations to their sheets.
func (tr *templateRows) validations() {
	for _, id := range tr.dvOrder {
		sheet, _, _ := strings.Cut(id, "/")
		if tr.b.err == nil {
			tr.b.err = tr.b.f.AddDataValidation(sheet, tr.dv[id])
		}
	}
}

// sortedLevels lists a scale's levels by mark, lowest first.
func sortedLevels(s criteria.Scale) []criteria.Level {
	lv := slices.Clone(s.Levels)
	slices.SortFunc(lv, func(a, b criteria.Level) int { return a.Mark.Cmp(b.Mark) })
	return lv
}

// scaleWords writes a scale's marks with their descriptors: "0 Unacceptable;
// 1 Poor; …".
func scaleWords(s criteria.Scale) string {
	var parts []string
	for _, lv := range sortedLevels(s) {
		parts = append(parts, strings.TrimSpace(exact.Plain(lv.Mark)+" "+lv.Descriptor))
	}
	return strings.Join(parts, "; ")
}

// limit cuts text to n characters with an ellipsis: a spreadsheet limits a
// validation's title and message.
func limit(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
