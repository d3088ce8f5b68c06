package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/ocds"
	"github.com/tenderscore/tenderscore/score"
)

// The OCDS commands: a thin layer over package ocds.

const exportExample = "tenderscore export ocds --ocid-prefix ocds-x1y2z3 --release-id LBC-IT-2026-014-award \\\n" +
	"  --date 2026-07-06T09:00:00+01:00 --award-date 2026-07-03T12:00:00+01:00 \\\n" +
	"  --award-notice 2026-07-06 --standstill-days 1=8 \\\n" +
	"  " + croydon + " > croydon.ocds.json"

func exportCommand() command {
	return command{
		name: "export", args: "ocds TENDER [BIDS...]",
		summary: "write the tender, and with bids the award, as an OCDS release package",
		about: `Export ocds writes the tender as an OCDS 1.1 release package on standard
output: the buyer, the lots with their values, terms and award criteria, and
the lot rules; with bids, the bids and the award of each lot under the lot
rules. The release's ocid prefix, id and date are flags, never the clock, so
the same files and flags give the same bytes. Each award's standstill
period is its award timeline's from --award-notice, the day the contract
award notice is published (--standstill-days N, or LOT=N for one lot, for a
longer or voluntary standstill the notice provides for), or as given:
--standstill START/END for every lot awarded, LOT=START/END for one, each an
RFC 3339 date and time.`,
		example: exportExample,
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			prefix := fs.String("ocid-prefix", "", "the publisher's registered OCDS prefix, ocds-xxxxxx (required)")
			release := fs.String("release-id", "", "the release's id (required)")
			when := fs.String("date", "", "the release's date and time, RFC 3339 (required)")
			uri := fs.String("uri", "", "the package's URI")
			publisher := fs.String("publisher", "", "the package's publisher (default the authority)")
			buyerScheme := fs.String("buyer-scheme", "", "the scheme of the authority's registered identifier (GB-PPON, GB-COH)")
			buyerID := fs.String("buyer-id", "", "the authority's registered identifier")
			awardDate := fs.String("award-date", "", "the date and time of the award decision, RFC 3339")
			var standstill periods
			fs.Var(&standstill, "standstill", "a standstill period START/END, or LOT=START/END; repeatable")
			notice := fs.String("award-notice", "", "the day the contract award notice is published (or PCR 2015 regulation 86 notices sent), YYYY-MM-DD")
			fs.StringVar(notice, "sent", "", "the same as --award-notice, as score and summary name it")
			days := lotInts{}
			fs.Var(days, "standstill-days", "a standstill the notice provides for, in working days (longer than 8, or voluntary where none is required): N, or LOT=N; repeatable")
			return func(e *env, args []string) error {
				if err := format(args, "export"); err != nil {
					return err
				}
				if *prefix == "" || *release == "" || *when == "" {
					return usageError{"--ocid-prefix, --release-id and --date are required: an OCDS release's identity and date are inputs, never the clock"}
				}
				opts := ocds.ExportOptions{OCIDPrefix: *prefix, ReleaseID: *release, URI: *uri, Publisher: *publisher,
					Buyer: ocds.Identifier{Scheme: *buyerScheme, ID: *buyerID}, Standstill: standstill.byLot}
				for lot, n := range days {
					if opts.Timeline == nil {
						opts.Timeline = map[string]score.TimelineOptions{}
					}
					opts.Timeline[lot] = score.TimelineOptions{StandstillDays: n}
				}
				var err error
				if *notice != "" {
					if opts.AwardNotice, err = date.Parse(*notice); err != nil {
						return usageError{fmt.Sprintf("--award-notice %q: want a day, YYYY-MM-DD", *notice)}
					}
				}
				if opts.Date, err = stampFlag("--date", *when); err != nil {
					return err
				}
				if *awardDate != "" {
					if opts.AwardDate, err = stampFlag("--award-date", *awardDate); err != nil {
						return err
					}
				}
				in, err := load(e, args[1:], false, true)
				if err != nil {
					return err
				}
				var buf bytes.Buffer
				err = ocds.Export(&buf, in.tender, in.bids, opts)
				var oe *ocds.OptionError
				switch {
				case errors.As(err, &oe):
					return usageError{flagFor(oe)}
				case err != nil:
					return reportProblems(e, lines(in.src.Locate(err)))
				}
				_, err = e.stdout.Write(buf.Bytes())
				return err
			}
		},
	}
}

