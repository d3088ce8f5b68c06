package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/tenderfile"
)

// BenchmarkScoreCSV10000 runs "tenderscore score" on a tender and 10,000
// bids in CSV files (prices, two questions marked by two evaluators and a
// consensus, a gate): reading, validating once, scoring and writing the
// text report. Issue 12's target is 2 s and 500 MB on the 2-core machine.
//
//	go test ./cmd/tenderscore -run '^$' -bench ScoreCSV -benchmem
func BenchmarkScoreCSV10000(b *testing.B) {
	dir := b.TempDir()
	files, err := tenderfile.EncodeBidsCSV(benchField(10000))
	if err != nil {
		b.Fatal(err)
	}
	args := []string{"score", "--quiet", "../../tenderfile/testdata/tender.yaml"}
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range files {
			if !yield(k) {
				return
			}
		}
	}) {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, files[name], 0o600); err != nil {
			b.Fatal(err)
		}
		args = append(args, path)
	}
	b.ResetTimer()
	for b.Loop() {
		if status := run(args, nil, io.Discard, io.Discard); status != exitOK {
			b.Fatalf("status %d", status)
		}
	}
}

// benchField makes n bids for tenderfile/testdata/tender.yaml; every
// supplier is fictional.
func benchField(n int) []score.Bid {
	bids := make([]score.Bid, n)
	for i := range bids {
		m := func(k int) criteria.Marks {
			mark := decimal.NewFromInt(int64((i + k) % 5))
			why := fmt.Sprintf("answer %d seen against the descriptors", i)
			return criteria.Marks{
				Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: mark, Rationale: why}, {Evaluator: "E2", Mark: mark, Rationale: why}},
				Consensus:  &criteria.Consensus{Mark: mark, Rationale: why},
			}
		}
		bids[i] = score.Bid{
			ID:       fmt.Sprintf("B-%05d", i),
			Supplier: score.Supplier{ID: fmt.Sprintf("S-%05d", i), Name: fmt.Sprintf("Fictional Supplier %d Ltd", i)},
			Lot:      "1",
			Gates:    map[string]criteria.GateResult{"ce-plus": {Pass: i%17 != 0, Reason: "certificate checked"}},
			Responses: map[string]score.Response{
				"price":    {Price: criteria.Amount(decimal.New(int64(40000000+3700*i), -2))},
				"approach": {Marks: m(0)},
				"team":     {Marks: m(1)},
			},
		}
	}
	return bids
}
