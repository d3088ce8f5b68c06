package criteria

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// Measure is one social-value measure in a buyer's catalogue, TOMs-style: a
// code, what it counts, its unit and a £ proxy value per unit with the proxy's
// source and year.
//
// The National TOMs proxy values are licensed (CC BY-NC-ND) and are not
// shipped with this library: buyers load their own catalogue
// (docs/sources/social-value.md). testdata/sample-catalogue.csv is a clearly
// fictional sample.
type Measure struct {
	// Code identifies the measure ("FX-JOBS-01"); unique in a catalogue,
	// without spaces.
	Code string `json:"code"`
	// Theme groups measures (jobs, growth, social, environment, innovation).
	Theme string `json:"theme,omitempty"`
	// Description says what is counted.
	Description string `json:"description"`
	// Unit is what one is counted in, as a singular noun: "FTE-year",
	// "apprenticeship start", "week", "£" (for spend).
	Unit string `json:"unit"`
	// Proxy is the £ value per unit; more than zero.
	Proxy decimal.Decimal `json:"proxy"`
	// Source and Year say where the proxy comes from.
	Source string `json:"source"`
	Year   int    `json:"year"`
	// Local marks a measure that counts only inside the rule's local area
	// (local jobs, local supply-chain spend). It is a commitment delivered
	// under the contract, not a judgement of where the bidder is based.
	Local bool `json:"local,omitempty"`
	// FirstYearOnly marks an FTE-year measure that counts only in the first
	// year of employment, such as a hire from a disadvantaged group
	// (docs/sources/social-value.md, Torbay counting rules).
	FirstYearOnly bool `json:"firstYearOnly,omitempty"`
}

// Units with a meaning to this package.
const (
	// UnitFTEYear counts employment in full-time-equivalent years: 12.5 FTE
	// on a 2-year contract is 25 FTE-years (docs/sources/social-value.md).
	UnitFTEYear = "FTE-year"
	// UnitPounds counts spend in pounds; a commitment to a £ measure may be
	// given as a percentage of the bid price.
	UnitPounds = "£"
)

// Catalogue is a buyer's list of measures, loaded from a CSV or JSON file
// ([LoadCatalogueCSV], [LoadCatalogueJSON]) or built in code.
type Catalogue struct {
	// Name identifies the catalogue in explanations.
	Name string `json:"name,omitempty"`
	// Measures lists the measures; codes are unique.
	Measures []Measure `json:"measures"`
}

// Measure returns the measure with the given code.
func (c Catalogue) Measure(code string) (Measure, bool) {
	for _, m := range c.Measures {
		if m.Code == code {
			return m, true
		}
	}
	return Measure{}, false
}

// MaxYear and MinYear bound a proxy's year.
const (
	MinYear = 1990
	MaxYear = 2200
)

// checkMeasure validates one measure; at(col) names the place of a column.
func checkMeasure(ps *problems, m Measure, at func(col string) string) {
	switch {
	case m.Code == "":
		ps.add(at("code"), "", "required", "each measure needs a code")
	case strings.IndexFunc(m.Code, func(r rune) bool { return unicode.IsSpace(r) || !unicode.IsPrint(r) }) >= 0:
		ps.add(at("code"), m.Code, "no-spaces", "a code has no spaces or control characters")
	case len(m.Code) > 64:
		ps.add(at("code"), m.Code, "length", "a code has at most 64 characters")
	}
	if strings.TrimSpace(m.Description) == "" {
		ps.add(at("description"), "", "required", "say what the measure counts")
	}
	if strings.TrimSpace(m.Unit) == "" {
		ps.add(at("unit"), "", "required", "say what the measure is counted in (FTE-year, week, £ …)")
	}
	if ps.size(at("proxy"), m.Proxy) && m.Proxy.Sign() <= 0 {
		ps.add(at("proxy"), m.Proxy.String(), "positive", "a measure needs a £ proxy value per unit, more than zero")
	}
	if strings.TrimSpace(m.Source) == "" {
		ps.add(at("source"), "", "required", "say where the proxy value comes from")
	}
	if m.Year < MinYear || m.Year > MaxYear {
		ps.add(at("year"), strconv.Itoa(m.Year), "year", "the proxy's year must be from %d to %d", MinYear, MaxYear)
	}
	if m.FirstYearOnly && m.Unit != UnitFTEYear {
		ps.add(at("firstYearOnly"), "true", "fte-year-only", "only a measure counted in %q can count in the first year only", UnitFTEYear)
	}
}

