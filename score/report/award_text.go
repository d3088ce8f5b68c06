package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// AwardText writes the award of a whole tender as text: the lot rules
// applied, each lot's award in the declared order with every bid passed
// over and why, the lots each supplier is awarded, the tally, and each
// cross-lot offer with the combination that won. The lots' own evaluations
// are written by [Text] from AwardResult.Result.
func AwardText(w io.Writer, a score.AwardResult) error {
	p := newPrinter(w)
	title := fmt.Sprintf("Award of %s — %s", a.TenderID, a.TenderTitle)
	p.line("%s", title)
	p.line("%s", strings.Repeat("=", len([]rune(title))))
	if a.Provisional {
		p.line("PROVISIONAL: the allocation rests on a tie the declared chain could not break (see the notes)")
	}
	p.blank()
	p.line("Lot rules applied")
	for _, n := range a.Notes {
		p.line("  - %s", n)
	}
	p.blank()
	if a.Rules.BindsLots() {
		p.line("Awards, in the declared order")
	} else {
		p.line("Awards, lot by lot")
	}
	for _, id := range a.Order {
		la, ok := a.Lot(id)
		if !ok {
			continue
		}
		p.line("  Lot %s — %s", la.LotID, la.Title)
		p.line("    %s", la.Explanation)
		for _, po := range la.PassedOver {
			p.line("    passed over: %s", po.Reason)
		}
	}
	p.blank()
	p.awardSuppliers(a)
	if a.Rules.BindsLots() {
		// Without lot rules each lot is its own award, and a total across
		// them — perhaps across procedures — would add unrelated scores.
		p.blank()
		p.line("Tally: %s", tallyText(a))
	}
	if len(a.Offers) > 0 {
		p.blank()
		p.awardOffers(a)
	}
	return p.done()
}

func (p *printer) awardSuppliers(a score.AwardResult) {
	p.line("Lots by supplier")
	limit := ""
	if c := a.Rules.MaxLotsAwardedPerSupplier; c != nil {
		limit = fmt.Sprintf(" of %d", *c)
	}
	for _, s := range a.Suppliers {
		lots := "no lot"
		if len(s.Lots) > 0 {
			lots = score.LotWords(s.Lots)
		}
		p.line("  %-34s %-8s %d%s  %s", s.Supplier.Name, s.Supplier.ID, len(s.Lots), limit, lots)
	}
}

// tallyText writes the lots awarded and the total with its sum.
func tallyText(a score.AwardResult) string {
	t := a.Tally
	s := fmt.Sprintf("%d of %d lots awarded", t.Lots, len(a.Lots))
	if !t.Scored {
		return s + "; no total score is formed (" + unaddedText(a) + ")"
	}
	var terms []string
	for _, id := range a.Order {
		if la, ok := a.Lot(id); ok && la.Status == score.Awarded {
			terms = append(terms, la.Score.String())
		}
	}
	switch len(terms) {
	case 0:
		return s + "; total score 0"
	case 1:
		return s + "; total score " + t.Total.String()
	}
	return fmt.Sprintf("%s; total score %s = %s", s, strings.Join(terms, " + "), t.Total)
}

func (p *printer) awardOffers(a score.AwardResult) {
	p.line("Cross-lot offers")
	for _, o := range a.Offers {
		p.line("  %s — %s: %s together, %s%% off — %s", o.Offer.ID, o.Supplier.Name, score.LotWords(o.Offer.Lots), exact.Plain(o.Offer.PercentOff), strings.ReplaceAll(string(o.Status), "-", " "))
		if o.Offer.Description != "" {
			p.line("    offered: %q", o.Offer.Description)
		}
		for _, l := range o.Lots {
			p.line("    lot %s, bid %s: price %s → %s; %s → %s",
				l.LotID, l.BidID, exact.Money(l.PriceBefore), exact.Money(l.PriceAfter),
				standingWord(l.RankBefore, l.ScoreBefore), standingWord(l.RankAfter, l.ScoreAfter))
		}
		p.line("    %s", o.Reason)
	}
	if a.Decision != "" {
		p.blank()
		p.line("Decision: %s", a.Decision)
	}
}

// standingWord writes a bid's place and score: "rank 2, 80.32 points", or
// "disqualified".
func standingWord(rank int, f score.Figure) string {
	if rank == 0 {
		return "disqualified"
	}
	return fmt.Sprintf("rank %d, %s points", rank, f)
}

// unaddedText says why an award forms no total: a lot is scored on price
// per quality point, or on a price adjusted by features.
func unaddedText(a score.AwardResult) string {
	for _, l := range a.Lots {
		if r, ok := a.Result.Lot(l.LotID); ok && r.Lot.Policy.Basis == score.AdjustedPrice {
			return "a lot is scored on a price adjusted by features"
		}
	}
	return "a lot is scored on price per quality point"
}