func importCommand() command {
	return command{
		name: "import", args: "ocds FILE",
		summary: "read an OCDS tender notice into a tender file",
		about: `Import ocds reads an OCDS release, record or package — a tender notice as
Find a Tender publishes it — and writes the tender it describes as a tender
file on standard output: the authority, the regime, the lots with their
values and terms, the lot rules and each lot's award criteria with their
weights. What OCDS cannot carry (marking scales, price methods, minimum
scores, the day the procurement commenced) is written as a field marked
TO COMPLETE and listed on standard error; "tenderscore validate" names each
one until it is given, and "tenderscore check" those only the law needs.
--ocid chooses a contracting process in a file of several, --release one
release by its id. A lot with ProZorro's features (tender.features) is
scored on a price adjusted by them; --bids writes the release's bids —
tenderer, lot, price and ProZorro's parameters — as a bids file.`,
		example: "tenderscore import ocds notice.json > tender.yaml\ntenderscore validate tender.yaml\ntenderscore check tender.yaml\ntenderscore import ocds --bids bids.yaml release.json > tender.yaml",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			ocid := fs.String("ocid", "", "the contracting process to read, in a file of several")
			release := fs.String("release", "", "the id of the release to read (default the latest with a tender)")
			bidsOut := fs.String("bids", "", "write the release's bids to this bids file")
			return func(e *env, args []string) error {
				if err := format(args, "import"); err != nil {
					return err
				}
				if len(args) != 2 {
					return usageError{"name one OCDS file after ocds (or - for standard input)"}
				}
				f, err := readFile(e, args[1])
				if err != nil {
					return reportProblems(e, []string{err.Error()})
				}
				im, err := ocds.Import(f.name, bytes.NewReader(f.data), ocds.ImportOptions{OCID: *ocid, ReleaseID: *release})
				if err != nil {
					return reportProblems(e, lines(err))
				}
				if err := im.WriteTender(e.stdout); err != nil {
					return err
				}
				if *bidsOut != "" {
					if err := writeBidsFile(e, *bidsOut, im); err != nil {
						return err
					}
				}
				for _, n := range im.Notes {
					fmt.Fprintln(e.stderr, "note:", n)
				}
				for _, g := range im.Gaps {
					fmt.Fprintln(e.stderr, g)
				}
				law := 0
				for _, g := range im.Gaps {
					if g.Check {
						law++
					}
				}
				fmt.Fprintf(e.stderr, "tenderscore import: %s to complete: tenderscore validate names %d, tenderscore check the %d only the law needs\n",
					count(len(im.Gaps), "field"), len(im.Gaps)-law, law)
				return nil
			}
		},
	}
}

// format checks that the first argument names the OCDS format.
func format(args []string, cmd string) error {
	switch {
	case len(args) == 0:
		return usageError{fmt.Sprintf("name the format first: tenderscore %s ocds …", cmd)}
	case args[0] != "ocds":
		return usageError{fmt.Sprintf("unknown format %q: want ocds", args[0])}
	}
	return nil
}

func stampFlag(name, s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, usageError{fmt.Sprintf("%s %q: want a date and time with its zone, RFC 3339: 2026-07-06T09:00:00+01:00", name, s)}
	}
	return t, nil
}

// periods collects --standstill flags by lot ("" for every lot).
type periods struct{ byLot map[string]ocds.Period }

func (p *periods) String() string { return "" }

func (p *periods) Set(s string) error {
	lot, span, ok := strings.Cut(s, "=")
	if !ok {
		lot, span = "", s
	}
	start, end, ok := strings.Cut(span, "/")
	if !ok {
		return fmt.Errorf("want START/END or LOT=START/END")
	}
	var per ocds.Period
	var err error
	if per.Start, err = time.Parse(time.RFC3339, start); err != nil {
		return fmt.Errorf("the start %q is not an RFC 3339 date and time", start)
	}
	if per.End, err = time.Parse(time.RFC3339, end); err != nil {
		return fmt.Errorf("the end %q is not an RFC 3339 date and time", end)
	}
	if p.byLot == nil {
		p.byLot = map[string]ocds.Period{}
	}
	if _, dup := p.byLot[lot]; dup {
		return fmt.Errorf("a second standstill for the same lot")
	}
	p.byLot[lot] = per
	return nil
}

// lotInts collects --standstill-days flags by lot ("" for every lot).
type lotInts map[string]int

func (l lotInts) String() string { return "" }

func (l lotInts) Set(s string) error {
	lot, n, ok := strings.Cut(s, "=")
	if !ok {
		lot, n = "", s
	}
	v, err := strconv.Atoi(n)
	if err != nil || v < 1 {
		return fmt.Errorf("want a number of working days, N or LOT=N")
	}
	if _, dup := l[lot]; dup {
		return fmt.Errorf("a second number for the same lot")
	}
	l[lot] = v
	return nil
}

// flagFor words an option error in terms of the command's flags.
func flagFor(oe *ocds.OptionError) string {
	flags := map[string]string{"OCIDPrefix": "--ocid-prefix", "ReleaseID": "--release-id", "Date": "--date", "URI": "--uri",
		"Buyer": "--buyer-scheme and --buyer-id", "AwardNotice": "--award-notice", "Standstill": "--standstill"}
	name, ok := flags[oe.Option]
	for prefix, flag := range map[string]string{"Standstill[": "--standstill ", "Timeline[": "--standstill-days "} {
		if lot, by := strings.CutPrefix(oe.Option, prefix); by {
			name, ok = flag+strings.TrimSuffix(lot, "]"), true
		}
	}
	if !ok {
		name = oe.Option
	}
	msg := strings.TrimSpace(name) + ": " + oe.Message
	if oe.Value != "" {
		msg += fmt.Sprintf(" (value %q)", oe.Value)
	}
	return msg
}

// writeBidsFile writes the bids an import read to the file --bids names.
func writeBidsFile(e *env, path string, im *ocds.Imported) error {
	var buf bytes.Buffer
	if err := im.WriteBids(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return fmt.Errorf("%s: cannot be written: %v", path, pe.Err)
		}
		return err
	}
	e.inform("wrote %s: %s", path, count(len(im.Bids), "bid"))
	return nil
}
