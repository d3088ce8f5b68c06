package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	reversalTender = "testdata/reversal.yaml"
	reversalBids   = "testdata/reversal-bids.yaml"
	localTender    = "testdata/local.yaml"
	edgeTender     = "testdata/edge.yaml"
	edgeBids       = "testdata/edge-bids.yaml"
	joiningTender  = "testdata/joining.yaml"
	joiningBids    = "testdata/joining-bids.yaml"
)

func compileSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("schema", name))
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	require.NoError(t, err, "%s is valid JSON", name)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource(name, doc))
	s, err := c.Compile(name)
	require.NoError(t, err, "%s is a valid JSON Schema", name)
	return s
}

// TestJSONAgainstSchemas runs check and whatif with --format json on
// inputs that reach every part of their documents (errors and notes;
// answers found and not; a rank reversal and a flagged price) and
// validates what they write against the published schemas. The schemas
// refuse any field they do not define, so a field added to the output
// without its documentation fails here.
func TestJSONAgainstSchemas(t *testing.T) {
	tests := []struct {
		why, schema, version string
		args                 []string
		status               int
	}{
		{"check of the Croydon tender: notes and warnings", "check.schema.json", checkSchemaVersion, []string{"check", "--format", "json", tenderFile, bidsFile}, exitOK},
		{"check finding an error", "check.schema.json", checkSchemaVersion, []string{"check", "--format", "json", localTender}, exitInput},
		{"whatif for every Croydon lot: answers found and cannot-win, marks raised under the mean", "whatif.schema.json", whatifSchemaVersion, []string{"whatif", "--format", "json", tenderFile, bidsFile}, exitOK},
		{"whatif with a rank reversal and an abnormally low price", "whatif.schema.json", whatifSchemaVersion, []string{"whatif", "--format", "json", reversalTender, reversalBids}, exitOK},
		{"whatif where a price to win is an edge", "whatif.schema.json", whatifSchemaVersion, []string{"whatif", "--format", "json", edgeTender, edgeBids}, exitOK},
		{"whatif where a shift lifts a bid over a minimum", "whatif.schema.json", whatifSchemaVersion, []string{"whatif", "--format", "json", joiningTender, joiningBids}, exitOK},
	}
	schemas := map[string]*jsonschema.Schema{}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			s, ok := schemas[tc.schema]
			if !ok {
				s = compileSchema(t, tc.schema)
				schemas[tc.schema] = s
			}
			out, errs, status := tenderscore("", tc.args...)
			require.Equal(t, tc.status, status, errs)
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(out)))
			require.NoError(t, err, "the output is JSON")
			assert.NoError(t, s.Validate(doc))
			var head struct {
				SchemaVersion string `json:"schemaVersion"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &head))
			assert.Equal(t, tc.version, head.SchemaVersion)
		})
	}
	s := compileSchema(t, "check.schema.json")
	bad := map[string]any{"schemaVersion": checkSchemaVersion, "tender": map[string]any{"id": "T", "title": "T"},
		"counts": map[string]any{"errors": 0, "warnings": 0, "notes": 0}, "findings": []any{}, "verdict": "fine"}
	assert.Error(t, s.Validate(bad), "a field the schema does not define is refused")
}

// TestJSONReachesEveryPart checks that the inputs of TestJSONAgainstSchemas
// do reach the parts of the documents they are there for, so that the
// schema test is not passing on empty lists.
func TestJSONReachesEveryPart(t *testing.T) {
	out, _, _ := tenderscore("", "whatif", "--format", "json", reversalTender, reversalBids)
	var w jsonWhatif
	require.NoError(t, json.Unmarshal([]byte(out), &w))
	require.Len(t, w.Lots, 1)
	l := w.Lots[0]
	assert.Equal(t, "L", l.Winner, "the low bid wins on relative price scoring")
	require.Len(t, l.Reversals, 1, "without L, Y moves above X: 60×800k/1m + 40 = 88 against 60 + 30 = 90")
	assert.Equal(t, "L", l.Reversals[0].Removed)
	assert.Equal(t, []jsonReversedPair{{Above: "X", Below: "Y"}}, l.Reversals[0].Pairs)
	require.Len(t, l.LowPrice, 1, "£400,000 is a third below the average excluding the highest, (400k + 800k) ÷ 2 = 600k")
	assert.Equal(t, "investigate", l.LowPrice[0].Action)
	assert.Equal(t, "cannot-win", l.ToWin[0].Marks.Answer, "X at the top mark already cannot win on marks")

	out, _, _ = tenderscore("", "whatif", "--format", "json", edgeTender, edgeBids)
	w = jsonWhatif{}
	require.NoError(t, json.Unmarshal([]byte(out), &w))
	require.Len(t, w.Lots, 1)
	require.NotEmpty(t, w.Lots[0].ToWin)
	b1 := w.Lots[0].ToWin[0].Price
	assert.True(t, b1.Edge, "B1 at a penny above £20,220.00 is the highest price once B0 falls below the minimum: it scores 0 on price")

	out, _, _ = tenderscore("", "whatif", "--format", "json", joiningTender, joiningBids)
	w = jsonWhatif{}
	require.NoError(t, json.Unmarshal([]byte(out), &w))
	require.Len(t, w.Lots, 1)
	j := w.Lots[0].Sensitivity.Joining
	require.Len(t, j, 1, "J, below the minimum of 49%, is lifted over it and above W by 2 points moved from quality to team")
	assert.Equal(t, "J", j[0].Rival)
	assert.Equal(t, "2", j[0].Points)
	assert.Empty(t, j[0].BreakEven, "not worked out for a bid below a minimum")
	assert.Equal(t, "sensitive", w.Lots[0].Sensitivity.Robustness, "graded on J's 2 points")

	out, _, _ = tenderscore("", "check", "--format", "json", localTender)
	var c jsonCheck
	require.NoError(t, json.Unmarshal([]byte(out), &c))
	assert.Equal(t, 1, c.Counts.Errors, "scoring where the bidder is based above threshold (Procurement Act 2023 ss.89–90)")
	assert.Len(t, c.Findings, c.Counts.Errors+c.Counts.Warnings+c.Counts.Notes)
}

// TestSchemaDocumented checks that SCHEMA.md documents every field the
// JSON Schemas define, each written as `name`.
func TestSchemaDocumented(t *testing.T) {
	md, err := os.ReadFile("SCHEMA.md")
	require.NoError(t, err)
	for _, name := range []string{"check.schema.json", "whatif.schema.json"} {
		raw, err := os.ReadFile(filepath.Join("schema", name))
		require.NoError(t, err)
		var v any
		require.NoError(t, json.Unmarshal(raw, &v))
		props := map[string]bool{}
		collectProperties(v, props)
		var names []string
		for p := range props {
			names = append(names, p)
		}
		sort.Strings(names)
		require.NotEmpty(t, names)
		for _, p := range names {
			assert.Regexp(t, regexp.MustCompile("`"+regexp.QuoteMeta(p)+"`"), string(md), "SCHEMA.md documents %s's field %s", name, p)
		}
	}
}

// collectProperties gathers the names of every property a schema defines.
func collectProperties(v any, into map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		if ps, ok := v["properties"].(map[string]any); ok {
			for k := range ps {
				into[k] = true
			}
		}
		for _, c := range v {
			collectProperties(c, into)
		}
	case []any:
		for _, c := range v {
			collectProperties(c, into)
		}
	}
}
