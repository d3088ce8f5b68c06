package score_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
)

// A prepared tender awards as Award does, byte for byte, without
// validating again (issue 12: the command validated up to four times).
func TestPreparedAwardIsAward(t *testing.T) {
	tn, bids := groundsTender()
	want, err := score.Award(tn, bids)
	require.NoError(t, err)
	p, err := score.Prepare(tn, bids)
	require.NoError(t, err)
	got, err := p.Award()
	require.NoError(t, err)
	enc := func(a score.AwardResult) []byte {
		var b bytes.Buffer
		require.NoError(t, json.NewEncoder(&b).Encode(a))
		return b.Bytes()
	}
	require.Equal(t, string(enc(want)), string(enc(got)))
}
