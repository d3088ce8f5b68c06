package frameworks_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
)

// ruleCase is one tender for one rule: the finding it must produce with its
// severity, or (want 0) must not produce.
type ruleCase struct {
	name string
	why  string // why the case exists, with its source
	t    score.Tender
	opts []frameworks.Option
	code string
	want frameworks.Severity
}

func runRuleCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := check(t, c.t, c.opts...)
			assert.Equal(t, c.want, severityOf(t, fs, c.code), "%s\nfindings:\n%s", c.why, fs)
		})
	}
}

func lot(f func(*score.Lot)) func(*score.Tender) { return func(t *score.Tender) { f(&t.Lots[0]) } }

func central(t *score.Tender) {
	t.Authority = score.Authority{Name: "Department for Fictional Affairs", Type: score.CentralGovernment}
}

func commenced(d time.Month, dd, y int) func(*score.Tender) {
	return func(t *score.Tender) {
		t.Commenced = day(y, d, dd)
		if t.Commenced.Before(frameworks.PA2023Commencement()) {
			t.Regime = score.PCR2015
		} else {
			t.Regime = score.PA2023
		}
	}
}

func TestRuleRegime(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"declared regime matches the date", "PA 2023 from 24 Feb 2025 (SI 2024/716)", tender(), nil, "regime-mismatch", 0},
		{"PCR 2015 declared in 2026", "a procurement commenced after 24 Feb 2025 outside a framework runs under PA 2023",
			tender(func(t *score.Tender) { t.Regime = score.PCR2015 }), nil, "regime-mismatch", frameworks.Error},
		{"PA 2023 declared the day before commencement", "23 Feb 2025 is still PCR 2015",
			tender(func(t *score.Tender) { t.Commenced = day(2025, time.February, 23) }), nil, "regime-mismatch", frameworks.Error},
		{"no regime declared", "the regime must be declared, not defaulted",
			tender(func(t *score.Tender) { t.Regime = "" }), nil, "regime-mismatch", frameworks.Error},
		{"call-off under a PCR 2015 framework in 2026", "call-offs follow their framework's regime (SI 2024/716 transitional provisions)",
			tender(route("RM6100", "3a", "further-competition"), commenced(time.March, 2, 2026)), nil, "regime-framework", frameworks.Warning},
		{"call-off under a PCR 2015 framework declared PCR 2015", "the declaration matches the framework's regime",
			tender(route("RM6100", "3a", "further-competition"), func(t *score.Tender) { t.Commenced = day(2026, time.March, 2); t.Regime = score.PCR2015 }),
			nil, "regime-framework", 0},
		{"PA 2023 tender, the PCR 2015 call-off lot declares its own regime", "a lot may run under its framework's regime (Lot.Regime)",
			tender(route("RM6100", "3a", "further-competition"), commenced(time.March, 2, 2026), func(t *score.Tender) { t.Lots[0].Regime = score.PCR2015 }),
			nil, "regime-framework", 0},
		{"a lot declaring PCR 2015 outside any framework in 2026", "outside a framework the date decides: PA 2023",
			tender(commenced(time.March, 2, 2026), func(t *score.Tender) { t.Lots[0].Regime = score.PCR2015 }),
			nil, "regime-mismatch", frameworks.Error},
	})
}

func TestRuleThreshold(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"band stated", "every lot gets its band (PA 2023 Sch. 1)", tender(), nil, "threshold-band", frameworks.Note},
		{"no thresholds for 2021", "figures are recorded from 1 Jan 2022 only",
			tender(func(t *score.Tender) { t.Commenced = day(2021, time.June, 1); t.Regime = score.PCR2015 }), nil, "threshold-unknown", frameworks.Warning},
	})
	fs := check(t, tender())
	f := fs.WithCode("threshold-band")[0]
	assert.Contains(t, f.Message, "£500,000.00 is not less than the sub-central goods and services threshold £207,720.00: above threshold")
	assert.Contains(t, f.Message, "ss.89–90", "the note says which rules apply above threshold")
	assert.Contains(t, f.Message, "goods and services assumed", "a lot without a contract type is taken as goods and services, and the note says so")

	// The same £500,000 as works is far below the works threshold of
	// £5,193,000 from 1 January 2026 (SI 2025/1200), but
	// not less than the £30,000 notifiable figure for a council.
	fs = check(t, tender(func(t *score.Tender) { t.Lots[0].ContractType = score.Works }))
	f = fs.WithCode("threshold-band")[0]
	assert.Contains(t, f.Message, "works threshold £5,193,000.00")
	assert.NotContains(t, f.Message, "assumed")
}

