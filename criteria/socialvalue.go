package criteria

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// SocialValueBasis names what a social-value criterion measures in each
// response's commitments.
type SocialValueBasis string

// Social-value bases.
const (
	// BasisProxyValue measures social value in pounds: Σ quantity × proxy
	// value over the catalogue's measures (docs/sources/social-value.md).
	BasisProxyValue SocialValueBasis = "proxy-value"
	// BasisQuantity measures the total quantity committed, in the one unit
	// every counted measure shares: "6 apprenticeship starts".
	BasisQuantity SocialValueBasis = "quantity"
)

// Normalisation divides the measured commitment by a size before it is
// scored, so that a larger contract does not win on size alone.
type Normalisation string

// Normalisations. The empty Normalisation scores the measure as it is.
const (
	// PerMillionContractValue divides by the contract value in millions of
	// pounds: "2.4 apprenticeship starts per £1m of contract value". The
	// contract value is the lot's estimated value, the same for every bid
	// ([SocialValueContext]).
	PerMillionContractValue Normalisation = "per-million-contract-value"
	// ShareOfBidPrice divides by the bid's own price: social value as a
	// proportion of the bid price. With [RelativeToBest] this is the
	// "proportion of the bid price relative to the best proportion" method.
	// Only with [BasisProxyValue].
	ShareOfBidPrice Normalisation = "share-of-bid-price"
)

// SocialValueMethod names how the measured commitment becomes a share of the
// quantitative marks. No method is statutory (docs/sources/social-value.md).
type SocialValueMethod string

// Social-value methods.
const (
	// RelativeToBest scores this offer ÷ the best offer in the field (after
	// any normalisation and cap). When no bid commits anything every bid
	// scores 0; nothing is divided by zero.
	RelativeToBest SocialValueMethod = "relative-to-best"
	// Banded scores the share of the highest declared band the offer reaches;
	// below the lowest band it scores 0. Independent of the other bids.
	Banded SocialValueMethod = "banded"
)

// SocialValueMethods lists the methods in a fixed order.
func SocialValueMethods() []SocialValueMethod { return []SocialValueMethod{RelativeToBest, Banded} }

// CommitmentBand is one band of the [Banded] method: an offer of at least
// AtLeast (in the measured unit, after normalisation) earns Share of the
// quantitative marks.
type CommitmentBand struct {
	AtLeast decimal.Decimal `json:"atLeast"`
	Share   decimal.Decimal `json:"share"`
}

// Split is a declared division of the criterion's marks between the
// quantitative commitments and the qualitative method statement, in
// percentages that add up to 100.
type Split struct {
	Quantitative decimal.Decimal `json:"quantitative"`
	Qualitative  decimal.Decimal `json:"qualitative"`
}

// Unsupported says what happens to a commitment whose response does not say
// where its method statement explains how it will be delivered.
type Unsupported string

// Treatments of a commitment without a method statement.
const (
	// DisregardUnsupported counts such a commitment as nothing, with a note
	// (docs/sources/social-value.md: councils disregard a quantitative
	// commitment without a qualitative method statement).
	DisregardUnsupported Unsupported = "disregard"
	// CountUnsupported counts it anyway.
	CountUnsupported Unsupported = "count"
)

// Deliverability is an evaluator's discount on a response's commitments,
// judged partly undeliverable: the measured commitment is reduced by Percent
// (0–100), and the reason is recorded in the explanation.
type Deliverability struct {
	Percent decimal.Decimal `json:"percent"`
	Reason  string          `json:"reason"`
}

// SocialValueRule is a social-value criterion scoring quantitative
// commitments (living-wage uplift aside: see [LivingWageRule]): local jobs,
// local supply-chain spend, spend with SMEs and VCSEs, apprenticeships,
// placements, training, or any measure in the buyer's catalogue.
//
// The commitments it scores are delivered under the contract, so the
// criterion is not location-based (score.Criterion.LocationBased stays
// false), even when it counts local jobs or local spend.
//
// It is assessed over the whole field at once ([SocialValueRule.Assess]):
// measure each response (Σ quantity × proxy, or Σ quantity), drop commitments
// without a method statement if the policy says so, apply any deliverability
// discount, normalise (per £1m of contract value, or as a share of the bid
// price), cap, then score relative to the best offer or in bands; with a
// Split, add the method statement's mark.
type SocialValueRule struct {
	// Catalogue holds the measures bidders may commit to, with their
	// proxies; it is part of the published methodology.
	Catalogue Catalogue `json:"catalogue"`
	// Measures, when set, lists the catalogue codes this criterion counts; a
	// commitment to any other measure is an error. Empty counts them all.
	Measures []string `json:"measures,omitempty"`
	// Basis is what is measured.
	Basis SocialValueBasis `json:"basis"`
	// Per, when set, normalises the measure.
	Per Normalisation `json:"per,omitempty"`
	// Method turns the measure into a share of the quantitative marks.
	Method SocialValueMethod `json:"method"`
	// Cap, with RelativeToBest, is the declared level above which a
	// commitment earns nothing more: each offer counts up to the cap, in the
	// measured unit after normalisation.
	Cap *decimal.Decimal `json:"cap,omitempty"`
	// Bands are the Banded method's bands.
	Bands []CommitmentBand `json:"bands,omitempty"`
	// Split, when set, divides the marks between the commitments and a
	// method statement marked under MethodStatement.
	Split *Split `json:"split,omitempty"`
	// MethodStatement is how the method statement is marked (scale and
	// moderation, no minimum mark: use the criterion's minimum percentage).
	// Required with Split.
	MethodStatement *QualityRule `json:"methodStatement,omitempty"`
	// WithoutMethodStatement says what happens to a commitment whose
	// MethodStatement reference is empty. Required: the policy must say.
	WithoutMethodStatement Unsupported `json:"withoutMethodStatement"`
	// LocalArea is where local measures count; required when any counted
	// measure is local.
	LocalArea *LocalArea `json:"localArea,omitempty"`
}

