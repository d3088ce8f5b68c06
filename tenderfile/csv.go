package tenderfile

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// CSVFile is one CSV file to read, with the name used in errors.
type CSVFile struct {
	Name string
	R    io.Reader
}

// MaxCSVBytes is the largest CSV file read (64 MiB): a CSV file of marks
// for thousands of bids is far smaller than its YAML.
const MaxCSVBytes = 64 << 20

// table is one kind of CSV file, told by its columns.
type table struct {
	kind     string
	key      string // the column that tells this kind ("" for bids)
	required []string
	optional []string
}

// identity are the columns any file may carry to name a bid's lot and
// supplier.
var identity = []string{"lot", "supplier", "supplierName"}

var livingWageColumns = []string{"livingWageAccreditation", "livingWageAtLeastApplicable", "livingWageHourlyRate", "livingWageIncludesContractedStaff", "livingWageEvidence"}

var tables = []table{
	{"marks", "mark", []string{"bid", "criterion", "mark"}, []string{"evaluator", "rationale", "consensus"}},
	{"prices", "amount", []string{"bid", "criterion", "amount"}, []string{"item"}},
	{"gates", "gate", []string{"bid", "gate", "pass"}, []string{"reason", "evidence"}},
	{"commitments", "measure", []string{"bid", "criterion", "measure"}, []string{"quantity", "fte", "years", "percent", "where", "methodStatement"}},
	{"tiebreaks", "step", []string{"bid", "step", "score"}, []string{"reason"}},
	{"bids", "", []string{"bid", "lot", "supplier", "supplierName"}, livingWageColumns},
}

// csvRow is one data row of a CSV file or a sheet.
type csvRow struct {
	file  string
	table *table
	row   int  // as a spreadsheet numbers it: the header is 1
	sheet bool // a sheet of a workbook, whose positions name the row
	cells map[string]string
	pos   map[string]Position
	first Position
}

func (r csvRow) at(col string) Position {
	if p, ok := r.pos[col]; ok {
		return p
	}
	return r.first
}

// place names a cell of the row in a problem: "row 4, column mark" in a CSV
// file, the column alone ("mark") in a sheet, whose position names the
// cell.
func (r csvRow) place(col string) string {
	if r.sheet {
		return col
	}
	return fmt.Sprintf("row %d, column %s", r.row, col)
}

// ReadBidsCSV reads bids from CSV files as a spreadsheet exports them (the
// layouts are in the package documentation). The tender says which
// criteria are social value, whose marks are for the method statement.
// Every problem in every file is reported at once in an [*Error], each
// naming the file, its row and column; no bids are returned then. Bids come
// in the order they are first named.
func ReadBidsCSV(t score.Tender, files ...CSVFile) ([]score.Bid, *Source, error) {
	var tables []Table
	var errs []Problem
	for _, f := range files {
		tb, err := ReadCSVTable(f)
		if err != nil {
			var fe *Error
			if errors.As(err, &fe) {
				errs = append(errs, fe.Problems...)
				continue
			}
			return nil, nil, err
		}
		tables = append(tables, tb)
	}
	if len(errs) > 0 {
		return nil, nil, &Error{Problems: errs}
	}
	return ReadBidsTables(t, tables...)
}

// Bids returns how many bids the source's files hold.
func (s *Source) Bids() int {
	if s == nil {
		return 0
	}
	n := 0
	for _, p := range s.parts {
		if p.bids {
			n = max(n, p.first+p.count)
		}
	}
	return n
}

// ReadCSVTable reads one CSV file as a [Table], for [ReadBidsTables] to
// join with tables from other files (the sheets of a workbook). Its layout
// is told by its header. A file that is not CSV, or is larger than
// [MaxCSVBytes], gives an [*Error].
func ReadCSVTable(f CSVFile) (Table, error) {
	data, err := io.ReadAll(io.LimitReader(f.R, MaxCSVBytes+1))
	if err != nil {
		return Table{}, &Error{Err: err, Problems: []Problem{{Pos: Position{File: f.Name}, Rule: "read", Message: "cannot be read: " + err.Error()}}}
	}
	ps := &problems{file: f.Name}
	if len(data) > MaxCSVBytes {
		ps.add(0, 0, "", "", "size", "the file is larger than %d MiB, the most tenderscore reads; split the bids across several files", MaxCSVBytes>>20)
		return Table{}, ps.err()
	}
	data = bytes.TrimPrefix(data, bom)
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		ps.add(0, 0, "row 1", "", "header", "the file is empty: want a header row naming the columns")
		return Table{}, ps.err()
	}
	if err != nil {
		return Table{}, csvProblem(ps, err)
	}
	tb := Table{File: f.Name, Header: cells(cr, f.Name, header)}
	for n := 2; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Table{}, csvProblem(ps, err)
		}
		if blank(rec) {
			continue
		}
		tb.Rows = append(tb.Rows, Row{Number: n, Cells: cells(cr, f.Name, rec)})
	}
	return tb, nil
}

