package score_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// trPolicy draws a policy of every shape a trial must follow: a price by
// any method, at the top level or under a commercial branch beside a
// question, with or without a maximum budget of either kind, or price per
// quality point; two marked questions by consensus or the mean; sometimes
// social value relative to the best offer; weights as percentages at each
// level, of the total, or as points; rounding at any stages in any mode;
// sometimes thresholds; a tie-break chain of any order.
func trPolicy(t *rapid.T, cat criteria.Catalogue, shape trShape) score.Policy {
	ppqp := shape.perQualityPoint || rapid.IntRange(0, 5).Draw(t, "ppqp") == 0
	rule := criteria.PriceRule{Method: criteria.PerQualityPoint}
	if !ppqp {
		rule.Method = rapid.SampledFrom([]criteria.PriceMethod{criteria.Relative, criteria.Linear, criteria.Band, criteria.Deduction}).Draw(t, "method")
	}
	switch rule.Method {
	case criteria.Band:
		rule.Floor, rule.Ceiling = dec("30000"), dec("90000")
	case criteria.Deduction:
		rule.Rate = decimal.New(rapid.Int64Range(25, 300).Draw(t, "rate"), -2)
	}
	if rapid.IntRange(0, 2).Draw(t, "budget") == 0 {
		rule.MaxBudget = dec("80000")
		rule.OverBudget = rapid.SampledFrom([]criteria.OverBudget{criteria.DisqualifyOverBudget, criteria.ScoreZeroOverBudget}).Draw(t, "overBudget")
	}
	mod := rapid.SampledFrom([]criteria.Moderation{criteria.ConsensusMark, criteria.MeanMark}).Draw(t, "moderation")
	q := func(id string, w int64) score.Criterion {
		return score.Criterion{ID: id, Title: "Question " + id, Weight: decimal.NewFromInt(w), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: mod}}
	}
	weighting := rapid.SampledFrom([]score.Weighting{score.PercentEachLevel, score.PercentOfTotal, score.Points}).Draw(t, "weighting")
	wp := rapid.Int64Range(10, 70).Draw(t, "wPrice")
	wsv := int64(0)
	sv := shape.shareOfPrice || shape.thresholds || rapid.IntRange(0, 3).Draw(t, "sv") == 0
	if sv {
		wsv = rapid.Int64Range(5, min(50, 90-wp)).Draw(t, "wSV") // at times outweighing price: an offer that falls with it can outweigh its price points
	}
	wq := 100 - wp - wsv
	if ppqp { // the price divides the quality points, social value among them
		wp, wq = 0, 100-wsv
	}
	s1 := rapid.Int64Range(10, 90).Draw(t, "share1")
	children := func(total int64) (int64, int64) { // two shares of a parent as the weighting reads them
		if weighting == score.PercentOfTotal {
			a := max(1, total*s1/100)
			return a, total - a
		}
		return s1, 100 - s1
	}
	q1, q2 := children(wq)
	price := score.Criterion{ID: "price", Title: "Price", Weight: decimal.NewFromInt(wp), Price: &rule}
	top := price
	if !ppqp && rapid.IntRange(0, 3).Draw(t, "commercial") == 0 {
		pw, qw := children(wp)
		price.Weight = decimal.NewFromInt(pw)
		top = score.Criterion{ID: "commercial", Title: "Commercial", Weight: decimal.NewFromInt(wp), Children: []score.Criterion{price, q("q3", qw)}}
	}
	p := score.Policy{Weighting: weighting, Criteria: []score.Criterion{top,
		{ID: "quality", Title: "Quality", Weight: decimal.NewFromInt(wq), Children: []score.Criterion{q("q1", q1), q("q2", q2)}}}}
	if sv {
		rule := &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisQuantity,
			Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}
		if shape.shareOfPrice || rapid.Bool().Draw(t, "svShareOfPrice") { // the offer moves with the bid's price (Trials.svAtPrice)
			rule.Basis, rule.Per = criteria.BasisProxyValue, criteria.ShareOfBidPrice
			if rapid.IntRange(0, 3).Draw(t, "svBanded") == 0 {
				rule.Method, rule.Bands = criteria.Banded, []criteria.CommitmentBand{{AtLeast: dec("0.05"), Share: dec("0.5")}, {AtLeast: dec("0.15"), Share: dec("1")}}
			}
		}
		if rapid.IntRange(0, 2).Draw(t, "svPounds") == 0 { // spend, which a bid may commit as a percentage of its price
			rule.Measures, rule.Basis = append(rule.Measures, "FX-SUPP-02"), criteria.BasisProxyValue
		}
		if rapid.IntRange(0, 3).Draw(t, "svSplit") == 0 {
			rule.Split = &criteria.Split{Quantitative: dec("70"), Qualitative: dec("30")}
			rule.MethodStatement = &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
		}
		p.Criteria = append(p.Criteria, score.Criterion{ID: "appr", Title: "Apprenticeships", Weight: decimal.NewFromInt(wsv), SocialValue: rule})
	}
	if ppqp {
		p.Basis = score.PricePerQualityPoint
	}
	for _, stage := range score.Stages() {
		if rapid.IntRange(0, 2).Draw(t, "round "+string(stage)) == 0 {
			p.Rounding = append(p.Rounding, score.RoundingRule{Stage: stage, Places: int32(rapid.IntRange(0, 3).Draw(t, "places")),
				Mode: rapid.SampledFrom(exact.Modes()).Draw(t, "mode")})
		}
	}
	kind := -1 // under shape.thresholds, the kind of minimum always set
	if shape.thresholds {
		kind = rapid.IntRange(0, 2).Draw(t, "minimum")
	}
	if kind == 0 || rapid.IntRange(0, 3).Draw(t, "minQuality") == 0 {
		m := decimal.NewFromInt(rapid.Int64Range(20, 60).Draw(t, "minQualityPercent"))
		p.Thresholds.MinQualityPercent = &m
	}
	if kind == 1 || rapid.IntRange(0, 4).Draw(t, "minPercent") == 0 {
		m := decimal.NewFromInt(25)
		p.Criteria[1].Children[0].MinPercent = &m
	}
	if len(p.Criteria) > 2 && (kind == 2 || rapid.IntRange(0, 4).Draw(t, "svMinPercent") == 0) { // a minimum on the social value itself
		m := decimal.NewFromInt(20)
		p.Criteria[2].MinPercent = &m
	}
	if p.Thresholds.MinQualityPercent != nil && rapid.Bool().Draw(t, "qualityOnly") { // social value not counted as quality
		p.Thresholds.QualityCriteria = []string{p.Criteria[1].ID}
	}
	// a recorded step (an interview, say) that some bids have no score on
	// holds their whole group together: a trial reads the group then
	steps := []score.TieBreak{{Kind: score.HigherPoints, Criterion: "quality"}, {Kind: score.HigherPoints, Criterion: "price"}, {Kind: score.LowerPrice},
		{Kind: score.Recorded, Name: "interview"}}
	for _, i := range rapid.Permutation([]int{0, 1, 2, 3}).Draw(t, "chain")[:rapid.IntRange(0, 4).Draw(t, "chainLength")] {
		p.TieBreaks = append(p.TieBreaks, steps[i])
	}
	return p
}

