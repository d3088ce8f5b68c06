package calendar_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/calendar"
)

// TestLoadGovUK reads a file in GOV.UK's bank-holidays.json format (a few
// 2031 days worked out for the test: 30 November 2031 is a Sunday, so St
// Andrew's Day is Monday 1 December) and extends the built-in table with it.
func TestLoadGovUK(t *testing.T) {
	f, err := os.Open("testdata/govuk-format-2031.json")
	require.NoError(t, err)
	defer f.Close()
	got, err := calendar.LoadGovUK(f)
	require.NoError(t, err)
	require.Len(t, got.Holidays, 8)
	sa := got.On(day("2031-12-01"), calendar.Scotland)
	require.Len(t, sa, 1)
	assert.Equal(t, "St Andrew’s Day", sa[0].Title)
	assert.Equal(t, "substitute day", sa[0].Note)
	assert.True(t, sa[0].Verified)
	assert.Equal(t, calendar.SourceGovUK, sa[0].Source)
	assert.Empty(t, sa[0].Basis, "GOV.UK does not say the basis")

	tb := calendar.UKBankHolidays().Update(got)
	assert.True(t, tb.Covers(2031))
	end, _, err := tb.AnyPart().PeriodEnd(day("2031-12-01"), 1)
	require.NoError(t, err)
	assert.Equal(t, "2031-12-02", end.String(), "1 December 2031 is St Andrew's Day in Scotland: not a working day in any part")
}

func TestLoadGovUKBadInput(t *testing.T) {
	cases := []struct {
		name, in, field string
	}{
		{"not JSON", `{"scotland":`, "(file)"},
		{"syntax error with position (the o of nope)", "{\n  \"scotland\": nope}", "line 2, column 16"},
		{"two values", `{} {}`, "(file)"},
		{"unknown division", `{"wales": {"division": "wales", "events": []}}`, "wales"},
		{"division not its key", `{"scotland": {"division": "england-and-wales", "events": [{"title": "x", "date": "2031-01-01", "notes": "", "bunting": true}]}}`, "scotland.division"},
		{"bad date", `{"scotland": {"division": "scotland", "events": [{"title": "x", "date": "1 Jan", "notes": "", "bunting": true}]}}`, "scotland.events[0].date"},
		{"unknown field", `{"scotland": {"division": "scotland", "events": [{"title": "x", "date": "2031-01-01", "colour": "red"}]}}`, "scotland.events[0]"},
		{"control character in a title", `{"scotland": {"division": "scotland", "events": [{"title": "x\u001b[2J", "date": "2031-01-01"}]}}`, "holidays[0].title"},
		{"nothing in it", `{}`, "(file)"},
		{"too large", `{"scotland": "` + strings.Repeat("x", calendar.MaxFileBytes) + `"}`, "(file)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := calendar.LoadGovUK(strings.NewReader(c.in))
			var ce *calendar.Error
			require.True(t, errors.As(err, &ce), "%v", err)
			var fields []string
			for _, p := range ce.Problems {
				fields = append(fields, p.Field)
			}
			assert.Contains(t, fields, c.field)
			assert.NotContains(t, err.Error(), "\x1b")
		})
	}
}

// TestLoadJSONRoundTrip writes the built-in table with encoding/json and
// reads it back: the same rows.
func TestLoadJSONRoundTrip(t *testing.T) {
	tb := calendar.UKBankHolidays()
	b, err := json.Marshal(tb)
	require.NoError(t, err)
	back, err := calendar.LoadJSON(bytes.NewReader(b))
	require.NoError(t, err)
	assert.Equal(t, tb, back)
}

func TestLoadJSONBadInput(t *testing.T) {
	cases := []struct {
		name, in, field, rule string
	}{
		{"no holidays", `{}`, "holidays", "required"},
		{"unknown top field", `{"holidays": [], "extra": 1}`, "extra", "unknown-field"},
		{"unknown row field", `{"holidays": [{"date": "2031-01-01", "division": "scotland", "title": "x", "source": "s", "verified": true, "when": 1}]}`, "holidays[0]", ""},
		{"unknown division", `{"holidays": [{"date": "2031-01-01", "division": "cornwall", "title": "x", "source": "s", "verified": true}]}`, "holidays[0].division", ""},
		{"bad date", `{"holidays": [{"date": "2031-02-30", "division": "scotland", "title": "x", "source": "s"}]}`, "holidays[0]", ""},
		// a value of the wrong kind is rule "type", as in every other reader
		{"holidays not an array", `{"holidays": {}}`, "holidays", "type"},
		{"null, not an object", `null`, "(file)", "type"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := calendar.LoadJSON(strings.NewReader(c.in))
			var ce *calendar.Error
			require.True(t, errors.As(err, &ce), "%v", err)
			var fields []string
			for _, p := range ce.Problems {
				fields = append(fields, p.Field)
				if p.Field == c.field && c.rule != "" {
					assert.Equal(t, c.rule, p.Rule)
				}
			}
			assert.Contains(t, fields, c.field)
		})
	}
}
