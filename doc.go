// Package tenderscore is the root of a library that scores UK
// public-procurement tenders against a published, weighted evaluation model
// — price, quality and social value — checks the model against the law and
// national frameworks, and explains every bid's score to the digit. The
// root package holds no code; the work is done in its packages, each
// importing only those listed above it:
//
//   - internal/bigpath: a test-only switch that makes exact compute on big
//     numbers, so that tests can check its machine-integer fast path
//     against it.
//   - exact: exact fractions (machine integers while they fit, big numbers
//     when they do not), declared rounding with a named mode, and the number
//     formats of explanations.
//   - date: calendar dates as inputs (nothing reads the clock).
//   - calendar: UK bank holidays per part of the United Kingdom and the
//     working days counted with them, for the statutory periods of
//     procurement law (a leaf beside date).
//   - internal/slug: a title made a short identifier, for anchors and ids.
//   - internal/envelope: the lines of exact fractions highest at a point,
//     without evaluating every line, for re-scoring a changed lot.
//   - internal/safetext: neutralises text from input (control and
//     bidirectional characters) before it reaches any output.
//   - internal/carry: a panic on a goroutine the library started brought
//     to the goroutine waiting for it, where a caller's recover sees it.
//   - criteria: how one criterion turns a field of responses into normalised
//     scores — price methods and priced schedules, quality marks and
//     moderation, gates, social value measured with a buyer's catalogue,
//     living wage rates, gates and scores.
//   - score: the model (Tender, Lot, Policy, Bid), its validation, the
//     engine (Evaluate, Award under lot rules) and the Result with every
//     bid's explanation tree.
//   - score/report: renderings of a result — text, the authority's
//     evaluation report in Markdown and HTML, JSON — and each bidder's
//     assessment summary.
//   - score/analysis: what it takes to win, weight sensitivity, rank
//     reversal and abnormally low prices, each answer confirmed by
//     re-scoring.
//   - score/scoretest: a kit for unit-testing a council's own scoring
//     policy: synthetic fields of bids, assertions and property checks.
//   - frameworks: the legal regimes, thresholds by date, the national
//     framework catalogue and local policies; Check returns findings with
//     their sources.
//   - tenderfile: tenders and bids as YAML, JSON and CSV files, with a
//     position for every problem and JSON Schemas for editors.
//   - tenderfile/xlsx: bids and marks from Excel workbooks, the workbook
//     evaluators fill in, and the evaluation matrix of a result.
//   - ocds: the tender, its bids and award as an OCDS 1.1 release package
//     (the lots, bids, award criteria and UK extensions), and a tender
//     notice as Find a Tender publishes it read back into a tender.
//   - cmd/tenderscore: the tenderscore command (validate, check, score,
//     summary, whatif, template, export, import, version), a thin layer
//     over the packages.
//   - examples/croydon: the founding case, a London borough's five-lot IT
//     tender bought through national frameworks, scored and explained
//     (go run ./examples/croydon).
//   - examples/cappedlots: a three-lot open procedure in which no supplier
//     may be awarded more than two lots.
//   - examples/crosslot: offers of a price reduction for a set of lots won
//     together, evaluated against the best separate awards.
//   - examples/compliance: the frameworks check catching a non-compliant
//     tender before any bid is scored.
//   - examples/policytest: a council's own test suite for its policy,
//     written with score/scoretest.
//
// The facts the code relies on — formulas, scales, thresholds, rates,
// frameworks — are in docs/sources/, each with its primary source and how
// sure we are of it.
package tenderscore
