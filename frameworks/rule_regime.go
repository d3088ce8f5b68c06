package frameworks

// Rule regime: the tender declares the regime its lots run under. A
// procurement commenced before 24 February 2025 runs under PCR 2015, one
// commenced on or after under the Procurement Act 2023; a call-off follows
// the regime its framework was let under (SI 2024/716 as amended).
//
// Codes: regime-mismatch (error), regime-framework (warning).

func checkRegimeDeclared(r *run) {
	if r.t.Regime != "" {
		return
	}
	want, _ := RegimeOn(r.t.Commenced)
	r.add(nil, nil, Error, "regime-mismatch", RegimeSource(),
		"the tender declares no regime; commenced %s, it runs under %s (%s) unless every lot is a call-off under an older framework",
		r.t.Commenced.Long(), regimeName(want), want)
}

func checkRegime(r *run, l *lotCtx) {
	declared := r.t.RegimeFor(l.lot)
	if declared == "" || l.regime == declared {
		return
	}
	whose, declares := "the tender's declared", "the tender declares"
	if l.lot.Regime != "" {
		whose, declares = "the lot's declared", "the lot declares"
	}
	if l.fw != nil {
		r.add(l, nil, Warning, "regime-framework", RegimeSource(),
			"a call-off under %s follows the regime the framework was let under, %s, not %s %s; this lot is checked under %s (declare the lot's own regime to say so)",
			l.callOffName(), regimeName(l.regime), whose, regimeName(declared), regimeName(l.regime))
		return
	}
	r.add(l, nil, Error, "regime-mismatch", RegimeSource(),
		"commenced %s outside any framework, it runs under %s, but %s %s; this lot is checked under %s",
		r.t.Commenced.Long(), regimeName(l.regime), declares, regimeName(declared), regimeName(l.regime))
}
