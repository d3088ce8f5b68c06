package frameworks_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
)

// TestClassifyBoundaries places values at, one penny below and one pound
// above each threshold of each period, for both authority types: a value
// equal to the threshold is above it ("not less than").
func TestClassifyBoundaries(t *testing.T) {
	periods := []struct {
		name      string
		commenced date.Date
		regime    score.Regime
		central   string
		sub       string
		source    string
	}{
		{"2022–2023 under PCR 2015", day(2023, time.June, 1), score.PCR2015, "138760", "213477", "PPN 11/23: the figures before 2024"},
		{"2024–2025 under PCR 2015", day(2024, time.March, 1), score.PCR2015, "139688", "214904", "PPN 11/23"},
		{"2024–2025 under PA 2023", day(2025, time.March, 1), score.PA2023, "139688", "214904", "PPN 11/23"},
		{"from 2026 under PA 2023", day(2026, time.March, 1), score.PA2023, "135018", "207720", "SI 2025/1200, PPN 023"},
	}
	for _, p := range periods {
		for _, a := range []struct {
			typ       score.AuthorityType
			threshold string
		}{{score.CentralGovernment, p.central}, {score.SubCentral, p.sub}} {
			cases := []struct {
				value string
				want  frameworks.Band
				why   string
			}{
				{a.threshold, frameworks.AboveThreshold, "equal to the threshold is above: 'not less than' (" + p.source + ")"},
				{dec(a.threshold).Sub(dec("0.01")).String(), frameworks.NotifiableBelowThreshold, "a penny below the threshold"},
				{dec(a.threshold).Add(dec("1")).String(), frameworks.AboveThreshold, "a pound above the threshold"},
			}
			for _, c := range cases {
				t.Run(p.name+"/"+string(a.typ)+"/"+c.value, func(t *testing.T) {
					got, err := frameworks.Classify(dec(c.value), a.typ, frameworks.GoodsServices, p.regime, p.commenced)
					require.NoError(t, err)
					assert.Equal(t, c.want, got.Band, c.why)
					assert.Equal(t, a.threshold, got.Threshold.Amount.String())
				})
			}
		}
	}
}

// TestClassifyPeriodEdges checks that the figure changes on the first day
// of a new period and not the day before.
func TestClassifyPeriodEdges(t *testing.T) {
	cases := []struct {
		commenced date.Date
		want      string
		why       string
	}{
		{day(2023, time.December, 31), "213477", "last day before PPN 11/23's figures"},
		{day(2024, time.January, 1), "214904", "PPN 11/23 figures from 1 January 2024"},
		{day(2025, time.December, 31), "214904", "last day before SI 2025/1200's figures"},
		{day(2026, time.January, 1), "207720", "SI 2025/1200 figures from 1 January 2026"},
		{day(2022, time.January, 1), "213477", "first day of VAT-inclusive thresholds (PPN 10/21)"},
	}
	for _, c := range cases {
		got, err := frameworks.ThresholdFor(score.SubCentral, frameworks.GoodsServices, c.commenced)
		require.NoError(t, err, c.why)
		assert.Equal(t, c.want, got.Amount.String(), c.why)
	}
	_, err := frameworks.ThresholdFor(score.SubCentral, frameworks.GoodsServices, day(2021, time.December, 31))
	assert.ErrorContains(t, err, "no thresholds are recorded before 1 January 2022")
}

