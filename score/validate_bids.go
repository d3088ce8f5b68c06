package score

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/internal/safetext"
)

// This file checks the bids against the tender: each bid's identity, lot
// and supplier, and its responses against its lot's policy.

// bidsOf checks the bids; with a lot id, only the bids for that lot (bids
// naming a lot the tender does not have are reported either way).
func (v *validation) bidsOf(t Tender, bids []Bid, only string) {
	lx := indexLots(t)
	// The checks across bids run in order; each bid's own checks (its
	// struct tags, its responses against its lot's policy) then run in
	// parallel, and every bid's problems are reported in the order they
	// always were: its tags, the checks across bids, its own. A bid's record
	// here is small — a field of a million bids is validated in memory for
	// the bids, not several times over — and problems past the cap are only
	// counted.
	checks := make([]bidChecks, len(bids))
	ax := newAcross(bids)
	count := map[string]int{}
	for i, b := range bids {
		ok := ax.check(v, i, bids, lx.lots, &checks[i])
		if !ok || (only != "" && b.Lot != only) {
			continue
		}
		count[b.Lot]++
		checks[i].check = true
	}
	if v.rd != nil && (len(ax.problems) > 0 || slices.ContainsFunc(checks, func(c bidChecks) bool { return c.omitted > 0 })) {
		v.rd.fault.Store(true) // a problem across bids: nothing is read
	}
	v.ownChecks(bids, checks, ax.problems, lx)
	for i, c := range checks {
		for _, ps := range [][]Problem{c.ps[:c.split], ax.problems[i], c.ps[c.split:]} {
			for _, p := range ps {
				v.push(p)
			}
		}
		v.omitted += int(c.omitted)
	}
	for i, l := range t.Lots {
		if l.ID != "" && count[l.ID] == 0 && (only == "" || l.ID == only) {
			v.add(fmt.Sprintf("lots[%d]", i), l.ID, "no-bids", "lot %s has no bids to evaluate", l.ID)
		}
	}
}

// lotIndex is each lot by id, with its criteria tree and the leaves whose
// rule is broken.
type lotIndex struct {
	lots   map[string]Lot
	trees  map[string]*tree
	broken map[string]map[string]bool
}

func indexLots(t Tender) lotIndex {
	lx := lotIndex{lots: map[string]Lot{}, trees: map[string]*tree{}, broken: map[string]map[string]bool{}}
	for _, l := range t.Lots {
		if _, dup := lx.lots[l.ID]; !dup && l.ID != "" {
			lx.lots[l.ID] = l
			lp := l.Policy
			lx.trees[l.ID] = buildTree(&lp)
			lx.broken[l.ID] = brokenRules(lx.trees[l.ID])
		}
	}
	return lx
}

// bidChecks is one bid's record while it is validated.
type bidChecks struct {
	ps      []Problem // its tags' problems, then its own
	split   int32     // where in ps the problems across bids go
	omitted int32     // problems counted, not kept
	check   bool      // checked against its lot's policy
}

// across holds what the checks across bids remember: ids, suppliers' names
// and lots, and spellings, and the problems found, by bid.
type across struct {
	ids         map[string]int
	suppliers   map[string]supplierSeen // by supplier id
	supplierLot map[uint64]int32        // (supplier number, lot number) → the bid's position
	lots        map[string]uint32       // lot ids met, numbered as met
	lastLot     string                  // the lot id met last, and its number: bids come lot by lot
	lastLotNum  uint32
	spelled     spellings         // supplier ids by the form they are compared in (validate_ids.go)
	problems    map[int][]Problem // by bid, for the bids with any
	kept        int               // past the cap, problems across bids are counted
}

// supplierSeen is a supplier as first named, and its number.
type supplierSeen struct {
	name string
	num  uint32
}

