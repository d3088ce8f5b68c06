package score

import (
	"fmt"

	"github.com/tenderscore/tenderscore/exact"
)

// explain writes each lot's award and, for every bid ranked above the bid
// awarded, why it was passed over.
func (a *awarder) explain(s *scenario, offers []*offerEval, outcomes []OfferOutcome) []LotAward {
	held := a.heldWhenReached(s)
	out := make([]LotAward, len(a.t.Lots))
	for k, l := range a.t.Lots {
		la := LotAward{LotID: l.ID, Title: l.Title, Place: a.place[k] + 1, Provisional: s.provisional(k)}
		cands := s.prob.cands[k]
		ci := s.choice[k]
		var win *candidate
		switch {
		case len(cands) == 0:
			la.Status = NotAwardedNoCompliantBid
			la.Explanation = fmt.Sprintf("lot %s is not awarded: no compliant bid", l.ID)
		case ci == noChoice:
			la.Status = NotAwardedAllAtCap
			la.Explanation = fmt.Sprintf("lot %s is not awarded: every supplier with a compliant bid for it has already reached the cap of %s", l.ID, lotCount(a.cap))
		default:
			win = &cands[ci]
			st := s.lots[k].Standings[win.pos]
			la.Status, la.BidID, la.Supplier, la.Rank, la.Score = Awarded, win.bidID, st.Supplier, st.Rank, st.Score
			la.Explanation = fmt.Sprintf("lot %s goes to %s (%s), ranked %s with %s", l.ID, win.bidID, st.Supplier.Name, ordinal(st.Rank), lotScoreWords(s.lots[k], st.Score))
			if oi := s.fixedBy[k]; oi != -1 {
				o := offers[oi]
				la.Offer = o.offer.ID
				la.Explanation += fmt.Sprintf(" at the reduced prices of cross-lot offer %s (%s together, %s%% off)", o.offer.ID, LotWords(o.offer.Lots), exact.Plain(o.offer.PercentOff))
			} else if ci > 0 {
				switch a.method {
				case MaxTotalScore:
					la.Explanation += ", under the allocation with the highest total score"
				default:
					la.Explanation += ", the highest-ranked bid whose supplier had not reached the cap"
				}
			}
		}
		upto := len(cands)
		if ci != noChoice {
			upto = ci
		}
		for pi := range upto {
			c := cands[pi]
			st := s.lots[k].Standings[c.pos]
			reason, forBidder := a.passedOverReason(s, offers, outcomes, held, k, pi, win)
			la.PassedOver = append(la.PassedOver, PassedOver{BidID: c.bidID, Supplier: st.Supplier, Rank: st.Rank, Reason: reason, ForBidder: forBidder})
		}
		if la.Provisional {
			la.Explanation += "; provisional: bids tied after the whole tie-break chain are taken in bid-id order until the authority resolves the tie"
		}
		out[k] = la
	}
	return out
}

// heldWhenReached returns, for each lot position, the lots (ids, in the
// order awarded) each supplier already held when the in-order mechanism
// reached that lot: first the lots of accepted cross-lot offers, then the
// lots awarded earlier in the declared order.
func (a *awarder) heldWhenReached(s *scenario) []map[int][]string {
	out := make([]map[int][]string, len(a.t.Lots))
	held := map[int][]string{}
	for _, k := range a.order {
		if s.fixedBy[k] != -1 && s.choice[k] != noChoice {
			sup := s.prob.cands[k][s.choice[k]].supplier
			held[sup] = append(held[sup], a.t.Lots[k].ID)
		}
	}
	for _, k := range a.order {
		snap := make(map[int][]string, len(held))
		for sup, ls := range held {
			snap[sup] = append([]string(nil), ls...)
		}
		out[k] = snap
		if s.fixedBy[k] == -1 && s.choice[k] != noChoice {
			sup := s.prob.cands[k][s.choice[k]].supplier
			held[sup] = append(held[sup], a.t.Lots[k].ID)
		}
	}
	return out
}

