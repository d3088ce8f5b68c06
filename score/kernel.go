package score

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// lotKernel is one evaluation of a lot: what its prepared bids come to
// when compared with each other — who is still in at each stage, the
// field-relative assessments (price, social value) with their records,
// thresholds, totals and ranks. It is built by the engine's phases and
// never changed after: the results hold pointers to it, and word their
// lines from it when asked.
type lotKernel struct {
	*lotPrep
	bids []bidKernel
	// fields holds, by node index, the ids of the bids a field-relative
	// leaf (price, social value) was assessed over, so that a step's Uses
	// (positions in that field) can name bids.
	fields map[int][]string
	notes  []string
	// tieNodes are the criteria the tie-break chain compares points on;
	// tiePts their points for every bid (by bid, then node), kept when the
	// totals are formed.
	tieNodes []*node
	tiePts   []Figure
	ranked   []*bidKernel // the compliant bids in standings order
	// quiet is set for a trial's evaluation, which is read for its numbers
	// only: a bid disqualified at a threshold is given the rule, not its
	// words.
	quiet bool
	// thSame is set, by bid position, for a trial's evaluation that knows
	// which bids stand at the thresholds as they did in thBase, the lot as
	// evaluated (trial_threshold.go): those are not tested again.
	thSame []bool
	thBase *lotKernel
}

// reach is how far the evaluation of a bid got.
type reach uint8

const (
	reachedNone    reach = iota // disqualified at a gate: nothing scored
	reachedQuality              // quality, social value and living wage scored; branches without price summed
	reachedTotal                // priced and every branch summed
)

// bidKernel is one bid in one evaluation.
type bidKernel struct {
	idx     int // position in lotKernel.bids
	bid     *Bid
	prep    *bidPrep
	fcells  []cell // by position among the field-relative leaves
	dq      *Disqualification
	reached reach
	tied    bool
	extra   []lineNote // notes the evaluation adds to lines (thresholds); rare
	total   TotalLine
	tie     []Figure // points on the tie-break chain's criteria (lotKernel.tieNodes), kept when the total is formed
	qpct    *exact.Fraction
	rank    int // 0 when not ranked

	// adjusted is the price adjusted by the bid's features, under the
	// AdjustedPrice basis (adjusted.go).
	adjusted *criteria.Adjustment
}

func (s *bidKernel) out() bool { return s.dq != nil }

func (s *bidKernel) disqualify(stage DisqualifyStage, r Reason) {
	if s.dq == nil {
		s.dq = &Disqualification{Stage: stage}
	}
	s.dq.Reasons = append(s.dq.Reasons, r)
}

// lineNote is a note the engine adds to one line of a bid.
type lineNote struct {
	node int
	text string
}

// cell is one leaf of one bid.
type cell struct {
	a     criteria.Assessment
	quote int32 // position in lotPrep.prices, for price leaves
	state cellState
	// marked is set for a quality leaf scored from the bid's own marks
	// without a record (criteria.Marker.Score): it is worded by assessing
	// the bid's marks again when asked, so that a field of bids keeps no
	// record for every question it will never word.
	marked bool
}

// cellState says what became of one leaf of one bid.
type cellState uint8

const (
	cellNone       cellState = iota // not reached
	cellScored                      // assessed: the assessment holds the value and its record
	cellUnscored                    // reached but not scored (a living wage that could not be assessed)
	cellOverBudget                  // a price above the maximum budget that disqualifies: the quote, not scored
	cellPerPoint                    // a price under price per quality point: the quote, scored without points
)

// cellOf returns one leaf of one bid in this evaluation: a field-relative
// leaf as assessed over the field, any other as the bid reads on its own,
// once the bid has got that far.
func (k *lotKernel) cellOf(s *bidKernel, n *node) cell {
	if n.field >= 0 {
		return s.fcells[n.field]
	}
	if s.reached >= reachedQuality && n.own >= 0 {
		return s.prep.cells[n.own]
	}
	return cell{}
}

