package score_test

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

func capped(n int, m score.AllocationMethod, o score.LotOrder, seq ...string) *score.LotRules {
	return &score.LotRules{MaxLotsAwardedPerSupplier: score.Limit(n), Allocation: m, Order: o, Sequence: seq}
}

// threeByThree: supplier A ranks first on every lot; B and C trade places.
// With a cap of one, worked by hand:
//
//	        L1 (£300k)  L2 (£200k)  L3 (£100k)
//	A          90          80          70
//	B          85          60          65
//	C          50          75          40
//
// The six one-lot-each allocations total A-L1 C-L2 B-L3 = 230,
// B-L1 C-L2 A-L3 = 230, B-L1 A-L2 C-L3 = 205, C-L1 A-L2 B-L3 = 195,
// A-L1 B-L2 C-L3 = 190, C-L1 B-L2 A-L3 = 180.
var threeByThree = grid{
	"L1": {"A": "90", "B": "85", "C": "50"},
	"L2": {"A": "80", "B": "60", "C": "75"},
	"L3": {"A": "70", "B": "65", "C": "40"},
}

// TestAwardHandWorked checks allocations worked out by hand, for both
// mechanisms, with the reasons given to the bids passed over.
func TestAwardHandWorked(t *testing.T) {
	three := lotsOf("L1", "300000", "L2", "200000", "L3", "100000")
	two := lotsOf("L1", "200000", "L2", "100000")
	cases := []struct {
		name    string
		why     string
		rules   *score.LotRules
		lots    []score.Lot
		g       grid
		want    map[string]string // lot → bid awarded, "" for none
		status  map[string]score.AwardStatus
		total   string
		reasons map[string]string // bid passed over → reason
	}{
		{
			name: "no lot rules", why: "without rules each lot goes to its most advantageous tender, whoever wins the others",
			lots: three, g: threeByThree,
			want:  map[string]string{"L1": "L1-A", "L2": "L2-A", "L3": "L3-A"},
			total: "240.00",
		},
		{
			name: "in order of value, cap 1", why: "A takes the most valuable lot; on L2 the next-ranked C is free; on L3 both A and C are at the cap, so B",
			rules: capped(1, score.InOrder, score.ValueDescending), lots: three, g: threeByThree,
			want:  map[string]string{"L1": "L1-A", "L2": "L2-C", "L3": "L3-B"},
			total: "230.00",
			reasons: map[string]string{
				"L2-A": "L2-A ranked first on lot L2 but Supplier A was already awarded lot L1; the cap is 1; lot L2 goes to the next-ranked bidder L2-C (Supplier C)",
				"L3-A": "L3-A ranked first on lot L3 but Supplier A was already awarded lot L1; the cap is 1; lot L3 goes to the next-ranked bidder L3-B (Supplier B)",
			},
		},
		{
			name: "highest total, tie broken by descending value", why: "A-L1 C-L2 B-L3 and B-L1 C-L2 A-L3 both total 230; L1 comes first in the order and goes to its better-ranked bid, A",
			rules: capped(1, score.MaxTotalScore, score.ValueDescending), lots: three, g: threeByThree,
			want:  map[string]string{"L1": "L1-A", "L2": "L2-C", "L3": "L3-B"},
			total: "230.00",
			reasons: map[string]string{
				"L3-A": "L3-A ranked first on lot L3 but the allocation with the highest total score awards Supplier A lot L1, and the cap is 1; with lot L3 awarded to L3-A instead, the best allocation would also total 230.00; the declared order breaks the tie: lot L1, the first in that order where the two allocations differ, goes to its higher-ranked bid; lot L3 goes to the next-ranked bidder L3-B (Supplier B)",
				"L2-A": "L2-A ranked first on lot L2 but the allocation with the highest total score awards Supplier A lot L1, and the cap is 1; with lot L2 awarded to L2-A instead, the best allocation would total 205.00 against 230.00; lot L2 goes to the next-ranked bidder L2-C (Supplier C)",
			},
		},
		{
			name: "highest total, the declared sequence breaks the tie the other way", why: "with L3 first in the sequence, the tie between the two 230 allocations goes to the one giving L3 its first-ranked bid, A",
			rules: capped(1, score.MaxTotalScore, score.DeclaredSequence, "L3", "L2", "L1"), lots: three, g: threeByThree,
			want:  map[string]string{"L1": "L1-B", "L2": "L2-C", "L3": "L3-A"},
			total: "230.00",
		},
		{
			name: "the mechanisms differ: in order", why: "L1 is worth more, so A takes it by one point; L2 then goes to B at 60: 80 + 60 = 140",
			rules: capped(1, score.InOrder, score.ValueDescending), lots: two,
			g:     grid{"L1": {"A": "80", "B": "79"}, "L2": {"A": "90", "B": "60"}},
			want:  map[string]string{"L1": "L1-A", "L2": "L2-B"},
			total: "140.00",
		},
		{
			name: "the mechanisms differ: highest total", why: "giving A lot L2 instead totals 90 + 79 = 169 against 140",
			rules: capped(1, score.MaxTotalScore, score.ValueDescending), lots: two,
			g:     grid{"L1": {"A": "80", "B": "79"}, "L2": {"A": "90", "B": "60"}},
			want:  map[string]string{"L1": "L1-B", "L2": "L2-A"},
			total: "169.00",
			reasons: map[string]string{
				"L1-A": "L1-A ranked first on lot L1 but the allocation with the highest total score awards Supplier A lot L2, and the cap is 1; with lot L1 awarded to L1-A instead, the best allocation would total 140.00 against 169.00; lot L1 goes to the next-ranked bidder L1-B (Supplier B)",
			},
		},
		{
			name: "highest total awards the most lots first", why: "A alone on L1 scores 95, but A on L2 (90) with B on L1 (4) awards both lots: more lots beats a higher total",
			rules: capped(1, score.MaxTotalScore, score.ValueDescending), lots: two,
			g:     grid{"L1": {"A": "95", "B": "4"}, "L2": {"A": "90"}},
			want:  map[string]string{"L1": "L1-B", "L2": "L2-A"},
			total: "94.00",
			reasons: map[string]string{
				"L1-A": "L1-A ranked first on lot L1 but the allocation with the highest total score awards Supplier A lot L2, and the cap is 1; with lot L1 awarded to L1-A instead, the best allocation would award only 1 lot, total 95.00 against 2 lots, total 94.00; lot L1 goes to the next-ranked bidder L1-B (Supplier B)",
			},
		},
		{
			name: "in order a lot can go unawarded", why: "A takes L1; its only bidder on L2 is A, now at the cap",
			rules: capped(1, score.InOrder, score.ValueDescending), lots: two,
			g:      grid{"L1": {"A": "95", "B": "4"}, "L2": {"A": "90"}},
			want:   map[string]string{"L1": "L1-A", "L2": ""},
			status: map[string]score.AwardStatus{"L2": score.NotAwardedAllAtCap},
			total:  "95.00",
			reasons: map[string]string{
				"L2-A": "L2-A ranked first on lot L2 but Supplier A was already awarded lot L1; the cap is 1; lot L2 is not awarded, as every other supplier with a compliant bid is at the cap too",
			},
		},
		{
			name: "a lot with no compliant bid", why: "both bids on L2 are over budget: nothing to award, nothing added to the total",
			rules: capped(1, score.MaxTotalScore, score.AsListed), lots: two,
			g:      grid{"L1": {"A": "70", "B": "60"}, "L2": {"A": "x", "B": "x"}},
			want:   map[string]string{"L1": "L1-A", "L2": ""},
			status: map[string]score.AwardStatus{"L2": score.NotAwardedNoCompliantBid},
			total:  "70.00",
		},
		{
			name: "cap 2, one supplier first on three lots", why: "as listed, A takes L1 and L2 and reaches the cap; L3 goes to B",
			rules: capped(2, score.InOrder, score.AsListed), lots: three,
			g:     grid{"L1": {"A": "90", "B": "85"}, "L2": {"A": "80", "B": "75"}, "L3": {"A": "70", "B": "65"}},
			want:  map[string]string{"L1": "L1-A", "L2": "L2-A", "L3": "L3-B"},
			total: "235.00",
			reasons: map[string]string{
				"L3-A": "L3-A ranked first on lot L3 but Supplier A was already awarded lots L1 and L2; the cap is 2; lot L3 goes to the next-ranked bidder L3-B (Supplier B)",
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tn, bids := multiLot(c.rules, c.lots, c.g)
			a, err := score.Award(tn, bids)
			require.NoError(t, err)
			assert.Equal(t, c.want, awards(a), c.why)
			assert.Equal(t, c.total, a.Tally.Total.String(), c.why)
			for lot, st := range c.status {
				la, _ := a.Lot(lot)
				assert.Equal(t, st, la.Status, "lot %s: %s", lot, c.why)
			}
			for bid, reason := range c.reasons {
				assert.Equal(t, reason, passedOver(a, bid).Reason, "%s: %s", bid, c.why)
			}
			assert.False(t, a.Provisional)
		})
	}
}

