package score_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// timelineTender is a fictional English council's one-lot tender under the
// Procurement Act 2023; mods change it.
func timelineTender(mods ...func(*score.Tender)) score.Tender {
	t := score.Tender{
		ID: "NBC/IT/09", Title: "Service desk",
		Authority: score.Authority{Name: "Northbridge Borough Council", Type: score.SubCentral, Nation: score.England},
		Commenced: date.On(2026, 3, 2), Regime: score.PA2023,
		Lots: []score.Lot{{ID: "1", Title: "Service desk", TermMonths: 36}},
	}
	for _, m := range mods {
		m(&t)
	}
	return t
}

func pcr(t *score.Tender) { t.Regime = score.PCR2015 }

func onRoute(fw, proc string) func(*score.Tender) {
	return func(t *score.Tender) { t.Lots[0].Route = &score.Route{Framework: fw, Lot: "3", Procedure: proc} }
}

func d(s string) date.Date {
	v, err := date.Parse(s)
	if err != nil {
		panic(err) // test data only
	}
	return v
}

// TestTimelineActStandstill counts the Procurement Act 2023's mandatory
// standstill (s.51(2): eight working days beginning with the day the
// contract award notice is published) across bank holidays of each part of
// the United Kingdom (s.123(1): a bank holiday in any part is not a working
// day, so an English council stops for a Scottish or Northern Irish one),
// and the contract details notice's last day (s.53(1)(b): the period of 30
// days beginning with the day of entry). Calendars written out by hand.
func TestTimelineActStandstill(t *testing.T) {
	cases := []struct {
		name, sent, end, entry, notice string
	}{
		{"St Andrew's Day (Scotland only): Thu 26, Fri 27 Nov 2026 (1–2); Sat 28, Sun 29, Mon 30 (St Andrew's Day) not working days; Tue 1 – Fri 4 Dec (3–6); Sat 5, Sun 6; Mon 7 (7), Tue 8 (8). Notice: 9 Dec + 29 days = 7 Jan 2027",
			"2026-11-26", "2026-12-08", "2026-12-09", "2027-01-07"},
		{"St Patrick's Day (Northern Ireland only): Mon 16 Mar 2026 (1); Tue 17 not a working day; Wed 18 – Fri 20 (2–4); Sat 21, Sun 22; Mon 23 – Thu 26 (5–8). Notice: 27 Mar + 29 = 25 Apr",
			"2026-03-16", "2026-03-26", "2026-03-27", "2026-04-25"},
		{"12 July (Northern Ireland only): Fri 9 Jul 2027 (1); Sat 10, Sun 11, Mon 12 (Battle of the Boyne) not working days; Tue 13 – Fri 16 (2–5); Sat 17, Sun 18; Mon 19 – Wed 21 (6–8). Notice: 22 Jul + 29 = 20 Aug",
			"2027-07-09", "2027-07-21", "2027-07-22", "2027-08-20"},
		{"Easter 2026: Wed 1, Thu 2 Apr (1–2); Good Friday 3, Sat 4, Sun 5, Easter Monday 6 not working days; Tue 7 – Fri 10 (3–6); Sat 11, Sun 12; Mon 13, Tue 14 (7–8). Notice: 15 Apr + 29 = 14 May",
			"2026-04-01", "2026-04-14", "2026-04-15", "2026-05-14"},
		{"Christmas 2026: Wed 23, Thu 24 Dec (1–2); Fri 25 Christmas, Sat 26, Sun 27, Mon 28 Boxing Day (substitute) not working days; Tue 29 – Thu 31 (3–5); Fri 1 Jan 2027 New Year's Day, Sat 2, Sun 3, Mon 4 (2nd January, substitute, Scotland only) not working days; Tue 5 – Thu 7 (6–8). Notice: 8 Jan + 29 = 6 Feb",
			"2026-12-23", "2027-01-07", "2027-01-08", "2027-02-06"},
		{"no holidays: Mon 2 – Fri 6 Mar 2026 (1–5); Sat 7, Sun 8; Mon 9 – Wed 11 (6–8). Notice: 12 Mar + 29 = 10 Apr",
			"2026-03-02", "2026-03-11", "2026-03-12", "2026-04-10"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tl, err := timelineTender().Timeline("1", d(c.sent), score.TimelineOptions{})
			require.NoError(t, err)
			assert.Equal(t, score.MandatoryStandstill, tl.Standstill)
			assert.Equal(t, 8, tl.Days)
			assert.Equal(t, c.end, tl.End.String(), "last day of the standstill")
			assert.Equal(t, c.entry, tl.EarliestEntry.String(), "first day the contract may be entered into")
			assert.True(t, tl.EntryAssumed)
			assert.Equal(t, "contract details notice", tl.Notice)
			assert.Equal(t, c.notice, tl.NoticeDeadline.String())
			for _, s := range tl.Steps {
				assert.NotEmpty(t, s.Cite, s.What)
				assert.True(t, s.Verified, s.What)
			}
		})
	}
}