// SocialValueResponse is a bid's answer to a social-value criterion, with
// the evaluators' record.
type SocialValueResponse struct {
	// Commitments are the quantities committed per measure.
	Commitments []Commitment `json:"commitments"`
	// MethodStatement holds the evaluators' marks for the method statement;
	// required when the rule has a Split.
	MethodStatement *Marks `json:"methodStatement,omitempty"`
	// Deliverability, when set, is the evaluators' discount with its reason.
	Deliverability *Deliverability `json:"deliverability,omitempty"`
	// BidPrice is the bid's price for the contract. The engine sets it from
	// the bid's price quote; it is needed by ShareOfBidPrice and by
	// commitments given as a percentage of the bid price.
	BidPrice *decimal.Decimal `json:"bidPrice,omitempty"`
}

// SocialValueContext holds figures from outside the responses that a rule
// may need.
type SocialValueContext struct {
	// ContractValue is the contract's estimated value (the lot's), needed
	// by PerMillionContractValue; it must then be more than zero.
	ContractValue decimal.Decimal
}

// counted returns the measures this criterion counts.
func (r SocialValueRule) counted() []Measure {
	if len(r.Measures) == 0 {
		return r.Catalogue.Measures
	}
	var out []Measure
	for _, code := range r.Measures {
		if m, ok := r.Catalogue.Measure(code); ok {
			out = append(out, m)
		}
	}
	return out
}

// unit returns the shared unit of the counted measures (for BasisQuantity).
func (r SocialValueRule) unit() string {
	if ms := r.counted(); len(ms) > 0 {
		return ms[0].Unit
	}
	return ""
}

// NeedsContractValue reports whether Assess needs SocialValueContext.ContractValue.
func (r SocialValueRule) NeedsContractValue() bool { return r.Per == PerMillionContractValue }

// NeedsBidPrice reports whether responses may need their BidPrice: the rule
// scores a share of the bid price, or counts a £ measure that a bid may
// commit to as a percentage of its price. The engine can simply always set
// it when the lot has a price.
func (r SocialValueRule) NeedsBidPrice() bool {
	return r.Per == ShareOfBidPrice || slices.ContainsFunc(r.counted(), func(m Measure) bool { return m.Unit == UnitPounds })
}

// Validate reports every problem with the rule itself, with fields relative
// to it ("method", "cap", "split.quantitative", "catalogue.measures[2].proxy").
func (r SocialValueRule) Validate() []Problem {
	var ps problems
	for _, p := range r.Catalogue.Validate() {
		ps = append(ps, p.Prefixed("catalogue"))
	}
	r.validateMeasures(&ps)
	r.validateBasis(&ps)
	r.validateMethod(&ps)
	r.validateSplit(&ps)
	if r.WithoutMethodStatement != DisregardUnsupported && r.WithoutMethodStatement != CountUnsupported {
		ps.add("withoutMethodStatement", string(r.WithoutMethodStatement), "one-of", "say what happens to a commitment without a method statement: %q or %q", DisregardUnsupported, CountUnsupported)
	}
	local := slices.ContainsFunc(r.counted(), func(m Measure) bool { return m.Local })
	if r.LocalArea != nil {
		for _, p := range r.LocalArea.Validate() {
			ps = append(ps, p.Prefixed("localArea"))
		}
	} else if local {
		ps.add("localArea", "", "required", "the criterion counts local measures: define the local area (boroughs or postcode districts)")
	}
	return ps
}

// validateMeasures checks that every measure counted is in the catalogue,
// once.
func (r SocialValueRule) validateMeasures(ps *problems) {
	seen := map[string]int{}
	for i, code := range r.Measures {
		f := fmt.Sprintf("measures[%d]", i)
		if _, ok := r.Catalogue.Measure(code); !ok {
			ps.add(f, code, "known-measure", "no measure with this code in the catalogue")
		}
		if j, dup := seen[code]; dup {
			ps.add(f, code, "unique", "measure already listed at measures[%d]", j)
		} else {
			seen[code] = i
		}
	}
}

// validateBasis checks what is measured (proxy value, or a quantity in one
// unit) and how it is normalised.
func (r SocialValueRule) validateBasis(ps *problems) {
	switch r.Basis {
	case BasisProxyValue:
	case BasisQuantity:
		units := map[string]bool{}
		var list []string
		for _, m := range r.counted() {
			if !units[m.Unit] {
				units[m.Unit] = true
				list = append(list, fmt.Sprintf("%q", m.Unit))
			}
		}
		if len(list) > 1 {
			ps.add("basis", string(r.Basis), "one-unit", "counting quantities needs every counted measure in one unit, not %s: list the measures of one unit, or use %q",
				strings.Join(list, ", "), BasisProxyValue)
		}
	default:
		ps.add("basis", string(r.Basis), "one-of", "say what is measured: %q (Σ quantity × proxy) or %q (Σ quantity)", BasisProxyValue, BasisQuantity)
	}
	switch r.Per {
	case "", PerMillionContractValue:
	case ShareOfBidPrice:
		if r.Basis == BasisQuantity {
			ps.add("per", string(r.Per), "proxy-value-only", "a share of the bid price needs the %q basis; normalise a count with %q", BasisProxyValue, PerMillionContractValue)
		}
	default:
		ps.add("per", string(r.Per), "one-of", "unknown normalisation; want %q, %q or none", PerMillionContractValue, ShareOfBidPrice)
	}
}

