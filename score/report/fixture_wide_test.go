package report_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// The confidentiality fixture of fixture_test.go has no social value and
// no price below the top level, so switching the summary's filter off for
// those lines was caught only by byte-for-byte goldens, which -update
// would silently accept (issue 11.8). The widened fixture adds lot D,
// whose lines are all of that kind: a linear price nested under a
// Commercial criterion, a commercial-terms question beside it, and a
// social value criterion scored relative to the best offer, with the
// lowest price, the highest price and the best social value offer each
// belonging to a different losing bidder. It is a separate lot of a
// separate fixture so that the three-lot fixture's goldens stay as they
// are.

// wideBid is one fictional bidder of lot D: a fieldBid (marks are q1, the
// quality question, and q2, the commercial terms) and the pounds it
// commits to spend with SMEs.
type wideBid struct {
	fieldBid
	smeSpend string
}

// lot D's bidders. OSPREY wins; QUAIL has the lowest price, REDSHANK the
// highest and SANDERLING the best social value offer, and all three lose,
// so PLOVER's summary (and every other loser's) must withhold all three.
var wideBids = []wideBid{
	{fieldBid{"D", "OSPREY", "Ospreyfield Consulting Ltd", "333000", []int64{4, 4}, true}, "400000"},
	{fieldBid{"D", "PLOVER", "Plover Park Services Ltd", "355500", []int64{3, 3}, true}, "300000"},
	{fieldBid{"D", "QUAIL", "Quailmoor Systems Ltd", "271828.18", []int64{1, 1}, true}, "100000"},
	{fieldBid{"D", "REDSHANK", "Redshank Digital Ltd", "414159.26", []int64{2, 2}, true}, "200000"},
	{fieldBid{"D", "SANDERLING", "Sanderling Works Ltd", "390000", []int64{2, 2}, true}, "876543.21"},
}

// smeProxy is the fictional proxy value of a pound spent with an SME.
var smeProxy = decimal.RequireFromString("0.1")

// allFieldBids lists the bidders of the widened fixture: the three lots'
// and lot D's.
func allFieldBids() []fieldBid {
	out := append([]fieldBid(nil), fieldBids...)
	for _, w := range wideBids {
		out = append(out, w.fieldBid)
	}
	return out
}

// socialValueSecrets are the ways a lot D bidder's social value offer
// could appear in a summary: the pounds committed and their proxy value,
// in every format a renderer writes money.
func socialValueSecrets(key string) []string {
	for _, w := range wideBids {
		if w.key != key {
			continue
		}
		spend := decimal.RequireFromString(w.smeSpend)
		var out []string
		for _, v := range []decimal.Decimal{spend, spend.Mul(smeProxy)} {
			out = append(out, exact.Money(v), exact.Plain(v), exact.Group(v, 0), exact.Group(v, 2), v.StringFixed(2))
		}
		return out
	}
	return nil
}

// wideFieldTender is the fixture's tender and bids with lot D added.
func wideFieldTender() (score.Tender, []score.Bid) {
	t, bids := fieldTender()
	d := decimal.RequireFromString
	q := func(id, title, w string) score.Criterion {
		return score.Criterion{ID: id, Title: title, Weight: d(w), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
	}
	cat := criteria.Catalogue{Measures: []criteria.Measure{{Code: "SME-SPEND", Description: "Contract spend with SMEs", Unit: criteria.UnitPounds,
		Proxy: smeProxy, Source: "fictional proxy value", Year: 2026}}}
	t.Lots = append(t.Lots, score.Lot{ID: "D", Title: "Digital inclusion", EstimatedValue: d("800000"), TermMonths: 36, Policy: score.Policy{
		Gates: []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "ins", Title: "Insurance", Requirement: "professional indemnity cover of £5m"}},
		Criteria: []score.Criterion{
			{ID: "commercial", Title: "Commercial", Weight: d("40"), Children: []score.Criterion{
				{ID: "price", Title: "Price", Weight: d("75"), Price: &criteria.PriceRule{Method: criteria.Linear}},
				q("q2", "Contract terms", "25"),
			}},
			q("q1", "Delivery approach", "40"),
			{ID: "sv", Title: "Social value", Weight: d("20"), SocialValue: &criteria.SocialValueRule{Catalogue: cat,
				Basis: criteria.BasisProxyValue, Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}},
		},
	}})
	for _, w := range wideBids {
		f := w.fieldBid
		spend := d(w.smeSpend)
		b := score.Bid{ID: f.id(), Supplier: score.Supplier{ID: f.supplier(), Name: f.name}, Lot: f.lot,
			Gates: map[string]criteria.GateResult{"ins": {Pass: true, Reason: "cover confirmed"}},
			Responses: map[string]score.Response{
				"price": {Price: criteria.Amount(d(f.price))},
				"sv": {SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{
					{Measure: "SME-SPEND", Quantity: &spend, MethodStatement: "social value plan, section 2"}}}},
			}}
		for i, m := range f.marks {
			qid := []string{"q1", "q2"}[i]
			b.Responses[qid] = score.Response{Marks: criteria.Marks{
				Evaluators: []criteria.EvaluatorMark{{Evaluator: "Evaluator 1", Mark: decimal.NewFromInt(m)}},
				Consensus:  &criteria.Consensus{Mark: decimal.NewFromInt(m), Rationale: rationale(f, qid)}}}
		}
		bids = append(bids, b)
	}
	return t, bids
}

