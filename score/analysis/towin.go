package analysis

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Answer says how an analysis question came out.
type Answer string

// Answers.
const (
	// Found: the answer was found and confirmed by re-scoring.
	Found Answer = "found"
	// CannotWin: no change of this kind alone makes the bid win.
	CannotWin Answer = "cannot-win"
	// NotComputed: the question does not apply to this policy; the
	// explanation says why.
	NotComputed Answer = "not-computed"
)

// ToWin is what one compliant bid that did not win would have needed to
// win, on price alone and on quality marks alone.
type ToWin struct {
	BidID    string
	Supplier score.Supplier
	// Total is the bid's total as evaluated.
	Total score.Figure
	// Price is the highest price at which it would win.
	Price PriceToWin
	// Marks is the fewest extra marks with which it would win.
	Marks MarksToWin
}

// PriceToWin is the highest price, to the penny, at which a bid would win
// with everything else unchanged.
type PriceToWin struct {
	Answer Answer
	// Criterion is the price criterion changed.
	Criterion string
	// Current is the price compared now (a schedule's total or whole-life
	// cost when the price is a schedule).
	Current decimal.Decimal
	// Price is the highest price at which the bid wins: it wins at Price and
	// does not at Price + £0.01 (see Checks; and Edge, for the one shape of
	// policy where a higher price may win too). Zero unless Answer is Found.
	Price decimal.Decimal
	// Cut is Current − Price; CutPercent is Cut as a percentage of Current.
	Cut        decimal.Decimal
	CutPercent exact.Fraction
	// Estimate is the exact price at which the bid's total would equal the
	// best rival's before its price points are rounded, solved from the
	// formula (relative method only); nil when not solved.
	Estimate *exact.Fraction
	// BecomesLowest is true when at Price the bid would be the lowest price
	// in the field, so that every other bid's price score changes too.
	BecomesLowest bool
	// Schedule is true when the price is a schedule's total: the answer is
	// the total the schedule would have to come to.
	Schedule bool
	// Checks are the re-scorings that confirm the answer.
	Checks []Check
	// Edge is true when the bid's standing can fall as its price does:
	// under the lot's policy a social value offer relative to the best and
	// read from the bid's price sits under a minimum score, so that a lower
	// price can take another bid out of the field; or the bid's own social
	// value offer falls with its price (a commitment given as a percentage
	// of it: [score.Trials.OfferFallsWithPrice]). Price then wins and a
	// penny more does not, but the bid need not win at every lower price,
	// and may also win at some higher price. False otherwise, where Price
	// is the highest price at which the bid wins, and it wins at every
	// price below.
	Edge bool
	// bid is the bid asked about, and note the words of an answer not
	// computed: what Explanation words.
	bid, note string
	// falls is the title of the criterion on which the bid's own social
	// value offer falls with its price; "" when there is none.
	falls string
}

// Explanation says the answer in plain words, worded when asked for.
func (p PriceToWin) Explanation() string {
	switch {
	case p.Answer == CannotWin && len(p.Checks) == 1:
		return p.bid + " cannot win on price alone: even at " + exact.Money(penny) +
			" it would not be the most advantageous tender (" + p.Checks[0].String() + ")"
	case p.Answer != Found || len(p.Checks) != 2:
		return p.note
	}
	what := "price"
	if p.Schedule {
		what = "price (the total its schedule comes to)"
	}
	var b strings.Builder
	orLess := " or less"
	if p.Edge { // the bid need not win at every lower price
		orLess = ""
	}
	for _, s := range []string{p.bid, " would win at a ", what, " of ", exact.Money(p.Price), orLess, ": ",
		exact.Money(p.Cut), " (", percentText(p.CutPercent), ") below its ", exact.Money(p.Current)} {
		b.WriteString(s)
	}
	if p.BecomesLowest {
		b.WriteString("; at that price it would be the lowest in the field, so every other bid's price score would change too")
	}
	switch {
	case p.falls != "":
		b.WriteString("; its social value offer on " + p.falls + " is a percentage of its price and falls with it, so the bid need not win at every lower price, and may also win at some higher price")
	case p.Edge:
		b.WriteString("; under this policy a lower price can take another bid below a minimum score, so the bid may also win at some higher price")
	}
	b.WriteString(". Re-scored: " + p.Checks[0].String() + "; " + p.Checks[1].String())
	return b.String()
}

