package tenderfile

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

var update = flag.Bool("update", false, "rewrite the JSON Schemas in schema/")

// docs holds the doc comments of the model's types and fields, and the
// values of its named string types, read from the source.
type docs struct {
	types  map[string]string            // "score.Lot" → doc
	fields map[string]map[string]string // "score.Lot" → field → doc
	enums  map[string][]string          // "score.Regime" → values
}

func readDocs(t *testing.T) docs {
	d := docs{types: map[string]string{}, fields: map[string]map[string]string{}, enums: map[string][]string{}}
	for _, dir := range []string{"../score", "../criteria", "../exact", "../date"} {
		fset := token.NewFileSet()
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		var files []*ast.File
		for _, n := range names {
			if strings.HasSuffix(n, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, n, nil, parser.ParseComments)
			require.NoError(t, err)
			files = append(files, f)
		}
		pkg, err := doc.NewFromFiles(fset, files, "x")
		require.NoError(t, err)
		for _, ty := range pkg.Types {
			name := filepath.Base(dir) + "." + ty.Name
			d.types[name] = ty.Doc
			for _, spec := range ty.Decl.Specs {
				ts, ok := spec.(*ast.TypeSpec)
				if !ok {
					continue
				}
				if st, ok := ts.Type.(*ast.StructType); ok {
					d.fields[name] = map[string]string{}
					for _, f := range st.Fields.List {
						text := f.Doc.Text()
						if text == "" {
							text = f.Comment.Text()
						}
						for _, n := range f.Names {
							d.fields[name][n.Name] = text
						}
					}
				}
			}
			for _, c := range ty.Consts {
				for _, spec := range c.Decl.Specs {
					vs := spec.(*ast.ValueSpec)
					for _, v := range vs.Values {
						if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
							s, _ := strconv.Unquote(lit.Value)
							d.enums[name] = append(d.enums[name], s)
						}
					}
				}
			}
		}
	}
	return d
}

// schemaWriter builds a JSON Schema from the model by reflection, as the
// decoder reads it.
type schemaWriter struct {
	docs docs
	defs map[string]any
}

func typeName(t reflect.Type) string { return filepath.Base(t.PkgPath()) + "." + t.Name() }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// requiredByRule lists, for each model type, the fields validation always
// requires although no struct tag says so (the criteria package checks them
// in code). With the fields tagged validate:"required" or "min=1", they make
// each object's "required" list: an editor flags a field left out that the
// tool would refuse. A field required only in some cases (a rationale under
// the mean, a reason for a failed gate) is not listed.
var requiredByRule = map[string][]string{
	"score.Policy":             {"criteria"},
	"score.Bid":                {"supplier"},
	"score.RoundingRule":       {"stage", "mode"},
	"score.Disregard":          {"ground", "reason"},
	"score.Evaluator":          {"name", "conflicts"},
	"criteria.Gate":            {"id", "title", "kind"},
	"criteria.LivingWageGate":  {"id", "title", "kind", "region", "rule"},
	"criteria.LivingWageRule":  {"method"},
	"criteria.PriceRule":       {"method"},
	"criteria.QualityRule":     {"scale", "moderation"},
	"criteria.Scale":           {"levels"},
	"criteria.SocialValueRule": {"catalogue", "basis", "method", "withoutMethodStatement"},
	"criteria.Split":           {"quantitative", "qualitative"},
	"criteria.CommitmentBand":  {"atLeast"},
	"criteria.Catalogue":       {"measures"},
	"criteria.Measure":         {"code", "description", "unit", "proxy", "source", "year"},
	"criteria.Marks":           {"evaluators"},
	"criteria.EvaluatorMark":   {"evaluator"},
	"criteria.Consensus":       {"rationale"},
	"criteria.LocalArea":       {"name"},
}

// requiredTag reports whether a struct tag makes its field required.
func requiredTag(tag reflect.StructTag) bool {
	for _, rule := range strings.Split(tag.Get("validate"), ",") {
		if rule == "required" || rule == "min=1" {
			return true
		}
	}
	return false
}

