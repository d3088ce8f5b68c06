package analysis

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Bids a shift of weight lifts over a minimum.
//
// A bid below a minimum score as evaluated is not a rival: it has no rank.
// A shift of weight can lift it over the minimum, and there it may rank
// above the winner. The social value fields are drawn before any minimum,
// so such a bid moves a figure the others are scored against only by
// joining a field of prices at one of its ends: under weighted points, as
// the lowest price (or, under the linear method, the highest), and then
// the search says it does not follow the field past it (unfollowedAt).
// Under price per quality point no price is scored against a field at
// all. Any other such bid (score.Trials.JoinsWithoutMoving) has, should it
// join, its total or ratio read as a ranked bid's is, and is searched as a
// rival is: from the least shift at which it could cross the minimum
// (score.Trials.ShiftCrossings) and the least at which the rounding could
// show it above the winner (score.Trials.ShiftWindow), every hundredth
// asked, at most maxScan of them, and an answer found confirmed by
// re-scoring.

// joinerPair is one pair of criteria along which a shift could lift a bid
// over a minimum, and the least shift, in percentage points, at which it
// could.
type joinerPair struct {
	from, to int // positions in tops
	least    exact.Fraction
}

// joinerBid is a bid below a minimum as evaluated, with every pair along
// which a shift could lift it over, in the policy's order.
type joinerBid struct {
	id    string
	pairs []joinerPair
}

// noteJoiner records that a shift from tops[fi] to tops[ti] could lift bid
// c over a minimum, from c.Least.
func (ss *shiftSearch) noteJoiner(c score.ShiftCrossing, fi, ti int) {
	at, ok := ss.joinerAt[c.BidID]
	if !ok {
		if ss.joinerAt == nil {
			ss.joinerAt = map[string]int{}
		}
		at = len(ss.joiners)
		ss.joinerAt[c.BidID] = at
		ss.joiners = append(ss.joiners, joinerBid{id: c.BidID})
	}
	ss.joiners[at].pairs = append(ss.joiners[at].pairs, joinerPair{from: fi, to: ti, least: c.Least})
}

// joinersInOrder is the bids below a minimum as evaluated that a shift
// could lift over it without moving a figure, in the lot's bid order: each
// searched by joinerShift.
func (ss *shiftSearch) joinersInOrder() []joinerBid {
	joiners := slices.Clone(ss.joiners)
	slices.SortFunc(joiners, func(a, b joinerBid) int { return ss.f.resultByID[a.id] - ss.f.resultByID[b.id] })
	return joiners
}

// joinedFound is Sensitivity.Joining from every joiner's answer: those that
// some shift puts above the winner, or whose search was cut short; the
// bids no shift puts there, as far as the search follows the field, are
// left out (where it stops following it below the smallest shift found,
// the statement says so).
func joinedFound(joined []WeightShift) []WeightShift {
	var out []WeightShift
	for _, ws := range joined {
		if ws.Answer != CannotWin {
			out = append(out, ws)
		}
	}
	return out
}

// joinerShift is one bid's smallest shift, over the pairs along which it
// could cross, as smallestFor finds a rival's: of equal shifts, the first
// pair in the policy's order.
func (ss *shiftSearch) joinerShift(j joinerBid) (WeightShift, error) {
	br, _ := ss.f.result(j.id)
	best := WeightShift{Rival: j.id, RivalSupplier: br.Supplier, Answer: CannotWin, winner: ss.w, joins: true}
	bestAt := -1
	unsearched := ss.leastUnasked() // as for a rival
	pairs := slices.Clone(j.pairs)
	slices.SortStableFunc(pairs, func(a, b joinerPair) int { return a.least.Cmp(b.least) })
	for _, p := range pairs {
		if best.Answer == Found && exact.Whole(best.Points).Cmp(p.least) < 0 {
			break // in order of the least crossing: every pair left could only answer more
		}
		from, to := ss.tops[p.from], ss.tops[p.to]
		ws, stopped, err := ss.joinerPair(j.id, p)
		if err != nil {
			return best, err
		}
		if stopped != nil && (unsearched == nil || stopped.LessThan(*unsearched)) {
			unsearched = stopped
		}
		at := p.from*len(ss.tops) + p.to
		if ws.Answer != Found {
			continue
		}
		if c := ws.Points.Cmp(best.Points); best.Answer != Found || c < 0 || (c == 0 && at < bestAt) {
			ws.Rival, ws.RivalSupplier, ws.winner, ws.joins = j.id, br.Supplier, ss.w, true
			ws.From, ws.To, ws.FromTitle, ws.ToTitle = from.c.ID, to.c.ID, from.c.Title, to.c.Title
			best, bestAt = ws, at
		}
	}
	best.notAskedFrom(unsearched)
	if best.Answer == Found {
		ss.unfollowed(&best) // under weighted points, a smaller shift may lie past a bid that moves a figure
	}
	return best, nil
}

// joinerPair searches one pair along which a shift could lift bid id over
// a minimum: every hundredth of the two bids' window (their totals', or
// under price per quality point their ratios') from where it could
// cross, then every hundredth from where the winner falls below a minimum
// (as for a rival: pairs), where the bid ranks above it once it is in;
// stopped is the first hundredth not asked, past maxScan of them.
func (ss *shiftSearch) joinerPair(id string, p joinerPair) (ws WeightShift, stopped *decimal.Decimal, err error) {
	from, to := ss.tops[p.from], ss.tops[p.to]
	cross, crosses := ss.crossing[[2]int{p.from, p.to}]
	lo, hi, could, err := ss.f.tr.ShiftWindow(from.c.ID, to.c.ID, id, ss.w)
	if err != nil {
		return ws, nil, err
	}
	lo = decimal.Max(lo, exact.Rounding{Places: 2, Mode: exact.Ceiling}.Apply(p.least), hundredth)
	ws.Answer = CannotWin
	if could && exact.Whole(lo).Cmp(from.limit) <= 0 {
		if ws, stopped, err = ss.f.scanShift(ss.w, id, from, to, lo, hi, cross, ss.maxScan); err != nil {
			return ws, stopped, err
		}
	}
	if crosses && (ws.Answer != Found || cross.Cmp(exact.Whole(ws.Points)) < 0) { // the window holds while the winner is in
		at := exact.Rounding{Places: 2, Mode: exact.Ceiling}.Apply(cross.Max(p.least))
		lim, _ := from.limit.Decimal()
		wc, cut, err := ss.f.scanShift(ss.w, id, from, to, at, lim, cross, ss.maxScan) // the bid above the winner once it is in
		if cut != nil && (stopped == nil || cut.LessThan(*stopped)) {
			stopped = cut
		}
		if err != nil || wc.Answer == Found && (ws.Answer != Found || wc.Points.LessThan(ws.Points)) {
			return wc, stopped, err
		}
	}
	return ws, stopped, err
}

// smallestJoining is the smallest shift found in joining; nil when none
// was. Of equal shifts, the first in bid order.
func smallestJoining(joining []WeightShift) *WeightShift {
	var m *WeightShift
	for i := range joining {
		if j := &joining[i]; j.Answer == Found && (m == nil || j.Points.LessThan(m.Points)) {
			m = j
		}
	}
	return m
}
