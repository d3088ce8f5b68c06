package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// field is one lot, its bids and its evaluation as received: what every
// analysis starts from and re-scores changes of.
type field struct {
	p     *score.Prepared // the lot and its bids, validated once
	tr    *score.Trials   // the lot evaluated once, re-scoring one change at a time
	t     score.Tender    // a copy holding only the lot analysed
	lotID string
	base  score.LotResult
	avail map[string]exact.Fraction // marks available, by criterion, once read
	// levels holds each marked question's points at each level of its
	// scale, ascending, once worked out.
	levels map[string][]exact.Fraction
	leafs  []leaf // the lot's leaf criteria, once read
	// priceLfs are its price criteria, and scales each marked question's
	// scale ascending with its top mark, once read.
	priceLfs []leaf
	scales   map[string]scale
	// plans holds the best plans of marks, by the questions' levels as
	// marked (plansFor).
	plans map[string][]plan
	// ownChain holds, for each step of the tie-break chain, whether it
	// compares points a bid scores on its own (tieLoses), once read.
	ownChain []bool
	// resultByID finds a bid's result by id (tr finds the bid).
	resultByID map[string]int
	pricings   map[string]map[string]pricing // by price criterion, then bid: read once
	prices     *priceField                   // the field of prices, read once for the price to win
	// marks holds the marks of one trial of changed marks, emptied for the
	// next: each goroutine's own (fork).
	marks map[string]criteria.Marks
	// seen is the storage of the prices one bid's price to win tried,
	// kept for the next bid's: each goroutine's own (fork).
	seen []tried
	// qs is the storage of one bid's marked questions (questions), kept
	// for the next bid's: each goroutine's own (fork).
	qs []question
	// crossTrials holds the trials of the shifts at which the winner falls
	// below a minimum, and a hundredth less, which every rival reads
	// (shifts.held): each goroutine's own (fork).
	crossTrials map[crossKey]score.Trial

	// reference makes every answer found as the analyses first found them:
	// the price to win by search alone, each re-scoring an evaluation of a
	// changed copy of the whole lot. The tests hold the solved answers and
	// the trials to it.
	reference bool
	amounts   *score.Prepared // for the reference: the lot with a schedule read as the amount it comes to
}

// newField validates and evaluates the lot as received. The tender copy
// holds only the lot analysed; each re-scoring validates only what it
// changed (a bid, or the lot's policy).
func newField(t score.Tender, lotID string, bids []score.Bid) (*field, error) {
	l, ok := t.Lot(lotID)
	if !ok {
		return nil, fmt.Errorf("the tender has no lot %q", lotID)
	}
	one := t
	one.Lots = []score.Lot{l}
	var mine []score.Bid
	for _, b := range bids {
		if b.Lot == lotID {
			mine = append(mine, b)
		}
	}
	slices.SortFunc(mine, func(a, b score.Bid) int { return strings.Compare(a.ID, b.ID) })
	p, err := score.Prepare(one, mine)
	if err != nil {
		return nil, err
	}
	return preparedField(p, lotID)
}

// preparedField is the field of one lot of a prepared tender, evaluated as
// received without validating again.
func preparedField(p *score.Prepared, lotID string) (*field, error) {
	one, ok := p.ForLot(lotID)
	if !ok {
		return nil, fmt.Errorf("the tender has no lot %q", lotID)
	}
	f := &field{p: one, t: one.Tender(), lotID: lotID}
	f.tr, _ = one.Trials(lotID)
	f.base = f.tr.Result()
	f.resultByID = make(map[string]int, len(f.base.Bids))
	for i, b := range f.base.Bids {
		f.resultByID[b.BidID] = i
	}
	return f, nil
}

// evalOn evaluates the lot of a prepared copy of the field, or gives the
// error that made the copy.
func (f *field) evalOn(p *score.Prepared, err error) (score.LotResult, error) {
	if err != nil {
		return score.LotResult{}, err
	}
	res, _ := p.EvaluateLot(f.lotID)
	return res, nil
}

func (f *field) lot() score.Lot { return f.t.Lots[0] }

// lowerWins reports whether the lowest total wins: a price divided by the
// quality points, or adjusted by features.
func (f *field) lowerWins() bool {
	b := f.lot().Policy.Basis
	return b == score.PricePerQualityPoint || b == score.AdjustedPrice
}

// withLot returns the one-lot tender with its lot replaced.
func (f *field) withLot(l score.Lot) score.Tender {
	t := f.t
	t.Lots = []score.Lot{l}
	return t
}

