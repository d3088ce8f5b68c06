package analysis

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Robustness grades how far the weights would have to move to change the
// winner. The bands are this library's convention, not law or guidance:
// under 1 percentage point very sensitive, under 5 sensitive, under 10
// moderately robust, otherwise (or when no shift changes the winner) robust.
type Robustness string

// Robustness grades.
const (
	VerySensitive    Robustness = "very-sensitive"
	Sensitive        Robustness = "sensitive"
	ModeratelyRobust Robustness = "moderately-robust"
	Robust           Robustness = "robust"
	// NoAward: the lot has no winner to test.
	NoAward Robustness = "no-award"
)

// Sensitivity is how robust a lot's award is to its published weights.
type Sensitivity struct {
	// Winner is the winning bid ("" when the lot has none).
	Winner string
	// Shifts holds, for each other compliant bid in standings order, the
	// smallest shift of weight that puts it above the winner.
	Shifts []WeightShift
	// Smallest is the index in Shifts of the smallest shift that changes
	// the winner, or -1 when none does (a smaller one may be in Joining).
	Smallest int
	// Joining holds, under minimum scores, each bid below a minimum as
	// evaluated that a shift of weight could lift over it and above the
	// winner without moving a figure the others are scored against
	// ([score.Trials.JoinsWithoutMoving]: under price per quality point
	// every such bid; under weighted points one whose prices are inside
	// their fields), with the smallest shift that does (Answer Found), or
	// where its search was cut short (NotComputed), in bid order; a bid
	// that no shift puts above the winner, as far as the search follows
	// the field, is left out. Their BreakEven and DrawsLevel are not worked
	// out (zero and false). A bid whose joining would move a figure is not
	// searched: the Statement says from where the search does not follow
	// the field, when that is below the smallest shift found.
	Joining []WeightShift
	// Robustness grades the smallest shift, in Shifts or in Joining.
	Robustness Robustness
	// Statement says how robust the award is, in plain words.
	Statement string
}

// WeightShift is the smallest move of weight from one top-level criterion
// to another that puts a rival above the winner, to a hundredth of a point
// (under a price adjusted by features, the edge of the region found from
// the break-even up; where a window of shifts the rounding allows was too
// wide to ask in full, the explanation says from where: see the package
// documentation), and, under minimum scores, before any shift that takes
// another bid across one and moves the field (the explanation then says
// so).
type WeightShift struct {
	Rival         string
	RivalSupplier score.Supplier
	Answer        Answer
	// From and To are the top-level criteria losing and gaining weight.
	From, To           string
	FromTitle, ToTitle string
	// Points is the shift in percentage points of the whole, to 0.01:
	// the rival ranks above the winner at Points, not at Points − 0.01.
	Points decimal.Decimal
	// BreakEven is the exact shift at which the two totals (or, under price
	// per quality point, the two ratios) would be equal before rounding:
	// zero when they are level as evaluated, and zero too when they never
	// draw level (DrawsLevel false).
	BreakEven exact.Fraction
	// DrawsLevel is whether the shift draws the two totals (or ratios)
	// level before rounding at all. When it does not, the rival ranks above
	// the winner only through the rounding, or once the winner falls below
	// a minimum score (a check then shows the winner not scored).
	DrawsLevel bool
	// NewWinner is the winning bid once the weight has moved.
	NewWinner string
	// Checks are the re-scorings that confirm the answer.
	Checks []Check
	// winner is the bid the rival is to rank above, for Explanation.
	winner string
	// unfollowed is the least shift at which a shift could take another
	// bid across a minimum score and move the figures the bids are scored
	// against, past which the search does not follow the field
	// (shiftSearch.moved); nil when there is none.
	unfollowed *unfollowedAt
	// unsearched is the least shift, in percentage points, from which the
	// declared rounding could show the rival above the winner on a pair
	// whose window was too wide to ask in full (shiftSearch.narrow), below
	// the answer; nil when every window was asked.
	unsearched *decimal.Decimal
	// joins is set on a bid below a minimum as evaluated (Sensitivity.Joining).
	joins bool
}

// unfollowedAt is where the search stops following the field: the shift,
// in percentage points, between two top-level criteria (their titles), and
// the bid it could take across a minimum: into the field (joins), or out
// of it with an end of a field of prices; prices is whether the lot has a
// field of prices at all (not under price per quality point).
type unfollowedAt struct {
	points   decimal.Decimal
	from, to string
	bid      string
	joins    bool
	prices   bool
}

// movedBy is the first bid a shift could take across a minimum so that
// the search no longer follows the field (shiftSearch.moved): whether it
// joins the field or leaves it.
type movedBy struct {
	score.ShiftCrossing
	joins bool
}

// Explanation says the answer in plain words, worded when asked for.
func (w WeightShift) Explanation() string {
	switch {
	case w.Answer == Found && len(w.Checks) == 2:
		puts := " puts " + w.Rival + " above "
		if w.joins {
			puts = " lifts " + w.Rival + " over the minimum score it failed and puts it above "
		}
		s := "moving " + exact.Plain(w.Points) + " percentage points of weight from " + w.FromTitle + " to " + w.ToTitle +
			puts + w.winner + " (then " + winnerText(w.NewWinner) + " wins). Re-scored: " + w.Checks[0].String() + "; " + w.Checks[1].String()
		if w.unfollowed != nil && w.unfollowed.points.LessThan(w.Points) {
			s += ". A smaller shift may also do it: " + unfollowedWords(*w.unfollowed)
		} else if w.unsearched != nil {
			s += ". A smaller shift may also do it: " + unsearchedWords(*w.unsearched, w.Rival, w.winner)
		}
		return s
	case w.Answer == NotComputed && w.unfollowed != nil:
		return "not computed in full: no shift of weight between two top-level criteria puts " + w.Rival + " above " + w.winner +
			" as far as the search follows the field; " + unfollowedWords(*w.unfollowed)
	case w.Answer == NotComputed && w.unsearched != nil:
		return "not computed in full: no shift of weight between two top-level criteria puts " + w.Rival + " above " + w.winner +
			" as far as the search looks; " + unsearchedWords(*w.unsearched, w.Rival, w.winner)
	}
	return "no shift of weight between two top-level criteria puts " + w.Rival + " above " + w.winner
}

