package tenderfile

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// csvRow is one data row of a CSV file or a sheet, as the builder reads
// it.
type csvRow struct {
	g *grid
	r gridRow
}

// cell returns the row's cell in the named column, trimmed; "" when the
// file has no such column or the row is short.
func (r *csvRow) cell(col string) string {
	i, ok := r.g.col[col]
	if !ok {
		return ""
	}
	return strings.TrimSpace(r.g.cell(r.r, i))
}

// ref is the place of the row's cell in the named column, or of the row
// when it has none.
func (r *csvRow) ref(col string) cellRef {
	c, ok := r.g.col[col]
	if !ok || c >= int(r.r.n) {
		c = -1
	}
	return cellRef{file: int32(r.g.index), row: int32(r.r.number), col: int32(c)}
}

// csvBuilder assembles bids from the rows of CSV files and sheets, noting
// where each value came from.
type csvBuilder struct {
	t score.Tender
	// idents hold each bid's identity while the rows are first read, as
	// the cells it came from, and bids the bids once every identity is
	// known and sound (csv_ident.go): a file of a million rows of bad bids
	// never builds a million bids.
	idents []bidIdent
	grids  []*grid // the grids read, by the first of their cells (csv_ident.go)
	bids   []score.Bid
	ids    map[string]int // bid id → index in bids
	cells  *csvCells
	ps     problems
}

func newCSVBuilder(t score.Tender, files []gridFile) *csvBuilder {
	return &csvBuilder{t: t, ids: map[string]int{}, cells: &csvCells{files: files}}
}

