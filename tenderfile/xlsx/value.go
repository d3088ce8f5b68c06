package xlsx

import (
	"strings"

	"github.com/tenderscore/tenderscore/tenderfile"
)

// value reads one cell as the text a CSV file would hold for it, by the
// cell's type (ECMA-376 Part 1, §18.18.11 ST_CellType), its number format
// and what its column holds. str is the cell's text as excelize resolves
// it, for a shared or inline string.
func (rd *reader) value(c gridCell, str string, k kind, pos tenderfile.Position, col string) (string, bool) {
	if c.formula {
		if rd.formulas == 0 {
			rd.firstFormula = pos
		}
		rd.formulas++
	}
	switch c.t {
	case "s", "inlineStr":
		return unneutralise(clean(str)), true
	case "str": // a formula's text result
		return unneutralise(clean(c.v)), true
	case "b":
		switch strings.TrimSpace(c.v) {
		case "1":
			return "true", true
		case "0":
			return "false", true
		}
		rd.problem(pos, col, c.v, "boolean", "the cell is a TRUE/FALSE cell but stores neither")
		return "", false
	case "d":
		v, err := isoDateCell(c.v)
		if err != nil {
			rd.problem(pos, col, c.v, "date", "%v", err)
			return "", false
		}
		if k != text {
			rd.problem(pos, col, c.v, kindRule(k), "the cell holds a date: want %s", kindWant(k))
			return "", false
		}
		return v, true
	case "e":
		rd.problem(pos, col, c.v, "error-value", "the cell holds the error %s: correct its formula, or type the value", strings.TrimSpace(c.v))
		return "", false
	case "", "n":
		return rd.number(c, k, pos, col)
	}
	rd.problem(pos, col, c.t, "cell-type", "the cell's type %q is not one a spreadsheet writes", c.t)
	return "", false
}

// number reads a number cell exactly from its stored text.
func (rd *reader) number(c gridCell, k kind, pos tenderfile.Position, col string) (string, bool) {
	if strings.TrimSpace(c.v) == "" {
		if c.formula {
			rd.problem(pos, col, "", "formula-result", "the cell's formula has no saved result (the workbook was saved without calculating it): open it in a spreadsheet and save it again, or type the value")
		}
		return "", !c.formula
	}
	d, np := exactNumber(c.v)
	if np != nil {
		rd.problem(pos, col, c.v, np.rule, "%s", np.msg)
		return "", false
	}
	switch rd.formatOf(c.style) {
	case asDate:
		if k != text {
			rd.problem(pos, col, c.v, kindRule(k), "the cell is formatted as a date, so it shows a day, not the number it stores: format it as a number (%s)", kindWant(k))
			return "", false
		}
		day, secs, err := serialDate(d, rd.date1904)
		if err != nil {
			rd.problem(pos, col, c.v, "date", "%v", err)
			return "", false
		}
		return dateText(day, secs), true
	case asPercent:
		switch k {
		case percent:
			return plain(d.Shift(2)), true
		case text:
			return plain(d.Shift(2)) + "%", true
		}
		rd.problem(pos, col, c.v, kindRule(k), "the cell is formatted as a percentage, so it shows %s%% but stores %s: format it as a number and type the value", plain(d.Shift(2)), plain(d))
		return "", false
	}
	t := strings.TrimSpace(c.v)
	if strings.ContainsAny(t, "eE+") || strings.HasPrefix(t, ".") || strings.HasPrefix(t, "-.") {
		t = d.String() // 4.39E6 is 4390000; a stored text without an exponent keeps its digits
	}
	return t, true
}

func kindRule(k kind) string {
	if k == boolean {
		return "boolean"
	}
	return "number"
}

func kindWant(k kind) string {
	if k == boolean {
		return "want TRUE or FALSE"
	}
	return "want a number"
}
