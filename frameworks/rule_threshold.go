package frameworks

import (
	"strings"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Rule threshold: each lot is placed in its band — above threshold,
// notifiable below threshold, or below — by the estimated value including
// VAT of the procurement it belongs to, the authority type and the
// commencement date (Procurement Act 2023 Sch. 1 as amended; PPN 11/23; SI
// 2025/1200). The lots taking the tender's route under one regime are one
// procurement, valued as the sum of all of them (PA 2023 Sch. 3 para 4;
// PCR 2015 reg 6(11)–(13)); a lot with a route of its own is a procurement
// of its own. The note shows the sum and the lots summed, and says which
// rules follow; below threshold it gives the notifiable figure (PA 2023
// s.87(4); PCR 2015 reg 109(2) as amended). Under PCR 2015 a lot of an
// above-threshold procurement under £70,778 (supplies or services) or
// £884,720 (works) may be awarded outside Part 2 while the lots so awarded
// total no more than 20% of the aggregate (reg 6(14)–(15)): a note says so.
// The Procurement Act 2023 has no such exemption. A lot that states no
// contract type is taken as goods and services, and the note says so.
//
// Codes: threshold-band (note), threshold-unknown (warning),
// threshold-small-lots (note).

func checkThreshold(r *run, l *lotCtx) {
	if l.class == nil {
		r.add(l, nil, Warning, "threshold-unknown", verified("Procurement Act 2023 Sch. 1; PCR 2015 reg 5"),
			"cannot place %s in a threshold band: %v; rules that depend on the band are not checked", money(l), l.classErr)
		return
	}
	c := l.class
	assumed := ""
	if l.lot.ContractType == "" {
		assumed = "goods and services assumed: the lot states no contract type; "
	}
	srcs := []Source{c.Threshold.Source}
	if c.Aggregate != nil {
		srcs = append(srcs, c.Aggregate.Source)
	}
	if c.Band != AboveThreshold {
		srcs = append(srcs, c.NotifiableSource)
	}
	r.add(l, nil, Note, "threshold-band", joinSources(srcs...),
		"%s (%s%s, commenced %s). Under %s: %s",
		c, assumed, c.Threshold.Authority, r.t.Commenced.Long(), regimeName(c.Regime), strings.Join(c.Rules(), "; "))
	if s := c.SmallLots; s != nil {
		var ids []string
		for _, e := range s.Eligible {
			ids = append(ids, e.ID)
		}
		within := "within that"
		if s.EligibleTotal.Cmp(s.Cap) > 0 {
			within = "more than that, so not all of them may be"
		}
		r.add(l, nil, Note, "threshold-small-lots", s.Source,
			"the lot's own value %s is less than %s (VAT inclusive), so the authority may award it outside Part 2 if the lots so awarded total no more than 20%% of the aggregate %s, that is %s; the lots under their figure (%s) total %s, %s",
			exact.Money(c.LotValue), exact.Money(s.Limit), exact.Money(c.Aggregate.Total), exact.Money(s.Cap), score.LotWords(ids), exact.Money(s.EligibleTotal), within)
	}
}

// joinSources cites several sources as one: verified only if all are.
func joinSources(ss ...Source) Source {
	out := Source{Verified: true}
	var cites, notes []string
	for _, s := range ss {
		cites = append(cites, s.Cite)
		if s.Note != "" {
			notes = append(notes, s.Note)
		}
		out.Verified = out.Verified && s.Verified
	}
	out.Cite = strings.Join(cites, "; ")
	out.Note = strings.Join(notes, "; ")
	return out
}
