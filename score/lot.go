package score

import "github.com/shopspring/decimal"

// Lot is a separately awarded part of a tender, evaluated under its own
// published policy.
type Lot struct {
	// ID identifies the lot within the tender; bids name it.
	ID string `json:"id" validate:"required"`
	// Title names the lot ("Service desk").
	Title string `json:"title" validate:"required"`
	// EstimatedValue is the lot's estimated value including VAT, over the
	// whole term with extensions and options (the figure compared with
	// thresholds). Zero means not stated: scoring needs it only for social
	// value per £1m of contract value and for lot rules that take lots in
	// order of value; package frameworks requires it. The Result's notes
	// say when it is left out.
	EstimatedValue decimal.Decimal `json:"estimatedValue"`
	// ContractType decides which threshold applies: goods and services,
	// works, light-touch services, or utilities and defence. Empty means
	// not stated; package frameworks then assumes goods and services and
	// says so.
	ContractType ContractType `json:"contractType,omitempty" validate:"omitempty,oneof=goods-services works light-touch utilities-defence"`
	// TermMonths is the contract term, including extensions. Zero means not
	// stated: scoring does not use it; package frameworks checks it against
	// a framework's longest call-off term. The Result's notes say when it is
	// left out.
	TermMonths int `json:"termMonths,omitempty" validate:"omitempty,gte=1,lte=600"`
	// Route, when set, overrides the tender's route for this lot.
	Route *Route `json:"route,omitempty"`
	// Regime, when set, is the law this lot runs under where it differs from
	// the tender's: a call-off under a framework let under PCR 2015 follows
	// PCR 2015 even in a procurement commenced after 24 February 2025
	// (docs/sources/frameworks.md).
	Regime Regime `json:"regime,omitempty" validate:"omitempty,oneof=pcr-2015 pa-2023"`
	// Reservation, when set, restricts who may bid by where suppliers are
	// based or what kind of body they are. Lawful only below threshold, as
	// PPN 005 (central government) or SI 2026/94 (English councils from
	// 4 February 2026) allow; package frameworks checks it.
	Reservation *Reservation `json:"reservation,omitempty"`
	// Policy is the published evaluation methodology.
	Policy Policy `json:"policy"`
}

// Reservation restricts a below-threshold competition to suppliers based in
// an area, and/or to small and medium-sized enterprises (SMEs) and voluntary,
// community and social enterprises (VCSEs).
type Reservation struct {
	// Area is where suppliers must be based: "UK", a county, a London
	// borough; empty for no location reservation.
	Area string `json:"area,omitempty"`
	// SMEOrVCSE reserves the competition to SMEs and VCSEs.
	SMEOrVCSE bool `json:"smeOrVcse,omitempty"`
}

// ContractType is the kind of contract, which decides the threshold
// (Procurement Act 2023 Sch. 1).
type ContractType string

// Contract types with their own thresholds.
const (
	GoodsServices ContractType = "goods-services"
	Works         ContractType = "works"
	LightTouch    ContractType = "light-touch"
	// UtilitiesDefence is utilities goods and services, and defence and
	// security contracts other than works.
	UtilitiesDefence ContractType = "utilities-defence"
)
