package score

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
)

// Bid is one supplier's tender for one lot, with the evaluation record: the
// evaluators' marks and gate decisions.
type Bid struct {
	// ID identifies the bid; unique across the tender.
	ID string `json:"id" validate:"required"`
	// Supplier is who bid.
	Supplier Supplier `json:"supplier"`
	// Lot is the id of the lot bid for.
	Lot string `json:"lot" validate:"required"`
	// Responses hold the bid's answer to each leaf criterion, by criterion id.
	Responses map[string]Response `json:"responses"`
	// Gates hold the recorded pass/fail decision for each gate, by gate id.
	Gates map[string]criteria.GateResult `json:"gates,omitempty"`
	// LivingWage is the bid's living wage commitment, read by every living
	// wage gate and living wage criterion of the lot's policy.
	LivingWage *criteria.LivingWageCommitment `json:"livingWage,omitempty"`
	// Disregard, when set, records the authority's decision to disregard the
	// tender on a ground the law names (see [Disregard]): it takes no part in
	// the evaluation.
	Disregard *Disregard `json:"disregard,omitempty"`
	// Features holds the value the bid chose for each of its lot's
	// features, by feature code (an OCDS bid's parameters), when the lot's
	// policy adjusts prices by features: one of each feature's published
	// values, for every feature.
	Features map[string]decimal.Decimal `json:"features,omitempty"`
	// TieBreakScores hold the outcome of Recorded tie-break steps, by step
	// name; needed only when the bid is tied.
	TieBreakScores map[string]RecordedScore `json:"tieBreakScores,omitempty"`
}

// Supplier identifies a bidder. The same supplier may bid for several lots,
// always under the same ID and name.
type Supplier struct {
	ID   string `json:"id" validate:"required"`
	Name string `json:"name" validate:"required"`
	// Address and Email are the supplier's contact postal address and email
	// address, and Identifier its unique identifier on the central digital
	// platform: an assessment summary gives all three for the bidder's
	// tender and the most advantageous tender (Procurement Regulations 2024
	// reg 31(2)(b)–(c), (3)(a)).
	Address    string `json:"address,omitempty"`
	Email      string `json:"email,omitempty"`
	Identifier string `json:"identifier,omitempty"`
}

// Response is a bid's answer to one leaf criterion: a price for a price
// criterion, the evaluators' marks for a quality one, the commitments (and
// the marks for their method statement) for a social value one. A living
// wage criterion reads Bid.LivingWage and needs no response.
type Response struct {
	Price       criteria.PriceResponse       `json:"price"`
	Marks       criteria.Marks               `json:"marks"`
	SocialValue criteria.SocialValueResponse `json:"socialValue"`
}

// RecordedScore is the recorded outcome of a manual tie-break step for one bid.
type RecordedScore struct {
	Score  decimal.Decimal `json:"score"`
	Reason string          `json:"reason"`
}
