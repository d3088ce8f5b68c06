package score

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
)

// Result is the evaluation of every lot of a tender.
//
// A Result holds numbers and explanation records; the words of each bid's
// explanation ([BidResult.Criteria], [TotalLine.Working]) are made from them
// when asked. The records refer to the bids' responses as given, so a
// caller that changes a response in place after evaluating it would see the
// change in the words: replace a bid to change it, as the analyses do.
type Result struct {
	TenderID    string
	TenderTitle string
	Authority   Authority
	Commenced   date.Date
	Regime      Regime
	// Documents says where the tender documents can be accessed
	// (Tender.Documents).
	Documents string
	// Evaluation is the tender's evaluation record, if it has one.
	Evaluation *Evaluation
	Lots       []LotResult
}

// Lot returns the result for one lot.
func (r Result) Lot(id string) (LotResult, bool) {
	for _, l := range r.Lots {
		if l.Lot.ID == id {
			return l, true
		}
	}
	return LotResult{}, false
}

// Outcome says how a lot's evaluation ended.
type Outcome string

// Outcomes.
const (
	// Winner: one bid ranks first.
	Winner Outcome = "winner"
	// NoCompliantBid: every bid was disqualified.
	NoCompliantBid Outcome = "no-compliant-bid"
	// UnresolvedTie: two or more bids rank first and the declared tie-break
	// chain cannot separate them; the authority must act (see TieBreaks).
	UnresolvedTie Outcome = "unresolved-tie"
)

// LotResult is the evaluation of one lot.
type LotResult struct {
	// Lot is the lot as evaluated, with the policy applied.
	Lot Lot
	// Route is the route to market the lot takes.
	Route Route
	// UnderLotRules is true when the tender's lot rules (a cap on lots per
	// supplier, an allocation mechanism, cross-lot offers) bind this lot:
	// [Award] then decides who is awarded it, and the tender ranked first
	// here may not be.
	UnderLotRules bool
	// Timeline is the lot's award timeline — standstill, the first day the
	// contract may be entered into, the notice due after — when the caller
	// attached one ([WithTimelines]); nil otherwise.
	Timeline *AwardTimeline
	// Outcome is how the evaluation ended.
	Outcome Outcome
	// Winner is the winning bid's id ("" unless Outcome is Winner).
	Winner string
	// Standings rank the compliant bids, best first; tied bids share a rank.
	Standings []Standing
	// Bids explains every bid: the compliant in standings order, then the
	// disqualified by bid id.
	Bids []BidResult
	// TieBreaks records how each tie was broken, or that it could not be.
	TieBreaks []TieBreakRecord
	// Rounding is the rounding applied (the policy's, or the default).
	Rounding []RoundingRule
	// Notes state the rules and defaults applied, and special cases met.
	Notes []string
}

// Bid returns the explanation of one bid.
func (l LotResult) Bid(id string) (BidResult, bool) {
	for _, b := range l.Bids {
		if b.BidID == id {
			return b, true
		}
	}
	return BidResult{}, false
}

// Disqualified returns the disqualified bids, by bid id.
func (l LotResult) Disqualified() []BidResult {
	var out []BidResult
	for _, b := range l.Bids {
		if b.Disqualified != nil {
			out = append(out, b)
		}
	}
	return out
}

// Standing is one compliant bid's place.
type Standing struct {
	Rank     int
	BidID    string
	Supplier Supplier
	// Score is the total points (or, under price per quality point, the
	// price per point), as shown.
	Score Figure
	// Tied is true when the bid shares its rank because the chain could not
	// separate it from another.
	Tied bool
}

// BidResult explains one bid.
type BidResult struct {
	BidID    string
	Supplier Supplier
	// Rank is the bid's place (0 when disqualified).
	Rank int
	// Tied is true when the bid shares its rank.
	Tied bool
	// Disqualified says why the bid was removed; nil for a compliant bid.
	Disqualified *Disqualification
	// Gates explains each pass/fail decision.
	Gates []GateLine
	// Total is the bid's total, as shown; Scored false when the bid was
	// disqualified before a total could be formed.
	Total TotalLine
	// QualityPercent is the bid's quality points as a percentage of those
	// available, when the policy sets a minimum quality percentage.
	QualityPercent *exact.Fraction
	// Moderation lists every evaluator's own mark that moderation changed,
	// with the agreed mark and its reason; for the authority's report.
	Moderation []ModerationChange

	k *lotKernel // the lot's evaluation, which words this bid's lines
	s *bidKernel
}

// Criteria is the bid's explanation tree, one Line per top-level criterion,
// worded from the evaluation's records when called (each call words it
// afresh: keep the lines if you need them twice). Criteria not reached (a
// bid disqualified before price was assessed) have Scored false.
func (b BidResult) Criteria() []Line {
	if b.k == nil {
		return nil
	}
	return b.k.lines(b.s)
}

