package score

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
)

// lotRules checks the tender's lot rules and cross-lot offers against its
// lots and the bids received. Called from [Tender.Validate].
func (v *validation) lotRules(t Tender, bids []Bid) {
	lots := map[string]int{} // lot id → position in the tender
	for i, l := range t.Lots {
		if _, dup := lots[l.ID]; !dup && l.ID != "" {
			lots[l.ID] = i
		}
	}
	var awardCap *int
	if r := t.LotRules; r != nil {
		v.lotCap("lotRules.maximumLotsBidPerSupplier", r.MaxLotsBidPerSupplier, len(t.Lots))
		if v.lotCap("lotRules.maximumLotsAwardedPerSupplier", r.MaxLotsAwardedPerSupplier, len(t.Lots)) {
			awardCap = r.MaxLotsAwardedPerSupplier
		}
		v.allocation(t, *r, lots)
		v.lotsBid(t, *r, bids, lots)
	}
	v.crossLotOffers(t, bids, lots, awardCap)
	v.oneProcedure(t)
}

// lotCap checks one cap: unset, or from 1 to the number of lots. It reports
// whether the cap is set and valid.
func (v *validation) lotCap(path string, n *int, lots int) bool {
	switch {
	case n == nil:
		return false
	case *n < 1:
		v.add(path, fmt.Sprint(*n), "at-least-1", "a cap on lots per supplier must be at least 1 (leave it out for no cap)")
	case *n > lots:
		v.add(path, fmt.Sprint(*n), "max-lots", "a cap on lots per supplier cannot be more than the tender's %d lots", lots)
	default:
		return true
	}
	return false
}

func (v *validation) allocation(t Tender, r LotRules, lots map[string]int) {
	switch {
	case r.Allocation == "" && r.MaxLotsAwardedPerSupplier != nil:
		v.add("lotRules.allocation", "", "required",
			"a cap on lots awarded per supplier needs a published, objective mechanism deciding which lots a supplier gets (Procurement Act 2023 s.23(4)): %s or %s", InOrder, MaxTotalScore)
	case r.Allocation != "" && !slices.Contains(AllocationMethods(), r.Allocation):
		v.add("lotRules.allocation", string(r.Allocation), "one-of", "must be one of: %s, %s", InOrder, MaxTotalScore)
	}
	switch {
	case r.Order == "" && r.Allocation != "":
		v.add("lotRules.order", "", "required",
			"the allocation mechanism needs a declared order of lots (%s, %s or %s): it awards lots in that order, or breaks ties between equally good allocations by it",
			ValueDescending, AsListed, DeclaredSequence)
	case r.Order != "" && !slices.Contains(LotOrders(), r.Order):
		v.add("lotRules.order", string(r.Order), "one-of", "must be one of: %s, %s, %s", ValueDescending, AsListed, DeclaredSequence)
	}
	if r.Order == DeclaredSequence {
		v.sequence(t, r.Sequence, lots)
	} else if len(r.Sequence) > 0 {
		v.add("lotRules.sequence", strings.Join(r.Sequence, ","), "sequence-only", "a sequence of lots is read only with order %q", DeclaredSequence)
	}
	if r.CrossLot != "" && !slices.Contains(CrossLotEvaluations(), r.CrossLot) {
		v.add("lotRules.crossLot", string(r.CrossLot), "one-of", "must be one of: %s, %s", CrossLotNotAccepted, CrossLotTotalScore)
	}
	for _, need := range []struct {
		on    bool
		path  string
		value string
	}{
		{r.Allocation == MaxTotalScore, "lotRules.allocation", string(r.Allocation)},
		{r.CrossLot == CrossLotTotalScore, "lotRules.crossLot", string(r.CrossLot)},
	} {
		if !need.on {
			continue
		}
		for i, l := range t.Lots {
			if l.Policy.unweightedPrice() {
				v.add(need.path, need.value, "weighted-points",
					"%s adds up the awarded bids' scores across lots, so every lot must be scored on weighted points; lots[%d] (lot %s) is scored on %s, which is not a score to add: use %s",
					need.value, i, l.ID, basisWords(l.Policy.basis()), InOrder)
			}
		}
	}
}

