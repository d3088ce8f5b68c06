package report

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// This file holds the two tables of the authority's report that put the
// field side by side for an approval board: the marks matrix (bids by
// questions, each evaluator's mark beside the agreed mark) and the price
// comparison (each price as compared, how far above the lowest compliant
// price, and against the published budget). Both are computed here as
// strings; the Markdown and HTML renderers only lay them out.

// marksMatrix is a lot's marks, a row per bid and a column per marked
// question.
type marksMatrix struct {
	Intro     string
	Questions []string
	Rows      []matrixRow
}

// matrixRow is one bid's row of the marks matrix.
type matrixRow struct {
	Out                 bool // disqualified
	Rank, Bid, Supplier string
	Cells               []string
}

// marksIntro opens the marks matrix.
const marksIntro = "Each cell is the mark the question is scored on — agreed at moderation, or the mean of the evaluators' marks — " +
	"followed by each evaluator's own mark. A disqualified tender's marks are shown as recorded; a disregarded tender was not assessed (—)."

// questionKey tells a social value method statement from a quality question
// of the same criterion id.
type questionKey struct {
	id string
	ms bool
}

// marksOf builds the matrix of a lot, rows in the order of the lot's bids;
// nil when no bid was marked on any question. The columns are the
// questions in the order the bids' marks list them (policy order).
func marksOf(l score.LotResult) *marksMatrix {
	marks := make([][]score.QuestionMarks, len(l.Bids))
	col := map[questionKey]int{}
	m := &marksMatrix{Intro: marksIntro}
	for i, b := range l.Bids {
		marks[i] = b.Marks()
		for _, q := range marks[i] {
			k := questionKey{q.CriterionID, q.MethodStatement}
			if _, ok := col[k]; !ok {
				col[k] = len(m.Questions)
				m.Questions = append(m.Questions, fmt.Sprintf("%s (max %s)", q.Title, exact.Plain(q.Max)))
			}
		}
	}
	if len(m.Questions) == 0 {
		return nil
	}
	for i, b := range l.Bids {
		row := matrixRow{Out: b.Disqualified != nil, Rank: rankCell(b), Bid: b.BidID, Supplier: b.Supplier.Name, Cells: make([]string, len(m.Questions))}
		for j := range row.Cells {
			row.Cells[j] = "—"
		}
		for _, q := range marks[i] {
			row.Cells[col[questionKey{q.CriterionID, q.MethodStatement}]] = markCell(q)
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}

// markCell is "3 (A 3, B 2, C 3)" for an agreed mark, "mean 3.6666666666…
// (A 3, B 4, C 4)" for a mean.
func markCell(q score.QuestionMarks) string {
	s := q.Mark.String()
	if !q.Agreed() {
		s = "mean " + s
	}
	own := make([]string, len(q.Own))
	for i, e := range q.Own {
		own[i] = e.Evaluator + " " + exact.Plain(e.Mark)
	}
	if len(own) > 0 {
		s += " (" + strings.Join(own, ", ") + ")"
	}
	return s
}

// priceTable compares a lot's prices on one price criterion.
type priceTable struct {
	// Heading is the section's heading; Intro says what is compared.
	Heading, Intro string
	// Offered is true when some price was offered as a schedule, so the
	// table shows how each was offered beside the price compared.
	Offered bool
	// Budget is the column heading for the budget; "" when none is
	// published.
	Budget string
	Rows   []priceRow
	Note   string
}

// priceRow is one bid's price.
type priceRow struct {
	Out                                           bool // disqualified
	Rank, Bid, Supplier, Price, Offered, AboveLow string
	// AgainstBudget is "" without a budget; Over is true above it.
	AgainstBudget string
	Over          bool
}

// percentShown is how a percentage above the lowest price is shown.
var percentShown = exact.Rounding{Places: 2, Mode: exact.HalfUp}

// priceNote explains the percentage column.
const priceNote = "Above the lowest compliant price: price − lowest, and (price − lowest) ÷ lowest × 100, shown rounded half-up to 2 decimal places; " +
	"the scores use the exact prices."

// pricesOf builds a lot's price comparison, one table per price criterion
// in policy order: the bids whose price was compared, in the order of the
// lot's bids (compliant in standings order, then the disqualified); nil
// when no price was compared.
func pricesOf(l score.LotResult) []priceTable {
	type quoted struct {
		b score.BidResult
		p score.QuotedPrice
	}
	var ids []string
	byID := map[string][]quoted{}
	for _, b := range l.Bids {
		for _, p := range b.Prices() {
			if _, ok := byID[p.CriterionID]; !ok {
				ids = append(ids, p.CriterionID)
			}
			byID[p.CriterionID] = append(byID[p.CriterionID], quoted{b, p})
		}
	}
	var out []priceTable
	for _, id := range ids {
		qs := byID[id]
		bids := make([]score.BidResult, len(qs))
		prices := make([]score.QuotedPrice, len(qs))
		for i, q := range qs {
			bids[i], prices[i] = q.b, q.p
		}
		out = append(out, priceTableOf(bids, prices, len(ids) > 1))
	}
	return out
}

// priceTableOf compares the prices on one criterion; bids[i] offered
// prices[i].
func priceTableOf(bids []score.BidResult, prices []score.QuotedPrice, named bool) priceTable {
	first := prices[0]
	t := priceTable{Heading: "Price comparison", Note: priceNote,
		Intro: "The price each tender was compared on — the amount offered, or a schedule's total or whole-life cost — and how far it is above the lowest compliant price"}
	if named {
		t.Heading += ": " + first.Title
	}
	t.Intro += "."
	if !first.MaxBudget.IsZero() {
		t.Budget = "Against the budget of " + exact.Money(first.MaxBudget)
		t.Intro += fmt.Sprintf(" Each is held against the published maximum budget of %s (a price equal to it is within).", exact.Money(first.MaxBudget))
	}
	var low *decimal.Decimal
	for i, b := range bids {
		if b.Disqualified == nil && (low == nil || prices[i].Price.LessThan(*low)) {
			low = &prices[i].Price
		}
	}
	if low == nil {
		t.Note = "No tender compared on price is compliant: there is no lowest compliant price to compare against."
	}
	for i, b := range bids {
		p := prices[i]
		row := priceRow{Out: b.Disqualified != nil, Rank: rankCell(b), Bid: b.BidID, Supplier: b.Supplier.Name,
			Price: exact.Money(p.Price), Offered: p.Offered, AboveLow: aboveLowest(p.Price, low), AgainstBudget: againstBudget(p), Over: p.OverBudget}
		t.Offered = t.Offered || row.Offered != row.Price
		t.Rows = append(t.Rows, row)
	}
	return t
}

// aboveLowest is "lowest", or "£88,750.00 (22.68%)": how far a price is
// above the lowest compliant one ("£1,000.00 below (0.50%)" for a
// disqualified tender's lower price).
func aboveLowest(price decimal.Decimal, low *decimal.Decimal) string {
	if low == nil {
		return "—"
	}
	diff, below := price.Sub(*low), ""
	switch diff.Sign() {
	case 0:
		return "lowest"
	case -1: // a disqualified tender's price can be below the lowest compliant one
		diff, below = diff.Neg(), " below"
	}
	pct, err := exact.Ratio(diff.Mul(decimal.NewFromInt(100)), *low)
	if err != nil { // never: a compared price is always positive
		return exact.Money(diff) + below
	}
	return fmt.Sprintf("%s%s (%s%%)", exact.Money(diff), below, percentShown.Apply(pct).StringFixed(percentShown.Places))
}

// againstBudget is "" without a budget, else "within, £20,000.00 below",
// "at the budget" or "over by £10,000.00".
func againstBudget(p score.QuotedPrice) string {
	if p.MaxBudget.IsZero() {
		return ""
	}
	switch d := p.Price.Sub(p.MaxBudget); d.Sign() {
	case 1:
		return "over by " + exact.Money(d)
	case 0:
		return "at the budget (within it)"
	default:
		return "within, " + exact.Money(d.Neg()) + " below"
	}
}
