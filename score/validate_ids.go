package score

import (
	"golang.org/x/text/unicode/norm"

	"github.com/tenderscore/tenderscore/internal/safetext"
)

// ident checks an identifier from the input: no invisible or format
// characters (a zero-width space, a right-to-left override, a no-break
// space) that would make two ids look the same or an id print as another,
// and written in Unicode normalisation form C, so that "é" typed two ways
// is one id. Package tenderfile normalises what it decodes; a Go caller
// gets the id to write.
func (v *validation) ident(path, id string) {
	switch {
	case id == "":
	case safetext.Invisible(id):
		v.add(path, id, "visible-id", "an id may not contain invisible, format or control characters: without them it reads %q", safetext.Visible(id))
	case !norm.NFC.IsNormalString(id):
		v.add(path, id, "nfc", "write the id in Unicode normalisation form C: %q", norm.NFC.String(id))
	}
}

// identityKey is the form two ids are compared in to tell whether they
// name the same thing: without invisible characters, in NFC.
func identityKey(id string) string { return norm.NFC.String(safetext.Visible(id)) }

// sameSupplier reports a supplier id that differs from one met earlier only
// by invisible characters or normalisation: it names the same supplier, and
// two spellings of one supplier must not pass for two.
func (v *validation) sameSupplier(path, id string, seen map[string]string) {
	if id == "" {
		return
	}
	k := identityKey(id)
	if first, ok := seen[k]; ok && first != id {
		v.add(path, id, "same-supplier", "this supplier id differs from %q, used before, only by invisible characters or Unicode normalisation: they are the same supplier; use one spelling", first)
		return
	}
	if _, ok := seen[k]; !ok {
		seen[k] = id
	}
}
