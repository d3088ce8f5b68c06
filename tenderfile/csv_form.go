package tenderfile

import (
	"errors"
	"reflect"
	"strconv"

	"github.com/tenderscore/tenderscore/score"
)

// expect makes room for the bids a set of rows names: one a row of the
// bids tables, which is what they usually hold; other rows may name more,
// and the lists grow for them.
func (b *csvBuilder) expect(grids []*grid) {
	n := 0
	for _, g := range grids {
		if g.kind.kind == "bids" {
			n += len(g.rows)
		}
	}
	b.idents = make([]bidIdent, 0, n)
	b.ids = make(map[string]int, n)
}

// cheapBids is what bids with bad identities may cost to build, so that
// their content's problems are found too, whatever the size of the file.
const cheapBids = 16 << 20

// bidSize is what one bid costs before its responses.
var bidSize = int(reflect.TypeFor[score.Bid]().Size())

// formBids checks each bid's identity on its own once every row has been
// read, as [score.Bid.Validate] does — an id, a lot, a supplier's id and
// name, visible ids — placing each problem at the cell its value came from,
// or at the bid's own cell for a value no row gives. It then builds the
// bids, for their content to be read, when every identity is sound — or
// when they cost no more than four times the size of the rows read (size,
// in bytes) or 16 MiB, so that the content's problems are reported too; a
// million rows of bad bids are refused on their identities alone, before a
// bid is built.
func (b *csvBuilder) formBids(size int) bool {
	sound := true
	for i := range b.idents {
		bd := b.identBid(i)
		var verr *score.ValidationError
		if !errors.As(bd.Validate(), &verr) {
			continue
		}
		sound = false
		for _, p := range verr.Problems {
			at := b.idents[i][0]
			if k := identityIndex(p.Field); k > 0 && b.idents[i][k] != 0 {
				at = b.idents[i][k]
			}
			b.ps.push(Problem{Pos: b.cells.position(b.ref(at)), Field: "bids[" + strconv.Itoa(i) + "]." + p.Field, Value: abbreviate(p.Value), Rule: p.Rule, Message: p.Message})
		}
	}
	if !sound && len(b.idents)*bidSize > max(4*size, cheapBids) {
		return false
	}
	b.bids = make([]score.Bid, len(b.idents))
	b.cells.ident = make([][len(identityPaths)]cellRef, len(b.idents))
	for i, id := range b.idents {
		b.bids[i] = b.identBid(i)
		for k, c := range id {
			if c != 0 {
				b.cells.ident[i][k] = b.ref(c)
			}
		}
	}
	b.idents = nil
	return true
}

// identBid is a bid with the identity its rows give.
func (b *csvBuilder) identBid(i int) score.Bid {
	id := b.idents[i]
	return score.Bid{ID: b.text(id[0]), Lot: b.text(id[1]), Supplier: score.Supplier{ID: b.text(id[2]), Name: b.text(id[3])}}
}
