package tenderfile

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/tenderscore/tenderscore/criteria"
)

// namedTender is a tender naming its scale and its measure catalogue; the
// catalogue's place is filled in by each test.
const namedTender = `schemaVersion: tenderscore/tender/1
tender:
  id: ANY/2026/12
  title: Grounds maintenance
  lots:
    - id: "1"
      title: Grounds maintenance
      policy:
        criteria:
          - {id: price, title: Price, weight: 70, price: {method: relative}}
          - id: plan
            title: Plan
            weight: 20
            quality: {scale: 0-4, moderation: consensus}
          - id: sv
            title: Social value
            weight: 10
            socialValue:
              catalogue: CATALOGUE
              measures: [FX-JOBS-01]
              basis: proxy-value
              method: relative-to-best
              withoutMethodStatement: count
              localArea: {name: Anytown, postcodeDistricts: [AN1, AN2]}
`

func sampleCatalogue(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../criteria/testdata/" + name)
	require.NoError(t, err)
	return b
}

// TestNamedValues checks that a tender file may name a built-in scale and
// a measure catalogue file beside it, that both read to what the long form
// reads, and that every way of getting them wrong is reported at the place
// in the tender file, with the catalogue's own row and column.
func TestNamedValues(t *testing.T) {
	dir := fstest.MapFS{
		"measures.csv":             {Data: sampleCatalogue(t, "sample-catalogue.csv")},
		"catalogues/measures.json": {Data: sampleCatalogue(t, "sample-catalogue.json")},
		"bad.csv":                  {Data: []byte("code,theme,description,unit,proxy,source,year\nFX-1,jobs,Local jobs,FTE-year,-5,fictional,2026\n")},
		"notes.txt":                {Data: []byte("not a catalogue")},
		"folder.csv/x":             {Data: []byte("")},
	}
	read := func(catalogue string) (string, error) {
		src := strings.Replace(namedTender, "CATALOGUE", catalogue, 1)
		tn, _, err := ReadTenderIn(dir, "tender.yaml", strings.NewReader(src))
		if err != nil {
			return "", err
		}
		q := tn.Lots[0].Policy.Criteria[1].Quality
		sv := tn.Lots[0].Policy.Criteria[2].SocialValue
		assert.Equal(t, criteria.Scale0to4(), q.Scale, "scale: 0-4 is the built-in 0–4 scale")
		m, ok := sv.Catalogue.Measure("FX-JOBS-01")
		require.True(t, ok)
		return m.Proxy.String(), nil
	}
	for _, name := range []string{"measures.csv", "catalogues/measures.json", "./measures.csv"} {
		proxy, err := read(name)
		require.NoError(t, err, name)
		assert.Equal(t, "10000", proxy, "%s: the sample catalogue's first measure is £10,000 per FTE-year", name)
	}

	tests := []struct {
		why, catalogue, field, rule, message string
	}{
		{"a file that is not there", "missing.csv", "lots[0].policy.criteria[2].socialValue.catalogue", "catalogue-file", "no such file beside the tender file"},
		{"climbing out of the folder", "../secrets.csv", "lots[0].policy.criteria[2].socialValue.catalogue", "relative-path", "relative to the tender file"},
		{"an absolute path", "/etc/measures.csv", "lots[0].policy.criteria[2].socialValue.catalogue", "relative-path", "inside its folder"},
		{"neither CSV nor JSON", "notes.txt", "lots[0].policy.criteria[2].socialValue.catalogue", "catalogue-format", "CSV (.csv) or JSON (.json)"},
		{"a folder", "folder.csv", "lots[0].policy.criteria[2].socialValue.catalogue", "catalogue-file", "is a folder"},
		{"a problem inside the catalogue, with its row and column", "bad.csv", "lots[0].policy.criteria[2].socialValue.catalogue", "positive", `"bad.csv": row 2, column proxy:`},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			_, err := read(tc.catalogue)
			var ferr *Error
			require.ErrorAs(t, err, &ferr)
			require.True(t, ferr.Has(tc.field, tc.rule), "want %s (%s) in\n%s", tc.field, tc.rule, err)
			assert.Contains(t, err.Error(), "tender.yaml:19:26: ", "at the place the tender file names the catalogue")
			assert.Contains(t, err.Error(), tc.message)
		})
	}

	t.Run("ReadTender reads no other file", func(t *testing.T) {
		src := strings.Replace(namedTender, "CATALOGUE", "measures.csv", 1)
		_, _, err := ReadTender("tender.yaml", strings.NewReader(src))
		var ferr *Error
		require.ErrorAs(t, err, &ferr)
		assert.True(t, ferr.Has("lots[0].policy.criteria[2].socialValue.catalogue", "no-files"), "%s", err)
	})
	t.Run("a scale that is not built in", func(t *testing.T) {
		src := strings.Replace(strings.Replace(namedTender, "CATALOGUE", "measures.csv", 1), "scale: 0-4", "scale: 1-10", 1)
		_, _, err := ReadTenderIn(dir, "tender.yaml", strings.NewReader(src))
		var ferr *Error
		require.ErrorAs(t, err, &ferr)
		assert.True(t, ferr.Has("lots[0].policy.criteria[1].quality.scale", "known-scale"), "%s", err)
		assert.Contains(t, err.Error(), "name one of 0-4, 0-5, 0/25/50/75/100, 0/2/5/8/10, or spell the scale out")
	})
	t.Run("each catalogue file is read once", func(t *testing.T) {
		src := strings.Replace(namedTender, "CATALOGUE", "measures.csv", 1)
		src += "          - id: sv2\n            title: More social value\n            weight: 0\n            socialValue: {catalogue: measures.csv, measures: [FX-JOBS-02], basis: proxy-value, method: relative-to-best, withoutMethodStatement: count, localArea: {name: Anytown, postcodeDistricts: [AN1]}}\n"
		counting := &countingFS{MapFS: dir}
		_, _, err := ReadTenderIn(counting, "tender.yaml", strings.NewReader(src))
		require.NoError(t, err)
		assert.Equal(t, 1, counting.opens["measures.csv"])
	})
}

