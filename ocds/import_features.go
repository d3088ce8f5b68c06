package ocds

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// Features and parameters as ProZorro publishes them (docs/sources/prozorro.md):
// tender.features[] — code, featureOf (tenderer, lot or item),
// relatedItem, title, description, enum[] of value, title, description —
// and each bid's parameters[] of code and value. No OCDS extension defines
// them; a lot with features is scored on a price adjusted by them.

type inFeature struct {
	Code        jtext            `json:"code"`
	FeatureOf   jtext            `json:"featureOf"`
	RelatedItem jtext            `json:"relatedItem"`
	Title       jtext            `json:"title"`
	Description jtext            `json:"description"`
	Enum        []inFeatureValue `json:"enum"`
}

type inFeatureValue struct {
	Value       jnum  `json:"value"`
	Title       jtext `json:"title"`
	Description jtext `json:"description"`
}

type inItem struct {
	ID         jtext `json:"id"`
	RelatedLot jtext `json:"relatedLot"`
}

// MaxFeatures bounds the features of a tender, and MaxFeatureValues the
// values of one feature, as package criteria bounds a policy's.
const (
	MaxFeatures      = criteria.MaxFeatures
	MaxFeatureValues = criteria.MaxFeatureValues
)

// readFeatures reads tender.features once: each feature with the lot it
// applies to ("" for every lot: featureOf tenderer), an item's feature
// applying to the item's lot. Nil when the tender has none.
func (im *importer) readFeatures() []lotFeature {
	tn := im.rel.Tender
	if len(tn.Features) == 0 {
		return nil
	}
	if len(tn.Features) > MaxFeatures {
		im.problem("tender.features", fmt.Sprint(len(tn.Features)), "max-features", "more than %d features", MaxFeatures)
		return nil
	}
	itemLot := map[string]string{}
	for i, it := range tn.Items {
		itemLot[im.text(it.ID, fmt.Sprintf("tender.items[%d].id", i))] = im.text(it.RelatedLot, fmt.Sprintf("tender.items[%d].relatedLot", i))
	}
	var out []lotFeature
	for i, f := range tn.Features {
		fp := fmt.Sprintf("tender.features[%d]", i)
		lf := lotFeature{f: criteria.Feature{
			Code: im.text(f.Code, fp+".code"), Title: im.text(f.Title, fp+".title"), Description: im.text(f.Description, fp+".description")}}
		related := im.text(f.RelatedItem, fp+".relatedItem")
		switch of := im.text(f.FeatureOf, fp+".featureOf"); of {
		case "tenderer", "":
			lf.every = true
		case "lot":
			lf.lot = related
		case "item":
			lot, ok := itemLot[related]
			if !ok {
				im.problem(fp+".relatedItem", abbreviate(related), "known-item", "the tender has no item with this id")
				continue
			}
			lf.lot = lot
		default:
			im.problem(fp+".featureOf", abbreviate(of), "one-of", "want tenderer, lot or item")
			continue
		}
		if len(f.Enum) > MaxFeatureValues {
			im.problem(fp+".enum", fmt.Sprint(len(f.Enum)), "max-values", "more than %d values", MaxFeatureValues)
			continue
		}
		for j, v := range f.Enum {
			vp := fmt.Sprintf("%s.enum[%d]", fp, j)
			d, ok := im.num(v.Value, vp+".value")
			if !ok && v.Value.found == "" && !v.Value.set {
				im.problem(vp+".value", "", "required", "a feature's value needs a number")
			}
			lf.f.Values = append(lf.f.Values, criteria.FeatureValue{Value: d, Title: im.text(v.Title, vp+".title"), Description: im.text(v.Description, vp+".description")})
		}
		out = append(out, lf)
	}
	return out
}

// lotFeature is one feature as read, with the lots it applies to.
type lotFeature struct {
	f     criteria.Feature
	every bool   // featureOf tenderer: every lot
	lot   string // the lot's id, for a feature of a lot or of its item
}

