package score

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/envelope"
)

// Trials is one lot of a prepared tender, evaluated once and kept so that a
// change can be re-scored by computing only what it moves: a bid's price
// or marks ([Trials.WithPrice], [Trials.WithMarks]) re-score that bid, and
// the other bids' points on a price criterion only when the change moves a
// figure they are scored against (the field's lowest or highest price, a
// best social value offer), and then only those that could lead (a bid
// outscored on every criterion by another the change leaves as it was
// never does: trial_lead.go); a shift of weight between two top-level
// criteria ([Trials.WithWeightShift]) re-scores only the bids that could
// lead. A trial finds what evaluating the changed tender finds — the same
// outcome, winner and totals, ties broken by the same chain, bids taken
// across a threshold — and a change it cannot follow that cheaply (one
// that takes the bid into or out of a social value comparison, a best
// offer moved beside a minimum set on the social value criterion, a
// threshold under a shift of weight) is re-scored by evaluating the
// changed lot whole. This is what the analyses (package score/analysis)
// confirm their answers with.
//
// A Trials may be shared between goroutines: what it keeps between trials
// (the field's lines, the fields trials moved, storage given back with
// [Trial.Release]) is guarded, and never changes an answer. A [Trial] may
// be read from any goroutine, and from several at once (what reading it
// works out is guarded too); release it only once none is reading it.
type Trials struct {
	p     *Prepared
	lp    *lotPrep
	k     *lotKernel // the lot as evaluated, ranked
	res   LotResult
	index map[string]int // bid id → position in lp.bids
	th    thresholdRules
	hasTh bool
	// spreads holds, by price leaf, the field's lowest and highest prices
	// within budget as evaluated.
	spreads []spreadStat
	// hulls holds the lines of each shift of weight asked about, built once
	// for each pair of criteria (trial_weights.go); families those of each
	// price criterion's field as its lowest price falls (trial_field.go).
	mu       sync.Mutex
	hulls    map[[2]int]*lineSet
	families []atomic.Pointer[priceFamily] // by price leaf; read without the lock once drawn
	// offerFamilies holds those of each social value leaf's field as its
	// best offer moves (trial_svlines.go).
	offerFamilies map[int]*offerFamily
	// rays holds the lines of the latest changed bids' trials that move a
	// lowest price and a best offer at once (trial_ray.go).
	rays []*rayFamily
	// rayBases holds the rays' constants for each pair of families they
	// were drawn from (trial_ray.go): a few.
	rayBases []rayBases
	// sieves holds, for each pair of criteria a shift of weight was asked
	// between, the bids it could take across the thresholds
	// (trial_weights_sieve.go).
	sieves map[[2]int]*thresholdSieve
	// fields holds the fields moved by trials and shared, by fieldKey; met
	// the hashes of those met once, by seed (trial_shared.go).
	fields map[fieldKey]*fieldAt
	met    map[uint64]struct{}
	seed   maphash.Seed
	// holdings are the rivals LowestHolding last weighed, the latest few:
	// one for each of the goroutines that may be asking at once.
	holdings [holdingsKept]*holding
	nextHeld int
	// svStats is, by social value leaf, its field's best offers as
	// evaluated and who holds them, read once (trial_offer.go).
	svStats []atomic.Pointer[svStat] // by node index; read without the lock once read
	// stakes is, by social value leaf, the bids whose standing at the
	// thresholds its points can move, read once (trial_threshold.go).
	stakes map[int]thStake
	// contenders are the bids that may lead a trial that moves a field
	// figure, drawn once (trial_lead.go).
	contenders *contenders
	// byPrice is, by price leaf, its field as evaluated in order of price,
	// read once (trial_leavers.go).
	byPrice [][]int32
	// shiftLines holds, for each pair of top-level criteria a shift of
	// weight was asked between, every ranked bid's total before rounding as
	// a line in the marks moved, by position (trial_weights.go): drawn once.
	shiftLines map[[2]int][]envelope.Line
	linesMu    sync.Mutex // guards shiftLines: drawn under mu too, for a hull
	// ratios holds the ratio scans of the pairs a shift of weight was
	// asked of under price per quality point (trial_weights_ratio.go).
	ratios ratioScans
	// reach is the declared rounding's reach (slack) and reach2 less twice
	// it, per the marks one percentage point of the whole moves
	// (shiftMove), and hundreds its hundredths in each mark: read once, for
	// windows.
	reach, reach2, per, hundreds exact.Fraction
	// svReadsPrice is set when a social value criterion reads the bid's
	// price, so that a change of price may move its comparison.
	svReadsPrice bool
	scratch      sync.Pool // of *[]num, one line per node: the working of one re-scoring
	blocks       sync.Pool // of *trialBlock, given back by Trial.Release
	solved       sync.Pool // of *solveScratch, the working of TotalWith
	// table holds every bid's numbers as evaluated (by bid, then node),
	// tabulated once when first asked for.
	once  sync.Once
	table []tabled
}

// nums returns scratch lines for one re-scoring; give them back with done.
func (t *Trials) nums() *[]num {
	if p, ok := t.scratch.Get().(*[]num); ok {
		return p
	}
	n := make([]num, len(t.k.tree.nodes))
	return &n
}

func (t *Trials) done(p *[]num) { t.scratch.Put(p) }

// Trials returns one lot of the prepared tender evaluated, ready for
// trials; false when the tender has no such lot.
func (p *Prepared) Trials(lotID string) (*Trials, bool) {
	lp, ok := p.byLot[lotID]
	if !ok {
		return nil, false
	}
	k := lp.kernel()
	t := &Trials{p: p, lp: lp, k: k, res: k.result(), index: make(map[string]int, len(lp.bids)),
		families: make([]atomic.Pointer[priceFamily], len(k.prices)), svStats: make([]atomic.Pointer[svStat], len(k.tree.nodes))}
	for i := range lp.bids {
		t.index[lp.bids[i].ID] = i
	}
	t.th, t.hasTh = k.thresholdRules()
	for _, l := range lp.tree.leaves {
		if l.c.SocialValue != nil && l.c.SocialValue.NeedsBidPrice() {
			t.svReadsPrice = true
		}
	}
	t.spreads = make([]spreadStat, len(lp.prices))
	for j, n := range lp.prices {
		t.spreads[j] = spreadOfField(k, n, j)
	}
	t.per = exact.Whole(shiftMove(lp.lot.Policy, decimal.NewFromInt(1)))
	t.hundreds, _ = exact.Int(100).Quo(t.per) // a point moves marks: never zero
	t.reach = t.slack()
	t.reach2 = t.reach.Mul(exact.Int(-2))
	return t, true
}

