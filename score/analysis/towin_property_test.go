package analysis_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
)

// TestPriceToWinSaysWhatTheEngineFinds holds the words of each price to
// win to the engine, on random small lots of fictional bids whose social
// value offers a price may move — a £ measure committed as a sum or as a
// percentage of the price, apprenticeship starts, read as they are or as a
// share of the price, relative to the best or in bands — priced relative
// to the lowest or between the lowest and highest, at times under a
// minimum quality score, each bid re-evaluated whole at prices either side
// of the answer:
//
//   - "cannot win on price alone": it wins at none of them;
//   - found, not at an edge ("or less"): it wins at the price and below,
//     and not a penny above, nor at any higher price tried;
//   - found at an edge: it wins at the price and not a penny above.
func TestPriceToWinSaysWhatTheEngineFinds(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) { pricesToWinHold(t, false) })
}

// TestPriceToWinUnderPricePerQualityPointSaysWhatTheEngineFinds holds
// the same under price per quality point, which randomOffersLot draws one
// time in six: there a price cut that raises the bid's own offer to the
// best is a trial that walks the bids that can only fall, and the search
// reads margins where the lowest total wins.
func TestPriceToWinUnderPricePerQualityPointSaysWhatTheEngineFinds(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) { pricesToWinHold(t, true) })
}

// pricesToWinHold draws a lot (randomOffersLot; under price per quality
// point with perPoint) and holds every price to win to the engine.
func pricesToWinHold(t *rapid.T, perPoint bool) {
	tn, bids := randomOffersLotAs(t, perPoint)
	a, err := analysis.Analyse(tn, "L1", bids)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range a.ToWin {
		holdPriceToWin(t, tn, bids, w)
	}
}

// randomOffersLot draws a small lot of fictional bids for the properties
// above: the fixture's price and quality, and a social value criterion
// whose offers a price may move.
func randomOffersLot(t *rapid.T) (score.Tender, []score.Bid) {
	return randomOffersLotAs(t, false)
}

// randomOffersLotAs is randomOffersLot, always under price per quality
// point with perPoint.
func randomOffersLotAs(t *rapid.T, perPoint bool) (score.Tender, []score.Bid) {
	cat := criteria.Catalogue{Name: "a fictional sample", Measures: []criteria.Measure{
		{Code: "FX-SME-01", Description: "Contract spend with small firms", Unit: criteria.UnitPounds, Proxy: d("0.10"), Source: "fictional", Year: 2026},
		{Code: "FX-APPR-01", Description: "Apprenticeship starts", Unit: "apprenticeship start", Proxy: d("2000"), Source: "fictional", Year: 2026}}}
	n := rapid.IntRange(2, 5).Draw(t, "bids")
	var specs []bidSpec
	for i := range n {
		specs = append(specs, bidSpec{fmt.Sprintf("B%d", i), fmt.Sprintf("Bidder %d Ltd", i),
			fmt.Sprint(rapid.IntRange(100, 900).Draw(t, "price") * 1000), int64(rapid.IntRange(0, 4).Draw(t, "q1")),
			int64(rapid.IntRange(0, 4).Draw(t, "q2")), true})
	}
	tn, bids := fixture(rapid.SampledFrom([]criteria.PriceMethod{criteria.Relative, criteria.Linear}).Draw(t, "method"), specs...)
	pw := rapid.IntRange(10, 60).Draw(t, "price weight")
	sw := rapid.IntRange(10, 90-pw).Draw(t, "social value weight")
	pol := &tn.Lots[0].Policy
	pol.Criteria[0].Weight, pol.Criteria[1].Weight = decimal.NewFromInt(int64(pw)), decimal.NewFromInt(int64(100-pw-sw))
	rule := &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-SME-01", "FX-APPR-01"}, Basis: criteria.BasisProxyValue,
		Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}
	if rapid.Bool().Draw(t, "share of price") {
		rule.Per = criteria.ShareOfBidPrice
	}
	if rapid.IntRange(0, 3).Draw(t, "banded") == 0 {
		rule.Method, rule.Bands = criteria.Banded, []criteria.CommitmentBand{{AtLeast: d("500"), Share: d("0.5")}, {AtLeast: d("5000"), Share: d("1")}}
	}
	pol.Criteria = append(pol.Criteria, score.Criterion{ID: "sv", Title: "Social value", Weight: decimal.NewFromInt(int64(sw)), SocialValue: rule})
	if rapid.IntRange(0, 4).Draw(t, "in points") == 0 { // a model published in points, out of 150
		pol.Weighting = score.Points
		for i := range pol.Criteria {
			pol.Criteria[i].Weight = pol.Criteria[i].Weight.Mul(d("1.5"))
		}
	}
	if perPoint || rapid.IntRange(0, 5).Draw(t, "per quality point") == 0 { // the price divides the quality points: it carries no weight
		pol.Basis = score.PricePerQualityPoint
		pol.Criteria[1].Weight = pol.Criteria[1].Weight.Add(pol.Criteria[0].Weight)
		pol.Criteria[0].Weight = decimal.Zero
		pol.Criteria[0].Price.Method = criteria.PerQualityPoint
	}
	if rapid.IntRange(0, 3).Draw(t, "minimum") == 0 { // counting social value: the policy's edge (towin_edge.go)
		m := decimal.NewFromInt(int64(rapid.IntRange(10, 50).Draw(t, "minimum quality")))
		pol.Thresholds.MinQualityPercent = &m
	}
	drawRoundingAndChain(t, pol)
	recorded := slices.ContainsFunc(pol.TieBreaks, func(tb score.TieBreak) bool { return tb.Kind == score.Recorded })
	for i := range bids {
		if recorded && rapid.IntRange(0, 3).Draw(t, "interviewed") > 0 { // some have no score on it: their group stays together
			bids[i].TieBreakScores = map[string]score.RecordedScore{"interview": {Score: decimal.NewFromInt(int64(rapid.IntRange(0, 2).Draw(t, "interview"))), Reason: "panel"}}
		}
		x := decimal.NewFromInt(int64(rapid.IntRange(1, 40).Draw(t, "amount")))
		c := criteria.Commitment{Measure: "FX-SME-01", Percent: &x}
		switch rapid.IntRange(0, 2).Draw(t, "commitment") {
		case 1:
			sum := x.Mul(decimal.NewFromInt(2500))
			c = criteria.Commitment{Measure: "FX-SME-01", Quantity: &sum}
		case 2:
			c = criteria.Commitment{Measure: "FX-APPR-01", Quantity: &x}
		}
		bids[i].Responses["sv"] = score.Response{SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{c}}}
	}
	return tn, bids
}

