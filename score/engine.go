package score

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Evaluate validates the tender and bids, then evaluates every lot. Bad
// input gives a [*ValidationError] listing every problem and no result. To
// evaluate the same tender more than once, [Prepare] it: it is validated
// once.
func Evaluate(t Tender, bids []Bid) (Result, error) {
	p, err := prepare(t, bids) // the bids are only read
	if err != nil {
		return Result{}, err
	}
	return p.Evaluate(), nil
}

// EvaluateLot validates the tender and the bids for one lot, then evaluates
// that lot. Bids for the tender's other lots are ignored.
func EvaluateLot(t Tender, lotID string, bids []Bid) (LotResult, error) {
	l, ok := t.Lot(lotID)
	if !ok {
		return LotResult{}, &ValidationError{Problems: []Problem{{Field: "lot", Value: lotID, Rule: "known-lot", Message: "the tender has no lot with this id"}}}
	}
	v := newValidation()
	v.tender(t)
	v.bidsOf(t, bids, lotID)
	if err := v.err(); err != nil {
		return LotResult{}, err
	}
	return evaluateLot(t, l, bidsFor(bids, lotID)), nil
}

// bidsByLot groups the bids by lot in one pass, each lot's in bid id order
// as bidsFor gives them: a tender of many lots is not read once per lot.
func bidsByLot(bids []Bid) map[string][]Bid {
	count := map[string]int{}
	for i := range bids {
		count[bids[i].Lot]++
	}
	out := make(map[string][]Bid, len(count))
	for lot, n := range count {
		out[lot] = make([]Bid, 0, n)
	}
	for _, b := range bids {
		out[b.Lot] = append(out[b.Lot], b)
	}
	lots := slices.Collect(maps.Values(out))
	each(len(lots), func(i int) { // each lot's bids sorted on their own
		slices.SortFunc(lots[i], func(a, b Bid) int { return strings.Compare(a.ID, b.ID) })
	})
	return out
}

func bidsFor(bids []Bid, lot string) []Bid {
	var out []Bid
	for _, b := range bids {
		if b.Lot == lot {
			out = append(out, b)
		}
	}
	// Sorting by id first makes every later step independent of the order
	// the bids arrived in.
	slices.SortFunc(out, func(a, b Bid) int { return strings.Compare(a.ID, b.ID) })
	return out
}

func evaluateLot(t Tender, l Lot, bids []Bid) LotResult {
	return newLotPrep(t, l, bids).evaluate()
}

// result puts the evaluation in a LotResult: the outcome, the standings,
// and every bid, the compliant in standings order, then the disqualified by
// id.
func (k *lotKernel) result() LotResult {
	standings, ties := k.rank()
	res := LotResult{Lot: k.lot, Route: k.route, Standings: standings, TieBreaks: ties, Rounding: k.rules, Notes: k.notes,
		UnderLotRules: k.underLots}
	res.Outcome, res.Winner = outcomeOf(standings)
	switch res.Outcome {
	case NoCompliantBid:
		res.Notes = append(res.Notes, "no compliant bid: every bid was disqualified, so the lot cannot be awarded on this evaluation")
	case UnresolvedTie:
		res.Notes = append(res.Notes, "the leading bids remain tied after the whole tie-break chain: the authority must resolve the tie by its declared manual step before any award")
	}
	order := k.ranked
	for i := range k.bids {
		if k.bids[i].rank == 0 {
			order = append(order, &k.bids[i])
		}
	}
	res.Bids = make([]BidResult, len(order))
	chunks(len(order), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			s := order[i]
			res.Bids[i] = BidResult{BidID: s.bid.ID, Supplier: s.bid.Supplier, Rank: s.rank, Tied: s.tied, Disqualified: s.dq,
				Gates: s.prep.gates, Total: s.total, QualityPercent: s.qpct, Moderation: s.prep.changes, k: k, s: s}
		}
	})
	return res
}

// outcomeOf reads how a lot ended from its standings: no compliant bid, a
// tie at the top the chain left unbroken, or a winner.
func outcomeOf(standings []Standing) (Outcome, string) {
	switch {
	case len(standings) == 0:
		return NoCompliantBid, ""
	case len(standings) > 1 && standings[1].Rank == 1:
		return UnresolvedTie, ""
	}
	return Winner, standings[0].BidID
}

// statePolicy writes the rules in force as notes, defaults included, so that
// no reader needs to know the library's defaults.
func statePolicy(pol *Policy, rules []RoundingRule) []string {
	var notes []string
	note := func(format string, args ...any) { notes = append(notes, fmt.Sprintf(format, args...)) }
	switch pol.basis() {
	case PricePerQualityPoint:
		note("basis: price per quality point — each bid's price divided by its quality points; the lowest wins")
	case AdjustedPrice:
		note("basis: price adjusted by features — each bid's price divided by 1 + the sum of the values it chose ÷ (1 − the sum of the features' largest values), ProZorro's MEAT rule; the lowest adjusted price wins")
		return append(notes, adjustedNotes(pol, rules)...) // adjusted.go
	default:
		note("basis: weighted points — each criterion's points added up; the highest total wins")
	}
	switch w := pol.weighting(); {
	case pol.Weighting == "":
		note("weights: percentages at each level, summing to 100 among siblings (the default)")
	case w == PercentOfTotal:
		note("weights: percentages of the total; sub-criteria sum to their parent's weight")
	case w == Points:
		note("weights: points as published — the model is out of %s points, each top-level criterion's points its weight; sub-criteria share their parent's points in proportion to their weights", buildTree(pol).outOf())
	default:
		note("weights: percentages at each level, summing to 100 among siblings")
	}
	var parts []string
	for _, r := range rules {
		parts = append(parts, fmt.Sprintf("%s to %s", stageName(r.Stage), r.Rounding()))
	}
	text := "rounding: " + strings.Join(parts, "; ")
	if len(pol.Rounding) == 0 {
		text += " (the default)"
	}
	if _, ok := roundingAt(rules, Total); !ok {
		text += "; the total is the sum of the points shown"
	}
	note("%s", text)
	return notes
}

func stageName(s Stage) string {
	switch s {
	case Normalised:
		return "normalised scores"
	case LeafPoints:
		return "each criterion's weighted points"
	case TopLevel:
		return "each top-level criterion's points"
	case Total:
		return "the total"
	}
	return string(s)
}
