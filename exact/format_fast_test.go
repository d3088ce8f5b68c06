package exact

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// The forms as they were made before the fast way: the reference the fast
// way must match to the byte.
func plainRef(d decimal.Decimal) string {
	if d.IsZero() {
		return "0"
	}
	return trimZeros(d.StringFixed(max(-d.Exponent(), 0)))
}

func fixedRef(d decimal.Decimal, places int32) string {
	s := plainRef(d)
	_, frac, _ := strings.Cut(s, ".")
	if missing := int(places) - len(frac); missing > 0 {
		if frac == "" {
			s += "."
		}
		s += strings.Repeat("0", missing)
	}
	return s
}

func moneyRef(d decimal.Decimal) string {
	t := decimal.Zero
	if !d.IsZero() {
		t = decimal.RequireFromString(plainRef(d))
	}
	s := Group(t, 2)
	if strings.HasPrefix(s, "-") {
		return "-£" + s[1:]
	}
	return "£" + s
}

// TestFastFormsAreTheForms checks Plain, Fixed and Money against the forms
// made by formatting the decimal, on amounts of every size and scale,
// negative and with trailing zeros.
func TestFastFormsAreTheForms(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var c int64
		switch rapid.IntRange(0, 2).Draw(t, "size") {
		case 0:
			c = rapid.Int64Range(-1000, 1000).Draw(t, "small")
		case 1:
			c = rapid.Int64Range(-1e12, 1e12).Draw(t, "mid")
		default:
			c = rapid.Int64().Draw(t, "any")
		}
		d := decimal.New(c, rapid.Int32Range(-20, 20).Draw(t, "exp"))
		places := rapid.Int32Range(0, 12).Draw(t, "places")
		if got, want := Plain(d), plainRef(d); got != want {
			t.Fatalf("Plain(%s) = %q, want %q", d, got, want)
		}
		if got, want := Fixed(d, places), fixedRef(d, places); got != want {
			t.Fatalf("Fixed(%s, %d) = %q, want %q", d, places, got, want)
		}
		if got, want := Money(d), moneyRef(d); got != want {
			t.Fatalf("Money(%s) = %q, want %q", d, got, want)
		}
	})
}
