package score

import (
	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
)

// Tender is one procurement: who buys, under which regime and route, and its
// lots.
type Tender struct {
	// ID is the authority's reference ("LBC/IT/2026/01").
	ID string `json:"id" validate:"required"`
	// Title names the procurement.
	Title string `json:"title" validate:"required"`
	// Authority is the buyer. Scoring does not need it; package frameworks
	// does (its type decides the thresholds), and assessment summaries
	// name it. When it is left out, the Result's notes say so.
	Authority Authority `json:"authority"`
	// Commenced is the day the procurement commenced; it decides the regime
	// and thresholds that apply, and the living wage rate in force. Scoring
	// needs it only for a living wage gate or criterion; when it is left
	// out, the Result's notes say so.
	Commenced date.Date `json:"commenced"`
	// Regime is the law the procurement runs under. Scoring does not need
	// it; package frameworks and assessment summaries do. When it is left
	// out, the Result's notes say so.
	Regime Regime `json:"regime,omitempty" validate:"omitempty,oneof=pcr-2015 pa-2023"`
	// Route is the route to market every lot takes unless the lot names its own.
	Route Route `json:"route"`
	// LivingWageRates, when set, replaces the built-in living wage rate
	// tables (criteria.LivingWageRates), e.g. to add a year announced after
	// this release.
	LivingWageRates *criteria.RateTable `json:"livingWageRates,omitempty"`
	// Lots are evaluated separately, each under its own policy.
	Lots []Lot `json:"lots" validate:"required,min=1,dive"`
	// LotRules, when set, caps the lots one supplier may bid for or be
	// awarded, publishes how lots are allocated under the cap, and says
	// whether cross-lot offers are accepted. [Award] applies them.
	LotRules *LotRules `json:"lotRules,omitempty"`
	// Documents says where the tender notice and associated tender
	// documents — the award criteria and assessment methodology in full —
	// can be accessed (an address or a reference). An assessment summary
	// that gives a summary of the award criteria must say where the full
	// version is (Procurement Regulations 2024 reg 31(2)(d)(ii)).
	Documents string `json:"documents,omitempty"`
	// Evaluation, when set, is the record of how the evaluation was run:
	// the panel with each evaluator's declared conflicts of interest, and
	// the dates it was completed and reported.
	Evaluation *Evaluation `json:"evaluation,omitempty"`
	// CrossLotOffers are suppliers' offers of a price reduction if awarded a
	// named set of lots together. [Award] evaluates them as
	// LotRules.CrossLot says; [Evaluate] scores each lot as bid, without them.
	CrossLotOffers []CrossLotOffer `json:"crossLotOffers,omitempty"`
}

// Authority is the buying body.
type Authority struct {
	// Name is the authority's name ("London Borough of Croydon"); local
	// policies are matched to a tender by it.
	Name string `json:"name"`
	// Type is central government or sub-central, which decides the
	// thresholds (package frameworks requires it).
	Type AuthorityType `json:"type,omitempty" validate:"omitempty,oneof=central-government sub-central"`
	// Nation is the UK nation whose law binds a sub-central authority:
	// England, Wales, Scotland or Northern Ireland. Some rules are
	// England-only (SI 2026/94 lets English councils reserve
	// below-threshold contracts to local suppliers); empty means not
	// stated, and package frameworks then says what it had to assume.
	Nation Nation `json:"nation,omitempty" validate:"omitempty,oneof=england wales scotland northern-ireland"`
}

// Nation is a nation of the United Kingdom.
type Nation string

// Nations.
const (
	England         Nation = "england"
	Wales           Nation = "wales"
	Scotland        Nation = "scotland"
	NorthernIreland Nation = "northern-ireland"
)

// AuthorityType decides which thresholds and policies apply: central
// government (departments, executive agencies, NHS trusts) or sub-central
// (councils, universities and the rest). Source: Procurement Act 2023
// Sch. 1 (threshold amounts).
type AuthorityType string

// Authority types.
const (
	CentralGovernment AuthorityType = "central-government"
	SubCentral        AuthorityType = "sub-central"
)

// Regime is the procurement law a tender runs under: the Public Contracts
// Regulations 2015 for procurements commenced before 24 February 2025, the
// Procurement Act 2023 from then on (SI 2024/716 as amended by SI
// 2024/959).
type Regime string

// Regimes.
const (
	PCR2015 Regime = "pcr-2015"
	PA2023  Regime = "pa-2023"
)

// Route is a route to market: a framework agreement and its lot, and the
// award procedure used under it. An empty Framework means the lot is
// competed without a framework.
type Route struct {
	// Framework is the framework's reference ("RM6190" for Technology
	// Services 4).
	Framework string `json:"framework,omitempty"`
	// Lot is the framework lot ("3" for End User Services).
	Lot string `json:"lot,omitempty"`
	// Procedure is how the call-off is awarded: "further-competition",
	// "direct-award", or for a procurement outside a framework its
	// procedure ("open", "competitive-flexible").
	Procedure string `json:"procedure,omitempty"`
}

// IsZero reports whether no route is declared.
func (r Route) IsZero() bool { return r == Route{} }

// Lot returns the lot with the given id.
func (t Tender) Lot(id string) (Lot, bool) {
	for _, l := range t.Lots {
		if l.ID == id {
			return l, true
		}
	}
	return Lot{}, false
}

// RouteFor returns the route a lot takes: its own if declared, else the
// tender's.
func (t Tender) RouteFor(l Lot) Route {
	if l.Route != nil && !l.Route.IsZero() {
		return *l.Route
	}
	return t.Route
}

// RegimeFor returns the regime a lot runs under: its own if declared, else
// the tender's.
func (t Tender) RegimeFor(l Lot) Regime {
	if l.Regime != "" {
		return l.Regime
	}
	return t.Regime
}

// Rates returns the living wage rate tables in use: the tender's own, or
// the built-in ones.
func (t Tender) Rates() criteria.RateTable {
	if t.LivingWageRates != nil {
		return *t.LivingWageRates
	}
	return criteria.LivingWageRates()
}
