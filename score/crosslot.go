package score

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// offerEval is one cross-lot offer prepared for evaluation: its lots scored
// again with the reduction applied.
type offerEval struct {
	offer    CrossLotOffer
	supplier Supplier
	sup      int               // supplier index
	lots     []int             // lot positions, in the tender's order
	rescored map[int]LotResult // by lot position
	info     []OfferLot
	status   OfferStatus // ineligible or disregarded when decided before the scenarios
	why      string
}

func (o *offerEval) eligible() bool { return o.status == "" }

// reduceBid returns b with every price it quotes reduced by pct percent:
// each amount and each unit price times (100 − pct) ÷ 100, exactly.
func reduceBid(b Bid, pct decimal.Decimal) Bid {
	f := decimal.NewFromInt(100).Sub(pct)
	rs := make(map[string]Response, len(b.Responses))
	for k, r := range b.Responses {
		if r.Price.Amount != nil {
			v := r.Price.Amount.Mul(f).Shift(-2)
			r.Price.Amount = &v
		}
		if len(r.Price.UnitPrices) > 0 {
			m := make(map[string]decimal.Decimal, len(r.Price.UnitPrices))
			for item, u := range r.Price.UnitPrices {
				m[item] = u.Mul(f).Shift(-2)
			}
			r.Price.UnitPrices = m
		}
		rs[k] = r
	}
	b.Responses = rs
	return b
}

