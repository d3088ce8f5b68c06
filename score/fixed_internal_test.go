package score

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
)

// fixedField is one lot of price 40 and a quality branch of two questions,
// and three bids; the first bid's q1 is marked m.
func fixedField(m int64) (Tender, []Bid) {
	q := func(id, w string) Criterion {
		return Criterion{ID: id, Title: "Question " + id, Weight: decimal.RequireFromString(w),
			Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
	}
	pol := Policy{Criteria: []Criterion{
		{ID: "price", Title: "Price", Weight: decimal.NewFromInt(40), Price: &criteria.PriceRule{Method: criteria.Relative}},
		{ID: "quality", Title: "Quality", Weight: decimal.NewFromInt(60), Children: []Criterion{q("q1", "70"), q("q2", "30")}},
	}, TieBreaks: []TieBreak{{Kind: HigherPoints, Criterion: "quality"}}}
	marks := func(v int64) Response {
		return Response{Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: decimal.NewFromInt(v), Rationale: "seen"}},
			Consensus: &criteria.Consensus{Mark: decimal.NewFromInt(v), Rationale: "agreed"}}}
	}
	t := Tender{ID: "T-1", Title: "Test tender", Authority: Authority{Name: "Anytown Council", Type: SubCentral},
		Commenced: date.On(2026, 3, 1), Regime: PA2023,
		Lots: []Lot{{ID: "L1", Title: "Lot one", EstimatedValue: decimal.NewFromInt(500000), TermMonths: 36, Policy: pol}}}
	var bids []Bid
	for i, q1 := range []int64{m, 2, 3} {
		id := fmt.Sprintf("B%d", i)
		bids = append(bids, Bid{ID: id, Supplier: Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1",
			Responses: map[string]Response{"price": {Price: criteria.Amount(decimal.NewFromInt(int64(1000 + 100*i)))}, "q1": marks(q1), "q2": marks(2)}})
	}
	return t, bids
}

// TestStaleFixedPointsAreNotUsed: a bid whose cells were replaced after its
// fixed points were worked out (as a trial reads new marks into a copy) is
// totalled on its cells, not on the points kept.
func TestStaleFixedPointsAreNotUsed(t *testing.T) {
	ta, bids := fixedField(4)
	pa, err := Prepare(ta, bids)
	if err != nil {
		t.Fatal(err)
	}
	tb, bidsB := fixedField(0)
	pb, err := Prepare(tb, bidsB)
	if err != nil {
		t.Fatal(err)
	}
	la, lb := pa.byLot["L1"], pb.byLot["L1"]
	for i := range la.per {
		if !la.per[i].fixedFresh() {
			t.Fatalf("bid %d: fixed points not fresh as read", i)
		}
	}
	stale := lb.per[0]
	stale.fixed, stale.fixedFor = la.per[0].fixed, la.per[0].fixedFor // worked out on other cells
	if stale.fixedFresh() {
		t.Fatal("points worked out on other cells read as fresh")
	}
	q := *la
	q.per = append([]bidPrep{stale}, la.per[1:]...)
	q.bids = lb.bids
	got, want := q.evaluate(), lb.evaluate()
	for i := range want.Bids {
		if g, w := got.Bids[i].Total.Points, want.Bids[i].Total.Points; got.Bids[i].BidID != want.Bids[i].BidID || !g.Value.Equal(w.Value) {
			t.Errorf("bid %s: total %s, want %s (%s)", got.Bids[i].BidID, g, w, want.Bids[i].BidID)
		}
	}
	if a, b := la.evaluate().Bids[0].Total.Points, want.Bids[0].Total.Points; a.Value.Equal(b.Value) {
		t.Fatalf("the two fields should differ in the first bid's total: %s", a)
	}
}
