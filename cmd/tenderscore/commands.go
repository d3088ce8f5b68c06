package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
	"github.com/tenderscore/tenderscore/score/report"
	"github.com/tenderscore/tenderscore/tenderfile/xlsx"
)

const croydon = "examples/croydon/tender.yaml examples/croydon/bids.yaml"

func validateCommand() command {
	return command{
		name: "validate", args: "TENDER [BIDS...]",
		summary: "check the files and everything in them; every problem at its place",
		about: `Validate reads the tender and its bids and reports every problem at once on
standard error, each at its file, line and column with the field path, the
value and the rule broken. Without bids, the tender is validated on its own.`,
		example: "tenderscore validate " + croydon + "\ntenderscore validate examples/croydon/tender.yaml examples/croydon/csv/*.csv",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			return func(e *env, args []string) error {
				in, err := load(e, args, false, true)
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "valid: %s %s: %s, %s\n", in.tender.ID, in.tender.Title, count(len(in.tender.Lots), "lot"), count(len(in.bids), "bid"))
				return nil
			}
		},
	}
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// formatFlag adds a --format flag taking one of the given values.
func formatFlag(fs *flag.FlagSet, def string, allowed ...string) func() (string, error) {
	f := fs.String("format", def, "output format: "+strings.Join(allowed, ", "))
	return func() (string, error) {
		if !slices.Contains(allowed, *f) {
			return "", usageError{fmt.Sprintf("unknown format %q: want %s", *f, strings.Join(allowed, ", "))}
		}
		return *f, nil
	}
}

func checkCommand() command {
	return command{
		name: "check", args: "TENDER [BIDS...]",
		summary: "check the evaluation model against the law, frameworks and local policies",
		about: `Check reports what package frameworks finds in the evaluation model: the
regime and thresholds, weights, gates, social value minimums, location
rules, framework dates, procedures, terms and call-off rules, each with its
source. The built-in local policies of the tender's authority apply (the
London Boroughs of Croydon and of Hammersmith & Fulham); --data adds
frameworks and local policies from a JSON file. With bids, the rules about
the number of suppliers are checked too, and bids with identical prices or
social value committed as a percentage of their own price are flagged. The
exit status is 1 when any
finding is an error. --format json writes tenderscore.check/1
(cmd/tenderscore/SCHEMA.md).`,
		example: "tenderscore check " + croydon,
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			data := fs.String("data", "", "a JSON file of frameworks and local policies to check with (see frameworks.ReadData)")
			format := formatFlag(fs, "text", "text", "json")
			return func(e *env, args []string) error {
				f, err := format()
				if err != nil {
					return err
				}
				in, err := load(e, args, false, len(args) > 1)
				if err != nil {
					return err
				}
				opts, err := checkOptions(e, in, *data)
				if err != nil {
					return err
				}
				findings, err := frameworks.Check(in.tender, opts...)
				if err != nil {
					return reportProblems(e, lines(in.src.Locate(err)))
				}
				if f == "json" {
					if err := writeJSON(e.stdout, checkJSON(in.tender, findings)); err != nil {
						return err
					}
				} else {
					fmt.Fprintln(e.stdout, findings)
				}
				if findings.HasErrors() {
					return inputError{fmt.Sprintf("the evaluation model has %s: fix them before scoring", count(findings.Count(frameworks.Error), "error"))}
				}
				return nil
			}
		},
	}
}

// builtinPolicies are the local policies the command knows.
func builtinPolicies() []frameworks.LocalPolicy {
	return []frameworks.LocalPolicy{frameworks.CroydonSocialValue(), frameworks.HammersmithFulhamSocialValue()}
}

func checkOptions(e *env, in *inputs, dataFile string) ([]frameworks.Option, error) {
	var policies []frameworks.LocalPolicy
	for _, p := range builtinPolicies() {
		if strings.EqualFold(strings.TrimSpace(p.Authority), strings.TrimSpace(in.tender.Authority.Name)) {
			policies = append(policies, p)
		}
	}
	var opts []frameworks.Option
	if dataFile != "" {
		f, err := os.Open(dataFile)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("%s: cannot be opened: %v", dataFile, pe.Err)
			}
			return nil, err
		}
		defer f.Close()
		d, err := frameworks.ReadData(f)
		if err != nil {
			return nil, reportProblems(e, dataProblems(dataFile, err)) // inputs.go
		}
		policies = append(policies, d.Policies...)
		if len(d.Frameworks) > 0 {
			cat, err := frameworks.DefaultCatalogue().With(d.Frameworks...)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", dataFile, err)
			}
			opts = append(opts, frameworks.WithCatalogue(cat))
		}
	}
	if len(policies) > 0 {
		opts = append(opts, frameworks.WithPolicies(policies...))
	}
	if in.bids != nil {
		opts = append(opts, frameworks.WithBids(in.bids))
	}
	return opts, nil
}

