package score_test

import (
	"fmt"
	"log"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Trials re-score one change at a time without evaluating the lot again:
// here B's price lowered until it would win, and a shift of weight from
// price to the plan. B's £400,000 is the lowest price: A at £500,000 has
// 40 × 400,000 ÷ 500,000 = 32 + 45 = 77.00, B 40 + 30 = 70.00. At
// £300,000 B is the lowest price (40 points) and A's price points
// fall to 40 × 300,000 ÷ 500,000 = 24.00, so B leads 70.00 to 69.00.
func ExampleTrials() {
	d := decimal.RequireFromString
	tender := score.SingleLot("ANY/2026/9", "Library kiosks",
		score.PriceCriterion("price", "Price", d("40"), criteria.Relative),
		score.QualityCriterion("plan", "Plan", d("60"), criteria.Scale0to4(), criteria.ConsensusMark))
	bid := func(id, price, mark string) score.Bid {
		plan := criteria.Agreed(d(mark), "agreed at moderation", criteria.MarkBy("E1", d(mark), ""))
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: "Supplier " + id}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price)), "plan": score.Marked(plan)}}
	}
	p, err := score.Prepare(tender, []score.Bid{bid("A", "500000", "3"), bid("B", "400000", "2")})
	if err != nil {
		log.Fatal(err)
	}
	trials, _ := p.Trials("1")
	fmt.Println(trials.Result().Winner)
	t, err := trials.WithPrice("B", "price", d("300000"))
	if err != nil {
		log.Fatal(err)
	}
	a, _ := t.Total("A")
	b, _ := t.Total("B")
	fmt.Println(t.Winner, b, a)
	t, err = trials.WithWeightShift("price", "plan", d("10"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(t.Winner, t.Outranks("A", "B"))
	// Output:
	// A
	// B 70.00 69.00
	// A true
}

// Where totals can change as B's price moves from £300,000 to £300,500
// (ExampleTrials' lot): B is the lowest price there, so its own price
// points stand at 40 while A's are 40 × B's price ÷ 500,000, from 24.00,
// rounded half up to two places. A shows 24.01 from 40 × p ÷ 500,000 =
// 24.005, p = £300,062.50, and so on every £125: below each step
// (Open) A shows one level, from it the next. A search for B's price to
// win need only try the penny below each.
func ExampleTrials_PriceSteps() {
	d := decimal.RequireFromString
	tender := score.SingleLot("ANY/2026/9", "Library kiosks",
		score.PriceCriterion("price", "Price", d("40"), criteria.Relative),
		score.QualityCriterion("plan", "Plan", d("60"), criteria.Scale0to4(), criteria.ConsensusMark))
	bid := func(id, price, mark string) score.Bid {
		plan := criteria.Agreed(d(mark), "agreed at moderation", criteria.MarkBy("E1", d(mark), ""))
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: "Supplier " + id}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price)), "plan": score.Marked(plan)}}
	}
	p, err := score.Prepare(tender, []score.Bid{bid("A", "500000", "3"), bid("B", "400000", "2")})
	if err != nil {
		log.Fatal(err)
	}
	trials, _ := p.Trials("1")
	steps, ok := trials.PriceSteps("B", "price", []string{"A"}, d("300000"), d("300500"), 10)
	fmt.Println(ok)
	for _, s := range steps {
		fmt.Println(s.Value, s.Open)
	}
	for _, price := range []string{"300062.49", "300062.50"} {
		t, err := trials.WithPrice("B", "price", d(price))
		if err != nil {
			log.Fatal(err)
		}
		a, _ := t.Total("A")
		fmt.Println("B at", price, "A", a)
		t.Release()
	}
	// Output:
	// true
	// 300062.5 true
	// 300187.5 true
	// 300312.5 true
	// 300437.5 true
	// B at 300062.49 A 69.00
	// B at 300062.50 A 69.01
}