// validateMethod checks the scoring method with its cap or bands.
func (r SocialValueRule) validateMethod(ps *problems) {
	switch r.Method {
	case RelativeToBest:
		if len(r.Bands) > 0 {
			ps.add("bands", "", "banded-only", "bands apply only to the %q method", Banded)
		}
	case Banded:
		if r.Cap != nil {
			ps.add("cap", r.Cap.String(), "relative-only", "a cap applies only to the %q method: the top band already caps", RelativeToBest)
		}
		if len(r.Bands) == 0 {
			ps.add("bands", "", "required", "the banded method needs at least one band")
		}
		r.validateBands(ps)
	default:
		ps.add("method", string(r.Method), "one-of", "unknown social-value method; want %q or %q", RelativeToBest, Banded)
	}
	if r.Cap != nil && ps.size("cap", *r.Cap) && r.Cap.Sign() <= 0 {
		ps.add("cap", r.Cap.String(), "positive", "a cap must be more than zero")
	}
}

// validateBands checks that bands start above zero and go upwards, with
// shares from 0 to 1 that never fall.
func (r SocialValueRule) validateBands(ps *problems) {
	for i, b := range r.Bands {
		f := fmt.Sprintf("bands[%d]", i)
		if ps.size(f+".atLeast", b.AtLeast) {
			if b.AtLeast.Sign() <= 0 {
				ps.add(f+".atLeast", b.AtLeast.String(), "positive", "a band starts above zero: committing nothing earns nothing")
			} else if i > 0 && b.AtLeast.Cmp(r.Bands[i-1].AtLeast) <= 0 {
				ps.add(f+".atLeast", b.AtLeast.String(), "ascending", "bands go upwards: this one must start above bands[%d] (%s)", i-1, exact.Plain(r.Bands[i-1].AtLeast))
			}
		}
		if ps.size(f+".share", b.Share) {
			if b.Share.Sign() < 0 || b.Share.Cmp(decimal.NewFromInt(1)) > 0 {
				ps.add(f+".share", b.Share.String(), "share", "a share of the marks lies from 0 to 1")
			} else if i > 0 && b.Share.Cmp(r.Bands[i-1].Share) < 0 {
				ps.add(f+".share", b.Share.String(), "non-decreasing", "a higher band may not score less than bands[%d] (%s)", i-1, exact.Plain(r.Bands[i-1].Share))
			}
		}
	}
}

// validateSplit checks the split between commitments and method statement,
// and how the method statement is marked.
func (r SocialValueRule) validateSplit(ps *problems) {
	if r.Split != nil {
		okQ := ps.size("split.quantitative", r.Split.Quantitative)
		okL := ps.size("split.qualitative", r.Split.Qualitative)
		if okQ && r.Split.Quantitative.Sign() <= 0 {
			ps.add("split.quantitative", r.Split.Quantitative.String(), "positive", "the commitments' part must be more than 0%%; without one, use a quality criterion")
		}
		if okL && r.Split.Qualitative.Sign() <= 0 {
			ps.add("split.qualitative", r.Split.Qualitative.String(), "positive", "the method statement's part must be more than 0%%; without one, leave out the split")
		}
		if okQ && okL && !r.Split.Quantitative.Add(r.Split.Qualitative).Equal(decimal.NewFromInt(100)) {
			ps.add("split", r.Split.Quantitative.Add(r.Split.Qualitative).String(), "sum-100", "the quantitative and qualitative parts must add up to 100%%")
		}
		if r.MethodStatement == nil {
			ps.add("methodStatement", "", "required", "with a split, say how the method statement is marked (a scale and moderation)")
		}
	} else if r.MethodStatement != nil {
		ps.add("methodStatement", "", "needs-split", "a method statement is marked only with a declared split between commitments and method statement")
	}
	if r.MethodStatement != nil {
		for _, p := range r.MethodStatement.Validate() {
			*ps = append(*ps, p.Prefixed("methodStatement"))
		}
		if r.MethodStatement.MinMark != nil {
			ps.add("methodStatement.minMark", r.MethodStatement.MinMark.String(), "no-min-mark", "a minimum mark for the method statement is not supported: set a minimum percentage on the criterion")
		}
	}
}

// Describe says how the criterion is scored, in a sentence for a published
// methodology.
func (r SocialValueRule) Describe() string {
	var b strings.Builder
	switch r.Basis {
	case BasisProxyValue:
		fmt.Fprintf(&b, "social value in £ = Σ quantity committed × proxy value per unit (%d %s of the catalogue%s)",
			len(r.counted()), plural(len(r.counted()), "measure", "measures"), r.Catalogue.named())
	case BasisQuantity:
		fmt.Fprintf(&b, "the number of %s committed", pluralUnit(r.unit()))
	default:
		b.WriteString(string(r.Basis))
	}
	switch r.Per {
	case PerMillionContractValue:
		b.WriteString(", per £1m of contract value")
	case ShareOfBidPrice:
		b.WriteString(", as a proportion of the bid price")
	}
	if r.LocalArea != nil {
		fmt.Fprintf(&b, "; local measures count only in %s", r.LocalArea.Describe())
	}
	switch r.Method {
	case RelativeToBest:
		b.WriteString("; scored relative to the best offer: this offer ÷ best offer")
		if r.Cap != nil {
			fmt.Fprintf(&b, ", each offer counted up to a cap of %s", r.show(exact.Whole(*r.Cap)))
		}
		b.WriteString("; if no bid commits anything, every bid scores 0")
	case Banded:
		var bands []string
		for _, bd := range r.Bands {
			bands = append(bands, fmt.Sprintf("at least %s: %s", r.show(exact.Whole(bd.AtLeast)), exact.Plain(bd.Share)))
		}
		fmt.Fprintf(&b, "; scored in bands (%s of the marks), below the lowest band 0", strings.Join(bands, "; "))
	}
	if r.Split != nil && r.MethodStatement != nil {
		fmt.Fprintf(&b, "; %s%% of the marks for the commitments and %s%% for the method statement, %s; a response with nothing committed counted scores 0",
			exact.Plain(r.Split.Quantitative), exact.Plain(r.Split.Qualitative), r.MethodStatement.Describe())
	}
	switch r.WithoutMethodStatement {
	case DisregardUnsupported:
		b.WriteString("; a commitment without a method statement is disregarded")
	case CountUnsupported:
		b.WriteString("; a commitment counts even without a method statement")
	}
	b.WriteString("; evaluators may discount commitments they judge undeliverable, by a stated percentage with a recorded reason")
	return b.String()
}

