package report

import (
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// tenderFacts says who bought under which law, in words, leaving out what
// the tender does not state (the result's notes say it was not stated):
// "Authority: Anytown Borough Council (sub-central authority); procurement
// commenced 1 April 2026 under the Procurement Act 2023". Empty when
// nothing is stated.
func tenderFacts(r score.Result) string {
	var parts []string
	who := strings.TrimSpace(r.Authority.Name)
	if r.Authority.Type != "" {
		who = strings.TrimSpace(who + " (" + authorityType(r.Authority.Type) + ")")
	}
	if who != "" {
		parts = append(parts, "Authority: "+who)
	}
	var when []string
	if !r.Commenced.IsZero() {
		when = append(when, "commenced "+r.Commenced.Long())
	}
	if r.Regime != "" {
		when = append(when, "under "+regimeName(r.Regime))
	}
	if len(when) > 0 {
		what := "procurement "
		if len(parts) == 0 {
			what = "Procurement "
		}
		parts = append(parts, what+strings.Join(when, " "))
	}
	return strings.Join(parts, "; ")
}

// lotFacts gives a lot's estimated value and term, leaving out what the
// lot does not state: "Estimated value £600,000.00 including VAT; term 36
// months". Empty when neither is stated.
func lotFacts(l score.Lot) string {
	var parts []string
	if !l.EstimatedValue.IsZero() {
		parts = append(parts, fmt.Sprintf("Estimated value %s including VAT", exact.Money(l.EstimatedValue)))
	}
	if l.TermMonths != 0 {
		parts = append(parts, fmt.Sprintf("term %d months", l.TermMonths))
	}
	return strings.Join(parts, "; ")
}

// sentenceOrEmpty ends a non-empty text with a full stop.
func sentenceOrEmpty(s string) string {
	if s == "" {
		return ""
	}
	return s + "."
}
