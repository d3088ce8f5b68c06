package tenderfile

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// CSVFile is one CSV file to read, with the name used in errors.
type CSVFile struct {
	Name string
	R    io.Reader
}

// MaxCSVBytes is the largest CSV file read (64 MiB,
// [criteria.MaxCSVFileBytes]): a CSV file of marks for thousands of bids is
// far smaller than its YAML.
const MaxCSVBytes = criteria.MaxCSVFileBytes

// table is one kind of CSV file, told by its columns.
type table struct {
	kind     string
	key      string // the column that tells this kind ("" for bids)
	required []string
	optional []string
}

// identity are the columns any file may carry to name a bid's lot and
// supplier.
var identity = []string{"lot", "supplier", "supplierName"}

var livingWageColumns = []string{"livingWageAccreditation", "livingWageAtLeastApplicable", "livingWageHourlyRate", "livingWageIncludesContractedStaff", "livingWageEvidence"}

var tables = []table{
	{"marks", "mark", []string{"bid", "criterion", "mark"}, []string{"evaluator", "rationale", "consensus"}},
	{"prices", "amount", []string{"bid", "criterion", "amount"}, []string{"item"}},
	{"gates", "gate", []string{"bid", "gate", "pass"}, []string{"reason", "evidence"}},
	{"commitments", "measure", []string{"bid", "criterion", "measure"}, []string{"quantity", "fte", "years", "percent", "where", "methodStatement"}},
	{"tiebreaks", "step", []string{"bid", "step", "score"}, []string{"reason"}},
	{"features", "feature", []string{"bid", "feature", "value"}, nil},
	{"bids", "", []string{"bid", "lot", "supplier", "supplierName"}, livingWageColumns},
}

// ReadBidsCSV reads bids from CSV files as a spreadsheet exports them (the
// layouts are in the package documentation). The tender says which
// criteria are social value, whose marks are for the method statement.
// Every problem in every file is reported at once in an [*Error], each
// naming the file, its row and column as a spreadsheet names them
// ("prices.csv:7:C (column 3)"); a file whose header cannot be read hides
// no other file's problems. No bids are returned when there is any
// problem. Bids come in the order they are first named.
func ReadBidsCSV(t score.Tender, files ...CSVFile) ([]score.Bid, *Source, error) {
	var grids []*grid
	var errs []Problem
	for _, f := range files {
		g, err := readCSVGrid(f)
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) {
				return nil, nil, err
			}
			errs = append(errs, fe.Problems...)
			continue
		}
		grids = append(grids, g)
	}
	return readGrids(t, grids, errs)
}

// Bids returns how many bids the source's files hold.
func (s *Source) Bids() int {
	if s == nil {
		return 0
	}
	n := 0
	for _, p := range s.parts {
		if p.bids {
			n = max(n, p.first+p.count)
		}
	}
	return n
}

// ReadCSVTable reads one CSV file as a [Table], for [ReadBidsTables] to
// join with tables from other files (the sheets of a workbook). Its layout
// is told by its header. A file that is not CSV, or is larger than
// [MaxCSVBytes], gives an [*Error]. Each cell's Pos is its row and column
// (Cell set); its value is as [EncodeBidsCSV] wrote it, without the
// apostrophe that keeps a spreadsheet from reading it as a formula.
func ReadCSVTable(f CSVFile) (Table, error) {
	g, err := readCSVGrid(f)
	if err != nil {
		return Table{}, err
	}
	return g.table(), nil
}

// readCSVGrid reads one CSV file's header and rows, with no position kept
// per cell: a cell's place is its row's number and its column.
func readCSVGrid(f CSVFile) (*grid, error) {
	data, err := io.ReadAll(io.LimitReader(f.R, MaxCSVBytes+1))
	if err != nil {
		return nil, &Error{Err: err, Problems: []Problem{{Pos: Position{File: f.Name}, Rule: "read", Message: "cannot be read: " + err.Error()}}}
	}
	ps := &problems{file: f.Name}
	if len(data) > MaxCSVBytes {
		ps.add(0, 0, "", "", "size", "the file is larger than %d MiB, the most tenderscore reads; split the bids across several files", MaxCSVBytes>>20)
		return nil, ps.err()
	}
	data = bytes.TrimPrefix(data, bom)
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true // each row's cells are copied into the grid's text
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		ps.add(0, 0, "", "", "header", "the file is empty: want a header row naming the columns")
		return nil, ps.err()
	}
	if err != nil {
		return nil, csvProblem(ps, err)
	}
	g := &grid{file: f.Name, csv: true, header: slices.Clone(unescapeAll(header))}
	// A row is at least a line, and a cell ends at a comma or a line's end:
	// room for no more than the file's bytes could hold.
	lines := bytes.Count(data, []byte{'\n'}) + 1
	g.expect(lines, lines+bytes.Count(data, []byte{','}), len(data))
	for n := 2; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvProblem(ps, err)
		}
		if blank(rec) {
			continue
		}
		g.addRow(n, unescapeAll(rec))
	}
	return g, nil
}

// unescapeAll trims each cell and removes the apostrophe [EncodeBidsCSV]
// puts before a cell a spreadsheet would read as a formula.
func unescapeAll(rec []string) []string {
	for i, c := range rec {
		rec[i] = unescapeCell(strings.TrimSpace(c))
	}
	return rec
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func csvProblem(ps *problems, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		ps.add(pe.Line, pe.Column, "", "", "csv", "not valid CSV: %v", pe.Err)
	} else {
		ps.add(0, 0, "", "", "csv", "not valid CSV: %v", err)
	}
	return ps.err()
}

// tableOf tells a file's kind from its columns.
func tableOf(cols []string) (*table, string) {
	var found []*table
	for i := range tables {
		if tables[i].key != "" && slices.Contains(cols, tables[i].key) {
			found = append(found, &tables[i])
		}
	}
	switch {
	case len(found) == 1:
		return found[0], ""
	case len(found) > 1:
		return nil, fmt.Sprintf("cannot tell what the file holds: it has the columns %q and %q; put %s and %s in separate files", found[0].key, found[1].key, found[0].kind, found[1].kind)
	case slices.Contains(cols, "bid") && (slices.Contains(cols, "lot") || slices.Contains(cols, "supplier")):
		return &tables[len(tables)-1], ""
	}
	return nil, "cannot tell what the file holds: want a header row with bid and lot (bids), amount (prices), mark (marks), gate (gates), measure (commitments), step (tie-break scores) or feature (chosen features)"
}
