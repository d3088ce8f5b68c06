package frameworks

// Rule framework-term: a call-off's term, extensions included, is within
// the framework's maximum (G-Cloud 14: 36 months plus one 12-month
// extension; DOS5: 2 years plus up to 6 months).
//
// Codes: framework-term (error), framework-term-unstated (note).

func checkFrameworkTerm(r *run, l *lotCtx) {
	if l.fw == nil || l.callOff.MaxTermMonths == 0 {
		return
	}
	field := l.path + ".termMonths"
	switch {
	case l.lot.TermMonths <= 0:
		r.addField(l, nil, field, Note, "framework-term-unstated", l.callOff.Source,
			"the lot states no term, so it is not checked against the %d months %s allows", l.callOff.MaxTermMonths, l.callOffName())
	case l.lot.TermMonths > l.callOff.MaxTermMonths:
		r.addField(l, nil, field, Error, "framework-term", l.callOff.Source,
			"a term of %d months with extensions, more than the %d months %s allows", l.lot.TermMonths, l.callOff.MaxTermMonths, l.callOffName())
	}
}
