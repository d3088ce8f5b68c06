package scoretest

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// The tests in this file exist because four of the six property checks
// (gate failure never wins, quality monotonicity, order invariance,
// determinism) could be replaced by `return nil` and every other test
// still passed (issue 11.8): the engine itself never breaks those
// properties, so a field scored by it cannot show that a check would see
// a break. Each test runs one check through a Checker whose evaluator is
// deliberately broken in the way the check claims to catch, and asserts
// that the check reports it; and runs the same check with the engine's own
// evaluator on the same field, which must report nothing, so the test
// cannot pass by a check that reports everything.

// brokenCase is one deliberately broken evaluator and what the check must
// say about it.
type brokenCase struct {
	why      string
	evaluate LotEvaluator
	// want are fragments that some violation's message must contain.
	want []string
}

// assertCatches runs check with each broken evaluator and with the
// engine's own, over the same field.
func assertCatches(t *testing.T, property string, check func(Checker) func(score.Tender, string, []score.Bid) ([]Violation, error),
	tn score.Tender, bids []score.Bid, cases []brokenCase) {
	t.Helper()
	sound, err := check(Checker{})(tn, "1", bids)
	require.NoError(t, err)
	require.Empty(t, sound, "the engine's own evaluator keeps %s on this field", property)
	for _, tc := range cases {
		t.Run(tc.why, func(t *testing.T) {
			vs, err := check(Checker{Evaluate: tc.evaluate})(tn, "1", bids)
			require.NoError(t, err)
			require.NotEmpty(t, vs, "%s must report the broken evaluator", property)
			var msgs []string
			for _, v := range vs {
				assert.Equal(t, property, v.Property)
				assert.Equal(t, "1", v.Lot)
				msgs = append(msgs, v.Message)
			}
			all := strings.Join(msgs, "\n")
			for _, w := range tc.want {
				assert.Contains(t, all, w)
			}

			// CheckPolicy, given the same evaluator, fails the test for it.
			r := &recorder{}
			rep := Checker{Evaluate: tc.evaluate}.CheckPolicy(r, tn, "1", bids)
			assert.True(t, rep.Has(property), rep.String())
			assert.NotEmpty(t, r.errors, "CheckPolicy fails the test")
		})
	}
}

// mapBids evaluates with the engine after changing a copy of the bids;
// the caller's bids are left as they were.
func mapBids(change func(score.Tender, []score.Bid) []score.Bid) LotEvaluator {
	return func(tn score.Tender, lot string, bids []score.Bid) (score.LotResult, error) {
		cp := make([]score.Bid, len(bids))
		for i, b := range bids {
			cp[i] = cloneBid(b)
		}
		return score.EvaluateLot(tn, lot, change(tn, cp))
	}
}

// TestGateFailureNeverWinsCatches: an evaluator that lets a gate failure
// through must be reported, for the bid that then wins ("still let it
// win") and for the others ("left it in the competition").
func TestGateFailureNeverWinsCatches(t *testing.T) {
	tn := testTender(nil)
	bids := NewField(t, tn, "1", 6, 7).Bids()
	passAll := mapBids(func(_ score.Tender, bs []score.Bid) []score.Bid {
		for _, b := range bs {
			for id := range b.Gates {
				b.Gates[id] = criteria.GateResult{Pass: true, Reason: "broken: every gate passed"}
			}
		}
		return bs
	})
	// The last bid's gate decisions are lost and taken as passed, as a
	// portal that drops the last row of its gate sheet would.
	lastLost := mapBids(func(_ score.Tender, bs []score.Bid) []score.Bid {
		bs[len(bs)-1].Gates = map[string]criteria.GateResult{"g": {Pass: true, Reason: "broken: decision not read"}}
		return bs
	})
	assertCatches(t, GateFailureLoses, func(c Checker) func(score.Tender, string, []score.Bid) ([]Violation, error) {
		return c.CheckGateFailureNeverWins
	}, tn, bids, []brokenCase{
		{"every gate treated as passed", passAll, []string{"failing gate g still let it win", "failing gate g left it in the competition (rank"}},
		{"the last bid's gate decisions lost", lastLost, []string{"failing gate g"}},
	})

	// The living wage gate is failed by withdrawing the commitment; an
	// evaluator that ignores living wage gates is caught there too.
	lw := testTender(nil)
	lot := lw.Lots[0]
	lot.Policy.LivingWageGates = []criteria.LivingWageGate{{Kind: criteria.AwardRequirement, ID: "rlw", Title: "Real Living Wage",
		Region: criteria.London, Rule: criteria.RateImplementBy, MinAccreditation: criteria.WorkingTowards, Source: "fictional policy"}}
	lw.Lots = []score.Lot{lot}
	lwBids := NewField(t, lw, "1", 5, 3).Bids()
	for _, b := range lwBids {
		b.LivingWage.Accreditation = criteria.Accredited
	}
	noLW := func(tn score.Tender, lot string, bids []score.Bid) (score.LotResult, error) {
		l := tn.Lots[0]
		l.Policy.LivingWageGates = nil
		tn.Lots = []score.Lot{l}
		return score.EvaluateLot(tn, lot, bids)
	}
	assertCatches(t, GateFailureLoses, func(c Checker) func(score.Tender, string, []score.Bid) ([]Violation, error) {
		return c.CheckGateFailureNeverWins
	}, lw, lwBids, []brokenCase{
		{"living wage gates ignored", noLW, []string{"withdrawing its living wage commitment"}},
	})
}