// warnUnchecked warns on stderr, before scoring, when the evaluation model
// breaks a rule that check reports as an error, or cannot be checked at
// all: a result is still written (the arithmetic does not depend on it),
// but it should not be published as it stands. The built-in local
// policies apply, as in check.
func warnUnchecked(e *env, in *inputs) {
	opts, err := checkOptions(e, in, "")
	if err == nil {
		var findings frameworks.Findings
		findings, err = frameworks.Check(in.tender, opts...)
		if err == nil {
			errs := findings.AtLeast(frameworks.Error)
			if len(errs) == 0 {
				return
			}
			fmt.Fprintf(e.stderr, "tenderscore: warning: the evaluation model has %s under the law, its frameworks or local policies; fix them before publishing a result (tenderscore check says more):\n", count(len(errs), "error"))
			for _, f := range errs {
				fmt.Fprintf(e.stderr, "  %s: %s\n", f.Code, f.Message)
			}
			return
		}
	}
	fmt.Fprintf(e.stderr, "tenderscore: warning: the evaluation model cannot be checked against the law, its frameworks or local policies until these are given (the scores do not depend on them):\n")
	for _, l := range lines(in.src.Locate(err)) {
		fmt.Fprintf(e.stderr, "  %s\n", l)
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// lotFlag adds --lot and returns a function that keeps only that lot of a
// result.
func lotFlag(fs *flag.FlagSet) *string {
	return fs.String("lot", "", "only this lot (by id)")
}

func evaluate(e *env, in *inputs, lot string) (score.Result, error) {
	if lot != "" {
		if _, ok := in.tender.Lot(lot); !ok {
			return score.Result{}, usageError{fmt.Sprintf("--lot %s: the tender has no lot %q; its lots are %s", lot, lot, lotIDs(in.tender))}
		}
	}
	if len(in.bids) >= 1000 {
		e.progress("evaluating %s for %s…", count(len(in.bids), "bid"), count(len(in.tender.Lots), "lot"))
	}
	res, err := in.evaluate()
	if err != nil {
		return score.Result{}, reportProblems(e, lines(in.src.Locate(err)))
	}
	if lot != "" {
		l, _ := res.Lot(lot)
		res.Lots = []score.LotResult{l}
	}
	return res, nil
}

// timelineFlags adds --sent and --standstill, and returns a function that
// attaches each lot's award timeline to a result when --sent is given.
func timelineFlags(fs *flag.FlagSet) func(e *env, in *inputs, r score.Result) (score.Result, error) {
	sent := fs.String("sent", "", "the day the award notices and bidders' documents are sent, YYYY-MM-DD: adds each lot's award timeline")
	days := fs.Int("standstill-days", 0, "a standstill the award notice provides for, in working days (Procurement Act 2023 lots; at least 8)")
	return func(e *env, in *inputs, r score.Result) (score.Result, error) {
		if *sent == "" {
			if *days != 0 {
				return r, usageError{"--standstill-days needs --sent: the standstill counts from the day the notice is sent"}
			}
			return r, nil
		}
		d, err := date.Parse(*sent)
		if err != nil {
			return r, usageError{"--sent: " + err.Error()}
		}
		tls, err := frameworks.Timelines(in.tender, d, score.TimelineOptions{StandstillDays: *days})
		if err != nil {
			return r, reportProblems(e, lines(err))
		}
		return score.WithTimelines(r, tls...), nil
	}
}

// lotIDs lists the tender's lot ids for a message: "1, 2 and 3".
func lotIDs(t score.Tender) string {
	ids := make([]string, len(t.Lots))
	for i, l := range t.Lots {
		ids[i] = l.ID
	}
	if len(ids) < 2 {
		return strings.Join(ids, "")
	}
	return strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1]
}

func scoreCommand() command {
	return command{
		name: "score", args: "TENDER BIDS...",
		summary: "score every lot: standings, disqualifications, ties and every bid's explanation",
		about: `Score evaluates every lot (or one, with --lot) and writes the standings,
disqualifications with their reasons, how ties were broken, the rules
applied and every bid's explanation to the digit: as text, as the
authority's evaluation report in Markdown or HTML, or as JSON
(tenderscore.result/1, every decimal a string), or as the evaluation
matrix in an Excel workbook (--format xlsx -o matrix.xlsx: a sheet per lot,
the standings and the award, points as numbers). When check would find an
error in the evaluation model, or cannot check it, a warning on standard
error says so first; the scores are still written.`,
		example: "tenderscore score " + croydon + "\ntenderscore score --format html --lot 2 " + croydon + " > lot2.html\ntenderscore score --format xlsx -o matrix.xlsx " + croydon,
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			format := formatFlag(fs, "text", "text", "markdown", "json", "html", "xlsx")
			lot := lotFlag(fs)
			out := outputFlag(fs)
			timeline := timelineFlags(fs)
			return func(e *env, args []string) error {
				f, err := format()
				if err != nil {
					return err
				}
				if (f == "xlsx") != (*out != "") {
					return usageError{"-o names the workbook of --format xlsx; other formats go to standard output"}
				}
				in, err := load(e, args, true, true)
				if err != nil {
					return err
				}
				warnUnchecked(e, in)
				// Under published lot rules the whole tender is awarded
				// too, unless one lot is asked for; the award's separate
				// evaluation is the result, so the lots are scored once.
				var award *score.AwardResult
				var res score.Result
				if in.tender.LotRules != nil && *lot == "" {
					a, err := in.award()
					if err != nil {
						return reportProblems(e, lines(in.src.Locate(err)))
					}
					award, res = &a, a.Separate
				} else if res, err = evaluate(e, in, *lot); err != nil {
					return err
				}
				if res, err = timeline(e, in, res); err != nil {
					return err
				}
				if award != nil {
					award.Result = score.WithTimelines(award.Result, timelinesOf(res)...)
				}
				switch {
				case f == "xlsx":
					return writeWorkbook(e, *out, func(w io.Writer) error { return xlsx.WriteMatrix(w, res, award) })
				case f == "markdown" && award != nil:
					return report.AwardReportMarkdown(e.stdout, *award)
				case f == "markdown":
					return report.ReportMarkdown(e.stdout, res)
				case f == "html" && award != nil:
					return report.AwardReportHTML(e.stdout, *award)
				case f == "html":
					return report.ReportHTML(e.stdout, res)
				case f == "json":
					return report.JSON(e.stdout, res)
				}
				if err := report.Text(e.stdout, res); err != nil || award == nil {
					return err
				}
				fmt.Fprintln(e.stdout)
				return report.AwardText(e.stdout, *award)
			}
		},
	}
}

