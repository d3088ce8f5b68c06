package score

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/envelope"
)

// TestSiftedLinesAreEveryLine checks that lines sifted for a variable
// between lo and hi answer near as every line does anywhere there, and
// atLeast as every line does, on random lines with repeated slopes and
// values.
func TestSiftedLinesAreEveryLine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		frac := func(label string, lo, hi int64) exact.Fraction {
			f, _ := exact.NewFraction(decimal.NewFromInt(rapid.Int64Range(lo, hi).Draw(t, label)), decimal.NewFromInt(rapid.Int64Range(1, 7).Draw(t, label+".den")))
			return f
		}
		var lines []envelope.Line
		for i := range rapid.IntRange(siftFrom, 3*siftFrom).Draw(t, "n") {
			lines = append(lines, envelope.Line{C: frac("c", -50, 50), G: frac("g", -20, 20), ID: i})
		}
		all := slices.Clone(lines)
		lo := frac("lo", -10, 10)
		hi := lo.Add(frac("width", 0, 20))
		slack := frac("slack", 0, 3)
		ls := newLineSetOver(lines, slack, lo, hi)
		w := rapid.Int64Range(0, 100).Draw(t, "at")
		d := lo.Add(hi.Sub(lo).Mul(exact.Int(w)).Mul(exact.Whole(decimal.New(1, -2))))
		top := all[0].At(d)
		for _, l := range all {
			top = top.Max(l.At(d))
		}
		floor := frac("floor", -60, 60)
		var near, atLeast []int
		for _, l := range all {
			if l.At(d).Cmp(top.Sub(slack).Sub(slack)) >= 0 {
				near = append(near, l.ID)
			}
			if l.At(d).Cmp(floor) >= 0 {
				atLeast = append(atLeast, l.ID)
			}
		}
		if got := ls.near(d); !slices.Equal(got, near) {
			t.Fatalf("near(%s) over %s–%s = %v, every line %v", d, lo, hi, got, near)
		}
		if got := ls.atLeast(d, floor); !slices.Equal(got, atLeast) {
			t.Fatalf("atLeast(%s, %s) = %v, every line %v", d, floor, got, atLeast)
		}
	})
}

// TestLinesWithinAMarginAreEveryLine checks lines sifted with a margin:
// at any d, max is the highest of every line, and report finds every line
// at least a floor no more than the margin below it where the lines were
// sifted for — and any floor elsewhere.
func TestLinesWithinAMarginAreEveryLine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		frac := func(label string, lo, hi int64) exact.Fraction {
			f, _ := exact.NewFraction(decimal.NewFromInt(rapid.Int64Range(lo, hi).Draw(t, label)), decimal.NewFromInt(rapid.Int64Range(1, 7).Draw(t, label+".den")))
			return f
		}
		lines := randomLines(t, frac)
		all := slices.Clone(lines)
		lo := frac("lo", -10, 10)
		hi := lo.Add(frac("width", 0, 20))
		margin := frac("margin", 0, 30)
		ls := newLineSetWithin(lines, exact.Zero, margin, lo, hi)
		d := frac("at", -20, 40) // inside or outside lo–hi
		top := highest(all, d)
		if got, _ := ls.max(d); !got.Equal(top) {
			t.Fatalf("max(%s) = %s, every line %s", d, got, top)
		}
		floor := frac("floor", -60, 60)
		if ls.within(d) {
			floor = top.Sub(margin.Mul(exact.Int(rapid.Int64Range(0, 100).Draw(t, "depth"))).Mul(exact.Whole(decimal.New(1, -2))))
		}
		if got, want := ls.report(d, floor), atLeastOf(all, d, floor); !slices.Equal(got, want) {
			t.Fatalf("report(%s, %s) over %s–%s, margin %s = %v, every line %v", d, floor, lo, hi, margin, got, want)
		}
	})
}

