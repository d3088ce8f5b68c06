package frameworks_test

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
)

const dataFile = `{
  "frameworks": [{
    "ref": "YPO-1234", "name": "Regional IT services", "regime": "pa-2023",
    "dates": {"start": "2025-09-01", "end": "2029-08-31",
              "startSource": {"cite": "YPO-1234 agreement", "verified": true},
              "endSource": {"cite": "YPO-1234 agreement", "verified": true}},
    "callOff": {"procedures": ["further-competition"], "maxTermMonths": 60,
                "categories": ["price", "quality", "social-value"],
                "source": {"cite": "YPO-1234 buyer guide", "verified": true}},
    "lots": [{"id": "1", "title": "Service desk", "source": {"cite": "YPO-1234 agreement", "verified": true}}],
    "source": {"cite": "YPO-1234 agreement", "verified": true}
  }],
  "policies": [{"name": "Northbridge social value", "authority": "Northbridge Borough Council",
                "minSocialValuePercent": "15", "appliesAbove": 100000,
                "source": {"cite": "Northbridge Social Value Policy 2025", "verified": true}}]
}`

func TestReadData(t *testing.T) {
	d, err := frameworks.ReadData(strings.NewReader(dataFile))
	require.NoError(t, err)
	require.Len(t, d.Frameworks, 1)
	assert.Equal(t, "2029-08-31", d.Frameworks[0].Dates.End.String())
	assert.Equal(t, "15", d.Policies[0].MinSocialValuePercent.String())
	assert.Equal(t, "100000", d.Policies[0].AppliesAbove.String())

	cat, err := frameworks.DefaultCatalogue().With(d.Frameworks...)
	require.NoError(t, err)
	fs := check(t, tender(route("YPO-1234", "1", "further-competition")),
		frameworks.WithCatalogue(cat), frameworks.WithPolicies(d.Policies...))
	assert.Equal(t, frameworks.Error, severityOf(t, fs, "local-policy"), "10%% is below the loaded 15%% minimum:\n%s", fs)
	assert.Empty(t, fs.WithCode("call-off-criteria"), "the loaded framework includes social value")
}

func TestReadDataErrors(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"not JSON", `{"frameworks": [`, "frameworks data"},
		{"unknown field", `{"frameworks": [], "colour": "red"}`, "colour"},
		{"bad date", `{"frameworks": [{"ref": "X", "dates": {"start": "1 June 2025"}}]}`, "YYYY-MM-DD"},
		{"two values", `{} {}`, "more than one JSON value"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := frameworks.ReadData(strings.NewReader(c.in))
			assert.ErrorContains(t, err, c.want)
		})
	}
	_, err := frameworks.ReadData(strings.NewReader(`{"frameworks": [{"ref": "X", "name": "X", "regime": "pa-2023", "source": {"cite": "x"},
		"dates": {"start": "2026-01-01", "end": "2025-01-01"}}], "policies": [{"name": "P", "minSocialValuePercent": -1, "source": {"cite": "x"}}]}`))
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("frameworks[0].dates.end", "after-start"), "%v", err)
	assert.True(t, verr.Has("policies[0].minSocialValuePercent", "percent"), "%v", err)
}