// evaluate compares the prepared bids of one lot: who is still in at each
// stage, the field-relative criteria, thresholds, totals and ranks.
func (lp *lotPrep) evaluate() LotResult { return lp.kernel().result() }

// kernel runs the engine's phases over the prepared bids, up to the totals.
func (lp *lotPrep) kernel() *lotKernel { return lp.kernelWith(false, nil) }

// kernelWith is kernel for a trial when quiet (see lotKernel.quiet), with
// the social value criteria scored by sv when it is not nil: a trial that
// knows every bid's value there already.
func (lp *lotPrep) kernelWith(quiet bool, sv func(k *lotKernel)) *lotKernel {
	return lp.kernelOver(quiet, sv, -1)
}

// kernelOver is kernelWith over the prepared bids but the one at position
// skip (none when it is negative): the lot with that bid taken out, the
// others read in place as prepared (lotPrep.withoutBid copies them, for a
// Prepared of its own; Trials.WithoutBid ranks it).
func (lp *lotPrep) kernelOver(quiet bool, sv func(k *lotKernel), skip int) *lotKernel {
	k := &lotKernel{lotPrep: lp, fields: map[int][]string{}, notes: slices.Clone(lp.notes), quiet: quiet}
	n := len(lp.bids)
	if skip >= 0 && skip < n {
		n--
	}
	k.bids = make([]bidKernel, n)
	nf := len(lp.fieldLfs)
	fcells := make([]cell, n*nf)
	chunks(len(k.bids), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			from := i // the bid's prepared position: past skip, one further on
			if skip >= 0 && i >= skip {
				from++
			}
			p := &lp.per[from]
			s := &k.bids[i]
			*s = bidKernel{idx: i, bid: &lp.bids[from], prep: p, fcells: fcells[i*nf : (i+1)*nf : (i+1)*nf]}
			if p.dq != nil { // the prepared one is never changed
				dq := *p.dq
				dq.Reasons = slices.Clone(p.dq.Reasons)
				s.dq = &dq
			}
		}
	})
	if sv != nil {
		sv(k)
	} else {
		k.scoreSocialValue()
	}
	k.scoreQuality()
	k.applyThresholds()
	k.quotePrices()
	k.scorePrices()
	k.totals()
	return k
}

// in returns the bids still in the competition, in bid id order.
func (k *lotKernel) in() []*bidKernel {
	n := 0
	for i := range k.bids {
		if !k.bids[i].out() {
			n++
		}
	}
	out := make([]*bidKernel, 0, n)
	for i := range k.bids {
		if !k.bids[i].out() {
			out = append(out, &k.bids[i])
		}
	}
	return out
}

func (k *lotKernel) note(format string, args ...any) {
	k.notes = append(k.notes, fmt.Sprintf(format, args...))
}

// scoreSocialValue assesses each social value criterion over the field of
// bids that passed the gates. Its relative methods compare each bid with the
// best offer, so the field is fixed before any threshold: a bid disqualified
// later at a quality threshold still counted in the comparison.
func (k *lotKernel) scoreSocialValue() {
	field := k.in()
	if len(field) == 0 {
		return
	}
	ids := idsOf(field)
	noted := false
	for _, n := range k.tree.leaves {
		if n.c.SocialValue == nil {
			continue
		}
		if !noted {
			k.note("social value field: the %d bids that passed the gates (%s); a bid later disqualified at a threshold still counts in the comparison", len(field), strings.Join(ids, ", "))
			noted = true
		}
		as, err := k.assessSocialValue(n, field)
		if err != nil { // ruled out by validation
			k.note("%s could not be assessed: %v", n.c.Title, err)
			continue
		}
		k.fields[n.index] = ids
		for i, s := range field {
			s.fcells[n.field] = cell{a: as[i], state: cellScored}
		}
	}
}