// cells gives each field of the record just read its place.
func cells(cr *csv.Reader, file string, rec []string) []Cell {
	out := make([]Cell, len(rec))
	for i, v := range rec {
		line, col := cr.FieldPos(i)
		out[i] = Cell{Value: v, Pos: Position{File: file, Line: line, Column: col}}
	}
	return out
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func csvProblem(ps *problems, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		ps.add(pe.Line, pe.Column, fmt.Sprintf("row %d", pe.StartLine), "", "csv", "not valid CSV: %v", pe.Err)
	} else {
		ps.add(0, 0, "", "", "csv", "not valid CSV: %v", err)
	}
	return ps.err()
}

// tableOf tells a file's kind from its columns.
func tableOf(cols []string) (*table, string) {
	var found []*table
	for i := range tables {
		if tables[i].key != "" && slices.Contains(cols, tables[i].key) {
			found = append(found, &tables[i])
		}
	}
	switch {
	case len(found) == 1:
		return found[0], ""
	case len(found) > 1:
		return nil, fmt.Sprintf("cannot tell what the file holds: it has the columns %q and %q; put %s and %s in separate files", found[0].key, found[1].key, found[0].kind, found[1].kind)
	case slices.Contains(cols, "bid") && (slices.Contains(cols, "lot") || slices.Contains(cols, "supplier")):
		return &tables[len(tables)-1], ""
	}
	return nil, "cannot tell what the file holds: want a header row with bid and lot (bids), amount (prices), mark (marks), gate (gates), measure (commitments) or step (tie-break scores)"
}

// csvBuilder assembles bids from rows.
type csvBuilder struct {
	t     score.Tender
	bids  map[string]*score.Bid
	order []string
	ids   map[string]int // bid id → index in order
	from  map[string]string
	cells map[string]Position
	ps    []Problem
}

func newCSVBuilder(t score.Tender) *csvBuilder {
	return &csvBuilder{t: t, bids: map[string]*score.Bid{}, ids: map[string]int{}, from: map[string]string{}, cells: map[string]Position{}}
}

