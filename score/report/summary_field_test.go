package report_test

import (
	"bytes"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// TestFieldFactsAreWithheld: a line that states a fact about the field as
// a whole tells a bidder about the others even without their figures —
// that every price was the same as its own, that only one price was left,
// that nobody committed anything (issue 11.3). Each is in the authority's
// report and in no bidder's summary, which says something was withheld.
func TestFieldFactsAreWithheld(t *testing.T) {
	d := decimal.RequireFromString
	sv := &criteria.SocialValueRule{Catalogue: criteria.Catalogue{Name: "test", Measures: []criteria.Measure{
		{Code: "APP", Description: "apprenticeship starts", Unit: "apprenticeship start", Proxy: d("1000"), Source: "fictional", Year: 2026}}},
		Measures: []string{"APP"}, Basis: criteria.BasisQuantity, Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}
	lot := func(id string, m criteria.PriceMethod) score.Lot {
		return score.Lot{ID: id, Title: "Lot " + id, EstimatedValue: d("100000"), TermMonths: 12, Policy: score.Policy{
			Gates: []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "g", Title: "Insurance"}},
			Criteria: []score.Criterion{
				{ID: id + "-price", Title: "Price", Weight: d("90"), Price: &criteria.PriceRule{Method: m}},
				{ID: id + "-sv", Title: "Social value", Weight: d("10"), Category: score.SocialValue, SocialValue: sv},
			}}}
	}
	tn := score.Tender{ID: "FF/1", Title: "Field facts", Commenced: date.On(2026, 6, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Council", Type: score.SubCentral},
		Lots:      []score.Lot{lot("SAME", criteria.Linear), lot("ONE", criteria.Relative)}}
	bid := func(id, lotID, price string, pass bool) score.Bid {
		g := criteria.GateResult{Pass: pass}
		if !pass {
			g.Reason = "no certificate"
		}
		return score.Bid{ID: id, Lot: lotID, Supplier: score.Supplier{ID: "S-" + id, Name: "Supplier " + id},
			Gates: map[string]criteria.GateResult{"g": g},
			Responses: map[string]score.Response{lotID + "-price": {Price: criteria.Amount(d(price))},
				lotID + "-sv": {SocialValue: criteria.SocialValueResponse{}}}}
	}
	res, err := score.Evaluate(tn, []score.Bid{
		// lot SAME: three bids at one price, nobody commits anything
		bid("A", "SAME", "50000", true), bid("B", "SAME", "50000", true), bid("C", "SAME", "50000", true),
		// lot ONE: the only bid left after the gate
		bid("X", "ONE", "60000", true), bid("Y", "ONE", "40000", false),
	})
	require.NoError(t, err)

	var authority bytes.Buffer
	require.NoError(t, report.ReportMarkdown(&authority, res))
	facts := []string{"every price in the field is the same", "highest and lowest price are both", "no bid in the field commits anything", "only one price in the field"}
	for _, f := range facts {
		require.Contains(t, authority.String(), f, "the fixture must produce the field fact for the test to mean anything")
	}
	sums, err := report.Summaries(res)
	require.NoError(t, err)
	for _, s := range sums {
		var md, html, js bytes.Buffer
		require.NoError(t, report.SummaryMarkdown(&md, s))
		require.NoError(t, report.SummaryHTML(&html, s))
		require.NoError(t, report.SummaryJSON(&js, s))
		for _, out := range []string{md.String(), html.String(), js.String()} {
			for _, f := range facts {
				assert.NotContains(t, out, f, "%s's summary states a fact about the field", s.BidID)
			}
		}
		if s.Document != report.DisregardLetter && s.Status != report.Disqualified {
			assert.NotEmpty(t, s.Withheld, "%s's summary says something was withheld", s.BidID)
		}
	}
}
