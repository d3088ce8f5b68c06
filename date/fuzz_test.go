package date_test

import (
	"strings"
	"testing"
	"time"

	"github.com/tenderscore/tenderscore/date"
)

// FuzzParse: any text either parses to a date that prints back the same, or
// is an error; never a panic. Parse accepts exactly what time.Parse accepts
// in the layout, as the same day, and its error quotes what it was given.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2026-02-04", "2024-02-29", "2025-02-29", "", "0000-01-01", "9999-12-31", "2026-13-01", "24/02/2025"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := date.Parse(s)
		tm, terr := time.Parse(date.Layout, s)
		if (err == nil) != (terr == nil) {
			t.Fatalf("%q: Parse says %v, time.Parse says %v", s, err, terr)
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), s+": ") && !strings.HasPrefix(err.Error(), `"`) {
				t.Fatalf("%q: the error does not say what was read: %v", s, err)
			}
			return
		}
		if d.Year() != tm.Year() || d.Month() != tm.Month() || d.Day() != tm.Day() {
			t.Fatalf("%q: Parse reads %v, time.Parse %v", s, d, tm)
		}
		back, err := date.Parse(d.String())
		if err != nil || back != d {
			t.Fatalf("%q parsed to %v, which does not read back (%v)", s, d, err)
		}
	})
}
