package ocds

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/tenderscore/tenderscore/score"
)

// exporter builds one release from a validated tender, its bids and their
// award.
type exporter struct {
	t        score.Tender
	features []outFeature // export_features.go
	bids     []score.Bid
	award    *score.AwardResult // nil without bids
	opts     ExportOptions
	ocid     string
	buyer    outParty
	// supplierParty maps a supplier id to its party id.
	supplierParty map[string]string
	// standstill holds each awarded lot's standstill period, where known.
	standstill map[string]Period
}

func newExporter(t score.Tender, bids []score.Bid, award *score.AwardResult, opts ExportOptions) (*exporter, error) {
	x := &exporter{t: t, bids: bids, award: award, opts: opts, ocid: opts.OCIDPrefix + "-" + t.ID, supplierParty: map[string]string{}}
	x.buyer = x.buyerParty()
	fs, err := features(t)
	if err != nil {
		return nil, err
	}
	x.features = fs
	taken := map[string]string{x.buyer.ID: "the buyer"}
	for _, b := range x.sortedBids() {
		sid := b.Supplier.ID
		if _, done := x.supplierParty[sid]; done {
			continue
		}
		pid := sid
		if id, ok := opts.Suppliers[sid]; ok {
			pid = id.Scheme + "-" + id.ID
		}
		if other, clash := taken[pid]; clash {
			return nil, &OptionError{Option: "Suppliers[" + sid + "]", Value: pid, Message: "the party id is already that of " + other + "; give registered identifiers that tell them apart"}
		}
		taken[pid] = "supplier " + sid
		x.supplierParty[sid] = pid
	}
	for _, id := range sortedKeys(opts.Suppliers) {
		if _, ok := x.supplierParty[id]; !ok {
			return nil, &OptionError{Option: "Suppliers[" + id + "]", Value: id, Message: "no bid is from a supplier with this id"}
		}
	}
	if award == nil && !opts.AwardNotice.IsZero() {
		return nil, &OptionError{Option: "AwardNotice", Value: opts.AwardNotice.String(), Message: "there is no award without bids, so no award notice"}
	}
	for _, id := range sortedKeys(opts.Standstill) {
		if id == "" && award == nil {
			return nil, &OptionError{Option: "Standstill", Message: "there is no award without bids, so no standstill"}
		}
		if la, ok := x.lotAward(id); id != "" && (!ok || la.Status != score.Awarded || la.Provisional) {
			return nil, &OptionError{Option: "Standstill[" + id + "]", Value: id, Message: "the lot is not awarded, so it has no standstill"}
		}
	}
	if award != nil {
		if err := x.standstills(); err != nil {
			return nil, err
		}
	}
	return x, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// buyerParty is the authority as a party, classified by its type (and, for
// an authority under devolved regulations, its nation).
func (x *exporter) buyerParty() outParty {
	a := x.t.Authority
	p := outParty{ID: "buyer", Name: a.Name, Roles: []string{"buyer"}}
	if !x.opts.Buyer.IsZero() {
		p.ID = x.opts.Buyer.Scheme + "-" + x.opts.Buyer.ID
		p.Identifier = &outIdentifier{Scheme: x.opts.Buyer.Scheme, ID: x.opts.Buyer.ID, LegalName: p.Name}
	}
	var cls []outClassification
	if ct, ok := caTypeOf(a.Type); ok {
		cls = append(cls, outClassification{Scheme: caTypeScheme, ID: ct.code, Description: ct.description})
	}
	for _, d := range devolved {
		if d.nation == a.Nation {
			cls = append(cls, outClassification{Scheme: devolvedScheme, ID: d.code})
		}
	}
	if len(cls) > 0 {
		p.Details = &outDetails{Classifications: cls}
	}
	return p
}

// sortedBids lists the bids by the tender's order of lots, then bid id, so
// that the release does not depend on the order bids arrive in.
func (x *exporter) sortedBids() []score.Bid {
	place := map[string]int{}
	for i, l := range x.t.Lots {
		place[l.ID] = i
	}
	out := slices.Clone(x.bids)
	slices.SortStableFunc(out, func(a, b score.Bid) int {
		if pa, pb := place[a.Lot], place[b.Lot]; pa != pb {
			return pa - pb
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

func (x *exporter) lotAward(id string) (score.LotAward, bool) {
	if x.award == nil {
		return score.LotAward{}, false
	}
	return x.award.Lot(id)
}

func (x *exporter) release() outRelease {
	r := outRelease{
		OCID: x.ocid, ID: x.opts.ReleaseID, Date: stamp(x.opts.Date),
		Tag: []string{"tender"}, InitiationType: "tender", Language: "en",
		Buyer:  outOrgRef{ID: x.buyer.ID, Name: x.buyer.Name},
		Tender: x.tender(),
	}
	r.Parties = append([]outParty{x.buyer}, x.supplierParties()...)
	if x.award != nil {
		r.Bids = x.bidsSection()
		r.Awards = x.awards()
		if len(r.Awards) > 0 {
			r.Tag = append(r.Tag, "award")
		}
	}
	return r
}

// supplierParties lists every bidder once, by party id, as a tenderer and,
// when awarded a lot, a supplier.
func (x *exporter) supplierParties() []outParty {
	awarded := map[string]bool{}
	if x.award != nil {
		for _, la := range x.award.Lots {
			if la.Status == score.Awarded && !la.Provisional {
				awarded[la.Supplier.ID] = true
			}
		}
	}
	var out []outParty
	seen := map[string]bool{}
	for _, b := range x.sortedBids() {
		s := b.Supplier
		if seen[s.ID] {
			continue
		}
		seen[s.ID] = true
		p := outParty{ID: x.supplierParty[s.ID], Name: s.Name, Roles: []string{"tenderer"}}
		p.Identifier = &outIdentifier{ID: s.ID, LegalName: p.Name}
		if id, ok := x.opts.Suppliers[s.ID]; ok {
			p.Identifier = &outIdentifier{Scheme: id.Scheme, ID: id.ID, LegalName: p.Name}
		}
		if awarded[s.ID] {
			p.Roles = append(p.Roles, "supplier")
		}
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b outParty) int { return strings.Compare(a.ID, b.ID) })
	return out
}

func (x *exporter) tender() outTender {
	t := x.t
	out := outTender{ID: t.ID, Title: t.Title, AwardCriteria: tenderAwardCriteria(t)}
	if lb, ok := legalBasisOf(t.Regime); ok {
		out.LegalBasis = &outClassification{Scheme: lb.scheme, ID: lb.id, Description: lb.description, URI: lb.uri}
	}
	out.Features = x.features
	statuses := map[string]int{}
	for _, l := range t.Lots {
		ol := outLot{ID: l.ID, Title: l.Title, Status: x.lotStatus(l.ID), AwardCriteria: awardCriteria(l.Policy)}
		if !l.EstimatedValue.IsZero() {
			ol.Value = &outValue{AmountGross: json.Number(l.EstimatedValue.String()), Currency: "GBP"}
		}
		if l.TermMonths > 0 {
			ol.ContractPeriod = &outPeriod{DurationInMonths: l.TermMonths}
		}
		statuses[ol.Status]++
		out.Lots = append(out.Lots, ol)
	}
	switch {
	case statuses["active"] > 0 || len(t.Lots) == 0:
		out.Status = "active"
	case statuses["complete"] == 0:
		out.Status = "unsuccessful"
	default:
		out.Status = "complete"
	}
	if r := t.LotRules; r != nil && (r.MaxLotsBidPerSupplier != nil || r.MaxLotsAwardedPerSupplier != nil || r.Description != "") {
		out.LotDetails = &outLotDetails{
			MaximumLotsBidPerSupplier:     r.MaxLotsBidPerSupplier,
			MaximumLotsAwardedPerSupplier: r.MaxLotsAwardedPerSupplier,
			AwardCriteriaDetails:          r.Description,
		}
	}
	return out
}

// lotStatus is the tender status of a lot: active while bids are not
// known or the award rests on an unbroken tie, complete when awarded,
// unsuccessful when not.
func (x *exporter) lotStatus(id string) string {
	la, ok := x.lotAward(id)
	switch {
	case !ok || la.Provisional:
		return "active"
	case la.Status == score.Awarded:
		return "complete"
	}
	return "unsuccessful"
}

// tenderAwardCriteria is the core tender.awardCriteria code: priceOnly,
// costOnly or qualityOnly when every lot is so scored, else ratedCriteria.
func tenderAwardCriteria(t score.Tender) string {
	kinds := map[string]bool{}
	for _, l := range t.Lots {
		ac := awardCriteria(l.Policy)
		if ac == nil {
			continue
		}
		types := map[string]bool{}
		for _, c := range ac.Criteria {
			types[c.Type] = true
		}
		switch {
		case len(types) == 1 && types["price"]:
			kinds["priceOnly"] = true
		case len(types) == 1 && types["cost"]:
			kinds["costOnly"] = true
		case len(types) == 1 && types["quality"]:
			kinds["qualityOnly"] = true
		default:
			kinds["ratedCriteria"] = true
		}
	}
	if len(kinds) == 1 {
		for k := range kinds {
			return k
		}
	}
	return "ratedCriteria"
}
