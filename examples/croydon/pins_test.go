package main

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
	"github.com/tenderscore/tenderscore/score/report"
)

// resultLine is the part of a criterion's line in the result JSON
// (score/report/SCHEMA.md) that the pins read.
type resultLine struct {
	Criterion string       `json:"criterion"`
	Input     string       `json:"input"`
	Unrounded string       `json:"unrounded"`
	Points    string       `json:"points"`
	Children  []resultLine `json:"children"`
}

type resultBid struct {
	Bid          string       `json:"bid"`
	Status       string       `json:"status"`
	Criteria     []resultLine `json:"criteria"`
	Disqualified *struct {
		Stage string `json:"stage"`
	} `json:"disqualified"`
	Total *struct {
		Unrounded string `json:"unrounded"`
		Points    string `json:"points"`
	} `json:"total"`
}

type resultJSON struct {
	Lots []struct {
		ID   string      `json:"id"`
		Bids []resultBid `json:"bids"`
	} `json:"lots"`
}

func (r resultJSON) bid(t *testing.T, lot, bid string) resultBid {
	t.Helper()
	for _, l := range r.Lots {
		for _, b := range l.Bids {
			if l.ID == lot && b.Bid == bid {
				return b
			}
		}
	}
	require.Failf(t, "no such bid", "lot %s has no bid %s", lot, bid)
	return resultBid{}
}

func findResultLine(ls []resultLine, id string) (resultLine, bool) {
	for _, l := range ls {
		if l.Criterion == id {
			return l, true
		}
		if c, ok := findResultLine(l.Children, id); ok {
			return c, true
		}
	}
	return resultLine{}, false
}

// shownInText returns the figure the text report prints at the end of a
// criterion's line ("Price (weight 40%, 40 marks)   35.10") or of the
// "Total" line, within one bid's section.
func shownInText(t *testing.T, text, bid, title string) string {
	t.Helper()
	start := strings.Index(text, "\nBid "+bid+" — ")
	require.GreaterOrEqual(t, start, 0, "the report has a section for %s", bid)
	section := text[start+1:]
	if end := regexp.MustCompile(`\n(Bid |Lot )`).FindStringIndex(section[1:]); end != nil {
		section = section[:end[0]+1]
	}
	pattern := `(?m)^\s+` + regexp.QuoteMeta(title) + ` \(weight [^)]*\)\s+(\S+)$`
	if title == "Total" {
		pattern = `(?m)^\s+Total\s+(\S+)$`
	}
	m := regexp.MustCompile(pattern).FindStringSubmatch(section)
	require.NotNil(t, m, "bid %s's section has a %q line", bid, title)
	return m[1]
}

