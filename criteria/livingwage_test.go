package criteria_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
)

// svDec parses a decimal literal; a typo in a test is a test bug, so it panics.
func svDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// svDecPtr returns a pointer to a parsed decimal.
func svDecPtr(s string) *decimal.Decimal { d := svDec(s); return &d }

// svDay builds a date from literals.
func svDay(y int, m time.Month, d int) date.Date { return date.On(y, m, d) }

// svFrac builds the exact fraction num/den from literals.
func svFrac(t testing.TB, num, den string) exact.Fraction {
	t.Helper()
	f, err := exact.NewFraction(svDec(num), svDec(den))
	require.NoError(t, err)
	return f
}

// svProblem is the part of a Problem a test pins down.
type svProblem struct{ Field, Value, Rule string }

// svProblems reduces problems to field, value and rule.
func svProblems(ps []criteria.Problem) []svProblem {
	out := make([]svProblem, 0, len(ps))
	for _, p := range ps {
		out = append(out, svProblem{p.Field, p.Value, p.Rule})
	}
	return out
}

// svTexts returns the text of each step.
func svTexts(steps []criteria.Step) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.Text
	}
	return out
}

func TestAnnualPayAtLivingWageFoundationHours(t *testing.T) {
	tests := []struct {
		why, hourly, want string
		source            string
	}{
		{"Real Living Wage 2025–26", "13.45", "26227.50", "docs/sources/living-wage.md: £13.45 (22 Oct 2025) × 1,950 h (37.5 h × 52 weeks)"},
		{"London Living Wage 2025–26", "14.80", "28860.00", "docs/sources/living-wage.md: £14.80 (22 Oct 2025) × 1,950 h"},
		{"Real Living Wage 2024–25", "12.60", "24570.00", "docs/sources/living-wage.md: £12.60 (23 Oct 2024) × 1,950 h"},
		{"London Living Wage 2024–25", "13.85", "27007.50", "docs/sources/living-wage.md: £13.85 (23 Oct 2024) × 1,950 h"},
		{"Real Living Wage 2023–24", "12.00", "23400.00", "docs/sources/living-wage.md: £12.00 (24 Oct 2023) × 1,950 h"},
		{"London Living Wage 2023–24", "13.15", "25642.50", "docs/sources/living-wage.md: £13.15 (24 Oct 2023) × 1,950 h"},
		{"National Living Wage from April 2026", "12.71", "24784.50", "docs/sources/living-wage.md: £12.71 × 1,950 h"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			got := criteria.AnnualPay(svDec(tt.hourly))
			assert.True(t, got.Equal(svDec(tt.want)), "got %s want %s [%s]", got, tt.want, tt.source)
		})
	}
	assert.Equal(t, 1950, criteria.HoursPerFTEYear, "37.5 hours × 52 weeks (docs/sources/living-wage.md)")
}

func TestUpliftCost(t *testing.T) {
	tests := []struct {
		why, fte, from, to, want string
	}{
		{"10 FTE from the 2026 National Living Wage to the 2025 London Living Wage: 10 × 2.09 × 1950", "10", "12.71", "14.80", "40755.00"},
		{"25 FTE through the 2025 London uplift: 25 × 0.95 × 1950", "25", "13.85", "14.80", "46312.50"},
		{"half an FTE through the 2025 Real Living Wage uplift: 0.5 × 0.85 × 1950", "0.5", "12.60", "13.45", "828.75"},
		{"no one to move costs nothing", "0", "12.60", "13.45", "0"},
		{"no change of rate costs nothing", "3", "13.45", "13.45", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			got, st, err := criteria.UpliftCost(svDec(tt.fte), svDec(tt.from), svDec(tt.to))
			require.NoError(t, err)
			assert.True(t, got.Equal(svDec(tt.want)), "got %s want %s", got, tt.want)
			assert.Contains(t, st.Text, exact.Money(svDec(tt.want)))
		})
	}
	_, st, err := criteria.UpliftCost(svDec("10"), svDec("12.71"), svDec("14.80"))
	require.NoError(t, err)
	assert.Equal(t, "10 FTE × (£14.80 − £12.71) × 1,950 hours = £40,755.00 a year", st.Text)

	bad := []struct {
		why, fte, from, to, field, rule string
	}{
		{"a negative FTE", "-1", "12.60", "13.45", "fte", "non-negative"},
		{"an hourly rate that is not a money amount (fractions of a penny)", "1", "12.605", "13.45", "from", "money"},
		{"a zero rate is no rate", "1", "0", "13.45", "from", "positive"},
		{"moving down is not an uplift", "1", "13.45", "12.60", "to", "not-below-from"},
	}
	for _, tt := range bad {
		t.Run(tt.why, func(t *testing.T) {
			_, _, err := criteria.UpliftCost(svDec(tt.fte), svDec(tt.from), svDec(tt.to))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.field+":")
			assert.Contains(t, err.Error(), "rule "+tt.rule)
		})
	}
}

