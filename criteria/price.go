package criteria

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// PriceMethod names how a price is turned into a share of the marks.
// No UK statute fixes a formula: the authority publishes its method in
// advance (Procurement Act 2023 s.23(3)). Formulas and edge cases are those in
// docs/sources/price-formulas.md.
type PriceMethod string

// Price methods.
const (
	// Relative scores lowest price ÷ this price: the most common method
	// (CCS Digital Marketplace buyer guidance). Non-linear; adding or removing
	// a bid can reverse the order of two others.
	Relative PriceMethod = "relative"
	// Linear scores (highest − this) ÷ (highest − lowest): the highest bid
	// scores 0. When every bid in the field has the same price (or there is
	// only one), every bid scores full marks.
	Linear PriceMethod = "linear"
	// Band scores (ceiling − this) ÷ (ceiling − floor), limited to 0–1: at or
	// below the published floor full marks, at or above the ceiling none.
	// Independent of the other bids.
	Band PriceMethod = "band"
	// Deduction scores 1 − rate × (this − lowest) ÷ lowest, not below 0: with
	// rate 1, a bid 25% above the lowest loses 25% of the marks.
	Deduction PriceMethod = "deduction"
	// PerQualityPoint marks the price criterion of a policy whose whole basis
	// is price per quality point: the price is not scored on its own but
	// divided by the bid's quality points (see [PricePerQualityPoint]).
	PerQualityPoint PriceMethod = "per-quality-point"
	// AdjustedByFeatures marks the price criterion of a policy whose whole
	// basis is a price adjusted by non-price features (ProZorro's MEAT
	// rule): the price is not scored on its own but divided by the
	// coefficient the bid's chosen features give (see [FeatureRule]).
	AdjustedByFeatures PriceMethod = "adjusted-by-features"
)

// PriceMethods lists the price methods in a fixed order.
func PriceMethods() []PriceMethod {
	return []PriceMethod{Relative, Linear, Band, Deduction, PerQualityPoint, AdjustedByFeatures}
}

// OverBudget says what happens to a bid priced above a published maximum
// budget. It is a policy choice (docs/sources/price-formulas.md): treating such
// bids as non-compliant is common, scoring them zero is the alternative.
type OverBudget string

// What to do with a bid above the maximum budget.
const (
	// DisqualifyOverBudget removes the bid from the competition.
	DisqualifyOverBudget OverBudget = "disqualify"
	// ScoreZeroOverBudget keeps the bid but gives it no price marks. Its price
	// takes no part in the field: it is never the lowest and never stretches
	// the linear method's range.
	ScoreZeroOverBudget OverBudget = "score-zero"
)

// PriceRule is a price criterion's published method.
type PriceRule struct {
	// Method is the formula.
	Method PriceMethod `json:"method"`
	// Floor and Ceiling bound the Band method, both published before bids.
	Floor   decimal.Decimal `json:"floor,omitempty"`
	Ceiling decimal.Decimal `json:"ceiling,omitempty"`
	// Rate is the Deduction method's k: the share of the marks lost per unit
	// of (this − lowest) ÷ lowest. 1 loses 1% of the marks per 1% above.
	Rate decimal.Decimal `json:"rate,omitempty"`
	// MaxBudget, when not zero, is the published maximum: a price above it
	// (strictly greater) is over budget. A price equal to it is within.
	MaxBudget decimal.Decimal `json:"maxBudget,omitempty"`
	// OverBudget says what an over-budget price leads to; required with
	// MaxBudget.
	OverBudget OverBudget `json:"overBudget,omitempty"`
	// Schedule, when set, asks bidders to price lines of a schedule rather
	// than give one amount; the price compared is the schedule's total (or
	// whole-life cost).
	Schedule *Schedule `json:"schedule,omitempty"`
}

// PriceResponse is a bidder's price: either one Amount, or unit prices for
// the lines of the rule's Schedule, keyed by line item.
type PriceResponse struct {
	// Amount is the single price offered; nil when the bid prices a schedule.
	Amount *decimal.Decimal `json:"amount,omitempty"`
	// UnitPrices holds the price per unit of each schedule line, by item.
	UnitPrices map[string]decimal.Decimal `json:"unitPrices,omitempty"`
}

// Amount returns a response offering one price.
func Amount(d decimal.Decimal) PriceResponse { return PriceResponse{Amount: &d} }

// UnitPrices returns a response pricing schedule lines, by item.
func UnitPrices(byItem map[string]decimal.Decimal) PriceResponse {
	return PriceResponse{UnitPrices: byItem}
}

