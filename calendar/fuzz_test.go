package calendar_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/tenderscore/tenderscore/calendar"
)

// checkLoaded holds the invariants of a successful load: the table is
// valid, sorted by date, and writes out and reads back unchanged; a failed
// load is a *calendar.Error whose message carries no control character.
func checkLoaded(t *testing.T, tb calendar.Table, err error) {
	t.Helper()
	if err != nil {
		var ce *calendar.Error
		if !errors.As(err, &ce) || len(ce.Problems) == 0 {
			t.Fatalf("error %v is not a *calendar.Error with problems", err)
		}
		if strings.ContainsFunc(strings.ReplaceAll(err.Error(), "\n", " "), unicode.IsControl) {
			t.Fatalf("control character in %q", err.Error())
		}
		return
	}
	if verr := tb.Validate(); verr != nil {
		t.Fatalf("loaded table is invalid: %v", verr)
	}
	for i := 1; i < len(tb.Holidays); i++ {
		if tb.Holidays[i].Date.Before(tb.Holidays[i-1].Date) {
			t.Fatalf("rows out of order at %d", i)
		}
	}
	b, merr := json.Marshal(tb)
	if merr != nil {
		t.Fatal(merr)
	}
	back, lerr := calendar.LoadJSON(bytes.NewReader(b))
	if lerr != nil || len(back.Holidays) != len(tb.Holidays) {
		t.Fatalf("table does not read back: %v", lerr)
	}
}

func FuzzLoadGovUK(f *testing.F) {
	if b, err := os.ReadFile("testdata/govuk-format-2031.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"scotland": {"division": "scotland", "events": [{"title": "x", "date": "2031-01-01"}]}}`))
	f.Add([]byte(`{"scotland": {"division": "scotland", "events": [{"title": "\u0000", "date": "2031-01-01"}]}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, err := calendar.LoadGovUK(bytes.NewReader(b))
		checkLoaded(t, tb, err)
	})
}

func FuzzLoadJSON(f *testing.F) {
	if b, err := json.Marshal(calendar.Expected(2030)); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"holidays": []}`))
	f.Add([]byte(`{"holidays": [{"date": "2031-01-01", "division": "scotland", "title": "x", "source": "s", "verified": true}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, err := calendar.LoadJSON(bytes.NewReader(b))
		checkLoaded(t, tb, err)
	})
}
