package main

import (
	"bytes"
	_ "embed"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// The London Borough of Croydon's replacement of one IT outsourcer by five
// lots. The council and its policies are real (docs/sources/social-value.md:
// at least 10% social value; the Croydon Good Employer Charter asks for the
// London Living Wage, local employment and training, and local supply
// chains); the tender reference, values, marks and every supplier are
// fictional.

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func dp(s string) *decimal.Decimal {
	v := d(s)
	return &v
}

// tender returns the five lots. Each lot is its own call-off competition
// under a national framework — RM6190 lot 3 for lots 1 and 2, RM6190 lot 4
// for lot 3, RM6116 lot 4a (let under PCR 2015) for lot 4 and RM6174's
// successor for lot 5 — so no cap on lots per supplier runs across them:
// call-offs under different frameworks, or different lots of one, are
// different procurements with different suppliers, and a cap (PA 2023
// s.23(4)) works within one procedure. examples/cappedlots shows a cap in a
// single competitive tendering procedure.
func tender() score.Tender {
	return score.Tender{
		ID:        "LBC/IT/2026/014",
		Title:     "Managed IT services (five lots)",
		Authority: score.Authority{Name: "London Borough of Croydon", Type: score.SubCentral, Nation: score.England},
		Commenced: date.On(2026, 3, 2),
		Regime:    score.PA2023,
		Lots:      []score.Lot{serviceDesk(), endUser(), networks(), telephony(), printLot()},
		Documents: "the invitation to tender for LBC/IT/2026/014, part 3 (evaluation methodology), on the council's e-tendering portal",
		Evaluation: &score.Evaluation{
			Panel: []score.Evaluator{
				{Name: "Evaluator A", Role: "Head of IT service delivery", Conflicts: "none"},
				{Name: "Evaluator B", Role: "Infrastructure architect", Conflicts: "none"},
				{Name: "Evaluator C", Role: "Procurement category manager",
					Conflicts: "employed by Stannard Cloud Ltd until 2021, with no continuing interest; the conflicts assessment found no conflict"},
			},
			Completed: date.On(2026, 5, 20),
			Reported:  date.On(2026, 5, 22),
		},
	}
}

// sent is the day the debriefs are sent: Tuesday 26 May 2026, the day
// after the Spring bank holiday.
var sent = date.On(2026, 5, 26)

// gates every lot applies before scoring.
func commonGates() []criteria.Gate {
	return []criteria.Gate{
		{Kind: criteria.AwardRequirement, ID: "cyber-essentials-plus", Title: "Cyber Essentials Plus", Requirement: "holds a current Cyber Essentials Plus certificate covering the services bid",
			Source: "council information security policy"},
	}
}

// llwGate requires every bidder to commit to at least the London Living
// Wage for everyone working on the contract, regularly contracted staff
// included, and to be accredited or working towards accreditation
// (Croydon Good Employer Charter, docs/sources/social-value.md). The rate is the
// one employers must pay on the day the procurement commenced.
func llwGate() []criteria.LivingWageGate {
	return []criteria.LivingWageGate{{Kind: criteria.AwardRequirement, ID: "llw-commitment", Title: "London Living Wage commitment",
		Region: criteria.London, Rule: criteria.RateImplementBy, MinAccreditation: criteria.WorkingTowards,
		Source: "Croydon Good Employer Charter"}}
}

//go:embed measures.csv
var measuresCSV []byte

// measures is the council's catalogue of social value measures with their
// £ proxy values. The values are fictional: the National TOMs proxies are
// licensed and not shipped.
func measures() criteria.Catalogue {
	c, err := criteria.LoadCatalogueCSV(bytes.NewReader(measuresCSV))
	if err != nil {
		panic(err) // the embedded file is part of the program
	}
	return c
}

func quality(id, title, weight string, scale criteria.Scale, mod criteria.Moderation, min string) score.Criterion {
	r := &criteria.QualityRule{Scale: scale, Moderation: mod}
	if min != "" {
		r.MinMark = dp(min)
	}
	return score.Criterion{ID: id, Title: title, Weight: d(weight), Quality: r}
}

// socialValue is the 10% social value criterion every lot carries: Croydon
// mandates at least 10% (docs/sources/social-value.md). It scores commitments
// delivered under the contract — never where a bidder is based, which the
// law forbids above threshold:
//   - fair work: Living Wage accreditation (accredited 1, working towards ½);
//   - local supply chain and local jobs: the £ social value of local
//     employment and local and SME spend (quantity × proxy), 70% relative to
//     the best offer and 30% for the method statement, commitments without a
//     method statement disregarded;
//   - apprenticeships: starts per £1m of contract value, relative to the best.
func socialValue(prefix string, scale criteria.Scale, mod criteria.Moderation) score.Criterion {
	cat := measures()
	croydon := &criteria.LocalArea{Name: "Croydon", Boroughs: []string{"Croydon"}}
	return score.Criterion{ID: prefix + "-sv", Title: "Social value", Weight: d("10"), Category: score.SocialValue,
		Children: []score.Criterion{
			{ID: prefix + "-sv-llw", Title: "Fair work: London Living Wage accreditation", Weight: d("20"),
				LivingWage: &criteria.LivingWageRule{Method: criteria.ScoreAccreditation,
					Shares: &criteria.AccreditationShares{Accredited: d("1"), WorkingTowards: d("0.5"), None: d("0")}}},
			{ID: prefix + "-sv-local", Title: "Local supply chain and local jobs", Weight: d("50"),
				SocialValue: &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"CR-JOBS-01", "CR-SUPP-01", "CR-SUPP-02"},
					Basis: criteria.BasisProxyValue, Method: criteria.RelativeToBest,
					Split:                  &criteria.Split{Quantitative: d("70"), Qualitative: d("30")},
					MethodStatement:        &criteria.QualityRule{Scale: scale, Moderation: mod},
					WithoutMethodStatement: criteria.DisregardUnsupported, LocalArea: croydon}},
			{ID: prefix + "-sv-skills", Title: "Apprenticeships", Weight: d("30"),
				SocialValue: &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"CR-APPR-01"},
					Basis: criteria.BasisQuantity, Per: criteria.PerMillionContractValue, Method: criteria.RelativeToBest,
					WithoutMethodStatement: criteria.DisregardUnsupported}},
		}}
}

