package score

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/tenderscore/tenderscore/exact"
)

// Award evaluates every lot of the tender ([Evaluate]), then awards the
// lots under the tender's [LotRules]: the cap on lots awarded per supplier,
// the published allocation mechanism and the declared order of lots, and
// any cross-lot offers the rules accept. Every lot's award is explained,
// and so is every bid ranked above the bid awarded: why it did not get the
// lot.
//
// Without lot rules each lot goes to its most advantageous tender. A lot
// with no compliant bid is not awarded. Bad input gives a
// [*ValidationError] listing every problem and no result. The result is the
// same, byte for byte, whatever order the bids and offers arrive in.
func Award(t Tender, bids []Bid) (AwardResult, error) {
	sep, err := Evaluate(t, bids)
	if err != nil {
		return AwardResult{}, err
	}
	return award(t, bids, sep)
}

// Award awards the lots of a prepared tender, as [Award] does, without
// validating again: a command that has prepared the tender to score it
// awards it from the same preparation.
func (p *Prepared) Award() (AwardResult, error) { return award(p.t, p.bids, p.Evaluate()) }

// award awards the lots of a tender evaluated as bid (sep).
func award(t Tender, bids []Bid, sep Result) (AwardResult, error) {
	a := newAwarder(t, bids, sep)
	offers, err := a.prepareOffers()
	if err != nil {
		return AwardResult{}, err
	}
	return a.award(offers), nil
}

// awarder holds what the allocation of one tender needs.
type awarder struct {
	t         Tender
	rules     LotRules
	bids      []Bid
	sep       Result
	order     []int // lot positions in the declared order
	place     []int // by lot position: place in the order
	suppliers []Supplier
	supplier  map[string]int // supplier id → index
	cap       int            // lots one supplier may be awarded
	capped    bool
	method    AllocationMethod
	weighted  bool // every lot on weighted points: scores can be added
}

func newAwarder(t Tender, bids []Bid, sep Result) *awarder {
	a := &awarder{t: t, bids: bids, sep: sep, supplier: map[string]int{}, cap: len(t.Lots), method: InOrder, weighted: true}
	if t.LotRules != nil {
		a.rules = *t.LotRules
	}
	if c := a.rules.MaxLotsAwardedPerSupplier; c != nil {
		a.cap, a.capped = *c, true
		a.method = a.rules.Allocation
	}
	a.order = lotOrder(t, a.rules)
	a.place = make([]int, len(t.Lots))
	for p, k := range a.order {
		a.place[k] = p
	}
	seen := map[string]bool{}
	for _, b := range bids {
		if !seen[b.Supplier.ID] {
			seen[b.Supplier.ID] = true
			a.suppliers = append(a.suppliers, b.Supplier)
		}
	}
	slices.SortFunc(a.suppliers, func(x, y Supplier) int { return strings.Compare(x.ID, y.ID) })
	for i, s := range a.suppliers {
		a.supplier[s.ID] = i
	}
	for _, l := range t.Lots {
		if l.Policy.unweightedPrice() {
			a.weighted = false
		}
	}
	return a
}

// lotOrder returns the lot positions in the declared order; the tender's
// own order when none is declared.
func lotOrder(t Tender, r LotRules) []int {
	order := make([]int, len(t.Lots))
	for i := range order {
		order[i] = i
	}
	switch r.Order {
	case ValueDescending:
		slices.SortStableFunc(order, func(i, j int) int {
			return t.Lots[j].EstimatedValue.Cmp(t.Lots[i].EstimatedValue)
		})
	case DeclaredSequence:
		pos := map[string]int{}
		for i, id := range r.Sequence {
			pos[id] = i
		}
		slices.SortStableFunc(order, func(i, j int) int {
			return cmp.Compare(pos[t.Lots[i].ID], pos[t.Lots[j].ID])
		})
	}
	return order
}

// problem builds the allocation problem for lots evaluated as in res.
func (a *awarder) problem(lots []LotResult) allocProblem {
	p := allocProblem{order: a.order, cands: make([][]candidate, len(lots)), caps: make([]int, len(a.suppliers)), skip: make([]bool, len(lots))}
	for i := range p.caps {
		p.caps[i] = a.cap
	}
	each(len(lots), func(k int) { // each lot's candidates on their own; the supplier index is only read
		cs := make([]candidate, len(lots[k].Standings))
		for i, s := range lots[k].Standings {
			cs[i] = candidate{bidID: s.BidID, supplier: a.supplier[s.Supplier.ID], pos: i, rank: s.Rank, tied: s.Tied, score: s.Score.Value, places: s.Score.Places}
		}
		p.cands[k] = cs
	})
	return p
}

// solve allocates under the declared mechanism.
func (a *awarder) solve(p allocProblem) []int {
	if a.method == MaxTotalScore {
		return p.optimal()
	}
	return p.inOrder()
}

// award runs every scenario — the separate awards, and each set of
// compatible cross-lot offers — picks the best, and explains it.
func (a *awarder) award(offers []*offerEval) AwardResult {
	scens := a.scenarios(offers)
	best := scens[0]
	for _, s := range scens[1:] {
		if s.better(best) {
			best = s
		}
	}
	res := AwardResult{TenderID: a.t.ID, TenderTitle: a.t.Title, Rules: a.rules, Separate: a.sep}
	for _, k := range a.order {
		res.Order = append(res.Order, a.t.Lots[k].ID)
	}
	res.Result = a.sep
	res.Result.Lots = best.lots
	res.Tally = a.tally(best.m)
	for _, oi := range best.offers {
		res.Accepted = append(res.Accepted, offers[oi].offer.ID)
	}
	res.Offers = a.offerOutcomes(offers, scens, best)
	res.Decision = a.decision(offers, scens, best)
	res.Lots = a.explain(best, offers, res.Offers)
	for _, l := range res.Lots {
		res.Provisional = res.Provisional || l.Provisional
	}
	res.Suppliers = a.supplierAwards(best)
	res.Notes = a.notes(offers, best)
	return res
}

