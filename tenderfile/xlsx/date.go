package xlsx

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/date"
)

// A spreadsheet stores a date as a serial number of days, with the time of
// day as its fraction (ECMA-376 Part 1, §18.17.4.1 "Date Conversion for
// Serial Values"):
//
//   - in the 1900 backward-compatibility date system (the default), serial
//     1 is 1900-01-01 and serial 60 is 29 February 1900 — a day that did not
//     exist, kept for compatibility with Lotus 1-2-3 — so from serial 61
//     (1900-03-01) on, day n is n−1 days after 1899-12-31;
//   - in the 1904 backward-compatibility date system (workbookPr
//     date1904), serial 0 is 1904-01-01.
//
// The conversion is done in whole days and whole seconds, never through
// floating point.

// maxSerial is 9999-12-31 in the 1900 date system, the last date either
// system can hold (§18.17.4.1).
const maxSerial = 2958465

var (
	epoch1900 = time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	epoch1904 = time.Date(1904, time.January, 1, 0, 0, 0, 0, time.UTC)
	secsInDay = decimal.NewFromInt(86400)
)

// serialDate turns a date cell's serial number into the calendar day and
// the seconds past midnight (rounded half up to the second).
func serialDate(serial decimal.Decimal, date1904 bool) (date.Date, int, error) {
	if serial.IsNegative() {
		return date.Date{}, 0, fmt.Errorf("a date cell holds %s, before the first day a spreadsheet can show", plain(serial))
	}
	days := serial.Floor()
	secs := serial.Sub(days).Mul(secsInDay).Round(0).IntPart()
	if secs == 86400 {
		days, secs = days.Add(decimal.NewFromInt(1)), 0
	}
	if days.GreaterThan(decimal.NewFromInt(maxSerial)) {
		return date.Date{}, 0, fmt.Errorf("a date cell holds %s, after 9999-12-31, the last day a spreadsheet can show", plain(serial))
	}
	n := int(days.IntPart())
	var t time.Time
	switch {
	case date1904:
		t = epoch1904.AddDate(0, 0, n)
	case n == 0:
		return date.Date{}, 0, fmt.Errorf("a date cell holds 0, which a spreadsheet shows as 0 January 1900, not a day")
	case n == 60:
		return date.Date{}, 0, fmt.Errorf("a date cell holds 60, which a spreadsheet shows as 29 February 1900, a day that did not exist")
	case n < 60:
		t = epoch1900.AddDate(0, 0, n)
	default:
		t = epoch1900.AddDate(0, 0, n-1)
	}
	d, err := date.Of(t.Year(), t.Month(), t.Day())
	return d, int(secs), err
}

// dateText writes a day, and a time of day when there is one, as ISO 8601:
// "2026-02-04", "2026-02-04T09:30:00".
func dateText(d date.Date, secs int) string {
	s := d.String()
	if secs > 0 {
		s += fmt.Sprintf("T%02d:%02d:%02d", secs/3600, secs/60%60, secs%60)
	}
	return s
}

// isoDateCell reads the text of an ISO 8601 date cell (t="d", ECMA-376
// Part 1, §18.18.11): "2026-02-04", or a date and time, whose time of day
// is kept as written.
func isoDateCell(v string) (string, error) {
	v = strings.TrimSpace(v)
	day, rest, _ := strings.Cut(v, "T")
	d, err := date.Parse(day)
	if err != nil {
		return "", fmt.Errorf("a date cell holds %q, not an ISO 8601 date", v)
	}
	rest = strings.TrimSuffix(rest, "Z")
	if strings.Trim(rest, "0:.") == "" {
		return d.String(), nil
	}
	return d.String() + "T" + rest, nil
}
