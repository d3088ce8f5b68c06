package main

import (
	"bytes"
	"fmt"
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