func TestRateLookup(t *testing.T) {
	rates := criteria.LivingWageRates()
	const ref = "docs/sources/living-wage.md"
	tests := []struct {
		why      string
		scheme   criteria.Scheme
		region   criteria.Region // when set, looked up by region
		on       date.Date
		rule     criteria.RateRule
		want     string
		presumed bool
		verified bool
	}{
		{"London, Feb 2026, announced: the Oct 2025 rate", "", criteria.London, svDay(2026, 2, 4), criteria.RateAnnounced, "14.80", false, false},
		{"London, Feb 2026, implement-by: the Oct 2024 rate, due 1 May 2025", "", criteria.London, svDay(2026, 2, 4), criteria.RateImplementBy, "13.85", false, true},
		{"the day of an announcement counts", "", criteria.London, svDay(2025, 10, 22), criteria.RateAnnounced, "14.80", false, false},
		{"the day before an announcement does not", "", criteria.London, svDay(2025, 10, 21), criteria.RateAnnounced, "13.85", false, true},
		{"the implement-by day counts", "", criteria.London, svDay(2025, 5, 1), criteria.RateImplementBy, "13.85", false, true},
		{"the day before the implement-by day does not", "", criteria.London, svDay(2025, 4, 30), criteria.RateImplementBy, "13.15", false, true},
		{"outside London: Real Living Wage, 1 May 2026 presumed implement-by (unverified)", "", criteria.RestOfUK, svDay(2026, 5, 1), criteria.RateImplementBy, "13.45", false, false},
		{"2020 rate has no implement-by day: six months after 9 Nov 2020 presumed", criteria.RealLivingWage, "", svDay(2021, 5, 9), criteria.RateImplementBy, "9.50", true, true},
		{"the day before the presumed implement-by day", criteria.RealLivingWage, "", svDay(2021, 5, 8), criteria.RateImplementBy, "9.30", false, true},
		{"National Living Wage the day before 1 April 2026", criteria.NationalLivingWage, "", svDay(2026, 3, 31), criteria.RateImplementBy, "12.21", false, true},
		{"National Living Wage from 1 April 2026", criteria.NationalLivingWage, "", svDay(2026, 4, 1), criteria.RateImplementBy, "12.71", false, true},
		{"National Living Wage under the announced rule counts from its in-force day", criteria.NationalLivingWage, "", svDay(2026, 4, 1), criteria.RateAnnounced, "12.71", true, true},
		{"National Living Wage 2017 is LOW in docs/sources/living-wage.md: unverified", criteria.NationalLivingWage, "", svDay(2017, 4, 1), criteria.RateImplementBy, "7.50", false, false},
		{"autumn 2016 announcement day presumed: unverified", criteria.LondonLivingWage, "", svDay(2016, 11, 1), criteria.RateAnnounced, "9.75", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			var got criteria.AppliedRate
			var err error
			if tt.region != "" {
				got, err = rates.ForRegion(tt.region, tt.on, tt.rule)
			} else {
				got, err = rates.Lookup(tt.scheme, tt.on, tt.rule)
			}
			require.NoError(t, err)
			assert.True(t, got.Rate.Hourly.Equal(svDec(tt.want)), "got %s want %s [%s]", got.Rate.Hourly, tt.want, ref)
			assert.Equal(t, tt.presumed, got.Presumed, "presumed")
			assert.Equal(t, tt.verified, got.Rate.Verified, "verified")
			assert.Equal(t, tt.on, got.On)
			assert.Equal(t, tt.rule, got.Rule)
			text := got.String()
			assert.Contains(t, text, exact.Money(svDec(tt.want)), "the explanation names the rate")
			assert.Contains(t, text, tt.on.Long(), "the explanation names the date")
			assert.Contains(t, text, tt.rule.Describe(), "the explanation states the rule")
			if tt.region != "" {
				assert.Contains(t, text, tt.region.Name(), "the explanation names the region")
			}
			if !tt.verified {
				assert.Contains(t, text, "unverified")
			}
		})
	}
}

