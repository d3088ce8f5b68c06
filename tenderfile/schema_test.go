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
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

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
			w.defs[name] = def
		}
		return map[string]any{"$ref": "#/$defs/" + name}
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
