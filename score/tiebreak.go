package score

// TieBreakKind names a step in a tie-break chain. No statute fixes a chain;
// guidance says publish one in advance (docs/sources/quality-and-moderation.md).
type TieBreakKind string

// Tie-break steps.
const (
	// HigherPoints puts first the bid with more points on the named
	// criterion (e.g. the quality total, or the highest-weighted question).
	HigherPoints TieBreakKind = "higher-points"
	// LowerPrice puts first the bid with the lower price on the named price
	// criterion (the only price criterion when Criterion is empty).
	LowerPrice TieBreakKind = "lower-price"
	// Recorded is a declared manual step — an interview, a pre-published
	// tie-break question — whose outcome the authority records as a score
	// on each tied bid (Bid.TieBreakScores[Name]); the higher score goes
	// first. Until scores are recorded the tie stays unresolved and the
	// Result says which step is awaited.
	Recorded TieBreakKind = "recorded"
)

// TieBreak is one step of the chain.
type TieBreak struct {
	Kind TieBreakKind `json:"kind" validate:"required,oneof=higher-points lower-price recorded"`
	// Criterion names the criterion for HigherPoints and LowerPrice.
	Criterion string `json:"criterion,omitempty"`
	// Name identifies a Recorded step; bids key their recorded scores by it.
	Name string `json:"name,omitempty"`
	// Description says what the step is, for the published methodology.
	Description string `json:"description,omitempty"`
}