// newAcross sizes the maps for the bids that have what they hold: a field
// of empty bids (a hostile file) makes none of them large.
func newAcross(bids []Bid) *across {
	named, supplied := 0, 0
	for i := range bids {
		named += min(len(bids[i].ID), 1)
		supplied += min(len(bids[i].Supplier.ID), 1)
	}
	return &across{ids: make(map[string]int, named), suppliers: map[string]supplierSeen{},
		supplierLot: make(map[uint64]int32, supplied), lots: map[string]uint32{}, problems: map[int][]Problem{}}
}

// lotNum numbers a lot id, the same number for the same id.
func (ax *across) lotNum(lot string) uint32 {
	if len(ax.lots) > 0 && lot == ax.lastLot {
		return ax.lastLotNum
	}
	n, ok := ax.lots[lot]
	if !ok {
		n = uint32(len(ax.lots))
		ax.lots[lot] = n
	}
	ax.lastLot, ax.lastLotNum = lot, n
	return n
}

// check runs the checks across bids on one bid — its ids visible and
// unique, its supplier named one way and bidding once per lot, its lot
// known — and reports whether its lot is known.
func (ax *across) check(v *validation, i int, bids []Bid, lots map[string]Lot, c *bidChecks) bool {
	b := &bids[i]
	// The path is built only for a problem: most bids have none.
	path := func(field string) string { return "bids[" + strconv.Itoa(i) + "]." + field }
	av := &validation{struct_: v.struct_} // this bid's problems across bids
	if !safetext.Plain(b.ID) {
		av.ident(path("id"), b.ID)
	}
	if !safetext.Plain(b.Supplier.ID) {
		av.ident(path("supplier.id"), b.Supplier.ID)
	}
	av.sameSupplier(func() string { return path("supplier.id") }, b.Supplier.ID, &ax.spelled, ax.suppliers)
	if b.ID != "" {
		if j, dup := ax.ids[b.ID]; dup {
			av.add(path("id"), b.ID, "unique", "bid id already used by bids[%d]", j)
		} else {
			ax.ids[b.ID] = i
		}
	}
	if b.Supplier.ID != "" {
		ax.supplier(av, path, i, bids)
	}
	_, ok := lots[b.Lot]
	if !ok && b.Lot != "" {
		av.push(Problem{Field: path("lot"), Value: b.Lot, Rule: "known-lot", Message: "the tender has no lot with this id"})
	}
	switch {
	case len(av.ps) == 0:
	case ax.kept < criteria.MaxProblems:
		ax.problems[i] = av.ps
		ax.kept += len(av.ps)
	default:
		c.omitted += int32(len(av.ps))
	}
	c.omitted += int32(av.omitted)
	return ok
}

// supplier checks that bid i names its supplier as earlier bids did and
// is the supplier's only bid for its lot.
func (ax *across) supplier(av *validation, path func(string) string, i int, bids []Bid) {
	b := &bids[i]
	seen, ok := ax.suppliers[b.Supplier.ID]
	if ok && seen.name != b.Supplier.Name {
		av.add(path("supplier.name"), b.Supplier.Name, "same-supplier", "supplier %s is already named %q", b.Supplier.ID, seen.name)
	} else if !ok {
		seen = supplierSeen{name: b.Supplier.Name, num: uint32(len(ax.suppliers))}
		ax.suppliers[b.Supplier.ID] = seen
	}
	key := uint64(seen.num)<<32 | uint64(ax.lotNum(b.Lot))
	if other, dup := ax.supplierLot[key]; dup {
		av.add(path("supplier.id"), b.Supplier.ID, "one-bid-per-lot", "supplier already bid for lot %s in bid %s", b.Lot, bids[other].ID)
	} else {
		ax.supplierLot[key] = int32(i)
	}
}

