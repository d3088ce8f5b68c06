package analysis

import (
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
// apart, the search asks for those prices and tries them, halving the
// list rather than the pennies, then the penny above the last win: a win
// there means a step was missed — a threshold crossed, a third bid
// overtaking — and halving closes what is left. Which prices are tried
// only orders the search (see fromCandidates).

// stepsNear is how many steps of the shown totals apart the margins at a
// bracket's ends may be for the search to ask for the prices of every step
// between them (up to stepsMost); stepsBelow how many steps a loss at hi
// may be behind for it to ask for the stepsFew nearest hi; stepsAsked how
// often one search asks.
const (
	stepsNear  = 8
	stepsMost  = 32
	stepsBelow = 2
	stepsFew   = 4
	stepsAsked = 3
)

// stepping is how a search asks for the prices of the steps near its
// answer: a step of the bid's total as shown (zero when it is shown
// exactly, and every penny is a step), and steps, which gives the last
// penny before each change from lo to hi, the most nearest hi.
type stepping struct {
	unit  exact.Fraction
	steps func(lo, hi int64, most int) ([]int64, bool)
	asked int
}

// ask returns how many steps to ask for, the margins at the bracket's ends
// read: every step between, when they are near; the few nearest hi, when
// the loss there is near; none otherwise, when the steps have been asked
// for often enough, and for a nil stepping.
func (st *stepping) ask(b bracket) int {
	if st == nil || st.asked >= stepsAsked || st.unit.Sign() <= 0 || !b.okHi {
		return 0
	}
	switch {
	case b.okLo && b.mLo.Sub(b.mHi).Cmp(st.unit.Mul(exact.Int(stepsNear))) <= 0:
		return stepsMost
	case b.mHi.Neg().Cmp(st.unit.Mul(exact.Int(stepsBelow))) <= 0:
		return stepsFew
	}
	return 0
}

// tried narrows the bracket by the prices of the most steps nearest hi,
// if they can be had.
func (st *stepping) tried(b bracket, most int, try func(int64) (bool, exact.Fraction, bool, error)) (bracket, error) {
	st.asked++
	cs, ok := st.steps(b.lo, b.hi, most)
	if !ok {
		st.asked = stepsAsked // the lot's steps cannot be read: never again
		return b, nil
	}
	return b.tryEach(cs, try)
}

// tryEach narrows the bracket over the prices cs, ascending, halving the
// list: each is the last penny before a step, so the bid's standing
// stands still from the penny after one to the next, and after a win at
// one the penny above it is tried at once — a loss there is the answer,
// the two re-scorings the search confirms it with. A win there means the
// answer is higher, at another step or one missed (a threshold crossed,
// a third bid overtaking), which what is left of the list, or narrowed,
// finds.
func (b bracket) tryEach(cs []int64, try func(int64) (bool, exact.Fraction, bool, error)) (bracket, error) {
	for len(cs) > 0 && b.hi-b.lo > 1 {
		i := len(cs) / 2
		c := cs[i]
		switch {
		case c <= b.lo:
			cs = cs[i+1:]
			continue
		case c >= b.hi:
			cs = cs[:i]
			continue
		}
		w, m, ok, err := try(c)
		if err != nil {
			return b, err
		}
		if !w {
			b.hi, b.mHi, b.okHi, cs = c, m, ok, cs[:i]
			continue
		}
		b.lo, b.mLo, b.okLo, cs = c, m, ok, cs[i+1:]
		if b.hi-b.lo <= 1 {
			break
		}
		if w, m, ok, err = try(c + 1); err != nil {
			return b, err
		}
		if !w {
			b.hi, b.mHi, b.okHi = c+1, m, ok
		} else {
			b.lo, b.mLo, b.okLo = c+1, m, ok
		}
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
// shown, or that of its rival or of the bid that wins at hi, could change
// as its price moves from lo to hi: the last penny before each change, the
// most nearest hi.
func (ps *priceSearch) steps(lo, hi int64, most int) ([]int64, bool) {
	rivals := []string{ps.rival}
	if _, o, err := ps.at(hi); err == nil && o.Winner != "" && o.Winner != ps.id && o.Winner != ps.rival {
		rivals = append(rivals, o.Winner)
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