func summaryCommand() command {
	return command{
		name: "summary", args: "--bidder ID TENDER BIDS... | --out DIR TENDER BIDS...",
		summary: "bidders' assessment summaries or debriefs, one for each lot bid for",
		about: `Summary writes the document a bidder is given about each lot's award: the
assessment summary of a contract awarded after competitive tendering
(Procurement Act 2023 s.50(3), Procurement Regulations 2024 reg 31), the
notice of the award decision under PCR 2015 reg 86, a voluntary debrief for
a framework call-off, or a letter saying why a disregarded tender was not
assessed. It reveals nothing of any other unsuccessful bidder. --bidder
names the supplier (its id) or one bid (its id) and writes to standard
output; --out DIR writes every bidder's documents (or --bidder's) in
Markdown, HTML and JSON to DIR/lot-LOT/BID.*, as one set and only inside
DIR (a new or empty folder, or one tenderscore wrote before). --sent dates
the documents (the day they are provided; never before the evaluation was
completed). What the law requires that the files do not give (a supplier's
email address, the date) is listed on standard error. Markdown reads as
plain text too.`,
		example: "tenderscore summary --bidder SUP-KES --sent 2026-06-01 " + croydon + "\ntenderscore summary --bidder B-203 --format html " + croydon + " > B-203.html" +
			"\ntenderscore summary --out debriefs --sent 2026-06-01 " + croydon,
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			bidder := fs.String("bidder", "", "the supplier id, or a bid id (required without --out)")
			out := fs.String("out", "", "write every format of the documents to this folder")
			timeline := timelineFlags(fs)
			format := formatFlag(fs, "markdown", "markdown", "text", "html", "json")
			lot := lotFlag(fs)
			return func(e *env, args []string) error {
				f, err := format()
				if err != nil {
					return err
				}
				if *bidder == "" && *out == "" {
					return usageError{"--bidder is required without --out: name the supplier id or a bid id"}
				}
				sums, err := summaries(e, args, *lot, *bidder, timeline)
				if err != nil {
					return err
				}
				if *out != "" {
					return writeSummaryFolder(e, *out, sums)
				}
				return writeSummaries(e.stdout, sums, f)
			}
		},
	}
}

