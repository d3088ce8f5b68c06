package analysis

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// LowPriceTest names how a rule decides that a price looks abnormally low.
type LowPriceTest string

// Tests.
const (
	// BelowMeanOfOthers: the price is Percent or more below the mean of the
	// other bids' prices.
	BelowMeanOfOthers LowPriceTest = "below-mean-of-others"
	// BelowNextBid: the price is Percent or more below the next bid's price
	// (the lowest of the other prices not below it).
	BelowNextBid LowPriceTest = "below-next-bid"
	// ScottishHandbook: both more than Percent below the average of all
	// prices except the highest, and more than the proximity margin below
	// the lowest qualifying price (see [ScottishHandbookRule]).
	ScottishHandbook LowPriceTest = "scottish-handbook"
)

// LowPriceRule is a declared rule that flags a price for investigation.
// No UK statute sets a number (docs/sources/quality-and-moderation.md):
// a flag only ever leads to "investigate".
type LowPriceRule struct {
	// Name identifies the rule in flags ("ProZorro: 40% below the mean").
	Name string
	Test LowPriceTest
	// Percent is the distance below, as a percentage: 15 for 15%.
	Percent decimal.Decimal
	// AtBoundary is true when a price exactly at the boundary is flagged
	// ("at least 40% below"); false when it must be beyond it ("more than
	// 15% below").
	AtBoundary bool
	// WinnerOnly applies the rule to the winning bid only (the leading bids
	// when the lot has no outright winner).
	WinnerOnly bool
	// MarginPercent, MarginMin and MarginMax set the ScottishHandbook
	// proximity margin: MarginPercent of the lowest qualifying price, at
	// least MarginMin and at most MarginMax pounds.
	MarginPercent, MarginMin, MarginMax decimal.Decimal
	// Source says where the rule comes from.
	Source string
	// Interpretation records how this library reads the rule where the
	// source leaves room for doubt; empty when it does not.
	Interpretation string
}

// Action is what a flag leads to. There is one: investigate.
type Action string

// Investigate: tell the supplier, ask it to show it can perform for the
// price, and consider its answer (Procurement Act 2023 s.19(4)–(5)).
const Investigate Action = "investigate"

// Flag is one price a rule flags as possibly abnormally low.
type Flag struct {
	BidID    string
	Supplier score.Supplier
	// Criterion is the price criterion whose price is flagged.
	Criterion string
	// Rule is the rule's name.
	Rule string
	// Price is the price compared.
	Price decimal.Decimal
	// Compared is the figure the price is measured against: the mean of the
	// other prices, the next bid's price, or the average excluding the
	// highest.
	Compared exact.Fraction
	// Below is how far below Compared the price is, as a percentage.
	Below exact.Fraction
	// Action is always Investigate: never exclusion.
	Action Action
	// Explanation gives the figures and the law in plain words.
	Explanation string
	Source      string
}

// ScottishHandbookRule is the Scottish Construction Procurement Handbook
// ch. 8 (2018) test: a price is potentially abnormally low if it is BOTH
// more than 15% below the average of all tenders excluding the highest AND
// more than the proximity margin below the lowest qualifying price (margin
// 1%, at least £1,000, at most £100,000).
//
// How this library reads it (doubtful, recorded in Interpretation): the
// tenders are the compliant bids in the price field; the average excludes
// one highest price and includes the price tested; the "lowest qualifying
// price" is the lowest of the OTHER compliant prices — read literally it
// would include the price tested, and the lowest tender could then never be
// below it, which would defeat the test.
func ScottishHandbookRule() LowPriceRule {
	return LowPriceRule{
		Name: "Scottish Construction Procurement Handbook", Test: ScottishHandbook,
		Percent: decimal.NewFromInt(15), MarginPercent: decimal.NewFromInt(1),
		MarginMin: decimal.NewFromInt(1000), MarginMax: decimal.NewFromInt(100000),
		Source: "Scottish Construction Procurement Handbook ch. 8 (2018)",
		Interpretation: "read by this library, unverified: the tenders are the compliant bids in the price field; the average excludes one highest price and includes the price tested; " +
			"the lowest qualifying price is the lowest of the other compliant prices, since the lowest tender could never be below itself",
	}
}