// compliant returns the ids of the bids ranked, best first.
func (f *field) compliant() []string {
	var ids []string
	for _, s := range f.base.Standings {
		ids = append(ids, s.BidID)
	}
	return ids
}

// bid returns the bid with the given id, as prepared.
func (f *field) bid(id string) (score.Bid, bool) { return f.tr.Bid(id) }

// result returns the explanation of a bid as evaluated.
func (f *field) result(id string) (score.BidResult, bool) {
	i, ok := f.resultByID[id]
	if !ok {
		return score.BidResult{}, false
	}
	return f.base.Bids[i], true
}

// withResponse returns a copy of b whose response to one criterion is r.
func withResponse(b score.Bid, criterion string, r score.Response) score.Bid {
	rs := make(map[string]score.Response, len(b.Responses))
	for k, v := range b.Responses {
		rs[k] = v
	}
	rs[criterion] = r
	b.Responses = rs
	return b
}

// cloneCriteria copies a criteria tree deeply enough to change weights and
// price rules without touching the original.
func cloneCriteria(cs []score.Criterion) []score.Criterion {
	out := make([]score.Criterion, len(cs))
	for i, c := range cs {
		if c.Price != nil {
			p := *c.Price
			c.Price = &p
		}
		c.Children = cloneCriteria(c.Children)
		out[i] = c
	}
	return out
}

// leaf is a leaf criterion with its place in the tree.
type leaf struct {
	c   score.Criterion
	top int // index of its top-level ancestor
}

func leaves(cs []score.Criterion) []leaf {
	var out []leaf
	var walk func(cs []score.Criterion, top int)
	walk = func(cs []score.Criterion, top int) {
		for i, c := range cs {
			t := top
			if t < 0 {
				t = i
			}
			if c.IsLeaf() {
				out = append(out, leaf{c: c, top: t})
				continue
			}
			walk(c.Children, t)
		}
	}
	walk(cs, -1)
	return out
}

// leafTitle is the title of the leaf criterion id; id itself when the
// policy has no such leaf.
func (f *field) leafTitle(id string) string {
	for _, l := range f.leaves() {
		if l.c.ID == id {
			return l.c.Title
		}
	}
	return id
}

// leaves returns the lot's leaf criteria, read once.
func (f *field) leaves() []leaf {
	if f.leafs == nil {
		f.leafs = leaves(f.lot().Policy.Criteria)
	}
	return f.leafs
}

// priceLeaves returns the lot's price criteria, read once.
func (f *field) priceLeaves() []leaf {
	if f.priceLfs == nil {
		f.priceLfs = []leaf{}
		for _, l := range f.leaves() {
			if l.c.Price != nil {
				f.priceLfs = append(f.priceLfs, l)
			}
		}
	}
	return f.priceLfs
}

func priceLeaves(cs []score.Criterion) []leaf {
	var out []leaf
	for _, l := range leaves(cs) {
		if l.c.Price != nil {
			out = append(out, l)
		}
	}
	return out
}

// quote returns the price a bid's response comes to on a price criterion.
func quote(c score.Criterion, b score.Bid) (decimal.Decimal, bool) {
	if c.Price == nil {
		return decimal.Decimal{}, false
	}
	q, ps := c.Price.Quote(b.Responses[c.ID].Price)
	if len(ps) > 0 {
		return decimal.Decimal{}, false
	}
	return q.Price, true
}

// asAmount returns the lot and bids with one price criterion's schedule
// replaced by the single amount each bid's schedule comes to, so that a
// price can be changed to the penny. Scores are unchanged: the field
// compares the same amounts.
func (f *field) asAmount(criterion string) (score.Lot, []score.Bid) {
	l := f.lot()
	l.Policy.Criteria = cloneCriteria(l.Policy.Criteria)
	var rule *criteria.PriceRule
	var walk func(cs []score.Criterion)
	walk = func(cs []score.Criterion) {
		for i := range cs {
			if cs[i].ID == criterion && cs[i].Price != nil {
				rule = cs[i].Price
			}
			walk(cs[i].Children)
		}
	}
	walk(l.Policy.Criteria)
	bids := f.p.Bids() // a copy: the schedules are replaced in it
	if rule == nil || rule.Schedule == nil {
		return l, bids
	}
	orig := *rule
	rule.Schedule = nil
	for i, b := range bids {
		q, ps := orig.Quote(b.Responses[criterion].Price)
		if len(ps) > 0 {
			continue // left as it is: validation will say why
		}
		r := b.Responses[criterion]
		r.Price = criteria.Amount(q.Price)
		bids[i] = withResponse(b, criterion, r)
	}
	return l, bids
}

