package score_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// Disregarded is not disqualified (PA 2023 s.19(3), s.26(1), s.50(5)(b)):
// a tender from a supplier failing a condition of participation, or one the
// authority records as disregarded, takes no part in the field and is not
// an assessed tender; a tender failing an award-stage requirement is
// disqualified but was assessed.
func TestDisregard(t *testing.T) {
	gates := func(k criteria.GateKind) score.Policy {
		p := simplePolicy()
		p.Gates = []criteria.Gate{{Kind: k, ID: "fin", Title: "Financial standing"}}
		return p
	}
	failing := func(id, price string, mark int64) score.Bid {
		b := simpleBid(id, price, mark)
		b.Gates = map[string]criteria.GateResult{"fin": {Pass: false, Reason: "turnover below the published minimum"}}
		return b
	}
	passing := func(id, price string, mark int64) score.Bid {
		b := simpleBid(id, price, mark)
		b.Gates = map[string]criteria.GateResult{"fin": {Pass: true}}
		return b
	}
	for _, tt := range []struct {
		name, why     string
		kind          criteria.GateKind
		disregarded   bool
		reasonContain string
	}{
		{"condition of participation", "s.19(3)(a): the tender must be disregarded", criteria.ConditionOfParticipation, true, "does not satisfy the condition of participation: Financial standing: failed"},
		{"award-stage requirement", "s.23(3)(a): the tender is disqualified under the methodology, but was assessed", criteria.AwardRequirement, false, "failed the pass/fail requirement: Financial standing: failed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := evalLot(t, gates(tt.kind), passing("A", "100", 4), failing("B", "50", 4))
			b, _ := l.Bid("B")
			require.NotNil(t, b.Disqualified, tt.why)
			assert.Equal(t, score.AtGate, b.Disqualified.Stage)
			assert.Equal(t, tt.disregarded, b.Disqualified.Disregarded, tt.why)
			assert.Contains(t, b.Disqualified.Reasons[0].Text, tt.reasonContain)
			assert.Equal(t, "40.00", points(t, l, "A", "price"), "B's lower price takes no part in the field")
		})
	}

	t.Run("a recorded disregard removes the tender before any assessment", func(t *testing.T) {
		b := simpleBid("B", "50", 4)
		b.Responses = nil // a disregarded tender's responses are not read
		b.Disregard = &score.Disregard{Ground: score.ExcludedSupplier, Reason: "a mandatory exclusion ground applies and is continuing"}
		l := evalLot(t, simplePolicy(), simpleBid("A", "100", 4), b)
		got, _ := l.Bid("B")
		require.NotNil(t, got.Disqualified)
		assert.Equal(t, score.AtDisregard, got.Disqualified.Stage)
		assert.True(t, got.Disqualified.Disregarded)
		assert.Equal(t, "excluded-supplier", got.Disqualified.Reasons[0].Rule)
		assert.Equal(t, "the tender is disregarded: the supplier is an excluded supplier (Procurement Act 2023 s.26(1)): a mandatory exclusion ground applies and is continuing",
			got.Disqualified.Reasons[0].Text)
		assert.Equal(t, "40.00", points(t, l, "A", "price"))
		assert.Equal(t, "A", l.Winner)
	})
}

// TestDisregardValidation: a recorded decision names its ground and reason,
// and an abnormally low price is disregarded only after notice and a chance
// to respond (PA 2023 s.19(4)).
func TestDisregardValidation(t *testing.T) {
	for _, tt := range []struct {
		name  string
		d     score.Disregard
		field string
		rule  string
	}{
		{"no ground", score.Disregard{Reason: "late"}, "bids[1].disregard.ground", "required"},
		{"unknown ground", score.Disregard{Ground: "too-expensive", Reason: "x"}, "bids[1].disregard.ground", "one-of"},
		{"no reason", score.Disregard{Ground: score.ProceduralBreach}, "bids[1].disregard.reason", "required"},
		{"abnormally low without notice", score.Disregard{Ground: score.AbnormallyLowPrice, Reason: "price below cost"}, "bids[1].disregard.noticeGiven", "notice-first"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := simpleBid("B", "50", 4)
			b.Disregard = &tt.d
			_, err := score.Evaluate(tenderOf(lotOf(simplePolicy())), []score.Bid{simpleBid("A", "100", 4), b})
			var ve *score.ValidationError
			require.ErrorAs(t, err, &ve)
			require.Len(t, ve.Problems, 1)
			assert.Equal(t, tt.field, ve.Problems[0].Field)
			assert.Equal(t, tt.rule, ve.Problems[0].Rule)
		})
	}
	ok := simpleBid("B", "50", 4)
	ok.Disregard = &score.Disregard{Ground: score.AbnormallyLowPrice, Reason: "the supplier could not show it can pay the staff it proposes at the price", NoticeGiven: true}
	_, err := score.Evaluate(tenderOf(lotOf(simplePolicy())), []score.Bid{simpleBid("A", "100", 4), ok})
	assert.NoError(t, err)
	assert.True(t, score.ExcludedSupplier.Mandatory())
	assert.False(t, score.AbnormallyLowPrice.Mandatory())
	assert.Equal(t, "the supplier is an excluded supplier (Public Contracts Regulations 2015 reg 57 (exclusion grounds))", score.ExcludedSupplier.Basis(score.PCR2015))
}
