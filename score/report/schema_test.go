package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score/report"
)

// keys collects every object key in a JSON document.
func keys(v any, into map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			into[k] = true
			keys(c, into)
		}
	case []any:
		for _, c := range x {
			keys(c, into)
		}
	}
}

// TestSchemaDocumentsEveryField fails when a JSON writer emits a field
// that SCHEMA.md does not name (as `field`), or when the documented
// versions differ from the constants.
func TestSchemaDocumentsEveryField(t *testing.T) {
	doc, err := os.ReadFile("SCHEMA.md")
	require.NoError(t, err)
	documented := map[string]bool{}
	for _, m := range regexp.MustCompile("`([a-zA-Z]+)`").FindAllStringSubmatch(string(doc), -1) {
		documented[m[1]] = true
	}
	assert.Contains(t, string(doc), "`"+report.SchemaVersion+"`")
	assert.Contains(t, string(doc), "`"+report.SummarySchemaVersion+"`")

	var docs [][]byte
	var buf bytes.Buffer
	require.NoError(t, report.JSON(&buf, fieldResult(t)))
	docs = append(docs, append([]byte(nil), buf.Bytes()...))
	buf.Reset()
	require.NoError(t, report.JSON(&buf, sample(t)))
	docs = append(docs, append([]byte(nil), buf.Bytes()...))
	sums, err := report.Summaries(fieldResult(t))
	require.NoError(t, err)
	for _, s := range sums {
		buf.Reset()
		require.NoError(t, report.SummaryJSON(&buf, s))
		docs = append(docs, append([]byte(nil), buf.Bytes()...))
	}
	found := map[string]bool{}
	for _, d := range docs {
		var v any
		require.NoError(t, json.Unmarshal(d, &v))
		keys(v, found)
	}
	var missing []string
	for k := range found {
		if !documented[k] {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	assert.Empty(t, missing, "fields written but not documented in SCHEMA.md")
}