// outcome is a re-scored lot as a check reads it: how it ended, and each
// bid's total as shown, read from the lot evaluated whole, the field as
// evaluated or — for a trial — the few totals a check shows, read when the
// trial was made (trialOutcome), so that its storage is given back at once
// and reading an outcome allocates nothing.
type outcome struct {
	Outcome score.Outcome
	Winner  string
	from    source
	glance  shownTotals // fromTrial: the totals read
	watched shownTotals // fromTrial: the totals of the competitors a search watches (see priceSearch.met)
	lot     *score.LotResult
	f       *field
}

// source is where an outcome's totals are read.
type source uint8

const (
	none source = iota
	fromTrial
	fromLot
	fromField
)

// total returns a bid's total as shown in the re-scored lot.
func (o outcome) total(id string) (score.Figure, bool) {
	switch o.from {
	case fromTrial:
		for _, t := range o.glance.list() {
			if t.id == id {
				return t.fig, t.ok
			}
		}
		for _, t := range o.watched.list() {
			if t.id == id {
				return t.fig, t.ok
			}
		}
	case fromLot:
		return totalOf(*o.lot, id)
	case fromField:
		b, ok := o.f.result(id)
		if !ok || !b.Total.Scored {
			return score.Figure{}, false
		}
		return b.Total.Points, true
	}
	return score.Figure{}, false
}

// trialOutcome reads a trial: how it ended, and the totals of the given bids
// and of its winner, which are all a check shows (winCheck); then gives
// the trial's storage back for the next.
func (f *field) trialOutcome(t score.Trial, ids ...string) outcome {
	o := heldOutcome(t, ids...)
	t.Release()
	return o
}

// heldOutcome is trialOutcome on a trial kept for others to read: it is
// not given back.
func heldOutcome(t score.Trial, ids ...string) outcome {
	o := outcome{Outcome: t.Outcome, Winner: t.Winner, from: fromTrial}
	for _, id := range ids {
		o.glance.add(id, t.Total)
	}
	o.glance.add(t.Winner, t.Total)
	return o
}

// asEvaluated is the lot as evaluated, as a check reads it.
func (f *field) asEvaluated() outcome {
	return outcome{Outcome: f.base.Outcome, Winner: f.base.Winner, from: fromField, f: f}
}

// lotOutcome reads a lot evaluated whole.
func lotOutcome(l score.LotResult) outcome {
	return outcome{Outcome: l.Outcome, Winner: l.Winner, from: fromLot, lot: &l}
}

// totalOf returns a bid's total as shown in a lot result.
func totalOf(l score.LotResult, id string) (score.Figure, bool) {
	b, ok := l.Bid(id)
	if !ok || !b.Total.Scored {
		return score.Figure{}, false
	}
	return b.Total.Points, true
}

// totalsOf reads the totals of the given bids in a re-scored lot, each
// once, for a check to show: at most three.
func totalsOf(l outcome, a, b, c string) shownTotals {
	var s shownTotals
	for _, id := range [...]string{a, b, c} {
		s.add(id, l.total)
	}
	return s
}

// percentText shows an exact percentage to two places — more when it is
// smaller than 0.01 — with "…" when digits are cut off: "5.51…%",
// "0.0033…%".
func percentText(f exact.Fraction) string {
	places := int32(2)
	r := exact.Rounding{Places: places, Mode: exact.Down}.Apply(f)
	if r.IsZero() && f.Sign() != 0 {
		for r.IsZero() && places < 8 {
			places++
			r = exact.Rounding{Places: places, Mode: exact.Down}.Apply(f)
		}
		places++ // two significant digits
		r = exact.Rounding{Places: places, Mode: exact.Down}.Apply(f)
	}
	s := exact.Plain(r)
	if !exact.Whole(r).Equal(f) {
		s = exact.Fixed(r, places) + "…"
	}
	return s + "%"
}

var (
	hundred = decimal.NewFromInt(100)
	penny   = decimal.New(1, -2)
)

// ahead reports whether total a is ahead of total b: above it, or below
// it where the lowest total wins.
func (f *field) ahead(a, b exact.Fraction) bool {
	if f.lowerWins() {
		return a.Cmp(b) < 0
	}
	return a.Cmp(b) > 0
}
