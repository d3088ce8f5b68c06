package ocds

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/tenderfile"
)

func importFile(t *testing.T, name string, opts ImportOptions) *Imported {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	im, err := Import(filepath.Base(name), f, opts)
	require.NoError(t, err)
	return im
}

func importString(s string, opts ImportOptions) (*Imported, error) {
	return Import("notice.json", strings.NewReader(s), opts)
}

// TestImportNotice reads testdata/notice.json, a fictional Find a Tender
// tender notice (UK4) for three lots, and checks what it gives against
// the notice by hand; the tender file written is kept as a golden file.
func TestImportNotice(t *testing.T) {
	im := importFile(t, "testdata/notice.json", ImportOptions{})
	tn := im.Tender

	t.Run("the latest release of the notice is read", func(t *testing.T) {
		// releases[1] (990102-2026, 18 May) updates releases[0] (11 May).
		assert.Equal(t, "990102-2026", im.ReleaseID)
		assert.Equal(t, "ocds-h6vhtk-fict01", im.OCID)
		assert.Equal(t, "Parks and open spaces services", tn.Title)
	})
	t.Run("the authority from the buyer party and its UK_CA_TYPE", func(t *testing.T) {
		assert.Equal(t, "Harrowden Borough Council", tn.Authority.Name)
		assert.Equal(t, score.SubCentral, tn.Authority.Type)
		assert.Equal(t, score.PA2023, tn.Regime, "legal basis UKPGA 2023/54")
	})
	t.Run("lots with values including VAT and terms", func(t *testing.T) {
		require.Len(t, tn.Lots, 3)
		want := []struct {
			id, title, value string
			months           int
		}{
			{"1", "Grounds maintenance", "1800000", 36},  // amountGross; durationInMonths
			{"2", "Tree surgery", "720000", 24},          // 2026-09-01 to 2028-08-31
			{"3", "Play area inspections", "250000", 12}, // amount only; the tender's 12 months
		}
		for i, w := range want {
			l := tn.Lots[i]
			assert.Equal(t, w.id, l.ID)
			assert.Equal(t, w.title, l.Title)
			assert.Equal(t, w.value, l.EstimatedValue.String(), "lot %s", w.id)
			assert.Equal(t, w.months, l.TermMonths, "lot %s", w.id)
		}
		assert.Contains(t, im.Notes, "lots[2].estimatedValue: read from value.amount, most likely without VAT (the UK extension gives the amount including all taxes as amountGross, and the notice gives none); estimatedValue includes VAT: check it")
	})
	t.Run("lot 1: numbers, and names sharing a first part read as sub-criteria", func(t *testing.T) {
		p := tn.Lots[0].Policy
		assert.Equal(t, score.PercentOfTotal, p.Weighting, "the sub-criteria's weights are percentages of the lot")
		require.Len(t, p.Criteria, 3)
		q, sv, price := p.Criteria[0], p.Criteria[1], p.Criteria[2]
		assert.Equal(t, "Quality", q.Title)
		assert.Equal(t, "50", q.Weight.String(), "30 + 20")
		require.Len(t, q.Children, 2)
		assert.Equal(t, "Method statement", q.Children[0].Title)
		assert.Equal(t, "30", q.Children[0].Weight.String())
		assert.Equal(t, "Mobilisation", q.Children[1].Title)
		assert.Equal(t, "20", q.Children[1].Weight.String())
		assert.Equal(t, score.SocialValue, sv.Category, "recognised by its name")
		assert.Equal(t, "10", sv.Weight.String())
		require.NotNil(t, price.Price)
		assert.Equal(t, "40", price.Weight.String())
	})
	t.Run("lot 2: weights in descriptions, price typed cost", func(t *testing.T) {
		cs := tn.Lots[1].Policy.Criteria
		require.Len(t, cs, 3)
		assert.Equal(t, "60", cs[0].Weight.String(), `"60%"`)
		assert.Empty(t, cs[0].Description, "a description that is only the weight is not kept")
		assert.Equal(t, "10", cs[1].Weight.String(), `"10"`)
		assert.Equal(t, score.SocialValue, cs[1].Category, `"Social Value"`)
		assert.Equal(t, "30", cs[2].Weight.String(), `"Whole-life cost, weighting 30 %"`)
		assert.NotNil(t, cs[2].Price, "type cost is a price criterion")
	})
	t.Run("lot 3: an order of importance is no weight", func(t *testing.T) {
		cs := tn.Lots[2].Policy.Criteria
		require.Len(t, cs, 2)
		assert.True(t, cs[0].Weight.IsZero())
		assert.Contains(t, cs[0].Description, "order of importance in the notice: 1")
	})
	t.Run("the cap on lots awarded; a bid cap of every lot is no cap", func(t *testing.T) {
		require.NotNil(t, tn.LotRules)
		require.NotNil(t, tn.LotRules.MaxLotsAwardedPerSupplier)
		assert.Equal(t, 2, *tn.LotRules.MaxLotsAwardedPerSupplier)
		assert.Nil(t, tn.LotRules.MaxLotsBidPerSupplier)
		assert.Empty(t, tn.LotRules.Allocation, "OCDS carries no allocation mechanism")
	})
	t.Run("placeholders for what OCDS cannot carry", func(t *testing.T) {
		q := tn.Lots[0].Policy.Criteria[0].Children[0].Quality
		require.NotNil(t, q)
		assert.Equal(t, Placeholder, q.Scale.Name)
		assert.Equal(t, criteria.Moderation(Placeholder), q.Moderation)
		assert.Equal(t, criteria.PriceMethod(Placeholder), tn.Lots[0].Policy.Criteria[2].Price.Method)
		assert.True(t, tn.Commenced.IsZero())
	})

	var out bytes.Buffer
	require.NoError(t, im.WriteTender(&out))
	golden := filepath.Join("testdata", "notice.tender.yaml")
	if *update {
		require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./ocds -update to create %s", golden)
	assert.Equal(t, string(want), out.String())
	t.Run("validation, or the frameworks check, names every field to complete", func(t *testing.T) {
		checkGapsNamed(t, im, out.Bytes())
	})
}

// checkGapsNamed reads the written tender file back and validates it: it
// must read, and every gap must have a problem at its field or within it,
// at a place in the file — a validation problem, or for a gap only the law
// needs a problem the frameworks check reports.
func checkGapsNamed(t testing.TB, im *Imported, data []byte) {
	t.Helper()
	tn, src, err := tenderfile.ReadTender("tender.yaml", bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the tender file written does not read: %v\n%s", err, data)
	}
	problems := func(err error) *tenderfile.Error {
		fe := &tenderfile.Error{}
		if err != nil && !errors.As(src.Locate(err), &fe) {
			t.Fatalf("want problems with places, got %v", err)
		}
		return fe
	}
	validation := problems(tn.Validate(nil))
	_, cerr := frameworks.Check(tn)
	law := problems(cerr)
	for _, g := range im.Gaps {
		fe := validation
		if g.Check {
			fe = law
		}
		named := false
		for _, p := range fe.Problems {
			if p.Field == g.Field || strings.HasPrefix(p.Field, g.Field+".") || strings.HasPrefix(p.Field, g.Field+"[") {
				named = true
				if p.Pos.Line == 0 {
					t.Errorf("the problem for %s has no place in the file: %s", g.Field, p)
				}
			}
		}
		if !named {
			t.Errorf("no problem names the gap %s\nproblems:\n%v", g, fe)
		}
	}
}

// TestImportForms reads the same tender as a bare release, a record, a
// record package and a release package.
func TestImportForms(t *testing.T) {
	release := `{"ocid":"ocds-a-1","id":"r2","date":"2026-01-02T00:00:00Z","tag":["tender"],
	  "parties":[{"id":"B","name":"Anytown Council","roles":["buyer"]}],
	  "tender":{"id":"T-1","title":"Cleaning","lots":[{"id":"L1","title":"Offices"}]}}`
	older := `{"ocid":"ocds-a-1","id":"r1","date":"2026-01-01T00:00:00Z","tender":{"id":"T-1","title":"Cleaning (draft)"}}`
	tests := []struct {
		why, doc  string
		opts      ImportOptions
		title, id string
	}{
		{"a bare release", release, ImportOptions{}, "Cleaning", "r2"},
		{"a record: its compiled release", `{"ocid":"ocds-a-1","releases":[` + older + `],"compiledRelease":` + release + `}`, ImportOptions{}, "Cleaning", "r2"},
		{"a record package", `{"records":[{"ocid":"ocds-a-1","releases":[` + older + `,` + release + `]}]}`, ImportOptions{}, "Cleaning", "r2"},
		{"a release package: the latest release", `{"releases":[` + release + `,` + older + `]}`, ImportOptions{}, "Cleaning", "r2"},
		{"a release package: a release chosen by id", `{"releases":[` + release + `,` + older + `]}`, ImportOptions{ReleaseID: "r1"}, "Cleaning (draft)", "r1"},
		{"a package of several processes: one chosen by ocid", `{"releases":[` + release + `,` + strings.Replace(older, "ocds-a-1", "ocds-a-2", 1) + `]}`, ImportOptions{OCID: "ocds-a-1"}, "Cleaning", "r2"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			im, err := importString(tc.doc, tc.opts)
			require.NoError(t, err)
			assert.Equal(t, tc.title, im.Tender.Title)
			assert.Equal(t, tc.id, im.ReleaseID)
		})
	}
}