func TestRuleWeights(t *testing.T) {
	points := tender(lot(func(l *score.Lot) { l.Policy = policy("4", "5", "1"); l.Policy.Weighting = score.Points }))
	runRuleCases(t, []ruleCase{
		{"weights sum to 100", "PA 2023 s.23(3)(b)", tender(), nil, "weights-sum", 0},
		{"weights sum to 90", "percentages that do not add up misstate relative importance (s.23(3)(b))",
			tender(lot(func(l *score.Lot) { l.Policy = policy("40", "40", "10") })), nil, "weights-sum", frameworks.Error},
		{"sub-criteria sum to 90", "percent at each level: siblings sum to 100",
			tender(lot(func(l *score.Lot) {
				l.Policy.Criteria[1].Quality = nil
				l.Policy.Criteria[1].Children = []score.Criterion{quality("q1", "Approach", "50", ""), quality("q2", "Staffing", "40", "")}
			})), nil, "weights-sum", frameworks.Error},
		{"zero weight", "a criterion with no weight declares no relative importance",
			tender(lot(func(l *score.Lot) { l.Policy = policy("50", "50", "0") })), nil, "weights-undeclared", frameworks.Error},
		{"no criteria", "no criteria, no relative importance",
			tender(lot(func(l *score.Lot) { l.Policy = score.Policy{} })), nil, "weights-undeclared", frameworks.Error},
		{"points weighting", "points are a lawful description (s.23(3)(b) 'another description') but need the shares published",
			points, nil, "weights-points", frameworks.Note},
		{"points need not sum to 100", "a model in points is out of its own total (docs/sources/points-models.md)", points, nil, "weights-sum", 0},
	})
}

func TestRuleMethodology(t *testing.T) {
	gate := func(req string) func(*score.Tender) {
		return lot(func(l *score.Lot) {
			l.Policy.Gates = []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "ce-plus", Title: "Cyber Essentials Plus", Requirement: req}}
		})
	}
	ppqp := func(min bool) func(*score.Tender) {
		return lot(func(l *score.Lot) {
			l.Policy = score.Policy{Basis: score.PricePerQualityPoint, Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.PerQualityPoint}},
				quality("quality", "Service approach", "90", score.Quality),
				quality("sv", "Social value", "10", score.SocialValue),
			}}
			if min {
				m := dec("60")
				l.Policy.Thresholds.MinQualityPercent = &m
			}
		})
	}
	runRuleCases(t, []ruleCase{
		{"gate with its requirement", "s.23(3)(a): the methodology says what disqualifies", tender(gate("a current certificate")), nil, "methodology-gate", 0},
		{"gate without requirement", "s.23(3)(a): a pass/fail rule bidders cannot read is not published",
			tender(gate("")), nil, "methodology-gate", frameworks.Error},
		{"thresholds listed", "declared thresholds are published with the methodology", tender(gate("a current certificate")), nil, "methodology-thresholds", frameworks.Note},
		{"price per quality point with minimum quality", "docs/sources/price-formulas.md", tender(ppqp(true)), nil, "methodology-minimum-quality", 0},
		{"price per quality point without minimum quality", "cheap-and-poor can win (docs/sources/price-formulas.md)",
			tender(ppqp(false)), nil, "methodology-minimum-quality", frameworks.Warning},
	})
}

