package report

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/safetext"
	"github.com/tenderscore/tenderscore/score"
)

// esc escapes text for the SVG chart, its control and bidirectional
// characters neutralised first (package safetext). Every text the chart
// writes passes through it, which is what lets a page insert the chart as
// markup.
func esc(s string) string { return html.EscapeString(safetext.Clean(s)) }

// palette colours the top-level criteria, in order; chosen to stay apart
// for common colour-vision deficiencies.
var palette = []string{"#1d4f91", "#e0a526", "#2a9d8f", "#b5487e", "#6a51a3", "#8c564b", "#5c7f24", "#d1603d"}

// Chart geometry, in SVG user units. The chart is drawn on a canvas
// chartWidth wide and scales to the width of the page (viewBox, width
// 100%), so every position below is fixed and the output is the same
// whatever the screen.
const (
	chartWidth  = 960
	chartMargin = 20 // left and right of the legend and the thresholds
	labelWidth  = 300
	barWidth    = 540
	rowHeight   = 30
	barHeight   = 18
	chartTop    = 34
	legendRowHt = 20
	noteRowHt   = 18
	// legendSwatch is a legend item's colour square and the gap after it;
	// legendGap the space between items on one line.
	legendSwatch = 20
	legendGap    = 24
	// charWidth is the width allowed per character of 12-unit text: a
	// generous average for the sans-serif fonts the page asks for (their
	// characters average about 0.55 em), so that text laid out by this
	// estimate stays inside the chart. The Chromium test measures it.
	charWidth = 7
)

// ChartSVG writes an inline SVG stacked-bar chart of one lot: a bar per bid
// (compliant bids in standings order, then the disqualified), each segment
// one top-level criterion's points, with the total at the end of the bar;
// disqualified bids are marked and their partial scores faded; a legend of
// the criteria flows onto as many lines as it needs, and the lot's
// thresholds are written under it. The chart scales to the width of what
// holds it (a viewBox and width 100%). It needs no script or external
// asset, and every segment carries a <title> with its figures.
func ChartSVG(w io.Writer, l score.LotResult) error {
	p := newPrinter(w)
	p.line("%s", chartSVG(l))
	return p.done()
}

// coord scales points to user units, exactly, rounded to 0.01.
func coord(points, max exact.Fraction) string {
	f, err := points.MulDec(decimal.NewFromInt(barWidth)).Quo(max)
	if err != nil {
		return "0"
	}
	return exact.Plain(exact.Rounding{Places: 2, Mode: exact.HalfUp}.Apply(f))
}

func chartSVG(l score.LotResult) string {
	titles := topTitles(l)
	max := exact.Zero
	if len(l.Bids) > 0 {
		for _, c := range l.Bids[0].Criteria() {
			max = max.Add(c.Available)
		}
	}
	if max.Sign() <= 0 {
		max = exact.Whole(decimal.NewFromInt(100))
	}
	legend, legendRows := legendLayout(titles)
	var notes []string
	for _, t := range thresholds(l) {
		notes = append(notes, wrapText("Threshold — "+t, chartWidth-2*chartMargin)...)
	}
	bottom := chartTop + rowHeight*len(l.Bids)
	height := bottom + 16 + legendRowHt*legendRows + noteRowHt*len(notes) + 12
	var b strings.Builder
	label := fmt.Sprintf("Points by criterion for each bid in lot %s, %s", l.Lot.ID, l.Lot.Title)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="100%%" viewBox="0 0 %d %d" preserveAspectRatio="xMinYMin meet" role="img" aria-label="%s">`,
		chartWidth, height, esc(label))
	fmt.Fprintf(&b, "<title>%s</title>", esc(label))
	fmt.Fprintf(&b, `<rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>`, chartWidth, height)
	chartGrid(&b, max, bottom)
	for r, bid := range l.Bids {
		chartBar(&b, l, bid, chartTop+r*rowHeight, titles, max)
	}
	y := bottom + 16
	for _, it := range legend {
		yy := y + it.row*legendRowHt
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="14" height="14" fill="%s"/>`, it.x, yy, palette[it.colour%len(palette)])
		fmt.Fprintf(&b, `<text class="legend" x="%d" y="%d" font-size="12" fill="#1b1b1b">%s`, it.x+legendSwatch, yy+12, esc(it.text))
		if it.text != it.full {
			fmt.Fprintf(&b, "<title>%s</title>", esc(it.full))
		}
		b.WriteString("</text>")
	}
	y += legendRows * legendRowHt
	for _, n := range notes {
		y += noteRowHt
		fmt.Fprintf(&b, `<text class="threshold" x="%d" y="%d" font-size="12" fill="#8a4b00">%s</text>`, chartMargin, y-4, esc(n))
	}
	b.WriteString("</svg>")
	return b.String()
}

