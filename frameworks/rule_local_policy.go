package frameworks

import (
	"strings"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Rule local-policy: the authority's own policies, declared by the caller
// (WithPolicies), such as Croydon's "social value at least 10%" or
// Hammersmith & Fulham's "at least 10% above £100,000". A policy binds the
// tenders of its authority, in its dates, for lots above its value. Where
// a framework's weighting heads leave no room for social value the policy
// yields a note ("where the framework allows").
//
// Codes: local-policy (error when the policy's source is verified, else
// warning), local-policy-framework (note), local-policy-none (note),
// local-policy-not-applied (note).

func checkLocalPoliciesApply(r *run) {
	if len(r.cfg.policies) == 0 {
		if r.t.Authority.Type == score.SubCentral {
			r.add(nil, nil, Note, "local-policy-none", verified("PPN 002 para 3: other contracting authorities 'may wish to apply' it; councils set their own minimums"),
				"no local policy was declared for %s, so its own minimums (social value, for one) are not checked", r.t.Authority.Name)
		}
		return
	}
	for _, p := range r.cfg.policies {
		switch {
		case !p.binds(r.t.Authority.Name):
			r.add(nil, nil, Note, "local-policy-not-applied", p.Source,
				"policy %q binds %s, not %s, so it was not applied", p.Name, p.Authority, r.t.Authority.Name)
		case !p.inForce(r.t.Commenced):
			r.add(nil, nil, Note, "local-policy-not-applied", p.Source,
				"policy %q is not in force for a procurement commenced %s, so it was not applied", p.Name, r.t.Commenced.Long())
		}
	}
}

func checkLocalPolicy(r *run, l *lotCtx) {
	for _, p := range r.cfg.policies {
		if !p.binds(r.t.Authority.Name) || !p.inForce(r.t.Commenced) {
			continue
		}
		if !p.AppliesAbove.IsZero() && l.lot.EstimatedValue.Cmp(p.AppliesAbove) <= 0 {
			continue
		}
		got, ok := categoryPercent(l.shares, score.SocialValue)
		if !ok || got.Cmp(exact.Whole(p.MinSocialValuePercent)) >= 0 {
			continue
		}
		of := "the total score"
		if l.lot.Policy.Basis == score.PricePerQualityPoint {
			of = "the quality score"
		}
		if l.fw != nil && len(l.callOff.Weights) > 0 && !headFor(l.callOff.Weights, score.SocialValue) {
			r.add(l, nil, Note, "local-policy-framework", l.callOff.Source,
				"policy %q asks for social value of at least %s%%, but %s sets weighting heads (%s) with none for social value: apply it only where the framework allows",
				p.Name, exact.Plain(p.MinSocialValuePercent), l.callOffName(), headNames(l.callOff.Weights))
			continue
		}
		r.add(l, nil, Error, "local-policy", p.Source,
			"social value carries %s of %s; policy %q requires at least %s%%", pctText(got), of, p.Name, exact.Plain(p.MinSocialValuePercent))
	}
}

func headFor(ws []WeightRange, cat score.Category) bool {
	for _, w := range ws {
		if w.Category == cat {
			return true
		}
	}
	return false
}

func headNames(ws []WeightRange) string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Head)
	}
	return strings.Join(out, ", ")
}
