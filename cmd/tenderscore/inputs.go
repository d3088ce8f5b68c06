package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
	"github.com/tenderscore/tenderscore/tenderfile"
)

// inputs are a tender and its bids, read from files.
type inputs struct {
	tender score.Tender
	bids   []score.Bid
	src    *tenderfile.Source
	// prepared is the tender and bids validated, once, when load validated
	// them with bids: every command scores, awards and analyses from it
	// without validating again.
	prepared *score.Prepared
}

// progressBytes is the input size from which progress is reported.
const progressBytes = 1 << 20

// load reads the tender (args[0]) and the bids (the rest), reporting every
// problem on stderr with its place. With validate, it also validates them;
// without bids, the "no bids" problems are left out, so that a tender can
// be validated on its own.
func load(e *env, args []string, needBids, validate bool) (*inputs, error) {
	files, err := readArgs(e, args, needBids)
	if err != nil {
		return nil, err
	}
	in := &inputs{}
	t, tsrc, err := readTender(files[0], args[0]) // tenderdir.go
	if err != nil {
		return nil, reportProblems(e, lines(err))
	}
	in.tender = t
	if problems := in.readBids(e, tsrc, files[1:]); len(problems) > 0 {
		return nil, reportProblems(e, problems)
	}
	if len(in.bids) >= 1000 {
		e.progress("read %d bids for %d lots", len(in.bids), len(in.tender.Lots))
	}
	if validate {
		if err := in.validate(len(args) > 1); err != nil {
			return nil, reportProblems(e, lines(err))
		}
	}
	return in, nil
}

// readArgs checks the arguments name a tender (and bids when needed), at
// most one of them standard input, and reads every file, reporting every
// file that cannot be read.
func readArgs(e *env, args []string, needBids bool) ([]namedFile, error) {
	if len(args) == 0 {
		return nil, usageError{"name a tender file (or - for standard input)"}
	}
	if needBids && len(args) < 2 {
		return nil, usageError{"name at least one bids file after the tender"}
	}
	stdin := 0
	for _, a := range args {
		if a == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return nil, usageError{"only one file can come from standard input"}
	}
	files := make([]namedFile, 0, len(args))
	var problems []string
	total := 0
	for _, a := range args {
		f, err := readFile(e, a)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		total += len(f.data)
		files = append(files, f)
	}
	if len(problems) > 0 {
		return nil, reportProblems(e, problems)
	}
	if total >= progressBytes {
		e.progress("read %d files, %d kB", len(files), (total+999)/1000)
	}
	return files, nil
}

// readBids reads every bids file after the tender: YAML and JSON bids
// files each on their own, CSV files and workbooks together (their rows
// are joined by bid id), whose bids take the place of the first such file
// named. It returns every problem.
func (in *inputs) readBids(e *env, tsrc *tenderfile.Source, files []namedFile) []string {
	sources := []*tenderfile.Source{tsrc}
	var problems []string
	var tables []tenderfile.Table
	tablesFailed := false
	csvAt := -1
	for _, f := range files {
		if tabular(f) {
			if csvAt < 0 {
				csvAt = len(sources)
				sources = append(sources, nil) // the CSV files' and workbooks' bids go here
			}
			tbs, err := readTables(e, f)
			if err != nil {
				problems, tablesFailed = append(problems, lines(err)...), true
				continue
			}
			tables = append(tables, tbs...)
			continue
		}
		bids, src, err := tenderfile.ReadBids(f.name, bytes.NewReader(f.data))
		if err != nil {
			problems = append(problems, lines(err)...)
			continue
		}
		sources = append(sources, src)
		in.bids = append(in.bids, bids...)
	}
	if len(tables) > 0 && !tablesFailed {
		bids, src, err := tenderfile.ReadBidsTables(in.tender, tables...)
		if err != nil {
			problems = append(problems, lines(err)...)
		} else {
			before := countBefore(sources[1:csvAt])
			in.bids = append(in.bids[:before], append(bids, in.bids[before:]...)...)
			sources[csvAt] = src
		}
	}
	in.src = tenderfile.Join(sources...)
	return problems
}

// evaluate scores every lot, from the tender prepared by load when there
// is one (validated once), else validating.
func (in *inputs) evaluate() (score.Result, error) {
	if in.prepared != nil {
		return in.prepared.Evaluate(), nil
	}
	return score.Evaluate(in.tender, in.bids)
}

