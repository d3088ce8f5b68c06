package score

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// rank orders the compliant bids by score and breaks ties with the declared
// chain. Bids the chain cannot separate share a rank (1, 2, 2, 4).
func (k *lotKernel) rank() ([]Standing, []TieBreakRecord) {
	in := k.in()
	lowerWins := k.pol.unweightedPrice()  // a price per point, or an adjusted price
	better := func(a, b *bidKernel) int { // <0 when a ranks before b
		c := a.total.Points.Value.Cmp(b.total.Points.Value)
		if lowerWins {
			return c
		}
		return -c
	}
	// Sort the totals by value, each with its bid's position: the bids are
	// in id order, so position breaks an equal total as the id does.
	type key struct {
		total exact.Fraction
		idx   int
	}
	keys := make([]key, len(in))
	for i, s := range in {
		keys[i] = key{s.total.Points.Value, s.idx}
	}
	slices.SortFunc(keys, func(a, b key) int {
		c := a.total.Cmp(b.total)
		if !lowerWins {
			c = -c
		}
		if c != 0 {
			return c
		}
		return a.idx - b.idx
	})
	for i, kk := range keys {
		in[i] = &k.bids[kk.idx]
	}

	standings := make([]Standing, 0, len(in))
	k.ranked = make([]*bidKernel, 0, len(in))
	var records []TieBreakRecord
	pos := 1
	for i := 0; i < len(in); {
		j := i + 1
		for j < len(in) && better(in[i], in[j]) == 0 {
			j++
		}
		groups := [][]*bidKernel{in[i:j]}
		if j-i > 1 {
			var rec TieBreakRecord
			groups, rec = k.breakTie(in[i:j])
			records = append(records, rec)
		}
		for _, g := range groups {
			for _, s := range g {
				k.ranked = append(k.ranked, s)
				s.rank, s.tied = pos, len(g) > 1
				standings = append(standings, Standing{Rank: pos, BidID: s.bid.ID, Supplier: s.bid.Supplier, Score: s.total.Points, Tied: len(g) > 1})
			}
			pos += len(g)
		}
		i = j
	}
	return standings, records
}

// tieKey is one bid's value for a tie-break step; ok is false when the step
// has nothing to compare for the bid (a recorded score not yet recorded).
// What the step shows of it is worded only when the record is read.
type tieKey struct {
	value exact.Fraction
	ok    bool
	kind  TieBreakKind
	fig   Figure          // HigherPoints: the points as shown
	price decimal.Decimal // LowerPrice: the price (value is its negation)
	rec   RecordedScore   // Recorded: the score and its reason
}

func (t tieKey) text() string {
	switch t.kind {
	case HigherPoints:
		return t.fig.String()
	case LowerPrice:
		return exact.Money(t.price)
	}
	text := exact.Plain(t.rec.Score)
	if t.rec.Reason != "" {
		text += " (" + t.rec.Reason + ")"
	}
	return text
}

func (k *lotKernel) key(tb TieBreak, s *bidKernel) tieKey {
	switch tb.Kind {
	case HigherPoints:
		p := k.tiePoints(s, k.tree.byID[tb.Criterion])
		return tieKey{value: p.Value, fig: p, ok: true, kind: HigherPoints}
	case LowerPrice:
		n := k.priceNode(tb)
		if n == nil {
			return tieKey{}
		}
		q := s.prep.quotes[n.price]
		return tieKey{value: q.Exact().Neg(), price: q.Price, ok: true, kind: LowerPrice} // negated: lower price is better
	case Recorded:
		r, ok := s.bid.TieBreakScores[tb.Name]
		if !ok {
			return tieKey{}
		}
		return tieKey{value: exact.Whole(r.Score), rec: r, ok: true, kind: Recorded}
	}
	return tieKey{}
}

// tiePoints returns a bid's points on a criterion a higher-points step
// compares: kept when the totals were formed, or computed now.
func (k *lotKernel) tiePoints(s *bidKernel, n *node) Figure {
	if i := slices.Index(k.tieNodes, n); i >= 0 && len(s.tie) > i {
		return s.tie[i]
	}
	nums := make([]num, len(k.tree.nodes))
	k.numbers(s, nums)
	return nums[n.index].points
}

func (k *lotKernel) priceNode(tb TieBreak) *node {
	if tb.Criterion != "" {
		return k.tree.byID[tb.Criterion]
	}
	if len(k.prices) == 1 {
		return k.prices[0]
	}
	return nil
}

func (k *lotKernel) describe(tb TieBreak) string {
	if tb.Description != "" {
		return tb.Description
	}
	switch tb.Kind {
	case HigherPoints:
		n := k.tree.byID[tb.Criterion]
		return fmt.Sprintf("higher points on %s", n.c.Title)
	case LowerPrice:
		if n := k.priceNode(tb); n != nil {
			return fmt.Sprintf("lower price on %s", n.c.Title)
		}
		return "lower price"
	case Recorded:
		return fmt.Sprintf("higher recorded score at the %q step", tb.Name)
	}
	return string(tb.Kind)
}

