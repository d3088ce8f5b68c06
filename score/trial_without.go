package score

import "github.com/tenderscore/tenderscore/criteria"

// Ranking is the order a re-scoring leaves a lot's compliant bids in: how
// it ended, the winner ("" unless one bid wins outright) and the standings,
// without the bids' results, which a question about order alone does not
// read.
type Ranking struct {
	Outcome   Outcome
	Winner    string
	Standings []Standing
}

// WithoutBid ranks the lot with one bid taken out, every other bid read
// as prepared: the standings, outcome and winner [Prepared.WithoutBid]
// then [Prepared.EvaluateLot] find, without copying the field or building
// the bids' results. A bid the lot does not hold, or its only bid, is a
// [*ValidationError].
func (t *Trials) WithoutBid(bidID string) (Ranking, error) {
	i, ok := t.index[bidID]
	if !ok {
		return Ranking{}, oneProblem("bid", bidID, "known-bid", "lot %s has no bid with this id", t.lp.lot.ID)
	}
	if len(t.lp.bids) == 1 {
		return Ranking{}, oneProblem(t.path(i), bidID, "no-bids", "lot %s has no other bid to evaluate", t.lp.lot.ID)
	}
	st, _ := t.lp.kernelOver(true, t.svWithout(i), i).rank()
	o, w := outcomeOf(st)
	return Ranking{Outcome: o, Winner: w, Standings: st}, nil
}

// svWithout scores the social value criteria of the lot without the bid at
// position skip from the lot as evaluated, without measuring a response
// again: each other bid's offer is as evaluated, and only the best offer
// moves, when the bid taken out held it alone (to the best of the rest).
// nil, for the assessment run afresh, when an offer of a field cannot be
// read so.
func (t *Trials) svWithout(skip int) func(k *lotKernel) {
	k := t.k
	var moved []svMove
	for _, n := range k.fieldLfs {
		rule := n.c.SocialValue
		c := k.bids[skip].fcells[n.field]
		if rule == nil || c.state != cellScored || rule.Method != criteria.RelativeToBest {
			continue // not social value, the bid is not in its field, or no best is read
		}
		offer, _, ok := c.a.Offer()
		st := t.svStatOf(n)
		if !ok || st.holders < 0 {
			return nil
		}
		if best := st.without(offer); !best.Equal(st.best) {
			moved = append(moved, svMove{n: n, best: best, was: st.best})
		}
	}
	return socialValueFrom(k, moved, -1, nil, skip)
}