// MarksToWin is the fewest steps up the marking scales with which a bid
// would win, everything else unchanged.
type MarksToWin struct {
	Answer Answer
	// Steps counts the steps: one level up a question's scale in the
	// consensus mark, or in one evaluator's mark under the mean.
	Steps int
	// Changes lists the marks raised.
	Changes []MarkChange
	// Gain is the points the changes add, as shown per question.
	Gain exact.Fraction
	// Checks are the re-scorings that confirm the answer: with the changes
	// the bid wins; with the best allocation of one step fewer it does not.
	Checks []Check
	// bid is the bid asked about, and note the words of an answer not
	// computed: what Explanation words.
	bid, note string
}

// Explanation says the answer in plain words, worded when asked for.
func (m MarksToWin) Explanation() string {
	switch {
	case m.Answer == Found && len(m.Checks) == 2:
		parts := make([]string, len(m.Changes))
		for i, c := range m.Changes {
			parts[i] = c.String()
		}
		return m.bid + " would win with " + strconv.Itoa(m.Steps) + " more " + stepWord(m.Steps) + " on the marking scales, adding " +
			m.Gain.String() + " points: " + strings.Join(parts, "; ") + ". Re-scored: " + m.Checks[0].String() + "; the best with one step fewer: " + m.Checks[1].String()
	case m.Answer == CannotWin && len(m.Checks) == 1:
		return m.bid + " cannot win on quality marks alone: even with the top mark on every marked question it would not be the most advantageous tender (" + m.Checks[0].String() + ")"
	}
	return m.note
}

// MarkChange is one question's mark raised.
type MarkChange struct {
	Criterion string
	Title     string
	// Evaluator is the evaluator whose mark is raised under the mean; empty
	// for the consensus mark.
	Evaluator string
	From, To  decimal.Decimal
}

// String says the change in words: "Mobilisation and exit: consensus mark
// 2 → 3".
func (m MarkChange) String() string {
	who := "consensus mark"
	if m.Evaluator != "" {
		who = m.Evaluator + "'s mark"
	}
	return m.Title + ": " + who + " " + exact.Plain(m.From) + " → " + exact.Plain(m.To)
}

// WhatItTakes answers, for each compliant bid of the lot that did not win,
// the highest price at which it would win and the fewest extra marks with
// which it would win, each confirmed by re-scoring the field (see the
// package documentation for the search). Bids are in standings order.
func WhatItTakes(t score.Tender, lotID string, bids []score.Bid) ([]ToWin, error) {
	f, err := newField(t, lotID, bids)
	if err != nil {
		return nil, err
	}
	return f.whatItTakes()
}

