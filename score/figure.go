package score

import (
	"github.com/tenderscore/tenderscore/exact"
)

// Figure is a number as shown in a result: its exact value and the decimal
// places it is shown to. Places is -1 when the value is shown exactly as it
// is (with "…" if its decimals never end).
type Figure struct {
	Value  exact.Fraction
	Places int32
}

// exactFigure is a figure shown as it is.
func exactFigure(f exact.Fraction) Figure { return Figure{Value: f, Places: -1} }

// String shows the figure: "26.70" for a value rounded to 2 dp, "15" or
// "16.6666666666…" for an exact one.
func (f Figure) String() string {
	if f.Places >= 0 {
		if s, ok := exact.FixedText(f.Value, f.Places); ok {
			return s
		}
	}
	if d, ok := f.Value.Decimal(); ok && f.Places >= 0 {
		return exact.Fixed(d, f.Places)
	}
	return f.Value.String()
}

// Text is the figure as machine-readable text: the decimal when it ends
// (to Places, if set), otherwise the exact fraction "num/den".
func (f Figure) Text() string {
	if d, ok := f.Value.Decimal(); ok {
		if f.Places >= 0 {
			return exact.Fixed(d, f.Places)
		}
		return exact.Plain(d)
	}
	return exact.Plain(f.Value.Num()) + "/" + exact.Plain(f.Value.Den())
}

// sumPlaces is the places a sum of figures is shown to: the most of its
// terms', or -1 when any term is shown exactly.
func sumPlaces(fs []Figure) int32 {
	p := int32(0)
	for _, f := range fs {
		if f.Places < 0 {
			return -1
		}
		p = max(p, f.Places)
	}
	return p
}
