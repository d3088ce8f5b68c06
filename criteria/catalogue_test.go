package criteria_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
)

// svSample loads the fictional sample catalogue from testdata.
func svSample(t testing.TB) criteria.Catalogue {
	t.Helper()
	f, err := os.Open("testdata/sample-catalogue.csv")
	require.NoError(t, err)
	defer f.Close()
	c, err := criteria.LoadCatalogueCSV(f)
	require.NoError(t, err)
	return c
}

func TestSampleCatalogueIsFictionalAndTheSameInBothFormats(t *testing.T) {
	csvCat := svSample(t)
	f, err := os.Open("testdata/sample-catalogue.json")
	require.NoError(t, err)
	defer f.Close()
	jsonCat, err := criteria.LoadCatalogueJSON(f)
	require.NoError(t, err)
	require.Len(t, csvCat.Measures, 10)
	require.Len(t, jsonCat.Measures, len(csvCat.Measures))
	for i, m := range csvCat.Measures {
		j := jsonCat.Measures[i]
		assert.True(t, m.Proxy.Equal(j.Proxy), "%s proxy", m.Code)
		m.Proxy, j.Proxy = decimal.Zero, decimal.Zero
		assert.Equal(t, m, j)
		assert.True(t, strings.HasPrefix(m.Code, "FX-"), "sample codes are clearly fictional: %s", m.Code)
		assert.Contains(t, m.Source, "fictional", "docs/sources/social-value.md: National TOMs proxies are licensed and not shipped")
		assert.Contains(t, m.Source, "not National TOMs")
	}
	assert.Empty(t, csvCat.Validate())
	assert.Contains(t, jsonCat.Name, "not National TOMs")
	jobs, ok := csvCat.Measure("FX-JOBS-02")
	require.True(t, ok)
	assert.True(t, jobs.Local)
	assert.True(t, jobs.FirstYearOnly)
	assert.Equal(t, criteria.UnitFTEYear, jobs.Unit)
}

const svHeader = "code,description,unit,proxy,source,year\n"

