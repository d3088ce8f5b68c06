package score

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// Evaluate validates the tender and bids, then evaluates every lot. Bad
// input gives a [*ValidationError] listing every problem and no result.
func Evaluate(t Tender, bids []Bid) (Result, error) {
	if err := t.Validate(bids); err != nil {
		return Result{}, err
	}
	res := Result{TenderID: t.ID, TenderTitle: t.Title, Authority: t.Authority, Commenced: t.Commenced, Regime: t.Regime,
		Documents: t.Documents, Evaluation: t.Evaluation}
	for _, l := range t.Lots {
		res.Lots = append(res.Lots, evaluateLot(t, l, bidsFor(bids, l.ID)))
	}
	return res, nil
}

// EvaluateLot validates the tender and the bids for one lot, then evaluates
// that lot. Bids for the tender's other lots are ignored.
func EvaluateLot(t Tender, lotID string, bids []Bid) (LotResult, error) {
	l, ok := t.Lot(lotID)
	if !ok {
		return LotResult{}, &ValidationError{Problems: []Problem{{Field: "lot", Value: lotID, Rule: "known-lot", Message: "the tender has no lot with this id"}}}
	}
	v := newValidation()
	v.tender(t)
	v.bidsOf(t, bids, lotID)
	if err := v.err(); err != nil {
		return LotResult{}, err
	}
	return evaluateLot(t, l, bidsFor(bids, lotID)), nil
}

