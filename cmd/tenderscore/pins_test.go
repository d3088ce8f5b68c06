package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pinnedLine is the part of a criterion's line, in the result JSON and in
// a summary's JSON (score/report/SCHEMA.md), that the pins read.
type pinnedLine struct {
	Criterion string       `json:"criterion"`
	Input     string       `json:"input"`
	Unrounded string       `json:"unrounded"`
	Points    string       `json:"points"`
	Children  []pinnedLine `json:"children"`
}

type pinnedTender struct {
	Bid      string       `json:"bid"`
	Status   string       `json:"status"`
	Criteria []pinnedLine `json:"criteria"`
	Total    *struct {
		Unrounded string `json:"unrounded"`
		Points    string `json:"points"`
	} `json:"total"`
}

func pinnedFind(ls []pinnedLine, id string) (pinnedLine, bool) {
	for _, l := range ls {
		if l.Criterion == id {
			return l, true
		}
		if c, ok := pinnedFind(l.Children, id); ok {
			return c, true
		}
	}
	return pinnedLine{}, false
}

// pinnedFigure is the points (and exact unrounded value, when the JSON has
// it) of a criterion, or of the total when criterion is "".
func pinnedFigure(t *testing.T, b pinnedTender, criterion string) (points, unrounded string) {
	t.Helper()
	if criterion == "" {
		require.NotNil(t, b.Total, "%s has a total", b.Bid)
		return b.Total.Points, b.Total.Unrounded
	}
	l, ok := pinnedFind(b.Criteria, criterion)
	require.True(t, ok, "%s has a line for %s", b.Bid, criterion)
	return l.Points, l.Unrounded
}

