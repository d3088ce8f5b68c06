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

// Chart geometry, in SVG user units.
const (
	chartWidth  = 960
	labelWidth  = 300
	barWidth    = 540
	rowHeight   = 30
	barHeight   = 18
	chartTop    = 34
	legendRowHt = 20
)

// ChartSVG writes an inline SVG stacked-bar chart of one lot: a bar per bid
// (compliant bids in standings order, then the disqualified), each segment
// one top-level criterion's points, with the total at the end of the bar;
// disqualified bids are marked and their partial scores faded; the lot's
// thresholds are written under the legend. It needs no script or external
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
	ts := thresholds(l)
	legendRows := (len(titles) + 2) / 3
	height := chartTop + rowHeight*len(l.Bids) + 16 + legendRowHt*legendRows + 18*len(ts) + 12
	var b strings.Builder
	label := fmt.Sprintf("Points by criterion for each bid in lot %s, %s", l.Lot.ID, l.Lot.Title)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="%s">`,
		chartWidth, height, chartWidth, height, esc(label))
	fmt.Fprintf(&b, "<title>%s</title>", esc(label))
	fmt.Fprintf(&b, `<rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>`, chartWidth, height)
	// Grid: every tenth of the marks available.
	bottom := chartTop + rowHeight*len(l.Bids)
	for i := 0; i <= 10; i++ {
		v := max.Mul(exact.Whole(decimal.New(int64(i), -1)))
		x := coord(v, max)
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="#d9d9d9" stroke-width="1" transform="translate(%s 0)"/>`,
			labelWidth, labelWidth, chartTop-6, bottom, x)
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" fill="#555555" text-anchor="middle" transform="translate(%s 0)">%s</text>`,
			labelWidth, chartTop-12, x, esc(exact.Rounding{Places: 0, Mode: exact.HalfUp}.Apply(v).String()))
	}
	for r, bid := range l.Bids {
		y := chartTop + r*rowHeight
		name := fmt.Sprintf("%s %s", bid.BidID, bid.Supplier.Name)
		if bid.Disqualified == nil {
			name = rankCell(bid) + ". " + name
		}
		if len([]rune(name)) > 44 {
			name = string([]rune(name)[:43]) + "…"
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="13" fill="#1b1b1b" text-anchor="end">%s</text>`, labelWidth-8, y+barHeight-4, esc(name))
		opacity := "1"
		if bid.Disqualified != nil {
			opacity = "0.35"
		}
		at := exact.Zero
		for i, c := range bid.Criteria() {
			if !c.Scored || c.Points.Value.Sign() <= 0 {
				continue
			}
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%s" height="%d" fill="%s" fill-opacity="%s" transform="translate(%s 0)"><title>%s</title></rect>`,
				labelWidth, y, coord(c.Points.Value, max), barHeight, palette[i%len(palette)], opacity, coord(at, max),
				esc(fmt.Sprintf("%s — %s: %s of %s", bid.BidID, titles[min(i, len(titles)-1)], c.Points, c.Available)))
			at = at.Add(c.Points.Value)
		}
		end := fmt.Sprintf(`x="%d" y="%d" font-size="13" transform="translate(%s 0)"`, labelWidth+6, y+barHeight-4, coord(at, max))
		if bid.Disqualified != nil {
			fmt.Fprintf(&b, `<text %s fill="#a4161a" font-weight="700">DISQUALIFIED (%s)<title>%s</title></text>`, end,
				esc(stageName(bid.Disqualified.Stage)), esc(reasonsText(bid)))
		} else {
			fmt.Fprintf(&b, `<text %s fill="#1b1b1b" font-weight="700">%s</text>`, end, esc(totalCell(l, bid)))
		}
	}
	y := bottom + 16
	for i, t := range titles {
		col, row := i%3, i/3
		x := 20 + col*310
		yy := y + row*legendRowHt
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="14" height="14" fill="%s"/>`, x, yy, palette[i%len(palette)])
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12" fill="#1b1b1b">%s</text>`, x+20, yy+12, esc(t))
	}
	y += legendRows * legendRowHt
	for _, t := range ts {
		y += 18
		fmt.Fprintf(&b, `<text x="20" y="%d" font-size="12" fill="#8a4b00">%s</text>`, y-4, esc("Threshold — "+t))
	}
	b.WriteString("</svg>")
	return b.String()
}