func TestLoadCatalogueCSVErrors(t *testing.T) {
	row := func(cells ...string) string { return strings.Join(cells, ",") + "\n" }
	good := row("FX-A", "Apprenticeship starts", "apprenticeship start", "2000", "test", "2026")
	tests := []struct {
		why, in string
		want    []svProblem
	}{
		{"an empty file", "", []svProblem{{"row 1", "", "header"}}},
		{"a header and nothing else", svHeader, []svProblem{{"row 2", "", "required"}}},
		{"a missing column", "code,description,unit,source,year\n" + row("FX-A", "d", "u", "s", "2026"),
			[]svProblem{{"row 1, column proxy", "", "missing-column"}}},
		{"an extra column", strings.TrimSuffix(svHeader, "\n") + ",colour\n" + strings.TrimSuffix(good, "\n") + ",blue\n",
			[]svProblem{{"row 1, column 7", "colour", "extra-column"}}},
		{"a column named twice", strings.TrimSuffix(svHeader, "\n") + ",proxy\n" + strings.TrimSuffix(good, "\n") + ",1\n",
			[]svProblem{{"row 1, column 7", "proxy", "unique"}}},
		{"a row with a missing cell", svHeader + good + row("FX-B", "d", "u", "1", "s"),
			[]svProblem{{"row 3", "5", "missing-cell"}}},
		{"a row with an extra cell", svHeader + good + row("FX-B", "d", "u", "1", "s", "2026", "x"),
			[]svProblem{{"row 3", "7", "extra-cell"}}},
		{"a measure without a proxy", svHeader + row("FX-A", "d", "u", "", "s", "2026"),
			[]svProblem{{"row 2, column proxy", "", "required"}}},
		{"a proxy that is not a number", svHeader + row("FX-A", "d", "u", "lots", "s", "2026"),
			[]svProblem{{"row 2, column proxy", "lots", "number"}}},
		{"a proxy with a thousands separator", svHeader + `FX-A,d,u,"1,000",s,2026` + "\n",
			[]svProblem{{"row 2, column proxy", "1,000", "number"}}},
		{"a negative proxy", svHeader + row("FX-A", "d", "u", "-5", "s", "2026"),
			[]svProblem{{"row 2, column proxy", "-5", "positive"}}},
		{"a zero proxy is no proxy", svHeader + row("FX-A", "d", "u", "0", "s", "2026"),
			[]svProblem{{"row 2, column proxy", "0", "positive"}}},
		{"a year that is not a number", svHeader + row("FX-A", "d", "u", "1", "s", "twenty"),
			[]svProblem{{"row 2, column year", "twenty", "integer"}}},
		{"a year out of range", svHeader + row("FX-A", "d", "u", "1", "s", "26"),
			[]svProblem{{"row 2, column year", "26", "year"}}},
		{"duplicate codes name both rows", svHeader + good + good,
			[]svProblem{{"row 3, column code", "FX-A", "unique"}}},
		{"a code with a space", svHeader + row("FX A", "d", "u", "1", "s", "2026"),
			[]svProblem{{"row 2, column code", "FX A", "no-spaces"}}},
		{"missing code, description, unit and source", svHeader + row("", "", "", "1", "", "2026"),
			[]svProblem{{"row 2, column code", "", "required"}, {"row 2, column description", "", "required"},
				{"row 2, column unit", "", "required"}, {"row 2, column source", "", "required"}}},
		{"a boolean that is not", "code,description,unit,proxy,source,year,local\n" + row("FX-A", "d", "u", "1", "s", "2026", "maybe"),
			[]svProblem{{"row 2, column local", "maybe", "boolean"}}},
		{"first-year-only on a measure not in FTE-years", "code,description,unit,proxy,source,year,firstYearOnly\n" + row("FX-A", "d", "week", "1", "s", "2026", "true"),
			[]svProblem{{"row 2, column firstYearOnly", "true", "fte-year-only"}}},
		{"problems in several rows come in row order", svHeader + row("FX-A", "d", "u", "x", "s", "2026") + good + row("FX-B", "d", "u", "1", "s", "y"),
			[]svProblem{{"row 2, column proxy", "x", "number"}, {"row 3, column code", "FX-A", "unique"}, {"row 4, column year", "y", "integer"}}},
		{"not valid CSV names the line and column", svHeader + "FX-A,\"d\"x,u,1,s,2026\n",
			[]svProblem{{"line 2, column 8", "", "csv"}}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			_, err := criteria.LoadCatalogueCSV(strings.NewReader(tt.in))
			var de *criteria.DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tt.want, svProblems(de.Problems))
			assert.Contains(t, err.Error(), "catalogue CSV")
		})
	}
}

func TestLoadCatalogueCSVAccepts(t *testing.T) {
	tests := []struct {
		why, in string
		check   func(*testing.T, criteria.Catalogue)
	}{
		{"columns in any order, a spreadsheet's byte-order mark, a £ sign and spaces around cells",
			"\ufeffyear, proxy ,code,unit,description,source\n2026, £2000.50 ,FX-A,apprenticeship start,Apprenticeship starts,test\n",
			func(t *testing.T, c criteria.Catalogue) {
				require.Len(t, c.Measures, 1)
				assert.Equal(t, "2000.5", c.Measures[0].Proxy.String())
				assert.Equal(t, 2026, c.Measures[0].Year)
			}},
		{"optional columns, empty booleans are false",
			"code,theme,description,unit,proxy,source,year,local,firstYearOnly\nFX-A,jobs,d,FTE-year,1,s,2026,TRUE,\n",
			func(t *testing.T, c criteria.Catalogue) {
				assert.True(t, c.Measures[0].Local)
				assert.False(t, c.Measures[0].FirstYearOnly)
				assert.Equal(t, "jobs", c.Measures[0].Theme)
			}},
		{"a quoted description with a comma and a newline",
			svHeader + "FX-A,\"Training, in weeks\nper person\",week,0.0035,s,2026\n",
			func(t *testing.T, c criteria.Catalogue) {
				assert.Equal(t, "Training, in weeks\nper person", c.Measures[0].Description)
				assert.Equal(t, "0.0035", c.Measures[0].Proxy.String(), "a small proxy keeps its digits")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			c, err := criteria.LoadCatalogueCSV(strings.NewReader(tt.in))
			require.NoError(t, err)
			tt.check(t, c)
		})
	}
}

