package scoretest

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
	"github.com/tenderscore/tenderscore/score/report"
)

// Properties a council's policy is expected to have, as Violation.Property
// names them.
const (
	PriceMonotonicity   = "price-monotonicity"
	QualityMonotonicity = "quality-monotonicity"
	OrderInvariance     = "order-invariance"
	GateFailureLoses    = "gate-failure-never-wins"
	WeightsSum          = "weights-sum"
	Determinism         = "determinism"
)

// Violation is one way a policy, over a field of bids, breaks a property.
type Violation struct {
	Property string
	Lot      string
	// Bid is the bid concerned, if any.
	Bid string
	// Message says what happened, with the figures.
	Message string
}

// String writes "price-monotonicity: lot 1, B-003: …".
func (v Violation) String() string {
	where := "lot " + v.Lot
	if v.Bid != "" {
		where += ", " + v.Bid
	}
	return fmt.Sprintf("%s: %s: %s", v.Property, where, v.Message)
}

// Report is what CheckPolicy found: the violations, which fail a test, and
// the notes, which are reported but do not fail it (a rank reversal, which
// relative price scoring can legitimately show).
type Report struct {
	Violations []Violation
	Notes      []string
}

// OK reports whether no property was violated.
func (r Report) OK() bool { return len(r.Violations) == 0 }

// Has reports whether any violation is of the given property.
func (r Report) Has(property string) bool {
	return slices.ContainsFunc(r.Violations, func(v Violation) bool { return v.Property == property })
}

// String lists the violations, then the notes.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d violations", len(r.Violations))
	for _, v := range r.Violations {
		b.WriteString("\n  " + v.String())
	}
	for _, n := range r.Notes {
		b.WriteString("\n  note: " + n)
	}
	return b.String()
}

// CheckPolicy runs every property check on one lot over a field of bids
// (a Field's, or the council's own test cases): a lower price never
// scores less, a higher mark never scores less, the order the bids arrive
// in changes nothing, a bid failing a gate never wins, the weights add up
// as the weighting says, the same inputs give the same bytes; and it
// reports rank reversals. It fails t once for each violation and logs each
// note, and returns the report. An invalid tender or field fails t.
func CheckPolicy(t TB, tender score.Tender, lot string, bids []score.Bid) Report {
	t.Helper()
	return Checker{}.CheckPolicy(t, tender, lot, bids)
}

// CheckPolicy runs every property check as the package's [CheckPolicy]
// does, evaluating with the Checker's evaluator.
func (ck Checker) CheckPolicy(t TB, tender score.Tender, lot string, bids []score.Bid) Report {
	t.Helper()
	var r Report
	r.Violations = append(r.Violations, CheckWeightsSum(tender, lot)...)
	if len(r.Violations) > 0 {
		// Nothing can be evaluated under weights that do not add up.
		for _, v := range r.Violations {
			t.Errorf("%s", v)
		}
		return r
	}
	for _, check := range []func(score.Tender, string, []score.Bid) ([]Violation, error){
		ck.CheckPriceMonotonicity, ck.CheckQualityMonotonicity, ck.CheckOrderInvariance, ck.CheckGateFailureNeverWins, ck.CheckDeterminism,
	} {
		vs, err := check(tender, lot, bids)
		if err != nil {
			t.Errorf("scoretest.CheckPolicy: %v", err)
			t.FailNow()
			return r
		}
		r.Violations = append(r.Violations, vs...)
	}
	notes, err := RankReversals(tender, lot, bids)
	if err != nil {
		t.Errorf("scoretest.CheckPolicy: %v", err)
		t.FailNow()
		return r
	}
	r.Notes = notes
	for _, v := range r.Violations {
		t.Errorf("%s", v)
	}
	for _, n := range r.Notes {
		t.Logf("note: %s", n)
	}
	return r
}

// CheckWeightsSum reports each set of sibling criteria whose weights do not
// add up as the policy's weighting says (percentages summing to 100, or to
// the parent's weight), and each weight that is not positive, using the
// policy's own validation.
func CheckWeightsSum(tender score.Tender, lot string) []Violation {
	l, ok := tender.Lot(lot)
	if !ok {
		return []Violation{{Property: WeightsSum, Lot: lot, Message: "the tender has no such lot"}}
	}
	err := l.Policy.Validate()
	var verr *score.ValidationError
	if !errors.As(err, &verr) {
		return nil
	}
	var out []Violation
	for _, p := range verr.Problems {
		if slices.Contains([]string{"sum-100", "sum-parent", "positive", "no-weight"}, p.Rule) && strings.Contains(p.Field, "criteria") {
			out = append(out, Violation{Property: WeightsSum, Lot: lot, Message: fmt.Sprintf("policy.%s: %s (value %q)", p.Field, p.Message, p.Value)})
		}
	}
	return out
}