// IsZero reports whether the response holds no price at all.
func (r PriceResponse) IsZero() bool { return r.Amount == nil && len(r.UnitPrices) == 0 }

// Quote is a response reduced to the one price compared, with the record
// of how it was reduced (a schedule's lines, a whole-life discount). A Quote
// built from a price alone ({Price: p}) is a single amount.
type Quote struct {
	// Price is the amount compared between bids.
	Price decimal.Decimal
	sched *scheduleRecord // how a schedule became the price; nil for an amount
	exact exact.Fraction  // Price, exactly, once Quote has read it; zero when the Quote was built by hand
}

// Exact returns the price as an exact fraction.
func (q Quote) Exact() exact.Fraction {
	if q.exact.IsZero() { // a price is never zero: this Quote was built by hand
		return exact.Whole(q.Price)
	}
	return q.exact
}

// Input describes the price as offered: "£15,000.00", or "schedule of 3
// lines totalling £52,200.00".
func (q Quote) Input() string {
	if q.sched != nil {
		return q.sched.input()
	}
	return exact.Money(q.Price)
}

// Working shows how a schedule became the price; empty for an amount.
func (q Quote) Working() []Step {
	if q.sched != nil {
		return q.sched.working()
	}
	return nil
}

// Validate reports every problem with the rule itself.
func (r PriceRule) Validate() []Problem {
	var ps problems
	if !slices.Contains(PriceMethods(), r.Method) {
		ps.add("method", string(r.Method), "one-of", "unknown price method; want one of %s", joinMethods())
	}
	if r.Method == Band {
		okF := ps.size("floor", r.Floor)
		okC := ps.size("ceiling", r.Ceiling)
		if r.Floor.Sign() < 0 {
			ps.add("floor", r.Floor.String(), "non-negative", "the band's floor must not be negative")
		}
		if okF && okC && r.Ceiling.Cmp(r.Floor) <= 0 {
			ps.add("ceiling", r.Ceiling.String(), "above-floor",
				"the band's ceiling must be above its floor %s", exact.Money(r.Floor))
		}
	} else {
		if !r.Floor.IsZero() {
			ps.add("floor", r.Floor.String(), "band-only", "floor and ceiling apply only to the band method, not %q", r.Method)
		}
		if !r.Ceiling.IsZero() {
			ps.add("ceiling", r.Ceiling.String(), "band-only", "floor and ceiling apply only to the band method, not %q", r.Method)
		}
	}
	if r.Method == Deduction {
		if ps.size("rate", r.Rate) && r.Rate.Sign() <= 0 {
			ps.add("rate", r.Rate.String(), "positive", "the deduction method needs a positive rate (1 loses 1%% of the marks per 1%% above the lowest)")
		}
	} else if !r.Rate.IsZero() {
		ps.add("rate", r.Rate.String(), "deduction-only", "a rate applies only to the deduction method, not %q", r.Method)
	}
	if !r.MaxBudget.IsZero() {
		if ps.size("maxBudget", r.MaxBudget) && r.MaxBudget.Sign() < 0 {
			ps.add("maxBudget", r.MaxBudget.String(), "positive", "a maximum budget must be positive")
		}
		if r.OverBudget != DisqualifyOverBudget && r.OverBudget != ScoreZeroOverBudget {
			ps.add("overBudget", string(r.OverBudget), "one-of",
				"with a maximum budget, say what a bid above it gets: %q or %q", DisqualifyOverBudget, ScoreZeroOverBudget)
		}
	} else if r.OverBudget != "" {
		ps.add("overBudget", string(r.OverBudget), "needs-budget", "over-budget treatment declared without a maximum budget")
	}
	if r.Schedule != nil {
		for _, p := range r.Schedule.Validate() {
			ps = append(ps, p.Prefixed("schedule"))
		}
	}
	return ps
}

func joinMethods() string {
	var s []string
	for _, m := range PriceMethods() {
		s = append(s, string(m))
	}
	return strings.Join(s, ", ")
}

