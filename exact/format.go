package exact

import (
	"strconv"
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
	var buf [64]byte
	if neg, ip, fp, ok := parts(d, &buf); ok {
		var b strings.Builder
		b.Grow(len(ip) + len(ip)/3 + len(fp) + 6)
		if neg {
			b.WriteByte('-')
		}
		b.WriteString("£")
		grouped(&b, ip)
		b.WriteByte('.')
		b.Write(fp)
		for i := len(fp); i < 2; i++ {
			b.WriteByte('0')
		}
		return b.String()
	}
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
	var buf [64]byte
	if neg, ip, fp, ok := parts(d, &buf); ok {
		return joined(neg, ip, fp, 0)
	}
	return trimZeros(d.StringFixed(max(-d.Exponent(), 0)))
}

// FixedText formats f as [Fixed] formats its decimal, the fast way: false
// when f does not end within 18 digits, and the caller formats its decimal.
// Zero is "0" with places zeros after the point.
func FixedText(f Fraction, places int32) (string, bool) {
	n, d, ok := f.small()
	if !ok {
		return "", false
	}
	if n == 0 {
		return joined(false, []byte{'0'}, nil, int(places)), true
	}
	x, k, ok := terminating(n, d)
	if !ok || abs64(x) >= uint64(pow10[18]) {
		return "", false
	}
	var buf [64]byte
	neg, ip, fp, ok := partsOf(x, -k, &buf)
	if !ok {
		return "", false
	}
	return joined(neg, ip, fp, int(places)), true
}

// Fixed formats d to exactly places decimal places. It never rounds: the
// caller rounds first with a declared Rounding. Digits beyond places, if any,
// are kept so that nothing is hidden.
func Fixed(d decimal.Decimal, places int32) string {
	var buf [64]byte
	if neg, ip, fp, ok := parts(d, &buf); ok {
		return joined(neg, ip, fp, int(places))
	}
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

// parts splits d into its sign, the digits of its whole part and those of
// its fractional part without trailing zeros, from a coefficient that fits
// a machine integer: the fast way to the forms above, which give the same
// text as formatting the decimal. ok is false for a larger coefficient or
// zero.
func parts(d decimal.Decimal, buf *[64]byte) (neg bool, ip, fp []byte, ok bool) {
	if d.IsZero() || d.NumDigits() > 18 {
		return false, nil, nil, false
	}
	return partsOf(d.CoefficientInt64(), d.Exponent(), buf)
}

// partsOf is parts of the number c × 10^e, c not zero and of at most 18
// digits.
func partsOf(c int64, e int32, buf *[64]byte) (neg bool, ip, fp []byte, ok bool) {
	if c < 0 {
		neg, c = true, -c
	}
	if e >= 0 {
		if e > 18 {
			return false, nil, nil, false
		}
		ip = strconv.AppendInt(buf[:0:40], c, 10)
		for range e {
			ip = append(ip, '0')
		}
		return neg, ip, nil, true
	}
	if -e > 18 {
		return false, nil, nil, false
	}
	p := pow10[-e]
	ip = strconv.AppendInt(buf[:0:40], c/p, 10)
	f := c % p
	if f == 0 {
		return neg, ip, nil, true
	}
	fp = buf[40:40]
	for w := int(-e) - digitsOf(f); w > 0; w-- { // the zeros after the point
		fp = append(fp, '0')
	}
	fp = strconv.AppendInt(fp, f, 10)
	for fp[len(fp)-1] == '0' { // f is not zero: a digit other than 0 ends it
		fp = fp[:len(fp)-1]
	}
	return neg, ip, fp, true
}

// digitsOf is how many decimal digits a positive number has.
func digitsOf(n int64) int {
	k := 1
	for n >= 10 {
		n /= 10
		k++
	}
	return k
}

// joined writes a number from its parts with at least places decimals.
func joined(neg bool, ip, fp []byte, places int) string {
	var b strings.Builder
	b.Grow(len(ip) + len(fp) + places + 2)
	if neg {
		b.WriteByte('-')
	}
	b.Write(ip)
	if len(fp) > 0 || places > 0 {
		b.WriteByte('.')
		b.Write(fp)
		for i := len(fp); i < places; i++ {
			b.WriteByte('0')
		}
	}
	return b.String()
}

// grouped writes the digits of a whole number with thousands separators.
func grouped(b *strings.Builder, ip []byte) {
	for i := 0; i < len(ip); i++ {
		if i > 0 && (len(ip)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(ip[i])
	}
}