// trMarks draws a question's marks on the 0–4 scale.
func trMarks(t *rapid.T, mod criteria.Moderation, label string) criteria.Marks {
	m := func(l string) decimal.Decimal { return decimal.NewFromInt(rapid.Int64Range(0, 4).Draw(t, l)) }
	if mod == criteria.MeanMark {
		return criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: m(label + ".e1"), Rationale: "seen"}, {Evaluator: "E2", Mark: m(label + ".e2"), Rationale: "seen"}}}
	}
	v := m(label)
	return criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: v}}, Consensus: &criteria.Consensus{Mark: v, Rationale: "agreed"}}
}

// trPrice draws a price: often one already in the field, sometimes in
// pence, around the band and the budget.
func trPrice(t *rapid.T, prices []decimal.Decimal, label string) decimal.Decimal {
	if len(prices) > 0 && rapid.IntRange(0, 2).Draw(t, label+".repeat") == 0 {
		return rapid.SampledFrom(prices).Draw(t, label+".of")
	}
	if rapid.IntRange(0, 5).Draw(t, label+".far") == 0 { // far below the rest: the lowest by a street
		return decimal.New(rapid.Int64Range(100_00, 2000_00).Draw(t, label+".farPence"), -2)
	}
	return decimal.New(rapid.Int64Range(2000_00, 12000_00).Draw(t, label+".pence"), -2).Mul(decimal.NewFromInt(10))
}

