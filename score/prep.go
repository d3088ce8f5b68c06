package score

import (
	"fmt"
	"slices"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
)

// lotPrep is one lot of a prepared tender, read once: the policy's tree and
// rounding, and for every bid what it comes to on its own — its gates, its
// quality and living wage assessments with their records, its price
// quotes, the marks moderation changed. None of it depends on the other
// bids, so an evaluation reads it and computes only what compares bids
// with each other; a changed copy ([Prepared.WithBid]) reads one bid
// again. It is never changed once made: evaluations and their results
// share it.
type lotPrep struct {
	lot       Lot // the lot as given, for the result
	pol       *Policy
	tree      *tree
	rules     []RoundingRule
	stage     [4]*exact.Rounding // the rounding declared at each stage, by stageIndex; nil when none
	prices    []*node            // the price leaves, in tree order
	budgets   []exact.Fraction   // by price leaf: its maximum budget, exactly; zero for none
	fieldLfs  []*node            // the leaves assessed over the field (price and social value)
	measures  bool               // some of them are social value leaves, measured as each bid is read
	owns      int                // how many leaves a bid scores on its own: its prepared cells (node.own)
	rates     criteria.RateTable
	commenced date.Date // the living wage in force is looked up on it
	regime    Regime    // the lot's
	route     Route
	underLots bool     // the tender's lot rules bind this lot
	notes     []string // the rules in force and what was not stated
	markers   []criteria.Marker
	bids      []Bid // by id
	per       []bidPrep
	fixed     fixedShape // the criteria whose points each bid keeps as read (fixed.go)
}

// bidPrep is one bid read on its own.
type bidPrep struct {
	cells   []cell           // by node.own: the leaves scored from the bid alone (quality, living wage)
	quotes  []criteria.Quote // by position among the price leaves
	gates   []GateLine
	dq      *Disqualification // disregarded, or failed a gate; an evaluation copies it before adding to it
	low     []Reason          // marks below a question's minimum
	extra   []lineNote        // leaves that could not be assessed
	changes []ModerationChange
	fixed   []Figure // points on the lot's fixed criteria (lotPrep.fixed), worked out as read
	// fixedFor is the cells fixed was worked out from (their first), so
	// that a copy whose cells were replaced is never totalled on them.
	fixedFor *cell
	// sv holds, by node.field, the bid's responses to the social value
	// leaves measured against its price as read (lotPrep.measure): an
	// evaluation only compares them with the field's best. It is nil when
	// the lot has no social value leaf, or the bid is out when read, or a
	// response could not be measured (the evaluation then measures it).
	sv []criteria.Measurement
	// svFor is the quotes sv was measured at (their first), so that a copy
	// whose price was changed is measured again.
	svFor *criteria.Quote
}

// lotShape reads one lot's policy: its tree, rounding, price and field
// leaves, markers and the notes on the rules in force. It has no bids yet.
func lotShape(t Tender, l Lot) *lotPrep {
	lp := &lotPrep{lot: l, rates: t.Rates(), commenced: t.Commenced, regime: t.RegimeFor(l), route: t.RouteFor(l),
		underLots: t.LotRules != nil && t.LotRules.BindsLots()}
	pol := l.Policy
	pol.Criteria = cloneTree(pol.Criteria) // the results word from it long after: a caller's later edit must not show
	lp.pol = &pol
	lp.tree = buildTree(lp.pol)
	lp.rules = lp.pol.rounding()
	for _, r := range lp.rules {
		rd := r.Rounding()
		lp.stage[stageIndex(r.Stage)] = &rd
	}
	lp.prices = lp.tree.priceLeaves()
	lp.budgets = make([]exact.Fraction, len(lp.prices))
	for i, n := range lp.prices {
		n.price = i
		lp.budgets[i] = exact.Whole(n.c.Price.MaxBudget) // a number the tender's validation bounded
	}
	for _, n := range lp.tree.nodes {
		n.field, n.own = -1, -1
		switch {
		case !n.leaf():
		case n.c.Price != nil || n.c.SocialValue != nil:
			n.field = len(lp.fieldLfs)
			lp.fieldLfs = append(lp.fieldLfs, n)
			lp.measures = lp.measures || n.c.SocialValue != nil
		default: // scored from the bid alone: a prepared cell of its own
			n.own = lp.owns
			lp.owns++
		}
	}
	lp.shapeFixed()
	lp.markers = make([]criteria.Marker, len(lp.tree.nodes))
	for _, n := range lp.tree.leaves {
		if n.c.Quality != nil {
			lp.markers[n.index] = n.c.Quality.Marker()
		}
	}
	lp.notes = append(statePolicy(lp.pol, lp.rules), unstatedNotes(t, l)...) // unstated.go
	return lp
}

