package frameworks_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
)

// A Croydon-like tender: a London borough (sub-central) replacing one IT
// outsourcer with five lots bought through national frameworks, checked
// against its own 10% social value policy before any bid is scored.
func ExampleCheck() {
	lotPolicy := func() score.Policy {
		q := func(id, title, w string, cat score.Category) score.Criterion {
			return score.Criterion{ID: id, Title: title, Category: cat, Weight: decimal.RequireFromString(w),
				Quality: &criteria.QualityRule{Scale: criteria.Scale0to5(), Moderation: criteria.ConsensusMark}}
		}
		return score.Policy{
			Gates: []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "llw", Title: "London Living Wage", Requirement: "pays, or commits to pay, the London Living Wage on the contract"}},
			Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Weight: decimal.NewFromInt(40), Price: &criteria.PriceRule{Method: criteria.Relative}},
				q("quality", "Service approach", "45", score.Quality),
				q("local", "Local jobs and supply-chain spend under the contract", "15", score.SocialValue),
			},
		}
	}
	lot := func(id, title, value string, r score.Route) score.Lot {
		return score.Lot{ID: id, Title: title, EstimatedValue: decimal.RequireFromString(value), TermMonths: 60, Route: &r, Policy: lotPolicy()}
	}
	t := score.Tender{
		ID: "LBC/IT/2026/01", Title: "IT services after the single outsourcer",
		Authority: score.Authority{Name: "London Borough of Croydon", Type: score.SubCentral},
		Commenced: date.On(2026, time.March, 2),
		Regime:    score.PA2023,
		Lots: []score.Lot{
			lot("1", "Service desk", "2400000", score.Route{Framework: "RM6190", Lot: "3", Procedure: "further-competition"}),
			lot("2", "End-user and desktop support", "3600000", score.Route{Framework: "RM6190", Lot: "3", Procedure: "further-competition"}),
			lot("3", "Networks and hosting", "4200000", score.Route{Framework: "RM6190", Lot: "4", Procedure: "further-competition"}),
			lot("4", "Telephony", "900000", score.Route{Framework: "RM6116", Lot: "4a", Procedure: "further-competition"}),
			lot("5", "Print", "600000", score.Route{Framework: "RM6174-successor", Procedure: "further-competition"}),
		},
	}
	fs, err := frameworks.Check(t, frameworks.WithPolicies(frameworks.CroydonSocialValue()))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(fs.Summary())
	for _, f := range fs {
		where := "tender"
		if f.Lot != "" {
			where = "lot " + f.Lot
		}
		fmt.Printf("%-7s %-6s %s\n", f.Severity, where, f.Code)
	}
	fmt.Println(fs.WithCode("regime-framework")[0].Message)
	// Output:
	// 0 errors, 1 warning, 18 notes
	// note    tender abnormally-low
	// note    lot 1  threshold-band
	// note    lot 1  methodology-thresholds
	// note    lot 1  call-off-criteria-unrecorded
	// note    lot 2  threshold-band
	// note    lot 2  methodology-thresholds
	// note    lot 2  call-off-criteria-unrecorded
	// note    lot 3  threshold-band
	// note    lot 3  methodology-thresholds
	// note    lot 3  call-off-criteria-unrecorded
	// warning lot 4  regime-framework
	// note    lot 4  threshold-band
	// note    lot 4  methodology-thresholds
	// note    lot 4  framework-dates-unrecorded
	// note    lot 5  threshold-band
	// note    lot 5  methodology-thresholds
	// note    lot 5  framework-dates-unrecorded
	// note    lot 5  framework-procedure-unrecorded
	// note    lot 5  call-off-criteria-unrecorded
	// lot 4 (Telephony): a call-off under RM6116 lot 4a follows the regime the framework was let under, PCR 2015, not the tender's declared Procurement Act 2023; this lot is checked under PCR 2015 (declare the lot's own regime to say so)
}

