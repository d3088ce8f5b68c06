package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Disclosure is what one bidder's document lets its reader work out about
// a figure of another bidder's tender that the document does not show. The
// Procurement Regulations 2024 reg 31 require a summary to give the
// bidder's own scores and the most advantageous tender's; from a price
// score, its own price and the published formula, a bidder can solve for
// the lowest price in the field (or the highest, under the linear method)
// to within what the declared rounding leaves open. The summary shows
// nothing beyond what the regulation requires; the authority's report
// states each bound, so the authority decides with open eyes before
// anything is sent.
type Disclosure struct {
	// LotID and BidID name the document: the bidder it is sent to.
	LotID, BidID string
	// CriterionID and Title name the price criterion.
	CriterionID, Title string
	// What is the figure bounded: "the lowest compliant price" or "the
	// highest compliant price".
	What string
	// Owners are the bids whose figure it is.
	Owners []string
	// Actual is the figure; Low and High the bound the reader can reach,
	// both in pounds rounded outwards to the penny.
	Actual, Low, High decimal.Decimal
}

// String says it in a sentence: "B-103's document bounds the lowest
// compliant price on Price (B-104's £2,150,000.00) between £2,149,700.00
// and £2,150,300.00, a range of £600.00".
func (d Disclosure) String() string {
	return fmt.Sprintf("%s's document bounds %s on %s (%s's %s) between %s and %s, a range of %s",
		d.BidID, d.What, d.Title, strings.Join(d.Owners, ", "), exact.Money(d.Actual), exact.Money(d.Low), exact.Money(d.High),
		exact.Money(d.High.Sub(d.Low)))
}

// Disclosures lists, lot by lot and bid by bid, every figure of another
// bidder that a bidder's document lets its reader bound: the lowest price
// of a relative or deduction price method, the highest and lowest of a
// linear one, when the figure belongs to neither the reader nor the most
// advantageous tender (whose figures the document shows). Each bound uses
// only what the document shows: the reader's own price and points, the
// most advantageous tender's price and points, the marks available and the
// rounding the policy declares; it encloses the figure, and a bidder
// cannot narrow it further from those alone. Bands and prices per quality
// point are not relative to the field and disclose nothing.
func Disclosures(r score.Result) []Disclosure {
	var out []Disclosure
	for _, l := range r.Lots {
		if l.Lot.Policy.Basis == score.PricePerQualityPoint {
			continue
		}
		f := newPriceFields(l)
		for _, b := range l.Bids {
			if b.Disqualified != nil && b.Disqualified.Disregarded {
				continue // a disregard letter shows no scores
			}
			for _, pf := range f {
				out = append(out, pf.bounds(l, b.BidID)...)
			}
		}
	}
	return out
}

// disclosureLines are a lot's disclosures, each in a sentence, for the
// authority's report.
func disclosureLines(l score.LotResult) []string {
	var out []string
	for _, d := range Disclosures(score.Result{Lots: []score.LotResult{l}}) {
		out = append(out, d.String())
	}
	return out
}

// disclosureIntro heads the disclosures in the authority's report;
// disclosureNone says there are none.
const (
	disclosureIntro = "What each bidder's document lets its reader work out of another bidder's tender: the Procurement Regulations 2024 reg 31 require a summary to give the bidder's own scores and the most advantageous tender's, and from a price score, its own price and the published formula a bidder can solve for a price it is not shown, to within what the declared rounding leaves open. The summaries show nothing beyond what the regulation requires; decide before sending whether these bounds are acceptable."
	disclosureNone  = "No bidder's document lets its reader bound another bidder's price: nothing is relative to a price it is not shown."
)

// priceField is one price criterion's field of compliant prices, with what
// each bid's line shows.
type priceField struct {
	id, title string
	method    criteria.PriceMethod
	rate      decimal.Decimal // the deduction method's k
	available exact.Fraction
	prices    map[string]decimal.Decimal // bid → price, for bids in the field
	shown     map[string]shownPoints     // bid → points as its line shows them
	lo, hi    decimal.Decimal
	atLo      []string
	atHi      []string
	normal    *exact.Rounding // a rounding of normalised scores, if declared
}

