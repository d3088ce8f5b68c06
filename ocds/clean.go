package ocds

import (
	"strings"
	"unicode"
)

// clean makes a text from a file fit to write anywhere: white space of any
// kind (tabs, line breaks) becomes one space, other control and format
// characters (C0, DEL, C1, bidirectional overrides, zero-width marks) are
// dropped, and the ends are trimmed. A notice may come from anywhere, and
// no control character from input may reach an output.
func clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r == '\uFFFD':
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
