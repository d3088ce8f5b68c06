package score_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

// TestLotRulesBadInput checks that each bad lot rule or cross-lot offer is
// reported with the field path and rule, through the one ValidationError.
func TestLotRulesBadInput(t *testing.T) {
	g := grid{"L1": {"A": "80", "B": "85"}, "L2": {"A": "70", "C": "72"}, "L3": {"A": "60", "B": "50"}}
	base := func() (score.Tender, []score.Bid) {
		return multiLot(capped(2, score.InOrder, score.AsListed), lotsOf("L1", "3", "L2", "2", "L3", "1"), g)
	}
	offer := func(lots ...string) score.CrossLotOffer {
		return score.CrossLotOffer{ID: "X-1", Supplier: "A", Lots: lots, PercentOff: dec("5")}
	}
	cases := []struct {
		name, why   string
		change      func(*score.Tender, *[]score.Bid)
		field, rule string
	}{
		{"award cap below 1", "a cap of 0 lots would award nothing; leave it out for no cap",
			func(t *score.Tender, _ *[]score.Bid) { t.LotRules.MaxLotsAwardedPerSupplier = score.Limit(0) },
			"lotRules.maximumLotsAwardedPerSupplier", "at-least-1"},
		{"award cap above the lots", "a cap of 4 on a three-lot tender means nothing and suggests a mistake",
			func(t *score.Tender, _ *[]score.Bid) { t.LotRules.MaxLotsAwardedPerSupplier = score.Limit(4) },
			"lotRules.maximumLotsAwardedPerSupplier", "max-lots"},
		{"bid cap below 1", "a supplier must be able to bid for at least one lot",
			func(t *score.Tender, _ *[]score.Bid) { t.LotRules.MaxLotsBidPerSupplier = score.Limit(-1) },
			"lotRules.maximumLotsBidPerSupplier", "at-least-1"},
		{"bid cap above the lots", "as for the award cap",
			func(t *score.Tender, _ *[]score.Bid) { t.LotRules.MaxLotsBidPerSupplier = score.Limit(9) },
			"lotRules.maximumLotsBidPerSupplier", "max-lots"},
		{"a bidder over the bid cap", "A bids for three lots where two are allowed; reported at its third bid",
			func(t *score.Tender, _ *[]score.Bid) { t.LotRules.MaxLotsBidPerSupplier = score.Limit(2) },
			"bids[4].lot", "max-lots-bid"},
		{"cap without a mechanism", "Procurement Act 2023 s.23(4): a cap needs a published, objective mechanism",
			func(t *score.Tender, _ *[]score.Bid) { t.LotRules.Allocation = "" },
			"lotRules.allocation", "required"},
		{"unknown mechanism", "only the two mechanisms are defined",
			func(t *score.Tender, _ *[]score.Bid) { t.LotRules.Allocation = "lottery" },
			"lotRules.allocation", "one-of"},
		{"mechanism without an order", "both mechanisms need the declared order",
			func(t *score.Tender, _ *[]score.Bid) { t.LotRules.Order = "" },
			"lotRules.order", "required"},
		{"unknown order", "only the three orders are defined",
			func(t *score.Tender, _ *[]score.Bid) { t.LotRules.Order = "alphabetical" },
			"lotRules.order", "one-of"},
		{"sequence naming an unknown lot", "every lot in the sequence must exist",
			func(t *score.Tender, _ *[]score.Bid) {
				t.LotRules.Order, t.LotRules.Sequence = score.DeclaredSequence, []string{"L1", "L9", "L2", "L3"}
			},
			"lotRules.sequence[1]", "known-lot"},
		{"sequence missing a lot", "every lot must have a place",
			func(t *score.Tender, _ *[]score.Bid) {
				t.LotRules.Order, t.LotRules.Sequence = score.DeclaredSequence, []string{"L1", "L2"}
			},
			"lotRules.sequence", "every-lot"},
		{"sequence naming a lot twice", "a lot has one place",
			func(t *score.Tender, _ *[]score.Bid) {
				t.LotRules.Order, t.LotRules.Sequence = score.DeclaredSequence, []string{"L1", "L2", "L2", "L3"}
			},
			"lotRules.sequence[2]", "unique"},
		{"sequence with another order", "a sequence is read only with order sequence",
			func(t *score.Tender, _ *[]score.Bid) { t.LotRules.Sequence = []string{"L1", "L2", "L3"} },
			"lotRules.sequence", "sequence-only"},
		{"highest total with price per quality point", "a sum of prices per quality point across lots is not a score",
			func(t *score.Tender, _ *[]score.Bid) {
				t.LotRules.Allocation = score.MaxTotalScore
				t.Lots[1].Policy = score.Policy{Basis: score.PricePerQualityPoint, Criteria: []score.Criterion{
					priceCrit("p-L2", "0", criteria.PriceRule{Method: criteria.PerQualityPoint}), qualityCrit("q-L2", "100")}}
			},
			"lotRules.allocation", "weighted-points"},
		{"unknown cross-lot evaluation", "only the defined evaluations",
			func(t *score.Tender, _ *[]score.Bid) { t.LotRules.CrossLot = "haggle" },
			"lotRules.crossLot", "one-of"},
		{"offer naming an unknown lot", "the brief's example of bad input",
			func(t *score.Tender, _ *[]score.Bid) { t.CrossLotOffers = []score.CrossLotOffer{offer("L1", "L7")} },
			"crossLotOffers[0].lots[1]", "known-lot"},
		{"offer naming one lot", "a combination has at least two lots",
			func(t *score.Tender, _ *[]score.Bid) { t.CrossLotOffers = []score.CrossLotOffer{offer("L1")} },
			"crossLotOffers[0].lots", "min-lots"},
		{"offer naming a lot twice", "the same lot twice is a mistake",
			func(t *score.Tender, _ *[]score.Bid) { t.CrossLotOffers = []score.CrossLotOffer{offer("L1", "L1")} },
			"crossLotOffers[0].lots[1]", "unique"},
		{"offer for a lot not bid for", "C did not bid for L1",
			func(t *score.Tender, _ *[]score.Bid) {
				o := offer("L1", "L2")
				o.Supplier = "C"
				t.CrossLotOffers = []score.CrossLotOffer{o}
			},
			"crossLotOffers[0].lots[0]", "bid-for-lot"},
		{"offer from an unknown supplier", "no bid comes from Z",
			func(t *score.Tender, _ *[]score.Bid) {
				o := offer("L1", "L2")
				o.Supplier = "Z"
				t.CrossLotOffers = []score.CrossLotOffer{o}
			},
			"crossLotOffers[0].supplier", "known-supplier"},
		{"offer above the cap", "three lots together can never be awarded with a cap of two",
			func(t *score.Tender, _ *[]score.Bid) {
				t.CrossLotOffers = []score.CrossLotOffer{offer("L1", "L2", "L3")}
			},
			"crossLotOffers[0].lots", "within-cap"},
		{"offer of 100% off", "a reduction is less than the whole price",
			func(t *score.Tender, _ *[]score.Bid) {
				o := offer("L1", "L2")
				o.PercentOff = dec("100")
				t.CrossLotOffers = []score.CrossLotOffer{o}
			},
			"crossLotOffers[0].percentOff", "percent-off"},
		{"offer of 0% off", "no reduction is no offer",
			func(t *score.Tender, _ *[]score.Bid) {
				o := offer("L1", "L2")
				o.PercentOff = dec("0")
				t.CrossLotOffers = []score.CrossLotOffer{o}
			},
			"crossLotOffers[0].percentOff", "percent-off"},
		{"reduced price too finely divided", "£0.0000000001 less 3.5% has more than ten decimal places",
			func(t *score.Tender, b *[]score.Bid) {
				(*b)[0] = bandBid("L1", "A", "99.9999999999")
				o := offer("L1", "L2")
				o.PercentOff = dec("3.5")
				t.CrossLotOffers = []score.CrossLotOffer{o}
			},
			"crossLotOffers[0].percentOff", "reduced-price"},
		{"duplicate offer ids", "offers are told apart by id",
			func(t *score.Tender, _ *[]score.Bid) {
				t.CrossLotOffers = []score.CrossLotOffer{offer("L1", "L2"), offer("L1", "L3")}
			},
			"crossLotOffers[1].id", "unique"},
		{"too many offers", "every disjoint set of offers is tried, so their number is bounded",
			func(t *score.Tender, _ *[]score.Bid) {
				for range score.MaxCrossLotOffers + 1 {
					t.CrossLotOffers = append(t.CrossLotOffers, offer("L1", "L2"))
				}
			},
			"crossLotOffers", "max-offers"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tn, bids := base()
			require.NoError(t, tn.Validate(bids), "the base case is valid")
			c.change(&tn, &bids)
			_, err := score.Award(tn, bids)
			var verr *score.ValidationError
			require.ErrorAs(t, err, &verr, c.why)
			assert.True(t, verr.Has(c.field, c.rule), "%s: want %s (%s) in\n%v", c.why, c.field, c.rule, err)
			_, err = score.Evaluate(tn, bids)
			assert.True(t, errors.As(err, &verr), "Evaluate validates the same rules")
		})
	}
}

// TestLotRulesBidCapMessage checks the words of the bid-cap problem.
func TestLotRulesBidCapMessage(t *testing.T) {
	g := grid{"L1": {"A": "80"}, "L2": {"A": "70"}, "L3": {"A": "60"}}
	tn, bids := multiLot(&score.LotRules{MaxLotsBidPerSupplier: score.Limit(2)}, lotsOf("L1", "3", "L2", "2", "L3", "1"), g)
	err := tn.Validate(bids)
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr)
	require.Len(t, verr.Problems, 1)
	assert.Equal(t, "bids[2].lot: supplier A (Supplier A) bids for 3 lots (L1, L2, L3) but lotRules.maximumLotsBidPerSupplier allows 2 (value \"L3\", rule max-lots-bid)", verr.Problems[0].String())
}