// Validate reports every problem with the catalogue, with fields relative to
// it ("measures[2].proxy"): a missing or malformed field, a measure without a
// proxy, a duplicate code.
func (c Catalogue) Validate() []Problem {
	var ps problems
	if len(c.Measures) == 0 {
		ps.add("measures", "", "required", "a catalogue needs at least one measure")
	}
	seen := map[string]int{}
	for i, m := range c.Measures {
		f := fmt.Sprintf("measures[%d]", i)
		checkMeasure(&ps, m, func(col string) string { return f + "." + col })
		if m.Code == "" {
			continue
		}
		if j, dup := seen[m.Code]; dup {
			ps.add(f+".code", m.Code, "unique", "code already used at measures[%d]", j)
		} else {
			seen[m.Code] = i
		}
	}
	return ps
}

// Catalogue file columns. A CSV file's header names its columns, in any
// order; the required ones must all be there, the optional ones may be, and
// any other column is an error.
var (
	requiredColumns = []string{"code", "description", "unit", "proxy", "source", "year"}
	optionalColumns = []string{"theme", "local", "firstYearOnly"}
)

// CatalogueColumns returns the columns a catalogue file may have: the
// required ones, then the optional ones.
func CatalogueColumns() (required, optional []string) {
	return slices.Clone(requiredColumns), slices.Clone(optionalColumns)
}

// LoadCatalogueCSV reads a catalogue from CSV with a header row: required
// columns code, description, unit, proxy, source, year; optional columns
// theme, local, firstYearOnly (true or false; an empty cell is false). A proxy
// is a plain decimal, optionally with a leading "£". Every problem is
// reported at once in a [*DecodeError] whose fields name row and column:
// "row 3, column proxy" (the header is row 1).
func LoadCatalogueCSV(r io.Reader) (Catalogue, error) {
	const what = "catalogue CSV"
	records, err := readCatalogueCSV(r, what)
	if err != nil {
		return Catalogue{}, err
	}
	header := records[0]
	col, ps := catalogueHeader(header)
	if len(ps) > 0 {
		return Catalogue{}, &DecodeError{What: what, Problems: ps}
	}
	var cat Catalogue
	rowOf := []int{}
	for k, rec := range records[1:] {
		row := k + 2
		if len(rec) != len(header) {
			kind := "missing"
			if len(rec) > len(header) {
				kind = "extra"
			}
			ps.add(fmt.Sprintf("row %d", row), strconv.Itoa(len(rec)), kind+"-cell",
				"has %d cells, want %d (one for each column in the header)", len(rec), len(header))
			continue
		}
		m, mps := catalogueRow(rec, row, col)
		ps = append(ps, mps...)
		cat.Measures = append(cat.Measures, m)
		rowOf = append(rowOf, row)
	}
	if len(records) == 1 {
		ps.add("row 2", "", "required", "no measures: the file has a header and nothing else")
	}
	ps = append(ps, uniqueCodes(cat.Measures, rowOf)...)
	if len(ps) > 0 {
		sortByRow(ps)
		return Catalogue{}, &DecodeError{What: what, Problems: ps}
	}
	return cat, nil
}

// readCatalogueCSV reads every record; a file that is not CSV, or has no
// header row, is a *DecodeError.
func readCatalogueCSV(r io.Reader, what string) ([][]string, error) {
	data, err := readAll(r, what)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(strings.NewReader(string(data)))
	cr.FieldsPerRecord = -1
	records, err := cr.ReadAll()
	if err != nil {
		var pe *csv.ParseError
		p := Problem{Field: "(file)", Rule: "csv", Message: "not valid CSV: " + err.Error()}
		if errors.As(err, &pe) {
			p = Problem{Field: fmt.Sprintf("line %d, column %d", pe.Line, pe.Column), Rule: "csv", Message: "not valid CSV: " + pe.Err.Error()}
		}
		return nil, &DecodeError{What: what, Err: err, Problems: []Problem{p}}
	}
	if len(records) == 0 {
		var ps problems
		ps.add("row 1", "", "header", "empty file: want a header row naming the columns %s", strings.Join(requiredColumns, ", "))
		return nil, &DecodeError{What: what, Problems: ps}
	}
	return records, nil
}

