package tenderfile

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/score"
)

// EncodeBidsCSV writes bids in the CSV layout [ReadBidsCSV] reads, one file
// per kind, keyed by a file name: "bids.csv" always, and "prices.csv",
// "marks.csv", "gates.csv", "commitments.csv", "tiebreaks.csv" and
// "features.csv" when the bids hold any. Decimals are written exactly as held. A cell a
// spreadsheet would take for a formula (one beginning =, +, -, @, a tab or
// a carriage return, unless it is a number) is written with a leading
// apostrophe, which ReadBidsCSV removes. Bids holding what
// CSV has no column for — a deliverability discount, a bid price on a
// social value response, a commitment place with ";" in it — give an error
// naming the field.
func EncodeBidsCSV(bids []score.Bid) (map[string][]byte, error) {
	e := &csvEncoder{files: map[string]*csvOut{}}
	e.out("bids.csv", slices.Concat([]string{"bid", "lot", "supplier", "supplierName"}, livingWageColumns)...)
	for i, b := range bids {
		path := index("bids", i)
		row := []string{b.ID, b.Lot, b.Supplier.ID, b.Supplier.Name, "", "", "", "", ""}
		if lw := b.LivingWage; lw != nil {
			row[4], row[5], row[6], row[7], row[8] = string(lw.Accreditation), strconv.FormatBool(lw.AtLeastApplicable), optDecimal(lw.HourlyRate), strconv.FormatBool(lw.IncludesContractedStaff), lw.Evidence
		}
		e.out("bids.csv").row(row...)
		for _, c := range sortedKeys(b.Responses) {
			e.response(b.ID, c, key(path+".responses", c), b.Responses[c])
		}
		for _, f := range sortedKeys(b.Features) {
			e.out("features.csv", "bid", "feature", "value").row(b.ID, f, decimalString(b.Features[f]))
		}
		for _, g := range sortedKeys(b.Gates) {
			gr := b.Gates[g]
			e.out("gates.csv", "bid", "gate", "pass", "reason", "evidence").row(b.ID, g, strconv.FormatBool(gr.Pass), gr.Reason, gr.Evidence)
		}
		for _, s := range sortedKeys(b.TieBreakScores) {
			rs := b.TieBreakScores[s]
			e.out("tiebreaks.csv", "bid", "step", "score", "reason").row(b.ID, s, decimalString(rs.Score), rs.Reason)
		}
	}
	if len(e.ps) > 0 {
		return nil, &Error{Problems: e.ps}
	}
	files := map[string][]byte{}
	for name, o := range e.files {
		o.w.Flush()
		if err := o.w.Error(); err != nil {
			return nil, err
		}
		files[name] = o.buf.Bytes()
	}
	return files, nil
}

// csvEncoder gathers the CSV files bids are written to, and the problems of
// what has no CSV form.
type csvEncoder struct {
	files map[string]*csvOut
	ps    []Problem
}

// out returns the named file, started with its header row cols.
func (e *csvEncoder) out(name string, cols ...string) *csvOut {
	if o, ok := e.files[name]; ok {
		return o
	}
	o := &csvOut{}
	o.w = csv.NewWriter(&o.buf)
	_ = o.w.Write(cols)
	e.files[name] = o
	return o
}

func (e *csvEncoder) bad(path, msg string) {
	e.ps = append(e.ps, Problem{Field: path, Rule: "csv", Message: msg})
}

var commitmentColumns = []string{"bid", "criterion", "measure", "quantity", "fte", "years", "percent", "where", "methodStatement"}

// response writes one bid's response to one criterion: its prices, marks
// and commitments.
func (e *csvEncoder) response(bid, c, rp string, r score.Response) {
	if isEmptyResponse(r) {
		// A row with no measure: answered, nothing committed.
		e.out("commitments.csv", commitmentColumns...).row(bid, c, "", "", "", "", "", "", "")
	}
	if r.Price.Amount != nil {
		e.out("prices.csv", "bid", "criterion", "item", "amount").row(bid, c, "", decimalString(*r.Price.Amount))
	}
	for _, item := range sortedKeys(r.Price.UnitPrices) {
		e.out("prices.csv", "bid", "criterion", "item", "amount").row(bid, c, item, decimalString(r.Price.UnitPrices[item]))
	}
	marks := r.Marks
	if ms := r.SocialValue.MethodStatement; ms != nil {
		if len(marks.Evaluators) > 0 || marks.Consensus != nil {
			e.bad(rp, "marks for the criterion and for its method statement cannot both be written to marks.csv")
		}
		marks = *ms
	}
	mo := func() *csvOut {
		return e.out("marks.csv", "bid", "criterion", "evaluator", "mark", "rationale", "consensus")
	}
	for _, m := range marks.Evaluators {
		mo().row(bid, c, m.Evaluator, decimalString(m.Mark), m.Rationale, "false")
	}
	if m := marks.Consensus; m != nil {
		mo().row(bid, c, "", decimalString(m.Mark), m.Rationale, "true")
	}
	for k, cm := range r.SocialValue.Commitments {
		for _, wh := range cm.Where {
			if strings.Contains(wh, ";") {
				e.bad(fmt.Sprintf("%s.socialValue.commitments[%d].where", rp, k), "a place with \";\" in it has no CSV form")
			}
		}
		e.out("commitments.csv", commitmentColumns...).
			row(bid, c, cm.Measure, optDecimal(cm.Quantity), optDecimal(cm.FTE), optDecimal(cm.Years), optDecimal(cm.Percent), strings.Join(cm.Where, ";"), cm.MethodStatement)
	}
	if r.SocialValue.Deliverability != nil {
		e.bad(rp+".socialValue.deliverability", "a deliverability discount has no CSV form: use a YAML or JSON bids file")
	}
	if r.SocialValue.BidPrice != nil {
		e.bad(rp+".socialValue.bidPrice", "a bid price on a social value response has no CSV form (the engine sets it from the price)")
	}
}

func isEmptyResponse(r score.Response) bool {
	return r.Price.Amount == nil && len(r.Price.UnitPrices) == 0 && len(r.Marks.Evaluators) == 0 && r.Marks.Consensus == nil &&
		len(r.SocialValue.Commitments) == 0 && r.SocialValue.MethodStatement == nil && r.SocialValue.Deliverability == nil && r.SocialValue.BidPrice == nil
}

type csvOut struct {
	buf bytes.Buffer
	w   *csv.Writer
}

// row writes one row, every cell safe to open in a spreadsheet
// ([escapeCell]); errors surface at Flush.
func (o *csvOut) row(cells ...string) {
	for i, c := range cells {
		cells[i] = escapeCell(c)
	}
	_ = o.w.Write(cells)
}

func optDecimal(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return decimalString(*d)
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
