package xlsx

import (
	"strings"
)

// formulaStart are the first characters that make a spreadsheet take text
// for a formula when it is typed, pasted or exported to CSV (OWASP, "CSV
// Injection": equals, plus, minus, at, tab, carriage return).
const formulaStart = "=+-@\t\r"

// neutralise makes text safe to write into a cell: text that starts with a
// formula character gets a leading apostrophe, as OWASP recommends, so
// that a bidder's "=HYPERLINK(…)" stays text on an evaluator's machine.
// Other text is unchanged. [Read] removes the apostrophe again.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune(formulaStart, rune(s[0])) {
		return "'" + s
	}
	return s
}

// unneutralise undoes neutralise: a leading apostrophe before a formula
// character is dropped. A spreadsheet never stores the apostrophe a person
// types before text (it becomes the cell's quote prefix), so only a
// neutralising writer leaves one.
func unneutralise(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune(formulaStart, rune(s[1])) {
		return s[1:]
	}
	return s
}

// clean drops the control characters XML 1.0 cannot hold (every C0
// control but tab, line feed and carriage return; DEL and the C1 controls),
// so that none from input reaches a workbook or a problem; it is applied
// to text read from a workbook too, where OOXML's _xHHHH_ escapes can
// carry them.
func clean(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7F && r <= 0x9F
}
