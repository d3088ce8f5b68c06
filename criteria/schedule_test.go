package criteria_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// ptUnits builds a unit-price map from item, price literal pairs.
func ptUnits(kv ...string) map[string]decimal.Decimal {
	m := make(map[string]decimal.Decimal, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = ptDec(kv[i+1])
	}
	return m
}

// ptServiceDesk is a three-line schedule: a one-off set-up in year 0, a
// per-user monthly charge over three years, and a per-ticket rate.
func ptServiceDesk() criteria.Schedule {
	return criteria.Schedule{Lines: []criteria.ScheduleLine{
		{Item: "setup", Description: "transition and set-up", Quantity: ptDec("1"), Years: 1},
		{Item: "desk", Description: "service desk, per user per month", Quantity: ptDec("6000"), Years: 3},
		{Item: "ticket", Description: "out-of-hours ticket", Quantity: ptDec("250"), FirstYear: 1, Years: 2},
	}}
}

func TestScheduleTotals(t *testing.T) {
	tests := []struct {
		why   string
		units map[string]decimal.Decimal
		want  string // Σ unit price × quantity × years, by hand
	}{
		{"every line priced", ptUnits("setup", "5000", "desk", "2.50", "ticket", "12.40"),
			// 5000×1×1 + 2.50×6000×3 + 12.40×250×2 = 5000 + 45000 + 6200
			"56200"},
		{"an item included at no charge", ptUnits("setup", "0", "desk", "2.50", "ticket", "12.40"),
			// 0 + 45000 + 6200
			"51200"},
		{"a unit rate with more than two places is kept exactly", ptUnits("setup", "0", "desk", "0.0035", "ticket", "0"),
			// 0.0035 × 6000 × 3 = 63
			"63"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			q, ps := ptServiceDesk().Quote(tt.units)
			require.Empty(t, ps)
			assert.True(t, q.Price.Equal(ptDec(tt.want)), "got %s want %s", q.Price, tt.want)
			assert.Equal(t, "schedule of 3 lines totalling "+exact.Money(ptDec(tt.want)), q.Input())
		})
	}

	q, _ := ptServiceDesk().Quote(ptUnits("setup", "5000", "desk", "2.50", "ticket", "12.40"))
	assert.Equal(t, []string{
		"setup: £5,000.00 × 1 × 1 year = £5,000.00",
		"desk: £2.50 × 6,000 × 3 years = £45,000.00",
		"ticket: £12.40 × 250 × 2 years = £6,200.00",
		"schedule total £56,200.00",
	}, ptTexts(q.Working()))
	for _, s := range q.Working() {
		assert.Empty(t, s.Uses, "a bid's own schedule uses no one else's figures")
	}
}

func TestScheduleQuoteProblems(t *testing.T) {
	tests := []struct {
		why   string
		units map[string]decimal.Decimal
		want  []ptProblem
	}{
		{"no unit prices", nil, []ptProblem{{"unitPrices", "", "required"}}},
		{"an unpriced line", ptUnits("setup", "5000", "desk", "2.50"), []ptProblem{{"unitPrices[ticket]", "", "required"}}},
		{"an unknown item", ptUnits("setup", "5000", "desk", "2.50", "ticket", "1", "printer", "300"), []ptProblem{{"unitPrices[printer]", "300", "known-item"}}},
		{"a negative unit price", ptUnits("setup", "-5000", "desk", "2.50", "ticket", "1"), []ptProblem{{"unitPrices[setup]", "-5000", "non-negative"}}},
		{"a unit price too precise", ptUnits("setup", "1", "desk", "0.00000000001", "ticket", "1"), []ptProblem{{"unitPrices[desk]", "0.00000000001", "precision"}}},
		{"all-zero total is an error, never the best price (docs/sources/price-formulas.md edge cases)", ptUnits("setup", "0", "desk", "0", "ticket", "0"), []ptProblem{{"unitPrices", "0", "positive"}}},
		{"every problem at once, in line order then unknown items sorted", ptUnits("desk", "-1", "zz", "1", "aa", "2"),
			[]ptProblem{{"unitPrices[setup]", "", "required"}, {"unitPrices[desk]", "-1", "non-negative"}, {"unitPrices[ticket]", "", "required"}, {"unitPrices[aa]", "2", "known-item"}, {"unitPrices[zz]", "1", "known-item"}}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			q, ps := ptServiceDesk().Quote(tt.units)
			assert.Equal(t, tt.want, ptProblems(ps))
			assert.True(t, q.Price.IsZero())
		})
	}
}