// assessSocialValue assesses social value leaf n over the field: each
// bid's response as measured when it was read, or measured now when its
// price changed since.
func (k *lotKernel) assessSocialValue(n *node, field []*bidKernel) ([]criteria.Assessment, error) {
	ms := make([]criteria.Measurement, len(field))
	ctx := criteria.SocialValueContext{ContractValue: k.lot.EstimatedValue}
	for i, s := range field {
		if s.prep.svFresh() {
			ms[i] = s.prep.sv[n.field]
			continue
		}
		price, priced := quotedPrice(s.prep.quotes, len(k.prices))
		m, err := n.c.SocialValue.Measure(pricedResponse(s.bid.Responses[n.c.ID].SocialValue, price, priced), ctx)
		if err != nil {
			return nil, fmt.Errorf("field[%d]: %w", i, err)
		}
		ms[i] = m
	}
	return n.c.SocialValue.AssessMeasured(ms)
}

// pricedResponse is a social value response read at the bid's price: always
// the bid's own quotes, never a figure supplied with the response, and
// none when the policy has no price criterion.
func pricedResponse(r criteria.SocialValueResponse, price decimal.Decimal, priced bool) criteria.SocialValueResponse {
	r.BidPrice = nil
	if priced {
		r.BidPrice = &price
	}
	return r
}

// quotedPrice is the bid's price for social value read as a share of it:
// the sum of its quotes on every price criterion (prices of them), as read
// when the bid was prepared (the same sum validation checked the responses
// with); false when the policy has no price criterion.
func quotedPrice(quotes []criteria.Quote, prices int) (decimal.Decimal, bool) {
	if prices == 0 || len(quotes) != prices {
		return decimal.Decimal{}, false
	}
	if len(quotes) == 1 {
		return quotes[0].Price, true // the usual single price: no sum to form
	}
	sum := decimal.Zero
	for _, q := range quotes {
		sum = sum.Add(q.Price)
	}
	return sum, true
}

// scoreQuality brings every bid still in to its quality, living wage and
// social value assessments (read when the bid was prepared), and
// disqualifies those with a mark below a question's minimum.
func (k *lotKernel) scoreQuality() {
	for i := range k.bids {
		s := &k.bids[i]
		if s.out() {
			continue
		}
		s.reached = reachedQuality
		for _, r := range s.prep.low {
			s.disqualify(AtThreshold, r)
		}
	}
}

// thresholdRules are the thresholds a policy declares: the criteria with a
// minimum percentage, and the minimum quality percentage with the criteria
// it counts.
type thresholdRules struct {
	mins       []*node
	quality    []*node
	minQuality *decimal.Decimal
}

// thresholdRules returns the policy's thresholds; false when it has none.
func (k *lotKernel) thresholdRules() (thresholdRules, bool) {
	var th thresholdRules
	for _, n := range k.tree.nodes {
		if n.c.MinPercent != nil {
			th.mins = append(th.mins, n)
		}
	}
	th.minQuality = k.pol.Thresholds.MinQualityPercent
	if len(th.mins) == 0 && th.minQuality == nil {
		return th, false
	}
	th.quality = k.qualityNodes()
	return th, true
}

// applyThresholds disqualifies bids below a criterion's minimum percentage or
// the overall minimum quality percentage. Thresholds test the points as
// shown, so a bidder can check them from its own explanation.
func (k *lotKernel) applyThresholds() {
	th, ok := k.thresholdRules()
	if !ok {
		return
	}
	eachBidScratch(k, func(s *bidKernel, nums []num) {
		if k.thSame != nil && k.thSame[s.idx] {
			if b := &k.thBase.bids[s.idx]; b.out() && b.dq.Stage == AtThreshold {
				s.disqualify(AtThreshold, Reason{Rule: "as-evaluated"}) // a trial's: never worded
			}
			return
		}
		k.threshold(s, nums, th, !k.quiet)
	})
}