// TestTimelineActRoutes checks the exemptions of s.51(3), the voluntary
// standstill of s.51(4)–(5), a longer standstill in the notice (s.51(1)(b))
// and the light touch notice period (s.53(1)(a): 120 days).
func TestTimelineActRoutes(t *testing.T) {
	cases := []struct {
		name   string
		tender score.Tender
		o      score.TimelineOptions
		kind   score.StandstillKind
		days   int
		end    string
		entry  string
		notice string
	}{
		{"a call-off under a framework: exempt (s.51(3)(d)); entered into the day the notice is published; notice: 2 Mar + 29 = 31 Mar 2026",
			timelineTender(onRoute("RM6190", "further-competition")), score.TimelineOptions{}, score.NoStandstill, 0, "", "2026-03-02", "2026-03-31"},
		{"a framework call-off with a voluntary standstill of eight working days (s.51(5)): Mon 2 – Wed 11 Mar 2026, as the mandatory one",
			timelineTender(onRoute("RM6190", "further-competition")), score.TimelineOptions{StandstillDays: 8}, score.VoluntaryStandstill, 8, "2026-03-11", "2026-03-12", "2026-04-10"},
		{"a longer standstill in the notice, ten working days (s.51(1)(b)): Mon 2 – Fri 6, Mon 9 – Fri 13 Mar 2026",
			timelineTender(), score.TimelineOptions{StandstillDays: 10}, score.LongerStandstill, 10, "2026-03-13", "2026-03-14", "2026-04-12"},
		{"a light touch contract: exempt (s.51(3)(f)); notice within 120 days beginning with 2 Mar 2026: Mar 2–31 (30), Apr (60), May (91), Jun 1–29 (120)",
			timelineTender(func(t *score.Tender) { t.Lots[0].ContractType = score.LightTouch }), score.TimelineOptions{}, score.NoStandstill, 0, "", "2026-03-02", "2026-06-29"},
		{"an award by reference to a dynamic market: exempt (s.51(3)(e))",
			timelineTender(func(t *score.Tender) { t.Lots[0].Route = &score.Route{Procedure: "dynamic-market"} }), score.TimelineOptions{}, score.NoStandstill, 0, "", "2026-03-02", "2026-03-31"},
		{"a direct award for extreme and unavoidable urgency: exempt (s.51(3)(a))",
			timelineTender(func(t *score.Tender) { t.Route = score.Route{Procedure: "direct-award"} }), score.TimelineOptions{DirectAward: score.ExtremeUrgency}, score.NoStandstill, 0, "", "2026-03-02", "2026-03-31"},
		{"another direct award: the mandatory standstill applies",
			timelineTender(func(t *score.Tender) { t.Route = score.Route{Procedure: "direct-award"} }), score.TimelineOptions{DirectAward: score.OtherDirectAward}, score.MandatoryStandstill, 8, "2026-03-11", "2026-03-12", "2026-04-10"},
		{"entered into on Fri 20 Mar 2026, after the standstill: notice 20 Mar + 29 = 18 Apr",
			timelineTender(), score.TimelineOptions{EnteredInto: d("2026-03-20")}, score.MandatoryStandstill, 8, "2026-03-11", "2026-03-12", "2026-04-18"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tl, err := c.tender.Timeline("1", d("2026-03-02"), c.o)
			require.NoError(t, err)
			assert.Equal(t, c.kind, tl.Standstill)
			assert.Equal(t, c.days, tl.Days)
			assert.Equal(t, c.end, tl.End.String())
			assert.Equal(t, c.entry, tl.EarliestEntry.String())
			assert.Equal(t, c.notice, tl.NoticeDeadline.String())
		})
	}
}

func TestTimelineActNotes(t *testing.T) {
	tl, err := timelineTender(func(t *score.Tender) { t.Route = score.Route{Procedure: "direct-award"} }).Timeline("1", d("2026-03-02"), score.TimelineOptions{})
	require.NoError(t, err)
	assert.Equal(t, score.MandatoryStandstill, tl.Standstill, "a direct award of unstated ground keeps the standstill")
	require.Len(t, tl.Notes, 1)
	assert.Contains(t, tl.Notes[0], "ground is not stated")

	below, err := timelineTender().Timeline("1", d("2026-03-14"), score.TimelineOptions{BelowThreshold: true})
	require.NoError(t, err, "no standstill is counted below threshold, so a Saturday is fine")
	assert.Equal(t, score.NoStandstill, below.Standstill)
	assert.True(t, below.NoticeDeadline.IsZero(), "s.87(3) sets no day")

	// 2028's New Year's Day substitute (Mon 3 Jan) and Scotland's 2nd
	// January (Tue 4) are expected, not yet proclaimed: Thu 30, Fri 31 Dec
	// 2027 (1–2); Sat 1 – Tue 4 Jan 2028 not working days; Wed 5 – Fri 7
	// (3–5); Sat 8, Sun 9; Mon 10 – Wed 12 (6–8).
	late, err := timelineTender().Timeline("1", d("2027-12-30"), score.TimelineOptions{})
	require.NoError(t, err)
	assert.Equal(t, "2028-01-12", late.End.String())
	require.NotEmpty(t, late.Notes)
	assert.Contains(t, late.Notes[0], "not yet proclaimed")
	var unverified int
	for _, s := range late.Steps {
		if !s.Verified {
			unverified++
		}
	}
	assert.Equal(t, 2, unverified, "the end and the first day of entry rest on expected holidays")
}