// reshaped returns the lot under l's policy, which has the same criteria in
// the same places as the lot's own (only weights differ), with the bids as
// read: no reading depends on a weight, but the points on fixed criteria
// do, so those are worked out again.
func (lp *lotPrep) reshaped(t Tender, l Lot) *lotPrep {
	q := lotShape(t, l)
	q.bids, q.per = lp.bids, slices.Clone(lp.per)
	nn, nf := len(q.tree.nodes), len(q.fixed.nodes)
	chunks(len(q.per), func(lo, hi int) {
		nums, memo := make([]num, nn), newLeafMemo(nn)
		fixed := make([]Figure, (hi-lo)*nf)
		for i := lo; i < hi; i++ {
			j := i - lo
			q.per[i].fixed = fixed[j*nf : (j+1)*nf : (j+1)*nf]
			q.fixPoints(&q.per[i], q.per[i].fixed, nums, memo)
		}
	})
	return q
}

// withBid returns the lot with the bid at position i read again as b.
func (lp *lotPrep) withBid(i int, b Bid) *lotPrep {
	q := *lp
	q.bids = slices.Clone(lp.bids)
	q.bids[i] = b
	q.per = slices.Clone(lp.per)
	p := lp.read(&q.bids[i], make([]cell, lp.owns), make([]criteria.Quote, len(lp.prices)), nil)
	p.fixed = make([]Figure, len(lp.fixed.nodes))
	lp.fixPoints(&p, p.fixed, make([]num, len(lp.tree.nodes)), nil)
	q.per[i] = p
	return &q
}

// withoutBid returns the lot without the bid at position i.
func (lp *lotPrep) withoutBid(i int) *lotPrep {
	q := *lp
	q.bids = slices.Delete(slices.Clone(lp.bids), i, i+1)
	q.per = slices.Delete(slices.Clone(lp.per), i, i+1)
	return &q
}

// read reads one bid on its own: a recorded disregard, the gates, and
// unless it is disregarded every quality and living wage leaf, every price
// quote and the marks moderation changed. Its responses were validated,
// so what cannot be read is noted rather than feared; lk, when not nil,
// holds them as validation looked them up.
func (lp *lotPrep) read(b *Bid, cells []cell, quotes []criteria.Quote, lk *looked) bidPrep {
	p := bidPrep{cells: cells, quotes: quotes}
	if d := b.Disregard; d != nil {
		p.disqualify(AtDisregard, Reason{Rule: string(d.Ground), Text: "the tender is disregarded: " + d.Ground.Basis(lp.regime) + ": " + d.Reason})
		p.dq.Disregarded = true
		p.changes = moderationOf(lp.tree, *b)
		return p
	}
	lp.readGates(b, &p)
	var tmp Response // a response read from the bid's map, when validation did not look it up
	for _, n := range lp.tree.leaves {
		switch {
		case n.c.SocialValue != nil:
			if r, found := lk.response(b, lp.tree, n, &tmp); found {
				p.changes = append(p.changes, moderationOfResponse(n, b, r)...)
			}
		case n.c.Quality != nil:
			r, found := lk.response(b, lp.tree, n, &tmp) // looked up once, for the moderation and the marks
			if found {
				p.changes = append(p.changes, moderationOfResponse(n, b, r)...)
			}
			// No record: the line is worded from the bid's marks when asked (lines.go).
			qa, ok := lp.markers[n.index].Score(r.Marks)
			if !ok { // ruled out by validation
				cells[n.own] = cell{state: cellUnscored}
				p.extra = append(p.extra, lineNote{n.index, "cannot be assessed: the marks cannot be resolved to one mark"})
				continue
			}
			cells[n.own] = cell{a: qa.Assessment, state: cellScored, marked: true}
			if qa.BelowMinimum {
				p.low = append(p.low, Reason{Rule: "min-mark", Ref: n.c.ID,
					Text: fmt.Sprintf("%s: mark %s is below the minimum mark of %s", n.c.Title, qa.Mark, exact.Plain(*n.c.Quality.MinMark))})
			}
		case n.c.LivingWage != nil:
			var a criteria.Assessment
			err := fmt.Errorf("no living wage commitment recorded") // ruled out by validation
			if b.LivingWage != nil {
				a, err = n.c.LivingWage.Assess(*b.LivingWage, lp.rates, lp.commenced)
			}
			if err != nil {
				cells[n.own] = cell{state: cellUnscored}
				p.extra = append(p.extra, lineNote{n.index, fmt.Sprintf("cannot be assessed: %v", err)})
				continue
			}
			cells[n.own] = cell{a: a, state: cellScored}
		}
	}
	for i, n := range lp.prices {
		r, _ := lk.response(b, lp.tree, n, &tmp)
		quotes[i], _ = n.c.Price.Quote(r.Price) // validated
	}
	if p.dq == nil && lp.measures {
		lp.measure(b, &p, lk, &tmp)
	}
	return p
}

