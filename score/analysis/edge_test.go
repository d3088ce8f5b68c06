package analysis_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
)

// TestAnalyseEdgeCases: fields with nothing to compare give plain answers,
// never a panic (DESIGN.md invariant 5).
func TestAnalyseEdgeCases(t *testing.T) {
	tests := []struct {
		why   string
		specs []bidSpec
		check func(t *testing.T, a analysis.LotAnalysis)
	}{
		{"one bid: it wins; no rival, no removal that reorders, no price to compare with", []bidSpec{{"A", "Alderbank Services Ltd", "500000", 3, 3, true}}, func(t *testing.T, a analysis.LotAnalysis) {
			assert.Equal(t, "A", a.Winner)
			assert.Empty(t, a.ToWin)
			assert.Empty(t, a.Sensitivity.Shifts)
			assert.Equal(t, analysis.Robust, a.Sensitivity.Robustness)
			assert.Empty(t, a.LowPrice)
		}},
		{"every bid disqualified at the gate", []bidSpec{{"A", "Alderbank Services Ltd", "500000", 3, 3, false}, {"B", "Birchmoor IT Ltd", "400000", 3, 3, false}}, func(t *testing.T, a analysis.LotAnalysis) {
			assert.Empty(t, a.ToWin)
			assert.Equal(t, analysis.NoAward, a.Sensitivity.Robustness)
		}},
		{"identical bids: the chain cannot separate them, so neither has won and each is told what it would take",
			[]bidSpec{{"A", "Alderbank Services Ltd", "500000", 3, 3, true}, {"B", "Birchmoor IT Ltd", "500000", 3, 3, true}}, func(t *testing.T, a analysis.LotAnalysis) {
				assert.Equal(t, "", a.Winner)
				require.Len(t, a.ToWin, 2)
				assert.Equal(t, "499999.99", a.ToWin[0].Price.Price.StringFixed(2), "one penny lower wins the price tie-break")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			tn, bids := fixture(criteria.Relative, tt.specs...)
			a, err := analysis.Analyse(tn, "L1", bids)
			require.NoError(t, err)
			tt.check(t, a)
		})
	}
}

// TestAnalyseNoBids: a lot with no bids cannot be evaluated, so it cannot
// be analysed; the engine's validation error comes back, naming the lot.
func TestAnalyseNoBids(t *testing.T) {
	tn, bids := fixture(criteria.Relative)
	_, err := analysis.Analyse(tn, "L1", bids)
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("lots[0]", "no-bids"))
}

func TestAnalysePriceOnly(t *testing.T) {
	// Without marked questions the marks question does not apply; without a
	// second top-level criterion no weight can move.
	tn, bids := standard()
	l := &tn.Lots[0]
	l.Policy.Criteria = l.Policy.Criteria[:1]
	l.Policy.Criteria[0].Weight = d("100")
	l.Policy.TieBreaks = nil
	for i := range bids {
		bids[i].Responses = map[string]score.Response{"price": bids[i].Responses["price"]}
	}
	a, err := analysis.Analyse(tn, "L1", bids)
	require.NoError(t, err)
	require.NotEmpty(t, a.ToWin)
	for _, w := range a.ToWin {
		assert.Equal(t, analysis.NotComputed, w.Marks.Answer)
		assert.Equal(t, analysis.Found, w.Price.Answer)
		// C (£300,000) then scores 100 × P ÷ 300,000, which must round below
		// 100.00 (no tie-break chain here): P < 299,985, so £299,984.99.
		assert.Equal(t, "299984.99", w.Price.Price.StringFixed(2))
		assert.True(t, w.Price.BecomesLowest)
	}
	assert.Contains(t, a.Sensitivity.Statement, "only one weighted top-level criterion")
}