func TestLoadCatalogueJSONErrors(t *testing.T) {
	m := `{"code":"FX-A","description":"d","unit":"week","proxy":"50","source":"s","year":2026}`
	doc := func(ms ...string) string { return `{"name":"t","measures":[` + strings.Join(ms, ",") + `]}` }
	tests := []struct {
		why, in string
		want    []svProblem
	}{
		{"a measure without a proxy", doc(strings.Replace(m, `"proxy":"50",`, "", 1)), []svProblem{{"measures[0].proxy", "", "required"}}},
		{"a null proxy is no proxy", doc(strings.Replace(m, `"50"`, "null", 1)), []svProblem{{"measures[0].proxy", "", "required"}}},
		{"a proxy that is not a number", doc(strings.Replace(m, `"50"`, `"fifty"`, 1)), []svProblem{{"measures[0].proxy", "fifty", "number"}}},
		{"a proxy that is an object", doc(strings.Replace(m, `"50"`, `{}`, 1)), []svProblem{{"measures[0].proxy", "{}", "number"}}},
		{"a negative proxy as a number", doc(strings.Replace(m, `"50"`, `-50`, 1)), []svProblem{{"measures[0].proxy", "-50", "positive"}}},
		{"a year as a string", doc(strings.Replace(m, `2026`, `"2026"`, 1)), []svProblem{{"measures[0].year", `"2026"`, "type"}}},
		{"a missing year", doc(strings.Replace(m, `,"year":2026`, ``, 1)), []svProblem{{"measures[0].year", "", "required"}}},
		{"a code that is a number", doc(strings.Replace(m, `"FX-A"`, `7`, 1)), []svProblem{{"measures[0].code", "7", "type"}}},
		{"an unknown field", doc(strings.Replace(m, `}`, `,"colour":"blue"}`, 1)), []svProblem{{"measures[0].colour", `"blue"`, "known-field"}}},
		{"an unknown top-level field", `{"measures":[` + m + `],"version":2}`, []svProblem{{"version", "2", "known-field"}}},
		{"duplicate codes", doc(m, m), []svProblem{{"measures[1].code", "FX-A", "unique"}}},
		{"no measures", doc(), []svProblem{{"measures", "[]", "required"}}},
		{"measures missing", `{"name":"t"}`, []svProblem{{"measures", "", "required"}}},
		{"measures not an array", `{"measures":{}}`, []svProblem{{"measures", "{}", "type"}}},
		{"a measure that is not an object", doc(`"FX-A"`), []svProblem{{"measures[0]", `"FX-A"`, "type"}}},
		{"not an object", `[]`, []svProblem{{"line 1, column 1", "array", "type"}}},
		{"null", `null`, []svProblem{{"(file)", "null", "type"}}},
		{"a syntax error names the line and column", "{\"measures\": [\n  {\"code\": \"FX-A\",}\n]}", []svProblem{{"line 2, column 19", "", "json"}}},
		{"an empty file", "", []svProblem{{"(file)", "", "json"}}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			_, err := criteria.LoadCatalogueJSON(strings.NewReader(tt.in))
			var de *criteria.DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tt.want, svProblems(de.Problems))
		})
	}
	c, err := criteria.LoadCatalogueJSON(strings.NewReader(doc(strings.Replace(m, `"50"`, `0.55`, 1))))
	require.NoError(t, err, "a proxy may be a JSON number")
	assert.Equal(t, "0.55", c.Measures[0].Proxy.String())
}

func TestCatalogueValidate(t *testing.T) {
	ok := criteria.Measure{Code: "FX-A", Description: "d", Unit: "week", Proxy: svDec("1"), Source: "s", Year: 2026}
	bad := ok
	bad.Proxy = decimal.Zero
	bad.FirstYearOnly = true
	assert.Equal(t, []svProblem{{"measures[1].proxy", "0", "positive"}, {"measures[1].firstYearOnly", "true", "fte-year-only"},
		{"measures[1].code", "FX-A", "unique"}},
		svProblems(criteria.Catalogue{Measures: []criteria.Measure{ok, bad}}.Validate()))
	assert.Equal(t, []svProblem{{"measures", "", "required"}}, svProblems(criteria.Catalogue{}.Validate()))
	b, err := json.Marshal(criteria.Catalogue{Name: "x", Measures: []criteria.Measure{ok}})
	require.NoError(t, err)
	back, err := criteria.LoadCatalogueJSON(bytes.NewReader(b))
	require.NoError(t, err, "what json.Marshal writes, the loader reads: %s", b)
	assert.Equal(t, "x", back.Name)
}