// passedOver finds a bid among those passed over, lot by lot.
func passedOver(a score.AwardResult, bid string) score.PassedOver {
	for _, l := range a.Lots {
		for _, p := range l.PassedOver {
			if p.BidID == bid {
				return p
			}
		}
	}
	return score.PassedOver{}
}

// TestAwardExplainForEachBid checks what Explain gives each kind of bid.
func TestAwardExplainForEachBid(t *testing.T) {
	g := grid{"L1": {"A": "90", "B": "85", "C": "50", "D": "x"}, "L2": {"A": "80", "B": "60", "C": "75"}, "L3": {"A": "70", "B": "65", "C": "40"}}
	tn, bids := multiLot(capped(1, score.InOrder, score.ValueDescending), lotsOf("L1", "300000", "L2", "200000", "L3", "100000"), g)
	a, err := score.Award(tn, bids)
	require.NoError(t, err)
	cases := []struct{ lot, bid, want, why string }{
		{"L2", "L2-C", "awarded lot L2 with 75.00 points, under the published allocation of lots (at most 1 per supplier; lots awarded in the declared order, each to the highest-ranked bid whose supplier has not reached the cap)",
			"the winner hears the mechanism, not its rank: that would tell it a losing bid ranked above it"},
		{"L2", "L2-A", "L2-A ranked first on lot L2 but Supplier A was already awarded lot L1; the cap is 1; lot L2 goes to the next-ranked bidder L2-C (Supplier C)",
			"the bid passed over hears why, with its own other award; the winner's place is the winner's, so naming it next-ranked reveals nobody else"},
		{"L2", "L2-B", "not awarded lot L2: it goes to L2-C (Supplier C), which ranks above it", "a lower-ranked bid hears who won, and no rank"},
		{"L1", "L1-D", "not awarded lot L1: the bid was disqualified at the budget stage", "a disqualified bid"},
		{"L1", "L9-Z", "", "an unknown bid"},
		{"L9", "L1-A", "", "an unknown lot"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, a.Explain(c.lot, c.bid), c.why)
	}
}

