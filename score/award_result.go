package score

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// AwardResult is the award of a whole tender: every lot evaluated, then
// allocated under the tender's lot rules, with any cross-lot offers
// evaluated, and every decision explained.
type AwardResult struct {
	TenderID    string
	TenderTitle string
	// Rules are the lot rules applied: the tender's, or the zero value when
	// it declares none.
	Rules LotRules
	// Order lists the lot ids in the declared order: the order lots are
	// awarded in (InOrder) or that breaks ties between allocations
	// (MaxTotalScore). The tender's own order when none is declared.
	Order []string
	// Result is the evaluation in force: every lot as bid, except the lots
	// of an accepted cross-lot offer, evaluated again with the offered
	// reduction applied.
	Result Result
	// Separate is every lot evaluated as bid, without any cross-lot offer.
	// It equals Result when no offer is accepted.
	Separate Result
	// Lots are the awards, in the tender's order of lots.
	Lots []LotAward
	// Suppliers lists, by supplier id, every supplier with a compliant bid
	// and the lots it is awarded.
	Suppliers []SupplierAward
	// Tally is the number of lots awarded and, when every lot is scored on
	// weighted points, the total of the awarded bids' scores.
	Tally Tally
	// Offers are the cross-lot offers and what became of each, by offer id.
	Offers []OfferOutcome
	// Accepted lists the ids of the cross-lot offers accepted; empty when
	// the separate awards stand.
	Accepted []string
	// Decision says which combination of awards won and why, with the
	// numbers; empty when no cross-lot offer was evaluated.
	Decision string
	// Provisional is true when the allocation rests on a tie the declared
	// chain could not break; the notes say where. No award stands until the
	// authority resolves it.
	Provisional bool
	// Notes state the rules applied, the defaults used and special cases met.
	Notes []string
}

// Tally sums an award: lots awarded and the total of their scores.
type Tally struct {
	// Lots is the number of lots awarded.
	Lots int
	// Total is the sum of the awarded bids' totals as shown (each out of
	// 100); Scored is false when a lot is scored on price per quality point,
	// whose ratios are not added up.
	Total  Figure
	Scored bool
}

// String writes the tally: "5 lots, total 409.39".
func (t Tally) String() string {
	s := fmt.Sprintf("%d lot", t.Lots)
	if t.Lots != 1 {
		s += "s"
	}
	if t.Scored {
		s += ", total " + t.Total.String()
	}
	return s
}

// AwardStatus says whether a lot is awarded.
type AwardStatus string

// Award statuses.
const (
	// Awarded: the lot goes to one bid.
	Awarded AwardStatus = "awarded"
	// NotAwardedNoCompliantBid: every bid for the lot was disqualified.
	NotAwardedNoCompliantBid AwardStatus = "no-compliant-bid"
	// NotAwardedAllAtCap: every supplier with a compliant bid for the lot
	// has already reached the cap on lots awarded.
	NotAwardedAllAtCap AwardStatus = "all-at-cap"
)

// LotAward is the award of one lot.
type LotAward struct {
	LotID string
	Title string
	// Place is the lot's place, from 1, in the declared order.
	Place int
	// Status says whether the lot is awarded.
	Status AwardStatus
	// BidID, Supplier, Rank and Score describe the bid awarded the lot
	// (empty unless Status is Awarded). Rank and Score are those of the
	// evaluation in force (AwardResult.Result).
	BidID    string
	Supplier Supplier
	Rank     int
	Score    Figure
	// Offer is the id of the cross-lot offer under which the lot is
	// awarded, if any.
	Offer string
	// PassedOver lists the compliant bids ranked above the bid awarded (all
	// of them when the lot is not awarded), best first, each with why it
	// was not awarded the lot.
	PassedOver []PassedOver
	// Explanation says in a sentence how the lot was awarded.
	Explanation string
	// Provisional is true when the award rests on a tie the declared chain
	// could not break.
	Provisional bool
}

// PassedOver is a bid ranked above the bid awarded a lot, and why it was not
// awarded the lot.
type PassedOver struct {
	BidID    string
	Supplier Supplier
	Rank     int
	// Reason says why, for the authority, with the lots, ranks and totals
	// involved: "B-503 ranked first on lot 5 but Brightwell IT Ltd was
	// already awarded lots 3 and 1; the cap is 2; lot 5 goes to the
	// next-ranked bidder B-502 (Papercourt Managed Print Ltd)".
	Reason string
	// ForBidder says the same in words fit for the bidder's own assessment
	// summary: it names the bid, its supplier's own awards and the bid
	// awarded the lot, and no other losing bid — no rank but the bid's own
	// first place, and no total that other losing bids' scores make up.
	ForBidder string
}

// SupplierAward is the lots one supplier is awarded.
type SupplierAward struct {
	Supplier Supplier
	// Lots are the ids of the lots awarded, in the declared order.
	Lots []string
	// Bids are the supplier's compliant bids, by bid id.
	Bids []string
}

// OfferStatus says what became of a cross-lot offer.
type OfferStatus string

// Offer statuses.
const (
	// OfferAccepted: the award with the offer is the best; the supplier is
	// awarded every lot it names, at the reduced prices.
	OfferAccepted OfferStatus = "accepted"
	// OfferNotAccepted: evaluated, and the award without it is at least as
	// good.
	OfferNotAccepted OfferStatus = "not-accepted"
	// OfferIneligible: the offer cannot be accepted, e.g. one of its bids is
	// disqualified even at the reduced price.
	OfferIneligible OfferStatus = "ineligible"
	// OfferDisregarded: the published lot rules do not accept cross-lot
	// offers.
	OfferDisregarded OfferStatus = "disregarded"
)

