package tenderfile

import (
	"bufio"
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/internal/slug"
	"github.com/tenderscore/tenderscore/score"
)

// EncodeTender writes a tender file that [ReadTender] reads back to the
// same tender. Fields follow the model's order; a field is left out when
// it is empty (and its JSON tag says it may be, for a single value);
// decimals are written as strings, exactly as held ("0.0040" stays
// "0.0040"); map keys are sorted. In YAML, a measure catalogue or a mark
// scale used more than once is written once with an anchor (&catalogue)
// and then referred to by alias (*catalogue).
func EncodeTender(w io.Writer, t score.Tender, f Format) error {
	e := newEncoder()
	body, _ := e.node(reflect.ValueOf(t), true)
	return write(w, envelope(TenderSchema, "tender", body), f)
}

// EncodeBids writes a bids file that [ReadBids] reads back to the same
// bids, in the order given, as [EncodeTender] writes a tender.
func EncodeBids(w io.Writer, bids []score.Bid, f Format) error {
	e := newEncoder()
	body, _ := e.node(reflect.ValueOf(bids), true)
	return write(w, envelope(BidsSchema, "bids", body), f)
}

func envelope(schema, bodyKey string, body *yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
		str("schemaVersion"), str(schema), str(bodyKey), body,
	}}
}

func write(w io.Writer, n *yaml.Node, f Format) error {
	switch f {
	case JSON:
		bw := bufio.NewWriter(w)
		writeJSON(bw, n, "")
		bw.WriteString("\n")
		return bw.Flush()
	case YAML:
		enc := yaml.NewEncoder(w)
		enc.SetIndent(2)
		if err := enc.Encode(n); err != nil {
			return err
		}
		return enc.Close()
	}
	return fmt.Errorf("tenderfile: unknown format %q", f)
}

// str is a text node. "<<" is YAML's merge key, which the YAML encoder
// writes as "!!merge <<" rather than quote it: it is quoted here, so that
// a title, a description or a key of "<<" reads back as the text it is.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if s == "<<" {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// encoder turns model values into nodes by reflection, naming fields by
// their JSON tags.
type encoder struct {
	fields  map[reflect.Type][]encField
	shared  map[string]*yaml.Node // canonical text → first node of a shared value
	anchors map[string]bool
}

type encField struct {
	field
	omitEmpty bool
}

func newEncoder() *encoder {
	return &encoder{fields: map[reflect.Type][]encField{}, shared: map[string]*yaml.Node{}, anchors: map[string]bool{}}
}

func (e *encoder) fieldsOf(t reflect.Type) []encField {
	if fs, ok := e.fields[t]; ok {
		return fs
	}
	var out []encField
	for _, f := range structFields(t, nil) {
		sf := t.FieldByIndex(f.index)
		_, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
		omit := slices.ContainsFunc(strings.Split(opts, ","), func(o string) bool { return o == "omitempty" || o == "omitzero" })
		out = append(out, encField{field: f, omitEmpty: omit})
	}
	e.fields[t] = out
	return out
}

// sharedTypes are the values written once and aliased after in YAML: the
// parts of a policy that councils repeat across criteria and lots.
var sharedTypes = map[reflect.Type]string{
	reflect.TypeFor[criteria.Catalogue](): "catalogue",
	reflect.TypeFor[criteria.Scale]():     "scale",
}

