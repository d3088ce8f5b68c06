package main

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// Every supplier below is fictional.
var (
	kestrel    = score.Supplier{ID: "SUP-KES", Name: "Kestrel Helpdesk Services Ltd"}
	brightwell = score.Supplier{ID: "SUP-BRI", Name: "Brightwell IT Ltd"}
	quayside   = score.Supplier{ID: "SUP-QUA", Name: "Quayside Systems plc"}
	fernleigh  = score.Supplier{ID: "SUP-FER", Name: "Fernleigh Technology Ltd"}
	halden     = score.Supplier{ID: "SUP-HAL", Name: "Halden Support Co. Ltd"}
	orrin      = score.Supplier{ID: "SUP-ORR", Name: "Orrin Desktop Services Ltd"}
	pellbrook  = score.Supplier{ID: "SUP-PEL", Name: "Pellbrook Computing Ltd"}
	marrowby   = score.Supplier{ID: "SUP-MAR", Name: "Marrowby Networks Ltd"}
	stannard   = score.Supplier{ID: "SUP-STA", Name: "Stannard Cloud Ltd"}
	tollgate   = score.Supplier{ID: "SUP-TOL", Name: "Tollgate Telecom Ltd"}
	vantor     = score.Supplier{ID: "SUP-VAN", Name: "Vantor Voice Ltd"}
	inkwell    = score.Supplier{ID: "SUP-INK", Name: "Inkwell Print Solutions Ltd"}
	papercourt = score.Supplier{ID: "SUP-PAP", Name: "Papercourt Managed Print Ltd"}
	lumen      = score.Supplier{ID: "SUP-LUM", Name: "Lumen Office Imaging Ltd"}
)

var panel = []string{"Evaluator A", "Evaluator B", "Evaluator C"}

// agreed records the evaluators' own marks and the consensus they reached.
func agreed(mark int64, why string, own ...int64) score.Response {
	m := criteria.Marks{Consensus: &criteria.Consensus{Mark: decimal.NewFromInt(mark), Rationale: why}}
	for i, o := range own {
		m.Evaluators = append(m.Evaluators, criteria.EvaluatorMark{Evaluator: panel[i], Mark: decimal.NewFromInt(o),
			Rationale: fmt.Sprintf("individual assessment before moderation: %s", why)})
	}
	return score.Response{Marks: m}
}

// averaged records three evaluators' marks, scored by their mean.
func averaged(why string, own ...int64) score.Response {
	var m criteria.Marks
	for i, o := range own {
		m.Evaluators = append(m.Evaluators, criteria.EvaluatorMark{Evaluator: panel[i], Mark: decimal.NewFromInt(o), Rationale: why})
	}
	return score.Response{Marks: m}
}

// local is a response to "Local supply chain and local jobs": the
// commitments, and the evaluators' marks for the method statement that
// explains how they will be delivered.
func local(statement score.Response, cs ...criteria.Commitment) score.Response {
	m := statement.Marks
	return score.Response{SocialValue: criteria.SocialValueResponse{Commitments: cs, MethodStatement: &m}}
}

// jobs commits FTE local people employed on the contract for some years.
func jobs(fte, years string) criteria.Commitment {
	f, y := d(fte), d(years)
	return criteria.Commitment{Measure: "CR-JOBS-01", FTE: &f, Years: &y, Where: []string{"Croydon"}, MethodStatement: "social value response, section 2 (local recruitment)"}
}

// spend commits contract spend with suppliers in the borough.
func spend(pounds string) criteria.Commitment {
	v := d(pounds)
	return criteria.Commitment{Measure: "CR-SUPP-01", Quantity: &v, Where: []string{"Croydon"}, MethodStatement: "social value response, section 3 (named local suppliers)"}
}

// sme commits contract spend with SMEs.
func sme(pounds string) criteria.Commitment {
	v := d(pounds)
	return criteria.Commitment{Measure: "CR-SUPP-02", Quantity: &v, MethodStatement: "social value response, section 3 (SME supply chain)"}
}

