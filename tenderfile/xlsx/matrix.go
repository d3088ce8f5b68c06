package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tenderscore/tenderscore/score"
)

// Sheet names of the evaluation matrix besides one per lot.
const (
	StandingsSheet = "standings"
	AwardSheet     = "award"
)

// WriteMatrix writes the evaluation matrix of a result as a workbook, for
// the authority: a sheet per lot ("lot 1", …) with a row per bid — rank,
// bid, supplier, the points of every criterion and sub-criterion, the total,
// and why a bid was disqualified — beneath a row of the points each
// criterion makes available; a standings sheet of every lot; and, when the
// tender has lot rules and award is given (see score.Award), the award of
// each lot with the bids passed over and why. Points are number cells,
// each holding the decimal as shown (exact, or rounded as the policy
// declares) with a number format showing its places; a figure whose
// decimals never end is written as its text ("16.6666666666…").
//
// The matrix holds every bidder's scores: it is the authority's working
// document, not for a bidder (give a bidder its assessment summary).
func WriteMatrix(w io.Writer, res score.Result, award *score.AwardResult) error {
	b := newBook()
	names := map[string]bool{}
	for _, l := range res.Lots {
		name := lotSheetName(l.Lot.ID, names)
		b.sheet(name)
		writeLot(b, name, l)
	}
	b.sheet(StandingsSheet)
	writeStandings(b, res)
	if award != nil {
		b.sheet(AwardSheet)
		writeAward(b, *award)
	}
	return b.write(w)
}

// lotSheetName makes a sheet name for a lot: "lot 1", with what a sheet
// name cannot hold ([]:*?/\) replaced, at most 31 characters, unique.
func lotSheetName(id string, used map[string]bool) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, r) || r < ' ' {
			return '_'
		}
		return r
	}, id)
	name := limitRunes("lot "+clean, 31)
	for i := 2; used[strings.ToLower(name)]; i++ {
		suffix := " (" + strconv.Itoa(i) + ")"
		name = limitRunes("lot "+clean, 31-len(suffix)) + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}

func limitRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

// column is one criterion of a lot's matrix, in the tree's order.
type column struct {
	id, title string
	depth     int
}

// columns lists the criteria of a lot's explanation trees, depth first.
func columns(l score.LotResult) []column {
	var out []column
	seen := map[string]bool{}
	var add func(lines []score.Line, depth int)
	add = func(lines []score.Line, depth int) {
		for _, ln := range lines {
			if !seen[ln.CriterionID] {
				seen[ln.CriterionID] = true
				out = append(out, column{ln.CriterionID, ln.Title, depth})
			}
			add(ln.Children, depth+1)
		}
	}
	for _, bd := range l.Bids {
		add(bd.Criteria(), 0)
	}
	return out
}

// figure writes a figure as a number cell showing its places.
func (b *book) figure(sheet string, row, col int, f score.Figure) {
	if _, ok := f.Value.Decimal(); ok {
		// Text is the decimal as shown: to the places the policy rounds
		// to, or exact.
		b.number(sheet, row, col, f.Text(), b.pointsStyle(f.Places))
		return
	}
	b.text(sheet, row, col, f.String(), "")
}

func writeLot(b *book, s string, l score.LotResult) {
	b.text(s, 1, 1, fmt.Sprintf("Lot %s — %s", l.Lot.ID, l.Lot.Title), styleHeading)
	b.text(s, 2, 1, outcome(l), "")
	cols := columns(l)
	head := []string{"rank", "bid", "supplier"}
	for _, c := range cols {
		head = append(head, strings.Repeat("· ", c.depth)+c.title)
	}
	head = append(head, "total", "status", "reasons")
	const hr = 4
	for i, h := range head {
		b.text(s, hr, i+1, h, styleHeader)
	}
	b.text(s, hr+1, 3, "points available", styleHeading)
	avail := map[string]bool{}
	for _, bd := range l.Bids {
		forLines(bd.Criteria(), func(ln score.Line) {
			for i, c := range cols {
				if c.id == ln.CriterionID && !avail[c.id] {
					avail[c.id] = true
					b.figure(s, hr+1, 4+i, score.Figure{Value: ln.Available, Places: -1})
				}
			}
		})
	}
	for r, bd := range l.Bids {
		row := hr + 2 + r
		if bd.Rank > 0 {
			b.number(s, row, 1, strconv.Itoa(bd.Rank), 0)
		}
		b.text(s, row, 2, bd.BidID, "")
		b.text(s, row, 3, bd.Supplier.Name, "")
		forLines(bd.Criteria(), func(ln score.Line) {
			if !ln.Scored {
				return
			}
			for i, c := range cols {
				if c.id == ln.CriterionID {
					b.figure(s, row, 4+i, ln.Points)
				}
			}
		})
		if bd.Total.Scored {
			b.figure(s, row, 4+len(cols), bd.Total.Points)
		}
		status, reasons := bidStatus(bd)
		b.text(s, row, 5+len(cols), status, "")
		b.text(s, row, 6+len(cols), reasons, styleWrapped)
	}
	if b.err == nil {
		b.err = b.f.SetColWidth(s, "C", "C", 32)
	}
	if b.err == nil {
		last := columnName(6 + len(cols))
		b.err = b.f.SetColWidth(s, last, last, 60)
	}
}

