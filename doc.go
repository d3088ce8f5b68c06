// Package tenderscore is the root of a library that scores
// public-procurement tenders against a published, weighted evaluation model
// and explains every bid's score to the digit.
//
// The work is done in its packages:
//
//   - score: the model (Tender, Lot, Policy, Bid), validation and the engine
//     (Evaluate), and the Result with its explanation trees;
//   - criteria: how one criterion turns a field of responses into normalised
//     scores — price methods, priced schedules, quality marks, gates;
//   - score/report: text and JSON renderings of a Result;
//   - exact: exact fractions and declared rounding;
//   - date: calendar dates as inputs (nothing reads the clock);
//   - calendar: UK bank holidays per part of the United Kingdom and the
//     working days counted with them (a leaf beside date).
//
// Run `go run ./examples/croydon` for the founding case: a London borough's
// five-lot IT tender, scored and explained.
package tenderscore
