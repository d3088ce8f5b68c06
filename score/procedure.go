package score

import (
	"fmt"
	"strings"
)

// Procedures a lot can be awarded under, as Route.Procedure names them.
const (
	// OpenProcedure is the Procurement Act 2023 open procedure (s.20(2)(a)),
	// or the PCR 2015 open procedure (reg 27): a competitive tendering
	// procedure outside any framework.
	OpenProcedure = "open"
	// CompetitiveFlexible is the Procurement Act 2023 competitive flexible
	// procedure (s.20(2)(b)).
	CompetitiveFlexible = "competitive-flexible"
	// FurtherCompetition is a call-off competition among a framework's
	// suppliers: a "competitive selection process" under PA 2023 s.46, or a
	// mini-competition under PCR 2015 reg 33.
	FurtherCompetition = "further-competition"
	// DirectAward is a call-off awarded without competition under a
	// framework's terms.
	DirectAward = "direct-award"
)

// AwardRoute is how the law sees a lot's award: the kind of award decides
// which documents a bidder is owed, whether standstill applies, and which
// lots may be evaluated together.
type AwardRoute string

// Award routes.
const (
	// CompetitiveTendering is an award following a competitive tendering
	// procedure (PA 2023 s.19; under PCR 2015 an open, restricted or other
	// procedure of Part 2): lots of one such procedure may share lot rules
	// (s.23(4)), and assessed tenders are owed an assessment summary
	// (s.50(3)) or, under PCR 2015, a reg 86 notice.
	CompetitiveTendering AwardRoute = "competitive-tendering"
	// FrameworkCallOff is a contract awarded in accordance with a framework
	// (PA 2023 s.45(1); a competitive selection process under s.46), or a
	// contract based on a framework agreement under PCR 2015 reg 33: no
	// statutory assessment summary (s.50(3) applies to s.19 awards only),
	// no mandatory standstill (s.51(3)), no reg 86 notice (reg 86(5)).
	FrameworkCallOff AwardRoute = "framework-call-off"
)

// Procedure identifies the procurement procedure a lot is awarded under: its
// regime and its route to market. Lots evaluated together — under a cap on
// lots per supplier, with cross-lot offers, or valued together against a
// threshold — must share one Procedure: call-offs under different
// frameworks, or under different lots of one framework, are different
// procurements with different suppliers.
type Procedure struct {
	Regime Regime
	Route  Route
}

// ProcedureFor returns the procedure a lot is awarded under: its regime and
// route, each its own where it declares one, else the tender's.
func (t Tender) ProcedureFor(l Lot) Procedure {
	return Procedure{Regime: t.RegimeFor(l), Route: t.RouteFor(l)}
}

// AwardRoute says how the lot's award is made: a framework call-off when
// the route names a framework, competitive tendering otherwise.
func (p Procedure) AwardRoute() AwardRoute {
	if p.Route.Framework != "" {
		return FrameworkCallOff
	}
	return CompetitiveTendering
}

// String describes the procedure with its regime: "a call-off competition
// under RM6190 lot 3 (Procurement Act 2023)", "an open procedure (Public
// Contracts Regulations 2015)".
func (p Procedure) String() string {
	return fmt.Sprintf("%s (%s)", p.Words(), p.Regime.Name())
}

// Words describes the procedure without its regime: "a call-off
// competition under RM6190 lot 3", "an open procedure".
func (p Procedure) Words() string {
	var what string
	switch proc := p.Route.Procedure; {
	case proc == FurtherCompetition:
		what = "a call-off competition"
	case proc == DirectAward:
		what = "a direct award"
	case proc == "" && p.Route.Framework != "":
		what = "a call-off"
	case proc == "":
		what = "a competitive tendering procedure"
	default:
		what = strings.ReplaceAll(proc, "-", " ")
		if !strings.HasSuffix(what, "procedure") {
			what += " procedure"
		}
		what = article(what) + " " + what
	}
	if p.Route.Framework != "" {
		what += " under " + p.Route.Framework
		if p.Route.Lot != "" {
			what += " lot " + p.Route.Lot
		}
	}
	return what
}

func article(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an"
	}
	return "a"
}

// Name is the regime's name in full: "Procurement Act 2023", "PCR 2015".
func (r Regime) Name() string {
	switch r {
	case PA2023:
		return "Procurement Act 2023"
	case PCR2015:
		return "Public Contracts Regulations 2015"
	case "":
		return "regime not stated"
	}
	return string(r)
}

// procedureGroups returns the tender's lots grouped by procedure, groups in
// the order of their first lot, lots in tender order.
func procedureGroups(t Tender) [][]int {
	var keys []Procedure
	groups := map[Procedure][]int{}
	for i, l := range t.Lots {
		p := t.ProcedureFor(l)
		if _, ok := groups[p]; !ok {
			keys = append(keys, p)
		}
		groups[p] = append(groups[p], i)
	}
	out := make([][]int, 0, len(keys))
	for _, k := range keys {
		out = append(out, groups[k])
	}
	return out
}
