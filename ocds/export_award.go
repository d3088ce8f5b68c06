package ocds

import (
	"encoding/json"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/score"
)

// bidsSection lists every bid (the bids extension): its tenderer, its
// price as bid, its status and its lot. The status is valid, or
// disqualified for a tender disqualified or disregarded (the bidStatus
// codelist is closed, and its disqualified is "did not meet the
// qualification requirements in order to be evaluated"); the reasons are
// kept out: they belong in what the bidder is sent.
func (x *exporter) bidsSection() *outBids {
	dq := map[string]bool{}
	for _, lr := range x.award.Separate.Lots {
		for _, br := range lr.Bids {
			if br.Disqualified != nil {
				dq[br.BidID] = true
			}
		}
	}
	out := &outBids{Details: []outBid{}}
	for _, b := range x.sortedBids() {
		ob := outBid{
			ID:          b.ID,
			Status:      "valid",
			Tenderers:   []outOrgRef{{ID: x.supplierParty[b.Supplier.ID], Name: b.Supplier.Name}},
			RelatedLots: []string{b.Lot},
		}
		if dq[b.ID] {
			ob.Status = "disqualified"
		}
		if l, ok := x.t.Lot(b.Lot); ok {
			if p, ok := bidPrice(l.Policy, b); ok {
				ob.Value = &outValue{Amount: json.Number(p.String()), Currency: "GBP"}
			}
			ob.Parameters = parameters(l, b) // export_features.go
		}
		out.Details = append(out.Details, ob)
	}
	return out
}

// awards lists the award of each lot, in the tender's order: pending (a
// decision in its standstill, not yet a contract) for a lot awarded, with
// the supplier, the price in force and the bid; unsuccessful for a lot not
// awarded. A lot whose award rests on a tie the declared chain could not
// break has no award until the authority resolves it.
func (x *exporter) awards() []outAward {
	var out []outAward
	for _, la := range x.award.Lots {
		if la.Provisional {
			continue
		}
		a := outAward{
			ID:          "award-" + la.LotID,
			Title:       "Lot " + la.LotID + ": " + la.Title,
			RelatedLots: []string{la.LotID},
		}
		switch la.Status {
		case score.Awarded:
			a.Status = "pending"
			if !x.opts.AwardDate.IsZero() {
				a.Date = stamp(x.opts.AwardDate)
			}
			a.Suppliers = []outOrgRef{{ID: x.supplierParty[la.Supplier.ID], Name: la.Supplier.Name}}
			a.RelatedBid = la.BidID
			if v, ok := x.awardValue(la); ok {
				a.Value = &outValue{Amount: json.Number(v.String()), Currency: "GBP"}
			}
			if p, ok := x.standstillFor(la.LotID); ok {
				a.StandstillPeriod = &outPeriod{StartDate: stamp(p.Start), EndDate: stamp(p.End)}
			}
		case score.NotAwardedNoCompliantBid:
			a.Status, a.Description = "unsuccessful", "No compliant bid."
		default:
			a.Status, a.Description = "unsuccessful", "Every supplier with a compliant bid had already been awarded the most lots one supplier may be awarded."
		}
		out = append(out, a)
	}
	return out
}

// awardValue is the price of the bid awarded a lot, reduced as offered
// when the lot is awarded under a cross-lot offer.
func (x *exporter) awardValue(la score.LotAward) (decimal.Decimal, bool) {
	l, ok := x.t.Lot(la.LotID)
	if !ok {
		return decimal.Decimal{}, false
	}
	for _, b := range x.bids {
		if b.ID != la.BidID {
			continue
		}
		p, ok := bidPrice(l.Policy, b)
		if !ok || la.Offer == "" {
			return p, ok
		}
		for _, o := range x.t.CrossLotOffers {
			if o.ID == la.Offer {
				hundred := decimal.NewFromInt(100)
				return p.Mul(hundred.Sub(o.PercentOff)).Shift(-2), true
			}
		}
		return decimal.Decimal{}, false
	}
	return decimal.Decimal{}, false
}

// bidPrice is the bid's price as bid: the sum of its prices for the lot's
// price criteria, a schedule at its total (a whole-life cost undiscounted:
// what the authority would pay, not the figure compared). False when the
// lot has no price criterion or the bid prices none.
func bidPrice(p score.Policy, b score.Bid) (decimal.Decimal, bool) {
	total, found := decimal.Zero, false
	var walk func([]score.Criterion)
	walk = func(cs []score.Criterion) {
		for _, c := range cs {
			if !c.IsLeaf() {
				walk(c.Children)
				continue
			}
			if c.Price == nil {
				continue
			}
			r := b.Responses[c.ID].Price
			switch {
			case r.Amount != nil:
				total, found = total.Add(*r.Amount), true
			case c.Price.Schedule != nil && len(r.UnitPrices) > 0:
				s := *c.Price.Schedule
				s.Discount = nil
				if q, ps := s.Quote(r.UnitPrices); len(ps) == 0 {
					total, found = total.Add(q.Price), true
				}
			}
		}
	}
	walk(p.Criteria)
	return total, found
}
