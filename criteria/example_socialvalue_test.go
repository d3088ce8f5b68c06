package criteria_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
)

// The living wage in force in London on the day a procurement commenced,
// under each rule: between an autumn announcement and the following May the
// two rules differ.
func ExampleRateTable_ForRegion() {
	rates := criteria.LivingWageRates()
	commenced := date.On(2026, time.February, 4)
	for _, rule := range []criteria.RateRule{criteria.RateImplementBy, criteria.RateAnnounced} {
		a, err := rates.ForRegion(criteria.London, commenced, rule)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(a)
	}
	_, err := rates.ForRegion(criteria.London, date.On(2027, time.June, 1), criteria.RateImplementBy)
	fmt.Println(err)
	// Output:
	// London Living Wage £13.85 an hour in London on 4 February 2026 (the rate employers must pay by that date: announced 23 October 2024, to be paid by 1 May 2025)
	// London Living Wage £14.80 an hour in London on 4 February 2026 (the rate announced most recently on or before that date: announced 22 October 2025, to be paid by 1 May 2026) [unverified: implement-by day 1 May 2026 is presumed, not confirmed]
	// no London Living Wage rate for 2027-06-01 under the rule "implement-by": the table's latest row counts from 2026-05-01 and rates are set every year, so it answers only for dates before 2027-05-01; add the later rate with RateTable.With
}

// Next year's rate is added by the caller, without a new release. The figures
// here are invented for the example.
func ExampleRateTable_With() {
	rates := criteria.LivingWageRates().With(criteria.Rate{
		Scheme: criteria.LondonLivingWage, Hourly: decimal.RequireFromString("15.50"),
		Announced: date.On(2026, time.October, 20), ImplementBy: date.On(2027, time.May, 1),
		Confidence: criteria.ConfidenceLow, Source: "example: invented figures", Note: "not a real rate",
	})
	fmt.Println(len(rates.Validate()), "problems")
	a, err := rates.ForRegion(criteria.London, date.On(2026, time.November, 2), criteria.RateAnnounced)
	fmt.Println(a.Rate.Hourly, err)
	// Output:
	// 0 problems
	// 15.5 <nil>
}

// The annual cost of moving ten full-time cleaners from the National Living
// Wage to the London Living Wage, at 1,950 hours a year each.
func ExampleUpliftCost() {
	cost, working, err := criteria.UpliftCost(decimal.NewFromInt(10), decimal.RequireFromString("12.71"), decimal.RequireFromString("14.80"))
	fmt.Println(cost.StringFixed(2), err)
	fmt.Println(working.Text)
	fmt.Println(criteria.AnnualPay(decimal.RequireFromString("14.80")).StringFixed(2))
	// Output:
	// 40755.00 <nil>
	// 10 FTE × (£14.80 − £12.71) × 1,950 hours = £40,755.00 a year
	// 28860.00
}

// A London Living Wage gate like Croydon's Good Employer Charter: the
// decision is computed from the bid's commitment and the rate in force.
func ExampleLivingWageGate() {
	gate := criteria.LivingWageGate{Kind: criteria.AwardRequirement, ID: "llw", Title: "London Living Wage", Region: criteria.London,
		Rule: criteria.RateImplementBy, MinAccreditation: criteria.WorkingTowards,
		Source: "Croydon Good Employer Charter"}
	rates := criteria.LivingWageRates()
	commenced := date.On(2026, time.February, 4)

	ok := criteria.LivingWageCommitment{AtLeastApplicable: true, IncludesContractedStaff: true, Accreditation: criteria.Accredited}
	low := decimal.RequireFromString("13.50")
	short := criteria.LivingWageCommitment{HourlyRate: &low, IncludesContractedStaff: true, Accreditation: criteria.WorkingTowards}
	for _, c := range []criteria.LivingWageCommitment{ok, short} {
		a, err := gate.Assess(c, rates, commenced)
		fmt.Println(a.Pass, err)
		fmt.Println(a.Text)
	}
	// Output:
	// true <nil>
	// London Living Wage: passed. Commitment: at least the applicable living wage to everyone working on the contract, including regularly contracted staff; accredited. Applicable rate: London Living Wage £13.85 an hour in London on 4 February 2026 (the rate employers must pay by that date: announced 23 October 2024, to be paid by 1 May 2025)
	// false <nil>
	// London Living Wage: failed — the committed £13.50 an hour is below the applicable £13.85. Commitment: at least £13.50 an hour to everyone working on the contract, including regularly contracted staff; working towards accreditation. Applicable rate: London Living Wage £13.85 an hour in London on 4 February 2026 (the rate employers must pay by that date: announced 23 October 2024, to be paid by 1 May 2025)
}

