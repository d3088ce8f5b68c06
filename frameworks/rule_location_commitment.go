package frameworks

import (
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// Rule location-commitment: a criterion that scores commitments tied to a
// locality — local people employed on the contract, contract spend with
// suppliers based in the local area — is a commitment delivered under the
// contract, not a judgement of where the bidder is based, so rule location
// does not refuse it. Above threshold it is still worth a lawyer's look:
// favouring suppliers with a local presence may treat a treaty state
// supplier less favourably because of its lack of association with the
// United Kingdom (Procurement Act 2023 s.90(1)–(2); under PCR 2015 the
// equal-treatment duty of reg 18(1)); and for a council in England the
// composition of a contractor's workforce and the location of the business
// activities of its suppliers and sub-contractors are non-commercial
// matters (Local Government Act 1988 s.17(5)(a), (5)(e) with s.17(7)). The
// warning names the measures, what each ties to the locality, and the
// section that bears on each. A criterion already refused as
// location-based is not warned about again.
//
// Codes: location-commitment (warning).

// localMeasures returns a social value criterion's counted local measures.
func localMeasures(r *criteria.SocialValueRule) []criteria.Measure {
	var out []criteria.Measure
	counted := r.Catalogue.Measures
	if len(r.Measures) > 0 {
		counted = nil
		for _, code := range r.Measures {
			if m, ok := r.Catalogue.Measure(code); ok {
				counted = append(counted, m)
			}
		}
	}
	for _, m := range counted {
		if m.Local {
			out = append(out, m)
		}
	}
	return out
}

func checkLocationCommitments(r *run, l *lotCtx) {
	if l.class == nil || l.class.Band != AboveThreshold {
		return
	}
	for i := range l.shares {
		s := &l.shares[i]
		if s.c.SocialValue == nil || s.c.LocationBased {
			continue
		}
		ms := localMeasures(s.c.SocialValue)
		if len(ms) == 0 {
			continue
		}
		area := "the local area"
		if a := s.c.SocialValue.LocalArea; a != nil && strings.TrimSpace(a.Name) != "" {
			area = a.Name
		}
		var what []string
		people, spend := false, false
		for _, m := range ms {
			tie := "people who live in " + area
			if m.Unit == criteria.UnitPounds {
				tie, spend = "suppliers based in "+area, true
			} else {
				people = true
			}
			what = append(what, fmt.Sprintf("%s %s (%s)", m.Code, m.Description, tie))
		}
		src, why := commitmentSources(r, l.regime, people, spend)
		r.add(l, s, Warning, "location-commitment", src,
			"counts commitments tied to a locality on an above-threshold contract (%s): %s. %s Check it with legal advice: state it as outcomes any supplier can deliver under the contract, and record why it relates to the subject-matter",
			money(l), strings.Join(what, "; "), why)
	}
}

// commitmentSources cites the rules that bear on a local commitment.
func commitmentSources(r *run, regime score.Regime, people, spend bool) (Source, string) {
	var srcs []Source
	var why []string
	if regime == score.PCR2015 {
		srcs = append(srcs, verified("PCR 2015 reg 18(1) (treat economic operators equally and without discrimination)"))
		why = append(why, "Favouring suppliers with a local presence may breach equal treatment (PCR 2015 reg 18(1)).")
	} else {
		srcs = append(srcs, verified("Procurement Act 2023 s.90(1)–(2) (no less favourable treatment of a treaty state supplier for its lack of association with the United Kingdom)"))
		why = append(why, "Favouring suppliers with a local presence may treat a treaty state supplier less favourably for its lack of association with the United Kingdom (Procurement Act 2023 s.90(1)–(2)).")
	}
	a := r.t.Authority
	if a.Type != score.SubCentral || (a.Nation != "" && a.Nation != score.England) {
		return joinSources(srcs...), strings.Join(why, " ")
	}
	assumed := ""
	if a.Nation == "" {
		assumed = " (the authority's nation is not stated: England is assumed)"
	}
	var matters, paras []string
	if people {
		srcs = append(srcs, verified("Local Government Act 1988 s.17(5)(a) (the composition of contractors' workforces is a non-commercial matter)"))
		matters, paras = append(matters, "who a contractor employs"), append(paras, "s.17(5)(a)")
	}
	if spend {
		srcs = append(srcs, verified("Local Government Act 1988 s.17(5)(e), (7) (the location of the business activities of contractors, their suppliers and sub-contractors is a non-commercial matter)"))
		matters, paras = append(matters, "where its suppliers and sub-contractors do business"), append(paras, "s.17(5)(e) with s.17(7)")
	}
	verb := "is a non-commercial matter"
	if len(matters) > 1 {
		verb = "are non-commercial matters"
	}
	why = append(why, fmt.Sprintf("For a council, %s %s (Local Government Act 1988 %s)%s.", strings.Join(matters, " and "), verb, strings.Join(paras, ", "), assumed))
	return joinSources(srcs...), strings.Join(why, " ")
}
