package tenderfile

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
)

// Hostile files, as a bidder could upload them to a portal that embeds
// this package (issue 11). Each is rejected with a bounded list of
// problems, in memory bounded by a small multiple of its size; memory is
// measured, never time.

// peakHeap runs f and returns the most heap it held at once, sampled
// every half millisecond beyond what was in use before: a measure, not a
// timing, so the test stays deterministic enough to bound generously.
func peakHeap(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	done, peak := make(chan struct{}), make(chan uint64)
	go func() {
		most := uint64(0)
		tick := time.NewTicker(500 * time.Microsecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				peak <- most
				return
			case <-tick.C:
				most = max(most, read())
			}
		}
	}()
	f()
	close(done)
	most := max(<-peak, read())
	if most < base {
		return 0
	}
	return most - base
}

// emptyBids writes a bids file of n empty bids: "{}" each, three bytes a
// bid in JSON or YAML flow style.
func emptyBids(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"schemaVersion": "tenderscore/bids/1", "bids": [`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("{}")
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

// A million empty bids (3 MB) are refused as they are read, with 100
// problems and a count, in memory within a small multiple of the file: it
// took 3 GB and printed four million lines.
func TestAMillionEmptyBidsAreRejectedInBoundedMemory(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("a million bids, measured without the race detector (.ci/run runs it so)")
	}
	const n = 1000000
	data := emptyBids(n)
	tn := readTestTender(t)
	for _, c := range []struct {
		name string
		// bytes of heap per byte of file, at most. Each bid is checked on
		// its own as it is read and none is kept after the first problem,
		// so what is held is the file and, for YAML, the parser's tree of
		// it: go.yaml.in/yaml/v3 has no streaming interface and builds a
		// node (some 150 bytes) for each three-byte "{}" before anything is
		// decoded, and the collector lets the heap grow to twice what is
		// live (measured: JSON 6, YAML 109; before, 135 and 199, and 1,000
		// before that). So a YAML file is refused over 4 MiB
		// (MaxYAMLBytes).
		perByte uint64
	}{
		{"bids.json", 12},
		{"bids.yaml", 160},
	} {
		t.Run(c.name, func(t *testing.T) {
			var err error
			var got []score.Bid
			peak := peakHeap(func() {
				got, _, err = ReadBids(c.name, bytes.NewReader(data))
			})
			assert.Nil(t, got, "a file refused gives no bids")
			var ferr *Error
			require.ErrorAs(t, err, &ferr)
			require.Len(t, ferr.Problems, criteria.MaxProblems+1)
			assert.Equal(t, "bids[0].id", ferr.Problems[0].Field)
			assert.Equal(t, "required", ferr.Problems[0].Rule)
			assert.Equal(t, c.name+":1:50", ferr.Problems[0].Pos.String(), "at the first bid's {")
			last := ferr.Problems[criteria.MaxProblems]
			assert.Equal(t, "too-many", last.Rule)
			// Each empty bid lacks an id, a supplier id and name and a lot:
			// 4n problems.
			assert.Equal(t, fmt.Sprint(4*n-criteria.MaxProblems), last.Value)
			assert.Empty(t, last.Pos.Line, "the count has no place in the file")
			t.Logf("%s: %d bytes, peak heap %d MB (%.0f bytes a byte)", c.name, len(data), peak>>20, float64(peak)/float64(len(data)))
			assert.Less(t, peak, c.perByte*uint64(len(data)), "peak heap %d bytes for a file of %d", peak, len(data))
		})
	}
	t.Run("bids.yaml of nulls", func(t *testing.T) {
		// The tiniest YAML values: "-" and a newline, a null bid a line,
		// two bytes a value; the parser's tree is the whole cost
		// (measured: 166 bytes a byte), and why YAML is capped at 4 MiB.
		var b bytes.Buffer
		b.WriteString("schemaVersion: tenderscore/bids/1\nbids:\n")
		for range n {
			b.WriteString("-\n")
		}
		var err error
		peak := peakHeap(func() { _, _, err = ReadBids("bids.yaml", bytes.NewReader(b.Bytes())) })
		var ferr *Error
		require.ErrorAs(t, err, &ferr)
		require.Len(t, ferr.Problems, criteria.MaxProblems+1)
		t.Logf("bids.yaml of nulls: %d bytes, peak heap %d MB (%.0f bytes a byte)", b.Len(), peak>>20, float64(peak)/float64(b.Len()))
		assert.Less(t, peak, 250*uint64(b.Len()))
	})
	t.Run("bids.csv", func(t *testing.T) {
		// A million rows naming a bid each and nothing else: ten bytes a
		// bid. The bids are refused on their identities, checked before a
		// bid is built; what is held is the file, the rows' cells (their
		// text and some 30 bytes a row), each bid's identity as the cells
		// it came from (16 bytes) and the index of bid ids, and the
		// collector's headroom over them (measured: 24 bytes a byte; 88
		// before).
		var b bytes.Buffer
		b.WriteString("bid,lot,supplier,supplierName\n")
		for i := range n {
			fmt.Fprintf(&b, "%d,,,\n", i)
		}
		var err error
		var got []score.Bid
		peak := peakHeap(func() {
			got, _, err = ReadBidsCSV(tn, CSVFile{Name: "bids.csv", R: bytes.NewReader(b.Bytes())})
		})
		assert.Nil(t, got)
		var ferr *Error
		require.ErrorAs(t, err, &ferr)
		require.Len(t, ferr.Problems, criteria.MaxProblems+1)
		assert.Equal(t, "bids.csv:2:A (column 1)", ferr.Problems[0].Pos.String(), "the first bid has no supplier: at its own cell")
		assert.Equal(t, "bids[0].supplier.id", ferr.Problems[0].Field)
		assert.Equal(t, fmt.Sprint(3*n-criteria.MaxProblems), ferr.Problems[criteria.MaxProblems].Value, "no supplier id, supplier name or lot: 3n problems")
		t.Logf("bids.csv: %d bytes, peak heap %d MB (%.0f bytes a byte)", b.Len(), peak>>20, float64(peak)/float64(b.Len()))
		assert.Less(t, peak, 40*uint64(b.Len()))
	})
}

// A number written with millions of digits and an exponent is refused
// from its length, before any big-number work: it took minutes.
func TestALongNumberIsRefusedFromItsLength(t *testing.T) {
	long := strings.Repeat("7", 3000000) + "e1"
	for _, f := range []struct{ name, text string }{
		{"t.yaml", head + "  lots:\n    - estimatedValue: " + long + "\n"},
		{"t.json", `{"schemaVersion": "tenderscore/tender/1", "tender": {"lots": [{"estimatedValue": ` + long + `}]}}`},
		{"s.json", `{"schemaVersion": "tenderscore/tender/1", "tender": {"lots": [{"estimatedValue": "` + long + `"}]}}`},
	} {
		var err error
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, _, err = ReadTender(f.name, strings.NewReader(f.text))
		runtime.ReadMemStats(&after)
		var ferr *Error
		require.ErrorAs(t, err, &ferr, f.name)
		require.Len(t, ferr.Problems, 1, f.name)
		p := ferr.Problems[0]
		assert.Equal(t, "lots[0].estimatedValue", p.Field, f.name)
		assert.Equal(t, "not a number: more than 64 characters", p.Message, f.name)
		assert.LessOrEqual(t, len(p.Value), 45, "the value is abbreviated")
		// Parsing the digits as a big number allocated gigabytes; reading
		// the file is a few times its size.
		assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64*len(f.text)), f.name)
	}
}

// A whole number too large for the field says it is too large, not that
// it is not a whole number (YAML tags it !!float).
func TestAWholeNumberTooLargeSaysSo(t *testing.T) {
	for _, name := range []string{"t.yaml", "t.json"} {
		in := head + "  lots:\n    - termMonths: 99999999999999999999\n"
		if name == "t.json" {
			in = `{"schemaVersion": "tenderscore/tender/1", "tender": {"lots": [{"termMonths": 99999999999999999999}]}}`
		}
		_, _, err := ReadTender(name, strings.NewReader(in))
		var ferr *Error
		require.ErrorAs(t, err, &ferr)
		require.Len(t, ferr.Problems, 1)
		assert.Equal(t, "range", ferr.Problems[0].Rule, name)
		assert.Equal(t, "the number is too large: at most 9223372036854775807", ferr.Problems[0].Message, name)
	}
}

// A file of garbage lists the first 100 problems and counts the rest.
func TestDecodingCountsTheProblemsItLeavesOut(t *testing.T) {
	var b strings.Builder
	b.WriteString(head)
	for i := range 250 {
		fmt.Fprintf(&b, "  unknown%d: x\n", i)
	}
	_, _, err := ReadTender("t.yaml", strings.NewReader(b.String()))
	var ferr *Error
	require.ErrorAs(t, err, &ferr)
	require.Len(t, ferr.Problems, criteria.MaxProblems+1)
	last := ferr.Problems[criteria.MaxProblems]
	assert.Equal(t, "t.yaml: 150 more problems are not shown: only the first 100 are listed (value \"150\", rule too-many)", last.String())
}

// Bids read from JSON element by element are located as precisely as
// bids read whole: the file is parsed again for positions only when a
// problem needs one.
func TestJSONBidsAreLocatedAfterStreaming(t *testing.T) {
	tn := readTestTender(t)
	in := `{"schemaVersion": "tenderscore/bids/1",
 "bids": [
  {"id": "B-1", "supplier": {"id": "S-1", "name": "Alder Ltd"}, "lot": "9"},
  {"id": "B-2", "supplier": {"id": "S-2", "name": "Birch Ltd"}, "lot": "1",
   "responses": {"price": {"price": {"amount": "-5"}}}}
 ]}`
	bids, src, err := ReadBids("b.json", strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, bids, 2)
	err = Validate(tn, bids, src)
	var ferr *Error
	require.ErrorAs(t, err, &ferr)
	want := map[string]string{
		"bids[0].lot":                           "b.json:3:65",
		"bids[1].responses[price].price.amount": "b.json:5:38",
	}
	found := 0
	for _, p := range ferr.Problems {
		if at, ok := want[p.Field]; ok {
			assert.Equal(t, at, p.Pos.String(), p.Field)
			found++
		}
	}
	assert.Equal(t, len(want), found, "%v", err)
}

// A problem in one JSON bid is reported with the bids after it, and the
// envelope's problems come first and alone.
func TestStreamedJSONReportsEveryBidsProblem(t *testing.T) {
	in := `{"schemaVersion": "tenderscore/bids/1", "bids": [{"id": 1}, {"id": "B-2", "lott": "1"}]}`
	_, _, err := ReadBids("b.json", strings.NewReader(in))
	var ferr *Error
	require.ErrorAs(t, err, &ferr)
	require.Len(t, ferr.Problems, 2, "%v", err)
	assert.Equal(t, "bids[0].id", ferr.Problems[0].Field)
	assert.Equal(t, "bids[1].lott", ferr.Problems[1].Field)

	in = `{"schemaVersion": "tenderscore/bids/9", "bids": [{"id": 1}]}`
	_, _, err = ReadBids("b.json", strings.NewReader(in))
	require.ErrorAs(t, err, &ferr)
	require.Len(t, ferr.Problems, 1, "a file of the wrong version is not read further: %v", err)
	assert.Equal(t, "schema-version", ferr.Problems[0].Rule)
}

// setDecimals sets every decimal of v (a pointer), however deep — fields,
// pointers, slices, map values — to d, and reports how many it set.
func setDecimals(v reflect.Value, d decimal.Decimal) int {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return 0
		}
		return setDecimals(v.Elem(), d)
	case reflect.Struct:
		if v.Type() == decimalType {
			v.Set(reflect.ValueOf(d))
			return 1
		}
		n := 0
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				n += setDecimals(v.Field(i), d)
			}
		}
		return n
	case reflect.Slice:
		n := 0
		for i := range v.Len() {
			n += setDecimals(v.Index(i), d)
		}
		return n
	case reflect.Map:
		n := 0
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			n += setDecimals(e, d)
			v.SetMapIndex(k, e)
		}
		return n
	}
	return 0
}

// Every decimal of a real tender's bids — and of the tender too — set, in
// Go, to a hostile value: validation, evaluation, the award and the checks
// against the law refuse it (or, for frameworks.Check, report it) without
// expanding it, and no problem writes it out. Measured as bytes allocated,
// never time.
func TestHostileDecimalsEverywhereInGo(t *testing.T) {
	tenderData, err := os.ReadFile("../examples/croydon/tender.yaml")
	require.NoError(t, err)
	bidsData, err := os.ReadFile("../examples/croydon/bids.yaml")
	require.NoError(t, err)
	for _, d := range []decimal.Decimal{
		decimal.New(1, 1<<30),      // 10^(2^30)
		decimal.New(-7, 1<<30),     // its negative
		decimal.New(3, -(1 << 30)), // 3 × 10^-(2^30)
	} {
		for _, tenderToo := range []bool{true, false} {
			t.Run(fmt.Sprintf("%se%d, tender too %t", d.Coefficient(), d.Exponent(), tenderToo), func(t *testing.T) {
				tn, _, err := ReadTenderIn(os.DirFS("../examples/croydon"), "tender.yaml", bytes.NewReader(tenderData))
				require.NoError(t, err)
				bids, _, err := ReadBids("bids.yaml", bytes.NewReader(bidsData))
				require.NoError(t, err)
				n := setDecimals(reflect.ValueOf(&bids), d)
				if tenderToo {
					n += setDecimals(reflect.ValueOf(&tn), d)
				}
				require.Greater(t, n, 50, "the bids hold decimals everywhere")
				var verr, eerr error
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				verr = tn.Validate(bids)
				_, eerr = score.Evaluate(tn, bids)
				_, _ = score.Award(tn, bids)
				_, _ = frameworks.Check(tn, frameworks.WithBids(bids))
				runtime.ReadMemStats(&after)
				require.Error(t, verr)
				require.Error(t, eerr)
				var ve *score.ValidationError
				require.ErrorAs(t, verr, &ve)
				for _, p := range ve.Problems {
					assert.Less(t, len(p.Value)+len(p.Message), 400, "a problem writes a huge number out: %.80s", p.Value)
				}
				// 10^(2^30) written out is a gigabyte.
				assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20))
			})
		}
	}
}

// A bad bid among good ones: the file is refused as it is read, every bid
// checked on its own and each problem placed at its field, or at the bid
// for a field it lacks; no bids are returned.
func TestABadBidIsPlacedAsItIsRead(t *testing.T) {
	for _, name := range []string{"bids.json", "bids.yaml"} {
		data := `{"schemaVersion": "tenderscore/bids/1", "bids": [
  {"id": "A1", "lot": "1", "supplier": {"id": "S-ALDER", "name": "Alder Ltd"}},
  {"id": "B\u200b1", "lot": "1", "supplier": {"id": "S-BIRCH"}},
  {"id": "C1", "lot": "1", "supplier": {"id": "S-CEDAR", "name": "Cedar Ltd"}}
]}
`
		bids, _, err := ReadBids(name, strings.NewReader(data))
		assert.Nil(t, bids, name)
		var ferr *Error
		require.ErrorAs(t, err, &ferr, name)
		var got []string
		for _, p := range ferr.Problems {
			got = append(got, p.Pos.String()+" "+p.Field+" "+p.Rule)
		}
		assert.Equal(t, []string{
			name + ":3:46 bids[1].supplier.name required", // at the supplier it belongs in
			name + ":3:10 bids[1].id visible-id",
		}, got, name)
	}
}

// A YAML file over 4 MiB is refused from its size, before the parser
// builds a tree many times as large; JSON of that size is read.
func TestALargeYAMLFileIsRefusedFromItsSize(t *testing.T) {
	data := bytes.Repeat([]byte("# padding\n"), MaxYAMLBytes/10+1)
	_, _, err := ReadBids("bids.yaml", bytes.NewReader(data))
	var ferr *Error
	require.ErrorAs(t, err, &ferr)
	require.Len(t, ferr.Problems, 1)
	assert.Equal(t, "size", ferr.Problems[0].Rule)
	assert.Contains(t, ferr.Problems[0].Message, "JSON")
	json := append([]byte(`{"schemaVersion": "tenderscore/bids/1", "bids": [`), bytes.Repeat([]byte(" "), MaxYAMLBytes)...)
	json = append(json, []byte(`{"id": "A1", "lot": "1", "supplier": {"id": "S-ALDER", "name": "Alder Ltd"}}]}`)...)
	bids, _, err := ReadBids("bids.json", bytes.NewReader(json))
	require.NoError(t, err)
	assert.Len(t, bids, 1)
}