func (f *field) whatItTakes() ([]ToWin, error) {
	todo := make([]int32, 0, len(f.base.Standings)) // positions in the standings; the winner is asked nothing
	for i, s := range f.base.Standings {
		if f.base.Outcome != score.Winner || s.BidID != f.base.Winner {
			todo = append(todo, int32(i))
		}
	}
	if len(todo) == 0 { // every bid won, or there was none: none stays nil
		return nil, nil
	}
	n := len(todo)
	out := make([]ToWin, n)
	for i, at := range todo {
		s := &f.base.Standings[at]
		out[i] = ToWin{BidID: s.BidID, Supplier: s.Supplier, Total: s.Score}
	}
	errP, errM := make([]error, n), make([]error, n)
	// Every bid's marks are asked first, then every bid's price: the first
	// goroutine reads the field of prices while the others start on the
	// marks, and a price waits for it (warmth).
	wm := f.warmth()
	f.spread(2*n, wm.read, func(w *field, i int) {
		if i < n {
			out[i].Marks, errM[i] = w.marksToWin(out[i].BidID)
			return
		}
		wm.await(w)
		out[i-n].Price, errP[i-n] = w.priceToWin(out[i-n].BidID)
	})
	wm.adopt(f)
	for i := range n { // the first in standings order, as a serial run would stop at: a bid's price, then its marks
		if err := cmp.Or(errP[i], errM[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// rival is the bid to beat: the winner, or the best-ranked other bid.
func (f *field) rival(id string) string {
	if f.base.Outcome == score.Winner {
		return f.base.Winner
	}
	for _, s := range f.base.Standings {
		if s.BidID != id {
			return s.BidID
		}
	}
	return ""
}

func (f *field) priceToWin(id string) (PriceToWin, error) {
	pls := f.priceLeaves()
	if len(pls) != 1 {
		return PriceToWin{Answer: NotComputed,
			note: fmt.Sprintf("not computed: the policy has %d price criteria, so no single price can be changed", len(pls))}, nil
	}
	pc := pls[0].c
	cur, ok := f.tr.Quoted(id, pc.ID) // as prepared: not quoted again
	if !ok {
		return PriceToWin{Answer: NotComputed, note: "not computed: the bid's price could not be read"}, nil
	}
	ps := &priceSearch{f: f, id: id, pc: pc, rival: f.rival(id),
		out: PriceToWin{Criterion: pc.ID, Current: cur, Schedule: pc.Price.Schedule != nil, bid: id}}
	ps.seen = f.seen[:0]
	defer func() { clear(ps.seen); f.seen = ps.seen[:0] }() // for the next bid's search
	if c, ok := f.tr.OfferFallsWithPrice(id); ok {
		ps.out.falls = f.leafTitle(c)
	}
	// lo wins, hi does not: the current price does not win, nor any above it
	// (but where the bid's offer falls with its price: see falls).
	ps.lo, ps.hi = 0, f.currentPence(pc, id, cur)
	ps.current = ps.hi
	if ps.hi <= 1 {
		ps.hi = 2
	}
	if !f.reference && f.priceField(pc).outOfReach(id) { // confirm first what the field says: not even £0.01 wins
		if won, _, err := ps.at(1); err != nil || !won {
			if err != nil {
				return ps.out, err
			}
			return ps.cannotWin()
		}
	}
	if err := ps.fromCandidates(); err != nil {
		return ps.out, err
	}
	if ps.lo == 0 {
		won, _, err := ps.at(1)
		if err != nil {
			return ps.out, err
		}
		if !won {
			return ps.cannotWin()
		}
		ps.lo = 1
	}
	if err := ps.fromEstimate(cur); err != nil {
		return ps.out, err
	}
	if err := ps.narrow(); err != nil {
		return ps.out, err
	}
	return ps.found(cur)
}

// currentPence is a bid's current price in pennies, rounded up: as the
// field of prices read it once, or from the price.
func (f *field) currentPence(pc score.Criterion, id string, cur decimal.Decimal) int64 {
	if !f.reference {
		pf := f.priceField(pc)
		if i, ok := pf.byID[id]; ok && pf.bids[i].price.Equal(cur) && abs(pf.bids[i].pence) < math.MaxInt64/2 { // not beyond an int64
			return pf.bids[i].pence
		}
	}
	return cur.Shift(2).Ceil().IntPart()
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// rescored is one price tried: the outcome, or why it could not be had.
type rescored struct {
	res outcome
	err error
}

// tried is a price, in pennies, and how it re-scored.
type tried struct {
	pennies int64
	rescored
}

// priceSearch narrows, in pennies, the highest price at which one bid wins:
// lo wins, hi does not. Each price is re-scored once, however often the
// search asks.
type priceSearch struct {
	f       *field
	id      string
	pc      score.Criterion
	rival   string
	seen    []tried // a few prices, looked through in turn
	lo, hi  int64
	current int64 // the bid's price as evaluated, in pennies rounded up
	out     PriceToWin
	// met are the bids other than the rival that won a price tried (the
	// first few), whose totals every later trial reads too: where the bid
	// wins, its margin is read against the strongest of them and the
	// rival, the bid that holds it there, and not against the rival alone
	// (see margin). stale is true when one was met after the highest win
	// so far, whose margin was read without it (see fresh).
	met   [3]string
	nMet  int
	stale bool
}

// meet notes the winner of a trial, when it is neither the bid nor its
// rival nor met already.
func (ps *priceSearch) meet(o outcome) {
	w := o.Winner
	if w == "" || w == ps.id || w == ps.rival || o.from != fromTrial || ps.nMet == len(ps.met) || slices.Contains(ps.met[:ps.nMet], w) {
		return
	}
	ps.met[ps.nMet] = w
	ps.nMet++
	ps.stale = true
}

// at reports whether the bid wins at a price, and the outcome there.
func (ps *priceSearch) at(pennies int64) (bool, outcome, error) {
	var r rescored
	ok := false
	for _, t := range ps.seen {
		if t.pennies == pennies {
			r, ok = t.rescored, true
			break
		}
	}
	if !ok {
		r.res, r.err = ps.f.atPrice(ps.id, ps.rival, ps.pc, pennies, ps.met[:ps.nMet])
		ps.seen = append(ps.seen, tried{pennies, r})
		if r.err == nil && r.res.Outcome == score.Winner && r.res.Winner == ps.id {
			ps.stale = false // read with every bid met
		}
		ps.meet(r.res)
	}
	if r.err != nil {
		return false, r.res, r.err
	}
	return r.res.Outcome == score.Winner && r.res.Winner == ps.id, r.res, nil
}

// check is the confirmation at a price, in words.
func (ps *priceSearch) check(pennies int64) (Check, error) {
	_, res, err := ps.at(pennies)
	if err != nil {
		return Check{}, err
	}
	return winCheck(change{kind: priceChange, id: ps.id, n: pennies}, res, ps.rival), nil
}

// fromCandidates re-scores first the prices solved for, at which the
// bid's shown total ties and beats its best rival: most bids are settled
// by re-scoring at the answer and a penny above.
//
// The candidates are tried highest first, each a tie or a beat of the
// rival. When a tie is expected to lose (tieLoses), only the beats are
// solved for, and tried lowest first, so that the beat that is the answer
// and the penny above it are the first two re-scored. Where a social
// value offer is read from the price (offersMove), the candidates are
// solved with the offers held still (but under price per quality point,
// where they are read at each price: perPoint) and are seldom the answer: a share of
// the price grows as the price falls, so on the share-of-price lots every
// winning candidate won a penny above too. One that wins is kept as a
// floor, the penny above it is not re-scored, and the narrowing goes on
// from it (the 200-bid share-of-price lot re-scores 1,688 prices instead
// of 1,825). Which prices are tried, and in which order, is only where
// the search looks first: a bid's standing never falls as its price does,
// so the answer every order finds is the one highest winning price (but
// for the shapes an Edge answer names, where it is one edge of winning,
// confirmed as every answer is).
func (ps *priceSearch) fromCandidates() error {
	if ps.f.reference {
		return nil
	}
	loses := ps.f.tieLoses(ps.id, ps.rival)
	cs, read := ps.f.priceField(ps.pc).candidates(ps.f, ps.id, !loses)
	moving := ps.f.offersMove() && !read
	if loses {
		slices.Reverse(cs)
	}
	for _, c := range cs {
		if c <= ps.lo || c >= ps.hi {
			continue
		}
		w, _, err := ps.at(c)
		if err != nil {
			return err
		}
		if !w {
			ps.hi = c
			continue
		}
		ps.lo = c
		if moving {
			continue // a floor, seldom the answer: see above
		}
		if w, _, err := ps.at(c + 1); err != nil {
			return err
		} else if !w {
			ps.hi = c + 1
			break
		}
	}
	return nil
}

// tieLoses reports whether the bid would lose a tie with the rival on the
// declared chain as read from the points as evaluated: there is no chain,
// or its first step that tells them apart compares points on a criterion
// scored without the field (no price, no social value) on which the rival
// is ahead. A step it cannot read so (a lower price, a recorded score)
// leaves it false. It only orders the re-scorings (see fromCandidates).
func (f *field) tieLoses(id, rival string) bool {
	tbs := f.lot().Policy.TieBreaks
	if len(tbs) == 0 {
		return true // a tie is never settled: it does not win
	}
	if f.ownChain == nil {
		f.ownChain = make([]bool, len(tbs))
		for i, tb := range tbs {
			f.ownChain[i] = tb.Kind == score.HigherPoints && f.ownScored(tb.Criterion)
		}
	}
	for i, tb := range tbs {
		if !f.ownChain[i] {
			return false
		}
		a, ok1 := f.tr.Points(id, tb.Criterion)
		b, ok2 := f.tr.Points(rival, tb.Criterion)
		if !ok1 || !ok2 {
			return false
		}
		if c := a.Value.Cmp(b.Value); c != 0 {
			return c < 0
		}
	}
	return false
}

// ownScored reports whether a criterion's points are the bid's own, read
// from nothing in the field: no leaf under it is a price or a social value.
func (f *field) ownScored(id string) bool {
	var find func(cs []score.Criterion) (score.Criterion, bool)
	find = func(cs []score.Criterion) (score.Criterion, bool) {
		for _, c := range cs {
			if c.ID == id {
				return c, true
			}
			if x, ok := find(c.Children); ok {
				return x, true
			}
		}
		return score.Criterion{}, false
	}
	c, ok := find(f.lot().Policy.Criteria)
	if !ok {
		return false
	}
	for _, l := range leaves([]score.Criterion{c}) {
		if l.c.Price != nil || l.c.SocialValue != nil {
			return false
		}
	}
	return true
}

// cannotWin is the answer when even a penny does not win — unless the
// bid's own offer falls with its price, when a higher price than its own
// may win: the answer is then not computed, and says so.
func (ps *priceSearch) cannotWin() (PriceToWin, error) {
	c, err := ps.check(1)
	if err != nil {
		return ps.out, err
	}
	ps.out.Answer = CannotWin
	ps.out.Checks = []Check{c}
	if ps.out.falls != "" {
		ps.out.Answer = NotComputed
		ps.out.note = "not computed: " + ps.id + "'s social value offer on " + ps.out.falls +
			" is a percentage of its price and falls with it, so a lower price need not help the bid, and a higher one may make it win; at " +
			exact.Money(penny) + " it does not (" + c.String() + ")"
	}
	return ps.out, nil
}

// fromEstimate re-scores the estimated answer, when there is one, and
// the penny beside it on the side the answer lies: an estimate that is
// the answer settles the bid at once. One that is not has narrowed the
// bracket, and narrow closes it.
func (ps *priceSearch) fromEstimate(cur decimal.Decimal) error {
	var e *exact.Fraction
	if ps.f.reference {
		e = ps.f.estimate(ps.id, ps.pc, cur)
	} else {
		e = ps.f.priceField(ps.pc).estimate(ps.id)
	}
	if e == nil {
		return nil
	}
	ps.out.Estimate = e
	c := pennies(*e, false, false) // the estimate, to the penny below
	tries := 2
	if ps.f.offersMove() {
		tries = 1 // the estimate holds the offers still: a first guess, seldom the answer
		if ps.lo > 0 {
			tries = 0 // solved as the candidates are, it is no better than the floor one of them gave
		}
	}
	for range tries {
		if c <= ps.lo || c >= ps.hi {
			return nil
		}
		w, _, err := ps.at(c)
		if err != nil {
			return err
		}
		if w {
			ps.lo, c = c, c+1
		} else {
			ps.hi, c = c, c-1
		}
	}
	return nil
}

// found words the answer, confirmed at it and a penny above.
func (ps *priceSearch) found(cur decimal.Decimal) (PriceToWin, error) {
	yes, err := ps.check(ps.lo)
	if err != nil {
		return ps.out, err
	}
	no, err := ps.check(ps.lo + 1)
	if err != nil {
		return ps.out, err
	}
	out := ps.out
	out.Answer = Found
	out.Price = decimal.New(ps.lo, -2)
	out.Cut = cutFrom(cur, ps.current, ps.lo)
	out.CutPercent, _ = exact.Whole(out.Cut).Mul(hundredF).Quo(exact.Whole(cur)) // as Fractions: no big numbers while they fit
	out.Checks = []Check{yes, no}
	out.Edge = out.falls != "" || ps.f.standingMayFall()
	if ps.f.reference {
		out.BecomesLowest = ps.f.becomesLowest(ps.id, ps.pc, out.Price)
	} else {
		out.BecomesLowest = ps.f.priceField(ps.pc).becomesLowest(ps.id, out.Price)
	}
	return out, nil
}

// cutFrom is cur − pennies ÷ 100, the bid's price current in pennies
// rounded up: worked in pennies when cur is a whole number of them (as
// cur.Sub would give it, to the penny), else by decimal.
func cutFrom(cur decimal.Decimal, current, pennies int64) decimal.Decimal {
	if cur.Exponent() >= -2 && current < math.MaxInt64/2 {
		return decimal.New(current-pennies, -2)
	}
	return cur.Sub(decimal.New(pennies, -2))
}

// atPrice re-scores the lot with one bid's price, in pennies, on the price
// criterion: a trial, read for the totals of the bid, its rival and the
// bids watched (and the winner's), or for the reference an evaluation of
// the changed copy, a schedule read as the amount it comes to.
func (f *field) atPrice(id, rival string, pc score.Criterion, pennies int64, watch []string) (outcome, error) {
	price := decimal.New(pennies, -2)
	if !f.reference {
		t, err := f.tr.WithPrice(id, pc.ID, price)
		o := heldOutcome(t, id, rival)
		for _, w := range watch {
			o.watched.add(w, t.Total)
		}
		t.Release()
		return o, err
	}
	base := f.p
	if pc.Price.Schedule != nil { // the schedule becomes the amount it comes to, for every bid: validated once
		if f.amounts == nil {
			lot, field := f.asAmount(pc.ID)
			p, err := score.Prepare(f.withLot(lot), field)
			if err != nil {
				return outcome{}, err
			}
			f.amounts = p
		}
		base = f.amounts
	}
	var bb score.Bid
	for _, x := range base.Bids() {
		if x.ID == id {
			bb = x
		}
	}
	resp := bb.Responses[pc.ID]
	resp.Price = criteria.Amount(price)
	res, err := f.evalOn(base.WithBid(withResponse(bb, pc.ID, resp)))
	return lotOutcome(res), err
}

// becomesLowest reports whether a bid at price p would be the lowest in the
// field: no other compliant price within budget is at or below it.
func (f *field) becomesLowest(id string, pc score.Criterion, p decimal.Decimal) bool {
	for _, s := range f.base.Standings {
		if s.BidID == id {
			continue
		}
		if o, ok := f.bid(s.BidID); ok {
			if q, ok := quote(pc, o); ok && !pc.Price.IsOverBudget(q) && q.Cmp(p) <= 0 {
				return false
			}
		}
	}
	return true
}

var half = exact.Whole(decimal.New(5, -1))

// pricing is one bid's price on a price criterion and the points it scored
// there, as shown.
type pricing struct {
	price  decimal.Decimal
	points score.Figure
}

// priced returns a bid's price and price points on a criterion, read once
// for the whole field and kept: every bid analysed compares itself with
// every other.
func (f *field) priced(pc score.Criterion, id string) (pricing, bool) {
	if f.pricings == nil {
		f.pricings = map[string]map[string]pricing{}
	}
	m, ok := f.pricings[pc.ID]
	if !ok {
		m = make(map[string]pricing, len(f.base.Bids))
		for _, br := range f.base.Bids {
			pts, ok := f.tr.Points(br.BidID, pc.ID) // numbers only: nothing is worded
			if !ok {
				continue
			}
			if p, ok := f.tr.Quoted(br.BidID, pc.ID); ok { // as prepared: not quoted again
				m[br.BidID] = pricing{price: p, points: pts}
			}
		}
		f.pricings[pc.ID] = m
	}
	pr, ok := m[id]
	return pr, ok
}

// available returns a criterion's marks available, the same for every bid.
func (f *field) available(id string) (exact.Fraction, bool) {
	if a, ok := f.avail[id]; ok {
		return a, true
	}
	if len(f.base.Bids) == 0 {
		return exact.Fraction{}, false
	}
	a, ok := f.tr.Available(id) // numbers only: nothing is worded
	if !ok {
		return exact.Fraction{}, false
	}
	if f.avail == nil {
		f.avail = map[string]exact.Fraction{}
	}
	f.avail[id] = a
	return a, true
}

// estimate solves the relative method for the price at which the bid's
// total equals the best rival's, from the totals as shown: see the package
// documentation. It returns nil when the formula is not the relative method
// under weighted points or no price solves it.
func (f *field) estimate(id string, pc score.Criterion, cur decimal.Decimal) *exact.Fraction {
	pol := f.lot().Policy
	if pc.Price.Method != criteria.Relative || pol.Basis == score.PricePerQualityPoint {
		return nil
	}
	var self *estBid
	var others []estBid
	if len(f.base.Standings) == 0 {
		return nil
	}
	first, _ := f.result(f.base.Standings[0].BidID)
	line, ok := score.FindLine(first.Criteria(), pc.ID) // the marks available, the same for every bid
	if !ok {
		return nil
	}
	avail := line.Available
	for _, s := range f.base.Standings {
		br, _ := f.result(s.BidID)
		pr, ok := f.priced(pc, s.BidID)
		if !ok || !br.Total.Scored {
			return nil
		}
		p, pts := pr.price, pr.points
		o := estBid{n: br.Total.Points.Value.Sub(pts.Value), price: p, in: !pc.Price.IsOverBudget(p)}
		if s.BidID == id {
			self = &o
			continue
		}
		others = append(others, o)
	}
	if self == nil || len(others) == 0 || avail.Sign() <= 0 {
		return nil
	}
	var low *decimal.Decimal
	for _, o := range others {
		if o.in && (low == nil || o.price.Cmp(*low) < 0) {
			p := o.price
			low = &p
		}
	}
	if low == nil {
		return nil
	}
	return relativeEstimate(*self, others, avail, *low)
}

// estBid is one bid as the reference estimate reads it.
type estBid struct {
	n     exact.Fraction // points from everything but price
	price decimal.Decimal
	in    bool // within budget, so part of the price field
}

// relativeEstimate solves the relative method for the bid's price at which
// its total equals the best rival's, the others' prices lowest at low.
func relativeEstimate(self estBid, others []estBid, avail exact.Fraction, low decimal.Decimal) *exact.Fraction {
	// Regime 1: not the lowest; rivals' totals stand still.
	best := exact.Fraction{}
	for i, o := range others {
		t := o.n
		if o.in {
			t = t.Add(avail.Mul(ratio(low, o.price)))
		}
		if i == 0 || t.Cmp(best) > 0 {
			best = t
		}
	}
	if gap := best.Sub(self.n); gap.Sign() > 0 {
		p1, err := avail.MulDec(low).Quo(gap)
		if err == nil && p1.Cmp(exact.Whole(low)) >= 0 {
			return &p1
		}
	}
	// Regime 2: the lowest, with full price marks; each rival's price points
	// become marks × price ÷ its price.
	est := exact.Whole(low)
	for _, o := range others {
		room := self.n.Add(avail).Sub(o.n)
		if room.Sign() <= 0 {
			return nil
		}
		if !o.in {
			continue
		}
		p, err := exact.Whole(o.price).Mul(room).Quo(avail)
		if err != nil {
			return nil
		}
		est = est.Min(p)
	}
	return &est
}

func ratio(num, den decimal.Decimal) exact.Fraction {
	f, err := exact.NewFraction(num, den)
	if err != nil {
		return exact.Zero
	}
	return f
}

// offersMove reports whether a social value offer in the lot is read from
// the bid's price, so that the estimate, which holds the offers as
// evaluated, is a first guess and seldom the answer itself.
func (f *field) offersMove() bool {
	for _, l := range f.leaves() {
		if sv := l.c.SocialValue; sv != nil && sv.NeedsBidPrice() {
			return true
		}
	}
	return false
}
