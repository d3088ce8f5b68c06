package tenderfile

import (
	"errors"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/tenderscore/tenderscore/score"
)

// Source records where each part of a decoded tender or set of bids came
// from, so that a problem found later — by [score.Tender.Validate], by a
// check — can be shown at its place in the file. Sources of a tender and
// of several bids files join into one with [Join].
type Source struct {
	parts []part
}

// part is one file's contribution.
type part struct {
	file string
	bids bool // a bids file; else a tender file
	// first is the index, in the joined list of bids, of this file's
	// first bid; count is how many it holds.
	first, count int
	tree         *tree     // YAML or JSON: the file, parsed again when asked
	cells        *csvCells // CSV: where each value came from
}

// tree is a YAML or JSON file kept as its bytes, and parsed again into
// nodes only when a position in it is first asked for: the nodes of a large
// bids file take many times its size, and a file that validates never
// needs them.
//
// A JSON bids file is parsed again keeping only the bids asked for (the
// others' places in the list are nil), so that placing a hundred problems
// in a file of a million bids builds a hundred bids' nodes.
type tree struct {
	data    []byte
	format  Format
	bodyKey string
	mu      sync.Mutex
	parsed  bool
	root    *yaml.Node // the tender mapping or the bids list
	wanted  map[int]bool
	stale   bool // a bid is wanted that the last parse did not keep
}

// want asks for the i-th element of a list body to be kept.
func (t *tree) want(i int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.wanted == nil {
		t.wanted = map[int]bool{}
	}
	if !t.wanted[i] {
		t.wanted[i] = true
		t.stale = true
	}
}

// body returns the file's body node, parsing the file the first time it
// is asked for (and again, for a JSON list, when another element is
// wanted).
func (t *tree) body() *yaml.Node {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.parsed && !(t.stale && t.format == JSON) {
		return t.root
	}
	t.parsed, t.stale = true, false
	var list *listBody
	if t.format == JSON {
		var kept []*yaml.Node
		list = &listBody{visit: func(i int, n *yaml.Node) {
			for len(kept) <= i {
				kept = append(kept, nil)
			}
			if t.wanted[i] {
				kept[i] = n
			}
		}}
		defer func() {
			if list.streamed && t.root != nil {
				t.root.Content = kept
			}
		}()
	}
	root, err := parseStreaming("", t.data, t.format, t.bodyKey, list)
	t.root = nil
	if err != nil {
		return nil
	}
	if root = deref(root); root != nil && root.Kind == yaml.MappingNode {
		t.root, _ = lookup(root, t.bodyKey, 0)
		t.root = deref(t.root)
	}
	return t.root
}

// Join returns one Source for a tender and its bids read from several
// files, in the order their bids are joined into one list. Nil sources
// are skipped.
func Join(sources ...*Source) *Source {
	out := &Source{}
	n := 0
	for _, s := range sources {
		if s == nil {
			continue
		}
		base := n
		for _, p := range s.parts {
			if p.bids {
				p.first += base
				n = max(n, p.first+p.count)
			}
			out.parts = append(out.parts, p)
		}
	}
	return out
}

// Position returns the place in its file of the value at a field path as
// package score names it: "lots[0].policy.criteria[1].weight" in the
// tender, "bids[3].responses[q1].marks" in the bids. When the path leads
// to nothing in the file (a field left out), it is the place of the
// nearest enclosing value; when no file holds it, the zero Position.
func (s *Source) Position(path string) Position {
	if s == nil {
		return Position{}
	}
	segs := splitPath(path)
	isBid := len(segs) > 0 && segs[0].name == "bids"
	for _, p := range s.parts {
		if p.bids != isBid {
			continue
		}
		rel := segs
		if isBid {
			if len(segs) < 2 || !segs[1].index {
				if p.first == 0 {
					return p.locate(rel)
				}
				continue
			}
			i, err := strconv.Atoi(segs[1].name)
			if err != nil || i < p.first || i >= p.first+p.count {
				continue
			}
			rel = append([]segment{segs[0], {name: strconv.Itoa(i - p.first), index: true}}, segs[2:]...)
		}
		return p.locate(rel)
	}
	return Position{}
}

// want marks the bid a field path is in as wanted by its file's tree.
func (s *Source) want(path string) {
	segs := splitPath(path)
	if len(segs) < 2 || segs[0].name != "bids" || !segs[1].index {
		return
	}
	i, err := strconv.Atoi(segs[1].name)
	if err != nil {
		return
	}
	for _, p := range s.parts {
		if p.bids && p.tree != nil && i >= p.first && i < p.first+p.count {
			p.tree.want(i - p.first)
		}
	}
}