// shownPoints is a line's points as shown, with the rounding that made
// them: the interval the true points lie in.
type shownPoints struct {
	lo, hi exact.Fraction
}

func newPriceFields(l score.LotResult) []*priceField {
	var out []*priceField
	byID := map[string]*priceField{}
	for _, c := range leafPrices(l.Lot.Policy.Criteria) {
		if c.Price.Method != criteria.Relative && c.Price.Method != criteria.Linear && c.Price.Method != criteria.Deduction {
			continue
		}
		pf := &priceField{id: c.ID, title: c.Title, method: c.Price.Method, rate: c.Price.Rate,
			prices: map[string]decimal.Decimal{}, shown: map[string]shownPoints{}}
		for _, rr := range l.Rounding {
			if rr.Stage == score.Normalised {
				rd := rr.Rounding()
				pf.normal = &rd
			}
		}
		byID[c.ID] = pf
		out = append(out, pf)
	}
	for _, b := range l.Bids {
		lines := b.Criteria()
		for _, q := range b.Prices() {
			pf, ok := byID[q.CriterionID]
			if !ok || q.OverBudget {
				continue
			}
			ln, ok := score.FindLine(lines, q.CriterionID)
			if !ok || !ln.Scored {
				continue
			}
			pf.available = ln.Available
			pf.prices[b.BidID] = q.Price
			pf.shown[b.BidID] = interval(ln)
		}
	}
	for _, pf := range out {
		pf.extremes()
	}
	return out
}

// leafPrices lists the price criteria of a criteria tree, in order.
func leafPrices(cs []score.Criterion) []score.Criterion {
	var out []score.Criterion
	for _, c := range cs {
		if c.Price != nil {
			out = append(out, c)
		}
		out = append(out, leafPrices(c.Children)...)
	}
	return out
}

// extremes finds the lowest and highest prices and whose they are.
func (pf *priceField) extremes() {
	first := true
	ids := make([]string, 0, len(pf.prices))
	for id := range pf.prices {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		p := pf.prices[id]
		switch {
		case first:
			pf.lo, pf.hi, pf.atLo, pf.atHi, first = p, p, []string{id}, []string{id}, false
			continue
		case p.LessThan(pf.lo):
			pf.lo, pf.atLo = p, []string{id}
		case p.Equal(pf.lo):
			pf.atLo = append(pf.atLo, id)
		}
		switch {
		case p.GreaterThan(pf.hi):
			pf.hi, pf.atHi = p, []string{id}
		case p.Equal(pf.hi):
			pf.atHi = append(pf.atHi, id)
		}
	}
}

// interval is the range the true points of a line lie in, given the points
// shown and the rounding applied at the line: half a unit either side for
// the half modes, a whole unit on one side for the directed ones, none
// when the points are shown exactly.
func interval(ln score.Line) shownPoints {
	s := ln.Points.Value
	if ln.Rounding == nil {
		return shownPoints{s, s}
	}
	unit := exact.Whole(decimal.New(1, -ln.Rounding.Places))
	half := unit.Mul(mustHalf())
	switch ln.Rounding.Mode {
	case exact.Down, exact.Floor:
		return shownPoints{s, s.Add(unit)}
	case exact.Up, exact.Ceiling:
		return shownPoints{s.Sub(unit), s}
	}
	return shownPoints{s.Sub(half), s.Add(half)}
}

func mustHalf() exact.Fraction {
	h, _ := exact.NewFraction(decimal.NewFromInt(1), decimal.NewFromInt(2))
	return h
}

