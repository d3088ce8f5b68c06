package score

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
)

// Criterion is a node in a policy's tree of weighted criteria. A leaf holds
// exactly one scoring rule (Price or Quality); a branch holds Children.
type Criterion struct {
	// ID identifies the criterion within the lot; bids key responses by it.
	ID string `json:"id" validate:"required"`
	// Title names it ("Service management approach").
	Title string `json:"title" validate:"required"`
	// Description is the published question or what is assessed.
	Description string `json:"description,omitempty"`
	// Category is price, quality or social value. When empty it is price for
	// a price rule, social value for a social value or living wage rule,
	// else the parent's category, else quality.
	Category Category `json:"category,omitempty" validate:"omitempty,oneof=price quality social-value"`
	// Weight is the criterion's relative importance, read as the policy's
	// Weighting says.
	Weight decimal.Decimal `json:"weight"`
	// MinPercent, when set, disqualifies a bid scoring below this percentage
	// of the criterion's marks. Not allowed on price criteria (publish a
	// maximum budget instead).
	MinPercent *decimal.Decimal `json:"minPercent,omitempty"`
	// LocationBased marks a criterion that scores where the bidder itself is
	// based (its office, its registered address), as opposed to commitments
	// delivered under the contract (local jobs, local supply-chain spend).
	// Scoring location is unlawful above threshold (Procurement Act 2023
	// ss.89–90); package frameworks refuses it there. The engine scores it
	// like any other criterion.
	LocationBased bool `json:"locationBased,omitempty"`
	// Children are the sub-criteria.
	Children []Criterion `json:"children,omitempty" validate:"dive"`
	// Price is a leaf's price rule.
	Price *criteria.PriceRule `json:"price,omitempty"`
	// Quality is a leaf's quality rule.
	Quality *criteria.QualityRule `json:"quality,omitempty"`
	// SocialValue is a leaf's rule for quantitative social value
	// commitments (local supply-chain spend, local jobs, apprenticeships),
	// scored over the field of bids.
	SocialValue *criteria.SocialValueRule `json:"socialValue,omitempty"`
	// LivingWage is a leaf scored on the bid's living wage commitment
	// (Bid.LivingWage): by accreditation status or by the committed hourly
	// rate against the applicable living wage.
	LivingWage *criteria.LivingWageRule `json:"livingWage,omitempty"`
}

// Category groups criteria the way law and policy speak of them.
type Category string

// Categories.
const (
	Price       Category = "price"
	Quality     Category = "quality"
	SocialValue Category = "social-value"
)

// IsLeaf reports whether the criterion is scored directly.
func (c Criterion) IsLeaf() bool { return len(c.Children) == 0 }

// Method describes, in a sentence for a published methodology or an
// assessment summary, how a leaf criterion is scored; "" for a branch.
func (c Criterion) Method() string {
	switch {
	case c.Price != nil:
		return c.Price.Describe()
	case c.Quality != nil:
		return c.Quality.Describe()
	case c.SocialValue != nil:
		return c.SocialValue.Describe()
	case c.LivingWage != nil:
		return c.LivingWage.Describe()
	}
	return ""
}
