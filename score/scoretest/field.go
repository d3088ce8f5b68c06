package scoretest

import (
	"fmt"
	"math/rand/v2"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// TB is the part of testing.TB the kit uses; *testing.T and *testing.B
// satisfy it, and so does a recorder in the kit's own tests.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Logf(format string, args ...any)
	FailNow()
}

// Field builds a synthetic field of bids for one lot of a tender: a
// response to every leaf criterion, a decision for every gate, a living
// wage commitment where the policy reads one. Everything is drawn from a
// pseudo-random source seeded with Seed, so the same Field always gives
// the same bids. Every bid passes every gate; prices lie within the price
// range and marks anywhere on each question's scale. Adjust the bids it
// returns to make the case a test needs.
type Field struct {
	// Tender is the tender; Lot the id of the lot bid for.
	Tender score.Tender
	Lot    string
	// Size is the number of bids (10 when zero).
	Size int
	// Seed seeds the draws.
	Seed uint64
	// MinPrice and MaxPrice bound each bid's price, in whole pounds; both
	// zero means from 70% to 110% of the lot's estimated value (or
	// £100,000–£200,000 without one). A schedule's unit prices are drawn so
	// that its total lies in the range.
	MinPrice, MaxPrice decimal.Decimal
	// PercentCommitments, when true, commits £ social value measures as a
	// percentage of the bid price (1%–10%), as some bidders write them,
	// instead of a sum in pounds.
	PercentCommitments bool
}

// NewField returns a Field of n bids for a lot, seeded with seed. It
// fails the test if the tender has no such lot.
func NewField(t TB, tender score.Tender, lot string, n int, seed uint64) Field {
	t.Helper()
	if _, ok := tender.Lot(lot); !ok {
		t.Errorf("scoretest.NewField: the tender has no lot %q", lot)
		t.FailNow()
	}
	return Field{Tender: tender, Lot: lot, Size: n, Seed: seed}
}

// Bids returns the field's bids: ids B-001, B-002, … from suppliers
// S-001, S-002, … named "Synthetic Supplier 1 Ltd" and so on.
func (f Field) Bids() []score.Bid {
	l, ok := f.Tender.Lot(f.Lot)
	if !ok {
		return nil
	}
	n := f.Size
	if n <= 0 {
		n = 10
	}
	g := &gen{r: rand.New(rand.NewPCG(f.Seed, f.Seed^0x9e3779b97f4a7c15)), f: f, lot: l}
	g.lo, g.hi = f.priceRange(l)
	bids := make([]score.Bid, n)
	for i := range bids {
		bids[i] = g.bid(i + 1)
	}
	return bids
}

func (f Field) priceRange(l score.Lot) (int64, int64) {
	if !f.MinPrice.IsZero() || !f.MaxPrice.IsZero() {
		lo, hi := f.MinPrice.IntPart(), f.MaxPrice.IntPart()
		if lo < 1 {
			lo = 1
		}
		if hi < lo {
			hi = lo
		}
		return lo, hi
	}
	if l.EstimatedValue.Sign() > 0 {
		return max(1, l.EstimatedValue.Mul(decimal.New(70, -2)).IntPart()),
			max(1, l.EstimatedValue.Mul(decimal.New(110, -2)).IntPart())
	}
	return 100000, 200000
}

type gen struct {
	r      *rand.Rand
	f      Field
	lot    score.Lot
	lo, hi int64
}

// between draws a whole number from lo to hi inclusive.
func (g *gen) between(lo, hi int64) int64 {
	if hi <= lo {
		return lo
	}
	return lo + g.r.Int64N(hi-lo+1)
}

func (g *gen) bid(i int) score.Bid {
	b := score.Bid{
		ID:        fmt.Sprintf("B-%03d", i),
		Supplier:  score.Supplier{ID: fmt.Sprintf("S-%03d", i), Name: fmt.Sprintf("Synthetic Supplier %d Ltd", i)},
		Lot:       g.lot.ID,
		Responses: map[string]score.Response{},
	}
	pol := g.lot.Policy
	if len(pol.Gates) > 0 {
		b.Gates = map[string]criteria.GateResult{}
		for _, gt := range pol.Gates {
			b.Gates[gt.ID] = criteria.GateResult{Pass: true, Reason: "synthetic: requirement met"}
		}
	}
	needsLW := len(pol.LivingWageGates) > 0
	for _, c := range leaves(pol.Criteria) {
		switch {
		case c.Price != nil:
			b.Responses[c.ID] = score.Response{Price: g.price(c.Price)}
		case c.Quality != nil:
			b.Responses[c.ID] = score.Response{Marks: g.marks(*c.Quality)}
		case c.SocialValue != nil:
			b.Responses[c.ID] = score.Response{SocialValue: g.socialValue(*c.SocialValue)}
		case c.LivingWage != nil:
			needsLW = true
		}
	}
	if f := pol.Features; pol.Basis == score.AdjustedPrice && f != nil {
		b.Features = map[string]decimal.Decimal{}
		for _, ft := range f.Features {
			if len(ft.Values) > 0 {
				b.Features[ft.Code] = ft.Values[g.r.IntN(len(ft.Values))].Value
			}
		}
	}
	if needsLW {
		accs := criteria.Accreditations()
		b.LivingWage = &criteria.LivingWageCommitment{AtLeastApplicable: true, IncludesContractedStaff: true,
			Accreditation: accs[g.r.IntN(len(accs))], Evidence: "synthetic commitment"}
	}
	return b
}