func TestRuleSocialValueCentral(t *testing.T) {
	low := lot(func(l *score.Lot) { l.Policy = policy("45", "50", "5") })
	none := lot(func(l *score.Lot) { l.Policy = policy("40", "60", "") })
	runRuleCases(t, []ruleCase{
		{"central government at 10%", "PPN 002: at least 10%", tender(central), nil, "social-value-central", 0},
		{"central government at 5% after 1 Oct 2025", "PPN 002 mandatory for in-scope bodies from 1 Oct 2025",
			tender(central, low), nil, "social-value-central", frameworks.Error},
		{"central government with no social value", "0% is below 10%", tender(central, none), nil, "social-value-central", frameworks.Error},
		{"central government at 5% on 30 Sep 2025", "PPN 002 published, not yet mandatory: warning",
			tender(central, low, commenced(time.September, 30, 2025)), nil, "social-value-central", frameworks.Warning},
		{"central government at 5% under PCR 2015 in 2024", "PPN 06/20 from 1 Jan 2021",
			tender(central, low, commenced(time.June, 1, 2024)), nil, "social-value-central", frameworks.Error},
		{"council at 5%", "PPN 002 does not bind councils (docs/sources/social-value.md)", tender(low), nil, "social-value-central", 0},
		{"central government, price per quality point, 5% of quality", "10% of the quality score is MED: warning only",
			tender(central, lot(func(l *score.Lot) {
				l.Policy = score.Policy{Basis: score.PricePerQualityPoint, Criteria: []score.Criterion{
					{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.PerQualityPoint}},
					quality("quality", "Service approach", "95", score.Quality),
					quality("sv", "Social value", "5", score.SocialValue),
				}}
				m := dec("60")
				l.Policy.Thresholds.MinQualityPercent = &m
			})), nil, "social-value-central", frameworks.Warning},
	})
}

func TestRuleLocalPolicy(t *testing.T) {
	croydon := func(t *score.Tender) { t.Authority.Name = "London Borough of Croydon" }
	hf := func(t *score.Tender) { t.Authority.Name = "London Borough of Hammersmith & Fulham" }
	low := lot(func(l *score.Lot) { l.Policy = policy("45", "50", "5") })
	small := lot(func(l *score.Lot) { l.EstimatedValue = dec("100000") })
	pol := func(ps ...frameworks.LocalPolicy) []frameworks.Option {
		return []frameworks.Option{frameworks.WithPolicies(ps...)}
	}
	unverifiedPolicy := frameworks.CroydonSocialValue()
	unverifiedPolicy.Source.Verified = false
	runRuleCases(t, []ruleCase{
		{"Croydon at 10%", "Croydon mandates at least 10% (docs/sources/social-value.md)", tender(croydon), pol(frameworks.CroydonSocialValue()), "local-policy", 0},
		{"Croydon at 5%", "below Croydon's 10%", tender(croydon, low), pol(frameworks.CroydonSocialValue()), "local-policy", frameworks.Error},
		{"unverified policy at 5%", "unverified facts only warn", tender(croydon, low), pol(unverifiedPolicy), "local-policy", frameworks.Warning},
		{"H&F at 5% above £100,000", "H&F: at least 10% above £100,000", tender(hf, low), pol(frameworks.HammersmithFulhamSocialValue()), "local-policy", frameworks.Error},
		{"H&F at 5% at exactly £100,000", "'above £100,000': £100,000 itself is not above",
			tender(hf, low, small), pol(frameworks.HammersmithFulhamSocialValue()), "local-policy", 0},
		{"another council's policy", "a policy binds its own authority; saying so avoids a silent skip",
			tender(low), pol(frameworks.CroydonSocialValue()), "local-policy-not-applied", frameworks.Note},
		{"no policy for a council", "PPN 002 does not bind councils: their own minimums must be declared",
			tender(), nil, "local-policy-none", frameworks.Note},
		{"framework leaves no room for social value", "H&F: call-offs 'where the framework allows'; DOS5 has no social value head",
			tender(croydon, low, dos5Tender), pol(frameworks.CroydonSocialValue()), "local-policy-framework", frameworks.Note},
	})
}

// dos5Tender is a compliant DOS5 outcomes call-off in 2022.
func dos5Tender(t *score.Tender) {
	t.Commenced, t.Regime = day(2022, time.September, 1), score.PCR2015
	l := &t.Lots[0]
	l.Route = &score.Route{Framework: "DOS5", Lot: "digital-outcomes", Procedure: "further-competition"}
	l.TermMonths = 24
	l.Policy = score.Policy{Criteria: []score.Criterion{
		quality("technical", "Technical competence", "60", score.Quality),
		quality("culture", "Cultural fit", "10", score.Quality),
		price("price", "30"),
	}}
}

