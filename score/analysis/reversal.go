package analysis

import (
	"fmt"
	"strings"

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
	before := map[string]int{}
	for _, s := range f.base.Standings {
		before[s.BidID] = s.Rank
	}
	var out []Reversal
	for _, s := range f.base.Standings {
		if len(f.bids) < 2 {
			continue
		}
		res, err := f.evalOn(f.p.WithoutBid(s.BidID))
		if err != nil {
			return nil, err
		}
		after := map[string]int{}
		for _, x := range res.Standings {
			after[x.BidID] = x.Rank
		}
		rv := Reversal{Removed: s.BidID, RemovedSupplier: s.Supplier, WinnerBefore: f.base.Winner, WinnerAfter: res.Winner}
		var leader string // who led the remaining bids before
		for _, x := range f.base.Standings {
			if x.BidID != s.BidID {
				leader = x.BidID
				break
			}
		}
		for i, a := range f.base.Standings {
			for _, b := range f.base.Standings[i+1:] {
				if a.BidID == s.BidID || b.BidID == s.BidID || before[a.BidID] >= before[b.BidID] {
					continue
				}
				ra, rb := after[a.BidID], after[b.BidID]
				if ra >= rb {
					rv.Pairs = append(rv.Pairs, ReversedPair{Above: a.BidID, Below: b.BidID, Tied: ra == rb})
				}
			}
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