// node returns v's node and whether it holds anything. A single value
// (text, number, true or false) always holds something; a mapping or list
// holds something when it has an entry.
func (e *encoder) node(v reflect.Value, force bool) (*yaml.Node, bool) {
	t := v.Type()
	if n, ok := namedNode(v); ok { // a built-in scale by name (named.go)
		return n, true
	}
	switch {
	case t == decimalType:
		d := v.Interface().(decimal.Decimal)
		return str(decimalString(d)), !d.IsZero()
	case t.Kind() == reflect.Pointer:
		if v.IsNil() {
			return nil, false
		}
		n, _ := e.node(v.Elem(), true)
		return n, true
	case t.Implements(textMarshalerType) && t.Kind() != reflect.String:
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			b = nil
		}
		return str(string(b)), len(b) > 0
	}
	switch t.Kind() {
	case reflect.String:
		return str(v.String()), v.String() != ""
	case reflect.Bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v.Bool())}, v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(v.Int(), 10)}, v.Int() != 0
	case reflect.Struct:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, f := range e.fieldsOf(t) {
			c, full := e.node(v.FieldByIndex(f.index), false)
			if c == nil || (!full && (f.omitEmpty || c.Kind != yaml.ScalarNode)) {
				continue
			}
			n.Content = append(n.Content, str(f.name), c)
		}
		if name, ok := sharedTypes[t]; ok && len(n.Content) > 0 {
			n = e.share(n, name, v)
		}
		return n, len(n.Content) > 0 || n.Kind == yaml.AliasNode
	case reflect.Slice:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i := range v.Len() {
			c, _ := e.node(v.Index(i), true)
			if c == nil {
				c = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
			}
			n.Content = append(n.Content, c)
		}
		return n, v.Len() > 0
	case reflect.Map:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			c, _ := e.node(v.MapIndex(k), true)
			if c == nil {
				c = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
			}
			n.Content = append(n.Content, str(k.String()), c)
		}
		return n, v.Len() > 0
	}
	// A kind the format has no place for (a float, an interface) is a
	// mistake in the model, caught by this package's tests.
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, false
}

// share returns an alias to an identical value written before, or marks
// n as the value later ones refer to.
func (e *encoder) share(n *yaml.Node, base string, v reflect.Value) *yaml.Node {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	writeJSON(bw, n, "")
	bw.Flush()
	canon := base + "\x00" + buf.String()
	first, seen := e.shared[canon]
	if !seen {
		e.shared[canon] = n
		return n
	}
	if first.Anchor == "" {
		name := base
		if nf := v.FieldByName("Name"); nf.IsValid() && nf.Kind() == reflect.String {
			if s := slug.Words(nf.String(), 41); s != "" {
				name = base + "-" + s
			}
		}
		anchor := name
		for i := 2; e.anchors[anchor]; i++ {
			anchor = name + "-" + strconv.Itoa(i)
		}
		e.anchors[anchor] = true
		first.Anchor = anchor
	}
	return &yaml.Node{Kind: yaml.AliasNode, Value: first.Anchor, Alias: first}
}

// decimalString writes a decimal exactly as held, trailing zeros kept:
// "1234.50", "0.0040", "40".
func decimalString(d decimal.Decimal) string {
	if d.Exponent() < 0 {
		return d.StringFixed(-d.Exponent())
	}
	return d.String()
}

// writeJSON writes a node tree as indented JSON; aliases are written out
// in full.
func writeJSON(w *bufio.Writer, n *yaml.Node, indent string) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			w.WriteString("{}")
			return
		}
		w.WriteString("{\n")
		inner := indent + "  "
		for i := 0; i+1 < len(n.Content); i += 2 {
			w.WriteString(inner)
			writeJSONString(w, n.Content[i].Value)
			w.WriteString(": ")
			writeJSON(w, n.Content[i+1], inner)
			if i+2 < len(n.Content) {
				w.WriteString(",")
			}
			w.WriteString("\n")
		}
		w.WriteString(indent + "}")
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			w.WriteString("[]")
			return
		}
		w.WriteString("[\n")
		inner := indent + "  "
		for i, c := range n.Content {
			w.WriteString(inner)
			writeJSON(w, c, inner)
			if i+1 < len(n.Content) {
				w.WriteString(",")
			}
			w.WriteString("\n")
		}
		w.WriteString(indent + "]")
	default:
		switch n.Tag {
		case "!!str":
			writeJSONString(w, n.Value)
		default:
			w.WriteString(n.Value)
		}
	}
}

func writeJSONString(w *bufio.Writer, s string) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}
