package criteria

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// Schedule is a buyer's priced schedule: lines with the buyer's estimated
// quantities and the years each recurs, for bidders to price per unit. The
// price compared is Σ unit price × quantity × years, or, with a Discount,
// the whole-life cost Σ_t cost_t ÷ (1 + r)^t.
type Schedule struct {
	// Lines are the items to price, each with a unique Item.
	Lines []ScheduleLine `json:"lines"`
	// Discount, when set, turns the total into a discounted whole-life cost.
	Discount *Discount `json:"discount,omitempty"`
}

// ScheduleLine is one priced item.
type ScheduleLine struct {
	// Item identifies the line; bids key their unit prices by it.
	Item string `json:"item"`
	// Description says what is priced ("service desk, per user per month").
	Description string `json:"description,omitempty"`
	// Quantity is the buyer's estimated quantity per year (or in the one
	// year of a one-off line). Must be positive.
	Quantity decimal.Decimal `json:"quantity"`
	// FirstYear is the first year the cost falls in. Year 0 is the present
	// and is not discounted (HM Treasury Green Book convention); a one-off
	// set-up cost paid at the start is year 0.
	FirstYear int `json:"firstYear,omitempty"`
	// Years is how many consecutive years the cost recurs, at least 1.
	Years int `json:"years"`
}

// Discount declares the whole-life-cost discounting: a rate per year and how
// the resulting cost is rounded to the amount compared (a price with endless
// decimals cannot be published). The HM Treasury Green Book rate is 3.5%
// (docs/sources/price-formulas.md, confidence MED); the policy must state its
// own.
type Discount struct {
	// Rate per year as a fraction: 0.035 for 3.5%.
	Rate decimal.Decimal `json:"rate"`
	// Rounding of the whole-life cost, e.g. 2 dp half-up (to the penny).
	Rounding exact.Rounding `json:"rounding"`
	// Source says where the rate comes from.
	Source string `json:"source,omitempty"`
}

// MaxScheduleYears caps a line's last year, so a typo cannot ask for a
// thousand years of discounting.
const MaxScheduleYears = 50

// Validate reports every problem with the schedule itself.
func (s Schedule) Validate() []Problem {
	var ps problems
	if len(s.Lines) == 0 {
		ps.add("lines", "", "required", "a schedule needs at least one line")
	}
	seen := map[string]int{}
	for i, l := range s.Lines {
		f := fmt.Sprintf("lines[%d]", i)
		if l.Item == "" {
			ps.add(f+".item", "", "required", "each line needs an item id")
		} else if j, dup := seen[l.Item]; dup {
			ps.add(f+".item", l.Item, "unique", "item id already used by lines[%d]", j)
		} else {
			seen[l.Item] = i
		}
		if ps.size(f+".quantity", l.Quantity) && l.Quantity.Sign() <= 0 {
			ps.add(f+".quantity", l.Quantity.String(), "positive", "the estimated quantity must be more than zero")
		}
		if l.FirstYear < 0 {
			ps.add(f+".firstYear", fmt.Sprint(l.FirstYear), "non-negative", "year 0 is the present; years cannot be negative")
		}
		if l.Years < 1 {
			ps.add(f+".years", fmt.Sprint(l.Years), "at-least-1", "a line recurs for at least one year")
		}
		if l.FirstYear+l.Years > MaxScheduleYears {
			ps.add(f+".years", fmt.Sprint(l.Years), "max-years", "the line would run past year %d", MaxScheduleYears)
		}
	}
	if s.Discount != nil {
		if ps.size("discount.rate", s.Discount.Rate) && (s.Discount.Rate.Sign() < 0 || s.Discount.Rate.Cmp(decimal.NewFromInt(1)) >= 0) {
			ps.add("discount.rate", s.Discount.Rate.String(), "range", "a discount rate is a fraction from 0 up to (not including) 1: 0.035 for 3.5%%")
		}
		if err := s.Discount.Rounding.Validate(); err != nil {
			ps.add("discount.rounding", string(s.Discount.Rounding.Mode), "rounding", "%s", err)
		}
	}
	return ps
}

// Describe says how the schedule becomes a price.
func (s Schedule) Describe() string {
	if s.Discount == nil {
		return fmt.Sprintf("the total of a %d-line schedule: unit price × estimated quantity × years", len(s.Lines))
	}
	return fmt.Sprintf("the whole-life cost of a %d-line schedule, each year's cost divided by (1 + %s)^year (year 0 undiscounted), rounded %s",
		len(s.Lines), exact.Plain(s.Discount.Rate), s.Discount.Rounding)
}