func TestRateLookupErrors(t *testing.T) {
	rates := criteria.LivingWageRates()
	tests := []struct {
		why    string
		scheme criteria.Scheme
		on     date.Date
		rule   criteria.RateRule
		want   string
	}{
		{"before the first announcement", criteria.LondonLivingWage, svDay(2016, 10, 31), criteria.RateAnnounced, "the table starts at 2016-11-01"},
		{"before the first implement-by day (presumed 1 May 2017)", criteria.RealLivingWage, svDay(2017, 4, 30), criteria.RateImplementBy, "the table starts at 2017-05-01"},
		{"before the first National Living Wage", criteria.NationalLivingWage, svDay(2016, 3, 31), criteria.RateImplementBy, "the table starts at 2016-04-01"},
		{"a year after the latest announcement: the next rate is missing", criteria.LondonLivingWage, svDay(2026, 10, 22), criteria.RateAnnounced, "add the later rate"},
		{"long after the table", criteria.NationalLivingWage, svDay(2030, 1, 1), criteria.RateImplementBy, "only for dates before 2027-04-01"},
		{"an unknown series", "scottish-living-wage", svDay(2026, 1, 1), criteria.RateAnnounced, `unknown rate series "scottish-living-wage"`},
		{"an unknown rule", criteria.LondonLivingWage, svDay(2026, 1, 1), "latest", `unknown rate rule "latest"`},
		{"no date", criteria.LondonLivingWage, date.Date{}, criteria.RateAnnounced, "needs a date"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			_, err := rates.Lookup(tt.scheme, tt.on, tt.rule)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, err := rates.ForRegion("scotland", svDay(2026, 1, 1), criteria.RateAnnounced)
	assert.ErrorContains(t, err, `unknown region "scotland"`)
	_, err = criteria.RateTable{}.Lookup(criteria.LondonLivingWage, svDay(2026, 1, 1), criteria.RateAnnounced)
	assert.ErrorContains(t, err, "no London Living Wage rows")
	_, err = rates.With(criteria.Rate{Scheme: criteria.LondonLivingWage, Hourly: svDec("1.001"), Announced: svDay(2030, 1, 1), Confidence: criteria.ConfidenceLow, Source: "x"}).
		Lookup(criteria.LondonLivingWage, svDay(2026, 1, 1), criteria.RateAnnounced)
	assert.ErrorContains(t, err, "invalid", "a lookup refuses a series with a malformed row")
}

// svNextYear is a hypothetical 2026 announcement a caller might add; the
// figures are invented for the test, not a real rate.
func svNextYear() criteria.Rate {
	return criteria.Rate{Scheme: criteria.LondonLivingWage, Hourly: svDec("15.50"), Announced: svDay(2026, 10, 20),
		ImplementBy: svDay(2027, 5, 1), Confidence: criteria.ConfidenceLow, Source: "test: hypothetical figures"}
}

func TestRateTableWithAddsNextYear(t *testing.T) {
	base := criteria.LivingWageRates()
	n := len(base.Rates)
	next := base.With(svNextYear())
	assert.Len(t, base.Rates, n, "With does not change the table it is called on")
	assert.Len(t, next.Rates, n+1)
	require.Empty(t, next.Validate())
	got, err := next.ForRegion(criteria.London, svDay(2026, 11, 15), criteria.RateAnnounced)
	require.NoError(t, err, "the added row answers a date the built-in table could not")
	assert.Equal(t, "15.5", got.Rate.Hourly.String())
	assert.Contains(t, got.String(), "unverified", "a row not marked verified says so")
	got, err = next.ForRegion(criteria.London, svDay(2026, 11, 15), criteria.RateImplementBy)
	require.NoError(t, err)
	assert.Equal(t, "14.8", got.Rate.Hourly.String(), "announced but not yet due")
	_, err = base.ForRegion(criteria.London, svDay(2026, 11, 15), criteria.RateAnnounced)
	assert.Error(t, err, "the built-in table alone does not answer that date")

	assert.NotSame(t, &criteria.LivingWageRates().Rates[0], &criteria.LivingWageRates().Rates[0], "each call builds a fresh table")
	dup := next.With(svNextYear())
	assert.Equal(t, []svProblem{{"rates[11].announced", "2026-10-20", "unique"}, {"rates[11].implementBy", "2027-05-01", "unique"}},
		svProblems(dup.Validate()), "the same row twice is caught (rows are ordered by series, London first)")
}

func TestLivingWageRatesMatchReference(t *testing.T) {
	rates := criteria.LivingWageRates()
	require.Empty(t, rates.Validate())
	var unverified []string
	for _, r := range rates.Rates {
		assert.NotEmpty(t, r.Source)
		assert.Contains(t, []criteria.Confidence{criteria.ConfidenceHigh, criteria.ConfidenceMedium, criteria.ConfidenceLow}, r.Confidence)
		if !r.Verified {
			d := r.Announced
			if d.IsZero() {
				d = r.ImplementBy
			}
			unverified = append(unverified, string(r.Scheme)+" "+d.String())
			assert.NotEmpty(t, r.Note, "an unverified row says why")
		}
	}
	assert.ElementsMatch(t, []string{
		"real-living-wage 2016-11-01", "london-living-wage 2016-11-01",
		"real-living-wage 2017-11-01", "london-living-wage 2017-11-01",
		"real-living-wage 2025-10-22", "london-living-wage 2025-10-22",
		"national-living-wage 2017-04-01",
	}, unverified, "docs/sources/living-wage.md: autumn 2016/2017 days, the presumed 1 May 2026 and NLW 2017 (LOW) are not verified")
	count := map[criteria.Scheme]int{}
	for _, r := range rates.Rates {
		count[r.Scheme]++
	}
	assert.Equal(t, map[criteria.Scheme]int{criteria.RealLivingWage: 10, criteria.LondonLivingWage: 10, criteria.NationalLivingWage: 11}, count,
		"docs/sources/living-wage.md: ten voluntary announcements 2016–2025, eleven statutory rates 2016–2026")
}

func TestRateTableValidate(t *testing.T) {
	ok := svNextYear()
	tests := []struct {
		why  string
		edit func(*criteria.Rate)
		want []svProblem
	}{
		{"an hourly rate that is not a money amount", func(r *criteria.Rate) { r.Hourly = svDec("15.505") }, []svProblem{{"rates[0].hourly", "15.505", "money"}}},
		{"a negative hourly rate", func(r *criteria.Rate) { r.Hourly = svDec("-1") }, []svProblem{{"rates[0].hourly", "-1", "positive"}}},
		{"an absurd hourly rate", func(r *criteria.Rate) { r.Hourly = svDec("1e20") }, []svProblem{{"rates[0].hourly", "100000000000000000000", "magnitude"}}},
		{"an unknown series", func(r *criteria.Rate) { r.Scheme = "minimum" }, []svProblem{{"rates[0].scheme", "minimum", "one-of"}}},
		{"a voluntary rate needs its announcement", func(r *criteria.Rate) { r.Announced = date.Date{} }, []svProblem{{"rates[0].announced", "", "required"}}},
		{"a statutory rate needs its in-force day", func(r *criteria.Rate) {
			r.Scheme, r.Announced, r.ImplementBy = criteria.NationalLivingWage, date.Date{}, date.Date{}
		}, []svProblem{{"rates[0].implementBy", "", "required"}}},
		{"due before announced", func(r *criteria.Rate) { r.ImplementBy = svDay(2026, 1, 1) }, []svProblem{{"rates[0].implementBy", "2026-01-01", "after-announced"}}},
		{"no confidence mark", func(r *criteria.Rate) { r.Confidence = "" }, []svProblem{{"rates[0].confidence", "", "one-of"}}},
		{"no source", func(r *criteria.Rate) { r.Source = " " }, []svProblem{{"rates[0].source", "", "required"}}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			r := ok
			tt.edit(&r)
			assert.Equal(t, tt.want, svProblems(criteria.RateTable{Rates: []criteria.Rate{r}}.Validate()))
		})
	}
}

func TestLoadRateTableJSON(t *testing.T) {
	b, err := json.Marshal(criteria.LivingWageRates())
	require.NoError(t, err)
	got, err := criteria.LoadRateTableJSON(bytes.NewReader(b))
	require.NoError(t, err, "what json.Marshal writes, the loader reads")
	assert.Len(t, got.Rates, 31)
	a, err := got.ForRegion(criteria.London, svDay(2026, 2, 4), criteria.RateImplementBy)
	require.NoError(t, err)
	assert.Equal(t, "13.85", a.Rate.Hourly.String())

	good := `{"rates":[{"scheme":"london-living-wage","hourly":"15.50","announced":"2026-10-20","implementBy":"2027-05-01","confidence":"low","source":"test"}]}`
	_, err = criteria.LoadRateTableJSON(strings.NewReader(good))
	require.NoError(t, err)

	bad := []struct {
		why, in string
		want    []svProblem
	}{
		{"an hourly rate that is not a number", strings.Replace(good, `"15.50"`, `"15.5O"`, 1), []svProblem{{"rates[0].hourly", "15.5O", "number"}}},
		{"an hourly rate that is not a money amount", strings.Replace(good, `"15.50"`, `15.505`, 1), []svProblem{{"rates[0].hourly", "15.505", "money"}}},
		{"thousands separators", strings.Replace(good, `"15.50"`, `"1,015.50"`, 1), []svProblem{{"rates[0].hourly", "1,015.50", "number"}}},
		{"a date that is not a date", strings.Replace(good, `"2026-10-20"`, `"20/10/2026"`, 1), []svProblem{{"rates[0].announced", "20/10/2026", "date"}}},
		{"an unknown field", strings.Replace(good, `"source":"test"`, `"source":"test","region":"x"`, 1), []svProblem{{"rates[0].region", `"x"`, "known-field"}}},
		{"no rates", `{}`, []svProblem{{"rates", "", "required"}}},
		{"a row that is not an object", `{"rates":[7]}`, []svProblem{{"rates[0]", "7", "type"}}},
		{"a syntax error names line and column", "{\n\"rates\": [,]}", []svProblem{{"line 2, column 11", "", "json"}}},
		{"an empty file", ``, []svProblem{{"(file)", "", "json"}}},
		{"two documents", `{"rates":[]} {}`, []svProblem{{"line 1, column 14", "", "one-value"}}},
	}
	for _, tt := range bad {
		t.Run(tt.why, func(t *testing.T) {
			_, err := criteria.LoadRateTableJSON(strings.NewReader(tt.in))
			var de *criteria.DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tt.want, svProblems(de.Problems))
		})
	}
}