// TestTimelineRegulations counts PCR 2015's standstill: to midnight at the
// end of the 10th day after the notices are sent electronically (reg
// 87(2)), at the end of the next working day if that day is not one (reg
// 2(4)), with the authority's own part's bank holidays (reg 2(1), a
// reading); and the contract award notice within 30 days of the award (reg
// 50(1), moved likewise).
func TestTimelineRegulations(t *testing.T) {
	cases := []struct {
		name   string
		nation score.Nation
		sent   string
		end    string
		entry  string
		notice string
	}{
		{"the 10th day after Mon 2 Mar 2026 is Thu 12 Mar, a working day; notice: 13 Mar + 30 = Sun 12 Apr, so Mon 13 Apr",
			score.England, "2026-03-02", "2026-03-12", "2026-03-13", "2026-04-13"},
		{"the 10th day after Mon 15 Dec 2025 is Thu 25 Dec (Christmas Day); Fri 26 Boxing Day, Sat 27, Sun 28: so Mon 29 Dec; notice: 30 Dec + 30 = Thu 29 Jan 2026",
			score.England, "2025-12-15", "2025-12-29", "2025-12-30", "2026-01-29"},
		{"St Andrew's Day is not a holiday in England: the 10th day after Fri 20 Nov 2026 is Mon 30 Nov, a working day there; notice: 1 Dec + 30 = Thu 31 Dec",
			score.England, "2026-11-20", "2026-11-30", "2026-12-01", "2026-12-31"},
		{"12 July in Northern Ireland: the 10th day after Fri 3 Jul 2026 is Mon 13 Jul, the Battle of the Boyne (substitute) there, so Tue 14 Jul; notice: 15 Jul + 30 = Fri 14 Aug",
			score.NorthernIreland, "2026-07-03", "2026-07-14", "2026-07-15", "2026-08-14"},
		{"the same days for an English authority: Mon 13 Jul 2026 is a working day in England; notice: 14 Jul + 30 = Thu 13 Aug",
			score.England, "2026-07-03", "2026-07-13", "2026-07-14", "2026-08-13"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tn := timelineTender(pcr, func(t *score.Tender) { t.Authority.Nation = c.nation })
			tl, err := tn.Timeline("1", d(c.sent), score.TimelineOptions{})
			require.NoError(t, err)
			assert.Equal(t, score.Regulation87Standstill, tl.Standstill)
			assert.Equal(t, 10, tl.Days)
			assert.Equal(t, c.end, tl.End.String())
			assert.Equal(t, c.entry, tl.EarliestEntry.String())
			assert.Equal(t, "contract award notice", tl.Notice)
			assert.Equal(t, c.notice, tl.NoticeDeadline.String())
		})
	}
	// A call-off under a framework agreement: no reg 86 notice, no
	// standstill (reg 86(5)(c)), no contract award notice (reg 50(4)).
	tl, err := timelineTender(pcr, onRoute("RM6116", "further-competition")).Timeline("1", d("2026-03-02"), score.TimelineOptions{})
	require.NoError(t, err)
	assert.Equal(t, score.NoStandstill, tl.Standstill)
	assert.Equal(t, "2026-03-02", tl.EarliestEntry.String())
	assert.Empty(t, tl.Notice)
}