// unsearchedWords says where the search did not look for a shift that
// shows rival above winner.
func unsearchedWords(from decimal.Decimal, rival, winner string) string {
	return "from " + exact.Plain(from) + " percentage points, the declared rounding could show " + rival + " above " + winner + ", and there the search does not ask every hundredth of a point"
}

// unfollowedWords says where the search stops following the field.
func unfollowedWords(u unfollowedAt) string {
	what := " across a minimum score out of the field, and with it the lowest or highest price the others are scored against"
	switch {
	case u.joins && u.prices:
		what = " across a minimum score into the field, where it may rank above the winner or move the lowest or highest price the others are scored against"
	case u.joins:
		what = " across a minimum score into the field, where it may rank above the winner"
	}
	return "from " + exact.Plain(u.points) + " percentage points moved from " + u.from + " to " + u.to + ", a shift can take " + u.bid + what + ", which this search does not follow"
}

// WeightSensitivity finds, for the winner of the lot against each other compliant
// bid, the smallest shift of weight between two top-level criteria that
// puts the other bid above the winner, and grades the award's robustness
// (see the package documentation for the method).
func WeightSensitivity(t score.Tender, lotID string, bids []score.Bid) (Sensitivity, error) {
	f, err := newField(t, lotID, bids)
	if err != nil {
		return Sensitivity{}, err
	}
	return f.sensitivity()
}

// hundredth is 0.01 percentage points, the resolution of a weight shift.
var hundredth = decimal.New(1, -2)

// weighted is one top-level criterion that carries weight, with its marks.
type weighted struct {
	i     int
	c     score.Criterion
	avail exact.Fraction
	// limit is the largest shift tested from it, in hundredths of a
	// percentage point below all its marks; winner the winner's share of
	// its marks: the same for every rival, so read once.
	limit, winner exact.Fraction
}

// shiftSearch holds what every weight shift of one lot is tested against:
// the winner, the weighted top-level criteria and the scale they are on.
type shiftSearch struct {
	f         *field
	pol       score.Policy
	w         string
	wr        score.BidResult
	tops      []weighted
	toPercent exact.Fraction
	pricePC   *score.Criterion // the price, under price per quality point
	reach     exact.Fraction   // the most the declared rounding moves a total (RoundingReach), read once
	// lines is whether every bid's total is a line in the shift, give or
	// take the rounding: the price weighted, no thresholds. Each pair is
	// then searched by Trials.LeastShiftOutranking, every hundredth at which
	// the rounding could show the rival above the winner.
	lines bool
	// scanned is set under thresholds with the price weighted, and under
	// price per quality point: each pair is then asked at every hundredth
	// its window allows (score.Trials.ShiftWindow; scanShift), at most
	// maxScan of them, and from where the winner could fall below a
	// minimum.
	scanned bool
	maxScan int
	// ratios is set under price per quality point without thresholds,
	// where only the leaves' points are rounded (the default), besides
	// scanned: each bid's ratio is its own, and Trials.LeastShiftOutranking
	// reads the two in machine integers at every hundredth of the window,
	// each pair searched so without a limit, as under lines.
	ratios bool
	// crossing holds, by positions in tops from and to, the least shift at
	// which the winner could fall below a threshold (score.Trials.ShiftCrossings),
	// within from's limit; nil without thresholds.
	crossing map[[2]int]exact.Fraction
	// moved holds, the same way, the least shift at which another bid could
	// cross a threshold and so move a figure the others are scored against,
	// or itself rank above the winner, and the first bid that could there:
	// one that alone holds the lowest or highest price leaving the field, or
	// one below a minimum as evaluated joining it. Past it the totals are
	// not the lines the search reads, nor the rivals its own (see
	// unfollowed).
	moved map[[2]int]movedBy
	// unasked holds, the same way, the first shift from which the search
	// for where the winner falls below a minimum did not ask every
	// hundredth (winnerLeaves): from there any rival may rank above it.
	unasked map[[2]int]decimal.Decimal
	// joiners are the bids below a minimum as evaluated that a shift could
	// lift over it without moving a figure (joining.go), in the order first
	// met; joinerAt their places there, by bid.
	joiners  []joinerBid
	joinerAt map[string]int
}

func (f *field) sensitivity() (Sensitivity, error) { return f.sensitivityBeside(nil) }