// featuresFor returns the features that apply to a lot, in the notice's
// order: the tenderer's, the lot's and its items' (ProZorro's
// filter_features); every feature for a tender without lots.
func featuresFor(fs []lotFeature, lotID string, noLots bool) []criteria.Feature {
	var out []criteria.Feature
	for _, lf := range fs {
		if lf.every || noLots || lf.lot == lotID {
			out = append(out, lf.f)
		}
	}
	return out
}

// adjustedPolicy is a lot's policy when the notice gives it features: a
// price adjusted by them, the price the only criterion. The notice gives
// no limits, rounding or tie-break: ProZorro's limits apply, and the notes
// say what ProZorro itself does.
func (im *importer) adjustedPolicy(p score.Policy, fs []criteria.Feature, path string) score.Policy {
	kept := im.out.Gaps[:0]
	for _, g := range im.out.Gaps { // the award criteria's gaps give way to the features
		if !strings.HasPrefix(g.Field, path+".policy") {
			kept = append(kept, g)
		}
	}
	im.out.Gaps = kept
	if others := len(p.Criteria); others > 0 {
		im.note("%s.policy: the notice gives the lot features, so it is scored on a price adjusted by them; its %d award criteria are not read as weighted criteria", path, others)
	}
	out := score.Policy{Basis: score.AdjustedPrice, Features: &criteria.FeatureRule{Features: fs},
		Criteria: []score.Criterion{{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.AdjustedByFeatures}}}}
	codes := make([]string, len(fs))
	for i, f := range fs {
		codes[i] = f.Code
	}
	im.note("%s.policy.features: %d features (%s) read from tender.features; each bid's price is divided by 1 + the values it chose ÷ (1 − the features' largest values). The notice gives no limits, so ProZorro's 0.3 apply (its competitive dialogue allows 0.99: set maxValue and maxSum); ProZorro ranks on the adjusted price rounded to 2 places and breaks ties by the earlier bid: declare a rounding of the total and a tie-break to do the same",
		path, len(fs), strings.Join(codes, ", "))
	return out
}

type inBids struct {
	Details []inBid `json:"details"`
}

type inBid struct {
	ID          jtext         `json:"id"`
	Tenderers   []inOrgRef    `json:"tenderers"`
	Value       *inValue      `json:"value"`
	RelatedLots []jtext       `json:"relatedLots"`
	Parameters  []inParameter `json:"parameters"`
}

type inParameter struct {
	Code  jtext `json:"code"`
	Value jnum  `json:"value"`
}

// MaxBids bounds the bids read from a release.
const MaxBids = 10000

// bids reads the release's bids (bids extension, bids.details[]): each
// bid's tenderer, its lot, its price for the lot's one price criterion,
// and its parameters as its chosen features. What OCDS does not carry —
// evaluators' marks, gate decisions — is left for validation to name.
func (im *importer) bids() {
	bs := im.rel.Bids
	if bs == nil || len(bs.Details) == 0 {
		return
	}
	if len(bs.Details) > MaxBids {
		im.problem("bids.details", fmt.Sprint(len(bs.Details)), "max-bids", "more than %d bids", MaxBids)
		return
	}
	lots := im.out.Tender.Lots
	for i, b := range bs.Details {
		fp := fmt.Sprintf("bids.details[%d]", i)
		bid := score.Bid{ID: im.text(b.ID, fp+".id"), Responses: map[string]score.Response{}}
		if len(b.Tenderers) > 0 {
			bid.Supplier = score.Supplier{ID: im.text(b.Tenderers[0].ID, fp+".tenderers[0].id"), Name: im.text(b.Tenderers[0].Name, fp+".tenderers[0].name")}
		}
		switch {
		case len(b.RelatedLots) > 0:
			bid.Lot = im.text(b.RelatedLots[0], fp+".relatedLots[0]")
			if len(b.RelatedLots) > 1 {
				im.note("bids[%d]: the bid names %d lots; it is read for the first, lot %s", i, len(b.RelatedLots), abbreviate(bid.Lot))
			}
		case len(lots) == 1:
			bid.Lot = lots[0].ID
		}
		im.identify(&bid, i)
		var lot *score.Lot
		for j := range lots {
			if lots[j].ID == bid.Lot {
				lot = &lots[j]
			}
		}
		im.bidPrice(&bid, b.Value, lot, fp)
		if lot != nil && lot.Policy.Features != nil {
			bid.Features = im.parameters(b.Parameters, lot.Policy.Features, fp)
		}
		im.out.Bids = append(im.out.Bids, bid)
	}
}

