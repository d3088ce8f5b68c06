package score

import (
	"fmt"
	"slices"
	"strings"
)

// Disregard is the authority's recorded decision to disregard a tender in
// the assessment, on a ground the law names. A disregarded tender takes no
// part in the evaluation — its prices and marks are not compared with
// anyone's — and it is not an "assessed tender" (Procurement Act 2023
// s.50(5)(b)): its supplier is owed a letter saying why, not an assessment
// summary.
//
// A failed condition of participation is usually recorded as a gate of kind
// criteria.ConditionOfParticipation; Disregard records it, and every other
// ground, when the decision was taken outside the gates.
type Disregard struct {
	// Ground is the legal ground; required.
	Ground DisregardGround `json:"ground"`
	// Reason is the authority's reason in a sentence, as the supplier will
	// read it; required.
	Reason string `json:"reason"`
	// NoticeGiven records, for an abnormally low price, that the authority
	// notified the supplier that it considers the price abnormally low and
	// gave it a reasonable opportunity to demonstrate that it can perform the
	// contract for that price (PA 2023 s.19(4)); the ground needs it.
	NoticeGiven bool `json:"noticeGiven,omitempty"`
}

// DisregardGround is a ground on which a tender must or may be disregarded.
type DisregardGround string

// Disregard grounds: the first two are mandatory, the rest discretionary.
const (
	// FailedConditionsOfParticipation: the supplier does not satisfy the
	// conditions of participation; the tender must be disregarded (PA 2023
	// s.19(3)(a)).
	FailedConditionsOfParticipation DisregardGround = "conditions-of-participation"
	// ExcludedSupplier: the supplier is an excluded supplier; the tender must
	// be disregarded (PA 2023 s.26(1)).
	ExcludedSupplier DisregardGround = "excluded-supplier"
	// ExcludableSupplier: the supplier is an excludable supplier and the
	// authority decided to disregard its tender (PA 2023 s.26(2)(b)).
	ExcludableSupplier DisregardGround = "excludable-supplier"
	// NotTreatyStateSupplier: the supplier is not a United Kingdom or treaty
	// state supplier, or intends to sub-contract to one that is not (PA 2023
	// s.19(3)(b)).
	NotTreatyStateSupplier DisregardGround = "not-treaty-state-supplier"
	// AbnormallyLowPrice: the price is abnormally low for performance of the
	// contract, after notice and a reasonable opportunity to demonstrate
	// otherwise (PA 2023 s.19(3)(c), (4)–(5)).
	AbnormallyLowPrice DisregardGround = "abnormally-low-price"
	// ProceduralBreach: the tender breaches a procedural requirement set out
	// in the tender notice or associated tender documents (PA 2023
	// s.19(3)(d)).
	ProceduralBreach DisregardGround = "procedural-breach"
)

// DisregardGrounds lists the grounds in a fixed order.
func DisregardGrounds() []DisregardGround {
	return []DisregardGround{FailedConditionsOfParticipation, ExcludedSupplier, ExcludableSupplier,
		NotTreatyStateSupplier, AbnormallyLowPrice, ProceduralBreach}
}

// Mandatory reports whether the law requires the tender to be disregarded
// on this ground (rather than allowing it).
func (g DisregardGround) Mandatory() bool {
	return g == FailedConditionsOfParticipation || g == ExcludedSupplier
}

// Basis is the ground in words with its legal source under a regime:
// "the supplier does not satisfy the conditions of participation
// (Procurement Act 2023 s.19(3)(a))".
func (g DisregardGround) Basis(r Regime) string {
	words, pa, pcr := g.describe()
	if r == PCR2015 {
		return fmt.Sprintf("%s (Public Contracts Regulations 2015 %s)", words, pcr)
	}
	return fmt.Sprintf("%s (Procurement Act 2023 %s)", words, pa)
}

func (g DisregardGround) describe() (words, pa, pcr string) {
	switch g {
	case FailedConditionsOfParticipation:
		return "the supplier does not satisfy the conditions of participation", "s.19(3)(a)", "reg 58 (selection criteria)"
	case ExcludedSupplier:
		return "the supplier is an excluded supplier", "s.26(1)", "reg 57 (exclusion grounds)"
	case ExcludableSupplier:
		return "the supplier is an excludable supplier", "s.26(2)(b)", "reg 57 (exclusion grounds)"
	case NotTreatyStateSupplier:
		return "the supplier is not a United Kingdom or treaty state supplier", "s.19(3)(b)", "reg 25 (treaty state suppliers)"
	case AbnormallyLowPrice:
		return "the price is abnormally low for performance of the contract, and the supplier was notified and given a reasonable opportunity to show otherwise",
			"s.19(3)(c), (4)", "reg 69 (abnormally low tenders)"
	case ProceduralBreach:
		return "the tender breaches a procedural requirement of the tender notice or tender documents", "s.19(3)(d)", "reg 56(1) (tenders complying with the procurement documents)"
	}
	return string(g), "", ""
}

// checkDisregard reports a recorded decision that is incomplete.
func (v *validation) checkDisregard(path string, d Disregard) {
	switch {
	case d.Ground == "":
		v.add(path+".ground", "", "required", "say on which ground the tender is disregarded: %s", joinGrounds())
	case !slices.Contains(DisregardGrounds(), d.Ground):
		v.add(path+".ground", string(d.Ground), "one-of", "must be one of: %s", joinGrounds())
	}
	if strings.TrimSpace(d.Reason) == "" {
		v.add(path+".reason", "", "required", "a disregarded tender's supplier is told why: record the reason")
	}
	if d.Ground == AbnormallyLowPrice && !d.NoticeGiven {
		v.add(path+".noticeGiven", "false", "notice-first",
			"a tender may be disregarded for an abnormally low price only after the supplier is notified and given a reasonable opportunity to show it can perform for the price (Procurement Act 2023 s.19(4)); record noticeGiven once that is done")
	}
}

func joinGrounds() string {
	gs := DisregardGrounds()
	s := make([]string, len(gs))
	for i, g := range gs {
		s[i] = string(g)
	}
	return strings.Join(s, ", ")
}