// threshold applies the thresholds to one bid; words says whether a bid
// below one is told why in words (a trial reads the numbers only).
func (k *lotKernel) threshold(s *bidKernel, nums []num, th thresholdRules, words bool) {
	if s.out() && (s.dq.Stage == AtGate || s.dq.Stage == AtDisregard) {
		return
	}
	k.numbers(s, nums)
	for _, n := range th.mins {
		pts := nums[n.index].points
		need := th.need(n, nil)
		switch {
		case pts.Value.Cmp(need) >= 0:
		case !words:
			s.disqualify(AtThreshold, Reason{Rule: "min-percent", Ref: n.c.ID})
		default: // worded for every bid below it, so joined rather than formatted
			minPct, avail, needs := exact.Plain(*n.c.MinPercent), n.available.String(), need.String()
			s.extra = append(s.extra, lineNote{n.index, "below the minimum of " + minPct + "% of " + avail + " marks (" + needs + ")"})
			s.disqualify(AtThreshold, Reason{Rule: "min-percent", Ref: n.c.ID,
				Text: n.c.Title + ": " + pts.String() + " of " + avail + " marks is below the minimum of " + minPct + "% (" + needs + " marks)"})
		}
	}
	pct, got, avail, ok := th.qualityPercent(func(n *node) exact.Fraction { return nums[n.index].points.Value }, nil)
	if !ok {
		return
	}
	s.qpct = &pct
	switch {
	case pct.Cmp(exact.Whole(*th.minQuality)) >= 0:
	case !words:
		s.disqualify(AtThreshold, Reason{Rule: "min-quality-percent"})
	default: // worded for every bid below it, so joined rather than formatted
		g, a := got.String(), avail.String()
		s.disqualify(AtThreshold, Reason{Rule: "min-quality-percent",
			Text: "quality score " + g + " of " + a + " available (" + g + " ÷ " + a + " × 100 = " + pct.String() + "%) is below the minimum of " + exact.Plain(*th.minQuality) + "%"})
	}
}

// need is the points criterion n's minimum percentage asks for, of its
// marks available (read from avail, by node index, when it is not nil).
func (th thresholdRules) need(n *node, avail []exact.Fraction) exact.Fraction {
	a := n.available
	if avail != nil {
		a = avail[n.index]
	}
	return a.MulDec(n.c.MinPercent.Shift(-2))
}

// qualityPercent is a bid's quality score as a percentage of the quality
// marks available (read from avail when it is not nil), from its points
// as shown on each criterion, with the score and the marks it is formed
// from; false when there is no minimum quality, or no quality marks to
// form it over.
func (th thresholdRules) qualityPercent(points func(n *node) exact.Fraction, avail []exact.Fraction) (pct, got, of exact.Fraction, ok bool) {
	if th.minQuality == nil {
		return exact.Fraction{}, exact.Fraction{}, exact.Fraction{}, false
	}
	got, of = exact.Zero, exact.Zero
	for _, n := range th.quality {
		got = got.Add(points(n))
		if avail != nil {
			of = of.Add(avail[n.index])
		} else {
			of = of.Add(n.available)
		}
	}
	if of.IsZero() {
		return exact.Fraction{}, exact.Fraction{}, exact.Fraction{}, false
	}
	pct, _ = got.Mul(exact.Int(100)).Quo(of)
	return pct, got, of, true
}

// below reports whether a bid whose points as shown on each criterion are
// points(n) is below any of the thresholds, each node's marks available
// read from avail when it is not nil: what [lotKernel.threshold]
// disqualifies, in numbers only.
func (th thresholdRules) below(points func(n *node) exact.Fraction, avail []exact.Fraction) bool {
	for _, n := range th.mins {
		if points(n).Cmp(th.need(n, avail)) < 0 {
			return true
		}
	}
	pct, _, _, ok := th.qualityPercent(points, avail)
	return ok && pct.Cmp(exact.Whole(*th.minQuality)) < 0
}

