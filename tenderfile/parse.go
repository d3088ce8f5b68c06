package tenderfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/tenderscore/tenderscore/criteria"
)

// Format is a file format for tenders and bids.
type Format string

// Formats.
const (
	// YAML is YAML 1.2 as go.yaml.in/yaml/v3 reads it, with anchors,
	// aliases and merge keys.
	YAML Format = "yaml"
	// JSON is RFC 8259 JSON.
	JSON Format = "json"
)

// FormatOf picks the format of a file: by its extension (.json, or .yaml
// and .yml), else by its first character ("{" or "[" is JSON), else YAML.
func FormatOf(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return JSON
	case ".yaml", ".yml":
		return YAML
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(data, bom), " \t\r\n")
	if len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return JSON
	}
	return YAML
}

var bom = []byte("\ufeff")

// MaxYAMLBytes is the largest file read as YAML (4 MiB,
// [criteria.MaxYAMLFileBytes]): the YAML parser holds a tree of the whole
// file, some fifty to 170 times its size; a JSON file of up to
// [MaxFileBytes] is read one bid at a time.
const MaxYAMLBytes = criteria.MaxYAMLFileBytes

// checkYAMLSize refuses a YAML file larger than MaxYAMLBytes.
func checkYAMLSize(name string, data []byte, f Format) error {
	if f != YAML || len(data) <= MaxYAMLBytes {
		return nil
	}
	return &Error{Problems: []Problem{{Pos: Position{File: name}, Rule: "size",
		Message: fmt.Sprintf("the file is larger than %d MiB, the most tenderscore reads as YAML (whose parser holds the whole file, many times its size); write the bids as JSON (up to %d MiB) or CSV, or split them across several files", MaxYAMLBytes>>20, MaxFileBytes>>20)}}}
}

// MaxFileBytes is the largest file the decoders read (32 MiB,
// [criteria.MaxTenderFileBytes]): a tender is a few hundred kilobytes, and
// a bids file for thousands of bids a few megabytes. Larger inputs are
// refused with a clear error rather than exhausting memory.
const MaxFileBytes = criteria.MaxTenderFileBytes

// maxDepth bounds nesting in a file ([criteria.MaxNesting]).
const maxDepth = criteria.MaxNesting

// readLimited reads at most MaxFileBytes from r.
func readLimited(name string, r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, &Error{Err: err, Problems: []Problem{{Pos: Position{File: name}, Rule: "read", Message: "cannot be read: " + err.Error()}}}
	}
	if len(data) > MaxFileBytes {
		return nil, &Error{Problems: []Problem{{Pos: Position{File: name}, Rule: "size",
			Message: fmt.Sprintf("the file is larger than %d MiB, the most tenderscore reads; split the bids across several files", MaxFileBytes>>20)}}}
	}
	return data, nil
}

// parse reads one YAML or JSON document into a node tree with positions.
// JSON is read by encoding/json (so that a file indented with tabs, or any
// other valid JSON, reads as JSON does) and turned into the same nodes.
func parse(name string, data []byte, f Format) (*yaml.Node, error) {
	return parseStreaming(name, data, f, "", nil)
}

// parseStreaming is parse, except that the elements of a JSON file's list
// body (the array under bodyKey) go to list as they are read, never all
// held at once; the body's node is then an empty list.
func parseStreaming(name string, data []byte, f Format, bodyKey string, list *listBody) (root *yaml.Node, err error) {
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fileProblem(name, 0, 0, "empty", "the file is empty")
	}
	if !utf8.Valid(data) {
		return nil, fileProblem(name, 0, 0, "utf-8", "the file is not UTF-8 text")
	}
	if f == JSON {
		return parseJSON(name, data, bodyKey, list)
	}
	defer func() {
		// The YAML library is not ours; whatever it does with hostile input,
		// the caller gets an error, never a panic.
		if r := recover(); r != nil {
			root, err = nil, fileProblem(name, 0, 0, "yaml", fmt.Sprintf("not valid YAML (%v)", r))
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fileProblem(name, 0, 0, "empty", "the file holds no YAML document")
		}
		return nil, yamlProblem(name, err)
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, yamlProblem(name, err)
		}
		return nil, fileProblem(name, more.Line, more.Column, "one-document", "the file holds more than one YAML document; put each tender or set of bids in its own file")
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, fileProblem(name, 0, 0, "empty", "the file holds no YAML document")
	}
	return doc.Content[0], nil
}

