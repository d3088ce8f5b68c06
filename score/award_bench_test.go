package score_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/score"
)

// awardField is a tender of 10 band lots with 200 suppliers bidding for
// every one (2,000 bids), capped at 2 lots per supplier.
func awardField(m score.AllocationMethod) (score.Tender, []score.Bid) {
	var lots []score.Lot
	for k := range 10 {
		lots = append(lots, bandLot(fmt.Sprintf("L%02d", k+1), fmt.Sprint((k+1)*100000)))
	}
	tn, _ := multiLot(capped(2, m, score.ValueDescending), lots, nil)
	var bids []score.Bid
	for k, l := range lots {
		for s := range 200 {
			// scores from 40.00 to 99.99, spread deterministically
			sc := decimal.New(4000+int64((s*7919+k*104729)%6000), -2)
			bids = append(bids, bandBid(l.ID, fmt.Sprintf("S%03d", s), sc.String()))
		}
	}
	return tn, bids
}

func benchmarkAward(b *testing.B, m score.AllocationMethod) {
	tn, bids := awardField(m)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := score.Award(tn, bids); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAward10x200 measures the whole award — validation, the
// evaluation of 2,000 bids, the allocation with the highest total score and
// the explanations — for 10 lots × 200 bidders.
// BenchmarkAllocateOptimal10x200 (allocation_internal_test.go) measures the
// allocation alone.
func BenchmarkAward10x200(b *testing.B) { benchmarkAward(b, score.MaxTotalScore) }

// BenchmarkAward10x200InOrder is the same award in declared order.
func BenchmarkAward10x200InOrder(b *testing.B) { benchmarkAward(b, score.InOrder) }
