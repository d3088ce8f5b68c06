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
	"github.com/tenderscore/tenderscore/score/report"
)

// internalMarkers are what belongs to the authority's report only: the
// library's confidence in a fact, the caveat on a presumed date, and names
// of its own reference files.
var internalMarkers = []string{"[unverified", "unverified:", "presumed in the reference", "reference/", "shared/", "docs/sources", ".md", "confidence", "(MED", "(LOW", "(HIGH"}

// TestBidderDocumentsHoldNoInternalMarkers: a procurement commenced on
// 1 June 2026 under the implement-by rule takes the 2025 London Living
// Wage, whose implement-by day (1 May 2026) is presumed and unverified. The
// authority's report says so; no bidder document, in any format, does.
func TestBidderDocumentsHoldNoInternalMarkers(t *testing.T) {
	d := decimal.RequireFromString
	tn := score.Tender{ID: "LW/1", Title: "Caretaking", Commenced: date.On(2026, 6, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral, Nation: score.England},
		Lots: []score.Lot{{ID: "1", Title: "Caretaking", EstimatedValue: d("400000"), TermMonths: 24, Policy: score.Policy{
			LivingWageGates: []criteria.LivingWageGate{{Kind: criteria.AwardRequirement, ID: "llw", Title: "London Living Wage",
				Region: criteria.London, Rule: criteria.RateImplementBy}},
			Criteria: []score.Criterion{{ID: "price", Title: "Price", Weight: d("100"), Price: &criteria.PriceRule{Method: criteria.Relative}}},
		}}}}
	bid := func(id, name, price string) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: "S-" + id, Name: name}, Lot: "1",
			LivingWage: &criteria.LivingWageCommitment{AtLeastApplicable: true, IncludesContractedStaff: true, Accreditation: criteria.NotAccredited},
			Responses:  map[string]score.Response{"price": {Price: criteria.Amount(d(price))}}}
	}
	res, err := score.Evaluate(tn, []score.Bid{bid("A", "Ashgrove Ltd", "300000"), bid("B", "Bramble Ltd", "320000")})
	require.NoError(t, err)

	var authority bytes.Buffer
	require.NoError(t, report.ReportMarkdown(&authority, res))
	require.Contains(t, authority.String(), "[unverified:", "the fixture must carry an internal caveat for the test to mean anything")

	sums, err := report.Summaries(res)
	require.NoError(t, err)
	require.NotEmpty(t, sums)
	for _, s := range sums {
		for name, render := range map[string]func(*bytes.Buffer) error{
			"markdown": func(b *bytes.Buffer) error { return report.SummaryMarkdown(b, s) },
			"html":     func(b *bytes.Buffer) error { return report.SummaryHTML(b, s) },
			"json":     func(b *bytes.Buffer) error { return report.SummaryJSON(b, s) },
		} {
			var b bytes.Buffer
			require.NoError(t, render(&b))
			out := b.String()
			require.Contains(t, out, "London Living Wage £14.80 an hour", "%s %s: the rule applied is still stated", s.BidID, name)
			for _, m := range internalMarkers {
				assert.False(t, strings.Contains(out, m), "%s %s holds the internal marker %q", s.BidID, name, m)
			}
		}
	}
}