// show writes a measured figure in its unit: "£5,000.00", "6 apprenticeship
// starts", "2.4 apprenticeship starts per £1m of contract value", "5% of the
// bid price".
func (r SocialValueRule) show(f exact.Fraction) string {
	d, ok := f.Decimal()
	var s string
	switch {
	case r.Per == ShareOfBidPrice:
		return f.MulDec(decimal.NewFromInt(100)).String() + "% of the bid price"
	case r.Basis == BasisProxyValue && ok:
		s = exact.Money(d)
	case r.Basis == BasisProxyValue:
		s = "£" + f.String()
	case ok:
		s = quantityText(d, r.unit())
	case r.unit() == UnitPounds:
		s = "£" + f.String()
	default:
		s = f.String() + " " + pluralUnit(r.unit())
	}
	if r.Per == PerMillionContractValue {
		s += " per £1m of contract value"
	}
	return s
}

// num writes a measured figure as a bare number for a formula.
func (r SocialValueRule) num(f exact.Fraction) string {
	if r.Per == ShareOfBidPrice {
		return f.MulDec(decimal.NewFromInt(100)).String() + "%"
	}
	if d, ok := f.Decimal(); ok {
		if r.Basis == BasisProxyValue && r.Per == "" {
			return exact.Money(d)
		}
		return exact.Plain(d)
	}
	return f.String()
}

// Check reports problems with one response, relative to it
// ("commitments[2].quantity", "methodStatement.consensus", "deliverability.reason").
func (r SocialValueRule) Check(resp SocialValueResponse) []Problem {
	ps, _ := r.check(resp)
	return ps
}

// check is Check, and the commitments valued at the bid price, which
// measure reads where there is no problem: a response measured as it is
// checked is valued once.
func (r SocialValueRule) check(resp SocialValueResponse) ([]Problem, Valuation) {
	var ps problems
	if resp.BidPrice != nil {
		if ps.size("bidPrice", *resp.BidPrice) && resp.BidPrice.Sign() <= 0 {
			ps.add("bidPrice", resp.BidPrice.String(), "positive", "a bid price must be more than zero")
		}
	} else if r.Per == ShareOfBidPrice {
		ps.add("bidPrice", "", "required", "the criterion scores social value as a proportion of the bid price: the bid price is needed")
	}
	bidPrice := resp.BidPrice
	if bidPrice != nil && bidPrice.Sign() <= 0 {
		bidPrice = nil
	}
	v, vps := r.Catalogue.value(resp.Commitments, bidPrice, false)
	for _, p := range vps {
		ps = append(ps, p.Prefixed("commitments"))
	}
	for i, c := range resp.Commitments {
		m, ok := r.Catalogue.Measure(c.Measure)
		if !ok {
			continue // reported by Value
		}
		if len(r.Measures) > 0 && !slices.Contains(r.Measures, c.Measure) {
			ps.add(commitmentPath(i)+".measure", c.Measure, "counted-measure", "this criterion does not count measure %s; it counts %s", c.Measure, strings.Join(r.Measures, ", "))
		}
		if m.Local && r.LocalArea != nil {
			for j, w := range c.Where {
				if !r.LocalArea.Contains(w) {
					ps.add(fmt.Sprintf("%s.where[%d]", commitmentPath(i), j), w, "in-area", "outside the local area %s", r.LocalArea.Describe())
				}
			}
		}
	}
	switch {
	case r.Split != nil && resp.MethodStatement == nil:
		ps.add("methodStatement", "", "required", "the criterion marks a method statement: record the evaluators' marks")
	case r.Split != nil && r.MethodStatement != nil:
		for _, p := range r.MethodStatement.Check(*resp.MethodStatement) {
			ps = append(ps, p.Prefixed("methodStatement"))
		}
	case r.Split == nil && resp.MethodStatement != nil:
		ps.add("methodStatement", "", "no-split", "the criterion declares no split for a method statement, so these marks would be ignored")
	}
	if d := resp.Deliverability; d != nil {
		if ps.size("deliverability.percent", d.Percent) && (d.Percent.Sign() < 0 || d.Percent.Cmp(decimal.NewFromInt(100)) > 0) {
			ps.add("deliverability.percent", d.Percent.String(), "percent", "a deliverability discount lies from 0 to 100%%")
		}
		if strings.TrimSpace(d.Reason) == "" {
			ps.add("deliverability.reason", "", "required", "a deliverability discount needs its recorded reason")
		}
	}
	return ps, v
}

// svBid is one response in the course of assessment.
type svBid struct {
	measured exact.Fraction // after disregard, discount, normalisation and cap
	any      bool           // something above zero is counted after the discount
	qa       *QualityAssessment
}

// svWords collects the words of one response's assessment when the record
// is worded; a nil *svWords makes none, which is how the numbers are first
// computed.
type svWords struct {
	input     string
	working   []Step
	notes     []Step
	rationale []string
}

func (w *svWords) step(text string, uses ...int) { w.working = append(w.working, step(text, uses...)) }
func (w *svWords) note(format string, args ...any) {
	w.notes = append(w.notes, step(fmt.Sprintf(format, args...)))
}

// fieldNote is a note about the field as a whole (see [Step]).
func (w *svWords) fieldNote(text string) { w.notes = append(w.notes, fieldStep(text)) }

