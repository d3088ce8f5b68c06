package analysis

import (
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Check is one re-scoring that confirms an answer: what was changed, and
// what the engine then found. What it says in words (Change, Verdict,
// Scores, String) is worded when asked for, from the numbers it keeps.
type Check struct {
	// Holds reports whether the outcome asked about came about: the bid
	// wins, or (for a weight shift) the rival ranks above the winner.
	Holds bool
	// Winner is the winning bid then ("" when no bid wins outright).
	Winner string
	// what is the change re-scored, in numbers (Change).
	what change
	// shown are the totals that decide it, read when re-scored (Scores).
	shown shownTotals
}

// change is what a check re-scored: one bid's price in pennies, or its
// marks with some steps more, or points of weight moved for a rival
// against the winner.
type change struct {
	kind   changeKind
	id     string          // the bid changed; for a shift of weight, the rival
	winner string          // for a shift of weight, the winner it is to rank above
	n      int64           // the price in pennies, or the steps of marks
	points decimal.Decimal // for a shift of weight, the points moved
}

// changeKind says which change a check re-scored.
type changeKind uint8

const (
	priceChange changeKind = iota + 1
	marksChange
	shiftChange
)

// Change says what was re-scored: "A at £490,496.62", "A with 2 more
// steps", "A as marked", "1.25 percentage points moved", "weights as
// published".
func (c Check) Change() string {
	w := c.what
	switch w.kind {
	case priceChange:
		return w.id + " at " + exact.Money(decimal.New(w.n, -2))
	case marksChange:
		if w.n == 0 {
			return w.id + " as marked"
		}
		return w.id + " with " + strconv.FormatInt(w.n, 10) + " more " + stepWord(int(w.n))
	case shiftChange:
		if w.points.Sign() <= 0 {
			return "weights as published"
		}
		return exact.Plain(w.points) + " percentage points moved"
	}
	return ""
}

// Verdict says the outcome in words: "wins" or "does not win"; for a shift
// of weight, "B ranks above A" or "B does not rank above A".
func (c Check) Verdict() string {
	switch {
	case c.what.kind == shiftChange && c.Holds:
		return c.what.id + " ranks above " + c.what.winner
	case c.what.kind == shiftChange:
		return c.what.id + " does not rank above " + c.what.winner
	case c.Holds:
		return "wins"
	}
	return "does not win"
}

// winCheck records whether the changed bid (what.id) wins a re-scored
// lot, showing the totals of that bid, of the bid shown beside it (its
// rival; none when "") and of the winner.
func winCheck(what change, res outcome, show string) Check {
	id := what.id
	won := res.Outcome == score.Winner && res.Winner == id
	return Check{Holds: won, Winner: res.Winner, what: what, shown: totalsOf(res, id, show, res.Winner)}
}

// shownTotal is one bid's total in a re-scored lot; ok is false when the
// bid has none.
type shownTotal struct {
	id  string
	fig score.Figure
	ok  bool
}

// shownTotals are the few totals a check shows — the bid's, its rival's or
// the winner's, and the winner's then: each once, at most three — held in
// place, so that a check allocates none.
type shownTotals struct {
	t [3]shownTotal
	n int
}

// list returns the totals in the order first read.
func (s *shownTotals) list() []shownTotal { return s.t[:s.n] }

// add reads one bid's total unless it is no bid or read already.
func (s *shownTotals) add(id string, read func(string) (score.Figure, bool)) {
	if id == "" || s.n == len(s.t) || slices.ContainsFunc(s.t[:s.n], func(t shownTotal) bool { return t.id == id }) {
		return
	}
	fig, ok := read(id)
	s.t[s.n] = shownTotal{id: id, fig: fig, ok: ok}
	s.n++
}

// Scores shows the totals that decide the check, as the engine shows them
// ("A 90.88, B 88.00").
func (c Check) Scores() string {
	var b strings.Builder
	for i, t := range c.shown.list() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(t.id)
		if t.ok {
			b.WriteByte(' ')
			b.WriteString(t.fig.String())
		} else {
			b.WriteString(" not scored")
		}
	}
	return b.String()
}

// String describes the check in a sentence.
func (c Check) String() string {
	s := c.Change() + ": " + c.Verdict()
	if c.shown.n > 0 {
		s += " (" + c.Scores() + ")"
	}
	return s
}