// A trial read at once can give its storage back for the next: a search
// that re-scores hundreds of prices then allocates a few trials, not
// hundreds. Once released, a trial reads as empty. B at £300,000 leads
// 70.00 to 69.00 (see ExampleTrials); at £350,000 its price points are
// 40 × 350,000 ÷ 350,000 = 40 and A's 40 × 350,000 ÷ 500,000 = 28.00, so
// A leads 73.00 to 70.00.
func ExampleTrial_Release() {
	d := decimal.RequireFromString
	tender := score.SingleLot("ANY/2026/9", "Library kiosks",
		score.PriceCriterion("price", "Price", d("40"), criteria.Relative),
		score.QualityCriterion("plan", "Plan", d("60"), criteria.Scale0to4(), criteria.ConsensusMark))
	bid := func(id, price, mark string) score.Bid {
		plan := criteria.Agreed(d(mark), "agreed at moderation", criteria.MarkBy("E1", d(mark), ""))
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: "Supplier " + id}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price)), "plan": score.Marked(plan)}}
	}
	p, err := score.Prepare(tender, []score.Bid{bid("A", "500000", "3"), bid("B", "400000", "2")})
	if err != nil {
		log.Fatal(err)
	}
	trials, _ := p.Trials("1")
	for _, price := range []string{"300000", "350000"} {
		t, err := trials.WithPrice("B", "price", d(price))
		if err != nil {
			log.Fatal(err)
		}
		b, _ := t.Total("B")
		a, _ := t.Total("A")
		fmt.Println(price, t.Winner, b, a)
		t.Release()
		_, ok := t.Total("B")
		fmt.Println("after release:", ok, t.Winner)
	}
	// Output:
	// 300000 B 70.00 69.00
	// after release: false B
	// 350000 A 70.00 73.00
	// after release: false A
}

// Removing the one bid that holds the best social value offer moves every
// other bid's score relative to it; removing a bid below it, or one of two
// holding it, moves nothing — which is how rank reversal knows which
// removals to re-score. C commits 8 apprenticeship starts, A and B 5.
func ExampleTrials_SoleBestOffer() {
	d := decimal.RequireFromString
	cat := criteria.Catalogue{Name: "a fictional sample", Measures: []criteria.Measure{{Code: "FX-APPR-01",
		Description: "Apprenticeship starts on the contract", Unit: "apprenticeship start", Proxy: d("2000"), Source: "fictional", Year: 2026}}}
	tender := score.SingleLot("ANY/2026/10", "Grounds maintenance",
		score.PriceCriterion("price", "Price", d("70"), criteria.Relative),
		score.Criterion{ID: "appr", Title: "Apprenticeships", Weight: d("30"), SocialValue: &criteria.SocialValueRule{
			Catalogue: cat, Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisQuantity,
			Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}})
	bid := func(id, price string, starts int64) score.Bid {
		n := decimal.NewFromInt(starts)
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: "Supplier " + id}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price)),
				"appr": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &n}}}}}}
	}
	p, err := score.Prepare(tender, []score.Bid{bid("A", "90000", 5), bid("B", "95000", 5), bid("C", "99000", 8)})
	if err != nil {
		log.Fatal(err)
	}
	trials, _ := p.Trials("1")
	for _, id := range []string{"A", "B", "C"} {
		fmt.Println(id, trials.SoleBestOffer(id, "appr"))
	}
	// Output:
	// A false
	// B false
	// C true
}

// Whether one bid would rank above another under a shift of weight, asked
// without finding who leads: ExampleTrials' lot with d points moved from
// the plan to price. A has (40 + d) × 0.8 + (60 − d) × 0.75 = 77 + 0.05d,
// B (40 + d) + (60 − d) × 0.5 = 70 + 0.5d: level before rounding at d =
// 15.5̅. Each leaf is shown to two places, half up. At 15.55 A has 44.44 +
// 33.34 and B 55.55 + 22.23: 77.78 each, a tie, in which B does not rank
// above A; at 15.56 A has 44.45 + 33.33 and B 55.56 + 22.22, 77.78 each
// again; at 15.57 A has 44.46 + 33.32 = 77.78 and B 55.57 + 22.22 = 77.79.
func ExampleTrials_ShiftOutranks() {
	d := decimal.RequireFromString
	tender := score.SingleLot("ANY/2026/9", "Library kiosks",
		score.PriceCriterion("price", "Price", d("40"), criteria.Relative),
		score.QualityCriterion("plan", "Plan", d("60"), criteria.Scale0to4(), criteria.ConsensusMark))
	bid := func(id, price, mark string) score.Bid {
		plan := criteria.Agreed(d(mark), "agreed at moderation", criteria.MarkBy("E1", d(mark), ""))
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: "Supplier " + id}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price)), "plan": score.Marked(plan)}}
	}
	p, err := score.Prepare(tender, []score.Bid{bid("A", "500000", "3"), bid("B", "400000", "2")})
	if err != nil {
		log.Fatal(err)
	}
	trials, _ := p.Trials("1")
	for _, points := range []string{"15.55", "15.56", "15.57"} {
		above, err := trials.ShiftOutranks("plan", "price", d(points), "B", "A")
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(points, above)
	}
	// Output:
	// 15.55 false
	// 15.56 false
	// 15.57 true
}

