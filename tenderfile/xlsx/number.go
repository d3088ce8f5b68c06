package xlsx

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
)

// MaxSignificantDigits is the most significant digits a number a person
// typed into a spreadsheet can have: Excel keeps 15 ("Excel specifications
// and limits", support.microsoft.com: number precision 15 digits). A stored
// number with more is the binary floating-point value of a calculation
// (0.1+0.2 is stored as 0.30000000000000004) or of a program that wrote a
// float, and is refused rather than silently rounded.
const MaxSignificantDigits = 15

// storedNumber matches the text of a number cell as OOXML stores it
// (xsd:double lexical form, as Excel and other writers produce it).
var storedNumber = regexp.MustCompile(`^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]{1,4})?$`)

// numberProblem is why a stored number cannot be read exactly.
type numberProblem struct {
	rule, msg string
}

// exactNumber reads a number cell's stored text exactly, as a decimal —
// never through float64, so that £4,390,000.00 as shown is 4390000 as
// stored. Text with more than MaxSignificantDigits significant digits is a
// floating-point artefact: the problem names the value it probably stands
// for, rounded to 15 digits, for a person to confirm.
func exactNumber(raw string) (decimal.Decimal, *numberProblem) {
	t := strings.TrimSpace(raw)
	if len(t) > criteria.MaxNumberChars { // before any big-number work
		return decimal.Decimal{}, &numberProblem{"number", fmt.Sprintf("the cell stores a number of more than %d characters", criteria.MaxNumberChars)}
	}
	if !storedNumber.MatchString(t) {
		return decimal.Decimal{}, &numberProblem{"number", "the cell is a number cell but stores no number"}
	}
	d, err := decimal.NewFromString(strings.TrimPrefix(t, "+"))
	if err != nil {
		return decimal.Decimal{}, &numberProblem{"number", "the cell is a number cell but stores no number"}
	}
	if n := significantDigits(t); n > MaxSignificantDigits {
		return decimal.Decimal{}, &numberProblem{"float-artefact", fmt.Sprintf(
			"the cell stores %s, a binary floating-point artefact with %d significant digits (a spreadsheet keeps %d), probably of %s: type the intended value into the cell, or round the formula that made it (ROUND)",
			t, n, MaxSignificantDigits, plain(roundSignificant(d, MaxSignificantDigits)))}
	}
	return d, nil
}

// significantDigits counts the significant digits of a number's text:
// leading zeros do not count, nor do trailing zeros of a whole number
// (4390000 has 3), but trailing zeros after a decimal point do (4.50 has 3).
func significantDigits(t string) int {
	if i := strings.IndexAny(t, "eE"); i >= 0 {
		t = t[:i]
	}
	t = strings.TrimLeft(t, "+-")
	intPart, frac, hasPoint := strings.Cut(t, ".")
	digits := strings.TrimLeft(intPart+frac, "0")
	if !hasPoint || frac == "" {
		digits = strings.TrimRight(digits, "0")
	}
	return len(digits)
}

// roundSignificant rounds a decimal to n significant digits, half up.
func roundSignificant(d decimal.Decimal, n int) decimal.Decimal {
	if d.IsZero() {
		return d
	}
	// The number of digits before the point: d = c × 10^e with c having
	// NumDigits digits.
	places := int32(n) - int32(d.NumDigits()) - d.Exponent()
	return d.Round(places)
}

// plain writes a decimal without an exponent and without trailing zeros
// after the point (0.3, 4390000).
func plain(d decimal.Decimal) string {
	s := d.String()
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