func tieBreaks(prefix, topQuestion string) []score.TieBreak {
	return []score.TieBreak{
		{Kind: score.HigherPoints, Criterion: prefix + "-quality", Description: "higher quality points"},
		{Kind: score.HigherPoints, Criterion: topQuestion, Description: "higher points on the highest-weighted quality question"},
		{Kind: score.LowerPrice, Description: "lower price"},
	}
}

// Lot 1: one total price scored relative to the lowest; consensus marks on
// the 0–4 scale; a 0 on any question disqualifies.
func serviceDesk() score.Lot {
	s := criteria.Scale0to4()
	return score.Lot{
		ID: "1", Title: "Service desk", EstimatedValue: d("3000000"), TermMonths: 48,
		Route: &score.Route{Framework: "RM6190", Lot: "3", Procedure: "further-competition"},
		Policy: score.Policy{
			Gates:           commonGates(),
			LivingWageGates: llwGate(),
			Criteria: []score.Criterion{
				{ID: "1-price", Title: "Price", Weight: d("40"), Description: "total price for 48 months, excluding VAT",
					Price: &criteria.PriceRule{Method: criteria.Relative}},
				{ID: "1-quality", Title: "Quality", Weight: d("50"), Children: []score.Criterion{
					quality("1-q-model", "Service desk operating model", "40", s, criteria.ConsensusMark, "1"),
					quality("1-q-knowledge", "Knowledge management and first-time fix", "30", s, criteria.ConsensusMark, "1"),
					quality("1-q-mobilise", "Mobilisation and exit", "30", s, criteria.ConsensusMark, "1"),
				}},
				socialValue("1", s, criteria.ConsensusMark),
			},
			TieBreaks: tieBreaks("1", "1-q-model"),
		},
	}
}

