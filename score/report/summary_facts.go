package report

import (
	"strings"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// fact is one labelled line at the head of a bidder's document.
type fact struct{ label, value string }

// heading is the document's title line: "Assessment summary: lot 2, Device
// support".
func (s Summary) heading() string {
	return s.Document.Title() + ": lot " + s.LotID + ", " + s.LotTitle
}

// facts are the lines at the head of a bidder's document, in order: the
// procurement, the authority, the procedure, who it is for with their
// details, the date and the result.
func (s Summary) facts() []fact {
	out := []fact{
		{"Procurement", s.TenderID + ", " + s.TenderTitle},
		{"Contracting authority", s.Authority},
	}
	if s.Procedure != "" {
		out = append(out, fact{"Procedure", s.Procedure})
	}
	out = append(out, fact{"For", tenderWho(AssessedTender{BidID: s.BidID, Supplier: s.Supplier})})
	if !s.Date.IsZero() {
		out = append(out, fact{"Date", s.Date.Long()})
	}
	out = append(out, fact{"Result for your tender", statusWords(s.Status)})
	if s.MethodologyAt != "" && s.Document != DisregardLetter {
		out = append(out, fact{"Award criteria and methodology in full", s.MethodologyAt})
	}
	return out
}

// tenderWho names a tender's supplier with the details an assessment
// summary gives (reg 31(2)(a)–(c)): "Larkspur IT Ltd (tender D-1); unique
// identifier GB-PPON-…; 1 Long Lane, …; bids@larkspur.example".
func tenderWho(t AssessedTender) string {
	parts := []string{t.Supplier.Name + " (tender " + t.BidID + ")"}
	parts = append(parts, supplierDetails(t.Supplier)...)
	return strings.Join(parts, "; ")
}

// supplierDetails are a supplier's unique identifier, contact postal
// address and email address, where given.
func supplierDetails(s score.Supplier) []string {
	var out []string
	if v := strings.TrimSpace(s.Identifier); v != "" {
		out = append(out, "unique identifier "+v)
	}
	if v := strings.TrimSpace(s.Address); v != "" {
		out = append(out, v)
	}
	if v := strings.TrimSpace(s.Email); v != "" {
		out = append(out, v)
	}
	return out
}

// gateGroup is the published gates of one kind, with the sentence that
// says what failing one means.
type gateGroup struct {
	heading string
	items   []string
}

// gateGroups lists the published gates by kind: conditions of
// participation first (failing one disregards the tender, PA 2023
// s.19(3)(a)), then the pass/fail requirements of the methodology (failing
// one disqualifies it, s.23(3)(a)).
func gateGroups(gs []criteria.Gate) []gateGroup {
	cop := gateGroup{heading: "Conditions of participation; a tender from a supplier that does not satisfy one is disregarded, not assessed:"}
	req := gateGroup{heading: "Pass/fail requirements, applied before any scoring; a tender failing any of them is disqualified:"}
	for _, g := range gs {
		t := g.Title
		if g.Requirement != "" {
			t += ": " + g.Requirement
		}
		if g.Kind.Disregards() {
			cop.items = append(cop.items, t)
		} else {
			req.items = append(req.items, t)
		}
	}
	var out []gateGroup
	for _, g := range []gateGroup{cop, req} {
		if len(g.items) > 0 {
			out = append(out, g)
		}
	}
	return out
}