// Quote prices the schedule with a bid's unit prices. Every line must be
// priced (zero is allowed for an item included at no charge), no unknown item
// may be priced, and the total must be more than zero.
func (s Schedule) Quote(unit map[string]decimal.Decimal) (Quote, []Problem) {
	var ps problems
	if len(unit) == 0 {
		ps.add("unitPrices", "", "required", "this criterion prices a schedule: give a unit price for each of its %d lines", len(s.Lines))
		return Quote{}, ps
	}
	known := map[string]bool{}
	for _, l := range s.Lines {
		known[l.Item] = true
		u, ok := unit[l.Item]
		f := fmt.Sprintf("unitPrices[%s]", l.Item)
		switch {
		case !ok:
			ps.add(f, "", "required", "line %q of the schedule is not priced", l.Item)
		case !ps.size(f, u):
		case u.Sign() < 0:
			ps.add(f, u.String(), "non-negative", "a unit price cannot be negative")
		}
	}
	items := make([]string, 0, len(unit))
	for k := range unit {
		items = append(items, k)
	}
	slices.Sort(items)
	for _, k := range items {
		if !known[k] {
			ps.add("unitPrices["+k+"]", unit[k].String(), "known-item", "the schedule has no line %q", k)
		}
	}
	if len(ps) > 0 {
		return Quote{}, ps
	}

	rec := &scheduleRecord{s: s, units: make([]decimal.Decimal, len(s.Lines)), costs: make([]decimal.Decimal, len(s.Lines))}
	total := decimal.Zero
	for i, l := range s.Lines {
		u := unit[l.Item]
		cost := u.Mul(l.Quantity).Mul(decimal.NewFromInt(int64(l.Years)))
		rec.units[i], rec.costs[i] = u, cost
		total = total.Add(cost)
	}
	if total.Sign() <= 0 {
		ps.add("unitPrices", "0", "positive", "the schedule totals %s: a zero price is an error, never the best price", exact.Money(total))
		return Quote{}, ps
	}
	rec.total = total
	if s.Discount == nil {
		return Quote{Price: total, sched: rec, exact: exact.Whole(total)}, nil
	}

	// Whole-life cost, exactly: Σ cost_t ÷ (1+r)^t.
	wlc := exact.Zero
	for _, t := range rec.years() {
		term, _ := exact.NewFraction(t.cost, t.pow) // pow ≥ 1
		wlc = wlc.Add(term)
	}
	rounded := s.Discount.Rounding.Apply(wlc)
	rec.wlc, rec.rounded = wlc, rounded
	if rounded.Sign() <= 0 {
		ps.add("unitPrices", rounded.String(), "positive", "the whole-life cost rounds to %s: a price must be more than zero", exact.Money(rounded))
		return Quote{}, ps
	}
	return Quote{Price: rounded, sched: rec, exact: exact.Whole(rounded)}, nil
}

// scheduleRecord is the explanation record of a priced schedule: each
// line's unit price and cost, the total and, with a discount, the exact
// whole-life cost and its rounding.
type scheduleRecord struct {
	s            Schedule
	units, costs []decimal.Decimal // by line
	total        decimal.Decimal
	wlc          exact.Fraction
	rounded      decimal.Decimal
}

// yearCost is one year's undiscounted cost and its discount factor (1+r)^t.
type yearCost struct {
	year      int
	cost, pow decimal.Decimal
}

// years lists the years with a cost, in order, each with (1 + rate)^year.
func (r *scheduleRecord) years() []yearCost {
	byYear := map[int]decimal.Decimal{}
	lastYear := 0
	for i, l := range r.s.Lines {
		annual := r.units[i].Mul(l.Quantity)
		for y := l.FirstYear; y < l.FirstYear+l.Years; y++ {
			byYear[y] = byYear[y].Add(annual)
			lastYear = max(lastYear, y)
		}
	}
	factor := decimal.NewFromInt(1).Add(r.s.Discount.Rate)
	pow := decimal.NewFromInt(1)
	var out []yearCost
	for y := 0; y <= lastYear; y++ {
		if c, ok := byYear[y]; ok && !c.IsZero() {
			out = append(out, yearCost{year: y, cost: c, pow: pow})
		}
		pow = pow.Mul(factor)
	}
	return out
}

func (r *scheduleRecord) input() string {
	if r.s.Discount == nil {
		return fmt.Sprintf("schedule of %d lines totalling %s", len(r.s.Lines), exact.Money(r.total))
	}
	return fmt.Sprintf("schedule of %d lines totalling %s, whole-life cost %s", len(r.s.Lines), exact.Money(r.total), exact.Money(r.rounded))
}

func (r *scheduleRecord) working() []Step {
	w := make([]Step, 0, len(r.s.Lines)+2)
	for i, l := range r.s.Lines {
		w = append(w, step(fmt.Sprintf("%s: %s × %s × %d %s = %s", l.Item, exact.Money(r.units[i]), exact.Count(l.Quantity),
			l.Years, plural(l.Years, "year", "years"), exact.Money(r.costs[i]))))
	}
	w = append(w, step(fmt.Sprintf("schedule total %s", exact.Money(r.total))))
	if r.s.Discount == nil {
		return w
	}
	factor := decimal.NewFromInt(1).Add(r.s.Discount.Rate)
	var terms []string
	for _, t := range r.years() {
		if t.year == 0 {
			terms = append(terms, exact.Money(t.cost))
		} else {
			terms = append(terms, fmt.Sprintf("%s ÷ %s^%d", exact.Money(t.cost), exact.Plain(factor), t.year))
		}
	}
	return append(w, step(fmt.Sprintf("whole-life cost at %s a year: %s = %s, rounded %s to %s",
		percent(r.s.Discount.Rate), strings.Join(terms, " + "), exact.MoneyFraction(r.wlc), r.s.Discount.Rounding, exact.Money(r.rounded))))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// percent shows a fraction as a percentage: 0.035 → "3.5%".
func percent(rate decimal.Decimal) string { return exact.Plain(rate.Shift(2)) + "%" }
