package frameworks

import "fmt"

// Rule framework-suppliers: where a framework bounds how many suppliers a
// call-off competition evaluates (DOS5: 3 to 15), the bids received for the
// lot (given with WithBids) come from that many suppliers. Without the bids
// the rule says it could not check.
//
// Codes: framework-suppliers (error), framework-suppliers-unstated (note).

func checkFrameworkSuppliers(r *run, l *lotCtx) {
	co := l.callOff
	if l.fw == nil || (co.MinSuppliers == 0 && co.MaxSuppliers == 0) || l.procedure() == DirectAward {
		return
	}
	want := fmt.Sprintf("from %d to %d", co.MinSuppliers, co.MaxSuppliers)
	if !r.cfg.hasBids {
		r.add(l, nil, Note, "framework-suppliers-unstated", co.Source,
			"%s evaluates %s suppliers in a call-off competition; no bids were given, so the number is not checked", l.callOffName(), want)
		return
	}
	suppliers := map[string]bool{}
	for _, b := range r.cfg.bids {
		if b.Lot == l.lot.ID {
			suppliers[b.Supplier.ID] = true
		}
	}
	n := len(suppliers)
	if (co.MinSuppliers > 0 && n < co.MinSuppliers) || (co.MaxSuppliers > 0 && n > co.MaxSuppliers) {
		r.add(l, nil, Error, "framework-suppliers", co.Source,
			"%d suppliers are evaluated; %s requires %s", n, l.callOffName(), want)
	}
}
