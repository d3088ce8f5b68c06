package report_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/tenderscore/tenderscore/score/analysis"
	"github.com/tenderscore/tenderscore/score/report"
)

func ExampleSummarise() {
	s, _ := report.Summarise(tiny(), "1", "B")
	fmt.Println(s.Status)
	fmt.Println(s.MostAdvantageous.Supplier.Name)
	fmt.Println(s.WhyNot[0])
	// Output:
	// not-most-advantageous
	// Ashgrove Supplies Ltd
	// Your total was 83.33 points; the most advantageous tender's was 100.00 points, 16.67 more.
}

func ExampleSummaries() {
	sums, _ := report.Summaries(tiny())
	for _, s := range sums {
		fmt.Println(s.LotID, s.BidID, s.Status)
	}
	// Output:
	// 1 A most-advantageous
	// 1 B not-most-advantageous
}

func ExampleSummaryMarkdown() {
	s, _ := report.Summarise(tiny(), "1", "B")
	var buf bytes.Buffer
	_ = report.SummaryMarkdown(&buf, s)
	// The part that explains bidder B's own price score.
	out := buf.String()
	start := strings.Index(out, "## How your tender")
	end := strings.Index(out, "## The most advantageous")
	fmt.Print(out[start:end])
	// Output:
	// ## How your tender was scored
	//
	// ### Price: 83.33 of 100 marks
	//
	// - Response assessed: £36,000.00
	// - lowest price in the field: £30,000.00
	// - £30,000.00 ÷ £36,000.00 = 0.8333333333…
	// - 0.8333333333… × 100 marks available = 83.3333333333…, rounded 2 dp half-up to 83.33
	//
	// **Total for your tender: 83.33**
	//
	// - total: Price 83.33 (the only one)
}

func ExampleSummaryHTML() {
	s, _ := report.Summarise(tiny(), "1", "B")
	var buf bytes.Buffer
	_ = report.SummaryHTML(&buf, s)
	page := buf.String()
	fmt.Println(strings.HasPrefix(page, "<!DOCTYPE html>"), strings.Contains(page, "<script"))
	fmt.Println(strings.Contains(page, "<h2>Why your tender was not successful</h2>"))
	// Output:
	// true false
	// true
}

func ExampleSummaryJSON() {
	s, _ := report.Summarise(tiny(), "1", "A")
	var buf bytes.Buffer
	_ = report.SummaryJSON(&buf, s)
	for _, line := range strings.Split(buf.String(), "\n")[:3] {
		fmt.Println(line)
	}
	// Output:
	// {
	//   "schemaVersion": "tenderscore.summary/1",
	//   "document": "assessment-summary",
}

func ExampleReportMarkdown() {
	res := tiny()
	var buf bytes.Buffer
	_ = report.ReportMarkdown(&buf, res)
	out := buf.String()
	start := strings.Index(out, "### Standings")
	end := strings.Index(out, "### Rules applied")
	fmt.Print(out[start:end])
	// Output:
	// ### Standings
	//
	// | Rank | Bid | Supplier | Price | Total |
	// | --- | --- | --- | ---: | ---: |
	// | 1 | A | Ashgrove Supplies Ltd | 100.00 | 100.00 |
	// | 2 | B | Bramble Office Ltd | 83.33 | 83.33 |
	//
	// ### Price comparison
	//
	// The price each tender was compared on — the amount offered, or a schedule's total or whole-life cost — and how far it is above the lowest compliant price.
	//
	// | Rank | Bid | Supplier | Price compared | Above the lowest compliant price |
	// | --- | --- | --- | ---: | ---: |
	// | 1 | A | Ashgrove Supplies Ltd | £30,000.00 | lowest |
	// | 2 | B | Bramble Office Ltd | £36,000.00 | £6,000.00 (20.00%) |
	//
	// Above the lowest compliant price: price − lowest, and (price − lowest) ÷ lowest × 100, shown rounded half-up to 2 decimal places; the scores use the exact prices.
	//
}

func ExampleReportHTML() {
	res := tiny()
	a, _ := analysis.AnalyseAll(tinyTender())
	var buf bytes.Buffer
	_ = report.ReportHTML(&buf, res, a...)
	page := buf.String()
	fmt.Println(strings.Count(page, "<svg "), "chart")
	// What it would take to win invites re-marking: it is in the
	// restricted annex, not in the lot's section.
	annex := page[strings.Index(page, `<section id="restricted-annex">`):]
	fmt.Println(strings.Contains(annex, "<h4>What it would take to win</h4>"))
	// Output:
	// 1 chart
	// true
}