func TestLivingWageGate(t *testing.T) {
	rates := criteria.LivingWageRates()
	feb26 := svDay(2026, 2, 4)
	llw := criteria.LivingWageGate{Kind: criteria.AwardRequirement, ID: "llw", Title: "London Living Wage", Region: criteria.London, Rule: criteria.RateImplementBy, MinAccreditation: criteria.WorkingTowards}
	tests := []struct {
		why  string
		gate criteria.LivingWageGate
		c    criteria.LivingWageCommitment
		pass bool
		text []string
	}{
		{"commits to the applicable living wage, covers contracted staff, working towards accreditation", llw,
			criteria.LivingWageCommitment{AtLeastApplicable: true, IncludesContractedStaff: true, Accreditation: criteria.WorkingTowards},
			true, []string{"passed", "£13.85 an hour", "in London", "on 4 February 2026", "the rate employers must pay by that date", "working towards accreditation"}},
		{"exactly the applicable rate passes (docs/sources/living-wage.md: due 1 May 2025)", llw,
			criteria.LivingWageCommitment{HourlyRate: svDecPtr("13.85"), IncludesContractedStaff: true, Accreditation: criteria.Accredited},
			true, []string{"passed", "at least £13.85 an hour"}},
		{"a penny below fails", llw,
			criteria.LivingWageCommitment{HourlyRate: svDecPtr("13.84"), IncludesContractedStaff: true, Accreditation: criteria.Accredited},
			false, []string{"the committed £13.84 an hour is below the applicable £13.85"}},
		{"under the announced rule the Oct 2025 rate applies already", criteria.LivingWageGate{Kind: criteria.AwardRequirement, ID: "llw", Title: "LLW", Region: criteria.London, Rule: criteria.RateAnnounced},
			criteria.LivingWageCommitment{HourlyRate: svDecPtr("14.00"), IncludesContractedStaff: true, Accreditation: criteria.NotAccredited},
			false, []string{"below the applicable £14.80", "announced 22 October 2025"}},
		{"regularly contracted staff must be covered", llw,
			criteria.LivingWageCommitment{AtLeastApplicable: true, Accreditation: criteria.Accredited},
			false, []string{"does not cover regularly contracted staff"}},
		{"accreditation below the minimum fails", llw,
			criteria.LivingWageCommitment{AtLeastApplicable: true, IncludesContractedStaff: true, Accreditation: criteria.NotAccredited},
			false, []string{"not accredited, and at least working towards accreditation is required"}},
		{"without a minimum, the status is recorded only", criteria.LivingWageGate{Kind: criteria.AwardRequirement, ID: "rlw", Title: "Real Living Wage", Region: criteria.RestOfUK, Rule: criteria.RateImplementBy},
			criteria.LivingWageCommitment{AtLeastApplicable: true, IncludesContractedStaff: true, Accreditation: criteria.NotAccredited},
			true, []string{"passed", "not accredited", "Real Living Wage £12.60 an hour in the UK outside London"}},
		{"no commitment at all fails the gate; it is not an input error", llw,
			criteria.LivingWageCommitment{Accreditation: criteria.Accredited},
			false, []string{"no commitment to pay the living wage"}},
		{"a rate commitment contradicting 'applicable' fails", llw,
			criteria.LivingWageCommitment{AtLeastApplicable: true, HourlyRate: svDecPtr("12.00"), IncludesContractedStaff: true, Accreditation: criteria.Accredited},
			false, []string{"below the applicable"}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			require.Empty(t, tt.gate.Validate())
			require.Empty(t, tt.gate.Check(tt.c))
			got, err := tt.gate.Assess(tt.c, rates, feb26)
			require.NoError(t, err)
			assert.Equal(t, tt.pass, got.Pass, got.Text)
			for _, s := range tt.text {
				assert.Contains(t, got.Text, s)
			}
		})
	}
	_, err := llw.Assess(criteria.LivingWageCommitment{AtLeastApplicable: true, Accreditation: criteria.Accredited}, rates, svDay(2030, 1, 1))
	assert.Error(t, err, "a date outside the table is an error, never a silent pass")
	_, err = llw.Assess(criteria.LivingWageCommitment{}, rates, feb26)
	assert.ErrorContains(t, err, "accreditation", "an unrecorded accreditation status is an input error")
	assert.Contains(t, llw.Describe(), "London Living Wage")
}