// add records a problem at a row's cell in the named column.
func (b *csvBuilder) add(r *csvRow, col, value, rule, format string, args ...any) {
	if b.ps.full() {
		b.ps.omitted++
		return
	}
	b.ps.file = r.g.file
	b.ps.push(Problem{Pos: b.cells.position(r.ref(col)), Field: col, Value: abbreviate(value), Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// note records where a value came from, unless it is known already; pat is
// the path after "bids[i]" with brackets written "[]", a and b what stands
// in them.
func (b *csvBuilder) note(bid int, pat, x, y string, ref cellRef) {
	b.cells.set(noteKey{bid: int32(bid), pat: pat, a: x, b: y}, ref)
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

func (b *csvBuilder) decimal(r *csvRow, col string, required bool) (*decimal.Decimal, bool) {
	v := r.cell(col)
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

func (b *csvBuilder) boolean(r *csvRow, col string) (bool, bool) {
	switch strings.ToLower(r.cell(col)) {
	case "", "false", "no", "0":
		return false, true
	case "true", "yes", "1":
		return true, true
	}
	b.add(r, col, r.cell(col), "boolean", "want true or false")
	return false, false
}

func response(bd *score.Bid, c string) score.Response {
	if bd.Responses == nil {
		bd.Responses = map[string]score.Response{}
	}
	return bd.Responses[c]
}

func (b *csvBuilder) content(r *csvRow) {
	i, ok := b.bid(r)
	if !ok {
		return
	}
	crit := r.cell("criterion")
	if crit != "" {
		b.note(i, "responses[]", crit, "", r.ref("criterion"))
	} else if slices.Contains(r.g.kind.required, "criterion") {
		b.add(r, "criterion", "", "required", "every row names its criterion")
		return
	}
	switch r.g.kind.kind {
	case "bids":
		b.livingWage(r, i)
	case "prices":
		b.price(r, i, crit)
	case "marks":
		b.mark(r, i, crit)
	case "gates":
		b.gate(r, i)
	case "commitments":
		b.commitment(r, i, crit)
	case "tiebreaks":
		b.tieBreak(r, i)
	case "features":
		b.feature(r, i)
	}
}

func (b *csvBuilder) price(r *csvRow, i int, crit string) {
	amount, ok := b.decimal(r, "amount", true)
	if !ok {
		return
	}
	bd := &b.bids[i]
	resp := response(bd, crit)
	if item := r.cell("item"); item == "" {
		if resp.Price.Amount != nil {
			b.add(r, "amount", r.cell("amount"), "unique", "bid %s already has a price for %s", bd.ID, crit)
			return
		}
		resp.Price.Amount = amount
		b.note(i, "responses[].price", crit, "", r.ref("amount"))
	} else {
		if resp.Price.UnitPrices == nil {
			resp.Price.UnitPrices = map[string]decimal.Decimal{}
		}
		if _, dup := resp.Price.UnitPrices[item]; dup {
			b.add(r, "item", item, "unique", "bid %s already has a price for %s item %s", bd.ID, crit, item)
			return
		}
		resp.Price.UnitPrices[item] = *amount
		b.note(i, "responses[].price", crit, "", r.ref("amount"))
		b.note(i, "responses[].price.unitPrices[]", crit, item, r.ref("amount"))
	}
	bd.Responses[crit] = resp
}

func (b *csvBuilder) gate(r *csvRow, i int) {
	gate := r.cell("gate")
	if r.cell("pass") == "" {
		// An empty decision is not a fail: a gate left unrecorded must be
		// recorded, not silently failed.
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
	bd := &b.bids[i]
	if bd.Gates == nil {
		bd.Gates = map[string]criteria.GateResult{}
	}
	if _, dup := bd.Gates[gate]; dup {
		b.add(r, "gate", gate, "unique", "bid %s already has a decision for gate %s", bd.ID, gate)
		return
	}
	bd.Gates[gate] = criteria.GateResult{Pass: pass, Reason: r.cell("reason"), Evidence: r.cell("evidence")}
	b.note(i, "gates[]", gate, "", r.ref("pass"))
}

func (b *csvBuilder) commitment(r *csvRow, i int, crit string) {
	bd := &b.bids[i]
	if r.cell("measure") == "" {
		// The bid answered the criterion and committed nothing.
		resp := response(bd, crit)
		bd.Responses[crit] = resp
		b.note(i, "responses[].socialValue", crit, "", r.ref("measure"))
		return
	}
	c := criteria.Commitment{Measure: r.cell("measure"), MethodStatement: r.cell("methodStatement")}
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
	for _, w := range strings.Split(r.cell("where"), ";") {
		if w = strings.TrimSpace(w); w != "" {
			c.Where = append(c.Where, w)
		}
	}
	resp := response(bd, crit)
	k := len(resp.SocialValue.Commitments)
	resp.SocialValue.Commitments = append(resp.SocialValue.Commitments, c)
	bd.Responses[crit] = resp
	b.note(i, "responses[].socialValue", crit, "", r.ref("measure"))
	b.note(i, "responses[].socialValue.commitments[]", crit, strconv.Itoa(k), r.ref("measure"))
}

func (b *csvBuilder) tieBreak(r *csvRow, i int) {
	step := r.cell("step")
	sc, ok := b.decimal(r, "score", true)
	if !ok {
		return
	}
	bd := &b.bids[i]
	if bd.TieBreakScores == nil {
		bd.TieBreakScores = map[string]score.RecordedScore{}
	}
	if _, dup := bd.TieBreakScores[step]; dup {
		b.add(r, "step", step, "unique", "bid %s already has a score for step %s", bd.ID, step)
		return
	}
	bd.TieBreakScores[step] = score.RecordedScore{Score: *sc, Reason: r.cell("reason")}
	b.note(i, "tieBreakScores[]", step, "", r.ref("score"))
}

// feature records the value a bid chose for one of its lot's features
// (a price adjusted by features: score.AdjustedPrice).
func (b *csvBuilder) feature(r *csvRow, i int) {
	code := r.cell("feature")
	v, ok := b.decimal(r, "value", true)
	if !ok {
		return
	}
	bd := &b.bids[i]
	if bd.Features == nil {
		bd.Features = map[string]decimal.Decimal{}
	}
	if _, dup := bd.Features[code]; dup {
		b.add(r, "feature", code, "unique", "bid %s already has a value for feature %s", bd.ID, code)
		return
	}
	bd.Features[code] = *v
	b.note(i, "features[]", code, "", r.ref("value"))
}

// markPaths are the paths, as notes write them, of a criterion's marks.
type markPaths struct{ marks, consensus, evaluators string }

var (
	qualityMarks         = markPaths{"responses[].marks", "responses[].marks.consensus", "responses[].marks.evaluators[]"}
	methodStatementMarks = markPaths{"responses[].socialValue.methodStatement", "responses[].socialValue.methodStatement.consensus", "responses[].socialValue.methodStatement.evaluators[]"}
)

// mark records one evaluator's mark or the consensus; marks for a social
// value criterion are for its method statement.
func (b *csvBuilder) mark(r *csvRow, i int, crit string) {
	m, ok := b.decimal(r, "mark", true)
	if !ok {
		return
	}
	consensus, ok := b.boolean(r, "consensus")
	if !ok {
		return
	}
	bd := &b.bids[i]
	resp := response(bd, crit)
	marks := &resp.Marks
	mp := qualityMarks
	if c := b.criterionOf(bd, crit); c != nil && c.SocialValue != nil {
		if resp.SocialValue.MethodStatement == nil {
			resp.SocialValue.MethodStatement = &criteria.Marks{}
		}
		marks = resp.SocialValue.MethodStatement
		mp = methodStatementMarks
	}
	evaluator := r.cell("evaluator")
	if consensus {
		if evaluator != "" {
			b.add(r, "evaluator", evaluator, "consensus", "a consensus mark is the panel's, not one evaluator's: leave the evaluator empty")
			return
		}
		if marks.Consensus != nil {
			b.add(r, "consensus", r.cell("consensus"), "unique", "bid %s already has a consensus mark for %s", bd.ID, crit)
			return
		}
		marks.Consensus = &criteria.Consensus{Mark: *m, Rationale: r.cell("rationale")}
		b.note(i, mp.consensus, crit, "", r.ref("mark"))
	} else {
		if evaluator == "" {
			b.add(r, "evaluator", "", "required", "name the evaluator, or mark the row as the consensus")
			return
		}
		b.note(i, mp.evaluators, crit, strconv.Itoa(len(marks.Evaluators)), r.ref("mark"))
		marks.Evaluators = append(marks.Evaluators, criteria.EvaluatorMark{Evaluator: evaluator, Mark: *m, Rationale: r.cell("rationale")})
	}
	b.note(i, mp.marks, crit, "", r.ref("mark"))
	bd.Responses[crit] = resp
}

func (b *csvBuilder) livingWage(r *csvRow, i int) {
	any := false
	for _, c := range livingWageColumns {
		any = any || r.cell(c) != ""
	}
	if !any {
		return
	}
	bd := &b.bids[i]
	if bd.LivingWage != nil {
		b.add(r, "livingWageAccreditation", "", "unique", "bid %s already has a living wage commitment", bd.ID)
		return
	}
	lw := &criteria.LivingWageCommitment{Accreditation: criteria.Accreditation(r.cell("livingWageAccreditation")), Evidence: r.cell("livingWageEvidence")}
	var ok1, ok2, ok3 bool
	lw.AtLeastApplicable, ok1 = b.boolean(r, "livingWageAtLeastApplicable")
	lw.IncludesContractedStaff, ok2 = b.boolean(r, "livingWageIncludesContractedStaff")
	lw.HourlyRate, ok3 = b.decimal(r, "livingWageHourlyRate", false)
	if ok1 && ok2 && ok3 {
		bd.LivingWage = lw
		b.note(i, "livingWage", "", "", r.ref("livingWageAccreditation"))
	}
}
