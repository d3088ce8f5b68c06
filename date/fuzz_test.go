package date_test

import (
	"testing"

	"github.com/tenderscore/tenderscore/date"
)

// FuzzParse: any text either parses to a date that prints back the same, or
// is an error; never a panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2026-02-04", "2024-02-29", "2025-02-29", "", "0000-01-01", "9999-12-31", "2026-13-01", "24/02/2025"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := date.Parse(s)
		if err != nil {
			return
		}
		back, err := date.Parse(d.String())
		if err != nil || back != d {
			t.Fatalf("%q parsed to %v, which does not read back (%v)", s, d, err)
		}
	})
}