// qualityNodes are the top-level criteria counted as quality.
func (k *lotKernel) qualityNodes() []*node {
	var out []*node
	if ids := k.pol.Thresholds.QualityCriteria; len(ids) > 0 {
		for _, n := range k.tree.roots {
			if slices.Contains(ids, n.c.ID) {
				out = append(out, n)
			}
		}
		return out
	}
	for _, n := range k.tree.roots {
		if !n.hasPrice() {
			out = append(out, n)
		}
	}
	return out
}

// quotePrices reduces every price response to the price compared, and
// disqualifies bids over a budget that the policy says disqualifies.
func (k *lotKernel) quotePrices() {
	if len(k.prices) == 0 {
		return
	}
	eachBid(k.bids, k.budget)
}

// budget disqualifies one bid still in whose price is over a budget that
// the policy says disqualifies.
func (k *lotKernel) budget(s *bidKernel) {
	if s.out() {
		return
	}
	for i, n := range k.prices {
		q := &s.prep.quotes[i]
		if k.disqualifiesAt(i, q) {
			s.disqualify(AtBudget, Reason{Rule: "over-budget", Ref: n.c.ID,
				Text: fmt.Sprintf("%s: %s is above the published maximum budget of %s", n.c.Title, exact.Money(q.Price), exact.Money(n.c.Price.MaxBudget))})
			s.fcells[n.field] = cell{state: cellOverBudget, quote: int32(i)}
		}
	}
}

// disqualifiesAt reports whether quote q on price leaf i is over a budget
// that disqualifies: n.c.Price.IsOverBudget(q.Price) on the exact forms
// read once (comparing the decimals rescaled one of them for every bid).
func (k *lotKernel) disqualifiesAt(i int, q *criteria.Quote) bool {
	rule := k.prices[i].c.Price
	return rule.OverBudget == criteria.DisqualifyOverBudget && !rule.MaxBudget.IsZero() && q.Exact().Cmp(k.budgets[i]) > 0
}

// scorePrices assesses each price criterion over the field of bids still in.
func (k *lotKernel) scorePrices() {
	field := k.in()
	if len(field) == 0 {
		return
	}
	var ids []string // the field's, for the words: a quiet evaluation has none
	if len(k.prices) > 0 && !k.quiet {
		ids = idsOf(field)
		k.note("price field: the %d bids not disqualified by then (%s)", len(field), strings.Join(ids, ", "))
	}
	for i, n := range k.prices {
		if m := n.c.Price.Method; m == criteria.PerQualityPoint || m == criteria.AdjustedByFeatures {
			for _, s := range field {
				s.fcells[n.field] = cell{state: cellPerPoint, quote: int32(i)}
			}
			continue
		}
		if k.quiet {
			k.scorePricesQuietly(n, i, field)
			continue
		}
		quotes := make([]criteria.Quote, len(field))
		for j, s := range field {
			quotes[j] = s.prep.quotes[i]
		}
		as, err := n.c.Price.Assess(quotes)
		if err != nil { // ruled out by validation; keep the bids unscored rather than panic
			k.note("%s could not be assessed: %v", n.c.Title, err)
			continue
		}
		k.fields[n.index] = ids
		for j, s := range field {
			s.fcells[n.field] = cell{a: as[j], state: cellScored, quote: int32(i)}
		}
	}
}

// scorePricesQuietly scores price leaf n (the j-th) over the field as
// [criteria.PriceRule.Assess] does, for an evaluation read for its numbers
// only: each price within budget by the method against the field's lowest
// and highest within budget, one above the budget 0, and no record.
func (k *lotKernel) scorePricesQuietly(n *node, j int, field []*bidKernel) {
	sp := spreadWhere(k, n, j, func(i int) bool { return !k.bids[i].out() }) // the field k.in gives
	for _, s := range field {
		s.fcells[n.field] = cell{a: criteria.Assessment{Value: sp.scoreIn(n.c.Price, s.prep.quotes[j])}, state: cellScored, quote: int32(j)}
	}
}