// The scored variant: marks for the committed hourly rate against the
// applicable living wage, full marks at 10% above it.
func ExampleLivingWageRule() {
	rule := criteria.LivingWageRule{Method: criteria.ScoreHourlyRate, Region: criteria.London, Rule: criteria.RateImplementBy,
		AtRate: decimal.RequireFromString("0.5"), Premium: decimal.RequireFromString("0.1")}
	fmt.Println(rule.Describe())
	rate := decimal.RequireFromString("14.54")
	a, err := rule.Assess(criteria.LivingWageCommitment{HourlyRate: &rate, IncludesContractedStaff: true, Accreditation: criteria.NotAccredited},
		criteria.LivingWageRates(), date.On(2026, time.February, 4))
	fmt.Println(a.Value, err)
	for _, s := range a.Working()[1:] {
		fmt.Println(s.Text)
	}
	// Output:
	// the lowest hourly rate committed to anyone working on the contract, including regularly contracted staff, against the London Living Wage (London, the rate employers must pay by that date): below it 0; at it 0.5 of the marks; rising linearly to full marks at 10% above it
	// 0.7490974729… <nil>
	// (£14.54 − £13.85) ÷ (10% × £13.85) = 0.4981949458…
	// 0.5 + (1 − 0.5) × 0.4981949458… = 0.7490974729…
}

// The scored variant by accreditation status.
func ExampleLivingWageRule_accreditation() {
	rule := criteria.LivingWageRule{Method: criteria.ScoreAccreditation, Shares: &criteria.AccreditationShares{
		Accredited: decimal.NewFromInt(1), WorkingTowards: decimal.RequireFromString("0.6"), None: decimal.Zero}}
	a, err := rule.Assess(criteria.LivingWageCommitment{AtLeastApplicable: true, IncludesContractedStaff: true, Accreditation: criteria.WorkingTowards},
		criteria.RateTable{}, date.Date{})
	fmt.Println(a.Value, err, a.Working()[0].Text)
	// Output:
	// 0.6 <nil> working towards accreditation: 0.6 of the marks
}

