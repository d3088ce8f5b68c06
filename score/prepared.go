package score

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Prepared is a tender and its bids that have passed [Tender.Validate],
// each bid read once: its gates, quality and living wage assessments and
// price quotes, which do not depend on the other bids. Evaluating it never
// validates or reads a bid again; it computes what compares the bids with
// each other (price and social value over the field, thresholds, totals,
// ranks). A command validates a file once and scores it, and the analyses
// re-score changed copies ([Prepared.WithBid], [Prepared.WithoutBid],
// [Prepared.WithLot]), each validating and reading only what changed. The
// only way to get one is [Prepare]; a Prepared is never changed once made,
// so it may be shared between goroutines.
type Prepared struct {
	t     Tender
	bids  []Bid               // as given
	byLot map[string]*lotPrep // each lot, its bids by id, read; never changed once made (results point into them)
}

// Prepare validates the tender and the bids together, as [Tender.Validate]
// does, and returns them ready to evaluate. Bad input gives a
// [*ValidationError] listing every problem.
func Prepare(t Tender, bids []Bid) (*Prepared, error) { return prepare(t, slices.Clone(bids)) }

// prepare validates the tender and bids, reading each bid as it passes
// (prepare_read.go); bids becomes the Prepared's own.
func prepare(t Tender, bids []Bid) (*Prepared, error) {
	v := newValidation()
	if err := v.all(t, bids, true); err != nil {
		return nil, err
	}
	if v.rd != nil {
		if p, ok := v.rd.prepared(t, bids); ok {
			return p, nil
		}
	}
	return prepared(t, bids), nil // not read as validated: read now
}

func prepared(t Tender, bids []Bid) *Prepared {
	p := &Prepared{t: t, bids: bids, byLot: make(map[string]*lotPrep, len(t.Lots))}
	byLot := bidsByLot(bids)
	lps := make([]*lotPrep, len(t.Lots))
	each(len(t.Lots), func(i int) { lps[i] = newLotPrep(t, t.Lots[i], byLot[t.Lots[i].ID]) }) // each lot is read on its own
	for i, l := range t.Lots {
		p.byLot[l.ID] = lps[i]
	}
	return p
}

// Tender returns the tender.
func (p *Prepared) Tender() Tender { return p.t }

// Bids returns the bids, in the order given.
func (p *Prepared) Bids() []Bid { return slices.Clone(p.bids) }

// Evaluate evaluates every lot, as [Evaluate] does, without validating
// again.
func (p *Prepared) Evaluate() Result {
	t := p.t
	res := Result{TenderID: t.ID, TenderTitle: t.Title, Authority: t.Authority, Commenced: t.Commenced, Regime: t.Regime,
		Documents: t.Documents, Evaluation: t.Evaluation}
	if len(t.Lots) > 0 {
		res.Lots = make([]LotResult, len(t.Lots))
		each(len(t.Lots), func(i int) { res.Lots[i] = p.byLot[t.Lots[i].ID].evaluate() }) // lots compare only their own bids
	}
	return res
}

// EvaluateLot evaluates one lot, as [EvaluateLot] does, without validating
// again; false when the tender has no such lot.
func (p *Prepared) EvaluateLot(lotID string) (LotResult, bool) {
	lp, ok := p.byLot[lotID]
	if !ok {
		return LotResult{}, false
	}
	return lp.evaluate(), true
}

// ForLot returns the prepared tender cut down to one lot and its bids (in
// bid id order), for analyses that re-score that lot alone; false when the
// tender has no such lot. Nothing is validated again.
func (p *Prepared) ForLot(lotID string) (*Prepared, bool) {
	l, ok := p.t.Lot(lotID)
	if !ok {
		return nil, false
	}
	t := p.t
	t.Lots = []Lot{l}
	lp := p.byLot[lotID]
	return &Prepared{t: t, bids: lp.bids, byLot: map[string]*lotPrep{lotID: lp}}, true
}

