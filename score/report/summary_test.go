package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// renderAll renders a summary in every format, one after the other.
func renderAll(t *testing.T, s report.Summary) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, report.SummaryMarkdown(&buf, s))
	require.NoError(t, report.SummaryHTML(&buf, s))
	var js bytes.Buffer
	require.NoError(t, report.SummaryJSON(&js, s))
	require.True(t, json.Valid(js.Bytes()))
	buf.Write(js.Bytes())
	return buf.String()
}

// figures lists the ways one bid's figures could appear in text: each
// line's points and the total as shown, exactly and as fractions, and its
// price in every format a renderer uses.
func figures(b score.BidResult, price string) []string {
	var out []string
	var walk func(ls []score.Line)
	walk = func(ls []score.Line) {
		for _, l := range ls {
			if l.Scored {
				out = append(out, l.Points.String(), l.Points.Text(), l.Unrounded.String())
			}
			walk(l.Children)
		}
	}
	walk(b.Criteria())
	if b.Total.Scored {
		out = append(out, b.Total.Points.String(), b.Total.Points.Text(), b.Total.Unrounded.String())
	}
	if price != "" {
		p := decimal.RequireFromString(price)
		out = append(out, exact.Money(p), exact.Plain(p), exact.Group(p, 0), exact.Group(p, 2), p.StringFixed(2))
	}
	return out
}

// differences are the gaps between two bids' top-level points and totals,
// as the why-not lines show them.
func differences(a, b score.BidResult) []string {
	gap := func(x, y score.Figure) []string {
		d := x.Value.Sub(y.Value)
		return []string{score.Figure{Value: d, Places: x.Places}.String(), score.Figure{Value: d.Neg(), Places: x.Places}.String()}
	}
	var out []string
	for i := range a.Criteria() {
		if i < len(b.Criteria()) && a.Criteria()[i].Scored && b.Criteria()[i].Scored {
			out = append(out, gap(a.Criteria()[i].Points, b.Criteria()[i].Points)...)
		}
	}
	if a.Total.Scored && b.Total.Scored {
		out = append(out, gap(a.Total.Points, b.Total.Points)...)
	}
	return out
}

// TestSummariesRevealNoOtherLosingBidder renders every bidder's summary in
// Markdown, HTML and JSON and searches it for every other losing bidder's
// name, ids, recorded reasons, price and scores (Procurement Act 2023 s.50;
// DESIGN.md invariant 6). A figure that the bidder's own tender or the most
// advantageous tender legitimately shows is not searched for: it cannot
// tell the two apart.
//
// The fixture is the widened one (fixture_wide_test.go): its lot D has a
// price nested under a parent criterion and a social value criterion
// relative to the best, so switching the filter off for either kind of
// line fails here, not only in the goldens.
func TestSummariesRevealNoOtherLosingBidder(t *testing.T) {
	res := wideFieldResult(t)
	byID := map[string]fieldBid{}
	for _, f := range allFieldBids() {
		byID[f.id()] = f
	}
	checked := 0
	for _, l := range res.Lots {
		for _, me := range l.Bids {
			s, err := report.Summarise(res, l.Lot.ID, me.BidID)
			require.NoError(t, err)
			text := renderAll(t, s)
			allowed := map[string]bool{}
			for _, f := range figures(me, byID[me.BidID].price) {
				allowed[f] = true
			}
			if l.Outcome == score.Winner {
				w, _ := l.Bid(l.Winner)
				for _, f := range figures(w, byID[w.BidID].price) {
					allowed[f] = true
				}
				// The why-not lines show the differences between the two.
				for _, f := range differences(me, w) {
					allowed[f] = true
				}
			}
			for _, other := range l.Bids {
				if other.BidID == me.BidID || other.BidID == l.Winner {
					continue
				}
				f := byID[other.BidID]
				secret := []string{f.name, f.id(), f.supplier(), f.key}
				secret = append(secret, socialValueSecrets(f.key)...)
				for _, q := range []string{"q1", "q2"} {
					secret = append(secret, rationale(f, q))
				}
				for _, fig := range figures(other, f.price) {
					// A zero score ("0.00") is in every sum of pounds and
					// tells nobody apart.
					if !allowed[fig] && len(fig) >= 4 && strings.Trim(fig, "0.") != "" {
						secret = append(secret, fig)
					}
				}
				for _, sec := range secret {
					assert.False(t, strings.Contains(text, sec), "summary for %s in lot %s reveals %q of losing bidder %s", me.BidID, l.Lot.ID, sec, other.BidID)
				}
				checked++
			}
			for _, r := range []string{"rank", "position 2", "2nd", "3rd", "runner"} {
				assert.False(t, strings.Contains(strings.ToLower(text), r), "summary for %s shows a position (%q)", me.BidID, r)
			}
		}
	}
	assert.Greater(t, checked, 20, "the search must cover many pairs of bidders")
}

