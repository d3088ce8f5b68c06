package score

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/internal/carry"
)

// This file checks the bids against the tender: each bid's identity, lot
// and supplier, and its responses against its lot's policy.

// bidsOf checks the bids; with a lot id, only the bids for that lot (bids
// naming a lot the tender does not have are reported either way).
func (v *validation) bidsOf(t Tender, bids []Bid, only string) {
	lx := indexLots(t)
	// The checks across bids run in order, in a goroutine of their own,
	// while each bid's own checks (its tags, its responses against its
	// lot's policy) run in parallel beside them; every bid's problems are
	// reported in the order they always were: its tags, the checks across
	// bids, its own. A bid's record here is small — a field of a million
	// bids is validated in memory for the bids, not several times over —
	// and problems past the cap are only counted.
	checks := make([]bidChecks, len(bids))
	count := v.toCheck(bids, checks, lx, only)
	ax := newAcross(bids)
	v.besideAcross(bids, checks, ax, lx)
	for i, c := range checks {
		for _, ps := range [][]Problem{c.ps[:c.split], ax.problems[i], c.ps[c.split:]} {
			for _, p := range ps {
				v.push(p)
			}
		}
		v.omitted += int(c.omitted) + int(ax.omitted[i])
	}
	for i, l := range t.Lots {
		if l.ID != "" && count[l.ID] == 0 && (only == "" || l.ID == only) {
			v.add(fmt.Sprintf("lots[%d]", i), l.ID, "no-bids", "lot %s has no bids to evaluate", l.ID)
		}
	}
}

// toCheck marks the bids to check against their lot's policy — those of a
// lot the tender has, and with a lot id only that lot's — and counts them
// by lot.
func (v *validation) toCheck(bids []Bid, checks []bidChecks, lx lotIndex, only string) map[string]int {
	count := map[string]int{}
	last, known, run := "", false, 0 // bids come lot by lot: one lookup and one count a lot, not a bid
	for i := range bids {
		b := &bids[i]
		if i == 0 || b.Lot != last {
			if run > 0 {
				count[last] += run
			}
			_, known = lx.lots[b.Lot]
			last, run = b.Lot, 0
		}
		if known && (only == "" || b.Lot == only) {
			run++
			checks[i].check = true
		}
	}
	if run > 0 {
		count[last] += run
	}
	return count
}

// besideAcross runs the checks across bids beside the bids' own checks;
// a problem across bids stops all reading. A field too small to split
// runs the two in turn, and so does a validation told to (v.inTurn).
func (v *validation) besideAcross(bids []Bid, checks []bidChecks, ax *across, lx lotIndex) {
	var found func()
	if v.rd != nil {
		found = func() { v.rd.fault.Store(true) } // a problem across bids: nothing is read
	}
	if len(bids) < 2*minChunk || v.inTurn {
		ax.all(v, bids, lx.lots, found)
		v.ownChecks(bids, checks, lx)
		return
	}
	done := make(chan struct{})
	var c carry.Catcher // a panic reaches the caller, as a serial run's would
	go func() {
		defer close(done)
		defer c.Catch()
		ax.all(v, bids, lx.lots, found)
	}()
	v.ownChecks(bids, checks, lx)
	<-done
	c.Rethrow()
}

// lotIndex is each lot by id, with its criteria tree and the leaves whose
// rule is broken.
type lotIndex struct {
	lots map[string]*lotCheck
}

// lotCheck is what checking a bid against one lot's policy needs.
type lotCheck struct {
	pol    Policy
	tree   *tree
	broken map[string]bool
	ctx    criteria.SocialValueContext // what its social value responses are measured in
}

func indexLots(t Tender) lotIndex {
	lx := lotIndex{lots: map[string]*lotCheck{}}
	for _, l := range t.Lots {
		if _, dup := lx.lots[l.ID]; !dup && l.ID != "" {
			lc := &lotCheck{pol: l.Policy, ctx: criteria.SocialValueContext{ContractValue: l.EstimatedValue}}
			lc.tree = buildTree(&lc.pol)
			lc.broken = brokenRules(lc.tree)
			lx.lots[l.ID] = lc
		}
	}
	return lx
}