// TestPinnedNumbers pins the figures of the Croydon golden that matter by
// values worked by hand from tender.go and bids.go, so that regenerating
// testdata/croydon.golden.txt with -update cannot accept a wrong number
// (issue 11.8). Each figure is checked in the result (points as shown and,
// where it is a clean fraction, the exact unrounded value) and in the text
// report the golden holds. Formulas as docs/sources/price-formulas.md gives
// them with their sources (whole-life cost at the Green Book's 3.5%);
// rounding is the policy default, each criterion's weighted points to 2 dp
// half-up.
func TestPinnedNumbers(t *testing.T) {
	res, err := score.Evaluate(tender(), bids())
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, report.JSON(&buf, res))
	var r resultJSON
	require.NoError(t, json.Unmarshal(buf.Bytes(), &r))
	buf.Reset()
	require.NoError(t, run(&buf))
	text := buf.String()

	tests := []struct {
		why       string
		lot, bid  string
		criterion string // "" for the total
		title     string // the line's title in the text report
		points    string
		unrounded string // "" when not pinned
		input     string // "" when not pinned
	}{
		{"relative price, not the lowest: lowest 2,150,000 ÷ 2,450,000 × 40 = 1720/49 = 35.1020… → 35.10",
			"1", "B-102", "1-price", "Price", "35.10", "1720/49", "£2,450,000.00"},
		{"relative price rounding up: 2,150,000 ÷ 2,280,000 × 40 = 2150/57 = 37.7192… → 37.72",
			"1", "B-101", "1-price", "Price", "37.72", "2150/57", ""},
		{"the lowest price takes every mark: 2,150,000 ÷ 2,150,000 × 40 = 40",
			"1", "B-103", "1-price", "Price", "40.00", "", ""},
		{"social value relative to the best, 70% commitments and 30% method statement: B-102 commits 4 FTE × 4 years × £10,000 + £300,000 × 0.10 + £250,000 × 0.05 = £202,500 against B-104's best £242,500; (0.7 × 202,500 ÷ 242,500 + 0.3 × 3 ÷ 4) × 5 = 3141/776 = 4.0476… → 4.05",
			"1", "B-102", "1-sv-local", "Local supply chain and local jobs", "4.05", "3141/776", ""},
		{"apprenticeships per £1m of contract value, relative to the best: 2 ÷ 3 against 4 ÷ 3 per £1m of the £3m lot = 0.5 × 3 = 1.50",
			"1", "B-101", "1-sv-skills", "Apprenticeships", "1.50", "", ""},
		{"a total is the sum of the points shown: 35.10 + 46.25 (20 + 11.25 + 15) + 9.05 (2 + 4.05 + 3) = 90.40",
			"1", "B-102", "", "Total", "90.40", "", ""},
		{"a schedule of rates: B-202 48 × 3,200 × 4 + 40 × 900 × 4 + 22 × 1,500 × 4 + 35 × 2,000 × 4 = £1,170,400 against B-203's lowest £1,076,000; × 40 = 53800/1463 = 36.7737… → 36.77",
			"2", "B-202", "2-price", "Price", "36.77", "53800/1463", "schedule of 4 lines totalling £1,170,400.00"},
		{"two schedules that come to the same total tie: B-204 47 × 12,800 + 42 × 3,600 + 23 × 6,000 + 34.95 × 8,000 = £1,170,400; 36.77 + 40 (10 + 15 + 15) + 9 (1 + 5 + 3) = 85.77, as B-202's 36.77 + 41.25 + 7.75",
			"2", "B-204", "", "Total", "85.77", "", ""},
		{"apprenticeships relative to the best where the bid is not the best: 1 against 6 starts on the same lot = 1/6 × 3 = 0.50",
			"2", "B-203", "2-sv-skills", "Apprenticeships", "0.50", "", ""},
		{"band price: (ceiling 2,600,000 − 2,150,000) ÷ (2,600,000 − floor 1,900,000) × 40 = 180/7 = 25.714… → 25.71",
			"3", "B-301", "3-price", "Price", "25.71", "180/7", ""},
		{"band price at the middle of the band: (2,600,000 − 2,250,000) ÷ 700,000 = 0.5 × 40 = 20.00",
			"3", "B-303", "3-price", "Price", "20.00", "20", ""},
		{"linear price: (highest 640,000 − 610,000) ÷ (640,000 − lowest 585,000) × 40 = 240/11 = 21.818… → 21.82; B-403's lower £520,000 is out at the threshold stage before price",
			"4", "B-401", "4-price", "Price", "21.82", "240/11", ""},
		{"linear price: the highest price scores nothing",
			"4", "B-404", "4-price", "Price", "0.00", "", ""},
		{"whole-life cost: B-503 (0 × 180) + Σ years 1–5 of (340 × 180 + 0.0045 × 2,400,000 + 0.035 × 600,000 = £93,000) ÷ 1.035^t = 93,000 × 4.5150524… = £419,899.87; undiscounted 5 × 93,000 = £465,000; B-502's £374,044.99 is the lowest, so 37,404,499 ÷ 41,989,987 × 40 = 35.632… → 35.63",
			"5", "B-503", "5-price", "Whole-life cost", "35.63", "1496179960/41989987", "schedule of 4 lines totalling £465,000.00, whole-life cost £419,899.87"},
		{"whole-life cost with a year-0 charge: B-502 120 × 180 = £21,600 undiscounted + (285 × 180 + 0.0039 × 2,400,000 + 0.029 × 600,000 = £78,060) × 4.5150524… = £374,044.99, the lowest, full marks; undiscounted 21,600 + 5 × 78,060 = £411,900",
			"5", "B-502", "5-price", "Whole-life cost", "40.00", "40", "schedule of 4 lines totalling £411,900.00, whole-life cost £374,044.99"},
		{"whole-life cost, relative: B-501 17,100 + 84,480 × 4.5150524… = £398,531.62; 374,044.99 ÷ 398,531.62 × 40 = 37.542… → 37.54",
			"5", "B-501", "5-price", "Whole-life cost", "37.54", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			b := r.bid(t, tc.lot, tc.bid)
			require.Equal(t, "compliant", b.Status)
			var points, unrounded, input string
			if tc.criterion == "" {
				require.NotNil(t, b.Total)
				points, unrounded = b.Total.Points, b.Total.Unrounded
			} else {
				l, ok := findResultLine(b.Criteria, tc.criterion)
				require.True(t, ok, "bid %s has a line for %s", tc.bid, tc.criterion)
				points, unrounded, input = l.Points, l.Unrounded, l.Input
			}
			assert.Equal(t, tc.points, points, "points as shown")
			if tc.unrounded != "" {
				assert.Equal(t, tc.unrounded, unrounded, "exact value before rounding")
			}
			if tc.input != "" {
				assert.Equal(t, tc.input, input)
			}
			assert.Equal(t, tc.points, shownInText(t, text, tc.bid, tc.title), "the text report (the golden) shows the same figure")
		})
	}

	// Disqualifications the goldens show, by stage.
	for _, tc := range []struct{ why, lot, bid, stage string }{
		{"quality below the minimum: B-302 (3+3+3)/3 ÷ 5 × 25 + (3+2+3)/3 ÷ 5 × 15 + (3+3+3)/3 ÷ 5 × 10 = 15 + 8 + 6 = 29 of 50 = 58% < 60%", "3", "B-302", "threshold"},
		{"over the maximum budget: £2,550,000 > £2,500,000", "3", "B-304", "budget"},
		{"a mark of 0 below the minimum mark of 2", "4", "B-403", "threshold"},
		{"not accredited where working towards is the least accepted", "5", "B-504", "gate"},
	} {
		t.Run(tc.why, func(t *testing.T) {
			b := r.bid(t, tc.lot, tc.bid)
			require.NotNil(t, b.Disqualified)
			assert.Equal(t, tc.stage, b.Disqualified.Stage)
		})
	}
	assert.Contains(t, text, "quality score 29 of 50 available (29 ÷ 50 × 100 = 58%) is below the minimum of 60%")
}

