package score_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// bruteForce tries every allocation of the lots in force within the cap and
// returns the best by the published rule of MaxTotalScore: the most lots,
// then the highest total, then — in the declared order — the better place
// in each lot's standings (a lot not awarded coming last).
func bruteForce(a score.AwardResult, limit int) map[string]string {
	type cand struct {
		bid, sup string
		score    exact.Fraction
	}
	var lots [][]cand
	for _, id := range a.Order {
		lr, _ := a.Result.Lot(id)
		var cs []cand
		for _, s := range lr.Standings {
			cs = append(cs, cand{s.BidID, s.Supplier.ID, s.Score.Value})
		}
		lots = append(lots, cs)
	}
	const none = 1 << 30
	type alloc struct {
		n     int
		total exact.Fraction
		pos   []int
	}
	var best *alloc
	better := func(x, y *alloc) bool {
		if x.n != y.n {
			return x.n > y.n
		}
		if c := x.total.Cmp(y.total); c != 0 {
			return c > 0
		}
		return slices.Compare(x.pos, y.pos) < 0
	}
	held := map[string]int{}
	pos := make([]int, len(lots))
	var walk func(k, n int, total exact.Fraction)
	walk = func(k, n int, total exact.Fraction) {
		if k == len(lots) {
			cur := &alloc{n: n, total: total, pos: slices.Clone(pos)}
			if best == nil || better(cur, best) {
				best = cur
			}
			return
		}
		for i, c := range lots[k] {
			if held[c.sup] < limit {
				held[c.sup]++
				pos[k] = i
				walk(k+1, n+1, total.Add(c.score))
				held[c.sup]--
			}
		}
		pos[k] = none
		walk(k+1, n, total)
	}
	walk(0, 0, exact.Zero)
	out := map[string]string{}
	for k, id := range a.Order {
		out[id] = ""
		if p := best.pos[k]; p != none {
			out[id] = lots[k][p].bid
		}
	}
	return out
}

// inOrderByHand replays the in-order mechanism on the lots in force.
func inOrderByHand(a score.AwardResult, limit int) map[string]string {
	held := map[string]int{}
	out := map[string]string{}
	for _, id := range a.Order {
		lr, _ := a.Result.Lot(id)
		out[id] = ""
		for _, s := range lr.Standings {
			if held[s.Supplier.ID] < limit {
				held[s.Supplier.ID]++
				out[id] = s.BidID
				break
			}
		}
	}
	return out
}

// drawTender draws a small multi-lot tender of band lots with scores drawn
// from a short list, so that equal totals (and unresolved ties) are common.
func drawTender(t *rapid.T, method score.AllocationMethod) (score.Tender, []score.Bid, int) {
	nLots := rapid.IntRange(1, 4).Draw(t, "lots")
	nSup := rapid.IntRange(1, 5).Draw(t, "suppliers")
	var lots []score.Lot
	var ids []string
	for i := range nLots {
		id := fmt.Sprintf("L%d", i+1)
		ids = append(ids, id)
		lots = append(lots, bandLot(id, fmt.Sprint(rapid.IntRange(1, 3).Draw(t, "value"+id)*100000)))
	}
	g := grid{}
	for _, id := range ids {
		g[id] = map[string]string{}
		for s := range nSup {
			sup := string(rune('A' + s))
			switch k := rapid.IntRange(0, 6).Draw(t, "bid"+id+sup); k {
			case 0: // no bid
			case 1:
				g[id][sup] = "x"
			default:
				g[id][sup] = rapid.SampledFrom([]string{"50", "60", "60.5", "70", "80", "90.25"}).Draw(t, "score"+id+sup)
			}
		}
		if len(g[id]) == 0 {
			g[id]["A"] = "55"
		}
	}
	limit := rapid.IntRange(1, nLots).Draw(t, "cap")
	order := rapid.SampledFrom(score.LotOrders()).Draw(t, "order")
	var seq []string
	if order == score.DeclaredSequence {
		seq = rapid.Permutation(ids).Draw(t, "sequence")
	}
	tn, bids := multiLot(capped(limit, method, order, seq...), lots, g)
	return tn, bids, limit
}

