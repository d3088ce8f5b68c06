package tenderfile

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// The fuzz targets feed arbitrary bytes to every decoder and to the engine
// behind them, and check what must hold of any input, not only that none
// panics: a file that decodes encodes to a file that decodes to the same
// (decode(encode(x)) == x, compared as canonical files); a file that does
// not decode says where, for every problem; a field that is scored has
// every line's points within what the line makes available, the points
// adding up to the total, and the same result whatever the order of the
// bids. Seeds are in testdata/fuzz/<target>/; .ci/run runs each target for
// a bounded time.

// wholeFile are the rules of problems about a file as a whole, which have
// no line: every other problem names one.
var wholeFile = []string{"empty", "utf-8", "size", "read", "too-many", "yaml", "header", "catalogue-file"}

// placed checks every problem of a decoding error names its file, and a
// line unless it is about the file as a whole.
func placed(t *testing.T, name string, err error) {
	t.Helper()
	ferr, ok := err.(*Error)
	if !ok {
		t.Fatalf("%s: not a *tenderfile.Error: %T %v", name, err, err)
	}
	if len(ferr.Problems) == 0 {
		t.Fatalf("%s: an error with no problem", name)
	}
	for _, p := range ferr.Problems {
		if p.Pos.File != name {
			t.Fatalf("%s: a problem in no file or another: %v", name, p)
		}
		if p.Pos.Line <= 0 && !slices.Contains(wholeFile, p.Rule) {
			t.Fatalf("%s: a problem without its line: %v", name, p)
		}
	}
}

// FuzzReadTender decodes a tender file, in YAML and JSON.
func FuzzReadTender(f *testing.F) {
	f.Add([]byte(head + "  id: X\n"))
	f.Add([]byte(head + "  lots: [{id: \"1\", policy: {criteria: [{id: q, quality: {scale: 0-4, moderation: consensus}}]}}]\n")) // a scale by name
	if data, err := os.ReadFile("testdata/published.yaml"); err == nil {
		f.Add(data) // points as published, and features
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.yaml", "f.json"} {
			tn, _, err := ReadTender(name, bytes.NewReader(data))
			if err != nil {
				placed(t, name, err)
				continue
			}
			sameAgain(t, func(f Format) ([]byte, error) {
				var b bytes.Buffer
				err := EncodeTender(&b, tn, f)
				return b.Bytes(), err
			}, func(name string, data []byte) ([]byte, error) {
				again, _, err := ReadTender(name, bytes.NewReader(data))
				if err != nil {
					return nil, err
				}
				var b bytes.Buffer
				err = EncodeTender(&b, again, YAML)
				return b.Bytes(), err
			})
		}
	})
}

// FuzzReadBids decodes a bids file as FuzzReadTender decodes a tender.
func FuzzReadBids(f *testing.F) {
	f.Add([]byte("schemaVersion: tenderscore/bids/1\nbids: []\n"))
	f.Add([]byte(`{"schemaVersion": "tenderscore/bids/1", "bids": [{"id": "B-1", "lot": "1", "supplier": {"id": "S-1", "name": "Alder Ltd"}, "responses": {"price": {"price": {"amount": "100.50"}}}}]}`))
	if data, err := os.ReadFile("testdata/published-bids.yaml"); err == nil {
		f.Add(data) // chosen features
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.yaml", "f.json"} {
			bids, _, err := ReadBids(name, bytes.NewReader(data))
			if err != nil {
				placed(t, name, err)
				continue
			}
			sameAgain(t, func(f Format) ([]byte, error) { return encodeBids(bids, f) }, func(name string, data []byte) ([]byte, error) {
				again, _, err := ReadBids(name, bytes.NewReader(data))
				if err != nil {
					return nil, err
				}
				return encodeBids(again, YAML)
			})
		}
	})
}

func encodeBids(bids []score.Bid, f Format) ([]byte, error) {
	var b bytes.Buffer
	err := EncodeBids(&b, bids, f)
	return b.Bytes(), err
}

// sameAgain encodes in both formats, decodes each and checks that what
// was decoded encodes (as YAML, canonically) to what the original encodes
// to: decode(encode(x)) == x.
func sameAgain(t *testing.T, encode func(Format) ([]byte, error), again func(string, []byte) ([]byte, error)) {
	t.Helper()
	want, err := encode(YAML)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	for _, f := range []Format{YAML, JSON} {
		out, err := encode(f)
		if err != nil {
			t.Fatalf("encode %s: %v", f, err)
		}
		got, err := again("again."+string(f), out)
		if err != nil {
			t.Fatalf("a decoded file encoded to %s that does not decode: %v\n%s", f, err, out)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("decoded from %s, it is not what was encoded:\n%s\nwant\n%s", f, got, want)
		}
	}
}

