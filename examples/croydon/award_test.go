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

// TestAwardScenario checks, independently of the golden text, that each
// lot is awarded to its own most advantageous tender: the five lots are
// separate call-off competitions, so Brightwell IT Ltd, first on lots 1, 3
// and 5, is awarded all three — no cap runs across procedures.
func TestAwardScenario(t *testing.T) {
	a, err := score.Award(tender(), bids())
	require.NoError(t, err)

	want := map[string]string{"1": "B-102", "2": "B-202", "3": "B-303", "4": "B-402", "5": "B-503"}
	for id, bid := range want {
		la, ok := a.Lot(id)
		require.True(t, ok)
		assert.Equal(t, score.Awarded, la.Status, "lot %s", id)
		assert.Equal(t, bid, la.BidID, "lot %s", id)
		assert.Empty(t, la.PassedOver, "lot %s: nothing is passed over without lot rules", id)
		l, _ := a.Result.Lot(id)
		assert.Equal(t, l.Winner, la.BidID, "lot %s goes to its most advantageous tender", id)
	}
	var won []string
	for _, l := range a.Result.Lots {
		if la, _ := a.Lot(l.Lot.ID); la.Supplier.ID == brightwell.ID {
			won = append(won, l.Lot.ID)
		}
	}
	assert.ElementsMatch(t, []string{"1", "3", "5"}, won)

	lot2, _ := a.Result.Lot("2")
	require.Len(t, lot2.TieBreaks, 1)
	assert.True(t, lot2.TieBreaks[0].Resolved)
	assert.Equal(t, []string{"B-202", "B-204"}, lot2.TieBreaks[0].Bids)
}

// TestNoCapAcrossFrameworks shows why the tender carries no lot rules: a
// cap on lots per supplier across its lots is rejected, because the lots
// run under four procedures (three frameworks, four framework lots).
func TestNoCapAcrossFrameworks(t *testing.T) {
	tn := tender()
	tn.LotRules = &score.LotRules{MaxLotsAwardedPerSupplier: score.Limit(2), Allocation: score.InOrder, Order: score.ValueDescending}
	_, err := score.Award(tn, bids())
	var ve *score.ValidationError
	require.ErrorAs(t, err, &ve)
	require.Len(t, ve.Problems, 1)
	p := ve.Problems[0]
	assert.Equal(t, "lotRules", p.Field)
	assert.Equal(t, "one-procedure", p.Rule)
	assert.Contains(t, p.Message, "lots 1 and 2: a call-off competition under RM6190 lot 3 (Procurement Act 2023)")
	assert.Contains(t, p.Message, "lot 4: a call-off competition under RM6116 lot 4a (Public Contracts Regulations 2015)")
}