// A buyer's catalogue is loaded from its own file; every problem names its
// row and column.
func ExampleLoadCatalogueCSV() {
	f, err := os.Open("testdata/sample-catalogue.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	cat, err := criteria.LoadCatalogueCSV(f)
	fmt.Println(len(cat.Measures), "measures", err)
	m, _ := cat.Measure("FX-APPR-01")
	fmt.Println(m.Code, m.Description, m.Unit, m.Proxy, m.Year)

	_, err = criteria.LoadCatalogueCSV(strings.NewReader(
		"code,description,unit,proxy,source,year\n" +
			"FX-A,Apprenticeship starts,apprenticeship start,,fictional,2026\n" +
			"FX-A,Apprenticeship starts,apprenticeship start,2000,fictional,2026\n"))
	fmt.Println(err)
	// Output:
	// 10 measures <nil>
	// FX-APPR-01 Apprenticeship starts on the contract apprenticeship start 2000 2026
	// catalogue CSV: 2 problems
	//   row 2, column proxy: a measure needs a £ proxy value per unit (value (missing), rule required)
	//   row 3, column code: code already used in row 2 (value "FX-A", rule unique)
}

// A bid's commitments valued at the catalogue's proxies, with employment in
// FTE-years.
func ExampleCatalogue_Value() {
	f, _ := os.Open("testdata/sample-catalogue.json")
	defer f.Close()
	cat, err := criteria.LoadCatalogueJSON(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	fte, years, starts := decimal.RequireFromString("12.5"), decimal.NewFromInt(2), decimal.NewFromInt(6)
	v, problems := cat.Value([]criteria.Commitment{
		{Measure: "FX-JOBS-01", FTE: &fte, Years: &years},
		{Measure: "FX-APPR-01", Quantity: &starts},
	}, nil)
	for _, l := range v.Lines {
		fmt.Println(l.Text)
	}
	fmt.Println("total", v.Total, problems)
	// Output:
	// FX-JOBS-01 Local people employed on the contract: 12.5 FTE × 2 years = 25 FTE-years × £10,000.00 = £250,000.00
	// FX-APPR-01 Apprenticeship starts on the contract: 6 apprenticeship starts × £2,000.00 = £12,000.00
	// total 262000 []
}

// Apprenticeship starts scored relative to the best offer: on a criterion
// worth 5 marks the engine turns 0.75 into 5 × 6 ÷ 8 = 3.75 points.
func ExampleSocialValueRule() {
	f, _ := os.Open("testdata/sample-catalogue.csv")
	defer f.Close()
	cat, _ := criteria.LoadCatalogueCSV(f)
	rule := criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisQuantity,
		Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.DisregardUnsupported}
	fmt.Println(rule.Describe())
	starts := func(n int64, statement string) criteria.SocialValueResponse {
		q := decimal.NewFromInt(n)
		return criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &q, MethodStatement: statement}}}
	}
	field := []criteria.SocialValueResponse{starts(6, "section 5.2"), starts(8, "section 3"), starts(10, "")}
	as, err := rule.Assess(field, criteria.SocialValueContext{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, a := range as {
		fmt.Printf("bid %d: %s → %s\n", i, a.Input(), a.Value)
		for _, s := range a.Working() {
			fmt.Printf("  %s (uses %v)\n", s.Text, s.Uses)
		}
		for _, n := range criteria.Texts(a.Notes()) {
			fmt.Println("  note:", n)
		}
	}
	// Output:
	// the number of apprenticeship starts committed; scored relative to the best offer: this offer ÷ best offer; if no bid commits anything, every bid scores 0; a commitment without a method statement is disregarded; evaluators may discount commitments they judge undeliverable, by a stated percentage with a recorded reason
	// bid 0: 6 apprenticeship starts → 0.75
	//   FX-APPR-01 Apprenticeship starts on the contract: 6 apprenticeship starts; method statement: section 5.2 (uses [])
	//   best offer in the field: 8 apprenticeship starts (uses [1])
	//   6 ÷ 8 = 0.75 (uses [1])
	// bid 1: 8 apprenticeship starts → 1
	//   FX-APPR-01 Apprenticeship starts on the contract: 8 apprenticeship starts; method statement: section 3 (uses [])
	//   this is the best offer in the field: 8 ÷ 8 = 1 (uses [])
	// bid 2: no commitment counted → 0
	//   FX-APPR-01 Apprenticeship starts on the contract: 10 apprenticeship starts — disregarded: no method statement (uses [])
	//   no commitment counted: 0 apprenticeship starts (uses [])
	//   best offer in the field: 8 apprenticeship starts (uses [1])
	//   0 ÷ 8 = 0 (uses [1])
	//   note: the commitment to FX-APPR-01 is disregarded: the response gives no method statement for it, and the policy disregards such commitments
}

// Each response measured once, then assessed in two fields: the whole
// field, and the field without the best offer (bid 1's 8 starts), where 6
// becomes the best. By hand: 6 ÷ 8 = 0.75, 8 ÷ 8 = 1, 3 ÷ 8 = 0.375; then
// 6 ÷ 6 = 1 and 3 ÷ 6 = 0.5.
func ExampleSocialValueRule_AssessMeasured() {
	f, _ := os.Open("testdata/sample-catalogue.csv")
	defer f.Close()
	cat, _ := criteria.LoadCatalogueCSV(f)
	rule := criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisQuantity,
		Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.DisregardUnsupported}
	var ms []criteria.Measurement
	for _, n := range []int64{6, 8, 3} {
		q := decimal.NewFromInt(n)
		m, err := rule.Measure(criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &q, MethodStatement: "section 4"}}}, criteria.SocialValueContext{})
		if err != nil {
			fmt.Println(err)
			return
		}
		ms = append(ms, m)
	}
	for _, field := range [][]criteria.Measurement{ms, {ms[0], ms[2]}} {
		as, err := rule.AssessMeasured(field)
		if err != nil {
			fmt.Println(err)
			return
		}
		var values []string
		for _, a := range as {
			values = append(values, a.Value.String())
		}
		fmt.Println(strings.Join(values, " "))
	}
	// Output:
	// 0.75 1 0.375
	// 1 0.5
}

