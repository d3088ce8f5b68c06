package score

import (
	"maps"
	"slices"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// A shift of weight under thresholds. A shift moves every bid's points,
// and a bid near a minimum can cross it: below it, out of the field; back
// above it, in. The field's figures (each price criterion's lowest and
// highest prices) are read over the bids still in, so a crossing can move
// every other bid's score; but mostly it moves none, and then only the
// crossing bids change: those now below stand out, those now above are
// scored against the field as it stands. Otherwise every bid is re-scored
// under the shift against the fields the crossings leave (everyBid).
//
// Where the price is divided rather than weighted (price per quality
// point, a price adjusted by features), no price is scored against a
// field, and the social value fields are drawn before any threshold
// (scoreSocialValue): a crossing moves no figure another bid is scored
// against. Every bid is then re-scored, as it is asked, and the crossing
// bids leave or join.

// shiftFlips tests each bid the thresholds test (every bid not out at a
// gate, by disregard or for a mark below a question's minimum) that the
// shift could take across them (its sieve, trial_weights_sieve.go) under
// the shift of weight, its points worked out as the shifted lot shows them
// against the minimums as it reads them, and records in w.flips each bid
// whose standing there differs from its standing as evaluated. false when
// a threshold reads a criterion holding the price, whose points a bid out
// at a threshold never reaches: the shift is then evaluated whole.
func (t *Trials) shiftFlips(w *weightState) bool {
	k := t.k
	for _, n := range slices.Concat(t.th.mins, t.th.quality) {
		if n.hasPrice() {
			return false
		}
	}
	scratch := t.nums()
	defer t.done(scratch)
	nums := *scratch
	for _, i := range t.sieve(w.from, w.to).reached(w.d) { // the others stand as evaluated
		tab := t.evaluated(i)
		was := t.th.below(func(n *node) exact.Fraction { return tab[n.index].points.Value }, nil)
		k.numbersUnder(&k.bids[i], nums, w.avail, tab, w.from, w.to)
		if now := t.th.below(func(n *node) exact.Fraction { return nums[n.index].points.Value }, w.avail); now != was {
			if w.flips == nil {
				w.flips = map[int]bool{}
			}
			w.flips[i] = now
		}
	}
	return true
}

// flipsFollowed reports whether the lines can follow a shift whose
// crossings are w.flips: no bid leaving is among those the lines put near
// the best (the best of the rest may then be any), and no price
// criterion's lowest price moves, nor its highest under the linear method,
// the one that reads it (every other bid's price points stand).
func (t *Trials) flipsFollowed(w *weightState) bool {
	for _, i := range w.lines(t).near(w.d) {
		if w.flips[i] {
			return false
		}
	}
	for j := range t.k.prices {
		if !t.spreadStands(j, w.flips) {
			return false
		}
	}
	return true
}

// spreadStands reports whether price leaf j's field, as evaluated, keeps
// its lowest price — and its highest, under the linear method, the one
// that reads it — with the crossings flips (true for a bid leaving, false
// for one joining): read from the crossing bids alone. A bid leaving moves
// an end only when every bid at it leaves and none joining takes its place.
func (t *Trials) spreadStands(j int, flips map[int]bool) bool {
	k, n, was := t.k, t.k.prices[j], t.spreads[j]
	linear := n.c.Price.Method == criteria.Linear
	count, atLo, atHi := was.n, was.nLo, was.nHi
	var joinLo, joinHi exact.Fraction
	joined := false
	for i, out := range flips {
		q := k.bids[i].prep.quotes[j]
		if n.c.Price.IsOverBudget(q.Price) {
			continue // never in the field
		}
		p := q.Exact()
		switch {
		case out && k.bids[i].fcells[n.field].state == cellScored: // in as evaluated
			count--
			atLo -= boolInt(p.Equal(was.lo))
			atHi -= boolInt(p.Equal(was.hi))
		case !out && !t.overBudget(i):
			count++
			if !joined {
				joinLo, joinHi, joined = p, p, true
			}
			joinLo, joinHi = joinLo.Min(p), joinHi.Max(p)
		}
	}
	if (count == 0) != (was.n == 0) {
		return false // a field emptied, or filled
	}
	if count == 0 {
		return true
	}
	endStands := func(left int, end, join exact.Fraction, beyond int) bool {
		if joined && join.Cmp(end)*beyond > 0 {
			return false // a bid joining lies beyond the end
		}
		return left > 0 || joined && join.Equal(end)
	}
	return endStands(atLo, was.lo, joinLo, -1) && (!linear || endStands(atHi, was.hi, joinHi, 1))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// flipped is the bid at position i under a shift that takes it across the
// thresholds: out (now below them), as a trial keeps such a bid, numbers
// only; or in, priced against the field (as evaluated, which the crossings
// leave standing when the lines follow them: flipsFollowed) and totalled
// under the shift — unless a budget that disqualifies it then takes it out.
func (w *weightState) flipped(t *Trials, i int, out bool) *bidKernel {
	k := t.k
	s := k.bids[i]
	if out {
		s.belowThreshold()
		return &s
	}
	s.fcells = slices.Clone(s.fcells)
	s.dq, s.extra, s.reached, s.qpct = nil, nil, reachedTotal, nil
	for j, n := range k.prices {
		q := &s.prep.quotes[j]
		switch m := n.c.Price.Method; {
		case k.disqualifiesAt(j, q):
			s.disqualify(AtBudget, Reason{Rule: "over-budget", Ref: n.c.ID})
			s.fcells[n.field] = cell{state: cellOverBudget, quote: int32(j)}
		case m == criteria.PerQualityPoint || m == criteria.AdjustedByFeatures: // divided, not scored: as scorePrices has it
			s.fcells[n.field] = cell{state: cellPerPoint, quote: int32(j)}
		default:
			s.fcells[n.field] = cell{a: criteria.Assessment{Value: w.priceScore(t, j, q)}, state: cellScored, quote: int32(j)}
		}
	}
	if s.out() {
		s.total, s.tie = TotalLine{}, nil
		return &s
	}
	if len(k.tieNodes) > 0 {
		s.tie = make([]Figure, len(k.tieNodes))
	}
	scratch := t.nums()
	defer t.done(scratch)
	k.numbersUnder(&s, *scratch, w.avail, nil)
	k.total(&s, *scratch)
	return &s
}

// joiners offers the leaders under a shift the bids it lifts above the
// thresholds, which the lines do not hold: each is totalled exactly, and
// offered in bid order (ties keep it).
func (w *weightState) joiners(st *trialState, l *leaders) {
	for _, i := range slices.Sorted(maps.Keys(w.flips)) {
		if !w.flips[i] {
			l.consider(w.bid(st.t, i))
		}
	}
}

// everyBid readies a shift whose crossings the lines cannot follow (a bid
// leaving from near the best, or an end of the prices moving) to re-score
// every bid, each priced against its price leaves' fields with the
// crossings: O(bids), where evaluating the shifted lot whole would build
// its result too.
func (w *weightState) everyBid(t *Trials) {
	k := t.k
	w.all = true
	w.spreads = make([]spreadStat, len(k.prices))
	for j, n := range k.prices {
		if !slices.Contains(w.tops, n.top) {
			w.tops = append(w.tops, n.top)
		}
		w.spreads[j] = spreadWhere(k, n, j, func(i int) bool {
			if out, ok := w.flips[i]; ok {
				return !out && !t.overBudget(i)
			}
			return k.bids[i].fcells[n.field].state == cellScored
		})
	}
}

// priceScore is price leaf j's normalised score for a quote under the
// shift: against its field as the shift has it.
func (w *weightState) priceScore(t *Trials, j int, q *criteria.Quote) exact.Fraction {
	sp := t.spreads[j]
	if w.spreads != nil {
		sp = w.spreads[j]
	}
	return sp.scoreIn(t.k.prices[j].c.Price, *q)
}

// repriced prices a bid in the field as evaluated against its price
// leaves' fields as the shift has them, when they moved (everyBid): the
// lines under w.tops are then worked out again.
func (w *weightState) repriced(t *Trials, s *bidKernel) {
	if w.spreads == nil {
		return
	}
	s.fcells = slices.Clone(s.fcells)
	for j, n := range t.k.prices {
		if c := &s.fcells[n.field]; c.state == cellScored {
			c.a = criteria.Assessment{Value: w.priceScore(t, j, &s.prep.quotes[j])}
		}
	}
}
