package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
	"github.com/tenderscore/tenderscore/tenderfile"
)

// The tender and bids also ship as files, for the tenderscore command:
// tender.yaml and bids.yaml, and the same bids as CSV files in csv/ (as a
// spreadsheet would export them), written from tender() and bids() by
//
//	go test ./examples/croydon -update
//
// (the same command that refreshes the golden report). Run it after any
// change to tender.go or bids.go; TestFiles fails until then.

const (
	tenderHeader = "# The London Borough of Croydon's five-lot IT tender (the figures, marks and\n# suppliers are fictional). Written from examples/croydon/tender.go by\n# `go test ./examples/croydon -update`; edit the Go code, not this file.\n"
	bidsHeader   = "# The bids received for Croydon's five-lot IT tender (every supplier is\n# fictional). Written from examples/croydon/bids.go by\n# `go test ./examples/croydon -update`; edit the Go code, not this file.\n"
)

// files are the shipped files and what each must hold.
func files(t *testing.T) map[string][]byte {
	var tb, bb bytes.Buffer
	tb.WriteString(tenderHeader)
	require.NoError(t, tenderfile.EncodeTender(&tb, tender(), tenderfile.YAML))
	bb.WriteString(bidsHeader)
	require.NoError(t, tenderfile.EncodeBids(&bb, bids(), tenderfile.YAML))
	out := map[string][]byte{"tender.yaml": tb.Bytes(), "bids.yaml": bb.Bytes()}
	csvs, err := tenderfile.EncodeBidsCSV(bids())
	require.NoError(t, err)
	for name, data := range csvs {
		out[filepath.Join("csv", name)] = data
	}
	return out
}

// TestFiles checks that the shipped files are what the Go code builds.
func TestFiles(t *testing.T) {
	for name, want := range files(t) {
		if *update {
			require.NoError(t, os.MkdirAll(filepath.Dir(name), 0o755))
			require.NoError(t, os.WriteFile(name, want, 0o644))
		}
		got, err := os.ReadFile(name)
		require.NoError(t, err, "run `go test ./examples/croydon -update` to write %s", name)
		assert.Equal(t, string(want), string(got), "%s is out of date with the Go code: run `go test ./examples/croydon -update`", name)
	}
}

// TestFilesEvaluateAsTheCode decodes the shipped files and checks that they
// give, byte for byte, the evaluation the Go code gives.
func TestFilesEvaluateAsTheCode(t *testing.T) {
	want := evaluationJSON(t, tender(), bids())

	tf, err := os.Open("tender.yaml")
	require.NoError(t, err)
	defer tf.Close()
	tn, _, err := tenderfile.ReadTender("tender.yaml", tf)
	require.NoError(t, err)
	bf, err := os.Open("bids.yaml")
	require.NoError(t, err)
	defer bf.Close()
	bs, _, err := tenderfile.ReadBids("bids.yaml", bf)
	require.NoError(t, err)

	assert.Equal(t, want, evaluationJSON(t, tn, bs))

	names, err := filepath.Glob(filepath.Join("csv", "*.csv"))
	require.NoError(t, err)
	var csvs []tenderfile.CSVFile
	for _, name := range names {
		f, err := os.Open(name)
		require.NoError(t, err)
		defer f.Close()
		csvs = append(csvs, tenderfile.CSVFile{Name: name, R: f})
	}
	fromCSV, _, err := tenderfile.ReadBidsCSV(tn, csvs...)
	require.NoError(t, err)
	assert.Equal(t, want, evaluationJSON(t, tn, fromCSV), "the CSV files evaluate as the code")
}

func evaluationJSON(t *testing.T, tn score.Tender, bs []score.Bid) string {
	t.Helper()
	res, err := score.Evaluate(tn, bs)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, report.JSON(&buf, res))
	return buf.String()
}