// Result returns the lot as evaluated, unchanged: what every trial is a
// change of.
func (t *Trials) Result() LotResult { return t.res }

// spreadStat is what the price methods read of one price criterion's field
// as evaluated: how many prices within budget it holds, its lowest and
// highest, how many bids offer each, and the next distinct price inside
// each, so that the field without any one bid is known at once.
type spreadStat struct {
	n              int
	lo, hi         exact.Fraction
	nLo, nHi       int
	lo2, hi2       exact.Fraction // next above lo, next below hi; set when n exceeds nLo (nHi)
	hasLo2, hasHi2 bool
}

// spreadOfField reads the prices within budget of the bids scored on one
// price leaf.
func spreadOfField(k *lotKernel, n *node, j int) spreadStat {
	return spreadWhere(k, n, j, func(i int) bool { return k.bids[i].fcells[n.field].state == cellScored })
}

// spreadWhere reads the prices within budget on price leaf n (the j-th) of
// the bids at the positions in says are in its field.
func spreadWhere(k *lotKernel, n *node, j int, in func(i int) bool) spreadStat {
	var st spreadStat
	for i := range k.bids {
		if q := k.bids[i].prep.quotes[j]; in(i) && !n.c.Price.IsOverBudget(q.Price) {
			st.add(q.Exact())
		}
	}
	return st
}

// add counts one more price in the field.
func (st *spreadStat) add(p exact.Fraction) {
	if st.n == 0 {
		*st = spreadStat{n: 1, lo: p, hi: p, nLo: 1, nHi: 1}
		return
	}
	st.n++
	switch c := p.Cmp(st.lo); {
	case c < 0:
		st.lo2, st.hasLo2, st.lo, st.nLo = st.lo, true, p, 1
	case c == 0:
		st.nLo++
	case !st.hasLo2 || p.Cmp(st.lo2) < 0:
		st.lo2, st.hasLo2 = p, true
	}
	switch c := p.Cmp(st.hi); {
	case c > 0:
		st.hi2, st.hasHi2, st.hi, st.nHi = st.hi, true, p, 1
	case c == 0:
		st.nHi++
	case !st.hasHi2 || p.Cmp(st.hi2) > 0:
		st.hi2, st.hasHi2 = p, true
	}
}

// scoreIn is a quote's normalised score on price rule r against this
// field of prices: by the method within budget, 0 above the budget or in
// a field of none.
func (st spreadStat) scoreIn(r *criteria.PriceRule, q criteria.Quote) exact.Fraction {
	if r.IsOverBudget(q.Price) || st.n == 0 {
		return exact.Zero
	}
	return r.ScoreIn(q.Exact(), st.lo, st.hi)
}

// without returns the field's lowest and highest prices, and how many it
// holds, once one price p it holds is taken out.
func (st spreadStat) without(p exact.Fraction) (lo, hi exact.Fraction, n int) {
	lo, hi, n = st.lo, st.hi, st.n-1
	if n == 0 {
		return lo, hi, 0
	}
	if p.Equal(st.lo) && st.nLo == 1 {
		lo = st.lo2
	}
	if p.Equal(st.hi) && st.nHi == 1 {
		hi = st.hi2
	}
	return lo, hi, n
}

// Trial is one re-scoring of a changed lot: how it ends and, on asking, any
// bid's total as shown and whether one bid ranks above another.
type Trial struct {
	// Outcome and Winner are the changed lot's, as [LotResult] has them.
	Outcome Outcome
	Winner  string
	st      *trialState
	// bl is the storage of st when the trial has one of its own, and gen
	// its generation then: once released (Release) the trial reads as empty.
	bl  *trialBlock
	gen uint64
}

// Release gives the trial's storage back to the [Trials] it came from, for
// a later trial to use again: an analysis that reads each trial at once
// and re-scores hundreds allocates a few instead. Call it once done
// reading the trial. After it, every copy of the trial reads as empty —
// Total finds no bid, Outranks is false — never a later trial's figures;
// Outcome and Winner keep their values. A trial never released is
// collected like any other value.
func (r Trial) Release() {
	if r.bl == nil || r.bl.gen != r.gen {
		return // none of its own, or released already
	}
	t, gen := r.st.t, r.bl.gen+1
	others, other, near, cells := r.bl.others, r.bl.other, r.bl.near[:0], r.bl.markCells[:0]
	others.reset()
	clear(other)
	*r.bl = trialBlock{gen: gen, others: others, other: other, near: near, markCells: cells}
	t.blocks.Put(r.bl)
}

// state is what the trial computed; nil once it is released.
func (r Trial) state() *trialState {
	if r.st == nil || (r.bl != nil && r.bl.gen != r.gen) {
		return nil
	}
	return r.st
}

// trialState is what a trial computed, kept for the questions asked of it.
type trialState struct {
	t    *Trials
	self *bidKernel // the changed bid; nil for a shift of weight
	// moved holds, by price leaf, the field's lowest and highest prices in
	// the trial when they move another bid's score; nil when none does.
	moved []*[2]exact.Fraction
	// svMoved holds the best social value offers the changed bid's price
	// moved (trial_offer.go); nil when it moved none.
	svMoved []svMove
	// flips holds the bids whose standing at the thresholds those moves
	// changed: true for a bid now below one, false for one now above them
	// all; fieldTo then holds, by price leaf, the trial's lowest and
	// highest prices within budget (trial_threshold.go).
	flips   map[int]bool
	fieldTo [][2]exact.Fraction
	// leave, instead of flips when every moved best offer rose, tests the
	// bids the trial takes below the minimum as they are met
	// (trial_leavers.go).
	leave *leavers
	other map[int]*bidKernel // other bids re-scored against the moved figures
	// shared is the moved field as an earlier trial re-scored it, read
	// before other; nil when none was shared (trial_shared.go).
	shared *fieldAt
	w      *weightState // a shift of weight
	lead   []*bidKernel // storage for the leaders a trial finds
	// tops are the top-level criteria whose leaves the moved figures
	// reach, found when another bid is first re-scored (movedTops).
	tops    []*node
	topsSet bool
	block   *trialBlock    // the trial's storage; nil for a shift of weight
	full    *LotResult     // a change re-scored by evaluating the lot whole
	byID    map[string]int // bid id → position in full.Bids
	// mu guards what reading the trial works out and keeps (other, the
	// leavers tested, a shift's bids), so that goroutines may read it at once.
	mu sync.Mutex
}