// sensitivityBeside is sensitivity, its rivals spread over the processors
// with other work on the field done beside them (see spread); beside is
// done whatever the lot is.
func (f *field) sensitivityBeside(beside func(s *field)) (Sensitivity, error) {
	out := Sensitivity{Winner: f.base.Winner, Smallest: -1}
	alone := func() { // no rival is searched: nothing to spread beside
		if beside != nil {
			beside(f)
		}
	}
	if f.base.Outcome != score.Winner {
		alone()
		out.Robustness = NoAward
		out.Statement = "no bid has won this lot, so there is no award to test against the weights"
		return out, nil
	}
	ss := f.shiftSearch()
	if len(ss.tops) < 2 {
		alone()
		out.Robustness = Robust
		out.Statement = "the policy has only one weighted top-level criterion, so no weight can move between criteria"
		return out, nil
	}
	rivals := make([]int, 0, len(f.base.Standings)) // positions in the standings: every ranked bid but the winner
	for i, st := range f.base.Standings {
		if st.BidID != ss.w {
			rivals = append(rivals, i)
		}
	}
	if len(rivals) > 0 { // none stays nil
		out.Shifts = make([]WeightShift, len(rivals))
	}
	joiners := ss.joinersInOrder()
	joined := make([]WeightShift, len(joiners))
	errs := make([]error, len(rivals)+len(joiners))
	f.spread(len(errs), beside, func(w *field, i int) { // the rivals, then the bids below a minimum (joining.go)
		if i < len(rivals) {
			out.Shifts[i], errs[i] = ss.on(w).smallestFor(f.base.Standings[rivals[i]])
			return
		}
		joined[i-len(rivals)], errs[i] = ss.on(w).joinerShift(joiners[i-len(rivals)])
	})
	for i, err := range errs { // the first in standings order, then bid order, as a serial run would stop at
		switch {
		case err != nil && i < len(rivals):
			out.Shifts = out.Shifts[:i]
			return out, err
		case err != nil:
			out.Joining = joinedFound(joined[:i-len(rivals)])
			return out, err
		}
	}
	out.Joining = joinedFound(joined)
	for i, s := range out.Shifts {
		if s.Answer == Found && (out.Smallest < 0 || s.Points.Cmp(out.Shifts[out.Smallest].Points) < 0) {
			out.Smallest = i
		}
	}
	m := smallestShift(out)
	out.Robustness, out.Statement = robustness(ss.w, m)
	var unsearched *WeightShift // the rival (or bid below a minimum) whose window not asked in full starts least
	for _, list := range [][]WeightShift{out.Shifts, out.Joining} {
		for i, s := range list {
			if s.unsearched != nil && (unsearched == nil || s.unsearched.LessThan(*unsearched.unsearched)) {
				unsearched = &list[i]
			}
		}
	}
	if u := unsearched; u != nil && (m == nil || u.unsearched.LessThan(m.Points)) {
		out.Statement += " This reading may not be complete: " + unsearchedWords(*u.unsearched, u.Rival, ss.w) + "."
	}
	// Every rival shares where the search stops following the field (under
	// weighted points: under price per quality point a bid joining is
	// searched, in Joining): it matters to the award only below the
	// smallest shift found.
	if u := ss.firstMoved(); u != nil && (m == nil || u.points.LessThan(m.Points)) {
		out.Statement += " This reading is not complete under the minimum scores: " + unfollowedWords(*u) + "."
	}
	return out, nil
}

// shiftSearch finds the winner's weighted top-level criteria. Shifts are in
// percentage points of the whole; a model published in points (out of
// 150, say) is read on its own scale and converted.
func (f *field) shiftSearch() *shiftSearch {
	pol := f.lot().Policy
	ss := &shiftSearch{f: f, pol: pol, w: f.base.Winner}
	ss.wr, _ = f.result(ss.w)
	for i, c := range pol.Criteria {
		a, ok := f.tr.Available(c.ID) // numbers only: nothing is worded
		if !ok || a.Sign() <= 0 {
			continue // the price under price per quality point carries no weight
		}
		ss.tops = append(ss.tops, weighted{i: i, c: c, avail: a})
	}
	whole := exact.Zero
	for _, t := range ss.tops {
		whole = whole.Add(t.avail)
	}
	ss.toPercent, _ = exact.Int(100).Quo(whole)
	for i := range ss.tops {
		t := &ss.tops[i]
		t.limit = exact.Whole(exact.Rounding{Places: 2, Mode: exact.Down}.Apply(t.avail.Mul(ss.toPercent)).Sub(hundredth))
		t.winner = ss.share(ss.wr, t.i, t.avail)
	}
	if pol.Basis == score.PricePerQualityPoint {
		if pls := priceLeaves(pol.Criteria); len(pls) == 1 {
			ss.pricePC = &pls[0].c
		}
	}
	weighted := pol.Basis == "" || pol.Basis == score.WeightedPoints
	ss.lines = weighted && !hasThresholds(pol)
	ss.scanned = weighted && hasThresholds(pol) || pol.Basis == score.PricePerQualityPoint
	ss.maxScan = 500 // each a trial of two bids, or under price per quality point two ratios read
	ss.ratios = pol.Basis == score.PricePerQualityPoint && !hasThresholds(pol) && leavesRoundedAlone(pol)
	ss.reach = f.tr.RoundingReach()
	ss.crossings()
	return ss
}

// on is the search read through another copy of the field, for one
// goroutine (see spread): what it shares is only read.
func (ss *shiftSearch) on(w *field) *shiftSearch {
	c := *ss
	c.f = w
	return &c
}

// share is a bid's share of a criterion's marks, from numbers only.
func (ss *shiftSearch) share(br score.BidResult, i int, a exact.Fraction) exact.Fraction {
	p, _ := ss.f.tr.Points(br.BidID, ss.pol.Criteria[i].ID) // numbers only: nothing is worded
	s, err := p.Value.Quo(a)
	if err != nil {
		return exact.Zero
	}
	return s
}

// smallestFor finds the smallest shift of weight between two top-level
// criteria that puts one rival above the winner, each confirmed by
// re-scoring. The pairs of criteria are confirmed from the least shift
// that could answer (floor) up, and a pair whose least is above the best
// answer confirmed is not re-scored: its answer could only be larger.
// Among answers equal to the best, the first pair in the policy's order is
// the one given, as when every pair was confirmed.
func (ss *shiftSearch) smallestFor(st score.Standing) (WeightShift, error) {
	r := st.BidID
	best := WeightShift{Rival: r, RivalSupplier: st.Supplier, Answer: CannotWin}
	bestAt := -1 // the pair's place in the policy's order
	pairs, err := ss.pairs(r)
	if err != nil {
		return best, err
	}
	unsearched := ss.leastUnasked() // the least shift of a window too wide to ask in full not asked
	for _, pr := range pairs {
		if best.Answer == Found && pr.floor.Cmp(best.Points) > 0 {
			break // in order of floor: every pair left could only answer more
		}
		from, to := ss.tops[pr.from], ss.tops[pr.to]
		ws, stopped, err := ss.ask(r, pr)
		if stopped != nil && (unsearched == nil || stopped.LessThan(*unsearched)) {
			unsearched = stopped
		}
		if err != nil {
			return best, err
		}
		if ws.Answer != Found {
			continue
		}
		if c := ws.Points.Cmp(best.Points); best.Answer != Found || c < 0 || (c == 0 && pr.at < bestAt) {
			ws.Rival, ws.RivalSupplier = r, st.Supplier
			ws.From, ws.To, ws.FromTitle, ws.ToTitle = from.c.ID, to.c.ID, from.c.Title, to.c.Title
			ws.BreakEven, ws.DrawsLevel = pr.be, pr.levels
			best, bestAt = ws, pr.at
		}
	}
	best.winner = ss.w
	best.notAskedFrom(unsearched)
	ss.unfollowed(&best)
	return best, nil
}