// Assess scores every response in the field and returns one Assessment per
// response, in order. Each Value is the share of the criterion's marks, from
// 0 to 1; the Working shows each step with the actual numbers, and a step
// showing the best offer lists that offer's position in Uses. A response
// that fails [SocialValueRule.Check], an invalid rule, or a missing contract
// value for PerMillionContractValue is an error.
func (r SocialValueRule) Assess(field []SocialValueResponse, ctx SocialValueContext) ([]Assessment, error) {
	if ps := r.Validate(); len(ps) > 0 {
		return nil, fmt.Errorf("social value rule: %s", ps[0])
	}
	if err := r.checkContext(ctx); err != nil {
		return nil, err
	}
	for i, resp := range field {
		if ps := r.Check(resp); len(ps) > 0 {
			return nil, fmt.Errorf("field[%d]: %s", i, ps[0])
		}
	}
	f := r.newField(len(field), ctx)
	for i, resp := range field {
		b, err := r.measure(resp, ctx, nil)
		if err != nil {
			return nil, fmt.Errorf("field[%d]: %w", i, err)
		}
		f.resps[i], f.bids[i] = resp, b
		f.best = f.best.Max(b.measured)
	}
	return r.assessField(f), nil
}

// checkContext checks what a field is assessed in: a contract value above
// zero when the rule scores per £1m of it.
func (r SocialValueRule) checkContext(ctx SocialValueContext) error {
	if !r.NeedsContractValue() {
		return nil
	}
	if p := checkSize("contractValue", ctx.ContractValue); p != nil {
		return fmt.Errorf("%s", p)
	}
	if ctx.ContractValue.Sign() <= 0 {
		return fmt.Errorf("contractValue %s: scoring per £1m of contract value needs a contract value above zero", ctx.ContractValue)
	}
	return nil
}

// newField is the storage for a field of n responses assessed in ctx, its
// best offer zero until they are measured.
func (r SocialValueRule) newField(n int, ctx SocialValueContext) *svField {
	f := &svField{rule: r, resps: make([]SocialValueResponse, n), ctx: ctx, bids: make([]svBid, n), best: exact.Zero}
	if r.NeedsBidPrice() {
		f.lines = make([]svLine, n)
	}
	return f
}

// assessField scores every measured response of f against its best offer.
func (r SocialValueRule) assessField(f *svField) []Assessment {
	out := make([]Assessment, len(f.bids))
	recs := make([]svRecord, len(f.bids))
	for i, b := range f.bids {
		rec := &recs[i]
		*rec = svRecord{f: f, i: i}
		switch r.Method {
		case RelativeToBest:
			rec.quant = r.relative(nil, f.bids, i, f.best)
		case Banded:
			rec.quant = r.banded(nil, b.measured)
		}
		rec.value = rec.quant
		if r.Split != nil {
			rec.value = r.combine(nil, b, rec.quant)
		}
		out[i] = Assessment{Value: rec.value, rec: rec}
	}
	return out
}

// svField is one assessed field of responses, shared by the records of
// every assessment in it: the responses, each one's measured commitment,
// and the best offer.
type svField struct {
	rule  SocialValueRule
	resps []SocialValueResponse
	ctx   SocialValueContext
	bids  []svBid
	best  exact.Fraction
	// lines holds, by bid, its amount as a function of the bid price,
	// worked out when first asked for (priceLine); nil unless the rule
	// reads the bid price.
	lines []svLine
}

// svLine is one response's amount counted, after any deliverability
// discount and before it is normalised, as a function of the bid price p:
// fixed + perPound × p. Each commitment counts a fixed quantity, or a
// percentage of the bid price, so the amount is exactly that line, read
// from the amounts at £1 and £2.
type svLine struct {
	once            sync.Once
	ok              bool
	fixed, perPound exact.Fraction
}

// svRecord is the explanation record of one social value assessment: its
// place in the field, the commitments' share and the value with any method
// statement. Its words are made by the same steps that measured it, run
// again with words on.
type svRecord struct {
	f            *svField
	i            int
	quant, value exact.Fraction
}

func (s *svRecord) words() *svWords {
	r, f := s.f.rule, s.f
	w := &svWords{}
	b, err := r.measure(f.resps[s.i], f.ctx, w)
	if err != nil { // measured without error when assessed
		return w
	}
	switch r.Method {
	case RelativeToBest:
		r.relative(w, f.bids, s.i, f.best)
	case Banded:
		r.banded(w, b.measured)
	}
	if r.Split != nil {
		r.combine(w, b, s.quant)
	}
	return w
}

// Offer is, for a social value assessment, the response's offer as
// measured — counted, discounted, normalised and capped, the figure
// [RelativeToBest] divides by the best — and the best offer in the field it
// was assessed in, under either method; ok is false for any other
// assessment. It reads the record: nothing is worked out again. The best
// offer is another bidder's figure: a document for one bidder shows it
// only as the working does.
func (a Assessment) Offer() (offer, best exact.Fraction, ok bool) {
	r, isSV := a.rec.(*svRecord)
	if !isSV {
		return exact.Fraction{}, exact.Fraction{}, false
	}
	return r.f.bids[r.i].measured, r.f.best, true
}

// OfferAt is, for a social value assessment, the offer its response would
// measure with the bid price read as bidPrice, every other figure of the
// response as assessed: what a change of price does to an offer made as a
// share of the bid price, or with commitments given as a percentage of it.
// ok is false for any other assessment, or a price it cannot be measured at
// (not above zero).
func (a Assessment) OfferAt(bidPrice decimal.Decimal) (exact.Fraction, bool) {
	b, ok := a.remeasured(&bidPrice)
	return b.measured, ok
}

// ValueAt is the value a social value assessment would have with the bid
// price read as bidPrice (nil: as assessed) in a field whose best offer
// were best, worked out as [SocialValueRule.Assess] does but in numbers
// only, with no record. ok is false as for [Assessment.OfferAt].
func (a Assessment) ValueAt(bidPrice *decimal.Decimal, best exact.Fraction) (exact.Fraction, bool) {
	b, ok := a.remeasured(bidPrice)
	if !ok {
		return exact.Fraction{}, false
	}
	return a.valueOf(b, best), true
}

