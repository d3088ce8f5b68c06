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
