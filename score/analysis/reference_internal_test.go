package analysis

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// refCatalogue is the sample measure catalogue, for social value.
func refCatalogue(t *testing.T) criteria.Catalogue {
	t.Helper()
	f, err := os.Open("../../criteria/testdata/sample-catalogue.csv")
	require.NoError(t, err)
	defer f.Close()
	c, err := criteria.LoadCatalogueCSV(f)
	require.NoError(t, err)
	return c
}

// refTender is a tender of one lot, L1, under policy p, for the lots the
// reference tests draw.
func refTender(p score.Policy) score.Tender {
	return score.Tender{ID: "T", Title: "T", Commenced: date.On(2026, 4, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots:      []score.Lot{{ID: "L1", Title: "Lot", EstimatedValue: decimal.NewFromInt(900000), TermMonths: 12, Policy: p}}}
}

// refLot draws a one-lot tender of fictional bids of every shape the
// analyses solve for: a price by any method, as one amount or a schedule,
// at the top level or under a branch beside a question, with or without a
// maximum budget of either kind, or price per quality point; two questions
// marked by consensus or the mean; sometimes social value relative to the
// best offer, counted or read as a share of the bid's price; any weighting, any rounding, sometimes thresholds; a
// tie-break chain of any order. Prices repeat, so that ties are met.
func refLot(t *rapid.T, cat criteria.Catalogue) (score.Tender, []score.Bid) {
	d := decimal.RequireFromString
	if rapid.IntRange(0, 7).Draw(t, "adjusted") == 0 {
		return refAdjusted(t)
	}
	ppqp := rapid.IntRange(0, 5).Draw(t, "ppqp") == 0
	rule := criteria.PriceRule{Method: criteria.PerQualityPoint}
	if !ppqp {
		rule.Method = rapid.SampledFrom([]criteria.PriceMethod{criteria.Relative, criteria.Linear, criteria.Band, criteria.Deduction}).Draw(t, "method")
	}
	switch rule.Method {
	case criteria.Band:
		rule.Floor, rule.Ceiling = d("30000"), d("90000")
	case criteria.Deduction:
		rule.Rate = decimal.New(rapid.Int64Range(25, 300).Draw(t, "rate"), -2)
	}
	if rapid.IntRange(0, 2).Draw(t, "budget") == 0 {
		rule.MaxBudget = d("80000")
		rule.OverBudget = rapid.SampledFrom([]criteria.OverBudget{criteria.DisqualifyOverBudget, criteria.ScoreZeroOverBudget}).Draw(t, "overBudget")
	}
	schedule := rapid.IntRange(0, 4).Draw(t, "schedule") == 0
	if schedule {
		rule.Schedule = &criteria.Schedule{Lines: []criteria.ScheduleLine{{Item: "seat", Quantity: d("100"), Years: 1}}}
	}
	mod := rapid.SampledFrom([]criteria.Moderation{criteria.ConsensusMark, criteria.MeanMark}).Draw(t, "moderation")
	q := func(id string, w int64) score.Criterion {
		return score.Criterion{ID: id, Title: "Question " + id, Weight: decimal.NewFromInt(w), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: mod}}
	}
	weighting := rapid.SampledFrom([]score.Weighting{score.PercentEachLevel, score.PercentOfTotal, score.Points}).Draw(t, "weighting")
	wp := rapid.Int64Range(10, 70).Draw(t, "wPrice")
	sv := !ppqp && rapid.IntRange(0, 4).Draw(t, "sv") == 0
	wsv := int64(0)
	if sv {
		wsv = rapid.Int64Range(5, 20).Draw(t, "wSV")
	}
	wq := 100 - wp - wsv
	if ppqp {
		wp, wq = 0, 100
	}
	s1 := rapid.Int64Range(10, 90).Draw(t, "share1")
	children := func(total int64) (int64, int64) {
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
		if rapid.Bool().Draw(t, "svShareOfPrice") { // the offer moves with the bid's price: its steps are solved for (narrow_steps.go)
			rule.Basis, rule.Per = criteria.BasisProxyValue, criteria.ShareOfBidPrice
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
	if rapid.IntRange(0, 4).Draw(t, "minQuality") == 0 {
		m := decimal.NewFromInt(rapid.Int64Range(20, 50).Draw(t, "minQualityPercent"))
		p.Thresholds.MinQualityPercent = &m
		if sv && p.Criteria[2].SocialValue.Per == criteria.ShareOfBidPrice {
			// An offer read as a share of the price, counted as quality, lets
			// a bid's price cut take another below the minimum — and with it,
			// say, the highest price a linear method reads — so that its
			// standing can fall as its price does, and two searches can stop
			// at two different edges of where it wins: the minimum is over
			// the marked questions alone.
			p.Thresholds.QualityCriteria = []string{"quality"}
		}
	}
	steps := []score.TieBreak{{Kind: score.HigherPoints, Criterion: "quality"}, {Kind: score.HigherPoints, Criterion: "price"}, {Kind: score.LowerPrice}}
	for _, i := range rapid.Permutation([]int{0, 1, 2}).Draw(t, "chain")[:rapid.IntRange(0, 3).Draw(t, "chainLength")] {
		p.TieBreaks = append(p.TieBreaks, steps[i])
	}
	tn := refTender(p)
	marks := func(label string) score.Response {
		m := func(l string) decimal.Decimal { return decimal.NewFromInt(rapid.Int64Range(0, 4).Draw(t, l)) }
		if mod == criteria.MeanMark {
			return score.Response{Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{
				{Evaluator: "E1", Mark: m(label + ".e1"), Rationale: "seen"}, {Evaluator: "E2", Mark: m(label + ".e2"), Rationale: "seen"}}}}
		}
		v := m(label)
		return score.Response{Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: v}}, Consensus: &criteria.Consensus{Mark: v, Rationale: "agreed"}}}
	}
	var bids []score.Bid
	var prices []int64
	for i := range rapid.IntRange(2, 6).Draw(t, "bids") {
		pr := rapid.Int64Range(2000, 10000).Draw(t, "price") * 10
		if i > 0 && rapid.Bool().Draw(t, "repeat") {
			pr = prices[rapid.IntRange(0, i-1).Draw(t, "of")]
		}
		prices = append(prices, pr)
		id := fmt.Sprintf("B%d", i)
		resp := score.Response{Price: criteria.Amount(decimal.NewFromInt(pr))}
		if schedule { // 100 seats at a hundredth of the price
			resp = score.Response{Price: criteria.UnitPrices(map[string]decimal.Decimal{"seat": decimal.NewFromInt(pr).Shift(-2)})}
		}
		rs := map[string]score.Response{"price": resp, "q1": marks("q1"), "q2": marks("q2")}
		if top.ID == "commercial" {
			rs["q3"] = marks("q3")
		}
		if sv {
			n := decimal.NewFromInt(rapid.Int64Range(0, 6).Draw(t, "starts"))
			rs["appr"] = score.Response{SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &n}}}}
		}
		bids = append(bids, score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1", Responses: rs})
	}
	return tn, bids
}

