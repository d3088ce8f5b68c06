package report_test

import (
	"bytes"
	"fmt"
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

// cappedAward is two price-only lots and a cap of one lot per supplier,
// lots awarded as listed. Ashgrove is cheapest on both, so it is awarded
// lot 1 and passed over on lot 2, which goes to Bramble. Fictional names.
func cappedAward() score.AwardResult {
	d := decimal.RequireFromString
	lot := func(id, title string) score.Lot {
		return score.Lot{ID: id, Title: title, EstimatedValue: d("100000"), TermMonths: 12, Policy: score.Policy{
			Criteria: []score.Criterion{{ID: "price", Title: "Price", Weight: d("100"), Price: &criteria.PriceRule{Method: criteria.Relative}}}}}
	}
	t := score.Tender{ID: "CAP/1", Title: "Two lots, one each", Commenced: date.On(2026, 6, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots:      []score.Lot{lot("1", "Toner"), lot("2", "Paper")},
		LotRules: &score.LotRules{MaxLotsAwardedPerSupplier: score.Limit(1), Allocation: score.InOrder, Order: score.AsListed,
			Description: "No supplier will be awarded more than one lot; lots are awarded in the order listed."}}
	bid := func(id, sup, name, lot, price string) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: sup, Name: name}, Lot: lot,
			Responses: map[string]score.Response{"price": {Price: criteria.Amount(d(price))}}}
	}
	a, err := score.Award(t, []score.Bid{
		bid("A1", "S-ASH", "Ashgrove Supplies Ltd", "1", "30000"), bid("B1", "S-BRA", "Bramble Office Ltd", "1", "36000"),
		bid("A2", "S-ASH", "Ashgrove Supplies Ltd", "2", "20000"), bid("B2", "S-BRA", "Bramble Office Ltd", "2", "25000"),
	})
	if err != nil {
		panic(err)
	}
	return a
}

func TestAwardReportMarkdownGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, report.AwardReportMarkdown(&buf, cappedAward()))
	out := buf.String()
	// Ashgrove is first on lot 2 (20,000 against 25,000) but already holds
	// lot 1, and the cap is one lot.
	assert.Contains(t, out, "| 2 | Paper | A2 (Ashgrove Supplies Ltd) ranks first with 100.00 points, but the lot rules award the lot to B2 (Bramble Office Ltd), ranked 2: "+
		"A2 ranked first on lot 2 but Ashgrove Supplies Ltd was already awarded lot 1; the cap is 1; lot 2 goes to the next-ranked bidder B2 (Bramble Office Ltd) |")
	assert.NotContains(t, out, "the most advantageous tender is A2", "lot 2 is awarded to B2: never name A2 the most advantageous tender")
	assert.Contains(t, out, "## Award under the lot rules")
	assert.Contains(t, out, "passed over: A2 ranked first on lot 2")
	golden(t, "award-report.md", buf.Bytes())
}

func TestAwardReportHTML(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, report.AwardReportHTML(&buf, cappedAward()))
	out := buf.String()
	assert.Contains(t, out, `<section id="award">`)
	assert.Contains(t, out, "but the lot rules award the lot to B2 (Bramble Office Ltd), ranked 2")
	assert.NotContains(t, out, "the most advantageous tender is A2", "lot 2 is awarded to B2: never name A2 the most advantageous tender")
	assert.Contains(t, out, "; passed over: A2 ranked first on lot 2")
	assert.NotContains(t, out, "<script", "the page works without scripts")
	golden(t, "award-report.html", buf.Bytes())
}

func ExampleAwardReportMarkdown() {
	var buf bytes.Buffer
	_ = report.AwardReportMarkdown(&buf, cappedAward())
	// Print the lot table, the awards, and each lot's standings and price
	// comparison only.
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(line, "| 1 ") || strings.HasPrefix(line, "| 2 ") || strings.HasPrefix(line, "- **Lot") || strings.HasPrefix(line, "  - passed over") {
			fmt.Println(line)
		}
	}
	// Output:
	// | 1 | Toner | the most advantageous tender is A1 (Ashgrove Supplies Ltd), 100.00 points, and the lot is awarded to it |
	// | 2 | Paper | A2 (Ashgrove Supplies Ltd) ranks first with 100.00 points, but the lot rules award the lot to B2 (Bramble Office Ltd), ranked 2: A2 ranked first on lot 2 but Ashgrove Supplies Ltd was already awarded lot 1; the cap is 1; lot 2 goes to the next-ranked bidder B2 (Bramble Office Ltd) |
	// - **Lot 1, Toner:** lot 1 goes to A1 (Ashgrove Supplies Ltd), ranked first with 100.00 points
	// - **Lot 2, Paper:** lot 2 goes to B2 (Bramble Office Ltd), ranked second with 80.00 points, the highest-ranked bid whose supplier had not reached the cap
	//   - passed over: A2 ranked first on lot 2 but Ashgrove Supplies Ltd was already awarded lot 1; the cap is 1; lot 2 goes to the next-ranked bidder B2 (Bramble Office Ltd)
	// | 1 | A1 | Ashgrove Supplies Ltd | 100.00 | 100.00 |
	// | 2 | B1 | Bramble Office Ltd | 83.33 | 83.33 |
	// | 1 | A1 | Ashgrove Supplies Ltd | £30,000.00 | lowest |
	// | 2 | B1 | Bramble Office Ltd | £36,000.00 | £6,000.00 (20.00%) |
	// | 1 | A2 | Ashgrove Supplies Ltd | 100.00 | 100.00 |
	// | 2 | B2 | Bramble Office Ltd | 80.00 | 80.00 |
	// | 1 | A2 | Ashgrove Supplies Ltd | £20,000.00 | lowest |
	// | 2 | B2 | Bramble Office Ltd | £25,000.00 | £5,000.00 (25.00%) |
}

func ExampleAwardReportHTML() {
	var buf bytes.Buffer
	_ = report.AwardReportHTML(&buf, cappedAward())
	// Print the award section's list of lots only.
	in := false
	for _, line := range strings.Split(buf.String(), "\n") {
		switch {
		case line == `<section id="award">`:
			in = true
		case line == "</section>":
			in = false
		case in && strings.HasPrefix(line, "<li>Lot "):
			fmt.Println(line)
		}
	}
	// Output:
	// <li>Lot 1, Toner: lot 1 goes to A1 (Ashgrove Supplies Ltd), ranked first with 100.00 points</li>
	// <li>Lot 2, Paper: lot 2 goes to B2 (Bramble Office Ltd), ranked second with 80.00 points, the highest-ranked bid whose supplier had not reached the cap; passed over: A2 ranked first on lot 2 but Ashgrove Supplies Ltd was already awarded lot 1; the cap is 1; lot 2 goes to the next-ranked bidder B2 (Bramble Office Ltd)</li>
}

// TestTextUnderLotRules: the evaluation of a lot bound by lot rules does
// not know who is awarded it, so its outcome never names the first-ranked
// tender "the most advantageous tender" — under the cap lot 2 goes to B2.
func TestTextUnderLotRules(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, report.Text(&buf, cappedAward().Result))
	out := buf.String()
	assert.Contains(t, out, "Outcome: A2 (Ashgrove Supplies Ltd) ranks first with 100.00 points; the tender's lot rules decide which tender is awarded the lot (see the award)")
	assert.NotContains(t, out, "the most advantageous tender is")
}