func ExampleChartSVG() {
	_ = report.ChartSVG(os.Stdout, tiny().Lots[0])
	// Output:
	// <svg xmlns="http://www.w3.org/2000/svg" class="chart" width="100%" viewBox="0 0 960 142" preserveAspectRatio="xMinYMin meet" role="img" aria-label="Points by criterion for each bid in lot 1, Toner"><title>Points by criterion for each bid in lot 1, Toner</title><rect x="0" y="0" width="960" height="142" fill="#ffffff"/><line x1="300" x2="300" y1="28" y2="94" stroke="#d9d9d9" stroke-width="1" transform="translate(0 0)"/><text x="300" y="22" font-size="11" fill="#555555" text-anchor="middle" transform="translate(0 0)">0</text><line x1="300" x2="300" y1="28" y2="94" stroke="#d9d9d9" stroke-width="1" transform="translate(54 0)"/><text x="300" y="22" font-size="11" fill="#555555" text-anchor="middle" transform="translate(54 0)">10</text><line x1="300" x2="300" y1="28" y2="94" stroke="#d9d9d9" stroke-width="1" transform="translate(108 0)"/><text x="300" y="22" font-size="11" fill="#555555" text-anchor="middle" transform="translate(108 0)">20</text><line x1="300" x2="300" y1="28" y2="94" stroke="#d9d9d9" stroke-width="1" transform="translate(162 0)"/><text x="300" y="22" font-size="11" fill="#555555" text-anchor="middle" transform="translate(162 0)">30</text><line x1="300" x2="300" y1="28" y2="94" stroke="#d9d9d9" stroke-width="1" transform="translate(216 0)"/><text x="300" y="22" font-size="11" fill="#555555" text-anchor="middle" transform="translate(216 0)">40</text><line x1="300" x2="300" y1="28" y2="94" stroke="#d9d9d9" stroke-width="1" transform="translate(270 0)"/><text x="300" y="22" font-size="11" fill="#555555" text-anchor="middle" transform="translate(270 0)">50</text><line x1="300" x2="300" y1="28" y2="94" stroke="#d9d9d9" stroke-width="1" transform="translate(324 0)"/><text x="300" y="22" font-size="11" fill="#555555" text-anchor="middle" transform="translate(324 0)">60</text><line x1="300" x2="300" y1="28" y2="94" stroke="#d9d9d9" stroke-width="1" transform="translate(378 0)"/><text x="300" y="22" font-size="11" fill="#555555" text-anchor="middle" transform="translate(378 0)">70</text><line x1="300" x2="300" y1="28" y2="94" stroke="#d9d9d9" stroke-width="1" transform="translate(432 0)"/><text x="300" y="22" font-size="11" fill="#555555" text-anchor="middle" transform="translate(432 0)">80</text><line x1="300" x2="300" y1="28" y2="94" stroke="#d9d9d9" stroke-width="1" transform="translate(486 0)"/><text x="300" y="22" font-size="11" fill="#555555" text-anchor="middle" transform="translate(486 0)">90</text><line x1="300" x2="300" y1="28" y2="94" stroke="#d9d9d9" stroke-width="1" transform="translate(540 0)"/><text x="300" y="22" font-size="11" fill="#555555" text-anchor="middle" transform="translate(540 0)">100</text><text x="292" y="48" font-size="13" fill="#1b1b1b" text-anchor="end">1. A Ashgrove Supplies Ltd</text><rect x="300" y="34" width="540" height="18" fill="#1d4f91" fill-opacity="1" transform="translate(0 0)"><title>A — Price: 100.00 of 100</title></rect><text x="306" y="48" font-size="13" transform="translate(540 0)" fill="#1b1b1b" font-weight="700">100.00</text><text x="292" y="78" font-size="13" fill="#1b1b1b" text-anchor="end">2. B Bramble Office Ltd</text><rect x="300" y="64" width="449.98" height="18" fill="#1d4f91" fill-opacity="1" transform="translate(0 0)"><title>B — Price: 83.33 of 100</title></rect><text x="306" y="78" font-size="13" transform="translate(449.98 0)" fill="#1b1b1b" font-weight="700">83.33</text><rect x="20" y="110" width="14" height="14" fill="#1d4f91"/><text class="legend" x="40" y="122" font-size="12" fill="#1b1b1b">Price</text></svg>
}
