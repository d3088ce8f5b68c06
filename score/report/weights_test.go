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

// pointsResult evaluates a fictional model published in points, 150 in
// all, with each way of weighting sub-criteria: points adding up to the
// parent's (Quality), percentages of the parent (Social value) and parts
// (Risk).
func pointsResult(t *testing.T) score.Result {
	t.Helper()
	d := decimal.RequireFromString
	q := func(id, title, w string) score.Criterion {
		return score.Criterion{ID: id, Title: title, Weight: d(w), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
	}
	tender := score.Tender{ID: "T/150", Title: "Grounds maintenance", Commenced: date.On(2026, 4, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots: []score.Lot{{ID: "1", Title: "Grounds", EstimatedValue: d("90000"), TermMonths: 24, Policy: score.Policy{Weighting: score.Points,
			Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Weight: d("40"), Price: &criteria.PriceRule{Method: criteria.Relative}},
				{ID: "quality", Title: "Quality", Weight: d("60"), Children: []score.Criterion{q("method", "Method", "40"), q("team", "Team", "20")}},
				{ID: "social", Title: "Social value", Weight: d("30"), Children: []score.Criterion{q("jobs", "Local jobs", "25"), q("green", "Carbon", "75")}},
				{ID: "risk", Title: "Risk", Weight: d("20"), Children: []score.Criterion{q("plan", "Plan", "1"), q("log", "Register", "3")}},
			}}}}}
	m := func(n int64) score.Response {
		return score.Response{Marks: criteria.Marks{Consensus: &criteria.Consensus{Mark: decimal.NewFromInt(n), Rationale: "agreed"},
			Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: decimal.NewFromInt(n), Rationale: "seen"}}}}
	}
	bid := func(id, name, price string) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: name}, Lot: "1", Responses: map[string]score.Response{
			"price": {Price: criteria.Amount(d(price))}, "method": m(4), "team": m(2), "jobs": m(4), "green": m(2), "plan": m(4), "log": m(4)}}
	}
	res, err := score.Evaluate(tender, []score.Bid{bid("A", "Ashgrove Grounds Ltd", "50000"), bid("B", "Bramble Parks Ltd", "60000")})
	require.NoError(t, err)
	return res
}

// A weight in points is worded as the notice publishes it, with the points
// it carries where they differ from the weight: "60 points", never "weight
// 60 points, 40 marks" (the normalised figure).
func TestPointsWeightsWorded(t *testing.T) {
	res := pointsResult(t)
	var b bytes.Buffer
	require.NoError(t, report.Text(&b, res))
	text := b.String()
	for _, want := range []string{
		"Price (40 points)",
		"Quality (60 points)",
		"Method (40 points of Quality)",   // sub-criteria in points adding up to the parent's
		"Local jobs (25% of Social value", // percentages of the parent: 25% of 30 is 7.5 points
		"Local jobs (25% of Social value, 7.5 points)",
		"Plan (1 part in 4 of Risk, 5 points)", // parts: 1 of 1 + 3 of Risk's 20
	} {
		assert.Contains(t, text, want)
	}
	assert.NotContains(t, text, "marks)", "no normalised marks beside a weight in points")

	s, err := report.Summarise(res, "1", "B")
	require.NoError(t, err)
	got := map[string]string{}
	var walk func([]report.AwardCriterion)
	walk = func(cs []report.AwardCriterion) {
		for _, c := range cs {
			got[c.ID] = c.Importance + " / " + c.Available.String()
			walk(c.Children)
		}
	}
	walk(s.Criteria)
	assert.Contains(t, s.Rules, "The model is out of 150 points, as published.")
	assert.Equal(t, map[string]string{
		"price": "40 points / 40", "quality": "60 points / 60", "method": "40 points of Quality / 40", "team": "20 points of Quality / 20",
		"social": "30 points / 30", "jobs": "25% of Social value / 7.5", "green": "75% of Social value / 22.5",
		"risk": "20 points / 20", "plan": "1 part in 4 of Risk / 5", "log": "3 parts in 4 of Risk / 15",
	}, got)
}
