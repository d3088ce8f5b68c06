package score_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// panelMarks records three evaluators' own marks and, when agreed is not
// "", the consensus agreed at moderation.
func panelMarks(agreed string, own ...string) criteria.Marks {
	m := criteria.Marks{}
	for i, o := range own {
		m.Evaluators = append(m.Evaluators, criteria.EvaluatorMark{Evaluator: string(rune('A' + i)), Mark: dec(o), Rationale: "noted"})
	}
	if agreed != "" {
		m.Consensus = &criteria.Consensus{Mark: dec(agreed), Rationale: "agreed at moderation"}
	}
	return m
}

// marksPolicy: price 40; "q1" marked by consensus (30); "q2" by the mean
// of the marks (10); apprenticeship starts (20) split 70/30 with a method
// statement marked by consensus.
func marksPolicy(t *testing.T) score.Policy {
	mean := qualityCrit("q2", "10")
	mean.Quality.Moderation = criteria.MeanMark
	return score.Policy{Criteria: []score.Criterion{
		priceCrit("price", "40", criteria.PriceRule{Method: criteria.Relative}),
		qualityCrit("q1", "30"),
		mean,
		{ID: "appr", Title: "Apprenticeships", Weight: dec("20"), SocialValue: &criteria.SocialValueRule{
			Catalogue: sampleCatalogue(t), Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisQuantity,
			Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported,
			Split:           &criteria.Split{Quantitative: dec("70"), Qualitative: dec("30")},
			MethodStatement: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}},
	}}
}

func marksBid(id, price string, q1, q2, ms criteria.Marks) score.Bid {
	n := dec("6")
	return score.Bid{ID: id, Supplier: score.Supplier{ID: "S-" + id, Name: "Supplier " + id}, Lot: "L1",
		Responses: map[string]score.Response{
			"price": priced(price),
			"q1":    {Marks: q1},
			"q2":    {Marks: q2},
			"appr": {SocialValue: criteria.SocialValueResponse{MethodStatement: &ms,
				Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &n}}}},
		}}
}

// TestBidMarks: a bid's marks, question by question in policy order, hold
// each evaluator's own mark and the mark scored — the consensus, or the
// exact mean — including a social value method statement.
func TestBidMarks(t *testing.T) {
	a := marksBid("A", "100", panelMarks("3", "3", "2", "3"), panelMarks("", "3", "4", "4"), panelMarks("3", "2", "3"))
	l := evalLot(t, marksPolicy(t), a)
	got, _ := l.Bid("A")
	ms := got.Marks()
	require.Len(t, ms, 3, "q1, q2 and the method statement; price is not marked")

	q1 := ms[0]
	assert.Equal(t, "q1", q1.CriterionID)
	assert.Equal(t, "Question q1", q1.Title)
	assert.True(t, q1.Agreed())
	assert.Equal(t, "3", q1.Mark.String(), "the consensus is scored, not any one evaluator's mark")
	assert.Equal(t, "4", q1.Max.String(), "the 0–4 scale")
	require.Len(t, q1.Own, 3)
	for i, want := range []string{"A 3", "B 2", "C 3"} {
		assert.Equal(t, want, q1.Own[i].Evaluator+" "+q1.Own[i].Mark.String(), "own marks in the order recorded")
	}

	q2 := ms[1]
	assert.False(t, q2.Agreed())
	// hand: (3 + 4 + 4) ÷ 3 = 11/3 = 3.666…, kept exactly.
	assert.True(t, q2.Mark.MulDec(dec("3")).Equal(exact.Int(11)), "the mean is exact: three times it is 11")
	assert.Equal(t, "3.6666666666…", q2.Mark.String())

	sv := ms[2]
	assert.Equal(t, "appr", sv.CriterionID)
	assert.True(t, sv.MethodStatement)
	assert.Equal(t, "Apprenticeships (method statement)", sv.Title, "named as the moderation record names it")
	assert.Equal(t, "3", sv.Mark.String())
	assert.Len(t, sv.Own, 2)
}

// TestBidMarksOfTendersOut: a tender disqualified at an award-stage
// requirement was assessed and keeps its marks as recorded; a disregarded
// tender is not an assessed tender (PA 2023 s.50(5)(b)) and has none.
func TestBidMarksOfTendersOut(t *testing.T) {
	p := simplePolicy()
	p.Gates = []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "ins", Title: "Insurance"}}
	gated := func(id string, pass bool) score.Bid {
		b := simpleBid(id, "100", 3)
		b.Gates = map[string]criteria.GateResult{"ins": {Pass: pass, Reason: "checked"}}
		return b
	}
	d := simpleBid("D", "50", 4)
	d.Responses = nil
	d.Disregard = &score.Disregard{Ground: score.ExcludedSupplier, Reason: "a mandatory exclusion ground applies"}
	l := evalLot(t, p, gated("A", true), gated("B", false), d)

	b, _ := l.Bid("B")
	require.NotNil(t, b.Disqualified)
	require.Len(t, b.Marks(), 1, "failed the requirement after being marked")
	assert.Equal(t, "3", b.Marks()[0].Mark.String())
	out, _ := l.Bid("D")
	assert.Nil(t, out.Marks(), "a disregarded tender was not assessed")
	assert.Nil(t, score.BidResult{}.Marks(), "a BidResult the engine did not make has no record to read")
}
