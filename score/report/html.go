package report

import (
	"html"
	"io"
	"strings"

	"github.com/tenderscore/tenderscore/internal/safetext"
)

// esc escapes text for HTML, its control and bidirectional characters
// neutralised first (package safetext).
func esc(s string) string { return html.EscapeString(safetext.Clean(s)) }

// pageCSS styles every page. Pages are self-contained: no external assets,
// no scripts; <details> opens and closes without JavaScript.
const pageCSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;background:#fff;margin:0;line-height:1.45}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.7em;margin:0 0 .4em}h2{font-size:1.35em;border-bottom:2px solid #1d4f91;padding-bottom:.2em;margin-top:1.6em}
h3{font-size:1.12em;margin:1.2em 0 .3em}h4,h5,h6{font-size:1em;margin:1em 0 .3em}
table{border-collapse:collapse;margin:.6em 0 1em;width:100%}th,td{border:1px solid #c8c8c8;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef2f8}td.num,th.num{text-align:right;white-space:nowrap}
.facts{list-style:none;padding:0}.facts li{margin:.15em 0}
.status{display:inline-block;padding:2px 8px;border-radius:4px;background:#eef2f8}
.status.win{background:#dff3e4}.status.dq{background:#fde2e1}
.dq{color:#a4161a;font-weight:600}.flag{color:#8a4b00;font-weight:600}
.working{margin:.2em 0 .6em 1.2em;padding:0}.working li{margin:.1em 0}
.line{margin-left:1em}.total{font-weight:700;margin:.8em 0 .2em}
.note{background:#f6f6f6;border-left:4px solid #1d4f91;padding:8px 12px}
details{margin:.4em 0}summary{cursor:pointer;font-weight:600}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
@media print{details{display:block}}
`

// htmlWriter writes HTML and remembers the first error.
type htmlWriter struct {
	p *printer
}

// raw writes markup the renderer composed itself, unchanged.
func (h htmlWriter) raw(s string) { h.p.verbatim(s) }

func (h htmlWriter) f(format string, args ...any) { h.p.line(format, args...) }

func (h htmlWriter) open(title string) {
	h.raw("<!DOCTYPE html>")
	h.raw(`<html lang="en-GB">`)
	h.raw(`<head>`)
	h.raw(`<meta charset="utf-8">`)
	h.raw(`<meta name="viewport" content="width=device-width, initial-scale=1">`)
	h.f("<title>%s</title>", esc(title))
	h.raw("<style>" + pageCSS + "</style>")
	h.raw(`</head>`)
	h.raw(`<body><main>`)
}

func (h htmlWriter) close() error {
	h.raw(`</main></body></html>`)
	return h.p.done()
}

func (h htmlWriter) list(items []string, class string) {
	if len(items) == 0 {
		return
	}
	if class != "" {
		h.f(`<ul class="%s">`, class)
	} else {
		h.raw("<ul>")
	}
	for _, it := range items {
		h.f("<li>%s</li>", esc(it))
	}
	h.raw("</ul>")
}

// SummaryHTML writes one bidder's assessment summary as a self-contained
// HTML page.
func SummaryHTML(w io.Writer, s Summary) error {
	h := htmlWriter{newPrinter(w)}
	h.open(s.heading() + " — " + s.Supplier.Name)
	h.f("<h1>%s</h1>", esc(s.heading()))
	h.raw(`<ul class="facts">`)
	for _, f := range s.facts() {
		if f.label != "Result for your tender" {
			h.f("<li><strong>%s:</strong> %s</li>", esc(f.label), esc(f.value))
			continue
		}
		class := "status"
		switch s.Status {
		case MostAdvantageous:
			class += " win"
		case Disqualified, NoAward, DisregardedTender:
			class += " dq"
		}
		h.f(`<li><strong>%s:</strong> <span class="%s">%s</span></li>`, esc(f.label), class, esc(f.value))
	}
	h.raw("</ul>")
	for _, p := range s.Basis {
		h.f(`<p class="note">%s</p>`, esc(p))
	}
	if s.Document == DisregardLetter {
		h.raw("<h2>Why your tender was disregarded</h2>")
		h.list(s.WhyNot, "")
		if len(s.Timeline) > 0 {
			h.raw("<h2>The award timeline</h2>")
			h.list(s.timelineLines(), "")
		}
		return h.close()
	}

	h.raw("<h2>The award criteria</h2>")
	h.raw(`<table><thead><tr><th>Criterion</th><th>Relative importance</th><th class="num">Marks available</th><th>How it is scored</th></tr></thead><tbody>`)
	var rows func(cs []AwardCriterion, depth int)
	rows = func(cs []AwardCriterion, depth int) {
		for _, c := range cs {
			how := esc(c.HowScored)
			if c.Question != "" {
				how = "<em>" + esc(c.Question) + ".</em> " + how
			}
			h.f(`<tr><td style="padding-left:%dpx">%s</td><td>%s</td><td class="num">%s</td><td>%s</td></tr>`,
				8+20*depth, esc(c.Title), esc(c.Importance), esc(c.Available.String()), how)
			rows(c.Children, depth+1)
		}
	}
	rows(s.Criteria, 0)
	h.raw("</tbody></table>")
	for _, g := range gateGroups(s.Gates) {
		h.f("<p>%s</p>", esc(g.heading))
		h.list(g.items, "")
	}
	if len(s.Rules) > 0 {
		h.raw("<p>Other published rules:</p>")
		h.list(s.Rules, "")
	}
	h.raw("<h2>How your tender was scored</h2>")
	htmlTender(h, s.Yours, "your tender")
	if s.MostAdvantageous != nil {
		h.f("<h2>The most advantageous tender: %s (tender %s)</h2>", esc(s.MostAdvantageous.Supplier.Name), esc(s.MostAdvantageous.BidID))
		if d := supplierDetails(s.MostAdvantageous.Supplier); len(d) > 0 {
			h.f("<p>%s</p>", esc(strings.Join(d, "; ")))
		}
		htmlTender(h, *s.MostAdvantageous, "the most advantageous tender")
	}
	if len(s.WhyNot) > 0 {
		h.raw("<h2>Why your tender was not successful</h2>")
		h.list(s.WhyNot, "")
	}
	if len(s.Timeline) > 0 {
		h.raw("<h2>The award timeline</h2>")
		h.list(s.timelineLines(), "")
	}
	if len(s.Withheld) > 0 {
		h.raw("<h2>Confidentiality</h2>")
		for _, w := range s.Withheld {
			h.f("<p>%s</p>", esc(w))
		}
	}
	return h.close()
}

func htmlTender(h htmlWriter, t AssessedTender, whose string) {
	if len(t.Disqualified) > 0 {
		h.f(`<p class="dq">%s. %s</p>`, outWord(t), esc(strings.Join(t.Disqualified, " ")))
	}
	if len(t.Gates) > 0 {
		h.raw("<p>Pass/fail decisions:</p>")
		h.raw("<ul>")
		for _, g := range t.Gates {
			if g.Pass {
				h.f("<li>%s</li>", esc(g.Text))
			} else {
				h.f(`<li class="dq">%s</li>`, esc(g.Text))
			}
		}
		h.raw("</ul>")
	}
	for _, l := range t.Criteria {
		htmlLine(h, l, 3)
	}
	if t.Total != nil {
		h.f(`<p class="total">%s for %s: %s</p>`, esc(t.TotalLabel), esc(whose), esc(t.Total.String()))
		h.list(t.TotalWorking, "working")
	} else {
		h.f("<p>No total was formed: the tender was %s before it could be fully scored.</p>", strings.ToLower(outWord(t)))
	}
}

func htmlLine(h htmlWriter, l AssessedLine, level int) {
	h.raw(`<div class="line">`)
	h.f("<h%d>%s</h%d>", min(level, 6), esc(lineHeading(l)), min(level, 6))
	var items []string
	if l.Input != "" {
		items = append(items, "Response assessed: "+l.Input)
	}
	items = append(items, l.Working...)
	for _, r := range l.Rationale {
		items = append(items, "Evaluators' reasons: "+r)
	}
	for _, n := range l.Notes {
		items = append(items, "Note: "+n)
	}
	h.list(items, "working")
	for _, c := range l.Children {
		htmlLine(h, c, level+1)
	}
	h.raw("</div>")
}