// refAdjusted draws a lot priced adjusted by features, on ProZorro's
// feature fixtures (docs/sources/prozorro.md), sometimes rounded.
func refAdjusted(t *rapid.T) (score.Tender, []score.Bid) {
	d := decimal.RequireFromString
	v := func(value, title string) criteria.FeatureValue {
		return criteria.FeatureValue{Value: d(value), Title: title}
	}
	p := score.Policy{Basis: score.AdjustedPrice, Features: &criteria.FeatureRule{Features: []criteria.Feature{
		{Code: "AIR", Title: "Air intake", Values: []criteria.FeatureValue{v("0.1", "up to 1000 W"), v("0.15", "over 1000 W")}},
		{Code: "YEARS", Title: "Years trading", Values: []criteria.FeatureValue{v("0.05", "up to 3 years"), v("0.1", "3 to 5 years"), v("0.15", "over 5 years")}},
	}}, Criteria: []score.Criterion{{ID: "price", Title: "Price", Price: &criteria.PriceRule{Method: criteria.AdjustedByFeatures}}},
		TieBreaks: []score.TieBreak{{Kind: score.LowerPrice}}[:rapid.IntRange(0, 1).Draw(t, "chain")]}
	if rapid.Bool().Draw(t, "rounded") {
		p.Rounding = []score.RoundingRule{{Stage: score.Total, Places: int32(rapid.IntRange(0, 2).Draw(t, "places")), Mode: rapid.SampledFrom(exact.Modes()).Draw(t, "mode")}}
	}
	tn := refTender(p)
	var bids []score.Bid
	for i := range rapid.IntRange(2, 6).Draw(t, "bids") {
		id := fmt.Sprintf("B%d", i)
		bids = append(bids, score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
			Responses: map[string]score.Response{"price": {Price: criteria.Amount(decimal.NewFromInt(rapid.Int64Range(400, 600).Draw(t, "price")))}},
			Features:  map[string]decimal.Decimal{"AIR": rapid.SampledFrom([]decimal.Decimal{d("0.1"), d("0.15")}).Draw(t, "air"), "YEARS": rapid.SampledFrom([]decimal.Decimal{d("0.05"), d("0.1"), d("0.15")}).Draw(t, "years")}})
	}
	return tn, bids
}

