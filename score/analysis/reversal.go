package analysis

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// Reversal is one bid whose removal changes the order of the others: the
// known weakness of price scored relative to the field
// (docs/sources/price-formulas.md).
type Reversal struct {
	// Removed is the bid taken out of the field.
	Removed         string
	RemovedSupplier score.Supplier
	// Pairs are the pairs of remaining bids whose order changed.
	Pairs []ReversedPair
	// WinnerBefore and WinnerAfter are the winners with and without the
	// removed bid ("" when no bid wins outright); WinnerBefore is the
	// removed bid itself when the winner is removed.
	WinnerBefore, WinnerAfter string
	// WinnerChanged is true when the winner among the remaining bids is not
	// the one that led them before.
	WinnerChanged bool
	// Explanation says it in plain words.
	Explanation string
}

// movesField reports, for a compliant bid, whether removing it changes a
// figure the other bids are scored against: the lowest price (relative,
// deduction and linear methods) or the highest (linear), when the bid alone
// offers it (priceEnds), or the best offer on a social value criterion
// scored relative to it, when the bid alone holds it
// ([score.Trials.SoleBestOffer]). Every other score is the bid's own, so
// removing a bid that moves no such figure leaves every other total as it
// was, and the order of the others too but where the tie-break chain reads
// a level group whole (heldLevel): only the removals that move one, or may
// change that order, are re-scored.
func (f *field) movesField() func(id string) bool {
	moves, known := f.priceEnds()
	if !known {
		return func(string) bool { return true } // cannot tell: re-score every removal
	}
	for _, l := range leaves(f.lot().Policy.Criteria) {
		if sv := l.c.SocialValue; sv != nil && sv.Method == criteria.RelativeToBest {
			for _, s := range f.base.Standings {
				if f.tr.SoleBestOffer(s.BidID, l.c.ID) {
					moves[s.BidID] = true
				}
			}
		}
	}
	for _, id := range f.heldLevel() {
		moves[id] = true
	}
	return func(id string) bool { return moves[id] }
}

// priceEnds returns the ranked bids that alone offer a price criterion's
// lowest price (relative, deduction and linear methods) or its highest
// (linear): the figures of a field of prices, which a bid leaving moves.
// None under price per quality point, where each price is divided by its
// own quality points. false when a price cannot be read.
func (f *field) priceEnds() (map[string]bool, bool) {
	pol := f.lot().Policy
	moves := map[string]bool{}
	if pol.Basis == score.PricePerQualityPoint {
		return moves, true
	}
	for _, l := range priceLeaves(pol.Criteria) {
		m := l.c.Price.Method
		if m != criteria.Relative && m != criteria.Deduction && m != criteria.Linear {
			continue // a band is published, not drawn from the field
		}
		type at struct {
			price decimal.Decimal
			ids   []string
		}
		var lo, hi *at
		for _, s := range f.base.Standings {
			p, ok := f.tr.Quoted(s.BidID, l.c.ID) // as prepared: not quoted again
			if !ok {
				return nil, false
			}
			if l.c.Price.IsOverBudget(p) {
				continue // takes no part in the field
			}
			switch {
			case lo == nil || p.Cmp(lo.price) < 0:
				lo = &at{p, []string{s.BidID}}
			case p.Equal(lo.price):
				lo.ids = append(lo.ids, s.BidID)
			}
			switch {
			case hi == nil || p.Cmp(hi.price) > 0:
				hi = &at{p, []string{s.BidID}}
			case p.Equal(hi.price):
				hi.ids = append(hi.ids, s.BidID)
			}
		}
		if lo != nil && len(lo.ids) == 1 {
			moves[lo.ids[0]] = true
		}
		if m == criteria.Linear && hi != nil && len(hi.ids) == 1 {
			moves[hi.ids[0]] = true
		}
	}
	return moves, true
}

