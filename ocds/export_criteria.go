package ocds

import (
	"encoding/json"
	"math/big"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/score"
)

// Award criteria in OCDS (the award criteria extension) are a flat list per
// lot: a type, a name, a description and numbers — no sub-criteria. A
// policy's tree is written leaf by leaf: each leaf criterion is one award
// criterion, named by its ancestors' titles and its own joined by ": "
// ("Quality: Service desk operating model"), weighted by its share of the
// whole lot. Shares are written as exact percentages (percentageExact,
// adding up to 100) when every share of the lot has a finite decimal
// expansion, and otherwise as whole points in proportion (pointsExact), so
// that no weight is ever rounded.

// nameSeparator joins the titles of a criterion's ancestors and its own.
const nameSeparator = ": "

// pricePerQualityPoint opens the weighting description of a lot scored
// on price per quality point; the importer recognises it.
const pricePerQualityPoint = "Price per quality point"

// leafOut is one leaf criterion with its share of the lot.
type leafOut struct {
	c     score.Criterion
	name  string
	share *big.Rat // nil for the unweighted price under price per quality point
}

// awardCriteria writes a lot's policy as OCDS award criteria.
func awardCriteria(p score.Policy) *outAwardCriteria {
	if p.Basis == score.AdjustedPrice {
		out := &outAwardCriteria{WeightingDescription: adjustedDescription}
		for _, c := range p.Criteria {
			out.Criteria = append(out.Criteria, outCriterion{Type: criterionType(c), Name: c.Title, Description: c.Description})
		}
		return out
	}
	var leaves []leafOut
	ppqp := p.Basis == score.PricePerQualityPoint
	flatten(p.Criteria, nil, big.NewRat(1, 1), ppqp, true, &leaves)
	if len(leaves) == 0 {
		return nil
	}
	uniqueNames(leaves)
	numbers, code := weightNumbers(leaves)
	if p.Weighting == score.Points {
		if pts, ok := publishedPoints(p, leaves, ppqp); ok {
			numbers, code = pts, "pointsExact"
		}
	}
	out := &outAwardCriteria{}
	if ppqp {
		out.WeightingDescription = pricePerQualityPoint + ": each bid's price is divided by its quality points and the lowest price per quality point wins; the weights of the quality criteria make up the quality points."
	}
	for i, l := range leaves {
		oc := outCriterion{Type: criterionType(l.c), Name: l.name, Description: l.c.Description}
		if numbers[i] != "" {
			oc.Numbers = []outNumber{{Number: json.Number(numbers[i]), Weight: code}}
		}
		out.Criteria = append(out.Criteria, oc)
	}
	return out
}

// flatten lists the leaves under cs, each with its share of the lot: the
// product, down its path, of its weight over the sum of its siblings'
// weights. That one rule holds for every weighting once a policy is valid:
// percentages at each level sum to 100, percentages of the total sum to
// the parent's weight, and points are normalised by their siblings.
func flatten(cs []score.Criterion, names []string, share *big.Rat, ppqp, top bool, out *[]leafOut) {
	sum := new(big.Rat)
	for _, c := range cs {
		if !(ppqp && top && isPrice(c)) {
			sum.Add(sum, c.Weight.Rat())
		}
	}
	for _, c := range cs {
		title := c.Title
		if title == "" {
			title = c.ID
		}
		path := append(append([]string{}, names...), title)
		if ppqp && top && isPrice(c) {
			*out = append(*out, leafOut{c: c, name: strings.Join(path, nameSeparator)})
			continue
		}
		s := new(big.Rat)
		if sum.Sign() > 0 {
			s.Mul(share, c.Weight.Rat())
			s.Quo(s, sum)
		}
		if c.IsLeaf() {
			*out = append(*out, leafOut{c: c, name: strings.Join(path, nameSeparator), share: s})
			continue
		}
		flatten(c.Children, path, s, ppqp, false, out)
	}
}

func isPrice(c score.Criterion) bool { return c.Price != nil || c.Category == score.Price }

