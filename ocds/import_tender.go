package ocds

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/tenderfile"
)

// importer reads one release into a tender.
type importer struct {
	file     string
	path     string // the release's path in the file ("releases[2]")
	rel      *inRelease
	out      *Imported
	problems []tenderfile.Problem
}

// at is a field's path in the file.
func (im *importer) at(field string) string {
	if im.path == "" {
		return field
	}
	return im.path + "." + field
}

// maxProblems bounds the problems reported for one file, as tenderfile
// bounds them, so that a file of garbage gives a readable answer.
const maxProblems = 100

func (im *importer) problem(field, value, rule, format string, args ...any) {
	switch {
	case len(im.problems) > maxProblems:
		return
	case len(im.problems) == maxProblems:
		im.problems = append(im.problems, tenderfile.Problem{Pos: tenderfile.Position{File: im.file}, Rule: "too-many",
			Message: fmt.Sprintf("more than %d problems; the rest are not shown", maxProblems)})
		return
	}
	im.problems = append(im.problems, tenderfile.Problem{Pos: tenderfile.Position{File: im.file}, Field: im.at(field), Value: value, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

func (im *importer) err() error {
	if len(im.problems) == 0 {
		return nil
	}
	return &tenderfile.Error{Problems: im.problems}
}

func (im *importer) gap(field, format string, args ...any) {
	im.out.Gaps = append(im.out.Gaps, Gap{Field: field, Message: fmt.Sprintf(format, args...)})
}

// lawGap is a gap only the frameworks check names: scoring does not need
// the field, the law does.
func (im *importer) lawGap(field, format string, args ...any) {
	im.out.Gaps = append(im.out.Gaps, Gap{Field: field, Message: fmt.Sprintf(format, args...), Check: true})
}

func (im *importer) note(format string, args ...any) {
	im.out.Notes = append(im.out.Notes, fmt.Sprintf(format, args...))
}

// text reads a text field, cleaned; a value of another kind is a problem.
func (im *importer) text(t jtext, field string) string {
	if t.found != "" {
		im.problem(field, "", "type", "want text, found %s", t.found)
	}
	return clean(t.s)
}

// num reads a number field exactly.
func (im *importer) num(n jnum, field string) (decimal.Decimal, bool) {
	switch {
	case n.found != "":
		im.problem(field, "", "type", "want a number, found %s", n.found)
	case n.set:
		d, msg := number(n.s)
		if msg == "" {
			return d, true
		}
		im.problem(field, abbreviate(n.s), "number", "%s", msg)
	}
	return decimal.Decimal{}, false
}

// whole reads a whole number of at most six digits (a count of lots, a
// term in months).
func (im *importer) whole(n jnum, field string) (int, bool) {
	d, ok := im.num(n, field)
	if !ok {
		return 0, false
	}
	if !d.IsInteger() || d.Abs().GreaterThan(decimal.NewFromInt(999999)) {
		im.problem(field, d.String(), "whole", "want a whole number")
		return 0, false
	}
	return int(d.IntPart()), true
}

func (im *importer) tender() {
	tn := im.rel.Tender
	t := &im.out.Tender
	t.ID = im.text(tn.ID, "tender.id")
	if t.ID == "" {
		t.ID = clean(im.rel.OCID.s)
	}
	if t.ID == "" {
		im.gap("id", "the tender's reference: the notice gives no tender id or ocid")
	}
	t.Title = im.text(tn.Title, "tender.title")
	if t.Title == "" {
		im.gap("title", "the tender's title: the notice gives none")
	}
	im.authority()
	im.lawGap("commenced", "the day the procurement commenced, which decides the regime and thresholds; OCDS has no such field%s", im.published())
	im.regime(tn.LegalBasis)
	im.lots()
	im.lotRules()
	im.bids() // import_features.go
}

// published says when the release was published, as a hint for the
// commencement date.
func (im *importer) published() string {
	d := when(im.rel)
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf(" (this notice was published on %s)", d.Format("2 January 2006"))
}

// authority reads the buyer: the party the release's buyer names, else
// the first party with the role buyer.
func (im *importer) authority() {
	a := &im.out.Tender.Authority
	var party *inParty
	at := -1
	if b := im.rel.Buyer; b != nil {
		a.Name = im.text(b.Name, "buyer.name")
		for i := range im.rel.Parties {
			if b.ID.set && im.rel.Parties[i].ID.s == b.ID.s {
				party, at = &im.rel.Parties[i], i
				break
			}
		}
	}
	for i := range im.rel.Parties {
		if party != nil {
			break
		}
		if slices.ContainsFunc(im.rel.Parties[i].Roles, func(r jtext) bool { return r.s == "buyer" }) {
			party, at = &im.rel.Parties[i], i
		}
	}
	if party != nil {
		if n := im.text(party.Name, fmt.Sprintf("parties[%d].name", at)); n != "" {
			a.Name = n
		}
	}
	if a.Name == "" {
		im.note("authority.name: the notice names no buyer; local policies are matched by the authority's name")
	}
	code := ""
	if party != nil && party.Details != nil {
		for j, c := range party.Details.Classifications {
			f := fmt.Sprintf("parties[%d].details.classifications[%d]", at, j)
			scheme, id := im.text(c.Scheme, f+".scheme"), im.text(c.ID, f+".id")
			switch scheme {
			case caTypeScheme:
				code = id
			case devolvedScheme:
				for _, d := range devolved {
					if d.code == id {
						a.Nation = d.nation
					}
				}
			}
		}
	}
	if typ, ok := authorityTypeOf(code); ok {
		a.Type = typ
	} else {
		found := "the notice does not classify the buyer"
		if code != "" {
			found = fmt.Sprintf("the notice classes the buyer as %s %q", caTypeScheme, abbreviate(code))
		}
		im.lawGap("authority.type", "central-government or sub-central, which decides the thresholds; %s", found)
	}
	if a.Nation == "" {
		im.note("authority.nation: the notice names no devolved regulations (%s); set the nation if rules for one nation apply", devolvedScheme)
	}
}

// regime reads the legal basis.
func (im *importer) regime(lb *inClassification) {
	t := &im.out.Tender
	scheme, id := "", ""
	if lb != nil {
		scheme, id = im.text(lb.Scheme, "tender.legalBasis.scheme"), im.text(lb.ID, "tender.legalBasis.id")
	}
	if b, ok := regimeOf(scheme, id); ok {
		t.Regime = b.regime
		if b.unverified != "" {
			im.note("regime: %s, read from the legal basis %s %s (%s); %s: check it", b.regime, scheme, id, b.description, b.unverified)
		}
		return
	}
	found := "the notice gives no legal basis"
	if scheme != "" || id != "" {
		found = fmt.Sprintf("the notice gives the legal basis %s %s, which tenderscore does not know", abbreviate(scheme), abbreviate(id))
	}
	im.note("regime: %s; set pa-2023 or pcr-2015 (package frameworks otherwise takes the regime from the day the procurement commenced)", found)
}

// lots reads the lots, or makes one lot of a tender without any.
func (im *importer) lots() {
	tn := im.rel.Tender
	lots := tn.Lots
	if len(lots) > MaxLots {
		im.problem("tender.lots", fmt.Sprint(len(lots)), "max-lots", "more than %d lots", MaxLots)
		return
	}
	if len(lots) == 0 {
		lots = []inLot{{ID: jtext{s: "1", set: true}, Title: tn.Title, Value: tn.Value, ContractPeriod: tn.ContractPeriod}}
		im.note("lots: the notice divides the tender into no lots; it is read as one lot, lot 1")
	}
	features := im.readFeatures() // import_features.go
	for i, l := range lots {
		lot := im.lot(i, l, len(lots) == 1)
		if fs := featuresFor(features, lot.ID, len(tn.Lots) == 0); len(fs) > 0 {
			lot.Policy = im.adjustedPolicy(lot.Policy, fs, fmt.Sprintf("lots[%d]", i))
		}
		im.out.Tender.Lots = append(im.out.Tender.Lots, lot)
	}
}

func (im *importer) lot(i int, l inLot, only bool) score.Lot {
	tn := im.rel.Tender
	fp := fmt.Sprintf("tender.lots[%d]", i)
	path := fmt.Sprintf("lots[%d]", i)
	var lot score.Lot
	lot.ID = im.text(l.ID, fp+".id")
	if lot.ID == "" {
		im.gap(path+".id", "the lot's id: the notice gives none")
	}
	lot.Title = im.text(l.Title, fp+".title")
	if lot.Title == "" && only {
		lot.Title = clean(tn.Title.s)
	}
	if lot.Title == "" {
		im.gap(path+".title", "the lot's title: the notice gives none")
	}
	value, vfield := l.Value, fp+".value"
	if value == nil && only {
		value, vfield = tn.Value, "tender.value"
	}
	lot.EstimatedValue = im.value(value, vfield, path)
	period, pfield := l.ContractPeriod, fp+".contractPeriod"
	if period == nil {
		period, pfield = tn.ContractPeriod, "tender.contractPeriod"
	}
	lot.TermMonths = im.term(period, pfield, path)
	lot.Policy = im.policy(l.AwardCriteria, fp, path)
	return lot
}

// value reads a lot's estimated value including VAT: the gross amount
// (UK extension), else the amount, with a note that it may exclude VAT.
func (im *importer) value(v *inValue, field, path string) decimal.Decimal {
	if v == nil {
		im.lawGap(path+".estimatedValue", "the lot's estimated value including VAT over the whole term, which decides the threshold: the notice gives none")
		return decimal.Zero
	}
	cur := im.text(v.Currency, field+".currency")
	if cur != "" && cur != "GBP" {
		im.lawGap(path+".estimatedValue", "the lot's estimated value in pounds including VAT: the notice gives it in %s", abbreviate(cur))
		return decimal.Zero
	}
	if d, ok := im.num(v.AmountGross, field+".amountGross"); ok {
		return d
	}
	if d, ok := im.num(v.Amount, field+".amount"); ok {
		im.note("%s.estimatedValue: read from value.amount, most likely without VAT (the UK extension gives the amount including all taxes as amountGross, and the notice gives none); estimatedValue includes VAT: check it", path)
		return d
	}
	im.lawGap(path+".estimatedValue", "the lot's estimated value including VAT over the whole term, which decides the threshold: the notice gives no amount")
	return decimal.Zero
}

// term reads the contract term in months: durationInMonths (UK
// extension), else a start and end date a whole number of months apart.
func (im *importer) term(p *inPeriod, field, path string) int {
	if p != nil {
		if n, ok := im.whole(p.DurationInMonths, field+".durationInMonths"); ok {
			return n
		}
		start, end := im.text(p.StartDate, field+".startDate"), im.text(p.EndDate, field+".endDate")
		if n, ok := wholeMonths(start, end); ok {
			return n
		}
	}
	im.note("%s.termMonths: the notice gives no duration in months, nor dates a whole number of months apart; set the term, extensions included, for the frameworks check of a call-off's term", path)
	return 0
}

// wholeMonths counts the months from a start date to an end date, when
// the end is the day before (or the same day of the month as) the start
// a whole number of months later: 2026-04-01 to 2030-03-31 is 48 months.
func wholeMonths(start, end string) (int, bool) {
	s, err1 := time.Parse(time.RFC3339, start)
	e, err2 := time.Parse(time.RFC3339, end)
	if err1 != nil || err2 != nil || !e.After(s) {
		return 0, false
	}
	sd := time.Date(s.Year(), s.Month(), s.Day(), 0, 0, 0, 0, time.UTC)
	ed := time.Date(e.Year(), e.Month(), e.Day(), 0, 0, 0, 0, time.UTC)
	n0 := (ed.Year()-sd.Year())*12 + int(ed.Month()-sd.Month())
	for n := max(n0-1, 1); n <= n0+1; n++ {
		m := sd.AddDate(0, n, 0)
		if m.Equal(ed.AddDate(0, 0, 1)) || m.Equal(ed) {
			return n, n <= 600
		}
	}
	return 0, false
}

// lotRules reads the caps on lots per supplier (lots extension).
func (im *importer) lotRules() {
	ld := im.rel.Tender.LotDetails
	if ld == nil {
		return
	}
	lots := len(im.out.Tender.Lots)
	var r score.LotRules
	readCap := func(n jnum, name string) *int {
		c, ok := im.whole(n, "tender.lotDetails."+name)
		switch {
		case !ok:
			return nil
		case c >= lots && lots > 0:
			im.note("lotRules.%s: the notice's cap of %d is not below the number of lots (%d), so no cap is set", name, c, lots)
			return nil
		}
		return &c
	}
	r.MaxLotsBidPerSupplier = readCap(ld.MaximumLotsBidPerSupplier, "maximumLotsBidPerSupplier")
	r.MaxLotsAwardedPerSupplier = readCap(ld.MaximumLotsAwardedPerSupplier, "maximumLotsAwardedPerSupplier")
	if r.MaxLotsBidPerSupplier == nil && r.MaxLotsAwardedPerSupplier == nil {
		return
	}
	r.Description = im.text(ld.AwardCriteriaDetails, "tender.lotDetails.awardCriteriaDetails")
	im.out.Tender.LotRules = &r
	if r.MaxLotsAwardedPerSupplier != nil {
		im.gap("lotRules.allocation", "the published mechanism deciding which lots a capped supplier gets (in-order or max-total-score), then the order of lots (value-descending, as-listed or sequence); OCDS carries the cap%s", quoted(r.Description))
	}
}

// quoted adds the notice's own words, when it gives any.
func quoted(s string) string {
	if s == "" {
		return " but not the mechanism"
	}
	return fmt.Sprintf(" and the notice says %q", abbreviateLong(s))
}

// abbreviateLong shows at most 200 characters of a text from a file.
func abbreviateLong(s string) string {
	if r := []rune(s); len(r) > 200 {
		return string(r[:200]) + "…"
	}
	return s
}

// isSocialValue recognises a social value criterion by its name, the only
// place a notice says so.
func isSocialValue(name string) bool {
	return strings.Contains(strings.ToLower(name), "social value")
}
