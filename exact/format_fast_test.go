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

// TestFixedTextIsTheFractionsForm checks FixedText, and with it a
// fraction's String, against formatting the fraction's decimal as before
// the fast way: on fractions whose denominators end (powers of two and
// five, up to 10^18 and past it) and do not (a factor of three, which
// FixedText declines), of every size and sign.
func TestFixedTextIsTheFractionsForm(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.OneOf(rapid.Int64Range(-1000, 1000), rapid.Int64Range(-1e15, 1e15), rapid.Int64Range(-1<<62, 1<<62)).Draw(t, "n")
		d := rapid.SampledFrom([]int64{1, 2, 3, 4, 5, 8, 20, 25, 100, 125, 1 << 20, 1e9, 1e18, 2e18, 3 * 1024}).Draw(t, "d")
		places := rapid.Int32Range(0, 12).Draw(t, "places")
		f, err := NewFraction(decimal.NewFromInt(n), decimal.NewFromInt(d))
		if err != nil {
			t.Fatal(err)
		}
		dec, ends := f.Decimal()
		got, ok := FixedText(f, places)
		if ok {
			if !ends {
				t.Fatalf("FixedText(%d/%d) = %q, but the fraction does not end", n, d, got)
			}
			if want := fixedRef(dec, places); got != want {
				t.Fatalf("FixedText(%d/%d, %d) = %q, want %q", n, d, places, got, want)
			}
		}
		if ends {
			if got, want := f.String(), dec.String(); got != want {
				t.Fatalf("(%d/%d).String() = %q, want %q", n, d, got, want)
			}
		}
	})
}
