package ocds

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/tenderfile"
)

// TestBidsNamedWhatTheNoticeLeavesOut: a notice may leave out a bid's id,
// its tenderer's id or name (OCDS makes none of them required), or, with
// several lots, its lot. The bid is kept — leaving it out would change how
// every other bid's price scores — with a stand-in the notes name, and the
// bids file reads back (a case the fuzzer found: a tenderer with no name).
func TestBidsNamedWhatTheNoticeLeavesOut(t *testing.T) {
	notice := `{"ocid":"o","id":"r","tender":{"id":"t","title":"T","lots":[{"id":"lot-1","title":"A"},{"id":"lot-2","title":"B"}]},
"bids":{"details":[BID]}}`
	tests := []struct {
		why, bid                        string
		id, supplierID, name, lot, note string
	}{
		{"nothing left out", `{"id":"b1","tenderers":[{"id":"S1","name":"Avocet Ltd"}],"relatedLots":["lot-1"]}`,
			"b1", "S1", "Avocet Ltd", "lot-1", ""},
		{"no name: the id stands in", `{"id":"b1","tenderers":[{"id":"S1"}],"relatedLots":["lot-1"]}`,
			"b1", "S1", "S1", "lot-1", "bids[0].supplier.name: the notice gives tenderer S1 no name"},
		{"no id: the name stands in, one supplier's bids staying one supplier's", `{"id":"b1","tenderers":[{"name":"Avocet Ltd"}],"relatedLots":["lot-1"]}`,
			"b1", "Avocet Ltd", "Avocet Ltd", "lot-1", "bids[0].supplier.id: the notice gives tenderer Avocet Ltd no id"},
		{"no tenderer", `{"id":"b1","relatedLots":["lot-1"]}`,
			"b1", "tenderer-of-b1", "tenderer of bid b1", "lot-1", "bids[0].supplier: the notice names no tenderer for bid b1"},
		{"no bid id: its position", `{"tenderers":[{"id":"S1","name":"Avocet Ltd"}],"relatedLots":["lot-1"]}`,
			"bid-1", "S1", "Avocet Ltd", "lot-1", "bids[0].id: the notice gives the bid no id; it is read as bid-1"},
		{"no lot among several: a lot no tender has, for validation to name", `{"id":"b1","tenderers":[{"id":"S1","name":"Avocet Ltd"}]}`,
			"b1", "S1", "Avocet Ltd", noLot, "bids[0].lot: the notice names no lot for bid b1"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			im, err := Import("notice.json", strings.NewReader(strings.Replace(notice, "BID", tt.bid, 1)), ImportOptions{})
			require.NoError(t, err)
			require.Len(t, im.Bids, 1)
			b := im.Bids[0]
			assert.Equal(t, tt.id, b.ID)
			assert.Equal(t, tt.supplierID, b.Supplier.ID)
			assert.Equal(t, tt.name, b.Supplier.Name)
			assert.Equal(t, tt.lot, b.Lot)
			if tt.note != "" {
				assert.True(t, hasNote(im.Notes, tt.note), "notes %q want one starting %q", im.Notes, tt.note)
			}
			var out bytes.Buffer
			require.NoError(t, im.WriteBids(&out))
			read, _, err := tenderfile.ReadBids("bids.yaml", &out)
			require.NoError(t, err, "the bids file reads back")
			assert.Len(t, read, 1)
		})
	}
}

func hasNote(notes []string, prefix string) bool {
	for _, n := range notes {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	return false
}
