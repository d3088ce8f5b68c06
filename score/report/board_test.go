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
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// boardBid is one fictional bid of the board fixture: a price (or unit
// prices for a schedule) and three evaluators' marks with the agreed mark.
type boardBid struct {
	id, name, price string
	agreed          string
	own             []string
}

// boardLot is one lot: price 40 (relative, with the given rule) and one
// question worth 60 marked 0–4 by evaluators A, B and C.
func boardLot(t *testing.T, price criteria.PriceRule, moderation criteria.Moderation, bids ...boardBid) (score.LotResult, string, string) {
	t.Helper()
	d := decimal.RequireFromString
	tn := score.Tender{ID: "BRD/1", Title: "Board test", Commenced: date.On(2026, 6, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Council", Type: score.SubCentral},
		Lots: []score.Lot{{ID: "1", Title: "Grounds", EstimatedValue: d("300000"), TermMonths: 24, Policy: score.Policy{Criteria: []score.Criterion{
			{ID: "price", Title: "Price", Weight: d("40"), Price: &price},
			{ID: "q", Title: "Method", Weight: d("60"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: moderation}},
		}}}}}
	var bs []score.Bid
	for _, b := range bids {
		m := criteria.Marks{}
		for i, o := range b.own {
			m.Evaluators = append(m.Evaluators, criteria.EvaluatorMark{Evaluator: string(rune('A' + i)), Mark: d(o), Rationale: "noted"})
		}
		if b.agreed != "" {
			m.Consensus = &criteria.Consensus{Mark: d(b.agreed), Rationale: "agreed"}
		}
		var resp score.Response
		if price.Schedule != nil { // "setup/visit" unit prices
			parts := strings.Split(b.price, "/")
			resp = score.Response{Price: criteria.UnitPrices(map[string]decimal.Decimal{"setup": d(parts[0]), "visit": d(parts[1])})}
		} else {
			resp = score.Response{Price: criteria.Amount(d(b.price))}
		}
		bs = append(bs, score.Bid{ID: b.id, Supplier: score.Supplier{ID: "S-" + b.id, Name: b.name}, Lot: "1",
			Responses: map[string]score.Response{"price": resp, "q": {Marks: m}}})
	}
	res, err := score.Evaluate(tn, bs)
	require.NoError(t, err)
	var md, page bytes.Buffer
	require.NoError(t, report.ReportMarkdown(&md, res))
	require.NoError(t, report.ReportHTML(&page, res))
	return res.Lots[0], md.String(), page.String()
}

func budget(max string, over criteria.OverBudget) criteria.PriceRule {
	return criteria.PriceRule{Method: criteria.Relative, MaxBudget: decimal.RequireFromString(max), OverBudget: over}
}

// TestPriceComparison: each price as compared, how far above the lowest
// compliant price, and against the published budget.
func TestPriceComparison(t *testing.T) {
	// hand: lowest compliant £80,000 (ALD). BIR £95,000: £15,000 ÷ £80,000
	// = 18.75%. CED £110,000: £30,000 ÷ £80,000 = 37.5%, and over the
	// £100,000 budget by £10,000, so its price scores 0 but it stays in.
	// Totals: BIR 80/95 × 40 = 33.68 + 60 = 93.68; ALD 40 + 45 = 85; CED 0 + 60.
	_, md, page := boardLot(t, budget("100000", criteria.ScoreZeroOverBudget), criteria.ConsensusMark,
		boardBid{"ALD", "Alder Grounds Ltd", "80000", "3", []string{"3", "2", "3"}},
		boardBid{"BIR", "Birchwood Ltd", "95000", "4", []string{"4", "4", "3"}},
		boardBid{"CED", "Cedar Estates Ltd", "110000", "4", []string{"4", "4", "4"}})
	for _, row := range []string{
		"| Rank | Bid | Supplier | Price compared | Above the lowest compliant price | Against the budget of £100,000.00 |",
		"| 1 | BIR | Birchwood Ltd | £95,000.00 | £15,000.00 (18.75%) | within, £5,000.00 below |",
		"| 2 | ALD | Alder Grounds Ltd | £80,000.00 | lowest | within, £20,000.00 below |",
		"| 3 | CED | Cedar Estates Ltd | £110,000.00 | £30,000.00 (37.50%) | over by £10,000.00 |",
	} {
		assert.Contains(t, md, row+"\n")
	}
	assert.Contains(t, md, "Each is held against the published maximum budget of £100,000.00 (a price equal to it is within).")
	assert.Contains(t, page, `<td class="num">£30,000.00 (37.50%)</td><td class="flag">over by £10,000.00</td></tr>`, "over the budget is flagged")
	assert.Contains(t, page, `<th>Against the budget of £100,000.00</th>`)
}

// TestPriceComparisonCases: rounding of the percentage, a tender
// disqualified over the budget, a field with no compliant price, and a
// schedule's whole-life cost.
func TestPriceComparisonCases(t *testing.T) {
	t.Run("percent rounded half-up for display", func(t *testing.T) {
		// hand: £100 ÷ £80,000 = 0.125% → 0.13 (half-up); £1,000 ÷ £80,000
		// = 1.25%; £30,000 → 37.5% is shown 37.50.
		_, md, _ := boardLot(t, criteria.PriceRule{Method: criteria.Relative}, criteria.ConsensusMark,
			boardBid{"ALD", "Alder Grounds Ltd", "80000", "2", []string{"2"}},
			boardBid{"BIR", "Birchwood Ltd", "80100", "2", []string{"2"}},
			boardBid{"CED", "Cedar Estates Ltd", "81000", "2", []string{"2"}})
		assert.Contains(t, md, "| Birchwood Ltd | £80,100.00 | £100.00 (0.13%) |")
		assert.Contains(t, md, "| Cedar Estates Ltd | £81,000.00 | £1,000.00 (1.25%) |")
		assert.NotContains(t, md, "Against the budget", "no budget is published")
	})
	t.Run("disqualified over the budget", func(t *testing.T) {
		// hand: CED's £110,000 is over the £100,000 budget and disqualified;
		// it is still compared: £30,000 above the lowest compliant £80,000.
		l, md, page := boardLot(t, budget("100000", criteria.DisqualifyOverBudget), criteria.ConsensusMark,
			boardBid{"ALD", "Alder Grounds Ltd", "80000", "3", []string{"3"}},
			boardBid{"CED", "Cedar Estates Ltd", "110000", "4", []string{"4"}})
		c, _ := l.Bid("CED")
		require.NotNil(t, c.Disqualified)
		assert.Contains(t, md, "| disqualified | CED | Cedar Estates Ltd | £110,000.00 | £30,000.00 (37.50%) | over by £10,000.00 |")
		assert.Contains(t, page, `<tr class="dq"><td>disqualified</td><td>CED</td>`)
	})
	t.Run("no compliant price", func(t *testing.T) {
		_, md, _ := boardLot(t, budget("50000", criteria.DisqualifyOverBudget), criteria.ConsensusMark,
			boardBid{"ALD", "Alder Grounds Ltd", "80000", "3", []string{"3"}})
		assert.Contains(t, md, "| disqualified | ALD | Alder Grounds Ltd | £80,000.00 | — | over by £30,000.00 |")
		assert.Contains(t, md, "there is no lowest compliant price to compare against")
	})
	t.Run("a schedule's whole-life cost", func(t *testing.T) {
		// hand: set-up in year 0 undiscounted, one visit a year in year 1
		// ÷ 1.035. ALD £1,000 + £1,035 ÷ 1.035 = £2,000.00; BIR £1,000 +
		// £2,070 ÷ 1.035 = £3,000.00, £1,000 (50%) above.
		rule := criteria.PriceRule{Method: criteria.Relative, Schedule: &criteria.Schedule{
			Lines:    []criteria.ScheduleLine{{Item: "setup", Quantity: decimal.NewFromInt(1), Years: 1}, {Item: "visit", Quantity: decimal.NewFromInt(1), FirstYear: 1, Years: 1}},
			Discount: &criteria.Discount{Rate: decimal.RequireFromString("0.035"), Rounding: exact.Rounding{Places: 2, Mode: exact.HalfUp}}}}
		_, md, _ := boardLot(t, rule, criteria.ConsensusMark,
			boardBid{"ALD", "Alder Grounds Ltd", "1000/1035", "3", []string{"3"}},
			boardBid{"BIR", "Birchwood Ltd", "1000/2070", "3", []string{"3"}})
		assert.Contains(t, md, "| Rank | Bid | Supplier | Price compared | As offered | Above the lowest compliant price |")
		assert.Contains(t, md, "| 1 | ALD | Alder Grounds Ltd | £2,000.00 | schedule of 2 lines totalling £2,035.00, whole-life cost £2,000.00 | lowest |")
		assert.Contains(t, md, "| 2 | BIR | Birchwood Ltd | £3,000.00 | schedule of 2 lines totalling £3,070.00, whole-life cost £3,000.00 | £1,000.00 (50.00%) |")
	})
}

// TestMarksMatrix: a row per bid, a column per question, each cell the
// agreed (or mean) mark with every evaluator's own mark beside it.
func TestMarksMatrix(t *testing.T) {
	t.Run("agreed at moderation", func(t *testing.T) {
		_, md, page := boardLot(t, criteria.PriceRule{Method: criteria.Relative}, criteria.ConsensusMark,
			boardBid{"ALD", "Alder Grounds Ltd", "80000", "3", []string{"3", "2", "3"}},
			boardBid{"BIR", "Birchwood Ltd", "95000", "4", []string{"4", "4", "3"}})
		assert.Contains(t, md, "| Rank | Bid | Supplier | Method (max 4) |\n| --- | --- | --- | --- |\n")
		assert.Contains(t, md, "| 1 | BIR | Birchwood Ltd | 4 (A 4, B 4, C 3) |\n| 2 | ALD | Alder Grounds Ltd | 3 (A 3, B 2, C 3) |\n")
		assert.Contains(t, page, "<td>Alder Grounds Ltd</td><td>3 (A 3, B 2, C 3)</td></tr>")
	})
	t.Run("the mean of the marks", func(t *testing.T) {
		// hand: (3 + 4 + 4) ÷ 3 = 3.666…; (2 + 2 + 3) ÷ 3 = 2.333….
		_, md, _ := boardLot(t, criteria.PriceRule{Method: criteria.Relative}, criteria.MeanMark,
			boardBid{"ALD", "Alder Grounds Ltd", "80000", "", []string{"3", "4", "4"}},
			boardBid{"BIR", "Birchwood Ltd", "80000", "", []string{"2", "2", "3"}})
		assert.Contains(t, md, "| Alder Grounds Ltd | mean 3.6666666666… (A 3, B 4, C 4) |")
		assert.Contains(t, md, "| Birchwood Ltd | mean 2.3333333333… (A 2, B 2, C 3) |")
	})
	t.Run("a lot with no marked question has no matrix", func(t *testing.T) {
		var buf bytes.Buffer
		require.NoError(t, report.ReportMarkdown(&buf, cappedAward().Result))
		assert.NotContains(t, buf.String(), "### Marks by question")
	})
}
