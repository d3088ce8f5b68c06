package score_test

import (
	"sort"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// bandLot is a lot scored on price alone within a band from £0 to £100, so
// that a bid priced p scores exactly 100 − p points whatever the other bids:
// hand-worked allocations choose the scores they need. A price above £99 is
// over the maximum budget and disqualified.
func bandLot(id, value string) score.Lot {
	return score.Lot{ID: id, Title: "Lot " + id, EstimatedValue: dec(value), TermMonths: 12, Policy: score.Policy{
		Criteria: []score.Criterion{priceCrit("p-"+id, "100", criteria.PriceRule{Method: criteria.Band,
			Floor: dec("0"), Ceiling: dec("100"), MaxBudget: dec("99"), OverBudget: criteria.DisqualifyOverBudget})},
	}}
}

// grid is the scores of a hand-worked tender: lot id → supplier → score
// ("x" for a bid disqualified over budget).
type grid map[string]map[string]string

// lotsOf makes band lots from "id:value" pairs, in the order given.
func lotsOf(pairs ...string) []score.Lot {
	var out []score.Lot
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, bandLot(pairs[i], pairs[i+1]))
	}
	return out
}

// multiLot builds the tender and its bids: bid "L1-A" is supplier A's bid
// for lot L1, priced so that it scores what the grid says.
func multiLot(rules *score.LotRules, lots []score.Lot, g grid, offers ...score.CrossLotOffer) (score.Tender, []score.Bid) {
	t := score.Tender{ID: "T-ML", Title: "Multi-lot test tender", Authority: score.Authority{Name: "Anytown Council", Type: score.SubCentral},
		Commenced: date.On(2026, 3, 1), Regime: score.PA2023, Lots: lots, LotRules: rules, CrossLotOffers: offers}
	var bids []score.Bid
	for _, l := range lots {
		sups := make([]string, 0, len(g[l.ID]))
		for s := range g[l.ID] {
			sups = append(sups, s)
		}
		sort.Strings(sups)
		for _, s := range sups {
			bids = append(bids, bandBid(l.ID, s, g[l.ID][s]))
		}
	}
	return t, bids
}

// bandBid is supplier s's bid for a band lot scoring sc points ("x":
// disqualified).
func bandBid(lot, s, sc string) score.Bid {
	price := dec("150")
	if sc != "x" {
		price = decimal.NewFromInt(100).Sub(dec(sc))
	}
	return score.Bid{ID: lot + "-" + s, Supplier: score.Supplier{ID: s, Name: "Supplier " + s}, Lot: lot,
		Responses: map[string]score.Response{"p-" + lot: {Price: criteria.Amount(price)}}}
}

// awards returns lot id → bid awarded ("" when not awarded).
func awards(a score.AwardResult) map[string]string {
	out := map[string]string{}
	for _, l := range a.Lots {
		out[l.LotID] = l.BidID
	}
	return out
}
