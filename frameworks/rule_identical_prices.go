package frameworks

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Rule identical-prices: bids from different suppliers in one lot with the
// same price on a price criterion are a warning sign of bid-rigging ("different
// bids with identical prices": CMA, Bid-rigging: advice for public sector
// procurers). The rule flags them for review and never excludes: a supplier
// is excludable only where the authority considers that an agreement or
// concerted practice it is party to infringed the Chapter I prohibition
// (Procurement Act 2023 Sch. 7 para 7(1)), and only after it has had a
// reasonable opportunity to make representations (s.58(2)); under PCR 2015
// only on sufficiently plausible indications (reg 57(8)(d)). It needs the
// bids (WithBids); without them it says nothing. A price a bid does not give
// validly is left to validation.
//
// Codes: identical-prices (warning).

func identicalPricesSource(regime score.Regime) Source {
	cma := verified("CMA, Bid-rigging: advice for public sector procurers (gov.uk, updated 20 June 2016): different bids with identical prices")
	if regime == score.PCR2015 {
		return joinSources(cma, verified("PCR 2015 reg 57(8)(d) (exclusion only on sufficiently plausible indications of agreements distorting competition)"))
	}
	return joinSources(cma, verified("Procurement Act 2023 Sch. 7 para 7(1), s.58(2) (a discretionary exclusion ground, only after the supplier's representations)"))
}

// pricedBid is one bid's price on one criterion.
type pricedBid struct {
	price    decimal.Decimal
	bid      string
	supplier score.Supplier
}

func checkIdenticalPrices(r *run, l *lotCtx) {
	if !r.cfg.hasBids {
		return
	}
	for i := range l.shares {
		s := &l.shares[i]
		if s.c.Price == nil || !s.leaf {
			continue
		}
		var field []pricedBid
		for _, b := range r.cfg.bids {
			if b.Lot != l.lot.ID {
				continue
			}
			q, ps := s.c.Price.Quote(b.Responses[s.c.ID].Price)
			if len(ps) > 0 {
				continue
			}
			field = append(field, pricedBid{price: q.Price, bid: b.ID, supplier: b.Supplier})
		}
		slices.SortStableFunc(field, func(a, b pricedBid) int {
			if c := a.price.Cmp(b.price); c != 0 {
				return c
			}
			return strings.Compare(a.bid, b.bid)
		})
		for j := 0; j < len(field); {
			k := j + 1
			for k < len(field) && field[k].price.Equal(field[j].price) {
				k++
			}
			reportIdentical(r, l, s, field[j:k])
			j = k
		}
	}
}

// reportIdentical warns about one price shared by bids of different
// suppliers.
func reportIdentical(r *run, l *lotCtx, s *share, same []pricedBid) {
	suppliers := map[string]bool{}
	var who []string
	for _, p := range same {
		if !suppliers[p.supplier.ID] {
			suppliers[p.supplier.ID] = true
		}
		who = append(who, p.bid+" ("+p.supplier.Name+")")
	}
	if len(suppliers) < 2 {
		return
	}
	r.add(l, s, Warning, "identical-prices", identicalPricesSource(l.regime),
		"bids %s from %d different suppliers give the same price, %s: identical prices are a warning sign of bid-rigging; review the bids (and report a suspicion to the CMA), but never exclude on this alone",
		strings.Join(who, ", "), len(suppliers), exact.Money(same[0].price))
}