func TestCatalogueValue(t *testing.T) {
	cat := svSample(t)
	price := svDecPtr("1000000")
	tests := []struct {
		why    string
		source string
		cs     []criteria.Commitment
		total  string
		texts  []string
	}{
		{"FTE-years: 12.5 FTE on a 2-year contract = 25 FTE-years", "docs/sources/social-value.md (Torbay counting rules, HIGH)",
			[]criteria.Commitment{{Measure: "FX-JOBS-01", FTE: svDecPtr("12.5"), Years: svDecPtr("2")}}, "250000",
			[]string{"FX-JOBS-01 Local people employed on the contract: 12.5 FTE × 2 years = 25 FTE-years × £10,000.00 = £250,000.00"}},
		{"a disadvantaged hire counts in the first year only", "docs/sources/social-value.md (Torbay): 3 FTE over 2 years = 3 FTE-years × £15,000",
			[]criteria.Commitment{{Measure: "FX-JOBS-02", FTE: svDecPtr("3"), Years: svDecPtr("2")}}, "45000",
			[]string{"FX-JOBS-02 Long-term unemployed local people hired on the contract: 3 FTE over 2 years, counted in the first year only: 3 × 1 = 3 FTE-years × £15,000.00 = £45,000.00"}},
		{"half a year counts as half", "hand: 2 FTE × 0.5 × £15,000",
			[]criteria.Commitment{{Measure: "FX-JOBS-02", FTE: svDecPtr("2"), Years: svDecPtr("0.5")}}, "15000", nil},
		{"spend as a percentage of the bid price", "hand: 20% × £1,000,000 × £0.10",
			[]criteria.Commitment{{Measure: "FX-SUPP-01", Percent: svDecPtr("20")}}, "20000",
			[]string{"FX-SUPP-01 Contract spend with suppliers in the local area: 20% of the bid price £1,000,000.00 = £200,000.00 × £0.10 = £20,000.00"}},
		{"Σ quantity × proxy over several measures", "hand: 6 × 2000 + 40 × 100 + 150000 × 0.05 = 12000 + 4000 + 7500",
			[]criteria.Commitment{{Measure: "FX-APPR-01", Quantity: svDecPtr("6")}, {Measure: "FX-APPR-02", Quantity: svDecPtr("40")},
				{Measure: "FX-SUPP-02", Quantity: svDecPtr("150000")}}, "23500", nil},
		{"zero is a commitment of nothing", "hand", []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: svDecPtr("0")}}, "0", nil},
		{"no commitments", "hand", nil, "0", nil},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			v, ps := cat.Value(tt.cs, price)
			require.Empty(t, ps)
			assert.True(t, v.Total.Equal(svDec(tt.total)), "got %s want %s [%s]", v.Total, tt.total, tt.source)
			if tt.texts != nil {
				var texts []string
				for _, l := range v.Lines {
					texts = append(texts, l.Text)
				}
				assert.Equal(t, tt.texts, texts)
			}
		})
	}

	bad := []struct {
		why      string
		cs       []criteria.Commitment
		bidPrice *decimal.Decimal
		want     []svProblem
	}{
		{"an unknown measure code", []criteria.Commitment{{Measure: "NT1", Quantity: svDecPtr("1")}}, price, []svProblem{{"[0].measure", "NT1", "known-measure"}}},
		{"no measure code", []criteria.Commitment{{Quantity: svDecPtr("1")}}, price, []svProblem{{"[0].measure", "", "required"}}},
		{"a negative quantity", []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: svDecPtr("-6")}}, price, []svProblem{{"[0].quantity", "-6", "non-negative"}}},
		{"negative FTE", []criteria.Commitment{{Measure: "FX-JOBS-01", FTE: svDecPtr("-1"), Years: svDecPtr("2")}}, price, []svProblem{{"[0].fte", "-1", "non-negative"}}},
		{"no quantity", []criteria.Commitment{{Measure: "FX-APPR-01"}}, price, []svProblem{{"[0].quantity", "", "required"}}},
		{"two forms at once", []criteria.Commitment{{Measure: "FX-SUPP-01", Quantity: svDecPtr("1"), Percent: svDecPtr("1")}}, price, []svProblem{{"[0].quantity", "", "one-form"}}},
		{"FTE on a measure not in FTE-years", []criteria.Commitment{{Measure: "FX-APPR-01", FTE: svDecPtr("1"), Years: svDecPtr("1")}}, price, []svProblem{{"[0].fte", "", "fte-year-only"}}},
		{"FTE without years", []criteria.Commitment{{Measure: "FX-JOBS-01", FTE: svDecPtr("1")}}, price, []svProblem{{"[0].years", "", "required"}}},
		{"a first-year-only measure given as a bare quantity", []criteria.Commitment{{Measure: "FX-JOBS-02", Quantity: svDecPtr("6")}}, price, []svProblem{{"[0].quantity", "6", "fte-and-years"}}},
		{"a percentage on a measure not in £", []criteria.Commitment{{Measure: "FX-APPR-01", Percent: svDecPtr("5")}}, price, []svProblem{{"[0].percent", "5", "pounds-only"}}},
		{"a percentage over 100", []criteria.Commitment{{Measure: "FX-SUPP-01", Percent: svDecPtr("101")}}, price, []svProblem{{"[0].percent", "101", "percent"}}},
		{"a percentage without a bid price", []criteria.Commitment{{Measure: "FX-SUPP-01", Percent: svDecPtr("5")}}, nil, []svProblem{{"[0].percent", "5", "needs-bid-price"}}},
		{"one measure twice would count it twice", []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: svDecPtr("1")}, {Measure: "FX-APPR-01", Quantity: svDecPtr("2")}}, price,
			[]svProblem{{"[1].measure", "FX-APPR-01", "unique"}}},
		{"an absurd quantity", []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: svDecPtr("1e16")}}, price, []svProblem{{"[0].quantity", "10000000000000000", "magnitude"}}},
	}
	for _, tt := range bad {
		t.Run(tt.why, func(t *testing.T) {
			_, ps := cat.Value(tt.cs, tt.bidPrice)
			assert.Equal(t, tt.want, svProblems(ps))
		})
	}
}

