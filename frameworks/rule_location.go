package frameworks

import (
	"strings"

	"github.com/tenderscore/tenderscore/score"
)

// Rule location: no criterion scores, and no reservation restricts, by
// where the bidder itself is based on an above-threshold contract
// (Procurement Act 2023 ss.89–90; under PCR 2015 the equal-treatment duty).
// Below threshold a competition may be reserved by location (and to SMEs
// and VCSEs) only as policy and law allow: central government under PPN 005
// (PA 2023) or PPN 11/20 (PCR 2015, from 1 January 2021), where an SME/VCSE
// reservation needs a location reservation too; English councils under SI
// 2026/94 from 4 February 2026. Neither allows scoring by location, so a
// location-based criterion below threshold is a warning. Commitments
// delivered under the contract (local jobs, local supply-chain spend) are
// not location-based and are not flagged.
//
// Codes: location-above-threshold (error), location-below-threshold
// (note when allowed; warning or error otherwise), location-unclassified
// (warning).

func aboveSource(reg score.Regime) Source {
	if reg == score.PCR2015 {
		return unverified("PCR 2015 reg 18 (equal treatment, non-discrimination)", "the module's sources state the rule for PA 2023 only")
	}
	return verified("Procurement Act 2023 ss.89–90 (no discrimination by location; UK–EU TCA)")
}

func checkLocation(r *run, l *lotCtx) {
	var located []*share
	for i := range l.shares {
		if l.shares[i].c.LocationBased {
			located = append(located, &l.shares[i])
		}
	}
	res := l.lot.Reservation
	reserved := res != nil && (strings.TrimSpace(res.Area) != "" || res.SMEOrVCSE)
	if len(located) == 0 && !reserved {
		return
	}
	if l.class == nil {
		r.add(l, nil, Warning, "location-unclassified", aboveSource(l.regime),
			"scores or reserves by where the bidder is based, but the lot could not be placed in a threshold band, so whether that is lawful is not checked")
		return
	}
	if l.class.Band == AboveThreshold {
		src := aboveSource(l.regime)
		for _, s := range located {
			r.add(l, s, Error, "location-above-threshold", src,
				"scores where the bidder is based on an above-threshold contract (%s); score commitments delivered under the contract instead (local jobs, local supply-chain spend)", money(l))
		}
		if reserved {
			r.addField(l, nil, l.path+".reservation", Error, "location-above-threshold", src,
				"reserves the competition (%s) on an above-threshold contract (%s): reservation is allowed below threshold only", reservationText(res), money(l))
		}
		return
	}
	allowed, src, why := belowThresholdAllowance(r, l)
	for _, s := range located {
		r.add(l, s, Warning, "location-below-threshold", src,
			"scores where the bidder is based; below threshold %s allows reserving the competition by location, not scoring it", why)
	}
	if !reserved {
		return
	}
	field := l.path + ".reservation"
	switch {
	case l.fw != nil:
		r.addField(l, nil, field, Warning, "location-below-threshold",
			unverified("PPN 11/20 FAQ (reservation cannot be applied to call-offs under frameworks)", "reported by a law firm; PPN 005 not checked"),
			"reserves a call-off under %s (%s): below-threshold reservation is not for framework call-offs", l.callOffName(), reservationText(res))
	case !allowed:
		r.addField(l, nil, field, Warning, "location-below-threshold", src,
			"reserves the competition (%s), which %s", reservationText(res), why)
	case r.t.Authority.Type == score.CentralGovernment && res.SMEOrVCSE && strings.TrimSpace(res.Area) == "":
		r.addField(l, nil, field, Error, "location-below-threshold", src,
			"reserves the competition to SMEs/VCSEs without a location reservation; %s allows that only together with one", why)
	default:
		r.addField(l, nil, field, Note, "location-below-threshold", src,
			"reserves the competition (%s) below threshold, as %s allows", reservationText(res), why)
	}
}

// belowThresholdAllowance says whether a below-threshold reservation is
// allowed for the tender's authority and date, under what.
func belowThresholdAllowance(r *run, l *lotCtx) (bool, Source, string) {
	c := r.t.Commenced
	if r.t.Authority.Type == score.CentralGovernment {
		if l.regime == score.PA2023 {
			return true, verified("PPN 005 (reserving below-threshold procurements, from 24 February 2025)"), "PPN 005"
		}
		if !c.Before(PPN0620From()) {
			return true, verified("PPN 11/20 (reserving below-threshold procurements, from 1 January 2021)"), "PPN 11/20"
		}
		return false, verified("PPN 11/20 (from 1 January 2021)"), "no policy allowed before 1 January 2021"
	}
	si := "Local Government (Exclusion of Non-commercial Considerations) (England) Order 2026 (SI 2026/94), in force 4 February 2026"
	switch nation := r.t.Authority.Nation; {
	case nation != "" && nation != score.England:
		return false, Source{Cite: si, Verified: true, Note: "an order for English councils; it does not reach an authority in " + nationName(nation)},
			"SI 2026/94 allows only English councils, and this authority is in " + nationName(nation)
	case !c.Before(SI202694InForce()) && nation == score.England:
		return true, Source{Cite: si, Verified: true, Note: "English councils only; the authority is in England"}, "SI 2026/94 (an English council)"
	case !c.Before(SI202694InForce()):
		return true, Source{Cite: si, Verified: true,
			Note: "English councils only; the tender does not state the authority's nation (authority.nation), so England is assumed"}, "SI 2026/94 (for an English council)"
	}
	return false, Source{Cite: "Local Government Act 1988 s.17(5)(e); SI 2026/94 in force 4 February 2026", Verified: true,
			Note: "applies to councils; the model does not say whether a sub-central authority is one"},
		"a council could not do before SI 2026/94 lifted the Local Government Act 1988 s.17(5)(e) ban on 4 February 2026"
}

func reservationText(res *score.Reservation) string {
	var parts []string
	if a := strings.TrimSpace(res.Area); a != "" {
		parts = append(parts, "to suppliers based in "+a)
	}
	if res.SMEOrVCSE {
		parts = append(parts, "to SMEs and VCSEs")
	}
	return strings.Join(parts, " and ")
}

// nationName writes a nation as people do.
func nationName(n score.Nation) string {
	switch n {
	case score.England:
		return "England"
	case score.Wales:
		return "Wales"
	case score.Scotland:
		return "Scotland"
	case score.NorthernIreland:
		return "Northern Ireland"
	}
	return string(n)
}
