package frameworks

import (
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/score"
)

// Rule abnormally-low: a price that looks abnormally low is flagged for
// investigation, never excluded automatically: the supplier is told and
// given a reasonable chance to show it can perform for that price
// (Procurement Act 2023 s.19(3)(c), (4)–(5); PCR 2015 reg 69). The model
// has no automatic exclusion, so the rule states the policy once for the
// lots scored on price, and warns about any pass/fail gate that reads as an
// abnormally-low-price test.
//
// Codes: abnormally-low (note), abnormally-low-gate (warning).

func abnormallyLowSource(reg score.Regime) Source {
	if reg == score.PCR2015 {
		return Source{Cite: "PCR 2015 reg 69 (abnormally low tenders: explanation required before rejection)", Verified: true,
			Note: "checked against secondary summaries of the regulation"}
	}
	return verified("Procurement Act 2023 s.19(3)(c), (4)–(5) (abnormally low price: notice and a reasonable opportunity first)")
}

func checkAbnormallyLow(r *run) {
	var priced []string
	regimes := map[score.Regime]bool{}
	for _, l := range r.lots {
		for _, s := range l.shares {
			if s.c.Price != nil {
				priced = append(priced, l.lot.ID)
				regimes[l.regime] = true
				break
			}
		}
	}
	if len(priced) == 0 {
		return
	}
	src := abnormallyLowSource(score.PA2023)
	switch {
	case regimes[score.PA2023] && regimes[score.PCR2015]:
		pcr := abnormallyLowSource(score.PCR2015)
		src = Source{Cite: src.Cite + "; " + pcr.Cite, Verified: true, Note: "lots under each regime"}
	case regimes[score.PCR2015]:
		src = abnormallyLowSource(score.PCR2015)
	}
	r.add(nil, nil, Note, "abnormally-low", src,
		"on lots %s a price that looks abnormally low is flagged for investigation, never excluded automatically: the supplier must be told and given a reasonable chance to justify it, and a tender it justifies may not be disregarded",
		strings.Join(priced, ", "))
}

func checkAbnormallyLowGates(r *run, l *lotCtx) {
	for i, g := range l.lot.Policy.Gates {
		text := strings.ToLower(g.ID + " " + g.Title + " " + g.Requirement)
		if !strings.Contains(text, "abnormal") {
			continue
		}
		r.addField(l, nil, fmt.Sprintf("%s.policy.gates[%d]", l.path, i), Warning, "abnormally-low-gate", abnormallyLowSource(l.regime),
			"gate %s (%s) reads as a pass/fail test of an abnormally low price: record a fail only after notifying the supplier and weighing its explanation, never from the price alone", g.ID, g.Title)
	}
}