// of returns bid b's lot, looked up only when b's lot is not last's:
// bids come lot by lot.
func (lx lotIndex) of(b *Bid, last *lotCheck, lastID *string) *lotCheck {
	if last != nil && b.Lot == *lastID {
		return last
	}
	*lastID = b.Lot
	return lx.lots[b.Lot]
}

// bidChecks is one bid's record while it is validated.
type bidChecks struct {
	ps      []Problem // its tags' problems, then its own
	split   int32     // where in ps the problems across bids go
	omitted int32     // problems counted, not kept
	check   bool      // checked against its lot's policy
}

// ownChecks runs each bid's own checks — its tags, and its responses
// against its lot's policy — in parallel. Each chunk keeps its bids' own
// problems only while it has fewer than criteria.MaxProblems, and counts
// the rest: the problems listed are still the first in bid order, since
// those across bids only add to the problems before any a chunk counts.
func (v *validation) ownChecks(bids []Bid, checks []bidChecks, lx lotIndex) {
	chunks(len(bids), func(lo, hi int) {
		kept := 0
		// A tree of up to 32 nodes is looked up, and its fixed points are
		// worked out, on this goroutine's stack: copying a response or a
		// line there needs none of the collector's write barriers that
		// copying it to the heap does.
		var rs [32]Response
		var has [32]bool
		var nums [32]num
		sc, lk := scratches{}, &looked{rs: rs[:0], has: has[:0], nums: nums[:]}
		var lc *lotCheck
		var lot string
		for i := lo; i < hi; i++ {
			lk.ready = false
			c, b := &checks[i], &bids[i]
			path := "bids[" + strconv.Itoa(i) + "]"
			bv := &validation{struct_: v.struct_, counting: kept >= criteria.MaxProblems}
			bv.bidTags(path, b) // the tags of Bid, without reflection per bid (validate_bidtags.go)
			tags := len(bv.ps)
			if c.check {
				lc = lx.of(b, lc, &lot)
				lk.ctx = lc.ctx
				bv.bid(path, b, &lc.pol, lc.tree, lc.broken, lk)
			}
			v.readPassed(i, b, c.check && len(bv.ps) == 0 && bv.omitted == 0, sc, lk)
			c.omitted += int32(bv.omitted)
			if kept >= criteria.MaxProblems {
				c.omitted += int32(len(bv.ps))
				continue
			}
			c.ps, c.split = bv.ps, int32(tags)
			kept += len(bv.ps)
		}
	})
}

// readPassed reads bid i for its lot when the validation is reading
// (prepare_read.go) and the bid passed its own checks; a bid that did not
// stops all reading.
func (v *validation) readPassed(i int, b *Bid, passed bool, sc scratches, lk *looked) {
	switch {
	case v.rd == nil:
	case passed:
		v.rd.bid(i, b, sc, lk)
	default:
		v.rd.fault.Store(true)
	}
}

// brokenRules lists the leaves whose own rule has problems (reported once,
// at the tender): a response is not checked against a broken rule, so that
// one unknown moderation method is one problem, not one more for every bid.
func brokenRules(t *tree) map[string]bool {
	out := map[string]bool{}
	for _, n := range t.leaves {
		c := n.c
		switch {
		case c.Price != nil && len(c.Price.Validate()) > 0,
			c.Quality != nil && len(c.Quality.Validate()) > 0,
			c.SocialValue != nil && len(c.SocialValue.Validate()) > 0:
			out[c.ID] = true
		}
	}
	return out
}