func TestRuleLocation(t *testing.T) {
	located := lot(func(l *score.Lot) {
		l.Policy.Criteria[2].LocationBased = true
		l.Policy.Criteria[2].Title = "Office in the borough"
	})
	value := func(v string) func(*score.Tender) { return lot(func(l *score.Lot) { l.EstimatedValue = dec(v) }) }
	reserve := func(area string, sme bool) func(*score.Tender) {
		return lot(func(l *score.Lot) { l.Reservation = &score.Reservation{Area: area, SMEOrVCSE: sme} })
	}
	runRuleCases(t, []ruleCase{
		{"local commitments above threshold", "commitments under the contract are not location-based (Procurement Act 2023 ss.89–90)",
			tender(), nil, "location-above-threshold", 0},
		{"location scored above threshold", "PA 2023 ss.89–90", tender(located), nil, "location-above-threshold", frameworks.Error},
		{"location scored at exactly the threshold", "'not less than': £207,720 is above threshold from 2026",
			tender(located, value("207720")), nil, "location-above-threshold", frameworks.Error},
		{"reservation above threshold", "reservation is below-threshold only", tender(reserve("Croydon", false)), nil, "location-above-threshold", frameworks.Error},
		{"council reservation below threshold from 4 Feb 2026", "SI 2026/94 allows English councils to reserve",
			tender(reserve("Croydon", true), value("50000")), nil, "location-below-threshold", frameworks.Note},
		{"council reservation on 3 Feb 2026", "the day before SI 2026/94 came into force: LGA 1988 s.17(5)(e)",
			tender(reserve("Croydon", false), value("50000"), commenced(time.February, 3, 2026)), nil, "location-below-threshold", frameworks.Warning},
		{"central government UK reservation below threshold", "PPN 005",
			tender(central, reserve("UK", false), value("50000")), nil, "location-below-threshold", frameworks.Note},
		{"central government SME-only reservation", "PPN 005: SME/VCSE reservation only with a location reservation",
			tender(central, reserve("", true), value("50000")), nil, "location-below-threshold", frameworks.Error},
		{"location scored below threshold", "PPN 005 / SI 2026/94 allow reserving, not scoring",
			tender(located, value("50000")), nil, "location-below-threshold", frameworks.Warning},
		{"an English council's reservation below threshold", "SI 2026/94 is the (England) Order",
			tender(reserve("Croydon", true), value("50000"), func(t *score.Tender) { t.Authority.Nation = score.England }), nil, "location-below-threshold", frameworks.Note},
		{"a Welsh council's reservation below threshold", "SI 2026/94 is an order for England and does not reach Wales",
			tender(reserve("Cardiff", false), value("50000"), func(t *score.Tender) { t.Authority.Nation = score.Wales }), nil, "location-below-threshold", frameworks.Warning},
	})
}

func TestRuleAbnormallyLow(t *testing.T) {
	gate := lot(func(l *score.Lot) {
		l.Policy.Gates = []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "alt", Title: "Price not abnormally low", Requirement: "price at least 80% of the average"}}
	})
	runRuleCases(t, []ruleCase{
		{"policy stated for priced lots", "PA 2023 s.19(4)–(5): flag, never exclude automatically", tender(), nil, "abnormally-low", frameworks.Note},
		{"no gate on price", "nothing excludes automatically", tender(), nil, "abnormally-low-gate", 0},
		{"abnormally-low gate", "a pass/fail on price alone would exclude without notice (s.19(4)–(5))", tender(gate), nil, "abnormally-low-gate", frameworks.Warning},
	})
}

func TestRuleFrameworkDates(t *testing.T) {
	ts3 := route("RM6100", "3a", "further-competition")
	on := func(y int, m time.Month, d int) func(*score.Tender) {
		return func(t *score.Tender) { t.Commenced, t.Regime = day(y, m, d), score.PCR2015 }
	}
	runRuleCases(t, []ruleCase{
		{"TS3 the day before its end", "RM6100 ends 14 June 2026 (award notice)", tender(ts3, on(2026, time.June, 13)), nil, "framework-dates", 0},
		{"TS3 on its end date", "the end date is inclusive", tender(ts3, on(2026, time.June, 14)), nil, "framework-dates", 0},
		{"TS3 the day after its end", "a call-off after the framework ended", tender(ts3, on(2026, time.June, 15)), nil, "framework-dates", frameworks.Error},
		{"TS3 before it started", "RM6100 starts 16 June 2021", tender(ts3, on(2021, time.June, 15)), nil, "framework-dates", frameworks.Error},
		{"G-Cloud 15 before its expected start", "expected dates are unverified: warning only",
			tender(route("G-Cloud 15", "4", "further-competition"), on(2026, time.August, 1), func(t *score.Tender) { t.Regime = score.PA2023 }),
			nil, "framework-dates", frameworks.Warning},
		{"NS3 without recorded dates", "the rule says what it cannot check",
			tender(route("RM6116", "1a", "further-competition")), nil, "framework-dates-unrecorded", frameworks.Note},
	})
}

