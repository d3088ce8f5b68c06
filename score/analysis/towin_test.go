package analysis_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
)

// winner re-scores a field with the engine and returns the winning bid.
func winner(t *testing.T, tn score.Tender, bids []score.Bid) string {
	t.Helper()
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	l := res.Lots[0]
	if l.Outcome != score.Winner {
		return ""
	}
	return l.Winner
}

// priced returns the bids with one bid's price set to p.
func priced(bids []score.Bid, id string, p decimal.Decimal) []score.Bid {
	out := make([]score.Bid, len(bids))
	for i, b := range bids {
		if b.ID == id {
			rs := map[string]score.Response{}
			for k, v := range b.Responses {
				rs[k] = v
			}
			rs["price"] = score.Response{Price: criteria.Amount(p)}
			b.Responses = rs
		}
		out[i] = b
	}
	return out
}

// TestPriceToWinByHand checks answers worked out by hand, to the penny.
func TestPriceToWinByHand(t *testing.T) {
	// W: £100,000, marks 3 and 3 → price 40 + quality 27 + 18 = 85.
	tests := []struct {
		why      string
		bid      bidSpec
		want     string
		lowest   bool
		estimate string // the exact break-even before rounding, by hand
	}{
		{
			why: "relative method, not the lowest: quality 36 + 18 = 54 needs price points 31.00 (a tie at 85 goes to the higher quality); " +
				"40 × 100,000 ÷ P rounds 2 dp half-up to 31.00 while P ≤ 4,000,000 ÷ 30.995 = 129,053.073…, so £129,053.07 (CCS relative method, docs/sources/price-formulas.md)",
			bid: bidSpec{"B", "Birchmoor IT Ltd", "150000", 4, 3, true}, want: "129053.07", lowest: false,
			estimate: "129032.2580645161…", // 40 × 100,000 ÷ (85 − 54) = 4,000,000 ÷ 31
		},
		{
			why: "relative method, becoming the lowest: quality 9 + 12 = 21 + 40 must beat W's 85 − 40 + 40 × P ÷ 100,000, rounded; " +
				"W's price points must round to 15.99 or less, so 0.0004 × P < 15.995 and P ≤ £39,987.49 — every other price score changes",
			bid: bidSpec{"B", "Birchmoor IT Ltd", "120000", 1, 2, true}, want: "39987.49", lowest: true,
			estimate: "40000", // 100,000 × (21 + 40 − 45) ÷ 40
		},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			tn, bids := fixture(criteria.Relative, bidSpec{"W", "Wrenfield Ltd", "100000", 3, 3, true}, tt.bid)
			ws, err := analysis.WhatItTakes(tn, "L1", bids)
			require.NoError(t, err)
			require.Len(t, ws, 1)
			p := ws[0].Price
			require.Equal(t, analysis.Found, p.Answer, p.Explanation())
			assert.Equal(t, tt.want, p.Price.StringFixed(2))
			assert.Equal(t, tt.lowest, p.BecomesLowest)
			require.NotNil(t, p.Estimate)
			assert.Equal(t, tt.estimate, p.Estimate.String())
			assert.Equal(t, "B", winner(t, tn, priced(bids, "B", p.Price)))
			assert.Equal(t, "W", winner(t, tn, priced(bids, "B", p.Price.Add(d("0.01")))))
		})
	}
}

// TestPriceToWinRescored checks every answer by re-scoring the field
// independently: the bid wins at the price found and not one penny above;
// "cannot win on price alone" means it does not win even at £0.01.
func TestPriceToWinRescored(t *testing.T) {
	fields := []struct {
		why    string
		method criteria.PriceMethod
		specs  []bidSpec
	}{
		{"relative, the common method (CCS guidance, docs/sources/price-formulas.md)", criteria.Relative, nil},
		{"linear between lowest and highest: lowering the highest price moves every other score", criteria.Linear, nil},
		{"deduction per percent above the lowest (docs/sources/price-formulas.md)", criteria.Deduction, nil},
		{"a bid whose quality is too poor to win at any price", criteria.Relative, []bidSpec{
			{"A", "Alderbank Services Ltd", "500000", 4, 4, true},
			{"F", "Foxley Ltd", "450000", 0, 1, true},
		}},
	}
	for _, ff := range fields {
		t.Run(ff.why, func(t *testing.T) {
			tn, bids := standard()
			if ff.specs != nil {
				tn, bids = fixture(ff.method, ff.specs...)
			}
			rule := tn.Lots[0].Policy.Criteria[0].Price
			rule.Method = ff.method
			if ff.method == criteria.Deduction {
				rule.Rate = d("1")
			}
			ws, err := analysis.WhatItTakes(tn, "L1", bids)
			require.NoError(t, err)
			require.NotEmpty(t, ws)
			for _, w := range ws {
				switch w.Price.Answer {
				case analysis.Found:
					assert.Equal(t, w.BidID, winner(t, tn, priced(bids, w.BidID, w.Price.Price)), w.Price.Explanation())
					assert.NotEqual(t, w.BidID, winner(t, tn, priced(bids, w.BidID, w.Price.Price.Add(d("0.01")))), w.Price.Explanation())
					assert.Contains(t, w.Price.Explanation(), "Re-scored")
				case analysis.CannotWin:
					assert.NotEqual(t, w.BidID, winner(t, tn, priced(bids, w.BidID, d("0.01"))))
					assert.Contains(t, w.Price.Explanation(), "cannot win on price alone")
				default:
					t.Fatalf("%s: unexpected answer %s", w.BidID, w.Price.Answer)
				}
			}
			if ff.specs != nil {
				assert.Equal(t, analysis.CannotWin, ws[0].Price.Answer, "F scores at most 40 + 4.5 + 6 < A's 60 + quality")
			}
		})
	}
}