// trLot draws a tender of one lot under trPolicy and its bids; sometimes a
// price adjusted by features instead (ProZorro's fixtures), with each bid's
// chosen values.
func trLot(t *rapid.T, cat criteria.Catalogue, shape trShape) (score.Tender, []score.Bid) {
	if shape == (trShape{}) && rapid.IntRange(0, 7).Draw(t, "adjusted") == 0 {
		tn := tenderOf(lotOf(adjustedPolicy()))
		if rapid.Bool().Draw(t, "adjusted.rounded") {
			tn.Lots[0].Policy.Rounding = []score.RoundingRule{{Stage: score.Total, Places: 2, Mode: exact.HalfUp}}
		}
		var bids []score.Bid
		for i := range rapid.IntRange(1, 6).Draw(t, "bids") {
			id := fmt.Sprintf("B%d", i)
			bids = append(bids, featureBid(id, "Supplier "+id, rapid.SampledFrom([]string{"469", "479", "400", "500.50"}).Draw(t, "price"),
				rapid.SampledFrom([]string{"0.1", "0.15"}).Draw(t, "air"), rapid.SampledFrom([]string{"0.05", "0.1", "0.15"}).Draw(t, "years")))
		}
		return tn, bids
	}
	p := trPolicy(t, cat, shape)
	tn := score.Tender{ID: "T", Title: "T", Commenced: date.On(2026, 4, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots:      []score.Lot{{ID: "L1", Title: "Lot", EstimatedValue: dec("900000"), TermMonths: 12, Policy: p}}}
	mod := p.Criteria[1].Children[0].Quality.Moderation
	var bids []score.Bid
	var prices []decimal.Decimal
	for i := range rapid.IntRange(1, 7).Draw(t, "bids") {
		pr := trPrice(t, prices, "price")
		prices = append(prices, pr)
		id := fmt.Sprintf("B%d", i)
		rs := map[string]score.Response{"price": {Price: criteria.Amount(pr)}, "q1": {Marks: trMarks(t, mod, "q1")}, "q2": {Marks: trMarks(t, mod, "q2")}}
		if p.Criteria[0].ID == "commercial" {
			rs["q3"] = score.Response{Marks: trMarks(t, mod, "q3")}
		}
		if len(p.Criteria) > 2 {
			n := decimal.NewFromInt(rapid.Int64Range(0, 6).Draw(t, "starts"))
			r := criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &n}}}
			if slices.Contains(p.Criteria[2].SocialValue.Measures, "FX-SUPP-02") {
				x := decimal.NewFromInt(rapid.Int64Range(0, 20).Draw(t, "spend"))
				switch rapid.IntRange(0, 2).Draw(t, "spendAs") {
				case 0: // a percentage of the price: the offer falls with it (Trials.OfferFallsWithPrice)
					r.Commitments = append(r.Commitments, criteria.Commitment{Measure: "FX-SUPP-02", Percent: &x})
				case 1:
					sum := x.Mul(decimal.NewFromInt(2000))
					r.Commitments = append(r.Commitments, criteria.Commitment{Measure: "FX-SUPP-02", Quantity: &sum})
				}
			}
			if p.Criteria[2].SocialValue.Split != nil {
				m := trMarks(t, criteria.ConsensusMark, "method statement")
				r.MethodStatement = &m
			}
			rs["appr"] = score.Response{SocialValue: r}
		}
		b := score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1", Responses: rs}
		if slices.ContainsFunc(p.TieBreaks, func(tb score.TieBreak) bool { return tb.Kind == score.Recorded }) && rapid.IntRange(0, 3).Draw(t, "interviewed") > 0 {
			b.TieBreakScores = map[string]score.RecordedScore{"interview": {Score: decimal.NewFromInt(rapid.Int64Range(0, 2).Draw(t, "interview")), Reason: "panel"}}
		}
		bids = append(bids, b)
	}
	return tn, bids
}

// trPrepared draws a lot as trLot does and prepares it, with its trials.
func trPrepared(t *rapid.T, cat criteria.Catalogue) (score.Tender, []score.Bid, *score.Prepared, *score.Trials) {
	return trPreparedAs(t, cat, trShape{})
}

// trShape narrows what trLot draws: a lot of the shape named, always; the
// zero shape, any lot.
type trShape struct {
	perQualityPoint bool // the price divided by the quality points
	shareOfPrice    bool // social value relative to the best offer, read as a share of the bid's price
	thresholds      bool // social value weighted beside quality, and a minimum score of at least one kind
}

// trPreparedAs is trPrepared, drawing a lot of the shape given.
func trPreparedAs(t *rapid.T, cat criteria.Catalogue, shape trShape) (score.Tender, []score.Bid, *score.Prepared, *score.Trials) {
	tn, bids := trLot(t, cat, shape)
	p, err := score.Prepare(tn, bids)
	require.NoError(t, err)
	trials, ok := p.Trials("L1")
	require.True(t, ok)
	return tn, bids, p, trials
}

// trSame fails unless a trial found what evaluating the changed lot whole
// found: outcome, winner, every bid's total as shown, and every order of
// two bids.
func trSame(t *rapid.T, what string, tr score.Trial, want score.LotResult) {
	if tr.Outcome != want.Outcome || tr.Winner != want.Winner {
		t.Fatalf("%s: trial %s, evaluated %s %s", what, tr, want.Outcome, want.Winner)
	}
	rank := map[string]int{}
	for _, s := range want.Standings {
		rank[s.BidID] = s.Rank
	}
	for _, b := range want.Bids {
		got, ok := tr.Total(b.BidID)
		if ok != b.Total.Scored || (ok && (!got.Value.Equal(b.Total.Points.Value) || got.Places != b.Total.Points.Places)) {
			t.Fatalf("%s: %s's total in the trial %v %v, evaluated %v %v", what, b.BidID, got, ok, b.Total.Points, b.Total.Scored)
		}
		for _, o := range want.Bids {
			ra, okA := rank[b.BidID]
			rb, okB := rank[o.BidID]
			if w := okA && (!okB || ra < rb); tr.Outranks(b.BidID, o.BidID) != w {
				t.Fatalf("%s: trial says %s outranks %s: %v; evaluated ranks %d, %d", what, b.BidID, o.BidID, !w, ra, rb)
			}
		}
	}
}

func withResponse(b score.Bid, id string, r score.Response) score.Bid {
	rs := map[string]score.Response{}
	for k, v := range b.Responses {
		rs[k] = v
	}
	rs[id] = r
	b.Responses = rs
	return b
}

