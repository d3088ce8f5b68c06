package score_test

import (
	"math"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tenderscore/tenderscore/score"
)

// floatField is benchField's inputs as float64s, read before any timing: the
// reference loop below computes and ranks, nothing else.
type floatField struct {
	ids    []string
	prices []float64
	marks  [][]float64 // by bid, then by question in benchField's order (15 quality, 4 social value)
	avail  []float64   // each question's marks available
}

func floatInputs(bids []score.Bid) floatField {
	var f floatField
	for i := range 19 {
		switch {
		case i < 10:
			f.avail = append(f.avail, 50*7.0/100)
		case i < 15:
			f.avail = append(f.avail, 50*6.0/100)
		default:
			f.avail = append(f.avail, 10*25.0/100)
		}
	}
	ids := make([]string, 0, 19)
	for i := range 15 {
		ids = append(ids, "q"+string(rune('0'+i/10))+string(rune('0'+i%10)))
	}
	for i := range 4 {
		ids = append(ids, "sv"+string(rune('0'+i)))
	}
	sorted := slices.Clone(bids)
	slices.SortFunc(sorted, func(a, b score.Bid) int { return strings.Compare(a.ID, b.ID) })
	for _, b := range sorted {
		f.ids = append(f.ids, b.ID)
		f.prices = append(f.prices, b.Responses["price"].Price.Amount.InexactFloat64())
		ms := make([]float64, len(ids))
		for j, id := range ids {
			ms[j] = b.Responses[id].Marks.Consensus.Mark.InexactFloat64()
		}
		f.marks = append(f.marks, ms)
	}
	return f
}

// floatRanks is the benchmark policy in float64, the way a spreadsheet
// would do it: price relative to the lowest × 40, each mark ÷ 4 × its marks
// available, each rounded to 2 places half-up, summed; ranked by total, then
// quality points, then lower price, then bid id. It returns the bid ids in
// rank order. Only a benchmark and its agreement test use it: money and
// scores are never float64 in the library.
func floatRanks(f floatField) []string {
	n := len(f.prices)
	lo := math.Inf(1)
	for _, p := range f.prices {
		lo = min(lo, p)
	}
	round := func(x float64) float64 { return math.Floor(x*100+0.5) / 100 }
	total := make([]float64, n)
	quality := make([]float64, n)
	for i := range n {
		price := round(lo / f.prices[i] * 40)
		q, sv := 0.0, 0.0
		for j, m := range f.marks[i] {
			pts := round(m / 4 * f.avail[j])
			if j < 15 {
				q += pts
			} else {
				sv += pts
			}
		}
		total[i] = math.Round((price + q + sv) * 100) // in hundredths, so equal totals compare equal
		quality[i] = math.Round(q * 100)
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		switch {
		case total[a] != total[b]:
			return cmpDesc(total[a], total[b])
		case quality[a] != quality[b]:
			return cmpDesc(quality[a], quality[b])
		case f.prices[a] != f.prices[b]:
			return cmpDesc(f.prices[b], f.prices[a])
		}
		return strings.Compare(f.ids[a], f.ids[b])
	})
	out := make([]string, n)
	for i, k := range order {
		out[i] = f.ids[k]
	}
	return out
}

func cmpDesc(a, b float64) int {
	if a > b {
		return -1
	}
	return 1
}

// TestFloatReferenceAgreesOnRanks checks the benchmark's float64 reference
// against the engine: the same bids in the same order.
func TestFloatReferenceAgreesOnRanks(t *testing.T) {
	tn, bids := benchField(3000)
	p, err := score.Prepare(tn, bids)
	if err != nil {
		t.Fatal(err)
	}
	l, _ := p.EvaluateLot("L1")
	var got []string
	for _, s := range l.Standings {
		got = append(got, s.BidID)
	}
	want := floatRanks(floatInputs(bids))
	if !slices.Equal(got, want) {
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("rank %d: engine %s, float64 reference %s", i+1, got[i], want[i])
			}
		}
	}
}

// BenchmarkKernel measures one lot of 100,000 bids × 20 criteria (price, 15
// quality questions, 4 social value questions) three ways in one run, so
// that the ratios hold however busy the machine is:
//
//   - float64: the reference loop above, on inputs read beforehand;
//   - prepared: Prepared.Evaluate, the numbers and the explanation records
//     of every bid (no words: those are made when a bid is rendered);
//   - evaluate: score.Evaluate, validation included.
//
// Each reports ns and bytes per bid-criterion; x-float64 is the wall time
// against the float64 loop's, measured in the same iterations, and
// x-float64-cpu the same for the CPU time the process used (both cores,
// the collector included), which holds when other work shares the machine.
// x-float64-reading is the wall time against the float64 loop run on the
// bids themselves — each bid's map of responses read into float64s, then
// computed and ranked, on one core — the fair reference for evaluate, which
// reads (and validates) the bids as it scores them.
// cpuTime is the CPU time the process has used, on every core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkKernel(b *testing.B) {
	const n = 100_000
	tn, bids := benchField(n)
	ff := floatInputs(bids)
	p, err := score.Prepare(tn, bids)
	if err != nil {
		b.Fatal(err)
	}
	cells := float64(n * 20)
	run := func(b *testing.B, timed func()) {
		var ms0, ms1 runtime.MemStats
		var ref, refCPU, refRead, cpu time.Duration
		var bytes uint64
		runtime.GC()
		b.ResetTimer()
		for b.Loop() {
			b.StopTimer()
			t0, c0 := time.Now(), cpuTime()
			floatRanks(ff)
			ref += time.Since(t0)
			refCPU += cpuTime() - c0
			t0 = time.Now()
			floatRanks(floatInputs(bids))
			refRead += time.Since(t0)
			runtime.ReadMemStats(&ms0)
			c0 = cpuTime()
			b.StartTimer()
			timed()
			b.StopTimer()
			cpu += cpuTime() - c0
			runtime.ReadMemStats(&ms1)
			bytes += ms1.TotalAlloc - ms0.TotalAlloc
			b.StartTimer()
		}
		b.StopTimer()
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/cells, "ns/bid-criterion")
		b.ReportMetric(float64(bytes)/float64(b.N)/cells, "B/bid-criterion")
		b.ReportMetric(float64(b.Elapsed())/float64(ref), "x-float64")
		b.ReportMetric(float64(b.Elapsed())/float64(refRead), "x-float64-reading")
		b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
		b.ReportMetric(float64(cpu)/float64(refCPU), "x-float64-cpu")
	}
	b.Run("float64", func(b *testing.B) { run(b, func() { floatRanks(ff) }) })
	b.Run("prepared", func(b *testing.B) { run(b, func() { p.Evaluate() }) })
	b.Run("evaluate", func(b *testing.B) {
		run(b, func() {
			if _, err := score.Evaluate(tn, bids); err != nil {
				b.Fatal(err)
			}
		})
	})
}
