package tenderfile

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
)

// The two published models of testdata/published.yaml read from files and
// evaluate as the hand-worked tests in package score say: lot 1 out of 30
// points (Birchfield 9.58 + 10 + 9 = 28.58), lot 2 on adjusted prices
// (479 × 7/10 = 335.30 beats 469 × 7/9 = 364.78).
func TestPublishedModelsFromFiles(t *testing.T) {
	tn, bids := readPair(t, "testdata/published.yaml", "testdata/published-bids.yaml")
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	l1, _ := res.Lot("1")
	assert.Equal(t, "R-2", l1.Winner)
	assert.Equal(t, "28.58", l1.Standings[0].Score.String())
	l2, _ := res.Lot("2")
	assert.Equal(t, "V-2", l2.Winner)
	assert.Equal(t, "335.30", l2.Standings[0].Score.String())
	assert.Equal(t, "364.78", l2.Standings[1].Score.String())
}

// A bid's chosen feature value that the lot does not publish is shown at
// its place in the file, as is a feature left out.
func TestPublishedFeaturesLocated(t *testing.T) {
	tn, _ := readPair(t, "testdata/published.yaml", "testdata/published-bids.yaml")
	tf, err := os.Open("testdata/published.yaml")
	require.NoError(t, err)
	defer tf.Close()
	_, tsrc, err := ReadTender("testdata/published.yaml", tf)
	require.NoError(t, err)
	in, err := os.ReadFile("testdata/published-bids.yaml")
	require.NoError(t, err)
	in = bytes.Replace(in, []byte(`      OCDS-123454-YEARS: "0.15"`), []byte(`      OCDS-123454-YEARS: "0.2"`), 1)
	in = bytes.Replace(in, []byte("      OCDS-123454-AIR-INTAKE: \"0.1\"\n"), nil, 1)
	bids, bsrc, err := ReadBids("bids.yaml", bytes.NewReader(in))
	require.NoError(t, err)
	err = Validate(tn, bids, Join(tsrc, bsrc))
	var ferr *Error
	require.ErrorAs(t, err, &ferr)
	var got []string
	for _, p := range ferr.Problems {
		got = append(got, p.String())
	}
	assert.Equal(t, []string{
		`bids.yaml:23:5: bids[2].features[OCDS-123454-AIR-INTAKE]: no value chosen for the feature OCDS-123454-AIR-INTAKE (Air intake) (rule required)`,
		`bids.yaml:32:7: bids[3].features[OCDS-123454-YEARS]: not one of the feature's values: 0.05, 0.1, 0.15 (value "0.2", rule one-of)`,
	}, got)
}

// Chosen features have a CSV layout (features.csv: bid, feature, value):
// bids written to CSV and read back choose the same values, exactly.
func TestPublishedFeaturesRoundTripCSV(t *testing.T) {
	tn, bids := readPair(t, "testdata/published.yaml", "testdata/published-bids.yaml")
	files, err := EncodeBidsCSV(bids)
	require.NoError(t, err)
	require.Contains(t, files, "features.csv")
	var in []CSVFile
	for _, name := range sortedKeys(files) {
		in = append(in, CSVFile{Name: name, R: bytes.NewReader(files[name])})
	}
	back, _, err := ReadBidsCSV(tn, in...)
	require.NoError(t, err)
	require.Len(t, back, len(bids))
	chosen := 0
	for i := range bids {
		require.Len(t, back[i].Features, len(bids[i].Features), "bid %s", bids[i].ID)
		for code, v := range bids[i].Features {
			assert.True(t, v.Equal(back[i].Features[code]), "bid %s feature %s: %s back as %s", bids[i].ID, code, v, back[i].Features[code])
			chosen++
		}
	}
	assert.Positive(t, chosen, "the fixture chooses features")
}
