package tenderfile

import (
	"encoding/json"
	"errors"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// A JSON file is read first by a small scanner of its own, which turns
// well-formed JSON into the same nodes as the reader built on
// encoding/json's tokens at a fraction of the cost (that reader's Decoder
// builds, and throws away, an error value after every number and string).
// The scanner gives up at the first thing that is not plain well-formed
// JSON; the file is then read again by encoding/json, whose error, at its
// line and column, is the one reported. So the fast path decides nothing
// about what is valid: encoding/json does.

// errScan stops the scanner; the file is read again by encoding/json.
var errScan = errors.New("not plain JSON")

type jsonScan struct {
	data []byte
	off  int
	// cursor for lines and columns, moving forward only
	coff, line, col int
	bodyKey         string
	list            *listBody
}

// scanJSON reads a whole JSON document into nodes, the body's elements
// going to list as jsonReader sends them; errScan when the document is not
// plain well-formed JSON.
func scanJSON(data []byte, bodyKey string, list *listBody) (*yaml.Node, error) {
	s := &jsonScan{data: data, line: 1, col: 1, bodyKey: bodyKey, list: list}
	n, err := s.value(0)
	if err != nil {
		return nil, err
	}
	s.space()
	if s.off != len(s.data) {
		return nil, errScan
	}
	return n, nil
}

func (s *jsonScan) space() {
	for s.off < len(s.data) {
		switch s.data[s.off] {
		case ' ', '\t', '\r', '\n':
			s.off++
		default:
			return
		}
	}
}

// at moves the cursor to the scanner's offset and returns its line and
// column, counted in characters.
func (s *jsonScan) at() (int, int) {
	for s.coff < s.off {
		c := s.data[s.coff]
		switch {
		case c == '\n':
			s.line, s.col = s.line+1, 1
			s.coff++
		case c < utf8.RuneSelf:
			s.col++
			s.coff++
		default:
			_, size := utf8.DecodeRune(s.data[s.coff:])
			s.col++
			s.coff += size
		}
	}
	return s.line, s.col
}

func (s *jsonScan) value(depth int) (*yaml.Node, error) {
	s.space()
	if s.off >= len(s.data) || depth > maxDepth {
		return nil, errScan
	}
	line, col := s.at()
	n := &yaml.Node{Line: line, Column: col}
	switch c := s.data[s.off]; {
	case c == '{':
		return n, s.object(n, depth)
	case c == '[':
		n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		s.off++
		return n, s.elements(depth, func(v *yaml.Node) { n.Content = append(n.Content, v) })
	case c == '"':
		v, err := s.str()
		n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "!!str", v, yaml.DoubleQuotedStyle
		return n, err
	case c == '-' || (c >= '0' && c <= '9'):
		v, float, err := s.number()
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!int", v
		if float {
			n.Tag = "!!float"
		}
		return n, err
	}
	for _, lit := range []struct{ text, tag string }{{"true", "!!bool"}, {"false", "!!bool"}, {"null", "!!null"}} {
		if len(s.data)-s.off >= len(lit.text) && string(s.data[s.off:s.off+len(lit.text)]) == lit.text {
			s.off += len(lit.text)
			n.Kind, n.Tag, n.Value = yaml.ScalarNode, lit.tag, lit.text
			return n, nil
		}
	}
	return nil, errScan
}

func (s *jsonScan) object(n *yaml.Node, depth int) error {
	n.Kind, n.Tag = yaml.MappingNode, "!!map"
	s.off++ // {
	s.space()
	if s.off < len(s.data) && s.data[s.off] == '}' {
		s.off++
		return nil
	}
	for {
		s.space()
		if s.off >= len(s.data) || s.data[s.off] != '"' {
			return errScan
		}
		kl, kc := s.at()
		k, err := s.str()
		if err != nil {
			return err
		}
		s.space()
		if s.off >= len(s.data) || s.data[s.off] != ':' {
			return errScan
		}
		s.off++
		var v *yaml.Node
		if depth == 0 && k == s.bodyKey && s.list != nil && !s.list.streamed && s.peek() == '[' {
			v, err = s.stream(depth + 1)
		} else {
			v, err = s.value(depth + 1)
		}
		if err != nil {
			return err
		}
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k, Style: yaml.DoubleQuotedStyle, Line: kl, Column: kc}, v)
		s.space()
		if s.off >= len(s.data) {
			return errScan
		}
		switch s.data[s.off] {
		case ',':
			s.off++
		case '}':
			s.off++
			return nil
		default:
			return errScan
		}
	}
}

// elements reads an array's elements after its "[", handing each to add.
func (s *jsonScan) elements(depth int, add func(*yaml.Node)) error {
	s.space()
	if s.off < len(s.data) && s.data[s.off] == ']' {
		s.off++
		return nil
	}
	for {
		v, err := s.value(depth + 1)
		if err != nil {
			return err
		}
		add(v)
		s.space()
		if s.off >= len(s.data) {
			return errScan
		}
		switch s.data[s.off] {
		case ',':
			s.off++
		case ']':
			s.off++
			return nil
		default:
			return errScan
		}
	}
}

func (s *jsonScan) peek() byte {
	s.space()
	if s.off < len(s.data) {
		return s.data[s.off]
	}
	return 0
}

// stream reads the body's array, handing each element to the list body as
// soon as it is read; the node returned is the empty array.
func (s *jsonScan) stream(depth int) (*yaml.Node, error) {
	s.space()
	line, col := s.at()
	s.list.streamed = true
	s.list.grow(countElements(s.data[s.off:]))
	s.off++ // [
	if err := s.elements(depth, s.list.element); err != nil {
		return nil, err
	}
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line, Column: col}, nil
}

// str reads a string; one with escapes is decoded by encoding/json.
func (s *jsonScan) str() (string, error) {
	start := s.off
	s.off++ // "
	escaped := false
	for s.off < len(s.data) {
		switch c := s.data[s.off]; {
		case c == '"':
			s.off++
			if !escaped {
				return string(s.data[start+1 : s.off-1]), nil
			}
			var v string
			if err := json.Unmarshal(s.data[start:s.off], &v); err != nil {
				return "", errScan
			}
			return v, nil
		case c == '\\':
			escaped = true
			s.off += 2
		case c < 0x20:
			return "", errScan
		default:
			s.off++
		}
	}
	return "", errScan
}

// number reads a number as RFC 8259 writes one; float reports a point or
// an exponent.
func (s *jsonScan) number() (text string, float bool, err error) {
	start := s.off
	digits := func() int {
		n := 0
		for s.off < len(s.data) && s.data[s.off] >= '0' && s.data[s.off] <= '9' {
			s.off++
			n++
		}
		return n
	}
	if s.data[s.off] == '-' {
		s.off++
	}
	first := s.off
	if n := digits(); n == 0 || (n > 1 && s.data[first] == '0') {
		return "", false, errScan
	}
	if s.off < len(s.data) && s.data[s.off] == '.' {
		s.off++
		float = true
		if digits() == 0 {
			return "", false, errScan
		}
	}
	if s.off < len(s.data) && (s.data[s.off] == 'e' || s.data[s.off] == 'E') {
		s.off++
		float = true
		if s.off < len(s.data) && (s.data[s.off] == '+' || s.data[s.off] == '-') {
			s.off++
		}
		if digits() == 0 {
			return "", false, errScan
		}
	}
	return string(s.data[start:s.off]), float, nil
}