// AtPrice is [Assessment.OfferAt] and [Assessment.ValueAt] at once, the
// response measured once: the offer at bidPrice, the field's best offer
// were the best of the other bids othersBest (the larger of the two), and
// the value against that best. ok is false as for OfferAt.
func (a Assessment) AtPrice(bidPrice decimal.Decimal, othersBest exact.Fraction) (offer, best, value exact.Fraction, ok bool) {
	b, ok := a.remeasured(&bidPrice)
	if !ok {
		return exact.Fraction{}, exact.Fraction{}, exact.Fraction{}, false
	}
	best = othersBest.Max(b.measured)
	return b.measured, best, a.valueOf(b, best), true
}

// valueOf is the value of a response measured as b against a best offer.
func (a Assessment) valueOf(b svBid, best exact.Fraction) exact.Fraction {
	r := a.rec.(*svRecord).f.rule
	var quant exact.Fraction
	switch r.Method {
	case RelativeToBest:
		quant = r.relative(nil, []svBid{b}, 0, best)
	case Banded:
		quant = r.banded(nil, b.measured)
	}
	if r.Split != nil {
		return r.combine(nil, b, quant)
	}
	return quant
}

// ScoresAtLeast reports whether a social value assessment scores at least
// as much as another of the same field whatever best offer the field has,
// its own price and o's as assessed: ValueAt(nil, best) is no less than
// o.ValueAt(nil, best) for every best. Under [RelativeToBest] each value
// is a part fixed by the response (a method statement's share, or 0) plus
// a multiple of offer ÷ best, so it holds when both parts are no smaller;
// under [Banded] no best is read and the values are compared. It is false
// when either is not a social value assessment or they are of different
// fields. A trial of a changed price uses it to leave out bids that can
// never lead (package score).
func (a Assessment) ScoresAtLeast(o Assessment) bool {
	r, ok1 := a.rec.(*svRecord)
	q, ok2 := o.rec.(*svRecord)
	if !ok1 || !ok2 || r.f != q.f {
		return false
	}
	if r.f.rule.Method != RelativeToBest {
		return a.Value.Cmp(o.Value) >= 0
	}
	fa, ma := r.f.rule.relativeParts(r.f.bids[r.i])
	fo, mo := r.f.rule.relativeParts(q.f.bids[q.i])
	return fa.Cmp(fo) >= 0 && ma.Cmp(mo) >= 0
}

// relativeParts splits a response's value under [RelativeToBest] as
// combine forms it: fixed + multiple × (offer ÷ best), or fixed alone when
// the best is not above zero.
func (r SocialValueRule) relativeParts(b svBid) (fixed, multiple exact.Fraction) {
	if r.Split == nil || b.qa == nil {
		return exact.Zero, b.measured
	}
	if !b.any {
		return exact.Zero, exact.Zero
	}
	hundred := decimal.NewFromInt(100)
	return mustRatio(r.Split.Qualitative, hundred).Mul(b.qa.Value), mustRatio(r.Split.Quantitative, hundred).Mul(b.measured)
}

// remeasured is the assessment's response measured again with the bid
// price read as bidPrice, or as assessed when it is nil.
func (a Assessment) remeasured(bidPrice *decimal.Decimal) (svBid, bool) {
	rec, isSV := a.rec.(*svRecord)
	if !isSV {
		return svBid{}, false
	}
	f := rec.f
	if bidPrice == nil {
		return f.bids[rec.i], true
	}
	if bidPrice.Sign() <= 0 {
		return svBid{}, false
	}
	if b, ok := f.atPrice(rec.i, exact.Whole(*bidPrice)); ok {
		return b, true
	}
	resp := f.resps[rec.i]
	resp.BidPrice = bidPrice
	b, err := f.rule.measure(resp, f.ctx, nil)
	return b, err == nil
}

// atPrice is bid i's response measured at bid price p (above zero) from
// its amount's line, as measure would find it: the amount, then
// normalised, then capped; false when the field keeps no lines or the
// response could not be measured.
func (f *svField) atPrice(i int, p exact.Fraction) (svBid, bool) {
	if f.lines == nil {
		return svBid{}, false
	}
	l := &f.lines[i]
	l.once.Do(func() { l.fixed, l.perPound, l.ok = f.rule.amountLine(f.resps[i], f.ctx) })
	if !l.ok {
		return svBid{}, false
	}
	b := f.bids[i] // the method statement is the bid's whatever its price
	total := l.fixed.Add(l.perPound.Mul(p))
	b.any = total.Sign() > 0
	x := total
	switch f.rule.Per {
	case PerMillionContractValue:
		m, err := total.MulDec(decimal.NewFromInt(1_000_000)).Quo(exact.Whole(f.ctx.ContractValue))
		if err != nil {
			return svBid{}, false
		}
		x = m
	case ShareOfBidPrice:
		x, _ = total.Quo(p) // p is above zero
	}
	b.measured = f.rule.capped(x, nil)
	return b, true
}

// amountLine reads a response's amount counted (commitments valued,
// disregarded, discounted, as measure counts them) as fixed + perPound ×
// the bid price, from the amounts at £1 and £2; false when either cannot
// be measured.
func (r SocialValueRule) amountLine(resp SocialValueResponse, ctx SocialValueContext) (fixed, perPound exact.Fraction, ok bool) {
	at := func(p int64) (exact.Fraction, bool) {
		price := decimal.NewFromInt(p)
		v, ps := r.Catalogue.value(resp.Commitments, &price, false)
		if len(ps) > 0 {
			return exact.Fraction{}, false
		}
		resp.BidPrice = &price
		return exact.Whole(r.discount(resp, r.sumCommitments(resp, v, nil), nil)), true
	}
	one, ok1 := at(1)
	two, ok2 := at(2)
	if !ok1 || !ok2 {
		return exact.Fraction{}, exact.Fraction{}, false
	}
	perPound = two.Sub(one)
	return one.Sub(perPound), perPound, true
}

func (s *svRecord) input() string       { return s.words().input }
func (s *svRecord) working() []Step     { return s.words().working }
func (s *svRecord) notes() []Step       { return s.words().notes }
func (s *svRecord) rationale() []string { return s.words().rationale }