// RoundingReach bounds how far a total as shown strays from its points
// before rounding. Under the default rounding, each leaf's points to two
// places half up, each of the three leaves moves by at most 0.005: the
// total by at most 0.015.
func ExampleTrials_RoundingReach() {
	d := decimal.RequireFromString
	tender := score.SingleLot("ANY/2026/11", "Street lighting",
		score.PriceCriterion("price", "Price", d("40"), criteria.Relative),
		score.QualityCriterion("plan", "Maintenance plan", d("30"), criteria.Scale0to4(), criteria.ConsensusMark),
		score.QualityCriterion("team", "Team", d("30"), criteria.Scale0to4(), criteria.ConsensusMark))
	mark := func(m string) score.Response {
		return score.Marked(criteria.Agreed(d(m), "agreed at moderation", criteria.MarkBy("E1", d(m), "")))
	}
	bid := func(id, price, plan, team string) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: "Supplier " + id}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price)), "plan": mark(plan), "team": mark(team)}}
	}
	p, err := score.Prepare(tender, []score.Bid{bid("A", "300000", "3", "2"), bid("B", "280000", "2", "2")})
	if err != nil {
		log.Fatal(err)
	}
	trials, _ := p.Trials("1")
	fmt.Println(trials.RoundingReach())
	// Output:
	// 0.015
}

// Ranking the lot without one bid is how rank reversal re-scores a
// removal. C's £100,000 is the lowest price: A has 45 + 40 × 100,000 ÷
// 600,000 = 51.67, B 30 + 40 × 100,000 ÷ 300,000 = 43.33 and C 0 + 40 =
// 40.00, so A wins.
// Without C the lowest is B's £300,000: A has 45 + 20 = 65.00 and B 30 +
// 40 = 70.00, so B moves above A.
func ExampleTrials_WithoutBid() {
	d := decimal.RequireFromString
	tender := score.SingleLot("ANY/2026/11", "Library kiosks",
		score.PriceCriterion("price", "Price", d("40"), criteria.Relative),
		score.QualityCriterion("plan", "Plan", d("60"), criteria.Scale0to4(), criteria.ConsensusMark))
	bid := func(id, price, mark string) score.Bid {
		plan := criteria.Agreed(d(mark), "agreed at moderation", criteria.MarkBy("E1", d(mark), ""))
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: "Supplier " + id}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price)), "plan": score.Marked(plan)}}
	}
	p, err := score.Prepare(tender, []score.Bid{bid("A", "600000", "3"), bid("B", "300000", "2"), bid("C", "100000", "0")})
	if err != nil {
		log.Fatal(err)
	}
	trials, _ := p.Trials("1")
	for _, s := range trials.Result().Standings {
		fmt.Println(s.Rank, s.BidID, s.Score)
	}
	r, err := trials.WithoutBid("C")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("without C:", r.Outcome, r.Winner)
	for _, s := range r.Standings {
		fmt.Println(s.Rank, s.BidID, s.Score)
	}
	// Output:
	// 1 A 51.67
	// 2 B 43.33
	// 3 C 40.00
	// without C: winner B
	// 1 B 70.00
	// 2 A 65.00
}

