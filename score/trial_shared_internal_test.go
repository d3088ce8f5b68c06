package score

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
)

// TestMovedFieldsKeptAreBounded: a Trials asked about more moved fields
// than it keeps (here B1 at 2,100 prices below the field's lowest, each
// twice, so that each is published) never holds more than fieldsKept of
// them, and its trials still find what evaluating the changed lot finds,
// after forgetting as before it.
func TestMovedFieldsKeptAreBounded(t *testing.T) {
	tn, bids := fixedField(4)
	p, err := Prepare(tn, bids)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := p.Trials("L1")
	limit := fieldsKept(len(bids))
	for i := range 2100 {
		price := decimal.New(int64(1000+i*40), -2) // £10.00 up to £849.60: below the lowest, £1,000
		for range 2 {
			got, err := tr.WithPrice("B1", "price", price)
			if err != nil {
				t.Fatal(err)
			}
			if i%150 == 0 {
				b := bids[1]
				b.Responses = map[string]Response{"price": {Price: criteria.Amount(price)}, "q1": b.Responses["q1"], "q2": b.Responses["q2"]}
				q, err := p.WithBid(b)
				if err != nil {
					t.Fatal(err)
				}
				want, _ := q.EvaluateLot("L1")
				if got.Outcome != want.Outcome || got.Winner != want.Winner {
					t.Fatalf("B1 at %s: trial %s, evaluated %s %s", price, got, want.Outcome, want.Winner)
				}
			}
		}
		if n, m := len(tr.fields), len(tr.met); n > limit || m > limit {
			t.Fatalf("after %d prices the Trials keeps %d moved fields and %d met once, more than %d", i+1, n, m, limit)
		}
	}
	if len(tr.fields) == 0 {
		t.Fatal("no moved field noted: the trials did not move the field")
	}
}

// TestPublishedFieldOutlivesItsTrial: a moved field published by one trial
// is read by a later trial after the first is released and its storage
// has re-scored other fields (trial_store.go): each bid's total there is
// what evaluating the changed lot gives. Publishing the trial's own
// storage, not a copy, fails it: B0 then reads as re-scored against a
// lowest price of £800.00.
func TestPublishedFieldOutlivesItsTrial(t *testing.T) {
	tn, bids := fixedField(4)
	p, err := Prepare(tn, bids)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := p.Trials("L1")
	try := func(id string, pence int64) {
		t.Helper()
		price := decimal.New(pence, -2)
		got, err := tr.WithPrice(id, "price", price)
		if err != nil {
			t.Fatal(err)
		}
		defer got.Release()
		i := tr.index[id]
		b := bids[i]
		b.Responses = map[string]Response{"price": {Price: criteria.Amount(price)}, "q1": b.Responses["q1"], "q2": b.Responses["q2"]}
		q, err := p.WithBid(b)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := q.EvaluateLot("L1")
		for _, w := range want.Bids {
			g, ok := got.Total(w.BidID)
			if !ok || g.Value.Cmp(w.Total.Points.Value) != 0 {
				t.Fatalf("%s at %s: %s totals %v in the trial, %s evaluated", id, price, w.BidID, g.Value, w.Total.Points.Value)
			}
		}
	}
	try("B1", 1000) // £10.00, below the lowest (£1,000): the field is met,
	try("B1", 1000) // and met again, so published
	for _, pence := range []int64{50000, 60000, 70000, 80000} {
		try("B1", pence) // other fields, re-scored into the released trials' storage
	}
	if len(tr.fields) == 0 {
		t.Fatal("no moved field noted: the trials did not move the field")
	}
	try("B1", 1000) // the published field, read again
}