// bounds are what bid reader's document lets it work out of this field.
func (pf *priceField) bounds(l score.LotResult, reader string) []Disclosure {
	if len(pf.prices) < 2 || pf.available.Sign() <= 0 {
		return nil
	}
	shows := map[string]bool{reader: true}
	if l.Outcome == score.Winner {
		shows[l.Winner] = true
	}
	var known []string // the bids whose price and points the document shows
	for _, id := range []string{reader, l.Winner} {
		if _, ok := pf.prices[id]; ok && shows[id] && !slices.Contains(known, id) {
			known = append(known, id)
		}
	}
	hidden := func(owners []string) bool {
		return !slices.ContainsFunc(owners, func(id string) bool { return shows[id] })
	}
	var out []Disclosure
	add := func(what string, owners []string, actual decimal.Decimal, lo, hi exact.Fraction, ok bool) {
		if ok {
			out = append(out, Disclosure{LotID: l.Lot.ID, BidID: reader, CriterionID: pf.id, Title: pf.title, What: what,
				Owners: owners, Actual: actual, Low: exact.Rounding{Places: 2, Mode: exact.Floor}.Apply(lo),
				High: exact.Rounding{Places: 2, Mode: exact.Ceiling}.Apply(hi)})
		}
	}
	switch pf.method {
	case criteria.Relative, criteria.Deduction:
		if hidden(pf.atLo) {
			lo, hi, ok := pf.lowestFrom(known)
			add("the lowest compliant price", pf.atLo, pf.lo, lo, hi, ok)
		}
	case criteria.Linear:
		loHidden, hiHidden := hidden(pf.atLo), hidden(pf.atHi)
		lo, hi, llo, lhi, ok := pf.linearFrom(known, loHidden, hiHidden)
		if loHidden {
			add("the lowest compliant price", pf.atLo, pf.lo, llo, lhi, ok)
		}
		if hiHidden {
			add("the highest compliant price", pf.atHi, pf.hi, lo, hi, ok)
		}
	}
	return out
}

// share is the interval of a known bid's normalised score (0 to 1): its
// shown points over the marks available, widened by any rounding of the
// normalised score.
func (pf *priceField) share(id string) (exact.Fraction, exact.Fraction) {
	s := pf.shown[id]
	lo, _ := s.lo.Quo(pf.available)
	hi, _ := s.hi.Quo(pf.available)
	if pf.normal != nil {
		half := exact.Whole(decimal.New(1, -pf.normal.Places)).Mul(mustHalf())
		lo, hi = lo.Sub(half), hi.Add(half)
	}
	return lo.Max(exact.Zero), hi.Min(exact.One)
}

// lowestFrom bounds the lowest price from each known bid's price and
// share, and intersects the bounds. Relative: lowest = price × share.
// Deduction: share = 1 − k (price − lowest) ÷ lowest, so lowest = price ÷
// (1 + (1 − share) ÷ k); a share of 0 bounds it from above only.
func (pf *priceField) lowestFrom(known []string) (exact.Fraction, exact.Fraction, bool) {
	var lo, hi exact.Fraction
	found := false
	for _, id := range known {
		p := exact.Whole(pf.prices[id])
		slo, shi := pf.share(id)
		var a, b exact.Fraction
		switch pf.method {
		case criteria.Relative:
			a, b = p.Mul(slo), p.Mul(shi)
		case criteria.Deduction:
			k := exact.Whole(pf.rate)
			if k.Sign() <= 0 {
				return lo, hi, false
			}
			a, b = deductionLowest(p, slo, k), deductionLowest(p, shi, k)
			if slo.Sign() <= 0 {
				a = exact.Zero // a bid that scored nothing says only that the lowest is far below
			}
		}
		b = b.Min(p) // the lowest is no higher than any price in the field
		if !found {
			lo, hi, found = a, b, true
			continue
		}
		lo, hi = lo.Max(a), hi.Min(b)
	}
	return lo, hi, found && lo.Cmp(hi) <= 0
}

func deductionLowest(p, share, k exact.Fraction) exact.Fraction {
	d, err := exact.One.Sub(share).Quo(k)
	if err != nil {
		return exact.Zero
	}
	v, err := p.Quo(exact.One.Add(d))
	if err != nil {
		return exact.Zero
	}
	return v
}