// TestAwardExplainKeepsOthersConfidential: under the highest-total
// mechanism the authority's reason gives the totals; the bidder's leaves
// them out (other losing bids' scores make them up), and a bid passed over
// that was not first is not told its rank (that would reveal a losing bid
// above it).
func TestAwardExplainKeepsOthersConfidential(t *testing.T) {
	tn, bids := multiLot(capped(1, score.MaxTotalScore, score.ValueDescending), lotsOf("L1", "200000", "L2", "100000"),
		grid{"L1": {"A": "80", "B": "79"}, "L2": {"A": "90", "B": "60"}})
	a, err := score.Award(tn, bids)
	require.NoError(t, err)
	assert.Equal(t, "L1-A ranked first on lot L1 but the allocation with the highest total score awards Supplier A lot L2, and the cap is 1; with lot L1 awarded to L1-A instead, the best allocation would have a lower total score; lot L1 goes to the next-ranked bidder L1-B (Supplier B)",
		a.Explain("L1", "L1-A"))

	// A and B both ahead of C on L2, both at the cap after L1 and L3.
	g := grid{"L1": {"A": "90", "B": "50"}, "L2": {"A": "80", "B": "70", "C": "40"}, "L3": {"B": "90", "C": "10"}}
	tn, bids = multiLot(capped(1, score.InOrder, score.AsListed), lotsOf("L1", "3", "L2", "2", "L3", "1"), g)
	tn.LotRules.Order, tn.LotRules.Sequence = score.DeclaredSequence, []string{"L1", "L3", "L2"}
	a, err = score.Award(tn, bids)
	require.NoError(t, err)
	assert.Equal(t, "L2-B ranked second on lot L2 but Supplier B was already awarded lot L3; the cap is 1; lot L2 goes to the next-ranked bidder L2-C (Supplier C)", passedOver(a, "L2-B").Reason)
	assert.Equal(t, "L2-B scored more on lot L2 than the tender awarded it but Supplier B was already awarded lot L3; the cap is 1; lot L2 goes to L2-C (Supplier C)", a.Explain("L2", "L2-B"))
	assert.Equal(t, "L2-A ranked first on lot L2 but Supplier A was already awarded lot L1; the cap is 1; lot L2 goes to L2-C (Supplier C)", a.Explain("L2", "L2-A"),
		"the winner is third: calling it next-ranked would reveal B's bid")
}