// summaries builds the documents of the bidder named (a supplier or bid
// id), or of every bidder when none is, following the award when the
// tender has lot rules, and lists on stderr what each lacks.
func summaries(e *env, args []string, lot, bidder string, timeline func(*env, *inputs, score.Result) (score.Result, error)) ([]report.Summary, error) {
	in, err := load(e, args, true, true)
	if err != nil {
		return nil, err
	}
	warnUnchecked(e, in)
	res, err := evaluate(e, in, lot)
	if err != nil {
		return nil, err
	}
	// The documents are dated the day the timeline counts from (--sent).
	if res, err = timeline(e, in, res); err != nil {
		return nil, err
	}
	var opts []report.SummaryOption
	if tls := timelinesOf(res); len(tls) > 0 {
		opts = append(opts, report.SentOn(tls[0].Sent))
	}
	// Under published lot rules a summary follows the award: a bid ranked
	// first may be passed over under the cap.
	summarise := func(lotID, bidID string) (report.Summary, error) { return report.Summarise(res, lotID, bidID, opts...) }
	if in.tender.LotRules != nil {
		a, err := in.award()
		if err != nil {
			return nil, reportProblems(e, lines(in.src.Locate(err)))
		}
		summarise = func(lotID, bidID string) (report.Summary, error) {
			return report.SummariseAward(a, lotID, bidID, opts...)
		}
	}
	var sums []report.Summary
	for _, l := range res.Lots {
		for _, b := range l.Bids {
			if bidder != "" && b.BidID != bidder && b.Supplier.ID != bidder {
				continue
			}
			s, err := summarise(l.Lot.ID, b.BidID)
			if err != nil {
				return nil, reportProblems(e, lines(err))
			}
			for _, m := range s.Missing() {
				fmt.Fprintf(e.stderr, "tenderscore summary: lot %s, bid %s: the %s lacks %s\n", s.LotID, s.BidID, strings.ToLower(s.Document.Title()), m)
			}
			sums = append(sums, s)
		}
	}
	if len(sums) == 0 {
		return nil, usageError{fmt.Sprintf("--bidder %s: no bid by a supplier with id %q, and no bid with that id", bidder, bidder)}
	}
	return sums, nil
}

// timelinesOf returns the timelines attached to a result's lots.
func timelinesOf(r score.Result) []score.AwardTimeline {
	var out []score.AwardTimeline
	for _, l := range r.Lots {
		if l.Timeline != nil {
			out = append(out, *l.Timeline)
		}
	}
	return out
}

// writeSummaryFolder writes every document in every format into dir, as
// one set (report.WriteFiles).
func writeSummaryFolder(e *env, dir string, sums []report.Summary) error {
	files, err := report.SummaryFiles(sums)
	if err != nil {
		return err
	}
	if err := report.WriteFiles(dir, files); err != nil {
		return inputError{err.Error()}
	}
	e.inform("wrote %d documents in Markdown, HTML and JSON to %s", len(sums), dir)
	return nil
}

