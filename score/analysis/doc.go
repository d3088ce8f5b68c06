// Package analysis asks of one lot's evaluation the questions an evaluator
// asks before publishing an award, and answers each by solving the engine's
// formulas and confirming the answer by re-scoring the changed field with
// the engine itself — a trial of a [score.Prepared] tender, which validates
// and re-scores only what changed:
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
//     lowest (docs/sources/price-formulas.md). Only the removals that move
//     a figure the others are scored against are re-scored: the lowest (or,
//     under linear, highest) price when one bid alone offers it, and the
//     best social value offer when one bid alone holds it;
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
// # Re-scoring
//
// Every answer is confirmed by re-scoring the changed lot with the engine:
// a trial ([score.Trials]), which re-scores the bid that moves and, only
// when it moves a figure they are scored against (the lowest price), the
// other bids that could then lead. A trial finds what evaluating the whole
// changed lot finds; the package's tests hold every answer to the one
// found by searching with whole evaluations, word for word.
//
// # Goroutines
//
// [Analyse], [AnalysePrepared] and [WhatItTakes] spread the bids of a lot
// over up to GOMAXPROCS goroutines — every bid's marks to win first, then
// every bid's price, the first goroutine reading the field of prices
// while the others start on the marks; [Analyse], [AnalysePrepared] and
// [WeightSensitivity] spread the weight sensitivity's rivals the same way,
// the first goroutine of an analysis working out the rank reversals and
// the abnormally low prices before it takes rivals. Each bid's and each
// rival's answer is its own, so the answers are those of a run on one
// goroutine, word for word, in any order of running; with GOMAXPROCS set
// to 1 everything runs on the caller's goroutine. A panic on any of
// these goroutines (a bug: no input should cause one) is raised again on
// the caller's, as an error value saying what panicked and on which stack,
// so that a recover around the call sees it.
//
// # How the price to win is found
//
// Lowering one bid's price never lowers its own score and never raises
// another's: its price score rises (or stays), and when it becomes the
// lowest (relative, deduction, linear methods) every other bid's price
// score falls. So there is one threshold: the bid wins at every price at or
// below it and at none above. Two exceptions, where the bid's standing can
// fall as its price does. Where a social value offer read as a share of
// the price counts towards a minimum quality score, a lower price can take
// another bid below the minimum and out of the field, and with it a figure
// the price method reads — the highest price, under the linear method. And
// a bid that commits a £ measure as a percentage of its price, on a
// criterion that does not read the offer as a share of the price, offers
// less at a lower price ([score.Trials.OfferFallsWithPrice]), and may win
// at a higher price than its own. The search then reports an edge of
// winning, confirmed as every answer is, which need not be the highest
// price at which the bid wins, nor one below which it always wins, and the
// answer says so: PriceToWin.Edge. Such a bid that does not win even at
// £0.01 is not told it cannot win: its answer is not computed, and says
// why. Otherwise the answer is solved, then confirmed:
//
//  1. Above the field's lowest other price only the bid's own price points
//     move. The engine is solved backwards for the least normalised score
//     at which the bid's total, as shown, ties the best rival's and beats
//     it — each declared rounding and sum undone ([score.Trials.LeastScore])
//     — and the price method for the price that scores it
//     ([criteria.PriceRule.PriceAt]): lowest ÷ price, (highest − price) ÷
//     (highest − lowest), the band, or the deduction, each solved for the
//     price. Below the lowest other price the bid has full price marks and
//     every rival's price points fall with it: each rival that could still
//     reach the bid is solved for the lowest price that holds it to the
//     bid's total ([score.Trials.LowestHolding]), and the bid must go below
//     the least of them. Under price per quality point the bid's own ratio
//     is solved for the best rival's; where a social value offer is read
//     as a share of the price, with both bids' quality points read at each
//     price ([score.Trials.QualityAt]): the highest price within the
//     rival's ratio at a price's points falls as the price rises, so it
//     and the price bracket the answer from either side, and false
//     position closes the bracket. A penny under a tied rival's price is
//     tried too where a lower-price tie-break turns.
//  2. The solved prices, to the penny, are re-scored highest first: the
//     answer is one that wins when a penny more does not — most bids are
//     settled by two or three re-scorings. Should none be (a case the
//     solution does not follow, such as a social value offer read as a
//     share of the bid's price under weighted points, which moves with it),
//     a search takes
//     over: for the relative method an estimate from the formula before
//     rounding (Estimate) and the penny beside it; then, between a winning
//     and a losing price, the next price tried is where the line through
//     the margins shown there (the bid's total less the winner's, or,
//     where it wins, the strongest of its rival and the other bids seen
//     winning a price tried, each read in every later re-scoring, the
//     margin at the highest win read again when one is first met) crosses
//     zero — false position, in its
//     Illinois variant — looking twice as far back, then four times, when
//     a guess falls near an end, and halving the bracket whenever a step
//     did not, and always past a budget of twice the bracket's binary
//     digits. On margins that move smoothly with the price that takes a
//     few re-scorings where halving takes two dozen. Near the answer the
//     shown margins are steps of the rounding, and the prices at which
//     the totals can step are solved for instead
//     ([score.Trials.PriceSteps]: each rounded figure of the bid's and
//     of the bid that wins at the top of the bracket that the price
//     moves, its levels solved back to a price): the step the margin
//     points to is tried first (a bid k steps behind wins k + 1 steps
//     lower, or k where it wins its ties), and the penny above a win.
//     Halving takes over only where the steps cannot be read (price per
//     quality point, the linear method above the others' highest price,
//     a leaf not rounded) or one was missed (a threshold crossed, a third
//     bid overtaking).
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
// shows them (each question's points rounded as declared, read from the
// engine's numbers without wording a line) is found by dynamic programming
// over the questions; the fewest steps whose best allocation wins when
// re-scored is the answer. The record shows the field re-scored with those
// marks, and with the best allocation of one step fewer, which does not win.
//
// # How the weight shift is found
//
// Moving δ percentage points of weight from top-level criterion i to j
// changes each bid's total by δ × (its share of j's marks − its share of i's
// marks); totals are linear in δ before rounding, so the break-even shift for
// a rival against the winner is solved exactly. The totals as shown step
// with the declared rounding, so the rival can be shown above the winner
// at shifts scattered a little below the break-even, and not at others
// between. Where the price is weighted and no minimum score is set, each
// total as shown is within the rounding's reach of its line: only the
// hundredths of a point where the rival's line comes within twice the
// reach of the winner's, or above it, can answer
// ([score.Trials.ShiftWindow]), and each of them is asked, from the least
// up ([score.Trials.LeastShiftOutranking]: under a rounding of leaves
// alone, the default, in machine integers with nothing re-scored; where
// the two totals are level as shown, by a trial): the answer is the least
// shift at which the rival ranks above the winner. The answer and the
// hundredth below it are then re-scored whole for the checks. Pairs where
// no shift within reach (less weight than i has) can do it are not asked.
//
// Under minimum scores, with the price weighted, the same window holds
// while no bid crosses a minimum, and under price per quality point the
// like window of the two ratios (the rival's price × the winner's quality
// points less the winner's price × the rival's is a line in δ, within what
// the rounding of the points and of the ratio can move it): each hundredth
// of it is asked by a trial of the two bids, from the least up, at most
// 500 of them (under price per quality point, below the least shift at
// which either bid could cross a minimum, the two ratios read in machine
// integers, nothing re-scored). Where the window runs on past them the search continues from the
// break-even, as it did before windows, and the answer says from which
// shift the rounding could show the rival above where it did not ask
// every hundredth (none found is then not computed, and the robustness
// statement says the reading may not be complete). Under a price adjusted
// by features the search re-scores in steps of 0.01 from the break-even,
// and the answer is the edge of the region it finds there: at the answer
// the rival ranks above the winner, at 0.01 less it does not.
//
// Under minimum scores a shift can also take bids across them
// ([score.Trials.ShiftCrossings]: each bid's margin against a minimum is a
// line in δ too). Where it can take the winner below one, the rival may
// rank above it long before their totals draw level, or where they never
// do: the search starts there as well, asking each hundredth from the least
// shift at which the winner could leave (its margin as shown steps with the
// rounding, so it can be out at one hundredth and in again at the next;
// past 500, halving), and an answer is the edge of the region it found,
// stepping down by 0.01 and then halving towards no shift at all. Where it
// can take another bid across one so that the figures the others are scored
// against move (the only holder of the lowest or highest price leaving the
// field, or joining it at the lowest or highest price), the totals past
// that point are not the lines the search reads, and it does not follow
// them. A bid holding the
// best social value offer leaving moves nothing (the social value fields
// are drawn before any minimum), nor, under price per quality point, does
// any bid leaving (each price is divided by its own quality points). Past
// such a point an answer found is confirmed and says a smaller one may
// exist past that shift; none found is not computed, rather than "no shift
// does it"; and, where that point is below the smallest shift found (or
// none was), the robustness statement says the reading is not complete. The
// words name the move of weight and the bid that could cross there.
//
// A bid below a minimum that joins moves a figure only at an end of a
// field of prices: as the lowest price (or, under the linear method, the
// highest). Any other such bid ([score.Trials.JoinsWithoutMoving]; under
// price per quality point, where no price is scored against a field, every
// one) has, should it join, its total or ratio read as a ranked bid's is,
// and is searched as a rival is (Sensitivity.Joining): every hundredth of
// the two bids' window from the least shift at which it could cross, and
// from where the winner could fall below a minimum, at most 500 of each,
// the answer re-scored whole. The robustness statement is graded on the
// smallest shift of the rivals' and these, and says which bid was below a
// minimum as evaluated.
//
// What it does not own: scoring (package score) and rendering (package
// score/report). It never changes its inputs.
package analysis
