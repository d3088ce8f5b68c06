package score

import (
	"hash/maphash"
	"slices"

	"github.com/tenderscore/tenderscore/exact"
)

// fieldAt is the other bids as one lowering of a price criterion's lowest
// price (and highest, under linear) leaves them, kept for every later
// trial that moves the field the same way: the bids its lines put near the
// best, each re-scored, and who of them leads. Another bid's score depends
// only on the figures moved, not on which bid moved them, so trials of
// different bids at the same price — every bid that cannot win on price is
// confirmed at £0.01 — share one re-scoring of the field. Once published
// it is never changed.
type fieldAt struct {
	ids  []int              // the positions near the best, ascending
	bids map[int]*bidKernel // each of ids re-scored against the moved figures
	// outcome and winner are how the lot ends among ids alone: a trial
	// whose changed bid is not among them and ranks below their best ends
	// the same way.
	lead    []*bidKernel
	outcome Outcome
	winner  string
}

// has reports whether position i is among the bids near the best.
func (f *fieldAt) has(i int) bool {
	_, ok := slices.BinarySearch(f.ids, i)
	return ok
}

// fieldKey names one moved field: the price leaf and its new lowest and
// highest prices. Fractions compare as keys by their form, so that one
// value in two forms is two keys — a field re-scored again, never another
// field's re-scoring read.
type fieldKey struct {
	j      int
	lo, hi exact.Fraction
}

// sharedField returns the moved field of leaf j as published by an earlier
// trial; seen is true when one earlier trial met it without publishing it.
func (t *Trials) sharedField(key fieldKey) (f *fieldAt, seen bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if f = t.fields[key]; f != nil {
		return f, true
	}
	_, seen = t.met[t.fieldHash(key)]
	return nil, seen
}

// noteField records that a trial met a moved field, publishing it when it
// is met a second time (f not nil). A field met once is not kept: only its
// hash is, a few bytes where a key is dozens, since most fields are met
// once (each price a search tries below the lowest). Two fields of one
// hash only publish the second at its first meeting, which changes what is
// kept, never an answer. The fields noted and published are each forgotten
// all at once when there are more than fieldsKept: a Trials kept for many
// trials (a portal's, asked what-if after what-if) holds memory in
// proportion to its lot, and a field forgotten is only re-scored again.
func (t *Trials) noteField(key fieldKey, f *fieldAt) {
	t.mu.Lock()
	defer t.mu.Unlock()
	limit := fieldsKept(len(t.k.bids))
	if f == nil {
		if t.met == nil {
			t.met = map[uint64]struct{}{}
			t.seed = maphash.MakeSeed()
		}
		if len(t.met) >= limit {
			clear(t.met)
		}
		t.met[t.fieldHash(key)] = struct{}{}
		return
	}
	if t.fields == nil {
		t.fields = map[fieldKey]*fieldAt{}
	}
	if _, known := t.fields[key]; known {
		return // published by another trial at once: the first stays
	}
	if len(t.fields) >= limit {
		clear(t.fields) // a published field a trial still reads stays whole: it is never changed
	}
	t.fields[key] = f
}

// fieldHash is the hash of a moved field's key, by its form as the key
// compares (the seed is drawn when the first field is noted).
func (t *Trials) fieldHash(key fieldKey) uint64 { return maphash.Comparable(t.seed, key) }

// fieldsKept is the most moved fields a Trials of n bids notes before it
// forgets them: an analysis meets a handful (9 for 1,000 bids), a caller
// trying prices below the lowest one for each price.
func fieldsKept(n int) int { return max(1024, 8*n) }

// publish makes the moved field this trial met shareable: every bid of ids
// re-scored, and how the lot ends among them.
func (st *trialState) publish(ids []int) *fieldAt {
	k := st.t.k
	f := &fieldAt{ids: ids, bids: make(map[int]*bidKernel, len(ids))}
	for _, i := range ids {
		s := st.rescoredOwn(i) // the trial's storage is used again once it is released
		f.bids[i] = s
		if s.out() || !s.total.Scored {
			continue
		}
		switch c := 0; {
		case len(f.lead) > 0:
			c = k.better(s.total.Points.Value, f.lead[0].total.Points.Value)
			if c < 0 {
				f.lead = append(f.lead[:0], s)
			} else if c == 0 {
				f.lead = append(f.lead, s)
			}
		default:
			f.lead = []*bidKernel{s}
		}
	}
	tr := st.decide(slices.Clone(f.lead))
	f.outcome, f.winner = tr.Outcome, tr.Winner
	return f
}