// Classify places a contract in its threshold band: a value equal to the
// threshold is above it.
func ExampleClassify() {
	c, err := frameworks.Classify(decimal.NewFromInt(207720), score.SubCentral, frameworks.GoodsServices, score.PA2023, date.On(2026, time.January, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Band)
	fmt.Println(c)
	fmt.Println(strings.Join(c.Rules(), "\n"))
	// Output:
	// above-threshold
	// £207,720.00 is not less than the sub-central goods and services threshold £207,720.00: above threshold
	// competitive tendering: award to the most advantageous tender under published award criteria and their relative importance (Procurement Act 2023 ss.19–24)
	// no discrimination by where a supplier is based, and no reservation to local suppliers or SMEs (Procurement Act 2023 ss.89–90)
	// assessment summaries before the award notice, then a standstill of at least 8 working days (Procurement Act 2023 ss.50–51)
}

// A council adds its own framework and policy from a data file, without a
// new release.
func ExampleReadData() {
	d, err := frameworks.ReadData(strings.NewReader(`{
	  "frameworks": [{"ref": "NBC-DPS-7", "name": "Northbridge IT services DPS", "regime": "pa-2023",
	    "dates": {"start": "2026-01-05", "end": "2027-01-04",
	              "startSource": {"cite": "NBC-DPS-7 notice", "verified": true},
	              "endSource": {"cite": "NBC-DPS-7 notice", "verified": true}},
	    "source": {"cite": "NBC-DPS-7 notice", "verified": true}}],
	  "policies": [{"name": "Northbridge social value", "authority": "Northbridge Borough Council",
	    "minSocialValuePercent": 20, "source": {"cite": "Northbridge Social Value Policy 2025", "verified": true}}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	cat, err := frameworks.DefaultCatalogue().With(d.Frameworks...)
	if err != nil {
		fmt.Println(err)
		return
	}
	f, _ := cat.Lookup("nbc-dps-7")
	fmt.Println(f.Name, "until", f.Dates.End.Long())
	fmt.Println(d.Policies[0].Name, d.Policies[0].MinSocialValuePercent)
	// Output:
	// Northbridge IT services DPS until 4 January 2027
	// Northbridge social value 20
}

// Findings print with their sources; bad input is an error naming the
// field.
func ExampleFindings_String() {
	t := score.Tender{
		ID: "NBC/IT/02", Title: "Cloud hosting",
		Authority: score.Authority{Name: "Northbridge Borough Council", Type: score.SubCentral},
		Commenced: date.On(2026, time.March, 2), Regime: score.PA2023,
		Lots: []score.Lot{{
			ID: "1", Title: "Cloud hosting", EstimatedValue: decimal.NewFromInt(150000), TermMonths: 36,
			Route: &score.Route{Framework: "G-Cloud 14", Lot: "1", Procedure: "further-competition"},
			Policy: score.Policy{Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Weight: decimal.NewFromInt(100), Price: &criteria.PriceRule{Method: criteria.Relative}},
			}},
		}},
	}
	fs, _ := frameworks.Check(t, frameworks.WithPolicies(frameworks.CroydonSocialValue()))
	fmt.Println(fs.WithCode("framework-procedure"))

	t.Lots[0].Route.Lot = "7"
	_, err := frameworks.Check(t)
	fmt.Println(err)
	// Output:
	// 1 error, 0 warnings, 0 notes
	// error framework-procedure: lot 1 (Cloud hosting): a call-off under RM1557.14 lot 1 (Cloud hosting) by further-competition, but it permits only direct-award
	//   source: G-Cloud 14 call-off terms (CCS agreement page): lots 1–3 direct award only; at most 36 months + one 12-month extension
	// 1 problem in the tender or bids:
	//   lots[0].route.lot: RM1557.14 has no lot "7"; its lots are 1, 2, 3, 4 (value "7", rule known-lot)
}

// A framework is extended: record the new end date without a new release.
func ExampleCatalogue_With() {
	cat := frameworks.DefaultCatalogue()
	ts3, _ := cat.Lookup("TS3")
	ts3.Dates.End = date.On(2027, time.June, 14)
	ts3.Dates.EndSource = frameworks.Source{Cite: "CCS extension notice (example)", Verified: true}
	cat, err := cat.With(ts3)
	if err != nil {
		fmt.Println(err)
		return
	}
	got, _ := cat.Lookup("RM6100")
	fmt.Println(got.Name, "now ends", got.Dates.End.Long())
	// Output:
	// Technology Services 3 now ends 14 June 2027
}

// The regime turns on the day the procurement commenced.
func ExampleRegimeOn() {
	for _, d := range []date.Date{date.On(2025, time.February, 23), date.On(2025, time.February, 24)} {
		r, _ := frameworks.RegimeOn(d)
		fmt.Println(d, r)
	}
	// Output:
	// 2025-02-23 pcr-2015
	// 2025-02-24 pa-2023
}

// Thresholds depend on the authority type, the contract type and the
// commencement date.
func ExampleThresholdFor() {
	for _, a := range []score.AuthorityType{score.CentralGovernment, score.SubCentral} {
		t, _ := frameworks.ThresholdFor(a, frameworks.GoodsServices, date.On(2026, time.March, 2))
		fmt.Println(a, t.Amount, "—", t.Source.Cite)
	}
	// Output:
	// central-government 135018 — SI 2025/1200; PPN 023 (thresholds from 1 January 2026)
	// sub-central 207720 — SI 2025/1200; PPN 023 (thresholds from 1 January 2026)
}

// DefaultCatalogue holds the national frameworks with their dates.
func ExampleDefaultCatalogue() {
	for _, f := range frameworks.DefaultCatalogue().Frameworks()[:3] {
		fmt.Printf("%s %s (%s) %s – %s\n", f.Ref, f.Name, f.Regime, f.Dates.Start, f.Dates.End)
	}
	// Output:
	// RM6100 Technology Services 3 (pcr-2015) 2021-06-16 – 2026-06-14
	// RM6190 Technology Services 4 (pa-2023) 2025-12-12 – 2028-06-11
	// RM6116 Network Services 3 (pcr-2015)  –
}

// Rules lists every finding code with its severity and source.
func ExampleRules() {
	for _, r := range frameworks.Rules()[:2] {
		fmt.Printf("%s (%s): %s\n", r.Code, r.Severity, r.Source)
	}
	// Output:
	// regime-mismatch (error): SI 2024/716 as amended
	// regime-framework (warning): SI 2024/716 as amended
}

// Two lots of one open procedure, each under the threshold alone, are
// valued together (Procurement Act 2023 Sch. 3 para 4): £120,000 + £95,000
// = £215,000, not less than the sub-central threshold of £207,720.
func ExampleCheck_lotsValuedTogether() {
	pol := score.Policy{Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Weight: decimal.NewFromInt(60), Price: &criteria.PriceRule{Method: criteria.Relative}},
		{ID: "quality", Title: "Approach", Weight: decimal.NewFromInt(40),
			Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}},
	}}
	t := score.Tender{
		ID: "NBC/FM/2026/03", Title: "Grounds maintenance",
		Authority: score.Authority{Name: "Northbridge Borough Council", Type: score.SubCentral, Nation: score.England},
		Commenced: date.On(2026, time.April, 1), Regime: score.PA2023,
		Route: score.Route{Procedure: "open"},
		Lots: []score.Lot{
			{ID: "1", Title: "Parks", EstimatedValue: decimal.NewFromInt(120000), TermMonths: 24, Policy: pol},
			{ID: "2", Title: "Verges", EstimatedValue: decimal.NewFromInt(95000), TermMonths: 24, Policy: pol},
		},
	}
	fs, err := frameworks.Check(t)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range fs.WithCode("threshold-band") {
		_, band, _ := strings.Cut(f.Message, ": ")
		band, _, _ = strings.Cut(band, " (goods")
		fmt.Printf("lot %s: %s\n", f.Lot, band)
	}
	// Output:
	// lot 1: the whole procurement, lots 1 (£120,000.00) + 2 (£95,000.00) = £215,000.00, valued as one, is not less than the sub-central goods and services threshold £207,720.00: above threshold
	// lot 2: the whole procurement, lots 1 (£120,000.00) + 2 (£95,000.00) = £215,000.00, valued as one, is not less than the sub-central goods and services threshold £207,720.00: above threshold
}
