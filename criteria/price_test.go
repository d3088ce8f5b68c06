package criteria_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// ptDec parses a decimal literal; a typo in a test is a test bug, so it panics.
func ptDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// ptDecPtr returns a pointer to a parsed decimal.
func ptDecPtr(s string) *decimal.Decimal { d := ptDec(s); return &d }

// ptFrac builds the exact fraction num/den from literals.
func ptFrac(t testing.TB, num, den string) exact.Fraction {
	t.Helper()
	f, err := exact.NewFraction(ptDec(num), ptDec(den))
	require.NoError(t, err)
	return f
}

// ptField quotes each literal amount with rule r (no schedule), in order.
func ptField(t testing.TB, r criteria.PriceRule, prices ...string) []criteria.Quote {
	t.Helper()
	field := make([]criteria.Quote, len(prices))
	for i, p := range prices {
		q, ps := r.Quote(criteria.Amount(ptDec(p)))
		require.Empty(t, ps, "quote %s", p)
		field[i] = q
	}
	return field
}

// ptProblem is the part of a Problem a test pins down.
type ptProblem struct{ Field, Value, Rule string }

// ptProblems reduces problems to field, value and rule.
func ptProblems(ps []criteria.Problem) []ptProblem {
	out := make([]ptProblem, 0, len(ps))
	for _, p := range ps {
		out = append(out, ptProblem{p.Field, p.Value, p.Rule})
	}
	return out
}

// ptAssertFrac checks a fraction against a decimal literal exactly.
func ptAssertFrac(t *testing.T, want string, got exact.Fraction, msgAndArgs ...any) {
	t.Helper()
	assert.True(t, got.Equal(exact.Whole(ptDec(want))), "got %s, want %s %v", got, want, fmt.Sprint(msgAndArgs...))
}

// ptTexts returns the text of each step.
func ptTexts(steps []criteria.Step) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.Text
	}
	return out
}

// ptCase is one field of prices under one rule with the exact scores expected.
type ptCase struct {
	why    string
	source string // where the expected numbers come from
	rule   criteria.PriceRule
	prices []string
	// want holds each bid's exact normalised score as num/den literals.
	want [][2]string
	// notes, when set, lists the notes expected on each bid.
	notes [][]string
}

func ptRunCases(t *testing.T, tests []ptCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			require.Empty(t, tt.rule.Validate(), "the rule itself is valid")
			as, err := tt.rule.Assess(ptField(t, tt.rule, tt.prices...))
			require.NoError(t, err)
			require.Len(t, as, len(tt.want))
			for i, w := range tt.want {
				want := ptFrac(t, w[0], w[1])
				assert.True(t, as[i].Value.Equal(want), "bid %d (%s): got %s, want %s/%s [%s]", i, tt.prices[i], as[i].Value, w[0], w[1], tt.source)
				assert.Equal(t, exact.Money(ptDec(tt.prices[i])), as[i].Input(), "bid %d's input is its price", i)
				if tt.notes != nil {
					assert.Equal(t, tt.notes[i], criteria.Texts(as[i].Notes()), "bid %d notes", i)
				}
			}
		})
	}
}

func TestRelative(t *testing.T) {
	rel := criteria.PriceRule{Method: criteria.Relative}
	ptRunCases(t, []ptCase{
		{
			why:    "CCS worked example: lowest ÷ this",
			source: "docs/sources/price-formulas.md worked example (HIGH: CCS Digital Marketplace buyer guidance): 10000/15000, 10000/10000, 10000/30000",
			rule:   rel, prices: []string{"15000", "10000", "30000"},
			want: [][2]string{{"2", "3"}, {"1", "1"}, {"1", "3"}},
		},
		{
			why:    "a bid 25% above the lowest scores 1/1.25 = 0.8, not 0.75: the method is not linear",
			source: "hand: 80000/100000 = 0.8",
			rule:   rel, prices: []string{"80000", "100000"},
			want: [][2]string{{"1", "1"}, {"4", "5"}},
		},
		{
			why:    "pence are kept exactly",
			source: "hand: 999.99/1234.56 left as a fraction (99999/123456 does not terminate)",
			rule:   rel, prices: []string{"1234.56", "999.99"},
			want: [][2]string{{"999.99", "1234.56"}, {"1", "1"}},
		},
		{
			why:    "two bids tied for lowest both score 1",
			source: "hand: 50000/50000 = 1; 50000/62500 = 0.8",
			rule:   rel, prices: []string{"50000", "62500", "50000"},
			want: [][2]string{{"1", "1"}, {"4", "5"}, {"1", "1"}},
		},
		{
			why:    "one bid only scores full marks and says so",
			source: "docs/sources/price-formulas.md edge cases: one bid only gets full marks, stated in the explanation",
			rule:   rel, prices: []string{"123456.78"},
			want:  [][2]string{{"1", "1"}},
			notes: [][]string{{"only one price in the field: it is the lowest, so it scores full marks"}},
		},
	})
}