// leastUnasked is the least shift, over every pair of criteria, from which
// the search for where the winner falls below a minimum did not ask every
// hundredth (winnerLeaves): from there any bid may rank above it. nil when
// every pair was asked in full.
func (ss *shiftSearch) leastUnasked() *decimal.Decimal {
	var least *decimal.Decimal
	for fi := range ss.tops { // in the policy's order
		for ti := range ss.tops {
			if u, ok := ss.unasked[[2]int{fi, ti}]; ok && (least == nil || u.LessThan(*least)) {
				least = &u
			}
		}
	}
	return least
}

// notAskedFrom marks an answer the search did not ask in full from shift
// u (nil: it did) where that is below it: none found is then not
// computed.
func (w *WeightShift) notAskedFrom(u *decimal.Decimal) {
	if u == nil || (w.Answer == Found && !u.LessThan(w.Points)) {
		return
	}
	w.unsearched = u
	if w.Answer == CannotWin {
		w.Answer = NotComputed
	}
}

// ask finds the least shift of one pair of criteria that puts rival r
// above the winner, as the pair is to be asked (see pairs); stopped is
// the first hundredth of its window not asked, past maxScan of them, from
// which it was asked as before windows, from the break-even.
func (ss *shiftSearch) ask(r string, pr shiftPair) (ws WeightShift, stopped *decimal.Decimal, err error) {
	from, to := ss.tops[pr.from], ss.tops[pr.to]
	cross := ss.crossing[[2]int{pr.from, pr.to}]
	switch {
	case ss.lines, ss.ratios:
		ws, err = ss.f.leastShift(ss.w, r, from, to)
		return ws, nil, err
	case !pr.scan:
		ws, err = ss.f.confirmShift(ss.w, r, from.i, to.i, pr.start, from.limit, cross)
		return ws, nil, err
	}
	ws, stopped, err = ss.f.scanShift(ss.w, r, from, to, pr.floor, pr.hi, cross, ss.maxScan)
	if err != nil || stopped == nil {
		return ws, nil, err
	}
	start := pr.be
	if at := exact.Whole(*stopped); at.Cmp(start) > 0 {
		start = at
	}
	if pr.levels && start.Cmp(from.limit) <= 0 {
		ws, err = ss.f.confirmShift(ss.w, r, from.i, to.i, start, from.limit, cross)
	}
	return ws, stopped, err
}

// leavesRoundedAlone reports whether a policy rounds its leaves' points
// and nothing above them but, at most, the total: the default rounding,
// under which a ratio is read in machine integers at each shift
// (score.Trials.LeastShiftOutranking).
func leavesRoundedAlone(pol score.Policy) bool {
	rules := pol.Rounding
	if len(rules) == 0 {
		rules = score.DefaultRounding()
	}
	leaves := false
	for _, r := range rules {
		leaves = leaves || r.Stage == score.LeafPoints
		if r.Stage == score.TopLevel {
			return false
		}
	}
	return leaves
}

// unfollowed marks an answer the search could not give in full: where a
// shift can take another bid across a minimum and move the field's
// figures, the totals past it are not the lines the search reads. An
// answer found is confirmed, but a smaller one may lie past such a
// crossing; none found is not computed.
func (ss *shiftSearch) unfollowed(ws *WeightShift) {
	if ss.pol.Basis == score.PricePerQualityPoint {
		return // a bid crossing moves neither the rival's ratio nor the winner's: it bears on the award alone (firstMoved)
	}
	first := ss.firstMoved()
	if first == nil {
		return
	}
	ws.unfollowed = first
	if ws.Answer == CannotWin {
		ws.Answer = NotComputed
	}
}

// firstMoved is the least shift, over every pair of criteria, from which
// the search does not follow the field (shiftSearch.moved), and the bid
// that could cross there; nil when there is none.
func (ss *shiftSearch) firstMoved() *unfollowedAt {
	var first *unfollowedAt
	for fi, from := range ss.tops { // in the policy's order: of equal shifts, the first pair's
		for ti, to := range ss.tops {
			m, ok := ss.moved[[2]int{fi, ti}]
			if !ok {
				continue
			}
			at := decimal.Max(hundredth, exact.Rounding{Places: 2, Mode: exact.Floor}.Apply(m.Least))
			if first == nil || at.LessThan(first.points) {
				first = &unfollowedAt{points: at, from: from.c.Title, to: to.c.Title, bid: m.BidID,
					joins: m.joins, prices: ss.pol.Basis != score.PricePerQualityPoint}
			}
		}
	}
	return first
}

// shiftPair is one move of weight, from one weighted top-level criterion
// to another (positions in tops), worth confirming for a rival: its exact
// break-even in percentage points, within the criterion's limit, and the
// least shift, in hundredths, at which the rival could rank above the
// winner — at is its place in the policy's order.
type shiftPair struct {
	from, to, at int
	be           exact.Fraction
	levels       bool // be is set: the shift draws the two level
	floor        decimal.Decimal
	// start is where the confirmation starts: the break-even, or the least
	// shift at which the winner could fall below a threshold.
	start exact.Fraction
	// scan, under thresholds with the price weighted, asks every hundredth
	// from floor to hi, where the two totals' lines allow the rival above
	// the winner while no bid crosses a threshold (score.Trials.ShiftWindow).
	scan bool
	hi   decimal.Decimal
}

