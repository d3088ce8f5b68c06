package analysis

import (
	"math"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// Near the answer the margins a search reads are steps of the rounding: a
// bid a point ahead at one price and tied a penny further on, with
// hundreds of pennies between, tells false position nothing, and halving
// takes a dozen re-scorings to find the penny. But the totals as shown
// change only where one rounded figure of the bid's or of its rival's
// does, and [score.Trials.PriceSteps] solves for those prices exactly. So
// once the margins at the two ends are a few steps of the shown totals
// apart, or the loss at hi a few steps behind, the search asks for the
// prices of the steps nearest hi. It tries first the one the margin at hi
// points to (each step below hi moves the margin by a step of the
// totals), then halves the list rather than the pennies, and after a win
// by a step or less tries the penny above: a loss there is the answer. A
// win there means a step was missed — a threshold crossed, a third bid
// overtaking — and halving closes what is left. Which prices are tried
// only orders the search (see fromCandidates).

// stepsNear is how many steps of the shown totals apart the margins at a
// bracket's ends may be for the search to ask for the prices of every step
// between them (up to stepsMost); stepsBelow how many steps a loss at hi
// may be behind for it to ask for as many nearest hi, and stepsSpare more;
// stepsAsked how often one search asks.
const (
	stepsNear  = 8
	stepsMost  = 32
	stepsBelow = 8
	stepsSpare = 4
	stepsAsked = 3
)

// stepping is how a search asks for the prices of the steps near its
// answer: a step of the bid's total as shown (zero when it is shown
// exactly, and every penny is a step), how often it has asked, whether a
// tie with its rival is expected to be won (no tie-break is read to lose
// it: see tieLoses), and whether it has asked for the steps just above lo
// (nearLo).
type stepping struct {
	unit        exact.Fraction
	asked       int
	tieWins     bool
	nearLoAsked bool
}

// stepped narrows the bracket by the steps where st says to ask for them:
// those just above lo (nearLo), or else those nearest hi (ask); asked is
// false, and the bracket as it was, where it did not ask or found none
// to try.
func (st *stepping) stepped(b bracket, steps stepsFunc, try func(int64) (bool, exact.Fraction, bool, error)) (bracket, bool, error) {
	if w := st.nearLo(b); w > 0 {
		if nb, tried, err := st.triedNearLo(b, w, steps, try); err != nil || tried {
			return nb, true, err
		}
	}
	if most := st.ask(b); most > 0 {
		nb, err := st.tried(b, most, steps, try)
		return nb, true, err
	}
	return b, false, nil
}

// nearLo is how far above lo to ask for steps where the bid wins at lo
// by a step or less and the search has not asked so yet: the answer is
// then the first change above lo that takes the margin below zero, most
// likely among the first few, where the steps nearest hi (ask) would
// list those far above it. It is the width over which the line between
// the margins at the ends falls by two steps; zero where not to ask, and
// where the margins at the ends are near (ask then reads every step
// between them).
func (st *stepping) nearLo(b bracket) int64 {
	if st == nil || st.nearLoAsked || st.asked >= stepsAsked || st.unit.Sign() <= 0 || !b.okLo || !b.okHi ||
		b.mLo.Sign() <= 0 || b.mLo.Cmp(st.unit) > 0 || b.mHi.Sign() >= 0 ||
		b.mLo.Sub(b.mHi).Cmp(st.unit.Mul(exact.Int(stepsNear))) <= 0 { // near at both ends: ask reads every step between
		return 0
	}
	w, err := exact.Int(b.hi - b.lo).Mul(st.unit.Mul(exact.Int(2))).Quo(b.mLo.Sub(b.mHi))
	if err != nil {
		return 0
	}
	n, ok := exact.Rounding{Places: 0, Mode: exact.Ceiling}.Units(w)
	if !ok || n < 2 {
		return 0
	}
	return min(n, b.hi-b.lo)
}

// triedNearLo asks for the steps from lo to lo + w, at most stepsNear,
// and tries them lowest first (see tryEach); tried is false, and the
// bracket as it was, where none lies above lo.
func (st *stepping) triedNearLo(b bracket, w int64, steps stepsFunc, try func(int64) (bool, exact.Fraction, bool, error)) (bracket, bool, error) {
	st.nearLoAsked = true
	cs, ok := steps(b.lo, b.lo+w, stepsNear)
	if !ok {
		return b, false, nil
	}
	cs = slices.DeleteFunc(cs, func(c int64) bool { return c <= b.lo || c >= min(b.hi, b.lo+w) })
	if len(cs) == 0 {
		return b, false, nil
	}
	st.asked++
	nb, err := b.tryEach(cs, 0, st.unit, try)
	return nb, true, err
}

// stepsFunc gives the last penny before each change of the totals from
// lo to hi, the most nearest hi; false when they cannot be read. It is
// passed down, never kept, so that the search it reads stays on the
// stack.
type stepsFunc func(lo, hi int64, most int) ([]int64, bool)

// ask returns how many steps to ask for, the margins at the bracket's ends
// read: every step between, when they are near; as many nearest hi as the
// loss there is steps behind, and a few more, when that is near; none
// otherwise, when the steps have been asked for often enough, and for a
// nil stepping.
func (st *stepping) ask(b bracket) int {
	if st == nil || st.asked >= stepsAsked || st.unit.Sign() <= 0 || !b.okHi {
		return 0
	}
	if b.okLo && b.mLo.Sub(b.mHi).Cmp(st.unit.Mul(exact.Int(stepsNear))) <= 0 {
		return stepsMost
	}
	if behind := st.behind(b.mHi); behind <= stepsBelow {
		return behind + stepsSpare
	}
	return 0
}

// behind is how many whole steps of the shown totals a margin is behind:
// 0 for a tie lost, which a margin gives as half a step.
func (st *stepping) behind(m exact.Fraction) int {
	q, err := m.Neg().Quo(st.unit)
	if err != nil {
		return math.MaxInt
	}
	n, ok := exact.Rounding{Places: 0, Mode: exact.Floor}.Units(q)
	if !ok || n > math.MaxInt32 {
		return math.MaxInt
	}
	return int(max(n, 0))
}

// tried narrows the bracket by the prices of the most steps nearest hi,
// if they can be had, trying first the step the margin at hi points to:
// each step below hi moves the margin by a step of the totals, so a bid
// k steps behind there wins k + 1 steps below (k, where a tie was lost
// and one step lower makes it a tie won; and where ties are expected to
// be won, since k steps below it ties). Trying first the k + 1st where
// ties are won cost the 200-bid share-of-price lot 65 re-scorings (1,316
// in all, against 1,251, when it was measured).
func (st *stepping) tried(b bracket, most int, steps stepsFunc, try func(int64) (bool, exact.Fraction, bool, error)) (bracket, error) {
	st.asked++
	cs, ok := steps(b.lo, b.hi, most)
	if !ok {
		st.asked = stepsAsked // the lot's steps cannot be read: never again
		return b, nil
	}
	behind := st.behind(b.mHi)
	first := len(cs) - 1 - behind
	if st.tieWins && behind > 0 {
		first++
	}
	return b.tryEach(cs, first, st.unit, try)
}

// tryEach narrows the bracket over the prices cs, ascending, first trying
// cs[first] (when it is one) and then halving the list: each is the last
// penny before a step, so the bid's standing stands still from the penny
// after one to the next. After a win at one by at most a step of the
// totals (unit) the penny above it is tried at once — a loss there is the
// answer, and the two re-scorings the search confirms it with — and after
// the list, the penny above the last win at one. Where none of cs lies
// between lo and hi, the totals stand still from the penny above lo to
// hi, as far as the steps say, and that penny is tried at once. A win
// there means the answer is higher, at a step missed (a threshold
// crossed, a third bid overtaking), and narrowed finds it.
func (b bracket) tryEach(cs []int64, first int, unit exact.Fraction, try func(int64) (bool, exact.Fraction, bool, error)) (bracket, error) {
	onStep := false // the last win was at one of cs, and the penny above it not yet tried
	inside := false // some of cs lies strictly between lo and hi
	for len(cs) > 0 && b.hi-b.lo > 1 {
		i := len(cs) / 2
		if first >= 0 && first < len(cs) {
			i = first
		}
		first = -1
		c := cs[i]
		if c <= b.lo || c >= b.hi {
			if c <= b.lo {
				cs = cs[i+1:]
			} else {
				cs = cs[:i]
			}
			continue
		}
		inside = true
		w, m, ok, err := try(c)
		if err != nil {
			return b, err
		}
		if !w {
			b.hi, b.mHi, b.okHi, cs = c, m, ok, cs[:i]
			continue
		}
		b.lo, b.mLo, b.okLo, cs, onStep = c, m, ok, cs[i+1:], true
		if ok && m.Cmp(unit) > 0 {
			continue // ahead by more than a step: the answer is higher
		}
		if b, err = b.above(try); err != nil {
			return b, err
		}
		onStep = false
	}
	if onStep || !inside {
		return b.above(try)
	}
	return b, nil
}

// above tries the penny above lo, unless it is hi.
func (b bracket) above(try func(int64) (bool, exact.Fraction, bool, error)) (bracket, error) {
	if b.hi-b.lo <= 1 {
		return b, nil
	}
	w, m, ok, err := try(b.lo + 1)
	if err != nil {
		return b, err
	}
	if w {
		b.lo, b.mLo, b.okLo = b.lo+1, m, ok
	} else {
		b.hi, b.mHi, b.okHi = b.lo+1, m, ok
	}
	return b, nil
}

// unit is a step of the bid's total as shown, as evaluated; zero when it
// is shown exactly.
func (ps *priceSearch) unit() exact.Fraction {
	t, ok := ps.f.asEvaluated().total(ps.id)
	if !ok || t.Places < 0 {
		return exact.Zero
	}
	return exact.Whole(decimal.New(1, -t.Places))
}

// steps is the prices, in pennies ascending, at which the bid's total as
// shown, or that of the bid that wins at hi (its rival where none is read
// there), could change as its price moves from lo to hi: the last penny
// before each change, the most nearest hi. A third bid that wins at hi is
// the one the margins are read against (see margin); the rival's steps
// beside it were steps of no margin read, and cost the 200-bid
// share-of-price lot 101 re-scorings.
func (ps *priceSearch) steps(lo, hi int64, most int) ([]int64, bool) {
	rivals := []string{ps.rival}
	if w := ps.winnerAt(hi); w != "" && w != ps.id && w != ps.rival {
		rivals = []string{w}
	}
	bs, ok := ps.f.tr.PriceSteps(ps.id, ps.pc.ID, rivals, decimal.New(lo, -2), decimal.New(hi, -2), most)
	if !ok {
		return nil, false
	}
	out := make([]int64, 0, len(bs))
	for _, s := range bs {
		if c := pennies(s.Value, s.Open, false); len(out) == 0 || out[len(out)-1] != c {
			out = append(out, c)
		}
	}
	return out, true
}

// winnerAt is the winner at a price already re-scored, or at the bid's
// price as evaluated; "" at any other, which is not re-scored for it.
func (ps *priceSearch) winnerAt(pennies int64) string {
	for _, t := range ps.seen {
		if t.pennies == pennies && t.err == nil {
			return t.res.Winner
		}
	}
	if pennies == ps.current {
		return ps.f.base.Winner
	}
	return ""
}
