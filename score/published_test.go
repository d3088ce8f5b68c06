package score_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Models published in points that do not add up to 100, each reproduced
// from its notice (docs/sources/points-models.md) with fictional bids. The
// expected numbers are worked by hand from the notice's own rules.

// scale0to10 is the notices' scale of 0 to 10 points, every whole mark.
func scale0to10() criteria.Scale {
	levels := make([]criteria.Level, 11)
	for i := range levels {
		levels[i] = criteria.Level{Mark: decimal.NewFromInt(int64(i))}
	}
	return criteria.NewScale("0–10", levels...)
}

func pointsQuestion(id, title, weight string, s criteria.Scale) score.Criterion {
	return score.Criterion{ID: id, Title: title, Weight: dec(weight), Quality: &criteria.QualityRule{Scale: s, Moderation: criteria.ConsensusMark}}
}

func bidOf(id, name string, responses map[string]score.Response) score.Bid {
	return score.Bid{ID: id, Supplier: score.Supplier{ID: "S-" + id, Name: name}, Lot: "L1", Responses: responses}
}

func line(t *testing.T, l score.LotResult, bid, criterion string) score.Line {
	t.Helper()
	b, ok := l.Bid(bid)
	require.True(t, ok, "bid %s", bid)
	ln, ok := score.FindLine(b.Criteria(), criterion)
	require.True(t, ok, "criterion %s", criterion)
	return ln
}

// thirtyPoints is the dtvp.de notice CXP4Y2W5GSJ: price, qualification and
// recruiting concept, up to 10 points each, 30 in all. "The lowest total
// receives the full 10 points; a total three times the lowest receives 0;
// totals between are interpolated linearly" is 1 − ½ × (this − lowest) ÷
// lowest: the deduction method at rate 0.5. Points to two places (the
// default rounding: the notice says "up to two decimal places" and no mode).
func thirtyPoints() score.Policy {
	s := scale0to10()
	return score.Policy{Weighting: score.Points, Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Weight: dec("10"), Price: &criteria.PriceRule{Method: criteria.Deduction, Rate: dec("0.5")}},
		pointsQuestion("people", "Qualification and experience of the people responsible", "10", s),
		pointsQuestion("recruiting", "Recruiting concept", "10", s),
	}}
}

func thirtyPointsBids() []score.Bid {
	bid := func(id, name, price string, people, recruiting int64) score.Bid {
		return bidOf(id, name, map[string]score.Response{"price": priced(price), "people": marks(people), "recruiting": marks(recruiting)})
	}
	return []score.Bid{
		bid("A", "Ashdown Recruiting Ltd", "120000", 8, 6),
		bid("B", "Birchfield Talent Ltd", "130000", 10, 9),
		bid("C", "Corran Staffing Ltd", "400000", 10, 10),
	}
}

func TestPublishedThirtyPointModel(t *testing.T) {
	l := evalLot(t, thirtyPoints(), thirtyPointsBids()...)
	tests := []struct {
		why                    string
		bid                    string
		price, people, recruit string
		total                  string
	}{
		{"A is the lowest price: the full 10 points; 8 and 6 of 10 on the questions", "A", "10.00", "8.00", "6.00", "24.00"},
		// 10 × (3 × 120,000 − 130,000) ÷ (2 × 120,000) = 10 × 230/240 = 9.583… → 9.58.
		{"B between the lowest and three times it: interpolated, to two places", "B", "9.58", "10.00", "9.00", "28.58"},
		{"C above three times the lowest (360,000): 0 points, not less", "C", "0.00", "10.00", "10.00", "20.00"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			assert.Equal(t, tt.price, points(t, l, tt.bid, "price"))
			assert.Equal(t, tt.people, points(t, l, tt.bid, "people"))
			assert.Equal(t, tt.recruit, points(t, l, tt.bid, "recruiting"))
			assert.Equal(t, tt.total, total(t, l, tt.bid))
		})
	}
	assert.Equal(t, "B", l.Winner)
	for _, id := range []string{"price", "people", "recruiting"} {
		ln := line(t, l, "B", id)
		assert.Equal(t, "10", ln.Available.String(), "%s is worth the 10 points the notice publishes, not 33.33 of 100", id)
	}
	assert.Contains(t, l.Notes, "weights: points as published — the model is out of 30 points, each top-level criterion's points its weight; sub-criteria share their parent's points in proportion to their weights")
	price := line(t, l, "B", "price")
	assert.Contains(t, score.Texts(price.Working), "0.9583333333… × 10 marks available = 9.5833333333…, rounded 2 dp half-up to 9.58")
	assert.Equal(t, "28.58", l.Standings[0].Score.String(), "the standings show the published scale too")
}

