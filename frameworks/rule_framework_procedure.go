package frameworks

import (
	"slices"
	"strings"
)

// Rule framework-procedure: a call-off is awarded by a procedure its
// framework lot permits: G-Cloud 14 lots 1–3 by direct award only, lot 4 by
// further competition; DOS by further competition.
//
// Codes: framework-procedure (error), framework-procedure-unstated (note),
// framework-procedure-unrecorded (note).

func checkFrameworkProcedure(r *run, l *lotCtx) {
	if l.fw == nil {
		return
	}
	field := l.routePath + ".procedure"
	allowed := l.callOff.Procedures
	p := l.procedure()
	switch {
	case p == "":
		r.addField(l, nil, field, Note, "framework-procedure-unstated", l.callOff.Source,
			"the route does not say whether the call-off under %s is a further competition or a direct award, so the procedure is not checked", l.callOffName())
	case len(allowed) == 0:
		r.addField(l, nil, field, Note, "framework-procedure-unrecorded", l.fw.Source,
			"the catalogue does not record which procedures %s permits; check that %s is one", l.callOffName(), p)
	case !slices.Contains(allowed, p):
		var names []string
		for _, a := range allowed {
			names = append(names, string(a))
		}
		r.addField(l, nil, field, Error, "framework-procedure", l.callOff.Source,
			"a call-off under %s by %s, but it permits only %s", l.callOffName(), p, strings.Join(names, " or "))
	}
}