func (b *csvBuilder) add(r csvRow, col, value, rule, format string, args ...any) {
	b.ps = append(b.ps, Problem{Pos: r.at(col), Field: r.place(col), Value: abbreviate(value), Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// bid returns the bid a row is about, naming it if new.
func (b *csvBuilder) bid(r csvRow) (*score.Bid, string, bool) {
	id := r.cells["bid"]
	if id == "" {
		b.add(r, "bid", "", "required", "every row names its bid")
		return nil, "", false
	}
	bd, ok := b.bids[id]
	if !ok {
		bd = &score.Bid{ID: id}
		b.bids[id] = bd
		b.ids[id] = len(b.order)
		b.order = append(b.order, id)
		b.cells[b.path(id)] = r.first
	}
	return bd, b.path(id), true
}

func (b *csvBuilder) path(id string) string { return index("bids", b.ids[id]) }

// setOnce sets a bid's identity field, refusing a different value.
func (b *csvBuilder) setOnce(r csvRow, col string, dst *string, path string) {
	v, ok := r.cells[col]
	if !ok || v == "" {
		return
	}
	switch {
	case *dst == "":
		*dst = v
		b.cells[path] = r.at(col)
		b.from[path] = fmt.Sprintf("%s row %d", r.file, r.row)
		if r.sheet {
			b.from[path] = r.at(col).String()
		}
	case *dst != v:
		b.add(r, col, v, "same-bid", "bid %s already has %s %q (%s)", r.cells["bid"], col, *dst, b.from[path])
	}
}

func (b *csvBuilder) identity(r csvRow) {
	bd, path, ok := b.bid(r)
	if !ok {
		return
	}
	b.setOnce(r, "lot", &bd.Lot, path+".lot")
	b.setOnce(r, "supplier", &bd.Supplier.ID, path+".supplier.id")
	b.setOnce(r, "supplierName", &bd.Supplier.Name, path+".supplier.name")
}

// criterionOf finds a criterion of the bid's lot.
func (b *csvBuilder) criterionOf(bd *score.Bid, id string) *score.Criterion {
	l, ok := b.t.Lot(bd.Lot)
	if !ok {
		return nil
	}
	var find func(cs []score.Criterion) *score.Criterion
	find = func(cs []score.Criterion) *score.Criterion {
		for i := range cs {
			if cs[i].ID == id {
				return &cs[i]
			}
			if c := find(cs[i].Children); c != nil {
				return c
			}
		}
		return nil
	}
	return find(l.Policy.Criteria)
}

func (b *csvBuilder) decimal(r csvRow, col string, required bool) (*decimal.Decimal, bool) {
	v := r.cells[col]
	if v == "" {
		if required {
			b.add(r, col, "", "required", "the %s is required", col)
			return nil, false
		}
		return nil, true
	}
	t := v
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(strings.TrimPrefix(t, "-"), "£")
	if neg {
		t = "-" + t
	}
	d, msg := parseDecimal(t)
	if msg != "" {
		b.add(r, col, v, "number", "%s", msg)
		return nil, false
	}
	return &d, true
}

func (b *csvBuilder) boolean(r csvRow, col string) (bool, bool) {
	switch strings.ToLower(r.cells[col]) {
	case "", "false", "no", "0":
		return false, true
	case "true", "yes", "1":
		return true, true
	}
	b.add(r, col, r.cells[col], "boolean", "want true or false")
	return false, false
}

func (b *csvBuilder) response(bd *score.Bid, c string) score.Response {
	if bd.Responses == nil {
		bd.Responses = map[string]score.Response{}
	}
	return bd.Responses[c]
}

func (b *csvBuilder) note(path string, r csvRow, col string) {
	if _, ok := b.cells[path]; !ok {
		b.cells[path] = r.at(col)
	}
}

func (b *csvBuilder) content(r csvRow) {
	bd, path, ok := b.bid(r)
	if !ok {
		return
	}
	crit := r.cells["criterion"]
	rp := key(path+".responses", crit)
	if crit != "" {
		b.note(rp, r, "criterion")
	} else if slices.Contains(r.table.required, "criterion") {
		b.add(r, "criterion", "", "required", "every row names its criterion")
		return
	}
	switch r.table.kind {
	case "bids":
		b.livingWage(r, bd, path)
	case "prices":
		amount, ok := b.decimal(r, "amount", true)
		if !ok {
			return
		}
		resp := b.response(bd, crit)
		if item := r.cells["item"]; item == "" {
			if resp.Price.Amount != nil {
				b.add(r, "amount", r.cells["amount"], "unique", "bid %s already has a price for %s", bd.ID, crit)
				return
			}
			resp.Price.Amount = amount
			b.note(rp+".price", r, "amount")
		} else {
			if resp.Price.UnitPrices == nil {
				resp.Price.UnitPrices = map[string]decimal.Decimal{}
			}
			if _, dup := resp.Price.UnitPrices[item]; dup {
				b.add(r, "item", item, "unique", "bid %s already has a price for %s item %s", bd.ID, crit, item)
				return
			}
			resp.Price.UnitPrices[item] = *amount
			b.note(rp+".price", r, "amount")
			b.note(key(rp+".price.unitPrices", item), r, "amount")
		}
		bd.Responses[crit] = resp
	case "marks":
		b.mark(r, bd, crit, rp)
	case "gates":
		gate := r.cells["gate"]
		if r.cells["pass"] == "" {
			// An empty decision is not a fail: a gate left unrecorded must
			// be recorded, not silently failed.
			b.add(r, "pass", "", "required", "record the decision: true or false")
			return
		}
		pass, ok := b.boolean(r, "pass")
		if !ok {
			return
		}
		if gate == "" {
			b.add(r, "gate", "", "required", "every row names its gate")
			return
		}
		if bd.Gates == nil {
			bd.Gates = map[string]criteria.GateResult{}
		}
		if _, dup := bd.Gates[gate]; dup {
			b.add(r, "gate", gate, "unique", "bid %s already has a decision for gate %s", bd.ID, gate)
			return
		}
		bd.Gates[gate] = criteria.GateResult{Pass: pass, Reason: r.cells["reason"], Evidence: r.cells["evidence"]}
		b.note(key(path+".gates", gate), r, "pass")
	case "commitments":
		if r.cells["measure"] == "" {
			// The bid answered the criterion and committed nothing.
			bd.Responses[crit] = b.response(bd, crit)
			b.note(rp+".socialValue", r, "measure")
			return
		}
		c := criteria.Commitment{Measure: r.cells["measure"], MethodStatement: r.cells["methodStatement"]}
		okAll := true
		for _, f := range []struct {
			col string
			dst **decimal.Decimal
		}{{"quantity", &c.Quantity}, {"fte", &c.FTE}, {"years", &c.Years}, {"percent", &c.Percent}} {
			d, ok := b.decimal(r, f.col, false)
			okAll = okAll && ok
			*f.dst = d
		}
		if !okAll {
			return
		}
		for _, w := range strings.Split(r.cells["where"], ";") {
			if w = strings.TrimSpace(w); w != "" {
				c.Where = append(c.Where, w)
			}
		}
		resp := b.response(bd, crit)
		cp := index(rp+".socialValue.commitments", len(resp.SocialValue.Commitments))
		resp.SocialValue.Commitments = append(resp.SocialValue.Commitments, c)
		bd.Responses[crit] = resp
		b.note(rp+".socialValue", r, "measure")
		b.note(cp, r, "measure")
	case "tiebreaks":
		step := r.cells["step"]
		sc, ok := b.decimal(r, "score", true)
		if !ok {
			return
		}
		if bd.TieBreakScores == nil {
			bd.TieBreakScores = map[string]score.RecordedScore{}
		}
		if _, dup := bd.TieBreakScores[step]; dup {
			b.add(r, "step", step, "unique", "bid %s already has a score for step %s", bd.ID, step)
			return
		}
		bd.TieBreakScores[step] = score.RecordedScore{Score: *sc, Reason: r.cells["reason"]}
		b.note(key(path+".tieBreakScores", step), r, "score")
	}
}

// mark records one evaluator's mark or the consensus; marks for a social
// value criterion are for its method statement.
func (b *csvBuilder) mark(r csvRow, bd *score.Bid, crit, rp string) {
	m, ok := b.decimal(r, "mark", true)
	if !ok {
		return
	}
	consensus, ok := b.boolean(r, "consensus")
	if !ok {
		return
	}
	resp := b.response(bd, crit)
	marks := &resp.Marks
	mp := rp + ".marks"
	if c := b.criterionOf(bd, crit); c != nil && c.SocialValue != nil {
		if resp.SocialValue.MethodStatement == nil {
			resp.SocialValue.MethodStatement = &criteria.Marks{}
		}
		marks = resp.SocialValue.MethodStatement
		mp = rp + ".socialValue.methodStatement"
	}
	evaluator := r.cells["evaluator"]
	if consensus {
		if evaluator != "" {
			b.add(r, "evaluator", evaluator, "consensus", "a consensus mark is the panel's, not one evaluator's: leave the evaluator empty")
			return
		}
		if marks.Consensus != nil {
			b.add(r, "consensus", r.cells["consensus"], "unique", "bid %s already has a consensus mark for %s", bd.ID, crit)
			return
		}
		marks.Consensus = &criteria.Consensus{Mark: *m, Rationale: r.cells["rationale"]}
		b.note(mp+".consensus", r, "mark")
	} else {
		if evaluator == "" {
			b.add(r, "evaluator", "", "required", "name the evaluator, or mark the row as the consensus")
			return
		}
		b.note(index(mp+".evaluators", len(marks.Evaluators)), r, "mark")
		marks.Evaluators = append(marks.Evaluators, criteria.EvaluatorMark{Evaluator: evaluator, Mark: *m, Rationale: r.cells["rationale"]})
	}
	b.note(mp, r, "mark")
	bd.Responses[crit] = resp
}

func (b *csvBuilder) livingWage(r csvRow, bd *score.Bid, path string) {
	any := false
	for _, c := range livingWageColumns {
		any = any || r.cells[c] != ""
	}
	if !any {
		return
	}
	if bd.LivingWage != nil {
		b.add(r, "livingWageAccreditation", "", "unique", "bid %s already has a living wage commitment", bd.ID)
		return
	}
	lw := &criteria.LivingWageCommitment{Accreditation: criteria.Accreditation(r.cells["livingWageAccreditation"]), Evidence: r.cells["livingWageEvidence"]}
	var ok1, ok2, ok3 bool
	lw.AtLeastApplicable, ok1 = b.boolean(r, "livingWageAtLeastApplicable")
	lw.IncludesContractedStaff, ok2 = b.boolean(r, "livingWageIncludesContractedStaff")
	lw.HourlyRate, ok3 = b.decimal(r, "livingWageHourlyRate", false)
	if ok1 && ok2 && ok3 {
		bd.LivingWage = lw
		b.note(path+".livingWage", r, "livingWageAccreditation")
	}
}
