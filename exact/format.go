package exact

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Group formats d with thousands separators and at least minPlaces decimal
// places (more if d has more digits): Group(1234.5, 2) is "1,234.50".
func Group(d decimal.Decimal, minPlaces int32) string {
	places := -d.Exponent()
	if places < minPlaces {
		places = minPlaces
	}
	if places < 0 {
		places = 0
	}
	s := d.StringFixed(places)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// Money formats an amount in pounds: "£1,234.50". Amounts with more than two
// significant decimal places (a unit rate of £0.0035 a page) keep those
// digits; trailing zeros beyond the pence are dropped (£50,400.0000 is
// £50,400.00).
func Money(d decimal.Decimal) string {
	s := Group(trimmed(d), 2)
	if strings.HasPrefix(s, "-") {
		return "-£" + s[1:]
	}
	return "£" + s
}

// trimmed returns d without trailing fractional zeros (the same number).
func trimmed(d decimal.Decimal) decimal.Decimal {
	if d.IsZero() {
		return decimal.Zero
	}
	return decimal.RequireFromString(Plain(d))
}

// Count formats a quantity with thousands separators and its significant
// decimals only: "2,400,000", "12.5".
func Count(d decimal.Decimal) string { return Group(trimmed(d), 0) }

// MoneyFraction formats an exact amount in pounds: as [Money] when it
// terminates, otherwise to ten decimal places followed by "…".
func MoneyFraction(f Fraction) string {
	if d, ok := f.Decimal(); ok {
		return Money(d)
	}
	s := Group(Rounding{Places: 10, Mode: Down}.Apply(f), 10) + "…"
	if strings.HasPrefix(s, "-") {
		return "-£" + s[1:]
	}
	return "£" + s
}

// Plain formats d with all its significant digits and no separators, trailing
// zeros removed: "40", "0.5", "26.67".
func Plain(d decimal.Decimal) string {
	if d.IsZero() {
		return "0"
	}
	return trimZeros(d.StringFixed(max(-d.Exponent(), 0)))
}

// Fixed formats d to exactly places decimal places. It never rounds: the
// caller rounds first with a declared Rounding. Digits beyond places, if any,
// are kept so that nothing is hidden.
func Fixed(d decimal.Decimal, places int32) string {
	s := Plain(d)
	_, frac, _ := strings.Cut(s, ".")
	if missing := int(places) - len(frac); missing > 0 {
		if frac == "" {
			s += "."
		}
		s += strings.Repeat("0", missing)
	}
	return s
}

func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