// Total returns a bid's total in the trial as shown; false when the bid
// has none (it is disqualified, or the lot has no such bid).
func (r Trial) Total(bidID string) (Figure, bool) {
	st := r.state()
	if st == nil {
		return Figure{}, false
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	s, ok := st.bid(bidID)
	if !ok || !s.total.Scored {
		return Figure{}, false
	}
	return s.total.Points, true
}

// Outranks reports whether bid a ranks above bid b in the trial: a is
// ranked, and b is not or comes after it (a bid tied with a does not).
func (r Trial) Outranks(a, b string) bool {
	st := r.state()
	if st == nil {
		return false
	}
	if st.full != nil {
		ra, okA := rankIn(*st.full, a)
		rb, okB := rankIn(*st.full, b)
		return okA && (!okB || ra < rb)
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.outranks(a, b)
}

// outranks is Trial.Outranks on a trial not evaluated whole, its lock held.
func (st *trialState) outranks(a, b string) bool {
	sa, okA := st.bid(a)
	if !okA || !sa.total.Scored {
		return false
	}
	sb, okB := st.bid(b)
	if !okB || !sb.total.Scored {
		return true
	}
	switch c := st.t.k.better(sa.total.Points.Value, sb.total.Points.Value); {
	case c != 0:
		return c < 0
	}
	if first, ok := st.t.k.chainPair(sa, sb); ok {
		return first // the others level with them cannot change their order
	}
	groups := st.t.k.applyChain(st.level(sa.total.Points.Value), nil)
	for _, g := range groups {
		if slices.Contains(g, sa) {
			return !slices.Contains(g, sb)
		}
		if slices.Contains(g, sb) {
			return false
		}
	}
	return false
}

func rankIn(l LotResult, id string) (int, bool) {
	for _, s := range l.Standings {
		if s.BidID == id {
			return s.Rank, true
		}
	}
	return 0, false
}

// better compares two totals as the basis ranks them: below zero when a
// ranks before b (higher points, or a lower price per quality point or
// adjusted price).
func (k *lotKernel) better(a, b exact.Fraction) int {
	c := a.Cmp(b)
	if k.pol.unweightedPrice() { // a price per point, or an adjusted price
		return c
	}
	return -c
}

// bid returns a bid as the trial has it.
func (st *trialState) bid(id string) (*bidKernel, bool) {
	if st.full != nil {
		i, ok := st.byID[id]
		if !ok {
			return nil, false
		}
		return st.full.Bids[i].s, true
	}
	i, ok := st.t.index[id]
	if !ok {
		return nil, false
	}
	return st.at(i), true
}

// at returns the bid at a position as the trial has it.
func (st *trialState) at(i int) *bidKernel {
	switch {
	case st.self != nil && st.self.idx == i:
		return st.self
	case st.w != nil:
		return st.w.bid(st.t, i)
	case st.moved != nil || st.svMoved != nil:
		return st.rescored(i)
	}
	return &st.t.k.bids[i]
}

// level returns every ranked bid whose total is v, in bid order: the group
// the tie-break chain is applied to.
func (st *trialState) level(v exact.Fraction) []*bidKernel {
	if st.w != nil {
		return st.w.level(st, v)
	}
	var out []*bidKernel
	for i := range st.t.k.bids {
		if s := st.at(i); !s.out() && s.total.Scored && s.total.Points.Value.Equal(v) {
			out = append(out, s)
		}
	}
	return out
}

// WithPrice re-scores the lot with one bid's price on one price criterion
// changed to price: for a criterion priced as a schedule, price is the
// total the schedule would come to. The price must be one a bid could
// offer (more than zero); a bad one is a [*ValidationError] naming the
// bid's response.
func (t *Trials) WithPrice(bidID, criterion string, price decimal.Decimal) (Trial, error) {
	i, ok := t.index[bidID]
	if !ok {
		return Trial{}, oneProblem("bid", bidID, "known-bid", "lot %s has no bid with this id", t.lp.lot.ID)
	}
	n, ok := t.lp.tree.byID[criterion]
	if !ok || n.c.Price == nil || !n.leaf() {
		return Trial{}, oneProblem(t.path(i)+".responses", criterion, "price-criterion", "the lot's policy has no price criterion with this id")
	}
	bl, ps := t.pricedBlock(i, n, price)
	if len(ps) > 0 {
		v := &validation{} // no struct tags to check: one response
		v.addAll(fmt.Sprintf("%s.responses[%s].price", t.path(i), criterion), ps)
		return Trial{}, v.err()
	}
	return t.trial(i, &t.lp.bids[i], bl, !t.svReadsPrice), nil
}

// pricedBlock returns the storage for a trial of the bid at position i
// with its price on price leaf n changed to price (for a schedule, the
// total it would come to), the bid read into it; or the problems with the
// price.
func (t *Trials) pricedBlock(i int, n *node, price decimal.Decimal) (*trialBlock, []criteria.Problem) {
	amount := *n.c.Price
	amount.Schedule = nil // the total compared, as one amount
	q, ps := amount.Quote(criteria.Amount(price))
	if len(ps) > 0 {
		return nil, ps
	}
	bl := t.block()
	bl.prep = t.lp.per[i]
	bl.prep.quotes = append(bl.quotes[:0:len(bl.quotes)], bl.prep.quotes...)
	bl.prep.quotes[n.price] = q
	return bl, nil
}

// WithMarks re-scores the lot with one bid's marks on some of its marked
// questions replaced, by criterion id. Each must be a quality criterion of
// the lot and the marks valid for its rule; a problem is a
// [*ValidationError] naming the bid's response. Only the questions changed
// are assessed again.
func (t *Trials) WithMarks(bidID string, marks map[string]criteria.Marks) (Trial, error) {
	i, ok := t.index[bidID]
	if !ok {
		return Trial{}, oneProblem("bid", bidID, "known-bid", "lot %s has no bid with this id", t.lp.lot.ID)
	}
	v := &validation{} // no struct tags to check: the marks of some responses
	var few [4]markChange
	changed := few[:0]
	for id, m := range marks { // each looked up once; in id order below
		changed = append(changed, markChange{id: id, m: m, n: t.lp.tree.byID[id]})
	}
	slices.SortFunc(changed, func(a, b markChange) int { return strings.Compare(a.id, b.id) })
	for _, c := range changed {
		path := func() string { return fmt.Sprintf("%s.responses[%s]", t.path(i), c.id) } // only for a problem
		if c.n == nil || !c.n.leaf() || c.n.c.Quality == nil {
			v.add(path(), c.id, "quality-criterion", "the lot's policy has no marked question with this id")
			continue
		}
		if ps := c.n.c.Quality.Check(c.m); len(ps) > 0 {
			v.addAll(path()+".marks", ps)
		}
	}
	if err := v.err(); err != nil {
		return Trial{}, err
	}
	b := &t.lp.bids[i]
	bl := t.block()
	bl.prep = t.lp.per[i]
	p := &bl.prep
	if p.dq == nil || !p.dq.Disregarded { // a disregarded tender's marks are never read
		p.cells = append(bl.markCells[:0], p.cells...)
		bl.markCells = p.cells
		p.low = slices.DeleteFunc(slices.Clone(p.low), func(r Reason) bool { _, changed := marks[r.Ref]; return changed })
		for _, c := range changed {
			n := c.n
			qa, ok := t.lp.markers[n.index].Score(c.m) // no record: a trial's lines are never worded
			if !ok {                                   // ruled out by the check above
				p.cells[n.own] = cell{state: cellUnscored}
				continue
			}
			p.cells[n.own] = cell{a: qa.Assessment, state: cellScored}
			if qa.BelowMinimum {
				p.low = append(p.low, Reason{Rule: "min-mark", Ref: n.c.ID,
					Text: fmt.Sprintf("%s: mark %s is below the minimum mark of %s", n.c.Title, qa.Mark, exact.Plain(*n.c.Quality.MinMark))})
			}
		}
	}
	return t.trial(i, b, bl, true), nil
}

// markChange is one question's marks changed by a trial, with its node.
type markChange struct {
	id string
	m  criteria.Marks
	n  *node
}

// path is the field path of a bid among the prepared tender's bids, for a
// problem with a trial.
func (t *Trials) path(i int) string {
	id := t.lp.bids[i].ID
	j := slices.IndexFunc(t.p.bids, func(b Bid) bool { return b.ID == id })
	return fmt.Sprintf("bids[%d]", j)
}

// trialBlock holds what one trial works out, allocated together: the
// changed bid as read and as scored, the trial's state and, for the usual
// few leaves, the storage of their slices.
type trialBlock struct {
	gen    uint64 // how often it was released: a trial made before reads as empty
	st     trialState
	s      bidKernel
	prep   bidPrep
	quotes [1]criteria.Quote
	cells  [2]cell
	tie    [2]Figure
	lead   [4]*bidKernel
	// moved and movedTo hold, for the usual single price leaf, the figures
	// the change moves (trialState.moved).
	moved   [1]*[2]exact.Fraction
	movedTo [1][2]exact.Fraction
	// probe and probeCells hold a bid's total a trial works out and does
	// not keep (trialState.offer).
	probe      bidKernel
	probeCells [2]cell
	probeTie   [2]Figure
	// others and other hold the other bids the trial re-scores and find
	// them by position (trialState.other): kept when the trial is
	// released, emptied, for the next trial to use.
	others rescoredStore
	other  map[int]*bidKernel
	// near holds the bids a ray puts near the best, by line (rayLines).
	near []lined
	// markCells holds the cells of a bid whose marks a trial changed
	// (WithMarks): kept when the trial is released, for the next to use.
	markCells []cell
}

// block returns the storage for one trial: one a released trial gave back
// (Trial.Release), or a new one.
func (t *Trials) block() *trialBlock {
	if bl, ok := t.blocks.Get().(*trialBlock); ok {
		return bl
	}
	return &trialBlock{}
}

// trial re-scores the lot with the bid at position i read as bl.prep. same
// says that its social value responses are as evaluated; otherwise its
// price changed and a social value offer reads it (svAtPrice).
func (t *Trials) trial(i int, b *Bid, bl *trialBlock, same bool) Trial {
	whole := func() Trial { // released as any other: it then reads as empty
		r := t.whole(i, b, &bl.prep)
		r.bl, r.gen = bl, bl.gen
		return r
	}
	s, svMoved, ok := t.changed(i, b, bl, same)
	if !ok {
		return whole()
	}
	var flips map[int]bool
	var leave *leavers
	if len(svMoved) > 0 && t.k.pol.basis() == PricePerQualityPoint && !offersRose(svMoved) {
		// A bid with no quality points is out: a best offer that fell can
		// give a bid out as evaluated points. One that rose can only take a
		// bid's points, and its last ones put it out as it is re-scored;
		// the others' ratios then only rise (their quality points, rounded
		// by non-decreasing functions, only fall), and the walk of bids
		// that can only fall follows them (outcome), across the thresholds
		// as under any basis.
		r := t.wholeWithOffers(i, b, &bl.prep, s, svMoved) // released as any other
		r.bl, r.gen = bl, bl.gen
		return r
	}
	if t.hasTh && len(svMoved) > 0 {
		leave, ok = t.risenLeavers(svMoved, i) // risen offers: leavers tested as met
		if !ok {
			flips, ok = t.thresholdFlips(svMoved, i)
		}
		if !ok {
			r := t.wholeWithOffers(i, b, &bl.prep, s, svMoved) // released as any other
			r.bl, r.gen = bl, bl.gen
			return r
		}
	}
	st := &bl.st
	*st = trialState{t: t, self: s, lead: bl.lead[:0:len(bl.lead)], block: bl, svMoved: svMoved, flips: flips, leave: leave}
	t.scoreChanged(st)
	r := st.outcome()
	r.bl, r.gen = bl, bl.gen
	return r
}

// changed reads the bid at position i as bl.prep into bl.s — its social
// value offers at its price when same is false — and returns the best
// offers its price moves for the others; false when the trial must
// evaluate the lot whole (the bids a social value comparison is made over
// change, or an offer cannot be read at the price).
func (t *Trials) changed(i int, b *Bid, bl *trialBlock, same bool) (*bidKernel, []svMove, bool) {
	k := t.k
	base := &k.bids[i]
	p := &bl.prep
	inSV := func(dq *Disqualification) bool { return dq == nil }
	if len(k.fieldLfs) > len(k.prices) && inSV(p.dq) != inSV(t.lp.per[i].dq) {
		return nil, nil, false
	}
	s := &bl.s
	*s = bidKernel{idx: i, bid: b, prep: p, fcells: bl.cells[:0:len(bl.cells)]}
	s.fcells = append(s.fcells, make([]cell, len(k.fieldLfs))...)
	if len(k.tieNodes) > 0 {
		s.tie = append(bl.tie[:0:len(bl.tie)], make([]Figure, len(k.tieNodes))...)
	}
	if p.dq != nil {
		dq := *p.dq
		dq.Reasons = slices.Clone(p.dq.Reasons)
		s.dq = &dq
	}
	for _, n := range k.fieldLfs {
		if n.c.SocialValue != nil {
			s.fcells[n.field] = base.fcells[n.field]
		}
	}
	if same {
		return s, nil, true
	}
	svMoved, ok := t.svAtPrice(s)
	return s, svMoved, ok
}

// scoreChanged scores the changed bid of a trial: its minimum marks and
// thresholds, its prices against the field as the change leaves it, and
// its total.
func (t *Trials) scoreChanged(st *trialState) {
	k, s := t.k, st.self
	scratch := t.nums()
	defer t.done(scratch)
	nums := *scratch
	if !s.out() {
		s.reached = reachedQuality
		for _, r := range s.prep.low {
			s.disqualify(AtThreshold, r)
		}
	}
	if t.hasTh {
		k.threshold(s, nums, t.th, false)
	}
	k.budget(s)
	st.price(s)
	if !s.out() {
		s.reached = reachedTotal
		k.totalNums(s, nums) // the fixed points as read, unless the trial changed the bid's marks
		k.total(s, nums)
	}
}

// price scores the changed bid's price criteria against the field as the
// change leaves it, and notes each criterion whose lowest or highest price
// moves the others' scores.
func (st *trialState) price(s *bidKernel) {
	t, k := st.t, st.t.k
	base := &k.bids[s.idx]
	for j, n := range k.prices {
		rule := n.c.Price
		if rule.Method == criteria.PerQualityPoint || rule.Method == criteria.AdjustedByFeatures {
			if !s.out() {
				s.fcells[n.field] = cell{state: cellPerPoint, quote: int32(j)}
			}
			continue
		}
		sp, ev := st.spreadOf(j), t.spreads[j] // in the trial, and as evaluated
		lo, hi, others := sp.lo, sp.hi, sp.n
		if c := base.fcells[n.field]; c.state == cellScored && !rule.IsOverBudget(base.prep.quotes[j].Price) {
			lo, hi, others = sp.without(base.prep.quotes[j].Exact())
		}
		nlo, nhi := lo, hi
		q := s.prep.quotes[j]
		mine := !s.out() && !rule.IsOverBudget(q.Price)
		if mine {
			p := q.Exact()
			if others == 0 {
				nlo, nhi = p, p
			} else {
				nlo, nhi = lo.Min(p), hi.Max(p)
			}
		}
		if !s.out() {
			v := exact.Zero
			if mine {
				v = rule.ScoreIn(q.Exact(), nlo, nhi)
			}
			s.fcells[n.field] = cell{a: criteria.Assessment{Value: v}, state: cellScored, quote: int32(j)}
		}
		if st.flips != nil {
			st.fieldAt(j, nlo, nhi)
		}
		if others == 0 || sp.n == 0 { // no other price within budget is scored on the field
			continue
		}
		moves := !nlo.Equal(ev.lo) // the others were scored against the field as evaluated
		if rule.Method == criteria.Linear {
			moves = moves || !nhi.Equal(ev.hi)
		}
		if rule.Method == criteria.Band || !moves {
			continue
		}
		bl := st.block
		if st.moved == nil {
			if bl != nil && len(k.prices) <= len(bl.moved) {
				st.moved = bl.moved[:len(k.prices)]
			} else {
				st.moved = make([]*[2]exact.Fraction, len(k.prices))
			}
		}
		if bl != nil && j < len(bl.movedTo) {
			bl.movedTo[j] = [2]exact.Fraction{nlo, nhi}
			st.moved[j] = &bl.movedTo[j]
		} else {
			st.moved[j] = &[2]exact.Fraction{nlo, nhi}
		}
	}
}

// falls reports whether every moved figure can only lower the other bids'
// scores: a lower lowest price (and, under linear, a highest no higher).
// Their totals then fall or stay, which lets the leaders be found without
// re-scoring every bid.
func (st *trialState) falls() bool {
	for j, m := range st.moved {
		if m == nil {
			continue
		}
		sp := st.t.spreads[j]
		if m[0].Cmp(sp.lo) > 0 || (st.t.k.prices[j].c.Price.Method == criteria.Linear && m[1].Cmp(sp.hi) > 0) {
			return false
		}
	}
	return true
}

// rescored returns another bid re-scored against the moved figures, once.
func (st *trialState) rescored(i int) *bidKernel {
	k := st.t.k
	base := &k.bids[i]
	if in, _ := st.inTrial(i); !in {
		if !base.out() {
			return st.leaving(i)
		}
		return base
	}
	if s, ok := st.kept(i); ok {
		return s
	}
	s, cells, tie := st.storage(false)
	st.rescore(s, append(cells[:0], base.fcells...), tie, i)
	st.other[i] = s
	return s
}

// storage returns the storage for one more bid the trial re-scores — from
// its block's store, kept across releases (trial_store.go), when it has
// one and own is false — with the map that finds them made ready. With own
// the storage is the bid's own, for a bid published to later trials.
func (st *trialState) storage(own bool) (*bidKernel, []cell, []Figure) {
	k := st.t.k
	nc, nt := len(k.fieldLfs), len(k.tieNodes)
	st.otherMap()
	if bl := st.block; bl != nil && !own {
		if s, cells, tie := bl.others.next(nc, nt); s != nil {
			return s, cells, tie
		}
	}
	var tie []Figure
	if nt > 0 {
		tie = make([]Figure, nt)
	}
	return new(bidKernel), make([]cell, nc), tie
}

// otherMap readies the map of the other bids the trial keeps: its block's,
// emptied when the block was released, when it has one.
func (st *trialState) otherMap() {
	switch bl := st.block; {
	case st.other != nil:
	case bl != nil:
		if bl.other == nil {
			bl.other = map[int]*bidKernel{}
		}
		st.other = bl.other
	default:
		st.other = map[int]*bidKernel{}
	}
}

// rescoredOwn is rescored for a bid published to later trials (fieldAt),
// which outlive the trial: re-scored into storage of its own, or copied out
// of the trial's when the trial re-scored it already.
func (st *trialState) rescoredOwn(i int) *bidKernel {
	if in, _ := st.inTrial(i); !in {
		return st.rescored(i) // the bid as evaluated, or leaving: never in the trial's store
	}
	if s, ok := st.kept(i); ok {
		return detached(s)
	}
	s, cells, tie := st.storage(true)
	st.rescore(s, append(cells[:0], st.t.k.bids[i].fcells...), tie, i)
	st.other[i] = s
	return s
}

// kept returns another bid as the trial re-scored it already, if it did.
func (st *trialState) kept(i int) (*bidKernel, bool) {
	if st.shared != nil {
		if s, ok := st.shared.bids[i]; ok {
			return s, true
		}
	}
	s, ok := st.other[i]
	return s, ok
}

// rescore re-scores the bid at position i against the moved figures into
// s, its field cells in cells (a copy of its own, changed in place) and its
// points on the tie-break chain in tie.
func (st *trialState) rescore(s *bidKernel, cells []cell, tie []Figure, i int) {
	k := st.t.k
	*s = k.bids[i]
	s.fcells = cells
	if _, joins := st.inTrial(i); joins {
		st.joining(s)
	}
	for j, m := range st.moved {
		n := k.prices[j]
		if m == nil || s.fcells[n.field].state != cellScored {
			continue
		}
		v := exact.Zero
		if q := s.prep.quotes[j]; !n.c.Price.IsOverBudget(q.Price) {
			v = n.c.Price.ScoreIn(q.Exact(), m[0], m[1])
		}
		s.fcells[n.field].a = criteria.Assessment{Value: v}
	}
	againstMoved(s.fcells, st.svMoved)
	s.tie = tie
	scratch := st.t.nums()
	if _, joins := st.inTrial(i); joins || s.out() {
		k.numbers(s, *scratch)
	} else {
		k.numbersUnder(s, *scratch, nil, st.t.evaluated(i), st.movedTops()...)
	}
	k.total(s, *scratch)
	st.t.done(scratch)
}

// movedTops returns the top-level criteria holding a leaf the trial's
// moved figures reach: a price leaf whose field's lowest or highest
// moved, a social value leaf whose best moved. Another bid's lines under
// the other top-level criteria are as evaluated.
func (st *trialState) movedTops() []*node {
	if st.topsSet {
		return st.tops
	}
	k := st.t.k
	add := func(n *node) {
		if !slices.Contains(st.tops, n.top) {
			st.tops = append(st.tops, n.top)
		}
	}
	for j, m := range st.moved {
		if m != nil {
			add(k.prices[j])
		}
	}
	for _, m := range st.svMoved {
		add(m.n)
	}
	st.topsSet = true
	return st.tops
}

// offer offers another bid to the leaders: its total is worked out in the
// trial's own storage first, and the bid re-scored and kept (rescored)
// only when that total reaches the best met so far — most bids a trial
// looks at never do.
func (st *trialState) offer(l *leaders, i int) {
	k := st.t.k
	if in, _ := st.inTrial(i); !in {
		return
	}
	if s, ok := st.kept(i); ok {
		l.consider(s)
		return
	}
	if len(l.lead) > 0 {
		p, tie := st.probe()
		st.rescore(p, append(p.fcells[:0], k.bids[i].fcells...), tie, i)
		if !p.total.Scored || k.better(p.total.Points.Value, l.lead[0].total.Points.Value) > 0 {
			return
		}
		s, cells, tie := st.storage(false) // kept: the probe copied, not worked out again
		s = copyInto(s, cells, tie, p)
		st.other[i] = s
		l.consider(s)
		return
	}
	l.consider(st.rescored(i))
}

// probe is the trial's storage for a bid's total worked out and not
// kept, and for its points on the tie-break chain.
func (st *trialState) probe() (*bidKernel, []Figure) {
	bl := st.ownBlock()
	if bl.probe.fcells == nil {
		bl.probe.fcells = bl.probeCells[:0:len(bl.probeCells)]
	}
	n := len(st.t.k.tieNodes)
	if n > len(bl.probeTie) {
		return &bl.probe, make([]Figure, n)
	}
	return &bl.probe, bl.probeTie[:n:n]
}

// ownBlock is the trial's block, made for a trial that has none (a shift
// of weight's).
func (st *trialState) ownBlock() *trialBlock {
	if st.block == nil {
		st.block = &trialBlock{}
	}
	return st.block
}

// leaders gathers the bids with the best total met so far.
type leaders struct {
	k    *lotKernel
	lead []*bidKernel
}

// consider offers one bid: kept when it ties the best, alone when it beats it.
func (l *leaders) consider(s *bidKernel) {
	if s.out() || !s.total.Scored {
		return
	}
	if len(l.lead) == 0 {
		l.lead = append(l.lead[:0], s) // in the trial's own storage
		return
	}
	switch c := l.k.better(s.total.Points.Value, l.lead[0].total.Points.Value); {
	case c < 0:
		l.lead = append(l.lead[:0], s)
	case c == 0:
		l.lead = append(l.lead, s)
	}
}

// outcome finds who leads the trial: the best of the other bids (as
// evaluated, or re-scored where a figure moved) and the changed bid, with
// the declared chain applied to a tie.
func (st *trialState) outcome() Trial {
	k := st.t.k
	l := &leaders{k: k, lead: st.lead}
	self := st.self
	switch {
	case st.moved == nil && st.svMoved == nil: // the others stand as evaluated, best first
		for _, b := range k.ranked {
			if b.idx == self.idx {
				continue
			}
			if len(l.lead) > 0 && !b.total.Points.Value.Equal(l.lead[0].total.Points.Value) {
				break
			}
			l.consider(b)
		}
	case st.svMoved == nil && st.nearLines(l):
		if tr, ok := st.sharedOutcome(l); ok {
			return tr
		}
	case st.offerLines(l): // one best offer moved, and nothing else: offered from the lines
	case st.rayLines(l): // the lowest price and a best offer moved by the bid's price: offered from its ray
	case st.falls() && st.svFalls(): // the others can only fall: stop at the first whose total as evaluated is below the best found
		w := st.walk()
		for pos, ok := w.next(); ok; pos, ok = w.next() {
			b := k.ranked[pos]
			if b.idx == self.idx {
				continue
			}
			if len(l.lead) > 0 && k.better(b.total.Points.Value, l.lead[0].total.Points.Value) > 0 {
				break
			}
			st.offer(l, b.idx)
		}
		st.joiners(l)
		st.tiesBelowSelf(l)
	default: // the others may rise: every one that can lead
		w := st.walk()
		for pos, ok := w.next(); ok; pos, ok = w.next() {
			if b := k.ranked[pos]; b.idx != self.idx {
				st.offer(l, b.idx)
			}
		}
		st.joiners(l)
		st.tiesBelowSelf(l)
	}
	l.consider(self)
	return st.decide(l.lead)
}

// nearLines offers the leaders the other bids that could lead when a
// single price criterion's lowest price fell and nothing else moved: those
// its lines put within the rounding's reach of the best. A field moved the
// same way by an earlier trial is read as that trial left it (trial_shared.go).
// false when the lines cannot follow the trial.
func (st *trialState) nearLines(l *leaders) bool {
	j := st.onlyMovedPrice()
	if j < 0 || !st.falls() || st.t.k.pol.unweightedPrice() { // the lines are totals of weighted points
		return false
	}
	key := fieldKey{j, st.moved[j][0], st.moved[j][1]}
	sh, seen := st.t.sharedField(key)
	var ids []int
	if sh != nil {
		ids = sh.ids
	} else {
		var ok bool
		if ids, ok = st.t.family(j).near(st.moved[j][0], st.moved[j][1]); !ok {
			return false
		}
	}
	if slices.Contains(ids, st.self.idx) && st.selfFell() {
		return false // its line, at its offers as evaluated, stands above its total here: it may hide the rivals near the best
	}
	switch {
	case sh != nil:
		st.shared = sh
	case seen:
		sh = st.publish(ids)
		st.t.noteField(key, sh)
	default:
		st.t.noteField(key, nil)
	}
	if sh != nil && !sh.has(st.self.idx) { // the others lead as the shared field has it
		l.lead = append(l.lead[:0], sh.lead...)
		st.shared = sh
		return true
	}
	for _, i := range ids {
		if i != st.self.idx {
			st.offer(l, i)
		}
	}
	return true
}

// selfFell reports whether the trial's price lowered one of the changed
// bid's own social value scores — an offer made as a percentage of its
// price ([Trials.OfferFallsWithPrice]) — so that its line in a price
// family, drawn with its offers as evaluated, stands above its total in
// the trial. Elsewhere a bid's own line is at or below its total: its price
// points, as the lowest price, are full, and an offer read as a share of
// its price only rises as the price falls.
func (st *trialState) selfFell() bool {
	base := &st.t.k.bids[st.self.idx]
	for _, n := range st.t.k.fieldLfs {
		c, b := st.self.fcells[n.field], base.fcells[n.field]
		if n.c.SocialValue != nil && c.state == cellScored && b.state == cellScored && c.a.Value.Cmp(b.a.Value) < 0 {
			return true
		}
	}
	return false
}

// onlyMovedPrice is the one price leaf whose lowest or highest price the
// trial moved; −1 when it moved none, or more than one.
func (st *trialState) onlyMovedPrice() int {
	j := -1
	for i, m := range st.moved {
		if m != nil {
			if j >= 0 {
				return -1
			}
			j = i
		}
	}
	return j
}

// sharedOutcome is the outcome of a trial whose other bids lead as a
// shared field has them, when the changed bid does not reach their best:
// the field's own. false when it must be decided.
func (st *trialState) sharedOutcome(l *leaders) (Trial, bool) {
	sh, self := st.shared, st.self
	if sh == nil || sh.has(self.idx) || len(l.lead) == 0 {
		return Trial{}, false
	}
	if !self.out() && self.total.Scored && st.t.k.better(self.total.Points.Value, l.lead[0].total.Points.Value) <= 0 {
		return Trial{}, false
	}
	return Trial{Outcome: sh.outcome, Winner: sh.winner, st: st}, true
}

// tiesBelowSelf offers the leaders the bids that may tie them (ties),
// unless the changed bid outscores them: every other bid is then below it,
// those that may tie the others' best among them, each covered by a bid
// the walk met and at most level with it.
func (st *trialState) tiesBelowSelf(l *leaders) {
	self := st.self
	if len(l.lead) > 0 && !self.out() && self.total.Scored && st.t.k.better(self.total.Points.Value, l.lead[0].total.Points.Value) < 0 {
		return
	}
	st.ties(l)
}

// decide turns the leading bids into the outcome: none, one, or a tie the
// chain settles or cannot.
func (st *trialState) decide(lead []*bidKernel) Trial {
	tr := Trial{st: st}
	switch {
	case len(lead) == 0:
		tr.Outcome = NoCompliantBid
		return tr
	case len(lead) > 1:
		slices.SortFunc(lead, func(a, b *bidKernel) int { return a.idx - b.idx })
		if lead = st.t.k.chainFirst(lead); len(lead) > 1 {
			tr.Outcome = UnresolvedTie
			return tr
		}
	}
	tr.Outcome, tr.Winner = Winner, lead[0].bid.ID
	return tr
}

// chainFirst applies the declared chain to bids with equal totals, in bid
// order, and returns the first group it leaves — the bids still level at
// the top — as [lotKernel.applyChain] would, without recording anything or
// ordering the rest: a trial needs only who leads. It reuses the storage of
// tied.
func (k *lotKernel) chainFirst(tied []*bidKernel) []*bidKernel {
	var small [8]exact.Fraction
	for _, tb := range k.pol.TieBreaks {
		if len(tied) <= 1 {
			break
		}
		vals := small[:0]
		if len(tied) > len(small) {
			vals = make([]exact.Fraction, 0, len(tied))
		}
		value := k.keyValue(tb) // what applyChain compares
		missing := false
		for _, s := range tied {
			v, ok := value.of(s)
			missing = missing || !ok
			vals = append(vals, v)
		}
		if missing { // the step awaits a key: the group stays as it is
			continue
		}
		best := vals[0]
		for _, v := range vals[1:] {
			if v.Cmp(best) > 0 {
				best = v
			}
		}
		n := 0
		for i, s := range tied {
			if vals[i].Equal(best) {
				tied[n] = s
				n++
			}
		}
		tied = tied[:n]
	}
	return tied
}

// whole re-scores a change by evaluating the changed lot whole, the bid at
// position i read as p.
func (t *Trials) whole(i int, b *Bid, p *bidPrep) Trial {
	q := *t.lp
	q.bids = slices.Clone(t.lp.bids)
	q.bids[i] = *b
	q.per = slices.Clone(t.lp.per)
	q.per[i] = *p
	return t.fromResult(q.kernelWith(true, nil).result())
}

// fromResult is a trial that evaluated the changed lot whole.
func (t *Trials) fromResult(res LotResult) Trial {
	st := &trialState{t: t, full: &res, byID: make(map[string]int, len(res.Bids))}
	for i, b := range res.Bids {
		st.byID[b.BidID] = i
	}
	return Trial{Outcome: res.Outcome, Winner: res.Winner, st: st}
}

// String says how the trial ended, for tests and logs.
func (r Trial) String() string {
	var b strings.Builder
	b.WriteString(string(r.Outcome))
	if r.Winner != "" {
		b.WriteString(" " + r.Winner)
	}
	return b.String()
}

// Points returns a bid's points on a criterion as evaluated, as
// [BidResult.Points] does, from the table of every bid's numbers worked out
// once at the first call: an analysis reads many of them for every bid.
func (t *Trials) Points(bidID, criterion string) (Figure, bool) {
	i, ok := t.index[bidID]
	n, ok2 := t.k.tree.byID[criterion]
	if !ok || !ok2 {
		return Figure{}, false
	}
	m := &t.evaluated(i)[n.index] // read in place
	if !m.set || !m.scored {
		return Figure{}, false
	}
	return m.points, true
}

// evaluated returns the numbers of the bid at position i as evaluated, one
// per node, from a table of every bid's worked out once when first asked
// for: the analyses and the lines drawn read them again and again. The
// caller must not change them.
func (t *Trials) evaluated(i int) []tabled {
	t.once.Do(t.tabulate)
	nn := len(t.k.tree.nodes)
	return t.table[i*nn : (i+1)*nn : (i+1)*nn]
}

// tabled is what the table keeps of one line of a bid as evaluated: its
// points as shown and before rounding, and whether it was reached and
// scored — the part of a num the trials read, less than half its size.
type tabled struct {
	points      Figure
	unrounded   exact.Fraction
	set, scored bool
}

// tabulate works out every bid's numbers, in parallel where it pays:
// each bid's row is its own.
func (t *Trials) tabulate() {
	k := t.k
	nn := len(k.tree.nodes)
	t.table = make([]tabled, len(k.bids)*nn)
	eachBidScratch(k, func(s *bidKernel, nums []num) {
		clear(nums) // as a fresh table's: a line a bid never reaches reads as unset
		k.numbers(s, nums)
		row := t.table[s.idx*nn : (s.idx+1)*nn]
		for j := range nums {
			m := &nums[j]
			row[j] = tabled{points: m.points, unrounded: m.unrounded, set: m.set, scored: m.scored}
		}
	})
}

// Available returns a criterion's marks available — the most points it
// gives, the same for every bid — read from the lot's tree without wording
// a line; false when the lot has no such criterion.
func (t *Trials) Available(criterion string) (exact.Fraction, bool) {
	n, ok := t.k.tree.byID[criterion]
	if !ok {
		return exact.Fraction{}, false
	}
	return n.available, true
}

// Bid returns a bid of the lot as prepared, found by id without copying
// the field ([Prepared.Bids] copies every bid); false when the lot has no
// such bid. Its maps are the prepared bid's: read them, never change them.
func (t *Trials) Bid(bidID string) (Bid, bool) {
	i, ok := t.index[bidID]
	if !ok {
		return Bid{}, false
	}
	return t.lp.bids[i], true
}

// Quoted returns the price a bid's response came to on a price criterion
// as the lot was prepared (a schedule's total, or its whole-life cost);
// false when the lot has no such bid or price criterion.
func (t *Trials) Quoted(bidID, criterion string) (decimal.Decimal, bool) {
	i, ok := t.index[bidID]
	n, ok2 := t.k.tree.byID[criterion]
	if !ok || !ok2 || n.c.Price == nil || !n.leaf() {
		return decimal.Decimal{}, false
	}
	return t.lp.per[i].quotes[n.price].Price, true
}