// Local jobs per £1m of contract value, scored in published bands: each bid
// is scored on its own, so nothing in the working uses another bid.
func ExampleSocialValueRule_banded() {
	f, _ := os.Open("testdata/sample-catalogue.csv")
	defer f.Close()
	cat, _ := criteria.LoadCatalogueCSV(f)
	d := decimal.RequireFromString
	rule := criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-JOBS-01"}, Basis: criteria.BasisQuantity,
		Per: criteria.PerMillionContractValue, Method: criteria.Banded,
		Bands:                  []criteria.CommitmentBand{{AtLeast: d("2"), Share: d("0.5")}, {AtLeast: d("4"), Share: d("1")}},
		WithoutMethodStatement: criteria.CountUnsupported,
		LocalArea:              &criteria.LocalArea{Name: "Croydon", Boroughs: []string{"Croydon"}}}
	fte, years := d("3"), d("3")
	as, err := rule.Assess([]criteria.SocialValueResponse{{Commitments: []criteria.Commitment{
		{Measure: "FX-JOBS-01", FTE: &fte, Years: &years, Where: []string{"Croydon"}}}}},
		criteria.SocialValueContext{ContractValue: d("3000000")})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(as[0].Value)
	for _, s := range as[0].Working() {
		fmt.Println(s.Text)
	}
	// Output:
	// 0.5
	// FX-JOBS-01 Local people employed on the contract: 3 FTE × 3 years = 9 FTE-years (local: Croydon, in Croydon)
	// 9 FTE-years ÷ (£3,000,000.00 ÷ £1,000,000) = 3 FTE-years per £1m of contract value
	// 3 FTE-years per £1m of contract value reaches the band from 2 FTE-years per £1m of contract value (the next starts at 4 FTE-years per £1m of contract value): 0.5
}