// apprentices commits apprenticeship starts on the contract; no argument
// means the bid committed none.
func apprentices(starts ...string) score.Response {
	var cs []criteria.Commitment
	for _, n := range starts {
		v := d(n)
		cs = append(cs, criteria.Commitment{Measure: "CR-APPR-01", Quantity: &v, MethodStatement: "social value response, section 4 (apprenticeship plan)"})
	}
	return score.Response{SocialValue: criteria.SocialValueResponse{Commitments: cs}}
}

func price(amount string) score.Response {
	return score.Response{Price: criteria.Amount(d(amount))}
}

func rates(pairs ...string) score.Response {
	m := map[string]decimal.Decimal{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = d(pairs[i+1])
	}
	return score.Response{Price: criteria.UnitPrices(m)}
}

func passAll(lot string) map[string]criteria.GateResult {
	g := map[string]criteria.GateResult{
		"cyber-essentials-plus": {Pass: true, Reason: "current certificate seen", Evidence: "certificate supplied with the tender"},
	}
	if lot == "3" {
		g["iso-27001"] = criteria.GateResult{Pass: true, Reason: "certificate in scope for the hosting service"}
	}
	return g
}

// accreditation is each supplier's Living Wage Foundation status, as stated
// in its tender.
var accreditation = map[string]criteria.Accreditation{
	kestrel.ID: criteria.Accredited, brightwell.ID: criteria.Accredited, quayside.ID: criteria.WorkingTowards,
	fernleigh.ID: criteria.Accredited, halden.ID: criteria.NotAccredited, orrin.ID: criteria.WorkingTowards,
	pellbrook.ID: criteria.WorkingTowards, marrowby.ID: criteria.Accredited, stannard.ID: criteria.Accredited,
	tollgate.ID: criteria.Accredited, vantor.ID: criteria.WorkingTowards, inkwell.ID: criteria.Accredited,
	papercourt.ID: criteria.WorkingTowards, lumen.ID: criteria.NotAccredited,
}

func bid(id string, s score.Supplier, lot string, r map[string]score.Response) score.Bid {
	lw := &criteria.LivingWageCommitment{AtLeastApplicable: true, IncludesContractedStaff: true, Accreditation: accreditation[s.ID],
		Evidence: "signed London Living Wage commitment in the tender"}
	return score.Bid{ID: id, Supplier: s, Lot: lot, Responses: r, Gates: passAll(lot), LivingWage: lw}
}

func bids() []score.Bid {
	return append(append(append(append(lot1Bids(), lot2Bids()...), lot3Bids()...), lot4Bids()...), lot5Bids()...)
}

