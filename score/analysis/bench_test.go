package analysis_test

import (
	"fmt"
	"os"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/shopspring/decimal"

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
// (see evaluation), like for like: prepared analyses a lot already
// validated (AnalysePrepared) against Prepared.EvaluateLot; otherwise
// Analyse validates it first, against score.Evaluate, which does too.
//
// x-evaluation is the ratio of wall times with the evaluation's mean,
// x-evaluation-median with its median, x-median-median the analyses'
// median with the evaluations' (each the run a collection slowed least),
// x-evaluation-cpu the ratio of the CPU time of the process (both cores,
// the collector included), which holds when other work shares the
// machine.
func benchmarkAnalyse(b *testing.B, n int, prepared bool) {
	tn, bids := benchLot(n)
	benchmarkAnalyseLot(b, tn, bids, prepared)
}

// benchmarkAnalyseLot is benchmarkAnalyse on a given lot.
func benchmarkAnalyseLot(b *testing.B, tn score.Tender, bids []score.Bid, prepared bool) {
	p, err := score.Prepare(tn, bids)
	if err != nil {
		b.Fatal(err)
	}
	evaluate := func() { p.EvaluateLot("L1") }
	if !prepared {
		evaluate = func() { _, _ = score.Evaluate(tn, bids) }
	}
	var ev evaluations
	var cpu time.Duration
	var walls []time.Duration // each analysis's
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		ev.run(evaluate)
		c0 := cpuTime()
		b.StartTimer()
		t0 := time.Now()
		if prepared {
			_, err = analysis.AnalysePrepared(p, "L1")
		} else {
			_, err = analysis.Analyse(tn, "L1", bids)
		}
		wall := time.Since(t0)
		b.StopTimer()
		cpu += cpuTime() - c0
		walls = append(walls, wall)
		b.StartTimer()
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	mean, median, meanCPU := ev.read()
	perOp := float64(b.Elapsed()) / float64(b.N)
	b.ReportMetric(perOp/float64(mean), "x-evaluation")
	b.ReportMetric(perOp/float64(median), "x-evaluation-median")
	b.ReportMetric(float64(slices.Sorted(slices.Values(walls))[len(walls)/2])/float64(median), "x-median-median")
	b.ReportMetric(float64(cpu)/float64(b.N)/float64(meanCPU), "x-evaluation-cpu")
	b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(mean)/1e6, "evaluation-ms")
}

// evaluations times evaluations of the lot, run back to back before each
// analysis, as many as the target ratio: run so, they pay for collecting
// their own garbage as the analysis does of its own. Their mean is that
// steady state; their median the evaluation a collection did not slow,
// which favours the evaluation. (Timed singly right after an analysis, as
// the median of five, they ran in whatever collection the analysis had
// left running: the same evaluation measured 0.12 or 0.16 ms depending on
// the analysis before it.)
type evaluations struct {
	walls []time.Duration
	cpu   time.Duration
}

func (e *evaluations) run(evaluate func()) {
	const runs = 20
	c0 := cpuTime()
	for range runs {
		t0 := time.Now()
		evaluate()
		e.walls = append(e.walls, time.Since(t0))
	}
	e.cpu += cpuTime() - c0
}

// read returns the mean and the median wall time of one evaluation, and
// the mean CPU time.
func (e *evaluations) read() (mean, median, cpu time.Duration) {
	if len(e.walls) == 0 {
		return 1, 1, 1
	}
	var sum time.Duration
	for _, w := range e.walls {
		sum += w
	}
	n := time.Duration(len(e.walls))
	sorted := slices.Sorted(slices.Values(e.walls))
	return sum / n, sorted[len(sorted)/2], max(e.cpu/n, 1)
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

// shareOfPriceLot is benchLot with a social value criterion (20%, price
// 40%) whose offer is apprenticeship starts valued at the sample
// catalogue's proxy, as a share of the bid's own price: every change of
// price moves the bid's offer, and may move the best.
func shareOfPriceLot(b testing.TB, n int) (score.Tender, []score.Bid) {
	tn, bids := benchLot(n)
	f, err := os.Open("../../criteria/testdata/sample-catalogue.csv")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	cat, err := criteria.LoadCatalogueCSV(f)
	if err != nil {
		b.Fatal(err)
	}
	pol := &tn.Lots[0].Policy
	pol.Criteria[1].Weight = decimal.NewFromInt(40)
	pol.Criteria = append(pol.Criteria, score.Criterion{ID: "appr", Title: "Apprenticeships", Weight: decimal.NewFromInt(20),
		SocialValue: &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisProxyValue,
			Per: criteria.ShareOfBidPrice, Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}})
	for i := range bids {
		q := decimal.NewFromInt(int64((i * 13) % 17))
		bids[i].Responses["appr"] = score.Response{SocialValue: criteria.SocialValueResponse{
			Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &q}}}}
	}
	return tn, bids
}

// BenchmarkAnalyseShareOfPrice200 and 1000 run every analysis, prepared,
// on lots whose social value is a share of the bid's price (issue 12's
// doubt: such a lot is not yet linear in its bids).
func BenchmarkAnalyseShareOfPrice200(b *testing.B) {
	tn, bids := shareOfPriceLot(b, 200)
	benchmarkAnalyseLot(b, tn, bids, true)
}

func BenchmarkAnalyseShareOfPrice1000(b *testing.B) {
	tn, bids := shareOfPriceLot(b, 1000)
	benchmarkAnalyseLot(b, tn, bids, true)
}