func TestRuleFrameworkProcedure(t *testing.T) {
	gc := func(l, p string) func(*score.Tender) {
		return func(t *score.Tender) {
			route("RM1557.14", l, p)(t)
			t.Commenced, t.Regime = day(2025, time.November, 3), score.PCR2015
			t.Lots[0].TermMonths = 48
		}
	}
	runRuleCases(t, []ruleCase{
		{"G-Cloud 14 lot 1 direct award", "lots 1–3 direct award only (docs/sources/frameworks.md)", tender(gc("1", "direct-award")), nil, "framework-procedure", 0},
		{"G-Cloud 14 lot 1 further competition", "lots 1–3 direct award only", tender(gc("1", "further-competition")), nil, "framework-procedure", frameworks.Error},
		{"G-Cloud 14 lot 4 direct award", "lot 4 is further competition", tender(gc("4", "direct-award")), nil, "framework-procedure", frameworks.Error},
		{"procedure not stated", "the rule does not guess", tender(gc("1", "")), nil, "framework-procedure-unstated", frameworks.Note},
		{"TS4 direct award", "TS4 procedures are unverified: warning only for a breach, none here",
			tender(route("RM6190", "3", "direct-award")), nil, "framework-procedure", 0},
	})
}

func TestRuleFrameworkTerm(t *testing.T) {
	gc := func(months int) func(*score.Tender) {
		return func(t *score.Tender) {
			route("RM1557.14", "2", "direct-award")(t)
			t.Commenced, t.Regime = day(2025, time.November, 3), score.PCR2015
			t.Lots[0].TermMonths = months
		}
	}
	runRuleCases(t, []ruleCase{
		{"G-Cloud 14 call-off of 48 months", "36 + 12 months (docs/sources/frameworks.md)", tender(gc(48)), nil, "framework-term", 0},
		{"G-Cloud 14 call-off of 49 months", "more than 36 + 12 months", tender(gc(49)), nil, "framework-term", frameworks.Error},
		{"no term stated", "the rule does not guess", tender(gc(0)), nil, "framework-term-unstated", frameworks.Note},
	})
}

func TestRuleFrameworkWeights(t *testing.T) {
	weights := func(tech, cult, pr string) func(*score.Tender) {
		return func(t *score.Tender) {
			t.Lots[0].Policy.Criteria[0].Weight = dec(tech)
			t.Lots[0].Policy.Criteria[1].Weight = dec(cult)
			t.Lots[0].Policy.Criteria[2].Weight = dec(pr)
		}
	}
	withSV := func(t *score.Tender) {
		t.Lots[0].Policy.Criteria[0].Weight = dec("50")
		t.Lots[0].Policy.Criteria = append(t.Lots[0].Policy.Criteria, quality("sv", "Social value", "10", score.SocialValue))
	}
	runRuleCases(t, []ruleCase{
		{"DOS5 60/10/30", "within technical 10–75, cultural 5–20, price 20–85 (DOS5 definitions)", tender(dos5Tender), nil, "framework-weights", 0},
		{"DOS5 cultural fit 25%", "cultural fit at most 20%", tender(dos5Tender, weights("50", "25", "25")), nil, "framework-weights", frameworks.Error},
		{"DOS5 price 15%", "price at least 20%", tender(dos5Tender, weights("75", "10", "15")), nil, "framework-weights", frameworks.Error},
		{"DOS5 fractional weights", "whole numbers only", tender(dos5Tender, weights("59.5", "10.5", "30")), nil, "framework-weights", frameworks.Error},
		{"DOS5 with social value", "no social value weighting under DOS5", tender(dos5Tender, withSV), nil, "framework-weights", frameworks.Error},
	})
}