func lot1Bids() []score.Bid {
	halden := bid("B-105", halden, "1", map[string]score.Response{
		"1-price":       price("1990000"),
		"1-q-model":     agreed(3, "sound tiered model", 3, 3, 2),
		"1-q-knowledge": agreed(2, "knowledge base described, no measures", 2, 2, 2),
		"1-q-mobilise":  agreed(2, "generic plan", 2, 3, 2),
		"1-sv-local":    local(agreed(1, "method statement gives no route to local hires or suppliers", 1, 1, 2), jobs("1", "4"), spend("50000")),
		"1-sv-skills":   apprentices("1"),
	})
	halden.Gates["cyber-essentials-plus"] = criteria.GateResult{Pass: false,
		Reason: "Cyber Essentials Plus certificate expired on 14 January 2026 and no renewal was provided by the tender deadline"}
	return []score.Bid{
		bid("B-101", kestrel, "1", map[string]score.Response{
			"1-price":       price("2280000"),
			"1-q-model":     agreed(3, "clear three-tier model with named escalation routes; out-of-hours cover relies on a partner", 3, 3, 2),
			"1-q-knowledge": agreed(3, "knowledge articles reviewed monthly; first-time-fix target 75%", 3, 2, 3),
			"1-q-mobilise":  agreed(3, "credible 12-week plan; exit plan generic", 3, 3, 3),
			"1-sv-local":    local(agreed(2, "method statement names routes to local hires but no partners or milestones", 2, 2, 3), jobs("2", "4"), spend("150000"), sme("200000")),
			"1-sv-skills":   apprentices("2"),
		}),
		bid("B-102", brightwell, "1", map[string]score.Response{
			"1-price":       price("2450000"),
			"1-q-model":     agreed(4, "omnichannel desk with swarming, 24/7 in-house, evidenced at two boroughs", 4, 4, 3),
			"1-q-knowledge": agreed(3, "good knowledge process; first-time-fix 80% with weak reporting", 3, 3, 4),
			"1-q-mobilise":  agreed(4, "detailed plan with TUPE workstream and tested exit", 4, 4, 4),
			"1-sv-local":    local(agreed(3, "credible method statement with named local partners and milestones", 3, 3, 2), jobs("4", "4"), spend("300000"), sme("250000")),
			"1-sv-skills":   apprentices("4"),
		}),
		bid("B-103", quayside, "1", map[string]score.Response{
			"1-price":       price("2150000"),
			"1-q-model":     agreed(2, "offshore first line; escalation to council unclear", 2, 2, 2),
			"1-q-knowledge": agreed(3, "mature knowledge tooling", 3, 3, 3),
			"1-q-mobilise":  agreed(2, "plan lacks TUPE detail", 2, 2, 1),
			"1-sv-local":    local(agreed(2, "method statement names routes to local hires but no partners or milestones", 2, 2, 2), jobs("1", "4"), spend("100000")),
			"1-sv-skills":   apprentices("3"),
		}),
		bid("B-104", fernleigh, "1", map[string]score.Response{
			"1-price":       price("2600000"),
			"1-q-model":     agreed(4, "strong model with on-site walk-up at Bernard Weatherill House", 4, 4, 4),
			"1-q-knowledge": agreed(4, "self-service deflection evidenced at 30%", 4, 4, 3),
			"1-q-mobilise":  agreed(3, "good plan; exit relies on licences transferring", 3, 3, 3),
			"1-sv-local":    local(agreed(3, "credible method statement with named local partners and milestones", 3, 3, 3), jobs("5", "4"), spend("350000"), sme("150000")),
			"1-sv-skills":   apprentices("4"),
		}),
		halden,
	}
}

func lot2Bids() []score.Bid {
	return []score.Bid{
		bid("B-201", brightwell, "2", map[string]score.Response{
			"2-price":       rates("laptop", "52", "desktop", "45", "mobile", "24", "visit", "38"),
			"2-q-support":   agreed(4, "site-based engineers at each hub, evidenced response times", 4, 4, 4),
			"2-q-lifecycle": agreed(3, "refresh plan sound; asset disposal subcontracted", 3, 3, 3),
			"2-q-mobilise":  agreed(3, "clear plan", 3, 3, 3),
			"2-sv-local":    local(agreed(3, "credible method statement with named local partners and milestones", 3, 3, 3), jobs("3", "4"), spend("200000"), sme("100000")),
			"2-sv-skills":   apprentices("2"),
		}),
		bid("B-202", fernleigh, "2", map[string]score.Response{
			"2-price":       rates("laptop", "48", "desktop", "40", "mobile", "22", "visit", "35"),
			"2-q-support":   agreed(3, "good support model, weak on schools", 3, 3, 3),
			"2-q-lifecycle": agreed(3, "refresh plan sound", 3, 3, 3),
			"2-q-mobilise":  agreed(4, "excellent plan with named team and early-life support", 4, 4, 4),
			"2-sv-local":    local(agreed(4, "detailed method statement with named partners, milestones and quarterly reporting", 4, 4, 4), jobs("2", "4"), spend("350000"), sme("175000")),
			"2-sv-skills":   apprentices("3"),
		}),
		bid("B-203", orrin, "2", map[string]score.Response{
			"2-price":       rates("laptop", "44", "desktop", "38", "mobile", "20", "visit", "32"),
			"2-q-support":   agreed(2, "remote-first; site visits within 3 days only", 2, 2, 2),
			"2-q-lifecycle": agreed(2, "refresh plan not costed", 2, 2, 2),
			"2-q-mobilise":  agreed(3, "adequate plan", 3, 3, 3),
			"2-sv-local":    local(agreed(2, "method statement names routes to local hires but no partners or milestones", 2, 2, 2), jobs("1", "4"), spend("60000"), sme("50000")),
			"2-sv-skills":   apprentices("1"),
		}),
		bid("B-204", pellbrook, "2", map[string]score.Response{
			"2-price":       rates("laptop", "47", "desktop", "42", "mobile", "23", "visit", "34.95"),
			"2-q-support":   agreed(2, "support model thin on named resources", 2, 2, 2),
			"2-q-lifecycle": agreed(4, "excellent lifecycle with refurbishment and reuse", 4, 4, 4),
			"2-q-mobilise":  agreed(4, "excellent plan, proven at a neighbouring borough", 4, 4, 4),
			"2-sv-local":    local(agreed(4, "detailed method statement with named partners, milestones and quarterly reporting", 4, 4, 4), jobs("3", "4"), spend("300000"), sme("150000")),
			"2-sv-skills":   apprentices("6"),
		}),
	}
}

