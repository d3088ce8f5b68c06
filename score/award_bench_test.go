package score_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/score"
)

// awardField is a tender of n band lots with m suppliers bidding for
// every one (n × m bids), capped at 2 lots per supplier.
func awardField(method score.AllocationMethod, n, m int) (score.Tender, []score.Bid) {
	var lots []score.Lot
	for k := range n {
		lots = append(lots, bandLot(fmt.Sprintf("L%02d", k+1), fmt.Sprint((k+1)*100000)))
	}
	tn, _ := multiLot(capped(2, method, score.ValueDescending), lots, nil)
	bids := make([]score.Bid, 0, n*m)
	for k, l := range lots {
		for s := range m {
			// scores from 40.00 to 99.99, spread deterministically
			sc := decimal.New(4000+int64((s*7919+k*104729)%6000), -2)
			bids = append(bids, bandBid(l.ID, fmt.Sprintf("S%04d", s), sc.String()))
		}
	}
	return tn, bids
}

func benchmarkAward(b *testing.B, method score.AllocationMethod, n, m int) {
	tn, bids := awardField(method, n, m)
	var cpu time.Duration
	runtime.GC() // the field's own garbage is collected before the timing, not during it
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		c0 := cpuTime()
		if _, err := score.Award(tn, bids); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - c0
	}
	b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkAward10x200 measures the whole award — validation, the
// evaluation of 2,000 bids, the allocation with the highest total score and
// the explanations — for 10 lots × 200 bidders.
// BenchmarkAllocateOptimal10x200 (allocation_internal_test.go) measures the
// allocation alone.
func BenchmarkAward10x200(b *testing.B) { benchmarkAward(b, score.MaxTotalScore, 10, 200) }

// BenchmarkAward10x200InOrder is the same award in declared order.
func BenchmarkAward10x200InOrder(b *testing.B) { benchmarkAward(b, score.InOrder, 10, 200) }

// BenchmarkAward50x5000 is the award of issue 12's target: 50 lots, 5,000
// suppliers bidding for every one (250,000 bids), capped at 2 lots each,
// allocated for the highest total score; and the same in declared order.
func BenchmarkAward50x5000(b *testing.B)        { benchmarkAward(b, score.MaxTotalScore, 50, 5000) }
func BenchmarkAward50x5000InOrder(b *testing.B) { benchmarkAward(b, score.InOrder, 50, 5000) }
