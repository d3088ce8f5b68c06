// Package report renders a score.Result for the people who read it and the
// programs that consume it.
//
// For everyone who evaluates:
//
//   - [Text], [LotText], [BidText]: plain text for a whole tender, a lot or
//     one bid. Every number explains itself: each criterion's response, the
//     working with the actual numbers, the points and the rounding, down to
//     every sub-criterion, then the total as a sum.
//   - [ReportMarkdown], [ReportHTML]: the authority's evaluation report —
//     its date and the evaluation panel, every lot's standings, a price
//     comparison (each price as compared, how far above the lowest
//     compliant price, against the published budget), a marks matrix
//     (bids by questions, each evaluator's mark beside the agreed mark),
//     disqualifications, ties, award timeline, moderation record and
//     explanations, and a restricted annex for the analyses that would
//     invite re-weighting; the HTML page is self-contained (no scripts, no
//     external assets) with an inline SVG stacked-bar chart per lot
//     ([ChartSVG]).
//   - [JSON], [LotJSON]: the Result as JSON (schema [SchemaVersion]).
//
// For each bidder, the document its lot's route and regime call for
// ([Summarise], [Summaries]; see [Document]): the assessment summary the
// Procurement Act 2023 s.50(3) requires for a contract awarded under s.19,
// the PCR 2015 reg 86 notice, a voluntary debrief for a framework call-off,
// or a letter saying why a disregarded tender was not assessed — rendered
// by [SummaryMarkdown], [SummaryHTML] and [SummaryJSON] (schema
// [SummarySchemaVersion]) and written as one set by [SummaryFiles] and
// [WriteFiles]. A summary shows the award criteria, the bidder's own scores
// with the evaluators' reasons, the same for the most advantageous tender,
// why the bidder did not win and the lot's award timeline — and nothing of
// any other losing bidder: working lines whose Step.Uses name another
// losing bid are replaced by the method in words (CONFIDENTIALITY.md
// explains the design and its one residual risk). [Summary.Missing] lists,
// for the authority, what the law requires that the inputs do not give; no
// bidder document carries the library's internal caveats.
//
// Every renderer neutralises control and bidirectional characters from the
// input (a supplier name cannot forge a line or reach a terminal raw). The
// HTML pages are computed, then rendered: a view of plain strings is built
// from the Result or Summary and executed with html/template (templates/),
// which escapes every value for the context it lands in; the chart is the
// one piece of markup inserted as it is, because svg.go escapes everything
// it writes.
//
// Every decimal in JSON is a string; an exact value whose decimals never
// end is written "num/den". Field order is fixed, so the same result
// always gives the same bytes. SCHEMA.md documents both JSON schemas.
//
// What it does not own: scoring (package score) and the analyses of how
// robust an award is (package score/analysis).
package report