// TestValueNamesTheFirstCommitmentInALongList: past the first few
// commitments the earlier ones are looked up, not looked through (so that
// a bid of thousands is checked in time proportional to them), and a
// repeated measure still names its first commitment, whether that is
// among the first few or beyond them. A fictional catalogue of 40
// measures at £1 each; the bids commit to one of each, but for those
// changed.
func TestValueNamesTheFirstCommitmentInALongList(t *testing.T) {
	var doc strings.Builder
	doc.WriteString(svHeader)
	for i := range 40 {
		fmt.Fprintf(&doc, "FX-L%02d,fictional measure %d,£,1,fictional,2026\n", i, i)
	}
	cat, err := criteria.LoadCatalogueCSV(strings.NewReader(doc.String()))
	require.NoError(t, err)
	list := func(at map[int]string) []criteria.Commitment {
		cs := make([]criteria.Commitment, 40)
		for i := range cs {
			cs[i] = criteria.Commitment{Measure: fmt.Sprintf("FX-L%02d", i), Quantity: svDecPtr("1")}
			if m, ok := at[i]; ok {
				cs[i].Measure = m
			}
		}
		return cs
	}
	for _, c := range []struct {
		why    string
		at     map[int]string
		want   []svProblem
		firsts []string // the first commitment each "unique" problem names
	}{
		{"none repeated", nil, nil, nil},
		{"repeated within the first few", map[int]string{9: "FX-L02"}, []svProblem{{"[9].measure", "FX-L02", "unique"}}, []string{"[2]"}},
		{"repeated within the first few and again beyond them", map[int]string{9: "FX-L02", 30: "FX-L02"},
			[]svProblem{{"[9].measure", "FX-L02", "unique"}, {"[30].measure", "FX-L02", "unique"}}, []string{"[2]", "[2]"}},
		{"first among the few, repeated beyond them twice, an unknown one between",
			map[int]string{17: "NT1", 25: "FX-L03", 30: "FX-L03"},
			[]svProblem{{"[17].measure", "NT1", "known-measure"}, {"[25].measure", "FX-L03", "unique"}, {"[30].measure", "FX-L03", "unique"}}, []string{"[3]", "[3]"}},
		{"first beyond the few", map[int]string{35: "FX-L20"}, []svProblem{{"[35].measure", "FX-L20", "unique"}}, []string{"[20]"}},
	} {
		v, ps := cat.Value(list(c.at), nil)
		if c.want == nil {
			assert.Empty(t, ps, c.why)
			assert.Equal(t, "40", v.Total.String(), c.why)
			continue
		}
		assert.Equal(t, c.want, svProblems(ps), c.why)
		var firsts []string
		for _, p := range ps {
			if p.Rule == "unique" {
				firsts = append(firsts, p.Message[strings.Index(p.Message, "["):strings.Index(p.Message, "]")+1])
			}
		}
		assert.Equal(t, c.firsts, firsts, c.why)
	}
}