// TestAwardCrossLot checks cross-lot offers worked by hand. Band lots keep
// the other bids' scores fixed when one price is reduced, so the numbers
// are easy to follow:
//
//	        L1 (£200k)  L2 (£100k)
//	A          80 (£20)    70 (£30)
//	B          85 (£15)     —
//	C           —          72 (£28)
//
// Separate awards: B on L1, C on L2, 157. With r% off, A scores
// 80 + 20r/100 on L1 and 70 + 30r/100 on L2.
func TestAwardCrossLot(t *testing.T) {
	lots := lotsOf("L1", "200000", "L2", "100000")
	g := grid{"L1": {"A": "80", "B": "85"}, "L2": {"A": "70", "C": "72"}}
	accept := &score.LotRules{CrossLot: score.CrossLotTotalScore}
	offer := func(id, sup, pct string, lots ...string) score.CrossLotOffer {
		return score.CrossLotOffer{ID: id, Supplier: sup, Lots: lots, PercentOff: dec(pct)}
	}
	cases := []struct {
		name, why string
		rules     *score.LotRules
		g         grid
		offers    []score.CrossLotOffer
		want      map[string]string
		status    []score.OfferStatus
		accepted  []string
		reason    string // of the first offer, in full
		total     string
	}{
		{
			name: "accepted", why: "50% off: A scores 90 and 85, 175 against 157 for the separate awards",
			rules: accept, g: g, offers: []score.CrossLotOffer{offer("X-1", "A", "50", "L1", "L2")},
			want: map[string]string{"L1": "L1-A", "L2": "L2-A"}, status: []score.OfferStatus{score.OfferAccepted}, accepted: []string{"X-1"},
			reason: "accepted: the best award with it (2 lots, total 175.00) beats the best award without it (the separate awards: 2 lots, total 157.00)",
			total:  "175.00",
		},
		{
			name: "not accepted", why: "10% off: A scores 82 and 73, 155 against 157",
			rules: accept, g: g, offers: []score.CrossLotOffer{offer("X-1", "A", "10", "L1", "L2")},
			want: map[string]string{"L1": "L1-B", "L2": "L2-C"}, status: []score.OfferStatus{score.OfferNotAccepted},
			reason: "not accepted: the best award with it (2 lots, total 155.00) is worse than the best award without it (the separate awards: 2 lots, total 157.00)",
			total:  "157.00",
		},
		{
			name: "equal is not enough", why: "14% off: 82.80 + 74.20 = 157.00, no better than the separate awards",
			rules: accept, g: g, offers: []score.CrossLotOffer{offer("X-1", "A", "14", "L1", "L2")},
			want: map[string]string{"L1": "L1-B", "L2": "L2-C"}, status: []score.OfferStatus{score.OfferNotAccepted},
			reason: "not accepted: the best award with it (2 lots, total 157.00) is no better than the best award without it (the separate awards: 2 lots, total 157.00); an offer must do strictly better",
			total:  "157.00",
		},
		{
			name: "ineligible", why: "A's L2 bid at £150 is still over the £99 budget after 10% off (£135)",
			rules: accept, g: grid{"L1": {"A": "80", "B": "85"}, "L2": {"A": "x", "C": "72"}}, offers: []score.CrossLotOffer{offer("X-1", "A", "10", "L1", "L2")},
			want: map[string]string{"L1": "L1-B", "L2": "L2-C"}, status: []score.OfferStatus{score.OfferIneligible},
			reason: "cannot be accepted: bid L2-A on lot L2 is disqualified even at the reduced price (Price: £135.00 is above the published maximum budget of £99.00)",
			total:  "157.00",
		},
		{
			name: "disregarded", why: "the rules do not accept cross-lot offers, however good",
			rules: capped(2, score.InOrder, score.AsListed), g: g, offers: []score.CrossLotOffer{offer("X-1", "A", "50", "L1", "L2")},
			want: map[string]string{"L1": "L1-B", "L2": "L2-C"}, status: []score.OfferStatus{score.OfferDisregarded},
			reason: "disregarded: the published lot rules do not accept cross-lot offers",
			total:  "157.00",
		},
		{
			name: "alternatives from one supplier", why: "A's 50% offer beats its 20% one (175 against 160); both name L1 and L2, so only one can be accepted",
			rules: accept, g: g, offers: []score.CrossLotOffer{offer("X-1", "A", "20", "L1", "L2"), offer("X-2", "A", "50", "L2", "L1")},
			want: map[string]string{"L1": "L1-A", "L2": "L2-A"}, status: []score.OfferStatus{score.OfferNotAccepted, score.OfferAccepted}, accepted: []string{"X-2"},
			reason: "not accepted: the best award with it (2 lots, total 160.00) is worse than the best award without it (accepting X-2: 2 lots, total 175.00)",
			total:  "175.00",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tn, bids := multiLot(c.rules, lots, c.g, c.offers...)
			a, err := score.Award(tn, bids)
			require.NoError(t, err)
			assert.Equal(t, c.want, awards(a), c.why)
			var st []score.OfferStatus
			for _, o := range a.Offers {
				st = append(st, o.Status)
			}
			assert.Equal(t, c.status, st, c.why)
			assert.Equal(t, c.accepted, a.Accepted, c.why)
			assert.Equal(t, c.reason, a.Offers[0].Reason, c.why)
			assert.Equal(t, c.total, a.Tally.Total.String(), c.why)
		})
	}
}

