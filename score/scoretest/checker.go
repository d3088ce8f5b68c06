package scoretest

import "github.com/tenderscore/tenderscore/score"

// LotEvaluator evaluates one lot of a tender over its bids, as
// score.EvaluateLot does.
type LotEvaluator func(tender score.Tender, lot string, bids []score.Bid) (score.LotResult, error)

// Checker runs the property checks with an evaluator of its choosing. Its
// zero value evaluates with score.EvaluateLot, exactly as the package's
// own functions ([CheckPolicy], [CheckPriceMonotonicity] and the others)
// do; they are shorthands for Checker{}.
//
// Set Evaluate to check something that stands between a policy and the
// engine — a portal's own evaluation pipeline, a cache of results, a
// wrapper that loads bids as they arrive — or, as the kit's own tests do,
// a deliberately broken evaluator, to show that each check reports what it
// claims to catch. CheckWeightsSum and RankReversals read the policy and
// the analyses directly and do not use it.
type Checker struct {
	// Evaluate evaluates one lot; nil means score.EvaluateLot.
	Evaluate LotEvaluator
}

func (ck Checker) evaluator() LotEvaluator {
	if ck.Evaluate == nil {
		return score.EvaluateLot
	}
	return ck.Evaluate
}
