package analysis_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
)

// benchLot is a lot of n fictional bids for the analysis benchmarks.
func benchLot(n int) (score.Tender, []score.Bid) {
	var specs []bidSpec
	for i := range n {
		specs = append(specs, bidSpec{fmt.Sprintf("B%04d", i), fmt.Sprintf("Bidder %04d Ltd", i),
			fmt.Sprint(400000 + (i*7919)%250000), int64(i % 5), int64((i * 3) % 5), true})
	}
	return fixture(criteria.Relative, specs...)
}

// benchmarkAnalyse runs every analysis on one lot of n bids, and reports it
// against one evaluation of the same lot measured in the same iterations
// (x-evaluation).
func benchmarkAnalyse(b *testing.B, n int) {
	tn, bids := benchLot(n)
	p, err := score.Prepare(tn, bids)
	if err != nil {
		b.Fatal(err)
	}
	var eval time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		t0 := time.Now()
		p.EvaluateLot("L1")
		eval += time.Since(t0)
		b.StartTimer()
		if _, err := analysis.Analyse(tn, "L1", bids); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed())/float64(eval), "x-evaluation")
}

// BenchmarkAnalyse30, 200 and 1000 run every analysis (what it takes to win,
// sensitivity, rank reversal, abnormally low prices; each answer confirmed
// by re-scoring) on lots of 30, 200 and 1,000 bids.
func BenchmarkAnalyse30(b *testing.B)   { benchmarkAnalyse(b, 30) }
func BenchmarkAnalyse200(b *testing.B)  { benchmarkAnalyse(b, 200) }
func BenchmarkAnalyse1000(b *testing.B) { benchmarkAnalyse(b, 1000) }