// pairs returns the moves of weight worth confirming for rival r, in order
// of their floors. Where the totals are lines in the shift (ss.lines), or
// under minimum scores or price per quality point (ss.scanned), the floor
// is where the rounding could first show the rival above the winner
// (score.Trials.ShiftWindow), and a pair where it could at no shift is
// left out; the reference, which confirms every pair, keeps the lines'
// pairs all from 0.01. Where the winner could fall below a minimum a pair
// is also confirmed from there. Otherwise (a price adjusted by features) a
// pair is confirmed from its break-even, its floor 0.01, and one whose
// break-even is past the weight there is to move is left out.
func (ss *shiftSearch) pairs(r string) (out []shiftPair, err error) {
	rr, _ := ss.f.result(r)
	shares := make([]exact.Fraction, len(ss.tops)) // the rival's share of each criterion's marks, read once
	for i, t := range ss.tops {
		shares[i] = ss.share(rr, t.i, t.avail)
	}
	for fi, from := range ss.tops {
		for ti, to := range ss.tops {
			if from.i == to.i {
				continue
			}
			be, ok := ss.breakEven(rr, shares[ti].Sub(shares[fi]), from, to)
			be = be.Mul(ss.toPercent)
			pr := shiftPair{from: fi, to: ti, at: fi*len(ss.tops) + ti, start: be, floor: hundredth}
			if ok {
				pr.be, pr.levels = be, true
			}
			if c, crosses := ss.crossing[[2]int{fi, ti}]; crosses { // the winner may fall below a minimum
				out = append(out, shiftPair{from: fi, to: ti, at: pr.at, be: pr.be, levels: pr.levels, start: c, floor: decimal.Max(hundredth, exact.Rounding{Places: 2, Mode: exact.Ceiling}.Apply(c))})
			}
			if (ss.lines || ss.scanned) && ss.pol.Basis != score.PricePerQualityPoint && !ss.mayReach(rr, shares[ti].Sub(shares[fi]), from, to) {
				continue // its window is empty: no need to draw the lines
			}
			if ss.lines || ss.scanned {
				lo, hi, could, err := ss.f.tr.ShiftWindow(from.c.ID, to.c.ID, r, ss.w)
				switch {
				case err != nil:
					return nil, err
				case !could || exact.Whole(lo).Cmp(from.limit) > 0:
					continue
				case !ss.f.reference || ss.scanned:
					pr.floor = lo
				}
				pr.scan, pr.hi = ss.scanned, hi
				out = append(out, pr)
				continue
			}
			if ok && be.Cmp(from.limit) <= 0 {
				out = append(out, pr)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b shiftPair) int { return a.floor.Cmp(b.floor) })
	return out, nil
}

// mayReach reports whether the rival's total as shown could reach the
// winner's at some shift from one criterion to another within from's
// limit, from the totals and the criteria's points as shown alone (small
// numbers: no line before rounding is drawn), so that a pair whose window
// is surely empty is not asked for it (score.Trials.ShiftWindow). Each
// total as shown is within the reach S of its line before rounding, and
// that line within S × (1 + from's marks over to's) of the line drawn
// through the points as shown (each criterion's points as shown are
// within its part of S of its points before rounding, scaled by at most
// that as weight moves into to), and the total as shown within S of the
// sum of its criteria's points as shown: the rival can reach the winner
// only where the gap on the lines through the points as shown is at most
// 2S × (3 + from's marks over to's). dR is the rival's share of to's
// marks less its share of from's.
func (ss *shiftSearch) mayReach(rr score.BidResult, dR exact.Fraction, from, to weighted) bool {
	ratio, err := from.avail.Quo(to.avail)
	if err != nil {
		return true
	}
	margin := ss.reach.Mul(exact.Int(2)).Mul(exact.Int(3).Add(ratio))
	gap := ss.wr.Total.Points.Value.Sub(rr.Total.Points.Value) // at no shift
	if g := dR.Sub(to.winner.Sub(from.winner)); g.Sign() > 0 { // closing: least at the limit
		most, _ := from.limit.Quo(ss.toPercent)
		gap = gap.Sub(g.Mul(most))
	}
	return gap.Cmp(margin) <= 0
}

// crossings finds, under thresholds, the least shift between each pair of
// weighted criteria at which the winner could fall below one: there every
// rival may rank above it, whether or not the shift closes the gap
// between their totals.
func (ss *shiftSearch) crossings() {
	if !hasThresholds(ss.pol) || ss.w == "" {
		return
	}
	// A bid leaving moves a figure only at an end of a field of prices: the
	// social value fields are drawn before any threshold (score's kernel),
	// and a level group is searched by trials, which read it whole.
	ends, known := ss.f.priceEnds()
	moves := func(id string) bool { return !known || ends[id] }
	ranked := map[string]bool{}
	for _, st := range ss.f.base.Standings {
		ranked[st.BidID] = true
	}
	ss.crossing, ss.moved, ss.unasked = map[[2]int]exact.Fraction{}, map[[2]int]movedBy{}, map[[2]int]decimal.Decimal{}
	for fi, from := range ss.tops {
		for ti, to := range ss.tops {
			if fi == ti {
				continue
			}
			key := [2]int{fi, ti}
			for _, c := range ss.f.tr.ShiftCrossings(from.c.ID, to.c.ID) { // in order of the least shift
				_, seen := ss.moved[key]
				switch {
				case c.Least.Cmp(from.limit) > 0:
				case c.BidID == ss.w:
					d, ok, unasked := ss.winnerLeaves(from, to, c.Least)
					if ok {
						ss.crossing[key] = d
					}
					if unasked != nil {
						ss.unasked[key] = *unasked
					}
				case !ranked[c.BidID] && ss.f.tr.JoinsWithoutMoving(c.BidID):
					ss.noteJoiner(c, fi, ti) // searched as a rival is: it moves nothing for the others
				case !seen && (!ranked[c.BidID] || moves(c.BidID)):
					ss.moved[key] = movedBy{c, !ranked[c.BidID]}
				}
			}
		}
	}
}

// winnerLeaves finds where a shift from one criterion to another takes
// the winner below a minimum, at or above the least shift at which it
// could: the winner is out at the shift returned, and in 0.01 less. The
// winner's margin against the minimum is a line in the shift, so it is in
// below the crossing and out above it, give or take the rounding: the
// winner out at from's limit says it crosses; the hundredths above the
// least shift are tried in turn (the margin as shown steps with the
// rounding, so the winner can be out at one and in again at the next), and
// only past 500 of them does halving between them and the limit find it,
// or the winner in at the limit say it does not leave: unasked is then the
// first hundredth not asked, from which the answers are not read in full.
// Worked out once for each pair of criteria, for every rival.
func (ss *shiftSearch) winnerLeaves(from, to weighted, least exact.Fraction) (cross exact.Fraction, ok bool, unasked *decimal.Decimal) {
	out := func(d decimal.Decimal) bool {
		tr, err := ss.f.tr.WithWeightShift(from.c.ID, to.c.ID, d)
		if err != nil {
			return false
		}
		defer tr.Release()
		_, scored := tr.Total(ss.w)
		return !scored
	}
	hi, _ := from.limit.Decimal()
	lo := exact.Rounding{Places: 2, Mode: exact.Floor}.Apply(least)
	if lo.Sign() > 0 && out(lo) {
		lo = decimal.Zero // in as evaluated
	}
	for range 500 { // every hundredth, as the rounding can take the winner out and back in
		next := lo.Add(hundredth)
		if next.Cmp(hi) > 0 {
			return exact.Fraction{}, false, nil // in at every shift: it never leaves
		}
		if out(next) {
			return exact.Whole(next), true, nil
		}
		lo = next
	}
	first := lo.Add(hundredth) // past 500 of them: not asked one by one
	if !out(hi) {
		return exact.Fraction{}, false, &first // in at the limit: taken not to leave
	}
	for hi.Sub(lo).Cmp(hundredth) > 0 {
		mid := lo.Add(hi).Div(decimal.NewFromInt(2)).RoundFloor(2)
		if out(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return exact.Whole(hi), true, &first
}

// breakEven is the weight, on the policy's own scale, that must move from
// one criterion to another for the rival to draw level with the winner;
// false when no such shift helps it. dR is the rival's share of to's
// marks less its share of from's.
func (ss *shiftSearch) breakEven(rr score.BidResult, dR exact.Fraction, from, to weighted) (exact.Fraction, bool) {
	wr := ss.wr
	dW := to.winner.Sub(from.winner)
	if ss.pol.Basis != score.PricePerQualityPoint {
		g := dR.Sub(dW)
		if g.Sign() <= 0 {
			return exact.Fraction{}, false
		}
		be, _ := wr.Total.Points.Value.Sub(rr.Total.Points.Value).Quo(g)
		return be, true
	}
	if ss.pricePC == nil {
		return exact.Fraction{}, false
	}
	bW, _ := ss.f.bid(ss.w)
	bR, _ := ss.f.bid(rr.BidID)
	pW, ok1 := quote(*ss.pricePC, bW)
	pR, ok2 := quote(*ss.pricePC, bR)
	if !ok1 || !ok2 {
		return exact.Fraction{}, false
	}
	qW := qualityPoints(wr, pW)
	qR := qualityPoints(rr, pR)
	// R ahead when pR·qW(δ) − pW·qR(δ) < 0.
	h0 := qW.MulDec(pR).Sub(qR.MulDec(pW))
	den := dR.MulDec(pW).Sub(dW.MulDec(pR))
	if den.Sign() <= 0 {
		return exact.Fraction{}, false
	}
	be, _ := h0.Quo(den)
	return be, true
}

// hasThresholds reports whether a policy sets a minimum quality percentage
// or a minimum percentage on any criterion: thresholds a shift of weight
// can move a bid across.
func hasThresholds(p score.Policy) bool {
	return p.Thresholds.MinQualityPercent != nil || thresholded(p.Criteria)
}

// thresholded reports whether any criterion, at any depth, sets a minimum
// percentage of its marks.
func thresholded(cs []score.Criterion) bool {
	for _, c := range cs {
		if c.MinPercent != nil || thresholded(c.Children) {
			return true
		}
	}
	return false
}

func winnerText(id string) string {
	if id == "" {
		return "no bid wins outright"
	}
	return id
}

// qualityPoints is a bid's quality points under price per quality point:
// the sum of its weighted top-level criteria, which its price was divided
// by (price ÷ the unrounded ratio, exactly), so that nothing is worded.
func qualityPoints(br score.BidResult, price decimal.Decimal) exact.Fraction {
	q, err := exact.Whole(price).Quo(br.Total.Unrounded)
	if err != nil {
		return exact.Zero
	}
	return q
}

// confirmShift re-scores from the first hundredth at or above start (the
// exact break-even, or cross, where the winner falls below a minimum),
// stepping by 0.01 until the rival is above the winner, then back down
// while it still is: the answer is a shift at which the rival is above the
// winner and not at 0.01 less. Where the rival is above it for more than
// maxSteps hundredths below, the edge is found by halving between the
// weights as published, where it is not, and the shift found. The steps ask
// only whether the rival ranks above the winner; the answer and the
// hundredth below it are trials whole, whose winners and totals the checks
// show.
func (f *field) confirmShift(w, r string, from, to int, be, limit, cross exact.Fraction) (WeightShift, error) {
	const maxSteps = 500
	sh := f.newShifts(w, r, from, to, cross)
	d := exact.Rounding{Places: 2, Mode: exact.Ceiling}.Apply(be)
	if d.Sign() <= 0 {
		d = hundredth
	}
	lim, _ := limit.Decimal()
	yes, err := sh.ahead(d)
	for i := 0; err == nil && !yes && i < maxSteps; i++ {
		if d = d.Add(hundredth); d.Cmp(lim) > 0 {
			return WeightShift{Answer: CannotWin}, nil
		}
		yes, err = sh.ahead(d)
	}
	if err != nil || !yes {
		return WeightShift{Answer: CannotWin}, err
	}
	d, err = sh.edgeBelow(d, maxSteps)
	if err != nil {
		return WeightShift{}, err
	}
	return sh.found(d)
}

// leastShift finds the least shift of weight from one top-level criterion
// to another, up to from's limit, that puts rival r above winner w, where
// the totals are lines in the shift: every hundredth at which the rounding
// could show r above w is asked, from the least up
// (score.Trials.LeastShiftOutranking), and the answer confirmed.
func (f *field) leastShift(w, r string, from, to weighted) (WeightShift, error) {
	lim, _ := from.limit.Decimal()
	d, ok, err := f.tr.LeastShiftOutranking(from.c.ID, to.c.ID, lim, r, w)
	if err != nil || !ok {
		return WeightShift{Answer: CannotWin}, err
	}
	return f.newShifts(w, r, from.i, to.i, exact.Fraction{}).found(d)
}

// scanShift finds, under thresholds, the least shift from one top-level
// criterion to another, from lo to hi (and from's limit), that puts rival
// r above winner w, asking every hundredth by a trial: there the two
// totals' lines allow it while no bid crosses a threshold; past a shift
// at which the winner falls below one the crossing pair answers, and past
// one at which another bid moves the field the answer says it does not
// follow (unfollowed). The answer's edge is then checked below it, as
// confirmShift checks it: there the window need not hold. At most budget
// hundredths are asked: the first not asked is returned when none of them
// answered and the window runs on.
func (f *field) scanShift(w, r string, from, to weighted, lo, hi decimal.Decimal, cross exact.Fraction, budget int) (WeightShift, *decimal.Decimal, error) {
	sh := f.newShifts(w, r, from.i, to.i, cross)
	lim, _ := from.limit.Decimal()
	for d, n := lo, 0; d.Cmp(hi) <= 0 && d.Cmp(lim) <= 0; d, n = d.Add(hundredth), n+1 {
		if n == budget {
			return WeightShift{Answer: CannotWin}, &d, nil
		}
		yes, err := sh.ahead(d)
		if err != nil {
			return WeightShift{}, nil, err
		}
		if yes {
			// Past a shift at which another bid moves the field the lines,
			// and so lo, do not hold: the edge is read as confirmShift reads it.
			if d, err = sh.edgeBelow(d, 500); err != nil {
				return WeightShift{}, nil, err
			}
			ws, err := sh.found(d)
			return ws, nil, err
		}
	}
	return WeightShift{Answer: CannotWin}, nil, nil
}

// found is the answer d confirmed: the shift and a hundredth below it are
// trials whole (for the reference, evaluations of the lot), whose winners
// and totals the checks show.
func (sh *shifts) found(d decimal.Decimal) (WeightShift, error) {
	w, r := sh.w, sh.r
	at, err := sh.outcome(d)
	if err != nil {
		return WeightShift{}, err
	}
	before, err := sh.outcome(d.Sub(hundredth))
	if err != nil {
		return WeightShift{}, err
	}
	moved := func(x decimal.Decimal) change { return change{kind: shiftChange, id: r, winner: w, points: x} }
	return WeightShift{Answer: Found, Points: d, NewWinner: at.Winner, Checks: []Check{
		{Holds: true, Winner: at.Winner, what: moved(d), shown: totalsOf(at, r, w, at.Winner)},
		{Holds: false, Winner: before.Winner, what: moved(d.Sub(hundredth)), shown: totalsOf(before, r, w, before.Winner)},
	}}, nil
}

// edgeBelow steps down from a shift d at which the rival is above the
// winner, at most steps hundredths, to one at which it is and 0.01 less at
// which it is not; past the steps it halves between d and no shift at
// all, where the rival is below the winner as evaluated.
func (sh *shifts) edgeBelow(d decimal.Decimal, steps int) (decimal.Decimal, error) {
	for i := 0; i < steps && d.Cmp(hundredth) > 0; i++ {
		prev, err := sh.ahead(d.Sub(hundredth))
		if err != nil || !prev {
			return d, err
		}
		d = d.Sub(hundredth)
	}
	lo := decimal.Zero // not above: the weights as published
	for d.Sub(lo).Cmp(hundredth) > 0 {
		mid := lo.Add(d).Div(decimal.NewFromInt(2)).RoundFloor(2)
		yes, err := sh.ahead(mid)
		if err != nil {
			return d, err
		}
		if yes {
			d = mid
		} else {
			lo = mid
		}
	}
	return d, nil
}

// shifts is one confirmation's shifts of weight, from one top-level
// criterion to another, for rival r against winner w: each asked once by
// hundredths, however often the search asks.
type shifts struct {
	f        *field
	w, r     string
	from, to int
	seen     map[int64]shifted
	// cross is the shift at which the winner falls below a minimum, in
	// hundredths (shiftSearch.crossing); 0 when it does not.
	cross int64
}

// newShifts readies one confirmation's shifts from top-level criterion
// from to to (positions in the policy), cross the shift at which the
// winner falls below a minimum (the zero Fraction for none).
func (f *field) newShifts(w, r string, from, to int, cross exact.Fraction) *shifts {
	sh := &shifts{f: f, w: w, r: r, from: from, to: to, seen: map[int64]shifted{}}
	if c, ok := cross.Decimal(); ok {
		sh.cross = c.Shift(2).IntPart() // zero (no crossing) reads as none
	}
	return sh
}

// crossKey is one shift of weight between two top-level criteria (by
// position in the policy), in hundredths.
type crossKey struct {
	from, to int
	d        int64
}

// held is the trial of shift d when it is the pair's crossing or a
// hundredth below it, made once for every rival: at the crossing the
// winner is out and each rival reads where it stands from the same trial,
// one evaluated whole; false for any other shift.
func (sh *shifts) held(d decimal.Decimal) (score.Trial, bool, error) {
	key := d.Shift(2).IntPart()
	if sh.cross == 0 || (key != sh.cross && key != sh.cross-1) {
		return score.Trial{}, false, nil
	}
	k := crossKey{sh.from, sh.to, key}
	if t, ok := sh.f.crossTrials[k]; ok {
		return t, true, nil
	}
	pol := sh.f.lot().Policy
	t, err := sh.f.tr.WithWeightShift(pol.Criteria[sh.from].ID, pol.Criteria[sh.to].ID, d)
	if err != nil {
		return score.Trial{}, false, err
	}
	if sh.f.crossTrials == nil {
		sh.f.crossTrials = map[crossKey]score.Trial{}
	}
	sh.f.crossTrials[k] = t // kept, never given back: read by every rival
	return t, true, nil
}

// shifted is what a shift was found to do: whether the rival ranks above
// the winner, and the trial's outcome when it was tried whole (full).
type shifted struct {
	yes, full bool
	res       outcome
}

// ahead reports whether the rival ranks above the winner at shift d:
// asked of the trials alone (Trials.ShiftOutranks), or for the reference
// read from the lot evaluated whole.
func (sh *shifts) ahead(d decimal.Decimal) (bool, error) {
	if d.Sign() <= 0 {
		return false, nil
	}
	key := d.Shift(2).IntPart()
	if s, ok := sh.seen[key]; ok {
		return s.yes, nil
	}
	if sh.f.reference {
		_, err := sh.outcome(d)
		return sh.seen[key].yes, err
	}
	if t, ok, err := sh.held(d); ok || err != nil {
		yes := err == nil && t.Outranks(sh.r, sh.w)
		sh.seen[key] = shifted{yes: yes}
		return yes, err
	}
	pol := sh.f.lot().Policy
	yes, err := sh.f.tr.ShiftOutranks(pol.Criteria[sh.from].ID, pol.Criteria[sh.to].ID, d, sh.r, sh.w)
	if err == nil {
		sh.seen[key] = shifted{yes: yes}
	}
	return yes, err
}

// outcome is the lot's outcome at shift d, the weights as published at
// none.
func (sh *shifts) outcome(d decimal.Decimal) (outcome, error) {
	if d.Sign() <= 0 {
		return sh.f.asEvaluated(), nil
	}
	key := d.Shift(2).IntPart()
	if s, ok := sh.seen[key]; ok && s.full {
		return s.res, nil
	}
	if t, ok, err := sh.held(d); ok || err != nil {
		if err != nil {
			return outcome{}, err
		}
		res := heldOutcome(t, sh.r, sh.w)
		sh.seen[key] = shifted{yes: t.Outranks(sh.r, sh.w), full: true, res: res}
		return res, nil
	}
	yes, res, err := sh.f.shiftedBy(sh.w, sh.r, sh.from, sh.to, d)
	if err == nil {
		sh.seen[key] = shifted{yes: yes, full: true, res: res}
	}
	return res, err
}

// shiftedBy re-scores the lot with d percentage points of weight moved from
// top-level criterion from to to, and reports whether the rival r then
// ranks above the winner w: a trial, or for the reference an evaluation of
// the lot with its policy changed.
func (f *field) shiftedBy(w, r string, from, to int, d decimal.Decimal) (bool, outcome, error) {
	if !f.reference {
		pol := f.lot().Policy
		t, err := f.tr.WithWeightShift(pol.Criteria[from].ID, pol.Criteria[to].ID, d)
		if err != nil {
			return false, outcome{}, err
		}
		above := t.Outranks(r, w) // before trialOutcome gives the trial back
		return above, f.trialOutcome(t, r, w), nil
	}
	res, err := f.evalOn(f.p.WithLot(f.shifted(from, to, d)))
	if err != nil {
		return false, lotOutcome(res), err
	}
	rankOf := map[string]int{}
	for _, s := range res.Standings {
		rankOf[s.BidID] = s.Rank
	}
	rw, okW := rankOf[w]
	rr, okR := rankOf[r]
	return okR && (!okW || rr < rw), lotOutcome(res), nil
}

// shifted returns the lot with d percentage points of the whole moved from
// top-level criterion from to top-level criterion to. Sub-criteria keep
// their shares of their parent: percent-of-total weighting is re-read as
// points (the same shares), and points weighting moves d% of the points.
func (f *field) shifted(from, to int, d decimal.Decimal) score.Lot {
	l := f.lot()
	pol := l.Policy
	pol.Criteria = cloneCriteria(pol.Criteria)
	move := d
	switch pol.Weighting {
	case score.PercentOfTotal:
		pol.Weighting = score.Points
	case score.Points:
		sum := decimal.Zero
		for _, c := range pol.Criteria {
			sum = sum.Add(c.Weight)
		}
		move = d.Mul(sum).Shift(-2) // d% of the points, exactly
	}
	pol.Criteria[from].Weight = pol.Criteria[from].Weight.Sub(move)
	pol.Criteria[to].Weight = pol.Criteria[to].Weight.Add(move)
	l.Policy = pol
	return l
}

// smallestShift is the smallest shift found that puts another bid above
// the winner: a rival's (Smallest) or, when smaller, one that lifts a bid
// over a minimum (Joining); nil when none does.
func smallestShift(s Sensitivity) *WeightShift {
	var m *WeightShift
	if s.Smallest >= 0 {
		m = &s.Shifts[s.Smallest]
	}
	if j := smallestJoining(s.Joining); j != nil && (m == nil || j.Points.LessThan(m.Points)) {
		m = j
	}
	return m
}

// robustness grades the smallest shift m (nil: none) and says so.
func robustness(w string, m *WeightShift) (Robustness, string) {
	conv := "(this library's convention: under 1 percentage point very sensitive, under 5 sensitive, under 10 moderately robust, otherwise robust)"
	if m == nil {
		return Robust, fmt.Sprintf("The award to %s is robust to the weights: no shift of weight between two top-level criteria puts another compliant bid above it.", w)
	}
	var g Robustness
	var words string
	switch {
	case m.Points.Cmp(decimal.NewFromInt(1)) < 0:
		g, words = VerySensitive, "very sensitive to the weights"
	case m.Points.Cmp(decimal.NewFromInt(5)) < 0:
		g, words = Sensitive, "sensitive to the weights"
	case m.Points.Cmp(decimal.NewFromInt(10)) < 0:
		g, words = ModeratelyRobust, "moderately robust to the weights"
	default:
		g, words = Robust, "robust to the weights"
	}
	rival := m.Rival + " would then rank above it"
	if m.joins {
		rival = m.Rival + ", below a minimum score as evaluated, would then pass it and rank above it"
	}
	return g, fmt.Sprintf("The award to %s would change if %s percentage points of weight moved from %s to %s (%s). The award is %s %s.",
		w, exact.Plain(m.Points), m.FromTitle, m.ToTitle, rival, words, conv)
}
