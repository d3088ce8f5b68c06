package score

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
	st, _ := t.lp.kernelWithout(i).rank()
	o, w := outcomeOf(st)
	return Ranking{Outcome: o, Winner: w, Standings: st}, nil
}