// TestAwardOptimalMatchesBruteForce checks the flow solution against every
// allocation tried one by one, on small random tenders, ties included.
func TestAwardOptimalMatchesBruteForce(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tn, bids, limit := drawTender(t, score.MaxTotalScore)
		a, err := score.Award(tn, bids)
		if err != nil {
			t.Fatalf("award: %v", err)
		}
		want, got := bruteForce(a, limit), awards(a)
		if !maps(want, got) {
			t.Fatalf("optimal allocation %v, brute force %v", got, want)
		}
		// and it is never worse than awarding in order
		tn.LotRules.Allocation = score.InOrder
		b, err := score.Award(tn, bids)
		if err != nil {
			t.Fatalf("award in order: %v", err)
		}
		if b.Tally.Lots > a.Tally.Lots || (b.Tally.Lots == a.Tally.Lots && b.Tally.Total.Value.Cmp(a.Tally.Total.Value) > 0) {
			t.Fatalf("in order (%s) beats the optimal allocation (%s)", b.Tally, a.Tally)
		}
	})
}

// TestAwardInOrderMatchesReplay checks the in-order mechanism against a
// replay by hand.
func TestAwardInOrderMatchesReplay(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tn, bids, limit := drawTender(t, score.InOrder)
		a, err := score.Award(tn, bids)
		if err != nil {
			t.Fatalf("award: %v", err)
		}
		if want, got := inOrderByHand(a, limit), awards(a); !maps(want, got) {
			t.Fatalf("in order %v, by hand %v", got, want)
		}
		for _, l := range a.Lots {
			for _, p := range l.PassedOver {
				if p.Reason == "" {
					t.Fatalf("lot %s: %s passed over without a reason", l.LotID, p.BidID)
				}
			}
		}
	})
}

func maps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestAwardNeverPanics draws lot rules and cross-lot offers, valid or not,
// and checks that Award gives a result or a ValidationError, never a panic.
func TestAwardNeverPanics(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tn, bids, _ := drawTender(t, score.MaxTotalScore)
		ids := []string{"L1", "L2", "L3", "L4", "L9", ""}
		r := tn.LotRules
		if rapid.Bool().Draw(t, "bidCap") {
			r.MaxLotsBidPerSupplier = score.Limit(rapid.IntRange(-1, 5).Draw(t, "bidCapN"))
		}
		if rapid.Bool().Draw(t, "awardCap") {
			r.MaxLotsAwardedPerSupplier = score.Limit(rapid.IntRange(-1, 5).Draw(t, "awardCapN"))
		}
		r.Allocation = rapid.SampledFrom([]score.AllocationMethod{"", score.InOrder, score.MaxTotalScore, "draw-lots"}).Draw(t, "allocation")
		r.Order = rapid.SampledFrom([]score.LotOrder{"", score.ValueDescending, score.AsListed, score.DeclaredSequence, "random"}).Draw(t, "order")
		r.Sequence = rapid.SliceOfN(rapid.SampledFrom(ids), 0, 5).Draw(t, "sequence")
		r.CrossLot = rapid.SampledFrom([]score.CrossLotEvaluation{"", score.CrossLotNotAccepted, score.CrossLotTotalScore, "haggle"}).Draw(t, "crossLot")
		for i := range rapid.IntRange(0, 4).Draw(t, "offers") {
			tn.CrossLotOffers = append(tn.CrossLotOffers, score.CrossLotOffer{
				ID:         rapid.SampledFrom([]string{"X-1", "X-2", "X-3", ""}).Draw(t, fmt.Sprint("id", i)),
				Supplier:   rapid.SampledFrom([]string{"A", "B", "C", "Z", ""}).Draw(t, fmt.Sprint("supplier", i)),
				Lots:       rapid.SliceOfN(rapid.SampledFrom(ids), 0, 4).Draw(t, fmt.Sprint("lots", i)),
				PercentOff: dec(rapid.SampledFrom([]string{"0", "5", "12.5", "99.99", "100", "-3", "0.0000000001"}).Draw(t, fmt.Sprint("pct", i))),
			})
		}
		a, err := score.Award(tn, bids)
		if err != nil {
			var verr *score.ValidationError
			if !errorsAs(err, &verr) {
				t.Fatalf("an error that is not a ValidationError: %v", err)
			}
			return
		}
		if len(a.Lots) != len(tn.Lots) {
			t.Fatalf("%d lot awards for %d lots", len(a.Lots), len(tn.Lots))
		}
	})
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