// measure measures the bid's responses to the social value leaves against
// its price, the sum of its quotes, as the evaluation would (see
// lotKernel.assessSocialValue), or keeps validation's measurements of
// them; any that cannot be measured leaves none kept.
func (lp *lotPrep) measure(b *Bid, p *bidPrep, lk *looked, tmp *Response) {
	sv := make([]criteria.Measurement, len(lp.fieldLfs))
	price, priced := quotedPrice(p.quotes, len(lp.prices))
	ctx := criteria.SocialValueContext{ContractValue: lp.lot.EstimatedValue}
	for _, n := range lp.fieldLfs {
		if n.c.SocialValue == nil {
			continue
		}
		if m, ok := lk.measurement(lp.tree, n); ok { // as validation measured it
			sv[n.field] = m
			continue
		}
		r, _ := lk.response(b, lp.tree, n, tmp)
		m, err := n.c.SocialValue.Measure(pricedResponse(r.SocialValue, price, priced), ctx)
		if err != nil { // ruled out by validation
			return
		}
		sv[n.field] = m
	}
	p.sv = sv
	if len(p.quotes) > 0 {
		p.svFor = &p.quotes[0]
	}
}

// svFresh reports whether the bid's social value responses were measured
// at its quotes as they are: false when none were kept, or when the quotes
// were replaced since (a trial changing the bid's price).
func (p *bidPrep) svFresh() bool {
	return p.sv != nil && (len(p.quotes) == 0 || p.svFor == &p.quotes[0])
}

// readGates decides every gate for one bid.
func (lp *lotPrep) readGates(b *Bid, p *bidPrep) {
	for _, g := range lp.pol.Gates {
		a := g.Assess(b.Gates[g.ID])
		p.gates = append(p.gates, GateLine{GateID: g.ID, Title: g.Title, Pass: a.Pass, Text: a.Text})
		if !a.Pass {
			p.disqualify(AtGate, Reason{Rule: "gate", Ref: g.ID, Text: failedGateText(g.Kind, a.Text)})
			p.dq.Disregarded = p.dq.Disregarded || g.Kind.Disregards()
		}
	}
	for _, g := range lp.pol.LivingWageGates {
		var a criteria.GateAssessment
		err := fmt.Errorf("no living wage commitment recorded") // ruled out by validation
		if b.LivingWage != nil {
			a, err = g.Assess(*b.LivingWage, lp.rates, lp.commenced)
		}
		if err != nil {
			a = criteria.GateAssessment{Text: fmt.Sprintf("%s: cannot be assessed: %v", g.Title, err)}
		}
		p.gates = append(p.gates, GateLine{GateID: g.ID, Title: g.Title, Pass: a.Pass, Text: a.Text})
		if !a.Pass {
			p.disqualify(AtGate, Reason{Rule: "living-wage-gate", Ref: g.ID, Text: failedGateText(g.Kind, a.Text)})
			p.dq.Disregarded = p.dq.Disregarded || g.Kind.Disregards()
		}
	}
}

func (p *bidPrep) disqualify(stage DisqualifyStage, r Reason) {
	if p.dq == nil {
		p.dq = &Disqualification{Stage: stage}
	}
	p.dq.Reasons = append(p.dq.Reasons, r)
}

// failedGateText says what failing a gate means: a condition of
// participation not satisfied (the tender is disregarded), or a pass/fail
// requirement of the assessment methodology failed.
func failedGateText(k criteria.GateKind, text string) string {
	if k.Disregards() {
		return "does not satisfy the condition of participation: " + text
	}
	return "failed the pass/fail requirement: " + text
}

// cloneTree copies a tree of criteria, each level its own slice.
func cloneTree(cs []Criterion) []Criterion {
	out := make([]Criterion, len(cs))
	for i, c := range cs {
		c.Children = cloneTree(c.Children)
		out[i] = c
	}
	return out
}

func stageIndex(s Stage) int {
	switch s {
	case Normalised:
		return 0
	case LeafPoints:
		return 1
	case TopLevel:
		return 2
	}
	return 3
}