// nameable are the values a tender file may give by name instead of
// spelling them out (named.go): a built-in scale, a catalogue file.
func (w *schemaWriter) nameable(t reflect.Type, spelled map[string]any) (map[string]any, bool) {
	switch t {
	case scaleType:
		names := criteria.ScaleNames()
		for _, n := range names {
			if s, _ := criteria.ScaleNamed(n); s.Name != n {
				names = append(names, s.Name)
			}
		}
		return map[string]any{"oneOf": []any{
			map[string]any{"description": "A built-in scale by name.", "type": "string", "enum": names},
			spelled,
		}}, true
	case catalogueType:
		return map[string]any{"oneOf": []any{
			map[string]any{"description": "The path of a catalogue file (CSV or JSON), relative to the tender file and inside its folder.", "type": "string", "minLength": 1},
			spelled,
		}}, true
	}
	return nil, false
}

func (w *schemaWriter) schema(t reflect.Type) map[string]any {
	switch {
	case t == decimalType:
		w.defs["decimal"] = map[string]any{"description": "An exact decimal: a number, or a string of digits with an optional minus sign and decimal point. Never an exponent or thousands separators.",
			"type": []string{"string", "number"}, "pattern": `^-?[0-9]+(\.[0-9]+)?$`}
		return map[string]any{"$ref": "#/$defs/decimal"}
	case t == reflect.TypeFor[date.Date]():
		w.defs["date"] = map[string]any{"description": "A calendar date, YYYY-MM-DD.", "type": "string", "pattern": `^([0-9]{4}-[0-9]{2}-[0-9]{2})?$`}
		return map[string]any{"$ref": "#/$defs/date"}
	case t.Kind() == reflect.Pointer:
		return w.schema(t.Elem())
	}
	switch t.Kind() {
	case reflect.String:
		s := map[string]any{"type": "string"}
		if vals := w.docs.enums[typeName(t)]; t.Name() != "string" && len(vals) > 0 {
			s["enum"] = vals
		}
		return s
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int32, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": w.schema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": w.schema(t.Elem())}
	case reflect.Struct:
		name := typeName(t)
		if _, done := w.defs[name]; !done {
			w.defs[name] = nil // placeholder against recursion
			props := map[string]any{}
			for _, f := range structFields(t, nil) {
				s := w.schema(f.typ)
				owner := t
				if len(f.index) > 1 {
					owner = t.FieldByIndex(f.index[:len(f.index)-1]).Type
				}
				if text := oneLine(w.docs.fields[typeName(owner)][owner.Field(f.index[len(f.index)-1]).Name]); text != "" {
					s["description"] = text
				}
				props[f.name] = s
			}
			def := map[string]any{"type": "object", "additionalProperties": false, "properties": props}
			if text := oneLine(w.docs.types[name]); text != "" {
				def["description"] = text
			}
			var required []string
			for _, f := range structFields(t, nil) {
				if requiredTag(t.FieldByIndex(f.index).Tag) || slices.Contains(requiredByRule[name], f.name) {
					required = append(required, f.name)
				}
			}
			if len(required) > 0 {
				def["required"] = required
			}
			w.defs[name] = def
		}
		ref := map[string]any{"$ref": "#/$defs/" + name}
		if s, ok := w.nameable(t, ref); ok {
			return s
		}
		return ref
	}
	panic(fmt.Sprintf("no schema for %s", t))
}

func buildSchema(t *testing.T, kind, version, bodyKey string, body reflect.Type) []byte {
	w := &schemaWriter{docs: readDocs(t), defs: map[string]any{}}
	root := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  "https://github.com/tenderscore/tenderscore/tenderfile/schema/" + kind + ".schema.json",
		"title":                "tenderscore " + kind + " file (" + version + ")",
		"description":          "A " + kind + " file for tenderscore; see the documentation of package tenderfile. Written from the model by `go test ./tenderfile -update`.",
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"schemaVersion", bodyKey},
		"properties": map[string]any{
			"schemaVersion": map[string]any{"const": version, "description": "What the file holds, and the version of its format."},
			bodyKey:         w.schema(body),
		},
		"$defs": w.defs,
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(root))
	return b.Bytes()
}