// sequence checks a declared sequence: every lot exactly once.
func (v *validation) sequence(t Tender, seq []string, lots map[string]int) {
	seen := map[string]int{}
	for i, id := range seq {
		path := fmt.Sprintf("lotRules.sequence[%d]", i)
		if _, ok := lots[id]; !ok {
			v.add(path, id, "known-lot", "the tender has no lot with this id")
			continue
		}
		if j, dup := seen[id]; dup {
			v.add(path, id, "unique", "lot already listed at sequence[%d]", j)
			continue
		}
		seen[id] = i
	}
	var missing []string
	for _, l := range t.Lots {
		if _, ok := seen[l.ID]; !ok && l.ID != "" {
			missing = append(missing, l.ID)
		}
	}
	if len(missing) > 0 {
		v.add("lotRules.sequence", strings.Join(seq, ","), "every-lot", "the sequence must list every lot exactly once; missing: %s", strings.Join(missing, ", "))
	}
}

// lotsBid reports each supplier bidding for more lots than the rules allow,
// once, at its first bid beyond the limit.
func (v *validation) lotsBid(t Tender, r LotRules, bids []Bid, lots map[string]int) {
	if r.MaxLotsBidPerSupplier == nil || *r.MaxLotsBidPerSupplier < 1 {
		return
	}
	limit := *r.MaxLotsBidPerSupplier
	bidFor := map[string][]string{} // supplier → lots, as met
	first := map[string]int{}       // supplier → index of its first bid beyond the limit
	var over []string
	for i, b := range bids {
		if _, ok := lots[b.Lot]; !ok || b.Supplier.ID == "" || slices.Contains(bidFor[b.Supplier.ID], b.Lot) {
			continue
		}
		bidFor[b.Supplier.ID] = append(bidFor[b.Supplier.ID], b.Lot)
		if _, done := first[b.Supplier.ID]; !done && len(bidFor[b.Supplier.ID]) > limit {
			first[b.Supplier.ID] = i
			over = append(over, b.Supplier.ID)
		}
	}
	for _, s := range over {
		ls := slices.Clone(bidFor[s])
		slices.SortFunc(ls, func(a, b string) int { return lots[a] - lots[b] })
		i := first[s]
		v.add(fmt.Sprintf("bids[%d].lot", i), bids[i].Lot, "max-lots-bid",
			"supplier %s (%s) bids for %d lots (%s) but lotRules.maximumLotsBidPerSupplier allows %d",
			s, bids[i].Supplier.Name, len(ls), strings.Join(ls, ", "), limit)
	}
}