// FuzzReadBidsCSV reads one CSV file of any kind against the test tender;
// bids read from it are written as CSV and read back the same.
func FuzzReadBidsCSV(f *testing.F) {
	f.Add([]byte("bid,criterion,amount,lot,supplier,supplierName\nB-1,price,100,1,S-1,Alder Ltd\n"))
	f.Add([]byte("bid,lot,supplier,supplierName\nB-1,1,S-1,=HYPERLINK(\"x\")\n"))
	f.Add([]byte("bid,criterion,evaluator,mark,rationale,consensus,lot,supplier,supplierName\nB-1,team,E1,3,'=1+1,,1,S-1,Alder Ltd\nB-1,team,,3,@agreed,true\n"))
	tn := fuzzTender(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		bids, _, err := ReadBidsCSV(tn, CSVFile{Name: "f.csv", R: bytes.NewReader(data)})
		if err != nil {
			placed(t, "f.csv", err)
			return
		}
		_ = tn.Validate(bids)
		files, err := EncodeBidsCSV(bids)
		if err != nil {
			t.Fatalf("bids read from CSV cannot be written as CSV: %v", err)
		}
		names := []string{"bids.csv"} // first, so that the bids come in the same order
		for name := range files {
			if name != "bids.csv" {
				names = append(names, name)
			}
		}
		slices.Sort(names[1:])
		var in []CSVFile
		for _, name := range names {
			in = append(in, CSVFile{Name: name, R: bytes.NewReader(files[name])})
		}
		again, _, err := ReadBidsCSV(tn, in...)
		if err != nil {
			t.Fatalf("bids written as CSV do not read back: %v", err)
		}
		want, _ := encodeBids(bids, YAML)
		got, _ := encodeBids(again, YAML)
		if !bytes.Equal(got, want) {
			t.Fatalf("bids written as CSV read back otherwise:\n%s\nwant\n%s", got, want)
		}
	})
}

// FuzzEvaluate evaluates fuzzed files with the engine: the bytes as a
// bids file against the test tender, and as a tender file against the
// test bids. Whatever is scored keeps the engine's invariants: every
// scored line's points within [0, what it makes available], branches and
// total the sum of what they hold as shown, and the same result, byte for
// byte, under another order of the bids.
func FuzzEvaluate(f *testing.F) {
	bd, err := os.ReadFile("testdata/bids.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(bd)
	tn := fuzzTender(f)
	bids, _, err := ReadBids("bids.yaml", bytes.NewReader(bd))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if bs, _, err := ReadBids("f.yaml", bytes.NewReader(data)); err == nil {
			evaluateChecked(t, tn, bs)
		}
		if t2, _, err := ReadTender("f.yaml", bytes.NewReader(data)); err == nil {
			evaluateChecked(t, t2, bids)
		}
	})
}

// evaluateChecked scores a tender and checks the result's invariants.
func evaluateChecked(t *testing.T, tn score.Tender, bs []score.Bid) {
	res, err := score.Evaluate(tn, bs)
	if err != nil {
		return
	}
	var out strings.Builder
	if err := report.JSON(&out, res); err != nil {
		t.Fatal(err)
	}
	for _, l := range res.Lots {
		for _, b := range l.Bids {
			if b.Total.Scored {
				checkPoints(t, b)
			}
		}
	}
	reversed := slices.Clone(bs)
	slices.Reverse(reversed)
	rotated := append(slices.Clone(bs[min(1, len(bs)):]), bs[:min(1, len(bs))]...)
	for _, other := range [][]score.Bid{reversed, rotated} {
		res2, err := score.Evaluate(tn, other)
		if err != nil {
			t.Fatalf("the same bids in another order do not evaluate: %v", err)
		}
		var out2 strings.Builder
		if err := report.JSON(&out2, res2); err != nil {
			t.Fatal(err)
		}
		if out.String() != out2.String() {
			t.Fatalf("the order of the bids changed the result")
		}
	}
}