// TestSchemas checks that the published schemas are what the model gives
// (run `go test ./tenderfile -update` after a change to the model), and
// that every example file, as written and as re-encoded, is valid under
// them.
func TestSchemas(t *testing.T) {
	for _, s := range []struct {
		file, kind, version, key string
		body                     reflect.Type
		published                []byte
	}{
		{"schema/tender.schema.json", "tender", TenderSchema, "tender", reflect.TypeFor[score.Tender](), TenderJSONSchema()},
		{"schema/bids.schema.json", "bids", BidsSchema, "bids", reflect.TypeFor[[]score.Bid](), BidsJSONSchema()},
	} {
		want := buildSchema(t, s.kind, s.version, s.key, s.body)
		if *update {
			require.NoError(t, os.WriteFile(s.file, want, 0o644))
			s.published = want
		}
		assert.Equal(t, string(want), string(s.published), "%s is out of date with the model: run `go test ./tenderfile -update`", s.file)
	}

	c := jsonschema.NewCompiler()
	for _, name := range []string{"tender", "bids"} {
		raw := TenderJSONSchema()
		if name == "bids" {
			raw = BidsJSONSchema()
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		require.NoError(t, err, "%s schema is valid JSON", name)
		require.NoError(t, c.AddResource(name+".schema.json", doc))
	}
	tenderS, err := c.Compile("tender.schema.json")
	require.NoError(t, err)
	bidsS, err := c.Compile("bids.schema.json")
	require.NoError(t, err)

	for _, ex := range exampleFiles {
		for _, f := range []struct {
			name string
			s    *jsonschema.Schema
		}{{ex.tender, tenderS}, {ex.bids, bidsS}} {
			t.Run(f.name, func(t *testing.T) {
				data, err := os.ReadFile(f.name)
				require.NoError(t, err)
				var n yaml.Node
				require.NoError(t, yaml.Unmarshal(data, &n))
				assert.NoError(t, f.s.Validate(instance(n.Content[0])), "the file as written")
			})
		}
	}

	bad := map[string]any{"schemaVersion": TenderSchema, "tender": map[string]any{"titel": "x"}}
	assert.Error(t, tenderS.Validate(bad), "an unknown field is refused")
	bad = map[string]any{"schemaVersion": TenderSchema, "tender": map[string]any{"lots": []any{map[string]any{"estimatedValue": "1,000"}}}}
	assert.Error(t, tenderS.Validate(bad), "a number with a thousands separator is refused")
}

// instance turns a YAML node into the value a JSON Schema validates, as
// the decoder reads it: numbers as their text, dates as strings, aliases
// and merges resolved.
func instance(n *yaml.Node) any {
	n = deref(n)
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		d := newDecoder(&problems{}, 1<<20)
		for _, p := range d.pairs(n, "", 0, false) {
			m[p.key] = instance(p.value)
		}
		return m
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			out = append(out, instance(c))
		}
		return out
	}
	switch n.Tag {
	case "!!int", "!!float":
		return json.Number(n.Value)
	case "!!bool":
		return n.Value == "true"
	case "!!null":
		return nil
	}
	return n.Value
}