// The vergabe.niedersachsen.de notice CXQ6YYHR62J publishes points at the
// top and percentages below: the price factors are "40% (max. 400 points)"
// of the evaluation, of which A "40% (max. 160 points)", B "5% (max. 20
// points)" and C "22.5% (max. 90 points)", each losing 1% of its maximum
// per 1% above the lowest price (the deduction method at rate 1). The
// notice's own examples: 10% above the lowest gives 144 of 160, 18 of 20
// and 81 of 90 points. D (the remaining 32.5%, 130 points) and the 600
// points beside price are inferred from the totals (LOW; the text read
// stops at D).
func TestPublishedPointsThenPercentages(t *testing.T) {
	deduct := func(id, title, weight string) score.Criterion {
		return score.Criterion{ID: id, Title: title, Weight: dec(weight), Price: &criteria.PriceRule{Method: criteria.Deduction, Rate: dec("1")}}
	}
	p := score.Policy{Weighting: score.Points, Criteria: []score.Criterion{
		{ID: "price", Title: "Price factors", Weight: dec("400"), Children: []score.Criterion{
			deduct("a", "A: yearly flat rate", "40"), deduct("b", "B: price per kilometre", "5"),
			deduct("c", "C: block 1", "22.5"), deduct("d", "D: the rest of the price factors (inferred)", "32.5"),
		}},
		pointsQuestion("quality", "Quality (inferred)", "600", criteria.Scale0to4()),
	}}
	bid := func(id, name, a, b, c string) score.Bid {
		return bidOf(id, name, map[string]score.Response{"a": priced(a), "b": priced(b), "c": priced(c), "d": priced("20000"), "quality": marks(4)})
	}
	l := evalLot(t, p, bid("X", "Kestrel Rettungsdienst GmbH", "10000", "1.00", "50000"), bid("Y", "Lerche Transporte GmbH", "11000", "1.10", "55000"))
	tests := []struct {
		why, criterion, available, points string
	}{
		{"A: 40% of the 400 price points is the notice's 160; 10% above the lowest loses 10%: 144", "a", "160", "144.00"},
		{"B: 5% of 400 is 20; 10% above: 18", "b", "20", "18.00"},
		{"C: 22.5% of 400 is 90; 10% above: 81", "c", "90", "81.00"},
		{"D: the same price as the lowest keeps its 130", "d", "130", "130.00"},
		{"the price factors add up to 373 of 400", "price", "400", "373.00"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			ln := line(t, l, "Y", tt.criterion)
			assert.Equal(t, tt.available, ln.Available.String())
			assert.Equal(t, tt.points, ln.Points.String())
		})
	}
	assert.Equal(t, "973.00", total(t, l, "Y"), "373 + 600, out of 1,000")
	assert.Equal(t, "1000.00", total(t, l, "X"))
}

