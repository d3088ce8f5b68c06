package criteria

import "strings"

// An internal caveat is a note, inside an explanation, that a fact the
// explanation rests on is not verified against its source: "[unverified:
// implement-by day presumed]". It belongs to the authority's own report,
// where an evaluator can check the fact; it never reaches a document a
// bidder receives, which states the rule applied and nothing of the
// library's confidence in it. [Unverified] writes one; [WithoutCaveats]
// removes every one from a text.

const caveatOpen = " [unverified: "

// Unverified returns the internal caveat for a note, to append to an
// explanation: " [unverified: note]".
func Unverified(note string) string {
	return caveatOpen + strings.ReplaceAll(note, "]", ")") + "]"
}

// WithoutCaveats returns s with every internal caveat written by
// [Unverified] removed.
func WithoutCaveats(s string) string {
	for {
		i := strings.Index(s, caveatOpen)
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i+len(caveatOpen):], ']')
		if j < 0 {
			return s[:i]
		}
		s = s[:i] + s[i+len(caveatOpen)+j+1:]
	}
}

// HasCaveat reports whether s holds an internal caveat.
func HasCaveat(s string) bool { return strings.Contains(s, caveatOpen) }
