package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/tenderscore/tenderscore/tenderfile"
	"github.com/tenderscore/tenderscore/tenderfile/xlsx"
)

// workbookExts are the names of files read as workbooks, whatever they
// hold: the workbook reader says what an .xls or .ods is and what to do.
var workbookExts = []string{".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb", ".ods"}

// isWorkbook reports whether a bids file is a workbook, by its name or,
// for standard input, by its first bytes (a zip or Compound File).
func isWorkbook(f namedFile) bool {
	ext := strings.ToLower(filepath.Ext(f.name))
	for _, w := range workbookExts {
		if ext == w {
			return true
		}
	}
	return bytes.HasPrefix(f.data, []byte("PK\x03\x04")) || bytes.HasPrefix(f.data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
}

// tabular reports whether a bids file holds tables in the CSV layouts: a
// CSV file or a workbook.
func tabular(f namedFile) bool {
	return strings.EqualFold(filepath.Ext(f.name), ".csv") || isWorkbook(f)
}

// readTables reads a CSV file or a workbook into tables, writing the
// workbook's notes (formulas read from their saved results, sheets not
// read) on stderr.
func readTables(e *env, f namedFile) ([]tenderfile.Table, error) {
	if !isWorkbook(f) {
		tb, err := tenderfile.ReadCSVTable(tenderfile.CSVFile{Name: f.name, R: bytes.NewReader(f.data)})
		if err != nil {
			return nil, err
		}
		return []tenderfile.Table{tb}, nil
	}
	wb, err := xlsx.Read(f.name, bytes.NewReader(f.data))
	if err != nil {
		return nil, err
	}
	for _, n := range wb.Notes {
		fmt.Fprintf(e.stderr, "%s (note)\n", n)
	}
	return wb.Tables, nil
}

// outputFlag adds -o, the file a workbook is written to.
func outputFlag(fs *flag.FlagSet) *string {
	return fs.String("o", "", "write the workbook to this file (- for standard output)")
}

// writeWorkbook writes a workbook made by write to the file -o names.
func writeWorkbook(e *env, path string, write func(io.Writer) error) error {
	if path == "" {
		return usageError{"a workbook is not text: name the file to write with -o (for example -o matrix.xlsx), or -o - for standard output"}
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	if path == "-" {
		_, err := e.stdout.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return fmt.Errorf("%s: cannot be written: %v", path, pe.Err)
		}
		return err
	}
	e.inform("wrote %s", path)
	return nil
}

func templateCommand() command {
	return command{
		name: "template", args: "-o FILE.xlsx TENDER [BIDS...]",
		summary: "write the workbook evaluators fill in: a sheet per layout, marks limited to each scale",
		about: `Template writes the Excel workbook an evaluation panel fills in: a protected
sheet describing the model (criteria, weights, how each is scored, the
scales with their descriptors, gates, thresholds, rounding, tie-breaks),
then a sheet per layout (bids, prices, marks, gates, commitments,
tiebreaks) with its header locked in row 1. With bids, each sheet has a row
for every bid and price, every bid, question and evaluator (named with
--evaluators), and every bid and gate, each mark limited to its question's
scale. The sheets are protected without a password, against accidents.
The filled workbook is read wherever a CSV file is.`,
		example: "tenderscore template -o marks.xlsx --evaluators \"Evaluator A,Evaluator B\" " + croydon,
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			out := outputFlag(fs)
			evaluators := fs.String("evaluators", "", "the panel, separated by commas: each gets a row per bid and question")
			return func(e *env, args []string) error {
				in, err := load(e, args, false, true)
				if err != nil {
					return err
				}
				var opts xlsx.TemplateOptions
				for _, ev := range strings.Split(*evaluators, ",") {
					if ev = strings.TrimSpace(ev); ev != "" {
						opts.Evaluators = append(opts.Evaluators, ev)
					}
				}
				return writeWorkbook(e, *out, func(w io.Writer) error { return xlsx.WriteTemplate(w, in.tender, in.bids, opts) })
			}
		},
	}
}