type countingFS struct {
	fstest.MapFS
	opens map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	if c.opens == nil {
		c.opens = map[string]int{}
	}
	c.opens[name]++
	return c.MapFS.Open(name)
}

// TestNamedScaleWritten checks that the encoder writes a built-in scale by
// its name, and a scale of the council's own in full.
func TestNamedScaleWritten(t *testing.T) {
	src := strings.Replace(namedTender, "CATALOGUE", "measures.csv", 1)
	dir := fstest.MapFS{"measures.csv": {Data: sampleCatalogue(t, "sample-catalogue.csv")}}
	tn, _, err := ReadTenderIn(dir, "tender.yaml", strings.NewReader(src))
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, EncodeTender(&b, tn, YAML))
	assert.Contains(t, b.String(), "scale: 0-4\n")
	own := tn.Lots[0].Policy.Criteria[1].Quality
	own.Scale.Levels[4].Descriptor = "Outstanding"
	b.Reset()
	require.NoError(t, EncodeTender(&b, tn, YAML))
	assert.NotContains(t, b.String(), "scale: 0-4\n", "a scale changed from the built-in is written out")
	assert.Contains(t, b.String(), "descriptor: Outstanding")
}

// TestNamedValuesInSchema checks that the published schema accepts a scale
// and a catalogue given by name, and refuses a scale name it does not know.
func TestNamedValuesInSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(TenderJSONSchema()))
	require.NoError(t, err)
	require.NoError(t, c.AddResource("tender.schema.json", doc))
	s, err := c.Compile("tender.schema.json")
	require.NoError(t, err)
	inst := func(src string) any {
		var n yaml.Node
		require.NoError(t, yaml.Unmarshal([]byte(src), &n))
		return instance(n.Content[0])
	}
	src := strings.Replace(namedTender, "CATALOGUE", "measures.csv", 1)
	assert.NoError(t, s.Validate(inst(src)), "scale: 0-4 and catalogue: measures.csv")
	assert.Error(t, s.Validate(inst(strings.Replace(src, "scale: 0-4", "scale: 1-10", 1))), "a scale name not built in")
}

// FuzzReadTenderIn reads a tender naming its catalogue file, the file's
// bytes fuzzed: reading never panics, and when it succeeds the tender holds
// exactly the catalogue criteria.LoadCatalogueCSV reads from those bytes;
// when the catalogue is refused, every problem is placed at the tender
// file's line naming it.
func FuzzReadTenderIn(f *testing.F) {
	f.Add(sampleCatalogue(f, "sample-catalogue.csv"))
	f.Add([]byte("code,theme,description,unit,proxy,source,year\nFX-1,jobs,Local jobs,FTE-year,-5,fictional,2026\n"))
	f.Add([]byte("code\n\"unterminated"))
	src := strings.Replace(namedTender, "CATALOGUE", "measures.csv", 1)
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := fstest.MapFS{"measures.csv": {Data: data}}
		tn, _, err := ReadTenderIn(dir, "tender.yaml", strings.NewReader(src))
		want, werr := criteria.LoadCatalogueCSV(bytes.NewReader(data))
		if err == nil {
			require.NoError(t, werr, "the tender read, so the catalogue did")
			assert.Equal(t, want, tn.Lots[0].Policy.Criteria[2].SocialValue.Catalogue)
			return
		}
		var ferr *Error
		require.ErrorAs(t, err, &ferr)
		require.Error(t, werr, "the tender was refused, so the catalogue was")
		for _, p := range ferr.Problems {
			if p.Rule == "too-many" {
				continue
			}
			assert.Equal(t, Position{File: "tender.yaml", Line: 19, Column: 26}, p.Pos, "%s", p)
		}
	})
}