// Lot 2: a priced schedule of per-device rates; the tie-break chain decides
// between two bids with equal totals.
func endUser() score.Lot {
	s := criteria.Scale0to4()
	return score.Lot{
		ID: "2", Title: "End-user and desktop support", EstimatedValue: d("1400000"), TermMonths: 48,
		Route: &score.Route{Framework: "RM6190", Lot: "3", Procedure: "further-competition"},
		Policy: score.Policy{
			Gates:           commonGates(),
			LivingWageGates: llwGate(),
			Criteria: []score.Criterion{
				{ID: "2-price", Title: "Price", Weight: d("40"), Description: "schedule of rates over four years, excluding VAT",
					Price: &criteria.PriceRule{Method: criteria.Relative, Schedule: &criteria.Schedule{Lines: []criteria.ScheduleLine{
						{Item: "laptop", Description: "laptop support, per device per year", Quantity: d("3200"), FirstYear: 1, Years: 4},
						{Item: "desktop", Description: "desktop support, per device per year", Quantity: d("900"), FirstYear: 1, Years: 4},
						{Item: "mobile", Description: "mobile device management, per device per year", Quantity: d("1500"), FirstYear: 1, Years: 4},
						{Item: "visit", Description: "deskside visit, per visit (estimated visits a year)", Quantity: d("2000"), FirstYear: 1, Years: 4},
					}}}},
				{ID: "2-quality", Title: "Quality", Weight: d("50"), Children: []score.Criterion{
					quality("2-q-support", "Support model across council sites", "40", s, criteria.ConsensusMark, "1"),
					quality("2-q-lifecycle", "Device lifecycle and refresh", "30", s, criteria.ConsensusMark, "1"),
					quality("2-q-mobilise", "Mobilisation and exit", "30", s, criteria.ConsensusMark, "1"),
				}},
				socialValue("2", s, criteria.ConsensusMark),
			},
			TieBreaks: tieBreaks("2", "2-q-support"),
		},
	}
}

// Lot 3: price scored within a published affordability band, with a
// maximum budget that disqualifies; three evaluators' marks averaged on the
// 0–5 scale; at least 60% of the quality marks needed.
func networks() score.Lot {
	s := criteria.Scale0to5()
	return score.Lot{
		ID: "3", Title: "Networks and hosting", EstimatedValue: d("3120000"), TermMonths: 60,
		Route: &score.Route{Framework: "RM6190", Lot: "4", Procedure: "further-competition"},
		Policy: score.Policy{
			LivingWageGates: llwGate(),
			Gates: append(commonGates(), criteria.Gate{Kind: criteria.AwardRequirement, ID: "iso-27001", Title: "ISO/IEC 27001", Requirement: "holds ISO/IEC 27001 certification for the hosting service",
				Source: "council information security policy"}),
			Criteria: []score.Criterion{
				{ID: "3-price", Title: "Price", Weight: d("40"), Description: "total price for 60 months, excluding VAT",
					Price: &criteria.PriceRule{Method: criteria.Band, Floor: d("1900000"), Ceiling: d("2600000"),
						MaxBudget: d("2500000"), OverBudget: criteria.DisqualifyOverBudget}},
				{ID: "3-quality", Title: "Quality", Weight: d("50"), Children: []score.Criterion{
					quality("3-q-design", "Network design and resilience", "50", s, criteria.MeanMark, ""),
					quality("3-q-hosting", "Hosting and security operations", "30", s, criteria.MeanMark, ""),
					quality("3-q-transition", "Service transition", "20", s, criteria.MeanMark, ""),
				}},
				socialValue("3", s, criteria.MeanMark),
			},
			Thresholds: score.Thresholds{MinQualityPercent: dp("60"), QualityCriteria: []string{"3-quality"}},
			TieBreaks:  tieBreaks("3", "3-q-design"),
		},
	}
}