// measure finds one response's measured commitment, independent of the
// field: count, disregard, discount, normalise, cap. With w it also words
// each step.
func (r SocialValueRule) measure(resp SocialValueResponse, ctx SocialValueContext, w *svWords) (svBid, error) {
	v, ps := r.Catalogue.value(resp.Commitments, resp.BidPrice, w != nil)
	if len(ps) > 0 { // ruled out by Check
		return svBid{}, fmt.Errorf("%s", ps[0].Prefixed("commitments"))
	}
	return r.measureValued(resp, ctx, v, w)
}

// measureValued is measure with the commitments valued already, at the
// response's bid price (and worded, with w).
func (r SocialValueRule) measureValued(resp SocialValueResponse, ctx SocialValueContext, v Valuation, w *svWords) (svBid, error) {
	var b svBid
	total := r.sumCommitments(resp, v, w)
	total = r.discount(resp, total, w)
	b.any = total.Sign() > 0
	x, err := r.normalise(resp, ctx, total, w)
	if err != nil {
		return b, err
	}
	b.measured = r.capped(x, w)
	if r.Split != nil && resp.MethodStatement != nil && r.MethodStatement != nil {
		qa, qps := r.MethodStatement.Assess(*resp.MethodStatement)
		if len(qps) > 0 { // ruled out by Check
			return b, fmt.Errorf("%s", qps[0].Prefixed("methodStatement"))
		}
		b.qa = &qa
		if w != nil {
			w.input += "; method statement " + qa.Input()
		}
	}
	return b, nil
}

// measured words an amount in the rule's basis: a quantity in its unit, or
// money.
func (r SocialValueRule) measured(d decimal.Decimal) string {
	if r.Basis == BasisQuantity {
		return quantityText(d, r.unit())
	}
	return exact.Money(d)
}

// sumCommitments adds up the commitments that count — quantities or £
// values — leaving out any the policy disregards for want of a method
// statement, and words each one and the sum.
func (r SocialValueRule) sumCommitments(resp SocialValueResponse, v Valuation, w *svWords) decimal.Decimal {
	total := decimal.Zero
	var terms []string
	counted := 0
	for _, l := range v.Lines {
		c := resp.Commitments[l.Index]
		unsupported := r.WithoutMethodStatement == DisregardUnsupported && strings.TrimSpace(c.MethodStatement) == ""
		if w != nil {
			r.commitmentWords(w, l, c, unsupported)
		}
		if unsupported {
			continue
		}
		counted++
		if r.Basis == BasisQuantity {
			total = total.Add(l.Quantity)
			if w != nil {
				terms = append(terms, exact.Plain(l.Quantity))
			}
		} else {
			total = total.Add(l.Value)
			if w != nil {
				terms = append(terms, exact.Money(l.Value))
			}
		}
	}
	if w == nil {
		return total
	}
	switch {
	case len(resp.Commitments) == 0:
		w.input = "no commitments"
		w.step("no commitments: " + r.measured(decimal.Zero))
	case counted == 0:
		w.input = "no commitment counted"
		w.step("no commitment counted: " + r.measured(decimal.Zero))
	case counted > 1:
		w.step(fmt.Sprintf("total: %s = %s", strings.Join(terms, " + "), r.measured(total)))
	}
	if w.input == "" {
		if r.Basis == BasisQuantity {
			w.input = r.measured(total)
		} else {
			w.input = fmt.Sprintf("commitments worth %s at proxy values", exact.Money(total))
		}
	}
	return total
}

// discount applies the evaluators' deliverability discount, if any.
func (r SocialValueRule) discount(resp SocialValueResponse, total decimal.Decimal, w *svWords) decimal.Decimal {
	d := resp.Deliverability
	if d == nil {
		return total
	}
	keep := decimal.NewFromInt(100).Sub(d.Percent)
	after := total.Mul(keep).Shift(-2)
	if w != nil {
		w.step(fmt.Sprintf("deliverability discount of %s%% (%s): %s × %s%% = %s",
			exact.Plain(d.Percent), d.Reason, r.measured(total), exact.Plain(keep), r.measured(after)))
		w.note("evaluators discounted the commitments by %s%% as not fully deliverable: %s", exact.Plain(d.Percent), d.Reason)
		w.input += fmt.Sprintf(", discounted %s%% for deliverability", exact.Plain(d.Percent))
	}
	return after
}

// normalise divides the measured amount per £1m of contract value or by
// the bid price, as the rule says.
func (r SocialValueRule) normalise(resp SocialValueResponse, ctx SocialValueContext, total decimal.Decimal, w *svWords) (exact.Fraction, error) {
	switch r.Per {
	case PerMillionContractValue:
		f, err := exact.Ratio(total.Mul(decimal.NewFromInt(1_000_000)), ctx.ContractValue)
		if err != nil {
			return exact.Fraction{}, err
		}
		if w != nil {
			w.step(fmt.Sprintf("%s ÷ (%s ÷ £1,000,000) = %s", r.measured(total), exact.Money(ctx.ContractValue), r.show(f)))
		}
		return f, nil
	case ShareOfBidPrice:
		f, err := exact.Ratio(total, *resp.BidPrice)
		if err != nil {
			return exact.Fraction{}, err
		}
		if w != nil {
			w.step(fmt.Sprintf("%s ÷ bid price %s = %s", r.measured(total), exact.Money(*resp.BidPrice), r.show(f)))
		}
		return f, nil
	}
	return exact.Whole(total), nil
}

// capped limits the normalised amount to the declared cap, if any.
func (r SocialValueRule) capped(x exact.Fraction, w *svWords) exact.Fraction {
	if r.Cap == nil {
		return x
	}
	cp := exact.Whole(*r.Cap)
	if x.Cmp(cp) <= 0 {
		return x
	}
	if w != nil {
		w.step(fmt.Sprintf("%s is above the cap of %s: counted as %s", r.show(x), r.show(cp), r.show(cp)))
		w.note("the commitment is above the declared cap of %s and earns nothing more above it", r.show(cp))
	}
	return cp
}

