package criteria_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// TestPriceSolvedByHand checks each method solved for a price against
// figures worked by hand from the formulas in docs/sources/price-formulas.md.
func TestPriceSolvedByHand(t *testing.T) {
	w := func(s string) exact.Fraction { return exact.Whole(ptDec(s)) }
	tests := []struct {
		why   string
		rule  criteria.PriceRule
		score exact.Fraction
		// own price in a field spanning lo–hi; the lowest that scores price p
		lo, hi, p string
		at        string // PriceAt(score, lo, hi)
		lowest    string // LowestAt(score, p, hi)
	}{
		{"relative: 100,000 ÷ P = 0.8 at P = 125,000; the lowest at which 150,000 scores 0.8 is 120,000",
			criteria.PriceRule{Method: criteria.Relative}, w("0.8"), "100000", "200000", "150000", "125000", "120000"},
		{"linear: (200,000 − P) ÷ 100,000 = 0.25 at P = 175,000; (200,000 − 150,000) ÷ (200,000 − L) = 0.25 at L = 0",
			criteria.PriceRule{Method: criteria.Linear}, w("0.25"), "100000", "200000", "150000", "175000", "0"},
		{"deduction at rate 2: 1 − 2 × (P − 100,000) ÷ 100,000 = 0.5 at P = 125,000; 1 − 2 × (150,000 − L) ÷ L = 0.5 at L = 2 × 150,000 ÷ 2.5 = 120,000",
			criteria.PriceRule{Method: criteria.Deduction, Rate: ptDec("2")}, w("0.5"), "100000", "200000", "150000", "125000", "120000"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			at, ok := tt.rule.PriceAt(tt.score, w(tt.lo), w(tt.hi))
			require.True(t, ok)
			assert.Equal(t, tt.at, at.String())
			lowest, ok := tt.rule.LowestAt(tt.score, w(tt.p), w(tt.hi))
			require.True(t, ok)
			assert.Equal(t, tt.lowest, lowest.String())
		})
	}
	band := criteria.PriceRule{Method: criteria.Band, Floor: ptDec("50000"), Ceiling: ptDec("150000")}
	at, ok := band.PriceAt(w("0.4"), exact.Zero, exact.Zero)
	require.True(t, ok)
	assert.Equal(t, "110000", at.String(), "band: (150,000 − P) ÷ 100,000 = 0.4 at P = 110,000, whatever the field")
	_, ok = band.LowestAt(w("0.4"), w("1"), w("2"))
	assert.False(t, ok, "a band is not drawn from the field")
	_, ok = criteria.PriceRule{Method: criteria.Relative}.PriceAt(exact.Zero, w("1"), w("2"))
	assert.False(t, ok, "no relative price scores 0")
	_, ok = criteria.PriceRule{Method: criteria.Linear}.LowestAt(w("0.5"), w("2"), w("2"))
	assert.False(t, ok, "the highest price scores 0 under linear, whatever the lowest")
}

// TestPriceSolvedScoresWhatWasAsked checks that each solved price scores
// the score it was solved for, as Assess scores it, on random fields and
// scores, under every method that has a solution.
func TestPriceSolvedScoresWhatWasAsked(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rule := criteria.PriceRule{Method: rapid.SampledFrom([]criteria.PriceMethod{criteria.Relative, criteria.Linear, criteria.Band, criteria.Deduction}).Draw(t, "method")}
		switch rule.Method {
		case criteria.Band:
			rule.Floor, rule.Ceiling = decimal.NewFromInt(20000), decimal.NewFromInt(80000)
		case criteria.Deduction:
			rule.Rate = decimal.New(rapid.Int64Range(1, 300).Draw(t, "rate"), -2)
		}
		lo := rapid.Int64Range(1000, 50000).Draw(t, "lo")
		hi := lo + rapid.Int64Range(1, 50000).Draw(t, "spread")
		num := rapid.Int64Range(1, 1000).Draw(t, "num")
		s, _ := exact.NewFraction(decimal.NewFromInt(num), decimal.NewFromInt(1000))
		loF, hiF := exact.Int(lo), exact.Int(hi)
		// The bid's own price, inside the field's span (relative and deduction
		// prices may lie above the highest).
		if p, ok := rule.PriceAt(s, loF, hiF); ok {
			if got := rule.ScoreIn(p, loF, hiF); !got.Equal(s) {
				t.Fatalf("%s: PriceAt(%s) = %s scores %s", rule.Method, s, p, got)
			}
		}
		// Another bid's price between lo and hi, and the lowest that makes it
		// score s.
		q := exact.Int(lo + rapid.Int64Range(0, hi-lo).Draw(t, "q"))
		if l, ok := rule.LowestAt(s, q, hiF); ok {
			if l.Cmp(q) > 0 {
				t.Fatalf("%s: LowestAt(%s, %s) = %s is above the price", rule.Method, s, q, l)
			}
			if got := rule.ScoreIn(q, l, hiF); !got.Equal(s) {
				t.Fatalf("%s: LowestAt(%s, %s) = %s scores it %s", rule.Method, s, q, l, got)
			}
		}
	})
}

// TestScoreInIsAssess checks that the score without a record is the score
// Assess gives, on random fields with and without a maximum budget.
func TestScoreInIsAssess(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rule := criteria.PriceRule{Method: rapid.SampledFrom([]criteria.PriceMethod{criteria.Relative, criteria.Linear, criteria.Band, criteria.Deduction}).Draw(t, "method")}
		switch rule.Method {
		case criteria.Band:
			rule.Floor, rule.Ceiling = decimal.NewFromInt(20000), decimal.NewFromInt(80000)
		case criteria.Deduction:
			rule.Rate = decimal.NewFromInt(1)
		}
		if rapid.Bool().Draw(t, "budget") {
			rule.MaxBudget, rule.OverBudget = decimal.NewFromInt(70000), criteria.ScoreZeroOverBudget
		}
		var field []criteria.Quote
		for i := range rapid.IntRange(1, 6).Draw(t, "n") {
			q, ps := rule.Quote(criteria.Amount(decimal.New(rapid.Int64Range(1000, 10000).Draw(t, "p"), 1)))
			require.Empty(t, ps, "quote %d", i)
			field = append(field, q)
		}
		as, err := rule.Assess(field)
		require.NoError(t, err)
		var lo, hi *exact.Fraction
		for _, q := range field {
			if p := q.Exact(); !rule.IsOverBudget(q.Price) {
				if lo == nil || p.Cmp(*lo) < 0 {
					lo = &p
				}
				if hi == nil || p.Cmp(*hi) > 0 {
					hi = &p
				}
			}
		}
		for i, q := range field {
			if rule.IsOverBudget(q.Price) {
				continue
			}
			if got := rule.ScoreIn(q.Exact(), *lo, *hi); !got.Equal(as[i].Value) {
				t.Fatalf("%s: ScoreIn %s, Assess %s", q.Price, got, as[i].Value)
			}
		}
	})
}
