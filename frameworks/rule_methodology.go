package frameworks

import (
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Rule methodology: the published assessment methodology says what a bid
// must pass and which scores disqualify (Procurement Act 2023 s.23(3)(a);
// PCR 2015 reg 67 and the transparency duty of reg 18). Every pass/fail
// gate states its requirement; the declared thresholds are listed so that
// they are published; price per quality point without a minimum quality
// score draws a warning (cheap-and-poor can win).
//
// Codes: methodology-gate (error), methodology-minimum-quality (warning),
// methodology-thresholds (note).

func methodologySource(reg score.Regime) Source {
	if reg == score.PCR2015 {
		return unverified("PCR 2015 reg 18 (transparency) and reg 67", "the PCR 2015 counterpart of s.23(3)(a) is not checked")
	}
	return verified("Procurement Act 2023 s.23(3)(a) (assessment methodology, including whether failing a criterion disqualifies)")
}

func checkMethodology(r *run, l *lotCtx) {
	src := methodologySource(l.regime)
	p := l.lot.Policy
	var declared []string
	for i, g := range p.Gates {
		field := fmt.Sprintf("%s.policy.gates[%d]", l.path, i)
		if strings.TrimSpace(g.Requirement) == "" {
			r.addField(l, nil, field+".requirement", Error, "methodology-gate", src,
				"pass/fail gate %s (%s) states no requirement: the published methodology must say what a bid must show to pass, since failing it disqualifies", g.ID, g.Title)
			continue
		}
		declared = append(declared, fmt.Sprintf("gate %s (pass/fail)", g.ID))
	}
	if p.Thresholds.MinQualityPercent != nil {
		declared = append(declared, fmt.Sprintf("minimum quality %s%%", exact.Plain(*p.Thresholds.MinQualityPercent)))
	}
	for _, s := range l.shares {
		if s.c.MinPercent != nil {
			declared = append(declared, fmt.Sprintf("criterion %s minimum %s%%", s.c.ID, exact.Plain(*s.c.MinPercent)))
		}
		if s.c.Quality != nil && s.c.Quality.MinMark != nil {
			declared = append(declared, fmt.Sprintf("criterion %s minimum mark %s", s.c.ID, exact.Plain(*s.c.Quality.MinMark)))
		}
	}
	if p.Basis == score.PricePerQualityPoint && p.Thresholds.MinQualityPercent == nil {
		r.add(l, nil, Warning, "methodology-minimum-quality", unverified("docs/sources/price-formulas.md (price per quality point)", "advice, not law"),
			"price per quality point with no minimum quality score: a cheap, poor bid can win; declare thresholds.minQualityPercent")
	}
	if len(declared) > 0 {
		r.add(l, nil, Note, "methodology-thresholds", src,
			"publish these pass/fail rules and thresholds with the methodology: %s", strings.Join(declared, "; "))
	}
}