// crossLotOffers checks each offer: who makes it, the lots it names and the
// reduction.
func (v *validation) crossLotOffers(t Tender, bids []Bid, lots map[string]int, awardCap *int) {
	if len(t.CrossLotOffers) > MaxCrossLotOffers {
		v.add("crossLotOffers", fmt.Sprintf("%d offers", len(t.CrossLotOffers)), "max-offers",
			"at most %d cross-lot offers can be evaluated in one tender (every set of them naming disjoint lots is tried)", MaxCrossLotOffers)
	}
	if len(t.CrossLotOffers) == 0 {
		return // nothing to look bids up for
	}
	bidOn := map[[2]string]Bid{} // (supplier, lot) → bid
	for _, b := range bids {
		k := [2]string{b.Supplier.ID, b.Lot}
		if _, dup := bidOn[k]; !dup {
			bidOn[k] = b
		}
	}
	suppliers := map[string]bool{}
	for _, b := range bids {
		suppliers[b.Supplier.ID] = true
	}
	ids := map[string]int{}
	for i, o := range t.CrossLotOffers {
		path := fmt.Sprintf("crossLotOffers[%d]", i)
		switch _, dup := ids[o.ID]; {
		case o.ID == "":
			v.add(path+".id", "", "required", "an offer needs an id")
		case dup:
			v.add(path+".id", o.ID, "unique", "offer id already used by crossLotOffers[%d]", ids[o.ID])
		default:
			ids[o.ID] = i
		}
		knownSupplier := o.Supplier != "" && suppliers[o.Supplier]
		switch {
		case o.Supplier == "":
			v.add(path+".supplier", "", "required", "name the supplier making the offer by its id")
		case !knownSupplier:
			v.add(path+".supplier", o.Supplier, "known-supplier", "no bid comes from a supplier with this id")
		}
		if len(o.Lots) < 2 {
			v.add(path+".lots", strings.Join(o.Lots, ","), "min-lots", "a cross-lot offer names at least two lots to be awarded together")
		}
		if awardCap != nil && len(o.Lots) > *awardCap {
			v.add(path+".lots", strings.Join(o.Lots, ","), "within-cap",
				"the offer names %d lots but lotRules.maximumLotsAwardedPerSupplier allows %d: it could never be accepted", len(o.Lots), *awardCap)
		}
		seen := map[string]int{}
		for j, id := range o.Lots {
			lp := fmt.Sprintf("%s.lots[%d]", path, j)
			if _, ok := lots[id]; !ok {
				v.add(lp, id, "known-lot", "the tender has no lot with this id")
				continue
			}
			if k, dup := seen[id]; dup {
				v.add(lp, id, "unique", "lot already named at lots[%d]", k)
				continue
			}
			seen[id] = j
			if !knownSupplier {
				continue
			}
			b, ok := bidOn[[2]string{o.Supplier, id}]
			if !ok {
				v.add(lp, id, "bid-for-lot", "supplier %s did not bid for lot %s", o.Supplier, id)
				continue
			}
			if p := percentOffProblem(o.PercentOff); p == "" {
				v.reducedPrices(path+".percentOff", b, o.PercentOff)
			}
		}
		if p := percentOffProblem(o.PercentOff); p != "" {
			v.add(path+".percentOff", numberValue(o.PercentOff), "percent-off", "%s", p)
		}
	}
}

// numberValue writes a decimal for a problem's value without expanding one
// beyond the size limits (a huge exponent would take minutes to write out).
func numberValue(d decimal.Decimal) string {
	if p := criteria.CheckNumber("", d); p != nil {
		return p.Value
	}
	return d.String()
}

func percentOffProblem(d decimal.Decimal) string {
	if p := criteria.CheckNumber("", d); p != nil {
		return p.Message
	}
	if d.Sign() <= 0 || d.Cmp(decimal.NewFromInt(100)) >= 0 {
		return "the reduction is a percentage more than 0 and less than 100"
	}
	return ""
}

// reducedPrices checks that every price of the bid, reduced as offered, is
// still an amount the engine can take (no more decimal places than allowed).
func (v *validation) reducedPrices(path string, b Bid, pct decimal.Decimal) {
	rb := reduceBid(b, pct)
	for _, k := range sortedKeys(rb.Responses) {
		r := rb.Responses[k].Price
		if r.Amount != nil {
			if p := criteria.CheckNumber(path, *r.Amount); p != nil {
				v.add(path, pct.String(), "reduced-price", "reducing bid %s's price for %s by %s%% gives %s: %s", b.ID, k, pct, p.Value, p.Message)
			}
		}
		for _, item := range sortedKeys(r.UnitPrices) {
			u := r.UnitPrices[item]
			if p := criteria.CheckNumber(path, u); p != nil {
				v.add(path, pct.String(), "reduced-price", "reducing bid %s's unit price for %s (%s) by %s%% gives %s: %s", b.ID, k, item, pct, p.Value, p.Message)
			}
		}
	}
}
