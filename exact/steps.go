package exact

// Steps is a line a + b·k in a whole number k, over one denominator in
// machine integers, for rounding at many k in turn: an analysis asking a
// bid's points at every hundredth of a shift of weight reads each so. It
// gives exactly what rounding the Fraction a + b·k gives, or says it
// cannot (the integers would overflow), and the caller then does that.
type Steps struct {
	p, q, d int64 // (p + q·k) / d, d > 0
}

// NewSteps returns the line a + b·k; false when a or b is on the big path
// or their common denominator does not fit a machine integer.
func NewSteps(a, b Fraction) (Steps, bool) {
	an, ad, okA := a.small()
	bn, bd, okB := b.small()
	if !okA || !okB {
		return Steps{}, false
	}
	an, ad = lowest(an, ad) // kept small: every product below is of these
	bn, bd = lowest(bn, bd)
	g := int64(gcd(uint64(ad), uint64(bd)))
	d, ok1 := mul64(ad/g, bd)
	p, ok2 := mul64(an, bd/g)
	q, ok3 := mul64(bn, ad/g)
	if !ok1 || !ok2 || !ok3 {
		return Steps{}, false
	}
	return Steps{p: p, q: q, d: d}, true
}

// Units is a + b·k rounded as r declares, in units of its last place
// (as [Rounding.Units]); false when the integers would overflow.
func (s Steps) Units(k int64, r Rounding) (int64, bool) {
	qk, ok := mul64(s.q, k)
	if !ok {
		return 0, false
	}
	n, ok := add64(s.p, qk)
	if !ok {
		return 0, false
	}
	return roundSmall(n, s.d, r)
}

// QuoUnits is n ÷ d, d above zero, rounded as r declares, in units of its
// last place (as [Rounding.Units] of the Fraction n/d); false when d is
// not above zero or the integers would overflow. A price over quality
// points in whole units is read so at each step of a scan.
func QuoUnits(n, d int64, r Rounding) (int64, bool) {
	if d <= 0 {
		return 0, false
	}
	return roundSmall(n, d, r)
}
