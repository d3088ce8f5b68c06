package score

import (
	"github.com/shopspring/decimal"
)

// QuotedPrice is one bid's price on one price criterion as the evaluation
// compared it — the single amount offered, a schedule's total, or its
// whole-life cost — with the published maximum budget it is held against.
// The authority's report compares the compliant bids' prices from these.
type QuotedPrice struct {
	// CriterionID and Title name the price criterion.
	CriterionID string
	Title       string
	// Price is the amount compared between bids (criteria.PriceRule.Quote).
	Price decimal.Decimal
	// Offered says how the price was offered: "£15,000.00", or "schedule
	// of 3 lines totalling £52,200.00, whole-life cost £49,871.12".
	Offered string
	// MaxBudget is the published maximum budget; zero when none is
	// published. OverBudget is true when Price is above it.
	MaxBudget  decimal.Decimal
	OverBudget bool
}

// Prices returns the prices the evaluation compared for the bid, one per
// price criterion in policy order. A bid that left the competition before
// prices were compared (at a gate, or below a quality threshold) has none;
// nor has a BidResult the engine did not make.
func (b BidResult) Prices() []QuotedPrice {
	if b.k == nil || b.s == nil || b.s.prep == nil || !pricesCompared(b.Disqualified) {
		return nil
	}
	var out []QuotedPrice
	for i, n := range b.k.prices {
		if i >= len(b.s.prep.quotes) {
			break
		}
		q := b.s.prep.quotes[i]
		if q.Price.Sign() <= 0 { // never quoted: a price is always positive
			continue
		}
		r := n.c.Price
		out = append(out, QuotedPrice{CriterionID: n.c.ID, Title: n.c.Title, Price: q.Price, Offered: q.Input(),
			MaxBudget: r.MaxBudget, OverBudget: r.IsOverBudget(q.Price)})
	}
	return out
}

// pricesCompared reports whether a bid was still in when prices were
// compared: a compliant bid, or one disqualified at or after that stage
// (over the budget, or with no quality points to divide its price by).
// Every other stage comes before it (see [DisqualifyStage]).
func pricesCompared(dq *Disqualification) bool {
	return dq == nil || dq.Stage == AtBudget || dq.Stage == AtRatio
}
