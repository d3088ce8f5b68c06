package score_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/internal/bigpath"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// fbAmount draws an amount an input may hold: pence, whole pounds, or up to
// fifteen digits of pounds with ten decimal places, whose coefficient (25
// digits) no int64 holds and whose products overflow one at once.
func fbAmount(t *rapid.T, label string) decimal.Decimal {
	switch rapid.IntRange(0, 2).Draw(t, label+".size") {
	case 0:
		return decimal.New(rapid.Int64Range(1, 100_000_000).Draw(t, label+".pence"), -2)
	case 1:
		return decimal.NewFromInt(rapid.Int64Range(1, 999_999_999_999_999).Draw(t, label+".pounds"))
	}
	s := rapid.StringMatching(`[1-9][0-9]{0,14}\.[0-9]{1,9}[1-9]`).Draw(t, label+".long")
	return decimal.RequireFromString(s)
}

// fbWeight draws a weight in points: whole, or with decimals that make each
// share of the marks a fraction that never ends.
func fbWeight(t *rapid.T, label string) decimal.Decimal {
	if rapid.Bool().Draw(t, label+".whole") {
		return decimal.NewFromInt(rapid.Int64Range(1, 97).Draw(t, label))
	}
	return decimal.RequireFromString(rapid.StringMatching(`[1-9][0-9]{0,4}\.[0-9]{0,5}[1-9]`).Draw(t, label+".decimals"))
}

var fbModes = []exact.Mode{exact.HalfUp, exact.HalfEven, exact.Down, exact.Up, exact.Ceiling, exact.Floor}

// fbTender draws a policy: a price criterion by any method (with or without
// a maximum budget), weights in points, two to four quality questions on a
// scale of large marks, marked by consensus or by the mean of several
// evaluators, rounding at any stages, and sometimes price per quality point.
func fbTender(t *rapid.T) score.Tender {
	ppqp := rapid.IntRange(0, 4).Draw(t, "ppqp") == 0
	var rule criteria.PriceRule
	if ppqp {
		rule.Method = criteria.PerQualityPoint
	} else {
		rule.Method = rapid.SampledFrom([]criteria.PriceMethod{criteria.Relative, criteria.Linear, criteria.Band, criteria.Deduction}).Draw(t, "method")
	}
	switch rule.Method {
	case criteria.Band:
		rule.Floor = fbAmount(t, "floor")
		rule.Ceiling = rule.Floor.Add(fbAmount(t, "width"))
	case criteria.Deduction:
		rule.Rate = decimal.New(rapid.Int64Range(1, 3000).Draw(t, "rate"), -3)
	}
	if rapid.IntRange(0, 3).Draw(t, "budget") == 0 {
		rule.MaxBudget = fbAmount(t, "maxBudget")
		rule.OverBudget = rapid.SampledFrom([]criteria.OverBudget{criteria.DisqualifyOverBudget, criteria.ScoreZeroOverBudget}).Draw(t, "overBudget")
	}
	price := score.Criterion{ID: "price", Title: "Price", Weight: fbWeight(t, "wPrice"), Price: &rule}
	if ppqp {
		price.Weight = decimal.Zero
	}
	top := rapid.Int64Range(6, 1_000_000_007).Draw(t, "topMark")
	scale := criteria.NewScale("drawn", criteria.Level{Mark: decimal.Zero}, criteria.Level{Mark: decimal.NewFromInt(top / 3)},
		criteria.Level{Mark: decimal.NewFromInt(top/3 + 1)}, criteria.Level{Mark: decimal.NewFromInt(top)})
	var qs []score.Criterion
	for i := range rapid.IntRange(2, 4).Draw(t, "questions") {
		mod := rapid.SampledFrom([]criteria.Moderation{criteria.ConsensusMark, criteria.MeanMark}).Draw(t, "moderation")
		qs = append(qs, score.Criterion{ID: fmt.Sprintf("q%d", i), Title: fmt.Sprintf("Question %d", i), Weight: fbWeight(t, "wq"),
			Quality: &criteria.QualityRule{Scale: scale, Moderation: mod}})
	}
	p := score.Policy{Weighting: score.Points, Criteria: []score.Criterion{price,
		{ID: "quality", Title: "Quality", Weight: fbWeight(t, "wQuality"), Children: qs}},
		TieBreaks: []score.TieBreak{{Kind: score.HigherPoints, Criterion: "quality"}, {Kind: score.LowerPrice}}}
	if ppqp {
		p.Basis = score.PricePerQualityPoint
	}
	for _, st := range score.Stages() {
		if rapid.Bool().Draw(t, "round."+string(st)) {
			p.Rounding = append(p.Rounding, score.RoundingRule{Stage: st, Places: int32(rapid.IntRange(0, exact.MaxPlaces).Draw(t, "places")),
				Mode: rapid.SampledFrom(fbModes).Draw(t, "mode")})
		}
	}
	return tenderOf(lotOf(p))
}

