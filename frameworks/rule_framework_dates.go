package frameworks

// Rule framework-dates: a call-off is made within its framework's dates
// (or its lot's, where the lot has its own): not before the framework
// starts, and not after its last day. The end date is inclusive: a call-off
// commenced on it is in time, one the day after is not. Dates that are not
// verified give warnings; dates the catalogue does not record give a note.
//
// Codes: framework-dates (error), framework-dates-unrecorded (note).

func checkFrameworkDates(r *run, l *lotCtx) {
	if l.fw == nil {
		return
	}
	c, p := r.t.Commenced, l.dates
	field := l.routePath + ".framework"
	switch {
	case !p.Start.IsZero() && c.Before(p.Start):
		r.addField(l, nil, field, Error, "framework-dates", p.StartSource,
			"commenced %s, before %s could be called off from (%s)", c.Long(), l.callOffName(), p.Start.Long())
	case !p.End.IsZero() && c.After(p.End):
		r.addField(l, nil, field, Error, "framework-dates", p.EndSource,
			"commenced %s, after %s ended on %s: a call-off under an expired framework is unlawful; use its successor or another route", c.Long(), l.callOffName(), p.End.Long())
	}
	if p.Start.IsZero() || p.End.IsZero() {
		src := p.EndSource
		if p.Start.IsZero() {
			src = p.StartSource
		}
		r.addField(l, nil, field, Note, "framework-dates-unrecorded", src,
			"the catalogue does not record when %s starts and ends; check that it is open on %s", l.callOffName(), c.Long())
	}
}
