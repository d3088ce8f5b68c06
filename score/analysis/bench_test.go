package analysis_test

import (
	"fmt"
	"testing"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score/analysis"
)

// BenchmarkAnalyse30 runs every analysis on a lot of 30 bids, a large
// realistic field: each answer re-scores the field some tens of times.
func BenchmarkAnalyse30(b *testing.B) {
	var specs []bidSpec
	for i := range 30 {
		specs = append(specs, bidSpec{fmt.Sprintf("B%02d", i), fmt.Sprintf("Bidder %02d Ltd", i),
			fmt.Sprint(400000 + (i*7919)%250000), int64(i % 5), int64((i * 3) % 5), true})
	}
	tn, bids := fixture(criteria.Relative, specs...)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := analysis.Analyse(tn, "L1", bids); err != nil {
			b.Fatal(err)
		}
	}
}
