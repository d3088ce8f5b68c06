package tenderfile

import (
	"fmt"
	"sort"
	"strings"
)

// While the rows are first read, each bid's identity — its id, lot,
// supplier id and supplier name — is kept as the cells it came from, four
// numbers a bid, the text staying in the grids: a file of a million rows
// of bids holds, besides its cells, sixteen bytes a bid and the index of
// ids. The bids, and the notes of where their identities came from, are
// built only once every identity is known and sound (csv_form.go).

// bidIdent is where a bid's identity came from: a cell (see cellID) for
// each of identityPaths — the bid itself, its lot, supplier id and
// supplier name — or 0 while no row has given it.
type bidIdent [len(identityPaths)]uint32

// identityCols are the columns each of identityPaths comes from.
var identityCols = [len(identityPaths)]string{"bid", "lot", "supplier", "supplierName"}

// number gives each grid's cells one number each across the grids, from 1:
// a cell's number is its grid's base and its index in the grid, plus one.
func (b *csvBuilder) number(grids []*grid) {
	b.grids = grids
	base := uint32(0)
	for _, g := range grids {
		g.base = base
		base += uint32(len(g.cells.ends))
	}
}

// cellID is the number of a row's cell in the named column; 0 when the row
// has none.
func (r *csvRow) cellID(col string) uint32 {
	i, ok := r.g.col[col]
	if !ok || i >= int(r.r.n) {
		return 0
	}
	return r.g.base + uint32(r.r.first) + uint32(i) + 1
}

// cellAt finds a numbered cell: its grid, row and column.
func (b *csvBuilder) cellAt(id uint32) (*grid, gridRow, int) {
	k := id - 1
	gi := sort.Search(len(b.grids), func(i int) bool { return b.grids[i].base > k }) - 1
	g := b.grids[gi]
	k -= g.base
	ri := sort.Search(len(g.rows), func(i int) bool { return uint32(g.rows[i].first) > k }) - 1
	r := g.rows[ri]
	return g, r, int(k) - int(r.first)
}

// text is a numbered cell's text, trimmed as csvRow.cell trims it.
func (b *csvBuilder) text(id uint32) string {
	if id == 0 {
		return ""
	}
	g, r, c := b.cellAt(id)
	return strings.TrimSpace(g.cell(r, c))
}

// ref is where a numbered cell is.
func (b *csvBuilder) ref(id uint32) cellRef {
	g, r, c := b.cellAt(id)
	return cellRef{file: int32(g.index), row: r.number, col: int32(c)}
}

// bid returns the index of the bid a row is about, naming it if new.
func (b *csvBuilder) bid(r *csvRow) (int, bool) {
	id := r.cell("bid")
	if id == "" {
		b.add(r, "bid", "", "required", "every row names its bid")
		return 0, false
	}
	i, ok := b.ids[id]
	if !ok && b.bids == nil { // only the first reading names new bids
		i = len(b.idents)
		b.idents = append(b.idents, bidIdent{r.cellID("bid")})
		b.ids[id] = i
	}
	return i, ok || b.bids == nil
}

// identity reads a row's identity columns into its bid's identity.
func (b *csvBuilder) identity(r *csvRow) {
	i, ok := b.bid(r)
	if !ok {
		return
	}
	for k := 1; k < len(identityCols); k++ {
		b.setOnce(r, i, k)
	}
}

// setOnce sets a bid's identity field from a row, refusing a different
// value.
func (b *csvBuilder) setOnce(r *csvRow, bid, k int) {
	col := identityCols[k]
	v := r.cell(col)
	if v == "" {
		return
	}
	have := b.idents[bid][k]
	switch cur := b.text(have); {
	case cur == "":
		b.idents[bid][k] = r.cellID(col)
	case cur != v:
		from := b.ref(have)
		where := fmt.Sprintf("%s row %d", b.cells.files[from.file].file, from.row)
		if b.cells.files[from.file].sheet != "" {
			where = b.cells.position(from).String()
		}
		b.add(r, col, v, "same-bid", "bid %s already has %s %q (%s)", r.cell("bid"), col, cur, where)
	}
}