func (a *awarder) tally(m measure) Tally {
	t := Tally{Lots: m.lots, Scored: a.weighted}
	if a.weighted {
		t.Total = Figure{Value: m.total, Places: m.places}
	}
	return t
}

// supplierAwards lists every supplier with a compliant bid and its lots.
func (a *awarder) supplierAwards(s *scenario) []SupplierAward {
	out := make([]SupplierAward, len(a.suppliers))
	has := make([]bool, len(a.suppliers))
	for i, sup := range a.suppliers {
		out[i].Supplier = sup
	}
	for _, cs := range s.prob.cands {
		for _, c := range cs {
			out[c.supplier].Bids = append(out[c.supplier].Bids, c.bidID)
			has[c.supplier] = true
		}
	}
	for _, k := range a.order {
		if ci := s.choice[k]; ci != noChoice {
			c := s.prob.cands[k][ci]
			out[c.supplier].Lots = append(out[c.supplier].Lots, a.t.Lots[k].ID)
		}
	}
	var kept []SupplierAward
	for i, sa := range out {
		if has[i] {
			slices.Sort(sa.Bids)
			kept = append(kept, sa)
		}
	}
	return kept
}

// notes state the rules applied, in words, defaults included.
func (a *awarder) notes(offers []*offerEval, best *scenario) []string {
	var ns []string
	add := func(format string, args ...any) { ns = append(ns, fmt.Sprintf(format, args...)) }
	r := a.rules
	if a.t.LotRules == nil {
		add("the tender declares no lot rules: each lot is awarded separately to its most advantageous tender")
	}
	if r.MaxLotsBidPerSupplier != nil {
		add("at most %s may be bid for by one supplier (OCDS maximumLotsBidPerSupplier)", lotCount(*r.MaxLotsBidPerSupplier))
	}
	if a.capped {
		add("at most %s may be awarded to one supplier (OCDS maximumLotsAwardedPerSupplier); Procurement Act 2023 s.23(4) allows the cap with a published, objective mechanism for deciding which lots a supplier gets", lotCount(a.cap))
		add("mechanism: %s", methodLong(a.method))
	} else if a.t.LotRules != nil {
		add("no cap on lots awarded per supplier: each lot goes to its most advantageous tender")
	}
	if r.Description != "" {
		add("as published: %q", r.Description)
	}
	if a.capped || r.Order != "" {
		var parts []string
		for _, k := range a.order {
			l := a.t.Lots[k]
			parts = append(parts, fmt.Sprintf("lot %s (%s)", l.ID, exact.Money(l.EstimatedValue)))
		}
		add("declared order (%s): %s", orderName(r.Order), strings.Join(parts, ", "))
	}
	if a.weighted {
		add("the total is the sum of the awarded bids' totals as shown, each %s; a lot not awarded adds nothing", a.outOfText())
	} else {
		add("no total score is formed: a lot scored on %s has no score to add", unaddedBases(a.t.Lots))
	}
	switch {
	case len(a.t.CrossLotOffers) == 0 && r.CrossLot == CrossLotTotalScore:
		add("cross-lot offers: accepted and evaluated by total score; none was made")
	case len(a.t.CrossLotOffers) == 0:
	case !a.acceptsOffers():
		what := "the one offered is"
		if n := len(a.t.CrossLotOffers); n > 1 {
			what = fmt.Sprintf("the %d offered are", n)
		}
		add("cross-lot offers: the published lot rules do not accept them, so %s disregarded", what)
	default:
		add("cross-lot offers: each evaluated by scoring its lots again with the reduction applied, awarding the supplier all of them and allocating the rest by the declared mechanism; the award with the offer must do strictly better than the best award without it — more lots awarded, or as many with a higher total score; ties between sets of offers go to the fewer offers, then to the offer ids in order")
	}
	for _, k := range a.order {
		if lr := best.lots[k]; lr.Outcome == UnresolvedTie || hasTied(lr) {
			if best.provisional(k) {
				add("lot %s: bids tied after the whole tie-break chain are taken in bid-id order only to complete the allocation; the award is provisional until the authority resolves the tie by its declared manual step", lr.Lot.ID)
			}
		}
	}
	return ns
}

// lotCount writes a number of lots: "1 lot", "2 lots".
func lotCount(n int) string {
	if n == 1 {
		return "1 lot"
	}
	return fmt.Sprintf("%d lots", n)
}

func hasTied(lr LotResult) bool {
	for _, s := range lr.Standings {
		if s.Tied {
			return true
		}
	}
	return false
}

func (a *awarder) acceptsOffers() bool { return a.rules.CrossLot == CrossLotTotalScore }

// outOfText says what each lot's total is out of: "out of 100", or, when
// a lot's model is published in points that add up to another number, each
// lot's own ("out of its lot's points: lot 1 of 150, lot 2 of 100").
func (a *awarder) outOfText() string {
	hundred := exact.Int(100)
	var parts []string
	same := true
	for _, l := range a.t.Lots {
		n := buildTree(&l.Policy).outOf()
		same = same && n.Equal(hundred)
		parts = append(parts, fmt.Sprintf("lot %s of %s", l.ID, n))
	}
	if same {
		return "out of 100"
	}
	return "out of its lot's points: " + strings.Join(parts, ", ")
}
