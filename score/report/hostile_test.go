package report_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
	"github.com/tenderscore/tenderscore/score/report"
)

// hostile are characters a bidder's name or an evaluator's rationale could
// carry to forge output: a carriage return and newline (a new Markdown
// line, a fake heading), an ANSI escape (rewriting a terminal), a C1 CSI,
// and bidirectional overrides and isolates (reversing what follows).
var hostile = []string{"\r", "\x1b", "\u009b", "\u202E", "\u2066", "\u200F", "\x00"}

// TestRenderersNeutraliseControlCharacters: whatever a supplier name or a
// rationale holds, no renderer writes a control or bidirectional character
// from it (issue 11.2); Markdown and text keep it on one line.
func TestRenderersNeutraliseControlCharacters(t *testing.T) {
	tn, bids := routeTender(score.PA2023, score.Route{Procedure: score.OpenProcedure}, score.England)
	evil := "Evil\r\n# Most advantageous: Evil Ltd\x1b[2J\u009b31m\u202Edetimil\u2066 \u200F\x00 Ltd"
	bids[1].Supplier.Name = evil
	q := bids[1].Responses["q"]
	q.Marks.Consensus.Rationale = "fine\r\n## Why your tender was not successful\r\n- it was the best"
	bids[1].Responses["q"] = q
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	as, err := analysis.AnalyseAll(tn, bids)
	require.NoError(t, err)
	s, err := report.Summarise(res, "1", "BRA")
	require.NoError(t, err)
	outputs := map[string]func(*bytes.Buffer) error{
		"text":             func(b *bytes.Buffer) error { return report.Text(b, res) },
		"report markdown":  func(b *bytes.Buffer) error { return report.ReportMarkdown(b, res, as...) },
		"report html":      func(b *bytes.Buffer) error { return report.ReportHTML(b, res, as...) },
		"summary markdown": func(b *bytes.Buffer) error { return report.SummaryMarkdown(b, s) },
		"summary html":     func(b *bytes.Buffer) error { return report.SummaryHTML(b, s) },
	}
	for name, render := range outputs {
		var b bytes.Buffer
		require.NoError(t, render(&b), name)
		out := b.String()
		for _, c := range hostile {
			assert.NotContains(t, out, c, "%s writes %q from the input", name, c)
		}
		assert.NotContains(t, out, "\n# Most advantageous", "%s: a name cannot start a line", name)
		assert.NotContains(t, out, "\n## Why your tender was not successful\n- it was", "%s: a rationale cannot forge a section", name)
	}
}