// noLot stands in a bids file for the lot of a bid that names none in a
// notice of several lots: validation names it as a lot the tender does not
// have, until the file is completed.
const noLot = "TO COMPLETE: the notice names no lot for this bid"

// identify fills what a bids file needs and the notice left out of bid i —
// its id, its tenderer's id and name, its lot — with a stand-in the notes
// name, so that the file reads back and the evaluator completes it: a bid
// left out would change how every other bid's price scores. The stand-ins
// are the bid's position (bid-2), the tenderer's id for its name and its
// name for its id, and for the lot a text no tender's lot has.
func (im *importer) identify(bid *score.Bid, i int) {
	if bid.ID == "" {
		bid.ID = fmt.Sprintf("bid-%d", i+1)
		im.note("bids[%d].id: the notice gives the bid no id; it is read as %s", i, bid.ID)
	}
	s := &bid.Supplier
	switch {
	case s.ID == "" && s.Name == "":
		s.ID, s.Name = "tenderer-of-"+bid.ID, "tenderer of bid "+bid.ID
		im.note("bids[%d].supplier: the notice names no tenderer for bid %s; it is read as %q: complete the bids file", i, abbreviate(bid.ID), s.Name)
	case s.Name == "":
		s.Name = s.ID
		im.note("bids[%d].supplier.name: the notice gives tenderer %s no name; its id stands in for it", i, abbreviate(s.ID))
	case s.ID == "":
		s.ID = s.Name
		im.note("bids[%d].supplier.id: the notice gives tenderer %s no id; its name stands in for it, so that its bids are one supplier's", i, abbreviate(s.Name))
	}
	if bid.Lot == "" {
		bid.Lot = noLot
		im.note("bids[%d].lot: the notice names no lot for bid %s, and has several: complete the bids file", i, abbreviate(bid.ID))
	}
}

// bidPrice reads a bid's value as its response to the lot's one price
// criterion.
func (im *importer) bidPrice(bid *score.Bid, v *inValue, lot *score.Lot, fp string) {
	if v == nil || lot == nil {
		return
	}
	amount, ok := im.num(v.Amount, fp+".value.amount")
	if !ok {
		return
	}
	if cur := im.text(v.Currency, fp+".value.currency"); cur != "" && cur != "GBP" {
		im.note("%s.value: in %s; amounts are compared as they stand, and shown in pounds", fp, abbreviate(cur))
	}
	var price *score.Criterion
	var walk func([]score.Criterion)
	n := 0
	walk = func(cs []score.Criterion) {
		for i := range cs {
			if cs[i].Price != nil {
				price = &cs[i]
				n++
			}
			walk(cs[i].Children)
		}
	}
	walk(lot.Policy.Criteria)
	if n == 1 {
		bid.Responses[price.ID] = score.Response{Price: criteria.Amount(amount)}
	}
}

// parameters reads a bid's parameters as its chosen features, keeping
// those of the lot's features only (ProZorro's calc_denominator leaves the
// others aside).
func (im *importer) parameters(ps []inParameter, rule *criteria.FeatureRule, fp string) map[string]decimal.Decimal {
	known := map[string]bool{}
	for _, f := range rule.Features {
		known[f.Code] = true
	}
	out := map[string]decimal.Decimal{}
	for i, p := range ps {
		pp := fmt.Sprintf("%s.parameters[%d]", fp, i)
		code := im.text(p.Code, pp+".code")
		if !known[code] {
			continue
		}
		if d, ok := im.num(p.Value, pp+".value"); ok {
			out[code] = d
		}
	}
	return out
}
