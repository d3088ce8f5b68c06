package ocds

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// BenchmarkImport reads the fictional notice, and a package of 500 lots of
// 20 award criteria each (the cost is linear in the file's size).
func BenchmarkImport(b *testing.B) {
	notice, err := os.ReadFile("testdata/notice.json")
	if err != nil {
		b.Fatal(err)
	}
	var big strings.Builder
	big.WriteString(`{"ocid":"ocds-x","tender":{"id":"T","title":"Big","lots":[`)
	for i := range 500 {
		if i > 0 {
			big.WriteString(",")
		}
		fmt.Fprintf(&big, `{"id":"%d","title":"Lot %d","value":{"amountGross":100000},"contractPeriod":{"durationInMonths":12},"awardCriteria":{"criteria":[`, i, i)
		for j := range 20 {
			if j > 0 {
				big.WriteString(",")
			}
			fmt.Fprintf(&big, `{"type":"quality","name":"Quality: Question %d","numbers":[{"number":5,"weight":"percentageExact"}]}`, j)
		}
		big.WriteString("]}}")
	}
	big.WriteString("]}}")
	for _, in := range []struct {
		name string
		data []byte
	}{{"notice", notice}, {"500 lots", []byte(big.String())}} {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				if _, err := Import("f.json", bytes.NewReader(in.data), ImportOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkExport writes the Croydon tender, bids and award.
func BenchmarkExport(b *testing.B) {
	tender, bids := croydon(b)
	opts := croydonOptions()
	for b.Loop() {
		if err := Export(&bytes.Buffer{}, tender, bids, opts); err != nil {
			b.Fatal(err)
		}
	}
}