// catalogueHeader maps each known column to its position, and reports
// unknown, repeated and missing columns.
func catalogueHeader(header []string) (map[string]int, problems) {
	var ps problems
	col := map[string]int{}
	for i, h := range header {
		name := strings.TrimSpace(h)
		if i == 0 {
			name = strings.TrimPrefix(name, "\ufeff") // a spreadsheet's byte-order mark
		}
		place := fmt.Sprintf("row 1, column %d", i+1)
		switch {
		case !slices.Contains(requiredColumns, name) && !slices.Contains(optionalColumns, name):
			ps.add(place, name, "extra-column", "unknown column; want %s, and optionally %s",
				strings.Join(requiredColumns, ", "), strings.Join(optionalColumns, ", "))
		default:
			if j, dup := col[name]; dup {
				ps.add(place, name, "unique", "column already named in column %d", j+1)
			} else {
				col[name] = i
			}
		}
	}
	for _, name := range requiredColumns {
		if _, ok := col[name]; !ok {
			ps.add("row 1, column "+name, "", "missing-column", "the header has no %q column", name)
		}
	}
	return col, ps
}

// catalogueRow reads one measure from its row; a cell that does not parse
// is reported once, as unparsable, not again by the measure's own checks.
func catalogueRow(rec []string, row int, col map[string]int) (Measure, problems) {
	var ps problems
	at := func(name string) string { return fmt.Sprintf("row %d, column %s", row, name) }
	cell := func(name string) string {
		if i, ok := col[name]; ok {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	m := Measure{Code: cell("code"), Theme: cell("theme"), Description: cell("description"), Unit: cell("unit"), Source: cell("source")}
	bad := map[string]bool{}
	if s := cell("proxy"); s == "" {
		ps.add(at("proxy"), "", "required", "a measure needs a £ proxy value per unit")
		bad["proxy"] = true
	} else if d, err := parseDecimalText(s); err != nil {
		ps.add(at("proxy"), s, "number", "%s", err)
		bad["proxy"] = true
	} else {
		m.Proxy = d
	}
	if s := cell("year"); s == "" {
		ps.add(at("year"), "", "required", "say which year the proxy value is for")
		bad["year"] = true
	} else if y, err := strconv.Atoi(s); err != nil {
		ps.add(at("year"), s, "integer", "a year is a whole number such as 2026")
		bad["year"] = true
	} else {
		m.Year = y
	}
	for _, name := range optionalColumns[1:] { // local, firstYearOnly
		var v bool
		switch strings.ToLower(cell(name)) {
		case "", "false":
		case "true":
			v = true
		default:
			ps.add(at(name), cell(name), "boolean", "want true or false")
		}
		if name == "local" {
			m.Local = v
		} else {
			m.FirstYearOnly = v
		}
	}
	var mps problems
	checkMeasure(&mps, m, at)
	for _, p := range mps {
		if _, c, _ := strings.Cut(p.Field, "column "); !bad[c] {
			ps = append(ps, p)
		}
	}
	return m, ps
}

// uniqueCodes reports a measure code used twice, at the later row.
func uniqueCodes(ms []Measure, rowOf []int) problems {
	var ps problems
	seen := map[string]int{}
	for i, m := range ms {
		if m.Code == "" {
			continue
		}
		if j, dup := seen[m.Code]; dup {
			ps.add(fmt.Sprintf("row %d, column code", rowOf[i]), m.Code, "unique", "code already used in row %d", rowOf[j])
		} else {
			seen[m.Code] = i
		}
	}
	return ps
}

// sortByRow orders "row N…" problems by N, keeping the order within a row.
func sortByRow(ps []Problem) {
	row := func(p Problem) int {
		s, ok := strings.CutPrefix(p.Field, "row ")
		if !ok {
			return 0
		}
		n, _ := strconv.Atoi(strings.SplitN(s, ",", 2)[0])
		return n
	}
	slices.SortStableFunc(ps, func(a, b Problem) int { return row(a) - row(b) })
}

// LoadCatalogueJSON reads a catalogue written as {"name": "…", "measures":
// [{"code": "FX-JOBS-01", "description": "…", "unit": "FTE-year", "proxy":
// "10000.00", "source": "…", "year": 2026, "local": true}]}, the form
// json.Marshal writes. A proxy may be a JSON number or a string. Unknown
// fields are refused. Every problem is reported at once in a [*DecodeError]
// whose fields are paths in the document ("measures[2].proxy"), or the line
// and column of a syntax error.
func LoadCatalogueJSON(r io.Reader) (Catalogue, error) {
	const what = "catalogue JSON"
	data, err := readAll(r, what)
	if err != nil {
		return Catalogue{}, err
	}
	top, err := decodeObject(data, what)
	if err != nil {
		return Catalogue{}, err
	}
	var ps problems
	doc := &jsonObject{m: top, ps: &ps, used: map[string]bool{}}
	var cat Catalogue
	cat.Name = doc.str("name")
	rows, ok := doc.array("measures")
	if !ok && len(ps) == 0 {
		ps.add("measures", "", "required", "a catalogue needs its measures")
	}
	doc.unknown()
	for i, raw := range rows {
		o, ok := newJSONObject(fmt.Sprintf("measures[%d]", i), raw, &ps)
		if !ok {
			cat.Measures = append(cat.Measures, Measure{})
			continue
		}
		before := len(ps)
		m := Measure{Code: o.str("code"), Theme: o.str("theme"), Description: o.str("description"),
			Unit: o.str("unit"), Source: o.str("source"), Local: o.boolean("local"), FirstYearOnly: o.boolean("firstYearOnly")}
		d, present, okP := o.number("proxy")
		if !present {
			ps.add(o.field("proxy"), "", "required", "a measure needs a £ proxy value per unit")
		}
		m.Proxy = d
		y, presentY := o.integer("year")
		if !presentY {
			ps.add(o.field("year"), "", "required", "say which year the proxy value is for")
		}
		m.Year = y
		o.unknown()
		var mps problems
		checkMeasure(&mps, m, o.field)
		for _, p := range mps {
			// A field already reported as missing or unparsable is not
			// reported again.
			if (p.Field == o.field("proxy") && (!present || !okP)) || (p.Field == o.field("year") && !presentY) || reported(ps[before:], p.Field) {
				continue
			}
			ps = append(ps, p)
		}
		cat.Measures = append(cat.Measures, m)
	}
	if ok && len(rows) == 0 {
		ps.add("measures", "[]", "required", "a catalogue needs at least one measure")
	}
	seen := map[string]int{}
	for i, m := range cat.Measures {
		if m.Code == "" {
			continue
		}
		if j, dup := seen[m.Code]; dup {
			ps.add(fmt.Sprintf("measures[%d].code", i), m.Code, "unique", "code already used at measures[%d]", j)
		} else {
			seen[m.Code] = i
		}
	}
	if len(ps) > 0 {
		return Catalogue{}, &DecodeError{What: what, Problems: ps}
	}
	return cat, nil
}

func reported(ps []Problem, field string) bool {
	return slices.ContainsFunc(ps, func(p Problem) bool { return p.Field == field })
}

// Commitment is a bid's commitment to one measure, delivered under the
// contract. A commitment is never location-based in the sense of
// score.Criterion.LocationBased: local jobs and local supply-chain spend are
// promises about the contract, not a judgement of where the bidder is based,
// and may be scored above threshold (Procurement Act 2023 ss.89–90 bar
// scoring where a bidder is based, not what it commits to do; docs/sources/social-value.md).
//
// The quantity is given in exactly one of three ways: Quantity in the
// measure's unit; FTE and Years for an FTE-year measure (FTE-years = FTE ×
// Years, or FTE × 1 for a first-year-only measure); or Percent of the bid
// price for a £ measure.
type Commitment struct {
	// Measure is the catalogue code.
	Measure string `json:"measure"`
	// Quantity is the amount committed, in the measure's unit.
	Quantity *decimal.Decimal `json:"quantity,omitempty"`
	// FTE and Years give an FTE-year commitment as people write it.
	FTE   *decimal.Decimal `json:"fte,omitempty"`
	Years *decimal.Decimal `json:"years,omitempty"`
	// Percent is a £ commitment as a percentage (0–100) of the bid price.
	Percent *decimal.Decimal `json:"percent,omitempty"`
	// Where lists the boroughs or postcode districts the commitment is
	// delivered in; for a local measure each must lie inside the rule's local
	// area.
	Where []string `json:"where,omitempty"`
	// MethodStatement says where the bid's method statement explains how the
	// commitment will be delivered (a section, a summary); empty when it does
	// not. A rule may disregard a commitment without one.
	MethodStatement string `json:"methodStatement,omitempty"`
}

// ValuedCommitment is one commitment with its quantity resolved and valued.
type ValuedCommitment struct {
	// Index is the commitment's position in the response.
	Index int
	// Measure is the catalogue entry.
	Measure Measure
	// Quantity is in the measure's unit.
	Quantity decimal.Decimal
	// Value is Quantity × the measure's proxy, in £.
	Value decimal.Decimal
	// QuantityText shows how the quantity was found: "12.5 FTE × 2 years =
	// 25 FTE-years".
	QuantityText string
	// Text shows the measure, the quantity and its value: "FX-JOBS-01 Local
	// people employed on the contract: 12.5 FTE × 2 years = 25 FTE-years ×
	// £10,000.00 = £250,000.00".
	Text string
}

// Valuation is a bid's commitments valued at the catalogue's proxies:
// social value £ = Σ quantity × proxy.
type Valuation struct {
	// Lines are the commitments valued, in the order given.
	Lines []ValuedCommitment
	// Total is Σ Value over Lines, in £, exactly.
	Total decimal.Decimal
}

// quantityText shows a quantity in its unit: "6 apprenticeship starts",
// "£5,000.00", "1 FTE-year".
func quantityText(q decimal.Decimal, unit string) string {
	if unit == UnitPounds {
		return exact.Money(q)
	}
	if !q.Equal(decimal.NewFromInt(1)) {
		unit = pluralUnit(unit)
	}
	return exact.Plain(q) + " " + unit
}

// pluralUnit returns a unit's plural: "apprenticeship starts", "FTE-years".
func pluralUnit(unit string) string {
	if unit == UnitPounds || strings.HasSuffix(unit, "s") {
		return unit
	}
	return unit + "s"
}

// resolve finds a commitment's quantity in the measure's unit, with the
// working; problems are relative to the commitment.
func (m Measure) resolve(c Commitment, bidPrice *decimal.Decimal, ps *problems, words bool) (decimal.Decimal, string, bool) {
	n := len(*ps)
	given := 0
	for _, p := range []*decimal.Decimal{c.Quantity, c.Percent} {
		if p != nil {
			given++
		}
	}
	if c.FTE != nil || c.Years != nil {
		given++
	}
	switch {
	case given == 0:
		ps.add("quantity", "", "required", "give the quantity committed, in %s", m.Unit)
	case given > 1:
		ps.add("quantity", "", "one-form", "give the quantity in one way only: quantity, fte with years, or percent")
	}
	nonNeg := func(f string, d *decimal.Decimal) {
		if d != nil && ps.size(f, *d) && d.Sign() < 0 {
			ps.add(f, d.String(), "non-negative", "a commitment cannot be negative")
		}
	}
	nonNeg("quantity", c.Quantity)
	nonNeg("fte", c.FTE)
	nonNeg("years", c.Years)
	nonNeg("percent", c.Percent)
	if c.Quantity != nil && m.FirstYearOnly {
		ps.add("quantity", c.Quantity.String(), "fte-and-years", "measure %s counts in the first year only: give fte and years so that the rule can be applied", m.Code)
	}
	if (c.FTE != nil || c.Years != nil) && m.Unit != UnitFTEYear {
		ps.add("fte", "", "fte-year-only", "fte and years apply only to a measure counted in %s; %s is counted in %s", UnitFTEYear, m.Code, m.Unit)
	} else if c.FTE != nil && c.Years == nil {
		ps.add("years", "", "required", "give the years the FTE are employed on the contract")
	} else if c.Years != nil && c.FTE == nil {
		ps.add("fte", "", "required", "give the FTE employed")
	}
	if c.Percent != nil {
		switch {
		case m.Unit != UnitPounds:
			ps.add("percent", c.Percent.String(), "pounds-only", "a percentage applies only to a measure counted in £; %s is counted in %s", m.Code, m.Unit)
		case c.Percent.Cmp(decimal.NewFromInt(100)) > 0:
			ps.add("percent", c.Percent.String(), "percent", "a percentage of the bid price lies from 0 to 100")
		case bidPrice == nil || bidPrice.Sign() <= 0:
			ps.add("percent", c.Percent.String(), "needs-bid-price", "a commitment given as a percentage of the bid price needs the bid price")
		}
	}
	if len(*ps) > n {
		return decimal.Zero, "", false
	}
	switch {
	case c.Quantity != nil:
		if !words {
			return *c.Quantity, "", true
		}
		return *c.Quantity, quantityText(*c.Quantity, m.Unit), true
	case c.Percent != nil:
		q := c.Percent.Mul(*bidPrice).Shift(-2)
		if !words {
			return q, "", true
		}
		return q, fmt.Sprintf("%s%% of the bid price %s = %s", exact.Plain(*c.Percent), exact.Money(*bidPrice), exact.Money(q)), true
	}
	if m.FirstYearOnly {
		years := decimal.Min(*c.Years, decimal.NewFromInt(1))
		q := c.FTE.Mul(years)
		if !words {
			return q, "", true
		}
		return q, fmt.Sprintf("%s FTE over %s %s, counted in the first year only: %s × %s = %s", exact.Plain(*c.FTE), exact.Plain(*c.Years),
			unitYears(*c.Years), exact.Plain(*c.FTE), exact.Plain(years), quantityText(q, m.Unit)), true
	}
	q := c.FTE.Mul(*c.Years)
	if !words {
		return q, "", true
	}
	return q, fmt.Sprintf("%s FTE × %s %s = %s", exact.Plain(*c.FTE), exact.Plain(*c.Years), unitYears(*c.Years), quantityText(q, m.Unit)), true
}

func unitYears(y decimal.Decimal) string {
	if y.Equal(decimal.NewFromInt(1)) {
		return "year"
	}
	return "years"
}

// Value values a bid's commitments at the catalogue's proxies: Σ quantity ×
// proxy, exactly. bidPrice is needed only for commitments given as a
// percentage. Problems name fields relative to the list ("[2].quantity"):
// an unknown measure code, a negative quantity, a quantity given in more
// than one way or in a form the measure's unit does not allow, or one
// measure committed twice (combine them: counting it twice would be double
// counting).
func (c Catalogue) Value(cs []Commitment, bidPrice *decimal.Decimal) (Valuation, []Problem) {
	return c.value(cs, bidPrice, true)
}

// value is [Catalogue.Value], with the words of each line only when asked
// for: scoring needs the numbers, a renderer the words.
func (c Catalogue) value(cs []Commitment, bidPrice *decimal.Decimal, words bool) (Valuation, []Problem) {
	var ps problems
	var v Valuation
	v.Total = decimal.Zero
	v.Lines = make([]ValuedCommitment, 0, len(cs))
	var seen map[string]int // the first commitment to each measure, once there are too many to look through
	for i, cm := range cs {
		m, ok := c.Measure(cm.Measure)
		switch {
		case cm.Measure == "":
			ps.add(indexPath(i)+".measure", "", "required", "name the measure committed to")
			continue
		case !ok:
			ps.add(indexPath(i)+".measure", cm.Measure, "known-measure", "no measure with this code in the catalogue%s", c.named())
			continue
		}
		if j, dup := firstCommitted(cs, i, &seen); dup {
			ps.add(indexPath(i)+".measure", cm.Measure, "unique", "measure already committed at [%d]: give one commitment per measure, so nothing is counted twice", j)
		}
		var cps problems
		q, text, ok := m.resolve(cm, bidPrice, &cps, words)
		for _, p := range cps {
			ps = append(ps, p.Prefixed(indexPath(i)))
		}
		if !ok {
			continue
		}
		val := q.Mul(m.Proxy)
		line := ValuedCommitment{Index: i, Measure: m, Quantity: q, Value: val, QuantityText: text}
		if words {
			line.Text = fmt.Sprintf("%s %s: %s × %s = %s", m.Code, m.Description, text, exact.Money(m.Proxy), exact.Money(val))
		}
		v.Lines = append(v.Lines, line)
		v.Total = v.Total.Add(val)
	}
	if len(ps) > 0 {
		return Valuation{}, ps
	}
	return v, nil
}

// indexPath is the path of the i'th element of a list: "[2]".
func indexPath(i int) string { return "[" + strconv.Itoa(i) + "]" }

// commitmentPath is the path of the i'th commitment of a response.
func commitmentPath(i int) string { return "commitments" + indexPath(i) }

// firstCommitted returns the first commitment before cs[i] to the same
// (known) measure: looked through while there are few, read from seen,
// drawn when first needed, beyond that (a bid of thousands of commitments
// is checked in time proportional to them).
func firstCommitted(cs []Commitment, i int, seen *map[string]int) (int, bool) {
	const few = 16
	code := cs[i].Measure
	if i < few {
		for j := range i {
			if cs[j].Measure == code {
				return j, true
			}
		}
		return 0, false
	}
	if *seen == nil {
		*seen = make(map[string]int, len(cs))
		for j := range few {
			if _, ok := (*seen)[cs[j].Measure]; !ok {
				(*seen)[cs[j].Measure] = j
			}
		}
	}
	j, dup := (*seen)[code]
	if !dup {
		(*seen)[code] = i
	}
	return j, dup
}

func (c Catalogue) named() string {
	if c.Name == "" {
		return ""
	}
	return fmt.Sprintf(" %q", c.Name)
}
