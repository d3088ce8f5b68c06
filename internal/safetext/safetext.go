package safetext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Replacement is what a neutralised character becomes.
const Replacement = '\uFFFD'

// Clean returns s in Unicode normalisation form C with every control
// character (C0 and C1, tab and newlines included) and every bidirectional
// control (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) replaced
// by [Replacement]. Text that needs neither is returned unchanged, without
// allocating.
func Clean(s string) string {
	if !utf8.ValidString(s) {
		// A stray byte such as 0x9B is CSI to an 8-bit terminal: no byte
		// that is not part of a valid character passes.
		s = strings.ToValidUTF8(s, string(Replacement))
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	if !needsCleaning(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unsafe(r) {
			b.WriteRune(Replacement)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// CleanLines is [Clean] that keeps newlines, for text whose line breaks
// are the renderer's own (a whole rendered line is cleaned, not a field).
func CleanLines(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, string(Replacement))
	}
	if !needsCleaning(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r != '\n' && unsafe(r) {
			b.WriteRune(Replacement)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func needsCleaning(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c >= 0x80 {
			// A byte at or above 0x80 may start a C1 control or a
			// bidirectional control: look at the runes.
			for _, r := range s[i:] {
				if unsafe(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// unsafe reports a control or bidirectional control character.
func unsafe(r rune) bool {
	return unicode.IsControl(r) || bidi(r)
}

// bidi reports a bidirectional formatting character: the embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069), the marks (U+200E,
// U+200F) and the Arabic letter mark (U+061C).
func bidi(r rune) bool {
	switch {
	case r == 0x061C, r == 0x200E, r == 0x200F:
		return true
	case r >= 0x202A && r <= 0x202E:
		return true
	case r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Invisible reports whether s holds a character no identifier may contain:
// a control character, a format character (Unicode category Cf: zero-width
// space, zero-width joiner, soft hyphen, the bidirectional controls, the
// byte order mark…), or a space other than U+0020.
func Invisible(s string) bool {
	if printableASCII(s) { // most ids: no character to look up
		return false
	}
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if invisible(r) {
			return true
		}
	}
	return false
}

// Plain reports whether every byte of s is a printable ASCII character, a
// space included: such text has no invisible character, is its own
// Unicode normalisation form C and is its own [Visible] form.
func Plain(s string) bool { return printableASCII(s) }

// printableASCII reports whether every byte of s is a printable ASCII
// character, a space included: none of them is invisible.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

func invisible(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || (unicode.IsSpace(r) && r != ' ') ||
		unicode.Is(unicode.Zs, r) && r != ' '
}

// Visible returns s without the characters [Invisible] reports: the form
// two identifiers are compared in, so that ids differing only by invisible
// characters are found to be the same.
func Visible(s string) string {
	if !Invisible(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "")
	return strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s)
}
