// Command crosslot awards a fictional three-lot grounds maintenance tender
// in which two suppliers offer a price reduction if awarded a set of lots
// together, and shows each offer evaluated against the best separate
// awards, which combination won and why:
//
//	go run ./examples/crosslot
//
// Northfold District Council (fictional) caps the lots one supplier may win
// at two, awarding lots in descending order of estimated value (Procurement
// Act 2023 s.23(4)), and publishes how it evaluates cross-lot offers: each
// offer's lots are scored again with the reduction applied, the supplier is
// awarded all of them, the other lots are allocated as usual, and the offer
// is accepted only if that award scores strictly more in total than the
// best award without it.
//
//   - Hollyoak Grounds Ltd offers 5% off if awarded lots A and B together.
//     It ranks first on lot A and second on lot B; with the reduction it is
//     still second on lot B, but the award with the offer totals more than
//     the separate awards, so the offer is accepted.
//   - Greenmere Landscapes Ltd offers 3% off if awarded lots B and C
//     together. The award with it totals less, so it is not accepted.
//
// The council, the suppliers and every figure are fictional.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "crosslot:", err)
		os.Exit(1)
	}
}

// run awards the tender and writes the award, then each lot's standings in
// the evaluation in force.
func run(w io.Writer) error {
	a, err := score.Award(tender(), bids())
	if err != nil {
		return err
	}
	if err := report.AwardText(w, a); err != nil {
		return err
	}
	for _, l := range a.Result.Lots {
		fmt.Fprintf(w, "\nLot %s — %s: standings in force\n", l.Lot.ID, l.Lot.Title)
		for _, s := range l.Standings {
			fmt.Fprintf(w, "  %-3d %-6s %-30s %8s\n", s.Rank, s.BidID, s.Supplier.Name, s.Score)
		}
	}
	return nil
}

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// lot is price 40 (lowest price ÷ this price) and quality 60 in two
// questions on the 0–4 scale.
func lot(id, title, value string) score.Lot {
	q := func(qid, t, w string) score.Criterion {
		return score.Criterion{ID: id + "-" + qid, Title: t, Weight: d(w),
			Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
	}
	return score.Lot{ID: id, Title: title, EstimatedValue: d(value), TermMonths: 36, Policy: score.Policy{
		Criteria: []score.Criterion{
			{ID: id + "-price", Title: "Price", Weight: d("40"), Price: &criteria.PriceRule{Method: criteria.Relative}},
			{ID: id + "-quality", Title: "Quality", Weight: d("60"), Children: []score.Criterion{
				q("method", "Method statement and resourcing", "60"),
				q("environment", "Biodiversity and environmental management", "40"),
			}},
		},
		TieBreaks: []score.TieBreak{{Kind: score.HigherPoints, Criterion: id + "-quality"}, {Kind: score.LowerPrice}},
	}}
}

func tender() score.Tender {
	return score.Tender{
		ID: "NDC/GM/2026/03", Title: "Grounds maintenance (three lots)",
		Authority: score.Authority{Name: "Northfold District Council", Type: score.SubCentral},
		Commenced: date.On(2026, 5, 11), Regime: score.PA2023,
		Lots: []score.Lot{
			lot("A", "Parks and open spaces", "900000"),
			lot("B", "Cemeteries and churchyards", "400000"),
			lot("C", "Highway verges", "600000"),
		},
		LotRules: &score.LotRules{
			MaxLotsAwardedPerSupplier: score.Limit(2),
			Allocation:                score.InOrder,
			Order:                     score.ValueDescending,
			CrossLot:                  score.CrossLotTotalScore,
			Description: "No supplier will be awarded more than two lots; lots are awarded in descending order of estimated value. " +
				"Offers conditional on the award of several lots are evaluated against the best separate awards.",
		},
		CrossLotOffers: []score.CrossLotOffer{
			{ID: "X-1", Supplier: hollyoak.ID, Lots: []string{"A", "B"}, PercentOff: d("5"),
				Description: "a 5% reduction on all prices for lots A and B if both are awarded to us"},
			{ID: "X-2", Supplier: greenmere.ID, Lots: []string{"B", "C"}, PercentOff: d("3"),
				Description: "3% off lots B and C if awarded together"},
		},
	}
}

var (
	hollyoak  = score.Supplier{ID: "SUP-HOL", Name: "Hollyoak Grounds Ltd"}
	greenmere = score.Supplier{ID: "SUP-GRE", Name: "Greenmere Landscapes Ltd"}
	ferncourt = score.Supplier{ID: "SUP-FER", Name: "Ferncourt Services Ltd"}
	wychbrook = score.Supplier{ID: "SUP-WYC", Name: "Wychbrook Estate Care Ltd"}
)

func bid(id string, s score.Supplier, lot, price string, method, environment int64) score.Bid {
	mark := func(m int64) score.Response {
		mk := decimal.NewFromInt(m)
		return score.Response{Marks: criteria.Marks{
			Evaluators: []criteria.EvaluatorMark{{Evaluator: "Evaluator A", Mark: mk}, {Evaluator: "Evaluator B", Mark: mk}},
			Consensus:  &criteria.Consensus{Mark: mk, Rationale: "agreed at moderation"}}}
	}
	return score.Bid{ID: id, Supplier: s, Lot: lot, Responses: map[string]score.Response{
		lot + "-price":       {Price: criteria.Amount(d(price))},
		lot + "-method":      mark(method),
		lot + "-environment": mark(environment),
	}}
}

func bids() []score.Bid {
	return []score.Bid{
		bid("A-1", hollyoak, "A", "800000", 4, 3),
		bid("A-2", greenmere, "A", "760000", 3, 3),
		bid("A-3", ferncourt, "A", "850000", 3, 4),
		bid("A-4", wychbrook, "A", "780000", 2, 3),

		bid("B-1", hollyoak, "B", "380000", 3, 4),
		bid("B-2", greenmere, "B", "370000", 3, 3),
		bid("B-3", ferncourt, "B", "355000", 3, 4),
		bid("B-4", wychbrook, "B", "340000", 2, 2),

		bid("C-2", greenmere, "C", "560000", 3, 3),
		bid("C-3", ferncourt, "C", "580000", 4, 3),
		bid("C-4", wychbrook, "C", "540000", 3, 2),
	}
}
