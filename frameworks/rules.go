package frameworks

// Rule describes one finding code Check can produce: what it checks, its
// severity and its source. The package documentation's table lists the
// same rows; a test keeps the two in step.
type Rule struct {
	Code     string
	Severity string
	Checks   string
	Source   string
}

// Rules returns every finding code, in the order Check runs its rules.
func Rules() []Rule {
	return []Rule{
		{"regime-mismatch", "error", "the declared regime matches the commencement date (PCR 2015 before 24 Feb 2025, PA 2023 from then)", "SI 2024/716 as amended"},
		{"regime-framework", "warning", "a call-off follows its framework's regime, which differs from the tender's declared one", "SI 2024/716 as amended"},
		{"threshold-band", "note", "the lot's band (above, notifiable below, below threshold), valued with the other lots of its procurement, and the rules that follow", "PA 2023 Sch. 1, Sch. 3 para 4, s.87(4); PCR 2015 regs 6(11)–(13), 109(2); PPN 11/23; SI 2025/1200"},
		{"threshold-unknown", "warning", "the lot cannot be placed in a band (no thresholds for the date)", "PA 2023 Sch. 1"},
		{"threshold-small-lots", "note", "under PCR 2015, a lot of an above-threshold procurement small enough to be awarded outside Part 2 (under £70,778, or £884,720 for works; up to 20% of the aggregate)", "PCR 2015 reg 6(14)–(15) as amended"},
		{"weights-undeclared", "error", "every criterion declares a relative importance (a weight more than zero)", "PA 2023 s.23(3)(b); PCR 2015 reg 67"},
		{"weights-sum", "error", "percentage weights sum to 100 (or to the parent's weight)", "PA 2023 s.23(3)(b); PCR 2015 reg 67"},
		{"weights-points", "note", "weights given as points: publish the resulting percentages", "PA 2023 s.23(3)(b)"},
		{"methodology-gate", "error", "each pass/fail gate states the requirement a bid must meet", "PA 2023 s.23(3)(a)"},
		{"methodology-minimum-quality", "warning", "price per quality point declares a minimum quality score", "docs/sources/price-formulas.md (advice)"},
		{"methodology-thresholds", "note", "the pass/fail rules and thresholds to publish with the methodology", "PA 2023 s.23(3)(a)"},
		{"social-value-central", "error (warning before 1 Oct 2025 or under price per quality point)", "central government gives social value at least 10% of the total (of quality under price per quality point)", "PPN 002 (PA 2023); PPN 06/20 (PCR 2015, from 1 Jan 2021)"},
		{"local-policy", "error (warning if the policy is unverified)", "the authority's own declared minimum for social value", "the policy's own document (e.g. Croydon, Hammersmith & Fulham)"},
		{"local-policy-framework", "note", "a local minimum the framework's weighting heads leave no room for", "the framework's call-off rules"},
		{"local-policy-none", "note", "no local policy was declared for a sub-central authority", "PPN 002 scope"},
		{"local-policy-not-applied", "note", "a declared policy binds another authority or is not in force", "the policy's own document"},
		{"location-above-threshold", "error", "no criterion scores, and no reservation restricts, by where the bidder is based above threshold", "PA 2023 ss.89–90; PCR 2015 reg 18"},
		{"location-below-threshold", "note if allowed; warning or error otherwise", "below-threshold reservation only as PPN 005 / PPN 11/20 (central government) or SI 2026/94 (English councils from 4 Feb 2026) allow; no scoring by location", "PPN 005; PPN 11/20; SI 2026/94; LGA 1988 s.17(5)(e)"},
		{"location-unclassified", "warning", "location scored or reserved on a lot whose band is unknown", "PA 2023 ss.89–90"},
		{"location-commitment", "warning", "above threshold, a criterion scoring commitments tied to a locality (local people employed, spend with suppliers based locally), each measure with the section that bears on it", "PA 2023 s.90(1)–(2); PCR 2015 reg 18(1); LGA 1988 s.17(5)(a), (5)(e), (7)"},
		{"abnormally-low", "note", "abnormally low prices are flagged for investigation, never excluded automatically", "PA 2023 s.19(3)(c), (4)–(5); PCR 2015 reg 69"},
		{"abnormally-low-gate", "warning", "a pass/fail gate that reads as an abnormally-low-price test", "PA 2023 s.19(4)–(5)"},
		{"living-wage-accreditation", "warning", "Living Wage Foundation accreditation required by a gate or scored: a company status, not delivery of the contract", "PA 2023 ss.22(1), 23(2)(a), (5); PCR 2015 regs 58(1)–(4), 67(2), (5); LGA 1988 s.17(5)(a)"},
		{"price-disclosure", "warning", "leaf price points shown to so many places (or exactly) that a summary lets its reader solve for another bidder's price to within a pound", "Procurement Regulations 2024 reg 31(2)(e), (3)(b); score/report/CONFIDENTIALITY.md (advice)"},
		{"price-band-budget", "warning", "a band price method whose ceiling runs above the maximum budget", "PA 2023 s.23(2)(b), (3)(a); PCR 2015 reg 18(1)"},
		{"price-zero-premium", "warning", "a price method under which a modest premium scores zero (deduction with a steep rate, a narrow band: at most 50%, the library's advice; min–max always), saying at what premium", "PA 2023 s.23(2)(d); PCR 2015 reg 18(1)"},
		{"identical-prices", "warning", "bids from different suppliers in one lot with the same price: flagged for review, never excluded", "CMA bid-rigging advice (gov.uk); PA 2023 Sch. 7 para 7(1), s.58(2); PCR 2015 reg 57(8)(d)"},
		{"social-value-rises-with-price", "warning", "bids that commit a £ social value measure as a percentage of their own price, on a criterion valuing the offer in £: their score there rises with their price (the library's advice: score it as a share of the bid price)", "PA 2023 s.23(2)(d); PCR 2015 reg 18(1)"},
		{"framework-dates", "error", "the call-off commenced within the framework's (or lot's) dates, end date inclusive", "the framework's notices and agreement page"},
		{"framework-dates-unrecorded", "note", "the catalogue has no start or end date for the framework", "the catalogue entry"},
		{"framework-procedure", "error", "the call-off procedure is one the framework lot permits (e.g. G-Cloud 14 lots 1–3: direct award only)", "the framework's call-off procedure"},
		{"framework-procedure-unstated", "note", "the route does not say further competition or direct award", "the framework's call-off procedure"},
		{"framework-procedure-unrecorded", "note", "the catalogue does not record the permitted procedures", "the catalogue entry"},
		{"framework-term", "error", "the call-off term with extensions is within the framework's maximum", "the framework's call-off terms"},
		{"framework-term-unstated", "note", "the lot states no term to check", "the framework's call-off terms"},
		{"framework-weights", "error", "top-level criteria fit the framework's weighting heads, within range, whole numbers where required (DOS5)", "the framework's call-off rules (DOS5 definitions)"},
		{"framework-suppliers", "error", "the number of suppliers evaluated is within the framework's bounds (DOS5: 3–15)", "the framework's call-off rules"},
		{"framework-suppliers-unstated", "note", "no bids were given to count suppliers", "the framework's call-off rules"},
		{"call-off-criteria", "error", "a call-off competition under a PA 2023 framework adds no criterion category the framework's criteria lack", "PA 2023 s.46(8)–(9)"},
		{"call-off-criteria-unstated", "note", "the route does not say whether a PA 2023 call-off is a competition", "PA 2023 s.46(8)–(9)"},
		{"call-off-criteria-unrecorded", "note", "the catalogue does not record the framework's award criteria", "PA 2023 s.46(8)–(9)"},
	}
}
