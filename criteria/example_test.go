package criteria_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// The worked example of the relative method (CCS Digital Marketplace buyer
// guidance): lowest ÷ this, normalised to 1, published to three places.
func ExamplePriceRule_Assess() {
	rule := criteria.PriceRule{Method: criteria.Relative}
	var field []criteria.Quote
	for _, p := range []string{"15000", "10000", "30000"} {
		q, problems := rule.Quote(criteria.Amount(decimal.RequireFromString(p)))
		if len(problems) > 0 {
			fmt.Println(problems)
			return
		}
		field = append(field, q)
	}
	scores, err := rule.Assess(field)
	if err != nil {
		fmt.Println(err)
		return
	}
	three := exact.Rounding{Places: 3, Mode: exact.HalfUp}
	for i, a := range scores {
		fmt.Printf("%c %s → %s\n", 'A'+i, a.Input(), exact.Fixed(three.Apply(a.Value), 3))
		for _, s := range a.Working() {
			fmt.Printf("    %s (uses bids %v)\n", s.Text, s.Uses)
		}
	}
	// Output:
	// A £15,000.00 → 0.667
	//     lowest price in the field: £10,000.00 (uses bids [1])
	//     £10,000.00 ÷ £15,000.00 = 0.6666666666… (uses bids [1])
	// B £10,000.00 → 1.000
	//     this is the lowest price in the field: £10,000.00 ÷ £10,000.00 = 1 (uses bids [])
	// C £30,000.00 → 0.333
	//     lowest price in the field: £10,000.00 (uses bids [1])
	//     £10,000.00 ÷ £30,000.00 = 0.3333333333… (uses bids [1])
}

// The linear method between the lowest and highest price, with a published
// maximum budget: the bid above it scores zero and does not stretch the range.
func ExamplePriceRule_Assess_linear() {
	rule := criteria.PriceRule{
		Method:     criteria.Linear,
		MaxBudget:  decimal.RequireFromString("100000"),
		OverBudget: criteria.ScoreZeroOverBudget,
	}
	field := []criteria.Quote{
		{Price: decimal.RequireFromString("80000")},
		{Price: decimal.RequireFromString("90000")},
		{Price: decimal.RequireFromString("100000")},
		{Price: decimal.RequireFromString("150000")},
	}
	scores, err := rule.Assess(field)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rule.Describe())
	for _, a := range scores {
		fmt.Printf("%s → %s: %s\n", a.Input(), a.Value, a.Working()[len(a.Working())-1].Text)
	}
	// Output:
	// (highest price − this price) ÷ (highest price − lowest price) × marks available; equal prices all score full marks; a price above the maximum budget of £100,000.00 scores 0
	// £80,000.00 → 1: (£100,000.00 − £80,000.00) ÷ (£100,000.00 − £80,000.00) = 1
	// £90,000.00 → 0.5: (£100,000.00 − £90,000.00) ÷ (£100,000.00 − £80,000.00) = 0.5
	// £100,000.00 → 0: (£100,000.00 − £100,000.00) ÷ (£100,000.00 − £80,000.00) = 0
	// £150,000.00 → 0: £150,000.00 is above the published maximum budget of £100,000.00: scores 0
}

// The band method scores each price against a published floor and ceiling,
// whatever the other bids are.
func ExamplePriceRule_Assess_band() {
	rule := criteria.PriceRule{
		Method:  criteria.Band,
		Floor:   decimal.RequireFromString("80000"),
		Ceiling: decimal.RequireFromString("120000"),
	}
	var field []criteria.Quote
	for _, p := range []string{"75000", "90000", "125000"} {
		q, _ := rule.Quote(criteria.Amount(decimal.RequireFromString(p)))
		field = append(field, q)
	}
	scores, _ := rule.Assess(field)
	for _, a := range scores {
		fmt.Printf("%s → %s\n    %s\n", a.Input(), a.Value, a.Working()[0].Text)
	}
	// Output:
	// £75,000.00 → 1
	//     (£120,000.00 − £75,000.00) ÷ (£120,000.00 − £80,000.00) = 1.125; at or below the floor of £80,000.00, so full marks: 1
	// £90,000.00 → 0.75
	//     (£120,000.00 − £90,000.00) ÷ (£120,000.00 − £80,000.00) = 0.75
	// £125,000.00 → 0
	//     (£120,000.00 − £125,000.00) ÷ (£120,000.00 − £80,000.00) = -0.125; at or above the ceiling of £120,000.00, so no marks: 0
}