func forLines(lines []score.Line, fn func(score.Line)) {
	for _, ln := range lines {
		fn(ln)
		forLines(ln.Children, fn)
	}
}

func outcome(l score.LotResult) string {
	switch l.Outcome {
	case score.Winner:
		return "Winner: " + l.Winner
	case score.NoCompliantBid:
		return "No compliant bid"
	case score.UnresolvedTie:
		return "Unresolved tie: the declared tie-breaks cannot separate the bids ranked first"
	}
	return string(l.Outcome)
}

// bidStatus says where a bid stands, and why it was disqualified.
func bidStatus(bd score.BidResult) (string, string) {
	if d := bd.Disqualified; d != nil {
		var rs []string
		for _, r := range d.Reasons {
			rs = append(rs, r.Text)
		}
		return "disqualified at " + string(d.Stage), strings.Join(rs, "; ")
	}
	if bd.Tied {
		return "tied", ""
	}
	return "compliant", ""
}

func writeStandings(b *book, res score.Result) {
	const s = StandingsSheet
	for i, h := range []string{"lot", "title", "rank", "bid", "supplier", "score", "tied", "outcome"} {
		b.text(s, 1, i+1, h, styleHeader)
	}
	row := 2
	for _, l := range res.Lots {
		for _, st := range l.Standings {
			b.text(s, row, 1, l.Lot.ID, "")
			b.text(s, row, 2, l.Lot.Title, "")
			b.number(s, row, 3, strconv.Itoa(st.Rank), 0)
			b.text(s, row, 4, st.BidID, "")
			b.text(s, row, 5, st.Supplier.Name, "")
			b.figure(s, row, 6, st.Score)
			b.boolean(s, row, 7, st.Tied)
			b.text(s, row, 8, outcome(l), "")
			row++
		}
		if len(l.Standings) == 0 {
			b.text(s, row, 1, l.Lot.ID, "")
			b.text(s, row, 2, l.Lot.Title, "")
			b.text(s, row, 8, outcome(l), "")
			row++
		}
	}
	if b.err == nil {
		b.err = b.f.SetColWidth(s, "B", "B", 28)
	}
	if b.err == nil {
		b.err = b.f.SetColWidth(s, "E", "E", 32)
	}
}

func writeAward(b *book, a score.AwardResult) {
	const s = AwardSheet
	for i, h := range []string{"place", "lot", "title", "status", "bid", "supplier", "rank", "score", "how it was awarded", "passed over"} {
		b.text(s, 1, i+1, h, styleHeader)
	}
	row := 2
	for _, la := range a.Lots {
		b.number(s, row, 1, strconv.Itoa(la.Place), 0)
		b.text(s, row, 2, la.LotID, "")
		b.text(s, row, 3, la.Title, "")
		status := string(la.Status)
		if la.Provisional {
			status += " (provisional)"
		}
		b.text(s, row, 4, status, "")
		if la.Status == score.Awarded {
			b.text(s, row, 5, la.BidID, "")
			b.text(s, row, 6, la.Supplier.Name, "")
			b.number(s, row, 7, strconv.Itoa(la.Rank), 0)
			b.figure(s, row, 8, la.Score)
		}
		b.text(s, row, 9, la.Explanation, styleWrapped)
		var po []string
		for _, p := range la.PassedOver {
			po = append(po, p.Reason)
		}
		b.text(s, row, 10, strings.Join(po, "; "), styleWrapped)
		row++
	}
	row++
	b.text(s, row, 1, "Awarded", styleHeading)
	b.text(s, row, 3, a.Tally.String(), "")
	if a.Decision != "" {
		row++
		b.text(s, row, 1, "Decision", styleHeading)
		b.text(s, row, 3, a.Decision, "")
	}
	for _, n := range a.Notes {
		row++
		b.text(s, row, 3, n, "")
	}
	if b.err == nil {
		b.err = b.f.SetColWidth(s, "I", "J", 60)
	}
}