// totals sums each remaining bid's top level into its total, or divides its
// price by its quality points, or by the coefficient of its features.
func (k *lotKernel) totals() {
	for _, tb := range k.pol.TieBreaks {
		if n := k.tree.byID[tb.Criterion]; tb.Kind == HigherPoints && n != nil && !slices.Contains(k.tieNodes, n) {
			k.tieNodes = append(k.tieNodes, n)
		}
	}
	nt := len(k.tieNodes)
	if nt > 0 {
		k.tiePts = make([]Figure, len(k.bids)*nt)
	}
	eachBidScratch(k, func(s *bidKernel, nums []num) {
		if s.out() {
			return
		}
		if nt > 0 {
			s.tie = k.tiePts[s.idx*nt : (s.idx+1)*nt : (s.idx+1)*nt]
		}
		s.reached = reachedTotal
		k.totalNums(s, nums) // fixed.go
		k.total(s, nums)
	})
}

// total forms one bid's total from its numbers (already computed, at the
// total stage) and keeps its points on the tie-break chain's criteria in
// s.tie: the sum of the top level, or its price divided by its quality
// points, or by the coefficient of its features, rounded where the policy
// declares.
func (k *lotKernel) total(s *bidKernel, nums []num) {
	for i, n := range k.tieNodes {
		s.tie[i] = nums[n.index].points
	}
	adjusted := k.pol.basis() == AdjustedPrice
	sum, places, price := k.rootSums(func(n *node) Figure { return nums[n.index].points })
	t := TotalLine{Scored: true, Unrounded: sum, Points: Figure{Value: sum, Places: places}, k: k, s: s}
	if adjusted && price != nil {
		if !k.adjustTotal(s, price, &t) { // adjusted.go
			s.total = TotalLine{} // none: a copy a trial re-scores has its total as evaluated
			return
		}
	} else if price != nil {
		ratio, err := criteria.PricePerQualityPoint(s.prep.quotes[price.price].Price, t.Points.Value)
		if err != nil {
			s.disqualify(AtRatio, Reason{Rule: ruleNoQualityPoints, Text: "no quality points, so no price per quality point can be formed"})
			s.total = TotalLine{} // none: a copy a trial re-scores has its total as evaluated
			return
		}
		t.Unrounded = ratio
		t.Points = exactFigure(ratio)
	}
	if totalR := k.stage[stageIndex(Total)]; totalR != nil {
		t.Points = Figure{Value: t.Unrounded.Rounded(*totalR), Places: totalR.Places}
		t.Rounding = totalR
	}
	s.total = t
}

// rootSums sums the top-level criteria's points as shown, with the places
// the sum is shown to; where the price is divided rather than added (or
// the features' coefficient applied), it is left out and returned.
func (k *lotKernel) rootSums(points func(n *node) Figure) (sum exact.Fraction, places int32, price *node) {
	unweighted := k.pol.unweightedPrice()
	sum = exact.Zero
	for _, n := range k.tree.roots {
		if unweighted && n.c.Price != nil {
			price = n
			continue
		}
		p := points(n)
		sum = sum.Add(p.Value)
		places = sumPlace(places, p)
	}
	return sum, places, price
}

// rootSum is rootSums' sum alone.
func (k *lotKernel) rootSum(points func(n *node) Figure) exact.Fraction {
	sum, _, _ := k.rootSums(points)
	return sum
}

// ruleNoQualityPoints is the rule of a bid out under price per quality
// point for want of quality points.
const ruleNoQualityPoints = "no-quality-points"

func idsOf(field []*bidKernel) []string {
	ids := make([]string, len(field))
	for i, s := range field {
		ids[i] = s.bid.ID
	}
	return ids
}
