package ocds

import (
	"strings"
	"unicode"

	"github.com/tenderscore/tenderscore/internal/safetext"
)

// clean makes a text read from a notice fit for a tender file: white space
// of any kind — the line breaks and tabs of a notice's descriptions —
// becomes one space, the ends are trimmed, and any other control or
// bidirectional character is neutralised as everywhere in tenderscore
// (package safetext: replaced by U+FFFD, visibly). A notice may come from
// anywhere, and no control character from input may reach an output.
//
// Export writes the model's strings exactly: JSON escapes what needs it.
func clean(s string) string {
	return safetext.Clean(strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " "))
}
