package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// shown is what a number format makes of a number cell, as far as reading
// needs to know.
type shown int

const (
	asNumber  shown = iota // a number, however formatted (£4,390,000.00 is 4390000)
	asDate                 // a date or time: the number is a serial day
	asPercent              // a percentage: 0.1 shows as 10%
)

// Built-in number formats (ECMA-376 Part 1, §18.8.30 numFmt): 9 and 10 are
// percentages; 14–22 and 45–47 dates and times, and 27–36 and 50–58 the
// East Asian dates and times.
func builtinShown(id int) shown {
	switch {
	case id == 9 || id == 10:
		return asPercent
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58:
		return asDate
	}
	return asNumber
}

// codeShown classifies a custom format code: a date or time when, outside
// quoted text, escapes and brackets, it has a y, m, d, h or s (or an
// elapsed-time bracket [h], [mm], [ss]); a percentage when it has %.
func codeShown(code string) shown {
	// Only the first section (positive numbers) matters for the kind.
	var b strings.Builder
	inQuote := false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case inQuote:
			inQuote = c != '"'
		case c == '"':
			inQuote = true
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is literal (or a fill or space width)
		case c == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return asNumber
			}
			inner := strings.ToLower(code[i+1 : i+j])
			if strings.Trim(inner, "hms") == "" && inner != "" {
				return asDate
			}
			i += j
		case c == ';':
			i = len(code)
		default:
			b.WriteByte(c)
		}
	}
	rest := strings.ToLower(b.String())
	switch {
	case strings.ContainsAny(rest, "ymdhs"):
		return asDate
	case strings.Contains(rest, "%"):
		return asPercent
	}
	return asNumber
}

// formatOf tells what a cell style's number format shows; a style
// excelize cannot read counts as a plain number.
func (rd *reader) formatOf(style int) shown {
	if style == 0 {
		return asNumber
	}
	if s, ok := rd.formats[style]; ok {
		return s
	}
	st, err := safely(func() (*excelize.Style, error) { return rd.o.f.GetStyle(style) })
	s := asNumber
	if err == nil && st != nil {
		if st.CustomNumFmt != nil {
			s = codeShown(*st.CustomNumFmt)
		} else {
			s = builtinShown(st.NumFmt)
		}
	}
	rd.formats[style] = s
	return s
}
