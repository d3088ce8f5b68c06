package frameworks

import (
	"github.com/tenderscore/tenderscore/exact"
)

// Rule framework-weights: where a framework sets weighting ranges for its
// evaluation heads (DOS5: technical competence 10–75%, cultural fit 5–20%,
// price 20–85%, whole numbers), every top-level criterion belongs to one
// head, each head's weight lies in its range, and, where required, each is
// a whole number.
//
// Codes: framework-weights (error).

func checkFrameworkWeights(r *run, l *lotCtx) {
	ws := l.callOff.Weights
	if l.fw == nil || len(ws) == 0 {
		return
	}
	src := l.callOff.Source
	totals := make([]exact.Fraction, len(ws))
	for i := range totals {
		totals[i] = exact.Zero
	}
	for i := range l.shares {
		s := &l.shares[i]
		if s.depth != 0 {
			continue
		}
		head := -1
		for j, w := range ws {
			if w.matches(*s.c, s.cat) {
				head = j
				break
			}
		}
		if head < 0 {
			r.add(l, s, Error, "framework-weights", src,
				"a %s criterion that fits none of the weighting heads %s sets (%s)", s.cat, l.callOffName(), headNames(ws))
			continue
		}
		totals[head] = totals[head].Add(s.pct)
	}
	for j, w := range ws {
		got := totals[j]
		if got.Cmp(exact.Whole(w.Min)) < 0 || got.Cmp(exact.Whole(w.Max)) > 0 {
			r.add(l, nil, Error, "framework-weights", src,
				"%s carries %s, outside the %s–%s%% %s allows", w.Head, pctText(got), exact.Plain(w.Min), exact.Plain(w.Max), l.callOffName())
			continue
		}
		if l.callOff.WholeNumberWeights {
			if d, ok := got.Decimal(); !ok || !d.Equal(d.Truncate(0)) {
				r.add(l, nil, Error, "framework-weights", src,
					"%s carries %s; %s requires whole-number weights", w.Head, pctText(got), l.callOffName())
			}
		}
	}
}