// Social value £ as a proportion of the bid price, relative to the best
// proportion, with a 70/30 split against a marked method statement and an
// evaluator's deliverability discount.
func ExampleSocialValueRule_split() {
	f, _ := os.Open("testdata/sample-catalogue.csv")
	defer f.Close()
	cat, _ := criteria.LoadCatalogueCSV(f)
	d := decimal.RequireFromString
	rule := criteria.SocialValueRule{Catalogue: cat, Basis: criteria.BasisProxyValue, Per: criteria.ShareOfBidPrice,
		Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.DisregardUnsupported,
		Split:           &criteria.Split{Quantitative: d("70"), Qualitative: d("30")},
		MethodStatement: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark},
		LocalArea:       &criteria.LocalArea{Name: "Croydon", PostcodeDistricts: []string{"CR0", "CR2", "CR7", "SE25"}}}
	marks := func(m string) *criteria.Marks {
		return &criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: d(m), Rationale: "see notes"}},
			Consensus: &criteria.Consensus{Mark: d(m), Rationale: "agreed"}}
	}
	pct, spend, price1, price2 := d("20"), d("300000"), d("1000000"), d("900000")
	field := []criteria.SocialValueResponse{
		{BidPrice: &price1, MethodStatement: marks("3"), Commitments: []criteria.Commitment{
			{Measure: "FX-SUPP-01", Percent: &pct, Where: []string{"CR0 2RH"}, MethodStatement: "section 6.1"}}},
		{BidPrice: &price2, MethodStatement: marks("4"),
			Deliverability: &criteria.Deliverability{Percent: d("25"), Reason: "a third of the named suppliers are outside the borough"},
			Commitments:    []criteria.Commitment{{Measure: "FX-SUPP-01", Quantity: &spend, MethodStatement: "section 2"}}},
	}
	as, err := rule.Assess(field, criteria.SocialValueContext{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, a := range as {
		fmt.Printf("bid %d → %s\n", i, a.Value)
		for _, s := range a.Working() {
			fmt.Println(" ", s.Text)
		}
	}
	// Output:
	// bid 0 → 0.785
	//   FX-SUPP-01 Contract spend with suppliers in the local area: 20% of the bid price £1,000,000.00 = £200,000.00 × £0.10 = £20,000.00 (local: Croydon, in CR0 2RH); method statement: section 6.1
	//   £20,000.00 ÷ bid price £1,000,000.00 = 2% of the bid price
	//   best offer in the field: 2.5% of the bid price
	//   2% ÷ 2.5% = 0.8
	//   method statement: evaluators' own marks: E1 3; agreed at moderation: 3
	//   method statement: 3 ÷ 4 = 0.75
	//   70% × 0.8 + 30% × 0.75 = 0.785
	// bid 1 → 1
	//   FX-SUPP-01 Contract spend with suppliers in the local area: £300,000.00 × £0.10 = £30,000.00 (local: Croydon); method statement: section 2
	//   deliverability discount of 25% (a third of the named suppliers are outside the borough): £30,000.00 × 75% = £22,500.00
	//   £22,500.00 ÷ bid price £900,000.00 = 2.5% of the bid price
	//   this is the best offer in the field: 2.5% ÷ 2.5% = 1
	//   method statement: evaluators' own marks: E1 4; agreed at moderation: 4
	//   method statement: 4 ÷ 4 = 1
	//   70% × 1 + 30% × 1 = 1
}

// Whether a commitment's place lies inside the buyer's local area.
func ExampleLocalArea() {
	area := criteria.LocalArea{Name: "Croydon", Boroughs: []string{"Croydon"}, PostcodeDistricts: []string{"CR0", "CR2", "SE25"}}
	fmt.Println(area.Describe())
	for _, p := range []string{"CR0 1NX", "se25", "Croydon", "SW1A 1AA"} {
		fmt.Println(p, area.Contains(p))
	}
	fmt.Println(criteria.LocalArea{Name: "Nowhere"}.Validate()[0])
	// Output:
	// Croydon (borough Croydon; postcode districts CR0, CR2, SE25)
	// CR0 1NX true
	// se25 true
	// Croydon true
	// SW1A 1AA false
	// boroughs: a local area needs at least one borough or postcode district (value (missing), rule non-empty)
}

// The offers as measured, which a relative method divides by the best: the
// commitment without a method statement is disregarded, so it offers 0; a
// price assessment has no offer.
func ExampleAssessment_Offer() {
	f, _ := os.Open("testdata/sample-catalogue.csv")
	defer f.Close()
	cat, _ := criteria.LoadCatalogueCSV(f)
	rule := criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisQuantity,
		Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.DisregardUnsupported}
	starts := func(n int64, statement string) criteria.SocialValueResponse {
		q := decimal.NewFromInt(n)
		return criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &q, MethodStatement: statement}}}
	}
	as, err := rule.Assess([]criteria.SocialValueResponse{starts(6, "section 5.2"), starts(8, "section 3"), starts(10, "")}, criteria.SocialValueContext{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, a := range as {
		offer, best, _ := a.Offer()
		fmt.Printf("bid %d offers %s of a best %s\n", i, offer, best)
	}
	pr := criteria.PriceRule{Method: criteria.Relative}
	q, _ := pr.Quote(criteria.Amount(decimal.NewFromInt(100)))
	price, _ := pr.Assess([]criteria.Quote{q})
	_, _, ok := price[0].Offer()
	fmt.Println("a price has an offer:", ok)
	// Output:
	// bid 0 offers 6 of a best 8
	// bid 1 offers 8 of a best 8
	// bid 2 offers 0 of a best 8
	// a price has an offer: false
}

// What a change of price does to an offer made as a share of the bid's
// price: the second bid's £225,000 of local spend, worth £22,500 at £0.10
// a pound, is 2.5% of £900,000 but 3% of £750,000, while the first bid's
// spend, promised as 20% of its price, stays worth 2% of it at any price.
func ExampleAssessment_OfferAt() {
	as, err := shareOfPriceField()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, price := range []string{"750000", "1125000"} {
		for i, a := range as {
			offer, _ := a.OfferAt(decimal.RequireFromString(price))
			fmt.Printf("bid %d at £%s offers %s\n", i, price, offer)
		}
	}
	// Output:
	// bid 0 at £750000 offers 0.02
	// bid 1 at £750000 offers 0.03
	// bid 0 at £1125000 offers 0.02
	// bid 1 at £1125000 offers 0.02
}

// The values the field would have were the second bid's price £750,000:
// its offer, 3% of the price, becomes the best, and the first bid's 2% is
// two thirds of it — 70% × 2/3 + 30% × 0.75 = 0.691666…, not 0.785.
func ExampleAssessment_ValueAt() {
	as, err := shareOfPriceField()
	if err != nil {
		fmt.Println(err)
		return
	}
	price := decimal.RequireFromString("750000")
	best, _ := as[1].OfferAt(price)
	v1, _ := as[1].ValueAt(&price, best)
	v0, _ := as[0].ValueAt(nil, best) // its own price as assessed
	fmt.Println("bid 0:", v0)
	fmt.Println("bid 1:", v1)
	// Output:
	// bid 0: 0.6916666666…
	// bid 1: 1
}

// ExampleAssessment_ValueAt's question asked at once: the second bid at
// £750,000, against the first bid's offer as the best of the others.
func ExampleAssessment_AtPrice() {
	as, err := shareOfPriceField()
	if err != nil {
		fmt.Println(err)
		return
	}
	others, _, _ := as[0].Offer()
	offer, best, value, _ := as[1].AtPrice(decimal.RequireFromString("750000"), others)
	fmt.Println("offer:", offer, "best:", best, "value:", value)
	// Output:
	// offer: 0.03 best: 0.03 value: 1
}

// Whether one response scores at least another whatever the field's best
// offer (ExampleSocialValueRule_split's field): the first bid's offer, 2%
// of its price, is below the second's 2.5%, so it does not; the second's
// offer and its method statement (4 against 3) are both the higher, so it
// scores at least the first at any best.
func ExampleAssessment_ScoresAtLeast() {
	as, err := shareOfPriceField()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("bid 0 at least bid 1:", as[0].ScoresAtLeast(as[1]))
	fmt.Println("bid 1 at least bid 0:", as[1].ScoresAtLeast(as[0]))
	// Output:
	// bid 0 at least bid 1: false
	// bid 1 at least bid 0: true
}

// An assessment solved for a price and for a best offer
// (ExampleSocialValueRule_split's field). The second bid's £22,500 of
// local spend is 2.5% of its £900,000, the best offer; its value is
// 30% × 4/4 + 70% × offer ÷ best. Its offer would be 3% at £22,500 ÷ 0.03
// = £750,000; and a value of 0.9, against a best of 2.5%, needs an offer
// of (0.9 − 0.3) × 0.025 ÷ 0.7 = 0.0214…. The first bid's offer, 20% of
// its price, is 2% at any price (so not ByPrice); its value stays at
// least 0.6 while the best offer is at most 70% × 0.02 ÷ (0.6 − 30% ×
// 3/4) = 0.0373….
func ExampleAssessment_OfferCurve() {
	as, err := shareOfPriceField()
	if err != nil {
		fmt.Println(err)
		return
	}
	second, _ := as[1].OfferCurve()
	fmt.Println(second.Fixed, second.Share, second.Offer, second.ByPrice, second.Amount)
	at, _ := second.PriceFor(exact.Bound{Value: exact.Whole(decimal.RequireFromString("0.03"))})
	fmt.Println("3% at", at.Value, "check:", second.OfferAt(at.Value))
	need, _ := second.OfferFor(exact.Bound{Value: exact.Whole(decimal.RequireFromString("0.9"))}, second.Offer)
	fmt.Println("for 0.9 against itself as the best:", need.Value)
	first, _ := as[0].OfferCurve()
	best, _ := first.BestFor(exact.Bound{Value: exact.Whole(decimal.RequireFromString("0.6"))})
	fmt.Println(first.ByPrice, "best at most", best.Value, "value there", first.Value(first.Offer, best.Value))
	// Output:
	// 0.3 0.7 0.025 true 22500
	// 3% at 750000 check: 0.03
	// for 0.9 against itself as the best: 0.0214285714…
	// false best at most 0.0373333333… value there 0.6
}

// shareOfPriceField assesses the field of ExampleSocialValueRule_split.
func shareOfPriceField() ([]criteria.Assessment, error) {
	f, err := os.Open("testdata/sample-catalogue.csv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cat, err := criteria.LoadCatalogueCSV(f)
	if err != nil {
		return nil, err
	}
	d := decimal.RequireFromString
	rule := criteria.SocialValueRule{Catalogue: cat, Basis: criteria.BasisProxyValue, Per: criteria.ShareOfBidPrice,
		Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.DisregardUnsupported,
		Split:           &criteria.Split{Quantitative: d("70"), Qualitative: d("30")},
		MethodStatement: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark},
		LocalArea:       &criteria.LocalArea{Name: "Croydon", PostcodeDistricts: []string{"CR0"}}}
	marks := func(m string) *criteria.Marks {
		return &criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: d(m), Rationale: "see notes"}},
			Consensus: &criteria.Consensus{Mark: d(m), Rationale: "agreed"}}
	}
	pct, spend, price1, price2 := d("20"), d("225000"), d("1000000"), d("900000")
	return rule.Assess([]criteria.SocialValueResponse{
		{BidPrice: &price1, MethodStatement: marks("3"), Commitments: []criteria.Commitment{
			{Measure: "FX-SUPP-01", Percent: &pct, Where: []string{"CR0 2RH"}, MethodStatement: "section 6.1"}}},
		{BidPrice: &price2, MethodStatement: marks("4"), Commitments: []criteria.Commitment{
			{Measure: "FX-SUPP-01", Quantity: &spend, Where: []string{"CR0 1NX"}, MethodStatement: "section 2"}}},
	}, criteria.SocialValueContext{})
}

// A commitment of spend as a percentage of the bid's own price, valued in
// £, grows with the price; scored as a share of the bid price it does not.
func ExampleSocialValueRule_RisesWithPrice() {
	cat := criteria.Catalogue{Name: "Fictional measures", Measures: []criteria.Measure{
		{Code: "FX-SUPP-02", Description: "Spend with small suppliers", Unit: criteria.UnitPounds, Proxy: decimal.RequireFromString("0.2"), Source: "fictional", Year: 2026}}}
	five := decimal.NewFromInt(5)
	resp := criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-SUPP-02", Percent: &five}}}
	valued := criteria.SocialValueRule{Catalogue: cat, Basis: criteria.BasisProxyValue}
	shared := valued
	shared.Per = criteria.ShareOfBidPrice
	fmt.Println(valued.RisesWithPrice(resp))
	fmt.Println(shared.RisesWithPrice(resp))
	// Output:
	// FX-SUPP-02 true
	//  false
}