func TestRelativeWorkedExampleRoundsToThreePlaces(t *testing.T) {
	// docs/sources/price-formulas.md worked example (HIGH: CCS Digital Marketplace
	// buyer guidance): marks normalised to 1, three decimal places:
	// A £15,000 → 0.667; B £10,000 → 1.000; C £30,000 → 0.333.
	rule := criteria.PriceRule{Method: criteria.Relative}
	as, err := rule.Assess(ptField(t, rule, "15000", "10000", "30000"))
	require.NoError(t, err)
	three := exact.Rounding{Places: 3, Mode: exact.HalfUp}
	for i, want := range []string{"0.667", "1.000", "0.333"} {
		got := three.Apply(as[i].Value)
		assert.True(t, got.Equal(ptDec(want)), "bid %c: got %s want %s", 'A'+i, got, want)
		assert.Equal(t, want, exact.Fixed(got, 3), "bid %c as published", 'A'+i)
	}
	// The unrounded values are kept exactly for the audit trail.
	assert.Equal(t, "0.6666666666…", as[0].Value.String())
	assert.Equal(t, "1", as[1].Value.String())
	assert.Equal(t, "0.3333333333…", as[2].Value.String())
	assert.Equal(t, []string{"lowest price in the field: £10,000.00", "£10,000.00 ÷ £15,000.00 = 0.6666666666…"}, ptTexts(as[0].Working()))
	assert.Equal(t, []string{"this is the lowest price in the field: £10,000.00 ÷ £10,000.00 = 1"}, ptTexts(as[1].Working()))
	assert.Empty(t, criteria.Texts(as[1].Notes()), "three bids: no one-bid note")
}

func TestLinear(t *testing.T) {
	lin := criteria.PriceRule{Method: criteria.Linear}
	ptRunCases(t, []ptCase{
		{
			why:    "lowest 1, highest 0, middle in proportion",
			source: "docs/sources/price-formulas.md linear min–max: (200−150)/(200−100) = 0.5",
			rule:   lin, prices: []string{"100", "150", "200"},
			want: [][2]string{{"1", "1"}, {"1", "2"}, {"0", "1"}},
		},
		{
			why:    "the CCS prices under linear instead of relative",
			source: "hand: (30000−15000)/(30000−10000) = 15000/20000 = 0.75",
			rule:   lin, prices: []string{"15000", "10000", "30000"},
			want: [][2]string{{"3", "4"}, {"1", "1"}, {"0", "1"}},
		},
		{
			why:    "a non-terminating share stays exact",
			source: "hand: (130−110)/(130−100) = 20/30 = 2/3",
			rule:   lin, prices: []string{"100", "110", "130"},
			want: [][2]string{{"1", "1"}, {"2", "3"}, {"0", "1"}},
		},
		{
			why:    "one bid only scores full marks and says so",
			source: "docs/sources/price-formulas.md edge cases: one bid only gets full marks under min–max",
			rule:   lin, prices: []string{"5000"},
			want:  [][2]string{{"1", "1"}},
			notes: [][]string{{"only one price in the field: it scores full marks"}},
		},
		{
			why:    "all bids equal: everyone full marks, no division by zero",
			source: "docs/sources/price-formulas.md edge cases: all bids equal, everyone full marks under min–max",
			rule:   lin, prices: []string{"7500.00", "7500", "7500.0"},
			want:  [][2]string{{"1", "1"}, {"1", "1"}, {"1", "1"}},
			notes: [][]string{{"every price in the field is the same: each scores full marks"}, {"every price in the field is the same: each scores full marks"}, {"every price in the field is the same: each scores full marks"}},
		},
	})
}

func TestBand(t *testing.T) {
	band := criteria.PriceRule{Method: criteria.Band, Floor: ptDec("80000"), Ceiling: ptDec("120000")}
	ptRunCases(t, []ptCase{
		{
			why:    "inside the band in proportion; at or below the floor 1; at or above the ceiling 0",
			source: "docs/sources/price-formulas.md linear band: clamp((120000−p)/(120000−80000), 0, 1): 70000 → 1.25 → 1; 80000 → 1; 90000 → 0.75; 100000 → 0.5; 120000 → 0; 130000 → −0.25 → 0",
			rule:   band, prices: []string{"70000", "80000", "90000", "100000", "120000", "130000"},
			want: [][2]string{{"1", "1"}, {"1", "1"}, {"3", "4"}, {"1", "2"}, {"0", "1"}, {"0", "1"}},
		},
		{
			why:    "independent of the other bids: a lone bid inside the band is not given full marks",
			source: "hand: (120000−110000)/40000 = 0.25",
			rule:   band, prices: []string{"110000"},
			want:  [][2]string{{"1", "4"}},
			notes: [][]string{nil},
		},
		{
			why:    "a floor of zero is allowed",
			source: "hand: (1000−250)/(1000−0) = 0.75",
			rule:   criteria.PriceRule{Method: criteria.Band, Ceiling: ptDec("1000")}, prices: []string{"250"},
			want: [][2]string{{"3", "4"}},
		},
	})

	as, err := band.Assess(ptField(t, band, "70000", "80000", "90000", "120000", "130000"))
	require.NoError(t, err)
	assert.Equal(t, "(£120,000.00 − £70,000.00) ÷ (£120,000.00 − £80,000.00) = 1.25; at or below the floor of £80,000.00, so full marks: 1", as[0].Working()[0].Text)
	assert.Equal(t, "(£120,000.00 − £80,000.00) ÷ (£120,000.00 − £80,000.00) = 1; at or below the floor of £80,000.00, so full marks: 1", as[1].Working()[0].Text)
	assert.Equal(t, "(£120,000.00 − £90,000.00) ÷ (£120,000.00 − £80,000.00) = 0.75", as[2].Working()[0].Text)
	assert.Equal(t, "(£120,000.00 − £120,000.00) ÷ (£120,000.00 − £80,000.00) = 0; at or above the ceiling of £120,000.00, so no marks: 0", as[3].Working()[0].Text)
	assert.Equal(t, "(£120,000.00 − £130,000.00) ÷ (£120,000.00 − £80,000.00) = -0.25; at or above the ceiling of £120,000.00, so no marks: 0", as[4].Working()[0].Text)
}