// TestPinnedNumbers pins the figures of the command's goldens that matter
// (score.json.golden, summary-B-203.json.golden, whatif-lot2.golden) by
// values worked by hand from examples/croydon/tender.yaml and bids.yaml,
// so that regenerating them with -update cannot accept a wrong number
// (issue 11.8). Price formulas as docs/sources/price-formulas.md gives them
// with their sources; rounding is the policy default, 2 dp half-up on each
// criterion's weighted points.
func TestPinnedNumbers(t *testing.T) {
	out, errs, status := tenderscore("", "score", "--format", "json", tenderFile, bidsFile)
	require.Equal(t, exitOK, status, errs)
	var res struct {
		Lots []struct {
			ID   string         `json:"id"`
			Bids []pinnedTender `json:"bids"`
		} `json:"lots"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &res))
	bid := func(t *testing.T, lot, id string) pinnedTender {
		t.Helper()
		for _, l := range res.Lots {
			for _, b := range l.Bids {
				if l.ID == lot && b.Bid == id {
					return b
				}
			}
		}
		require.Failf(t, "no such bid", "lot %s has no bid %s", lot, id)
		return pinnedTender{}
	}
	tests := []struct {
		why                 string
		lot, bid, criterion string // criterion "" for the total
		points, unrounded   string // unrounded "" when not pinned
	}{
		{"relative price: 2,150,000 ÷ 2,600,000 × 40 = 215/260 × 40 = 430/13 = 33.0769… → 33.08",
			"1", "B-104", "1-price", "33.08", "430/13"},
		{"social value relative to the best, where the bid is the best: 5 FTE × 4 years × £10,000 + £350,000 × 0.10 + £150,000 × 0.05 = £242,500 ÷ itself = 1; (0.7 × 1 + 0.3 × 3 ÷ 4) × 5 = 4.625 → 4.63 half-up",
			"1", "B-104", "1-sv-local", "4.63", "4.625"},
		{"schedule, relative: B-201 52 × 12,800 + 45 × 3,600 + 24 × 6,000 + 38 × 8,000 = £1,275,600; 1,076,000 ÷ 1,275,600 × 40 = 33.741… → 33.74",
			"2", "B-201", "2-price", "33.74", ""},
		{"social value relative to the best with a weak method statement: (0.7 × 48,500 ÷ 157,500 + 0.3 × 2 ÷ 4) × 5 = 1.8277… → 1.83",
			"2", "B-203", "2-sv-local", "1.83", ""},
		{"band price below the ceiling: (2,600,000 − 2,250,000) ÷ (2,600,000 − 1,900,000) × 40 = 20",
			"3", "B-303", "3-price", "20.00", "20"},
		{"a total: 20.00 + 44.33 (23.33 + 13.00 + 8.00) + 9.50 (2 + 4.50 + 3) = 73.83",
			"3", "B-303", "", "73.83", "73.83"},
		{"linear price, the lowest of the field scored: full marks",
			"4", "B-402", "4-price", "40.00", "40"},
		{"apprenticeships per £1m relative to the best: 2 starts against 5, both per £0.9m, = 2/5 × 3 = 1.20",
			"4", "B-401", "4-sv-skills", "1.20", ""},
		{"whole-life cost, relative: 374,044.99 ÷ 398,531.62 × 40 = 37.542… → 37.54",
			"5", "B-501", "5-price", "37.54", ""},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			b := bid(t, tc.lot, tc.bid)
			require.Equal(t, "compliant", b.Status)
			points, unrounded := pinnedFigure(t, b, tc.criterion)
			assert.Equal(t, tc.points, points, "points as shown")
			if tc.unrounded != "" {
				assert.Equal(t, tc.unrounded, unrounded, "exact value before rounding")
			}
		})
	}
}

// TestPinnedSummary pins a losing bidder's summary: its own figures and
// the most advantageous tender's, which reg 31 requires it to be shown.
func TestPinnedSummary(t *testing.T) {
	out, errs, status := tenderscore("", "summary", tenderFile, bidsFile, "--bidder", "B-203", "--format", "json")
	require.Equal(t, exitOK, status, errs)
	var s struct {
		Yours            pinnedTender `json:"yours"`
		MostAdvantageous pinnedTender `json:"mostAdvantageous"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &s))
	require.Equal(t, "B-203", s.Yours.Bid)
	require.Equal(t, "B-202", s.MostAdvantageous.Bid)
	tests := []struct {
		why       string
		tender    pinnedTender
		criterion string
		points    string
	}{
		{"B-203's own schedule, 44 × 12,800 + 38 × 3,600 + 20 × 6,000 + 32 × 8,000 = £1,076,000, is the lowest: 40", s.Yours, "2-price", "40.00"},
		{"B-203's total: 40 + 28.75 (10 + 7.50 + 11.25) + 3.33 (1 + 1.83 + 0.50) = 72.08", s.Yours, "", "72.08"},
		{"the winner's price: 1,076,000 ÷ 1,170,400 × 40 = 36.7737… → 36.77", s.MostAdvantageous, "2-price", "36.77"},
		{"the winner's local social value: (0.7 × (2 × 4 × 10,000 + 350,000 × 0.10 + 175,000 × 0.05 = 123,750) ÷ 157,500 + 0.3 × 4 ÷ 4) × 5 = 4.25", s.MostAdvantageous, "2-sv-local", "4.25"},
		{"the winner's total: 36.77 + 41.25 + 7.75 = 85.77", s.MostAdvantageous, "", "85.77"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			points, _ := pinnedFigure(t, tc.tender, tc.criterion)
			assert.Equal(t, tc.points, points)
		})
	}
}

// TestPinnedWhatItTakes pins the what-it-takes prices of whatif-lot2.golden.
// B-203's £1,076,000 stays the lowest, so only the bid's own price points
// move.
func TestPinnedWhatItTakes(t *testing.T) {
	out, errs, status := tenderscore("", "whatif", "--lot", "2", tenderFile, bidsFile)
	require.Equal(t, exitOK, status, errs)
	for _, want := range []string{
		// B-204 ties B-202 on 85.77 and loses the tie-break on quality (40 <
		// 41.25): it needs 36.78, so 1,076,000 × 40 ÷ P ≥ 36.775,
		// P ≤ 43,040,000 ÷ 36.775 = 1,170,360.2991… → £1,170,360.29, and
		// £39.71 below its £1,170,400.
		"B-204 would win at a price (the total its schedule comes to) of £1,170,360.29 or less: £39.71",
		// At a penny more, 43,040,000 ÷ 1,170,360.30 = 36.77499… → 36.77.
		"B-204 at £1,170,360.30: does not win",
		// B-201 has 42.50 + 7.35 = 49.85 besides price and wins a tie on
		// quality: it needs 35.92, P ≤ 43,040,000 ÷ 35.915 = 1,198,385.0758…
		// → £1,198,385.07, £77,214.93 below its £1,275,600.
		"B-201 would win at a price (the total its schedule comes to) of £1,198,385.07 or less: £77,214.93",
	} {
		assert.Contains(t, out, want)
	}
}
