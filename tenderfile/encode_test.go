package tenderfile

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// exampleFiles are every tender and bids file shipped in the module, each
// with its partner for an evaluation.
var exampleFiles = []struct{ tender, bids string }{
	{"testdata/tender.yaml", "testdata/bids.yaml"},
	{"testdata/published.yaml", "testdata/published-bids.yaml"},
	{"../examples/croydon/tender.yaml", "../examples/croydon/bids.yaml"},
}

// TestRoundTrip checks that every example file decodes, encodes back to
// an equivalent file in YAML and in JSON, and that the re-encoded files
// give byte for byte the same evaluation. A file written by the encoder
// (the Croydon files) encodes back to itself, comments aside.
func TestRoundTrip(t *testing.T) {
	for _, ex := range exampleFiles {
		t.Run(ex.tender, func(t *testing.T) {
			tn, bids := readPair(t, ex.tender, ex.bids)
			want := evaluate(t, tn, bids)
			for _, f := range []Format{YAML, JSON} {
				var tb, bb bytes.Buffer
				require.NoError(t, EncodeTender(&tb, tn, f))
				require.NoError(t, EncodeBids(&bb, bids, f))
				tn2, _, err := ReadTender("again."+string(f), bytes.NewReader(tb.Bytes()))
				require.NoError(t, err)
				bids2, _, err := ReadBids("again."+string(f), bytes.NewReader(bb.Bytes()))
				require.NoError(t, err)
				assert.Equal(t, want, evaluate(t, tn2, bids2), "%s evaluates as the original", f)

				var tb2, bb2 bytes.Buffer
				require.NoError(t, EncodeTender(&tb2, tn2, f))
				require.NoError(t, EncodeBids(&bb2, bids2, f))
				assert.Equal(t, tb.String(), tb2.String(), "%s tender encodes to itself", f)
				assert.Equal(t, bb.String(), bb2.String(), "%s bids encode to themselves", f)
			}
			if strings.Contains(ex.tender, "croydon") {
				for name, encode := range map[string]func(*bytes.Buffer) error{
					ex.tender: func(b *bytes.Buffer) error { return EncodeTender(b, tn, YAML) },
					ex.bids:   func(b *bytes.Buffer) error { return EncodeBids(b, bids, YAML) },
				} {
					var b bytes.Buffer
					require.NoError(t, encode(&b))
					assert.Equal(t, withoutComments(t, name), b.String(), "%s encodes back to itself", name)
				}
			}
		})
	}
}

func readPair(t *testing.T, tender, bids string) (score.Tender, []score.Bid) {
	t.Helper()
	tf, err := os.Open(tender)
	require.NoError(t, err)
	defer tf.Close()
	tn, _, err := ReadTender(tender, tf)
	require.NoError(t, err)
	bf, err := os.Open(bids)
	require.NoError(t, err)
	defer bf.Close()
	bs, _, err := ReadBids(bids, bf)
	require.NoError(t, err)
	return tn, bs
}

func evaluate(t *testing.T, tn score.Tender, bids []score.Bid) string {
	t.Helper()
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, report.JSON(&b, res))
	return b.String()
}

func withoutComments(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	var keep []string
	for _, l := range strings.SplitAfter(string(data), "\n") {
		if !strings.HasPrefix(l, "#") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "")
}

// TestEncodeShares checks that a scale used twice is written once with an
// anchor, and that JSON, which has no anchors, writes it out in full.
func TestEncodeShares(t *testing.T) {
	tn := readTestTender(t)
	var y, j bytes.Buffer
	require.NoError(t, EncodeTender(&y, tn, YAML))
	require.NoError(t, EncodeTender(&j, tn, JSON))
	assert.Equal(t, 1, strings.Count(y.String(), "scale: &scale-0-4"))
	assert.Equal(t, 1, strings.Count(y.String(), "scale: *scale-0-4"))
	assert.Equal(t, 2, strings.Count(j.String(), `"descriptor": "Excellent"`))
}

// TestEncodeOmitsEmpty checks that empty parts are left out rather than
// written as noise, and that decimals are strings held as written.
func TestEncodeOmitsEmpty(t *testing.T) {
	bids := []score.Bid{{ID: "B-1", Lot: "1", Responses: map[string]score.Response{"q": {}}}}
	var b bytes.Buffer
	require.NoError(t, EncodeBids(&b, bids, YAML))
	assert.Equal(t, "schemaVersion: tenderscore/bids/1\nbids:\n  - id: B-1\n    supplier:\n      id: \"\"\n      name: \"\"\n    lot: \"1\"\n    responses:\n      q: {}\n", b.String())
}

// TestEncodeQuotesTheMergeKey: a text of "<<" (a bid's id, a response's
// key, here both) is written quoted and reads back as text. YAML reads a
// bare << as its merge key; the YAML encoder wrote it tagged !!merge,
// which the reader rejects, so a file the command wrote from an OCDS
// notice with a criterion described as "<<" did not read (found by
// ocds's FuzzImportCriteria).
func TestEncodeQuotesTheMergeKey(t *testing.T) {
	bids := []score.Bid{{ID: "<<", Supplier: score.Supplier{ID: "S-1", Name: "Merrow Lane Ltd"}, Lot: "1", Responses: map[string]score.Response{"<<": {}}}}
	var b bytes.Buffer
	require.NoError(t, EncodeBids(&b, bids, YAML))
	assert.Contains(t, b.String(), `- id: "<<"`)
	assert.Contains(t, b.String(), `"<<": {}`)
	got, _, err := ReadBids("bids.yaml", bytes.NewReader(b.Bytes()))
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, "<<", got[0].ID)
	_, ok := got[0].Responses["<<"]
	assert.True(t, ok, "the response keyed <<")
}
