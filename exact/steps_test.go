package exact_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/bigpath"
)

// TestStepsRoundAsFractionsDo checks Steps against the Fraction it stands
// for: at every k asked, a + b·k rounded in every mode and to every number
// of places is what Rounding.Units gives for the Fraction, whenever Steps
// answers; it must answer for small values, and never on the big path.
func TestStepsRoundAsFractionsDo(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		size := rapid.SampledFrom([]int64{10_000, 1_000_000_000}).Draw(t, "size") // Steps must answer at the first
		num := func(l string) int64 { return rapid.Int64Range(-size, size).Draw(t, l) }
		den := func(l string) int64 { return rapid.Int64Range(1, size).Draw(t, l) }
		a, _ := exact.Int(num("an")).Quo(exact.Int(den("ad")))
		b, _ := exact.Int(num("bn")).Quo(exact.Int(den("bd")))
		if rapid.Bool().Draw(t, "huge") { // past the machine integers: Steps says so, or is right
			a = a.Mul(exact.Int(1 << 40)).Mul(exact.Int(1 << 40))
		}
		s, ok := exact.NewSteps(a, b)
		r := exact.Rounding{Places: int32(rapid.IntRange(0, 4).Draw(t, "places")), Mode: rapid.SampledFrom(exact.Modes()).Draw(t, "mode")}
		for range 20 {
			k := rapid.Int64Range(0, 10_000).Draw(t, "k")
			want, wok := r.Units(a.Add(b.Mul(exact.Int(k))))
			if !ok {
				continue
			}
			got, gok := s.Units(k, r)
			if gok && (!wok || got != want) {
				t.Fatalf("(%s) + (%s)·%d rounded %v: Steps %d, Fraction %d (%v)", a, b, k, r, got, want, wok)
			}
			if !gok && size == 10_000 && a.Cmp(exact.Int(1<<40)) < 0 {
				t.Fatalf("(%s) + (%s)·%d: Steps gave up on a small value", a, b, k)
			}
		}
		restore := bigpath.Force()
		defer restore()
		if _, ok := exact.NewSteps(exact.Int(1), exact.Int(2)); ok {
			t.Fatalf("NewSteps answered on the big path")
		}
	})
}

// TestQuoUnitsRoundsAsFractionsDo checks QuoUnits against the Fraction
// n/d rounded in every mode and to every number of places: the same
// whenever it answers, and it must answer for small values.
func TestQuoUnitsRoundsAsFractionsDo(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.Int64Range(-1_000_000_000, 1_000_000_000).Draw(t, "n")
		d := rapid.Int64Range(-10, 1_000_000).Draw(t, "d")
		r := exact.Rounding{Places: int32(rapid.IntRange(0, 4).Draw(t, "places")), Mode: rapid.SampledFrom(exact.Modes()).Draw(t, "mode")}
		got, ok := exact.QuoUnits(n, d, r)
		if d <= 0 {
			if ok {
				t.Fatalf("%d ÷ %d answered", n, d)
			}
			return
		}
		f, _ := exact.Int(n).Quo(exact.Int(d))
		want, wok := r.Units(f)
		if !ok || !wok || got != want {
			t.Fatalf("%d ÷ %d rounded %v: QuoUnits %d %v, Fraction %d %v", n, d, r, got, ok, want, wok)
		}
	})
}
