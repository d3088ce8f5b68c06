package frameworks

import "strings"

// Rule threshold: each lot is placed in its band — above threshold,
// notifiable below threshold, or below — by its estimated value including
// VAT, the authority type and the commencement date (Procurement Act 2023
// Sch. 1 as amended; PPN 11/23; SI 2025/1200). The note says which rules
// follow. A lot that states no contract type is taken as goods and
// services, and the note says so.
//
// Codes: threshold-band (note), threshold-unknown (warning).

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
	r.add(l, nil, Note, "threshold-band", c.Threshold.Source,
		"%s (%s%s, commenced %s). Under %s: %s",
		c, assumed, c.Threshold.Authority, r.t.Commenced.Long(), regimeName(c.Regime), strings.Join(c.Rules(), "; "))
}
