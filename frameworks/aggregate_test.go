package frameworks_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
)

// lots gives the tender one lot per value, all on the tender's route.
func lots(values ...string) func(*score.Tender) {
	return func(t *score.Tender) {
		base := t.Lots[0]
		t.Lots = nil
		for i, v := range values {
			l := base
			l.ID = string(rune('1' + i))
			l.Title = "Lot " + l.ID
			l.EstimatedValue = dec(v)
			t.Lots = append(t.Lots, l)
		}
	}
}

func bands(t *testing.T, fs frameworks.Findings) []string {
	t.Helper()
	var out []string
	for _, f := range fs.WithCode("threshold-band") {
		switch {
		case strings.Contains(f.Message, ": above threshold"):
			out = append(out, f.Lot+" above")
		case strings.Contains(f.Message, "below threshold, notifiable"), strings.Contains(f.Message, "below threshold, published"):
			out = append(out, f.Lot+" notifiable")
		default:
			out = append(out, f.Lot+" below")
		}
	}
	return out
}

// TestThresholdAggregatesLots values the lots of one procurement together
// (PA 2023 Sch. 3 para 4: each contract valued as including all of them;
// PCR 2015 reg 6(11)–(13)), against the sub-central goods and services
// threshold of £207,720 from 1 January 2026 (SI 2025/1200) and £214,904 in
// 2024–2025 (PPN 11/23), "not less than". Sums worked by hand.
func TestThresholdAggregatesLots(t *testing.T) {
	cases := []struct {
		name string
		t    score.Tender
		want []string
	}{
		{"two lots each below, together exactly at the threshold: £103,860 + £103,860 = £207,720, above",
			tender(lots("103860", "103860")), []string{"1 above", "2 above"}},
		{"a penny below: £103,860 + £103,859.99 = £207,719.99, below (and notifiable: not less than £30,000)",
			tender(lots("103860", "103859.99")), []string{"1 notifiable", "2 notifiable"}},
		{"a lot with its own route is a procurement of its own: £103,860 alone is below",
			tender(lots("103860", "103860"), func(t *score.Tender) { t.Lots[1].Route = &score.Route{Procedure: "open"} }),
			[]string{"1 notifiable", "2 notifiable"}},
		{"lots of different regimes are different procurements",
			tender(lots("103860", "103860"), func(t *score.Tender) { t.Lots[1].Regime = score.PCR2015 }),
			[]string{"1 notifiable", "2 notifiable"}},
		{"PCR 2015 in 2024: £107,452 + £107,452 = £214,904, exactly the threshold, above",
			tender(lots("107452", "107452"), commenced(time.March, 1, 2024)), []string{"1 above", "2 above"}},
		{"three small lots: £20,000 × 3 = £60,000, below but notifiable", tender(lots("20000", "20000", "20000")),
			[]string{"1 notifiable", "2 notifiable", "3 notifiable"}},
		{"three tiny lots: £9,000 × 3 = £27,000, below the £30,000 notifiable figure", tender(lots("9000", "9000", "9000")),
			[]string{"1 below", "2 below", "3 below"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, bands(t, check(t, c.t)))
		})
	}
	fs := check(t, tender(lots("103860", "103860")))
	f := fs.WithCode("threshold-band")[0]
	assert.Contains(t, f.Message, "the whole procurement, lots 1 (£103,860.00) + 2 (£103,860.00) = £207,720.00, valued as one, is not less than the sub-central goods and services threshold £207,720.00: above threshold")
	assert.Contains(t, f.Source.Cite, "Sch. 3 para 4")
	assert.True(t, f.Source.Verified)
	assert.Empty(t, fs.WithCode("threshold-small-lots"), "the Procurement Act 2023 has no small-lots exemption")

	// Aggregated above threshold, each lot is above: location rules follow.
	fs = check(t, tender(lots("103860", "103860"), lot(func(l *score.Lot) { l.Policy.Criteria[2].LocationBased = true })))
	assert.Equal(t, frameworks.Error, severityOf(t, fs, "location-above-threshold"), "a £103,860 lot of a £207,720 procurement is above threshold")
}

// TestThresholdSmallLots checks PCR 2015 reg 6(14)–(15) as amended: a lot
// under £70,778 (supplies or services, VAT inclusive) of an above-threshold
// procurement may be awarded outside Part 2 while the lots so awarded total
// no more than 20% of the aggregate. Sums by hand.
func TestThresholdSmallLots(t *testing.T) {
	pcr2024 := commenced(time.March, 1, 2024)
	// £250,000 + £50,000 = £300,000 ≥ £214,904; 20% is £60,000; the small
	// lot (2, £50,000 < £70,778) is within it.
	fs := check(t, tender(lots("250000", "50000"), pcr2024))
	sl := fs.WithCode("threshold-small-lots")
	require.Len(t, sl, 1)
	assert.Equal(t, "2", sl[0].Lot)
	assert.Contains(t, sl[0].Message, "the lot's own value £50,000.00 is less than £70,778.00 (VAT inclusive)")
	assert.Contains(t, sl[0].Message, "no more than 20% of the aggregate £300,000.00, that is £60,000.00; the lots under their figure (lot 2) total £50,000.00, within that")
	assert.True(t, sl[0].Source.Verified)

	// £200,000 + £50,000 + £40,000 = £290,000; 20% is £58,000; the small
	// lots 2 and 3 total £90,000, more than that.
	fs = check(t, tender(lots("200000", "50000", "40000"), pcr2024))
	sl = fs.WithCode("threshold-small-lots")
	require.Len(t, sl, 2)
	assert.Contains(t, sl[1].Message, "(lots 2 and 3) total £90,000.00, more than that, so not all of them may be")

	// Exactly £70,778 is not "less than": no exemption.
	fs = check(t, tender(lots("250000", "70778"), pcr2024))
	assert.Empty(t, fs.WithCode("threshold-small-lots"))
	// £70,777.99 is.
	fs = check(t, tender(lots("250000", "70777.99"), pcr2024))
	assert.Len(t, fs.WithCode("threshold-small-lots"), 1)
	// Works lots: £884,720 (£5,000,000 + £800,000 ≥ £5,372,609 in 2024).
	fs = check(t, tender(lots("5000000", "800000"), pcr2024, func(t *score.Tender) {
		for i := range t.Lots {
			t.Lots[i].ContractType = score.Works
		}
	}))
	sl = fs.WithCode("threshold-small-lots")
	require.Len(t, sl, 1)
	assert.Contains(t, sl[0].Message, "less than £884,720.00")
	// Below threshold nothing needs exempting.
	fs = check(t, tender(lots("100000", "50000"), pcr2024))
	assert.Empty(t, fs.WithCode("threshold-small-lots"))
}

func TestClassifyLots(t *testing.T) {
	// £103,860 + £103,859.99 = £207,719.99: both lots below the £207,720
	// threshold, notifiable (not less than £30,000).
	got, err := frameworks.ClassifyLots(tender(lots("103860", "103859.99")))
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, frameworks.NotifiableBelowThreshold, got["2"].Band)
	assert.Equal(t, "207719.99", got["2"].Value.String())
	assert.Equal(t, "103859.99", got["2"].LotValue.String())
	require.NotNil(t, got["2"].Aggregate)
	assert.Equal(t, "lots 1 (£103,860.00) + 2 (£103,859.99) = £207,719.99", got["2"].Aggregate.Text())
	_, err = frameworks.ClassifyLots(tender(func(t *score.Tender) { t.Commenced = day(2026, time.February, 30) }))
	assert.Error(t, err, "no commencement date (30 February is no date): refused as Check refuses it")
}