// TestSchemaRequiredAsTheToolRequires checks the schemas' "required" lists
// against the tool itself: every field the hand list names exists, and for
// each field of the test tender and bids files, when the schema refuses the
// file without that field, reading and validating it refuses it too. The
// schema is then never stricter than tenderscore, so an editor never flags
// a file the command accepts.
func TestSchemaRequiredAsTheToolRequires(t *testing.T) {
	w := &schemaWriter{docs: readDocs(t), defs: map[string]any{}}
	w.schema(reflect.TypeFor[score.Tender]())
	w.schema(reflect.TypeFor[[]score.Bid]())
	for typ, names := range requiredByRule {
		def, ok := w.defs[typ].(map[string]any)
		require.True(t, ok, "requiredByRule names the type %s, which the schema has", typ)
		props := def["properties"].(map[string]any)
		for _, n := range names {
			assert.Contains(t, props, n, "requiredByRule names %s.%s, a field the type has", typ, n)
		}
	}

	c := jsonschema.NewCompiler()
	for name, raw := range map[string][]byte{"tender": TenderJSONSchema(), "bids": BidsJSONSchema()} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		require.NoError(t, err)
		require.NoError(t, c.AddResource(name+".schema.json", doc))
	}
	tenderS, err := c.Compile("tender.schema.json")
	require.NoError(t, err)
	bidsS, err := c.Compile("bids.schema.json")
	require.NoError(t, err)

	load := func(name string) any {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		var n yaml.Node
		require.NoError(t, yaml.Unmarshal(data, &n))
		return instance(n.Content[0])
	}
	tender, bids := load("testdata/tender.yaml"), load("testdata/bids.yaml")
	accepts := func(tn, bs any) error {
		tj, err := json.Marshal(tn)
		require.NoError(t, err)
		bj, err := json.Marshal(bs)
		require.NoError(t, err)
		tt, _, err := ReadTender("t.json", bytes.NewReader(tj))
		if err != nil {
			return err
		}
		bb, _, err := ReadBids("b.json", bytes.NewReader(bj))
		if err != nil {
			return err
		}
		return tt.Validate(bb)
	}
	require.NoError(t, accepts(tender, bids), "the test files are valid")
	checked := 0
	for _, f := range []struct {
		name string
		doc  any
		s    *jsonschema.Schema
	}{{"tender", tender, tenderS}, {"bids", bids, bidsS}} {
		eachKey(f.doc, "", func(path string, without func() any) {
			cut := without()
			if f.s.Validate(jsonRoundTrip(t, cut)) == nil {
				return // the schema does not require it
			}
			checked++
			tn, bs := tender, bids
			if f.name == "tender" {
				tn = cut
			} else {
				bs = cut
			}
			assert.Error(t, accepts(tn, bs), "the %s schema requires %s, so tenderscore must refuse the file without it", f.name, path)
		})
	}
	assert.Greater(t, checked, 10, "the test files reach many required fields")
}

// eachKey calls fn for every key of every mapping in v, with its path and a
// function returning a copy of v without that key.
func eachKey(v any, path string, fn func(path string, without func() any)) {
	var walk func(cur any, p string, rebuild func(any) any)
	walk = func(cur any, p string, rebuild func(any) any) {
		switch c := cur.(type) {
		case map[string]any:
			for k, child := range c {
				kp := p + "." + k
				fn(kp, func() any {
					m := maps.Clone(c)
					delete(m, k)
					return rebuild(m)
				})
				walk(child, kp, func(nv any) any {
					m := maps.Clone(c)
					m[k] = nv
					return rebuild(m)
				})
			}
		case []any:
			for i, child := range c {
				walk(child, fmt.Sprintf("%s[%d]", p, i), func(nv any) any {
					s := slices.Clone(c)
					s[i] = nv
					return rebuild(s)
				})
			}
		}
	}
	walk(v, path, func(nv any) any { return nv })
}

// jsonRoundTrip gives the value as the schema validator reads JSON.
func jsonRoundTrip(t *testing.T, v any) any {
	b, err := json.Marshal(v)
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	return doc
}

// TestDocNamesEveryField checks that the package documentation's tender
// and bids reference names every field the schemas define, and marks with
// * each field they require, so that the reference cannot fall behind the
// model.
func TestDocNamesEveryField(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	doc := string(src)
	doc = doc[strings.Index(doc, "# Tender reference"):]
	words := map[string]bool{}
	for _, w := range regexp.MustCompile(`[A-Za-z]+\*?`).FindAllString(doc, -1) {
		words[w] = true
	}
	for name, raw := range map[string][]byte{"tender": TenderJSONSchema(), "bids": BidsJSONSchema()} {
		var s struct {
			Defs map[string]struct {
				Properties map[string]any `json:"properties"`
				Required   []string       `json:"required"`
			} `json:"$defs"`
		}
		require.NoError(t, json.Unmarshal(raw, &s))
		for def, d := range s.Defs {
			for p := range d.Properties {
				assert.True(t, words[p] || words[p+"*"], "the %s reference names %s's field %s", name, def, p)
			}
			for _, p := range d.Required {
				assert.True(t, words[p+"*"], "the %s reference marks %s's required field %s with *", name, def, p)
			}
		}
	}
}