func lot3Bids() []score.Bid {
	return []score.Bid{
		bid("B-301", marrowby, "3", map[string]score.Response{
			"3-price":        price("2150000"),
			"3-q-design":     averaged("dual-carrier WAN with tested failover", 4, 4, 5),
			"3-q-hosting":    averaged("24/7 security operations centre, ISO-aligned", 4, 4, 4),
			"3-q-transition": averaged("phased cut-over by site", 3, 4, 4),
			"3-sv-local":     local(averaged("credible method statement with named local partners and milestones", 3, 3, 3), jobs("2", "5"), spend("200000"), sme("100000")),
			"3-sv-skills":    apprentices("2"),
		}),
		bid("B-302", quayside, "3", map[string]score.Response{
			"3-price":        price("1880000"),
			"3-q-design":     averaged("single-carrier design; resilience relies on 4G backup", 3, 3, 3),
			"3-q-hosting":    averaged("security operations partly outsourced; handoffs unclear", 3, 2, 3),
			"3-q-transition": averaged("high-level plan only", 3, 3, 3),
			"3-sv-local":     local(averaged("method statement gives no route to local hires or suppliers", 2, 2, 1), jobs("0.5", "5"), sme("50000")),
			"3-sv-skills":    apprentices("1"),
		}),
		bid("B-303", brightwell, "3", map[string]score.Response{
			"3-price":        price("2250000"),
			"3-q-design":     averaged("software-defined WAN with diverse routing to both data centres", 5, 4, 5),
			"3-q-hosting":    averaged("in-house security operations with council-visible dashboards", 4, 5, 4),
			"3-q-transition": averaged("detailed cut-over with rollback rehearsals", 4, 4, 4),
			"3-sv-local":     local(averaged("credible method statement with named local partners and milestones", 3, 4, 3), jobs("3", "5"), spend("400000"), sme("200000")),
			"3-sv-skills":    apprentices("4"),
		}),
		bid("B-304", stannard, "3", map[string]score.Response{
			"3-price":        price("2550000"),
			"3-q-design":     averaged("strong design", 4, 4, 4),
			"3-q-hosting":    averaged("strong security operations", 4, 4, 4),
			"3-q-transition": averaged("good plan", 4, 4, 3),
			"3-sv-local":     local(averaged("credible method statement with named local partners and milestones", 3, 3, 3), jobs("2", "5"), spend("150000"), sme("100000")),
			"3-sv-skills":    apprentices("2"),
		}),
	}
}