// Locate gives every problem of a *score.ValidationError its position in
// the files, as an [*Error] that wraps the original; any other error is
// returned as it is.
func (s *Source) Locate(err error) error {
	var verr *score.ValidationError
	if !errors.As(err, &verr) {
		return err
	}
	for _, p := range verr.Problems {
		s.want(p.Field) // so that each file is parsed again once, not once a problem
	}
	out := &Error{Err: err}
	for _, p := range verr.Problems {
		var pos Position
		if p.Rule != "too-many" || p.Field != "" { // the count of problems left out has no place
			pos = s.Position(p.Field)
		}
		out.Problems = append(out.Problems, Problem{Pos: pos, Field: p.Field, Value: p.Value, Rule: p.Rule, Message: p.Message})
	}
	return out
}

// segment is one step of a field path: a name ("lots"), or what stands in
// brackets after it ("0", "q1").
type segment struct {
	name  string
	index bool
}

func splitPath(path string) []segment {
	var out []segment
	for i := 0; i < len(path); {
		switch path[i] {
		case '.':
			i++
		case '[':
			j := strings.IndexByte(path[i:], ']')
			if j < 0 {
				out = append(out, segment{name: path[i+1:], index: true})
				return out
			}
			out = append(out, segment{name: path[i+1 : i+j], index: true})
			i += j + 1
		default:
			j := strings.IndexAny(path[i:], ".[")
			if j < 0 {
				j = len(path) - i
			}
			out = append(out, segment{name: path[i : i+j]})
			i += j
		}
	}
	return out
}

func joinPath(segs []segment) string {
	var b strings.Builder
	for i, s := range segs {
		switch {
		case s.index:
			b.WriteString("[" + s.name + "]")
		case i > 0:
			b.WriteString("." + s.name)
		default:
			b.WriteString(s.name)
		}
	}
	return b.String()
}

// locate walks the part's tree (or its cells) as far as the path goes.
func (p part) locate(segs []segment) Position {
	if p.cells != nil {
		return p.cells.locate(segs)
	}
	var n *yaml.Node
	if p.tree != nil {
		if p.bids && len(segs) >= 2 && segs[1].index {
			if i, err := strconv.Atoi(segs[1].name); err == nil {
				p.tree.want(i)
			}
		}
		n = p.tree.body()
	}
	pos := Position{File: p.file}
	if n != nil {
		pos.Line, pos.Column = n.Line, n.Column
	}
	if p.bids && len(segs) > 0 {
		segs = segs[1:] // the root is the bids list itself
	}
	for _, sg := range segs {
		n = deref(n)
		if n == nil {
			break
		}
		var next, at *yaml.Node
		switch {
		case n.Kind == yaml.SequenceNode && sg.index:
			i, err := strconv.Atoi(sg.name)
			if err == nil && i >= 0 && i < len(n.Content) {
				next = n.Content[i]
				at = next
			}
		case n.Kind == yaml.MappingNode:
			next, at = lookup(n, sg.name, 0)
		}
		if next == nil {
			break
		}
		pos.Line, pos.Column = at.Line, at.Column
		n = next
	}
	return pos
}

func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i <= maxDepth; i++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.AliasNode {
		return nil
	}
	return n
}

// lookup finds a key in a mapping, merges included; it returns the value
// and the key node (whose place names the field best).
func lookup(n *yaml.Node, k string, depth int) (value, keyNode *yaml.Node) {
	if depth > maxDepth {
		return nil, nil
	}
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn := deref(n.Content[i])
		if kn == nil {
			continue
		}
		if kn.Tag == "!!merge" {
			merges = append(merges, n.Content[i+1])
			continue
		}
		if kn.Kind == yaml.ScalarNode && kn.Value == k {
			return n.Content[i+1], kn
		}
	}
	for _, m := range merges {
		m = deref(m)
		if m == nil {
			continue
		}
		sources := []*yaml.Node{m}
		if m.Kind == yaml.SequenceNode {
			sources = m.Content
		}
		for _, s := range sources {
			if s = deref(s); s != nil && s.Kind == yaml.MappingNode {
				if v, kn := lookup(s, k, depth+1); v != nil {
					return v, kn
				}
			}
		}
	}
	return nil, nil
}