// drawRoundingAndChain declares, at times, a rounding at each stage (to
// whole points at the coarsest, where a total as shown strays furthest
// from its line) and a tie-break chain drawn from higher quality points,
// higher price points, a lower price and a recorded step (an interview)
// that some bids have no score on.
func drawRoundingAndChain(t *rapid.T, pol *score.Policy) {
	for _, stage := range score.Stages() {
		if rapid.IntRange(0, 3).Draw(t, "round "+string(stage)) == 0 {
			pol.Rounding = append(pol.Rounding, score.RoundingRule{Stage: stage, Places: int32(rapid.IntRange(0, 3).Draw(t, "places")),
				Mode: rapid.SampledFrom(exact.Modes()).Draw(t, "mode")})
		}
	}
	if rapid.Bool().Draw(t, "chain drawn") {
		steps := []score.TieBreak{{Kind: score.HigherPoints, Criterion: "quality"}, {Kind: score.HigherPoints, Criterion: "price"},
			{Kind: score.LowerPrice}, {Kind: score.Recorded, Name: "interview"}}
		pol.TieBreaks = nil
		for _, i := range rapid.Permutation([]int{0, 1, 2, 3}).Draw(t, "chain")[:rapid.IntRange(0, 4).Draw(t, "chain length")] {
			pol.TieBreaks = append(pol.TieBreaks, steps[i])
		}
	}
}

// holdPriceToWin re-evaluates the lot with one bid's price changed, at the
// prices that test what its answer says.
func holdPriceToWin(t *rapid.T, tn score.Tender, bids []score.Bid, w analysis.ToWin) {
	wins := func(p decimal.Decimal) bool {
		res, err := score.Evaluate(tn, responding(bids, w.BidID, map[string]score.Response{"price": {Price: criteria.Amount(p)}}))
		if err != nil {
			t.Fatalf("%s at %s: %v", w.BidID, p, err)
		}
		return res.Lots[0].Winner == w.BidID
	}
	scaled := func(p decimal.Decimal, f string) decimal.Decimal { return p.Mul(d(f)).Round(2) }
	penny := d("0.01")
	p := w.Price
	switch {
	case p.Answer == analysis.CannotWin:
		for _, f := range []string{"0.25", "0.5", "0.9", "1.1", "1.5", "3"} {
			if q := scaled(p.Current, f); wins(q) {
				t.Fatalf("%s is told it cannot win on price, and wins at %s: %s", w.BidID, q, p.Explanation())
			}
		}
	case p.Answer == analysis.Found:
		if !wins(p.Price) || wins(p.Price.Add(penny)) {
			t.Fatalf("%s: the answer %s is not an edge of winning: %s", w.BidID, p.Price, p.Explanation())
		}
		if p.Edge {
			return
		}
		for _, f := range []string{"0.5", "0.9"} {
			if q := scaled(p.Price, f); q.IsPositive() && !wins(q) {
				t.Fatalf("%s would win at %s or less, and does not at %s: %s", w.BidID, p.Price, q, p.Explanation())
			}
		}
		for _, f := range []string{"1.1", "2"} {
			if q := scaled(p.Current, f); wins(q) {
				t.Fatalf("%s would win at %s or less, and wins at %s: %s", w.BidID, p.Price, q, p.Explanation())
			}
		}
	}
}