// ProZorroRules are the ProZorro (Ukraine) tests applied to the winning bid:
// at least 40% below the mean of the other bids, or at least 30% below the
// next bid; boundaries count as flagged.
func ProZorroRules() []LowPriceRule {
	src := "ProZorro, Ukraine"
	return []LowPriceRule{
		{Name: "ProZorro: 40% below the mean of the others", Test: BelowMeanOfOthers, Percent: decimal.NewFromInt(40), AtBoundary: true, WinnerOnly: true, Source: src},
		{Name: "ProZorro: 30% below the next bid", Test: BelowNextBid, Percent: decimal.NewFromInt(30), AtBoundary: true, WinnerOnly: true, Source: src},
	}
}

// PercentBelowMeanOfOthers flags any compliant price at least (atBoundary)
// or more than pct percent below the mean of the other compliant prices.
func PercentBelowMeanOfOthers(pct decimal.Decimal, atBoundary bool) LowPriceRule {
	return LowPriceRule{Name: fmt.Sprintf("%s%% below the mean of the others", exact.Plain(pct)), Test: BelowMeanOfOthers,
		Percent: pct, AtBoundary: atBoundary, Source: "declared by the authority"}
}

// PercentBelowNextBid flags any compliant price at least (atBoundary) or
// more than pct percent below the next bid's price.
func PercentBelowNextBid(pct decimal.Decimal, atBoundary bool) LowPriceRule {
	return LowPriceRule{Name: fmt.Sprintf("%s%% below the next bid", exact.Plain(pct)), Test: BelowNextBid,
		Percent: pct, AtBoundary: atBoundary, Source: "declared by the authority"}
}

// Validate reports a rule that cannot be applied.
func (r LowPriceRule) Validate() error {
	if !slices.Contains([]LowPriceTest{BelowMeanOfOthers, BelowNextBid, ScottishHandbook}, r.Test) {
		return fmt.Errorf("low-price rule %q: unknown test %q", r.Name, r.Test)
	}
	if r.Percent.Sign() <= 0 || r.Percent.Cmp(hundred) >= 0 {
		return fmt.Errorf("low-price rule %q: percent %s must be more than 0 and less than 100", r.Name, r.Percent)
	}
	if r.Test == ScottishHandbook && (r.MarginPercent.Sign() < 0 || r.MarginMin.Sign() < 0 || r.MarginMax.Cmp(r.MarginMin) < 0) {
		return fmt.Errorf("low-price rule %q: the proximity margin needs a percent and a minimum not below 0, and a maximum not below the minimum", r.Name)
	}
	return nil
}

// priced is one compliant bid's price in the field.
type priced struct {
	id       string
	supplier score.Supplier
	price    decimal.Decimal
	p        exact.Fraction // price, exactly
}

// AbnormallyLow applies the declared rules to each price criterion of a
// lot and returns every flag, each leading to "investigate" — never to
// exclusion: under the Procurement Act 2023 s.19(3)(c), (4)–(5) an
// authority may disregard a tender as abnormally low only after telling
// the supplier and giving it a reasonable opportunity to show it can
// perform for the price, and not if it does. The prices compared are those
// of the compliant bids (lr.Standings) within any maximum budget; bids must
// include them. No flags means no rule flagged a price.
func AbnormallyLow(lr score.LotResult, bids []score.Bid, rules ...LowPriceRule) ([]Flag, error) {
	byID := make(map[string]int, len(bids)) // position in bids
	for i, b := range bids {
		byID[b.ID] = i
	}
	return abnormallyLow(lr, func(c score.Criterion, id string) (decimal.Decimal, bool, bool) {
		i, ok := byID[id]
		if !ok {
			return decimal.Decimal{}, false, false
		}
		p, ok := quote(c, bids[i])
		return p, ok, true
	}, rules)
}