// TestAwardCrossLotWithCap: an accepted offer counts against the cap from
// the outset, so the supplier's first place on a third lot is passed over,
// and the bid passed over on a lot of the combination is told why.
func TestAwardCrossLotWithCap(t *testing.T) {
	rules := capped(2, score.InOrder, score.AsListed)
	rules.CrossLot = score.CrossLotTotalScore
	lots := lotsOf("L1", "200000", "L2", "100000", "L3", "50000")
	offer := score.CrossLotOffer{ID: "X-1", Supplier: "A", Lots: []string{"L1", "L2"}, PercentOff: dec("50")}
	g := grid{"L1": {"A": "80", "B": "95"}, "L2": {"A": "70", "C": "72"}, "L3": {"A": "90", "B": "60"}}
	tn, bids := multiLot(rules, lots, g, offer)
	a, err := score.Award(tn, bids)
	require.NoError(t, err)
	// Separately (as listed, cap 2): B 95, C 72, A 90 = 257. With the offer
	// A scores 90 on L1 (still second to B's 95) and 85 on L2, and L3 goes
	// to B at 60: 235. Worse: not accepted.
	assert.Equal(t, map[string]string{"L1": "L1-B", "L2": "L2-C", "L3": "L3-A"}, awards(a))
	assert.Equal(t, "not accepted: the best award with it (3 lots, total 235.00) is worse than the best award without it (the separate awards: 3 lots, total 257.00)", a.Offers[0].Reason)

	// B's L3 bid raised to 85: with the offer 90 + 85 + 85 = 260 > 257.
	g["L3"]["B"] = "85"
	tn, bids = multiLot(rules, lots, g, offer)
	a, err = score.Award(tn, bids)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"L1": "L1-A", "L2": "L2-A", "L3": "L3-B"}, awards(a))
	assert.Equal(t, "L3-A ranked first on lot L3 but Supplier A was already awarded lots L1 and L2; the cap is 2; lot L3 goes to the next-ranked bidder L3-B (Supplier B)", a.Explain("L3", "L3-A"),
		"the offer's lots count against the cap from the outset")
	assert.Equal(t, "L1-B ranked first on lot L1 but lot L1 is awarded to L1-A (Supplier A) together with lot L2 under its cross-lot offer X-1 (50% off), accepted because the best award with it (3 lots, total 260.00) beats the best award without it (3 lots, total 257.00)", passedOver(a, "L1-B").Reason,
		"A is still second on L1 at the reduced price: the combination wins on the total")
	assert.Equal(t, "L1-B ranked first on lot L1 but lot L1 is awarded to L1-A (Supplier A) together with lot L2 under its cross-lot offer X-1 (50% off), which the published rules accept because the award with it has the higher total score across the lots", a.Explain("L1", "L1-B"),
		"the bidder is not given totals made up of other losing bids' scores")
	assert.Equal(t, "cross-lot offer X-1 from Supplier A (lots L1 and L2 together, 50% off) wins: the award with it (3 lots, total 260.00) beats the separate awards (3 lots, total 257.00)", a.Decision)
	lr, _ := a.Result.Lot("L1")
	assert.Contains(t, lr.Notes, "cross-lot offer X-1 applied: Supplier A's prices on lot L1 reduced by 50% (£20.00 → £10.00), so every bid's price score is worked out again")
	sep, _ := a.Separate.Lot("L1")
	assert.Equal(t, "L1-B", sep.Winner, "the separate evaluation is kept as bid")
	assert.Equal(t, "awarded lot L1 with 90.00 points at the reduced prices of its cross-lot offer X-1 (lots L1 and L2 together, 50% off), which the published rules accept because the award with it has the higher total score across the lots",
		a.Explain("L1", "L1-A"))
}