// tieStep is the record of one step a tie-break took, worded when the
// record's Steps are read.
type tieStep struct {
	kind    tieStepKind
	n       int // the step's place in the chain, from 1
	tb      TieBreak
	ids     []string   // the group of tied bids the step looked at
	keys    []tieKey   // each one's key, in ids order
	missing []string   // bids awaiting a recorded score
	order   [][]string // the order the step found
	total   Figure     // the total they are tied on (no chain declared)
}

type tieStepKind uint8

const (
	tieNoChain    tieStepKind = iota // the policy declares no chain
	tieAwaiting                      // a recorded score is missing
	tieCompared                      // the step compared the group
	tieUnresolved                    // the chain ran out
)

// breakTie applies the chain to bids with equal totals. It returns the bids
// in groups, best first; a group of more than one is still tied.
func (k *lotKernel) breakTie(tied []*bidKernel) ([][]*bidKernel, TieBreakRecord) {
	rec := TieBreakRecord{k: k, Bids: idsOf(tied)}
	groups := k.applyChain(tied, &rec)
	rec.Resolved = allSingle(groups)
	for _, g := range groups {
		rec.Order = append(rec.Order, idsOf(g))
	}
	if !rec.Resolved {
		rec.steps = append(rec.steps, tieStep{kind: tieUnresolved})
	}
	return groups, rec
}

// applyChain applies the declared chain to bids with equal totals and
// returns them in groups, best first, recording each step in rec unless it
// is nil (a trial needs only the order).
func (k *lotKernel) applyChain(tied []*bidKernel, rec *TieBreakRecord) [][]*bidKernel {
	groups := [][]*bidKernel{tied}
	if len(k.pol.TieBreaks) == 0 && rec != nil {
		rec.steps = append(rec.steps, tieStep{kind: tieNoChain, ids: rec.Bids, total: tied[0].total.Points})
	}
	for i, tb := range k.pol.TieBreaks {
		if allSingle(groups) {
			break
		}
		var next [][]*bidKernel
		for _, g := range groups {
			if len(g) == 1 {
				next = append(next, g)
				continue
			}
			st := tieStep{kind: tieCompared, n: i + 1, tb: tb, keys: make([]tieKey, len(g))}
			missing := false
			for j, s := range g {
				st.keys[j] = k.key(tb, s)
				if !st.keys[j].ok {
					missing = true
					if rec != nil {
						st.missing = append(st.missing, s.bid.ID)
					}
				}
			}
			if rec != nil {
				st.ids = idsOf(g)
			}
			if missing {
				st.kind = tieAwaiting
				if rec != nil {
					rec.steps = append(rec.steps, st)
				}
				next = append(next, g)
				continue
			}
			perm := make([]int, len(g)) // positions in g, best key first; equal keys keep their order
			for j := range perm {
				perm[j] = j
			}
			slices.SortStableFunc(perm, func(a, b int) int { return -st.keys[a].value.Cmp(st.keys[b].value) })
			sorted := make([]*bidKernel, len(g))
			for j, p := range perm {
				sorted[j] = g[p]
			}
			split := splitEqual(sorted, perm, st.keys)
			if rec != nil {
				for _, sg := range split {
					st.order = append(st.order, idsOf(sg))
				}
				rec.steps = append(rec.steps, st)
			}
			next = append(next, split...)
		}
		groups = next
	}
	return groups
}

// stepText words one step of a tie-break.
func (k *lotKernel) stepText(rec TieBreakRecord, st tieStep) string {
	switch st.kind {
	case tieNoChain:
		return fmt.Sprintf("%s tied on %s; the policy declares no tie-break chain", strings.Join(st.ids, ", "), st.total)
	case tieUnresolved:
		var still []string
		for _, g := range rec.Order {
			if len(g) > 1 {
				still = append(still, strings.Join(g, " = "))
			}
		}
		return fmt.Sprintf("the declared chain cannot separate %s: they share a rank", strings.Join(still, "; "))
	}
	head := fmt.Sprintf("step %d, %s: ", st.n, k.describe(st.tb))
	if st.kind == tieAwaiting {
		return head + fmt.Sprintf("awaiting recorded scores for %s; the tie stands until they are recorded", strings.Join(st.missing, ", "))
	}
	shown := make([]string, len(st.ids))
	for j, id := range st.ids {
		shown[j] = fmt.Sprintf("%s %s", id, st.keys[j].text())
	}
	if len(st.order) == 1 {
		return head + strings.Join(shown, ", ") + ": still tied"
	}
	return head + strings.Join(shown, ", ") + ": order " + groupText(st.order)
}

func allSingle(gs [][]*bidKernel) bool {
	for _, g := range gs {
		if len(g) > 1 {
			return false
		}
	}
	return true
}

// splitEqual cuts bids sorted by key into groups of equal keys; perm[i] is
// the position of sorted[i]'s key in keys.
func splitEqual(sorted []*bidKernel, perm []int, keys []tieKey) [][]*bidKernel {
	var out [][]*bidKernel
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && keys[perm[i]].value.Equal(keys[perm[j]].value) {
			j++
		}
		out = append(out, sorted[i:j])
		i = j
	}
	return out
}

// groupText writes groups as "B-2, then B-1 = B-3".
func groupText(gs [][]string) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = strings.Join(g, " = ")
	}
	return strings.Join(parts, ", then ")
}