func fbBids(t *rapid.T, tn score.Tender) []score.Bid {
	pol := tn.Lots[0].Policy
	scale := pol.Criteria[1].Children[0].Quality.Scale
	var bids []score.Bid
	for i := range rapid.IntRange(1, 6).Draw(t, "bids") {
		id := fmt.Sprintf("B%d", i)
		rs := map[string]score.Response{"price": {Price: criteria.Amount(fbAmount(t, "price"+id))}}
		for _, q := range pol.Criteria[1].Children {
			var m criteria.Marks
			for e := range rapid.IntRange(1, 3).Draw(t, "evaluators") {
				mark := rapid.SampledFrom(scale.Levels).Draw(t, "mark").Mark
				m.Evaluators = append(m.Evaluators, criteria.EvaluatorMark{Evaluator: fmt.Sprintf("E%d", e), Mark: mark, Rationale: "seen"})
			}
			if q.Quality.Moderation == criteria.ConsensusMark {
				m.Consensus = &criteria.Consensus{Mark: rapid.SampledFrom(scale.Levels).Draw(t, "consensus").Mark, Rationale: "agreed"}
			}
			rs[q.ID] = score.Response{Marks: m}
		}
		bids = append(bids, score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1", Responses: rs})
	}
	return bids
}

// everything renders a result whole: its JSON (every figure exact, as
// decimals or fractions) and its text (every line of every bid's working).
func everything(t *rapid.T, r score.Result) []byte {
	var b bytes.Buffer
	if err := report.JSON(&b, r); err != nil {
		t.Fatalf("json: %v", err)
	}
	if err := report.Text(&b, r); err != nil {
		t.Fatalf("text: %v", err)
	}
	return b.Bytes()
}

// TestFastAndBigPathsEvaluateAlike evaluates random policies and bids —
// amounts up to fifteen digits of pounds with ten decimal places, marks up
// to a billion, weights whose shares never end, rounding at any stage in
// any mode — once as the library runs (machine integers, big numbers on
// overflow) and once with the big-number path forced for every operation,
// and requires the same result to the byte.
func TestFastAndBigPathsEvaluateAlike(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tn := fbTender(t)
		bids := fbBids(t, tn)
		fast, err := score.Evaluate(tn, bids)
		if err != nil {
			t.Skipf("not a valid draw: %v", err) // e.g. a band floor drawn as large as its ceiling
		}
		restore := bigpath.Force()
		big, err := score.Evaluate(tn, bids)
		bigOut := []byte(nil)
		if err == nil {
			bigOut = everything(t, big)
		}
		restore()
		if err != nil {
			t.Fatalf("the big path refused what the fast path took: %v", err)
		}
		if fastOut := everything(t, fast); !bytes.Equal(fastOut, bigOut) {
			t.Fatalf("fast and big paths differ:\nfast:\n%s\nbig:\n%s", fastOut, bigOut)
		}
	})
}