// Describe says how the method scores, in a sentence for a published
// methodology or an assessment summary.
func (r PriceRule) Describe() string {
	var s string
	switch r.Method {
	case Relative:
		s = "lowest price ÷ this price × marks available"
	case Linear:
		s = "(highest price − this price) ÷ (highest price − lowest price) × marks available; equal prices all score full marks"
	case Band:
		s = fmt.Sprintf("(%s − this price) ÷ (%s − %s) × marks available, full marks at or below %s, none at or above %s",
			exact.Money(r.Ceiling), exact.Money(r.Ceiling), exact.Money(r.Floor), exact.Money(r.Floor), exact.Money(r.Ceiling))
	case Deduction:
		s = fmt.Sprintf("marks available × (1 − %s × (this price − lowest price) ÷ lowest price), not below 0", exact.Plain(r.Rate))
	case PerQualityPoint:
		s = "price ÷ quality points; the lowest price per quality point wins"
	case AdjustedByFeatures:
		s = "price ÷ (1 + the values chosen for the features ÷ (1 − the features' largest values)); the lowest adjusted price wins"
	default:
		s = string(r.Method)
	}
	if r.Schedule != nil {
		s += "; the price is " + r.Schedule.Describe()
	}
	if !r.MaxBudget.IsZero() {
		switch r.OverBudget {
		case DisqualifyOverBudget:
			s += fmt.Sprintf("; a price above the maximum budget of %s is disqualified", exact.Money(r.MaxBudget))
		case ScoreZeroOverBudget:
			s += fmt.Sprintf("; a price above the maximum budget of %s scores 0", exact.Money(r.MaxBudget))
		}
	}
	return s
}

// IsOverBudget reports whether price is above the rule's maximum budget.
func (r PriceRule) IsOverBudget(price decimal.Decimal) bool {
	return !r.MaxBudget.IsZero() && price.Cmp(r.MaxBudget) > 0
}

// Quote reduces a response to the price compared. Problems name fields
// relative to the response ("amount", "unitPrices[item]").
func (r PriceRule) Quote(resp PriceResponse) (Quote, []Problem) {
	var ps problems
	switch {
	case r.Schedule != nil && resp.Amount != nil:
		ps.add("amount", resp.Amount.String(), "schedule", "this criterion prices a schedule: give unit prices by item, not one amount")
		return Quote{}, ps
	case r.Schedule != nil:
		return r.Schedule.Quote(resp.UnitPrices)
	case resp.Amount == nil:
		if len(resp.UnitPrices) > 0 {
			ps.add("unitPrices", "", "no-schedule", "this criterion has no schedule: give one amount")
		} else {
			ps.add("amount", "", "required", "a price is required")
		}
		return Quote{}, ps
	}
	a := *resp.Amount
	if !ps.size("amount", a) {
		return Quote{}, ps
	}
	if a.Sign() <= 0 {
		ps.add("amount", a.String(), "positive", "a price must be more than zero: a zero or negative price is an error, never the best price")
		return Quote{}, ps
	}
	return Quote{Price: a, exact: exact.Whole(a)}, nil
}

// Assess scores every quote in the field. Quotes over the maximum budget
// score 0 and take no part in the field (with DisqualifyOverBudget the caller
// should have removed them first; if not, they are treated the same way).
// Every price must be positive; a method of PerQualityPoint or
// AdjustedByFeatures cannot be assessed alone and is an error.
func (r PriceRule) Assess(field []Quote) ([]Assessment, error) {
	switch r.Method {
	case PerQualityPoint:
		return nil, fmt.Errorf("price per quality point is a whole-policy basis: use PricePerQualityPoint with the bid's quality points")
	case AdjustedByFeatures:
		return nil, fmt.Errorf("a price adjusted by features is a whole-policy basis: use FeatureRule.Adjust with the bid's chosen values")
	}
	pf := &priceField{rule: r, quotes: slices.Clone(field), prices: make([]exact.Fraction, len(field))}
	budget := exact.Whole(r.MaxBudget)
	in := make([]int, 0, len(field)) // positions within budget
	over := make([]bool, len(field))
	for i, q := range field {
		if q.Price.Sign() <= 0 {
			return nil, fmt.Errorf("field[%d]: price %s must be more than zero", i, q.Price)
		}
		pf.prices[i] = q.Exact()
		over[i] = !r.MaxBudget.IsZero() && pf.prices[i].Cmp(budget) > 0
		if !over[i] {
			in = append(in, i)
		}
	}
	switch r.Method {
	case Relative, Linear, Band, Deduction:
	default:
		if len(in) > 0 {
			return nil, fmt.Errorf("unknown price method %q", r.Method)
		}
	}
	pf.spread = spreadOf(pf, in)
	out := make([]Assessment, len(field))
	recs := make([]priceRecord, len(field))
	for i := range field {
		rec := &recs[i]
		*rec = priceRecord{f: pf, i: i, over: over[i], value: exact.Zero, raw: exact.Zero}
		if !over[i] {
			rec.value, rec.raw = r.formula(pf.prices[i], pf.spread)
		}
		out[i] = Assessment{Value: rec.value, rec: rec}
	}
	return out, nil
}