func fileProblem(name string, line, col int, rule, msg string) error {
	return &Error{Problems: []Problem{{Pos: Position{File: name, Line: line, Column: col}, Rule: rule, Message: msg}}}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlProblem turns the YAML library's syntax error into a Problem with
// the line it names.
func yamlProblem(name string, err error) error {
	msg := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	return &Error{Err: err, Problems: []Problem{{Pos: Position{File: name, Line: line}, Rule: "yaml", Message: "not valid YAML: " + msg}}}
}

// jsonReader turns encoding/json's tokens into yaml nodes, keeping each
// token's line and column.
type jsonReader struct {
	data []byte
	dec  *json.Decoder
	// cursor for turning offsets into lines and columns, moving forward only
	off, line, col int
	// the envelope key whose array goes element by element to list
	bodyKey string
	list    *listBody
}

func parseJSON(name string, data []byte, bodyKey string, list *listBody) (*yaml.Node, error) {
	if n, err := scanJSON(data, bodyKey, list); err == nil { // json_scan.go
		return n, nil
	}
	list.reset() // what the scanner decoded is read again
	return readJSONTokens(name, data, bodyKey, list)
}

// readJSONTokens reads a JSON document with encoding/json's tokens,
// giving its errors at their lines and columns.
func readJSONTokens(name string, data []byte, bodyKey string, list *listBody) (*yaml.Node, error) {
	jr := &jsonReader{data: data, dec: json.NewDecoder(bytes.NewReader(data)), line: 1, col: 1, bodyKey: bodyKey, list: list}
	jr.dec.UseNumber()
	n, err := jr.value(0)
	if err != nil {
		return nil, jr.problem(name, err)
	}
	if _, err := jr.dec.Token(); !errors.Is(err, io.EOF) {
		l, c := jr.at(jr.start())
		return nil, fileProblem(name, l, c, "one-value", "more than one JSON value in the file")
	}
	return n, nil
}

func (jr *jsonReader) problem(name string, err error) error {
	var se *json.SyntaxError
	var de depthError
	switch {
	case errors.As(err, &se):
		off := int(se.Offset) - 1
		if off < jr.off {
			off = jr.off
		}
		l, c := jr.at(off)
		return &Error{Err: err, Problems: []Problem{{Pos: Position{File: name, Line: l, Column: c}, Rule: "json", Message: "not valid JSON: " + strings.TrimPrefix(se.Error(), "json: ")}}}
	case errors.As(err, &de):
		return fileProblem(name, de.line, de.col, "depth", fmt.Sprintf("values nest more than %d deep", maxDepth))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		l, c := jr.at(len(jr.data))
		return fileProblem(name, l, c, "json", "not valid JSON: the file ends too soon")
	}
	return &Error{Err: err, Problems: []Problem{{Pos: Position{File: name}, Rule: "json", Message: "not valid JSON: " + err.Error()}}}
}

type depthError struct{ line, col int }

func (e depthError) Error() string { return "too deep" }

// peek returns the first byte of the next token, or 0 at the end.
func (jr *jsonReader) peek() byte {
	if off := jr.start(); off < len(jr.data) {
		return jr.data[off]
	}
	return 0
}

// stream reads an array, handing each element to the list body as soon as
// it is read; the node returned is the empty array.
func (jr *jsonReader) stream(depth int) (*yaml.Node, error) {
	off := jr.start()
	line, col := jr.at(off)
	if _, err := jr.dec.Token(); err != nil { // [
		return nil, err
	}
	jr.list.streamed = true
	jr.list.grow(countElements(jr.data[off:]))
	for jr.dec.More() {
		v, err := jr.value(depth + 1)
		if err != nil {
			return nil, err
		}
		jr.list.element(v)
	}
	if _, err := jr.dec.Token(); err != nil { // ]
		return nil, err
	}
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line, Column: col}, nil
}

// countElements counts the elements of the JSON array data begins with,
// by its bytes alone (strings skipped, nesting followed), so that the
// slice they are decoded into is made once, at its size. On malformed
// JSON the count is only a hint; the decoder reports the error.
func countElements(data []byte) int {
	n, depth, inString, empty := 0, 0, false, true
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case inString:
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
			if depth == 0 {
				if !empty {
					n++
				}
				return n
			}
		case c == ',' && depth == 1:
			n++
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			continue
		}
		if depth >= 1 && !(depth == 1 && c == '[') {
			empty = false
		}
	}
	return n
}

// start is the offset of the next token: past white space and separators.
func (jr *jsonReader) start() int {
	off := int(jr.dec.InputOffset())
	for off < len(jr.data) {
		switch jr.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

// at turns an offset at or after the cursor into a line and a column
// counted in characters.
func (jr *jsonReader) at(off int) (int, int) {
	if off > len(jr.data) {
		off = len(jr.data)
	}
	for jr.off < off {
		r, size := utf8.DecodeRune(jr.data[jr.off:])
		if r == '\n' {
			jr.line++
			jr.col = 1
		} else {
			jr.col++
		}
		jr.off += size
	}
	return jr.line, jr.col
}

func (jr *jsonReader) value(depth int) (*yaml.Node, error) {
	line, col := jr.at(jr.start())
	if depth > maxDepth {
		return nil, depthError{line, col}
	}
	tok, err := jr.dec.Token()
	if err != nil {
		return nil, err
	}
	n := &yaml.Node{Line: line, Column: col}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.Kind, n.Tag = yaml.MappingNode, "!!map"
			for jr.dec.More() {
				kl, kc := jr.at(jr.start())
				kt, err := jr.dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := kt.(string)
				if !ok {
					return nil, &json.SyntaxError{Offset: jr.dec.InputOffset()}
				}
				var v *yaml.Node
				if depth == 0 && key == jr.bodyKey && jr.list != nil && !jr.list.streamed && jr.peek() == '[' {
					v, err = jr.stream(depth + 1)
				} else {
					v, err = jr.value(depth + 1)
				}
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Style: yaml.DoubleQuotedStyle, Line: kl, Column: kc}, v)
			}
		case '[':
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
			for jr.dec.More() {
				v, err := jr.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, v)
			}
		}
		if _, err := jr.dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "!!str", t, yaml.DoubleQuotedStyle
	case json.Number:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!float", string(t)
		if !strings.ContainsAny(string(t), ".eE") {
			n.Tag = "!!int"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", strconv.FormatBool(t)
	case nil:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}
