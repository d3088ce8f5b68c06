package frameworks

import (
	"fmt"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// Rule living-wage-accreditation: Living Wage Foundation accreditation is a
// status of the whole company — every employee and regularly contracted
// worker, whatever contract they work on — not something delivered under
// this contract. Requiring it (a living wage gate with a minimum
// accreditation) or scoring it (the accreditation method) tests the company
// rather than the contract: award criteria must relate to the
// subject-matter of the contract (Procurement Act 2023 s.23(2)(a), (5); PCR
// 2015 reg 67(2), (5)), conditions of participation may go only to the
// legal and financial capacity or technical ability to perform it (s.22(1);
// PCR 2015 reg 58(1)–(4)), and for a council in England the terms and
// conditions of a contractor's workers are a non-commercial matter (Local
// Government Act 1988 s.17(5)(a)). The warning suggests the
// contract-specific commitment instead: paying at least the applicable
// living wage to everyone working on the contract.
//
// Codes: living-wage-accreditation (warning).

func checkLivingWageAccreditation(r *run, l *lotCtx) {
	for i, g := range l.lot.Policy.LivingWageGates {
		if g.MinAccreditation == "" || g.MinAccreditation == criteria.NotAccredited {
			continue
		}
		src := accreditationSource(r, l.regime, g.Kind == criteria.ConditionOfParticipation)
		r.addField(l, nil, fmt.Sprintf("%s.policy.livingWageGates[%d]", l.path, i), Warning, "living-wage-accreditation", src,
			"living wage gate %s (%s) requires the bidder to be at least %s with the Living Wage Foundation: accreditation is the company's status, not delivery of this contract; require the commitment to pay at least the applicable living wage to everyone working on the contract, and leave accreditation as evidence",
			g.ID, g.Title, g.MinAccreditation.Name())
	}
	for i := range l.shares {
		s := &l.shares[i]
		if s.c.LivingWage == nil || s.c.LivingWage.Method != criteria.ScoreAccreditation {
			continue
		}
		r.add(l, s, Warning, "living-wage-accreditation", accreditationSource(r, l.regime, false),
			"scores the bidder's Living Wage Foundation accreditation: accreditation is the company's status, not delivery of this contract; score the rate committed to everyone working on the contract instead (the hourly-rate method)")
	}
}

// accreditationSource cites the rules an accreditation test meets.
func accreditationSource(r *run, regime score.Regime, condition bool) Source {
	var srcs []Source
	switch {
	case regime == score.PCR2015 && condition:
		srcs = append(srcs, verified("PCR 2015 reg 58(1)–(4) (selection criteria related and proportionate to the subject-matter of the contract)"))
	case regime == score.PCR2015:
		srcs = append(srcs, verified("PCR 2015 reg 67(2), (5) (award criteria linked to the subject-matter: the works, supplies or services provided under the contract)"))
	case condition:
		srcs = append(srcs, verified("Procurement Act 2023 s.22(1) (conditions of participation only for the legal and financial capacity or technical ability to perform the contract)"))
	default:
		srcs = append(srcs, verified("Procurement Act 2023 s.23(2)(a), (5) (award criteria relate to the subject-matter of the contract)"))
	}
	if a := r.t.Authority; a.Type == score.SubCentral && (a.Nation == "" || a.Nation == score.England) {
		s := verified("Local Government Act 1988 s.17(5)(a) (terms and conditions of contractors' workers a non-commercial matter for a council)")
		if a.Nation == "" {
			s.Note = "the authority's nation is not stated: England is assumed"
		}
		srcs = append(srcs, s)
	}
	return joinSources(srcs...)
}