// Lot 4: price scored linearly between the lowest and highest; the 0/2/5/8/10
// scale; a mark below 2 on any question disqualifies.
func telephony() score.Lot {
	s := criteria.Scale0to10Stepped()
	return score.Lot{
		ID: "4", Title: "Telephony", EstimatedValue: d("900000"), TermMonths: 36,
		Route: &score.Route{Framework: "RM6116", Lot: "4a", Procedure: "further-competition"},
		// Network Services 3 was let under PCR 2015, and its call-offs follow it.
		Regime: score.PCR2015,
		Policy: score.Policy{
			Gates:           commonGates(),
			LivingWageGates: llwGate(),
			Criteria: []score.Criterion{
				{ID: "4-price", Title: "Price", Weight: d("40"), Description: "total price for 36 months, excluding VAT",
					Price: &criteria.PriceRule{Method: criteria.Linear}},
				{ID: "4-quality", Title: "Quality", Weight: d("50"), Children: []score.Criterion{
					quality("4-q-platform", "Cloud telephony platform and contact centre", "50", s, criteria.ConsensusMark, "2"),
					quality("4-q-migration", "Number porting and migration", "30", s, criteria.ConsensusMark, "2"),
					quality("4-q-service", "Service management", "20", s, criteria.ConsensusMark, "2"),
				}},
				socialValue("4", s, criteria.ConsensusMark),
			},
			TieBreaks: tieBreaks("4", "4-q-platform"),
		},
	}
}

// Lot 5: a schedule of device and click charges compared as a whole-life
// cost, discounted at the Green Book rate and rounded to the penny.
func printLot() score.Lot {
	s := criteria.Scale0to100By25()
	return score.Lot{
		ID: "5", Title: "Print and multifunctional devices", EstimatedValue: d("750000"), TermMonths: 60,
		// RM6174's successor, awarded August 2025 under the Procurement Act
		// 2023; its reference number is not verified (frameworks.md).
		Route: &score.Route{Framework: "RM6174-successor", Procedure: "further-competition"},
		Policy: score.Policy{
			Gates:           commonGates(),
			LivingWageGates: llwGate(),
			Criteria: []score.Criterion{
				{ID: "5-price", Title: "Whole-life cost", Weight: d("40"), Description: "five-year whole-life cost of devices and clicks, excluding VAT",
					Price: &criteria.PriceRule{Method: criteria.Relative, Schedule: &criteria.Schedule{
						Lines: []criteria.ScheduleLine{
							{Item: "install", Description: "installation, per device (one-off, year 0)", Quantity: d("180"), FirstYear: 0, Years: 1},
							{Item: "device", Description: "device rental and maintenance, per device per year", Quantity: d("180"), FirstYear: 1, Years: 5},
							{Item: "mono", Description: "mono click, per page (estimated pages a year)", Quantity: d("2400000"), FirstYear: 1, Years: 5},
							{Item: "colour", Description: "colour click, per page (estimated pages a year)", Quantity: d("600000"), FirstYear: 1, Years: 5},
						},
						Discount: &criteria.Discount{Rate: d("0.035"), Rounding: exact.Rounding{Places: 2, Mode: exact.HalfUp},
							Source: "HM Treasury Green Book discount rate, 3.5%"},
					}}},
				{ID: "5-quality", Title: "Quality", Weight: d("50"), Children: []score.Criterion{
					quality("5-q-fleet", "Device fleet and secure print", "50", s, criteria.ConsensusMark, "25"),
					quality("5-q-service", "Service levels and consumables", "30", s, criteria.ConsensusMark, "25"),
					quality("5-q-sustain", "Sustainability and end of life", "20", s, criteria.ConsensusMark, "25"),
				}},
				socialValue("5", s, criteria.ConsensusMark),
			},
			TieBreaks: tieBreaks("5", "5-q-fleet"),
		},
	}
}
