// Package frameworks checks a tender's evaluation model against the law
// and the framework agreements it is bought through, before any bid is
// scored, and says — with sources — what is wrong.
//
// It owns: the legal regimes by date (PCR 2015 for procurements commenced
// before 24 February 2025, the Procurement Act 2023 from then on, call-offs
// following their framework's regime); the thresholds by authority type,
// contract type and commencement date ([Thresholds], [Classify]: VAT
// inclusive, "not less than"); a catalogue of national frameworks with
// their dates, lots and call-off rules ([DefaultCatalogue], [Catalogue]);
// local policies declared by the caller ([LocalPolicy]); and [Check], which
// returns [Findings], each with a severity, a stable code, a message naming
// the lot and criterion, and its [Source].
//
// It does not own scoring (package score), nor the normalisation of a
// response (package criteria). It never reads the clock: the commencement
// date comes in with the tender.
//
// # Confidence
//
// Every fact from law, guidance or a framework carries its Source, with a
// Verified flag. A fact that is not verified (MED or LOW in the module's
// docs/sources, or inferred) can only ever produce a warning: Check lowers any
// error resting on it. Where the tender does not say something a rule needs
// (whether a call-off is a competition, its term), or the catalogue does not
// record it, the rule says so in a note instead of guessing.
//
// # Callers' own frameworks and policies
//
// Add or replace frameworks with [Catalogue.With], or read them — with local
// policies — from a JSON file with [ReadData]; pass them to Check with
// [WithCatalogue] and [WithPolicies]. No new release is needed when a
// framework is extended or a council changes its policy.
//
// # Rules
//
// One rule per file (rule_*.go). Every code Check can produce ([Rules]):
//
//	| code | what it checks | source | severity |
//	| --- | --- | --- | --- |
//	| regime-mismatch | the declared regime matches the commencement date (PCR 2015 before 24 Feb 2025, PA 2023 from then) | SI 2024/716 as amended | error |
//	| regime-framework | a call-off follows its framework's regime, which differs from the tender's declared one | SI 2024/716 as amended | warning |
//	| threshold-band | the lot's band (above, notifiable below, below threshold), valued with the other lots of its procurement, and the rules that follow | PA 2023 Sch. 1, Sch. 3 para 4, s.87(4); PCR 2015 regs 6(11)–(13), 109(2); PPN 11/23; SI 2025/1200 | note |
//	| threshold-unknown | the lot cannot be placed in a band (no thresholds for the date) | PA 2023 Sch. 1 | warning |
//	| threshold-small-lots | under PCR 2015, a lot of an above-threshold procurement small enough to be awarded outside Part 2 (under £70,778, or £884,720 for works; up to 20% of the aggregate) | PCR 2015 reg 6(14)–(15) as amended | note |
//	| weights-undeclared | every criterion declares a relative importance (a weight more than zero) | PA 2023 s.23(3)(b); PCR 2015 reg 67 | error |
//	| weights-sum | percentage weights sum to 100 (or to the parent's weight) | PA 2023 s.23(3)(b); PCR 2015 reg 67 | error |
//	| weights-points | weights given as points: publish the resulting percentages | PA 2023 s.23(3)(b) | note |
//	| methodology-gate | each pass/fail gate states the requirement a bid must meet | PA 2023 s.23(3)(a) | error |
//	| methodology-minimum-quality | price per quality point declares a minimum quality score | docs/sources/price-formulas.md (advice) | warning |
//	| methodology-thresholds | the pass/fail rules and thresholds to publish with the methodology | PA 2023 s.23(3)(a) | note |
//	| social-value-central | central government gives social value at least 10% of the total (of quality under price per quality point) | PPN 002 (PA 2023); PPN 06/20 (PCR 2015, from 1 Jan 2021) | error (warning before 1 Oct 2025 or under price per quality point) |
//	| local-policy | the authority's own declared minimum for social value | the policy's own document (e.g. Croydon, Hammersmith & Fulham) | error (warning if the policy is unverified) |
//	| local-policy-framework | a local minimum the framework's weighting heads leave no room for | the framework's call-off rules | note |
//	| local-policy-none | no local policy was declared for a sub-central authority | PPN 002 scope | note |
//	| local-policy-not-applied | a declared policy binds another authority or is not in force | the policy's own document | note |
//	| location-above-threshold | no criterion scores, and no reservation restricts, by where the bidder is based above threshold | PA 2023 ss.89–90; PCR 2015 reg 18 | error |
//	| location-below-threshold | below-threshold reservation only as PPN 005 / PPN 11/20 (central government) or SI 2026/94 (English councils from 4 Feb 2026) allow; no scoring by location | PPN 005; PPN 11/20; SI 2026/94; LGA 1988 s.17(5)(e) | note if allowed; warning or error otherwise |
//	| location-unclassified | location scored or reserved on a lot whose band is unknown | PA 2023 ss.89–90 | warning |
//	| location-commitment | above threshold, a criterion scoring commitments tied to a locality (local people employed, spend with suppliers based locally), each measure with the section that bears on it | PA 2023 s.90(1)–(2); PCR 2015 reg 18(1); LGA 1988 s.17(5)(a), (5)(e), (7) | warning |
//	| abnormally-low | abnormally low prices are flagged for investigation, never excluded automatically | PA 2023 s.19(3)(c), (4)–(5); PCR 2015 reg 69 | note |
//	| abnormally-low-gate | a pass/fail gate that reads as an abnormally-low-price test | PA 2023 s.19(4)–(5) | warning |
//	| living-wage-accreditation | Living Wage Foundation accreditation required by a gate or scored: a company status, not delivery of the contract | PA 2023 ss.22(1), 23(2)(a), (5); PCR 2015 regs 58(1)–(4), 67(2), (5); LGA 1988 s.17(5)(a) | warning |
//	| price-disclosure | leaf price points shown to so many places (or exactly) that a summary lets its reader solve for another bidder's price to within a pound | Procurement Regulations 2024 reg 31(2)(e), (3)(b); score/report/CONFIDENTIALITY.md (advice) | warning |
//	| price-band-budget | a band price method whose ceiling runs above the maximum budget | PA 2023 s.23(2)(b), (3)(a); PCR 2015 reg 18(1) | warning |
//	| price-zero-premium | a price method under which a modest premium scores zero (deduction with a steep rate, a narrow band: at most 50%, the library's advice; min–max always), saying at what premium | PA 2023 s.23(2)(d); PCR 2015 reg 18(1) | warning |
//	| identical-prices | bids from different suppliers in one lot with the same price: flagged for review, never excluded | CMA bid-rigging advice (gov.uk); PA 2023 Sch. 7 para 7(1), s.58(2); PCR 2015 reg 57(8)(d) | warning |
//	| social-value-rises-with-price | bids that commit a £ social value measure as a percentage of their own price, on a criterion valuing the offer in £: their score there rises with their price (the library's advice: score it as a share of the bid price) | PA 2023 s.23(2)(d); PCR 2015 reg 18(1) | warning |
//	| framework-dates | the call-off commenced within the framework's (or lot's) dates, end date inclusive | the framework's notices and agreement page | error |
//	| framework-dates-unrecorded | the catalogue has no start or end date for the framework | the catalogue entry | note |
//	| framework-procedure | the call-off procedure is one the framework lot permits (e.g. G-Cloud 14 lots 1–3: direct award only) | the framework's call-off procedure | error |
//	| framework-procedure-unstated | the route does not say further competition or direct award | the framework's call-off procedure | note |
//	| framework-procedure-unrecorded | the catalogue does not record the permitted procedures | the catalogue entry | note |
//	| framework-term | the call-off term with extensions is within the framework's maximum | the framework's call-off terms | error |
//	| framework-term-unstated | the lot states no term to check | the framework's call-off terms | note |
//	| framework-weights | top-level criteria fit the framework's weighting heads, within range, whole numbers where required (DOS5) | the framework's call-off rules (DOS5 definitions) | error |
//	| framework-suppliers | the number of suppliers evaluated is within the framework's bounds (DOS5: 3–15) | the framework's call-off rules | error |
//	| framework-suppliers-unstated | no bids were given to count suppliers | the framework's call-off rules | note |
//	| call-off-criteria | a call-off competition under a PA 2023 framework adds no criterion category the framework's criteria lack | PA 2023 s.46(8)–(9) | error |
//	| call-off-criteria-unstated | the route does not say whether a PA 2023 call-off is a competition | PA 2023 s.46(8)–(9) | note |
//	| call-off-criteria-unrecorded | the catalogue does not record the framework's award criteria | PA 2023 s.46(8)–(9) | note |
//
// Errors resting on an unverified fact are reported as warnings whatever the
// table says.
//
// # Model gaps
//
// Lots that take the tender's route under one regime are one procurement:
// for the threshold each is valued as the whole procurement (PA 2023 Sch. 3
// para 4; PCR 2015 reg 6(11)–(13)), and a lot with a route of its own is a
// procurement of its own. The model does not record an authority's good
// reasons for valuing lots apart (Sch. 3 para 4(2)), nor which small lots it
// chooses to award outside Part 2 under PCR 2015 (reg 6(14)–(15)): the
// notes say what the law allows.
//
// A lot that states no contract type is checked as goods and services (and
// the note says so); a lot called off from a framework let under the other
// regime should declare its own regime (score.Lot.Regime), or it is checked
// under its framework's regime with a warning. An authority that does not
// state its nation (score.Authority.Nation) is taken to be in England where
// an England-only rule turns on it (SI 2026/94), and the finding says so.
// The model draws no distinction among central government bodies (PPN 002
// binds departments, executive agencies and NDPBs; the model's central
// government also covers NHS trusts).
package frameworks
