package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
	"github.com/tenderscore/tenderscore/score/report"
)

// markup is a supplier name that tries to become markup: a script, an
// element with a handler, a closed attribute and a closed SVG text.
const markup = `Evil</text><script>alert(1)</script><img src=x onerror="alert(2)"> & 'Co' Ltd`

// TestHostileNameIsEscaped: a supplier name is text wherever it lands — in
// the chart (svg.go escapes what it writes, which is why a page may insert
// the chart as markup), in the report's tables and in a summary.
func TestHostileNameIsEscaped(t *testing.T) {
	tn, bids := routeTender(score.PA2023, score.Route{Procedure: score.OpenProcedure}, score.England)
	bids[1].Supplier.Name = markup
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	l, _ := res.Lot("1")

	var svg bytes.Buffer
	require.NoError(t, report.ChartSVG(&svg, l))
	chart := svg.String()
	assert.Contains(t, chart, "BRA Evil&lt;/text&gt;&lt;script&gt;", "the label shows the name as text")
	assert.Equal(t, 1, strings.Count(chart, "<svg "))

	as, err := analysis.AnalyseAll(tn, bids)
	require.NoError(t, err)
	s, err := report.Summarise(res, "1", "BRA")
	require.NoError(t, err)
	var page, summary bytes.Buffer
	require.NoError(t, report.ReportHTML(&page, res, as...))
	require.NoError(t, report.SummaryHTML(&summary, s))
	for name, out := range map[string]string{"chart": chart, "report": page.String(), "summary": summary.String()} {
		for _, forged := range []string{"<script", "<img", `onerror="`, "</text><script"} {
			assert.False(t, strings.Contains(out, forged), "%s: the name became markup %q", name, forged)
		}
	}
	assert.Contains(t, page.String(), "<td>Evil&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "a table cell holds the name as text")
	assert.Contains(t, summary.String(), "Evil&lt;/text&gt;&lt;script&gt;")
}

// FuzzHTMLStructure: whatever a supplier name and a rationale hold, the
// HTML pages have the same markup as with plain text — the same number of
// "<" — and none of the input's control or bidirectional characters.
func FuzzHTMLStructure(f *testing.F) {
	f.Add("Bramble Ltd", "the method names the team")
	f.Add(markup, "fine\r\n</p><h2>forged</h2>")
	f.Add("\u202Eevil\u2066", "\x1b[2J\x00")
	tn, bids := routeTender(score.PA2023, score.Route{Procedure: score.OpenProcedure}, score.England)
	pages := func(name, why string) (string, string, bool) {
		bs := append([]score.Bid(nil), bids...)
		bs[1].Supplier.Name = name
		q := bs[1].Responses["q"]
		m := q.Marks
		c := *m.Consensus
		c.Rationale = why
		m.Consensus = &c
		q.Marks = m
		bs[1].Responses = map[string]score.Response{"price": bs[1].Responses["price"], "q": q}
		res, err := score.Evaluate(tn, bs)
		if err != nil {
			return "", "", false // a name or reason validation refuses
		}
		s, err := report.Summarise(res, "1", "BRA")
		if err != nil {
			return "", "", false
		}
		var page, summary bytes.Buffer
		if report.ReportHTML(&page, res) != nil || report.SummaryHTML(&summary, s) != nil {
			return "", "", false
		}
		return page.String(), summary.String(), true
	}
	plainPage, plainSummary, ok := pages("Bramble Ltd", "the method names the team")
	require.True(f, ok)
	f.Fuzz(func(t *testing.T, name, why string) {
		page, summary, ok := pages(name, why)
		if !ok {
			return
		}
		assert.Equal(t, strings.Count(plainPage, "<"), strings.Count(page, "<"), "the report's markup does not depend on the input")
		assert.Equal(t, strings.Count(plainSummary, "<"), strings.Count(summary, "<"), "the summary's markup does not depend on the input")
		for _, out := range []string{page, summary} {
			for _, r := range out {
				if r != '\n' && (r < 0x20 || (r >= 0x7f && r < 0xa0) || r == '\u202E' || r == '\u2066' || r == '\u200F') {
					t.Fatalf("control or bidirectional character %U in the page", r)
				}
			}
		}
	})
}