// OfferOutcome is a cross-lot offer and what became of it.
type OfferOutcome struct {
	Offer    CrossLotOffer
	Supplier Supplier
	Status   OfferStatus
	// Lots show, lot by lot in the tender's order, the supplier's bid as bid
	// and with the reduction; empty when the offer was disregarded.
	Lots []OfferLot
	// With is the best award that accepts this offer; Without the best that
	// does not. Both are set when the offer was evaluated (Status accepted
	// or not accepted).
	With, Without *Tally
	// Reason says what became of the offer and why, with the numbers.
	Reason string
}

// OfferLot is the supplier's bid on one lot of a cross-lot offer, as bid and
// with the reduction applied.
type OfferLot struct {
	LotID string
	BidID string
	// PriceBefore and PriceAfter are the price compared (the sum over the
	// lot's price criteria), as bid and reduced.
	PriceBefore, PriceAfter decimal.Decimal
	// ScoreBefore and ScoreAfter are the bid's total as shown; RankBefore
	// and RankAfter its rank (0 when disqualified).
	ScoreBefore, ScoreAfter Figure
	RankBefore, RankAfter   int
}

// Lot returns the award of one lot.
func (a AwardResult) Lot(id string) (LotAward, bool) {
	for _, l := range a.Lots {
		if l.LotID == id {
			return l, true
		}
	}
	return LotAward{}, false
}

// Explain says, for one bid on one lot, what the award decided and why, in
// words fit for that bidder's assessment summary: it names the bid, its own
// supplier's other awards and the bid awarded the lot, and nothing about any
// other losing bid — no name, no rank but the bid's own first place, no
// total that other losing bids' scores make up. It returns "" for a bid or
// lot it does not know.
//
//   - the bid awarded the lot: "awarded lot 3 with 73.83 points …", with
//     the mechanism or cross-lot offer that decided it;
//   - a bid ranked above the bid awarded but passed over: why (the cap, the
//     allocation with the highest total, or an accepted cross-lot offer) —
//     PassedOver.ForBidder;
//   - any other compliant bid: that the lot went to a bid ranked above it;
//   - a disqualified bid: that it was disqualified.
func (a AwardResult) Explain(lotID, bidID string) string {
	la, ok := a.Lot(lotID)
	if !ok {
		return ""
	}
	lr, ok := a.Result.Lot(lotID)
	if !ok {
		return ""
	}
	b, ok := lr.Bid(bidID)
	if !ok {
		return ""
	}
	if la.Status == Awarded && la.BidID == bidID {
		return a.winnerText(la)
	}
	for _, p := range la.PassedOver {
		if p.BidID == bidID {
			if p.ForBidder == "" {
				return p.Reason
			}
			return p.ForBidder
		}
	}
	if b.Disqualified != nil {
		return fmt.Sprintf("not awarded lot %s: the bid was disqualified at the %s stage", lotID, b.Disqualified.Stage)
	}
	if la.Status == Awarded {
		return fmt.Sprintf("not awarded lot %s: it goes to %s (%s), which ranks above it", lotID, la.BidID, la.Supplier.Name)
	}
	return fmt.Sprintf("not awarded lot %s: %s", lotID, la.Explanation)
}

// winnerText is the awarded bid's own explanation: the mechanism, never
// another losing bid.
func (a AwardResult) winnerText(la LotAward) string {
	s := fmt.Sprintf("awarded lot %s with %s", la.LotID, scoreWords(a.Result, la.LotID, la.Score))
	switch {
	case la.Offer != "":
		for _, o := range a.Offers {
			if o.Offer.ID == la.Offer {
				s += fmt.Sprintf(" at the reduced prices of its cross-lot offer %s (%s together, %s%% off), which the published rules accept because the award with it has the higher total score across the lots",
					o.Offer.ID, LotWords(o.Offer.Lots), o.Offer.PercentOff)
			}
		}
	case a.Rules.MaxLotsAwardedPerSupplier != nil:
		s += fmt.Sprintf(", under the published allocation of lots (at most %d per supplier; %s)", *a.Rules.MaxLotsAwardedPerSupplier, methodShort(a.Rules.Allocation))
	}
	if la.Provisional {
		s += "; provisional until a tie the declared chain could not break is resolved"
	}
	return s
}

// scoreWords writes a lot's score with its unit: "80.32 points", or under
// price per quality point "2,345.1234… per quality point".
func scoreWords(r Result, lotID string, f Figure) string {
	lr, _ := r.Lot(lotID)
	return lotScoreWords(lr, f)
}

func lotScoreWords(lr LotResult, f Figure) string {
	switch lr.Lot.Policy.basis() {
	case PricePerQualityPoint:
		return f.String() + " per quality point"
	case AdjustedPrice:
		return f.String() + " adjusted price"
	}
	return f.String() + " points"
}

// LotWords writes lot ids as people do: "lot 3", "lots 3 and 1",
// "lots 1, 3 and 5" ("no lots" for none).
func LotWords(ids []string) string {
	switch len(ids) {
	case 0:
		return "no lots"
	case 1:
		return "lot " + ids[0]
	}
	return "lots " + strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1]
}
