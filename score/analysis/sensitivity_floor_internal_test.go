package analysis

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// coarseLot draws a lot whose weight shifts are read through the coarsest
// rounding: three weighted top-level criteria (price, quality, social
// value), so six moves of weight, each rounded to whole points at every
// stage in any mode, over a few bids priced and marked close together.
// A total as shown is then up to a point or more from its line, and a
// rival's answer can lie well below its break-even: where the floor the
// weight sensitivity confirms pairs from is tested against its bound.
func coarseLot(t *rapid.T, cat criteria.Catalogue) (score.Tender, []score.Bid) {
	w := func(lo, hi int64, label string) decimal.Decimal {
		return decimal.NewFromInt(rapid.Int64Range(lo, hi).Draw(t, label))
	}
	q := func(id string) score.Criterion {
		return score.Criterion{ID: id, Title: "Question " + id, Weight: decimal.NewFromInt(50),
			Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
	}
	wp, wsv := w(20, 50, "wPrice"), w(5, 30, "wSV")
	p := score.Policy{Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Weight: wp, Price: &criteria.PriceRule{Method: criteria.Relative}},
		{ID: "quality", Title: "Quality", Weight: decimal.NewFromInt(100).Sub(wp).Sub(wsv), Children: []score.Criterion{q("q1"), q("q2")}},
		{ID: "appr", Title: "Apprenticeships", Weight: wsv, SocialValue: &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-APPR-01"},
			Basis: criteria.BasisQuantity, Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}},
	}}
	for _, stage := range score.Stages() {
		if stage == score.Total || rapid.Bool().Draw(t, "round "+string(stage)) {
			p.Rounding = append(p.Rounding, score.RoundingRule{Stage: stage, Places: 0, Mode: rapid.SampledFrom(exact.Modes()).Draw(t, "mode "+string(stage))})
		}
	}
	tn := refTender(p)
	mark := func(label string) score.Response {
		v := decimal.NewFromInt(rapid.Int64Range(2, 4).Draw(t, label))
		return score.Response{Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: v}}, Consensus: &criteria.Consensus{Mark: v, Rationale: "agreed"}}}
	}
	var bids []score.Bid
	for i := range rapid.IntRange(2, 6).Draw(t, "bids") {
		id := fmt.Sprintf("B%d", i)
		n := decimal.NewFromInt(rapid.Int64Range(1, 6).Draw(t, "starts"))
		bids = append(bids, score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1", Responses: map[string]score.Response{
			"price": {Price: criteria.Amount(decimal.NewFromInt(rapid.Int64Range(9000, 11000).Draw(t, "price") * 10))},
			"q1":    mark("q1"), "q2": mark("q2"),
			"appr": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &n}}}},
		}})
	}
	return tn, bids
}

// TestSensitivityFloorsUnderCoarseRounding: the smallest shift of weight
// found asking each rival's pairs of criteria from their floors (where the
// rounding could first show the rival above the winner,
// score.Trials.ShiftWindow), and skipping a pair whose floor is above the
// best answer, is the one found asking every pair from 0.01 (the
// reference, its checks evaluations of the lot whole), on lots rounded to
// whole points at every stage, where a rival's answer can be a point or
// more below its break-even.
func TestSensitivityFloorsUnderCoarseRounding(t *testing.T) {
	cat := refCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		tn, bids := coarseLot(t, cat)
		f, err := newField(tn, "L1", bids)
		require.NoError(t, err)
		g, err := newField(tn, "L1", bids)
		require.NoError(t, err)
		g.reference = true
		got, err := f.sensitivity()
		require.NoError(t, err)
		want, err := g.sensitivity()
		require.NoError(t, err)
		if a, b := describe(got), describe(want); a != b {
			t.Fatalf("sensitivity:\nfloors %s\nevery pair %s", a, b)
		}
	})
}

// TestMayReachIsSound: the bound the weight sensitivity skips pairs by,
// read from the totals and points as shown (mayReach), never skips one
// whose window, read from the lines before rounding
// (score.Trials.ShiftWindow), is open within the weight there is to move,
// on lots rounded to whole points at every stage (coarseLot) and on the
// reference's lots. With the margin at zero it fails within a few hundred
// checks.
func TestMayReachIsSound(t *testing.T) {
	cat := refCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		tn, bids := coarseLot(t, cat)
		if rapid.Bool().Draw(t, "reference lot") {
			tn, bids = refLot(t, cat)
		}
		f, err := newField(tn, "L1", bids)
		require.NoError(t, err)
		if f.base.Outcome != score.Winner {
			return
		}
		ss := f.shiftSearch()
		if ss.pol.Basis == score.PricePerQualityPoint || ss.pol.Basis == score.AdjustedPrice {
			return
		}
		for _, st := range f.base.Standings {
			if st.BidID == ss.w {
				continue
			}
			rr, _ := f.result(st.BidID)
			for fi, from := range ss.tops {
				for ti, to := range ss.tops {
					if fi == ti {
						continue
					}
					dR := ss.share(rr, to.i, to.avail).Sub(ss.share(rr, from.i, from.avail))
					lo, _, could, err := f.tr.ShiftWindow(from.c.ID, to.c.ID, st.BidID, ss.w)
					require.NoError(t, err)
					if could && exact.Whole(lo).Cmp(from.limit) <= 0 && !ss.mayReach(rr, dR, from, to) {
						t.Fatalf("%s against %s, %s → %s: the window opens at %s, within %s, but mayReach says it cannot", st.BidID, ss.w, from.c.ID, to.c.ID, lo, from.limit)
					}
				}
			}
		}
	})
}