// A bid of the lot as prepared, found by id without copying the field:
// the analyses read each bid's responses so.
func ExampleTrials_Bid() {
	d := decimal.RequireFromString
	tender := score.SingleLot("ANY/2026/9", "Library kiosks",
		score.PriceCriterion("price", "Price", d("40"), criteria.Relative),
		score.QualityCriterion("plan", "Plan", d("60"), criteria.Scale0to4(), criteria.ConsensusMark))
	plan := criteria.Agreed(d("3"), "agreed at moderation", criteria.MarkBy("E1", d("3"), ""))
	p, err := score.Prepare(tender, []score.Bid{{ID: "A", Supplier: score.Supplier{ID: "A", Name: "Supplier A"}, Lot: "1",
		Responses: map[string]score.Response{"price": score.Priced(d("500000")), "plan": score.Marked(plan)}}})
	if err != nil {
		log.Fatal(err)
	}
	trials, _ := p.Trials("1")
	b, ok := trials.Bid("A")
	fmt.Println(ok, b.Supplier.Name, b.Responses["plan"].Marks.Consensus.Mark)
	_, ok = trials.Bid("Z")
	fmt.Println(ok)
	// Output:
	// true Supplier A 3
	// false
}

// Whether a lower price would lower a bid's own social value offer: here
// spend with small local firms, scored relative to the best offer, which A
// commits as 10% of its price and B as a sum of £40,000. At £300,000 A's
// 10% is £30,000, less than at its £400,000 (£40,000), so a lower price
// lowers A's offer as well as raising its price points; B's sum stands
// whatever its price.
func ExampleTrials_OfferFallsWithPrice() {
	d := decimal.RequireFromString
	cat := criteria.Catalogue{Name: "a fictional sample", Measures: []criteria.Measure{{Code: "FX-SME-01",
		Description: "Contract spend with small firms", Unit: criteria.UnitPounds, Proxy: d("0.20"), Source: "fictional", Year: 2026}}}
	tender := score.SingleLot("ANY/2026/11", "Street lighting",
		score.PriceCriterion("price", "Price", d("70"), criteria.Relative),
		score.Criterion{ID: "sme", Title: "Small firms", Weight: d("30"), SocialValue: &criteria.SocialValueRule{
			Catalogue: cat, Measures: []string{"FX-SME-01"}, Basis: criteria.BasisProxyValue,
			Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}})
	bid := func(id, price string, c criteria.Commitment) score.Bid {
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: "Supplier " + id}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price)),
				"sme": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{c}}}}}
	}
	ten, sum := d("10"), d("40000")
	p, err := score.Prepare(tender, []score.Bid{
		bid("A", "400000", criteria.Commitment{Measure: "FX-SME-01", Percent: &ten}),
		bid("B", "420000", criteria.Commitment{Measure: "FX-SME-01", Quantity: &sum})})
	if err != nil {
		log.Fatal(err)
	}
	trials, _ := p.Trials("1")
	for _, id := range []string{"A", "B"} {
		fmt.Println(trials.OfferFallsWithPrice(id))
	}
	// Output:
	// sme true
	//  false
}

