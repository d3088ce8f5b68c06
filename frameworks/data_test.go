package frameworks_test

import (
	"strings"
	"testing"

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

// FuzzReadData: no input makes the decoder panic, and whatever it accepts
// makes a valid catalogue.
func FuzzReadData(f *testing.F) {
	f.Add(dataFile)
	f.Add(`{}`)
	f.Add(`{"frameworks": [{"ref": "X"}]}`)
	f.Add(`{"policies": [{"name": "P", "minSocialValuePercent": "1e400"}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		d, err := frameworks.ReadData(strings.NewReader(in))
		if err != nil {
			return
		}
		if _, err := frameworks.NewCatalogue(d.Frameworks...); err != nil {
			t.Fatalf("accepted data makes an invalid catalogue: %v", err)
		}
	})
}