// TestPriceToWinSchedule checks that a priced schedule is answered as the
// total it would have to come to.
func TestPriceToWinSchedule(t *testing.T) {
	tn, bids := fixture(criteria.Relative,
		bidSpec{"W", "Wrenfield Ltd", "100000", 3, 3, true},
		bidSpec{"B", "Birchmoor IT Ltd", "150000", 4, 3, true})
	tn.Lots[0].Policy.Criteria[0].Price.Schedule = &criteria.Schedule{Lines: []criteria.ScheduleLine{
		{Item: "seat", Quantity: d("100"), FirstYear: 1, Years: 1}}}
	for i := range bids {
		unit := bids[i].Responses["price"].Price.Amount.Shift(-2) // £100,000 = 100 seats × £1,000
		bids[i].Responses["price"] = score.Response{Price: criteria.UnitPrices(map[string]decimal.Decimal{"seat": unit})}
	}
	ws, err := analysis.WhatItTakes(tn, "L1", bids)
	require.NoError(t, err)
	require.Len(t, ws, 1)
	assert.True(t, ws[0].Price.Schedule)
	assert.Equal(t, "129053.07", ws[0].Price.Price.StringFixed(2), "the same answer as the single amount worked by hand")
	assert.Contains(t, ws[0].Price.Explanation(), "the total its schedule comes to")
}

// TestMarksToWinRescored applies the marks found and checks the bid wins,
// and that taking away any one step leaves it short.
func TestMarksToWinRescored(t *testing.T) {
	tests := []struct {
		why   string
		mean  bool
		steps int // by hand; -1 when not checked by hand
	}{
		{"consensus marks: D leads A by 0.46, one step on Mobilisation (6 points) is the smallest that wins (quality-and-moderation.md: consensus with a recorded reason)", false, -1},
		{"the mean of three evaluators: one step moves the mean a third of a level", true, -1},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			tn, bids := standard()
			if tt.mean {
				for _, c := range tn.Lots[0].Policy.Criteria[1].Children {
					c.Quality.Moderation = criteria.MeanMark
				}
				for i, b := range bids {
					rs := map[string]score.Response{"price": b.Responses["price"]}
					for _, q := range []string{"q1", "q2"} {
						m := b.Responses[q].Marks.Consensus.Mark
						var es []criteria.EvaluatorMark
						for _, e := range []string{"E1", "E2", "E3"} {
							es = append(es, criteria.EvaluatorMark{Evaluator: e, Mark: m, Rationale: "as recorded"})
						}
						rs[q] = score.Response{Marks: criteria.Marks{Evaluators: es}}
					}
					bids[i].Responses = rs
				}
			}
			ws, err := analysis.WhatItTakes(tn, "L1", bids)
			require.NoError(t, err)
			for _, w := range ws {
				m := w.Marks
				if m.Answer != analysis.Found {
					continue
				}
				steps := 0
				for _, c := range m.Changes {
					steps += levels(c.From, c.To)
				}
				assert.Equal(t, m.Steps, steps)
				assert.Equal(t, w.BidID, winner(t, tn, marked(bids, w.BidID, m.Changes, -1)), m.Explanation())
				for i := range m.Changes {
					assert.NotEqual(t, w.BidID, winner(t, tn, marked(bids, w.BidID, m.Changes, i)), "one step fewer on %s", m.Changes[i])
				}
			}
		})
	}
}

// levels counts steps on the 0–4 scale between two marks.
func levels(from, to decimal.Decimal) int { return int(to.Sub(from).IntPart()) }