func TestDeduction(t *testing.T) {
	ded := func(rate string) criteria.PriceRule {
		return criteria.PriceRule{Method: criteria.Deduction, Rate: ptDec(rate)}
	}
	ptRunCases(t, []ptCase{
		{
			why:    "rate 1: 25% above the lowest loses 25% of the marks",
			source: "docs/sources/price-formulas.md deduction: k = 1, 25% above loses 25%: 1 − (125−100)/100 = 0.75",
			rule:   ded("1"), prices: []string{"100", "125", "150"},
			want: [][2]string{{"1", "1"}, {"3", "4"}, {"1", "2"}},
		},
		{
			why:    "never below 0: 150% above the lowest at rate 1 would be −0.5",
			source: "docs/sources/price-formulas.md deduction: max(0, …); 1 − 150/100 = −0.5 → 0",
			rule:   ded("1"), prices: []string{"100", "250"},
			want: [][2]string{{"1", "1"}, {"0", "1"}},
		},
		{
			why:    "rate 0.5 halves the deduction",
			source: "hand: 1 − 0.5 × 25/100 = 0.875; 1 − 0.5 × 150/100 = 0.25",
			rule:   ded("0.5"), prices: []string{"100", "125", "250"},
			want: [][2]string{{"1", "1"}, {"7", "8"}, {"1", "4"}},
		},
		{
			why:    "rate 2: exactly 50% above reaches 0, beyond stays 0",
			source: "hand: 1 − 2 × 25/100 = 0.5; 1 − 2 × 50/100 = 0; 1 − 2 × 75/100 = −0.5 → 0",
			rule:   ded("2"), prices: []string{"100", "125", "150", "175"},
			want: [][2]string{{"1", "1"}, {"1", "2"}, {"0", "1"}, {"0", "1"}},
		},
		{
			why:    "a non-terminating deduction stays exact",
			source: "hand: 1 − (400−300)/300 = 1 − 1/3 = 2/3",
			rule:   ded("1"), prices: []string{"300", "400"},
			want: [][2]string{{"1", "1"}, {"2", "3"}},
		},
	})

	rule := ded("1")
	as, err := rule.Assess(ptField(t, rule, "100", "250"))
	require.NoError(t, err)
	assert.Equal(t, []string{"this is the lowest price in the field (£100.00): no deduction, 1"}, ptTexts(as[0].Working()))
	assert.Equal(t, []string{"lowest price in the field: £100.00", "1 − 1 × (£250.00 − £100.00) ÷ £100.00 = -0.5; not below 0, so 0"}, ptTexts(as[1].Working()))
}