func (g *gen) price(r *criteria.PriceRule) criteria.PriceResponse {
	total := g.between(g.lo, g.hi)
	if r.Schedule == nil || len(r.Schedule.Lines) == 0 {
		return criteria.Amount(decimal.NewFromInt(total))
	}
	// Share the total equally among the lines; each unit price is to the
	// penny and at least a penny.
	units := map[string]decimal.Decimal{}
	share := decimal.NewFromInt(total).DivRound(decimal.NewFromInt(int64(len(r.Schedule.Lines))), 2)
	for _, ln := range r.Schedule.Lines {
		per := ln.Quantity.Mul(decimal.NewFromInt(int64(max(ln.Years, 1))))
		u := decimal.NewFromInt(1).Shift(-2)
		if per.Sign() > 0 {
			u = decimal.Max(share.DivRound(per, 2), u)
		}
		units[ln.Item] = u
	}
	return criteria.UnitPrices(units)
}

func (g *gen) marks(r criteria.QualityRule) criteria.Marks {
	levels := r.Scale.Levels
	if len(levels) == 0 {
		return criteria.Marks{}
	}
	mark := levels[g.r.IntN(len(levels))].Mark
	m := criteria.Marks{}
	for e := 1; e <= 3; e++ {
		own := mark
		if r.Moderation == criteria.MeanMark {
			own = levels[g.r.IntN(len(levels))].Mark
		}
		m.Evaluators = append(m.Evaluators, criteria.EvaluatorMark{Evaluator: fmt.Sprintf("Evaluator %d", e), Mark: own, Rationale: "synthetic mark"})
	}
	if r.Moderation != criteria.MeanMark {
		m.Consensus = &criteria.Consensus{Mark: mark, Rationale: "synthetic consensus"}
	}
	return m
}

func (g *gen) socialValue(r criteria.SocialValueRule) criteria.SocialValueResponse {
	var resp criteria.SocialValueResponse
	counted := r.Catalogue.Measures
	if len(r.Measures) > 0 {
		counted = nil
		for _, code := range r.Measures {
			if m, ok := r.Catalogue.Measure(code); ok {
				counted = append(counted, m)
			}
		}
	}
	for _, m := range counted {
		c := criteria.Commitment{Measure: m.Code, MethodStatement: "synthetic method statement"}
		if m.Local && r.LocalArea != nil {
			switch {
			case len(r.LocalArea.Boroughs) > 0:
				c.Where = []string{r.LocalArea.Boroughs[0]}
			case len(r.LocalArea.PostcodeDistricts) > 0:
				c.Where = []string{r.LocalArea.PostcodeDistricts[0]}
			}
		}
		switch {
		case m.Unit == criteria.UnitPounds && g.f.PercentCommitments:
			p := decimal.NewFromInt(g.between(1, 10))
			c.Percent = &p
		case m.Unit == criteria.UnitPounds:
			q := decimal.NewFromInt(g.between(0, 20) * 10000)
			c.Quantity = &q
		default:
			q := decimal.NewFromInt(g.between(0, 10))
			c.Quantity = &q
		}
		resp.Commitments = append(resp.Commitments, c)
	}
	if r.Split != nil && r.MethodStatement != nil {
		ms := g.marks(*r.MethodStatement)
		resp.MethodStatement = &ms
	}
	return resp
}

// leaves lists the leaf criteria in order.
func leaves(cs []score.Criterion) []score.Criterion {
	var out []score.Criterion
	for _, c := range cs {
		if len(c.Children) == 0 {
			out = append(out, c)
		} else {
			out = append(out, leaves(c.Children)...)
		}
	}
	return out
}
