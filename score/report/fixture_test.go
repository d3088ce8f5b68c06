package report_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// fieldBid is one fictional bidder in the confidentiality fixture.
type fieldBid struct {
	lot, key, name, price string
	marks                 []int64
	pass                  bool
}

func (f fieldBid) id() string       { return "BID-" + f.key }
func (f fieldBid) supplier() string { return "SUP-" + f.key }

// fieldBids are the bidders of the three-lot fixture. Every name is
// fictional. Lot A: relative price, the lowest price belongs to a losing
// bidder (CINDER), and the gate-failing EGRET is lower still. Lot B: linear
// price between the lowest (FULMAR) and highest (KITTIWAKE), both losing,
// and a three-way tie on 52 points that the chain gives to GANNET. Lot C:
// price per quality point with a minimum quality.
var fieldBids = []fieldBid{
	{"A", "AMBER", "Amberlea Consulting Ltd", "480000", []int64{4, 3}, true},
	{"A", "BRACKEN", "Brackenfield Services Ltd", "455000", []int64{3, 3}, true},
	{"A", "CINDER", "Cinderford Systems Ltd", "391250", []int64{2, 2}, true},
	{"A", "DUNLIN", "Dunlin Data Ltd", "612345.67", []int64{4, 4}, true},
	{"A", "EGRET", "Egret Networks Ltd", "350500", []int64{4, 4}, false},
	{"B", "FULMAR", "Fulmar Field Services Ltd", "200000", []int64{0, 2}, true},
	{"B", "GANNET", "Gannetby Works Ltd", "290000", []int64{2, 2}, true},
	{"B", "HERON", "Heronsgate IT Ltd", "245000", []int64{1, 2}, true},
	{"B", "KITTIWAKE", "Kittiwake Computing Ltd", "400000", []int64{3, 3}, true},
	{"C", "LAPWING", "Lapwing Analytics Ltd", "100000", []int64{4}, true},
	{"C", "MERLIN", "Merlinford Ltd", "80000", []int64{3}, true},
	{"C", "NIGHTJAR", "Nightjar Digital Ltd", "50000", []int64{1}, true},
}

func rationale(b fieldBid, q string) string {
	return fmt.Sprintf("recorded reasons for %s on %s", b.key, q)
}

// fieldTender builds the fixture's tender and bids.
func fieldTender() (score.Tender, []score.Bid) {
	d := decimal.RequireFromString
	q := func(id, title, w string) score.Criterion {
		return score.Criterion{ID: id, Title: title, Weight: d(w), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
	}
	policy := func(m criteria.PriceMethod) score.Policy {
		return score.Policy{
			Gates: []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "ins", Title: "Insurance", Requirement: "professional indemnity cover of £5m"}},
			Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Weight: d("40"), Description: "total price for three years", Price: &criteria.PriceRule{Method: m}},
				{ID: "quality", Title: "Quality", Weight: d("60"), Children: []score.Criterion{q("q1", "Approach", "60"), q("q2", "Mobilisation", "40")}},
			},
			TieBreaks: []score.TieBreak{{Kind: score.HigherPoints, Criterion: "quality", Description: "higher quality points"}, {Kind: score.LowerPrice}},
		}
	}
	minQ := d("50")
	t := score.Tender{ID: "FIELD/2026/3", Title: "Digital services", Commenced: date.On(2026, 6, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots: []score.Lot{
			{ID: "A", Title: "Help desk", EstimatedValue: d("1500000"), TermMonths: 36, Policy: policy(criteria.Relative)},
			{ID: "B", Title: "Field engineers", EstimatedValue: d("1200000"), TermMonths: 36, Policy: policy(criteria.Linear)},
			{ID: "C", Title: "Data analysis", EstimatedValue: d("300000"), TermMonths: 24, Policy: score.Policy{
				Basis: score.PricePerQualityPoint,
				Criteria: []score.Criterion{
					{ID: "price", Title: "Price", Weight: d("0"), Price: &criteria.PriceRule{Method: criteria.PerQualityPoint}},
					q("q1", "Method statement", "100"),
				},
				Thresholds: score.Thresholds{MinQualityPercent: &minQ},
			}},
		}}
	var bids []score.Bid
	for _, f := range fieldBids {
		b := score.Bid{ID: f.id(), Supplier: score.Supplier{ID: f.supplier(), Name: f.name}, Lot: f.lot,
			Responses: map[string]score.Response{"price": {Price: criteria.Amount(d(f.price))}}}
		if f.lot != "C" {
			reason := "cover confirmed"
			if !f.pass {
				reason = "no cover in force for " + f.key
			}
			b.Gates = map[string]criteria.GateResult{"ins": {Pass: f.pass, Reason: reason}}
		}
		for i, m := range f.marks {
			qid := fmt.Sprintf("q%d", i+1)
			b.Responses[qid] = score.Response{Marks: criteria.Marks{
				Evaluators: []criteria.EvaluatorMark{{Evaluator: "Evaluator 1", Mark: decimal.NewFromInt(m)}},
				Consensus:  &criteria.Consensus{Mark: decimal.NewFromInt(m), Rationale: rationale(f, qid)}}}
		}
		bids = append(bids, b)
	}
	return t, bids
}

func fieldResult(t *testing.T) score.Result {
	t.Helper()
	tn, bids := fieldTender()
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	return res
}