// TestTrialsAreEvaluations checks that a trial of a new price, new marks
// or a shift of weight finds what evaluating the changed tender finds, on
// random lots of every shape trPolicy draws.
func TestTrialsAreEvaluations(t *testing.T) {
	cat := sampleCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		tn, bids, p, trials := trPrepared(t, cat)
		pol := tn.Lots[0].Policy
		var prices []decimal.Decimal
		for _, b := range bids {
			prices = append(prices, *b.Responses["price"].Price.Amount)
		}
		for _, b := range bids {
			trPriceSame(t, p, trials, bids, b, prices)
			if pol.Basis == score.AdjustedPrice {
				continue // no marked question
			}

			mod := pol.Criteria[1].Children[0].Quality.Moderation
			marks := map[string]criteria.Marks{"q1": trMarks(t, mod, "new q1")}
			if rapid.Bool().Draw(t, "both") {
				marks["q2"] = trMarks(t, mod, "new q2")
			}
			tr, err := trials.WithMarks(b.ID, marks)
			require.NoError(t, err)
			nb := b
			for id, m := range marks {
				nb = withResponse(nb, id, score.Response{Marks: m})
			}
			q, err := p.WithBid(nb)
			require.NoError(t, err)
			want, _ := q.EvaluateLot("L1")
			trSame(t, fmt.Sprintf("%s with new marks", b.ID), tr, want)
			if rapid.Bool().Draw(t, "release") { // some kept, some given back, as an analysis does
				trReleased(t, tr, bids)
			}
		}
		trShiftSame(t, tn, p, trials)
	})
}

// trShiftSame draws a shift of weight, when the lot has one, and fails
// unless its trial, and ShiftOutranks of every ordered pair of bids, say
// what evaluating the shifted lot whole says.
func trShiftSame(t *rapid.T, tn score.Tender, p *score.Prepared, trials *score.Trials) {
	pol := tn.Lots[0].Policy
	from, to, most, ok := drawShift(t, trials, pol)
	if !ok {
		return
	}
	d := decimal.New(rapid.Int64Range(1, most).Draw(t, "shift"), -2)
	tr, err := trials.WithWeightShift(pol.Criteria[from].ID, pol.Criteria[to].ID, d)
	require.NoError(t, err)
	q, err := p.WithLot(shifted(tn.Lots[0], from, to, d))
	require.NoError(t, err)
	want, _ := q.EvaluateLot("L1")
	what := fmt.Sprintf("%s points from %s to %s", d, pol.Criteria[from].ID, pol.Criteria[to].ID)
	trSame(t, what, tr, want)
	rank := map[string]int{}
	for _, s := range want.Standings {
		rank[s.BidID] = s.Rank
	}
	for _, a := range want.Bids { // ShiftOutranks, asking of two bids only, says what the lot evaluated whole says
		for _, b := range want.Bids {
			got, err := trials.ShiftOutranks(pol.Criteria[from].ID, pol.Criteria[to].ID, d, a.BidID, b.BidID)
			require.NoError(t, err)
			ra, okA := rank[a.BidID]
			rb, okB := rank[b.BidID]
			if w := okA && (!okB || ra < rb); got != w {
				t.Fatalf("%s: ShiftOutranks says %s outranks %s: %v; evaluated ranks %d, %d", what, a.BidID, b.BidID, got, ra, rb)
			}
			if okA && okB && ra < rb && windowHolds(pol, trials.Result(), want, a.BidID) {
				trInWindow(t, trials, pol, from, to, d, a.BidID, b.BidID)
			}
		}
	}
}

// windowHolds reports whether two bids' window of shifts holds at a shift
// whose evaluation is at: under price per quality point always (no bid
// crossing a minimum moves another's ratio); under weighted points when
// no bid but a stands otherwise at the thresholds than as evaluated, and a
// joins without moving a figure if it crossed.
func windowHolds(pol score.Policy, base, at score.LotResult, a string) bool {
	switch pol.Basis {
	case score.PricePerQualityPoint:
		return true
	case score.AdjustedPrice:
		return false
	}
	in := map[string]bool{}
	for _, s := range base.Standings {
		in[s.BidID] = true
	}
	for _, s := range at.Standings {
		if !in[s.BidID] && s.BidID != a {
			return false
		}
		delete(in, s.BidID)
	}
	return len(in) == 0
}

// trInWindow fails unless shift d, at which a ranks above b and both are
// ranked, is within the two bids' window (Trials.ShiftWindow): it holds
// for a bid below a minimum as evaluated that joins without moving a
// figure too (Trials.JoinsWithoutMoving; the window is every shift for
// one that does).
func trInWindow(t *rapid.T, trials *score.Trials, pol score.Policy, from, to int, d decimal.Decimal, a, b string) {
	lo, hi, ok, err := trials.ShiftWindow(pol.Criteria[from].ID, pol.Criteria[to].ID, a, b)
	require.NoError(t, err)
	if !ok || d.LessThan(lo) || d.GreaterThan(hi) {
		t.Fatalf("%s points from %s to %s: %s ranks above %s, outside their window %s–%s (%v)", d, pol.Criteria[from].ID, pol.Criteria[to].ID, a, b, lo, hi, ok)
	}
}