func TestRuleFrameworkSuppliers(t *testing.T) {
	bids := func(n int) []frameworks.Option {
		var bs []score.Bid
		for i := range n {
			id := string(rune('A' + i))
			bs = append(bs, score.Bid{ID: "B-" + id, Lot: "1", Supplier: score.Supplier{ID: "S-" + id, Name: "Supplier " + id}})
		}
		return []frameworks.Option{frameworks.WithBids(bs)}
	}
	runRuleCases(t, []ruleCase{
		{"DOS5 with 3 suppliers", "3–15 suppliers (DOS5 definitions)", tender(dos5Tender), bids(3), "framework-suppliers", 0},
		{"DOS5 with 15 suppliers", "the upper bound is allowed", tender(dos5Tender), bids(15), "framework-suppliers", 0},
		{"DOS5 with 2 suppliers", "fewer than 3", tender(dos5Tender), bids(2), "framework-suppliers", frameworks.Error},
		{"DOS5 with 16 suppliers", "more than 15", tender(dos5Tender), bids(16), "framework-suppliers", frameworks.Error},
		{"DOS5 without bids", "the rule says it could not check", tender(dos5Tender), nil, "framework-suppliers-unstated", frameworks.Note},
	})
}

func TestRuleCallOffCriteria(t *testing.T) {
	// A caller's own PA 2023 framework whose award criteria are price and
	// quality only, verified by the caller.
	fw := frameworks.Framework{
		Ref: "XF1", Name: "Example framework", Regime: score.PA2023,
		Dates:   frameworks.Period{Start: day(2025, time.June, 1), End: day(2029, time.May, 31), StartSource: frameworks.Source{Cite: "XF1 agreement", Verified: true}, EndSource: frameworks.Source{Cite: "XF1 agreement", Verified: true}},
		CallOff: frameworks.CallOffRules{Procedures: []frameworks.Procedure{frameworks.FurtherCompetition}, Categories: []score.Category{score.Price, score.Quality}, Source: frameworks.Source{Cite: "XF1 call-off procedure", Verified: true}},
		Source:  frameworks.Source{Cite: "XF1 agreement", Verified: true},
	}
	cat, err := frameworks.DefaultCatalogue().With(fw)
	if err != nil {
		t.Fatal(err)
	}
	opts := []frameworks.Option{frameworks.WithCatalogue(cat)}
	runRuleCases(t, []ruleCase{
		{"framework criteria refined", "s.46(8)–(9): price and quality only", tender(route("XF1", "", "further-competition"), lot(func(l *score.Lot) { l.Policy = policy("40", "60", "") })),
			opts, "call-off-criteria", 0},
		{"a new social value category", "s.46(8)–(9): refined, not replaced", tender(route("XF1", "", "further-competition")), opts, "call-off-criteria", frameworks.Error},
		{"direct award", "s.46 governs competitions", tender(route("XF1", "", "direct-award")), opts, "call-off-criteria", 0},
		{"procedure not stated", "the rule does not guess", tender(route("XF1", "", "")), opts, "call-off-criteria-unstated", frameworks.Note},
		{"criteria not recorded", "TS4's award criteria are not in the catalogue", tender(route("RM6190", "3", "further-competition")), nil, "call-off-criteria-unrecorded", frameworks.Note},
	})
}

// adjusted puts the lot on ProZorro's MEAT rule: its price, without weight,
// adjusted by one feature (docs/sources/prozorro.md).
func adjusted(l *score.Lot) {
	l.Policy = score.Policy{Basis: score.AdjustedPrice, Features: &criteria.FeatureRule{Features: []criteria.Feature{
		{Code: "YEARS", Title: "Years trading", Values: []criteria.FeatureValue{{Value: dec("0.05"), Title: "up to 3 years"}, {Value: dec("0.1"), Title: "more"}}},
	}}, Criteria: []score.Criterion{{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.AdjustedByFeatures}}}}
}

func TestRulesOnAdjustedPrice(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"the unweighted price is not a weight left undeclared", "the features describe the relative importance 'in another way' (PA 2023 s.23(3)(b)(iii))",
			tender(lot(adjusted)), nil, "weights-undeclared", 0},
		{"no weights to sum", "the price is the only criterion and carries no weight", tender(lot(adjusted)), nil, "weights-sum", 0},
		{"central government: social value cannot be shown at 10%", "PPN 002's 10% has no reading on a price adjusted by features: a warning, unverified, never an error",
			tender(central, lot(adjusted)), nil, "social-value-central", frameworks.Warning},
		{"a council is not bound", "PPN 002 does not bind councils", tender(lot(adjusted)), nil, "social-value-central", 0},
	})
}
