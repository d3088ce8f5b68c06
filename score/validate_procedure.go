package score

import (
	"fmt"
	"strings"
)

// oneProcedure checks that lots evaluated together share one procedure. A
// cap on lots per supplier, an allocation mechanism and the evaluation of
// cross-lot offers apply across every lot of the tender, so every lot must
// run under the same regime and route: PA 2023 s.23(4) lets an authority
// limit the lots awarded to one supplier "in setting award criteria for the
// assessment of tenders by reference to lots" — within one competitive
// tendering procedure — and a call-off competition is run among one
// framework lot's suppliers under that framework's terms (ss.45–46), so
// call-offs under different frameworks, or different framework lots, are
// different procurements. Each cross-lot offer's lots must likewise share
// one procedure.
func (v *validation) oneProcedure(t Tender) {
	if r := t.LotRules; r != nil && r.BindsLots() {
		if groups := procedureGroups(t); len(groups) > 1 {
			v.add("lotRules", r.summary(), "one-procedure",
				"lot rules apply within one procedure, but this tender's lots run under %d: %s; "+
					"evaluate each procedure as its own tender, or run the lots as one procedure",
				len(groups), describeGroups(t, groups))
		}
	}
	for i, o := range t.CrossLotOffers {
		var named []int
		for _, id := range o.Lots {
			for j, l := range t.Lots {
				if l.ID == id {
					named = append(named, j)
					break
				}
			}
		}
		sub := Tender{Route: t.Route, Regime: t.Regime}
		for _, j := range named {
			sub.Lots = append(sub.Lots, t.Lots[j])
		}
		if groups := procedureGroups(sub); len(groups) > 1 {
			v.add(fmt.Sprintf("crossLotOffers[%d].lots", i), strings.Join(o.Lots, ","), "one-procedure",
				"a cross-lot offer can only combine lots of one procedure, but these run under %d: %s",
				len(groups), describeGroups(sub, groups))
		}
	}
}

// BindsLots reports whether the rules tie lots together: a cap, an
// allocation mechanism or cross-lot evaluation. Lots bound together must
// share one procedure ([Tender.Validate] checks it).
func (r LotRules) BindsLots() bool {
	return r.MaxLotsBidPerSupplier != nil || r.MaxLotsAwardedPerSupplier != nil || r.Allocation != "" ||
		(r.CrossLot != "" && r.CrossLot != CrossLotNotAccepted)
}

// summary names what the rules declare, for an error's value.
func (r LotRules) summary() string {
	var parts []string
	if r.MaxLotsBidPerSupplier != nil {
		parts = append(parts, fmt.Sprintf("maximumLotsBidPerSupplier %d", *r.MaxLotsBidPerSupplier))
	}
	if r.MaxLotsAwardedPerSupplier != nil {
		parts = append(parts, fmt.Sprintf("maximumLotsAwardedPerSupplier %d", *r.MaxLotsAwardedPerSupplier))
	}
	if r.Allocation != "" {
		parts = append(parts, "allocation "+string(r.Allocation))
	}
	if r.CrossLot != "" {
		parts = append(parts, "crossLot "+string(r.CrossLot))
	}
	return strings.Join(parts, ", ")
}

// describeGroups names each group's lots and procedure: "lots 1 and 2: a
// call-off competition under RM6190 lot 3 (Procurement Act 2023); lot 4:
// …".
func describeGroups(t Tender, groups [][]int) string {
	parts := make([]string, 0, len(groups))
	for _, g := range groups {
		ids := make([]string, 0, len(g))
		for _, i := range g {
			ids = append(ids, t.Lots[i].ID)
		}
		parts = append(parts, fmt.Sprintf("%s: %s", LotWords(ids), t.ProcedureFor(t.Lots[g[0]])))
	}
	return strings.Join(parts, "; ")
}
