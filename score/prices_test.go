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

// TestBidPrices: each bid's price as compared, held against the published
// maximum budget (a price equal to it is within: criteria.PriceRule).
func TestBidPrices(t *testing.T) {
	for _, tt := range []struct {
		name, why string
		over      criteria.OverBudget
		price     string
		overBy    bool
		dq        bool
	}{
		{"below the budget", "£80,000 < £100,000", criteria.ScoreZeroOverBudget, "80000", false, false},
		{"at the budget", "a price equal to the maximum is within it", criteria.ScoreZeroOverBudget, "100000", false, false},
		{"over, scored zero", "£110,000 > £100,000, kept in with no price marks", criteria.ScoreZeroOverBudget, "110000", true, false},
		{"over, disqualified", "disqualified at the budget stage, after its price was compared", criteria.DisqualifyOverBudget, "110000", true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := simplePolicy()
			p.Criteria[0].Price.MaxBudget, p.Criteria[0].Price.OverBudget = dec("100000"), tt.over
			l := evalLot(t, p, simpleBid("A", "90000", 3), simpleBid("B", tt.price, 3))
			b, _ := l.Bid("B")
			assert.Equal(t, tt.dq, b.Disqualified != nil, tt.why)
			ps := b.Prices()
			require.Len(t, ps, 1, tt.why)
			assert.Equal(t, "price", ps[0].CriterionID)
			assert.Equal(t, "Price", ps[0].Title)
			assert.Equal(t, tt.price, ps[0].Price.String())
			assert.Equal(t, exact.Money(dec(tt.price)), ps[0].Offered, "a single amount is offered as it is compared")
			assert.Equal(t, "100000", ps[0].MaxBudget.String())
			assert.Equal(t, tt.overBy, ps[0].OverBudget, tt.why)
		})
	}
}

// TestBidPricesOfASchedule: a schedule's price is its whole-life cost.
// hand: year 0 £1,000 + year 1 £10 × 100 = £1,000 ÷ 1.035 = £966.1835…,
// so £1,966.18 (2 dp half-up); the lines total £2,000.
func TestBidPricesOfASchedule(t *testing.T) {
	rule := criteria.PriceRule{Method: criteria.Relative, Schedule: &criteria.Schedule{
		Lines:    []criteria.ScheduleLine{{Item: "setup", Quantity: dec("1"), Years: 1}, {Item: "desk", Quantity: dec("100"), FirstYear: 1, Years: 1}},
		Discount: &criteria.Discount{Rate: dec("0.035"), Rounding: exact.Rounding{Places: 2, Mode: exact.HalfUp}}}}
	p := score.Policy{Criteria: []score.Criterion{priceCrit("price", "100", rule)}}
	b := score.Bid{ID: "A", Supplier: score.Supplier{ID: "A", Name: "Alder Ltd"}, Lot: "L1", Responses: map[string]score.Response{
		"price": {Price: criteria.UnitPrices(map[string]decimal.Decimal{"setup": dec("1000"), "desk": dec("10")})}}}
	l := evalLot(t, p, b)
	got, _ := l.Bid("A")
	ps := got.Prices()
	require.Len(t, ps, 1)
	assert.Equal(t, "1966.18", ps[0].Price.String())
	assert.Equal(t, "schedule of 2 lines totalling £2,000.00, whole-life cost £1,966.18", ps[0].Offered)
	assert.True(t, ps[0].MaxBudget.IsZero(), "no budget published")
	assert.False(t, ps[0].OverBudget)
}

// TestBidPricesOfTendersOut: a tender out at a gate never had its price
// compared.
func TestBidPricesOfTendersOut(t *testing.T) {
	p := simplePolicy()
	p.Gates = []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "ins", Title: "Insurance"}}
	gated := func(id string, pass bool) score.Bid {
		b := simpleBid(id, "100", 3)
		b.Gates = map[string]criteria.GateResult{"ins": {Pass: pass, Reason: "checked"}}
		return b
	}
	l := evalLot(t, p, gated("A", true), gated("B", false))
	b, _ := l.Bid("B")
	assert.Nil(t, b.Prices())
	a, _ := l.Bid("A")
	assert.Len(t, a.Prices(), 1)
	assert.Nil(t, score.BidResult{}.Prices())
}