// passedOverReason says why candidate pi of lot k, ranked above the bid
// awarded (win, nil when the lot is not awarded), did not get the lot: in
// full for the authority, and in words fit for the bidder's own assessment
// summary, which name no other losing bid and give no rank but its own
// first place and no total that other losing bids' scores make up.
func (a *awarder) passedOverReason(s *scenario, offers []*offerEval, outcomes []OfferOutcome, held []map[int][]string, k, pi int, win *candidate) (reason, forBidder string) {
	c := s.prob.cands[k][pi]
	l := a.t.Lots[k]
	st := s.lots[k].Standings[c.pos]
	sup := a.suppliers[c.supplier]
	head := fmt.Sprintf("%s ranked %s on lot %s", c.bidID, ordinal(st.Rank), l.ID)
	own := head
	if st.Rank != 1 {
		own = fmt.Sprintf("%s scored more on lot %s than the tender awarded it", c.bidID, l.ID)
	}
	if oi := s.fixedBy[k]; oi != -1 {
		o := offers[oi]
		var others []string
		for _, id := range o.offer.Lots {
			if id != l.ID {
				others = append(others, id)
			}
		}
		oc := outcomes[oi]
		tail := fmt.Sprintf("lot %s is awarded to %s (%s) together with %s under its cross-lot offer %s (%s%% off)",
			l.ID, win.bidID, o.supplier.Name, LotWords(others), o.offer.ID, exact.Plain(o.offer.PercentOff))
		return fmt.Sprintf("%s but %s, accepted because %s", head, tail, betterText(oc.With, oc.Without)),
			fmt.Sprintf("%s but %s, which the published rules accept because the award with it has the higher total score across the lots", own, tail)
	}
	goesTo := fmt.Sprintf("lot %s is not awarded, as every other supplier with a compliant bid is at the cap too", l.ID)
	plain := goesTo
	if win != nil {
		ws := s.lots[k].Standings[win.pos]
		plain = fmt.Sprintf("lot %s goes to %s (%s)", l.ID, win.bidID, ws.Supplier.Name)
		if win.pos == c.pos+1 {
			goesTo = fmt.Sprintf("lot %s goes to the next-ranked bidder %s (%s)", l.ID, win.bidID, ws.Supplier.Name)
		} else {
			goesTo = fmt.Sprintf("lot %s goes to %s (%s), ranked %s", l.ID, win.bidID, ws.Supplier.Name, ordinal(ws.Rank))
		}
		if st.Rank == 1 && ws.Rank == 2 {
			plain = goesTo // the winner's own place, and nobody else's
		}
	}
	if a.method == MaxTotalScore && s.prob.caps[c.supplier] > 0 {
		return a.optimalReason(s, offers, k, pi, head, own, sup, goesTo, plain)
	}
	had := held[k][c.supplier]
	if len(had) < a.cap { // cannot happen under the in-order mechanism; say what is known
		return fmt.Sprintf("%s but was not awarded it under the declared mechanism; %s", head, goesTo),
			fmt.Sprintf("%s but was not awarded it under the declared mechanism; %s", own, plain)
	}
	return fmt.Sprintf("%s but %s was already awarded %s; the cap is %d; %s", head, sup.Name, LotWords(had), a.cap, goesTo),
		fmt.Sprintf("%s but %s was already awarded %s; the cap is %d; %s", own, sup.Name, LotWords(had), a.cap, plain)
}

// optimalReason explains a bid passed over by the allocation with the
// highest total score: the best allocation that gives it the lot, against
// the one chosen. The bidder's version gives the comparison without the
// totals, which other losing bids' scores make up.
func (a *awarder) optimalReason(s *scenario, offers []*offerEval, k, pi int, head, own string, sup Supplier, goesTo, plain string) (string, string) {
	var lots []string
	for _, j := range a.order {
		if ci := s.choice[j]; ci != noChoice && s.prob.cands[j][ci].supplier == s.prob.cands[k][pi].supplier {
			lots = append(lots, a.t.Lots[j].ID)
		}
	}
	alt := s.complete(s.prob.forced(k, pi, a.solve), offers)
	am := s.prob.measureOf(alt)
	chosen, other := a.tally(s.m), a.tally(am)
	var cmpText, cmpPlain string
	switch {
	case am.lots < s.m.lots:
		cmpText = fmt.Sprintf("would award only %s against %s", other, chosen)
		cmpPlain = fmt.Sprintf("would award fewer lots (%d against %d)", am.lots, s.m.lots)
	case am.total.Cmp(s.m.total) < 0:
		cmpText = fmt.Sprintf("would total %s against %s", other.Total, chosen.Total)
		cmpPlain = "would have a lower total score"
	default:
		first := ""
		for _, j := range a.order {
			if alt[j] != s.choice[j] {
				first = a.t.Lots[j].ID
				break
			}
		}
		tie := fmt.Sprintf("the declared order breaks the tie: lot %s, the first in that order where the two allocations differ, goes to its higher-ranked bid", first)
		cmpText = fmt.Sprintf("would also total %s; %s", other.Total, tie)
		cmpPlain = "would have the same total score; " + tie
	}
	id := a.t.Lots[k].ID
	bid := s.prob.cands[k][pi].bidID
	return fmt.Sprintf("%s but the allocation with the highest total score awards %s %s, and the cap is %d; with lot %s awarded to %s instead, the best allocation %s; %s",
			head, sup.Name, LotWords(lots), a.cap, id, bid, cmpText, goesTo),
		fmt.Sprintf("%s but the allocation with the highest total score awards %s %s, and the cap is %d; with lot %s awarded to %s instead, the best allocation %s; %s",
			own, sup.Name, LotWords(lots), a.cap, id, bid, cmpPlain, plain)
}

// ordinal writes a rank in words: "first", "second", …, "11th".
func ordinal(n int) string {
	words := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
	if n >= 1 && n <= len(words) {
		return words[n-1]
	}
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// methodShort names a mechanism in a phrase.
func methodShort(m AllocationMethod) string {
	switch m {
	case MaxTotalScore:
		return "the allocation with the highest total score"
	default:
		return "lots awarded in the declared order, each to the highest-ranked bid whose supplier has not reached the cap"
	}
}

// methodLong describes a mechanism for the notes.
func methodLong(m AllocationMethod) string {
	switch m {
	case MaxTotalScore:
		return "the allocation with the highest total score — of all allocations within the cap, the one that awards the most lots and, among those, has the highest total of the awarded bids' scores; allocations that tie are separated by the declared order, the first lot where they differ going to its higher-ranked bid; solved exactly as a minimum-cost flow"
	default:
		return "lots awarded one at a time in the declared order, each to the highest-ranked compliant bid whose supplier has not reached the cap; a lot whose compliant bidders are all at the cap is not awarded"
	}
}

// orderName names a declared order.
func orderName(o LotOrder) string {
	switch o {
	case ValueDescending:
		return "descending estimated value"
	case DeclaredSequence:
		return "the published sequence"
	case AsListed:
		return "as the tender lists the lots"
	}
	return "none declared: as the tender lists the lots"
}
