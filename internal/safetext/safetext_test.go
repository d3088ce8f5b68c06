package safetext_test

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/internal/safetext"
)

// TestClean: each character an attacker would use to forge output is
// replaced; ordinary text, accents and symbols pass unchanged.
func TestClean(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"plain text is unchanged", "Brightwell IT Ltd — £2,150,000.00 (Société Générale)", "Brightwell IT Ltd — £2,150,000.00 (Société Générale)"},
		{"a carriage return would forge a Markdown line", "Evil Ltd\r\n# Winner", "Evil Ltd\uFFFD\uFFFD# Winner"},
		{"an ANSI escape would rewrite a terminal", "\x1b[2J\x1b[1;31mPWNED", "\uFFFD[2J\uFFFD[1;31mPWNED"},
		{"a C1 control (U+009B, CSI)", "a\u009b2Jb", "a\uFFFD2Jb"},
		{"a right-to-left override would reverse what follows", "invoice\u202Egpj.exe", "invoice\uFFFDgpj.exe"},
		{"bidi isolates and marks", "a\u2066b\u2069c\u200Fd", "a\uFFFDb\uFFFDc\uFFFDd"},
		{"tab and NUL", "a\tb\x00c", "a\uFFFDb\uFFFDc"},
		{"a byte that is not UTF-8 (0x9B is CSI to an 8-bit terminal)", "a\x9b2Jb\xff", "a\uFFFD2Jb\uFFFD"},
		{"a decomposed é is composed (NFC)", "Soci\u0065\u0301t\u0065\u0301", "Soci\u00e9t\u00e9"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, safetext.Clean(tt.in))
		})
	}
	assert.Equal(t, "a\nb\uFFFD", safetext.CleanLines("a\nb\r"), "CleanLines keeps the renderer's own newlines")
}

// TestInvisible: an id may not hide characters that make two ids look the
// same; Visible is the form ids are compared in.
func TestInvisible(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   string
		bad  bool
	}{
		{"an ordinary id", "SUP-KES", false},
		{"a space is visible", "SUP KES", false},
		{"zero-width space", "SUP-KES\u200B", true},
		{"zero-width joiner", "SUP\u200DKES", true},
		{"right-to-left override", "SUP\u202EKES", true},
		{"byte order mark", "\uFEFFSUP-KES", true},
		{"no-break space", "SUP\u00A0KES", true},
		{"soft hyphen", "SUP\u00ADKES", true},
		{"tab", "SUP\tKES", true},
		{"a byte that is not UTF-8", "SUP\x9bKES", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.bad, safetext.Invisible(tt.in))
			assert.False(t, safetext.Invisible(safetext.Visible(tt.in)))
		})
	}
	assert.Equal(t, "SUP-KES", safetext.Visible("SUP-\u200BKES\u2060"))
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"plain", "\r\n", "\x1b[31m", "\u202E", "\u009b", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := safetext.Clean(s)
		for _, r := range out {
			if r < 0x20 || (r >= 0x7f && r < 0xa0) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
				t.Fatalf("Clean(%q) = %q keeps %U", s, out, r)
			}
		}
		if safetext.Clean(out) != out {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
	})
}

// TestInvisibleASCIIAsEveryRune checks the shortcut for printable ASCII
// against the rune-by-rune test, on every single byte and on random
// strings of bytes.
func TestInvisibleASCIIAsEveryRune(t *testing.T) {
	byRune := func(s string) bool {
		if !utf8.ValidString(s) {
			return true
		}
		for _, r := range s { // the characters safetext names invisible
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || (unicode.IsSpace(r) && r != ' ') || unicode.Is(unicode.Zs, r) && r != ' ' {
				return true
			}
		}
		return false
	}
	for c := range 256 {
		s := string([]byte{byte(c)})
		assert.Equal(t, byRune(s), safetext.Invisible(s), "byte %#x", c)
	}
	rapid.Check(t, func(t *rapid.T) {
		s := string(rapid.SliceOf(rapid.Byte()).Draw(t, "bytes"))
		if byRune(s) != safetext.Invisible(s) {
			t.Fatalf("%q: by rune %v, Invisible %v", s, byRune(s), safetext.Invisible(s))
		}
	})
}