// TestAwardDisjointOffersTogether: offers naming disjoint lots are accepted
// together when that is best.
func TestAwardDisjointOffersTogether(t *testing.T) {
	g := grid{"L1": {"A": "80", "B": "85"}, "L2": {"A": "70", "B": "72"}, "L3": {"C": "80", "D": "85"}, "L4": {"C": "70", "D": "72"}}
	tn, bids := multiLot(&score.LotRules{CrossLot: score.CrossLotTotalScore}, lotsOf("L1", "4", "L2", "3", "L3", "2", "L4", "1"), g,
		score.CrossLotOffer{ID: "X-C", Supplier: "C", Lots: []string{"L3", "L4"}, PercentOff: dec("50")},
		score.CrossLotOffer{ID: "X-A", Supplier: "A", Lots: []string{"L1", "L2"}, PercentOff: dec("50")})
	a, err := score.Award(tn, bids)
	require.NoError(t, err)
	assert.Equal(t, []string{"X-A", "X-C"}, a.Accepted, "sorted by offer id")
	assert.Equal(t, map[string]string{"L1": "L1-A", "L2": "L2-A", "L3": "L3-C", "L4": "L4-C"}, awards(a))
	assert.Equal(t, "350.00", a.Tally.Total.String(), "90 + 85 + 90 + 85")
	assert.Equal(t, "accepted: the best award with it (together with X-C: 4 lots, total 350.00) beats the best award without it (accepting X-C: 4 lots, total 332.00)", a.Offers[0].Reason)
}

// TestAwardProvisionalOnUnresolvedTie: bids the chain cannot separate are
// taken in bid-id order only to finish the allocation, and the award says
// it is provisional.
func TestAwardProvisionalOnUnresolvedTie(t *testing.T) {
	g := grid{"L1": {"A": "80", "B": "80"}, "L2": {"A": "70", "C": "60"}}
	tn, bids := multiLot(capped(1, score.InOrder, score.AsListed), lotsOf("L1", "2", "L2", "1"), g)
	a, err := score.Award(tn, bids)
	require.NoError(t, err)
	assert.True(t, a.Provisional)
	l1, _ := a.Lot("L1")
	assert.True(t, l1.Provisional)
	assert.Equal(t, "L1-A", l1.BidID)
	assert.Contains(t, a.Notes, "lot L1: bids tied after the whole tie-break chain are taken in bid-id order only to complete the allocation; the award is provisional until the authority resolves the tie by its declared manual step")
}

