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
		"llw-commitment":        {Pass: true, Reason: "signed London Living Wage commitment covering regularly contracted staff"},
	}
	if lot == "3" {
		g["iso-27001"] = criteria.GateResult{Pass: true, Reason: "certificate in scope for the hosting service"}
	}
	return g
}

func bid(id string, s score.Supplier, lot string, r map[string]score.Response) score.Bid {
	return score.Bid{ID: id, Supplier: s, Lot: lot, Responses: r, Gates: passAll(lot)}
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
		"1-sv-llw":      agreed(2, "commitment without plan", 2, 2, 2),
		"1-sv-local":    agreed(1, "no local measures", 1, 1, 2),
		"1-sv-skills":   agreed(1, "no apprenticeships offered", 1, 1, 1),
	})
	halden.Gates["cyber-essentials-plus"] = criteria.GateResult{Pass: false,
		Reason: "Cyber Essentials Plus certificate expired on 14 January 2026 and no renewal was provided by the tender deadline"}
	return []score.Bid{
		bid("B-101", kestrel, "1", map[string]score.Response{
			"1-price":       price("2280000"),
			"1-q-model":     agreed(3, "clear three-tier model with named escalation routes; out-of-hours cover relies on a partner", 3, 3, 2),
			"1-q-knowledge": agreed(3, "knowledge articles reviewed monthly; first-time-fix target 75%", 3, 2, 3),
			"1-q-mobilise":  agreed(3, "credible 12-week plan; exit plan generic", 3, 3, 3),
			"1-sv-llw":      agreed(3, "accredited Living Wage employer; subcontractors covered by contract clause", 3, 3, 3),
			"1-sv-local":    agreed(2, "local recruitment pledge without numbers", 2, 2, 3),
			"1-sv-skills":   agreed(2, "two apprenticeships, no placements", 2, 2, 2),
		}),
		bid("B-102", brightwell, "1", map[string]score.Response{
			"1-price":       price("2450000"),
			"1-q-model":     agreed(4, "omnichannel desk with swarming, 24/7 in-house, evidenced at two boroughs", 4, 4, 3),
			"1-q-knowledge": agreed(3, "good knowledge process; first-time-fix 80% with weak reporting", 3, 3, 4),
			"1-q-mobilise":  agreed(4, "detailed plan with TUPE workstream and tested exit", 4, 4, 4),
			"1-sv-llw":      agreed(3, "accredited Living Wage employer", 3, 3, 3),
			"1-sv-local":    agreed(3, "20% of spend with Croydon SMEs, named suppliers", 3, 3, 2),
			"1-sv-skills":   agreed(3, "four apprenticeship starts a year with the local college", 3, 3, 3),
		}),
		bid("B-103", quayside, "1", map[string]score.Response{
			"1-price":       price("2150000"),
			"1-q-model":     agreed(2, "offshore first line; escalation to council unclear", 2, 2, 2),
			"1-q-knowledge": agreed(3, "mature knowledge tooling", 3, 3, 3),
			"1-q-mobilise":  agreed(2, "plan lacks TUPE detail", 2, 2, 1),
			"1-sv-llw":      agreed(2, "working towards accreditation", 2, 2, 2),
			"1-sv-local":    agreed(2, "some local spend, not quantified", 2, 2, 2),
			"1-sv-skills":   agreed(3, "three apprenticeships and a graduate scheme", 3, 3, 3),
		}),
		bid("B-104", fernleigh, "1", map[string]score.Response{
			"1-price":       price("2600000"),
			"1-q-model":     agreed(4, "strong model with on-site walk-up at Bernard Weatherill House", 4, 4, 4),
			"1-q-knowledge": agreed(4, "self-service deflection evidenced at 30%", 4, 4, 3),
			"1-q-mobilise":  agreed(3, "good plan; exit relies on licences transferring", 3, 3, 3),
			"1-sv-llw":      agreed(4, "accredited, with a contract clause for all subcontractors", 4, 4, 4),
			"1-sv-local":    agreed(3, "local hiring target of ten posts", 3, 3, 3),
			"1-sv-skills":   agreed(3, "four apprenticeships and school outreach", 3, 3, 3),
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
			"2-sv-llw":      agreed(3, "accredited Living Wage employer", 3, 3, 3),
			"2-sv-local":    agreed(3, "named local subcontractor for deskside visits", 3, 3, 3),
			"2-sv-skills":   agreed(3, "two apprenticeships a year", 3, 3, 3),
		}),
		bid("B-202", fernleigh, "2", map[string]score.Response{
			"2-price":       rates("laptop", "48", "desktop", "40", "mobile", "22", "visit", "35"),
			"2-q-support":   agreed(3, "good support model, weak on schools", 3, 3, 3),
			"2-q-lifecycle": agreed(3, "refresh plan sound", 3, 3, 3),
			"2-q-mobilise":  agreed(4, "excellent plan with named team and early-life support", 4, 4, 4),
			"2-sv-llw":      agreed(3, "accredited Living Wage employer", 3, 3, 3),
			"2-sv-local":    agreed(2, "local hiring pledge without numbers", 2, 2, 2),
			"2-sv-skills":   agreed(3, "three apprenticeship starts", 3, 3, 3),
		}),
		bid("B-203", orrin, "2", map[string]score.Response{
			"2-price":       rates("laptop", "44", "desktop", "38", "mobile", "20", "visit", "32"),
			"2-q-support":   agreed(2, "remote-first; site visits within 3 days only", 2, 2, 2),
			"2-q-lifecycle": agreed(2, "refresh plan not costed", 2, 2, 2),
			"2-q-mobilise":  agreed(3, "adequate plan", 3, 3, 3),
			"2-sv-llw":      agreed(2, "commitment without accreditation", 2, 2, 2),
			"2-sv-local":    agreed(2, "some local spend", 2, 2, 2),
			"2-sv-skills":   agreed(2, "one apprenticeship", 2, 2, 2),
		}),
		bid("B-204", pellbrook, "2", map[string]score.Response{
			"2-price":       rates("laptop", "47", "desktop", "42", "mobile", "23", "visit", "34.95"),
			"2-q-support":   agreed(2, "support model thin on named resources", 2, 2, 2),
			"2-q-lifecycle": agreed(4, "excellent lifecycle with refurbishment and reuse", 4, 4, 4),
			"2-q-mobilise":  agreed(4, "excellent plan, proven at a neighbouring borough", 4, 4, 4),
			"2-sv-llw":      agreed(2, "working towards accreditation", 2, 2, 2),
			"2-sv-local":    agreed(4, "30% of spend with Croydon SMEs, named", 4, 4, 4),
			"2-sv-skills":   agreed(4, "six apprenticeships and a care-leavers programme", 4, 4, 4),
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
			"3-sv-llw":       averaged("accredited Living Wage employer", 3, 3, 4),
			"3-sv-local":     averaged("local cabling subcontractor named", 3, 3, 3),
			"3-sv-skills":    averaged("two network apprenticeships", 2, 3, 3),
		}),
		bid("B-302", quayside, "3", map[string]score.Response{
			"3-price":        price("1880000"),
			"3-q-design":     averaged("single-carrier design; resilience relies on 4G backup", 3, 3, 3),
			"3-q-hosting":    averaged("security operations partly outsourced; handoffs unclear", 3, 2, 3),
			"3-q-transition": averaged("high-level plan only", 3, 3, 3),
			"3-sv-llw":       averaged("working towards accreditation", 2, 2, 2),
			"3-sv-local":     averaged("no local measures", 2, 2, 1),
			"3-sv-skills":    averaged("one apprenticeship", 2, 2, 2),
		}),
		bid("B-303", brightwell, "3", map[string]score.Response{
			"3-price":        price("2300000"),
			"3-q-design":     averaged("software-defined WAN with diverse routing to both data centres", 5, 4, 5),
			"3-q-hosting":    averaged("in-house security operations with council-visible dashboards", 4, 5, 4),
			"3-q-transition": averaged("detailed cut-over with rollback rehearsals", 4, 4, 4),
			"3-sv-llw":       averaged("accredited Living Wage employer", 4, 4, 4),
			"3-sv-local":     averaged("25% of spend with local suppliers", 3, 4, 3),
			"3-sv-skills":    averaged("four apprenticeships and a T-level placement", 4, 3, 4),
		}),
		bid("B-304", stannard, "3", map[string]score.Response{
			"3-price":        price("2550000"),
			"3-q-design":     averaged("strong design", 4, 4, 4),
			"3-q-hosting":    averaged("strong security operations", 4, 4, 4),
			"3-q-transition": averaged("good plan", 4, 4, 3),
			"3-sv-llw":       averaged("accredited Living Wage employer", 3, 3, 3),
			"3-sv-local":     averaged("some local spend", 3, 3, 3),
			"3-sv-skills":    averaged("two apprenticeships", 3, 3, 3),
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
			"4-sv-llw":      agreed(8, "accredited Living Wage employer", 8, 8, 8),
			"4-sv-local":    agreed(5, "some local spend", 5, 5, 5),
			"4-sv-skills":   agreed(5, "two apprenticeships", 5, 5, 5),
		}),
		bid("B-402", quayside, "4", map[string]score.Response{
			"4-price":       price("585000"),
			"4-q-platform":  agreed(5, "platform meets the requirement; contact centre via partner", 5, 5, 5),
			"4-q-migration": agreed(8, "strong porting plan", 8, 8, 8),
			"4-q-service":   agreed(8, "good service management with monthly reviews", 8, 8, 8),
			"4-sv-llw":      agreed(5, "working towards accreditation", 5, 5, 5),
			"4-sv-local":    agreed(5, "some local spend", 5, 5, 5),
			"4-sv-skills":   agreed(8, "five apprenticeships", 8, 8, 8),
		}),
		bid("B-403", vantor, "4", map[string]score.Response{
			"4-price":       price("520000"),
			"4-q-platform":  agreed(5, "acceptable platform", 5, 5, 5),
			"4-q-migration": agreed(0, "no number porting plan submitted", 0, 0, 0),
			"4-q-service":   agreed(5, "standard service levels", 5, 5, 5),
			"4-sv-llw":      agreed(5, "commitment without plan", 5, 5, 5),
			"4-sv-local":    agreed(2, "no local measures", 2, 2, 2),
			"4-sv-skills":   agreed(2, "no apprenticeships", 2, 2, 2),
		}),
		bid("B-404", brightwell, "4", map[string]score.Response{
			"4-price":       price("640000"),
			"4-q-platform":  agreed(10, "excellent platform with resilient contact centre and analytics", 10, 10, 8),
			"4-q-migration": agreed(8, "strong porting plan", 8, 8, 8),
			"4-q-service":   agreed(8, "good service management", 8, 8, 8),
			"4-sv-llw":      agreed(8, "accredited Living Wage employer", 8, 8, 8),
			"4-sv-local":    agreed(8, "local support partner named", 8, 8, 8),
			"4-sv-skills":   agreed(5, "two apprenticeships", 5, 5, 5),
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
			"5-sv-llw":    agreed(75, "accredited Living Wage employer", 75, 75, 75),
			"5-sv-local":  agreed(50, "some local spend", 50, 50, 50),
			"5-sv-skills": agreed(50, "one apprenticeship", 50, 50, 50),
		}),
		bid("B-502", papercourt, "5", map[string]score.Response{
			"5-price":     rates("install", "120", "device", "285", "mono", "0.0039", "colour", "0.029"),
			"5-q-fleet":   agreed(75, "good fleet", 75, 75, 75),
			"5-q-service": agreed(50, "consumables ordered manually", 50, 50, 50),
			"5-q-sustain": agreed(75, "carbon reporting and refurbished devices", 75, 75, 75),
			"5-sv-llw":    agreed(50, "working towards accreditation", 50, 50, 50),
			"5-sv-local":  agreed(50, "some local spend", 50, 50, 50),
			"5-sv-skills": agreed(75, "three apprenticeships", 75, 75, 75),
		}),
		bid("B-503", brightwell, "5", map[string]score.Response{
			"5-price":     rates("install", "0", "device", "340", "mono", "0.0045", "colour", "0.035"),
			"5-q-fleet":   agreed(100, "excellent fleet with follow-me print across all sites", 100, 100, 75),
			"5-q-service": agreed(75, "automated consumables with 4-hour fix", 75, 75, 75),
			"5-q-sustain": agreed(75, "carbon reporting", 75, 75, 75),
			"5-sv-llw":    agreed(75, "accredited Living Wage employer", 75, 75, 75),
			"5-sv-local":  agreed(75, "local courier for consumables", 75, 75, 75),
			"5-sv-skills": agreed(50, "one apprenticeship", 50, 50, 50),
		}),
		bid("B-504", lumen, "5", map[string]score.Response{
			"5-price":     rates("install", "80", "device", "295", "mono", "0.0040", "colour", "0.028"),
			"5-q-fleet":   agreed(50, "older models offered", 50, 50, 50),
			"5-q-service": agreed(75, "good service levels", 75, 75, 75),
			"5-q-sustain": agreed(50, "take-back only", 50, 50, 50),
			"5-sv-llw":    agreed(50, "commitment without accreditation", 50, 50, 50),
			"5-sv-local":  agreed(50, "some local spend", 50, 50, 50),
			"5-sv-skills": agreed(50, "one apprenticeship", 50, 50, 50),
		}),
	}
}