func lot4Bids() []score.Bid {
	return []score.Bid{
		bid("B-401", tollgate, "4", map[string]score.Response{
			"4-price":       price("610000"),
			"4-q-platform":  agreed(8, "mature cloud contact centre with Teams integration", 8, 8, 8),
			"4-q-migration": agreed(8, "porting plan with weekend cut-overs per site", 8, 8, 5),
			"4-q-service":   agreed(5, "service levels standard", 5, 5, 5),
			"4-sv-local":    local(agreed(5, "method statement names routes to local hires but no partners or milestones", 5, 5, 5), jobs("1", "3"), spend("60000"), sme("40000")),
			"4-sv-skills":   apprentices("2"),
		}),
		bid("B-402", quayside, "4", map[string]score.Response{
			"4-price":       price("585000"),
			"4-q-platform":  agreed(5, "platform meets the requirement; contact centre via partner", 5, 5, 5),
			"4-q-migration": agreed(8, "strong porting plan", 8, 8, 8),
			"4-q-service":   agreed(8, "good service management with monthly reviews", 8, 8, 8),
			"4-sv-local":    local(agreed(5, "method statement names routes to local hires but no partners or milestones", 5, 5, 5), jobs("1", "3"), spend("50000"), sme("80000")),
			"4-sv-skills":   apprentices("5"),
		}),
		bid("B-403", vantor, "4", map[string]score.Response{
			"4-price":       price("520000"),
			"4-q-platform":  agreed(5, "acceptable platform", 5, 5, 5),
			"4-q-migration": agreed(0, "no number porting plan submitted", 0, 0, 0),
			"4-q-service":   agreed(5, "standard service levels", 5, 5, 5),
			"4-sv-local":    local(agreed(2, "method statement gives no route to local hires or suppliers", 2, 2, 2), jobs("0.5", "3"), sme("10000")),
			"4-sv-skills":   apprentices(),
		}),
		bid("B-404", brightwell, "4", map[string]score.Response{
			"4-price":       price("640000"),
			"4-q-platform":  agreed(10, "excellent platform with resilient contact centre and analytics", 10, 10, 8),
			"4-q-migration": agreed(8, "strong porting plan", 8, 8, 8),
			"4-q-service":   agreed(8, "good service management", 8, 8, 8),
			"4-sv-local":    local(agreed(8, "credible method statement with named local partners and milestones", 8, 8, 8), jobs("2", "3"), spend("120000"), sme("60000")),
			"4-sv-skills":   apprentices("2"),
		}),
	}
}

func lot5Bids() []score.Bid {
	return []score.Bid{
		bid("B-501", inkwell, "5", map[string]score.Response{
			"5-price":     rates("install", "95", "device", "310", "mono", "0.0042", "colour", "0.031"),
			"5-q-fleet":   agreed(75, "modern fleet with secure release", 75, 75, 75),
			"5-q-service": agreed(75, "automated consumables", 75, 75, 50),
			"5-q-sustain": agreed(50, "take-back scheme, no carbon reporting", 50, 50, 50),
			"5-sv-local":  local(agreed(50, "method statement names routes to local hires but no partners or milestones", 50, 50, 50), jobs("1", "5"), spend("40000"), sme("20000")),
			"5-sv-skills": apprentices("1"),
		}),
		bid("B-502", papercourt, "5", map[string]score.Response{
			"5-price":     rates("install", "120", "device", "285", "mono", "0.0039", "colour", "0.029"),
			"5-q-fleet":   agreed(75, "good fleet", 75, 75, 75),
			"5-q-service": agreed(50, "consumables ordered manually", 50, 50, 50),
			"5-q-sustain": agreed(75, "carbon reporting and refurbished devices", 75, 75, 75),
			"5-sv-local":  local(agreed(50, "method statement names routes to local hires but no partners or milestones", 50, 50, 50), jobs("1", "5"), spend("30000"), sme("60000")),
			"5-sv-skills": apprentices("3"),
		}),
		bid("B-503", brightwell, "5", map[string]score.Response{
			"5-price":     rates("install", "0", "device", "340", "mono", "0.0045", "colour", "0.035"),
			"5-q-fleet":   agreed(100, "excellent fleet with follow-me print across all sites", 100, 100, 75),
			"5-q-service": agreed(75, "automated consumables with 4-hour fix", 75, 75, 75),
			"5-q-sustain": agreed(75, "carbon reporting", 75, 75, 75),
			"5-sv-local":  local(agreed(75, "credible method statement with named local partners and milestones", 75, 75, 75), jobs("2", "5"), spend("60000"), sme("30000")),
			"5-sv-skills": apprentices("1"),
		}),
		bid("B-504", lumen, "5", map[string]score.Response{
			"5-price":     rates("install", "80", "device", "295", "mono", "0.0040", "colour", "0.028"),
			"5-q-fleet":   agreed(50, "older models offered", 50, 50, 50),
			"5-q-service": agreed(75, "good service levels", 75, 75, 75),
			"5-q-sustain": agreed(50, "take-back only", 50, 50, 50),
			"5-sv-local":  local(agreed(50, "method statement names routes to local hires but no partners or milestones", 50, 50, 50), jobs("0.5", "5"), spend("10000")),
			"5-sv-skills": apprentices("1"),
		}),
	}
}
