package score

import (
	"fmt"
	"strings"
)

// A tender may leave unstated what the arithmetic does not use: the
// authority, the regime, the day the procurement commenced, and each lot's
// estimated value and term. They matter to package frameworks (which
// regime and thresholds apply, what the law allows) and to the documents
// an authority publishes (assessment summaries name the authority and
// follow the regime), so frameworks.Check asks for them; scoring does not.
// Each becomes required where a rule does use it, and every one left out
// is stated in the lot's Result notes, so that no reader mistakes "not
// stated" for a default.

// unstatedFields checks the fields a tender may leave out, each where a
// rule needs it: the day the procurement commenced for a living wage rule
// (the rate in force on that day), a lot's estimated value for social value
// per £1m of contract value and for lot rules awarding lots by value.
// Called from [validation.tender].
func (v *validation) unstatedFields(t Tender) {
	needDate := false
	for i, l := range t.Lots {
		path := fmt.Sprintf("lots[%d]", i)
		needDate = needDate || usesLivingWage(l.Policy)
		ev := path + ".estimatedValue"
		if !v.number(ev, l.EstimatedValue) {
			continue
		}
		switch {
		case l.EstimatedValue.Sign() < 0:
			v.add(ev, l.EstimatedValue.String(), "non-negative", "the estimated value (including VAT) cannot be negative")
		case !l.EstimatedValue.IsZero():
		case usesContractValue(l.Policy):
			v.add(ev, "", "required", "social value per £1m of contract value needs the lot's estimated value (including VAT, over the whole term)")
		case t.LotRules != nil && t.LotRules.Order == ValueDescending:
			v.add(ev, "", "required", "lot rules taking the lots in descending order of value need every lot's estimated value (including VAT, over the whole term)")
		}
	}
	if needDate && t.Commenced.IsZero() {
		v.add("commenced", "", "required", "the date the procurement commenced is required by the living wage rules: it decides the rate in force")
	}
}

// usesLivingWage reports whether a policy has a living wage gate or
// criterion, which read the rate in force on the day the procurement
// commenced.
func usesLivingWage(p Policy) bool {
	if len(p.LivingWageGates) > 0 {
		return true
	}
	for _, n := range buildTree(&p).leaves {
		if n.c.LivingWage != nil {
			return true
		}
	}
	return false
}

// usesContractValue reports whether a policy scores social value per £1m
// of the contract's value.
func usesContractValue(p Policy) bool {
	for _, n := range buildTree(&p).leaves {
		if n.c.SocialValue != nil && n.c.SocialValue.NeedsContractValue() {
			return true
		}
	}
	return false
}

// unstatedNotes states, for a lot's Result, which of the fields scoring
// does not need the tender leaves out, and what that means. Nothing when
// every one is stated.
func unstatedNotes(t Tender, l Lot) []string {
	var tender []string
	if strings.TrimSpace(t.Authority.Name) == "" && t.Authority.Type == "" {
		tender = append(tender, "the authority")
	} else if t.Authority.Type == "" {
		tender = append(tender, "the authority's type (central government or sub-central)")
	}
	if t.RegimeFor(l) == "" {
		tender = append(tender, "the regime")
	}
	if t.Commenced.IsZero() {
		tender = append(tender, "the date the procurement commenced")
	}
	var notes []string
	if len(tender) > 0 {
		notes = append(notes, fmt.Sprintf("not stated: %s; the scores do not depend on %s, but checking the tender against the law that applies does, and assessment summaries name the authority and follow the regime",
			sentenceList(tender), itOrThem(len(tender))))
	}
	if l.EstimatedValue.IsZero() {
		notes = append(notes, "the lot does not state its estimated value; the scores do not depend on it, but the threshold that applies does")
	}
	if l.TermMonths == 0 {
		notes = append(notes, "the lot does not state its term; the scores do not depend on it, but a framework's longest call-off term is checked against it")
	}
	return notes
}

func itOrThem(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// sentenceList joins words as a sentence does: "a", "a and b", "a, b and c".
func sentenceList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