// TestSummaryWithholdsTheLowestPrice checks the case the search exists for:
// in lot A the lowest compliant price (£391,250, CINDER) loses, so
// BRACKEN's price line describes the method without the figure, while the
// winner's own figures stay.
func TestSummaryWithholdsTheLowestPrice(t *testing.T) {
	res := fieldResult(t)
	s, err := report.Summarise(res, "A", "BID-BRACKEN")
	require.NoError(t, err)
	assert.Equal(t, report.NotMostAdvantageous, s.Status)
	price := s.Yours.Criteria[0]
	assert.True(t, price.Withheld)
	assert.Contains(t, strings.Join(price.Working, "\n"), "the lowest price is not shown here")
	assert.Equal(t, "34.40", price.Points.String(), "40 × 391,250 ÷ 455,000 = 34.395… shown 34.40")
	require.NotNil(t, s.MostAdvantageous)
	assert.Equal(t, "Amberlea Consulting Ltd", s.MostAdvantageous.Supplier.Name)
	assert.Contains(t, renderAll(t, s), "£480,000.00", "the most advantageous tender's price is shown")
	assert.Contains(t, s.WhyNot[0], "Your total was 79.40 points; the most advantageous tender's was 86.60 points, 7.20 more.")

	// CINDER's own summary shows its own lowest price in full.
	s, err = report.Summarise(res, "A", "BID-CINDER")
	require.NoError(t, err)
	assert.False(t, s.Yours.Criteria[0].Withheld)
	assert.Contains(t, strings.Join(s.Yours.Criteria[0].Working, "\n"), "this is the lowest price in the field: £391,250.00")
}

func TestSummaryStatuses(t *testing.T) {
	res := fieldResult(t)
	tests := []struct {
		why, lot, bid string
		want          report.SummaryStatus
		whyNot        string
	}{
		{"the winner is told its tender is the most advantageous, with no why-not", "A", "BID-AMBER", report.MostAdvantageous, ""},
		{"a gate failure is a disqualification with the recorded reason (PA 2023 s.23(3)(a))", "A", "BID-EGRET", report.Disqualified, "no cover in force for EGRET"},
		{"a tie settled by the chain among three: only the bidder and the winner are compared, step by step", "B", "BID-HERON", report.NotMostAdvantageous,
			"Tie-break step 1, higher quality points: the most advantageous tender has 30.00, yours 21.00, so it comes first."},
		{"under price per quality point the lower ratio wins", "C", "BID-MERLIN", report.NotMostAdvantageous, "lowest price per quality point wins"},
		{"below the minimum quality percentage", "C", "BID-NIGHTJAR", report.Disqualified, "below the minimum of 50%"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			s, err := report.Summarise(res, tt.lot, tt.bid)
			require.NoError(t, err)
			assert.Equal(t, tt.want, s.Status)
			if tt.whyNot == "" {
				assert.Empty(t, s.WhyNot)
				assert.Nil(t, s.MostAdvantageous)
			} else {
				assert.Contains(t, strings.Join(s.WhyNot, "\n"), tt.whyNot)
			}
		})
	}
	_, err := report.Summarise(res, "Z", "BID-AMBER")
	assert.Error(t, err)
	_, err = report.Summarise(res, "A", "BID-NONE")
	assert.Error(t, err)
	sums, err := report.Summaries(res)
	require.NoError(t, err)
	assert.Len(t, sums, len(fieldBids), "one summary per assessed bid")
}