func TestOverBudgetScoreZero(t *testing.T) {
	// A bid above a published maximum budget, under ScoreZeroOverBudget,
	// scores 0 and takes no part in the field; a price equal to the budget is
	// within (PriceRule.MaxBudget: "strictly greater" is over).
	withBudget := func(m criteria.PriceMethod, rate string) criteria.PriceRule {
		r := criteria.PriceRule{Method: m, MaxBudget: ptDec("100000"), OverBudget: criteria.ScoreZeroOverBudget}
		if rate != "" {
			r.Rate = ptDec(rate)
		}
		return r
	}
	ptRunCases(t, []ptCase{
		{
			why:    "linear: the over-budget bid does not stretch the range, so the bid at the budget is the highest and scores 0",
			source: "hand: range 80000–100000; if 150000 counted, 100000 would get (150000−100000)/(150000−80000) = 5/7",
			rule:   withBudget(criteria.Linear, ""), prices: []string{"80000", "100000", "150000"},
			want: [][2]string{{"1", "1"}, {"0", "1"}, {"0", "1"}},
		},
		{
			why:    "linear: with the over-budget bid out, the one left alone is the whole field",
			source: "docs/sources/price-formulas.md edge cases: one bid only gets full marks",
			rule:   withBudget(criteria.Linear, ""), prices: []string{"150000", "90000"},
			want: [][2]string{{"0", "1"}, {"1", "1"}},
			notes: [][]string{
				{"over the maximum budget: no price marks, and the price takes no part in the comparison"},
				{"only one price in the field (one price over the maximum budget takes no part): it scores full marks"},
			},
		},
		{
			why:    "relative: a lone over-budget bid is not the lowest and scores 0",
			source: "criteria.ScoreZeroOverBudget doc: never the lowest",
			rule:   withBudget(criteria.Relative, ""), prices: []string{"100000.01"},
			want: [][2]string{{"0", "1"}},
		},
		{
			why:    "relative: a price equal to the budget is within it",
			source: "hand: 90000/100000 = 0.9",
			rule:   withBudget(criteria.Relative, ""), prices: []string{"90000", "100000", "100000.01"},
			want: [][2]string{{"1", "1"}, {"9", "10"}, {"0", "1"}},
		},
		{
			why:    "deduction: the lowest is the lowest within budget",
			source: "hand: 1 − (100000−80000)/80000 = 0.75",
			rule:   withBudget(criteria.Deduction, "1"), prices: []string{"120000", "80000", "100000"},
			want: [][2]string{{"0", "1"}, {"1", "1"}, {"3", "4"}},
		},
		{
			why:    "every bid over budget: every bid scores 0, nothing divides by zero",
			source: "hand",
			rule:   withBudget(criteria.Linear, ""), prices: []string{"100001", "200000"},
			want: [][2]string{{"0", "1"}, {"0", "1"}},
		},
	})

	rule := withBudget(criteria.Relative, "")
	as, err := rule.Assess(ptField(t, rule, "90000", "150000"))
	require.NoError(t, err)
	assert.Equal(t, []string{"£150,000.00 is above the published maximum budget of £100,000.00: scores 0"}, ptTexts(as[1].Working()))
	assert.Equal(t, []string{"over the maximum budget: no price marks, and the price takes no part in the comparison"}, criteria.Texts(as[1].Notes()))
	assert.True(t, rule.IsOverBudget(ptDec("100000.01")))
	assert.False(t, rule.IsOverBudget(ptDec("100000.00")), "equal to the budget is within")
	assert.False(t, criteria.PriceRule{Method: criteria.Relative}.IsOverBudget(ptDec("1e12")), "no budget, nothing is over")
}

func TestAssessErrors(t *testing.T) {
	rel := criteria.PriceRule{Method: criteria.Relative}

	_, err := rel.Assess([]criteria.Quote{{Price: ptDec("100")}, {Price: ptDec("0")}})
	assert.ErrorContains(t, err, "field[1]: price 0 must be more than zero", "a zero price is never the best")
	_, err = rel.Assess([]criteria.Quote{{Price: ptDec("-5")}})
	assert.ErrorContains(t, err, "field[0]: price -5 must be more than zero")

	_, err = criteria.PriceRule{Method: criteria.PerQualityPoint}.Assess([]criteria.Quote{{Price: ptDec("100")}})
	assert.ErrorContains(t, err, "PricePerQualityPoint")
	_, err = criteria.PriceRule{Method: "cheapest"}.Assess([]criteria.Quote{{Price: ptDec("100")}})
	assert.ErrorContains(t, err, `unknown price method "cheapest"`)

	as, err := rel.Assess(nil)
	require.NoError(t, err)
	assert.Empty(t, as, "an empty field has nothing to score")
}

func TestAssessDoesNotChangeItsInput(t *testing.T) {
	rule := criteria.PriceRule{Method: criteria.Relative}
	sched := criteria.Schedule{Lines: []criteria.ScheduleLine{{Item: "desk", Quantity: ptDec("1"), Years: 1}}}
	qa, ps := sched.Quote(map[string]decimal.Decimal{"desk": ptDec("100")})
	require.Empty(t, ps)
	qb, ps := sched.Quote(map[string]decimal.Decimal{"desk": ptDec("200")})
	require.Empty(t, ps)
	field := []criteria.Quote{qa, qb}
	as, err := rule.Assess(field)
	require.NoError(t, err)
	assert.Equal(t, []string{"desk: £200.00 × 1 × 1 year = £200.00", "schedule total £200.00", "lowest price in the field: £100.00", "£100.00 ÷ £200.00 = 0.5"},
		ptTexts(as[1].Working()), "the quote's own working comes first")
	assert.Len(t, field[1].Working(), 2, "the quote's working is not appended to in place")
	assert.Len(t, as[1].Working(), 4, "wording twice gives the same steps")
}

func TestHalfUpAndHalfEvenOnScoredPoints(t *testing.T) {
	// docs/sources/price-formulas.md: say where and how rounding is done. In
	// exact decimal arithmetic half-up and half-even part on 2.665 (last kept
	// digit 6 is even: half-even keeps 2.66) and agree on 2.675 (7 is odd:
	// both go to 2.68). The float64 folklore that they differ on 2.675 comes
	// from 2.675 being stored as 2.67499…, which exact arithmetic never does.
	rule := criteria.PriceRule{Method: criteria.Relative}
	tests := []struct {
		why              string
		lowest, this     string
		halfUp, halfEven string
		pointsUnrounded  string
		marks            string
	}{
		{"533/1000 × 5 = 2.665 exactly: the modes differ", "533", "1000", "2.67", "2.66", "2.665", "5"},
		{"535/1000 × 5 = 2.675 exactly: the modes agree", "535", "1000", "2.68", "2.68", "2.675", "5"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			as, err := rule.Assess(ptField(t, rule, tt.lowest, tt.this))
			require.NoError(t, err)
			points := as[1].Value.MulDec(ptDec(tt.marks))
			assert.Equal(t, tt.pointsUnrounded, points.String(), "the unrounded points are exactly half-way")
			up := exact.Rounding{Places: 2, Mode: exact.HalfUp}.Apply(points)
			even := exact.Rounding{Places: 2, Mode: exact.HalfEven}.Apply(points)
			assert.True(t, up.Equal(ptDec(tt.halfUp)), "half-up: got %s want %s", up, tt.halfUp)
			assert.True(t, even.Equal(ptDec(tt.halfEven)), "half-even: got %s want %s", even, tt.halfEven)
		})
	}
}

