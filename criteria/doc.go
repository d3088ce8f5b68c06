// Package criteria turns one field of bidders' responses to one criterion
// into normalised scores, each with the working that produced it.
//
// A normalised score is an exact [exact.Fraction] between 0 and 1: the share
// of the criterion's marks a response earns. The package holds one file per
// criterion family:
//
//   - price.go, schedule.go: price methods (relative, linear between lowest and
//     highest, linear within a published band, deduction per percent above
//     the lowest), a published maximum budget, priced schedules and
//     whole-life cost, and the price-per-quality-point ratio;
//   - features.go: a price adjusted by non-price features, ProZorro's MEAT
//     rule — features with enumerated values, the value each bidder
//     chooses, and the price divided by 1 + Σ chosen ÷ (1 − Σ maxima),
//     exactly, within the limits ProZorro sets (docs/sources/prozorro.md);
//   - quality.go, scale.go: marks on a declared scale, several evaluators'
//     marks resolved by a recorded consensus or by the mean, minimum marks;
//   - gate.go: pass/fail requirements with the recorded reason;
//   - livingwage.go: Real, London and National Living Wage rate tables (data
//     a caller can extend), the rate in force on a date under a stated rule,
//     a living wage gate computed from a bid's commitment, a scored variant,
//     and the cost of moving staff from one rate to another;
//   - catalogue.go, decode.go: TOMs-style measure catalogues (code, unit, £
//     proxy, source) loaded from a buyer's CSV or JSON file, and the £ value
//     of a bid's commitments;
//   - local.go: a buyer-defined local area (boroughs, postcode districts);
//   - socialvalue.go: scoring quantitative social value commitments —
//     relative to the best offer, as a share of the bid price, per £1m of
//     contract value, capped, banded — with a method statement marked on a
//     quality scale, a declared split, and an evaluator's deliverability
//     discount; socialvalue_measured.go: a response measured once on its
//     own (SocialValueRule.Measure) and a field of measurements assessed
//     (AssessMeasured), for a caller assessing the same responses in many
//     fields, as the engine does at each evaluation.
//
// Social value here is always a commitment delivered under the contract
// (local jobs, local spend, apprenticeships), never where the bidder itself
// is based: a criterion scoring location is marked on score.Criterion and
// refused above threshold by package frameworks.
//
// Every formula is written out with the actual numbers, and every step that
// uses another bid's figures says which (by position in the field), so that
// a renderer can keep an assessment summary from revealing a losing bidder's
// figures.
//
// What it does not own: weights, lots, bids as such, ranks, thresholds other
// than a question's minimum mark, and rounding of points — those belong to
// package score. It imports only decimal and two leaf packages of this
// module: exact (arithmetic) and date (the day a rate applies).
//
// # Price edge cases, as defined here
//
// docs/sources/price-formulas.md asks that each be defined; this is how:
//
//   - A zero or negative price is an error ([PriceRule.Quote] reports it with
//     rule "positive"), never the best price.
//   - One price in the field: relative and linear give it full marks, and the
//     assessment's Notes say so.
//   - Every price equal: linear gives every bid full marks (no division by
//     zero); relative does too, as each is the lowest.
//   - Band: at or below the floor full marks, at or above the ceiling none.
//   - Deduction: never below 0.
//   - Above a published maximum budget (strictly greater): the policy says
//     disqualify, or score zero; either way the price takes no part in the
//     field, so it is never the lowest and never stretches linear's range.
//     A price equal to the budget is within it.
//   - Ties after rounding: not settled here — only by the policy's declared
//     tie-break chain (package score).
//   - Rounding: nothing here rounds; scores are exact fractions, rounded by
//     the engine only where the policy declares, with a named mode. Half-up
//     and half-even differ on 2.665 (2.67 and 2.66) and 335.305 (335.31 and
//     335.30), and agree on 2.675 (2.68) and 364.775 (364.78), in exact
//     decimal arithmetic; the folklore that they differ on 2.675 holds only
//     for binary floating point, which stores it as 2.67499….
//
// Sources for the formulas are in docs/sources/price-formulas.md and
// docs/sources/quality-and-moderation.md; they are cited on each method.
//
// # Limits
//
// The limits on what any input of this module may hold are here, in
// limits.go, for every package: the size and precision of a number
// ([MaxIntegerDigits], [MaxDecimalPlaces], [MaxCoefficientDigits]), the
// length of a number's text in a file ([MaxNumberChars], checked before it
// is read), the problems an error lists ([MaxProblems], then [TooMany]),
// nesting ([MaxNesting]) and file sizes ([MaxFileBytes],
// [MaxTenderFileBytes], [MaxYAMLFileBytes], [MaxCSVFileBytes]). [CheckNumber] checks a decimal
// against them from its exponent and digits, before any arithmetic, so no
// decimal can make a check expensive. SECURITY.md at the root of the module
// sets out the guarantees they support, and the limits of the packages that
// own a file format.
package criteria