// heldLevel returns the bids whose removal can change how the tie-break
// chain orders the bids level with them, though no figure moves: those
// sharing their total as shown with two others or more, where the chain
// has a step that can hold a group together (a recorded score that a bid
// of the group does not have holds them all level, so that removing that
// bid lets the step order the rest; score's chainPair). None where the
// chain has only higher points and a lower price, whose order of two bids
// no third changes.
func (f *field) heldLevel() []string {
	holds := false
	for _, tb := range f.lot().Policy.TieBreaks {
		holds = holds || (tb.Kind != score.HigherPoints && tb.Kind != score.LowerPrice)
	}
	if !holds {
		return nil
	}
	level := map[string][]string{}
	for _, s := range f.base.Standings {
		k := s.Score.Value.String()
		level[k] = append(level[k], s.BidID)
	}
	var out []string
	for _, s := range f.base.Standings {
		if g := level[s.Score.Value.String()]; len(g) >= 3 {
			out = append(out, s.BidID)
		}
	}
	return out
}

// ReversedPair is two bids whose order changed: Above ranked above Below
// with every bid in the field; without the removed bid, Below ranks above
// Above, or level with it (Tied).
type ReversedPair struct {
	Above, Below string
	Tied         bool
}

// RankReversals re-scores the lot without each compliant bid in turn and
// reports every removal that changes the order of the remaining bids.
// Disqualified bids are not removed: they take no part in the comparison,
// so removing one changes nothing. An empty answer means no removal
// changes the order.
func RankReversals(t score.Tender, lotID string, bids []score.Bid) ([]Reversal, error) {
	f, err := newField(t, lotID, bids)
	if err != nil {
		return nil, err
	}
	return f.reversals()
}

func (f *field) reversals() ([]Reversal, error) {
	return f.reversalsOf(f.movesField(), f.tr.WithoutBid)
}

// reversalsEvery re-scores every removal, whether or not it moves a field
// figure, each an evaluation of the prepared tender without the bid: the
// reference the tests hold reversals to.
func (f *field) reversalsEvery() ([]Reversal, error) {
	return f.reversalsOf(func(string) bool { return true }, f.evaluatedWithout)
}

// evaluatedWithout evaluates the lot whole without one bid, as ranked.
func (f *field) evaluatedWithout(id string) (score.Ranking, error) {
	res, err := f.evalOn(f.p.WithoutBid(id))
	return score.Ranking{Outcome: res.Outcome, Winner: res.Winner, Standings: res.Standings}, err
}

// reversalsOf re-scores the removals moves reports, each ranked by without:
// a trial of the prepared field ([score.Trials.WithoutBid]), which reads
// the other bids as prepared and words nothing, or for the reference an
// evaluation of the lot without the bid.
func (f *field) reversalsOf(moves func(string) bool, without func(string) (score.Ranking, error)) ([]Reversal, error) {
	st := f.base.Standings
	before := make([]int, len(st)) // ranks in standings order
	for i, s := range st {
		before[i] = s.Rank
	}
	after := make([]int, len(st))
	var out []Reversal
	for at, s := range st {
		if len(f.base.Bids) < 2 || !moves(s.BidID) {
			continue
		}
		res, err := without(s.BidID)
		if err != nil {
			return nil, err
		}
		rankAfter := make(map[string]int, len(res.Standings))
		for _, x := range res.Standings {
			rankAfter[x.BidID] = x.Rank
		}
		for i, x := range st {
			after[i] = rankAfter[x.BidID]
		}
		rv := Reversal{Removed: s.BidID, RemovedSupplier: s.Supplier, WinnerBefore: f.base.Winner, WinnerAfter: res.Winner}
		var leader string // who led the remaining bids before
		for _, x := range st {
			if x.BidID != s.BidID {
				leader = x.BidID
				break
			}
		}
		for _, p := range reversedPairs(before, after, at) {
			i, j := p[0], p[1]
			rv.Pairs = append(rv.Pairs, ReversedPair{Above: st[i].BidID, Below: st[j].BidID, Tied: after[i] == after[j]})
		}
		if len(rv.Pairs) == 0 {
			continue
		}
		rv.WinnerChanged = res.Winner != leader
		var parts []string
		for _, p := range rv.Pairs {
			if p.Tied {
				parts = append(parts, fmt.Sprintf("%s and %s become level", p.Above, p.Below))
			} else {
				parts = append(parts, fmt.Sprintf("%s moves above %s", p.Below, p.Above))
			}
		}
		rv.Explanation = fmt.Sprintf("without %s: %s", s.BidID, strings.Join(parts, "; "))
		if rv.WinnerChanged {
			rv.Explanation += fmt.Sprintf("; the lot would be won by %s instead of %s", winnerText(res.Winner), leader)
		}
		out = append(out, rv)
	}
	return out, nil
}