func TestLivingWageGateValidateAndCheck(t *testing.T) {
	assert.Equal(t, []svProblem{
		{"id", "", "required"}, {"title", "", "required"}, {"kind", "", "required"},
		{"region", "wales", "one-of"}, {"rule", "today", "one-of"}, {"minAccreditation", "gold", "one-of"},
	}, svProblems(criteria.LivingWageGate{Region: "wales", Rule: "today", MinAccreditation: "gold"}.Validate()))
	g := criteria.LivingWageGate{Kind: criteria.AwardRequirement, ID: "g", Title: "g", Region: criteria.London, Rule: criteria.RateAnnounced}
	assert.Equal(t, []svProblem{{"hourlyRate", "14.805", "money"}, {"accreditation", "", "one-of"}},
		svProblems(g.Check(criteria.LivingWageCommitment{HourlyRate: svDecPtr("14.805")})))
	assert.Equal(t, []svProblem{{"hourlyRate", "0", "positive"}},
		svProblems(g.Check(criteria.LivingWageCommitment{HourlyRate: svDecPtr("0"), Accreditation: criteria.Accredited})))
}

func TestLivingWageRule(t *testing.T) {
	rates := criteria.LivingWageRates()
	feb26 := svDay(2026, 2, 4)
	byStatus := criteria.LivingWageRule{Method: criteria.ScoreAccreditation,
		Shares: &criteria.AccreditationShares{Accredited: svDec("1"), WorkingTowards: svDec("0.5"), None: svDec("0")}}
	byRate := criteria.LivingWageRule{Method: criteria.ScoreHourlyRate, Region: criteria.London, Rule: criteria.RateImplementBy,
		AtRate: svDec("0.5"), Premium: svDec("0.1")}
	all := func(rate string, acc criteria.Accreditation) criteria.LivingWageCommitment {
		c := criteria.LivingWageCommitment{IncludesContractedStaff: true, Accreditation: acc}
		if rate == "" {
			c.AtLeastApplicable = true
		} else {
			c.HourlyRate = svDecPtr(rate)
		}
		return c
	}
	tests := []struct {
		why      string
		rule     criteria.LivingWageRule
		c        criteria.LivingWageCommitment
		num, den string
	}{
		{"accredited: full share", byStatus, all("", criteria.Accredited), "1", "1"},
		{"working towards: half", byStatus, all("", criteria.WorkingTowards), "1", "2"},
		{"none: nothing", byStatus, all("", criteria.NotAccredited), "0", "1"},
		{"the applicable rate earns the at-rate share", byRate, all("", criteria.NotAccredited), "1", "2"},
		{"exactly £13.85 earns the at-rate share", byRate, all("13.85", criteria.NotAccredited), "1", "2"},
		{"£14.54: 0.5 + 0.5 × 0.69 ÷ 1.385 = 1.0375 ÷ 1.385 = 415/554", byRate, all("14.54", criteria.NotAccredited), "415", "554"},
		{"£15.24 is more than 10% above: full marks", byRate, all("15.24", criteria.NotAccredited), "1", "1"},
		{"below the rate: nothing", byRate, all("13.84", criteria.Accredited), "0", "1"},
		{"not covering contracted staff: nothing", byRate, criteria.LivingWageCommitment{HourlyRate: svDecPtr("20.00"), Accreditation: criteria.Accredited}, "0", "1"},
		{"no commitment: nothing", byRate, criteria.LivingWageCommitment{IncludesContractedStaff: true, Accreditation: criteria.Accredited}, "0", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			require.Empty(t, tt.rule.Validate())
			got, err := tt.rule.Assess(tt.c, rates, feb26)
			require.NoError(t, err)
			want := svFrac(t, tt.num, tt.den)
			assert.True(t, got.Value.Equal(want), "got %s want %s; working %v", got.Value, want, svTexts(got.Working()))
			assert.NotEmpty(t, got.Working())
		})
	}
	got, err := byRate.Assess(all("14.54", criteria.NotAccredited), rates, feb26)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"applicable rate: London Living Wage £13.85 an hour in London on 4 February 2026 (the rate employers must pay by that date: announced 23 October 2024, to be paid by 1 May 2025)",
		"(£14.54 − £13.85) ÷ (10% × £13.85) = 0.4981949458…",
		"0.5 + (1 − 0.5) × 0.4981949458… = 0.7490974729…",
	}, svTexts(got.Working()))
	assert.Contains(t, byRate.Describe(), "10% above")
	assert.Contains(t, byStatus.Describe(), "working towards 0.5")
}