// describe writes everything an answer says, for comparing two answers.
func describe(v any) string {
	var b strings.Builder
	checks := func(cs []Check) {
		for _, c := range cs {
			fmt.Fprintf(&b, " [%s|%v|%s|%s|%s]", c.Change(), c.Holds, c.Verdict(), c.Winner, c.Scores())
		}
	}
	switch x := v.(type) {
	case PriceToWin:
		est := "nil"
		if x.Estimate != nil {
			est = x.Estimate.String()
		}
		fmt.Fprintf(&b, "%s %s %s %s %s %s %s est=%s lowest=%v schedule=%v %s", x.Answer, x.Criterion, x.Current, x.Price, x.Cut, x.CutPercent, x.Price, est, x.BecomesLowest, x.Schedule, x.Explanation())
		checks(x.Checks)
	case MarksToWin:
		fmt.Fprintf(&b, "%s %d %s %v %s", x.Answer, x.Steps, x.Gain, x.Changes, x.Explanation())
		checks(x.Checks)
	case Sensitivity:
		fmt.Fprintf(&b, "%s %d %s %s", x.Winner, x.Smallest, x.Robustness, x.Statement)
		for _, s := range x.Shifts {
			fmt.Fprintf(&b, " {%s %s %s→%s %s %s %v %s %s}", s.Rival, s.Answer, s.From, s.To, s.Points, s.BreakEven, s.DrawsLevel, s.NewWinner, s.Explanation())
			checks(s.Checks)
		}
	default:
		fmt.Fprintf(&b, "%v", x)
	}
	return b.String()
}

// TestSolvedAnswersAreTheSearch checks that every answer the analyses now
// solve for — the price to win under every method, rounding and basis,
// the marks to win, the smallest shift of weight — with each re-scoring a
// trial, is the answer the search alone finds with each re-scoring an
// evaluation of the whole changed lot (the analyses as they were), word
// for word, on random lots of fictional bids.
func TestSolvedAnswersAreTheSearch(t *testing.T) {
	cat := refCatalogue(t)
	rapid.Check(t, func(t *rapid.T) {
		tn, bids := refLot(t, cat)
		f, err := newField(tn, "L1", bids)
		require.NoError(t, err)
		g, err := newField(tn, "L1", bids)
		require.NoError(t, err)
		g.reference = true
		for _, s := range f.base.Standings {
			got, err := f.priceToWin(s.BidID)
			require.NoError(t, err)
			want, err := g.priceToWin(s.BidID)
			require.NoError(t, err)
			if a, b := describe(got), describe(want); a != b {
				t.Fatalf("price to win of %s:\nsolved %s\nsearch %s", s.BidID, a, b)
			}
			gotM, err := f.marksToWin(s.BidID)
			require.NoError(t, err)
			wantM, err := g.marksToWin(s.BidID)
			require.NoError(t, err)
			if a, b := describe(gotM), describe(wantM); a != b {
				t.Fatalf("marks to win of %s:\ntrials %s\nwhole  %s", s.BidID, a, b)
			}
		}
		got, err := f.sensitivity()
		require.NoError(t, err)
		want, err := g.sensitivity()
		require.NoError(t, err)
		if a, b := describe(got), describe(want); a != b {
			t.Fatalf("sensitivity:\ntrials %s\nwhole  %s", a, b)
		}
	})
}

// bestPlansAsWas is the dynamic programme as it was first written, each
// allocation carrying its own copy of the choices: the reference for the
// table of choices read back.
func bestPlansAsWas(qs []question) (gains []exact.Fraction, picks [][]int) {
	type was struct {
		gain exact.Fraction
		pick []int
	}
	exactly := []*was{{gain: exact.Zero, pick: make([]int, len(qs))}}
	for qi, q := range qs {
		var next []*was
		for s, p := range exactly {
			if p == nil {
				continue
			}
			for k, o := range q.opts {
				g := p.gain.Add(o.points.Sub(q.opts[0].points))
				at := s + k
				for len(next) <= at {
					next = append(next, nil)
				}
				if next[at] == nil || g.Cmp(next[at].gain) > 0 {
					pick := append([]int(nil), p.pick...)
					pick[qi] = k
					next[at] = &was{gain: g, pick: pick}
				}
			}
		}
		exactly = next
	}
	out := make([]was, len(exactly))
	for s, p := range exactly {
		switch {
		case p == nil || (s > 0 && out[s-1].gain.Cmp(p.gain) >= 0):
			out[s] = out[s-1]
		default:
			out[s] = *p
		}
	}
	for _, w := range out {
		gains, picks = append(gains, w.gain), append(picks, w.pick)
	}
	return gains, picks
}

// TestPlansAreAsTheyWere checks the table of choices against the programme
// as first written, on random questions whose options tie often.
func TestPlansAreAsTheyWere(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var qs []question
		for range rapid.IntRange(1, 5).Draw(t, "questions") {
			var q question
			pts := int64(0)
			for range rapid.IntRange(1, 5).Draw(t, "options") {
				pts += rapid.Int64Range(0, 3).Draw(t, "gain")
				q.opts = append(q.opts, option{points: exact.Int(pts)})
			}
			qs = append(qs, q)
		}
		gains, picks := bestPlansAsWas(qs)
		plans := bestPlans(qs)
		require.Len(t, plans, len(gains))
		for s, p := range plans {
			if !p.gain.Equal(gains[s]) || fmt.Sprint(p.pick()) != fmt.Sprint(picks[s]) {
				t.Fatalf("%d steps: gain %s pick %v, as it was %s %v", s, p.gain, p.pick(), gains[s], picks[s])
			}
		}
	})
}
