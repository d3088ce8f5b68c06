package score

import (
	"slices"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/envelope"
)

// lineSet is a field of bids' totals before rounding drawn as lines in one
// variable (a shift of weight, a function of the lowest price), with the
// most the declared rounding can move a total shown away from its line.
// Which bids could lead at any value of the variable — those whose lines
// come within twice that of the highest — is found without evaluating
// every line (package internal/envelope).
type lineSet struct {
	tree  *envelope.Tree
	slack exact.Fraction
	// all holds every line when the tree holds only those that can come
	// near the best where the variable lies between lo and hi (see
	// newLineSetOver); nil when the tree holds them all.
	all    []envelope.Line
	lo, hi exact.Fraction
	// of holds each bid's line by its position, when the set keeps it
	// (ofEach): a trial reads the bids near the best in order of their
	// lines and stops where none left can reach the best found.
	of []envelope.Line
}

// ofEach keeps each line by its bid's position among n, for byLine.
func (l *lineSet) ofEach(lines []envelope.Line, n int) *lineSet {
	l.of = make([]envelope.Line, n)
	for _, ln := range lines {
		l.of[ln.ID] = ln
	}
	return l
}

// byLine orders bids of the set by their lines' values at d, highest
// first, into buf (reused); nil when the set keeps no lines by bid.
func (l *lineSet) byLine(ids []int, d exact.Fraction, buf []lined) []lined {
	if l.of == nil {
		return nil
	}
	buf = buf[:0]
	for _, i := range ids {
		buf = append(buf, lined{i, l.of[i].At(d)})
	}
	slices.SortFunc(buf, func(a, b lined) int { return b.v.Cmp(a.v) })
	return buf
}

// lined is a bid's position and its line's value somewhere.
type lined struct {
	i int
	v exact.Fraction
}

func newLineSet(lines []envelope.Line, slack exact.Fraction) *lineSet {
	return &lineSet{tree: envelope.New(lines), slack: slack}
}

// newLineSetOver draws the lines of a variable that only ever lies between
// lo and hi, its tree holding only the lines that come within twice the
// slack of the best somewhere there: the others are never near the best,
// and never the best, so the tree answers near as if it held them all.
func newLineSetOver(lines []envelope.Line, slack, lo, hi exact.Fraction) *lineSet {
	return newLineSetWithin(lines, slack, slack.Add(slack), lo, hi)
}

// newLineSetWithin draws the lines of a variable asked about mostly
// between lo and hi, its tree holding only the lines that come within
// margin of the best somewhere there (envelope.Sift); asked about
// elsewhere, it reads every line (max, report).
func newLineSetWithin(lines []envelope.Line, slack, margin, lo, hi exact.Fraction) *lineSet {
	if len(lines) < siftFrom || hi.Cmp(lo) <= 0 {
		return newLineSet(lines, slack)
	}
	kept := envelope.Sift(lines, margin, lo, hi)
	if len(kept) == len(lines) {
		return newLineSet(lines, slack)
	}
	return &lineSet{tree: envelope.New(kept), slack: slack, all: lines, lo: lo, hi: hi}
}

// within reports whether the tree answers for every line at d.
func (l *lineSet) within(d exact.Fraction) bool {
	return l.all == nil || (d.Cmp(l.lo) >= 0 && d.Cmp(l.hi) <= 0)
}

// max returns the highest line's value at d; false when there are none.
func (l *lineSet) max(d exact.Fraction) (exact.Fraction, bool) {
	if l.within(d) {
		return l.tree.Max(d)
	}
	top := l.all[0].At(d)
	for _, ln := range l.all[1:] {
		top = top.Max(ln.At(d))
	}
	return top, true
}

// report returns the positions of the bids whose lines are at least floor
// at d, each once, ascending, when floor is within the margin the lines
// were sifted with of the best at d (or d lies outside where they were).
func (l *lineSet) report(d, floor exact.Fraction) []int {
	if l.within(d) {
		return l.tree.Report(d, floor)
	}
	return l.atLeast(d, floor)
}

// siftFrom is the fewest lines worth sifting before a tree is built.
var siftFrom = 32

// near returns the positions of the bids that could have the best total
// shown at d.
func (l *lineSet) near(d exact.Fraction) []int {
	top, ok := l.max(d)
	if !ok {
		return nil
	}
	return l.report(d, top.Sub(l.slack).Sub(l.slack))
}

// nearByLine is near with each bid's line's value at d, highest first (a
// tie in position order), each bid once: a trial reads them so and stops
// where none left can reach the best it found (stopsBelow). It reuses
// buf's storage.
func (l *lineSet) nearByLine(d exact.Fraction, buf []lined) []lined {
	out := buf[:0]
	top, ok := l.max(d)
	if !ok {
		return out
	}
	floor := top.Sub(l.slack).Sub(l.slack)
	add := func(ln envelope.Line, v exact.Fraction) { out = append(out, lined{ln.ID, v}) }
	if l.within(d) {
		l.tree.Visit(d, floor, add)
	} else {
		for _, ln := range l.all {
			if v := ln.At(d); v.Cmp(floor) >= 0 {
				add(ln, v)
			}
		}
	}
	slices.SortFunc(out, func(a, b lined) int { return a.i - b.i })
	out = slices.CompactFunc(out, func(a, b lined) bool { return a.i == b.i })
	slices.SortStableFunc(out, func(a, b lined) int { return b.v.Cmp(a.v) })
	return out
}

// stopsBelow reports whether a bid whose line is v, and every bid after it
// in nearByLine's order, is out of reach of the best total found: shown at
// most the slack above its line, it can neither pass the best nor draw
// level with it.
func (l *lineSet) stopsBelow(v exact.Fraction, lead []*bidKernel) bool {
	return len(lead) > 0 && v.Add(l.slack).Cmp(lead[0].total.Points.Value) < 0
}

// atLeast returns the positions of the bids whose lines are at least floor
// at d, each once, ascending — read from every line, not only those near
// the best.
func (l *lineSet) atLeast(d, floor exact.Fraction) []int {
	if l.all == nil {
		return l.tree.Report(d, floor)
	}
	var out []int
	for _, ln := range l.all {
		if ln.At(d).Cmp(floor) >= 0 {
			out = append(out, ln.ID)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
