package tenderfile

import (
	"encoding"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
)

// decoder fills model values from a node tree by reflection, naming fields
// by their JSON tags, so that a field added to the model later reads from
// files without a change here. It never stops at the first problem: every
// unknown field, wrong type and bad value is recorded with its position
// and field path.
type decoder struct {
	ps *problems
	// budget counts the nodes still to visit, aliases expanded, so that a
	// small file of nested aliases cannot make decoding run away.
	budget    int
	size      int // of the file, which sets the budget
	exhausted bool
	fields    map[reflect.Type][]field
	files     *files // the files a tender file names (named.go)
}

func newDecoder(ps *problems, size int) *decoder {
	return &decoder{ps: ps, size: size, budget: 4*size + 100000, fields: map[reflect.Type][]field{}}
}

var (
	decimalType         = reflect.TypeFor[decimal.Decimal]()
	dateType            = reflect.TypeFor[date.Date]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	textMarshalerType   = reflect.TypeFor[encoding.TextMarshaler]()
)

// field is one struct field as files name it.
type field struct {
	name  string
	index []int
	typ   reflect.Type
}

// fieldsOf lists a struct type's fields by their JSON names, in
// declaration order; fields of an embedded struct without a JSON name are
// promoted, as encoding/json does.
func (d *decoder) fieldsOf(t reflect.Type) []field {
	if fs, ok := d.fields[t]; ok {
		return fs
	}
	fs := structFields(t, nil)
	d.fields[t] = fs
	return fs
}

func structFields(t reflect.Type, prefix []int) []field {
	var out []field
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		index := append(slices.Clone(prefix), i)
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			out = append(out, structFields(f.Type, index)...)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, field{name: name, index: index, typ: f.Type})
	}
	return out
}

func (d *decoder) add(n *yaml.Node, path, value, rule, format string, args ...any) {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	d.ps.add(line, col, path, value, rule, format, args...)
}

// resolve follows aliases to the node they name and spends the budget.
func (d *decoder) resolve(n *yaml.Node, path string) (*yaml.Node, bool) {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i > maxDepth || n.Alias == nil {
			d.add(n, path, n.Value, "alias", "an alias that leads nowhere")
			return nil, false
		}
		n = n.Alias
	}
	if n == nil {
		return nil, false
	}
	d.budget--
	if d.budget < 0 {
		if !d.exhausted {
			d.exhausted = true
			d.add(n, path, "", "size", "the file expands (through its aliases) to far more values than its size suggests")
		}
		return nil, false
	}
	return n, true
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// describe names what a node holds, for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!str":
			return fmt.Sprintf("the text %q", abbreviate(n.Value))
		case "!!int", "!!float":
			return "the number " + abbreviate(n.Value)
		case "!!bool":
			return abbreviate(n.Value)
		case "!!null":
			return "null"
		case "!!timestamp":
			return "the date " + abbreviate(n.Value)
		}
		return fmt.Sprintf("%s %s", n.Tag, abbreviate(n.Value))
	}
	return "a value"
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func key(path, k string) string { return path + "[" + k + "]" }

// standardTags are the tags a file may carry; others (!!binary, custom
// tags) have no meaning in a tender.
var standardTags = []string{"!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!!map", "!!seq", "!!merge"}

// value decodes n into v (settable), recording problems under path.
func (d *decoder) value(n *yaml.Node, v reflect.Value, path string, depth int) {
	n, ok := d.resolve(n, path)
	if !ok {
		return
	}
	if depth > maxDepth {
		d.add(n, path, "", "depth", "values nest more than %d deep", maxDepth)
		return
	}
	if !slices.Contains(standardTags, n.Tag) {
		d.add(n, path, n.Tag, "tag", "the tag %s has no meaning here; remove it", n.Tag)
		return
	}
	if isNull(n) {
		v.SetZero() // null is the same as leaving the field out
		return
	}
	if d.special(n, v, path, depth) {
		return
	}
	switch v.Type().Kind() {
	case reflect.String:
		d.text(n, v, path)
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.add(n, path, abbreviate(n.Value), "type", "want true or false, found %s", describe(n))
			return
		}
		v.SetBool(strings.EqualFold(n.Value, "true"))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.integer(n, v, path)
	case reflect.Struct:
		d.structure(n, v, path, depth)
	case reflect.Slice:
		d.list(n, v, path, depth)
	case reflect.Map:
		d.mapping(n, v, path, depth)
	default:
		d.add(n, path, "", "unsupported", "this field cannot be read from a file (%s)", v.Type())
	}
}