// TestSummaryTieBetweenTwo explains the sample's tie between X and Y by the
// published chain: X's 3 of 4 on q1 (26.25) against Y's 2 (17.50).
func TestSummaryTieBetweenTwo(t *testing.T) {
	s, err := report.Summarise(sample(t), "1", "Y")
	require.NoError(t, err)
	assert.Contains(t, s.WhyNot, "Tie-break step 1, higher points on Question q1: the most advantageous tender has 26.25, yours 17.50, so it comes first.")
}

func TestSummaryGolden(t *testing.T) {
	res := fieldResult(t)
	for _, c := range []struct{ lot, bid string }{{"A", "BID-BRACKEN"}, {"A", "BID-AMBER"}, {"A", "BID-EGRET"}, {"B", "BID-HERON"}, {"C", "BID-MERLIN"}} {
		s, err := report.Summarise(res, c.lot, c.bid)
		require.NoError(t, err)
		name := fmt.Sprintf("summary-%s-%s", c.lot, strings.ToLower(strings.TrimPrefix(c.bid, "BID-")))
		var m, h, j bytes.Buffer
		require.NoError(t, report.SummaryMarkdown(&m, s))
		require.NoError(t, report.SummaryHTML(&h, s))
		require.NoError(t, report.SummaryJSON(&j, s))
		golden(t, name+".md", m.Bytes())
		golden(t, name+".html", h.Bytes())
		golden(t, name+".json", j.Bytes())
	}
}

// TestSummaryDeterministic renders twice, with the bids in reverse order
// the second time: the same bytes (DESIGN.md invariant 3).
func TestSummaryDeterministic(t *testing.T) {
	tn, bids := fieldTender()
	r1, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	rev := append([]score.Bid(nil), bids...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	r2, err := score.Evaluate(tn, rev)
	require.NoError(t, err)
	sums, err := report.Summaries(r1)
	require.NoError(t, err)
	for _, s1 := range sums {
		s2, err := report.Summarise(r2, s1.LotID, s1.BidID)
		require.NoError(t, err)
		assert.Equal(t, renderAll(t, s1), renderAll(t, s2))
	}
}

func TestSummaryMarkdownEscapes(t *testing.T) {
	res := fieldResult(t)
	s, err := report.Summarise(res, "A", "BID-AMBER")
	require.NoError(t, err)
	s.Supplier.Name = "Evil | *Ltd* <script>"
	var m, h bytes.Buffer
	require.NoError(t, report.SummaryMarkdown(&m, s))
	require.NoError(t, report.SummaryHTML(&h, s))
	assert.Contains(t, m.String(), `Evil \| \*Ltd\* \<script\>`)
	assert.NotContains(t, h.String(), "<script>")
	assert.Contains(t, h.String(), "&lt;script&gt;")
}

// TestSummaryLotRegime: a lot that runs under PCR 2015 (a call-off under a
// framework let before 24 February 2025: SI 2024/716 reg 5) does
// not cite the Procurement Act's s.50 in its summaries.
func TestSummaryLotRegime(t *testing.T) {
	tn, bids := fieldTender()
	tn.Lots[0].Regime = score.PCR2015
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	s, err := report.Summarise(res, "A", "BID-BRACKEN")
	require.NoError(t, err)
	assert.Equal(t, score.PCR2015, s.Regime)
	var buf bytes.Buffer
	require.NoError(t, report.SummaryMarkdown(&buf, s))
	assert.NotContains(t, buf.String(), "s.50")
	s, err = report.Summarise(res, "B", "BID-HERON")
	require.NoError(t, err)
	assert.Equal(t, score.PA2023, s.Regime)
}
