package tenderfile

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// Decoding must not cost more than scoring (issue 12): these benchmarks
// read 10,000 bids for testdata/tender.yaml — a price, two questions marked
// by two evaluators and a consensus, a gate — from CSV and from YAML, beside
// validating and evaluating the same bids. Run them together:
//
//	go test ./tenderfile -run '^$' -bench 10000 -benchmem

const benchBids = 10000

// fieldOf makes n bids with distinct prices and marks; every supplier is
// fictional.
func fieldOf(n int) []score.Bid {
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
		price := decimal.New(int64(400000+37*i), -2).Add(decimal.NewFromInt(400000))
		bids[i] = score.Bid{
			ID:       fmt.Sprintf("B-%05d", i),
			Supplier: score.Supplier{ID: fmt.Sprintf("S-%05d", i), Name: fmt.Sprintf("Fictional Supplier %d Ltd", i)},
			Lot:      "1",
			Gates:    map[string]criteria.GateResult{"ce-plus": {Pass: i%17 != 0, Reason: "certificate checked"}},
			Responses: map[string]score.Response{
				"price":    {Price: criteria.Amount(price)},
				"approach": {Marks: m(0)},
				"team":     {Marks: m(1)},
			},
		}
	}
	return bids
}

type benchInputs struct {
	tender score.Tender
	bids   []score.Bid
	yaml   []byte
	json   []byte
	csv    map[string][]byte
}

// newBenchInputs makes the tender and n bids, and the files asked for.
func newBenchInputs(b *testing.B, n int, yaml, csv bool) benchInputs {
	in := benchInputs{tender: fuzzTender(b), bids: fieldOf(n)}
	if yaml {
		var buf bytes.Buffer
		if err := EncodeBids(&buf, in.bids, YAML); err != nil {
			b.Fatal(err)
		}
		in.yaml = buf.Bytes()
		var js bytes.Buffer
		if err := EncodeBids(&js, in.bids, JSON); err != nil {
			b.Fatal(err)
		}
		in.json = js.Bytes()
	}
	if csv {
		files, err := EncodeBidsCSV(in.bids)
		if err != nil {
			b.Fatal(err)
		}
		in.csv = files
	}
	return in
}

func (in benchInputs) csvFiles() []CSVFile {
	var out []CSVFile
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range in.csv {
			if !yield(k) {
				return
			}
		}
	}) {
		out = append(out, CSVFile{Name: name, R: bytes.NewReader(in.csv[name])})
	}
	return out
}

func BenchmarkReadBidsCSV10000(b *testing.B) {
	in := newBenchInputs(b, benchBids, false, true)
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := ReadBidsCSV(in.tender, in.csvFiles()...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadBidsYAML3000 reads fewer bids: 10,000 of them in YAML (about
// 10 MB) are over the 4 MiB a YAML file may hold (MaxYAMLBytes).
func BenchmarkReadBidsYAML3000(b *testing.B) {
	in := newBenchInputs(b, 3000, true, false)
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := ReadBids("bids.yaml", bytes.NewReader(in.yaml)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadBidsJSON10000(b *testing.B) {
	in := newBenchInputs(b, benchBids, true, false)
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := ReadBids("bids.json", bytes.NewReader(in.json)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate10000(b *testing.B) {
	in := newBenchInputs(b, benchBids, false, false)
	b.ResetTimer()
	for b.Loop() {
		if err := in.tender.Validate(in.bids); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEvaluate10000(b *testing.B) {
	in := newBenchInputs(b, benchBids, false, false)
	b.ResetTimer()
	for b.Loop() {
		if _, err := score.Evaluate(in.tender, in.bids); err != nil {
			b.Fatal(err)
		}
	}
}