// FuzzReadData: no input makes the decoder panic; every problem it reports
// has its place in the file (but the count of those left out); whatever it
// accepts makes a valid catalogue.
func FuzzReadData(f *testing.F) {
	f.Add(dataFile)
	f.Add(`{}`)
	f.Add(`{"frameworks": [{"ref": "X"}]}`)
	f.Add(`{"policies": [{"name": "P", "minSocialValuePercent": "1e400"}]}`)
	f.Add(`{"frameworks": [{"ref": "X", "name": "X", "regime": "pa-2023", "source": {"cite": "x"}, "dates": {"start": "2026-01-01", "end": "2025-01-01"}}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		d, err := frameworks.ReadData(strings.NewReader(in))
		if err != nil {
			var derr *frameworks.DataError
			if !errors.As(err, &derr) {
				t.Fatalf("not a *DataError: %v", err)
			}
			for _, p := range derr.Problems {
				if p.Line <= 0 && p.Rule != "too-many" {
					t.Fatalf("a problem without its place: %v", p)
				}
			}
			return
		}
		if _, err := frameworks.NewCatalogue(d.Frameworks...); err != nil {
			t.Fatalf("accepted data makes an invalid catalogue: %v", err)
		}
	})
}

// Every problem in a data file is reported at once, at its line and column
// with its field path (issue 11: check --data gave no place).
func TestReadDataPlacesEveryProblem(t *testing.T) {
	in := `{"frameworks": [{"ref": "X", "name": "X", "regime": "pa-2023", "source": {"cite": "x"},
  "dates": {"start": "2026-01-01", "end": "2025-01-01"},
  "callOff": {"maxTermMonths": "sixty", "weights": [{"head": "h", "category": "price", "min": 1e1, "max": "12.5"}]}}],
 "policies": [{"name": "P", "minSocialValuePercent": -1, "source": {"cite": "x"}, "colour": "red", "from": "2026-02-30"}]}`
	_, err := frameworks.ReadData(strings.NewReader(in))
	var derr *frameworks.DataError
	require.ErrorAs(t, err, &derr)
	var got []string
	for _, p := range derr.Problems {
		got = append(got, p.String())
	}
	assert.Equal(t, []string{
		`3:32: frameworks[0].callOff.maxTermMonths: want a whole number, found text (value "sixty", rule type)`,
		`3:95: frameworks[0].callOff.weights[0].min: not a number: write it in full, without an exponent (1500, not 1.5e3) (value "1e1", rule number)`,
		`4:83: policies[0].colour: unknown field; want one of: name, authority, minSocialValuePercent, appliesAbove, from, until, source (value "colour", rule known-field)`,
		`4:108: policies[0].from: 2026-02-30: February 2026 has no day 30 (value "2026-02-30", rule date)`,
	}, got, "the shape is checked first, every problem at once")

	in = `{"frameworks": [{"ref": "X", "name": "X", "regime": "pa-2023", "source": {"cite": "x"},
  "dates": {"start": "2026-01-01", "end": "2025-01-01"}}],
 "policies": [{"name": "P", "minSocialValuePercent": -1, "source": {"cite": "x"}}]}`
	_, err = frameworks.ReadData(strings.NewReader(in))
	require.ErrorAs(t, err, &derr)
	got = nil
	for _, p := range derr.Problems {
		got = append(got, p.String())
	}
	assert.Equal(t, []string{
		`2:43: frameworks[0].dates.end: the end date is before the start date 2026-01-01 (value "2025-01-01", rule after-start)`,
		`3:54: policies[0].minSocialValuePercent: a minimum is a percentage from 0 to 100 (value "-1", rule percent)`,
	}, got, "then what validation finds, at its place")
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr, "the validation problems are still a *score.ValidationError")
	assert.True(t, verr.Has("policies[0].minSocialValuePercent", "percent"))
}

// A number of a few million digits is refused from its length, before
// decimal reads it (issue 11: the data file had no limit at all), and a
// file of garbage lists 100 problems and a count.
func TestReadDataBoundsNumbersAndProblems(t *testing.T) {
	long := strings.Repeat("9", 3000000)
	for _, n := range []string{long, `"` + long + `"`, long + "e1"} {
		_, err := frameworks.ReadData(strings.NewReader(`{"policies": [{"name": "P", "minSocialValuePercent": ` + n + `}]}`))
		var derr *frameworks.DataError
		require.ErrorAs(t, err, &derr)
		require.Len(t, derr.Problems, 1)
		assert.Equal(t, "not a number: more than 64 characters", derr.Problems[0].Message)
		assert.Less(t, len(derr.Problems[0].Value), 50, "the value is abbreviated")
	}
	var b strings.Builder
	b.WriteString(`{"policies": [`)
	for i := range 300 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"name": 1}`)
	}
	b.WriteString("]}")
	_, err := frameworks.ReadData(strings.NewReader(b.String()))
	var derr *frameworks.DataError
	require.ErrorAs(t, err, &derr)
	require.Len(t, derr.Problems, 101)
	assert.Equal(t, "200 more problems are not shown: only the first 100 are listed (value \"200\", rule too-many)", derr.Problems[100].String())
	_, err = frameworks.ReadData(strings.NewReader(strings.Repeat("[", 100) + strings.Repeat("]", 100)))
	assert.ErrorContains(t, err, "nest more than 64 deep")
}

// A decimal built in Go with a huge exponent is refused by NewCatalogue
// and the policy checks without being expanded.
func TestHugeDecimalsInFrameworksAreRefusedCheaply(t *testing.T) {
	huge := decimal.New(1, 1<<30)
	f := frameworks.Framework{Ref: "X", Name: "X", Regime: score.PA2023, Source: frameworks.Source{Cite: "x"},
		CallOff: frameworks.CallOffRules{Weights: []frameworks.WeightRange{{Head: "h", Category: score.Price, Min: decimal.Zero, Max: huge}}, Source: frameworks.Source{Cite: "x"}}}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := frameworks.NewCatalogue(f)
	runtime.ReadMemStats(&after)
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("frameworks[0].callOff.weights[0].max", "magnitude"), "%v", err)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(1<<20))

	d := frameworks.Data{Policies: []frameworks.LocalPolicy{{Name: "P", MinSocialValuePercent: huge, AppliesAbove: decimal.New(1, -(1 << 30)), Source: frameworks.Source{Cite: "x"}}}}
	err = d.Validate()
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("policies[0].minSocialValuePercent", "magnitude"), "%v", err)
	assert.True(t, verr.Has("policies[0].appliesAbove", "precision"), "%v", err)
}