// Which bids a shift of weight could take across a minimum quality score,
// and from how far: a lot with price 50, a plan 30 and apprenticeship
// starts 20, and a minimum of 40% of the quality marks (the plan and the
// starts). W is marked 1 of 4 on the plan (7.50) with the best offer
// (20.00): 27.50 of 50, 55%. Moving d points from the starts to the plan,
// W has 7.5 + 0.25d + 20 − d of 50, below 40% past d = 10: less the
// rounding's reach, it could cross from 9.98. R, marked 3 with a quarter
// of the best offer, has 27.5 + 0.5d: it only rises.
func ExampleTrials_ShiftCrossings() {
	d := decimal.RequireFromString
	cat := criteria.Catalogue{Name: "a fictional sample", Measures: []criteria.Measure{{Code: "FX-APPR-01",
		Description: "Apprenticeship starts on the contract", Unit: "apprenticeship start", Proxy: d("2000"), Source: "fictional", Year: 2026}}}
	tender := score.SingleLot("ANY/2026/12", "Parks maintenance",
		score.PriceCriterion("price", "Price", d("50"), criteria.Relative),
		score.QualityCriterion("plan", "Plan", d("30"), criteria.Scale0to4(), criteria.ConsensusMark),
		score.Criterion{ID: "appr", Title: "Apprenticeships", Weight: d("20"), SocialValue: &criteria.SocialValueRule{
			Catalogue: cat, Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisQuantity,
			Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}})
	minimum := d("40")
	tender.Lots[0].Policy.Thresholds.MinQualityPercent = &minimum
	bid := func(id, price, mark string, starts int64) score.Bid {
		n := decimal.NewFromInt(starts)
		plan := criteria.Agreed(d(mark), "agreed at moderation", criteria.MarkBy("E1", d(mark), ""))
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: "Supplier " + id}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price)), "plan": score.Marked(plan),
				"appr": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &n}}}}}}
	}
	p, err := score.Prepare(tender, []score.Bid{bid("W", "100000", "1", 4), bid("R", "200000", "3", 1)})
	if err != nil {
		log.Fatal(err)
	}
	trials, _ := p.Trials("1")
	for _, c := range trials.ShiftCrossings("appr", "plan") {
		fmt.Println(c.BidID, c.Least)
	}
	// Output:
	// W 9.98
}

// LeastShiftOutranking finds the least shift of weight at which one bid
// ranks above another, where the declared rounding scatters the shifts
// that do. Rounded to whole points at each question, B ranks above A with
// 15.50 to 15.62 points moved from the plan to the price, not from 15.63
// to 16.49, and again from 16.50: a search stepping up from where their
// totals before rounding draw level would miss the first. (A's total
// before rounding is 77 + 0.05 × the points moved, B's 70 + 0.5 × them:
// level at 7 ÷ 0.45 = 15.55….)
// ShiftWindow gives the hundredths that can answer, read from the two
// bids' lines alone.
func ExampleTrials_LeastShiftOutranking() {
	d := decimal.RequireFromString
	tender := score.SingleLot("ANY/2026/12", "Library kiosks",
		score.PriceCriterion("price", "Price", d("40"), criteria.Relative),
		score.QualityCriterion("plan", "Plan", d("60"), criteria.Scale0to4(), criteria.ConsensusMark))
	tender.Lots[0].Policy.Rounding = []score.RoundingRule{{Stage: score.LeafPoints, Places: 0, Mode: exact.HalfUp}}
	bid := func(id, price, mark string) score.Bid {
		plan := criteria.Agreed(d(mark), "agreed at moderation", criteria.MarkBy("E1", d(mark), ""))
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: "Supplier " + id}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price)), "plan": score.Marked(plan)}}
	}
	p, err := score.Prepare(tender, []score.Bid{bid("A", "500000", "3"), bid("B", "400000", "2")})
	if err != nil {
		log.Fatal(err)
	}
	trials, _ := p.Trials("1")
	for _, points := range []string{"15.49", "15.5", "15.63", "16.5"} {
		above, _ := trials.ShiftOutranks("plan", "price", d(points), "B", "A")
		fmt.Println(points, above)
	}
	lo, hi, _, _ := trials.ShiftWindow("plan", "price", "B", "A")
	least, found, err := trials.LeastShiftOutranking("plan", "price", d("59.99"), "B", "A")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("window from", lo, "to", hi, "; least", least, found)
	// Output:
	// 15.49 false
	// 15.5 true
	// 15.63 false
	// 16.5 true
	// window from 11.12 to 59.99 ; least 15.5 true
}

