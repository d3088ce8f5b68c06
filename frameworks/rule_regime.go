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
	if r.t.Regime == "" || l.regime == r.t.Regime {
		return
	}
	if l.fw != nil {
		r.add(l, nil, Warning, "regime-framework", RegimeSource(),
			"a call-off under %s follows the regime the framework was let under, %s, not the tender's declared %s; this lot is checked under %s (the model has one regime per tender)",
			l.callOffName(), regimeName(l.regime), regimeName(r.t.Regime), regimeName(l.regime))
		return
	}
	r.add(l, nil, Error, "regime-mismatch", RegimeSource(),
		"commenced %s outside any framework, it runs under %s, but the tender declares %s; this lot is checked under %s",
		r.t.Commenced.Long(), regimeName(l.regime), regimeName(r.t.Regime), regimeName(l.regime))
}
