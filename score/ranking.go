package score

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tenderscore/tenderscore/exact"
)

// rank orders the compliant bids by score and breaks ties with the declared
// chain. Bids the chain cannot separate share a rank (1, 2, 2, 4).
func (k *lotKernel) rank() ([]Standing, []TieBreakRecord) {
	in := k.in()
	lowerWins := k.pol.basis() == PricePerQualityPoint
	better := func(a, b *bidKernel) int { // <0 when a ranks before b
		c := a.total.Points.Value.Cmp(b.total.Points.Value)
		if lowerWins {
			return c
		}
		return -c
	}
	slices.SortStableFunc(in, func(a, b *bidKernel) int {
		if c := better(a, b); c != 0 {
			return c
		}
		return strings.Compare(a.bid.ID, b.bid.ID)
	})

	var standings []Standing
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
type tieKey struct {
	value exact.Fraction
	text  string
	ok    bool
}

func (k *lotKernel) key(tb TieBreak, s *bidKernel) tieKey {
	switch tb.Kind {
	case HigherPoints:
		n := k.tree.byID[tb.Criterion]
		nums := make([]num, len(k.tree.nodes))
		k.numbers(s, nums)
		p := nums[n.index].points
		return tieKey{value: p.Value, text: p.String(), ok: true}
	case LowerPrice:
		n := k.priceNode(tb)
		if n == nil {
			return tieKey{}
		}
		p := s.quotes[n.price].Price
		return tieKey{value: exact.Whole(p).Neg(), text: exact.Money(p), ok: true} // negated: lower price is better
	case Recorded:
		r, ok := s.bid.TieBreakScores[tb.Name]
		if !ok {
			return tieKey{}
		}
		text := exact.Plain(r.Score)
		if r.Reason != "" {
			text += " (" + r.Reason + ")"
		}
		return tieKey{value: exact.Whole(r.Score), text: text, ok: true}
	}
	return tieKey{}
}

func (k *lotKernel) priceNode(tb TieBreak) *node {
	if tb.Criterion != "" {
		return k.tree.byID[tb.Criterion]
	}
	if ps := k.tree.priceLeaves(); len(ps) == 1 {
		return ps[0]
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

// breakTie applies the chain to bids with equal totals. It returns the bids
// in groups, best first; a group of more than one is still tied.
func (k *lotKernel) breakTie(tied []*bidKernel) ([][]*bidKernel, TieBreakRecord) {
	rec := TieBreakRecord{}
	for _, s := range tied {
		rec.Bids = append(rec.Bids, s.bid.ID)
	}
	groups := [][]*bidKernel{tied}
	if len(k.pol.TieBreaks) == 0 {
		rec.Steps = append(rec.Steps, fmt.Sprintf("%s tied on %s; the policy declares no tie-break chain", strings.Join(rec.Bids, ", "), tied[0].total.Points))
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
			keys := make(map[string]tieKey, len(g))
			var missing, shown []string
			for _, s := range g {
				k := k.key(tb, s)
				keys[s.bid.ID] = k
				if !k.ok {
					missing = append(missing, s.bid.ID)
				} else {
					shown = append(shown, fmt.Sprintf("%s %s", s.bid.ID, k.text))
				}
			}
			step := fmt.Sprintf("step %d, %s: ", i+1, k.describe(tb))
			if len(missing) > 0 {
				rec.Steps = append(rec.Steps, step+fmt.Sprintf("awaiting recorded scores for %s; the tie stands until they are recorded", strings.Join(missing, ", ")))
				next = append(next, g)
				continue
			}
			sorted := slices.Clone(g)
			slices.SortStableFunc(sorted, func(a, b *bidKernel) int {
				return -keys[a.bid.ID].value.Cmp(keys[b.bid.ID].value)
			})
			split := splitEqual(sorted, func(a, b *bidKernel) bool { return keys[a.bid.ID].value.Equal(keys[b.bid.ID].value) })
			if len(split) == 1 {
				step += strings.Join(shown, ", ") + ": still tied"
			} else {
				step += strings.Join(shown, ", ") + ": order " + groupText(split)
			}
			rec.Steps = append(rec.Steps, step)
			next = append(next, split...)
		}
		groups = next
	}
	rec.Resolved = allSingle(groups)
	if !rec.Resolved {
		var still []string
		for _, g := range groups {
			if len(g) > 1 {
				still = append(still, groupText([][]*bidKernel{g}))
			}
		}
		rec.Steps = append(rec.Steps, fmt.Sprintf("the declared chain cannot separate %s: they share a rank", strings.Join(still, "; ")))
	}
	for _, g := range groups {
		var ids []string
		for _, s := range g {
			ids = append(ids, s.bid.ID)
		}
		rec.Order = append(rec.Order, ids)
	}
	return groups, rec
}

func allSingle(gs [][]*bidKernel) bool {
	for _, g := range gs {
		if len(g) > 1 {
			return false
		}
	}
	return true
}

func splitEqual(sorted []*bidKernel, eq func(a, b *bidKernel) bool) [][]*bidKernel {
	var out [][]*bidKernel
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && eq(sorted[i], sorted[j]) {
			j++
		}
		out = append(out, sorted[i:j])
		i = j
	}
	return out
}

// groupText writes groups as "B-2, then B-1 = B-3".
func groupText(gs [][]*bidKernel) string {
	var parts []string
	for _, g := range gs {
		var ids []string
		for _, s := range g {
			ids = append(ids, s.bid.ID)
		}
		parts = append(parts, strings.Join(ids, " = "))
	}
	return strings.Join(parts, ", then ")
}
