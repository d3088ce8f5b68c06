package frameworks_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
)

// TestDefaultCatalogue checks the entries against docs/sources/frameworks.md
// and what was verified.
func TestDefaultCatalogue(t *testing.T) {
	c := frameworks.DefaultCatalogue()
	cases := []struct {
		ref, alias string
		regime     score.Regime
		start, end string
		why        string
	}{
		{"RM6100", "TS3", score.PCR2015, "2021-06-16", "2026-06-14", "TS3: 16 Jun 2021 – 14 Jun 2026 (HIGH)"},
		{"RM6190", "ts4", score.PA2023, "2025-12-12", "2028-06-11", "TS4 first term 12 Dec 2025 – 11 Jun 2028 (HIGH)"},
		{"RM6116", "NS3", score.PCR2015, "", "", "NS3 dates unverified: not recorded"},
		{"RM1557.14", "G-Cloud 14", score.PCR2015, "2024-10-29", "2026-10-28", "G-Cloud 14 extended to 28 Oct 2026"},
		{"RM1557.15", "G-Cloud 15", score.PA2023, "2026-09-01", "2030-09-30", "G-Cloud 15 expected Sep 2026 – Sep 2030 (MED)"},
		{"RM1043.7", "DOS5", score.PCR2015, "2021-01-20", "2023-04-19", "DOS5 ended 2023 (CCS: 19 Apr 2023)"},
		{"RM1043.8", "DOS6", score.PCR2015, "2022-06-28", "2025-06-27", "DOS6 28 Jun 2022 – 27 Jun 2025 (HIGH)"},
		{"RM1043.9", "DOS7", score.PA2023, "2026-04-01", "", "DOS7 live from 1 Apr 2026 (MED)"},
		{"RM6174", "rm6174", score.PCR2015, "", "", "RM6174 2020–2024 (MED): not recorded"},
	}
	for _, k := range cases {
		f, ok := c.Lookup(k.alias)
		require.True(t, ok, k.alias)
		assert.Equal(t, k.ref, f.Ref, k.why)
		assert.Equal(t, k.regime, f.Regime, k.why)
		assert.Equal(t, k.start, f.Dates.Start.String(), k.why)
		assert.Equal(t, k.end, f.Dates.End.String(), k.why)
		assert.NotEmpty(t, f.Source.Cite)
	}
	ts4, _ := c.Lookup("RM6190")
	for _, id := range []string{"1", "2", "3", "3a", "4", "4a", "5", "5a", "6", "3.4", "3a.4a", "Lot 3"} {
		_, ok := ts4.Lot(id)
		assert.True(t, ok, "TS4 lot %s", id)
	}
	m, _ := ts4.Lot("3.4")
	assert.Equal(t, []string{"3", "4"}, m.Matrix)
	gc, _ := c.Lookup("RM1557.14")
	l4, _ := gc.Lot("4")
	require.NotNil(t, l4.CallOff)
	assert.Equal(t, []frameworks.Procedure{frameworks.FurtherCompetition}, l4.CallOff.Procedures, "G-Cloud 14 lot 4 is further competition")
	assert.Equal(t, 48, l4.CallOff.MaxTermMonths, "36 + 12 months")
	_, ok := c.Lookup("RM9999")
	assert.False(t, ok)
}

// TestDefaultCatalogueIsFresh: no package-level state leaks between calls.
func TestDefaultCatalogueIsFresh(t *testing.T) {
	a := frameworks.DefaultCatalogue().Frameworks()
	a[0].Ref = "CHANGED"
	a[0].Lots[0].Title = "CHANGED"
	b := frameworks.DefaultCatalogue()
	f, ok := b.Lookup("RM6100")
	require.True(t, ok)
	assert.NotEqual(t, "CHANGED", f.Lots[0].Title)
}

func TestCatalogueWith(t *testing.T) {
	c := frameworks.DefaultCatalogue()
	ext, _ := c.Lookup("RM6100")
	ext.Dates.End = day(2027, time.June, 14)
	c2, err := c.With(ext)
	require.NoError(t, err)
	got, _ := c2.Lookup("TS3")
	assert.Equal(t, "2027-06-14", got.Dates.End.String(), "With replaces an entry with the same Ref")
	old, _ := c.Lookup("TS3")
	assert.Equal(t, "2026-06-14", old.Dates.End.String(), "the original catalogue is unchanged")
	assert.Len(t, c2.Frameworks(), len(c.Frameworks()))

	clash := frameworks.Framework{Ref: "RM7777", Name: "Clash", Aliases: []string{"TS4"}, Regime: score.PA2023, Source: frameworks.Source{Cite: "x"}}
	_, err = c.With(clash)
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("frameworks[10].ref", "unique"), "%v", err)

	bad := frameworks.Framework{Ref: "RM8888", Regime: "eu", Lots: []frameworks.FrameworkLot{{ID: "1"}, {ID: "Lot 1"}}}
	_, err = frameworks.NewCatalogue(bad)
	require.ErrorAs(t, err, &verr)
	for _, field := range []string{"frameworks[0].name", "frameworks[0].regime", "frameworks[0].source.cite", "frameworks[0].lots[1].id"} {
		assert.True(t, hasField(verr, field), "want a problem at %s in %v", field, err)
	}
}

func hasField(v *score.ValidationError, field string) bool {
	for _, p := range v.Problems {
		if p.Field == field {
			return true
		}
	}
	return false
}

// TestBuiltinCatalogueIsValid: DefaultCatalogue trusts its constant
// entries rather than checking them on every call, so the check is here.
func TestBuiltinCatalogueIsValid(t *testing.T) {
	_, err := frameworks.NewCatalogue(frameworks.DefaultCatalogue().Frameworks()...)
	require.NoError(t, err)
}
