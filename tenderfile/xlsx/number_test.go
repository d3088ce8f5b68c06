package xlsx

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// TestExactNumber checks stored numbers are read digit for digit, and
// floating-point artefacts refused. Expected values worked by hand from
// the stored text.
func TestExactNumber(t *testing.T) {
	tests := []struct {
		why, raw, want, rule string
	}{
		{"a whole amount", "4390000", "4390000", ""},
		{"pence", "4390000.5", "4390000.5", ""},
		{"an exponent Excel writes for small numbers", "1E-3", "0.001", ""},
		{"a negative", "-12.25", "-12.25", ""},
		{"15 significant digits is what a spreadsheet keeps", "123456789012.345", "123456789012.345", ""},
		{"0.1+0.2 as a double", "0.30000000000000004", "", "float-artefact"},
		{"a third as a double", "0.33333333333333331", "", "float-artefact"},
		{"a large amount as a double's 17 digits", "4390000.0000000009", "", "float-artefact"},
		{"not a number", "abc", "", "number"},
		{"two points", "1.2.3", "", "number"},
		{"a number of a million digits is refused from its length (issue 11)", strings.Repeat("7", 1000000) + "E1", "", "number"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			d, p := exactNumber(tc.raw)
			if tc.rule != "" {
				require.NotNil(t, p)
				assert.Equal(t, tc.rule, p.rule)
				return
			}
			require.Nil(t, p)
			assert.Equal(t, tc.want, d.String())
		})
	}
}

// TestArtefactSuggestion checks the value suggested for an artefact is the
// number rounded to 15 significant digits: 0.30000000000000004 → 0.3,
// 2.675000000000000178 → 2.675.
func TestArtefactSuggestion(t *testing.T) {
	_, p := exactNumber("0.30000000000000004")
	require.NotNil(t, p)
	assert.Contains(t, p.msg, "probably of 0.3:")
	_, p = exactNumber("2.6749999999999998")
	require.NotNil(t, p)
	assert.Contains(t, p.msg, "probably of 2.675:")
}

// TestSignificantDigits checks the count: leading zeros never count,
// trailing zeros of a whole number do not, those after a point do.
func TestSignificantDigits(t *testing.T) {
	for raw, want := range map[string]int{
		"4390000": 3, "0.001": 1, "1E-3": 1, "4.50": 3, "0.30000000000000004": 17, "-0012": 2, "0": 0,
	} {
		assert.Equal(t, want, significantDigits(raw), raw)
	}
}

// TestSerialDate checks serial days in both date systems, at the edges of
// the 1900 leap-year bug (ECMA-376 Part 1, §18.17.4.1: serial 60 is the
// fictitious 1900-02-29) and at the ends of the range.
func TestSerialDate(t *testing.T) {
	tests := []struct {
		why      string
		serial   string
		date1904 bool
		want     string // "" for an error
	}{
		{"serial 1 is the first day of the 1900 system", "1", false, "1900-01-01"},
		{"serial 59 is the last day before the fictitious leap day", "59", false, "1900-02-28"},
		{"serial 60 is 29 February 1900, which did not exist", "60", false, ""},
		{"serial 61 is 1 March 1900", "61", false, "1900-03-01"},
		{"serial 0 is no day in the 1900 system", "0", false, ""},
		{"serial 0 is 1904-01-01 in the 1904 system", "0", true, "1904-01-01"},
		{"the last day", "2958465", false, "9999-12-31"},
		{"past the last day", "2958466", false, ""},
		{"negative", "-1", false, ""},
		{"a quarter past six in the morning", "46057.2604166666667", false, "2026-02-04T06:15:00"},
		{"a second before midnight rounds to the second", "46057.99998842", false, "2026-02-04T23:59:59"},
		{"half a second before midnight is midnight next day", "46057.9999942130", false, "2026-02-05"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			d, secs, err := serialDate(decimal.RequireFromString(tc.serial), tc.date1904)
			if tc.want == "" {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, dateText(d, secs))
		})
	}
}

// TestSerialDateProperty checks against a second derivation: for every day
// from 1900-03-01 to 9999-12-31, the 1900 serial is the day's offset from
// 1899-12-30, and the 1904 serial is 1462 days fewer.
func TestSerialDateProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(61, maxSerial).Draw(t, "serial")
		d, _, err := serialDate(decimal.NewFromInt(int64(n)), false)
		require.NoError(t, err)
		d4, _, err := serialDate(decimal.NewFromInt(int64(n-1462)), true)
		if n-1462 >= 0 {
			require.NoError(t, err)
			assert.Equal(t, d, d4)
		}
		want := epoch1900.AddDate(0, 0, n-1)
		assert.Equal(t, want.Format("2006-01-02"), d.String())
	})
}

// TestCodeShown checks custom number formats are told apart: currency is a
// number, dates and times are dates, % is a percentage.
func TestCodeShown(t *testing.T) {
	for code, want := range map[string]shown{
		`"£"#,##0.00`:           asNumber,
		`[$£-809]#,##0.00`:      asNumber,
		`#,##0.00;[Red]-#,##0`:  asNumber,
		`0.00E+00`:              asNumber,
		`General`:               asNumber,
		`dd/mm/yyyy`:            asDate,
		`[$-F800]dddd, mmmm dd`: asDate,
		`[h]:mm`:                asDate,
		`h:mm AM/PM`:            asDate,
		`0.0%`:                  asPercent,
		`"days"0`:               asNumber,
		`0\d`:                   asNumber,
	} {
		assert.Equal(t, want, codeShown(code), code)
	}
}
