package exact_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/exact"
)

// TestBoundsByHand checks the bounds worked out by hand for the usual
// rounding of weighted points (2 dp half-up) and its neighbours.
func TestBoundsByHand(t *testing.T) {
	d := decimal.RequireFromString
	f := func(s string) exact.Fraction { return exact.Whole(d(s)) }
	tests := []struct {
		why   string
		r     exact.Rounding
		goal  string
		most  bool // AtMost rather than AtLeast
		strct bool
		want  string
		open  bool
	}{
		{"2 dp half-up shows 31.00 from 30.995 on", exact.Rounding{Places: 2, Mode: exact.HalfUp}, "31", false, false, "30.995", false},
		{"more than 31.00 shown: 31.01 from 31.005 on", exact.Rounding{Places: 2, Mode: exact.HalfUp}, "31", false, true, "31.005", false},
		{"at most 15.99 shown half-up: below 15.995", exact.Rounding{Places: 2, Mode: exact.HalfUp}, "15.99", true, false, "15.995", true},
		{"half-even shows 2.66 at 2.665 (6 is even), so at most 2.66 includes it", exact.Rounding{Places: 2, Mode: exact.HalfEven}, "2.66", true, false, "2.665", false},
		{"half-even shows 2.68 at 2.675 (8 is even), so at least 2.68 includes it", exact.Rounding{Places: 2, Mode: exact.HalfEven}, "2.68", false, false, "2.675", false},
		{"half-even shows 2.66 at 2.665, so at least 2.67 starts after it", exact.Rounding{Places: 2, Mode: exact.HalfEven}, "2.67", false, false, "2.665", true},
		{"floor: at least 3 from 3 on", exact.Rounding{Places: 0, Mode: exact.Floor}, "2.5", false, false, "3", false},
		{"ceiling: at least 3 above 2", exact.Rounding{Places: 0, Mode: exact.Ceiling}, "3", false, false, "2", true},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			var b exact.Bound
			if tt.most {
				b = tt.r.AtMost(f(tt.goal), tt.strct)
			} else {
				b = tt.r.AtLeast(f(tt.goal), tt.strct)
			}
			assert.Equal(t, tt.want, b.Value.String())
			assert.Equal(t, tt.open, b.Open)
		})
	}
}

// TestBoundsAgreeWithRounding checks AtLeast and AtMost against rounding
// itself in every mode, at values on, beside and between the half-way and
// whole steps, positive and negative.
func TestBoundsAgreeWithRounding(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := exact.Rounding{Places: int32(rapid.IntRange(0, 3).Draw(t, "places")), Mode: rapid.SampledFrom(exact.Modes()).Draw(t, "mode")}
		// Goals and arguments on a grid ten times finer than the half step,
		// so that every boundary is met exactly.
		fine := func(label string) exact.Fraction {
			return exact.Whole(decimal.New(rapid.Int64Range(-400, 400).Draw(t, label), -r.Places-2))
		}
		goal, x := fine("goal"), fine("x")
		strict := rapid.Bool().Draw(t, "strict")
		shown := exact.Whole(r.Apply(x))
		c := shown.Cmp(goal)
		if got, want := r.AtLeast(goal, strict).Holds(x), c > 0 || (c == 0 && !strict); got != want {
			t.Fatalf("AtLeast(%s, %v) at %s (shown %s): %v, want %v", goal, strict, x, shown, got, want)
		}
		if got, want := r.AtMost(goal, strict).HoldsBelow(x), c < 0 || (c == 0 && !strict); got != want {
			t.Fatalf("AtMost(%s, %v) at %s (shown %s): %v, want %v", goal, strict, x, shown, got, want)
		}
	})
}

// TestUnitsAgreeWithApply checks that Units is Apply counted in units of
// the last place, on the fast and the big path.
func TestUnitsAgreeWithApply(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := exact.Rounding{Places: int32(rapid.IntRange(0, 4).Draw(t, "places")), Mode: rapid.SampledFrom(exact.Modes()).Draw(t, "mode")}
		f, err := exact.NewFraction(genDecimal(t, "num"), decimal.NewFromInt(rapid.Int64Range(1, 1_000_000_007).Draw(t, "den")))
		if err != nil {
			t.Fatal(err)
		}
		u, ok := r.Units(f)
		want := r.Apply(f).Shift(r.Places)
		if ok != want.BigInt().IsInt64() || (ok && !decimal.NewFromInt(u).Equal(want)) {
			t.Fatalf("Units(%s) = %d %v, Apply × 10^%d = %s", f, u, ok, r.Places, want)
		}
	})
}
