// Package analysis asks of one lot's evaluation the questions an evaluator
// asks before publishing an award, and answers each by re-scoring the field
// with the engine itself on modified copies of the tender and bids — copies
// of a [score.Prepared] tender, so that each re-scoring validates only what
// it changed:
//
//   - [WhatItTakes]: for each compliant bid that did not win, the highest
//     price (to the penny) at which it would win, and the fewest extra marks
//     on the marking scales that would make it win — or that it cannot win
//     that way;
//   - [WeightSensitivity]: for the winner against each other compliant bid, the
//     smallest shift of weight between two top-level criteria, in percentage
//     points, that puts the other bid ahead, and a plain statement of how
//     robust the award is;
//   - [RankReversals]: whether removing any single bid changes the order of
//     the others — the known weakness of scoring price relative to the
//     lowest (docs/sources/price-formulas.md);
//   - [AbnormallyLow]: prices that declared rules flag as possibly abnormally
//     low, each leading to "investigate" (Procurement Act 2023 s.19(3)(c),
//     (4)–(5)), never to exclusion.
//
// [Analyse] runs them all for one lot.
//
// # "Would win"
//
// A bid would win when the re-scored lot names it as Winner: rounding as the
// policy declares and ties settled by the policy's own tie-break chain are
// part of the answer. A tie the chain cannot settle is not a win.
//
// # How the price to win is found
//
// Lowering one bid's price never lowers its own score and never raises
// another's: its price score rises (or stays), and when it becomes the
// lowest (relative, deduction, linear methods) every other bid's price
// score falls. So there is one threshold: the bid wins at every price at or
// below it and at none above. The search:
//
//  1. For the relative method with one price criterion, solve for the
//     threshold exactly, with fractions: while the bid is not the lowest, its
//     price points are marks × lowest ÷ price and the others' totals stand
//     still, so the price that equals the best rival's total is marks ×
//     lowest ÷ (rival total − the bid's other points); if that is below the
//     lowest price, the bid would be the lowest, scoring full marks while each
//     rival's price points become marks × price ÷ its price, and the
//     threshold is the smallest over rivals of rival price × (the bid's
//     other points + marks − the rival's other points) ÷ marks. Other methods
//     start without an estimate.
//  2. Round the estimate down to the penny and re-score there; gallop by
//     doubling steps of pennies until one price that wins and one that does
//     not bracket the threshold, then bisect the bracket to adjacent pennies.
//  3. The answer is the higher price that wins; the record shows the
//     re-scored field at that price and one penny more, where it does not
//     win. If even £0.01 does not win, the bid "cannot win on price alone".
//
// A price priced as a schedule (or a whole-life cost) is re-scored as the
// single amount compared: the answer is the total the schedule would have to
// come to.
//
// # How the marks to win are found
//
// One "step" is one level up a question's marking scale: the consensus mark
// under consensus moderation, one evaluator's mark under the mean. For each
// number of steps the allocation that adds the most points as the policy
// shows them (each question's points rounded as declared) is found by
// dynamic programming over the questions; the fewest steps whose best
// allocation wins when re-scored is the answer. The record shows the field
// re-scored with those marks, and with the best allocation of one step
// fewer, which does not win.
//
// # How the weight shift is found
//
// Moving δ percentage points of weight from top-level criterion i to j
// changes each bid's total by δ × (its share of j's marks − its share of i's
// marks); totals are linear in δ before rounding, so the break-even shift for
// a rival against the winner is solved exactly. The answer is then confirmed
// by re-scoring in steps of 0.01 percentage points: at the answer the rival
// ranks above the winner, at 0.01 less it does not. Pairs whose exact
// break-even is out of reach (more weight than i has) are not re-scored.
//
// What it does not own: scoring (package score) and rendering (package
// score/report). It never changes its inputs.
package analysis