func FuzzLoadCatalogueCSV(f *testing.F) {
	f.Add(svHeader + "FX-A,d,week,1,s,2026\n")
	f.Add("code,theme,description,unit,proxy,source,year,local,firstYearOnly\nFX-J,jobs,d,FTE-year,£10000,s,2026,true,true\n")
	f.Add(svHeader + "FX-A,\"d\nd\",week,-1,s,x\nFX-A\n")
	f.Add("\ufeff" + svHeader)
	f.Add("a\"b,c\n")
	f.Fuzz(func(t *testing.T, in string) {
		c, err := criteria.LoadCatalogueCSV(strings.NewReader(in))
		if err != nil {
			var de *criteria.DecodeError
			if !assert.ErrorAs(t, err, &de) || len(de.Problems) == 0 {
				t.Fatalf("an error without problems: %v", err)
			}
			return
		}
		if ps := c.Validate(); len(ps) > 0 {
			t.Fatalf("loaded a catalogue that does not validate: %v", ps)
		}
	})
}

func FuzzLoadCatalogueJSON(f *testing.F) {
	f.Add(`{"name":"t","measures":[{"code":"FX-A","description":"d","unit":"week","proxy":"50","source":"s","year":2026}]}`)
	f.Add(`{"measures":[{"code":"FX-A","description":"d","unit":"FTE-year","proxy":1e3,"source":"s","year":2026,"firstYearOnly":true,"local":true}]}`)
	f.Add(`{"measures":[null, 7, {"proxy":"-1"}]}`)
	f.Add(`[]`)
	f.Add(`{"measures":[]} {}`)
	f.Fuzz(func(t *testing.T, in string) {
		c, err := criteria.LoadCatalogueJSON(strings.NewReader(in))
		if err != nil {
			var de *criteria.DecodeError
			if !assert.ErrorAs(t, err, &de) || len(de.Problems) == 0 {
				t.Fatalf("an error without problems: %v", err)
			}
			return
		}
		if ps := c.Validate(); len(ps) > 0 {
			t.Fatalf("loaded a catalogue that does not validate: %v", ps)
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := criteria.LoadCatalogueJSON(bytes.NewReader(b)); err != nil {
			t.Fatalf("what was loaded does not load again after json.Marshal: %v", err)
		}
	})
}

func FuzzLoadRateTableJSON(f *testing.F) {
	f.Add(`{"rates":[{"scheme":"london-living-wage","hourly":"15.50","announced":"2026-10-20","implementBy":"2027-05-01","confidence":"low","source":"test"}]}`)
	f.Add(`{"rates":[{"scheme":"national-living-wage","hourly":12.71,"implementBy":"2026-04-01","confidence":"high","verified":true,"source":"s"}]}`)
	f.Add(`{"rates":[{"hourly":"1e400"}]}`)
	f.Add(`{"rates":7}`)
	f.Fuzz(func(t *testing.T, in string) {
		rt, err := criteria.LoadRateTableJSON(strings.NewReader(in))
		if err != nil {
			var de *criteria.DecodeError
			if !assert.ErrorAs(t, err, &de) || len(de.Problems) == 0 {
				t.Fatalf("an error without problems: %v", err)
			}
			return
		}
		if ps := rt.Validate(); len(ps) > 0 {
			t.Fatalf("loaded a table that does not validate: %v", ps)
		}
		for _, r := range rt.Rates {
			d := r.Announced
			if d.IsZero() {
				d = r.ImplementBy
			}
			_, _ = rt.Lookup(r.Scheme, d, criteria.RateAnnounced) // must not panic
			_, _ = rt.Lookup(r.Scheme, d, criteria.RateImplementBy)
		}
	})
}