// Line is one criterion in a bid's explanation tree: raw input → normalised
// score → weighted points, with the working written out.
type Line struct {
	CriterionID string
	Title       string
	Category    Category
	// Weight is the weight as declared; Available the most points it gives.
	Weight    decimal.Decimal
	Available exact.Fraction
	// Scored is false when the criterion was not assessed for this bid.
	Scored bool
	// Input is the response as assessed ("£15,000.00", "consensus mark 3
	// (Good) of 4").
	Input string
	// Normalised is a leaf's share of its marks (0–1), as used.
	Normalised Figure
	// Unrounded is the points before any rounding at this line.
	Unrounded exact.Fraction
	// Points is the points as shown: rounded where a rounding applies here,
	// otherwise exact.
	Points Figure
	// Rounding is the rounding applied at this line, if any.
	Rounding *exact.Rounding
	// Working is the calculation, step by step.
	Working []Step
	// Rationale holds the evaluators' recorded reasons for a quality mark.
	Rationale []string
	// Notes are special cases met and thresholds applied; like working,
	// each says which other bids it describes.
	Notes []Step
	// Children are the sub-criteria.
	Children []Line
}

// Step is one line of working, or a note. Uses lists the other bids whose
// figures appear in Text (for example the lowest price), and Field marks a
// line that states a fact about the field as a whole ("every price in the
// field is the same", "only one price in the field"), so that a renderer
// for one bidder can tell what it would disclose.
type Step struct {
	Text  string
	Uses  []string
	Field bool
}

// note is a Step about the bid alone.
func note(text string) Step { return Step{Text: text} }

// Texts returns the steps' texts; nil for none.
func Texts(steps []Step) []string {
	if len(steps) == 0 {
		return nil
	}
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.Text
	}
	return out
}

// TotalLine is a bid's total; [TotalLine.Working] words how it was formed.
type TotalLine struct {
	Scored    bool
	Unrounded exact.Fraction
	// Points is the total as shown; under price per quality point, the
	// price per quality point.
	Points   Figure
	Rounding *exact.Rounding

	k *lotKernel
	s *bidKernel
}

// Working is the total's calculation, step by step, worded when called:
// the sum of the top-level points (or of the quality points, and the price
// divided by them), then any rounding.
func (t TotalLine) Working() []Step {
	if t.k == nil || !t.Scored {
		return nil
	}
	return t.k.totalWorking(t.s, t)
}

// GateLine is one gate decision.
type GateLine struct {
	GateID string
	Title  string
	Pass   bool
	Text   string
}

// Stage at which a bid was disqualified.
type DisqualifyStage string

// Disqualification stages, in the order the engine applies them.
const (
	// AtDisregard: the authority recorded a decision to disregard the
	// tender (Bid.Disregard) before any assessment.
	AtDisregard DisqualifyStage = "disregard"
	AtGate      DisqualifyStage = "gate"
	AtThreshold DisqualifyStage = "threshold"
	AtBudget    DisqualifyStage = "budget"
	AtRatio     DisqualifyStage = "ratio"
)

// Disqualification says why a bid left the competition.
type Disqualification struct {
	Stage   DisqualifyStage
	Reasons []Reason
	// Disregarded is true when the tender was disregarded in the assessment
	// — its supplier failed a condition of participation (PA 2023
	// s.19(3)(a)), is excluded (s.26(1)), or the authority recorded a
	// discretionary ground (s.19(3)(b)–(d), s.26(2)(b)) — rather than
	// disqualified under the published assessment methodology (s.23(3)(a)).
	// A disregarded tender is not an assessed tender (s.50(5)(b)): its
	// supplier is owed a letter saying why, not an assessment summary.
	Disregarded bool
}

// Reason is one ground for disqualification.
type Reason struct {
	// Rule is a stable code: "gate", "living-wage-gate", "min-mark",
	// "min-percent", "min-quality-percent", "over-budget",
	// "no-quality-points", or, for a recorded disregard, its ground
	// ("excluded-supplier", …).
	Rule string
	// Criterion or gate concerned, if any.
	Ref string
	// Text says it in a sentence.
	Text string
}

// TieBreakRecord records one tie and how the chain dealt with it.
type TieBreakRecord struct {
	// Bids are the bids tied on their total, by id.
	Bids []string
	// Resolved is false when the chain ran out with bids still tied.
	Resolved bool
	// Order is the resulting order; bids still tied share an inner group.
	Order [][]string

	k     *lotKernel
	steps []tieStep
}

// Steps says, step by step, what each applied step found, worded when
// called.
func (r TieBreakRecord) Steps() []string {
	out := make([]string, len(r.steps))
	for i, st := range r.steps {
		out[i] = r.k.stepText(r, st)
	}
	return out
}

// FindLine returns the explanation line for a criterion, at any depth of
// the tree.
func FindLine(lines []Line, criterionID string) (Line, bool) {
	for _, l := range lines {
		if l.CriterionID == criterionID {
			return l, true
		}
		if c, ok := FindLine(l.Children, criterionID); ok {
			return c, true
		}
	}
	return Line{}, false
}
