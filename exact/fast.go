package exact

import (
	"math"
	"math/bits"
)

// The fast path: fractions of int64s, every step checked for overflow. A
// step that would overflow reports !ok, and the caller takes the big path.

const minInt64 = math.MinInt64

// pow10[k] is 10^k, for k up to 18 (the largest power of ten in an int64).
var pow10 = [19]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

func abs64(x int64) uint64 {
	if x < 0 {
		return uint64(-x) // x is never math.MinInt64 here
	}
	return uint64(x)
}

// mul64 returns a × b, or !ok when the product leaves (MinInt64, MaxInt64].
func mul64(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(abs64(a), abs64(b))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

// add64 returns a + b, or !ok when the sum leaves (MinInt64, MaxInt64].
func add64(a, b int64) (int64, bool) {
	c := a + b
	if (a^c)&(b^c) < 0 || c == minInt64 {
		return 0, false
	}
	return c, true
}

// gcd is the greatest common divisor of a and b (binary algorithm).
func gcd(a, b uint64) uint64 {
	if a == 0 {
		return b
	}
	if b == 0 {
		return a
	}
	shift := bits.TrailingZeros64(a | b)
	a >>= bits.TrailingZeros64(a)
	for b != 0 {
		b >>= bits.TrailingZeros64(b)
		if a > b {
			a, b = b, a
		}
		b -= a
	}
	return a << shift
}

// lowest returns n/d in lowest terms.
func lowest(n, d int64) (int64, int64) {
	g := int64(gcd(abs64(n), uint64(d)))
	if g <= 1 {
		return n, d
	}
	return n / g, d / g
}

// addSmall returns an/ad + bn/bd over their least common denominator. When
// that overflows it tries again in lowest terms before giving up.
func addSmall(an, ad, bn, bd int64) (Fraction, bool) {
	if r, ok := addCommon(an, ad, bn, bd); ok {
		return r, true
	}
	an, ad = lowest(an, ad)
	bn, bd = lowest(bn, bd)
	return addCommon(an, ad, bn, bd)
}

func addCommon(an, ad, bn, bd int64) (Fraction, bool) {
	if ad == bd {
		n, ok := add64(an, bn)
		return Fraction{n: n, d: ad}, ok
	}
	g := int64(gcd(uint64(ad), uint64(bd)))
	ka, kb := bd/g, ad/g // multipliers bringing each to the common denominator
	d, ok1 := mul64(ad, ka)
	x, ok2 := mul64(an, ka)
	y, ok3 := mul64(bn, kb)
	if !ok1 || !ok2 || !ok3 {
		return Fraction{}, false
	}
	n, ok := add64(x, y)
	return Fraction{n: n, d: d}, ok
}

// mulSmall returns (an × bn)/(ad × bd); on overflow it cancels common
// factors crosswise and tries again before giving up.
func mulSmall(an, ad, bn, bd int64) (Fraction, bool) {
	n, ok1 := mul64(an, bn)
	d, ok2 := mul64(ad, bd)
	if ok1 && ok2 {
		return Fraction{n: n, d: d}, true
	}
	an, ad = lowest(an, ad)
	bn, bd = lowest(bn, bd)
	if g := int64(gcd(abs64(an), uint64(bd))); g > 1 {
		an, bd = an/g, bd/g
	}
	if g := int64(gcd(abs64(bn), uint64(ad))); g > 1 {
		bn, ad = bn/g, ad/g
	}
	n, ok1 = mul64(an, bn)
	d, ok2 = mul64(ad, bd)
	return Fraction{n: n, d: d}, ok1 && ok2
}

// cmpSmall compares an/ad with bn/bd exactly: the cross products are taken
// in 128 bits, so it never overflows.
func cmpSmall(an, ad, bn, bd int64) int {
	if ad == bd {
		switch {
		case an < bn:
			return -1
		case an > bn:
			return 1
		}
		return 0
	}
	sa, sb := sign64(an), sign64(bn)
	if sa != sb {
		if sa < sb {
			return -1
		}
		return 1
	}
	if sa == 0 {
		return 0
	}
	h1, l1 := bits.Mul64(abs64(an), uint64(bd))
	h2, l2 := bits.Mul64(abs64(bn), uint64(ad))
	c := 0
	switch {
	case h1 < h2 || (h1 == h2 && l1 < l2):
		c = -1
	case h1 > h2 || (h1 == h2 && l1 > l2):
		c = 1
	}
	return c * sa
}

func sign64(x int64) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// terminating returns n/d as x × 10^-k when its decimal expansion ends
// within 18 places and x fits an int64.
func terminating(n, d int64) (x int64, k int32, ok bool) {
	n, d = lowest(n, d)
	twos := bits.TrailingZeros64(uint64(d))
	rest := d >> twos
	fives := 0
	for rest%5 == 0 {
		rest /= 5
		fives++
	}
	if rest != 1 || twos > 18 || fives > 18 {
		return 0, 0, false
	}
	places := max(twos, fives)
	x, ok = mul64(n, pow10[places]/d) // d divides 10^places
	return x, int32(places), ok
}

// roundSmall rounds n/d to r.Places decimal places as r.Mode says and
// returns the result scaled by 10^Places. The quotient and remainder are
// taken in 128 bits; the remainder decides the rounding exactly.
func roundSmall(n, d int64, r Rounding) (int64, bool) {
	if r.Places < 0 || r.Places > 18 {
		return 0, false
	}
	neg := n < 0
	ud := uint64(d)
	hi, lo := bits.Mul64(abs64(n), uint64(pow10[r.Places]))
	if hi >= ud {
		return 0, false // the quotient would not fit 64 bits
	}
	q, rem := bits.Div64(hi, lo, ud)
	if rem != 0 && away(r.Mode, neg, q, rem, ud) {
		q++
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	if neg {
		return -int64(q), true
	}
	return int64(q), true
}

// away decides whether a truncated quotient q with a non-zero remainder rem
// (of divisor d) moves one unit away from zero.
func away(m Mode, neg bool, q, rem, d uint64) bool {
	switch m {
	case Down:
		return false
	case Up:
		return true
	case Ceiling:
		return !neg
	case Floor:
		return neg
	}
	twice := rem << 1 // rem < d < 2^63, so no overflow
	if m == HalfEven {
		return twice > d || (twice == d && q&1 == 1)
	}
	return twice >= d // HalfUp, and any unknown mode
}
