package score

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
)

// lotKernel is one lot's evaluation as computed: the policy's tree and
// rounding, and for every bid its assessments with their explanation
// records. It is built by the engine's phases and never changed after: the
// results hold pointers to it, and word their lines from it when asked.
type lotKernel struct {
	lot   Lot
	pol   *Policy
	tree  *tree
	rules []RoundingRule
	stage [4]*exact.Rounding // the rounding declared at each stage, by stageIndex; nil when none
	rates criteria.RateTable
	// commenced is the day the procurement commenced: the living wage in
	// force is looked up on it.
	commenced date.Date
	regime    Regime // the lot's
	bids      []bidKernel
	prices    []*node // the price leaves, in tree order
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

// reach is how far the evaluation of a bid got.
type reach uint8

const (
	reachedNone    reach = iota // disqualified at a gate: nothing scored
	reachedQuality              // quality, social value and living wage scored; branches without price summed
	reachedTotal                // priced and every branch summed
)

// bidKernel is one bid's evaluation as computed.
type bidKernel struct {
	idx     int // position in lotKernel.bids
	bid     *Bid
	cells   []cell           // by node index
	quotes  []criteria.Quote // by position in lotKernel.prices
	dq      *Disqualification
	gates   []GateLine
	reached reach
	extra   []lineNote // notes the engine adds to lines (thresholds, errors); rare
	total   TotalLine
	qpct    *exact.Fraction
	rank    int // 0 when not ranked
	tied    bool
	// changes are the evaluators' marks moderation changed, found while
	// the quality marks are read; moderated says they were.
	changes   []ModerationChange
	moderated bool
}

// moderation returns the marks moderation changed, as [moderationOf] finds
// them: read with the quality marks, or read now for a bid that never got
// that far.
func (s *bidKernel) moderation(k *lotKernel) []ModerationChange {
	if s.moderated {
		return s.changes
	}
	return moderationOf(k.tree, *s.bid)
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
	quote int32 // position in lotKernel.prices, for price leaves
	state cellState
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

func newKernel(t Tender, l Lot, bids []Bid) *lotKernel {
	k := &lotKernel{lot: l, rates: t.Rates(), commenced: t.Commenced, regime: t.RegimeFor(l), fields: map[int][]string{}}
	k.pol = &k.lot.Policy
	k.pol.Criteria = cloneTree(k.pol.Criteria) // the results word from it long after: a caller's later edit must not show
	k.tree = buildTree(k.pol)
	k.rules = k.pol.rounding()
	for _, r := range k.rules {
		rd := r.Rounding()
		k.stage[stageIndex(r.Stage)] = &rd
	}
	k.prices = k.tree.priceLeaves()
	for i, n := range k.prices {
		n.price = i
	}
	k.bids = make([]bidKernel, len(bids))
	cells := make([]cell, len(bids)*len(k.tree.nodes))
	quotes := make([]criteria.Quote, len(bids)*len(k.prices))
	nn, np := len(k.tree.nodes), len(k.prices)
	for i := range bids {
		k.bids[i] = bidKernel{idx: i, bid: &bids[i], cells: cells[i*nn : (i+1)*nn : (i+1)*nn], quotes: quotes[i*np : (i+1)*np : (i+1)*np]}
	}
	return k
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

// in returns the bids still in the competition, in bid id order.
func (k *lotKernel) in() []*bidKernel {
	var out []*bidKernel
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

// applyGates applies each recorded decision to disregard a tender, then
// decides every gate for every bid.
func (k *lotKernel) applyGates() {
	commenced := k.commenced
	eachBid(k.bids, func(s *bidKernel) {
		if d := s.bid.Disregard; d != nil {
			s.disqualify(AtDisregard, Reason{Rule: string(d.Ground), Text: "the tender is disregarded: " + d.Ground.Basis(k.regime) + ": " + d.Reason})
			s.dq.Disregarded = true
			return
		}
		for _, g := range k.pol.Gates {
			a := g.Assess(s.bid.Gates[g.ID])
			s.gates = append(s.gates, GateLine{GateID: g.ID, Title: g.Title, Pass: a.Pass, Text: a.Text})
			if !a.Pass {
				s.disqualify(AtGate, Reason{Rule: "gate", Ref: g.ID, Text: failedGateText(g.Kind, a.Text)})
				s.dq.Disregarded = s.dq.Disregarded || g.Kind.Disregards()
			}
		}
		for _, g := range k.pol.LivingWageGates {
			var a criteria.GateAssessment
			var err error
			if s.bid.LivingWage == nil { // ruled out by validation
				err = fmt.Errorf("no living wage commitment recorded")
			} else {
				a, err = g.Assess(*s.bid.LivingWage, k.rates, commenced)
			}
			if err != nil {
				a = criteria.GateAssessment{Text: fmt.Sprintf("%s: cannot be assessed: %v", g.Title, err)}
			}
			s.gates = append(s.gates, GateLine{GateID: g.ID, Title: g.Title, Pass: a.Pass, Text: a.Text})
			if !a.Pass {
				s.disqualify(AtGate, Reason{Rule: "living-wage-gate", Ref: g.ID, Text: failedGateText(g.Kind, a.Text)})
				s.dq.Disregarded = s.dq.Disregarded || g.Kind.Disregards()
			}
		}
	})
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
		resps := make([]criteria.SocialValueResponse, len(field))
		for i, s := range field {
			r := s.bid.Responses[n.c.ID].SocialValue
			r.BidPrice = nil // always the bid's own quotes, never a figure supplied with the response
			if p, ok := bidPrice(*s.bid, k.tree); ok {
				r.BidPrice = &p
			}
			resps[i] = r
		}
		as, err := n.c.SocialValue.Assess(resps, criteria.SocialValueContext{ContractValue: k.lot.EstimatedValue})
		if err != nil { // ruled out by validation
			k.note("%s could not be assessed: %v", n.c.Title, err)
			continue
		}
		k.fields[n.index] = ids
		for i, s := range field {
			s.cells[n.index] = cell{a: as[i], state: cellScored}
		}
	}
}

// scoreQuality assesses every quality and living wage leaf of every bid
// still in, one bid at a time.
func (k *lotKernel) scoreQuality() {
	markers := make([]criteria.Marker, len(k.tree.nodes))
	for _, n := range k.tree.leaves {
		if n.c.Quality != nil {
			markers[n.index] = n.c.Quality.Marker()
		}
	}
	chunks(len(k.bids), func(lo, hi int) {
		var arena criteria.Arena // one per goroutine: the records of its bids, in blocks
		for i := lo; i < hi; i++ {
			k.scoreBidQuality(&k.bids[i], markers, &arena)
		}
	})
}

func (k *lotKernel) scoreBidQuality(s *bidKernel, markers []criteria.Marker, arena *criteria.Arena) {
	if s.out() {
		return
	}
	s.reached = reachedQuality
	s.moderated = true
	for _, n := range k.tree.leaves {
		switch {
		case n.c.SocialValue != nil:
			s.changes = append(s.changes, moderationOfLeaf(n, s.bid)...)
		case n.c.Quality != nil:
			marks := s.bid.Responses[n.c.ID].Marks
			if n.c.Quality.Moderation == criteria.ConsensusMark {
				s.changes = append(s.changes, changes(n.c.ID, n.c.Title, marks)...)
			}
			qa, ok := markers[n.index].AssessIn(arena, marks)
			if !ok { // ruled out by validation
				s.cells[n.index] = cell{state: cellUnscored}
				s.extra = append(s.extra, lineNote{n.index, "cannot be assessed: the marks cannot be resolved to one mark"})
				continue
			}
			s.cells[n.index] = cell{a: qa.Assessment, state: cellScored}
			if qa.BelowMinimum {
				s.disqualify(AtThreshold, Reason{Rule: "min-mark", Ref: n.c.ID,
					Text: fmt.Sprintf("%s: mark %s is below the minimum mark of %s", n.c.Title, qa.Mark, exact.Plain(*n.c.Quality.MinMark))})
			}
		case n.c.LivingWage != nil:
			var a criteria.Assessment
			err := fmt.Errorf("no living wage commitment recorded") // ruled out by validation
			if s.bid.LivingWage != nil {
				a, err = n.c.LivingWage.Assess(*s.bid.LivingWage, k.rates, k.commenced)
			}
			if err != nil {
				s.cells[n.index] = cell{state: cellUnscored}
				s.extra = append(s.extra, lineNote{n.index, fmt.Sprintf("cannot be assessed: %v", err)})
				continue
			}
			s.cells[n.index] = cell{a: a, state: cellScored}
		}
	}
}

// applyThresholds disqualifies bids below a criterion's minimum percentage or
// the overall minimum quality percentage. Thresholds test the points as
// shown, so a bidder can check them from its own explanation.
func (k *lotKernel) applyThresholds() {
	var mins []*node
	for _, n := range k.tree.nodes {
		if n.c.MinPercent != nil {
			mins = append(mins, n)
		}
	}
	minQuality := k.pol.Thresholds.MinQualityPercent
	if len(mins) == 0 && minQuality == nil {
		return
	}
	quality := k.qualityNodes()
	hundred := exact.Int(100)
	eachBidScratch(k, func(s *bidKernel, nums []num) {
		if s.out() && (s.dq.Stage == AtGate || s.dq.Stage == AtDisregard) {
			return
		}
		k.numbers(s, nums)
		for _, n := range mins {
			pts := nums[n.index].points
			need := n.available.MulDec(n.c.MinPercent.Shift(-2))
			if pts.Value.Cmp(need) < 0 {
				s.extra = append(s.extra, lineNote{n.index, fmt.Sprintf("below the minimum of %s%% of %s marks (%s)", exact.Plain(*n.c.MinPercent), n.available, need)})
				s.disqualify(AtThreshold, Reason{Rule: "min-percent", Ref: n.c.ID,
					Text: fmt.Sprintf("%s: %s of %s marks is below the minimum of %s%% (%s marks)", n.c.Title, pts, n.available, exact.Plain(*n.c.MinPercent), need)})
			}
		}
		if minQuality == nil {
			return
		}
		got, avail := exact.Zero, exact.Zero
		for _, n := range quality {
			got = got.Add(nums[n.index].points.Value)
			avail = avail.Add(n.available)
		}
		if avail.IsZero() {
			return
		}
		pct, _ := got.Mul(hundred).Quo(avail)
		s.qpct = &pct
		if pct.Cmp(exact.Whole(*minQuality)) < 0 {
			s.disqualify(AtThreshold, Reason{Rule: "min-quality-percent",
				Text: fmt.Sprintf("quality score %s of %s available (%s ÷ %s × 100 = %s%%) is below the minimum of %s%%",
					got, avail, got, avail, pct, exact.Plain(*minQuality))})
		}
	})
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
	eachBid(k.bids, func(s *bidKernel) {
		if s.out() {
			return
		}
		for i, n := range k.prices {
			q, _ := n.c.Price.Quote(s.bid.Responses[n.c.ID].Price) // validated
			s.quotes[i] = q
			if n.c.Price.OverBudget == criteria.DisqualifyOverBudget && n.c.Price.IsOverBudget(q.Price) {
				s.disqualify(AtBudget, Reason{Rule: "over-budget", Ref: n.c.ID,
					Text: fmt.Sprintf("%s: %s is above the published maximum budget of %s", n.c.Title, exact.Money(q.Price), exact.Money(n.c.Price.MaxBudget))})
				s.cells[n.index] = cell{state: cellOverBudget, quote: int32(i)}
			}
		}
	})
}

// scorePrices assesses each price criterion over the field of bids still in.
func (k *lotKernel) scorePrices() {
	field := k.in()
	if len(field) == 0 {
		return
	}
	ids := idsOf(field)
	if len(k.prices) > 0 {
		k.note("price field: the %d bids not disqualified by then (%s)", len(field), strings.Join(ids, ", "))
	}
	for i, n := range k.prices {
		if n.c.Price.Method == criteria.PerQualityPoint {
			for _, s := range field {
				s.cells[n.index] = cell{state: cellPerPoint, quote: int32(i)}
			}
			continue
		}
		quotes := make([]criteria.Quote, len(field))
		for j, s := range field {
			quotes[j] = s.quotes[i]
		}
		as, err := n.c.Price.Assess(quotes)
		if err != nil { // ruled out by validation; keep the bids unscored rather than panic
			k.note("%s could not be assessed: %v", n.c.Title, err)
			continue
		}
		k.fields[n.index] = ids
		for j, s := range field {
			s.cells[n.index] = cell{a: as[j], state: cellScored, quote: int32(i)}
		}
	}
}

// totals sums each remaining bid's top level into its total, or divides its
// price by its quality points.
func (k *lotKernel) totals() {
	ppqp := k.pol.basis() == PricePerQualityPoint
	totalR := k.stage[stageIndex(Total)]
	for _, tb := range k.pol.TieBreaks {
		if n := k.tree.byID[tb.Criterion]; tb.Kind == HigherPoints && n != nil && !slices.Contains(k.tieNodes, n) {
			k.tieNodes = append(k.tieNodes, n)
		}
	}
	if len(k.tieNodes) > 0 {
		k.tiePts = make([]Figure, len(k.bids)*len(k.tieNodes))
	}
	eachBidScratch(k, func(s *bidKernel, nums []num) {
		if s.out() {
			return
		}
		s.reached = reachedTotal
		k.numbers(s, nums)
		for i, n := range k.tieNodes {
			k.tiePts[s.idx*len(k.tieNodes)+i] = nums[n.index].points
		}
		sum := exact.Zero
		places := int32(0)
		var price *node
		for _, n := range k.tree.roots {
			if ppqp && n.c.Price != nil {
				price = n
				continue
			}
			p := nums[n.index].points
			sum = sum.Add(p.Value)
			places = sumPlace(places, p)
		}
		t := TotalLine{Scored: true, Unrounded: sum, Points: Figure{Value: sum, Places: places}, k: k, s: s}
		if price != nil {
			ratio, err := criteria.PricePerQualityPoint(s.quotes[price.price].Price, t.Points.Value)
			if err != nil {
				s.disqualify(AtRatio, Reason{Rule: "no-quality-points", Text: "no quality points, so no price per quality point can be formed"})
				return
			}
			t.Unrounded = ratio
			t.Points = exactFigure(ratio)
		}
		if totalR != nil {
			t.Points = Figure{Value: t.Unrounded.Rounded(*totalR), Places: totalR.Places}
			t.Rounding = totalR
		}
		s.total = t
	})
}

func idsOf(field []*bidKernel) []string {
	ids := make([]string, len(field))
	for i, s := range field {
		ids[i] = s.bid.ID
	}
	return ids
}