// JoinsWithoutMoving says whether a bid below a minimum would move the
// figures the others are scored against should a shift of weight lift it
// over: C, marked 1 of 4 against a minimum quality score of 50%, would
// join the field of prices above its lowest (£400,000), so the others'
// price points stand; D would join as the lowest price, and move them. A
// ranked bid is not below a minimum.
func ExampleTrials_JoinsWithoutMoving() {
	d := decimal.RequireFromString
	tender := score.SingleLot("ANY/2026/15", "Library kiosks",
		score.PriceCriterion("price", "Price", d("40"), criteria.Relative),
		score.QualityCriterion("plan", "Plan", d("60"), criteria.Scale0to4(), criteria.ConsensusMark))
	minimum := d("50")
	tender.Lots[0].Policy.Thresholds.MinQualityPercent = &minimum
	bid := func(id, price, mark string) score.Bid {
		plan := criteria.Agreed(d(mark), "agreed at moderation", criteria.MarkBy("E1", d(mark), ""))
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: "Supplier " + id}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price)), "plan": score.Marked(plan)}}
	}
	p, err := score.Prepare(tender, []score.Bid{bid("A", "500000", "3"), bid("B", "400000", "3"), bid("C", "450000", "1"), bid("D", "300000", "1")})
	if err != nil {
		log.Fatal(err)
	}
	trials, _ := p.Trials("1")
	for _, id := range []string{"A", "C", "D"} {
		fmt.Println(id, trials.JoinsWithoutMoving(id))
	}
	// Output:
	// A false
	// C true
	// D false
}

// The quality points a bid's price would be divided by at another price,
// under price per quality point, where its social value offer is a share
// of its price. The plan carries 70 points and apprenticeship starts 30,
// each start valued at £2,000 and read as a share of the bid's price,
// scored relative to the best. A (£100,000, plan 3 of 4, 4 starts: £8,000,
// 8% of its price) has 52.5 + 30 = 82.5 points; B (£120,000, plan 4, 3
// starts: 5%) 70 + 30 × 5 ÷ 8 = 88.75. At £125,000 A's 6.4% is still the
// best: 82.5, and B's 5% is now 0.78125 of it, 23.4375 points, shown to
// two places as the default rounding has each leaf: 70 + 23.44 = 93.44.
// At £200,000 its 4% is 0.8 of B's 5%, the best: A 52.5 + 24 = 76.5, B
// 70 + 30 = 100. At £100,000 B's 6% is 0.75 of A's 8%: 70 + 22.5 = 92.5,
// and A stands at 82.5.
func ExampleTrials_QualityAt() {
	d := decimal.RequireFromString
	cat := criteria.Catalogue{Name: "a fictional sample", Measures: []criteria.Measure{{Code: "FX-APPR-01",
		Description: "Apprenticeship starts on the contract", Unit: "apprenticeship start", Proxy: d("2000"), Source: "fictional", Year: 2026}}}
	tender := score.SingleLot("ANY/2026/16", "Street lighting",
		score.Criterion{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.PerQualityPoint}},
		score.QualityCriterion("plan", "Plan", d("70"), criteria.Scale0to4(), criteria.ConsensusMark),
		score.Criterion{ID: "appr", Title: "Apprenticeships", Weight: d("30"), SocialValue: &criteria.SocialValueRule{
			Catalogue: cat, Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisProxyValue, Per: criteria.ShareOfBidPrice,
			Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}})
	tender.Lots[0].Policy.Basis = score.PricePerQualityPoint
	bid := func(id, price, mark string, starts int64) score.Bid {
		n := decimal.NewFromInt(starts)
		plan := criteria.Agreed(d(mark), "agreed at moderation", criteria.MarkBy("E1", d(mark), ""))
		return score.Bid{ID: id, Supplier: score.Supplier{ID: id, Name: "Supplier " + id}, Lot: "1",
			Responses: map[string]score.Response{"price": score.Priced(d(price)), "plan": score.Marked(plan),
				"appr": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &n}}}}}}
	}
	p, err := score.Prepare(tender, []score.Bid{bid("A", "100000", "3", 4), bid("B", "120000", "4", 3)})
	if err != nil {
		log.Fatal(err)
	}
	trials, _ := p.Trials("1")
	for _, at := range []struct{ id, price, beside string }{{"A", "100000", "B"}, {"A", "125000", "B"}, {"A", "200000", "B"}, {"B", "100000", "A"}} {
		own, theirs, ok := trials.QualityAt(at.id, "price", d(at.price), at.beside)
		fmt.Println(at.id, at.price, own, at.beside, theirs, ok)
	}
	// Output:
	// A 100000 82.5 B 88.75 true
	// A 125000 82.5 B 93.44 true
	// A 200000 76.5 B 100 true
	// B 100000 92.5 A 82.5 true
}