// TestInverseLinesHoldTheirRivals checks the sifting of the relative
// method's inverse lines (inverseLines) as holdingRivals reads them: for a
// goal where the analyses ask, those at goal − slack at least the highest
// at goal + slack are those every line puts there. The lines are drawn as
// drawFamily draws them from random fields.
func TestInverseLinesHoldTheirRivals(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		// Few rests and prices close together put many lines near the
		// best, where the margin decides which are kept.
		marks := exact.Int(rapid.Int64Range(1, 20).Draw(t, "marks"))
		perMark, _ := exact.One.Quo(marks)
		slack, _ := exact.NewFraction(decimal.NewFromInt(rapid.Int64Range(0, 50).Draw(t, "slack")), decimal.NewFromInt(100))
		var lines, inverse []envelope.Line
		for i := range rapid.IntRange(siftFrom, 3*siftFrom).Draw(t, "n") {
			rest, _ := exact.NewFraction(decimal.NewFromInt(rapid.Int64Range(0, 20).Draw(t, "rest")), decimal.NewFromInt(4))
			p := exact.Int(rapid.Int64Range(1000, 1020).Draw(t, "price"))
			lines = append(lines, envelope.Line{C: rest, ID: i})
			inverse = append(inverse, envelope.Line{C: rest.Mul(p).Mul(perMark), G: p.Mul(perMark).Neg(), ID: i})
		}
		all := slices.Clone(inverse)
		h := inverseLines(inverse, lines, slack, marks)
		x := rapid.IntRange(0, len(lines)-1).Draw(t, "bid")
		off, _ := exact.NewFraction(decimal.NewFromInt(rapid.Int64Range(-100, 100).Draw(t, "off")), decimal.NewFromInt(100))
		goal := lines[x].C.Add(marks).Add(slack.Mul(off)) // the bid's total with full price marks, give or take
		top, _ := h.max(goal.Add(slack))
		if want := highest(all, goal.Add(slack)); !top.Equal(want) {
			t.Fatalf("max at %s = %s, every line %s", goal.Add(slack), top, want)
		}
		if got, want := h.report(goal.Sub(slack), top), atLeastOf(all, goal.Sub(slack), top); !slices.Equal(got, want) {
			t.Fatalf("rivals at %s: %v, every line %v", goal, got, want)
		}
	})
}

func randomLines(t *rapid.T, frac func(string, int64, int64) exact.Fraction) []envelope.Line {
	var lines []envelope.Line
	for i := range rapid.IntRange(siftFrom, 3*siftFrom).Draw(t, "n") {
		lines = append(lines, envelope.Line{C: frac("c", -50, 50), G: frac("g", -20, 20), ID: i})
	}
	return lines
}

func highest(lines []envelope.Line, d exact.Fraction) exact.Fraction {
	top := lines[0].At(d)
	for _, l := range lines[1:] {
		top = top.Max(l.At(d))
	}
	return top
}

func atLeastOf(lines []envelope.Line, d, floor exact.Fraction) []int {
	var out []int
	for _, l := range lines {
		if l.At(d).Cmp(floor) >= 0 {
			out = append(out, l.ID)
		}
	}
	slices.Sort(out)
	return out
}

// TestRoundingReach checks the most each declared rounding moves a value,
// against values that round by nearly that much: 1.00499… rounds half up
// to 1.00, a move of almost 0.005; 1.00999… rounds down (toward zero, or
// the floor) to 1.00, almost 0.01, and 1.00001 up (or to the ceiling) to
// 1.01, almost 0.01 too. Half even moves no further than half up.
func TestRoundingReach(t *testing.T) {
	for _, c := range []struct {
		why   string
		r     *exact.Rounding
		reach string
	}{
		{"no rounding declared moves nothing", nil, "0"},
		{"half up, two places: half a penny's worth", &exact.Rounding{Places: 2, Mode: exact.HalfUp}, "0.005"},
		{"half even, no places: half a unit", &exact.Rounding{Places: 0, Mode: exact.HalfEven}, "0.5"},
		{"down, two places: up to a whole step", &exact.Rounding{Places: 2, Mode: exact.Down}, "0.01"},
		{"up, two places", &exact.Rounding{Places: 2, Mode: exact.Up}, "0.01"},
		{"floor, three places", &exact.Rounding{Places: 3, Mode: exact.Floor}, "0.001"},
		{"ceiling, one place", &exact.Rounding{Places: 1, Mode: exact.Ceiling}, "0.1"},
	} {
		got := roundingReach(c.r)
		if got.String() != c.reach {
			t.Errorf("%s: reach %s, want %s", c.why, got, c.reach)
		}
	}
	for _, m := range exact.Modes() { // no value is moved further than the reach
		r := exact.Rounding{Places: 2, Mode: m}
		for _, v := range []string{"1.004999", "1.005", "1.009999", "1.000001", "1.015", "-1.004999", "-1.009999"} {
			x := exact.Whole(decimal.RequireFromString(v))
			moved := x.Rounded(r).Sub(x)
			if moved.Sign() < 0 {
				moved = moved.Neg()
			}
			if moved.Cmp(roundingReach(&r)) > 0 {
				t.Errorf("%s rounds %s by %s, beyond its reach %s", m, v, moved, roundingReach(&r))
			}
		}
	}
}