// abnormallyLow is [AbnormallyLow] with each ranked bid's price on a price
// criterion read by priceOf: its price, whether it has one, and whether the
// bid is known at all.
func abnormallyLow(lr score.LotResult, priceOf func(c score.Criterion, id string) (p decimal.Decimal, ok, known bool), rules []LowPriceRule) ([]Flag, error) {
	for _, r := range rules {
		if err := r.Validate(); err != nil {
			return nil, err
		}
	}
	leaders := map[string]bool{}
	for _, s := range lr.Standings {
		if s.Rank == 1 {
			leaders[s.BidID] = true
		}
	}
	var flags []Flag
	for _, pl := range priceLeaves(lr.Lot.Policy.Criteria) {
		field := make([]priced, 0, len(lr.Standings))
		for _, s := range lr.Standings {
			p, ok, known := priceOf(pl.c, s.BidID)
			if !known {
				return nil, fmt.Errorf("lot %s: bid %s is ranked but not among the bids given", lr.Lot.ID, s.BidID)
			}
			if !ok || pl.c.Price.IsOverBudget(p) {
				continue
			}
			field = append(field, priced{id: s.BidID, supplier: s.Supplier, price: p, p: exact.Whole(p)})
		}
		st := statsOf(field)
		for _, r := range rules {
			for _, x := range field {
				if r.WinnerOnly && !leaders[x.id] {
					continue
				}
				if f, ok := r.test(x, st); ok {
					f.Criterion = pl.c.ID
					f.Explanation += " " + law(lr)
					flags = append(flags, f)
				}
			}
		}
	}
	return flags, nil
}

func law(lr score.LotResult) string {
	s := "Action: investigate, never exclude automatically — under the Procurement Act 2023 s.19(3)(c), (4)–(5) the authority may disregard a tender as abnormally low only after notifying the supplier and giving it a reasonable opportunity to show it can perform the contract for that price, and may not disregard it if the supplier does."
	if lr.Lot.Regime == score.PCR2015 {
		s += " This lot runs under the Public Contracts Regulations 2015: reg 69 likewise requires an explanation to be sought before any rejection."
	}
	return s
}

// below returns (c − p) ÷ c × 100.
func below(p, c exact.Fraction) exact.Fraction {
	f, err := c.Sub(p).Mul(hundredF).Quo(c)
	if err != nil {
		return exact.Zero
	}
	return f
}

var hundredF = exact.Int(100)

func (r LowPriceRule) beyond(pct exact.Fraction) bool {
	c := pct.Cmp(exact.Whole(r.Percent))
	return c > 0 || (c == 0 && r.AtBoundary)
}

func (r LowPriceRule) phrase() string {
	if r.AtBoundary {
		return "at least"
	}
	return "more than"
}

// fieldStats is what the rules need to know of a field of prices, found
// once, so that testing each price costs no more than looking it up: the
// sum, the highest price (the first met), the prices in order, and the mean
// of all but the highest.
type fieldStats struct {
	field  []priced
	sum    exact.Fraction
	hi     int               // position of the highest price, the first met
	sorted []decimal.Decimal // the prices, ascending
	avg    exact.Fraction    // the mean of the prices but the highest (two or more)
}

func statsOf(field []priced) fieldStats {
	st := fieldStats{field: field, sum: exact.Zero, sorted: make([]decimal.Decimal, 0, len(field))}
	for i, o := range field {
		st.sum = st.sum.Add(o.p) // exactly, and without a big number while it fits an int64
		if o.price.Cmp(field[st.hi].price) > 0 {
			st.hi = i
		}
		st.sorted = append(st.sorted, o.price)
	}
	slices.SortFunc(st.sorted, func(a, b decimal.Decimal) int { return a.Cmp(b) })
	if len(field) >= 2 {
		st.avg = ratioF(st.sum.Sub(field[st.hi].p), exact.Int(int64(len(field)-1)))
	}
	return st
}

