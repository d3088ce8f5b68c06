package score

import "github.com/shopspring/decimal"

// LotRules are a multi-lot tender's published rules on how many lots one
// supplier may bid for and win, how lots are allocated when a supplier would
// otherwise win more than it may, and whether offers conditional on winning
// several lots together are accepted.
//
// The Procurement Act 2023 s.23(4) lets an authority cap the lots awarded to
// one supplier provided it publishes an objective mechanism for deciding
// which lots a supplier gets. The two
// caps are named after the OCDS lots extension's
// tender.lotDetails.maximumLotsBidPerSupplier and
// maximumLotsAwardedPerSupplier (docs/sources/ocds.md).
//
// The zero value declares nothing: no cap on bids or awards, and cross-lot
// offers not accepted; [Award] says so in its notes.
type LotRules struct {
	// MaxLotsBidPerSupplier, when set, is the most lots one supplier may bid
	// for; from 1 to the number of lots. A supplier bidding for more is an
	// input error. Nil means no limit.
	MaxLotsBidPerSupplier *int `json:"maximumLotsBidPerSupplier,omitempty"`
	// MaxLotsAwardedPerSupplier, when set, is the most lots one supplier may
	// be awarded; from 1 to the number of lots. Nil means no cap: each lot
	// goes to its most advantageous tender. A cap needs an Allocation.
	MaxLotsAwardedPerSupplier *int `json:"maximumLotsAwardedPerSupplier,omitempty"`
	// Allocation is the published mechanism deciding which lots a supplier
	// gets when the cap bites; required with a cap.
	Allocation AllocationMethod `json:"allocation,omitempty"`
	// Order is the declared order of lots: the order InOrder awards them in,
	// and the order that breaks ties between equally good allocations under
	// MaxTotalScore. Required with an Allocation.
	Order LotOrder `json:"order,omitempty"`
	// Sequence lists every lot id exactly once, first to last, when Order is
	// DeclaredSequence.
	Sequence []string `json:"sequence,omitempty"`
	// CrossLot says whether and how cross-lot offers (Tender.CrossLotOffers)
	// are evaluated. Empty means they are not accepted.
	CrossLot CrossLotEvaluation `json:"crossLot,omitempty"`
	// Description is the mechanism in the authority's own published words,
	// quoted in the award.
	Description string `json:"description,omitempty"`
}

// Limit returns a pointer to n, for the caps of [LotRules]:
//
//	LotRules{MaxLotsAwardedPerSupplier: score.Limit(2), ...}
func Limit(n int) *int { return &n }

// AllocationMethod is the published mechanism that decides which lots a
// supplier gets when it would otherwise win more than the cap.
type AllocationMethod string

// Allocation methods.
const (
	// InOrder awards the lots one at a time in the declared Order, each to
	// the highest-ranked compliant bid whose supplier has not yet reached
	// the cap. A lot whose compliant bidders are all at the cap is not
	// awarded.
	InOrder AllocationMethod = "in-order"
	// MaxTotalScore chooses, among all allocations that respect the cap, one
	// that awards the most lots and, among those, gives the highest total of
	// the awarded bids' scores (each lot's total as shown, out of 100). A lot
	// with no compliant bid is not awarded and adds nothing. Allocations
	// that tie are separated by the declared Order: taking the lots in that
	// order, the first lot where they differ goes to its higher-ranked bid
	// (a lot awarded beats a lot not awarded). It is solved exactly as a
	// minimum-cost flow, never by trying every allocation, and needs every
	// lot scored on weighted points: a sum of prices per quality point
	// across lots is not a score.
	MaxTotalScore AllocationMethod = "max-total-score"
)

// AllocationMethods lists the allocation methods in a fixed order.
func AllocationMethods() []AllocationMethod { return []AllocationMethod{InOrder, MaxTotalScore} }

// LotOrder is how the declared order of lots is given.
type LotOrder string

// Lot orders.
const (
	// ValueDescending takes the lots by estimated value, highest first; lots
	// of equal value in the order the tender lists them.
	ValueDescending LotOrder = "value-descending"
	// AsListed takes the lots in the order the tender lists them (lot 1,
	// lot 2, …).
	AsListed LotOrder = "as-listed"
	// DeclaredSequence takes the lots in LotRules.Sequence.
	DeclaredSequence LotOrder = "sequence"
)

// LotOrders lists the lot orders in a fixed order.
func LotOrders() []LotOrder { return []LotOrder{ValueDescending, AsListed, DeclaredSequence} }

// CrossLotEvaluation says whether and how cross-lot offers are evaluated.
type CrossLotEvaluation string

// Cross-lot evaluations.
const (
	// CrossLotNotAccepted disregards every cross-lot offer (the same as
	// leaving CrossLot empty); the award notes each one disregarded.
	CrossLotNotAccepted CrossLotEvaluation = "not-accepted"
	// CrossLotTotalScore evaluates each offer by scoring its lots again with
	// the supplier's prices reduced as offered — the whole field of each lot
	// rescored, since price scores compare bids — and awarding the supplier
	// every lot of the combination, the other lots allocated by the declared
	// mechanism with the supplier's cap reduced by the lots it takes. The
	// award with the offer is compared with the best award without it by the
	// number of lots awarded, then the total of the awarded bids' scores
	// over every lot. An offer is accepted only when it does strictly
	// better; of several offers, any set of them naming disjoint lots (and
	// within each supplier's cap) may be accepted together. Needs every lot
	// scored on weighted points.
	CrossLotTotalScore CrossLotEvaluation = "total-score"
)

// CrossLotEvaluations lists the cross-lot evaluations in a fixed order.
func CrossLotEvaluations() []CrossLotEvaluation {
	return []CrossLotEvaluation{CrossLotNotAccepted, CrossLotTotalScore}
}

// MaxCrossLotOffers is the most cross-lot offers one tender may carry: every
// set of offers naming disjoint lots is evaluated, and there are up to
// 2^MaxCrossLotOffers of them.
const MaxCrossLotOffers = 10

// CrossLotOffer is a supplier's offer to reduce its prices if it is awarded
// a named set of lots together (OCDS would record it as a bid whose
// relatedLots name several lots). The offer is conditional: it applies only
// if the supplier is awarded every lot named.
type CrossLotOffer struct {
	// ID identifies the offer; unique within the tender.
	ID string `json:"id"`
	// Supplier is the id of the supplier making the offer; it must have bid
	// for every lot named.
	Supplier string `json:"supplier"`
	// Lots names the lots, by id, that must be awarded together: at least
	// two, and no more than the cap on lots awarded per supplier.
	Lots []string `json:"lots"`
	// PercentOff is the reduction, as a percentage (more than 0, less than
	// 100), applied to every price the supplier's bids on those lots quote:
	// each amount, or each unit price of a schedule.
	PercentOff decimal.Decimal `json:"percentOff"`
	// Description is the offer in the supplier's words.
	Description string `json:"description,omitempty"`
}