// special decodes the types read otherwise than by their kind: a scale or
// catalogue named by name, an exact decimal, a pointer, and a type that
// reads itself from text (a date, an enumeration). It reports whether v
// was one of them.
func (d *decoder) special(n *yaml.Node, v reflect.Value, path string, depth int) bool {
	t := v.Type()
	switch {
	case d.named(n, v, path): // a scale or catalogue by name (named.go)
	case t == decimalType:
		if dv, ok := d.decimal(n, path); ok {
			v.Set(reflect.ValueOf(dv))
		}
	case t.Kind() == reflect.Pointer:
		p := reflect.New(t.Elem())
		d.value(n, p.Elem(), path, depth+1)
		v.Set(p)
	case reflect.PointerTo(t).Implements(textUnmarshalerType) && t.Kind() != reflect.String:
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && n.Tag != "!!timestamp") {
			d.add(n, path, abbreviate(n.Value), "type", "want text, found %s", describe(n))
			return true
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.Value)); err != nil {
			rule := "value"
			if t == dateType {
				rule = "date"
			}
			d.add(n, path, abbreviate(n.Value), rule, "%v", err)
		}
	default:
		return false
	}
	return true
}

// text decodes a string: quoted or plain text, never a number or a
// boolean read as one.
func (d *decoder) text(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		hint := ""
		if n.Kind == yaml.ScalarNode {
			hint = ": put it in quotes"
		}
		d.add(n, path, abbreviate(n.Value), "type", "want text, found %s%s", describe(n), hint)
		return
	}
	v.SetString(n.Value)
}

// integer decodes a whole number that fits the field.
func (d *decoder) integer(n *yaml.Node, v reflect.Value, path string) {
	// YAML tags a whole number too large for 64 bits !!float: it is still
	// a whole number, too large.
	whole := n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") &&
		len(n.Value) <= maxDecimalChars && wholeNumber.MatchString(n.Value)
	if !whole {
		d.add(n, path, abbreviate(n.Value), "type", "want a whole number, found %s", describe(n))
		return
	}
	bits := v.Type().Bits()
	i, err := strconv.ParseInt(n.Value, 10, bits)
	if err != nil {
		d.add(n, path, abbreviate(n.Value), "range", "the number is too large: at most %d", int64(1)<<(bits-1)-1)
		return
	}
	v.SetInt(i)
}