// marked applies mark changes to one bid; drop, if not -1, lowers that
// change by one step.
func marked(bids []score.Bid, id string, changes []analysis.MarkChange, drop int) []score.Bid {
	out := make([]score.Bid, len(bids))
	for i, b := range bids {
		if b.ID == id {
			rs := map[string]score.Response{}
			for k, v := range b.Responses {
				rs[k] = v
			}
			for j, c := range changes {
				to := c.To
				if j == drop {
					to = to.Sub(d("1"))
				}
				r := rs[c.Criterion]
				m := r.Marks
				if c.Evaluator == "" {
					cons := *m.Consensus
					cons.Mark = to
					m.Consensus = &cons
				} else {
					es := append([]criteria.EvaluatorMark(nil), m.Evaluators...)
					for k := range es {
						if es[k].Evaluator == c.Evaluator {
							es[k].Mark = to
						}
					}
					m.Evaluators = es
				}
				r.Marks = m
				rs[c.Criterion] = r
			}
			b.Responses = rs
		}
		out[i] = b
	}
	return out
}

func TestMarksToWinByHand(t *testing.T) {
	// D 78.46 leads A 78.00 (worked in TestRankReversalByHand). A's q1 is
	// already 4; q2 from 3 to 4 adds 24 × 1/4 = 6 points → 84.00.
	tn, bids := standard()
	ws, err := analysis.WhatItTakes(tn, "L1", bids)
	require.NoError(t, err)
	require.Equal(t, "A", ws[0].BidID)
	m := ws[0].Marks
	require.Equal(t, analysis.Found, m.Answer)
	assert.Equal(t, 1, m.Steps)
	require.Len(t, m.Changes, 1)
	assert.Equal(t, "q2", m.Changes[0].Criterion)
	assert.Equal(t, "6", m.Gain.String())
	assert.Equal(t, "Mobilisation: consensus mark 3 → 4", m.Changes[0].String())
}

func TestMarksCannotWin(t *testing.T) {
	// F at top marks scores 60 quality; its price points 40 × 100 ÷ 900 =
	// 4.44, so 64.44 < A's 40 + 60 = 100.
	tn, bids := fixture(criteria.Relative,
		bidSpec{"A", "Alderbank Services Ltd", "100000", 4, 4, true},
		bidSpec{"F", "Foxley Ltd", "900000", 0, 0, true})
	ws, err := analysis.WhatItTakes(tn, "L1", bids)
	require.NoError(t, err)
	require.Len(t, ws, 1)
	assert.Equal(t, analysis.CannotWin, ws[0].Marks.Answer)
	assert.Contains(t, ws[0].Marks.Explanation(), "cannot win on quality marks alone")
}

func TestWhatItTakesUnknownLot(t *testing.T) {
	tn, bids := standard()
	_, err := analysis.WhatItTakes(tn, "nope", bids)
	assert.Error(t, err)
}

// TestPriceToWinShareOfPrice checks every price to win on lots whose
// social value offer is a share of the bid's price — where the prices
// solved for do not settle a bid and the search narrows the bracket by
// the margins it reads (narrow.go) — against the whole tender evaluated
// at the answer and a penny above it: the bid wins at the one and not at
// the other.
func TestPriceToWinShareOfPrice(t *testing.T) {
	for _, c := range []struct {
		why  string
		lot  func(testing.TB, int) (score.Tender, []score.Bid)
		bids int
	}{
		{"bids spread in price, quality and starts", shareOfPriceLot, 14},
		{"the widest front: a dearer bid offers and scores more", wideFrontLot, 14},
	} {
		t.Run(c.why, func(t *testing.T) {
			tn, bids := c.lot(t, c.bids)
			ws, err := analysis.WhatItTakes(tn, "L1", bids)
			require.NoError(t, err)
			require.Len(t, ws, c.bids-1, "every bid but the winner")
			found := 0
			for _, w := range ws {
				switch w.Price.Answer {
				case analysis.Found:
					found++
					assert.Equal(t, w.BidID, winner(t, tn, priced(bids, w.BidID, w.Price.Price)), w.Price.Explanation())
					assert.NotEqual(t, w.BidID, winner(t, tn, priced(bids, w.BidID, w.Price.Price.Add(d("0.01")))), w.Price.Explanation())
				case analysis.CannotWin:
					assert.NotEqual(t, w.BidID, winner(t, tn, priced(bids, w.BidID, d("0.01"))), w.Price.Explanation())
				default:
					t.Fatalf("%s: unexpected answer %s", w.BidID, w.Price.Answer)
				}
			}
			assert.Positive(t, found, "some bid can win on price")
		})
	}
}
