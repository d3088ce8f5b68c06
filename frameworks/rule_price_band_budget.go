package frameworks

import (
	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Rule price-band-budget: a band price method whose ceiling runs above the
// published maximum budget publishes marks no price can earn — a price above
// the budget is disqualified or scores nothing, so the scale really ends at
// the budget — and a band wholly above the budget gives every price within
// budget full marks. Either misdescribes how prices are assessed: award
// criteria are to be sufficiently clear, measurable and specific, and the
// methodology must describe how tenders are assessed (Procurement Act 2023
// s.23(2)(b), (3)(a); under PCR 2015 the duty to act transparently, reg
// 18(1)).
//
// Codes: price-band-budget (warning).

func bandBudgetSource(regime score.Regime) Source {
	if regime == score.PCR2015 {
		return verified("PCR 2015 reg 18(1) (act in a transparent and proportionate manner)")
	}
	return verified("Procurement Act 2023 s.23(2)(b), (3)(a) (award criteria sufficiently clear, measurable and specific; the assessment methodology described)")
}

func checkPriceBandBudget(r *run, l *lotCtx) {
	for i := range l.shares {
		s := &l.shares[i]
		p := s.c.Price
		if p == nil || p.Method != criteria.Band || p.MaxBudget.IsZero() || p.Ceiling.Cmp(p.MaxBudget) <= 0 {
			continue
		}
		over := "a price above the budget is disqualified"
		if p.OverBudget == criteria.ScoreZeroOverBudget {
			over = "a price above the budget scores 0"
		}
		if p.Floor.Cmp(p.MaxBudget) >= 0 {
			r.add(l, s, Warning, "price-band-budget", bandBudgetSource(l.regime),
				"the price band (%s to %s) lies wholly above the maximum budget %s: every price within budget scores full marks and %s, so price does not separate the bids; set the band within the budget",
				exact.Money(p.Floor), exact.Money(p.Ceiling), exact.Money(p.MaxBudget), over)
			continue
		}
		r.add(l, s, Warning, "price-band-budget", bandBudgetSource(l.regime),
			"the price band runs from %s to %s, above the maximum budget %s: %s, so the marks the band publishes between %s and %s can never be earned; end the band at the budget",
			exact.Money(p.Floor), exact.Money(p.Ceiling), exact.Money(p.MaxBudget), over, exact.Money(p.MaxBudget), exact.Money(p.Ceiling))
	}
}
