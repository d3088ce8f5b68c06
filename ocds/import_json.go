package ocds

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// The OCDS objects Import reads, with only the fields it uses; everything
// else in a notice is skipped unread. Scalars are read leniently: each
// holds what the file gave and whether it was of the kind wanted, so that
// a wrong type becomes a problem naming its field path, never a silent
// zero, and a field of the wrong kind elsewhere in a release does not stop
// the rest from being read.

type inDoc struct {
	Releases        []inRelease `json:"releases"`
	Records         []inRecord  `json:"records"`
	CompiledRelease *inRelease  `json:"compiledRelease"`
	inRelease
}

type inRecord struct {
	OCID            jtext       `json:"ocid"`
	Releases        []inRelease `json:"releases"`
	CompiledRelease *inRelease  `json:"compiledRelease"`
}

type inRelease struct {
	OCID    jtext     `json:"ocid"`
	ID      jtext     `json:"id"`
	Date    jtext     `json:"date"`
	Parties []inParty `json:"parties"`
	Buyer   *inOrgRef `json:"buyer"`
	Tender  *inTender `json:"tender"`
	Bids    *inBids   `json:"bids"`
}

type inOrgRef struct {
	ID   jtext `json:"id"`
	Name jtext `json:"name"`
}

type inParty struct {
	ID      jtext      `json:"id"`
	Name    jtext      `json:"name"`
	Roles   []jtext    `json:"roles"`
	Details *inDetails `json:"details"`
}

type inDetails struct {
	Classifications []inClassification `json:"classifications"`
}

type inClassification struct {
	Scheme jtext `json:"scheme"`
	ID     jtext `json:"id"`
	URI    jtext `json:"uri"`
}

type inTender struct {
	ID             jtext             `json:"id"`
	Title          jtext             `json:"title"`
	LegalBasis     *inClassification `json:"legalBasis"`
	Value          *inValue          `json:"value"`
	ContractPeriod *inPeriod         `json:"contractPeriod"`
	Lots           []inLot           `json:"lots"`
	LotDetails     *inLotDetails     `json:"lotDetails"`
	Features       []inFeature       `json:"features"`
	Items          []inItem          `json:"items"`
}

type inLot struct {
	ID             jtext            `json:"id"`
	Title          jtext            `json:"title"`
	Value          *inValue         `json:"value"`
	ContractPeriod *inPeriod        `json:"contractPeriod"`
	AwardCriteria  *inAwardCriteria `json:"awardCriteria"`
}

type inValue struct {
	Amount      jnum  `json:"amount"`
	AmountGross jnum  `json:"amountGross"`
	Currency    jtext `json:"currency"`
}

type inPeriod struct {
	StartDate        jtext `json:"startDate"`
	EndDate          jtext `json:"endDate"`
	DurationInMonths jnum  `json:"durationInMonths"`
}

type inLotDetails struct {
	MaximumLotsBidPerSupplier     jnum  `json:"maximumLotsBidPerSupplier"`
	MaximumLotsAwardedPerSupplier jnum  `json:"maximumLotsAwardedPerSupplier"`
	AwardCriteriaDetails          jtext `json:"awardCriteriaDetails"`
}

type inAwardCriteria struct {
	WeightingDescription jtext         `json:"weightingDescription"`
	Criteria             []inCriterion `json:"criteria"`
}

type inCriterion struct {
	Type        jtext      `json:"type"`
	Name        jtext      `json:"name"`
	Description jtext      `json:"description"`
	Numbers     []inNumber `json:"numbers"`
}

type inNumber struct {
	Number    jnum  `json:"number"`
	Weight    jtext `json:"weight"`
	Threshold jtext `json:"threshold"`
	Fixed     jtext `json:"fixed"`
}

// jtext is a text field. An identifier may also be a whole number (OCDS
// allows integer ids); found describes any other kind of value given.
type jtext struct {
	s     string
	set   bool
	found string
}

func (t *jtext) UnmarshalJSON(b []byte) error {
	*t = jtext{}
	switch kind(b) {
	case "null":
	case "text":
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			t.found = "text that cannot be read"
			return nil
		}
		t.s, t.set = s, true
	case "number":
		if wholeNumber.Match(b) && len(b) <= maxNumberChars {
			t.s, t.set = string(b), true
			return nil
		}
		t.found = "the number " + abbreviate(string(b))
	default:
		t.found = kind(b)
	}
	return nil
}

// jnum is a number field: its digits exactly as written, never through a
// float. Text holding a number is accepted, as some publishers quote
// numbers.
type jnum struct {
	s     string
	set   bool
	found string
}

func (n *jnum) UnmarshalJSON(b []byte) error {
	*n = jnum{}
	switch kind(b) {
	case "null":
	case "number":
		n.s, n.set = string(b), true
	case "text":
		var s string
		if err := json.Unmarshal(b, &s); err == nil {
			n.s, n.set = strings.TrimSpace(s), true
			return nil
		}
		n.found = "text that cannot be read"
	default:
		n.found = kind(b)
	}
	return nil
}

// kind names the kind of a JSON value from its first byte.
func kind(b []byte) string {
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 {
		return "nothing"
	}
	switch b[0] {
	case 'n':
		return "null"
	case '"':
		return "text"
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return "true or false"
	}
	return "number"
}

var (
	wholeNumber = regexp.MustCompile(`^-?[0-9]+$`)
	jsonNumber  = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?(?:[eE]([-+]?[0-9]+))?$`)
)

// maxNumberChars bounds the text of one number: an amount of a trillion
// pounds to the penny is 16 characters.
const maxNumberChars = 40

// maxExponent bounds a number's exponent, so that "1e999999999" cannot ask
// for a billion digits.
const maxExponent = 30

// number reads a number exactly: digits with an optional point, and an
// exponent within ±maxExponent as JSON allows (7E+1).
func number(s string) (decimal.Decimal, string) {
	if len(s) > maxNumberChars {
		return decimal.Decimal{}, fmt.Sprintf("a number of more than %d characters", maxNumberChars)
	}
	m := jsonNumber.FindStringSubmatch(s)
	if m == nil {
		return decimal.Decimal{}, "not a number"
	}
	if m[2] != "" {
		exp, err := strconv.Atoi(m[2])
		if err != nil || exp > maxExponent || exp < -maxExponent {
			return decimal.Decimal{}, fmt.Sprintf("a number with an exponent beyond ±%d", maxExponent)
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, "not a number"
	}
	return d, ""
}

// abbreviate shows at most 40 characters of a value from a file, cleaned.
func abbreviate(s string) string {
	s = clean(s)
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		return string(r[:40]) + "…"
	}
	return s
}