// BenchmarkEvaluateShareOfPrice10000 evaluates the share-of-price lot of
// 10,000 bids from scratch (score.Evaluate: validated, read, each social
// value response checked and measured once) and prepared
// (Prepared.EvaluateLot: the measurements only compared with the field's
// best), the README's figures for social value measured once per bid.
func BenchmarkEvaluateShareOfPrice10000(b *testing.B) {
	tn, bids := shareOfPriceLot(b, 10000)
	p, err := score.Prepare(tn, bids)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("scratch", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := score.Evaluate(tn, bids); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("prepared", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			p.EvaluateLot("L1")
		}
	})
}

// wideFrontLot is shareOfPriceLot with quality and the social value offer
// both rising with the price: a dearer bid has more of each, so no bid
// covers another and every bid may lead a trial that moves the best offer
// (score's contenders, trial_lead.go, at their widest).
func wideFrontLot(b testing.TB, n int) (score.Tender, []score.Bid) {
	tn, bids := shareOfPriceLot(b, n)
	for i := range bids {
		q := int64(i * 5 / n)
		starts := decimal.NewFromInt(int64(i + 1))
		bids[i].Responses["price"] = score.Response{Price: criteria.Amount(decimal.NewFromInt(int64(400000 + 1000*i)))}
		bids[i].Responses["q1"], bids[i].Responses["q2"] = consensus(q), consensus(q)
		bids[i].Responses["appr"] = score.Response{SocialValue: criteria.SocialValueResponse{
			Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &starts}}}}
	}
	return tn, bids
}

// BenchmarkAnalyseShareOfPriceWideFront200 and 1000 run every analysis,
// prepared, on wideFrontLot: at 200 bids every bid is a contender, at 1,000
// the contenders' budget runs out and a trial walks every bid.
func BenchmarkAnalyseShareOfPriceWideFront200(b *testing.B) {
	tn, bids := wideFrontLot(b, 200)
	benchmarkAnalyseLot(b, tn, bids, true)
}

func BenchmarkAnalyseShareOfPriceWideFront1000(b *testing.B) {
	tn, bids := wideFrontLot(b, 1000)
	benchmarkAnalyseLot(b, tn, bids, true)
}

// BenchmarkAnalyseShareOfPriceThreshold200 is the 200-bid lot with a
// minimum quality of 50%, social value counted as quality: a best offer a
// trial moves can take a bid across it, and such a trial evaluates the
// lot whole (trial_threshold.go in package score).
func BenchmarkAnalyseShareOfPriceThreshold200(b *testing.B) {
	tn, bids := shareOfPriceLot(b, 200)
	m := decimal.NewFromInt(50)
	tn.Lots[0].Policy.Thresholds.MinQualityPercent = &m
	benchmarkAnalyseLot(b, tn, bids, true)
}

// BenchmarkAnalyseShareOfPriceThreshold1000 is the same on 1,000 bids, where
// a trial that lifts the best offer takes dozens of bids below the minimum.
func BenchmarkAnalyseShareOfPriceThreshold1000(b *testing.B) {
	tn, bids := shareOfPriceLot(b, 1000)
	m := decimal.NewFromInt(50)
	tn.Lots[0].Policy.Thresholds.MinQualityPercent = &m
	benchmarkAnalyseLot(b, tn, bids, true)
}

// BenchmarkAnalyseShareOfPriceQualityThreshold200 has the minimum over the
// quality criterion alone: no best offer moves a bid across it.
func BenchmarkAnalyseShareOfPriceQualityThreshold200(b *testing.B) {
	tn, bids := shareOfPriceLot(b, 200)
	m := decimal.NewFromInt(50)
	tn.Lots[0].Policy.Thresholds.MinQualityPercent = &m
	tn.Lots[0].Policy.Thresholds.QualityCriteria = []string{tn.Lots[0].Policy.Criteria[1].ID}
	benchmarkAnalyseLot(b, tn, bids, true)
}

// perQualityPointLot is shareOfPriceLot under price per quality point: the
// price divides the quality points (quality 80, apprenticeships 20 as a
// share of the bid's price), so a trial of a price that moves the best
// offer re-scores the bids that could still lead (package score,
// Trials.trial), and the weight sensitivity reads each hundredth of the
// two ratios' window in machine integers.
func perQualityPointLot(b testing.TB, n int) (score.Tender, []score.Bid) {
	tn, bids := shareOfPriceLot(b, n)
	pol := &tn.Lots[0].Policy
	pol.Basis = score.PricePerQualityPoint
	pol.Criteria[0].Weight, pol.Criteria[1].Weight = decimal.Zero, decimal.NewFromInt(80)
	pol.Criteria[0].Price.Method = criteria.PerQualityPoint
	return tn, bids
}

// BenchmarkAnalysePerQualityPoint200 runs every analysis, prepared, on the
// 200-bid perQualityPointLot.
func BenchmarkAnalysePerQualityPoint200(b *testing.B) {
	tn, bids := perQualityPointLot(b, 200)
	benchmarkAnalyseLot(b, tn, bids, true)
}

// BenchmarkAnalysePerQualityPointThreshold200 is the same lot under a
// minimum quality score of 50% counting social value: a shift of weight
// takes bids across it, which leave or join, and moves no other bid's
// figures.
func BenchmarkAnalysePerQualityPointThreshold200(b *testing.B) {
	tn, bids := perQualityPointLot(b, 200)
	m := decimal.NewFromInt(50)
	tn.Lots[0].Policy.Thresholds.MinQualityPercent = &m
	benchmarkAnalyseLot(b, tn, bids, true)
}