// bid checks one bid against its lot's policy: a response for every leaf,
// none for anything else, and each response valid for its rule (unless the
// rule itself is broken).
func (v *validation) bid(path string, b *Bid, p *Policy, t *tree, broken map[string]bool, lk *looked) {
	if b.Disregard != nil {
		// A disregarded tender is not assessed: its responses may be
		// incomplete (a late or non-compliant tender), and are not read.
		v.checkDisregard(path+".disregard", *b.Disregard)
		return
	}
	v.bidFeatures(path, b, p) // validate_features.go
	v.bidLivingWage(path, b, p, t)
	v.bidResponses(path, b, t, broken, lk)
	v.bidGates(path, b, p)
	v.bidTieBreaks(path, b, p)
}

// bidLivingWage checks the bid's living wage commitment, which is required
// when the lot's policy has a living wage gate or criterion.
func (v *validation) bidLivingWage(path string, b *Bid, p *Policy, t *tree) {
	needsLW := len(p.LivingWageGates) > 0
	for _, n := range t.leaves {
		needsLW = needsLW || n.c.LivingWage != nil
	}
	if needsLW && b.LivingWage == nil {
		v.add(path+".livingWage", "", "required", "the lot's policy has a living wage gate or criterion: record the bid's living wage commitment")
	} else if b.LivingWage != nil {
		v.addAll(path+".livingWage", criteria.LivingWageGate{}.Check(*b.LivingWage))
	}
}

// bidResponses checks the bid's response to each leaf criterion, then names
// any response to a branch or to no criterion at all. Each response is
// looked up once, into lk, which reading the bid then takes them from.
func (v *validation) bidResponses(path string, b *Bid, t *tree, broken map[string]bool, lk *looked) {
	lk.lookUp(b, t)
	var price decimal.Decimal
	priced, measured := false, false // the bid's price, worked out only for a social value criterion
	answered := 0                    // responses to leaves: when every response is one, none is unknown
	for _, n := range t.leaves {
		// The path is built only for a problem: most bids have none.
		rp := func() string { return path + ".responses[" + n.c.ID + "]" }
		if n.c.LivingWage != nil {
			if _, ok := b.Responses[n.c.ID]; ok {
				answered++
				v.add(rp(), n.c.ID, "living-wage", "criterion %s is scored on the bid's living wage commitment (livingWage), not a response", n.c.ID)
			}
			continue
		}
		r, ok := lk.at(n)
		if !ok {
			v.add(rp(), "", "required", "no response to criterion %s (%s)", n.c.ID, n.c.Title)
			continue
		}
		answered++
		if n.c.SocialValue != nil && !measured {
			price, priced = sumQuotes(t, func(n *node) criteria.PriceResponse { r, _ := lk.at(n); return r.Price })
			measured = true
		}
		if !broken[n.c.ID] {
			v.response(rp, n, r, price, priced, lk)
		}
	}
	if answered == len(b.Responses) {
		return
	}
	for _, k := range sortedKeys(b.Responses) {
		n, known := t.byID[k]
		switch {
		case known && n.leaf():
		case known:
			v.add(fmt.Sprintf("%s.responses[%s]", path, k), k, "leaf-only", "criterion %s has sub-criteria: respond to those instead", k)
		default:
			v.add(fmt.Sprintf("%s.responses[%s]", path, k), k, "known-criterion", "the lot's policy has no criterion with this id")
		}
	}
}

// response checks one response against the kind of its criterion: a price,
// marks, or social value commitments, measured against the bid's price
// into lk for the reading to keep.
func (v *validation) response(rp func() string, n *node, r *Response, price decimal.Decimal, priced bool, lk *looked) {
	c := n.c
	switch {
	case c.Price != nil:
		if len(r.Marks.Evaluators) > 0 || r.Marks.Consensus != nil {
			v.add(rp()+".marks", "", "price-criterion", "criterion %s is scored on price, not marks", c.ID)
		}
		if _, ps := c.Price.Quote(r.Price); len(ps) > 0 {
			v.addAll(rp()+".price", ps)
		}
	case c.Quality != nil:
		if !r.Price.IsZero() {
			v.add(rp()+".price", "", "quality-criterion", "criterion %s is scored on marks, not price", c.ID)
		}
		if ps := c.Quality.Check(r.Marks); len(ps) > 0 {
			v.addAll(rp()+".marks", ps)
		}
	case c.SocialValue != nil:
		sv := pricedResponse(r.SocialValue, price, priced)
		m, err := c.SocialValue.Measure(sv, lk.ctx)
		if err == nil { // checked, and measured
			lk.measured(n, m)
			return
		}
		// Every problem, where the measurement gives the first; none where
		// only the context is wanting (the lot's own check says so once).
		if ps := c.SocialValue.Check(sv); len(ps) > 0 {
			v.addAll(rp()+".socialValue", ps)
		}
	}
}

