package date_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/date"
)

func TestParseAndCompare(t *testing.T) {
	pa, err := date.Parse("2025-02-24") // Procurement Act 2023 commencement (SI 2024/716 as amended by SI 2024/959)
	require.NoError(t, err)
	pcr := date.On(2025, time.February, 23)
	assert.True(t, pcr.Before(pa))
	assert.True(t, pa.After(pcr))
	assert.Equal(t, 0, pa.Compare(date.On(2025, 2, 24)))
	assert.Equal(t, "24 February 2025", pa.Long())

	_, err = date.Of(2025, time.February, 29)
	assert.EqualError(t, err, "2025-02-29: February 2025 has no day 29", "2025 is not a leap year")
}

// A date that cannot be read says what is wrong with it: the form, the
// month or the day (issue 11: "2026-02-30: February 2026 has no day 30").
func TestParseSaysWhatIsWrong(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2026-02-30", "2026-02-30: February 2026 has no day 30"},
		{"2025-02-29", "2025-02-29: February 2025 has no day 29"}, // not a leap year
		{"2026-04-31", "2026-04-31: April 2026 has no day 31"},
		{"2026-01-00", "2026-01-00: January 2026 has no day 0"},
		{"2026-13-01", "2026-13-01: there is no month 13: months run from 01 to 12"},
		{"2026-00-10", "2026-00-10: there is no month 0: months run from 01 to 12"},
		{"24/02/2025", `"24/02/2025": want a date written YYYY-MM-DD, such as 2026-02-24`},
		{"2025-2-4", `"2025-2-4": want a date written YYYY-MM-DD, such as 2026-02-24`},
		{"", `"": want a date written YYYY-MM-DD, such as 2026-02-24`},
		{"2026-02-04T10:00", `"2026-02-04T10:00": want a date written YYYY-MM-DD, such as 2026-02-24`},
	} {
		_, err := date.Parse(c.in)
		assert.EqualError(t, err, c.want, c.in)
	}
	d, err := date.Parse("2024-02-29")
	require.NoError(t, err, "2024 is a leap year")
	assert.Equal(t, "29 February 2024", d.Long())
}

func TestAddMonths(t *testing.T) {
	assert.Equal(t, "2026-02-28", date.On(2026, 1, 31).AddMonths(1).String(), "clamped to February's last day")
	assert.Equal(t, "2028-02-29", date.On(2028, 1, 31).AddMonths(1).String(), "leap-year February keeps its 29th")
	assert.Equal(t, "2029-06-11", date.On(2025, 12, 11).AddMonths(42).String())
}

func TestText(t *testing.T) {
	var v struct{ D date.Date }
	require.NoError(t, json.Unmarshal([]byte(`{"D":"2026-02-04"}`), &v))
	assert.Equal(t, "2026-02-04", v.D.String())
	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"D":"2026-02-04"}`, string(b))
	assert.Error(t, json.Unmarshal([]byte(`{"D":"4 Feb 2026"}`), &v))
	var z date.Date
	assert.True(t, z.IsZero())
	assert.Equal(t, "", z.String())
}

func TestOnGivesTheZeroDateForADayThatDoesNotExist(t *testing.T) {
	assert.Equal(t, "2026-03-02", date.On(2026, time.March, 2).String())
	assert.True(t, date.On(2026, time.February, 30).IsZero(), "30 February does not exist: no date, and no panic")
}

// TestAddDaysAndWeekday checks day arithmetic across month, year and
// leap-day boundaries against a calendar: 28 February 2028 is a Monday, 2028
// is a leap year, 31 December 2026 is a Thursday.
func TestAddDaysAndWeekday(t *testing.T) {
	cases := []struct {
		from string
		n    int
		want string
		day  time.Weekday
	}{
		{"2028-02-28", 1, "2028-02-29", time.Tuesday},
		{"2028-02-28", 2, "2028-03-01", time.Wednesday},
		{"2026-12-31", 1, "2027-01-01", time.Friday},
		{"2026-03-02", -2, "2026-02-28", time.Saturday},
		{"2026-11-30", 0, "2026-11-30", time.Monday},
	}
	for _, c := range cases {
		from, err := date.Parse(c.from)
		require.NoError(t, err)
		got := from.AddDays(c.n)
		assert.Equal(t, c.want, got.String(), "%s + %d", c.from, c.n)
		assert.Equal(t, c.day, got.Weekday(), c.want)
		assert.Equal(t, c.n, from.DaysUntil(got))
	}
	var z date.Date
	assert.True(t, z.AddDays(3).IsZero())
	assert.Equal(t, time.Weekday(-1), z.Weekday())
	assert.Equal(t, 0, z.DaysUntil(date.On(2026, 1, 1)))
}