// TestShiftsUnderPricePerQualityPointAreEvaluations holds shifts of
// weight to evaluations under price per quality point, where each bid's
// ratio is its own: a trial re-scores the bids it reads, and
// ShiftOutranks reads two bids' ratios from their quality points in
// machine integers (trial_weights_ratio.go).
func TestShiftsUnderPricePerQualityPointAreEvaluations(t *testing.T) {
	shiftsHold(t, trShape{perQualityPoint: true})
}

// shiftsHold draws lots of the shape given and holds three shifts of
// weight on each to evaluations (trShiftSame).
func shiftsHold(t *testing.T, shape trShape) {
	cat := sampleCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		tn, _, p, trials := trPreparedAs(t, cat, shape)
		for range 3 {
			trShiftSame(t, tn, p, trials)
		}
	})
}

// trPriceSame draws a new price for bid b and fails unless a trial of it
// finds what evaluating the changed lot whole finds.
func trPriceSame(t *rapid.T, p *score.Prepared, trials *score.Trials, bids []score.Bid, b score.Bid, prices []decimal.Decimal) {
	np := trPrice(t, prices, "new price")
	tr, err := trials.WithPrice(b.ID, "price", np)
	require.NoError(t, err)
	q, err := p.WithBid(withResponse(b, "price", score.Response{Price: criteria.Amount(np)}))
	require.NoError(t, err)
	want, _ := q.EvaluateLot("L1")
	trSame(t, fmt.Sprintf("%s at %s", b.ID, np), tr, want)
	trReleased(t, tr, bids) // its storage is used again by the trials after it
}

// TestShiftsUnderPricePerQualityPointWithMinimumsAreEvaluations holds
// shifts of weight to evaluations under price per quality point with a
// minimum score always set: a shift takes bids across it, which leave or
// join, and no other bid's figures move (trial_weights_flips.go). The
// general properties draw this shape about one time in a hundred.
func TestShiftsUnderPricePerQualityPointWithMinimumsAreEvaluations(t *testing.T) {
	shiftsHold(t, trShape{perQualityPoint: true, thresholds: true})
}

// TestShiftsWithMinimumsAreEvaluations holds shifts of weight to
// evaluations with a minimum score always set, mostly under weighted
// points: a shift takes bids across it, and ShiftWindow, for a bid below
// it that would join without moving a figure, holds while no other bid
// crosses (windowHolds).
func TestShiftsWithMinimumsAreEvaluations(t *testing.T) {
	shiftsHold(t, trShape{thresholds: true})
}

// TestTrialsOfAPriceUnderPricePerQualityPointAreEvaluations holds price
// trials to evaluations where a price cut raises the best social value
// offer under price per quality point: every other bid's quality points
// fall, and a trial re-scores only those that could still lead. The shape
// is rare among TestTrialsAreEvaluations' draws (about one in fifty), and
// there the fault of a bid losing its last points was found at once.
func TestTrialsOfAPriceUnderPricePerQualityPointAreEvaluations(t *testing.T) {
	cat := sampleCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		_, bids, p, trials := trPreparedAs(t, cat, trShape{perQualityPoint: true, shareOfPrice: true})
		var prices []decimal.Decimal
		for _, b := range bids {
			prices = append(prices, *b.Responses["price"].Price.Amount)
		}
		for _, b := range bids {
			trPriceSame(t, p, trials, bids, b, prices)
		}
	})
}

// TestTrialsOfAPriceUnderPricePerQualityPointWithMinimumsAreEvaluations
// is the same with a minimum score always set: a price cut that raises the
// best offer can take other bids below it, and a trial follows those it
// meets (trial_leavers.go) rather than evaluating the lot whole.
func TestTrialsOfAPriceUnderPricePerQualityPointWithMinimumsAreEvaluations(t *testing.T) {
	cat := sampleCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		_, bids, p, trials := trPreparedAs(t, cat, trShape{perQualityPoint: true, shareOfPrice: true, thresholds: true})
		var prices []decimal.Decimal
		for _, b := range bids {
			prices = append(prices, *b.Responses["price"].Price.Amount)
		}
		for _, b := range bids {
			trPriceSame(t, p, trials, bids, b, prices)
		}
	})
}

// drawShift draws two top-level criteria that carry weight, to shift
// weight from and to, and the most that can move (shiftRoom); false when
// the draw gives no shift.
func drawShift(t *rapid.T, trials *score.Trials, pol score.Policy) (from, to int, most int64, ok bool) {
	var tops []int
	for i, c := range pol.Criteria {
		if !c.Weight.IsZero() {
			tops = append(tops, i)
		}
	}
	if len(tops) < 2 {
		return 0, 0, 0, false
	}
	from = rapid.SampledFrom(tops).Draw(t, "from")
	to = rapid.SampledFrom(tops).Draw(t, "to")
	most = shiftRoom(trials, pol, from)
	return from, to, most, from != to && most >= 1
}

