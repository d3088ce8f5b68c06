package report

import (
	"bufio"
	"embed"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/tenderscore/tenderscore/internal/safetext"
)

// The HTML pages are computed, then rendered: a view of plain strings is
// built from the Result or Summary, then executed with html/template,
// which escapes every value for the context it lands in. The templates
// live in templates/ beside this file.

//go:embed templates/*.tmpl
var templateFiles embed.FS

// pageFuncs are the only functions the templates call to print: c for
// every value, svg for the chart svg.go draws, px for an indentation.
var pageFuncs = template.FuncMap{
	// c neutralises control and bidirectional characters (package
	// safetext) before html/template escapes the text.
	"c": safetext.Clean,
	// svg inserts the chart as markup: chartSVG escapes every text it
	// writes (see esc), and nothing else reaches a page unescaped.
	"svg": func(h template.HTML) template.HTML { return h },
	// px writes a whole number of pixels.
	"px": strconv.Itoa,
}

// pages holds the parsed templates. It is never changed after the package
// is initialised, and html/template is safe for concurrent use.
var pages = template.Must(template.New("pages").Funcs(pageFuncs).ParseFS(templateFiles, "templates/*.tmpl"))

// render executes one page's template with its view.
func render(w io.Writer, name string, view any) error {
	bw := bufio.NewWriter(w)
	if err := pages.ExecuteTemplate(bw, name, view); err != nil {
		return err
	}
	return bw.Flush()
}

// summaryPage is a bidder's document as the summary template draws it.
type summaryPage struct {
	Title, Heading string
	Facts          []factView
	Basis          []string
	// Disregard is true for a disregard letter: WhyNot and Timeline only.
	Disregard  bool
	Criteria   []criterionRow
	GateGroups []listView
	Rules      []string
	Yours      tenderView
	Best       *bestView
	WhyNot     []string
	Timeline   []string
	Withheld   []string
}

// factView is one fact at the head of a document; Status, when set, is the
// class of the result's badge.
type factView struct{ Label, Value, Status string }

// criterionRow is one award criterion, indented by its depth.
type criterionRow struct {
	Indent                                 int
	Title, Importance, Available, Question string
	How                                    string
}

// listView is a paragraph heading a list.
type listView struct {
	Heading string
	Items   []string
}

// bestView is the most advantageous tender in another bidder's document.
type bestView struct {
	Heading, Details string
	Tender           tenderView
}

// SummaryHTML writes one bidder's assessment summary as a self-contained
// HTML page.
func SummaryHTML(w io.Writer, s Summary) error {
	return render(w, "summary", summaryView(s))
}

func summaryView(s Summary) summaryPage {
	v := summaryPage{Title: s.heading() + " — " + s.Supplier.Name, Heading: s.heading(), Basis: s.Basis,
		Disregard: s.Document == DisregardLetter, WhyNot: s.WhyNot, Timeline: s.timelineLines(), Withheld: s.Withheld}
	for _, f := range s.facts() {
		fv := factView{Label: f.label, Value: f.value}
		if f.label == "Result for your tender" {
			fv.Status = statusClass(s.Status)
		}
		v.Facts = append(v.Facts, fv)
	}
	if v.Disregard {
		return v
	}
	var rows func(cs []AwardCriterion, depth int)
	rows = func(cs []AwardCriterion, depth int) {
		for _, c := range cs {
			v.Criteria = append(v.Criteria, criterionRow{Indent: 8 + 20*depth, Title: c.Title, Importance: c.Importance,
				Available: c.Available.String(), Question: c.Question, How: c.HowScored})
			rows(c.Children, depth+1)
		}
	}
	rows(s.Criteria, 0)
	for _, g := range gateGroups(s.Gates) {
		v.GateGroups = append(v.GateGroups, listView{Heading: g.heading, Items: g.items})
	}
	v.Rules = s.Rules
	v.Yours = tenderOf(s.Yours, "your tender")
	if ma := s.MostAdvantageous; ma != nil {
		v.Best = &bestView{Heading: "The most advantageous tender: " + ma.Supplier.Name + " (tender " + ma.BidID + ")",
			Details: strings.Join(supplierDetails(ma.Supplier), "; "), Tender: tenderOf(*ma, "the most advantageous tender")}
	}
	return v
}

// statusClass is the class of the result's badge.
func statusClass(s SummaryStatus) string {
	switch s {
	case MostAdvantageous:
		return "status win"
	case Disqualified, NoAward, DisregardedTender:
		return "status dq"
	}
	return "status"
}