// ownChecks runs each bid's own checks — its tags, and its responses
// against its lot's policy — in parallel. Each chunk keeps its bids'
// problems only while it has fewer than criteria.MaxProblems, and counts
// the rest: the problems listed are still the first in bid order.
func (v *validation) ownChecks(bids []Bid, checks []bidChecks, across map[int][]Problem, lx lotIndex) {
	chunks(len(bids), func(lo, hi int) {
		kept := 0
		sc := scratches{}
		for i := lo; i < hi; i++ {
			c, b := &checks[i], bids[i]
			path := "bids[" + strconv.Itoa(i) + "]"
			bv := &validation{struct_: v.struct_, counting: kept >= criteria.MaxProblems}
			bv.bidTags(path, b) // the tags of Bid, without reflection per bid (validate_bidtags.go)
			tags := len(bv.ps)
			if c.check {
				bv.bid(path, b, lx.lots[b.Lot].Policy, lx.trees[b.Lot], lx.broken[b.Lot])
			}
			v.readPassed(i, &bids[i], c.check && len(bv.ps) == 0 && bv.omitted == 0, sc)
			c.omitted += int32(bv.omitted)
			if kept >= criteria.MaxProblems {
				c.omitted += int32(len(bv.ps))
				continue
			}
			c.ps, c.split = bv.ps, int32(tags)
			kept += len(bv.ps) + len(across[i]) // across is only read here
		}
	})
}

// readPassed reads bid i for its lot when the validation is reading
// (prepare_read.go) and the bid passed its own checks; a bid that did not
// stops all reading.
func (v *validation) readPassed(i int, b *Bid, passed bool, sc scratches) {
	switch {
	case v.rd == nil:
	case passed:
		v.rd.bid(i, b, sc)
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
func (v *validation) bid(path string, b Bid, p Policy, t *tree, broken map[string]bool) {
	if b.Disregard != nil {
		// A disregarded tender is not assessed: its responses may be
		// incomplete (a late or non-compliant tender), and are not read.
		v.checkDisregard(path+".disregard", *b.Disregard)
		return
	}
	v.bidFeatures(path, b, p) // validate_features.go
	v.bidLivingWage(path, b, p, t)
	v.bidResponses(path, b, t, broken)
	v.bidGates(path, b, p)
	v.bidTieBreaks(path, b, p)
}

// bidLivingWage checks the bid's living wage commitment, which is required
// when the lot's policy has a living wage gate or criterion.
func (v *validation) bidLivingWage(path string, b Bid, p Policy, t *tree) {
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
// any response to a branch or to no criterion at all.
func (v *validation) bidResponses(path string, b Bid, t *tree, broken map[string]bool) {
	price, priced := bidPrice(b, t)
	answered := 0 // responses to leaves: when every response is one, none is unknown
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
		r, ok := b.Responses[n.c.ID]
		if !ok {
			v.add(rp(), "", "required", "no response to criterion %s (%s)", n.c.ID, n.c.Title)
			continue
		}
		answered++
		if !broken[n.c.ID] {
			v.response(rp, n.c, r, price, priced)
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
// marks, or social value commitments (measured against the bid's price).
func (v *validation) response(rp func() string, c *Criterion, r Response, price decimal.Decimal, priced bool) {
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
		sv := r.SocialValue
		sv.BidPrice = nil
		if priced {
			sv.BidPrice = &price
		}
		if ps := c.SocialValue.Check(sv); len(ps) > 0 {
			v.addAll(rp()+".socialValue", ps)
		}
	}
}

// bidGates checks the bid's decision on each of the lot's gates, then names
// any decision on a gate the policy does not have.
func (v *validation) bidGates(path string, b Bid, p Policy) {
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
func (v *validation) bidTieBreaks(path string, b Bid, p Policy) {
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
	prices := t.priceLeaves()
	if len(prices) == 0 {
		return decimal.Decimal{}, false
	}
	sum := decimal.Zero
	for _, n := range prices {
		q, ps := n.c.Price.Quote(b.Responses[n.c.ID].Price)
		if len(ps) > 0 {
			return decimal.Decimal{}, false
		}
		sum = sum.Add(q.Price)
	}
	return sum, true
}
