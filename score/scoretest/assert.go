package scoretest

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// Evaluate evaluates a tender and fails the test, listing every problem,
// if the tender or bids are not valid.
func Evaluate(t TB, tender score.Tender, bids []score.Bid) score.Result {
	t.Helper()
	res, err := score.Evaluate(tender, bids)
	if err != nil {
		t.Errorf("scoretest.Evaluate: %v", err)
		t.FailNow()
	}
	return res
}

// EvaluateLot evaluates one lot and fails the test, listing every
// problem, if the tender or the lot's bids are not valid.
func EvaluateLot(t TB, tender score.Tender, lot string, bids []score.Bid) score.LotResult {
	t.Helper()
	res, err := score.EvaluateLot(tender, lot, bids)
	if err != nil {
		t.Errorf("scoretest.EvaluateLot: %v", err)
		t.FailNow()
	}
	return res
}

// standings writes a lot's standings on one line, for failure messages:
// "1 B-002 76.00, 2 B-001 75.00; disqualified: B-003 (gate)".
func standings(l score.LotResult) string {
	var parts []string
	for _, s := range l.Standings {
		tied := ""
		if s.Tied {
			tied = " (tied)"
		}
		parts = append(parts, fmt.Sprintf("%d %s %s%s", s.Rank, s.BidID, s.Score, tied))
	}
	out := strings.Join(parts, ", ")
	if out == "" {
		out = "no compliant bid"
	}
	var dq []string
	for _, b := range l.Disqualified() {
		dq = append(dq, fmt.Sprintf("%s (%s)", b.BidID, b.Disqualified.Stage))
	}
	if len(dq) > 0 {
		out += "; disqualified: " + strings.Join(dq, ", ")
	}
	return out
}

// AssertWinner checks that the lot's outcome is a winner and that it is
// the given bid. It reports the standings when not, and returns whether
// the assertion held, as testify's assertions do.
func AssertWinner(t TB, l score.LotResult, bidID string) bool {
	t.Helper()
	if l.Outcome == score.Winner && l.Winner == bidID {
		return true
	}
	got := l.Winner
	if l.Outcome != score.Winner {
		got = "no winner (" + string(l.Outcome) + ")"
	}
	t.Errorf("lot %s winner:\n\twant: %s\n\tgot:  %s\n\tstandings: %s", l.Lot.ID, bidID, got, standings(l))
	return false
}

// AssertRank checks a compliant bid's rank (1 for first).
func AssertRank(t TB, l score.LotResult, bidID string, rank int) bool {
	t.Helper()
	b, ok := l.Bid(bidID)
	switch {
	case !ok:
		t.Errorf("lot %s has no bid %s\n\tstandings: %s", l.Lot.ID, bidID, standings(l))
		return false
	case b.Disqualified != nil:
		t.Errorf("lot %s bid %s rank:\n\twant: %d\n\tgot:  disqualified at the %s stage: %s\n\tstandings: %s",
			l.Lot.ID, bidID, rank, b.Disqualified.Stage, reasons(b), standings(l))
		return false
	case b.Rank != rank:
		t.Errorf("lot %s bid %s rank:\n\twant: %d\n\tgot:  %d\n\tstandings: %s", l.Lot.ID, bidID, rank, b.Rank, standings(l))
		return false
	}
	return true
}

func reasons(b score.BidResult) string {
	if b.Disqualified == nil {
		return ""
	}
	var rs []string
	for _, r := range b.Disqualified.Reasons {
		rs = append(rs, r.Text)
	}
	return strings.Join(rs, "; ")
}

// AssertDisqualified checks that a bid was disqualified for a reason whose
// rule code ("gate", "min-mark", "over-budget"…), the gate or criterion it
// names, or its text contains reason; an empty reason accepts any.
func AssertDisqualified(t TB, l score.LotResult, bidID, reason string) bool {
	t.Helper()
	b, ok := l.Bid(bidID)
	switch {
	case !ok:
		t.Errorf("lot %s has no bid %s\n\tstandings: %s", l.Lot.ID, bidID, standings(l))
		return false
	case b.Disqualified == nil:
		t.Errorf("lot %s bid %s:\n\twant: disqualified (%s)\n\tgot:  compliant, rank %d with %s\n\tstandings: %s", l.Lot.ID, bidID, reason, b.Rank, b.Total.Points, standings(l))
		return false
	}
	for _, r := range b.Disqualified.Reasons {
		if strings.Contains(r.Rule, reason) || strings.Contains(r.Ref, reason) || strings.Contains(r.Text, reason) {
			return true
		}
	}
	t.Errorf("lot %s bid %s disqualified, but not for %q:\n\tgot: %s", l.Lot.ID, bidID, reason, reasons(b))
	return false
}

// AssertCompliant checks that a bid was not disqualified.
func AssertCompliant(t TB, l score.LotResult, bidID string) bool {
	t.Helper()
	b, ok := l.Bid(bidID)
	switch {
	case !ok:
		t.Errorf("lot %s has no bid %s", l.Lot.ID, bidID)
		return false
	case b.Disqualified != nil:
		t.Errorf("lot %s bid %s:\n\twant: compliant\n\tgot:  disqualified at the %s stage: %s", l.Lot.ID, bidID, b.Disqualified.Stage, reasons(b))
		return false
	}
	return true
}

// AssertExplains checks that the bid's explanation, as package report
// writes it for the authority, contains every fragment ("lowest price ÷
// this price", "rounded to 2 dp"). On failure it shows the explanation.
func AssertExplains(t TB, l score.LotResult, bidID string, fragments ...string) bool {
	t.Helper()
	var b bytes.Buffer
	if err := report.BidText(&b, l, bidID); err != nil {
		t.Errorf("lot %s: %v", l.Lot.ID, err)
		return false
	}
	text := b.String()
	var missing []string
	for _, f := range fragments {
		if !strings.Contains(text, f) {
			missing = append(missing, fmt.Sprintf("%q", f))
		}
	}
	if len(missing) == 0 {
		return true
	}
	t.Errorf("lot %s bid %s: the explanation does not say %s\n\texplanation:\n%s", l.Lot.ID, bidID, strings.Join(missing, ", "), indentText(text))
	return false
}

func indentText(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "\t\t" + l
	}
	return strings.Join(lines, "\n")
}
