package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
)

// TestAwardGolden compares the award text with the reviewed copy in
// testdata/award.golden.txt. After a deliberate change, run
// `go test ./examples/croydon -update` and review the diff.
func TestAwardGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, writeAward(&buf, tender(), bids()))
	golden := filepath.Join("testdata", "award.golden.txt")
	if *update {
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run with -update to create the golden file")
	assert.Equal(t, string(want), buf.String())
}

// TestAwardScenario checks, independently of the golden text, that the
// example shows the cap at work: Brightwell IT Ltd ranks first on three
// lots, the cap is two, and the third lot goes to the next-ranked bidder
// with the reason written out.
func TestAwardScenario(t *testing.T) {
	a, err := score.Award(tender(), bids())
	require.NoError(t, err)

	first := map[string][]string{}
	for _, l := range a.Result.Lots {
		require.NotEmpty(t, l.Standings, "lot %s", l.Lot.ID)
		first[l.Standings[0].Supplier.ID] = append(first[l.Standings[0].Supplier.ID], l.Lot.ID)
	}
	assert.Equal(t, []string{"1", "3", "5"}, first[brightwell.ID], "Brightwell IT Ltd must rank first on three lots")

	want := map[string]string{"3": "B-303", "1": "B-102", "2": "B-202", "4": "B-402", "5": "B-502"}
	for id, bid := range want {
		la, ok := a.Lot(id)
		require.True(t, ok)
		assert.Equal(t, score.Awarded, la.Status, "lot %s", id)
		assert.Equal(t, bid, la.BidID, "lot %s", id)
	}
	assert.Equal(t, []string{"3", "1", "2", "4", "5"}, a.Order, "descending estimated value")

	lot5, _ := a.Lot("5")
	require.Len(t, lot5.PassedOver, 1)
	assert.Equal(t, "B-503 ranked first on lot 5 but Brightwell IT Ltd was already awarded lots 3 and 1; the cap is 2; lot 5 goes to the next-ranked bidder B-502 (Papercourt Managed Print Ltd)",
		lot5.PassedOver[0].Reason)
	assert.Equal(t, lot5.PassedOver[0].Reason, a.Explain("5", "B-503"), "the explanation for Brightwell's assessment summary")

	// The scenario's other features survive the cap.
	lot2, _ := a.Result.Lot("2")
	require.Len(t, lot2.TieBreaks, 1)
	assert.True(t, lot2.TieBreaks[0].Resolved)
	assert.Equal(t, []string{"B-202", "B-204"}, lot2.TieBreaks[0].Bids)
}

// TestAwardMechanismsDiffer shows, on the Croydon bids, that the two
// published mechanisms give different awards: in descending order of value
// Brightwell keeps lots 3 and 1 and loses lot 5 (where its lead is 6.69
// points); the allocation with the highest total gives up lot 3 instead,
// where its lead is only 0.53 points.
func TestAwardMechanismsDiffer(t *testing.T) {
	tn := tender()
	rules := *tn.LotRules
	rules.Allocation = score.MaxTotalScore
	tn.LotRules = &rules
	a, err := score.Award(tn, bids())
	require.NoError(t, err)
	for id, bid := range map[string]string{"3": "B-301", "1": "B-102", "2": "B-202", "4": "B-402", "5": "B-503"} {
		la, _ := a.Lot(id)
		assert.Equal(t, bid, la.BidID, "lot %s", id)
	}
	assert.Equal(t, "415.55", a.Tally.Total.String())
	lot3, _ := a.Lot("3")
	require.Len(t, lot3.PassedOver, 1)
	assert.Contains(t, lot3.PassedOver[0].Reason, "would total 414.64 against 415.55")

	in, err := score.Award(tender(), bids())
	require.NoError(t, err)
	assert.Equal(t, "409.39", in.Tally.Total.String(), "in order of value gives the lower total")
}
