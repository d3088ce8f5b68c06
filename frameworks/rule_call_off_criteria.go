package frameworks

import (
	"slices"
	"strings"

	"github.com/tenderscore/tenderscore/score"
)

// Rule call-off-criteria: a competition for a call-off under a framework
// let under the Procurement Act 2023 uses the framework's own award
// criteria, refined but not replaced (s.46(8)–(9)): a criterion in a
// category the framework's criteria do not include is a finding. Direct
// awards and PCR 2015 frameworks are not concerned. Where the route does
// not say the procedure, or the catalogue does not record the framework's
// criteria, the rule says so.
//
// Codes: call-off-criteria (error), call-off-criteria-unstated (note),
// call-off-criteria-unrecorded (note).

func callOffCriteriaSource() Source {
	return verified("Procurement Act 2023 s.46(8)–(9) (call-off competition: the framework's award criteria, refined not replaced)")
}

func checkCallOffCriteria(r *run, l *lotCtx) {
	if l.fw == nil || l.fw.Regime != score.PA2023 || l.procedure() == DirectAward {
		return
	}
	src := callOffCriteriaSource()
	if l.procedure() == "" {
		r.add(l, nil, Note, "call-off-criteria-unstated", src,
			"the route does not say whether the call-off under %s is a competition; if it is, it must use the framework's award criteria, refined but not replaced", l.callOffName())
		return
	}
	cats := l.callOff.Categories
	if len(cats) == 0 {
		r.add(l, nil, Note, "call-off-criteria-unrecorded", src,
			"the catalogue does not record %s's award criteria; check that the call-off competition refines them and adds none", l.callOffName())
		return
	}
	if !l.callOff.Source.Verified {
		src.Verified = false
		src.Note = "the framework's criteria in the catalogue are not verified"
	}
	var names []string
	for _, c := range cats {
		names = append(names, string(c))
	}
	for i := range l.shares {
		s := &l.shares[i]
		if s.depth != 0 || slices.Contains(cats, s.cat) {
			continue
		}
		r.add(l, s, Error, "call-off-criteria", src,
			"a %s criterion, a category %s's award criteria do not include (%s): a call-off may refine the framework's criteria but not replace or add to them",
			s.cat, l.callOffName(), strings.Join(names, ", "))
	}
}
