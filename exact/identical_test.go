package exact

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/internal/bigpath"
)

// TestIdentical: the same form is identical, an equal value in another form
// is not, and nothing on big integers is.
func TestIdentical(t *testing.T) {
	half, _ := Int(1).Quo(Int(2))
	twoQuarters := Fraction{n: 2, d: 4}
	if !half.Identical(Fraction{n: 1, d: 2}) {
		t.Errorf("1/2 is not identical to itself")
	}
	if !half.Equal(twoQuarters) || half.Identical(twoQuarters) {
		t.Errorf("1/2 and 2/4: want equal, not identical")
	}
	if Whole(decimal.RequireFromString("0.35")).Identical(Whole(decimal.RequireFromString("0.36"))) {
		t.Errorf("0.35 and 0.36 identical")
	}
	restore := bigpath.Force()
	defer restore()
	if a := Int(3); a.Identical(a) {
		t.Errorf("a fraction on big integers is identical")
	}
}
