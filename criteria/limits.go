package criteria

import (
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"
)

// Limits on what any input may hold, for every package of this module: the
// numbers in a tender, a bid or a data file, the files the decoders read,
// and the problems an error reports. They are here, in one place, because
// an input that breaks none of them costs time and memory in proportion to
// its size; the security guarantees that rest on them are set out in
// SECURITY.md at the root of the module.
//
// Every decoder (YAML, JSON and CSV files in package tenderfile, catalogue
// and rate files here, the frameworks data file in package frameworks)
// checks the length of a number's text against MaxNumberChars before any
// big-number arithmetic, and refuses exponents; validation checks a decimal
// built in Go ([CheckNumber]) from its exponent and the size of its
// coefficient before comparing it with anything.
const (
	// MaxIntegerDigits bounds amounts: every amount, weight, mark, rate
	// and score is less than 10^15 in size. No tender is priced in more
	// than fifteen digits of pounds.
	MaxIntegerDigits = 15
	// MaxDecimalPlaces bounds precision: no rate needs more than ten
	// decimal places. Trailing zeros beyond it are allowed (1.500000000000
	// is 1.5).
	MaxDecimalPlaces = 10
	// MaxNumberChars bounds the text of one number in a file: digits, sign
	// and point. A longer number is refused before it is read.
	MaxNumberChars = 64
	// MaxCoefficientDigits bounds a decimal built in Go: its coefficient (its
	// digits without the point) may have at most this many digits.
	MaxCoefficientDigits = MaxNumberChars
	// MaxProblems bounds the problems one error lists: the first
	// MaxProblems, then one problem (rule "too-many") counting the rest, so
	// that a file of garbage gives a readable answer in bounded memory.
	MaxProblems = 100
	// MaxFileBytes is the largest catalogue, rate table or frameworks data
	// file read (16 MiB): such a file is a few kilobytes, so anything
	// larger is a mistake.
	MaxFileBytes = 16 << 20
	// MaxTenderFileBytes is the largest tender or bids file (YAML or JSON)
	// read (32 MiB): a tender is a few hundred kilobytes, and a bids file
	// for thousands of bids a few megabytes.
	MaxTenderFileBytes = 32 << 20
	// MaxYAMLFileBytes is the largest tender or bids file read as YAML
	// (4 MiB, some 4,000 bids): the YAML parser (go.yaml.in/yaml/v3) builds
	// a tree of the whole file before anything is decoded, about 160 bytes
	// for each value, so a YAML file of bids costs some fifty times its
	// size, and one of two-byte values ("-" and a newline, a line) up to 170
	// at its peak — some 700 MB at this size. A JSON file is read one bid at
	// a time and costs a small multiple of its size. Larger sets of bids go
	// in JSON, CSV or a workbook.
	MaxYAMLFileBytes = 4 << 20
	// MaxCSVFileBytes is the largest CSV file of bids, prices, marks, gates,
	// commitments or tie-break scores read (64 MiB).
	MaxCSVFileBytes = 64 << 20
	// MaxNesting bounds how deep values nest in a file: a tender's deepest
	// value is about a dozen levels down.
	MaxNesting = 64
)

// TooMany is the problem that ends a list cut at [MaxProblems]: it counts
// the problems left out.
func TooMany(omitted int) Problem {
	word := "problems are"
	if omitted == 1 {
		word = "problem is"
	}
	return Problem{Rule: "too-many", Value: strconv.Itoa(omitted),
		Message: fmt.Sprintf("%d more %s not shown: only the first %d are listed", omitted, word, MaxProblems)}
}

// checkSize reports a decimal too large or too finely divided to be a real
// amount, mark or weight. It looks at the exponent and the number of
// digits of the coefficient before any arithmetic, so a decimal built in Go
// with a huge exponent is refused at once; only a decimal within bounds is
// compared exactly.
func checkSize(field string, d decimal.Decimal) *Problem {
	switch sizeOf(d) {
	case sizeMagnitude:
		return &Problem{Field: field, Value: numberText(d), Rule: "magnitude",
			Message: fmt.Sprintf("must be less than 10^%d", MaxIntegerDigits)}
	case sizeDigits:
		return &Problem{Field: field, Value: numberText(d), Rule: "digits",
			Message: fmt.Sprintf("has more than %d digits", MaxCoefficientDigits)}
	case sizePrecision:
		return &Problem{Field: field, Value: numberText(d), Rule: "precision",
			Message: fmt.Sprintf("has more than %d decimal places", MaxDecimalPlaces)}
	}
	return nil
}

// sizeFine reports whether d is within the size limits, without building
// the problem it would otherwise be (and without allocating, for a
// coefficient that fits in 64 bits).
func sizeFine(d decimal.Decimal) bool { return sizeOf(d) == sizeOK }

type size int

const (
	sizeOK size = iota
	sizeMagnitude
	sizeDigits
	sizePrecision
)

// sizeOf decides which limit, if any, d breaks. The exponent alone decides
// most hostile cases; the coefficient's digits are counted only when the
// exponent is within bounds, and exact comparison happens only when both
// are, so that no decimal is ever rescaled by a huge power of ten.
func sizeOf(d decimal.Decimal) size {
	if d.Sign() == 0 {
		return sizeOK
	}
	exp := int64(d.Exponent())
	if exp > MaxIntegerDigits { // |d| ≥ 10^16
		return sizeMagnitude
	}
	n := int64(d.NumDigits()) // |d| ≥ 10^(n-1+exp)
	switch {
	case n-1+exp >= MaxIntegerDigits:
		return sizeMagnitude
	case n > MaxCoefficientDigits:
		return sizeDigits
	case -exp > MaxDecimalPlaces+n:
		// n digits cannot end in the -exp-MaxDecimalPlaces zeros that the
		// places beyond the limit would need to be.
		return sizePrecision
	case -exp > MaxDecimalPlaces && !d.Equal(d.Truncate(MaxDecimalPlaces)):
		return sizePrecision
	}
	return sizeOK
}

// numberText writes a decimal refused by checkSize without expanding it:
// its digits when there are few, in scientific form when the exponent is
// large, and only its size when the coefficient itself is huge.
func numberText(d decimal.Decimal) string {
	exp := d.Exponent()
	switch n := d.NumDigits(); {
	case n > MaxCoefficientDigits:
		return fmt.Sprintf("a number written with %d digits", n)
	case exp >= -MaxNumberChars && exp <= MaxNumberChars:
		return d.String()
	}
	return fmt.Sprintf("%se%+d", d.Coefficient(), exp)
}

// CheckNumber reports a decimal that breaks the size limits
// ([MaxIntegerDigits], [MaxDecimalPlaces], [MaxCoefficientDigits]); nil
// when it is fine. Its cost depends on the number of the decimal's digits,
// never on its exponent.
func CheckNumber(field string, d decimal.Decimal) *Problem { return checkSize(field, d) }