// TestPinnedWhatItTakes pins the prices at which lot 2's runners-up would
// win, worked by hand, so a regenerated report cannot accept a wrong one.
// B-203's £1,076,000 stays the lowest price, so only the bid's own price
// points move: it needs its rounded points to reach the winner's total.
func TestPinnedWhatItTakes(t *testing.T) {
	tws, err := analysis.WhatItTakes(tender(), "2", bids())
	require.NoError(t, err)
	tests := []struct {
		why, bid, price string
	}{
		{"B-204 ties B-202 on 85.77 and loses the tie-break (quality 40 < 41.25): it needs 36.78 price points, so 1,076,000 × 40 ÷ P ≥ 36.775, P ≤ 43,040,000 ÷ 36.775 = 1,170,360.2991… → £1,170,360.29",
			"B-204", "1170360.29"},
		{"B-201 has 49.85 besides price (quality 42.50, social value 7.35) and wins a tie on quality (42.50 > 41.25): it needs 85.77 − 49.85 = 35.92 price points, P ≤ 43,040,000 ÷ 35.915 = 1,198,385.0758… → £1,198,385.07",
			"B-201", "1198385.07"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			var found bool
			for _, tw := range tws {
				if tw.BidID != tc.bid {
					continue
				}
				found = true
				require.Equal(t, analysis.Found, tw.Price.Answer)
				assert.Equal(t, tc.price, tw.Price.Price.StringFixed(2))
			}
			assert.True(t, found, "lot 2 has an answer for %s", tc.bid)
		})
	}
}
