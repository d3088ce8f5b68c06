package frameworks

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// DefaultCatalogue returns the national frameworks a council uses for IT
// services, as recorded in the module's sources (docs/sources/
// frameworks.md) and checked where noted: Technology Services 3 and 4,
// Network Services 3, G-Cloud 14 and 15, Digital Outcomes (and
// Specialists) 5, 6 and 7, and the multifunctional devices and managed
// print frameworks. Every call returns a fresh catalogue; add or replace
// entries with [Catalogue.With] or [ReadData].
//
// Every fact carries its source; those not verified produce warnings, never
// errors.
func DefaultCatalogue() Catalogue {
	// The entries are constants; TestBuiltinCatalogueIsValid checks them
	// with NewCatalogue, so no check is repeated (or can fail) here.
	return Catalogue{fws: builtins()}
}

func d(y int, m time.Month, day int) date.Date { return date.On(y, m, day) }

func pct(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func builtins() []Framework {
	return []Framework{ts3(), ts4(), ns3(), gcloud14(), gcloud15(), dos5(), dos6(), dos7(), rm6174(), rm6174Successor()}
}

// ts3 is Technology Services 3. Dates checked against the framework's award
// notice on Find a Tender (start 16 June 2021, end 14 June 2026).
func ts3() Framework {
	name := unverified("RM6100 lot structure (CCS agreement page)", "lot title not checked")
	return Framework{
		Ref: "RM6100", Name: "Technology Services 3", Aliases: []string{"TS3", "Technology Services 3"},
		Regime: score.PCR2015,
		Dates: Period{Start: d(2021, time.June, 16), End: d(2026, time.June, 14),
			StartSource: verified("RM6100 award notice (Find a Tender): framework 16 June 2021 – 14 June 2026"),
			EndSource:   verified("RM6100 award notice (Find a Tender): framework 16 June 2021 – 14 June 2026")},
		CallOff: CallOffRules{
			Procedures: []Procedure{FurtherCompetition, DirectAward},
			Source:     unverified("RM6100 call-off procedure (CCS agreement page)", "which lots allow direct award is not checked"),
		},
		Lots: []FrameworkLot{
			{ID: "1", Title: "(title unverified)", Source: name},
			{ID: "2", Title: "(title unverified)", Source: name},
			{ID: "3a", Title: "End User Services", Source: verified("RM6100 lot 3a (CCS agreement page)")},
			{ID: "3b", Title: "(title unverified)", Source: name},
			{ID: "3c", Title: "Technical Management", Source: verified("RM6100 lot 3c (CCS agreement page)")},
			{ID: "3d", Title: "(title unverified)", Source: name},
			{ID: "4", Title: "(title unverified)", Source: name},
		},
		Source: verified("CCS RM6100 Technology Services 3 (CCS agreement page)"),
	}
}

// ts4 is Technology Services 4, an open framework under the Procurement
// Act 2023. Dates, lot titles and matrix lots checked against the award
// notice 001978-2026 on Find a Tender (first term 12 December 2025 – 11 June
// 2028).
func ts4() Framework {
	notice := verified("RM6190 award notice 001978-2026 (Find a Tender)")
	lot := func(id, title string) FrameworkLot { return FrameworkLot{ID: id, Title: title, Source: notice} }
	matrix := func(id, a, b string) FrameworkLot {
		return FrameworkLot{ID: id, Title: "matrix lot " + a + " and " + b, Matrix: []string{a, b}, Source: notice}
	}
	lots := []FrameworkLot{
		lot("1", "Technology and Digital Consultancy Services"),
		lot("2", "Transition & Service Integration and Management (SIAM)"),
		lot("3", "End User Services"),
		lot("3a", "End User Services (lower value and complexity)"),
		lot("4", "Infrastructure Management"),
		lot("4a", "Infrastructure Management (lower value and complexity)"),
		lot("5", "Application and Data Management"),
		lot("5a", "Application and Data Management (lower value and complexity)"),
		{ID: "6", Title: "(title unverified)", Source: unverified("RM6190 lot 6", "the title is truncated in the copy of the notice seen")},
	}
	for _, m := range [][3]string{
		{"1.2", "1", "2"}, {"1.3", "1", "3"}, {"1.4", "1", "4"}, {"1.5", "1", "5"},
		{"1.3a", "1", "3a"}, {"1.4a", "1", "4a"}, {"1.5a", "1", "5a"},
		{"2.3", "2", "3"}, {"2.4", "2", "4"}, {"2.5", "2", "5"},
		{"3.4", "3", "4"}, {"3.5", "3", "5"}, {"3a.4a", "3a", "4a"}, {"3a.5a", "3a", "5a"},
		{"4.5", "4", "5"}, {"4a.5a", "4a", "5a"},
	} {
		lots = append(lots, matrix(m[0], m[1], m[2]))
	}
	return Framework{
		Ref: "RM6190", Name: "Technology Services 4", Aliases: []string{"TS4", "Technology Services 4"},
		Regime: score.PA2023,
		Dates: Period{Start: d(2025, time.December, 12), End: d(2028, time.June, 11),
			StartSource: notice,
			EndSource:   Source{Cite: notice.Cite, Verified: true, Note: "end of the first term; the framework may be renewed"}},
		CallOff: CallOffRules{
			Procedures: []Procedure{FurtherCompetition, DirectAward},
			Source:     unverified("RM6190 call-off: with and without competition (CCS agreement page)", "per-lot rules and award criteria not checked"),
		},
		Lots:   lots,
		Source: verified("CCS RM6190 Technology Services 4 (CCS agreement page; award notice 001978-2026 on Find a Tender)"),
	}
}

// ns3 is Network Services 3. Its dates are not recorded
// (docs/sources/frameworks.md marks them unverified), nor is its full lot
// list.
func ns3() Framework {
	return Framework{
		Ref: "RM6116", Name: "Network Services 3", Aliases: []string{"NS3", "Network Services 3"},
		Regime: score.PCR2015,
		Dates: Period{
			StartSource: unverified("RM6116 dates", "not recorded in docs/sources/frameworks.md"),
			EndSource:   unverified("RM6116 dates", "not recorded in docs/sources/frameworks.md"),
		},
		CallOff: CallOffRules{
			Procedures: []Procedure{FurtherCompetition},
			Source:     unverified("RM6116 call-off (CCS agreement page)", "further competition seen in use; direct award not checked"),
		},
		Source: unverified("CCS RM6116 Network Services 3 (CCS agreement page)",
			"lots include 1a inter-site connectivity (WAN)/data access and 4a (telephony; title unverified); the full lot list is not recorded, so any lot is accepted"),
	}
}

// gcloud14 is G-Cloud 14: lots 1–3 by direct award only, lot 4 by further
// competition; call-offs at most 36 months plus one 12-month extension.
// Lots 1–3 and lot 4 were extended to 28 October 2026 (CCS extension
// notices on Contracts Finder, July 2025).
func gcloud14() Framework {
	ext := verified("G-Cloud 14 extension notices (Contracts Finder, 25 July 2025): extended to 28 October 2026")
	terms := verified("G-Cloud 14 call-off terms (CCS agreement page): lots 1–3 direct award only; at most 36 months + one 12-month extension")
	direct := CallOffRules{Procedures: []Procedure{DirectAward}, MaxTermMonths: 48, Source: terms}
	lot := func(id, title string) FrameworkLot {
		return FrameworkLot{ID: id, Title: title, CallOff: &direct, Source: verified("G-Cloud 14 lots (CCS agreement page)")}
	}
	return Framework{
		Ref: "RM1557.14", Name: "G-Cloud 14", Aliases: []string{"G-Cloud 14", "GC14", "G Cloud 14"},
		Regime: score.PCR2015,
		Dates: Period{Start: d(2024, time.October, 29), End: d(2026, time.October, 28),
			StartSource: unverified("G-Cloud 14 lots 1–3 start (CCS agreement page)", "'about 29 October 2024'"),
			EndSource:   ext},
		CallOff: direct,
		Lots: []FrameworkLot{
			lot("1", "Cloud hosting"),
			lot("2", "Cloud software"),
			lot("3", "Cloud support"),
			{ID: "4", Title: "Cloud support – further competition",
				Dates: &Period{Start: d(2024, time.October, 29), End: d(2026, time.October, 28),
					StartSource: verified("G-Cloud 14 lot 4 notice (Contracts Finder): contract period from 29 October 2024"),
					EndSource:   ext},
				CallOff: &CallOffRules{Procedures: []Procedure{FurtherCompetition}, MaxTermMonths: 48, Source: terms},
				Source:  verified("G-Cloud 14 lot 4 (CCS agreement page)")},
		},
		Source: verified("CCS RM1557.14 G-Cloud 14 (CCS agreement page)"),
	}
}

// gcloud15 is G-Cloud 15, let under the Procurement Act 2023. Its dates are
// only expected ("September 2026 – September 2030", tender notice), so they
// yield warnings only.
func gcloud15() Framework {
	exp := unverified("RM1557.15 tender notice (Find a Tender): contract period September 2026 – September 2030", "expected; the days are not known")
	lots := unverified("G-Cloud 15 lots (CCS agreement page: 'as G-Cloud')", "titles assumed from G-Cloud 14")
	return Framework{
		Ref: "RM1557.15", Name: "G-Cloud 15", Aliases: []string{"G-Cloud 15", "GC15", "G Cloud 15"},
		Regime: score.PA2023,
		Dates:  Period{Start: d(2026, time.September, 1), End: d(2030, time.September, 30), StartSource: exp, EndSource: exp},
		CallOff: CallOffRules{
			Procedures: []Procedure{FurtherCompetition, DirectAward},
			Source:     unverified("RM1557.15 tender notice: call-offs with and without competition", "per-lot rules not checked"),
		},
		Lots: []FrameworkLot{
			{ID: "1", Title: "Cloud hosting", Source: lots},
			{ID: "2", Title: "Cloud software", Source: lots},
			{ID: "3", Title: "Cloud support", Source: lots},
			{ID: "4", Title: "Cloud support – further competition", Source: lots},
		},
		Source: unverified("CCS RM1557.15 G-Cloud 15 (CCS agreement page)", ""),
	}
}

// dos5 is Digital Outcomes and Specialists 5 with the buyer's weighting
// ranges from CCS's framework definitions. The CCS agreement page gives the
// end (extended to 19 April 2023) and the call-off term: at most 2 years,
// extendable by up to 25% (6 months).
func dos5() Framework {
	src := verified("RM1043.7 DOS5: buyer weightings and 3–15 suppliers from CCS's framework definitions ; term from the CCS agreement page (2 years + up to 6 months)")
	heads := func(tech, cult, price [2]string) []WeightRange {
		return []WeightRange{
			{Head: "technical competence", Category: score.Quality, Match: []string{"technical"}, Min: pct(tech[0]), Max: pct(tech[1])},
			{Head: "cultural fit", Category: score.Quality, Match: []string{"cultural", "culture"}, Min: pct(cult[0]), Max: pct(cult[1])},
			{Head: "price", Category: score.Price, Min: pct(price[0]), Max: pct(price[1])},
		}
	}
	main := CallOffRules{
		Procedures: []Procedure{FurtherCompetition}, MaxTermMonths: 30,
		Weights:            heads([2]string{"10", "75"}, [2]string{"5", "20"}, [2]string{"20", "85"}),
		WholeNumberWeights: true, MinSuppliers: 3, MaxSuppliers: 15, Source: src,
	}
	participants := CallOffRules{
		Procedures: []Procedure{FurtherCompetition}, MaxTermMonths: 30,
		Weights:            heads([2]string{"10", "70"}, [2]string{"10", "70"}, [2]string{"20", "80"}),
		WholeNumberWeights: true, Source: src,
	}
	lots := verified("RM1043.7 lots (CCS agreement page)")
	return Framework{
		Ref: "RM1043.7", Name: "Digital Outcomes and Specialists 5", Aliases: []string{"DOS5", "DOS 5", "Digital Outcomes and Specialists 5"},
		Regime: score.PCR2015,
		Dates: Period{Start: d(2021, time.January, 20), End: d(2023, time.April, 19),
			StartSource: unverified("RM1043.7 start", "inferred: 12 months before the first expiry of 19 January 2022"),
			EndSource:   verified("CCS agreement page RM1043.7: extended to expire on 19 April 2023")},
		CallOff: main,
		Lots: []FrameworkLot{
			{ID: "digital-outcomes", Title: "Digital outcomes", Source: lots},
			{ID: "digital-specialists", Title: "Digital specialists", Source: lots},
			{ID: "user-research-participants", Title: "User research participants", CallOff: &participants, Source: lots},
		},
		Source: verified("CCS RM1043.7 Digital Outcomes and Specialists 5 (CCS agreement page)"),
	}
}

// dos6 is Digital Outcomes 6: dates from the CCS agreement page (28 June
// 2022 – 27 June 2025, after a 12-month extension). Its weighting limits
// are not recorded.
func dos6() Framework {
	page := verified("CCS agreement page RM1043.8: start 28 June 2022, end 27 June 2025")
	lots := unverified("RM1043.8 lots (CCS agreement page)", "ids and titles not checked")
	return Framework{
		Ref: "RM1043.8", Name: "Digital Outcomes 6", Aliases: []string{"DOS6", "DOS 6", "Digital Outcomes 6"},
		Regime: score.PCR2015,
		Dates:  Period{Start: d(2022, time.June, 28), End: d(2025, time.June, 27), StartSource: page, EndSource: page},
		CallOff: CallOffRules{
			Procedures: []Procedure{FurtherCompetition},
			Source:     unverified("RM1043.8 call-off (CCS agreement page)", "weighting limits not recorded"),
		},
		Lots: []FrameworkLot{
			{ID: "digital-outcomes", Title: "Digital outcomes", Source: lots},
			{ID: "user-research", Title: "User research", Source: lots},
		},
		Source: verified("CCS RM1043.8 Digital Outcomes 6 (CCS agreement page)"),
	}
}

// dos7 is Digital Outcomes and Specialists 7 under the Procurement Act
// 2023. Sources disagree on its dates, so only the start is recorded, and
// unverified.
func dos7() Framework {
	return Framework{
		Ref: "RM1043.9", Name: "Digital Outcomes and Specialists 7", Aliases: []string{"DOS7", "DOS 7", "Digital Outcomes and Specialists 7"},
		Regime: score.PA2023,
		Dates: Period{Start: d(2026, time.April, 1),
			StartSource: unverified("GCA agreement page RM6263 (1 April 2026: DOS7 now live)", "another secondary source gives 30 January 2026"),
			EndSource:   unverified("RM1043.9 term", "docs/sources/frameworks.md: 18 + optional 18 months (MED); a secondary source gives 29 January 2032; not recorded")},
		Source: unverified("CCS/GCA RM1043.9 Digital Outcomes and Specialists 7 (CCS agreement page)", "lots not recorded, so any lot is accepted"),
	}
}

// rm6174 is the multifunctional devices and managed print framework let
// under PCR 2015; its dates ("2020–2024", MED) and lots are not recorded.
func rm6174() Framework {
	return Framework{
		Ref: "RM6174", Name: "Multifunctional Devices (MFDs), Print and Digital Workflow Software Services and Managed Print Service Provision",
		Regime: score.PCR2015,
		Dates: Period{
			StartSource: unverified("RM6174 dates", "docs/sources/frameworks.md: 2020–2024 (MED); call-offs under lot 2 were still made in 2025; days not recorded"),
			EndSource:   unverified("RM6174 dates", "docs/sources/frameworks.md: 2020–2024 (MED); call-offs under lot 2 were still made in 2025; days not recorded"),
		},
		Source: unverified("CCS RM6174 (CCS agreement page)", "lot 2 is multifunctional devices, print and digital workflow software and managed print; the lot list is not recorded"),
	}
}

// rm6174Successor is the framework that replaced RM6174, awarded on 12
// August 2025 after a tender notice of 11 March 2025 (so under the
// Procurement Act 2023). Its reference number is not verified: callers who
// know it should add it as an alias with [Catalogue.With].
func rm6174Successor() Framework {
	award := unverified("CCS award notice 'Multifunctional Devices (MFDs), GovPrint Hardware, Managed Print Services and Digital Workflow Software Services' (Find a Tender, 4 September 2025)", "contracts awarded 12 August 2025; start day and term not checked")
	return Framework{
		Ref:     "RM6174-successor",
		Name:    "Multifunctional Devices (MFDs), GovPrint Hardware, Managed Print Services and Digital Workflow Software Services",
		Aliases: []string{"MFDs, GovPrint Hardware, Managed Print Services and Digital Workflow Software Services"},
		Regime:  score.PA2023,
		Dates: Period{Start: d(2025, time.August, 12), StartSource: award,
			EndSource: unverified("RM6174 successor term", "not recorded")},
		Source: unverified("RM6174 successor: awarded August 2025, its number unverified", "reference number unknown; lots not recorded, so any lot is accepted"),
	}
}
