package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
	"github.com/tenderscore/tenderscore/score/report"
)

// TestReportForTheApprovalBoard: the authority's report states its date,
// the panel with each evaluator's declared conflicts of interest (PA 2023
// ss.81–82), every mark moderation changed with the reason recorded, and
// keeps the analyses that invite re-weighting in a restricted annex, apart
// from each lot's section.
func TestReportForTheApprovalBoard(t *testing.T) {
	tn, bids := routeTender(score.PA2023, score.Route{Procedure: score.OpenProcedure}, score.England)
	tn.Evaluation = &score.Evaluation{
		Panel: []score.Evaluator{
			{Name: "E1", Role: "Facilities manager", Conflicts: "none"},
			{Name: "E2", Role: "Finance business partner", Conflicts: "a relative works for Bramble Ltd; removed from marking Bramble's tender"},
		},
		Completed: date.On(2026, 7, 1), Reported: date.On(2026, 7, 3)}
	// E2 marked Ashgrove's method 3; moderation agreed 4.
	ash := bids[0].Responses["q"]
	ash.Marks.Evaluators = append(ash.Marks.Evaluators, criteria.EvaluatorMark{Evaluator: "E2", Mark: decimal.NewFromInt(3)})
	bids[0].Responses["q"] = ash
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	as, err := analysis.AnalyseAll(tn, bids)
	require.NoError(t, err)

	var md, html bytes.Buffer
	require.NoError(t, report.ReportMarkdown(&md, res, as...))
	require.NoError(t, report.ReportHTML(&html, res, as...))
	out := md.String()
	assert.Contains(t, out, "Report date: 3 July 2026; evaluation completed 1 July 2026.")
	assert.Contains(t, out, "| E2 | Finance business partner | a relative works for Bramble Ltd; removed from marking Bramble's tender |")
	assert.Contains(t, out, "| ASH (Ashgrove Ltd) | Method | E2 | 3 → 4 | the method names the team and the schedule |")
	assert.NotContains(t, out, "| E1 | 4 → 4", "an unchanged mark is not a moderation change")

	annex := strings.Index(out, "## Restricted annex: analyses of the outcome")
	require.Positive(t, annex)
	lot := out[:annex]
	for _, title := range []string{"What it would take to win", "How robust the award is to the weights", "Rank reversal"} {
		assert.NotContains(t, lot, "### "+title, "%s invites re-weighting: annex only", title)
		assert.Contains(t, out[annex:], "#### "+title)
	}
	assert.Contains(t, lot, "### Abnormally low prices", "a flag is an investigation to make: it stays with the lot")
	assert.Contains(t, out[annex:], "must not be used to re-weight or re-mark once tenders are opened")

	page := html.String()
	assert.Contains(t, page, `<section id="restricted-annex">`)
	assert.Contains(t, page, "<td>3 → 4</td>")
	assert.Contains(t, page, "<td>Finance business partner</td>")
}

// TestReportMarkdownNestsCriteriaUnderTheBid: in the report's "every bid
// explained", a bid's criteria are headed below the bid's own heading, so a
// reader's outline puts them inside it (issue 11.8).
func TestReportMarkdownNestsCriteriaUnderTheBid(t *testing.T) {
	tn, bids := routeTender(score.PA2023, score.Route{Procedure: score.OpenProcedure}, score.England)
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, report.ReportMarkdown(&b, res))
	out := b.String()
	explained := out[strings.Index(out, "### Every bid explained"):]
	bid := strings.Index(explained, "#### ASH (Ashgrove Ltd)")
	require.GreaterOrEqual(t, bid, 0)
	assert.Contains(t, explained[bid:], "\n##### Price: ")
	assert.NotContains(t, explained, "\n### Price: ", "a criterion heading above its bid's")
}
