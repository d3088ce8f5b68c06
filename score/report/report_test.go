package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sample is a one-lot tender with a tie settled by the chain, a gate
// failure and a non-terminating price score. Suppliers are fictional.
func sample(t *testing.T) score.Result {
	t.Helper()
	d := decimal.RequireFromString
	q := func(id, w string) score.Criterion {
		return score.Criterion{ID: id, Title: "Question " + id, Weight: d(w),
			Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.MeanMark}}
	}
	tn := score.Tender{ID: "SAMPLE/1", Title: "Sample tender", Commenced: date.On(2026, 5, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Route:     score.Route{Framework: "RM0000", Lot: "1", Procedure: "further-competition"},
		Lots: []score.Lot{{ID: "1", Title: "Desk", EstimatedValue: d("250000"), TermMonths: 24, Policy: score.Policy{
			Gates: []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "g", Title: "Insurance"}},
			Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Weight: d("30"), Price: &criteria.PriceRule{Method: criteria.Relative}},
				{ID: "quality", Title: "Quality", Weight: d("70"), Children: []score.Criterion{q("q1", "50"), q("q2", "50")}},
			},
			TieBreaks: []score.TieBreak{{Kind: score.HigherPoints, Criterion: "q1"}},
		}}},
	}
	marks := func(ms ...int64) score.Response {
		var m criteria.Marks
		for i, v := range ms {
			m.Evaluators = append(m.Evaluators, criteria.EvaluatorMark{Evaluator: string(rune('A' + i)), Mark: decimal.NewFromInt(v), Rationale: "noted"})
		}
		return score.Response{Marks: m}
	}
	bid := func(id, name, price string, pass bool, q1, q2 score.Response) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: name}, Lot: "1",
			Gates:     map[string]criteria.GateResult{"g": {Pass: pass, Reason: map[bool]string{true: "cover confirmed", false: "no cover"}[pass]}},
			Responses: map[string]score.Response{"price": {Price: criteria.Amount(d(price))}, "q1": q1, "q2": q2}}
	}
	res, err := score.Evaluate(tn, []score.Bid{
		// X and Y: same price, quality 3+2 vs 2+3 → tie; q1 separates.
		bid("X", "Xanthe Works Ltd", "90000", true, marks(3, 3), marks(2, 2)),
		bid("Y", "Yarrow Digital Ltd", "90000", true, marks(2, 2), marks(3, 3)),
		bid("Z", "Zephyr Systems Ltd", "70000", true, marks(1, 2, 2), marks(1, 1, 1)),
		bid("W", "Wenlock Tech Ltd", "60000", false, marks(4), marks(4)),
	})
	require.NoError(t, err)
	return res
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run `go test ./score/report -update` to create %s", path)
	assert.Equal(t, string(want), string(got))
}

func TestTextGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, report.Text(&buf, sample(t)))
	golden(t, "sample.txt", buf.Bytes())
}

func TestBidTextGolden(t *testing.T) {
	var buf bytes.Buffer
	res := sample(t)
	require.NoError(t, report.BidText(&buf, res.Lots[0], "Z"))
	golden(t, "sample-bid-Z.txt", buf.Bytes())
	assert.Error(t, report.BidText(&buf, res.Lots[0], "nope"))
}

func TestJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, report.JSON(&buf, sample(t)))
	require.True(t, json.Valid(buf.Bytes()))
	golden(t, "sample.json", buf.Bytes())

	// Decimals are strings, and a non-terminating exact value is a fraction.
	var doc struct {
		Lots []struct {
			Bids []struct {
				Bid      string `json:"bid"`
				Criteria []struct {
					Unrounded string `json:"unrounded"`
					Points    string `json:"points"`
				} `json:"criteria"`
			} `json:"bids"`
		} `json:"lots"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	for _, b := range doc.Lots[0].Bids {
		if b.Bid == "X" {
			// 30 × 70,000 / 90,000 = 70/3 = 23.333…, shown 23.33.
			assert.Equal(t, "70/3", b.Criteria[0].Unrounded)
			assert.Equal(t, "23.33", b.Criteria[0].Points)
		}
	}
}

func TestLotJSON(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, report.LotJSON(&buf, sample(t).Lots[0]))
	var doc map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	assert.Equal(t, report.SchemaVersion, doc["schemaVersion"])
	assert.Equal(t, "X", doc["lot"].(map[string]any)["winner"])
}
