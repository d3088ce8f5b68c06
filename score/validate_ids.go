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
	case id == "", safetext.Plain(id):
	case safetext.Invisible(id):
		v.add(path, id, "visible-id", "an id may not contain invisible, format or control characters: without them it reads %q", safetext.Visible(id))
	case !norm.NFC.IsNormalString(id):
		v.add(path, id, "nfc", "write the id in Unicode normalisation form C: %q", norm.NFC.String(id))
	}
}

// identityKey is the form two ids are compared in to tell whether they
// name the same thing: without invisible characters, in NFC.
func identityKey(id string) string { return norm.NFC.String(safetext.Visible(id)) }

// spellings remembers the supplier ids met, by the form two ids are
// compared in (identityKey), to find two spellings of one supplier. While
// every id met is plain printable ASCII — its own form, so no two of them
// are spellings of one — nothing is kept: the first other id fills the
// map from the suppliers known by then, so that a field of plain ids, the
// usual kind, costs no map.
type spellings struct {
	seen map[string]string // identity key → the supplier id first met; nil while every id is plain
}

// sameSupplier reports a supplier id that differs from one met earlier only
// by invisible characters or normalisation: it names the same supplier, and
// two spellings of one supplier must not pass for two. known holds every
// supplier id met before this one.
func (v *validation) sameSupplier(path func() string, id string, sp *spellings, known map[string]supplierSeen) {
	if id == "" || (sp.seen == nil && safetext.Plain(id)) {
		return
	}
	if sp.seen == nil {
		sp.seen = make(map[string]string, len(known)+1)
		for k := range known {
			sp.seen[identityKey(k)] = k // each plain, its own key: no order to keep
		}
	}
	k := identityKey(id)
	if first, ok := sp.seen[k]; ok && first != id {
		v.add(path(), id, "same-supplier", "this supplier id differs from %q, used before, only by invisible characters or Unicode normalisation: they are the same supplier; use one spelling", first)
		return
	}
	if _, ok := sp.seen[k]; !ok {
		sp.seen[k] = id
	}
}