func TestStepUsesNamesTheLowestNotTheBidItself(t *testing.T) {
	// Positions 1 and 3 tie for lowest at £10,000.
	rel := criteria.PriceRule{Method: criteria.Relative}
	as, err := rel.Assess(ptField(t, rel, "15000", "10000", "30000", "10000"))
	require.NoError(t, err)
	for _, s := range as[0].Working() {
		assert.Equal(t, []int{1, 3}, s.Uses, "bid 0's working shows the lowest price, which is bids 1 and 3's: %q", s.Text)
	}
	for _, s := range as[2].Working() {
		assert.Equal(t, []int{1, 3}, s.Uses, "bid 2: %q", s.Text)
	}
	for _, s := range as[1].Working() {
		assert.Empty(t, s.Uses, "bid 1 is a lowest price: its working shows only its own figure (%q)", s.Text)
	}
	for _, s := range as[3].Working() {
		assert.Empty(t, s.Uses, "bid 3 likewise: %q", s.Text)
	}

	// One lowest: the others' working uses that one position only.
	as, err = rel.Assess(ptField(t, rel, "12000", "10000"))
	require.NoError(t, err)
	require.Len(t, as[0].Working(), 2)
	assert.Equal(t, []int{1}, as[0].Working()[0].Uses)
	assert.Equal(t, []int{1}, as[0].Working()[1].Uses)

	// Linear shows both ends of the range.
	lin := criteria.PriceRule{Method: criteria.Linear}
	as, err = lin.Assess(ptField(t, lin, "100", "150", "200"))
	require.NoError(t, err)
	assert.Equal(t, []int{0, 2}, as[1].Working()[0].Uses, "the middle bid's working shows the lowest (0) and the highest (2)")
	assert.Equal(t, []int{2}, as[0].Working()[0].Uses, "the lowest bid's working shows only the highest")
	assert.Equal(t, []int{0}, as[2].Working()[0].Uses, "the highest bid's working shows only the lowest")
	assert.Equal(t, "(£200.00 − £150.00) ÷ (£200.00 − £100.00) = 0.5", as[1].Working()[1].Text)

	// Deduction shows the lowest.
	ded := criteria.PriceRule{Method: criteria.Deduction, Rate: ptDec("1")}
	as, err = ded.Assess(ptField(t, ded, "125", "100"))
	require.NoError(t, err)
	assert.Equal(t, []int{1}, as[0].Working()[0].Uses)
	assert.Empty(t, as[1].Working()[0].Uses)

	// Band uses nobody's figures, and an over-budget bid's figure is used by nobody.
	band := criteria.PriceRule{Method: criteria.Band, Floor: ptDec("100"), Ceiling: ptDec("200"), MaxBudget: ptDec("190"), OverBudget: criteria.ScoreZeroOverBudget}
	as, err = band.Assess(ptField(t, band, "150", "120", "195"))
	require.NoError(t, err)
	for i, a := range as {
		for _, s := range a.Working() {
			assert.Empty(t, s.Uses, "bid %d: %q", i, s.Text)
		}
	}
	lin.MaxBudget, lin.OverBudget = ptDec("190"), criteria.ScoreZeroOverBudget
	as, err = lin.Assess(ptField(t, lin, "150", "120", "195"))
	require.NoError(t, err)
	for i, a := range as {
		for _, s := range a.Working() {
			assert.NotContains(t, s.Uses, 2, "bid %d: the over-budget bid takes no part: %q", i, s.Text)
			assert.NotContains(t, s.Uses, i, "bid %d never lists itself: %q", i, s.Text)
		}
	}
}