// TestImportProblems feeds files that are not what Import wants: each
// gives an error naming the place or the field, never a panic or a
// partial tender.
func TestImportProblems(t *testing.T) {
	deep := strings.Repeat(`{"a":`, MaxDepth+1) + "1" + strings.Repeat("}", MaxDepth+1)
	tests := []struct {
		why, doc string
		opts     ImportOptions
		want     string // in the error
	}{
		{"not JSON", "schemaVersion: x", ImportOptions{}, "not an OCDS release, record or package: want a JSON object"},
		{"broken JSON, with its place", "{\n  \"ocid\": \"x\",\n  \"tender\": {\n}", ImportOptions{}, "notice.json:4:2: not valid JSON"},
		{"an empty file", "  \n", ImportOptions{}, "the file is empty"},
		{"not UTF-8", "{\"ocid\":\"\xff\"}", ImportOptions{}, "not UTF-8"},
		{"nesting past the cap, before any decoding", deep, ImportOptions{}, "nest more than 64 deep"},
		{"JSON but not OCDS", `{"name":"x"}`, ImportOptions{}, "not an OCDS release, record or package"},
		{"lots that are not a list", `{"ocid":"x","tender":{"lots":"three"}}`, ImportOptions{}, "tender.lots: want a list, found text"},
		{"a title that is not text", `{"ocid":"x","tender":{"title":{"en":"Cleaning"}}}`, ImportOptions{}, "tender.title: want text, found an object"},
		{"a weight that is not a number", `{"ocid":"x","tender":{"lots":[{"id":"1","awardCriteria":{"criteria":[{"name":"P","numbers":[{"number":"forty","weight":"percentageExact"}]}]}}]}}`, ImportOptions{}, "tender.lots[0].awardCriteria.criteria[0].numbers[0].number: not a number"},
		{"an exponent that would ask for a billion digits", `{"ocid":"x","tender":{"lots":[{"id":"1","value":{"amountGross":1e999999999}}]}}`, ImportOptions{}, "exponent beyond ±30"},
		{"releases of several processes, none chosen", `{"releases":[{"ocid":"a","tender":{}},{"ocid":"b","tender":{}}]}`, ImportOptions{}, "releases of 2 contracting processes (a, b): choose one by its ocid"},
		{"an ocid not in the file", `{"ocid":"a","tender":{}}`, ImportOptions{OCID: "b"}, `no release has the ocid "b"`},
		{"no tender section", `{"releases":[{"ocid":"a","tag":["planning"]}]}`, ImportOptions{}, "no release has a tender section"},
		{"more lots than the cap", `{"ocid":"a","tender":{"lots":[` + strings.TrimSuffix(strings.Repeat(`{"id":"1"},`, MaxLots+1), ",") + `]}}`, ImportOptions{}, "more than 1000 lots"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			im, err := importString(tc.doc, tc.opts)
			require.Error(t, err)
			assert.Nil(t, im)
			var fe *tenderfile.Error
			require.ErrorAs(t, err, &fe)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestImportCleansText checks that no control character from a notice
// reaches the tender: line breaks and tabs become spaces; a bell and a
// right-to-left override are shown as U+FFFD, as package safetext shows
// them everywhere.
func TestImportCleansText(t *testing.T) {
	im, err := importString("{\"ocid\":\"x\",\"tender\":{\"title\":\"Parks\\r\\n\\tand\\u0007 gardens\\u202e\",\"lots\":[{\"id\":\"1\"}]}}", ImportOptions{})
	require.NoError(t, err)
	assert.Equal(t, "Parks and\ufffd gardens\ufffd", im.Tender.Title)
}

func TestWeightIn(t *testing.T) {
	tests := []struct {
		why, desc, weight, rest string
		ok                      bool
	}{
		{"a bare number, as PCR-era notices give it", "70", "70", "", true},
		{"a percentage", "70%", "70", "", true},
		{"a labelled percentage", "Weighting: 12.5 %", "12.5", "", true},
		{"one percentage in a sentence keeps the sentence", "Whole-life cost, weighting 30 %", "30", "Whole-life cost, weighting 30 %", true},
		{"two percentages are ambiguous", "Technical 60% of which 10% is social value", "", "", false},
		{"no number", "Method statement", "", "", false},
		{"a number that is not a percentage", "Up to 5 case studies", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			w, rest, ok := weightIn(tc.desc)
			assert.Equal(t, tc.ok, ok)
			if tc.ok {
				assert.Equal(t, tc.weight, w.String())
				assert.Equal(t, tc.rest, rest)
			}
		})
	}
}

func TestWholeMonths(t *testing.T) {
	tests := []struct {
		why, start, end string
		months          int
		ok              bool
	}{
		{"ending the day before the anniversary", "2026-04-01T00:00:00+01:00", "2030-03-31T23:59:59+01:00", 48, true},
		{"ending on the same day of the month", "2026-09-01T00:00:00Z", "2028-09-01T00:00:00Z", 24, true},
		{"not a whole number of months", "2026-09-01T00:00:00Z", "2026-10-15T00:00:00Z", 0, false},
		{"an end before the start", "2026-09-01T00:00:00Z", "2026-08-01T00:00:00Z", 0, false},
		{"a date that does not read", "1 September 2026", "2026-10-01T00:00:00Z", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			n, ok := wholeMonths(tc.start, tc.end)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.months, n)
		})
	}
}