// evalState is a lot evaluated, for comparing with a changed copy.
type evalState struct {
	tender    score.Tender
	lot       string
	lowerWins bool
	evaluate  LotEvaluator
}

func (ck Checker) newEval(tender score.Tender, lot string) (evalState, error) {
	l, ok := tender.Lot(lot)
	if !ok {
		return evalState{}, fmt.Errorf("the tender has no lot %q", lot)
	}
	return evalState{tender: tender, lot: lot, lowerWins: l.Policy.Basis == score.PricePerQualityPoint || l.Policy.Basis == score.AdjustedPrice, evaluate: ck.evaluator()}, nil
}

func (e evalState) eval(bids []score.Bid) (score.LotResult, error) {
	return e.evaluate(e.tender, e.lot, bids)
}

// worse reports whether total a is worse than b.
func (e evalState) worse(a, b exact.Fraction) bool {
	if e.lowerWins {
		return a.Cmp(b) > 0
	}
	return a.Cmp(b) < 0
}

// compare reports how a changed bid fared against its original result.
func (e evalState) compare(property, change string, before score.BidResult, after score.LotResult) *Violation {
	b, ok := after.Bid(before.BidID)
	switch {
	case !ok:
		return nil
	case b.Disqualified != nil:
		return &Violation{Property: property, Lot: e.lot, Bid: before.BidID,
			Message: fmt.Sprintf("%s disqualified it (%s)", change, reasons(b))}
	case e.worse(b.Total.Points.Value, before.Total.Points.Value):
		return &Violation{Property: property, Lot: e.lot, Bid: before.BidID,
			Message: fmt.Sprintf("%s lowered its total from %s to %s (rank %d → %d)", change, before.Total.Points, b.Total.Points, before.Rank, b.Rank)}
	case b.Rank > before.Rank:
		return &Violation{Property: property, Lot: e.lot, Bid: before.BidID,
			Message: fmt.Sprintf("%s moved it down from rank %d to %d (total %s → %s)", change, before.Rank, b.Rank, before.Total.Points, b.Total.Points)}
	}
	return nil
}

// withBid returns a copy of bids with bids[i] replaced.
func withBid(bids []score.Bid, i int, b score.Bid) []score.Bid {
	out := slices.Clone(bids)
	out[i] = b
	return out
}

func cloneBid(b score.Bid) score.Bid {
	b.Responses = maps.Clone(b.Responses)
	b.Gates = maps.Clone(b.Gates)
	if b.LivingWage != nil {
		lw := *b.LivingWage
		b.LivingWage = &lw
	}
	return b
}

func indexOf(bids []score.Bid, id string) int {
	return slices.IndexFunc(bids, func(b score.Bid) bool { return b.ID == id })
}

// compliant lists the compliant bids of a result, in standings order.
func compliant(l score.LotResult) []score.BidResult {
	var out []score.BidResult
	for _, b := range l.Bids {
		if b.Disqualified == nil {
			out = append(out, b)
		}
	}
	return out
}

var ninetyPercent = decimal.RequireFromString("0.9")

// CheckPriceMonotonicity lowers each compliant bid's price by 10% on each
// price criterion in turn (every unit price of a schedule) and reports
// each case where that lowered the bid's total, moved it down the
// standings or disqualified it: a lower price must never score less.
func CheckPriceMonotonicity(tender score.Tender, lot string, bids []score.Bid) ([]Violation, error) {
	return Checker{}.CheckPriceMonotonicity(tender, lot, bids)
}

// CheckPriceMonotonicity is the package's [CheckPriceMonotonicity],
// evaluating with the Checker's evaluator.
func (ck Checker) CheckPriceMonotonicity(tender score.Tender, lot string, bids []score.Bid) ([]Violation, error) {
	e, err := ck.newEval(tender, lot)
	if err != nil {
		return nil, err
	}
	base, err := e.eval(bids)
	if err != nil {
		return nil, err
	}
	l, _ := tender.Lot(lot)
	var out []Violation
	for _, br := range compliant(base) {
		i := indexOf(bids, br.BidID)
		for _, c := range leaves(l.Policy.Criteria) {
			if c.Price == nil {
				continue
			}
			b := cloneBid(bids[i])
			r := b.Responses[c.ID]
			before := describePrice(r.Price)
			r.Price = scalePrice(r.Price, ninetyPercent)
			b.Responses[c.ID] = r
			after, err := e.eval(withBid(bids, i, b))
			if err != nil {
				return nil, err
			}
			if v := e.compare(PriceMonotonicity, fmt.Sprintf("lowering its price on %s by 10%% (%s → %s)", c.ID, before, describePrice(r.Price)), br, after); v != nil {
				out = append(out, *v)
			}
		}
	}
	return out, nil
}