func TestLivingWageRuleValidate(t *testing.T) {
	tests := []struct {
		why  string
		rule criteria.LivingWageRule
		want []svProblem
	}{
		{"unknown method", criteria.LivingWageRule{Method: "vibes"}, []svProblem{{"method", "vibes", "one-of"}}},
		{"accreditation needs its shares", criteria.LivingWageRule{Method: criteria.ScoreAccreditation}, []svProblem{{"shares", "", "required"}}},
		{"a share above 1, and working towards above accredited", criteria.LivingWageRule{Method: criteria.ScoreAccreditation,
			Shares: &criteria.AccreditationShares{Accredited: svDec("0.5"), WorkingTowards: svDec("0.6"), None: svDec("1.5")}},
			[]svProblem{{"shares.none", "1.5", "share"}, {"shares.workingTowards", "0.6", "ordered"}}},
		{"hourly rate needs region, rule and premium", criteria.LivingWageRule{Method: criteria.ScoreHourlyRate},
			[]svProblem{{"region", "", "one-of"}, {"rule", "", "one-of"}, {"premium", "0", "positive"}}},
		{"hourly-rate fields on the accreditation method", criteria.LivingWageRule{Method: criteria.ScoreAccreditation, Premium: svDec("0.1"),
			Shares: &criteria.AccreditationShares{Accredited: svDec("1"), WorkingTowards: svDec("1"), None: svDec("1")}},
			[]svProblem{{"method", "accreditation", "accreditation-only"}}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			assert.Equal(t, tt.want, svProblems(tt.rule.Validate()))
		})
	}
	_, err := criteria.LivingWageRule{Method: "vibes"}.Assess(criteria.LivingWageCommitment{}, criteria.LivingWageRates(), svDay(2026, 1, 1))
	assert.Error(t, err)
}