// uniqueNames makes each award criterion's name unique within the lot (the
// schema wants no two criteria alike) by adding the criterion's id to a
// name met before.
func uniqueNames(leaves []leafOut) {
	seen := map[string]bool{}
	for i := range leaves {
		if seen[leaves[i].name] {
			leaves[i].name += " (" + leaves[i].c.ID + ")"
		}
		seen[leaves[i].name] = true
	}
}

// criterionType is the award criterion type: price for a price, cost for a
// discounted whole-life cost (the awardCriterionType codelist: cost is "any
// other non-price monetary attribute of the bid"), quality for the rest,
// social value included.
func criterionType(c score.Criterion) string {
	switch {
	case c.Price != nil && c.Price.Schedule != nil && c.Price.Schedule.Discount != nil:
		return "cost"
	case isPrice(c):
		return "price"
	}
	return "quality"
}

// maxPlaces bounds the decimal places of a percentage written exactly.
const maxPlaces = 30

// weightNumbers writes each leaf's share as a percentage when every share
// of the lot terminates, else as whole points in proportion; "" for a leaf
// with no weight.
func weightNumbers(leaves []leafOut) ([]string, string) {
	out := make([]string, len(leaves))
	hundred := big.NewRat(100, 1)
	exact := true
	for i, l := range leaves {
		if l.share == nil {
			continue
		}
		d, ok := terminating(new(big.Rat).Mul(l.share, hundred))
		if !ok {
			exact = false
			break
		}
		out[i] = d.String()
	}
	if exact {
		return out, "percentageExact"
	}
	lcm := big.NewInt(1)
	for _, l := range leaves {
		if l.share != nil {
			den := l.share.Denom()
			g := new(big.Int).GCD(nil, nil, lcm, den)
			lcm.Mul(lcm, new(big.Int).Quo(den, g))
		}
	}
	for i, l := range leaves {
		if l.share == nil {
			out[i] = ""
			continue
		}
		p := new(big.Int).Mul(l.share.Num(), new(big.Int).Quo(lcm, l.share.Denom()))
		out[i] = p.String()
	}
	return out, "pointsExact"
}

// terminating returns r as an exact decimal when its expansion ends within
// maxPlaces places.
func terminating(r *big.Rat) (decimal.Decimal, bool) {
	den := new(big.Int).Set(r.Denom())
	two, five := big.NewInt(2), big.NewInt(5)
	twos, fives := 0, 0
	m := new(big.Int)
	for twos <= maxPlaces {
		q, rem := new(big.Int).QuoRem(den, two, m)
		if rem.Sign() != 0 {
			break
		}
		den, twos = q, twos+1
	}
	for fives <= maxPlaces {
		q, rem := new(big.Int).QuoRem(den, five, m)
		if rem.Sign() != 0 {
			break
		}
		den, fives = q, fives+1
	}
	places := max(twos, fives)
	if den.Cmp(big.NewInt(1)) != 0 || places > maxPlaces {
		return decimal.Decimal{}, false
	}
	scaled := new(big.Int).Mul(r.Num(), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil))
	scaled.Quo(scaled, r.Denom())
	return decimal.NewFromBigInt(scaled, -int32(places)), true
}

// publishedPoints writes each leaf's points as a model weighted in points
// publishes them — its share of the lot times the model's total, the
// top-level criteria's points — when every one is a finite decimal; false
// otherwise, and the shares are written as percentages or points in
// proportion instead.
func publishedPoints(p score.Policy, leaves []leafOut, ppqp bool) ([]string, bool) {
	total := new(big.Rat)
	for _, c := range p.Criteria {
		if !(ppqp && isPrice(c)) {
			total.Add(total, c.Weight.Rat())
		}
	}
	out := make([]string, len(leaves))
	for i, l := range leaves {
		if l.share == nil {
			continue
		}
		d, ok := terminating(new(big.Rat).Mul(l.share, total))
		if !ok {
			return nil, false
		}
		out[i] = d.String()
	}
	return out, true
}