// list decodes a sequence, item by item.
func (d *decoder) list(n *yaml.Node, v reflect.Value, path string, depth int) {
	if n.Kind != yaml.SequenceNode {
		d.add(n, path, abbreviate(n.Value), "type", "want a list, found %s", describe(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, c := range n.Content {
		d.value(c, s.Index(i), index(path, i), depth+1)
	}
	v.Set(s)
}

// mapping decodes a mapping with text keys, entry by entry.
func (d *decoder) mapping(n *yaml.Node, v reflect.Value, path string, depth int) {
	t := v.Type()
	if t.Key().Kind() != reflect.String {
		d.add(n, path, "", "unsupported", "this field cannot be read from a file (map key %s)", t.Key())
		return
	}
	if n.Kind != yaml.MappingNode {
		d.add(n, path, abbreviate(n.Value), "type", "want a mapping, found %s", describe(n))
		return
	}
	m := reflect.MakeMap(t)
	for _, kv := range d.pairs(n, path, depth, true) {
		k := reflect.New(t.Key()).Elem()
		k.SetString(kv.key)
		e := reflect.New(t.Elem()).Elem()
		d.value(kv.value, e, key(path, kv.key), depth+1)
		m.SetMapIndex(k, e)
	}
	v.Set(m)
}

var (
	wholeNumber = regexp.MustCompile(`^-?[0-9]+$`)
	decimalText = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
	scientific  = regexp.MustCompile(`^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+$`)
)

// maxDecimalChars bounds the text of one number
// ([criteria.MaxNumberChars]); the model's own limits
// (criteria.MaxIntegerDigits, MaxDecimalPlaces) are checked by validation.
const maxDecimalChars = criteria.MaxNumberChars

// decimal reads a number written as a number or as text, exactly: the
// digits go to decimal as text and never through a float.
func (d *decoder) decimal(n *yaml.Node, path string) (decimal.Decimal, bool) {
	if n.Kind != yaml.ScalarNode || !(n.Tag == "!!int" || n.Tag == "!!float" || n.Tag == "!!str") {
		d.add(n, path, abbreviate(n.Value), "type", "want a number, found %s", describe(n))
		return decimal.Decimal{}, false
	}
	v, msg := parseDecimal(n.Value)
	if msg != "" {
		d.add(n, path, abbreviate(n.Value), "number", "%s", msg)
		return decimal.Decimal{}, false
	}
	return v, true
}

// parseDecimal reads a plain decimal: an optional minus sign, digits and
// an optional decimal point. It says why anything else is refused. The
// length is checked first, so no big-number work is done on a long text.
func parseDecimal(s string) (decimal.Decimal, string) {
	t := strings.TrimSpace(s)
	switch {
	case t == "":
		return decimal.Decimal{}, "not a number: empty"
	case len(t) > maxDecimalChars:
		return decimal.Decimal{}, fmt.Sprintf("not a number: more than %d characters", maxDecimalChars)
	case strings.Contains(t, ","):
		return decimal.Decimal{}, "not a number: write it without thousands separators (1234.50, not 1,234.50)"
	case scientific.MatchString(t):
		return decimal.Decimal{}, "not a number: write it in full, without an exponent (1500, not 1.5e3)"
	case !decimalText.MatchString(t):
		return decimal.Decimal{}, "not a number: want digits with an optional decimal point, e.g. 1234.50"
	}
	v, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Decimal{}, "not a number"
	}
	return v, ""
}

// pair is one key and value of a mapping.
type pair struct {
	key       string
	keyNode   *yaml.Node
	value     *yaml.Node
	fromMerge bool
}

// pairs lists a mapping's keys and values, refusing duplicate and
// non-scalar keys, with the keys of any YAML merge ("<<: *base") added
// where the mapping does not set them itself.
func (d *decoder) pairs(n *yaml.Node, path string, depth int, mapKeys bool) []pair {
	out := make([]pair, 0, len(n.Content)/2)
	seen := keysSeen{}
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		if k.Kind != yaml.ScalarNode || isNull(k) {
			d.add(k, path, "", "key", "a key must be plain text, not %s", describe(k))
			continue
		}
		if k.Tag == "!!merge" {
			merges = append(merges, v)
			continue
		}
		if first := seen.get(k.Value); first != nil {
			at := join(path, k.Value)
			if mapKeys {
				at = key(path, k.Value)
			}
			d.add(k, at, k.Value, "duplicate-key", "the key %q is already given at line %d", k.Value, first.Line)
			continue
		}
		seen.set(k.Value, k)
		out = append(out, pair{key: k.Value, keyNode: k, value: v})
	}
	for _, m := range merges {
		m, ok := d.resolve(m, path)
		if !ok {
			continue
		}
		var sources []*yaml.Node
		switch m.Kind {
		case yaml.MappingNode:
			sources = []*yaml.Node{m}
		case yaml.SequenceNode:
			sources = m.Content
		default:
			d.add(m, path, "", "merge", "a merge (<<) needs a mapping or a list of mappings")
			continue
		}
		for _, s := range sources {
			s, ok := d.resolve(s, path)
			if !ok {
				continue
			}
			if s.Kind != yaml.MappingNode || depth > maxDepth {
				d.add(s, path, "", "merge", "a merge (<<) needs a mapping or a list of mappings")
				continue
			}
			for _, p := range d.pairs(s, path, depth+1, mapKeys) {
				if seen.get(p.key) == nil {
					seen.set(p.key, p.keyNode)
					p.fromMerge = true
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// keysSeen is the set of a mapping's keys: a list while it is short, as
// most mappings are, and a map once it is long, so that a mapping costs no
// map of its own and a hostile one with a million keys is not quadratic.
type keysSeen struct {
	list []*yaml.Node
	m    map[string]*yaml.Node
}

func (s *keysSeen) get(k string) *yaml.Node {
	if s.m != nil {
		return s.m[k]
	}
	for _, n := range s.list {
		if n.Value == k {
			return n
		}
	}
	return nil
}

func (s *keysSeen) set(k string, n *yaml.Node) {
	switch {
	case s.m != nil:
		s.m[k] = n
	case len(s.list) < 16:
		s.list = append(s.list, n)
	default:
		s.m = make(map[string]*yaml.Node, 32)
		for _, o := range s.list {
			s.m[o.Value] = o
		}
		s.m[k] = n
	}
}

// structure decodes a mapping into a struct, refusing unknown fields.
func (d *decoder) structure(n *yaml.Node, v reflect.Value, path string, depth int) {
	if n.Kind != yaml.MappingNode {
		d.add(n, path, abbreviate(n.Value), "type", "want a mapping, found %s", describe(n))
		return
	}
	fs := d.fieldsOf(v.Type())
	for _, p := range d.pairs(n, path, depth, false) {
		i := slices.IndexFunc(fs, func(f field) bool { return f.name == p.key })
		if i < 0 {
			d.add(p.keyNode, join(path, p.key), p.key, "known-field", "unknown field%s", suggest(p.key, fs))
			continue
		}
		d.value(p.value, v.FieldByIndex(fs[i].index), join(path, p.key), depth+1)
	}
}

// suggest names the field the writer probably meant, or lists the fields.
func suggest(k string, fs []field) string {
	best, bestDist := "", 2
	if len(k) > 4 {
		bestDist = 3
	}
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
		if dist := distance(strings.ToLower(k), strings.ToLower(f.name)); dist < bestDist {
			best, bestDist = f.name, dist
		}
	}
	if best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return "; want one of: " + strings.Join(names, ", ")
}

// distance is the edit distance between a and b, a swap of two
// neighbouring letters counting as one edit; long keys are never close.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	dist := make([][]int, len(a)+1)
	for i := range dist {
		dist[i] = make([]int, len(b)+1)
		dist[i][0] = i
	}
	for j := range dist[0] {
		dist[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			dist[i][j] = min(dist[i-1][j]+1, dist[i][j-1]+1, dist[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				dist[i][j] = min(dist[i][j], dist[i-2][j-2]+1)
			}
		}
	}
	return dist[len(a)][len(b)]
}