// A higher committed hourly rate never scores less, and never turns a pass
// into a fail.
func TestPropertyHigherRateNeverScoresLess(t *testing.T) {
	rates := criteria.LivingWageRates()
	rapid.Check(t, func(t *rapid.T) {
		rule := criteria.LivingWageRule{Method: criteria.ScoreHourlyRate,
			Region: rapid.SampledFrom([]criteria.Region{criteria.London, criteria.RestOfUK}).Draw(t, "region"),
			Rule:   rapid.SampledFrom([]criteria.RateRule{criteria.RateAnnounced, criteria.RateImplementBy}).Draw(t, "rule"),
			AtRate: decimal.New(rapid.Int64Range(0, 100).Draw(t, "atRate"), -2), Premium: decimal.New(rapid.Int64Range(1, 50).Draw(t, "premium"), -2)}
		gate := criteria.LivingWageGate{Kind: criteria.AwardRequirement, ID: "g", Title: "g", Region: rule.Region, Rule: rule.Rule}
		on := svDay(2024, 6, 1).AddMonths(rapid.IntRange(0, 23).Draw(t, "months"))
		lo := rapid.Int64Range(1, 3000).Draw(t, "lo")
		hi := lo + rapid.Int64Range(0, 1000).Draw(t, "step")
		c := func(p int64) criteria.LivingWageCommitment {
			r := decimal.New(p, -2)
			return criteria.LivingWageCommitment{HourlyRate: &r, IncludesContractedStaff: true, Accreditation: criteria.NotAccredited}
		}
		a, err := rule.Assess(c(lo), rates, on)
		if err != nil {
			t.Fatal(err)
		}
		b, err := rule.Assess(c(hi), rates, on)
		if err != nil {
			t.Fatal(err)
		}
		if b.Value.Cmp(a.Value) < 0 {
			t.Fatalf("£%s scores %s but the higher £%s scores %s", decimal.New(lo, -2), a.Value, decimal.New(hi, -2), b.Value)
		}
		if a.Value.Sign() < 0 || b.Value.Cmp(exact.One) > 0 {
			t.Fatalf("scores outside 0–1: %s, %s", a.Value, b.Value)
		}
		ga, _ := gate.Assess(c(lo), rates, on)
		gb, _ := gate.Assess(c(hi), rates, on)
		if ga.Pass && !gb.Pass {
			t.Fatalf("£%s passes but £%s fails", decimal.New(lo, -2), decimal.New(hi, -2))
		}
	})
}

func TestDecodeErrorUnwraps(t *testing.T) {
	_, err := criteria.LoadRateTableJSON(svFailingReader{})
	var de *criteria.DecodeError
	require.ErrorAs(t, err, &de)
	assert.ErrorIs(t, err, errSvRead)
	assert.Contains(t, err.Error(), "rate table JSON: 1 problem")
}

var errSvRead = errors.New("disk on fire")

type svFailingReader struct{}

func (svFailingReader) Read([]byte) (int, error) { return 0, errSvRead }