func scalePrice(p criteria.PriceResponse, f decimal.Decimal) criteria.PriceResponse {
	var out criteria.PriceResponse
	if p.Amount != nil {
		a := p.Amount.Mul(f)
		out.Amount = &a
	}
	if p.UnitPrices != nil {
		out.UnitPrices = map[string]decimal.Decimal{}
		for k, v := range p.UnitPrices {
			out.UnitPrices[k] = v.Mul(f)
		}
	}
	return out
}

func describePrice(p criteria.PriceResponse) string {
	if p.Amount != nil {
		return exact.Money(*p.Amount)
	}
	return fmt.Sprintf("%d unit prices", len(p.UnitPrices))
}

// CheckQualityMonotonicity raises each compliant bid's mark one level up
// its scale on each quality question in turn (the consensus mark, or
// every evaluator's mark under the mean; and the method statement of a
// social value criterion) and reports each case where that lowered the
// bid's total, moved it down the standings or disqualified it.
func CheckQualityMonotonicity(tender score.Tender, lot string, bids []score.Bid) ([]Violation, error) {
	return Checker{}.CheckQualityMonotonicity(tender, lot, bids)
}

// CheckQualityMonotonicity is the package's [CheckQualityMonotonicity],
// evaluating with the Checker's evaluator.
func (ck Checker) CheckQualityMonotonicity(tender score.Tender, lot string, bids []score.Bid) ([]Violation, error) {
	e, err := ck.newEval(tender, lot)
	if err != nil {
		return nil, err
	}
	base, err := e.eval(bids)
	if err != nil {
		return nil, err
	}
	l, _ := tender.Lot(lot)
	var out []Violation
	for _, br := range compliant(base) {
		i := indexOf(bids, br.BidID)
		for _, c := range leaves(l.Policy.Criteria) {
			b := cloneBid(bids[i])
			r := b.Responses[c.ID]
			var raised bool
			switch {
			case c.Quality != nil:
				r.Marks, raised = raise(r.Marks, c.Quality.Scale)
			case c.SocialValue != nil && c.SocialValue.MethodStatement != nil && r.SocialValue.MethodStatement != nil:
				var m criteria.Marks
				m, raised = raise(*r.SocialValue.MethodStatement, c.SocialValue.MethodStatement.Scale)
				r.SocialValue.MethodStatement = &m
			}
			if !raised {
				continue
			}
			b.Responses[c.ID] = r
			after, err := e.eval(withBid(bids, i, b))
			if err != nil {
				return nil, err
			}
			if v := e.compare(QualityMonotonicity, fmt.Sprintf("raising its marks on %s one level", c.ID), br, after); v != nil {
				out = append(out, *v)
			}
		}
	}
	return out, nil
}

// raise moves marks one level up the scale; false when already at the top.
func raise(m criteria.Marks, s criteria.Scale) (criteria.Marks, bool) {
	next := func(d decimal.Decimal) (decimal.Decimal, bool) {
		var best *decimal.Decimal
		for _, lv := range s.Levels {
			if lv.Mark.GreaterThan(d) && (best == nil || lv.Mark.LessThan(*best)) {
				v := lv.Mark
				best = &v
			}
		}
		if best == nil {
			return d, false
		}
		return *best, true
	}
	out := criteria.Marks{Evaluators: slices.Clone(m.Evaluators)}
	raised := false
	if m.Consensus != nil {
		c := *m.Consensus
		c.Mark, raised = next(c.Mark)
		out.Consensus = &c
		return out, raised
	}
	for i := range out.Evaluators {
		var ok bool
		out.Evaluators[i].Mark, ok = next(out.Evaluators[i].Mark)
		raised = raised || ok
	}
	return out, raised
}

// CheckOrderInvariance evaluates the bids in reverse and in shuffled
// orders and reports any difference in the result, byte for byte.
func CheckOrderInvariance(tender score.Tender, lot string, bids []score.Bid) ([]Violation, error) {
	return Checker{}.CheckOrderInvariance(tender, lot, bids)
}

