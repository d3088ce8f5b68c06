package score

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// rank orders the compliant bids by score and breaks ties with the declared
// chain. Bids the chain cannot separate share a rank (1, 2, 2, 4). The
// runs of equal totals are broken in parallel, each on its own, and the
// standings put together in order after, so the result is that of a
// serial run.
func (k *lotKernel) rank() ([]Standing, []TieBreakRecord) {
	in := k.byTotal()
	var runs []int     // the start of each run of equal totals, and len(in)
	var tiedRuns []int // the runs of more than one bid, by position in runs
	for i := 0; i < len(in); {
		j := i + 1
		for j < len(in) && in[i].total.Points.Value.Equal(in[j].total.Points.Value) {
			j++
		}
		if j-i > 1 {
			tiedRuns = append(tiedRuns, len(runs))
		}
		runs = append(runs, i)
		i = j
	}
	runs = append(runs, len(in))
	type broken struct {
		groups [][]*bidKernel
		rec    TieBreakRecord
	}
	ties := make([]broken, len(tiedRuns))
	chunks(len(tiedRuns), func(lo, hi int) {
		for t := lo; t < hi; t++ {
			r := tiedRuns[t]
			ties[t].groups, ties[t].rec = k.breakTie(in[runs[r]:runs[r+1]])
		}
	})
	// A run's bids take the places from its start on, whatever the other
	// runs hold, so the runs are placed in parallel too.
	standings := make([]Standing, len(in))
	k.ranked = make([]*bidKernel, len(in))
	chunks(len(runs)-1, func(lo, hi int) {
		t, _ := slices.BinarySearch(tiedRuns, lo)
		for r := lo; r < hi; r++ {
			if t < len(tiedRuns) && tiedRuns[t] == r {
				k.place(ties[t].groups, runs[r], standings)
				t++
				continue
			}
			k.place([][]*bidKernel{in[runs[r] : runs[r]+1 : runs[r]+1]}, runs[r], standings)
		}
	})
	var records []TieBreakRecord
	if len(ties) > 0 {
		records = make([]TieBreakRecord, len(ties))
		for t := range ties {
			records[t] = ties[t].rec
		}
	}
	return standings, records
}

// place puts the groups of one run, best first, in the standings from
// position at: a group's bids share the rank of its first place.
func (k *lotKernel) place(groups [][]*bidKernel, at int, standings []Standing) {
	for _, g := range groups {
		pos, tied := at+1, len(g) > 1
		for _, s := range g {
			k.ranked[at] = s
			s.rank, s.tied = pos, tied
			standings[at] = Standing{Rank: pos, BidID: s.bid.ID, Supplier: s.bid.Supplier, Score: s.total.Points, Tied: tied}
			at++
		}
	}
}

