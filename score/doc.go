// Package score holds the evaluation model — a [Tender] with its [Lot]s, each
// lot's published [Policy], and the [Bid]s received — and the engine that
// evaluates it.
//
// For each lot, [Evaluate] validates everything at once, applies the
// pass/fail gates, resolves evaluators' marks, applies minimum-mark and
// minimum-score thresholds, assesses each price criterion over the field of
// bids still in the competition, weights, rounds where the policy declares,
// totals, ranks, and breaks ties with the declared chain. The [Result] holds
// the standings, the winner (or a plain "no compliant bid", or a tie the
// chain could not separate), every disqualification with its reasons, and
// for every bid an explanation tree from each response to its points.
//
// # Invariants
//
//   - Exact: every amount, weight, mark and score is a decimal or an
//     [exact.Fraction]; nothing is divided until a declared rounding. The
//     unrounded value of every line is kept.
//   - Points add up: the points shown for the criteria at and above the
//     rounding level add up exactly to the total shown.
//   - Deterministic: the same tender and bids give the same Result whatever
//     order the bids arrive in.
//   - No panics, no silent defaults on input: [Tender.Validate] reports every
//     problem at once in one [*ValidationError], each naming the field path
//     ("lots[2].policy.criteria[1].weight"), the value and the rule.
//
// # Defaults that are stated
//
// A few zero values have a documented meaning, and each appears in the
// Result's notes so that no reader has to know them: an empty
// Policy.Weighting is percent at each level; an empty Policy.Basis is
// weighted points; empty Policy.Rounding is weighted points to 2 dp half-up
// with the total the sum of the rounded points.
//
// # Awarding a whole tender
//
// [Award] evaluates every lot and then awards the tender under its
// published [LotRules] (Procurement Act 2023 s.23(4)): caps on the lots one
// supplier may bid for and be awarded, and the mechanism that decides which
// lots a capped supplier gets — lots in a declared order, or the allocation
// with the highest total score, found exactly. Cross-lot offers (a discount
// if awarded a named set of lots together) are evaluated against the best
// separate awards. The [AwardResult] says, for every bid ranked above the
// one awarded, why it was passed over.
//
// # One procedure, and what the law makes of a lot
//
// A lot is awarded under a [Procedure]: its regime and its route to market
// ([Tender.ProcedureFor]). Lots bound together by lot rules or cross-lot
// offers must share one — call-offs under different frameworks are
// different procurements — and validation says so, naming the lots and
// their routes. A gate is a condition of participation (failing it means the
// tender is disregarded, s.19(3)(a)) or an award-stage requirement (failing
// it disqualifies, s.23(3)(a)); [Bid.Disregard] records a decision to
// disregard on a named ground. [Tender.Timeline] computes a lot's award
// timeline — standstill, the first day the contract may be entered into,
// the notice due after — from the day its notice is sent, an input, never
// the clock; [WithTimelines] attaches timelines to a Result. The optional
// [Evaluation] record holds the panel with each evaluator's declared
// conflicts of interest and the dates the evaluation was completed and
// reported.
//
// # Validated once
//
// [Evaluate] validates, then evaluates. A caller that evaluates the same
// tender again — a command that has validated a file, an analysis
// re-scoring changed copies — uses [Prepare] once and then
// [Prepared.Evaluate]; [Prepared.WithBid], [Prepared.WithoutBid] and
// [Prepared.WithLot] make changed copies, each validating only what
// changed.
//
// # Trials
//
// [Prepared.Trials] keeps one lot evaluated so that a single change —
// one bid's price or marks, a shift of weight between two top-level
// criteria — is re-scored by computing only what it moves ([Trial]): the
// bid itself, and the others only when a figure they are scored against
// moves — a lowest or highest price, a best social value offer — and then
// only those that could lead: found from their totals as lines in the
// moving figure (a lowest price, or a best offer moving alone), as lines
// along the changed bid's ray when its price moves the lowest price and
// its own offer, a share of that price, to the best at once (the two then
// move in proportion), or otherwise as the bids no other covers (no
// dearer, an offer scoring at least as much, no fewer points elsewhere).
// Bids a moved best offer takes across a
// minimum quality leave or join the trial; when the offer rose, each bid
// that could leave is tested only when the trial meets it (a contender, or
// an end of the field of prices). A trial finds what evaluating
// the changed lot finds; a property test holds it to that, and a change it
// cannot follow so cheaply is evaluated whole. [Trials.LeastScore], [Trials.MostScore]
// and [Trials.LowestHolding] solve the engine backwards — the roundings
// and sums undone — for where a score or the field's lowest price must be
// for a total to reach a figure: how the analyses find a price to win
// without trying prices. Trials of different bids that move the field the
// same way (each bid confirmed at £0.01, say) share one re-scoring of the
// others. [Trials.ShiftOutranks] asks of a shift of weight only whether one
// bid ranks above another, re-scoring the two; [Trials.ShiftWindow] reads
// from their lines before rounding the hundredths of a point where the
// declared rounding could show one above the other, and
// [Trials.LeastShiftOutranking] asks each of them from the least up (under
// a rounding of leaves alone in machine integers, [exact.Steps]; under
// price per quality point each bid's ratio so, [exact.QuoUnits]): the
// least shift, where the totals as shown step. Under thresholds a shift
// tests only the bids it could take across them: each threshold's margin
// is a line in the weight moved, so each bid's least shift that could
// cross one is solved once for the pair of criteria.
//
// # Compute, then render
//
// The engine computes numbers and keeps the explanation records of every
// assessment (package criteria's, beside each formula); a bid's lines are
// worded from them only when [BidResult.Criteria] or [TotalLine.Working] is
// called. Arithmetic is exact on [exact.Fraction]'s machine-integer fast
// path, on big integers when a value outgrows it. The per-bid phases run
// over GOMAXPROCS goroutines; the result is byte for byte the serial one.
// A panic on one of them (a bug: no input should cause one) is raised again
// on the caller's goroutine, as an error value saying what panicked and on
// which stack, so that a recover around the call sees it.
//
// What it does not own: how a single response becomes a normalised score
// (package criteria), renderings (package score/report), and checks against
// law and frameworks (package frameworks).
package score