func TestQuote(t *testing.T) {
	rule := criteria.PriceRule{Method: criteria.Relative}
	q, ps := rule.Quote(criteria.Amount(ptDec("1234.5")))
	require.Empty(t, ps)
	assert.True(t, q.Price.Equal(ptDec("1234.50")))
	assert.Equal(t, "£1,234.50", q.Input())
	assert.Empty(t, q.Working())

	sched := criteria.PriceRule{Method: criteria.Relative, Schedule: &criteria.Schedule{Lines: []criteria.ScheduleLine{{Item: "desk", Quantity: ptDec("1"), Years: 1}}}}
	tests := []struct {
		why  string
		rule criteria.PriceRule
		resp criteria.PriceResponse
		want []ptProblem
	}{
		{"zero price is an error, never the best (docs/sources/price-formulas.md edge cases)", rule, criteria.Amount(ptDec("0")), []ptProblem{{"amount", "0", "positive"}}},
		{"negative price is an error", rule, criteria.Amount(ptDec("-100")), []ptProblem{{"amount", "-100", "positive"}}},
		{"no price at all", rule, criteria.PriceResponse{}, []ptProblem{{"amount", "", "required"}}},
		{"unit prices without a schedule", rule, criteria.UnitPrices(map[string]decimal.Decimal{"desk": ptDec("1")}), []ptProblem{{"unitPrices", "", "no-schedule"}}},
		{"one amount for a schedule", sched, criteria.Amount(ptDec("100")), []ptProblem{{"amount", "100", "schedule"}}},
		{"a schedule with no unit prices", sched, criteria.PriceResponse{}, []ptProblem{{"unitPrices", "", "required"}}},
		{"more than ten decimal places", rule, criteria.Amount(ptDec("0.00000000001")), []ptProblem{{"amount", "0.00000000001", "precision"}}},
		{"fifteen digits of pounds or more", rule, criteria.Amount(ptDec("1000000000000000")), []ptProblem{{"amount", "1000000000000000", "magnitude"}}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			q, ps := tt.rule.Quote(tt.resp)
			assert.Equal(t, tt.want, ptProblems(ps))
			assert.True(t, q.Price.IsZero(), "no price comes back with a problem")
		})
	}

	q, ps = sched.Quote(criteria.UnitPrices(map[string]decimal.Decimal{"desk": ptDec("99")}))
	require.Empty(t, ps)
	assert.True(t, q.Price.Equal(ptDec("99")), "a schedule rule quotes through its schedule")
	assert.True(t, criteria.PriceResponse{}.IsZero())
	assert.False(t, criteria.Amount(ptDec("0")).IsZero(), "a zero amount is still a response")
}

func TestPriceRuleValidate(t *testing.T) {
	tests := []struct {
		why  string
		rule criteria.PriceRule
		want []ptProblem
	}{
		{"relative alone is valid", criteria.PriceRule{Method: criteria.Relative}, nil},
		{"linear alone is valid", criteria.PriceRule{Method: criteria.Linear}, nil},
		{"band with floor below ceiling is valid", criteria.PriceRule{Method: criteria.Band, Floor: ptDec("1"), Ceiling: ptDec("2")}, nil},
		{"deduction with a rate is valid", criteria.PriceRule{Method: criteria.Deduction, Rate: ptDec("1")}, nil},
		{"per quality point is a valid method", criteria.PriceRule{Method: criteria.PerQualityPoint}, nil},
		{"budget with a treatment is valid", criteria.PriceRule{Method: criteria.Relative, MaxBudget: ptDec("100000"), OverBudget: criteria.DisqualifyOverBudget}, nil},
		{"unknown method", criteria.PriceRule{Method: "cheapest"}, []ptProblem{{"method", "cheapest", "one-of"}}},
		{"missing method", criteria.PriceRule{}, []ptProblem{{"method", "", "one-of"}}},
		{"band floor equal to ceiling", criteria.PriceRule{Method: criteria.Band, Floor: ptDec("100"), Ceiling: ptDec("100")}, []ptProblem{{"ceiling", "100", "above-floor"}}},
		{"band floor above ceiling", criteria.PriceRule{Method: criteria.Band, Floor: ptDec("200"), Ceiling: ptDec("100")}, []ptProblem{{"ceiling", "100", "above-floor"}}},
		{"band with neither floor nor ceiling", criteria.PriceRule{Method: criteria.Band}, []ptProblem{{"ceiling", "0", "above-floor"}}},
		{"band negative floor", criteria.PriceRule{Method: criteria.Band, Floor: ptDec("-1"), Ceiling: ptDec("100")}, []ptProblem{{"floor", "-1", "non-negative"}}},
		{"band floor too precise", criteria.PriceRule{Method: criteria.Band, Floor: ptDec("0.00000000001"), Ceiling: ptDec("100")}, []ptProblem{{"floor", "0.00000000001", "precision"}}},
		{"floor on a non-band method", criteria.PriceRule{Method: criteria.Relative, Floor: ptDec("10")}, []ptProblem{{"floor", "10", "band-only"}}},
		{"ceiling on a non-band method names the ceiling", criteria.PriceRule{Method: criteria.Linear, Ceiling: ptDec("10")}, []ptProblem{{"ceiling", "10", "band-only"}}},
		{"deduction without a rate", criteria.PriceRule{Method: criteria.Deduction}, []ptProblem{{"rate", "0", "positive"}}},
		{"deduction with a negative rate", criteria.PriceRule{Method: criteria.Deduction, Rate: ptDec("-0.5")}, []ptProblem{{"rate", "-0.5", "positive"}}},
		{"rate on a non-deduction method", criteria.PriceRule{Method: criteria.Relative, Rate: ptDec("1")}, []ptProblem{{"rate", "1", "deduction-only"}}},
		{"budget without over-budget treatment", criteria.PriceRule{Method: criteria.Relative, MaxBudget: ptDec("100000")}, []ptProblem{{"overBudget", "", "one-of"}}},
		{"budget with an unknown treatment", criteria.PriceRule{Method: criteria.Relative, MaxBudget: ptDec("100000"), OverBudget: "ignore"}, []ptProblem{{"overBudget", "ignore", "one-of"}}},
		{"negative budget", criteria.PriceRule{Method: criteria.Relative, MaxBudget: ptDec("-1"), OverBudget: criteria.ScoreZeroOverBudget}, []ptProblem{{"maxBudget", "-1", "positive"}}},
		{"over-budget treatment without a budget", criteria.PriceRule{Method: criteria.Relative, OverBudget: criteria.ScoreZeroOverBudget}, []ptProblem{{"overBudget", "score-zero", "needs-budget"}}},
		{"schedule problems are prefixed with schedule", criteria.PriceRule{Method: criteria.Relative, Schedule: &criteria.Schedule{Lines: []criteria.ScheduleLine{{Item: "a", Quantity: ptDec("0"), Years: 1}}}},
			[]ptProblem{{"schedule.lines[0].quantity", "0", "positive"}}},
		{"every problem at once", criteria.PriceRule{Method: "bogus", Floor: ptDec("1"), Rate: ptDec("2"), MaxBudget: ptDec("5")},
			[]ptProblem{{"method", "bogus", "one-of"}, {"floor", "1", "band-only"}, {"rate", "2", "deduction-only"}, {"overBudget", "", "one-of"}}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			ps := tt.rule.Validate()
			if tt.want == nil {
				assert.Empty(t, ps)
				return
			}
			assert.Equal(t, tt.want, ptProblems(ps))
			for _, p := range ps {
				assert.NotEmpty(t, p.Message, "every problem says what to do")
			}
		})
	}
}