// CheckOrderInvariance is the package's [CheckOrderInvariance],
// evaluating with the Checker's evaluator.
func (ck Checker) CheckOrderInvariance(tender score.Tender, lot string, bids []score.Bid) ([]Violation, error) {
	e, err := ck.newEval(tender, lot)
	if err != nil {
		return nil, err
	}
	want, err := e.bytes(bids)
	if err != nil {
		return nil, err
	}
	orders := [][]score.Bid{slices.Clone(bids)}
	slices.Reverse(orders[0])
	r := rand.New(rand.NewPCG(1, 2))
	for range 3 {
		o := slices.Clone(bids)
		r.Shuffle(len(o), func(i, j int) { o[i], o[j] = o[j], o[i] })
		orders = append(orders, o)
	}
	var out []Violation
	for _, o := range orders {
		got, err := e.bytes(o)
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(got, want) {
			ids := make([]string, len(o))
			for i, b := range o {
				ids[i] = b.ID
			}
			out = append(out, Violation{Property: OrderInvariance, Lot: lot, Message: fmt.Sprintf("the bids in the order %s give a different result", strings.Join(ids, ", "))})
		}
	}
	return out, nil
}

func (e evalState) bytes(bids []score.Bid) ([]byte, error) {
	res, err := e.eval(bids)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := report.LotJSON(&b, res); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// CheckDeterminism evaluates the same bids twice and reports any
// difference, byte for byte.
func CheckDeterminism(tender score.Tender, lot string, bids []score.Bid) ([]Violation, error) {
	return Checker{}.CheckDeterminism(tender, lot, bids)
}

// CheckDeterminism is the package's [CheckDeterminism],
// evaluating with the Checker's evaluator.
func (ck Checker) CheckDeterminism(tender score.Tender, lot string, bids []score.Bid) ([]Violation, error) {
	e, err := ck.newEval(tender, lot)
	if err != nil {
		return nil, err
	}
	a, err := e.bytes(bids)
	if err != nil {
		return nil, err
	}
	b, err := e.bytes(slices.Clone(bids))
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(a, b) {
		return []Violation{{Property: Determinism, Lot: lot, Message: "evaluating the same bids twice gave different results"}}, nil
	}
	return nil, nil
}

// CheckGateFailureNeverWins fails each compliant bid on each gate in turn
// (and on the living wage gates, by withdrawing its living wage
// commitment) and reports each case where the bid still won or was not
// disqualified.
func CheckGateFailureNeverWins(tender score.Tender, lot string, bids []score.Bid) ([]Violation, error) {
	return Checker{}.CheckGateFailureNeverWins(tender, lot, bids)
}

// CheckGateFailureNeverWins is the package's [CheckGateFailureNeverWins],
// evaluating with the Checker's evaluator.
func (ck Checker) CheckGateFailureNeverWins(tender score.Tender, lot string, bids []score.Bid) ([]Violation, error) {
	e, err := ck.newEval(tender, lot)
	if err != nil {
		return nil, err
	}
	base, err := e.eval(bids)
	if err != nil {
		return nil, err
	}
	l, _ := tender.Lot(lot)
	type change struct {
		what  string
		apply func(*score.Bid)
	}
	var changes []change
	for _, g := range l.Policy.Gates {
		changes = append(changes, change{"failing gate " + g.ID, func(b *score.Bid) {
			b.Gates[g.ID] = criteria.GateResult{Pass: false, Reason: "scoretest: failed on purpose"}
		}})
	}
	if len(l.Policy.LivingWageGates) > 0 {
		changes = append(changes, change{"withdrawing its living wage commitment", func(b *score.Bid) {
			b.LivingWage = &criteria.LivingWageCommitment{Accreditation: criteria.NotAccredited, Evidence: "scoretest: withdrawn on purpose"}
		}})
	}
	var out []Violation
	for _, br := range compliant(base) {
		i := indexOf(bids, br.BidID)
		for _, c := range changes {
			b := cloneBid(bids[i])
			if b.Gates == nil {
				b.Gates = map[string]criteria.GateResult{}
			}
			c.apply(&b)
			after, err := e.eval(withBid(bids, i, b))
			if err != nil {
				return nil, err
			}
			switch got, _ := after.Bid(br.BidID); {
			case after.Outcome == score.Winner && after.Winner == br.BidID:
				out = append(out, Violation{Property: GateFailureLoses, Lot: lot, Bid: br.BidID, Message: c.what + " still let it win"})
			case got.Disqualified == nil:
				out = append(out, Violation{Property: GateFailureLoses, Lot: lot, Bid: br.BidID, Message: fmt.Sprintf("%s left it in the competition (rank %d)", c.what, got.Rank)})
			}
		}
	}
	return out, nil
}

// RankReversals reports, as notes, each bid whose removal reverses the
// order of two others. Relative price scoring can legitimately show this
// (docs/sources/price-formulas.md), so it is reported, not failed.
func RankReversals(tender score.Tender, lot string, bids []score.Bid) ([]string, error) {
	rs, err := analysis.RankReversals(tender, lot, bids)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("rank reversal in lot %s: %s", lot, r.Explanation))
	}
	return out, nil
}