// linearFrom bounds the highest and lowest prices under the linear method,
// share = (highest − price) ÷ (highest − lowest). With one of the two
// shown (the reader's or the most advantageous tender's own price), one
// known bid solves for the other; with neither, two known bids solve for
// both. Each bound is taken over the corners of the shares' intervals.
func (pf *priceField) linearFrom(known []string, loHidden, hiHidden bool) (hlo, hhi, llo, lhi exact.Fraction, ok bool) {
	switch {
	case !loHidden && hiHidden && len(known) >= 1:
		// highest = (price − share × lowest) ÷ (1 − share), for any known
		// bid with a share below 1.
		return pf.oneUnknown(known, exact.Whole(pf.lo), true)
	case loHidden && !hiHidden && len(known) >= 1:
		// lowest = (highest × (share − 1) + price) ÷ share.
		a, b, llo, lhi, ok := pf.oneUnknown(known, exact.Whole(pf.hi), false)
		return a, b, llo, lhi, ok
	case loHidden && hiHidden && len(known) == 2:
		return pf.twoUnknowns(known[0], known[1])
	}
	return hlo, hhi, llo, lhi, false
}

func (pf *priceField) oneUnknown(known []string, other exact.Fraction, solveHigh bool) (hlo, hhi, llo, lhi exact.Fraction, ok bool) {
	var lo, hi exact.Fraction
	found := false
	for _, id := range known {
		p := exact.Whole(pf.prices[id])
		slo, shi := pf.share(id)
		var vals []exact.Fraction
		for _, s := range []exact.Fraction{slo, shi} {
			var v exact.Fraction
			var err error
			if solveHigh {
				if s.Cmp(exact.One) >= 0 {
					continue
				}
				v, err = p.Sub(s.Mul(other)).Quo(exact.One.Sub(s))
			} else {
				if s.Sign() <= 0 {
					continue
				}
				v, err = other.Mul(s.Sub(exact.One)).Add(p).Quo(s)
			}
			if err == nil {
				vals = append(vals, v)
			}
		}
		if len(vals) < 2 {
			continue // a share that reaches the end of its range bounds nothing on one side
		}
		a, b := vals[0].Min(vals[1]), vals[0].Max(vals[1])
		if !found {
			lo, hi, found = a, b, true
			continue
		}
		lo, hi = lo.Max(a), hi.Min(b)
	}
	if !found {
		return hlo, hhi, llo, lhi, false
	}
	if solveHigh {
		return lo, hi, llo, lhi, true
	}
	return hlo, hhi, lo, hi, true
}

// twoUnknowns solves price_i = highest − share_i × (highest − lowest) for
// two known bids: range = (p2 − p1) ÷ (s1 − s2), highest = p1 + s1 ×
// range, lowest = highest − range, each bounded over the four corners of
// the two shares' intervals (the solution is monotone in each share where
// the shares cannot be equal).
func (pf *priceField) twoUnknowns(a, b string) (hlo, hhi, llo, lhi exact.Fraction, ok bool) {
	p1, p2 := exact.Whole(pf.prices[a]), exact.Whole(pf.prices[b])
	s1lo, s1hi := pf.share(a)
	s2lo, s2hi := pf.share(b)
	if !(s1lo.Cmp(s2hi) > 0 || s2lo.Cmp(s1hi) > 0) {
		return hlo, hhi, llo, lhi, false // the shares could be equal: the range is unbounded
	}
	first := true
	for _, s1 := range []exact.Fraction{s1lo, s1hi} {
		for _, s2 := range []exact.Fraction{s2lo, s2hi} {
			rng, err := p2.Sub(p1).Quo(s1.Sub(s2))
			if err != nil {
				return hlo, hhi, llo, lhi, false
			}
			h := p1.Add(s1.Mul(rng))
			lw := h.Sub(rng)
			if first {
				hlo, hhi, llo, lhi, first = h, h, lw, lw, false
				continue
			}
			hlo, hhi, llo, lhi = hlo.Min(h), hhi.Max(h), llo.Min(lw), lhi.Max(lw)
		}
	}
	return hlo, hhi, llo, lhi, true
}
