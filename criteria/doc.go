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
//   - quality.go, scale.go: marks on a declared scale, several evaluators'
//     marks resolved by a recorded consensus or by the mean, minimum marks;
//   - gate.go: pass/fail requirements with the recorded reason.
//
// Every formula is written out with the actual numbers, and every step that
// uses another bid's figures says which (by position in the field), so that
// a renderer can keep an assessment summary from revealing a losing bidder's
// figures.
//
// What it does not own: weights, lots, bids as such, ranks, thresholds other
// than a question's minimum mark, and rounding of points — those belong to
// package score. It imports only decimal and the exact-arithmetic package.
//
// Sources for the formulas are in shared/reference/price-formulas.md and
// quality-and-moderation.md; they are cited on each method.
package criteria