// TestAwardDeterministic: the same tender and bids in any order give the
// same award, byte for byte.
func TestAwardDeterministic(t *testing.T) {
	rules := capped(2, score.MaxTotalScore, score.ValueDescending)
	rules.CrossLot = score.CrossLotTotalScore
	tn, bids := multiLot(rules, lotsOf("L1", "300000", "L2", "200000", "L3", "100000"), threeByThree,
		score.CrossLotOffer{ID: "X-2", Supplier: "B", Lots: []string{"L2", "L3"}, PercentOff: dec("5")},
		score.CrossLotOffer{ID: "X-1", Supplier: "A", Lots: []string{"L1", "L2"}, PercentOff: dec("5")})
	render := func(tn score.Tender, bids []score.Bid) string {
		a, err := score.Award(tn, bids)
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, report.AwardText(&buf, a))
		return buf.String()
	}
	want := render(tn, bids)
	r := rand.New(rand.NewPCG(7, 11))
	for range 20 {
		r.Shuffle(len(bids), func(i, j int) { bids[i], bids[j] = bids[j], bids[i] })
		r.Shuffle(len(tn.CrossLotOffers), func(i, j int) {
			tn.CrossLotOffers[i], tn.CrossLotOffers[j] = tn.CrossLotOffers[j], tn.CrossLotOffers[i]
		})
		require.Equal(t, want, render(tn, bids))
	}
}

// TestAwardPricePerQualityPoint: under price per quality point the lowest
// ratio ranks first; the in-order mechanism works on ranks alone, and no
// total score is formed, since ratios of different lots are not added.
func TestAwardPricePerQualityPoint(t *testing.T) {
	ppqp := func(id string) score.Lot {
		l := lotOf(score.Policy{Basis: score.PricePerQualityPoint, Criteria: []score.Criterion{
			priceCrit("price", "0", criteria.PriceRule{Method: criteria.PerQualityPoint}), qualityCrit("q", "100")}})
		l.ID, l.Title = id, "Lot "+id
		return l
	}
	bid := func(lot, sup, price string, mark int64) score.Bid {
		return score.Bid{ID: lot + "-" + sup, Supplier: score.Supplier{ID: sup, Name: "Supplier " + sup}, Lot: lot,
			Responses: map[string]score.Response{"price": priced(price), "q": marks(mark)}}
	}
	tn := tenderOf(ppqp("L1"))
	tn.Lots = append(tn.Lots, ppqp("L2"))
	tn.LotRules = capped(1, score.InOrder, score.AsListed)
	// L1: A £1,000 ÷ 75 = £13.33 a point, B £1,200 ÷ 75 = £16; L2: A £900 ÷ 100 = £9, B £1,000 ÷ 100 = £10.
	bids := []score.Bid{bid("L1", "A", "1000", 3), bid("L1", "B", "1200", 3), bid("L2", "A", "900", 4), bid("L2", "B", "1000", 4)}
	a, err := score.Award(tn, bids)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"L1": "L1-A", "L2": "L2-B"}, awards(a))
	assert.False(t, a.Tally.Scored)
	l2, _ := a.Lot("L2")
	assert.Equal(t, "lot L2 goes to L2-B (Supplier B), ranked second with 10 per quality point, the highest-ranked bid whose supplier had not reached the cap", l2.Explanation)
	var buf bytes.Buffer
	require.NoError(t, report.AwardText(&buf, a))
	assert.Contains(t, buf.String(), "Tally: 2 of 2 lots awarded; no total score is formed (a lot is scored on price per quality point)")

	tn.LotRules.Allocation = score.MaxTotalScore
	_, err = score.Award(tn, bids)
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("lotRules.allocation", "weighted-points"), "the highest total needs scores to add")
}