// The deduction method with rate 1: a bid 25% above the lowest loses 25% of
// the marks, and no bid goes below zero.
func ExamplePriceRule_Assess_deduction() {
	rule := criteria.PriceRule{Method: criteria.Deduction, Rate: decimal.RequireFromString("1")}
	var field []criteria.Quote
	for _, p := range []string{"40000", "50000", "100000"} {
		q, _ := rule.Quote(criteria.Amount(decimal.RequireFromString(p)))
		field = append(field, q)
	}
	scores, _ := rule.Assess(field)
	for _, a := range scores {
		fmt.Printf("%s → %s: %s\n", a.Input(), a.Value, a.Working()[len(a.Working())-1].Text)
	}
	// Output:
	// £40,000.00 → 1: this is the lowest price in the field (£40,000.00): no deduction, 1
	// £50,000.00 → 0.75: 1 − 1 × (£50,000.00 − £40,000.00) ÷ £40,000.00 = 0.75
	// £100,000.00 → 0: 1 − 1 × (£100,000.00 − £40,000.00) ÷ £40,000.00 = -0.5; not below 0, so 0
}

// A priced schedule with a whole-life cost discounted at the HM Treasury
// Green Book rate and rounded to the penny.
func ExampleSchedule_Quote() {
	s := criteria.Schedule{
		Lines: []criteria.ScheduleLine{
			{Item: "setup", Description: "transition", Quantity: decimal.RequireFromString("1"), Years: 1},
			{Item: "desk", Description: "per user per year", Quantity: decimal.RequireFromString("100"), FirstYear: 1, Years: 2},
		},
		Discount: &criteria.Discount{
			Rate:     decimal.RequireFromString("0.035"),
			Rounding: exact.Rounding{Places: 2, Mode: exact.HalfUp},
			Source:   "HM Treasury Green Book",
		},
	}
	q, problems := s.Quote(map[string]decimal.Decimal{
		"setup": decimal.RequireFromString("1000"),
		"desk":  decimal.RequireFromString("10"),
	})
	if len(problems) > 0 {
		fmt.Println(problems)
		return
	}
	fmt.Println(q.Input())
	for _, st := range q.Working() {
		fmt.Println("   ", st.Text)
	}
	// Output:
	// schedule of 2 lines totalling £3,000.00, whole-life cost £2,899.69
	//     setup: £1,000.00 × 1 × 1 year = £1,000.00
	//     desk: £10.00 × 100 × 2 years = £2,000.00
	//     schedule total £3,000.00
	//     whole-life cost at 3.5% a year: £1,000.00 + £1,000.00 ÷ 1.035^1 + £1,000.00 ÷ 1.035^2 = £2,899.6942752456…, rounded 2 dp half-up to £2,899.69
}

// A question marked by three evaluators and scored on their recorded
// consensus.
func ExampleQualityRule_Assess() {
	rule := criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
	qa, problems := rule.Assess(criteria.Marks{
		Evaluators: []criteria.EvaluatorMark{
			{Evaluator: "AB", Mark: decimal.RequireFromString("3")},
			{Evaluator: "CD", Mark: decimal.RequireFromString("4")},
			{Evaluator: "EF", Mark: decimal.RequireFromString("3")},
		},
		Consensus: &criteria.Consensus{Mark: decimal.RequireFromString("3"), Rationale: "a sound plan; the exit plan lacks dates"},
	})
	if len(problems) > 0 {
		fmt.Println(problems)
		return
	}
	fmt.Println(qa.Input(), "→", qa.Value)
	for _, s := range qa.Working() {
		fmt.Println("   ", s.Text)
	}
	fmt.Println("    because:", qa.Rationale()[0])
	// Output:
	// consensus mark 3 (Good) of 4 → 0.75
	//     evaluators' own marks: AB 3, CD 4, EF 3; agreed at moderation: 3
	//     3 ÷ 4 = 0.75
	//     because: a sound plan; the exit plan lacks dates
}