func writeSummaries(w io.Writer, sums []report.Summary, f string) error {
	if f == "json" {
		var parts []string
		for _, s := range sums {
			var b bytes.Buffer
			if err := report.SummaryJSON(&b, s); err != nil {
				return err
			}
			parts = append(parts, strings.TrimRight(b.String(), "\n"))
		}
		if len(parts) == 1 {
			_, err := fmt.Fprintln(w, parts[0])
			return err
		}
		_, err := fmt.Fprintf(w, "[\n%s\n]\n", strings.Join(parts, ",\n"))
		return err
	}
	for i, s := range sums {
		if i > 0 && f != "html" {
			fmt.Fprintln(w)
		}
		var err error
		if f == "html" {
			err = report.SummaryHTML(w, s)
		} else {
			err = report.SummaryMarkdown(w, s)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func whatifCommand() command {
	return command{
		name: "whatif", args: "TENDER BIDS...",
		summary: "what it takes to win, weight sensitivity, rank reversal, abnormally low prices",
		about: `Whatif asks of each lot (or one, with --lot) what an evaluator asks before
publishing an award, re-scoring the field with the engine itself: for each
bid that did not win, the highest price at which it would win and the
fewest extra marks; how far the weights must move to change the winner;
whether removing any one bid reverses the order of others (which relative
price scoring can legitimately show); and prices to investigate as
possibly abnormally low. Markdown and HTML give the whole evaluation
report with the analyses; JSON is tenderscore.whatif/1
(cmd/tenderscore/SCHEMA.md), every decimal a string.`,
		example: "tenderscore whatif --lot 1 " + croydon,
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			format := formatFlag(fs, "text", "text", "markdown", "html", "json")
			lot := lotFlag(fs)
			return func(e *env, args []string) error {
				f, err := format()
				if err != nil {
					return err
				}
				in, err := load(e, args, true, true)
				if err != nil {
					return err
				}
				warnUnchecked(e, in)
				res, err := evaluate(e, in, *lot)
				if err != nil {
					return err
				}
				as, err := in.analyse(e, res)
				if err != nil {
					return err
				}
				switch f {
				case "markdown":
					return report.ReportMarkdown(e.stdout, res, as...)
				case "html":
					return report.ReportHTML(e.stdout, res, as...)
				case "json":
					return writeJSON(e.stdout, whatifJSON(res, as))
				}
				return whatifText(e.stdout, res, as)
			}
		},
	}
}

// whatifText writes each lot's analyses in plain words.
func whatifText(w io.Writer, res score.Result, as []analysis.LotAnalysis) error {
	var b strings.Builder
	for i, l := range res.Lots {
		a := as[i]
		if i > 0 {
			b.WriteString("\n")
		}
		title := fmt.Sprintf("Lot %s — %s", l.Lot.ID, l.Lot.Title)
		fmt.Fprintf(&b, "%s\n%s\n", title, strings.Repeat("=", len([]rune(title))))
		switch a.Outcome {
		case score.Winner:
			fmt.Fprintf(&b, "Winner: %s\n", a.Winner)
		default:
			fmt.Fprintf(&b, "Outcome: %s\n", a.Outcome)
		}
		b.WriteString("\nWhat it takes to win\n")
		if len(a.ToWin) == 0 {
			b.WriteString("  no other compliant bid\n")
		}
		for _, tw := range a.ToWin {
			fmt.Fprintf(&b, "  %s (%s), total %s\n", tw.BidID, tw.Supplier.Name, tw.Total)
			fmt.Fprintf(&b, "    on price: %s\n", tw.Price.Explanation())
			fmt.Fprintf(&b, "    on marks: %s\n", tw.Marks.Explanation())
		}
		b.WriteString("\nWeight sensitivity\n")
		fmt.Fprintf(&b, "  %s\n", a.Sensitivity.Statement)
		for _, s := range a.Sensitivity.Shifts {
			fmt.Fprintf(&b, "  %s: %s\n", s.Rival, s.Explanation())
		}
		for _, s := range a.Sensitivity.Joining {
			fmt.Fprintf(&b, "  %s (below a minimum score as evaluated): %s\n", s.Rival, s.Explanation())
		}
		b.WriteString("\nRank reversal\n")
		if len(a.Reversals) == 0 {
			b.WriteString("  removing any one bid leaves the order of the others unchanged\n")
		}
		for _, r := range a.Reversals {
			fmt.Fprintf(&b, "  %s\n", r.Explanation)
		}
		b.WriteString("\nAbnormally low prices\n")
		if len(a.LowPrice) == 0 {
			b.WriteString("  no price is flagged by the rules applied\n")
		}
		for _, fl := range a.LowPrice {
			fmt.Fprintf(&b, "  %s\n", fl.Explanation)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
