package tenderfile

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// The fuzz targets feed arbitrary bytes to every decoder and to the engine
// behind them: no input may panic, only give an error. Seeds are in
// testdata/fuzz/<target>/; .ci/run runs each target for a few seconds.

// FuzzReadTender decodes a tender file, in YAML and JSON, and checks that
// whatever decodes encodes back to a file that decodes to the same.
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
				continue
			}
			roundTrip(t, func(f Format) ([]byte, error) {
				var b bytes.Buffer
				err := EncodeTender(&b, tn, f)
				return b.Bytes(), err
			}, func(name string, data []byte) error {
				_, _, err := ReadTender(name, bytes.NewReader(data))
				return err
			})
		}
	})
}

// FuzzReadBids decodes a bids file as FuzzReadTender decodes a tender.
func FuzzReadBids(f *testing.F) {
	f.Add([]byte("schemaVersion: tenderscore/bids/1\nbids: []\n"))
	if data, err := os.ReadFile("testdata/published-bids.yaml"); err == nil {
		f.Add(data) // chosen features
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.yaml", "f.json"} {
			bids, _, err := ReadBids(name, bytes.NewReader(data))
			if err != nil {
				continue
			}
			roundTrip(t, func(f Format) ([]byte, error) {
				var b bytes.Buffer
				err := EncodeBids(&b, bids, f)
				return b.Bytes(), err
			}, func(name string, data []byte) error {
				_, _, err := ReadBids(name, bytes.NewReader(data))
				return err
			})
		}
	})
}

// roundTrip encodes in both formats and checks each decodes and encodes
// to itself.
func roundTrip(t *testing.T, encode func(Format) ([]byte, error), decode func(string, []byte) error) {
	for _, f := range []Format{YAML, JSON} {
		out, err := encode(f)
		if err != nil {
			t.Fatalf("encode %s: %v", f, err)
		}
		if err := decode("again."+string(f), out); err != nil {
			t.Fatalf("a decoded file encoded to %s that does not decode: %v\n%s", f, err, out)
		}
	}
}

// FuzzReadBidsCSV reads one CSV file of any kind against the test tender.
func FuzzReadBidsCSV(f *testing.F) {
	f.Add([]byte("bid,criterion,amount\nB-1,price,100\n"))
	tn := fuzzTender(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		bids, _, err := ReadBidsCSV(tn, CSVFile{Name: "f.csv", R: bytes.NewReader(data)})
		if err == nil {
			_ = tn.Validate(bids)
		}
	})
}

// FuzzEvaluate evaluates fuzzed files with the engine: the bytes as a
// bids file against the test tender, and as a tender file against the
// test bids. Any input either fails to decode or validate, or is scored
// and rendered; none panics.
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
	evaluate := func(t *testing.T, tn score.Tender, bs []score.Bid) {
		res, err := score.Evaluate(tn, bs)
		if err != nil {
			return
		}
		var out strings.Builder
		if err := report.JSON(&out, res); err != nil {
			t.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if bs, _, err := ReadBids("f.yaml", bytes.NewReader(data)); err == nil {
			evaluate(t, tn, bs)
		}
		if t2, _, err := ReadTender("f.yaml", bytes.NewReader(data)); err == nil {
			evaluate(t, t2, bids)
		}
	})
}

func fuzzTender(f *testing.F) score.Tender {
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
