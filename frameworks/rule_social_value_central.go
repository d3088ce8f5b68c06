package frameworks

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Rule social-value-central: central government evaluates social value
// with at least 10% of the total score — or of the quality score under
// price per quality point (MED, so a warning at most). Under the
// Procurement Act 2023 the source is PPN 002 (published 13 February 2025,
// mandatory for in-scope bodies from 1 October 2025: earlier a warning);
// under PCR 2015 it is PPN 06/20 (procurements from 1 January 2021). In
// scope: departments, executive agencies and NDPBs; councils are not
// bound (their own minimums are local policies).
//
// Code: social-value-central (error, or warning as above).

func checkSocialValueCentral(r *run, l *lotCtx) {
	if r.t.Authority.Type != score.CentralGovernment {
		return
	}
	var src Source
	sev := Error
	switch {
	case l.regime == score.PA2023:
		src = verified("PPN 002 (social value under the Procurement Act 2023): at least 10%; mandatory for in-scope bodies from 1 October 2025")
		if r.t.Commenced.Before(PPN002Mandatory()) {
			sev = Warning
		}
	case !r.t.Commenced.Before(PPN0620From()):
		src = verified("PPN 06/20 (social value, PCR 2015 procurements from 1 January 2021): at least 10% of the total score")
	default:
		return
	}
	if l.lot.Policy.Basis == score.AdjustedPrice {
		src.Verified = false
		src.Note = "how PPN 002's minimum reads on a price adjusted by features is this library's question, not the PPN's"
		r.add(l, nil, Warning, "social-value-central", src,
			"the lot is scored on a price adjusted by features, which gives social value no share of a score: central government (departments, executive agencies, NDPBs) must give social value at least 10%%, which this basis cannot show")
		return
	}
	of := "the total score"
	if l.lot.Policy.Basis == score.PricePerQualityPoint {
		of = "the quality score (price per quality point)"
		src.Verified = false
		src.Note = "10% of the quality score under price per quality point is MED (docs/sources/social-value.md)"
	}
	got, ok := categoryPercent(l.shares, score.SocialValue)
	if !ok {
		return
	}
	ten := exact.Whole(decimal.NewFromInt(10))
	if got.Cmp(ten) >= 0 {
		return
	}
	r.add(l, nil, sev, "social-value-central", src,
		"social value carries %s of %s; central government (departments, executive agencies, NDPBs) must give it at least 10%%", pctText(got), of)
}
