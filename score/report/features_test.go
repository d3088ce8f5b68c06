package report_test

import (
	"bytes"
	"encoding/json"
	"os"
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

// adjustedResult is a lot on ProZorro's MEAT rule with the features of its
// test tender (openprocurement.api belowthreshold/tests/base.py) and three
// fictional bids, the adjusted prices rounded to 2 places as ProZorro
// rounds them; the numbers are worked in the test.
func adjustedResult(t *testing.T) score.Result {
	t.Helper()
	d := decimal.RequireFromString
	v := func(value, title string) criteria.FeatureValue {
		return criteria.FeatureValue{Value: d(value), Title: title}
	}
	tender := score.Tender{ID: "UA-2026-01-01-000001", Title: "Vacuum cleaners", Commenced: date.On(2026, 5, 4), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots: []score.Lot{{ID: "1", Title: "Vacuum cleaners", EstimatedValue: d("600"), TermMonths: 12, Policy: score.Policy{
			Basis: score.AdjustedPrice,
			Features: &criteria.FeatureRule{Features: []criteria.Feature{
				{Code: "AIR", Title: "Air intake", Values: []criteria.FeatureValue{v("0.1", "up to 1000 W"), v("0.15", "over 1000 W")}},
				{Code: "YEARS", Title: "Years trading", Values: []criteria.FeatureValue{v("0.05", "up to 3 years"), v("0.1", "3 to 5 years"), v("0.15", "over 5 years")}},
			}},
			Criteria: []score.Criterion{{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.AdjustedByFeatures}}},
			Rounding: []score.RoundingRule{{Stage: score.Total, Places: 2, Mode: exact.HalfEven}},
		}}}}
	bid := func(id, name, price, air, years string) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: name}, Lot: "1",
			Responses: map[string]score.Response{"price": {Price: criteria.Amount(d(price))}},
			Features:  map[string]decimal.Decimal{"AIR": d(air), "YEARS": d(years)}}
	}
	res, err := score.Evaluate(tender, []score.Bid{
		bid("A", "Avocet Vacuum LLC", "469", "0.1", "0.1"),
		bid("B", "Bittern Cleaning LLC", "479", "0.15", "0.15"),
		bid("C", "Curlew Appliances LLC", "480", "0.1", "0.05"),
	})
	require.NoError(t, err)
	return res
}

func TestAdjustedPriceReports(t *testing.T) {
	res := adjustedResult(t)
	l := res.Lots[0]
	// A: 3283/9 = 364.777… → 364.78; B: 3353/10 = 335.30; C: 480 ÷ (1 +
	// 0.15 ÷ 0.7) = 480 × 14/17 = 6720/17 = 395.294… → 395.29.
	require.Equal(t, "B", l.Winner)
	scores := map[string]string{}
	for _, s := range l.Standings {
		scores[s.BidID] = s.Score.String()
	}
	assert.Equal(t, map[string]string{"A": "364.78", "B": "335.30", "C": "395.29"}, scores)

	var b bytes.Buffer
	require.NoError(t, report.LotText(&b, l))
	text := b.String()
	for _, want := range []string{
		"Price (no weight: divided by the coefficient of the features)",
		"Adjusted price",
		"coefficient = 1 + 0.3 ÷ (1 − 0.3) = 1 + 0.3 ÷ 0.7 = 10/7 (1.4285714285…)",
		"adjusted price = £479.00 ÷ 10/7 (1.4285714285…) = £335.30",
		"364.7777777777… rounded 2 dp half-even to 364.78",
	} {
		assert.Contains(t, text, want)
	}

	// C's summary shows its own choices and the most advantageous tender's
	// (reg 31 allows both), never A's, another unsuccessful bidder's.
	s, err := report.Summarise(res, "1", "C")
	require.NoError(t, err)
	assert.Equal(t, "Adjusted price", s.Yours.TotalLabel)
	assert.Contains(t, s.Yours.TotalWorking, "values chosen: Air intake 0.1 (up to 1000 W) + Years trading 0.05 (up to 3 years) = 0.15")
	require.NotNil(t, s.MostAdvantageous)
	assert.Contains(t, s.MostAdvantageous.TotalWorking, "values chosen: Air intake 0.15 (over 1000 W) + Years trading 0.15 (over 5 years) = 0.3")
	assert.Contains(t, s.WhyNot, "Your adjusted price was 395.29; the most advantageous tender's was 335.30, which is 59.99 lower. Under this basis the lowest adjusted price wins.")
	assert.Contains(t, s.Rules, "Feature Air intake: 0.1 (up to 1000 W), 0.15 (over 1000 W).")
	assert.Contains(t, s.Rules, "Rounding: the adjusted price to 2 decimal places, half-even.")
	assert.Equal(t, "no weight: the price is divided by the coefficient of the features chosen", s.Criteria[0].Importance)
	var md bytes.Buffer
	require.NoError(t, report.SummaryMarkdown(&md, s))
	assert.NotContains(t, md.String(), "Avocet", "nothing of another unsuccessful bidder")
	assert.NotContains(t, md.String(), "469")

	// The JSON report gives each bid's choices and the coefficient as an
	// exact fraction, every field documented in SCHEMA.md.
	var js bytes.Buffer
	require.NoError(t, report.JSON(&js, res))
	var doc struct {
		Lots []struct {
			Bids []struct {
				Bid      string `json:"bid"`
				Features struct {
					Chosen []struct {
						Feature, Title, Value, Means string
					} `json:"chosen"`
					Coefficient string `json:"coefficient"`
					Adjusted    string `json:"adjusted"`
				} `json:"features"`
			} `json:"bids"`
		} `json:"lots"`
	}
	require.NoError(t, json.Unmarshal(js.Bytes(), &doc))
	got := map[string]string{}
	for _, b := range doc.Lots[0].Bids {
		got[b.Bid] = b.Features.Coefficient + " " + b.Features.Adjusted
	}
	assert.Equal(t, map[string]string{"A": "9/7 3283/9", "B": "10/7 335.3", "C": "17/14 6720/17"}, got)
	schema, err := os.ReadFile("SCHEMA.md")
	require.NoError(t, err)
	for _, k := range []string{"features", "chosen", "feature", "value", "means", "coefficient", "adjusted"} {
		assert.True(t, strings.Contains(string(schema), "`"+k+"`"), "SCHEMA.md names %s", k)
	}
}