// chartGrid draws a line at every tenth of the marks available, with its
// value above it.
func chartGrid(b *strings.Builder, max exact.Fraction, bottom int) {
	for i := 0; i <= 10; i++ {
		v := max.Mul(exact.Whole(decimal.New(int64(i), -1)))
		x := coord(v, max)
		fmt.Fprintf(b, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="#d9d9d9" stroke-width="1" transform="translate(%s 0)"/>`,
			labelWidth, labelWidth, chartTop-6, bottom, x)
		fmt.Fprintf(b, `<text x="%d" y="%d" font-size="11" fill="#555555" text-anchor="middle" transform="translate(%s 0)">%s</text>`,
			labelWidth, chartTop-12, x, esc(exact.Rounding{Places: 0, Mode: exact.HalfUp}.Apply(v).String()))
	}
}

// chartBar draws one bid's label, its segments and its total (or the
// stage it was disqualified at).
func chartBar(b *strings.Builder, l score.LotResult, bid score.BidResult, y int, titles []string, max exact.Fraction) {
	name := fmt.Sprintf("%s %s", bid.BidID, bid.Supplier.Name)
	if bid.Disqualified == nil {
		name = rankCell(bid) + ". " + name
	}
	if len([]rune(name)) > 44 {
		name = string([]rune(name)[:43]) + "…"
	}
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="13" fill="#1b1b1b" text-anchor="end">%s</text>`, labelWidth-8, y+barHeight-4, esc(name))
	opacity := "1"
	if bid.Disqualified != nil {
		opacity = "0.35"
	}
	at := exact.Zero
	for i, c := range bid.Criteria() {
		if !c.Scored || c.Points.Value.Sign() <= 0 {
			continue
		}
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="%s" height="%d" fill="%s" fill-opacity="%s" transform="translate(%s 0)"><title>%s</title></rect>`,
			labelWidth, y, coord(c.Points.Value, max), barHeight, palette[i%len(palette)], opacity, coord(at, max),
			esc(fmt.Sprintf("%s — %s: %s of %s", bid.BidID, titles[min(i, len(titles)-1)], c.Points, c.Available)))
		at = at.Add(c.Points.Value)
	}
	end := fmt.Sprintf(`x="%d" y="%d" font-size="13" transform="translate(%s 0)"`, labelWidth+6, y+barHeight-4, coord(at, max))
	if bid.Disqualified != nil {
		fmt.Fprintf(b, `<text %s fill="#a4161a" font-weight="700">DISQUALIFIED (%s)<title>%s</title></text>`, end,
			esc(stageName(bid.Disqualified.Stage)), esc(reasonsText(bid)))
	} else {
		fmt.Fprintf(b, `<text %s fill="#1b1b1b" font-weight="700">%s</text>`, end, esc(totalCell(l, bid)))
	}
}

// legendItem is one criterion in the legend: where its swatch goes (x,
// and the legend line), the text shown, and the full title when the text
// had to be shortened to fit one line.
type legendItem struct {
	x, row, colour int
	text, full     string
}

// legendLayout flows the criteria's titles into legend lines the width of
// the chart, in order, starting a new line when the next item would not
// fit; a title too long for a line on its own is shortened with "…" (the
// full title is the item's <title>). It returns the items and the number
// of lines.
func legendLayout(titles []string) ([]legendItem, int) {
	const right = chartWidth - chartMargin
	items := make([]legendItem, 0, len(titles))
	x, row := chartMargin, 0
	for i, t := range titles {
		text := fitText(t, right-chartMargin-legendSwatch)
		w := legendSwatch + textWidth(text)
		if x > chartMargin && x+w > right {
			x, row = chartMargin, row+1
		}
		items = append(items, legendItem{x: x, row: row, colour: i, text: text, full: t})
		x += w + legendGap
	}
	if len(items) == 0 {
		return nil, 0
	}
	return items, row + 1
}

// textWidth estimates the width of 12-unit text (see charWidth).
func textWidth(s string) int { return charWidth * len([]rune(s)) }

// fitText shortens s with "…" to fit width, if it must.
func fitText(s string, width int) string {
	r := []rune(s)
	if textWidth(s) <= width {
		return s
	}
	n := max(width/charWidth-1, 1)
	return string(r[:min(n, len(r))]) + "…"
}

// wrapText breaks s at spaces into lines that fit width; a word longer
// than a line is shortened with "…".
func wrapText(s string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = fitText(word, width)
		case textWidth(line+" "+word) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = fitText(word, width)
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