// mirrorMarks turns every quality mark upside down on its scale (4 of 4
// becomes 0): a higher mark then scores less.
func mirrorMarks(tn score.Tender, bs []score.Bid) []score.Bid {
	l := tn.Lots[0]
	for _, c := range leaves(l.Policy.Criteria) {
		if c.Quality == nil {
			continue
		}
		top := decimal.Zero
		for _, lv := range c.Quality.Scale.Levels {
			top = decimal.Max(top, lv.Mark)
		}
		for _, b := range bs {
			r := b.Responses[c.ID]
			m := criteria.Marks{Evaluators: slices.Clone(r.Marks.Evaluators)}
			for i := range m.Evaluators {
				m.Evaluators[i].Mark = top.Sub(m.Evaluators[i].Mark)
			}
			if r.Marks.Consensus != nil {
				cn := *r.Marks.Consensus
				cn.Mark = top.Sub(cn.Mark)
				m.Consensus = &cn
			}
			r.Marks = m
			b.Responses[c.ID] = r
		}
	}
	return bs
}

// TestQualityMonotonicityCatches: an evaluator under which a higher mark
// scores less must be reported, with the bid and the question.
func TestQualityMonotonicityCatches(t *testing.T) {
	tn := testTender(nil)
	bids := NewField(t, tn, "1", 6, 11).Bids()
	// Only one bid's marks are read upside down: the break shows on some
	// input, not all.
	oneBid := func(tn score.Tender, lot string, bids []score.Bid) (score.LotResult, error) {
		cp := slices.Clone(bids)
		i := slices.IndexFunc(cp, func(b score.Bid) bool { return b.ID == "B-002" })
		cp[i] = mirrorMarks(tn, []score.Bid{cloneBid(cp[i])})[0]
		return score.EvaluateLot(tn, lot, cp)
	}
	assertCatches(t, QualityMonotonicity, func(c Checker) func(score.Tender, string, []score.Bid) ([]Violation, error) {
		return c.CheckQualityMonotonicity
	}, tn, bids, []brokenCase{
		{"every mark read upside down", mapBids(mirrorMarks), []string{"raising its marks on q one level lowered its total"}},
		{"one bid's marks read upside down", oneBid, []string{"raising its marks on q one level"}},
	})
}