// Under the mean the mark is kept exactly, even when it does not terminate,
// and a minimum mark is checked against the exact mean.
func ExampleQualityRule_Assess_mean() {
	minMark := decimal.RequireFromString("2")
	rule := criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.MeanMark, MinMark: &minMark}
	qa, _ := rule.Assess(criteria.Marks{Evaluators: []criteria.EvaluatorMark{
		{Evaluator: "AB", Mark: decimal.RequireFromString("3"), Rationale: "sound plan, thin on risks"},
		{Evaluator: "CD", Mark: decimal.RequireFromString("4"), Rationale: "risks covered in the annex"},
		{Evaluator: "EF", Mark: decimal.RequireFromString("4"), Rationale: "evidenced at two councils"},
	}})
	fmt.Println(qa.Input())
	for _, s := range qa.Working() {
		fmt.Println("   ", s.Text)
	}
	fmt.Println("below the minimum:", qa.BelowMinimum)
	fmt.Println("to 2 dp:", exact.Rounding{Places: 2, Mode: exact.HalfUp}.Apply(qa.Value))
	// Output:
	// mean mark 3.6666666666… of 4 from 3 evaluators
	//     mean of AB 3, CD 4, EF 4: (3 + 4 + 4) ÷ 3 = 3.6666666666…
	//     3.6666666666… ÷ 4 = 0.9166666666…
	// below the minimum: false
	// to 2 dp: 0.92
}

// A pass/fail gate: a failure carries its recorded reason, and a failure
// without one is a problem to fix before scoring.
func ExampleGate_Assess() {
	g := criteria.Gate{Kind: criteria.AwardRequirement, ID: "cyber", Title: "Cyber Essentials Plus"}
	fmt.Println(g.Assess(criteria.GateResult{Pass: true, Evidence: "certificate no. 12345"}).Text)
	fmt.Println(g.Assess(criteria.GateResult{Pass: false, Reason: "certificate expired"}).Text)
	for _, p := range g.Check(criteria.GateResult{Pass: false}) {
		fmt.Println(p)
	}
	// Output:
	// Cyber Essentials Plus: passed (evidence: certificate no. 12345)
	// Cyber Essentials Plus: failed — certificate expired
	// reason: a failed gate needs its recorded reason (value (missing), rule required)
}

// The scales in common UK use, with their maximum marks and descriptors.
func ExampleScale0to4() {
	for _, s := range []criteria.Scale{criteria.Scale0to4(), criteria.Scale0to5(), criteria.Scale0to100By25(), criteria.Scale0to10Stepped()} {
		fmt.Printf("%s (max %s):", s.Name, s.Max())
		for _, l := range s.Levels {
			fmt.Printf(" %s %s;", l.Mark, l.Descriptor)
		}
		fmt.Println()
	}
	// Output:
	// 0–4 (max 4): 0 Unacceptable; 1 Poor; 2 Acceptable; 3 Good; 4 Excellent;
	// 0–5 (max 5): 0 Unacceptable; 1 Poor; 2 Weak; 3 Satisfactory; 4 Good; 5 Excellent;
	// 0/25/50/75/100 (max 100): 0 Unacceptable; 25 Poor; 50 Acceptable; 75 Good; 100 Excellent;
	// 0/2/5/8/10 (max 10): 0 Unacceptable; 2 Poor; 5 Satisfactory; 8 Good; 10 Excellent;
}

// A custom scale is checked before use.
func ExampleScale_Validate() {
	s := criteria.NewScale("0–3", criteria.Level{Mark: decimal.RequireFromString("0")},
		criteria.Level{Mark: decimal.RequireFromString("3")}, criteria.Level{Mark: decimal.RequireFromString("3.0")})
	for _, p := range s.Validate() {
		fmt.Println(p)
	}
	// Output:
	// levels[2].mark: mark already on the scale at levels[1] (value "3", rule unique)
}