func TestPriceRuleDescribe(t *testing.T) {
	tests := []struct {
		why  string
		rule criteria.PriceRule
		want string
	}{
		{"relative", criteria.PriceRule{Method: criteria.Relative}, "lowest price ÷ this price × marks available"},
		{"band names its floor and ceiling", criteria.PriceRule{Method: criteria.Band, Floor: ptDec("80000"), Ceiling: ptDec("120000")},
			"(£120,000.00 − this price) ÷ (£120,000.00 − £80,000.00) × marks available, full marks at or below £80,000.00, none at or above £120,000.00"},
		{"deduction names its rate", criteria.PriceRule{Method: criteria.Deduction, Rate: ptDec("1.50")},
			"marks available × (1 − 1.5 × (this price − lowest price) ÷ lowest price), not below 0"},
		{"a budget scoring zero is stated", criteria.PriceRule{Method: criteria.Relative, MaxBudget: ptDec("100000"), OverBudget: criteria.ScoreZeroOverBudget},
			"lowest price ÷ this price × marks available; a price above the maximum budget of £100,000.00 scores 0"},
		{"a disqualifying budget is stated", criteria.PriceRule{Method: criteria.Linear, MaxBudget: ptDec("5000"), OverBudget: criteria.DisqualifyOverBudget},
			"(highest price − this price) ÷ (highest price − lowest price) × marks available; equal prices all score full marks; a price above the maximum budget of £5,000.00 is disqualified"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) { assert.Equal(t, tt.want, tt.rule.Describe()) })
	}
}

func TestPricePerQualityPoint(t *testing.T) {
	// hand: £100,000 ÷ 80 points = £1,250 per point.
	f, err := criteria.PricePerQualityPoint(ptDec("100000"), exact.Whole(ptDec("80")))
	require.NoError(t, err)
	ptAssertFrac(t, "1250", f)
	st := criteria.PricePerQualityPointStep(ptDec("100000"), exact.Whole(ptDec("80")), f)
	assert.Equal(t, "£100,000.00 ÷ 80 quality points = 1250 per point", st.Text)

	// hand: £1,000 ÷ (200/3) points = 15 exactly.
	f, err = criteria.PricePerQualityPoint(ptDec("1000"), ptFrac(t, "200", "3"))
	require.NoError(t, err)
	ptAssertFrac(t, "15", f)

	_, err = criteria.PricePerQualityPoint(ptDec("1000"), exact.Zero)
	assert.ErrorContains(t, err, "more than zero quality points")
	_, err = criteria.PricePerQualityPoint(ptDec("1000"), exact.Whole(ptDec("-1")))
	assert.Error(t, err)
}

func TestProblemString(t *testing.T) {
	p := criteria.Problem{Field: "amount", Value: "0", Rule: "positive", Message: "must be more than zero"}
	assert.Equal(t, `amount: must be more than zero (value "0", rule positive)`, p.String())
	p.Value = ""
	assert.Equal(t, `amount: must be more than zero (value (missing), rule positive)`, p.String())
	assert.Equal(t, "lots[0].price.amount", p.Prefixed("lots[0].price").Field)
	assert.Equal(t, "x[a]", criteria.Problem{Field: "[a]"}.Prefixed("x").Field)
	assert.Equal(t, "x", criteria.Problem{}.Prefixed("x").Field)
	assert.Equal(t, "amount", p.Prefixed("").Field)
}