// checkPoints checks one bid's lines: points within [0, available] (the
// unrounded points always; the points shown when the line is not rounded),
// each branch the sum of its children, the total the sum of the top level
// (before any rounding the policy declares for it).
func checkPoints(t *testing.T, b score.BidResult) {
	t.Helper()
	var line func(c score.Line)
	line = func(c score.Line) {
		if !c.Scored {
			return
		}
		if c.Unrounded.Sign() < 0 || c.Unrounded.Cmp(c.Available) > 0 {
			t.Fatalf("bid %s, %s: %s points of %s available", b.BidID, c.CriterionID, c.Unrounded, c.Available)
		}
		if c.Rounding == nil && (c.Points.Value.Sign() < 0 || c.Points.Value.Cmp(c.Available) > 0) {
			t.Fatalf("bid %s, %s: shows %s points of %s available", b.BidID, c.CriterionID, c.Points, c.Available)
		}
		if len(c.Children) == 0 {
			return
		}
		sum := exact.Zero
		for _, ch := range c.Children {
			line(ch)
			sum = sum.Add(ch.Points.Value)
		}
		if !sum.Equal(c.Unrounded) {
			t.Fatalf("bid %s, %s: children show %s, the branch %s", b.BidID, c.CriterionID, sum, c.Unrounded)
		}
	}
	sum := exact.Zero
	for _, c := range b.Criteria() {
		line(c)
		sum = sum.Add(c.Points.Value)
	}
	if !sum.Equal(b.Total.Unrounded) {
		t.Fatalf("bid %s: criteria show %s, the total %s", b.BidID, sum, b.Total.Unrounded)
	}
	if b.Total.Rounding == nil && !sum.Equal(b.Total.Points.Value) {
		t.Fatalf("bid %s: criteria show %s, the total shows %s", b.BidID, sum, b.Total.Points)
	}
}

func fuzzTender(f testing.TB) score.Tender {
	data, err := os.ReadFile("testdata/tender.yaml")
	if err != nil {
		f.Fatal(err)
	}
	tn, _, err := ReadTender("tender.yaml", bytes.NewReader(data))
	if err != nil {
		f.Fatal(err)
	}
	return tn
}

// FuzzScanJSON checks the fast JSON scanner against the reader built on
// encoding/json: whatever the scanner reads, encoding/json reads too, to
// the same nodes at the same places; whatever encoding/json refuses, the
// scanner refuses (and the file is then reported by encoding/json).
func FuzzScanJSON(f *testing.F) {
	f.Add([]byte(`{"schemaVersion": "tenderscore/bids/1", "bids": [{"id": "B-1", "x": [1, -2.5e3, true, null, "\u00e9\n"]}]}`))
	f.Add([]byte(`{"a": 01}`))
	f.Add([]byte("{\"é\": \"tab\there\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return
		}
		fast, ferr := scanJSON(data, "", nil)
		slow, serr := readJSONTokens("f.json", data, "", nil)
		switch {
		case ferr != nil:
			return // read again by encoding/json: nothing to compare
		case serr != nil:
			t.Fatalf("the scanner read what encoding/json refuses (%v)", serr)
		}
		if d := sameNodes(fast, slow); d != "" {
			t.Fatalf("the scanner and encoding/json read differently: %s", d)
		}
	})
}

// sameNodes says how two node trees differ, or "".
func sameNodes(a, b *yaml.Node) string {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Style != b.Style || a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%+v vs %+v", *a, *b)
	}
	for i := range a.Content {
		if d := sameNodes(a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// FuzzEvaluatePublished scores fuzzed bids files against the published
// models of testdata/published.yaml and checks what must hold whatever the
// bids: on the 30-point lot every total is at most 30 and the sum of its
// lines; on the lot priced by features every adjusted price is at most the
// price (the coefficient is at least 1) and the standings run lowest first.
func FuzzEvaluatePublished(f *testing.F) {
	bd, err := os.ReadFile("testdata/published-bids.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(bd)
	td, err := os.ReadFile("testdata/published.yaml")
	if err != nil {
		f.Fatal(err)
	}
	tn, _, err := ReadTender("published.yaml", bytes.NewReader(td))
	if err != nil {
		f.Fatal(err)
	}
	thirty := exact.Int(30)
	f.Fuzz(func(t *testing.T, data []byte) {
		bids, _, err := ReadBids("f.yaml", bytes.NewReader(data))
		if err != nil {
			return
		}
		res, err := score.Evaluate(tn, bids)
		if err != nil {
			return
		}
		for _, l := range res.Lots {
			for i, s := range l.Standings {
				if i > 0 && l.Lot.ID == "2" && s.Score.Value.Cmp(l.Standings[i-1].Score.Value) < 0 {
					t.Fatalf("lot 2 standings not lowest first: %v", l.Standings)
				}
			}
			for _, b := range l.Bids {
				if !b.Total.Scored {
					continue
				}
				switch l.Lot.ID {
				case "1":
					sum := exact.Zero
					for _, ln := range b.Criteria() {
						sum = sum.Add(ln.Points.Value)
					}
					if b.Total.Points.Value.Cmp(thirty) > 0 || !b.Total.Points.Value.Equal(sum) {
						t.Fatalf("bid %s: total %s of 30, lines %s", b.BidID, b.Total.Points, sum)
					}
				case "2":
					price := b.Criteria()[0]
					if a, ok := b.Adjustment(); !ok || a.Coefficient.Cmp(exact.Int(1)) < 0 {
						t.Fatalf("bid %s: adjusted %v without a coefficient of at least 1 (%s)", b.BidID, ok, price.Input)
					}
				}
			}
		}
	})
}