// commitmentWords words one valued commitment: what was committed, where,
// and whether it counts.
func (r SocialValueRule) commitmentWords(w *svWords, l ValuedCommitment, c Commitment, unsupported bool) {
	text := l.Text
	if r.Basis == BasisQuantity {
		text = fmt.Sprintf("%s %s: %s", l.Measure.Code, l.Measure.Description, l.QuantityText)
	}
	if l.Measure.Local && r.LocalArea != nil {
		text += " (local: " + r.LocalArea.Name
		if len(c.Where) > 0 {
			text += ", in " + strings.Join(c.Where, ", ")
		}
		text += ")"
	}
	if unsupported {
		w.step(text + " — disregarded: no method statement")
		w.note("the commitment to %s is disregarded: the response gives no method statement for it, and the policy disregards such commitments", l.Measure.Code)
		return
	}
	if c.MethodStatement != "" {
		text += "; method statement: " + c.MethodStatement
	}
	w.step(text)
}

// relative scores one offer against the best in the field.
func (r SocialValueRule) relative(w *svWords, bids []svBid, i int, best exact.Fraction) exact.Fraction {
	x := bids[i].measured
	if best.Sign() <= 0 {
		if w != nil {
			w.working = append(w.working, fieldStep("no bid in the field commits anything above zero: 0"))
			w.fieldNote("no bid in the field commits anything: every bid scores 0 on the commitments, and nothing is divided by zero")
		}
		return exact.Zero
	}
	q, err := x.Quo(best)
	if err != nil { // best > 0 here
		return exact.Zero
	}
	if w != nil && len(bids) == 1 {
		w.fieldNote("only one response in the field: it is the best offer")
	}
	if x.Equal(best) {
		if w != nil {
			w.step(fmt.Sprintf("this is the best offer in the field: %s ÷ %s = 1", r.num(x), r.num(best)))
		}
		return exact.One
	}
	if w != nil {
		var uses []int
		for j, b := range bids {
			if j != i && b.measured.Equal(best) {
				uses = append(uses, j)
			}
		}
		w.step("best offer in the field: "+r.show(best), uses...)
		w.step(fmt.Sprintf("%s ÷ %s = %s", r.num(x), r.num(best), q), uses...)
	}
	return q
}

// banded scores one offer by the highest band it reaches.
func (r SocialValueRule) banded(w *svWords, x exact.Fraction) exact.Fraction {
	k := -1
	for i, b := range r.Bands {
		if x.Cmp(exact.Whole(b.AtLeast)) >= 0 {
			k = i
		}
	}
	if k < 0 {
		if w != nil {
			w.step(fmt.Sprintf("%s is below the lowest band (at least %s): 0", r.show(x), r.show(exact.Whole(r.Bands[0].AtLeast))))
		}
		return exact.Zero
	}
	b := r.Bands[k]
	if w != nil {
		text := fmt.Sprintf("%s reaches the band from %s", r.show(x), r.show(exact.Whole(b.AtLeast)))
		if k+1 < len(r.Bands) {
			text += fmt.Sprintf(" (the next starts at %s)", r.show(exact.Whole(r.Bands[k+1].AtLeast)))
		}
		w.step(fmt.Sprintf("%s: %s", text, exact.Plain(b.Share)))
	}
	return exact.Whole(b.Share)
}

// combine adds the method statement's part to the commitments' part.
func (r SocialValueRule) combine(w *svWords, b svBid, quant exact.Fraction) exact.Fraction {
	if b.qa == nil {
		return quant
	}
	if w != nil {
		for _, st := range b.qa.Working() {
			w.step("method statement: "+st.Text, st.Uses...)
		}
		w.notes = append(w.notes, b.qa.Notes()...)
		for _, r := range b.qa.Rationale() {
			w.rationale = append(w.rationale, "method statement: "+r)
		}
	}
	if !b.any {
		if w != nil {
			w.step("nothing committed is counted, so the method statement has nothing to deliver: the response scores 0")
			w.note("a response must give both a quantitative commitment and a method statement; with nothing committed counted it scores 0")
		}
		return exact.Zero
	}
	hundred := decimal.NewFromInt(100)
	q := mustRatio(r.Split.Quantitative, hundred)
	l := mustRatio(r.Split.Qualitative, hundred)
	v := q.Mul(quant).Add(l.Mul(b.qa.Value))
	if w != nil {
		w.step(fmt.Sprintf("%s%% × %s + %s%% × %s = %s", exact.Plain(r.Split.Quantitative), quant,
			exact.Plain(r.Split.Qualitative), b.qa.Value, v))
	}
	return v
}

// mustRatio divides two amounts already known to give a positive
// denominator; a zero denominator (which validation rules out) gives zero
// rather than a panic.
func mustRatio(num, den decimal.Decimal) exact.Fraction {
	f, err := exact.NewFraction(num, den)
	if err != nil {
		return exact.Zero
	}
	return f
}

// RisesWithPrice reports the first commitment of a response that the rule
// counts in £ and that is given as a percentage of the bid's own price,
// when the rule does not score the offer as a share of that price
// ([ShareOfBidPrice], under which such a commitment comes to the same
// share at any price): the offer, and the bid's score on the criterion,
// then rise with its price, so that a lower price can lower its total.
// The measure's code, or false when no commitment is so.
func (r SocialValueRule) RisesWithPrice(resp SocialValueResponse) (measure string, ok bool) {
	if r.Per == ShareOfBidPrice {
		return "", false
	}
	for _, c := range resp.Commitments {
		if c.Percent == nil || c.Percent.Sign() <= 0 {
			continue
		}
		if slices.ContainsFunc(r.counted(), func(m Measure) bool { return m.Code == c.Measure && m.Unit == UnitPounds }) {
			return c.Measure, true
		}
	}
	return "", false
}