// ptGenRule draws one of the four field methods, sometimes with a published
// maximum budget scored zero.
func ptGenRule(t *rapid.T) criteria.PriceRule {
	var r criteria.PriceRule
	switch rapid.SampledFrom([]criteria.PriceMethod{criteria.Relative, criteria.Linear, criteria.Band, criteria.Deduction}).Draw(t, "method") {
	case criteria.Relative:
		r.Method = criteria.Relative
	case criteria.Linear:
		r.Method = criteria.Linear
	case criteria.Band:
		floor := rapid.Int64Range(0, 500_000).Draw(t, "floor")
		width := rapid.Int64Range(1, 500_000).Draw(t, "width")
		r = criteria.PriceRule{Method: criteria.Band, Floor: decimal.NewFromInt(floor), Ceiling: decimal.NewFromInt(floor + width)}
	case criteria.Deduction:
		r = criteria.PriceRule{Method: criteria.Deduction, Rate: ptDec(rapid.SampledFrom([]string{"0.25", "0.5", "1", "1.5", "2", "3"}).Draw(t, "rate"))}
	}
	if rapid.Bool().Draw(t, "budget") {
		r.MaxBudget = decimal.New(rapid.Int64Range(1, 100_000_000).Draw(t, "maxBudget"), -2)
		r.OverBudget = criteria.ScoreZeroOverBudget
	}
	return r
}

// ptGenPrice draws a price in pence from 1p to £1,000,000.00.
func ptGenPrice(t *rapid.T, label string) decimal.Decimal {
	return decimal.New(rapid.Int64Range(1, 100_000_000).Draw(t, label), -2)
}

func ptGenField(t *rapid.T) []criteria.Quote {
	n := rapid.IntRange(1, 8).Draw(t, "bids")
	field := make([]criteria.Quote, n)
	for i := range field {
		if i > 0 && rapid.Bool().Draw(t, fmt.Sprintf("tie%d", i)) {
			field[i] = field[rapid.IntRange(0, i-1).Draw(t, fmt.Sprintf("tieWith%d", i))]
			continue
		}
		p := ptGenPrice(t, fmt.Sprintf("price%d", i))
		field[i] = criteria.Quote{Price: p}
	}
	return field
}

func TestPropertyLowerPriceNeverScoresLess(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rule := ptGenRule(t)
		field := ptGenField(t)
		j := rapid.IntRange(0, len(field)-1).Draw(t, "bid")
		before, err := rule.Assess(field)
		if err != nil {
			t.Fatalf("assess: %v", err)
		}
		lower := slices.Clone(field)
		cut := rapid.Int64Range(0, field[j].Price.Shift(2).IntPart()-1).Draw(t, "cutPence")
		lower[j].Price = field[j].Price.Sub(decimal.New(cut, -2))
		after, err := rule.Assess(lower)
		if err != nil {
			t.Fatalf("assess: %v", err)
		}
		if after[j].Value.Cmp(before[j].Value) < 0 {
			t.Fatalf("%s: bid %d lowered from %s to %s scored %s, less than %s",
				rule.Describe(), j, field[j].Price, lower[j].Price, after[j].Value, before[j].Value)
		}
	})
}

func TestPropertyScoresWithinZeroAndOne(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rule := ptGenRule(t)
		field := ptGenField(t)
		as, err := rule.Assess(field)
		if err != nil {
			t.Fatalf("assess: %v", err)
		}
		if len(as) != len(field) {
			t.Fatalf("%d assessments for %d bids", len(as), len(field))
		}
		for i, a := range as {
			if a.Value.Sign() < 0 || a.Value.Cmp(exact.One) > 0 {
				t.Fatalf("%s: bid %d (%s) scored %s, outside [0, 1]", rule.Describe(), i, field[i].Price, a.Value)
			}
			if rule.IsOverBudget(field[i].Price) && !a.Value.IsZero() {
				t.Fatalf("bid %d over budget scored %s", i, a.Value)
			}
		}
	})
}

func TestPropertyOrderOfFieldDoesNotMatter(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rule := ptGenRule(t)
		field := ptGenField(t)
		idx := make([]int, len(field))
		for i := range idx {
			idx[i] = i
		}
		perm := rapid.Permutation(idx).Draw(t, "order")
		shuffled := make([]criteria.Quote, len(field))
		for k, i := range perm {
			shuffled[k] = field[i]
		}
		as, err := rule.Assess(field)
		if err != nil {
			t.Fatalf("assess: %v", err)
		}
		bs, err := rule.Assess(shuffled)
		if err != nil {
			t.Fatalf("assess: %v", err)
		}
		for k, i := range perm {
			if !bs[k].Value.Equal(as[i].Value) {
				t.Fatalf("%s: bid %d (%s) scored %s in the original order, %s at position %d",
					rule.Describe(), i, field[i].Price, as[i].Value, bs[k].Value, k)
			}
			if !slices.Equal(criteria.Texts(as[i].Notes()), criteria.Texts(bs[k].Notes())) {
				t.Fatalf("bid %d notes differ by order: %q vs %q", i, criteria.Texts(as[i].Notes()), criteria.Texts(bs[k].Notes()))
			}
		}
	})
}