// formula scores one price within budget: the normalised score, and the
// formula's value before it is limited to 0–1 (band and deduction).
func (r PriceRule) formula(p exact.Fraction, f spread) (value, raw exact.Fraction) {
	switch r.Method {
	case Relative:
		v := ratio(f.lo, p)
		return v, v
	case Linear:
		if f.lo.Equal(f.hi) {
			return exact.One, exact.One
		}
		v := ratio(f.hi.Sub(p), f.hi.Sub(f.lo))
		return v, v
	case Band:
		ceiling := exact.Whole(r.Ceiling)
		raw := ratio(ceiling.Sub(p), ceiling.Sub(exact.Whole(r.Floor)))
		return raw.Clamp(exact.Zero, exact.One), raw
	case Deduction:
		if p.Equal(f.lo) {
			return exact.One, exact.One
		}
		above := ratio(p.Sub(f.lo), f.lo)          // share above the lowest
		raw := exact.One.Sub(above.MulDec(r.Rate)) // 1 − k × share
		return raw.Max(exact.Zero), raw
	}
	return exact.Zero, exact.Zero
}

// ratio divides by a positive denominator; a zero denominator (which
// validation rules out) gives zero rather than a panic.
func ratio(num, den exact.Fraction) exact.Fraction {
	q, err := num.Quo(den)
	if err != nil {
		return exact.Zero
	}
	return q
}

// spread is what the field-relative methods need to know of the field: its
// size, lowest and highest price, and which positions hold them.
type spread struct {
	n          int // prices in the field
	over       int // prices left out for being over the budget
	lo, hi     exact.Fraction
	loD, hiD   decimal.Decimal // the lowest and highest price as bid, for the words
	atLo, atHi []int
}

// spreadOf finds the lowest and highest price among the positions in, and
// which positions hold them. Computed once per field, so that naming the
// lowest-priced bids costs nothing per bid.
func spreadOf(pf *priceField, in []int) spread {
	f := spread{n: len(in), over: len(pf.prices) - len(in)}
	for k, i := range in {
		p := pf.prices[i]
		if k == 0 || p.Cmp(f.lo) < 0 {
			f.lo, f.loD = p, pf.quotes[i].Price
		}
		if k == 0 || p.Cmp(f.hi) > 0 {
			f.hi, f.hiD = p, pf.quotes[i].Price
		}
	}
	for _, i := range in {
		if pf.prices[i].Equal(f.lo) {
			f.atLo = append(f.atLo, i)
		}
		if pf.prices[i].Equal(f.hi) {
			f.atHi = append(f.atHi, i)
		}
	}
	return f
}

// without returns positions minus self: a bid's own figures are not
// another bidder's.
func without(positions []int, self int) []int {
	var u []int
	for _, i := range positions {
		if i != self {
			u = append(u, i)
		}
	}
	return u
}

// outside says how many prices were left out of the field for being over
// the budget, if any, so a note about the field is never misread as a
// note about every bid received.
func (f spread) outside() string {
	switch f.over {
	case 0:
		return ""
	case 1:
		return " (one price over the maximum budget takes no part)"
	}
	return fmt.Sprintf(" (%d prices over the maximum budget take no part)", f.over)
}

// priceField is one assessed field of prices, shared by the records of
// every assessment in it.
type priceField struct {
	rule   PriceRule
	quotes []Quote
	prices []exact.Fraction
	spread
}

// priceRecord is the explanation record of one price assessment: the
// quote's place in the field, whether it was over the budget, and the
// formula's exact result before and after it was limited to 0–1.
type priceRecord struct {
	f          *priceField
	i          int
	over       bool
	value, raw exact.Fraction
}

func (r *priceRecord) input() string       { return r.f.quotes[r.i].Input() }
func (r *priceRecord) rationale() []string { return nil }