// bidGates checks the bid's decision on each of the lot's gates, then names
// any decision on a gate the policy does not have.
func (v *validation) bidGates(path string, b *Bid, p *Policy) {
	for _, g := range p.Gates {
		r, ok := b.Gates[g.ID]
		if !ok {
			v.add(fmt.Sprintf("%s.gates[%s]", path, g.ID), "", "required", "no recorded decision for gate %s (%s)", g.ID, g.Title)
			continue
		}
		if ps := g.Check(r); len(ps) > 0 {
			v.addAll(fmt.Sprintf("%s.gates[%s]", path, g.ID), ps)
		}
	}
	gate := func(k string) bool {
		return slices.ContainsFunc(p.Gates, func(g criteria.Gate) bool { return g.ID == k })
	}
	if len(p.Gates) > 16 { // keep the time proportional to the input
		ids := make(map[string]bool, len(p.Gates))
		for _, g := range p.Gates {
			ids[g.ID] = true
		}
		gate = func(k string) bool { return ids[k] }
	}
	if allKnown(b.Gates, gate) {
		return
	}
	for _, k := range sortedKeys(b.Gates) {
		if !gate(k) {
			v.add(fmt.Sprintf("%s.gates[%s]", path, k), k, "known-gate", "the lot's policy has no gate with this id")
		}
	}
}

// bidTieBreaks checks the bid's recorded tie-break scores: each names one of
// the policy's recorded steps and is a number.
func (v *validation) bidTieBreaks(path string, b *Bid, p *Policy) {
	steps := map[string]bool{}
	for _, tb := range p.TieBreaks {
		if tb.Kind == Recorded {
			steps[tb.Name] = true
		}
	}
	for _, k := range sortedKeys(b.TieBreakScores) {
		sp := fmt.Sprintf("%s.tieBreakScores[%s]", path, k)
		if !steps[k] {
			v.add(sp, k, "known-step", "the lot's policy has no recorded tie-break step with this name")
			continue
		}
		v.number(sp+".score", b.TieBreakScores[k].Score)
	}
}

// allKnown reports whether known holds for every key of m; only when it
// does not are the keys sorted, to report the unknown ones in order.
func allKnown[V any](m map[string]V, known func(string) bool) bool {
	for k := range m {
		if !known(k) {
			return false
		}
	}
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// bidPrice is the bid's price for social value read as a share of it: the
// sum of its quotes on every price criterion. ok is false when the policy
// has no price criterion or a quote is not valid (reported elsewhere).
func bidPrice(b Bid, t *tree) (decimal.Decimal, bool) {
	return sumQuotes(t, func(n *node) criteria.PriceResponse { return b.Responses[n.c.ID].Price })
}

// sumQuotes is bidPrice with the bid's price responses given by leaf.
func sumQuotes(t *tree, price func(n *node) criteria.PriceResponse) (decimal.Decimal, bool) {
	sum, priced := decimal.Zero, false
	for _, n := range t.leaves {
		if n.c.Price == nil {
			continue
		}
		q, ps := n.c.Price.Quote(price(n))
		if len(ps) > 0 {
			return decimal.Decimal{}, false
		}
		sum, priced = sum.Add(q.Price), true
	}
	if !priced {
		return decimal.Decimal{}, false
	}
	return sum, true
}
