package analysis_test

import (
	"fmt"
	"slices"
	"syscall"
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

// cpuTime is the CPU time the process has used, on every core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchmarkAnalyse runs every analysis on one lot of n bids, and reports it
// against one evaluation of the same lot measured in the same iterations
// (the median of five, see evaluation), like for like: prepared analyses a
// lot already validated (AnalysePrepared) against Prepared.EvaluateLot;
// otherwise Analyse validates it first, against score.Evaluate, which does
// too. x-evaluation is the ratio of wall times, x-evaluation-cpu that of
// the CPU time of the process (both cores, the collector included), which
// holds when other work shares the machine.
func benchmarkAnalyse(b *testing.B, n int, prepared bool) {
	tn, bids := benchLot(n)
	p, err := score.Prepare(tn, bids)
	if err != nil {
		b.Fatal(err)
	}
	evaluate := func() { p.EvaluateLot("L1") }
	if !prepared {
		evaluate = func() { _, _ = score.Evaluate(tn, bids) }
	}
	var eval, evalCPU, cpu time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		e, ec := evaluation(evaluate)
		eval += e
		evalCPU += ec
		c0 := cpuTime()
		b.StartTimer()
		if prepared {
			_, err = analysis.AnalysePrepared(p, "L1")
		} else {
			_, err = analysis.Analyse(tn, "L1", bids)
		}
		b.StopTimer()
		cpu += cpuTime() - c0
		b.StartTimer()
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed())/float64(eval), "x-evaluation")
	b.ReportMetric(float64(cpu)/float64(evalCPU), "x-evaluation-cpu")
	b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(eval)/float64(b.N)/1e6, "evaluation-ms")
}

// evaluation times one evaluation of the lot as the median of five, and
// its CPU time as their mean: one evaluation of 200 prepared bids takes a
// tenth of a millisecond, and a single one varies by half from one to the
// next (a collection starting, the caches), which the ratio would inherit.
func evaluation(evaluate func()) (wall, cpu time.Duration) {
	var walls [5]time.Duration
	c0 := cpuTime()
	for i := range walls {
		t0 := time.Now()
		evaluate()
		walls[i] = time.Since(t0)
	}
	cpu = (cpuTime() - c0) / time.Duration(len(walls))
	slices.Sort(walls[:])
	return walls[len(walls)/2], cpu
}

// BenchmarkAnalyse30, 200 and 1000 run every analysis (what it takes to win,
// sensitivity, rank reversal, abnormally low prices; each answer confirmed
// by re-scoring) on lots of 30, 200 and 1,000 bids, validation included;
// BenchmarkAnalysePrepared200 and 1000 on lots already validated.
func BenchmarkAnalyse30(b *testing.B)           { benchmarkAnalyse(b, 30, false) }
func BenchmarkAnalyse200(b *testing.B)          { benchmarkAnalyse(b, 200, false) }
func BenchmarkAnalyse1000(b *testing.B)         { benchmarkAnalyse(b, 1000, false) }
func BenchmarkAnalysePrepared200(b *testing.B)  { benchmarkAnalyse(b, 200, true) }
func BenchmarkAnalysePrepared1000(b *testing.B) { benchmarkAnalyse(b, 1000, true) }
