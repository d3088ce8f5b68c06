package frameworks

import (
	"fmt"
	"strings"
)

// Rule social-value-rises-with-price: a bid that commits a £ social value
// measure as a percentage of its own price (criteria.Commitment.Percent),
// on a criterion that values the offer in £ rather than as a share of the
// bid price, offers more the more it charges: its score there rises with
// its price, so a lower price can lower its total, and the price to win
// may lie above its price. The rule names the bids and measures, from the
// bids (WithBids); without them it says nothing. Whether to score such
// measures as a share of the bid price (per: share-of-bid-price) or ask for
// £ amounts is this library's advice, not a rule of law; the duty it
// answers to is that award criteria be a proportionate means of assessing
// tenders (Procurement Act 2023 s.23(2)(d); PCR 2015 reg 18(1)).
//
// Codes: social-value-rises-with-price (warning).

func checkSocialValueRisesWithPrice(r *run, l *lotCtx) {
	if !r.cfg.hasBids {
		return
	}
	for i := range l.shares {
		s := &l.shares[i]
		rule := s.c.SocialValue
		if rule == nil || !s.leaf {
			continue
		}
		var who []string
		for _, b := range r.cfg.bids {
			if b.Lot != l.lot.ID {
				continue
			}
			if m, ok := rule.RisesWithPrice(b.Responses[s.c.ID].SocialValue); ok {
				who = append(who, fmt.Sprintf("%s (%s)", b.ID, m))
			}
		}
		if len(who) == 0 {
			continue
		}
		subject, their := "bid "+who[0]+" commits", "its"
		if len(who) > 1 {
			subject, their = "bids "+strings.Join(who, ", ")+" commit", "their"
		}
		r.add(l, s, Warning, "social-value-rises-with-price", proportionateSource(l.regime),
			"%s a £ measure as a percentage of %s own price, and this criterion values the offer in £, not as a share of the price: "+
				"the offer, and the score here, rise with the price, so a lower price can score less in total (this library's advice: "+
				"score such measures as a share of the bid price, per: share-of-bid-price, or ask for £ amounts)", subject, their)
	}
}