// shiftRoom is the most weight, in hundredths of a percentage point of the
// whole, that can move from top-level criterion from: a hundredth less
// than all its marks.
func shiftRoom(trials *score.Trials, pol score.Policy, from int) int64 {
	avail := trials.Result().Bids[0].Criteria()[from].Available
	if pol.Weighting == score.Points { // the shift is in percentage points of the whole, as published
		sum := exact.Zero
		for _, c := range pol.Criteria {
			sum = sum.Add(exact.Whole(c.Weight))
		}
		avail, _ = avail.Mul(exact.Int(100)).Quo(sum)
	}
	return exact.Rounding{Places: 2, Mode: exact.Down}.Apply(avail).Shift(2).IntPart() - 1
}

// shifted moves d percentage points of the whole from one top-level
// criterion to another, as WithWeightShift documents it, independently.
func shifted(l score.Lot, from, to int, d decimal.Decimal) score.Lot {
	pol := l.Policy
	pol.Criteria = append([]score.Criterion(nil), pol.Criteria...)
	move := d
	switch pol.Weighting {
	case score.PercentOfTotal:
		pol.Weighting = score.Points
	case score.Points:
		sum := decimal.Zero
		for _, c := range pol.Criteria {
			sum = sum.Add(c.Weight)
		}
		move = d.Mul(sum).Div(decimal.NewFromInt(100))
	}
	pol.Criteria[from].Weight = pol.Criteria[from].Weight.Sub(move)
	pol.Criteria[to].Weight = pol.Criteria[to].Weight.Add(move)
	l.Policy = pol
	return l
}

// TestScoreSolvedIsTheEngine checks LeastScore and MostScore against the
// engine run forwards (TotalWith): at random normalised scores, a bid's
// total reaches the goal exactly when the score is within the bound.
func TestScoreSolvedIsTheEngine(t *testing.T) {
	cat := sampleCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		_, _, _, trials := trPrepared(t, cat)
		for _, s := range trials.Result().Standings {
			base, ok := trials.TotalWith(s.BidID, "price", exact.One)
			if !ok {
				continue // price per quality point, or a price over a budget that disqualifies
			}
			step := exact.Whole(decimal.New(rapid.Int64Range(-2000, 2000).Draw(t, "goal"), -3))
			goal := base.Value.Add(step)
			strict := rapid.Bool().Draw(t, "strict")
			least, ok1 := trials.LeastScore(s.BidID, "price", goal, strict)
			most, ok2 := trials.MostScore(s.BidID, "price", goal, strict)
			require.True(t, ok1 && ok2)
			for range 8 {
				x, _ := exact.NewFraction(decimal.NewFromInt(rapid.Int64Range(0, 1000).Draw(t, "x")), decimal.NewFromInt(1000))
				total, _ := trials.TotalWith(s.BidID, "price", x)
				c := total.Value.Cmp(goal)
				if reach := c > 0 || (c == 0 && !strict); least.Holds(x) != reach {
					t.Fatalf("%s at score %s: total %s against %s (strict %v): LeastScore %v says %v", s.BidID, x, total, goal, strict, least, !reach)
				}
				if within := c < 0 || (c == 0 && !strict); most.HoldsBelow(x) != within {
					t.Fatalf("%s at score %s: total %s against %s (strict %v): MostScore %v says %v", s.BidID, x, total, goal, strict, most, !within)
				}
			}
		}
	})
}

// trReleased releases a trial and checks that it then reads as empty:
// never the figures of the trial that uses its storage next.
func trReleased(t *rapid.T, tr score.Trial, bids []score.Bid) {
	tr.Release()
	tr.Release() // a second release gives nothing back twice
	for _, b := range bids {
		_, ok := tr.Total(b.ID)
		require.False(t, ok, "a released trial has no totals")
		require.False(t, tr.Outranks(b.ID, "no such bid"), "a released trial ranks no bid")
	}
}

// TestTrialProblems checks that a trial of something no bid could offer is
// a validation error naming the bid's response.
func TestTrialProblems(t *testing.T) {
	tn := tenderOf(lotOf(simplePolicy()))
	p, err := score.Prepare(tn, []score.Bid{simpleBid("A", "100", 3), simpleBid("B", "120", 2)})
	require.NoError(t, err)
	trials, _ := p.Trials("L1")
	_, err = trials.WithPrice("B", "price", dec("0"))
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("bids[1].responses[price].price.amount", "positive"), "%#v", verr.Problems)
	_, err = trials.WithMarks("A", map[string]criteria.Marks{"q": {Consensus: &criteria.Consensus{Mark: dec("9"), Rationale: "r"}}})
	require.ErrorAs(t, err, &verr)
	assert.NotEmpty(t, verr.Problems)
	assert.Contains(t, verr.Problems[0].Field, "bids[0].responses[q].marks", "%v", err)
	_, err = trials.WithPrice("Z", "price", dec("1"))
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("bid", "known-bid"))
	_, err = trials.WithWeightShift("price", "q", dec("200"))
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("weightShift", "within-weight"))
	above, err := trials.ShiftOutranks("price", "q", dec("200"), "A", "B") // the same problems as the trial's
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("weightShift", "within-weight"))
	assert.False(t, above)
	_, err = trials.ShiftOutranks("price", "price", dec("1"), "A", "B")
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("weightShift", "top-level"))
	above, err = trials.ShiftOutranks("price", "q", dec("1"), "Z", "B")
	require.NoError(t, err)
	assert.False(t, above, "a bid the lot does not have ranks above none")
}

