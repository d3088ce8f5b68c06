package ocds

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tenderscore/tenderscore/tenderfile"
)

// Limits on what Import reads: the file may come from anywhere.
const (
	// MaxImportBytes is the largest file Import reads (32 MiB, as
	// tenderfile reads): a Find a Tender page of a hundred notices is a
	// few megabytes.
	MaxImportBytes = tenderfile.MaxFileBytes
	// MaxDepth is the deepest a notice's values may nest; OCDS's deepest,
	// a package's award criterion number, is about a dozen levels down.
	MaxDepth = 64
	// MaxLots and MaxCriteria bound the lots of a tender and the award
	// criteria of a lot.
	MaxLots     = 1000
	MaxCriteria = 200
)

// readDoc reads a file into the objects Import uses: UTF-8 JSON, at most
// MaxImportBytes, nesting at most MaxDepth deep. Work is linear in the
// size of the file.
func readDoc(name string, r io.Reader) (*inDoc, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return nil, &tenderfile.Error{Err: err, Problems: []tenderfile.Problem{{Pos: tenderfile.Position{File: name}, Rule: "read", Message: "cannot be read: " + err.Error()}}}
	}
	at := func(off int, rule, format string, args ...any) error {
		line, col := lineCol(data, off)
		return &tenderfile.Error{Problems: []tenderfile.Problem{{Pos: tenderfile.Position{File: name, Line: line, Column: col}, Rule: rule, Message: fmt.Sprintf(format, args...)}}}
	}
	switch {
	case len(data) > MaxImportBytes:
		return nil, at(0, "size", "the file is larger than %d MiB, the most tenderscore reads; fetch the one notice (Find a Tender: /api/1.0/ocdsReleasePackages/{ocid})", MaxImportBytes>>20)
	case !utf8.Valid(data):
		return nil, at(0, "utf-8", "the file is not UTF-8 text")
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	start := len(data) - len(bytes.TrimLeft(data, " \t\r\n"))
	switch {
	case start == len(data):
		return nil, at(0, "empty", "the file is empty")
	case data[start] != '{':
		return nil, at(start, "ocds", "not an OCDS release, record or package: want a JSON object")
	}
	if off, deep := tooDeep(data); deep {
		return nil, at(off, "depth", "values nest more than %d deep", MaxDepth)
	}
	var doc inDoc
	err = json.Unmarshal(data, &doc)
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se) && int(se.Offset) >= len(data):
		return nil, at(len(data), "json", "not valid JSON: the file ends too soon")
	case errors.As(err, &se):
		return nil, at(int(se.Offset)-1, "json", "not valid JSON: %s", strings.TrimPrefix(se.Error(), "json: "))
	case errors.As(err, &te):
		return nil, at(int(te.Offset)-1, "type", "%s: want %s, found %s", jsonPath(te.Field), want(te.Type.Kind().String()), found(te.Value))
	case err != nil:
		return nil, at(0, "json", "not valid JSON: %v", err)
	}
	return &doc, nil
}

// want names the kind of JSON value a Go kind is read from.
func want(goKind string) string {
	switch goKind {
	case "slice":
		return "a list"
	case "struct", "ptr":
		return "an object"
	}
	return goKind
}

// found names the kind of JSON value encoding/json found.
func found(v string) string {
	switch v {
	case "array":
		return "a list"
	case "object":
		return "an object"
	case "string":
		return "text"
	case "bool":
		return "true or false"
	}
	return "a " + v
}

// jsonPath writes encoding/json's dotted field path as this package writes
// paths; it holds the names, without list positions.
func jsonPath(f string) string {
	if f == "" {
		return "(the file)"
	}
	return f
}

// tooDeep scans for nesting beyond MaxDepth, outside strings, in one pass.
func tooDeep(data []byte) (int, bool) {
	depth, inString, escaped := 0, false, false
	for i, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > MaxDepth {
				return i, true
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return 0, false
}

// lineCol turns a byte offset into a line and a column counted in
// characters, both from 1.
func lineCol(data []byte, off int) (int, int) {
	off = min(max(off, 0), len(data))
	line, col := 1, 1
	for _, r := range string(data[:off]) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
