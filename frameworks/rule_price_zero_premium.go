package frameworks

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Rule price-zero-premium: some price methods give no marks at all to a
// price only modestly above the lowest, turning the price criterion into a
// near-exclusion: the deduction method with rate k scores 0 at 100/k % above
// the lowest price; the band method at its ceiling, (ceiling − floor) ÷
// floor above the floor; the linear (min–max) method gives the highest
// price 0 whatever its premium, however small. The rule says at what
// premium a price reaches zero, and warns where that is at most 50% — this
// library's advice, not a figure of law — or, for min–max, always (with the
// bids, WithBids, it gives the highest price's actual premium). Award
// criteria are to be a proportionate means of assessing tenders
// (Procurement Act 2023 s.23(2)(d); PCR 2015 reg 18(1)).
//
// Codes: price-zero-premium (warning).

// modestPremiumPercent is the premium at or below which a zero score is
// called modest: the library's advice.
const modestPremiumPercent = 50

// proportionateSource is the duty a model's arithmetic answers to: award
// criteria a proportionate means of assessing tenders.
func proportionateSource(regime score.Regime) Source {
	if regime == score.PCR2015 {
		return verified("PCR 2015 reg 18(1) (act in a proportionate manner)")
	}
	return verified("Procurement Act 2023 s.23(2)(d) (award criteria a proportionate means of assessing tenders)")
}

func checkPriceZeroPremium(r *run, l *lotCtx) {
	hundred := decimal.NewFromInt(100)
	modest := exact.Whole(decimal.NewFromInt(modestPremiumPercent))
	for i := range l.shares {
		s := &l.shares[i]
		p := s.c.Price
		if p == nil {
			continue
		}
		switch p.Method {
		case criteria.Deduction:
			zero, err := exact.Ratio(hundred, p.Rate) // 100 ÷ k percent above the lowest
			if err != nil || zero.Cmp(modest) > 0 {
				continue
			}
			r.add(l, s, Warning, "price-zero-premium", proportionateSource(l.regime),
				"the deduction method with rate %s gives no price marks to a price %s or more above the lowest (100 ÷ %s): a modest premium (at most %d%%, this library's advice) scores 0",
				exact.Plain(p.Rate), pctText(zero), exact.Plain(p.Rate), modestPremiumPercent)
		case criteria.Band:
			if p.Floor.Sign() <= 0 {
				continue
			}
			zero, err := exact.Ratio(p.Ceiling.Sub(p.Floor).Mul(hundred), p.Floor)
			if err != nil || zero.Cmp(modest) > 0 {
				continue
			}
			r.add(l, s, Warning, "price-zero-premium", proportionateSource(l.regime),
				"the band method gives no price marks at its ceiling %s, %s above its floor %s: a modest premium (at most %d%%, this library's advice) scores 0",
				exact.Money(p.Ceiling), pctText(zero), exact.Money(p.Floor), modestPremiumPercent)
		case criteria.Linear:
			r.add(l, s, Warning, "price-zero-premium", proportionateSource(l.regime),
				"the linear (min–max) method gives the highest price 0 whatever its premium over the lowest%s", highestPremium(r, l, s))
		}
	}
}

// highestPremium says, with the bids, how far above the lowest the highest
// price within budget is.
func highestPremium(r *run, l *lotCtx, s *share) string {
	if !r.cfg.hasBids {
		return ": with two close prices, even 1% above the lowest scores 0"
	}
	var lo, hi decimal.Decimal
	n := 0
	for _, b := range r.cfg.bids {
		if b.Lot != l.lot.ID {
			continue
		}
		q, ps := s.c.Price.Quote(b.Responses[s.c.ID].Price)
		if len(ps) > 0 || s.c.Price.IsOverBudget(q.Price) {
			continue
		}
		if n == 0 || q.Price.Cmp(lo) < 0 {
			lo = q.Price
		}
		if n == 0 || q.Price.Cmp(hi) > 0 {
			hi = q.Price
		}
		n++
	}
	if n < 2 || hi.Equal(lo) {
		return ": with two close prices, even 1% above the lowest scores 0"
	}
	prem, err := exact.Ratio(hi.Sub(lo).Mul(decimal.NewFromInt(100)), lo)
	if err != nil {
		return ""
	}
	return "; here the highest, " + exact.Money(hi) + ", is " + pctText(prem) + " above the lowest, " + exact.Money(lo) + ", and scores 0"
}