// TestClassifyNotifiable checks the lower band: PA 2023 notifiable
// below-threshold contracts from £12,000 (central government) or £30,000
// (others), "not less than" (PA 2023 s.87(4)).
func TestClassifyNotifiable(t *testing.T) {
	cases := []struct {
		typ   score.AuthorityType
		value string
		want  frameworks.Band
		why   string
	}{
		{score.CentralGovernment, "12000", frameworks.NotifiableBelowThreshold, "central government: £12,000 is notifiable"},
		{score.CentralGovernment, "11999.99", frameworks.BelowThreshold, "a penny under £12,000"},
		{score.SubCentral, "30000", frameworks.NotifiableBelowThreshold, "others: £30,000 is notifiable"},
		{score.SubCentral, "29999.99", frameworks.BelowThreshold, "a penny under £30,000"},
		{score.SubCentral, "12000", frameworks.BelowThreshold, "£12,000 is below the council figure"},
	}
	for _, c := range cases {
		got, err := frameworks.Classify(dec(c.value), c.typ, frameworks.GoodsServices, score.PA2023, day(2026, time.March, 1))
		require.NoError(t, err)
		assert.Equal(t, c.want, got.Band, c.why)
	}
	// PCR 2015: the Contracts Finder figures of reg 109(2), VAT inclusive:
	// £12,000 / £30,000 from 21 December 2022 (SI 2022/1390), £10,000 /
	// £25,000 before (SI 2021/1221 made them VAT inclusive from 1 January
	// 2022).
	pcr := []struct {
		typ       score.AuthorityType
		value     string
		commenced date.Date
		want      frameworks.Band
		why       string
	}{
		{score.SubCentral, "30000", day(2024, time.March, 1), frameworks.NotifiableBelowThreshold, "£30,000 from 21 December 2022"},
		{score.SubCentral, "29999.99", day(2024, time.March, 1), frameworks.BelowThreshold, "a penny under £30,000"},
		{score.CentralGovernment, "12000", day(2024, time.March, 1), frameworks.NotifiableBelowThreshold, "£12,000 from 21 December 2022"},
		{score.CentralGovernment, "11999.99", day(2024, time.March, 1), frameworks.BelowThreshold, "a penny under £12,000"},
		{score.SubCentral, "25000", day(2022, time.December, 21), frameworks.BelowThreshold, "the first day of the raised figures: £25,000 is no longer enough"},
		{score.SubCentral, "25000", day(2022, time.December, 20), frameworks.NotifiableBelowThreshold, "the day before SI 2022/1390: £25,000"},
		{score.CentralGovernment, "10000", day(2022, time.December, 20), frameworks.NotifiableBelowThreshold, "the day before SI 2022/1390: £10,000"},
	}
	for _, c := range pcr {
		got, err := frameworks.Classify(dec(c.value), c.typ, frameworks.GoodsServices, score.PCR2015, c.commenced)
		require.NoError(t, err)
		assert.Equal(t, c.want, got.Band, c.why)
		assert.True(t, got.NotifiableSource.Verified, "reg 109(2) as amended was read in the text")
	}
}

// TestThresholdOtherContracts checks works and the other types for the
// current period (SI 2025/1200).
func TestThresholdOtherContracts(t *testing.T) {
	cases := []struct {
		c    frameworks.ContractType
		want string
	}{
		{frameworks.Works, "5193000"}, {frameworks.LightTouch, "663540"}, {frameworks.UtilitiesDefence, "415440"},
	}
	for _, c := range cases {
		got, err := frameworks.ThresholdFor(score.CentralGovernment, c.c, day(2026, time.June, 1))
		require.NoError(t, err)
		assert.Equal(t, c.want, got.Amount.String(), string(c.c))
	}
}

func TestClassifyBadInput(t *testing.T) {
	cases := []struct {
		name   string
		value  string
		typ    score.AuthorityType
		c      frameworks.ContractType
		regime score.Regime
		when   date.Date
		want   string
	}{
		{"negative value", "-1", score.SubCentral, frameworks.GoodsServices, score.PA2023, day(2026, time.March, 1), "estimatedValue"},
		{"no authority type", "1", "", frameworks.GoodsServices, score.PA2023, day(2026, time.March, 1), "authority.type"},
		{"unknown authority type", "1", "parish", frameworks.GoodsServices, score.PA2023, day(2026, time.March, 1), "authority.type"},
		{"no commencement date", "1", score.SubCentral, frameworks.GoodsServices, score.PA2023, date.Date{}, "commenced"},
		{"unknown contract type", "1", score.SubCentral, "furniture", score.PA2023, day(2026, time.March, 1), "contract type"},
		{"unknown regime", "1", score.SubCentral, frameworks.GoodsServices, "eu-2014", day(2026, time.March, 1), "regime"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := frameworks.Classify(dec(c.value), c.typ, c.c, c.regime, c.when)
			assert.ErrorContains(t, err, c.want)
		})
	}
}

// TestRegimeOn checks the day before, on and after the Procurement Act
// 2023's commencement (24 February 2025, SI 2024/716 as amended).
func TestRegimeOn(t *testing.T) {
	cases := []struct {
		when date.Date
		want score.Regime
	}{
		{day(2025, time.February, 23), score.PCR2015},
		{day(2025, time.February, 24), score.PA2023},
		{day(2025, time.February, 25), score.PA2023},
	}
	for _, c := range cases {
		got, err := frameworks.RegimeOn(c.when)
		require.NoError(t, err)
		assert.Equal(t, c.want, got, c.when.String())
	}
	_, err := frameworks.RegimeOn(date.Date{})
	assert.ErrorContains(t, err, "commenced")
}