// TestLowestHoldingIsTheEngine checks LowestHolding against trials: with
// one bid's price at random prices below every other (and below the field's
// lowest as evaluated), every other ranked bid stays within the goal exactly
// when the price is within the bound.
func TestLowestHoldingIsTheEngine(t *testing.T) {
	t.Run("every line in the trees", lowestHoldingIsTheEngine)
	t.Run("lines sifted", func(t *testing.T) { // as a field of many bids has them
		defer score.SiftFrom(2)()
		lowestHoldingIsTheEngine(t)
	})
}

func lowestHoldingIsTheEngine(t *testing.T) {
	cat := sampleCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		tn, bids, _, trials := trPrepared(t, cat)
		res := trials.Result()
		if len(res.Standings) < 2 || tn.Lots[0].Policy.Basis == score.PricePerQualityPoint || tn.Lots[0].Policy.Basis == score.AdjustedPrice {
			return
		}
		x := rapid.SampledFrom(res.Standings).Draw(t, "bid").BidID
		full, ok := trials.TotalWith(x, "price", exact.One)
		if !ok {
			return
		}
		goal := full.Value.Add(exact.Whole(decimal.New(rapid.Int64Range(-300, 300).Draw(t, "goal"), -2)))
		strict := rapid.Bool().Draw(t, "strict")
		b, limited, ok := trials.LowestHolding(x, "price", goal, strict)
		// An offer made as a share of the bid's price rises as the price
		// falls, lifting the best and lowering every other bid's social
		// value score: LowestHolding, which takes the offers as evaluated,
		// then holds no bid the engine does not (it may miss some).
		readsPrice := false
		for _, c := range tn.Lots[0].Policy.Criteria {
			readsPrice = readsPrice || c.SocialValue != nil && c.SocialValue.NeedsBidPrice()
		}
		lowest := decimal.Zero // the lowest price as evaluated, of every bid
		for _, bd := range bids {
			if pr := *bd.Responses["price"].Price.Amount; lowest.IsZero() || pr.Cmp(lowest) < 0 {
				lowest = pr
			}
		}
		for range 6 {
			l := decimal.New(rapid.Int64Range(1, lowest.Shift(2).IntPart()-1).Draw(t, "pence"), -2)
			tr, err := trials.WithPrice(x, "price", l)
			require.NoError(t, err)
			held := true
			for _, s := range res.Standings {
				if s.BidID == x {
					continue
				}
				if v, scored := tr.Total(s.BidID); scored {
					c := v.Value.Cmp(goal)
					held = held && (c < 0 || (c == 0 && !strict))
				}
			}
			want := ok && (!limited || b.HoldsBelow(exact.Whole(l)))
			if readsPrice && want && !held || !readsPrice && held != want {
				t.Fatalf("%s at %s against %s (strict %v): the others held %v; LowestHolding %v %v %v", x, l, goal, strict, held, b, limited, ok)
			}
		}
	})
}

// TestSharedFieldsAreEvaluations tries every bid of a random lot at the
// same few prices — £0.01 among them, where every bid that cannot win on
// price is confirmed — so that trials of different bids move the field the
// same way and share its re-scoring; each must still find what evaluating
// the changed tender finds.
func TestSharedFieldsAreEvaluations(t *testing.T) {
	t.Run("every line in the trees", sharedFieldsAreEvaluations)
	t.Run("lines sifted", func(t *testing.T) { // as a field of many bids has them
		defer score.SiftFrom(2)()
		sharedFieldsAreEvaluations(t)
	})
}

func sharedFieldsAreEvaluations(t *testing.T) {
	cat := sampleCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		_, bids, p, trials := trPrepared(t, cat)
		var prices []decimal.Decimal
		for _, b := range bids {
			prices = append(prices, *b.Responses["price"].Price.Amount)
		}
		tries := []decimal.Decimal{decimal.New(1, -2), trPrice(t, prices, "shared")}
		for round := range 2 { // the second round reads every field shared
			for _, np := range tries {
				for _, b := range bids {
					tr, err := trials.WithPrice(b.ID, "price", np)
					require.NoError(t, err)
					q, err := p.WithBid(withResponse(b, "price", score.Response{Price: criteria.Amount(np)}))
					require.NoError(t, err)
					want, _ := q.EvaluateLot("L1")
					trSame(t, fmt.Sprintf("round %d: %s at %s", round, b.ID, np), tr, want)
				}
			}
		}
	})
}

