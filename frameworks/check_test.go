package frameworks_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
)

// TestCheckBadInput: bad input gives no findings and one
// *score.ValidationError naming each field (DESIGN.md invariant 5).
func TestCheckBadInput(t *testing.T) {
	cases := []struct {
		name  string
		t     score.Tender
		field string
		rule  string
	}{
		{"unknown framework", tender(route("RM0000", "1", "further-competition")), "lots[0].route.framework", "known-framework"},
		{"unknown framework lot", tender(route("RM6190", "9", "further-competition")), "lots[0].route.lot", "known-lot"},
		{"framework lot missing", tender(route("RM6190", "", "further-competition")), "lots[0].route.lot", "required"},
		{"unknown call-off procedure", tender(route("RM6190", "3", "mini-competition")), "lots[0].route.procedure", "one-of"},
		{"commencement date missing", tender(func(t *score.Tender) { t.Commenced = date.Date{} }), "commenced", "required"},
		{"authority type missing", tender(func(t *score.Tender) { t.Authority.Type = "" }), "authority.type", "one-of"},
		{"negative estimated value", tender(lot(func(l *score.Lot) { l.EstimatedValue = dec("-5") })), "lots[0].estimatedValue", "non-negative"},
		{"estimated value missing", tender(lot(func(l *score.Lot) { l.EstimatedValue = dec("0") })), "lots[0].estimatedValue", "required"},
		{"unknown regime", tender(func(t *score.Tender) { t.Regime = "eu-2014" }), "regime", "one-of"},
		{"tender-level route unknown", tender(func(t *score.Tender) { t.Route = score.Route{Framework: "RM0000", Lot: "1"} }), "route.framework", "known-framework"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs, err := frameworks.Check(c.t)
			assert.Nil(t, fs)
			var verr *score.ValidationError
			require.ErrorAs(t, err, &verr)
			assert.True(t, verr.Has(c.field, c.rule), "want %s (%s) in:\n%v", c.field, c.rule, err)
		})
	}
}

// TestCheckReportsAllProblems: every bad field at once, and a tender-level
// route reported once, not once per lot.
func TestCheckReportsAllProblems(t *testing.T) {
	tn := tender(func(t *score.Tender) {
		t.Commenced = date.Date{}
		t.Authority.Type = ""
		t.Route = score.Route{Framework: "RM0000"}
		t.Lots = append(t.Lots, t.Lots[0])
		t.Lots[1].ID = "2"
		t.Lots[1].EstimatedValue = dec("-1")
	})
	_, err := frameworks.Check(tn)
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.Len(t, verr.Problems, 4, "%v", err)
	bad := frameworks.LocalPolicy{Name: "", MinSocialValuePercent: dec("120")}
	_, err = frameworks.Check(tender(), frameworks.WithPolicies(bad))
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("policies[0].minSocialValuePercent", "percent"))
	assert.True(t, verr.Has("policies[0].source.cite", "required"))
}

// TestCheckOrderAndMessages: tender-wide findings first, then by lot; each
// lot finding names the lot, each criterion finding the criterion.
func TestCheckOrderAndMessages(t *testing.T) {
	tn := tender(func(t *score.Tender) {
		t.Lots = append(t.Lots, t.Lots[0])
		t.Lots[1].ID, t.Lots[1].Title = "2", "Networks"
		t.Lots[1].Policy = policy("40", "50", "10")
		t.Lots[1].Policy.Criteria[2].LocationBased = true
	})
	fs := check(t, tn)
	seenLot := false
	for _, f := range fs {
		if f.Lot != "" {
			seenLot = true
		} else {
			assert.False(t, seenLot, "tender-wide finding after a lot finding: %s", f)
		}
	}
	loc := fs.WithCode("location-above-threshold")
	require.Len(t, loc, 1)
	assert.Equal(t, "2", loc[0].Lot)
	assert.Equal(t, "sv", loc[0].Criterion)
	assert.Equal(t, "lots[1].policy.criteria[2]", loc[0].Field)
	assert.Contains(t, loc[0].Message, "lot 2 (Networks), criterion sv (Social value commitments)")
	assert.Equal(t, "Procurement Act 2023 ss.89–90 (no discrimination by location; UK–EU TCA)", loc[0].Source.Cite)
	assert.Len(t, fs.ForLot("2").WithCode("threshold-band"), 1)
	assert.True(t, fs.HasErrors())
}

// TestUnverifiedNeverErrors: every error rests on a verified source.
func TestUnverifiedNeverErrors(t *testing.T) {
	tenders := []score.Tender{
		tender(route("RM6190", "3", "direct-award")),
		tender(route("G-Cloud 15", "1", "further-competition")),
		tender(route("RM6116", "4a", "direct-award")),
		tender(route("RM6174-successor", "", "further-competition")),
		tender(route("DOS7", "1", "further-competition"), func(t *score.Tender) { t.Commenced = day(2026, 3, 1) }),
	}
	for _, tn := range tenders {
		for _, f := range check(t, tn) {
			if f.Severity == frameworks.Error {
				assert.True(t, f.Source.Verified, "error on an unverified source: %s", f)
			}
		}
	}
}

func TestSeverityText(t *testing.T) {
	for _, s := range []frameworks.Severity{frameworks.Note, frameworks.Warning, frameworks.Error} {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back frameworks.Severity
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	var s frameworks.Severity
	assert.Error(t, s.UnmarshalText([]byte("fatal")))
	_, err := frameworks.Severity(0).MarshalText()
	assert.Error(t, err)
}