func bidsFor(bids []Bid, lot string) []Bid {
	var out []Bid
	for _, b := range bids {
		if b.Lot == lot {
			out = append(out, b)
		}
	}
	// Sorting by id first makes every later step independent of the order
	// the bids arrived in.
	slices.SortFunc(out, func(a, b Bid) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// bidState is one bid in the course of evaluation.
type bidState struct {
	bid    Bid
	lines  []Line           // by node index
	quotes []criteria.Quote // by node index, for price leaves
	dq     *Disqualification
	gates  []GateLine
	total  TotalLine
	qpct   *exact.Fraction
}

func (s *bidState) out() bool { return s.dq != nil }

func (s *bidState) disqualify(stage DisqualifyStage, r Reason) {
	if s.dq == nil {
		s.dq = &Disqualification{Stage: stage}
	}
	s.dq.Reasons = append(s.dq.Reasons, r)
}

// lotEval holds what every bid of one lot is evaluated against.
type lotEval struct {
	t     Tender
	rates criteria.RateTable // living wage rates in force, looked up once
	lot   Lot
	pol   Policy
	tree  *tree
	rules []RoundingRule
	bids  []*bidState
	notes []string
}

func evaluateLot(t Tender, l Lot, bids []Bid) LotResult {
	pol := l.Policy
	e := &lotEval{t: t, rates: t.Rates(), lot: l, pol: pol, tree: buildTree(&pol), rules: pol.rounding()}
	for _, b := range bids {
		e.bids = append(e.bids, &bidState{bid: b, lines: make([]Line, len(e.tree.nodes)), quotes: make([]criteria.Quote, len(e.tree.nodes))})
	}
	e.statePolicy()
	e.notes = append(e.notes, unstatedNotes(t, l)...) // unstated.go
	e.applyGates()
	e.scoreQuality()
	e.applyThresholds()
	e.quotePrices()
	e.scorePrices()
	e.totals()
	standings, ties := e.rank()

	res := LotResult{Lot: l, Route: t.RouteFor(l), Standings: standings, TieBreaks: ties, Rounding: e.rules, Notes: e.notes,
		UnderLotRules: t.LotRules != nil && t.LotRules.BindsLots()}
	switch {
	case len(standings) == 0:
		res.Outcome = NoCompliantBid
		res.Notes = append(res.Notes, "no compliant bid: every bid was disqualified, so the lot cannot be awarded on this evaluation")
	case len(standings) > 1 && standings[1].Rank == 1:
		res.Outcome = UnresolvedTie
		res.Notes = append(res.Notes, "the leading bids remain tied after the whole tie-break chain: the authority must resolve the tie by its declared manual step before any award")
	default:
		res.Outcome = Winner
		res.Winner = standings[0].BidID
	}
	rank := map[string]Standing{}
	for _, s := range standings {
		rank[s.BidID] = s
	}
	for _, s := range e.bids {
		br := BidResult{BidID: s.bid.ID, Supplier: s.bid.Supplier, Disqualified: s.dq, Gates: s.gates,
			Criteria: e.assemble(s, e.tree.roots), Total: s.total, QualityPercent: s.qpct, Moderation: moderationOf(e.tree, s.bid)}
		if st, ok := rank[s.bid.ID]; ok {
			br.Rank, br.Tied = st.Rank, st.Tied
		}
		res.Bids = append(res.Bids, br)
	}
	slices.SortStableFunc(res.Bids, func(a, b BidResult) int {
		switch {
		case a.Rank != 0 && b.Rank != 0:
			return cmp.Compare(a.Rank, b.Rank)
		case a.Rank != 0:
			return -1
		case b.Rank != 0:
			return 1
		}
		return 0
	})
	return res
}

// statePolicy writes the rules in force as notes, defaults included, so that
// no reader needs to know the library's defaults.
func (e *lotEval) statePolicy() {
	switch e.pol.basis() {
	case PricePerQualityPoint:
		e.note("basis: price per quality point — each bid's price divided by its quality points; the lowest wins")
	default:
		e.note("basis: weighted points — each criterion's points added up; the highest total wins")
	}
	switch w := e.pol.weighting(); {
	case e.pol.Weighting == "":
		e.note("weights: percentages at each level, summing to 100 among siblings (the default)")
	case w == PercentOfTotal:
		e.note("weights: percentages of the total; sub-criteria sum to their parent's weight")
	case w == Points:
		e.note("weights: points, each divided by the sum of its siblings' points")
	default:
		e.note("weights: percentages at each level, summing to 100 among siblings")
	}
	var parts []string
	for _, r := range e.rules {
		parts = append(parts, fmt.Sprintf("%s to %s", stageName(r.Stage), r.Rounding()))
	}
	text := "rounding: " + strings.Join(parts, "; ")
	if len(e.pol.Rounding) == 0 {
		text += " (the default)"
	}
	if _, ok := roundingAt(e.rules, Total); !ok {
		text += "; the total is the sum of the points shown"
	}
	e.note("%s", text)
}

func stageName(s Stage) string {
	switch s {
	case Normalised:
		return "normalised scores"
	case LeafPoints:
		return "each criterion's weighted points"
	case TopLevel:
		return "each top-level criterion's points"
	case Total:
		return "the total"
	}
	return string(s)
}

func (e *lotEval) note(format string, args ...any) {
	e.notes = append(e.notes, fmt.Sprintf(format, args...))
}

func (e *lotEval) applyGates() {
	for _, s := range e.bids {
		if d := s.bid.Disregard; d != nil {
			s.disqualify(AtDisregard, Reason{Rule: string(d.Ground), Text: "the tender is disregarded: " + d.Ground.Basis(e.t.RegimeFor(e.lot)) + ": " + d.Reason})
			s.dq.Disregarded = true
			continue
		}
		for _, g := range e.pol.Gates {
			a := g.Assess(s.bid.Gates[g.ID])
			s.gates = append(s.gates, GateLine{GateID: g.ID, Title: g.Title, Pass: a.Pass, Text: a.Text})
			if !a.Pass {
				s.disqualify(AtGate, Reason{Rule: "gate", Ref: g.ID, Text: failedGateText(g.Kind, a.Text)})
				s.dq.Disregarded = s.dq.Disregarded || g.Kind.Disregards()
			}
		}
		for _, g := range e.pol.LivingWageGates {
			a, err := g.Assess(*s.bid.LivingWage, e.rates, e.t.Commenced) // validated: commitment present, rate in force
			if err != nil {
				a = criteria.GateAssessment{Text: fmt.Sprintf("%s: cannot be assessed: %v", g.Title, err)}
			}
			s.gates = append(s.gates, GateLine{GateID: g.ID, Title: g.Title, Pass: a.Pass, Text: a.Text})
			if !a.Pass {
				s.disqualify(AtGate, Reason{Rule: "living-wage-gate", Ref: g.ID, Text: failedGateText(g.Kind, a.Text)})
				s.dq.Disregarded = s.dq.Disregarded || g.Kind.Disregards()
			}
		}
	}
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

// scoreQuality assesses every non-price leaf and sums the branches that
// hold no price, for every bid still in.
func (e *lotEval) scoreQuality() {
	e.scoreSocialValue()
	for _, s := range e.bids {
		if s.out() {
			continue
		}
		for _, n := range e.tree.leaves {
			switch {
			case n.c.Quality != nil:
				qa, _ := n.c.Quality.Assess(s.bid.Responses[n.c.ID].Marks) // validated
				ln := e.leafLine(n, qa.Assessment, nil)
				if qa.BelowMinimum {
					s.disqualify(AtThreshold, Reason{Rule: "min-mark", Ref: n.c.ID,
						Text: fmt.Sprintf("%s: mark %s is below the minimum mark of %s", n.c.Title, qa.Mark, exact.Plain(*n.c.Quality.MinMark))})
				}
				s.lines[n.index] = ln
			case n.c.LivingWage != nil:
				a, err := n.c.LivingWage.Assess(*s.bid.LivingWage, e.rates, e.t.Commenced) // validated
				if err != nil {
					ln := e.line(n)
					ln.Notes = []string{fmt.Sprintf("cannot be assessed: %v", err)}
					s.lines[n.index] = ln
					continue
				}
				s.lines[n.index] = e.leafLine(n, a, nil)
			}
		}
		e.sumBranches(s, func(n *node) bool { return !n.hasPrice() })
	}
}

// scoreSocialValue assesses each social value criterion over the field of
// bids that passed the gates. Its relative methods compare each bid with the
// best offer, so the field is fixed before any threshold: a bid disqualified
// later at a quality threshold still counted in the comparison.
func (e *lotEval) scoreSocialValue() {
	var field []*bidState
	var ids []string
	for _, s := range e.bids {
		if !s.out() {
			field = append(field, s)
			ids = append(ids, s.bid.ID)
		}
	}
	noted := false
	for _, n := range e.tree.leaves {
		if n.c.SocialValue == nil || len(field) == 0 {
			continue
		}
		if !noted {
			e.note("social value field: the %d bids that passed the gates (%s); a bid later disqualified at a threshold still counts in the comparison", len(field), strings.Join(ids, ", "))
			noted = true
		}
		resps := make([]criteria.SocialValueResponse, len(field))
		for i, s := range field {
			r := s.bid.Responses[n.c.ID].SocialValue
			r.BidPrice = nil // always the bid's own quotes, never a figure supplied with the response
			if p, ok := bidPrice(s.bid, e.tree); ok {
				r.BidPrice = &p
			}
			resps[i] = r
		}
		as, err := n.c.SocialValue.Assess(resps, criteria.SocialValueContext{ContractValue: e.lot.EstimatedValue})
		if err != nil { // ruled out by validation
			e.note("%s could not be assessed: %v", n.c.Title, err)
			continue
		}
		for i, s := range field {
			s.lines[n.index] = e.leafLine(n, as[i], ids)
		}
	}
}

// leafLine weights one leaf's assessment into points.
func (e *lotEval) leafLine(n *node, a criteria.Assessment, ids []string) Line {
	ln := e.line(n)
	ln.Scored = true
	ln.Input = a.Input()
	ln.Notes = append(ln.Notes, a.Notes()...)
	ln.Rationale = a.Rationale()
	ln.Working = convertSteps(a.Working(), ids)
	norm := exactFigure(a.Value)
	if r, ok := roundingAt(e.rules, Normalised); ok {
		rd := r.Apply(a.Value)
		norm = Figure{Value: exact.Whole(rd), Places: r.Places}
		if !exact.Whole(rd).Equal(a.Value) {
			ln.Working = append(ln.Working, Step{Text: fmt.Sprintf("normalised score %s rounded %s to %s", a.Value, r, norm)})
		}
	}
	ln.Normalised = norm
	ln.Unrounded = norm.Value.Mul(n.available)
	ln.Points = exactFigure(ln.Unrounded)
	text := fmt.Sprintf("%s × %s marks available = %s", norm, n.available, ln.Unrounded)
	if r, ok := roundingAt(e.rules, LeafPoints); ok {
		ln.Points = Figure{Value: exact.Whole(r.Apply(ln.Unrounded)), Places: r.Places}
		ln.Rounding = &r
		if !ln.Points.Value.Equal(ln.Unrounded) {
			text += fmt.Sprintf(", rounded %s to %s", r, ln.Points)
		} else {
			text = fmt.Sprintf("%s × %s marks available = %s", norm, n.available, ln.Points)
		}
	}
	ln.Working = append(ln.Working, Step{Text: text})
	return ln
}

func (e *lotEval) line(n *node) Line {
	return Line{CriterionID: n.c.ID, Title: n.c.Title, Category: n.category, Weight: n.c.Weight,
		Available: n.available, Points: exactFigure(exact.Zero), Normalised: exactFigure(exact.Zero)}
}

func convertSteps(steps []criteria.Step, ids []string) []Step {
	out := make([]Step, 0, len(steps))
	for _, st := range steps {
		s := Step{Text: st.Text}
		for _, u := range st.Uses {
			if u >= 0 && u < len(ids) {
				s.Uses = append(s.Uses, ids[u])
			}
		}
		slices.Sort(s.Uses)
		s.Uses = slices.Compact(s.Uses)
		out = append(out, s)
	}
	return out
}

// sumBranches sets every branch selected by want, children first, to the sum
// of its children's points as shown, rounding the top level if declared.
func (e *lotEval) sumBranches(s *bidState, want func(*node) bool) {
	for i := len(e.tree.nodes) - 1; i >= 0; i-- { // reverse pre-order: children first
		n := e.tree.nodes[i]
		if n.leaf() || !want(n) {
			continue
		}
		ln := e.line(n)
		ln.Scored = true
		sum := exact.Zero
		var terms []string
		var figs []Figure
		for _, c := range n.children {
			cl := s.lines[c.index]
			if !cl.Scored {
				ln.Scored = false
			}
			sum = sum.Add(cl.Points.Value)
			terms = append(terms, cl.Points.String())
			figs = append(figs, cl.Points)
		}
		ln.Unrounded = sum
		ln.Points = Figure{Value: sum, Places: sumPlaces(figs)}
		text := sumText("sub-criteria", terms, ln.Points.String())
		if r, ok := roundingAt(e.rules, TopLevel); ok && n.depth == 0 {
			ln.Points = Figure{Value: exact.Whole(r.Apply(sum)), Places: r.Places}
			ln.Rounding = &r
			if !ln.Points.Value.Equal(sum) {
				text = fmt.Sprintf("%s, rounded %s to %s", sumText("sub-criteria", terms, sum.String()), r, ln.Points)
			}
		}
		ln.Working = []Step{{Text: text}}
		s.lines[n.index] = ln
	}
	// A top-level leaf is rounded at the top level too, if declared.
	if r, ok := roundingAt(e.rules, TopLevel); ok {
		for _, n := range e.tree.roots {
			if !n.leaf() || !want(n) || !s.lines[n.index].Scored || s.lines[n.index].Rounding != nil {
				continue
			}
			ln := &s.lines[n.index]
			before := ln.Points
			ln.Points = Figure{Value: exact.Whole(r.Apply(before.Value)), Places: r.Places}
			ln.Rounding = &r
			if !ln.Points.Value.Equal(before.Value) {
				ln.Working = append(ln.Working, Step{Text: fmt.Sprintf("%s rounded %s to %s", before, r, ln.Points)})
			}
		}
	}
}

// applyThresholds disqualifies bids below a criterion's minimum percentage or
// the overall minimum quality percentage. Thresholds test the points as
// shown, so a bidder can check them from its own explanation.
func (e *lotEval) applyThresholds() {
	hundred := decimal.NewFromInt(100)
	quality := e.qualityNodes()
	for _, s := range e.bids {
		if s.out() && (s.dq.Stage == AtGate || s.dq.Stage == AtDisregard) {
			continue
		}
		for _, n := range e.tree.nodes {
			if n.c.MinPercent == nil {
				continue
			}
			ln := &s.lines[n.index]
			need := n.available.MulDec(n.c.MinPercent.Shift(-2))
			if ln.Points.Value.Cmp(need) < 0 {
				ln.Notes = append(ln.Notes, fmt.Sprintf("below the minimum of %s%% of %s marks (%s)", exact.Plain(*n.c.MinPercent), n.available, need))
				s.disqualify(AtThreshold, Reason{Rule: "min-percent", Ref: n.c.ID,
					Text: fmt.Sprintf("%s: %s of %s marks is below the minimum of %s%% (%s marks)", n.c.Title, ln.Points, n.available, exact.Plain(*n.c.MinPercent), need)})
			}
		}
		if e.pol.Thresholds.MinQualityPercent == nil {
			continue
		}
		got, avail := exact.Zero, exact.Zero
		for _, n := range quality {
			got = got.Add(s.lines[n.index].Points.Value)
			avail = avail.Add(n.available)
		}
		min := *e.pol.Thresholds.MinQualityPercent
		if avail.IsZero() {
			continue
		}
		pct, _ := got.MulDec(hundred).Quo(avail)
		s.qpct = &pct
		if pct.Cmp(exact.Whole(min)) < 0 {
			s.disqualify(AtThreshold, Reason{Rule: "min-quality-percent",
				Text: fmt.Sprintf("quality score %s of %s available (%s ÷ %s × 100 = %s%%) is below the minimum of %s%%",
					got, avail, got, avail, pct, exact.Plain(min))})
		}
	}
}

// qualityNodes are the top-level criteria counted as quality.
func (e *lotEval) qualityNodes() []*node {
	var out []*node
	if ids := e.pol.Thresholds.QualityCriteria; len(ids) > 0 {
		for _, n := range e.tree.roots {
			if slices.Contains(ids, n.c.ID) {
				out = append(out, n)
			}
		}
		return out
	}
	for _, n := range e.tree.roots {
		if !n.hasPrice() {
			out = append(out, n)
		}
	}
	return out
}

// quotePrices reduces every price response to the price compared, and
// disqualifies bids over a budget that the policy says disqualifies.
func (e *lotEval) quotePrices() {
	for _, s := range e.bids {
		if s.out() {
			continue
		}
		for _, n := range e.tree.priceLeaves() {
			q, _ := n.c.Price.Quote(s.bid.Responses[n.c.ID].Price) // validated
			s.quotes[n.index] = q
			if n.c.Price.IsOverBudget(q.Price) && n.c.Price.OverBudget == criteria.DisqualifyOverBudget {
				s.disqualify(AtBudget, Reason{Rule: "over-budget", Ref: n.c.ID,
					Text: fmt.Sprintf("%s: %s is above the published maximum budget of %s", n.c.Title, exact.Money(q.Price), exact.Money(n.c.Price.MaxBudget))})
				ln := e.line(n)
				ln.Input = q.Input()
				ln.Working = convertSteps(q.Working(), nil)
				ln.Notes = append(ln.Notes, "above the maximum budget: disqualified, so price is not scored")
				s.lines[n.index] = ln
			}
		}
	}
}

// scorePrices assesses each price criterion over the field of bids still in.
func (e *lotEval) scorePrices() {
	var field []*bidState
	for _, s := range e.bids {
		if !s.out() {
			field = append(field, s)
		}
	}
	if len(field) == 0 {
		return
	}
	ids := make([]string, len(field))
	for i, s := range field {
		ids[i] = s.bid.ID
	}
	prices := e.tree.priceLeaves()
	if len(prices) > 0 {
		e.note("price field: the %d bids not disqualified by then (%s)", len(field), strings.Join(ids, ", "))
	}
	for _, n := range prices {
		if n.c.Price.Method == criteria.PerQualityPoint {
			for _, s := range field {
				q := s.quotes[n.index]
				ln := e.line(n)
				ln.Scored = true
				ln.Input = q.Input()
				ln.Working = convertSteps(q.Working(), nil)
				ln.Notes = append(ln.Notes, "price per quality point: the price is divided by the quality points, not scored on its own")
				s.lines[n.index] = ln
			}
			continue
		}
		quotes := make([]criteria.Quote, len(field))
		for i, s := range field {
			quotes[i] = s.quotes[n.index]
		}
		as, err := n.c.Price.Assess(quotes)
		if err != nil { // ruled out by validation; keep the bids unscored rather than panic
			e.note("%s could not be assessed: %v", n.c.Title, err)
			continue
		}
		for i, s := range field {
			s.lines[n.index] = e.leafLine(n, as[i], ids)
		}
	}
}

// totals sums each remaining bid's top level into its total, or divides its
// price by its quality points.
func (e *lotEval) totals() {
	for _, s := range e.bids {
		if s.out() {
			continue
		}
		e.sumBranches(s, func(*node) bool { return true })
		sum := exact.Zero
		var terms []string
		var figs []Figure
		var price *node
		for _, n := range e.tree.roots {
			ln := s.lines[n.index]
			if e.pol.basis() == PricePerQualityPoint && n.c.Price != nil {
				price = n
				continue
			}
			sum = sum.Add(ln.Points.Value)
			terms = append(terms, fmt.Sprintf("%s %s", n.c.Title, ln.Points))
			figs = append(figs, ln.Points)
		}
		t := TotalLine{Scored: true, Unrounded: sum, Points: Figure{Value: sum, Places: sumPlaces(figs)}}
		label := "total"
		if price != nil {
			label = "quality points"
		}
		t.Working = append(t.Working, Step{Text: sumText(label, terms, t.Points.String())})
		if price != nil {
			q := s.quotes[price.index]
			ratio, err := criteria.PricePerQualityPoint(q.Price, t.Points.Value)
			if err != nil {
				s.disqualify(AtRatio, Reason{Rule: "no-quality-points", Text: "no quality points, so no price per quality point can be formed"})
				continue
			}
			t.Working = append(t.Working, Step{Text: criteria.PricePerQualityPointStep(q.Price, t.Points.Value, ratio).Text})
			t.Unrounded = ratio
			t.Points = exactFigure(ratio)
		}
		if r, ok := roundingAt(e.rules, Total); ok {
			before := t.Points
			t.Points = Figure{Value: exact.Whole(r.Apply(t.Unrounded)), Places: r.Places}
			t.Rounding = &r
			if !t.Points.Value.Equal(before.Value) {
				t.Working = append(t.Working, Step{Text: fmt.Sprintf("%s rounded %s to %s", before, r, t.Points)})
			}
		}
		s.total = t
	}
}

// assemble nests the flat lines into trees; criteria never reached are
// marked not scored.
func (e *lotEval) assemble(s *bidState, ns []*node) []Line {
	out := make([]Line, 0, len(ns))
	for _, n := range ns {
		ln := s.lines[n.index]
		if ln.CriterionID == "" {
			ln = e.line(n)
			switch {
			case s.out() && s.dq.Disregarded:
				ln.Notes = []string{"not assessed: the tender was disregarded"}
			case s.out():
				ln.Notes = []string{fmt.Sprintf("not assessed: the bid was disqualified at the %s stage", s.dq.Stage)}
			}
		}
		ln.Children = e.assemble(s, n.children)
		out = append(out, ln)
	}
	return out
}

// sumText writes a sum: "total: Price 35.10 + Quality 46.25 = 81.35", or for
// a single term "total: Price 83.33" (nothing is added to it).
func sumText(label string, terms []string, result string) string {
	if len(terms) == 1 {
		return fmt.Sprintf("%s: %s (the only one)", label, terms[0])
	}
	return fmt.Sprintf("%s: %s = %s", label, strings.Join(terms, " + "), result)
}