// TestTimelineBadInput checks each bad input is an error naming its field.
func TestTimelineBadInput(t *testing.T) {
	cases := []struct {
		name   string
		tender score.Tender
		lot    string
		sent   date.Date
		o      score.TimelineOptions
		field  string
		rule   string
	}{
		{"a standstill start on a Saturday (14 Mar 2026)", timelineTender(), "1", d("2026-03-14"), score.TimelineOptions{}, "sent", "working-day"},
		{"a standstill start on St Andrew's Day (Mon 30 Nov 2026), a bank holiday in Scotland: not a working day for an English council under the Act",
			timelineTender(), "1", d("2026-11-30"), score.TimelineOptions{}, "sent", "working-day"},
		{"PCR 2015: a start on Christmas Day 2026", timelineTender(pcr), "1", d("2026-12-25"), score.TimelineOptions{}, "sent", "working-day"},
		{"no start day", timelineTender(), "1", date.Date{}, score.TimelineOptions{}, "sent", "required"},
		{"an unknown nation", timelineTender(func(t *score.Tender) { t.Authority.Nation = "cornwall" }), "1", d("2026-03-02"), score.TimelineOptions{}, "authority.nation", "one-of"},
		{"a Scottish authority under PCR 2015 (reg 1(7))", timelineTender(pcr, func(t *score.Tender) { t.Authority.Nation = score.Scotland }), "1", d("2026-03-02"), score.TimelineOptions{}, "authority.nation", "pcr-extent"},
		{"an unknown lot", timelineTender(), "9", d("2026-03-02"), score.TimelineOptions{}, "lot", "known-lot"},
		{"a voluntary standstill under eight working days (s.51(5))", timelineTender(onRoute("RM6190", "further-competition")), "1", d("2026-03-02"), score.TimelineOptions{StandstillDays: 5}, "standstillDays", "at-least-eight"},
		{"a standstill in the notice shorter than the mandatory one", timelineTender(), "1", d("2026-03-02"), score.TimelineOptions{StandstillDays: 3}, "standstillDays", "at-least-eight"},
		{"an entry day inside the standstill", timelineTender(), "1", d("2026-03-02"), score.TimelineOptions{EnteredInto: d("2026-03-11")}, "enteredInto", "after-standstill"},
		{"a standstill running past the bank holiday table (2031)", timelineTender(), "1", d("2030-12-23"), score.TimelineOptions{}, "sent", "holiday-table"},
		{"a direct award ground on a framework call-off", timelineTender(onRoute("RM6190", "further-competition")), "1", d("2026-03-02"), score.TimelineOptions{DirectAward: score.ExtremeUrgency}, "directAward", "direct-award-only"},
		{"an unknown direct award ground", timelineTender(), "1", d("2026-03-02"), score.TimelineOptions{DirectAward: "convenience"}, "directAward", "one-of"},
		{"a working-day standstill under PCR 2015", timelineTender(pcr), "1", d("2026-03-02"), score.TimelineOptions{StandstillDays: 8}, "standstillDays", "pa-2023-only"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.tender.Timeline(c.lot, c.sent, c.o)
			var verr *score.ValidationError
			require.True(t, errors.As(err, &verr), "%v", err)
			assert.True(t, verr.Has(c.field, c.rule), "%v", err)
		})
	}
}

// TestTimelineJSON checks the timeline is data a renderer can write: dates
// as YYYY-MM-DD, zero dates left out.
func TestTimelineJSON(t *testing.T) {
	tl, err := timelineTender().Timeline("1", d("2026-11-26"), score.TimelineOptions{})
	require.NoError(t, err)
	b, err := json.Marshal(tl)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, "2026-11-26", m["sent"])
	assert.Equal(t, "2026-12-08", m["end"])
	assert.Equal(t, "2026-12-09", m["earliestEntry"])
	assert.Equal(t, "2027-01-07", m["noticeDeadline"])
	assert.Equal(t, "mandatory", m["standstill"])
	nw, ok := m["nonWorking"].([]any)
	require.True(t, ok)
	assert.Len(t, nw, 5, "Sat 28, Sun 29, Mon 30 Nov, Sat 5, Sun 6 Dec")
}

// TestTimelineProperties: for any working day in 2024–2030 the Act's
// mandatory standstill ends on a working day holding exactly eight working
// days, the contract may be entered into the day after, and the contract
// details notice is due 29 days after entry (30 days beginning with it).
func TestTimelineProperties(t *testing.T) {
	tn := timelineTender()
	rapid.Check(t, func(t *rapid.T) {
		sent := date.On(2024, 1, 1).AddDays(rapid.IntRange(0, 6*365+300).Draw(t, "offset"))
		tl, err := tn.Timeline("1", sent, score.TimelineOptions{})
		if err != nil {
			var verr *score.ValidationError
			if !errors.As(err, &verr) || !(verr.Has("sent", "working-day") || verr.Has("sent", "holiday-table")) {
				t.Fatalf("%s: %v", sent, err)
			}
			return
		}
		working := tl.Sent.DaysUntil(tl.End) + 1 - len(tl.NonWorking)
		if working != 8 {
			t.Fatalf("%s to %s: %d working days", tl.Sent, tl.End, working)
		}
		if tl.EarliestEntry != tl.End.AddDays(1) || tl.EnteredInto.DaysUntil(tl.NoticeDeadline) != 29 {
			t.Fatalf("entry %s, notice %s after end %s", tl.EarliestEntry, tl.NoticeDeadline, tl.End)
		}
	})
}