// TestOrderInvarianceCatches: an evaluator whose result depends on the
// order the bids arrive in must be reported, naming the order.
func TestOrderInvarianceCatches(t *testing.T) {
	tn := testTender(nil)
	bids := NewField(t, tn, "1", 5, 2).Bids()
	// The first bid to arrive is given a 10% discount on its price.
	firstDiscounted := mapBids(func(_ score.Tender, bs []score.Bid) []score.Bid {
		r := bs[0].Responses["price"]
		r.Price = scalePrice(r.Price, ninetyPercent)
		bs[0].Responses["price"] = r
		return bs
	})
	// The last bid to arrive is lost.
	lastLost := func(tn score.Tender, lot string, bids []score.Bid) (score.LotResult, error) {
		return score.EvaluateLot(tn, lot, bids[:len(bids)-1])
	}
	assertCatches(t, OrderInvariance, func(c Checker) func(score.Tender, string, []score.Bid) ([]Violation, error) {
		return c.CheckOrderInvariance
	}, tn, bids, []brokenCase{
		{"the first bid to arrive is favoured", firstDiscounted, []string{"the bids in the order B-005, B-004, B-003, B-002, B-001 give a different result"}},
		{"the last bid to arrive is lost", lastLost, []string{"give a different result"}},
	})
}

// TestDeterminismCatches: an evaluator that gives a different result the
// second time must be reported, whether the figures differ or only the
// words.
func TestDeterminismCatches(t *testing.T) {
	tn := testTender(nil)
	bids := NewField(t, tn, "1", 4, 5).Bids()
	// Each evaluator counts its calls and misbehaves on every second one,
	// as a cache that returns a stale entry or a map read in random order
	// would.
	everySecond := func(change func([]score.Bid)) LotEvaluator {
		calls := 0
		return func(tn score.Tender, lot string, bids []score.Bid) (score.LotResult, error) {
			calls++
			cp := make([]score.Bid, len(bids))
			for i, b := range bids {
				cp[i] = cloneBid(b)
			}
			if calls%2 == 0 {
				change(cp)
			}
			return score.EvaluateLot(tn, lot, cp)
		}
	}
	penny := everySecond(func(bs []score.Bid) {
		r := bs[0].Responses["price"]
		a := r.Price.Amount.Add(decimal.New(1, -2))
		r.Price = criteria.Amount(a)
		bs[0].Responses["price"] = r
	})
	words := everySecond(func(bs []score.Bid) {
		r := bs[0].Responses["q"]
		r.Marks.Evaluators = slices.Clone(r.Marks.Evaluators)
		r.Marks.Evaluators[0].Rationale += " (second run)"
		bs[0].Responses["q"] = r
	})
	assertCatches(t, Determinism, func(c Checker) func(score.Tender, string, []score.Bid) ([]Violation, error) {
		return c.CheckDeterminism
	}, tn, bids, []brokenCase{
		{"a penny more on the second run", penny, []string{"evaluating the same bids twice gave different results"}},
		{"the same figures in other words on the second run", words, []string{"evaluating the same bids twice gave different results"}},
	})
}

// TestCheckerUsesItsEvaluator: every check that evaluates does so through
// the Checker's evaluator, never around it, so a council testing its own
// pipeline tests that pipeline; and the zero Checker is the package's own
// functions.
func TestCheckerUsesItsEvaluator(t *testing.T) {
	tn := testTender(nil)
	bids := NewField(t, tn, "1", 4, 8).Bids()
	calls := map[string]int{}
	var current string
	counting := Checker{Evaluate: func(tn score.Tender, lot string, bids []score.Bid) (score.LotResult, error) {
		calls[current]++
		return score.EvaluateLot(tn, lot, bids)
	}}
	checks := map[string]func(score.Tender, string, []score.Bid) ([]Violation, error){
		PriceMonotonicity: counting.CheckPriceMonotonicity, QualityMonotonicity: counting.CheckQualityMonotonicity,
		OrderInvariance: counting.CheckOrderInvariance, GateFailureLoses: counting.CheckGateFailureNeverWins, Determinism: counting.CheckDeterminism,
	}
	for _, name := range slices.Sorted(maps.Keys(checks)) {
		current = name
		vs, err := checks[name](tn, "1", bids)
		require.NoError(t, err)
		assert.Empty(t, vs)
		assert.Positive(t, calls[name], "%s evaluates through the Checker", name)
	}
	r := &recorder{}
	assert.Equal(t, CheckPolicy(r, tn, "1", bids), Checker{}.CheckPolicy(r, tn, "1", bids))
	assert.Empty(t, r.errors)
}