func TestScheduleWholeLifeCost(t *testing.T) {
	greenBook := func(r exact.Rounding) *criteria.Discount {
		return &criteria.Discount{Rate: ptDec("0.035"), Rounding: r, Source: "HM Treasury Green Book (docs/sources/price-formulas.md: MED)"}
	}
	penny := exact.Rounding{Places: 2, Mode: exact.HalfUp}

	// £1,000 in year 0, then £1,000 a year in years 1 and 2, at 3.5%:
	//   1000 + 1000/1.035 + 1000/1.035²
	// = 1000 + 200000/207 + 40000000/42849          (1.035² = 1.071225)
	// = 1000 + 966.18357487922705… + 933.51070036640294…
	// = 124249000/42849 = 2899.69427524563000303…  (Python fractions.Fraction)
	// → £2,899.69 to the penny, half-up (the third place is 4).
	twoLines := criteria.Schedule{
		Lines: []criteria.ScheduleLine{
			{Item: "setup", Quantity: ptDec("1"), FirstYear: 0, Years: 1},
			{Item: "support", Quantity: ptDec("1"), FirstYear: 1, Years: 2},
		},
		Discount: greenBook(penny),
	}
	q, ps := twoLines.Quote(ptUnits("setup", "1000", "support", "1000"))
	require.Empty(t, ps)
	assert.True(t, q.Price.Equal(ptDec("2899.69")), "got %s", q.Price)
	assert.Equal(t, "schedule of 2 lines totalling £3,000.00, whole-life cost £2,899.69", q.Input())
	assert.Equal(t, []string{
		"setup: £1,000.00 × 1 × 1 year = £1,000.00",
		"support: £1,000.00 × 1 × 2 years = £2,000.00",
		"schedule total £3,000.00",
		"whole-life cost at 3.5% a year: £1,000.00 + £1,000.00 ÷ 1.035^1 + £1,000.00 ÷ 1.035^2 = £2,899.6942752456…, rounded 2 dp half-up to £2,899.69",
	}, ptTexts(q.Working()))

	// The same cash flows as one line running years 0–2 give the same cost.
	oneLine := criteria.Schedule{
		Lines:    []criteria.ScheduleLine{{Item: "service", Quantity: ptDec("1"), Years: 3}},
		Discount: greenBook(penny),
	}
	q, ps = oneLine.Quote(ptUnits("service", "1000"))
	require.Empty(t, ps)
	assert.True(t, q.Price.Equal(ptDec("2899.69")), "got %s", q.Price)

	// Rounding is applied as declared. At 60% a year:
	//   1000 + 1000/1.6 + 1000/2.56 = 1000 + 625 + 390.625 = 2015.625 exactly,
	// half-way between two pennies: half-up 2015.63, half-even 2015.62
	// (2 is even), down 2015.62, up 2015.63.
	for _, tt := range []struct {
		mode exact.Mode
		want string
	}{
		{exact.HalfUp, "2015.63"}, {exact.HalfEven, "2015.62"}, {exact.Down, "2015.62"}, {exact.Up, "2015.63"},
	} {
		s := criteria.Schedule{
			Lines:    []criteria.ScheduleLine{{Item: "service", Quantity: ptDec("1"), Years: 3}},
			Discount: &criteria.Discount{Rate: ptDec("0.6"), Rounding: exact.Rounding{Places: 2, Mode: tt.mode}},
		}
		require.Empty(t, s.Validate())
		q, ps := s.Quote(ptUnits("service", "1000"))
		require.Empty(t, ps)
		assert.True(t, q.Price.Equal(ptDec(tt.want)), "%s: got %s want %s", tt.mode, q.Price, tt.want)
	}

	// Whole pounds: 2899.694… rounds to 2900 half-up (the first place is 6).
	pounds := oneLine
	pounds.Discount = greenBook(exact.Rounding{Places: 0, Mode: exact.HalfUp})
	q, _ = pounds.Quote(ptUnits("service", "1000"))
	assert.True(t, q.Price.Equal(ptDec("2900")), "got %s", q.Price)

	// A zero rate discounts nothing: the whole-life cost is the total.
	flat := oneLine
	flat.Discount = &criteria.Discount{Rate: ptDec("0"), Rounding: penny}
	q, _ = flat.Quote(ptUnits("service", "1000"))
	assert.True(t, q.Price.Equal(ptDec("3000")), "got %s", q.Price)

	// A whole-life cost that rounds to nothing is an error: 0.001 in year 0
	// is £0.00 to the penny, half-up (0.001 < 0.005).
	tiny := criteria.Schedule{Lines: []criteria.ScheduleLine{{Item: "x", Quantity: ptDec("1"), Years: 1}}, Discount: greenBook(penny)}
	_, ps = tiny.Quote(ptUnits("x", "0.001"))
	assert.Equal(t, []ptProblem{{"unitPrices", "0", "positive"}}, ptProblems(ps))
}