// The vergabe.niedersachsen.de notice CXW5YYDYT0DFBWSD divides performance
// points out of 1,000 (750 + 125 + 125) by the price; the highest wins and
// equal scores go to the cheaper offer. Price per quality point is the same
// ratio upside down, so the order is the same, and the quality points stay
// out of 1,000 as published.
func TestPublishedPerformanceByPrice(t *testing.T) {
	p := score.Policy{Basis: score.PricePerQualityPoint, Weighting: score.Points, Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.PerQualityPoint}},
		pointsQuestion("spec", "Fulfilment of the specification", "750", criteria.Scale0to4()),
		pointsQuestion("team", "Experience of the project team", "125", criteria.Scale0to4()),
		pointsQuestion("concept", "Delivery concept", "125", criteria.Scale0to4()),
	}, TieBreaks: []score.TieBreak{{Kind: score.LowerPrice}}}
	bid := func(id, name, price string, spec, team, concept int64) score.Bid {
		return bidOf(id, name, map[string]score.Response{"price": priced(price), "spec": marks(spec), "team": marks(team), "concept": marks(concept)})
	}
	l := evalLot(t, p,
		// 750 + 125 + 0 = 875 points; 70,000 ÷ 875 = 80 per point (the
		// notice's 875 ÷ 70,000 × 1,000 = 12.50).
		bid("P", "Pirol Software GmbH", "70000", 4, 4, 0),
		// 562.5 + 125 + 125 = 812.5; 60,000 ÷ 812.5 = 73.846… (the notice's 13.54).
		bid("Q", "Quendel IT GmbH", "60000", 3, 4, 4),
		// 375 + 31.25 + 0 = 406.25; 30,000 ÷ 406.25 = 73.846…, level with Q:
		// the cheaper offer goes first, as the notice says.
		bid("R", "Reiher Systeme GmbH", "30000", 2, 1, 0))
	require.Len(t, l.Standings, 3)
	assert.Equal(t, []string{"R", "Q", "P"}, []string{l.Standings[0].BidID, l.Standings[1].BidID, l.Standings[2].BidID})
	q, _ := l.Bid("Q")
	want, err := exact.Ratio(dec("60000"), dec("812.5"))
	require.NoError(t, err)
	assert.True(t, q.Total.Points.Value.Equal(want), "60,000 ÷ 812.5 exactly, got %s", q.Total.Points)
	assert.Contains(t, score.Texts(q.Total.Working()), "quality points: Fulfilment of the specification 562.50 + Experience of the project team 125.00 + Delivery concept 125.00 = 812.50",
		"the quality points are out of 1,000 as published")
	pb, _ := l.Bid("P")
	assert.Equal(t, "80", pb.Total.Points.String())
}

// Thresholds and tie-breaks read the published points: a minimum of 50% of
// a 10-point question is 5 points, and a tie is broken on the points shown.
func TestPublishedScaleThresholdsAndTieBreak(t *testing.T) {
	p := thirtyPoints()
	p.Criteria[2].MinPercent = decp("50")
	p.TieBreaks = []score.TieBreak{{Kind: score.HigherPoints, Criterion: "people"}}
	bid := func(id, name, price string, people, recruiting int64) score.Bid {
		return bidOf(id, name, map[string]score.Response{"price": priced(price), "people": marks(people), "recruiting": marks(recruiting)})
	}
	l := evalLot(t, p,
		bid("D", "Dunmore Staffing Ltd", "100000", 10, 4), // 4 of 10 is below 5 points
		bid("E", "Elmstead People Ltd", "120000", 9, 8),   // 10 + 9 + 8 = 27
		bid("F", "Fernhill Careers Ltd", "120000", 7, 10)) // 10 + 7 + 10 = 27
	d, _ := l.Bid("D")
	require.NotNil(t, d.Disqualified)
	assert.Equal(t, "Recruiting concept: 4.00 of 10 marks is below the minimum of 50% (5 marks)", d.Disqualified.Reasons[0].Text)
	var notes []string
	for _, ln := range d.Criteria() {
		if ln.CriterionID == "recruiting" {
			notes = score.Texts(ln.Notes)
		}
	}
	assert.Contains(t, notes, "below the minimum of 50% of 10 marks (5)", "the line itself says so")
	assert.Equal(t, "E", l.Winner, "tied on 27.00 of 30; 9.00 points on qualification beats 7.00")
	require.Len(t, l.TieBreaks, 1)
	assert.Equal(t, []string{"step 1, higher points on Qualification and experience of the people responsible: E 9.00, F 7.00: order E, then F"}, l.TieBreaks[0].Steps())
}