func wideFieldResult(t *testing.T) score.Result {
	t.Helper()
	tn, bids := wideFieldTender()
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	return res
}

// TestWideFieldFixture pins what lot D is for, worked by hand, so that a
// change to it cannot quietly weaken the confidentiality test: the
// figures PLOVER's summary must withhold belong to three different losing
// bidders, and the lines that would show them are nested or social value.
func TestWideFieldFixture(t *testing.T) {
	res := wideFieldResult(t)
	l, ok := res.Lot("D")
	require.True(t, ok)
	// Price, linear within Commercial (40 × 75% = 30 marks): OSPREY
	// (414,159.26 − 333,000) ÷ (414,159.26 − 271,828.18) × 30 = 17.11;
	// terms 4 of 4 × 10 = 10; approach 4 of 4 × 40 = 40; social value
	// 400,000 × 0.1 = 40,000 against SANDERLING's best 87,654.321 × 20 =
	// 9.13: 76.24. PLOVER 12.36 + 7.50 + 30 + 6.85 (30,000 ÷ 87,654.321 × 20 = 6.845…) = 56.71; SANDERLING
	// 5.09 + 5 + 20 + 20 = 50.09; QUAIL 30 + 2.50 + 10 + 2.28 = 44.78;
	// REDSHANK 0 + 5 + 20 + 4.56 = 29.56.
	assert.Equal(t, "BID-OSPREY", l.Winner)
	require.Len(t, l.Standings, 5)
	want := map[string]string{"BID-OSPREY": "76.24", "BID-PLOVER": "56.71", "BID-SANDERLING": "50.09", "BID-QUAIL": "44.78", "BID-REDSHANK": "29.56"}
	for _, s := range l.Standings {
		assert.Equal(t, want[s.BidID], s.Score.String(), s.BidID)
	}
	plover, _ := l.Bid("BID-PLOVER")
	usesOf := func(id string) map[string]bool {
		ln, ok := score.FindLine(plover.Criteria(), id)
		require.True(t, ok, id)
		out := map[string]bool{}
		for _, st := range ln.Working {
			for _, u := range st.Uses {
				out[u] = true
			}
		}
		return out
	}
	assert.Equal(t, map[string]bool{"BID-QUAIL": true, "BID-REDSHANK": true}, usesOf("price"), "the nested price line shows the lowest and highest prices")
	assert.Equal(t, map[string]bool{"BID-SANDERLING": true}, usesOf("sv"), "the social value line shows the best offer")
}

// TestSummaryWithholdsNestedAndSocialValueLines checks the lines the
// widened fixture exists for, by name: in PLOVER's summary, its own price
// line nested under Commercial and its social value line are described,
// not worked, and so are the same lines of the most advantageous tender,
// whose working would show the same losing bidders' figures.
func TestSummaryWithholdsNestedAndSocialValueLines(t *testing.T) {
	res := wideFieldResult(t)
	s, err := report.Summarise(res, "D", "BID-PLOVER")
	require.NoError(t, err)
	require.NotNil(t, s.MostAdvantageous)
	find := func(ls []report.AssessedLine, id string) report.AssessedLine {
		var walk func([]report.AssessedLine) (report.AssessedLine, bool)
		walk = func(ls []report.AssessedLine) (report.AssessedLine, bool) {
			for _, l := range ls {
				if l.CriterionID == id {
					return l, true
				}
				if c, ok := walk(l.Children); ok {
					return c, true
				}
			}
			return report.AssessedLine{}, false
		}
		l, ok := walk(ls)
		require.True(t, ok, "the summary has a line for %s", id)
		return l
	}
	for _, who := range []struct {
		name  string
		lines []report.AssessedLine
	}{{"PLOVER's own", s.Yours.Criteria}, {"the most advantageous tender's", s.MostAdvantageous.Criteria}} {
		price := find(who.lines, "price")
		assert.True(t, price.Withheld, "%s nested price line is withheld", who.name)
		assert.Contains(t, strings.Join(price.Working, "\n"), "scored between the highest and lowest compliant prices", who.name)
		sv := find(who.lines, "sv")
		assert.True(t, sv.Withheld, "%s social value line is withheld", who.name)
		assert.Contains(t, strings.Join(sv.Working, "\n"), "their figures are not shown here", who.name)
		terms := find(who.lines, "q2")
		assert.False(t, terms.Withheld, "%s contract terms line uses nobody else's figures", who.name)
	}
	text := renderAll(t, s)
	for _, secret := range []string{"271,828.18", "414,159.26", "87,654.32", "876,543.21"} {
		assert.NotContains(t, text, secret)
	}
	// PLOVER's own price, and the winner's, are shown (reg 31).
	assert.Contains(t, text, "£355,500.00")
	assert.Contains(t, text, "£333,000.00")
}