// next returns the lowest other price at or above p, where p is one of the
// field's own: p itself when another bid offers it too.
func (st fieldStats) next(p decimal.Decimal) (decimal.Decimal, bool) {
	j, _ := slices.BinarySearchFunc(st.sorted, p, func(a, b decimal.Decimal) int { return a.Cmp(b) }) // the first at p
	k := j
	for k < len(st.sorted) && st.sorted[k].Equal(p) {
		k++
	}
	switch {
	case k-j > 1:
		return p, true
	case k < len(st.sorted):
		return st.sorted[k], true
	}
	return decimal.Decimal{}, false
}

// lowestOther returns the lowest of the other prices, p being one of the
// field's own.
func (st fieldStats) lowestOther(p decimal.Decimal) decimal.Decimal {
	if st.sorted[0].Equal(p) && (len(st.sorted) < 2 || !st.sorted[1].Equal(p)) {
		return st.sorted[1] // p is the one lowest: the second lowest is the lowest other
	}
	return st.sorted[0]
}

func (r LowPriceRule) test(x priced, st fieldStats) (Flag, bool) {
	f := Flag{BidID: x.id, Supplier: x.supplier, Rule: r.Name, Price: x.price, Action: Investigate, Source: r.Source}
	others := len(st.field) - 1
	switch r.Test {
	case BelowMeanOfOthers:
		if others == 0 {
			return f, false
		}
		mean := ratioF(st.sum.Sub(x.p), exact.Int(int64(others))) // the others' sum, exactly
		f.Compared, f.Below = mean, below(x.p, mean)
		if !r.beyond(f.Below) {
			return f, false
		}
		f.Explanation = fmt.Sprintf("%s's price %s is %s below the mean of the other %d compliant prices (%s): %s %s%% below, so it is flagged under %q (%s).",
			x.id, exact.Money(x.price), percentText(f.Below), others, exact.MoneyFraction(mean), r.phrase(), exact.Plain(r.Percent), r.Name, r.Source)
		return f, true
	case BelowNextBid:
		n, ok := st.next(x.price)
		if !ok {
			return f, false
		}
		next := &n
		f.Compared = exact.Whole(*next)
		f.Below = below(x.p, f.Compared)
		if !r.beyond(f.Below) {
			return f, false
		}
		f.Explanation = fmt.Sprintf("%s's price %s is %s below the next compliant price (%s): %s %s%% below, so it is flagged under %q (%s).",
			x.id, exact.Money(x.price), percentText(f.Below), exact.Money(*next), r.phrase(), exact.Plain(r.Percent), r.Name, r.Source)
		return f, true
	case ScottishHandbook:
		if len(st.field) < 2 || others == 0 {
			return f, false
		}
		avg := st.avg // excluding the highest
		f.Compared, f.Below = avg, below(x.p, avg)
		if !r.beyond(f.Below) { // most prices: the margin is only worked out for one below the average
			return f, false
		}
		lqp := st.lowestOther(x.price)
		margin := lqp.Mul(r.MarginPercent).Shift(-2)
		if margin.Cmp(r.MarginMin) < 0 {
			margin = r.MarginMin
		}
		if margin.Cmp(r.MarginMax) > 0 {
			margin = r.MarginMax
		}
		limit := lqp.Sub(margin)
		if !(x.price.Cmp(limit) < 0 || (r.AtBoundary && x.price.Equal(limit))) {
			return f, false
		}
		f.Explanation = fmt.Sprintf("%s's price %s is %s below the average of the compliant prices excluding the highest (%s), %s %s%%; and it is %s below the lowest other compliant price %s, %s the proximity margin of %s (%s%% of that price, at least %s, at most %s). Both hold, so it is potentially abnormally low under the %s (%s).",
			x.id, exact.Money(x.price), percentText(f.Below), exact.MoneyFraction(avg), r.phrase(), exact.Plain(r.Percent),
			exact.Money(lqp.Sub(x.price)), exact.Money(lqp), r.phrase(), exact.Money(margin), exact.Plain(r.MarginPercent),
			exact.Money(r.MarginMin), exact.Money(r.MarginMax), r.Name, r.Source)
		if r.Interpretation != "" {
			f.Explanation += " How the rule is read: " + r.Interpretation + "."
		}
		return f, true
	}
	return f, false
}
