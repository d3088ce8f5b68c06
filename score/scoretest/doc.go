// Package scoretest is a kit for unit-testing a council's scoring policy,
// in the spirit of net/http/httptest: build a synthetic field of bids
// around a policy ([Field]), evaluate it ([Evaluate], [EvaluateLot]),
// assert what must hold with failure messages that read well beside
// testify's ([AssertWinner], [AssertRank], [AssertDisqualified],
// [AssertCompliant], [AssertExplains]), and run the property checks every
// sound policy passes ([CheckPolicy]):
//
//   - price monotonicity: a lower price never scores less
//     ([CheckPriceMonotonicity]);
//   - quality monotonicity: a higher mark never scores less
//     ([CheckQualityMonotonicity]);
//   - bid-order invariance: the order bids arrive in changes nothing
//     ([CheckOrderInvariance]);
//   - a bid failing a gate never wins ([CheckGateFailureNeverWins]);
//   - the weights add up as the weighting says ([CheckWeightsSum]);
//   - determinism: the same inputs give the same bytes
//     ([CheckDeterminism]);
//   - rank reversal, reported and not failed, since scoring price relative
//     to the lowest can legitimately show it ([RankReversals]).
//
// Each check returns the [Violation]s it found with the figures, so a test
// can also assert that a deliberately broken draft is caught. A [Checker]
// runs the same checks through an evaluator of the caller's choosing (a
// portal's own pipeline wrapped around score.EvaluateLot); the kit's own
// tests give it deliberately broken evaluators to show that each check
// catches what it claims.
// examples/policytest is a council's test suite written with the kit.
//
// A typical test:
//
//	func TestPolicy(t *testing.T) {
//		f := scoretest.NewField(t, myTender(), "1", 12, 42)
//		scoretest.CheckPolicy(t, f.Tender, f.Lot, f.Bids())
//	}
//
// What it does not own: scoring (package score), analyses (package
// score/analysis, whose rank reversal it reports) and renderings (package
// score/report, whose explanations AssertExplains reads).
package scoretest