// prepareOffers sorts the offers by id and, when the rules accept them,
// evaluates each of their lots again with the reduction applied.
func (a *awarder) prepareOffers() ([]*offerEval, error) {
	offers := slices.Clone(a.t.CrossLotOffers)
	slices.SortFunc(offers, func(x, y CrossLotOffer) int { return strings.Compare(x.ID, y.ID) })
	pos := map[string]int{}
	for i, l := range a.t.Lots {
		pos[l.ID] = i
	}
	var out []*offerEval
	for _, o := range offers {
		oe := &offerEval{offer: o, sup: a.supplier[o.Supplier], rescored: map[int]LotResult{}}
		oe.supplier = a.suppliers[oe.sup]
		for _, id := range o.Lots {
			oe.lots = append(oe.lots, pos[id])
		}
		slices.Sort(oe.lots)
		out = append(out, oe)
		if !a.acceptsOffers() {
			oe.status, oe.why = OfferDisregarded, "disregarded: the published lot rules do not accept cross-lot offers"
			continue
		}
		for _, k := range oe.lots {
			if err := a.rescore(oe, k); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// rescore evaluates lot k again with the offering supplier's bid reduced.
func (a *awarder) rescore(oe *offerEval, k int) error {
	l := a.t.Lots[k]
	var lotBids []Bid
	var own Bid
	for _, b := range a.bids {
		if b.Lot != l.ID {
			continue
		}
		if b.Supplier.ID == oe.offer.Supplier {
			own = b
			b = reduceBid(b, oe.offer.PercentOff)
		}
		lotBids = append(lotBids, b)
	}
	lr, err := EvaluateLot(a.t, l.ID, lotBids)
	if err != nil {
		return fmt.Errorf("cross-lot offer %s, lot %s, with the reduction applied: %w", oe.offer.ID, l.ID, err)
	}
	pol := l.Policy
	tr := buildTree(&pol)
	before, _ := bidPrice(own, tr)
	after, _ := bidPrice(reduceBid(own, oe.offer.PercentOff), tr)
	lr.Notes = append(lr.Notes, fmt.Sprintf("cross-lot offer %s applied: %s's prices on %s reduced by %s%% (%s → %s), so every bid's price score is worked out again",
		oe.offer.ID, oe.supplier.Name, LotWords([]string{l.ID}), exact.Plain(oe.offer.PercentOff), exact.Money(before), exact.Money(after)))
	oe.rescored[k] = lr
	info := OfferLot{LotID: l.ID, BidID: own.ID, PriceBefore: before, PriceAfter: after}
	if b, ok := a.sep.Lots[k].Bid(own.ID); ok {
		info.ScoreBefore, info.RankBefore = b.Total.Points, b.Rank
	}
	nb, _ := lr.Bid(own.ID)
	info.ScoreAfter, info.RankAfter = nb.Total.Points, nb.Rank
	oe.info = append(oe.info, info)
	if nb.Disqualified != nil && oe.status == "" {
		var rs []string
		for _, r := range nb.Disqualified.Reasons {
			rs = append(rs, r.Text)
		}
		oe.status = OfferIneligible
		oe.why = fmt.Sprintf("cannot be accepted: bid %s on lot %s is disqualified even at the reduced price (%s)", own.ID, l.ID, strings.Join(rs, "; "))
	}
	return nil
}

// scenario is one way of awarding the tender: the separate awards, or a set
// of compatible cross-lot offers accepted and the rest allocated.
type scenario struct {
	offers  []int       // indices into the offers, ascending
	ids     []string    // their ids
	lots    []LotResult // by lot position: the evaluation in force
	fixedBy []int       // by lot position: the offer awarding it, or -1
	prob    allocProblem
	choice  []int // by lot position: candidate chosen, or noChoice
	m       measure
}

// scenarios evaluates the separate awards (first) and every set of
// eligible offers that name disjoint lots and fit each supplier's cap.
func (a *awarder) scenarios(offers []*offerEval) []*scenario {
	var elig []int
	for i, o := range offers {
		if o.eligible() {
			elig = append(elig, i)
		}
	}
	var out []*scenario
	for mask := 0; mask < 1<<len(elig); mask++ {
		var set []int
		for j, i := range elig {
			if mask&(1<<j) != 0 {
				set = append(set, i)
			}
		}
		if s := a.scenario(offers, set); s != nil {
			out = append(out, s)
		}
	}
	return out
}

func (a *awarder) scenario(offers []*offerEval, set []int) *scenario {
	s := &scenario{offers: set, lots: slices.Clone(a.sep.Lots), fixedBy: make([]int, len(a.t.Lots))}
	for k := range s.fixedBy {
		s.fixedBy[k] = -1
	}
	used := map[int]int{}
	for _, oi := range set {
		o := offers[oi]
		s.ids = append(s.ids, o.offer.ID)
		for _, k := range o.lots {
			if s.fixedBy[k] != -1 {
				return nil
			}
			s.fixedBy[k] = oi
			s.lots[k] = o.rescored[k]
		}
		used[o.sup] += len(o.lots)
		if used[o.sup] > a.cap {
			return nil
		}
	}
	s.prob = a.problem(s.lots)
	for k, oi := range s.fixedBy {
		if oi != -1 {
			s.prob.skip[k] = true
		}
	}
	for sup, n := range used {
		s.prob.caps[sup] -= n
	}
	s.choice = s.complete(a.solve(s.prob), offers)
	s.m = s.prob.measureOf(s.choice)
	return s
}

// complete fills in the lots the scenario's offers award.
func (s *scenario) complete(choice []int, offers []*offerEval) []int {
	for k, oi := range s.fixedBy {
		if oi == -1 {
			continue
		}
		for ci, c := range s.prob.cands[k] {
			if c.supplier == offers[oi].sup {
				choice[k] = ci
			}
		}
	}
	return choice
}

// better reports whether s beats o: more lots, then a higher total, then
// fewer offers, then the offer ids in order.
func (s *scenario) better(o *scenario) bool {
	if c := s.m.cmp(o.m); c != 0 {
		return c < 0
	}
	if len(s.offers) != len(o.offers) {
		return len(s.offers) < len(o.offers)
	}
	return slices.Compare(s.ids, o.ids) < 0
}

// provisional reports whether the award of lot k rests on bids the chain
// could not separate.
func (s *scenario) provisional(k int) bool {
	if s.fixedBy[k] != -1 {
		return false
	}
	cs := s.prob.cands[k]
	upto := len(cs)
	if ci := s.choice[k]; ci != noChoice {
		upto = ci + 1
	}
	for _, c := range cs[:upto] {
		if c.tied {
			return true
		}
	}
	return false
}

// offerOutcomes says what became of each offer, comparing the best award
// with it and the best without it.
func (a *awarder) offerOutcomes(offers []*offerEval, scens []*scenario, best *scenario) []OfferOutcome {
	var out []OfferOutcome
	for oi, o := range offers {
		oc := OfferOutcome{Offer: o.offer, Supplier: o.supplier, Lots: o.info}
		if !o.eligible() {
			oc.Status, oc.Reason = o.status, o.why
			out = append(out, oc)
			continue
		}
		var with, without *scenario
		for _, s := range scens {
			if slices.Contains(s.offers, oi) {
				if with == nil || s.better(with) {
					with = s
				}
			} else if without == nil || s.better(without) {
				without = s
			}
		}
		wt, wo := a.tally(with.m), a.tally(without.m)
		oc.With, oc.Without = &wt, &wo
		wtext, wotext := scenarioText(with, oi, offers, "together with"), scenarioText(without, oi, offers, "accepting")
		c := with.m.cmp(without.m)
		switch accepted := slices.Contains(best.offers, oi); {
		case accepted && c < 0:
			oc.Status = OfferAccepted
			oc.Reason = fmt.Sprintf("accepted: the best award with it (%s) beats the best award without it (%s)", wtext, wotext)
		case accepted:
			oc.Status = OfferAccepted
			oc.Reason = fmt.Sprintf("accepted: the best award with it (%s) equals the best award without it (%s), and of equally good awards the one with fewer offers, then the first offer ids, wins", wtext, wotext)
		case c == 0:
			oc.Status = OfferNotAccepted
			oc.Reason = fmt.Sprintf("not accepted: the best award with it (%s) is no better than the best award without it (%s); an offer must do strictly better", wtext, wotext)
		default:
			oc.Status = OfferNotAccepted
			oc.Reason = fmt.Sprintf("not accepted: the best award with it (%s) is worse than the best award without it (%s)", wtext, wotext)
		}
		out = append(out, oc)
	}
	return out
}

// scenarioText writes a scenario's tally, naming the offers it accepts
// other than oi: "accepting X-1; 3 lots, total 273.91".
func scenarioText(s *scenario, oi int, offers []*offerEval, verb string) string {
	var others []string
	for _, j := range s.offers {
		if j != oi {
			others = append(others, offers[j].offer.ID)
		}
	}
	t := Tally{Lots: s.m.lots, Total: Figure{Value: s.m.total, Places: s.m.places}, Scored: true}.String()
	if len(others) == 0 {
		if verb == "accepting" {
			return "the separate awards: " + t
		}
		return t
	}
	return fmt.Sprintf("%s %s: %s", verb, strings.Join(others, " and "), t)
}

// decision says which combination won and why.
func (a *awarder) decision(offers []*offerEval, scens []*scenario, best *scenario) string {
	evaluated := 0
	for _, o := range offers {
		if o.status != OfferDisregarded {
			evaluated++
		}
	}
	if evaluated == 0 {
		return ""
	}
	sep := scens[0]
	if len(best.offers) == 0 {
		var runner *scenario
		for _, s := range scens[1:] {
			if runner == nil || s.better(runner) {
				runner = s
			}
		}
		if runner == nil {
			return fmt.Sprintf("the separate awards stand (%s): no cross-lot offer could be accepted", a.tally(sep.m))
		}
		rt := a.tally(runner.m)
		return fmt.Sprintf("the separate awards stand (%s): the best award accepting cross-lot offers (%s: %s) does not do better", a.tally(sep.m), strings.Join(runner.ids, " and "), rt.String())
	}
	var parts []string
	for _, oi := range best.offers {
		o := offers[oi]
		var ids []string
		for _, k := range o.lots {
			ids = append(ids, a.t.Lots[k].ID)
		}
		parts = append(parts, fmt.Sprintf("%s from %s (%s together, %s%% off)", o.offer.ID, o.supplier.Name, LotWords(ids), exact.Plain(o.offer.PercentOff)))
	}
	st := a.tally(sep.m)
	bt := a.tally(best.m)
	s := fmt.Sprintf("cross-lot offer %s wins: the award with it (%s) beats the separate awards (%s)", strings.Join(parts, " and "), bt.String(), st.String())
	if len(scens) > 2 {
		s += " and every other combination of offers evaluated"
	}
	return s
}

// betterText compares a better tally with a worse one.
func betterText(with, without *Tally) string {
	if with == nil || without == nil {
		return "the award with it is the best"
	}
	return fmt.Sprintf("the best award with it (%s) beats the best award without it (%s)", with, without)
}