// WithBid returns the prepared tender with the bid of b's id replaced by b,
// validating b against its lot (and the evaluation panel). The bid must keep
// its lot and supplier, so that nothing checked across bids can change.
func (p *Prepared) WithBid(b Bid) (*Prepared, error) {
	i := slices.IndexFunc(p.bids, func(x Bid) bool { return x.ID == b.ID })
	switch {
	case i < 0:
		return nil, oneProblem("bid", b.ID, "known-bid", "the prepared tender has no bid with this id to replace")
	case p.bids[i].Lot != b.Lot:
		return nil, oneProblem(fmt.Sprintf("bids[%d].lot", i), b.Lot, "same-lot", "a replaced bid keeps its lot, %s", p.bids[i].Lot)
	case p.bids[i].Supplier != b.Supplier:
		return nil, oneProblem(fmt.Sprintf("bids[%d].supplier.id", i), b.Supplier.ID, "same-supplier", "a replaced bid keeps its supplier, %s (%s)", p.bids[i].Supplier.ID, p.bids[i].Supplier.Name)
	}
	v := newValidation()
	v.bidsOf(p.t, []Bid{b}, b.Lot)
	v.evaluationRecord(p.t, []Bid{b})
	if err := v.err(); err != nil {
		reindex(err, i)
		return nil, err
	}
	bids := slices.Clone(p.bids)
	bids[i] = b
	q := &Prepared{t: p.t, bids: bids, byLot: maps.Clone(p.byLot)}
	lp := p.byLot[b.Lot]
	if j, ok := slices.BinarySearchFunc(lp.bids, b.ID, func(x Bid, id string) int { return strings.Compare(x.ID, id) }); ok {
		q.byLot[b.Lot] = lp.withBid(j, b)
	}
	return q, nil
}

// WithoutBid returns the prepared tender without the bid of the given id.
// It is an error to remove a lot's last bid: a lot needs a bid to evaluate.
func (p *Prepared) WithoutBid(id string) (*Prepared, error) {
	i := slices.IndexFunc(p.bids, func(x Bid) bool { return x.ID == id })
	if i < 0 {
		return nil, oneProblem("bid", id, "known-bid", "the prepared tender has no bid with this id to remove")
	}
	lotID := p.bids[i].Lot
	lp := p.byLot[lotID]
	if len(lp.bids) == 1 {
		return nil, oneProblem(fmt.Sprintf("bids[%d]", i), id, "no-bids", "lot %s has no other bid to evaluate", lotID)
	}
	q := &Prepared{t: p.t, bids: slices.Delete(slices.Clone(p.bids), i, i+1), byLot: maps.Clone(p.byLot)}
	if j, ok := slices.BinarySearchFunc(lp.bids, id, func(x Bid, id string) int { return strings.Compare(x.ID, id) }); ok {
		q.byLot[lotID] = lp.withoutBid(j)
	}
	return q, nil
}

// WithLot returns the prepared tender with the lot of l's id replaced by l
// (a changed policy: other weights, another price method), validating the
// tender and that lot's bids against it.
func (p *Prepared) WithLot(l Lot) (*Prepared, error) {
	i := slices.IndexFunc(p.t.Lots, func(x Lot) bool { return x.ID == l.ID })
	if i < 0 {
		return nil, oneProblem("lot", l.ID, "known-lot", "the tender has no lot with this id")
	}
	t := p.t
	t.Lots = slices.Clone(t.Lots)
	t.Lots[i] = l
	v := newValidation()
	v.tender(t)
	v.bidsOf(t, p.bids, l.ID)
	if err := v.err(); err != nil {
		return nil, err
	}
	q := &Prepared{t: t, bids: p.bids, byLot: maps.Clone(p.byLot)}
	q.byLot[l.ID] = newLotPrep(t, l, p.byLot[l.ID].bids)
	return q, nil
}

func oneProblem(field, value, rule, format string, args ...any) error {
	return &ValidationError{Problems: []Problem{{Field: field, Value: value, Rule: rule, Message: fmt.Sprintf(format, args...)}}}
}

// reindex puts a replaced bid's own position back in the field paths of
// problems found when it was checked alone (as bids[0]).
func reindex(err error, i int) {
	ve, ok := err.(*ValidationError)
	if !ok {
		return
	}
	for k, pr := range ve.Problems {
		if rest, ok := strings.CutPrefix(pr.Field, "bids[0]"); ok {
			ve.Problems[k].Field = fmt.Sprintf("bids[%d]%s", i, rest)
		}
	}
}