func TestScheduleValidate(t *testing.T) {
	line := func(item, qty string, first, years int) criteria.ScheduleLine {
		return criteria.ScheduleLine{Item: item, Quantity: ptDec(qty), FirstYear: first, Years: years}
	}
	penny := exact.Rounding{Places: 2, Mode: exact.HalfUp}
	tests := []struct {
		why  string
		s    criteria.Schedule
		want []ptProblem
	}{
		{"a good schedule", ptServiceDesk(), nil},
		{"a good whole-life schedule", criteria.Schedule{Lines: []criteria.ScheduleLine{line("a", "1", 0, 50)}, Discount: &criteria.Discount{Rate: ptDec("0.035"), Rounding: penny}}, nil},
		{"no lines", criteria.Schedule{}, []ptProblem{{"lines", "", "required"}}},
		{"a line without an item", criteria.Schedule{Lines: []criteria.ScheduleLine{line("", "1", 0, 1)}}, []ptProblem{{"lines[0].item", "", "required"}}},
		{"a duplicate item", criteria.Schedule{Lines: []criteria.ScheduleLine{line("a", "1", 0, 1), line("a", "2", 0, 1)}}, []ptProblem{{"lines[1].item", "a", "unique"}}},
		{"a zero quantity", criteria.Schedule{Lines: []criteria.ScheduleLine{line("a", "0", 0, 1)}}, []ptProblem{{"lines[0].quantity", "0", "positive"}}},
		{"a negative first year", criteria.Schedule{Lines: []criteria.ScheduleLine{line("a", "1", -1, 1)}}, []ptProblem{{"lines[0].firstYear", "-1", "non-negative"}}},
		{"zero years", criteria.Schedule{Lines: []criteria.ScheduleLine{line("a", "1", 0, 0)}}, []ptProblem{{"lines[0].years", "0", "at-least-1"}}},
		{"past year 50", criteria.Schedule{Lines: []criteria.ScheduleLine{line("a", "1", 10, 41)}}, []ptProblem{{"lines[0].years", "41", "max-years"}}},
		{"a discount rate of 100%", criteria.Schedule{Lines: []criteria.ScheduleLine{line("a", "1", 0, 1)}, Discount: &criteria.Discount{Rate: ptDec("1"), Rounding: penny}}, []ptProblem{{"discount.rate", "1", "range"}}},
		{"a negative discount rate", criteria.Schedule{Lines: []criteria.ScheduleLine{line("a", "1", 0, 1)}, Discount: &criteria.Discount{Rate: ptDec("-0.01"), Rounding: penny}}, []ptProblem{{"discount.rate", "-0.01", "range"}}},
		{"a discount without a rounding", criteria.Schedule{Lines: []criteria.ScheduleLine{line("a", "1", 0, 1)}, Discount: &criteria.Discount{Rate: ptDec("0.035")}}, []ptProblem{{"discount.rounding", "", "rounding"}}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			ps := tt.s.Validate()
			if tt.want == nil {
				assert.Empty(t, ps)
				return
			}
			assert.Equal(t, tt.want, ptProblems(ps))
		})
	}
}

func TestScheduleDescribe(t *testing.T) {
	assert.Equal(t, "the total of a 3-line schedule: unit price × estimated quantity × years", ptServiceDesk().Describe())
	s := ptServiceDesk()
	s.Discount = &criteria.Discount{Rate: ptDec("0.035"), Rounding: exact.Rounding{Places: 2, Mode: exact.HalfUp}}
	assert.Equal(t, "the whole-life cost of a 3-line schedule, each year's cost divided by (1 + 0.035)^year (year 0 undiscounted), rounded 2 dp half-up", s.Describe())
}
