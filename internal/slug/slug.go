// Package slug turns a title into a short identifier: the letters and
// digits of its words, in lower case, joined by hyphens ("0–4 scale" gives
// "0-4-scale"). Package tenderfile uses it to name anchors, package ocds to
// make criterion ids from titles.
package slug

import "strings"

// Words keeps the ASCII letters and digits of s, in lower case, with one
// hyphen wherever anything else came between them, and stops once the
// result holds max bytes or more.
func Words(s string, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
		if b.Len() >= max {
			break
		}
	}
	return b.String()
}