// notes are the special cases met. Each but the first states a fact about
// the field as a whole, so it is marked Field: it tells a bidder about the
// others (that there are none left, or that all priced alike).
func (r *priceRecord) notes() []Step {
	f := r.f.spread
	switch {
	case r.over:
		return []Step{step("over the maximum budget: no price marks, and the price takes no part in the comparison")}
	case r.f.rule.Method == Relative && f.n == 1:
		return []Step{fieldStep("only one price in the field" + f.outside() + ": it is the lowest, so it scores full marks")}
	case r.f.rule.Method == Linear && f.lo.Equal(f.hi) && f.n == 1:
		return []Step{fieldStep("only one price in the field" + f.outside() + ": it scores full marks")}
	case r.f.rule.Method == Linear && f.lo.Equal(f.hi):
		return []Step{fieldStep("every price in the field is the same"+f.outside()+": each scores full marks", without(r.f.atLo, r.i)...)}
	}
	return nil
}

// working words the assessment: the quote's own working, then the formula
// with the actual numbers.
func (r *priceRecord) working() []Step {
	rule, f, i := r.f.rule, r.f.spread, r.i
	q := r.f.quotes[i]
	p, pf := q.Price, r.f.prices[i]
	w := q.Working()
	money := exact.Money
	if r.over {
		return append(w, step(fmt.Sprintf("%s is above the published maximum budget of %s: scores 0", money(p), money(rule.MaxBudget))))
	}
	switch rule.Method {
	case Relative:
		if pf.Equal(f.lo) {
			return append(w, step(fmt.Sprintf("this is the lowest price in the field: %s ÷ %s = 1", money(f.loD), money(p))))
		}
		uses := without(f.atLo, i)
		return append(w,
			step(fmt.Sprintf("lowest price in the field: %s", money(f.loD)), uses...),
			step(fmt.Sprintf("%s ÷ %s = %s", money(f.loD), money(p), r.value), uses...))
	case Linear:
		if f.lo.Equal(f.hi) {
			return append(w, fieldStep(fmt.Sprintf("highest and lowest price are both %s: no range to score within, so 1", money(p)), without(f.atLo, i)...))
		}
		uses := append(without(f.atLo, i), without(f.atHi, i)...)
		return append(w,
			step(fmt.Sprintf("highest price in the field %s, lowest %s", money(f.hiD), money(f.loD)), uses...),
			step(fmt.Sprintf("(%s − %s) ÷ (%s − %s) = %s", money(f.hiD), money(p), money(f.hiD), money(f.loD), r.value), uses...))
	case Band:
		text := fmt.Sprintf("(%s − %s) ÷ (%s − %s) = %s", money(rule.Ceiling), money(p), money(rule.Ceiling), money(rule.Floor), r.raw)
		switch {
		case r.raw.Cmp(exact.One) > 0 || pf.Equal(exact.Whole(rule.Floor)):
			text += fmt.Sprintf("; at or below the floor of %s, so full marks: 1", money(rule.Floor))
		case r.raw.Sign() <= 0:
			text += fmt.Sprintf("; at or above the ceiling of %s, so no marks: 0", money(rule.Ceiling))
		}
		return append(w, step(text))
	case Deduction:
		if pf.Equal(f.lo) {
			return append(w, step(fmt.Sprintf("this is the lowest price in the field (%s): no deduction, 1", money(f.loD))))
		}
		uses := without(f.atLo, i)
		text := fmt.Sprintf("1 − %s × (%s − %s) ÷ %s = %s", exact.Plain(rule.Rate), money(p), money(f.loD), money(f.loD), r.raw)
		if r.raw.Sign() < 0 {
			text += "; not below 0, so 0"
		}
		return append(w,
			step(fmt.Sprintf("lowest price in the field: %s", money(f.loD)), uses...),
			step(text, uses...))
	}
	return w
}

// PricePerQualityPoint divides a price by a bid's quality points: the ratio
// compared under a price-per-quality-point basis (lowest wins). Quality
// points of zero or less cannot be divided by and are an error: such a bid
// must fail the policy's minimum quality threshold instead.
// [PricePerQualityPointStep] words the division.
func PricePerQualityPoint(price decimal.Decimal, quality exact.Fraction) (exact.Fraction, error) {
	if quality.Sign() <= 0 {
		return exact.Fraction{}, fmt.Errorf("quality points %s: a price per quality point needs more than zero quality points", quality)
	}
	return exact.Whole(price).Quo(quality)
}

// PricePerQualityPointStep words the division [PricePerQualityPoint] made:
// "£100,000.00 ÷ 80 quality points = 1250 per point".
func PricePerQualityPointStep(price decimal.Decimal, quality, perPoint exact.Fraction) Step {
	return step(fmt.Sprintf("%s ÷ %s quality points = %s per point", exact.Money(price), quality, perPoint))
}
