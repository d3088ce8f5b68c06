package ocds

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// vendored maps each extension the export declares to its copy in
// testdata/schema/extensions (versions and sources in
// testdata/schema/README.md).
var vendored = []struct{ url, dir string }{
	{Extensions()[0], "lots"},
	{Extensions()[1], "bids"},
	{Extensions()[2], "awardCriteria"},
	{Extensions()[3], "legalBasis"},
	{Extensions()[4], "organizationClassification"},
	{Extensions()[5], "uk"},
}

const (
	releaseSchemaURL = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"
	packageSchemaURL = "https://standard.open-contracting.org/schema/1__1__5/release-package-schema.json"
)

// packageSchema compiles the OCDS 1.1.5 release package schema with the
// release schema extended as OCDS extends it: each extension's
// release-schema.json applied to the core schema, in the order declared,
// as a JSON Merge Patch (RFC 7386).
func packageSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	release := readJSON(t, "testdata/schema/release-schema.json")
	for _, v := range vendored {
		patch := readJSON(t, filepath.Join("testdata/schema/extensions", v.dir, "release-schema.json"))
		release = mergePatch(release, patch)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource(releaseSchemaURL, release))
	require.NoError(t, c.AddResource(packageSchemaURL, readJSON(t, "testdata/schema/release-package-schema.json")))
	sch, err := c.Compile(packageSchemaURL)
	require.NoError(t, err)
	return sch
}

func readJSON(t testing.TB, name string) any {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err, name)
	return v
}

// mergePatch applies an RFC 7386 JSON Merge Patch: a patch object's
// members are merged into the target's, recursively; a null member
// removes the target's; anything else replaces the target.
func mergePatch(target, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	t, ok := target.(map[string]any)
	if !ok {
		t = map[string]any{}
	}
	out := make(map[string]any, len(t)+len(p))
	for k, v := range t {
		out[k] = v
	}
	for k, v := range p {
		if v == nil {
			delete(out, k)
			continue
		}
		out[k] = mergePatch(out[k], v)
	}
	return out
}

// validateAgainstSchema validates an exported package against the
// extended schema, failing the test with every error found.
func validateAgainstSchema(t *testing.T, sch *jsonschema.Schema, data []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	if err := sch.Validate(v); err != nil {
		var pretty bytes.Buffer
		_ = json.Indent(&pretty, data, "", "  ")
		t.Fatalf("the package does not validate against the OCDS 1.1.5 release package schema with its extensions:\n%v", err)
	}
}

func TestMergePatch(t *testing.T) {
	tests := []struct {
		why                   string
		target, patch, result string
	}{
		{"members merge recursively", `{"a":{"b":1,"c":2}}`, `{"a":{"c":3,"d":4}}`, `{"a":{"b":1,"c":3,"d":4}}`},
		{"null removes a member (RFC 7386 section 2)", `{"a":1,"b":2}`, `{"a":null}`, `{"b":2}`},
		{"an array replaces, never merges", `{"a":[1,2]}`, `{"a":[3]}`, `{"a":[3]}`},
		{"an object patch replaces a scalar", `{"a":1}`, `{"a":{"b":1}}`, `{"a":{"b":1}}`},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			var target, patch, want any
			require.NoError(t, json.Unmarshal([]byte(tc.target), &target))
			require.NoError(t, json.Unmarshal([]byte(tc.patch), &patch))
			require.NoError(t, json.Unmarshal([]byte(tc.result), &want))
			require.Equal(t, want, mergePatch(target, patch))
		})
	}
}

// TestVendoredExtensions checks that the package declares exactly the
// extensions vendored for the tests, each with its extension.json.
func TestVendoredExtensions(t *testing.T) {
	require.Len(t, vendored, len(Extensions()))
	for i, v := range vendored {
		require.Equal(t, Extensions()[i], v.url)
		ext := readJSON(t, filepath.Join("testdata/schema/extensions", v.dir, "extension.json"))
		require.Contains(t, ext.(map[string]any)["compatibility"], "1.1", "%s is for OCDS 1.1", v.dir)
	}
}

// TestSchemaCatchesMistakes checks that the composed schema enforces each
// extension the export relies on, so that a valid export means something:
// each case breaks one field of a valid package.
func TestSchemaCatchesMistakes(t *testing.T) {
	data, err := os.ReadFile("testdata/croydon.ocds.json")
	require.NoError(t, err)
	sch := packageSchema(t)
	tests := []struct {
		why  string
		path []any
		bad  any
	}{
		{"core: the release needs an ocid", []any{"releases", 0, "ocid"}, nil},
		{"core: a date-time is RFC 3339", []any{"releases", 0, "date"}, "6 July 2026"},
		{"lots extension: a cap is a whole number", []any{"releases", 0, "tender", "lotDetails"}, map[string]any{"maximumLotsAwardedPerSupplier": "two"}},
		{"lots extension: the lot status codelist is closed", []any{"releases", 0, "tender", "lots", 0, "status"}, "awarded"},
		{"award criteria extension: the weight codelist is closed", []any{"releases", 0, "tender", "lots", 0, "awardCriteria", "criteria", 0, "numbers", 0, "weight"}, "percent"},
		{"bids extension: the bid status codelist is closed", []any{"releases", 0, "bids", "details", 0, "status"}, "won"},
		{"UK extension: a standstill period is an OCDS period", []any{"releases", 0, "awards", 0, "standstillPeriod", "startDate"}, "next Monday"},
		{"UK extension: a gross amount is a number", []any{"releases", 0, "tender", "lots", 0, "value", "amountGross"}, "£3m"},
		{"legal basis extension: a classification", []any{"releases", 0, "tender", "legalBasis", "uri"}, 54},
		{"organization classification extension: classifications are objects", []any{"releases", 0, "parties", 0, "details", "classifications", 0}, "sub-central"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			require.NoError(t, err)
			require.NoError(t, sch.Validate(doc), "the golden package is valid")
			set(t, doc, tc.path, tc.bad)
			assert.Error(t, sch.Validate(doc))
		})
	}
}

// set puts (or, with nil, removes) the value at a path.
func set(t *testing.T, doc any, path []any, v any) {
	t.Helper()
	for i, p := range path {
		last := i == len(path)-1
		switch k := p.(type) {
		case string:
			m := doc.(map[string]any)
			if last {
				if v == nil {
					delete(m, k)
				} else {
					m[k] = v
				}
				return
			}
			require.Contains(t, m, k)
			doc = m[k]
		case int:
			s := doc.([]any)
			if last {
				s[k] = v
				return
			}
			doc = s[k]
		}
	}
}