// A rival at the same lowest price as the bid whose price falls is held
// by it: a case the property test above found, where the bid's own line —
// the lowest price at which its own total reaches the goal — was the
// highest and hid the rival's. Relative price worth 10, quality 85 (q1 a
// tenth of it, q2 the rest, the mean of two marks), apprenticeships 5
// relative to the best; both bids at £20,000 with one start each. B0's
// lines but price, worked by hand and shown to two places as totals are:
// quality 8.5 × 1/4 + 76.5 × 2.5/4 = 49.9375, shown 49.94; social value 5:
// 54.94. B0 is held at 64.81 while its price points show at most 9.87,
// below 9.875: 10 × L ÷ 20,000 < 9.875, L below £19,750.
func TestLowestHoldingSeesARivalAtTheSamePrice(t *testing.T) {
	cat := sampleCatalogue(t)
	mean := func(a, b int64) criteria.Marks {
		return criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: decimal.NewFromInt(a), Rationale: "seen"}, {Evaluator: "E2", Mark: decimal.NewFromInt(b), Rationale: "seen"}}}
	}
	q := func(id string, w string) score.Criterion {
		return score.Criterion{ID: id, Title: id, Weight: dec(w), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.MeanMark}}
	}
	p := score.Policy{Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Weight: dec("10"), Price: &criteria.PriceRule{Method: criteria.Relative}},
		{ID: "quality", Title: "Quality", Weight: dec("85"), Children: []score.Criterion{q("q1", "10"), q("q2", "90")}},
		{ID: "appr", Title: "Apprenticeships", Weight: dec("5"), SocialValue: &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-APPR-01"},
			Basis: criteria.BasisQuantity, Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}},
	}}
	one := dec("1")
	bid := func(id string, q1a, q1b int64) score.Bid {
		return score.Bid{ID: id, Lot: "L1", Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Responses: map[string]score.Response{
			"price": {Price: criteria.Amount(dec("20000"))}, "q1": {Marks: mean(q1a, q1b)}, "q2": {Marks: mean(2, 3)},
			"appr": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &one}}}}}}
	}
	tn := score.Tender{ID: "T", Title: "T", Commenced: date.On(2026, 4, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots:      []score.Lot{{ID: "L1", Title: "Lot", EstimatedValue: dec("900000"), TermMonths: 12, Policy: p}}}
	pr, err := score.Prepare(tn, []score.Bid{bid("B0", 0, 2), bid("B1", 1, 2)})
	require.NoError(t, err)
	trials, ok := pr.Trials("L1")
	require.True(t, ok)
	b, limited, ok := trials.LowestHolding("B1", "price", exact.Whole(dec("64.81")), false)
	require.True(t, ok)
	require.True(t, limited, "B0 is above 64.81 at £20,000 and falls below it only as B1's price does")
	assert.Equal(t, "19750", b.Value.String())
	assert.True(t, b.Open, "below £19,750, not at it")
	for _, c := range []struct{ price, total string }{{"19749.99", "64.81"}, {"19750", "64.82"}} {
		tr, err := trials.WithPrice("B1", "price", dec(c.price))
		require.NoError(t, err)
		v, _ := tr.Total("B0")
		assert.Equal(t, c.total, v.Value.String(), "B0 with B1 at £%s", c.price)
	}
}

// TestTrialReadAtOnce: a trial's totals are worked out as they are asked
// for (the other bids re-scored against a moved lowest price, or under a
// shift of weight), so goroutines reading one trial at once must each get
// what evaluating the changed lot gives — and, under the race detector
// (.ci/run), without a data race.
func TestTrialReadAtOnce(t *testing.T) {
	var bids []score.Bid
	for i := range 40 {
		bids = append(bids, simpleBid(fmt.Sprintf("B%02d", i), fmt.Sprint(100+i), int64(i%5)))
	}
	tn := tenderOf(lotOf(simplePolicy()))
	p, err := score.Prepare(tn, bids)
	require.NoError(t, err)
	trials, _ := p.Trials("L1")
	price, err := trials.WithPrice("B39", "price", dec("50")) // below every price: every other total moves
	require.NoError(t, err)
	q, err := p.WithBid(withResponse(bids[39], "price", priced("50")))
	require.NoError(t, err)
	want, _ := q.EvaluateLot("L1")
	shift, err := trials.WithWeightShift("price", "q", dec("10"))
	require.NoError(t, err)
	ql := tn.Lots[0]
	ql.Policy.Criteria = slices.Clone(ql.Policy.Criteria)
	ql.Policy.Criteria[0].Weight, ql.Policy.Criteria[1].Weight = dec("30"), dec("70")
	r, err := p.WithLot(ql)
	require.NoError(t, err)
	wantShift, _ := r.EvaluateLot("L1")
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for g := range 8 {
		wg.Go(func() {
			for k := range bids {
				b := bids[(k*7+g*5)%len(bids)].ID
				for _, c := range []struct {
					tr   score.Trial
					want score.LotResult
				}{{price, want}, {shift, wantShift}} {
					got, ok := c.tr.Total(b)
					w, _ := c.want.Bid(b)
					if !ok || !got.Value.Equal(w.Total.Points.Value) {
						errs <- fmt.Sprintf("%s: %v %v, want %s", b, got, ok, w.Total.Points)
						return
					}
					c.tr.Outranks(b, bids[0].ID)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