// award awards the lots under the tender's lot rules, from the prepared
// tender when there is one.
func (in *inputs) award() (score.AwardResult, error) {
	if in.prepared != nil {
		return in.prepared.Award()
	}
	return score.Award(in.tender, in.bids)
}

// analyse runs every analysis on each lot of the result, from the prepared
// tender when there is one, with a bar on a terminal: the analyses are the
// command's longest work.
func (in *inputs) analyse(e *env, res score.Result) ([]analysis.LotAnalysis, error) {
	b := e.bar("analysing lots", len(res.Lots))
	defer b.finish()
	var as []analysis.LotAnalysis
	for _, l := range res.Lots {
		var a analysis.LotAnalysis
		var err error
		if in.prepared != nil {
			a, err = analysis.AnalysePrepared(in.prepared, l.Lot.ID)
		} else {
			a, err = analysis.Analyse(in.tender, l.Lot.ID, in.bids)
		}
		if err != nil {
			return nil, err
		}
		as = append(as, a)
		b.step()
	}
	return as, nil
}

// countBefore counts the bids the given sources hold, to place the CSV
// bids among them.
func countBefore(srcs []*tenderfile.Source) int {
	n := 0
	for _, s := range srcs {
		n += s.Bids()
	}
	return n
}

func (in *inputs) validate(haveBids bool) error {
	if haveBids {
		p, err := score.Prepare(in.tender, in.bids)
		if err != nil {
			return in.src.Locate(err)
		}
		in.prepared = p
		return nil
	}
	err := tenderfile.Validate(in.tender, in.bids, in.src)
	if err == nil {
		return nil
	}
	var ferr *tenderfile.Error
	if !errors.As(err, &ferr) {
		return err
	}
	kept := &tenderfile.Error{Err: ferr.Err}
	for _, p := range ferr.Problems {
		if p.Rule != "no-bids" {
			kept.Problems = append(kept.Problems, p)
		}
	}
	if len(kept.Problems) == 0 {
		return nil
	}
	return kept
}

type namedFile struct {
	name string
	data []byte
}

// readFile reads a named file, or standard input for "-", refusing one
// larger than tenderfile.MaxFileBytes.
func readFile(e *env, name string) (namedFile, error) {
	var r io.Reader
	display := name
	if name == "-" {
		r, display = e.stdin, "(standard input)"
	} else {
		f, err := os.Open(name)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				return namedFile{}, fmt.Errorf("%s: cannot be opened: %v", name, pe.Err)
			}
			return namedFile{}, err
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return namedFile{}, fmt.Errorf("%s: is a folder, not a file", name)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, tenderfile.MaxCSVBytes+1))
	if err != nil {
		return namedFile{}, fmt.Errorf("%s: cannot be read: %v", display, err)
	}
	limit := tenderfile.MaxFileBytes
	if strings.EqualFold(filepath.Ext(name), ".csv") {
		limit = tenderfile.MaxCSVBytes
	}
	if len(data) > limit {
		return namedFile{}, fmt.Errorf("%s: the file is larger than %d MiB, the most tenderscore reads; split the bids across several files", display, limit>>20)
	}
	return namedFile{name: display, data: data}, nil
}

// dataProblems writes each problem of a frameworks data file at its place:
// "data.json:12:7: frameworks[0].dates.end: …".
func dataProblems(name string, err error) []string {
	var derr *frameworks.DataError
	if !errors.As(err, &derr) || len(derr.Problems) == 0 {
		return []string{name + ": " + err.Error()}
	}
	out := make([]string, len(derr.Problems))
	for i, p := range derr.Problems {
		out[i] = name + ":" + p.String()
		if p.Line == 0 {
			out[i] = name + ": " + p.String()
		}
	}
	return out
}

// lines splits an error into its problems, one per line.
func lines(err error) []string {
	return strings.Split(err.Error(), "\n")
}

// reportProblems writes problems to stderr and returns the error that sets the
// exit status.
func reportProblems(e *env, problems []string) error {
	for _, p := range problems {
		fmt.Fprintln(e.stderr, p)
	}
	n := len(problems)
	if n == 1 {
		return inputError{"1 problem"}
	}
	return inputError{fmt.Sprintf("%d problems", n)}
}
