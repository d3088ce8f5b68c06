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
	// thresholds).
	EstimatedValue decimal.Decimal `json:"estimatedValue"`
	// TermMonths is the contract term, including extensions.
	TermMonths int `json:"termMonths" validate:"gte=1,lte=600"`
	// Route, when set, overrides the tender's route for this lot.
	Route *Route `json:"route,omitempty"`
	// Policy is the published evaluation methodology.
	Policy Policy `json:"policy"`
}