// byTotal returns the bids still in, best total first; bids of equal
// totals in id order.
func (k *lotKernel) byTotal() []*bidKernel {
	in := k.in()
	lowerWins := k.pol.unweightedPrice() // a price per point, or an adjusted price
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
	sortParallel(keys, func(a, b key) int { // a strict order: no two keys have one position
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
	return in
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

// keyValue returns what a step compares of each bid, its criterion looked
// up once: the value key gives, without what the step shows of it.
func (k *lotKernel) keyValue(tb TieBreak) stepValue {
	v := stepValue{k: k, tb: tb}
	switch tb.Kind {
	case HigherPoints:
		v.n = k.tree.byID[tb.Criterion]
		v.slot = slices.Index(k.tieNodes, v.n)
	case LowerPrice:
		v.n = k.priceNode(tb)
	}
	return v
}

// stepValue is one tie-break step's value of a bid (keyValue), held as a
// value: a trial breaking a tie reads it for two or three bids, and a
// closure would be allocated for each step.
type stepValue struct {
	k    *lotKernel
	tb   TieBreak
	n    *node // the step's criterion, or its price leaf
	slot int   // n's place among the tie-break points kept (HigherPoints)
}

// of returns the step's value of bid s; false when it awaits a key.
func (v stepValue) of(s *bidKernel) (exact.Fraction, bool) {
	switch v.tb.Kind {
	case HigherPoints:
		if v.slot >= 0 && len(s.tie) > v.slot {
			return s.tie[v.slot].Value, true
		}
		return v.k.tiePoints(s, v.n).Value, true
	case LowerPrice:
		if v.n == nil {
			return exact.Fraction{}, false
		}
		return s.prep.quotes[v.n.price].Exact().Neg(), true // negated: lower price is better
	}
	kk := v.k.key(v.tb, s)
	return kk.value, kk.ok
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
// record's Steps are read. The bids' keys are read again then, from the
// evaluation, which never changes; only a recorded score, which comes
// with the bid, is kept as the step found it.
type tieStep struct {
	kind  tieStepKind
	n     int            // the step's place in the chain, from 1 (the policy's TieBreaks[n-1])
	group []*bidKernel   // the group of tied bids the step looked at
	kept  []tieKey       // a Recorded step's keys, in group order
	order [][]*bidKernel // the order the step found
	total Figure         // the total they are tied on (no chain declared)
}

type tieStepKind uint8

const (
	tieNoChain    tieStepKind = iota // the policy declares no chain
	tieAwaiting                      // a recorded score is missing
	tieCompared                      // the step compared the group
	tieUnresolved                    // the chain ran out
)

// step returns the tie-break a compared step applied.
func (k *lotKernel) step(st tieStep) TieBreak { return k.pol.TieBreaks[st.n-1] }

// keys returns the step's key for each bid of its group.
func (k *lotKernel) keys(st tieStep) []tieKey {
	if st.kept != nil {
		return st.kept
	}
	out := make([]tieKey, len(st.group))
	for j, s := range st.group {
		out[j] = k.key(k.step(st), s)
	}
	return out
}

// breakTie applies the chain to bids with equal totals. It returns the bids
// in groups, best first; a group of more than one is still tied.
func (k *lotKernel) breakTie(tied []*bidKernel) ([][]*bidKernel, TieBreakRecord) {
	rec := TieBreakRecord{k: k, Bids: idsOf(tied)}
	groups := k.applyChain(tied, &rec)
	rec.Resolved = allSingle(groups)
	rec.Order = make([][]string, len(groups))
	for i, g := range groups {
		rec.Order[i] = idsOf(g)
	}
	if !rec.Resolved {
		rec.steps = append(rec.steps, tieStep{kind: tieUnresolved})
	}
	return groups, rec
}

// keyed is one bid and its value for a tie-break step.
type keyed struct {
	value exact.Fraction
	s     *bidKernel
}

// applyChain applies the declared chain to bids with equal totals and
// returns them in groups, best first, recording each step in rec unless it
// is nil (a trial needs only the order).
func (k *lotKernel) applyChain(tied []*bidKernel, rec *TieBreakRecord) [][]*bidKernel {
	groups := [][]*bidKernel{tied}
	if len(k.pol.TieBreaks) == 0 && rec != nil {
		rec.steps = append(rec.steps, tieStep{kind: tieNoChain, group: tied, total: tied[0].total.Points})
	}
	var buf []keyed
	for i, tb := range k.pol.TieBreaks {
		if allSingle(groups) {
			break
		}
		value := k.keyValue(tb)
		var next [][]*bidKernel
		for _, g := range groups {
			if len(g) == 1 {
				next = append(next, g)
				continue
			}
			st := tieStep{kind: tieCompared, n: i + 1, group: g}
			buf = buf[:0]
			missing := false
			for _, s := range g {
				v, ok := value.of(s)
				missing = missing || !ok
				buf = append(buf, keyed{v, s})
			}
			if tb.Kind == Recorded && rec != nil {
				st.kept = k.keys(st)
			}
			if missing {
				st.kind = tieAwaiting
				if rec != nil {
					rec.steps = append(rec.steps, st)
				}
				next = append(next, g)
				continue
			}
			// best key first; equal keys keep their order
			slices.SortStableFunc(buf, func(a, b keyed) int { return -a.value.Cmp(b.value) })
			split := splitEqual(buf)
			if rec != nil {
				st.order = split
				rec.steps = append(rec.steps, st)
			}
			next = append(next, split...)
		}
		groups = next
	}
	return groups
}

// chainPair applies the declared chain to two bids level on total, as
// applyChain does to any group holding both, and reports whether a comes
// before b. A step keeps two bids together when their keys are equal, or
// when it awaits a key of any bid of the group — for a lower-price step
// without a price, every bid's — and splits them by their keys otherwise.
// So until a recorded step, which a bid of the group without its recorded
// score holds together, the others level with a and b cannot change their
// order: ok is false when the chain reaches a recorded step — or any step
// but those two kinds — with a and b still together, and the group must be
// read whole.
func (k *lotKernel) chainPair(a, b *bidKernel) (aFirst, ok bool) {
	for _, tb := range k.pol.TieBreaks {
		if tb.Kind != HigherPoints && tb.Kind != LowerPrice {
			return false, false // a recorded step, or one whose keys may await any bid of the group
		}
		v := k.keyValue(tb)
		va, okA := v.of(a)
		vb, okB := v.of(b)
		if !okA || !okB {
			continue // every bid awaits this step's key: the group stays as it was
		}
		if c := va.Cmp(vb); c != 0 {
			return c > 0, true // the best key first
		}
	}
	return false, true // still level at the chain's end
}

// stepText words one step of a tie-break.
func (k *lotKernel) stepText(rec TieBreakRecord, st tieStep) string {
	switch st.kind {
	case tieNoChain:
		return fmt.Sprintf("%s tied on %s; the policy declares no tie-break chain", strings.Join(rec.Bids, ", "), st.total)
	case tieUnresolved:
		var still []string
		for _, g := range rec.Order {
			if len(g) > 1 {
				still = append(still, strings.Join(g, " = "))
			}
		}
		return fmt.Sprintf("the declared chain cannot separate %s: they share a rank", strings.Join(still, "; "))
	}
	head := fmt.Sprintf("step %d, %s: ", st.n, k.describe(k.step(st)))
	keys := k.keys(st)
	if st.kind == tieAwaiting {
		var missing []string
		for j, s := range st.group {
			if !keys[j].ok {
				missing = append(missing, s.bid.ID)
			}
		}
		return head + fmt.Sprintf("awaiting recorded scores for %s; the tie stands until they are recorded", strings.Join(missing, ", "))
	}
	shown := make([]string, len(st.group))
	for j, s := range st.group {
		shown[j] = fmt.Sprintf("%s %s", s.bid.ID, keys[j].text())
	}
	if len(st.order) == 1 {
		return head + strings.Join(shown, ", ") + ": still tied"
	}
	order := make([][]string, len(st.order))
	for j, g := range st.order {
		order[j] = idsOf(g)
	}
	return head + strings.Join(shown, ", ") + ": order " + groupText(order)
}

func allSingle(gs [][]*bidKernel) bool {
	for _, g := range gs {
		if len(g) > 1 {
			return false
		}
	}
	return true
}

// splitEqual cuts bids sorted by key into groups of equal keys, in one
// backing array.
func splitEqual(sorted []keyed) [][]*bidKernel {
	all := make([]*bidKernel, len(sorted))
	var out [][]*bidKernel
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && sorted[i].value.Equal(sorted[j].value) {
			j++
		}
		for x := i; x < j; x++ {
			all[x] = sorted[x].s
		}
		out = append(out, all[i:j:j])
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
