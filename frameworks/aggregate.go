package frameworks

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// LotValue is one lot's estimated value (VAT included) within a
// procurement.
type LotValue struct {
	ID    string          `json:"id"`
	Value decimal.Decimal `json:"value"`
}

// Aggregate is a procurement of several lots valued as one: the value
// compared with the threshold is the total of all its lots (Procurement Act
// 2023 Sch. 3 para 4; PCR 2015 reg 6(11)–(13)).
type Aggregate struct {
	// Lots are the lots valued together, in the tender's order.
	Lots []LotValue `json:"lots"`
	// Total is their sum.
	Total  decimal.Decimal `json:"total"`
	Source Source          `json:"source"`
}

// Text lists the lots and the sum: "lots 1 (£120,000.00) + 2 (£95,000.00)
// = £215,000.00".
func (a Aggregate) Text() string {
	var parts []string
	for _, l := range a.Lots {
		parts = append(parts, fmt.Sprintf("%s (%s)", l.ID, exact.Money(l.Value)))
	}
	return "lots " + strings.Join(parts, " + ") + " = " + exact.Money(a.Total)
}

// SmallLots says, under PCR 2015, that a lot of an above-threshold
// procurement is small enough to be awarded outside Part 2, if the
// authority chooses: each such lot under £70,778 (supplies or services) or
// £884,720 (works), VAT inclusive, the lots so awarded together not more
// than 20% of the aggregate (reg 6(14)–(15)).
type SmallLots struct {
	// Limit is the figure the lot is under.
	Limit decimal.Decimal `json:"limit"`
	// Eligible are the procurement's lots under their figure, this one
	// among them, and EligibleTotal their sum.
	Eligible      []LotValue      `json:"eligible"`
	EligibleTotal decimal.Decimal `json:"eligibleTotal"`
	// Cap is 20% of the aggregate: the most the lots so awarded may total.
	Cap    decimal.Decimal `json:"cap"`
	Source Source          `json:"source"`
}

// smallLotLimit returns PCR 2015 reg 6(14)'s figure for a contract type, or
// false where the regulation has none (utilities and defence contracts are
// under other regulations).
func smallLotLimit(c ContractType) (decimal.Decimal, bool) {
	switch c {
	case Works:
		return gbp("884720"), true
	case GoodsServices, LightTouch, "":
		return gbp("70778"), true
	}
	return decimal.Zero, false
}

// smallLotsSource is PCR 2015 reg 6(14)–(15) as amended.
func smallLotsSource() Source {
	return verified("PCR 2015 reg 6(14)–(15), as amended by SI 2020/1319 reg 5(7)(b)–(c) (£70,778 supplies or services, £884,720 works) and SI 2021/1221 reg 3(3)(b)(iv) (VAT inclusive from 1 January 2022)")
}

// aggregateSource is the rule that values a procurement's lots together.
func aggregateSource(r score.Regime) Source {
	if r == score.PCR2015 {
		return Source{Cite: "PCR 2015 reg 6(11)–(13) (the total estimated value of all the lots; Part 2 then applies to the awarding of each lot)", Verified: true,
			Note: "for supplies, reg 6(12) aggregates lots of similar supplies: the lots of one procedure are taken to be such"}
	}
	return Source{Cite: "Procurement Act 2023 Sch. 3 para 4 (contracts that could reasonably be supplied under a single contract are each valued as including all of them)", Verified: true,
		Note: "unless the authority has good reasons not to do so (para 4(2)), which the model does not record"}
}

// procurementKey names the procurement a lot belongs to. A lot with a
// route of its own is a procurement of its own (a separate call-off
// competition, even under the same framework lot as another); the lots
// taking the tender's route form one procurement per procedure
// (score.Tender.ProcedureFor: regime and route).
func procurementKey(t score.Tender, l score.Lot) any {
	if l.Route != nil && !l.Route.IsZero() {
		return "lot\x00" + l.ID
	}
	return t.ProcedureFor(l)
}

// aggregates returns, for each lot in the tender's order, the procurement
// it is valued with when that has more than one lot, else nil.
func aggregates(t score.Tender, regimeOf func(i int) score.Regime) []*Aggregate {
	out := make([]*Aggregate, len(t.Lots))
	groups := map[any][]int{}
	var order []any
	for i, l := range t.Lots {
		k := procurementKey(t, l)
		if _, seen := groups[k]; !seen {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	for _, k := range order {
		idx := groups[k]
		if len(idx) < 2 {
			continue
		}
		a := &Aggregate{Total: decimal.Zero, Source: aggregateSource(regimeOf(idx[0]))}
		for _, i := range idx {
			a.Lots = append(a.Lots, LotValue{ID: t.Lots[i].ID, Value: t.Lots[i].EstimatedValue})
			a.Total = a.Total.Add(t.Lots[i].EstimatedValue)
		}
		for _, i := range idx {
			out[i] = a
		}
	}
	return out
}

// smallLotsFor returns the small-lots position of one lot of an
// above-threshold PCR 2015 procurement, or nil when the lot is not under
// its figure.
func smallLotsFor(t score.Tender, lot score.Lot, a *Aggregate) *SmallLots {
	limit, ok := smallLotLimit(lot.ContractType)
	if !ok || lot.EstimatedValue.Cmp(limit) >= 0 {
		return nil
	}
	s := &SmallLots{Limit: limit, EligibleTotal: decimal.Zero, Cap: a.Total.Mul(gbp("0.2")), Source: smallLotsSource()}
	for _, lv := range a.Lots {
		l, _ := t.Lot(lv.ID)
		if lim, ok := smallLotLimit(l.ContractType); ok && lv.Value.Cmp(lim) < 0 {
			s.Eligible = append(s.Eligible, lv)
			s.EligibleTotal = s.EligibleTotal.Add(lv.Value)
		}
	}
	return s
}

// ClassifyLots places every lot of a tender in its threshold band as Check
// does: valued with the other lots of its procurement, under the regime it
// runs under, by the tender's commencement date. The map is keyed by lot
// id; a lot that cannot be placed (no thresholds recorded for the date) is
// absent, and Check's threshold-unknown finding says why. Bad input gives
// the same *score.ValidationError as Check. Use it to tell the award
// timeline whether a lot is below threshold (score.TimelineOptions).
func ClassifyLots(t score.Tender, opts ...Option) (map[string]Classification, error) {
	r, err := newRun(t, opts)
	if err != nil {
		return nil, err
	}
	out := make(map[string]Classification, len(r.lots))
	for _, l := range r.lots {
		if l.class != nil {
			out[l.lot.ID] = *l.class
		}
	}
	return out, nil
}
