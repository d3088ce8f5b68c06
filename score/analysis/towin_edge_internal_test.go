package analysis

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// edgePolicy is a policy of price (linear, 70), two marked questions
// (13) and apprenticeship starts (17), counted or read as a share of the
// bid's price, scored relative to the best offer or in bands.
func edgePolicy(cat criteria.Catalogue, per criteria.Normalisation, method criteria.SocialValueMethod) score.Policy {
	d := decimal.RequireFromString
	q := func(id string, w string) score.Criterion {
		return score.Criterion{ID: id, Title: id, Weight: d(w), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
	}
	sv := &criteria.SocialValueRule{Catalogue: cat, Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisQuantity, Per: per,
		Method: method, WithoutMethodStatement: criteria.CountUnsupported}
	if per == criteria.ShareOfBidPrice {
		sv.Basis = criteria.BasisProxyValue
	}
	if method == criteria.Banded {
		sv.Bands = []criteria.CommitmentBand{{AtLeast: d("0.05"), Share: d("1")}}
	}
	return score.Policy{Criteria: []score.Criterion{
		{ID: "price", Title: "Price", Weight: d("70"), Price: &criteria.PriceRule{Method: criteria.Linear}},
		{ID: "quality", Title: "Quality", Weight: d("13"), Children: []score.Criterion{q("q1", "85"), q("q2", "15")}},
		{ID: "appr", Title: "Apprenticeships", Weight: d("17"), SocialValue: sv}}}
}

// TestStandingMayFall: the policies under which a bid's standing can fall
// as its price does (towin_edge.go), each case saying why.
func TestStandingMayFall(t *testing.T) {
	cat := refCatalogue(t)
	m := decimal.NewFromInt(34)
	withMin := func(p score.Policy, only ...string) score.Policy {
		p.Thresholds = score.Thresholds{MinQualityPercent: &m, QualityCriteria: only}
		return p
	}
	onOffer := func(p score.Policy) score.Policy {
		p.Criteria = slices.Clone(p.Criteria) // the cases share the policies they start from
		p.Criteria[2].MinPercent = &m
		return p
	}
	underBranch := func(p score.Policy) score.Policy { // the offer under a branch with the minimum
		p.Criteria = slices.Clone(p.Criteria)
		sv := p.Criteria[2]
		p.Criteria[2] = score.Criterion{ID: "sv", Title: "Social value", Weight: sv.Weight, MinPercent: &m,
			Children: []score.Criterion{{ID: "appr", Title: sv.Title, Weight: decimal.NewFromInt(100), SocialValue: sv.SocialValue}}}
		return p
	}
	share, counted := edgePolicy(cat, criteria.ShareOfBidPrice, criteria.RelativeToBest), edgePolicy(cat, "", criteria.RelativeToBest)
	for _, c := range []struct {
		why  string
		p    score.Policy
		want bool
	}{
		{"an offer read from the price, counted as quality under the minimum", withMin(share), true},
		{"the same offer, the minimum over the marked questions only", withMin(share, "quality"), false},
		{"the same offer with no minimum", share, false},
		{"a minimum percentage on the offer itself", onOffer(share), true},
		{"a minimum percentage on a branch above the offer", underBranch(share), true},
		{"an offer counted whatever the price: the bid's price moves no other bid", withMin(counted), false},
		{"an offer in bands: it reads no best offer, so no other bid moves", withMin(edgePolicy(cat, criteria.ShareOfBidPrice, criteria.Banded)), false},
	} {
		f := &field{t: refTender(c.p)}
		assert.Equal(t, c.want, f.standingMayFall(), c.why)
	}
}

// TestPriceToWinAtAnEdge: in a lot of that shape the answer says it is an
// edge. Linear price, the minimum counting an offer read from the price:
// B1 cutting its price makes its offer the best, takes B0 below the
// minimum, and with it the highest price the linear method reads.
func TestPriceToWinAtAnEdge(t *testing.T) {
	cat := refCatalogue(t)
	d := decimal.RequireFromString
	m := decimal.NewFromInt(34)
	p := edgePolicy(cat, criteria.ShareOfBidPrice, criteria.RelativeToBest)
	p.Thresholds.MinQualityPercent = &m
	bid := func(id, price string, q1, q2, starts int64) score.Bid {
		marks := func(v int64) score.Response {
			x := decimal.NewFromInt(v)
			return score.Response{Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E", Mark: x}}, Consensus: &criteria.Consensus{Mark: x, Rationale: "agreed"}}}
		}
		n := decimal.NewFromInt(starts)
		return score.Bid{ID: id, Supplier: score.Supplier{ID: "S" + id, Name: "Supplier " + id}, Lot: "L1", Responses: map[string]score.Response{
			"price": {Price: criteria.Amount(d(price))}, "q1": marks(q1), "q2": marks(q2),
			"appr": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{{Measure: "FX-APPR-01", Quantity: &n}}}}}}
	}
	f, err := newField(refTender(p), "L1", []score.Bid{bid("B0", "87300", 2, 2, 3), bid("B1", "87300", 0, 3, 5), bid("B2", "20220", 3, 4, 0)})
	require.NoError(t, err)
	got, err := f.priceToWin("B1")
	require.NoError(t, err)
	require.Equal(t, Found, got.Answer)
	assert.True(t, got.Edge)
	assert.Contains(t, got.Explanation(), "under this policy a lower price can take another bid below a minimum score, so the bid may also win at some higher price")
}
