// Command croydon evaluates a London borough's five-lot IT tender — service
// desk, end-user and desktop support, networks and hosting, telephony, and
// print — each bought through a national framework as its own call-off
// competition. It first checks the evaluation model against the law and
// each lot's framework and prints the findings; then it scores every lot,
// prints each lot's ranking and every bid's explanation, and the award of
// each lot to its most advantageous tender. The lots are different
// procurements (three frameworks, four framework lots), so no cap on lots
// per supplier runs across them.
//
//	go run ./examples/croydon [-out DIR]
//
// It also writes, to DIR (out/croydon unless -out says otherwise), the
// evaluation report for the council (report.md, and report.html with a chart
// per lot and the analyses: what it would take each bid to win, how robust
// each award is to the weights, rank reversal and abnormally low prices), the
// award (award.txt), the result as JSON (result.json), and every bidder's
// debrief in Markdown, HTML and JSON (summaries/lot-N/BID.md, .html,
// .json). A call-off under a framework is owed no statutory assessment
// summary (Procurement Act 2023 s.50(3) covers contracts awarded under
// s.19; PCR 2015 reg 86(5) exempts contracts based on a framework
// agreement), so each document is a voluntary debrief and says so.
//
// The council is real; the tender reference, figures, marks and every
// supplier are fictional.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
	"github.com/tenderscore/tenderscore/score/report"
)

func main() {
	out := flag.String("out", filepath.Join("out", "croydon"), "folder to write the evaluation report and every assessment summary to")
	flag.Parse()
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "croydon:", err)
		os.Exit(1)
	}
	n, err := write(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "croydon:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "croydon: wrote the evaluation report and %d bidder documents (assessment summaries or debriefs) to %s\n", n, *out)
}

// run checks the model, evaluates the tender and writes both to w. An error
// finding stops the run before any bid is scored.
func run(w io.Writer) error {
	t := tender()
	findings, err := frameworks.Check(t, frameworks.WithPolicies(frameworks.CroydonSocialValue()), frameworks.WithBids(bids()))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Checks of the evaluation model before scoring\n\n%s\n\n", findings)
	if findings.HasErrors() {
		return fmt.Errorf("the evaluation model has errors: fix them before scoring")
	}
	res, err := score.Evaluate(t, bids())
	if err != nil {
		return err
	}
	if err := report.Text(w, res); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return writeAward(w, t, bids())
}

// write evaluates the tender, analyses every lot, and writes the
// evaluation report, the result as JSON and every assessed bidder's
// assessment summary under dir. It returns how many summaries it wrote.
func write(dir string) (int, error) {
	t, bs := tender(), bids()
	res, err := score.Evaluate(t, bs)
	if err != nil {
		return 0, err
	}
	rules := append([]analysis.LowPriceRule{analysis.ScottishHandbookRule()}, analysis.ProZorroRules()...)
	as, err := analysis.AnalyseAll(t, bs, rules...)
	if err != nil {
		return 0, err
	}
	award, err := score.Award(t, bs)
	if err != nil {
		return 0, err
	}
	// The award timeline counts from the day the debriefs are sent and the
	// award notices published; each lot is placed above or below threshold
	// first, since a below-threshold contract has no statutory standstill.
	tls, err := frameworks.Timelines(t, sent, score.TimelineOptions{StandstillDays: 8})
	if err != nil {
		return 0, err
	}
	res = score.WithTimelines(res, tls...)
	award.Result = score.WithTimelines(award.Result, tls...)
	var files []report.File
	for _, doc := range []struct {
		name   string
		render func(io.Writer) error
	}{
		{"report.md", func(w io.Writer) error { return report.AwardReportMarkdown(w, award, as...) }},
		{"report.html", func(w io.Writer) error { return report.AwardReportHTML(w, award, as...) }},
		{"award.txt", func(w io.Writer) error { return report.AwardText(w, award) }},
		{"result.json", func(w io.Writer) error { return report.JSON(w, res) }},
	} {
		var buf bytes.Buffer
		if err := doc.render(&buf); err != nil {
			return 0, fmt.Errorf("%s: %w", doc.name, err)
		}
		files = append(files, report.File{Name: doc.name, Data: buf.Bytes()})
	}
	// Summaries follow the award; with no lot rules each lot goes to its
	// most advantageous tender.
	summaries, err := report.AwardSummaries(award, report.SentOn(sent))
	if err != nil {
		return 0, err
	}
	docs, err := report.SummaryFiles(summaries)
	if err != nil {
		return 0, err
	}
	for _, f := range docs {
		files = append(files, report.File{Name: "summaries/" + f.Name, Data: f.Data})
	}
	// Written as one set, only inside dir: nothing is left half-written.
	if err := report.WriteFiles(dir, files); err != nil {
		return 0, err
	}
	return len(summaries), nil
}
