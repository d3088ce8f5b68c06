package tenderfile

import (
	"strconv"
	"strings"
	"sync"
)

// cellRef is the place of a CSV cell: a file (by index), a row as a
// spreadsheet numbers it and a column index (-1 for the row as a whole).
type cellRef struct {
	file, row, col int32
}

// noteKey names one value of the bids read from CSV without building its
// field path: the bid (by index), the path after "bids[i]" with every
// bracketed part written "[]" (a constant), and what stands in the first
// two brackets — a criterion or gate id and an item or an index, which are
// the cells' own text. Field paths are built only when a problem is
// located.
type noteKey struct {
	bid  int32
	pat  string
	a, b string
}

// csvCells records where each value of the bids read from CSV came from:
// a bid's own fields in a small array per bid, the rest as a list of notes
// in the order read, indexed only when a position is first asked for.
type csvCells struct {
	files []gridFile
	ident [][len(identityPaths)]cellRef // by bid: where its identity fields came from
	list  []note
	once  sync.Once
	index map[noteKey]cellRef // built from list on the first lookup
}

// gridFile is what the place of a cell needs of its file: its name, its
// sheet, and whether it is a CSV file.
type gridFile struct {
	file, sheet string
	csv         bool
}

// note is one value's place.
type note struct {
	key noteKey
	ref cellRef
}

// window is how many of the latest notes set looks back over to skip a
// note made already (a row repeats its criterion's notes); a note made
// earlier than that is kept twice, and the first one read wins.
const window = 6

// identityPaths are the paths of the fields every bid has, noted per bid
// rather than in the map: "" is the bid itself.
var identityPaths = [...]string{"", "lot", "supplier.id", "supplier.name"}

func identityIndex(pat string) int {
	for i, p := range identityPaths {
		if p == pat {
			return i
		}
	}
	return -1
}

// lookup returns where a value came from.
func (c *csvCells) lookup(k noteKey) (cellRef, bool) {
	if i := identityIndex(k.pat); i >= 0 && k.a == "" && k.b == "" {
		if int(k.bid) >= len(c.ident) || k.bid < 0 {
			return cellRef{}, false
		}
		r := c.ident[k.bid][i]
		return r, r.row > 0
	}
	c.once.Do(func() {
		c.index = make(map[noteKey]cellRef, len(c.list))
		for _, n := range c.list {
			if _, ok := c.index[n.key]; !ok {
				c.index[n.key] = n.ref
			}
		}
	})
	r, ok := c.index[k]
	return r, ok
}

// set records where a value came from, unless it is known already.
func (c *csvCells) set(k noteKey, r cellRef) {
	if i := identityIndex(k.pat); i >= 0 && k.a == "" && k.b == "" {
		for int(k.bid) >= len(c.ident) {
			c.ident = append(c.ident, [len(identityPaths)]cellRef{})
		}
		if c.ident[k.bid][i].row == 0 {
			c.ident[k.bid][i] = r
		}
		return
	}
	for i := len(c.list) - 1; i >= 0 && i >= len(c.list)-window; i-- {
		if c.list[i].key == k {
			return
		}
	}
	c.list = append(c.list, note{key: k, ref: r})
}

// position turns a cell's place into a Position.
func (c *csvCells) position(r cellRef) Position {
	f := c.files[r.file]
	return Position{File: f.file, Sheet: f.sheet, Line: int(r.row), Column: int(r.col) + 1, Cell: f.csv}
}

// locate finds the cell a field path ("bids[3].responses[q1].marks…")
// came from: the longest leading part of the path that names a value read.
func (c *csvCells) locate(segs []segment) Position {
	if len(segs) >= 2 && segs[0].name == "bids" && segs[1].index {
		if bid, err := strconv.Atoi(segs[1].name); err == nil {
			for n := len(segs); n >= 2; n-- {
				if k, ok := keyOf(int32(bid), segs[2:n]); ok {
					if r, found := c.lookup(k); found {
						return c.position(r)
					}
				}
			}
		}
	}
	if len(c.files) > 0 {
		return Position{File: c.files[0].file}
	}
	return Position{}
}

// keyOf turns the part of a path after "bids[i]" into a noteKey; ok is
// false when it has more than two bracketed parts (no value read from CSV
// is that deep).
func keyOf(bid int32, segs []segment) (noteKey, bool) {
	k := noteKey{bid: bid}
	var pat strings.Builder
	brackets := 0
	for _, s := range segs {
		if s.index {
			switch brackets {
			case 0:
				k.a = s.name
			case 1:
				k.b = s.name
			default:
				return noteKey{}, false
			}
			brackets++
			pat.WriteString("[]")
			continue
		}
		if pat.Len() > 0 {
			pat.WriteByte('.')
		}
		pat.WriteString(s.name)
	}
	k.pat = pat.String()
	return k, true
}

// Spreadsheet safety. A cell that begins with =, +, -, @, a tab or a
// carriage return is read by a spreadsheet as a formula, and a formula
// from a bidder's text (a supplier name, a rationale) can run when the
// authority opens the file (OWASP, "CSV Injection",
// https://owasp.org/www-community/attacks/CSV_Injection). [EncodeBidsCSV]
// writes such a cell with a leading apostrophe, which spreadsheets take as
// "text follows" and do not show; [ReadBidsCSV] removes it again, so that
// every value reads back as it was. A number is never changed: "-5" stays
// "-5".

// formulaStart reports whether a spreadsheet would read s as a formula.
func formulaStart(s string) bool {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return false
	}
	return !plainNumber(s)
}

// plainNumber reports whether s is a number as this package writes one:
// digits with an optional minus sign and decimal point.
func plainNumber(s string) bool {
	return len(s) <= maxDecimalChars && decimalText.MatchString(s)
}

// needsEscape reports whether a cell is written with a leading apostrophe:
// it would be read as a formula, or it is itself an apostrophe followed
// by what needs one (so that reading removes exactly the one added).
func needsEscape(s string) bool {
	for ; strings.HasPrefix(s, "'"); s = s[1:] {
	}
	return formulaStart(s)
}

// escapeCell writes a cell so that no spreadsheet reads it as a formula.
func escapeCell(s string) string {
	if needsEscape(s) {
		return "'" + s
	}
	return s
}

// unescapeCell removes the apostrophe escapeCell adds.
func unescapeCell(s string) string {
	if r, ok := strings.CutPrefix(s, "'"); ok && needsEscape(r) {
		return r
	}
	return s
}
