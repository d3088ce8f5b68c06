package envelope_test

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/envelope"
)

// TestEnvelopeByHand: three lines, 1, d and 3 − d. At d = 0 the highest is
// 3 − d, at 3; at d = 2 they are 1, 2 and 1, so the highest is d, the only
// one to reach 2, and all three reach 1.
func TestEnvelopeByHand(t *testing.T) {
	i := exact.Int
	tr := envelope.New([]envelope.Line{{C: i(1), ID: 0}, {G: i(1), ID: 1}, {C: i(3), G: i(-1), ID: 2}})
	m, ok := tr.Max(i(0))
	assert.True(t, ok)
	assert.Equal(t, "3", m.String())
	m, _ = tr.Max(i(2))
	assert.Equal(t, "2", m.String())
	assert.Equal(t, []int{1}, tr.Report(i(2), i(2)), "only d reaches 2 at d = 2")
	assert.Equal(t, []int{0, 1, 2}, tr.Report(i(2), i(1)), "all three reach 1 at d = 2")
	_, ok = envelope.New(nil).Max(i(0))
	assert.False(t, ok)
}

// TestEnvelopeIsEveryLine checks Max and Report against evaluating every
// line, on random lines with repeated slopes and values.
func TestEnvelopeIsEveryLine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		frac := func(label string) exact.Fraction {
			f, _ := exact.NewFraction(decimal.NewFromInt(rapid.Int64Range(-50, 50).Draw(t, label)), decimal.NewFromInt(rapid.Int64Range(1, 7).Draw(t, label+".den")))
			return f
		}
		var lines []envelope.Line
		for i := range rapid.IntRange(1, 40).Draw(t, "n") {
			lines = append(lines, envelope.Line{C: frac("c"), G: frac("g"), ID: i % 30})
		}
		all := slices.Clone(lines)
		tr := envelope.New(lines)
		if rapid.Bool().Draw(t, "flat") { // the one envelope of every line answers the same
			tr = envelope.NewFlat(slices.Clone(all))
		}
		d, floor := frac("d"), frac("floor")
		best := all[0].At(d)
		var want []int
		for _, l := range all {
			best = best.Max(l.At(d))
			if l.At(d).Cmp(floor) >= 0 {
				want = append(want, l.ID)
			}
		}
		slices.Sort(want)
		want = slices.Compact(want)
		if got, _ := tr.Max(d); !got.Equal(best) {
			t.Fatalf("Max(%s) = %s, want %s", d, got, best)
		}
		if got := tr.Report(d, floor); !slices.Equal(got, want) {
			t.Fatalf("Report(%s, %s) = %v, want %v", d, floor, got, want)
		}
	})
}

// TestSiftedIsEveryLine checks Sift: between lo and hi, a tree of the
// lines it keeps answers Max as every line does, and Report for any floor
// no more than the margin below the highest.
func TestSiftedIsEveryLine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		frac := func(label string, lo, hi int64) exact.Fraction {
			f, _ := exact.NewFraction(decimal.NewFromInt(rapid.Int64Range(lo, hi).Draw(t, label)), decimal.NewFromInt(rapid.Int64Range(1, 7).Draw(t, label+".den")))
			return f
		}
		var lines []envelope.Line
		for i := range rapid.IntRange(1, 60).Draw(t, "n") {
			lines = append(lines, envelope.Line{C: frac("c", -50, 50), G: frac("g", -20, 20), ID: i})
		}
		lo := frac("lo", -10, 10)
		hi := lo.Add(frac("width", 0, 20))
		margin := frac("margin", 0, 20)
		tr := envelope.New(envelope.Sift(slices.Clone(lines), margin, lo, hi))
		d := lo.Add(hi.Sub(lo).Mul(exact.Int(rapid.Int64Range(0, 100).Draw(t, "at"))).Mul(exact.Whole(decimal.New(1, -2))))
		best := lines[0].At(d)
		for _, l := range lines {
			best = best.Max(l.At(d))
		}
		floor := best.Sub(margin.Mul(exact.Int(rapid.Int64Range(0, 100).Draw(t, "depth"))).Mul(exact.Whole(decimal.New(1, -2))))
		var want []int
		for _, l := range lines {
			if l.At(d).Cmp(floor) >= 0 {
				want = append(want, l.ID)
			}
		}
		slices.Sort(want)
		if got, _ := tr.Max(d); !got.Equal(best) {
			t.Fatalf("Max(%s) over %s–%s = %s, every line %s", d, lo, hi, got, best)
		}
		if got := tr.Report(d, floor); !slices.Equal(got, want) {
			t.Fatalf("Report(%s, %s), margin %s = %v, every line %v", d, floor, margin, got, want)
		}
	})
}
