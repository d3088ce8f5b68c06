package xlsx

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// book is a workbook being written. The first error is kept, and every
// later call does nothing, so that writing reads as a list of cells.
type book struct {
	f      *excelize.File
	styles map[string]int
	sheets int
	err    error
}

func newBook() *book {
	return &book{f: excelize.NewFile(), styles: map[string]int{}}
}

// sheet adds a sheet; the first takes the place of the new file's Sheet1.
func (b *book) sheet(name string) {
	if b.err != nil {
		return
	}
	if b.sheets == 0 {
		b.err = b.f.SetSheetName("Sheet1", name)
	} else {
		_, b.err = b.f.NewSheet(name)
	}
	b.sheets++
}

// Styles the writers use, by name.
const (
	styleHeader   = "header"   // bold on grey, locked
	styleHeading  = "heading"  // bold, locked: a section's title
	styleInput    = "input"    // unlocked: for the evaluator to fill in
	styleMoney    = "money"    // £#,##0.00
	styleMoneyIn  = "money-in" // £#,##0.00, unlocked
	stylePoints   = "points"   // points to the places the figure is shown to (set per places)
	styleWrapped  = "wrapped"  // wrapped text, top-aligned
	styleRequired = "required" // a header cell of a required column
)

// style returns a style id, made once per name.
func (b *book) style(name string) int {
	if id, ok := b.styles[name]; ok || b.err != nil {
		return id
	}
	var s excelize.Style
	money := "£#,##0.00"
	switch name {
	case styleHeader, styleRequired:
		s = excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
			Protection: &excelize.Protection{Locked: true}}
		if name == styleRequired {
			s.Font.Underline = "single"
		}
	case styleHeading:
		s = excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}}
	case styleInput:
		s = excelize.Style{Protection: &excelize.Protection{Locked: false}}
	case styleMoney:
		s = excelize.Style{CustomNumFmt: &money}
	case styleMoneyIn:
		s = excelize.Style{CustomNumFmt: &money, Protection: &excelize.Protection{Locked: false}}
	case styleWrapped:
		s = excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}
	case styleWrapped + "-in":
		s = excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Protection: &excelize.Protection{Locked: false}}
	case styleHeaderKey:
		s = excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}, Protection: &excelize.Protection{Locked: true}}
	default:
		b.err = fmt.Errorf("xlsx: no style %q", name)
		return 0
	}
	id, err := b.f.NewStyle(&s)
	b.err = err
	b.styles[name] = id
	return id
}

// pointsStyle is a number format showing a figure to its places: 0.00 for
// two; General for an exact figure (places < 0).
func (b *book) pointsStyle(places int32) int {
	name := fmt.Sprintf("%s-%d", stylePoints, places)
	if id, ok := b.styles[name]; ok || b.err != nil {
		return id
	}
	var s excelize.Style
	if places >= 0 {
		code := "0"
		if places > 0 {
			code += "." + fmt.Sprintf("%0*d", int(places), 0)
		}
		s.CustomNumFmt = &code
	}
	id, err := b.f.NewStyle(&s)
	b.err = err
	b.styles[name] = id
	return id
}

func ref(row, col int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// text writes text, neutralised against formula injection.
func (b *book) text(sheet string, row, col int, v string, style string) {
	if b.err != nil || v == "" && style == "" {
		return
	}
	if v != "" {
		b.err = b.f.SetCellStr(sheet, ref(row, col), neutralise(clean(v)))
	}
	b.setStyle(sheet, row, col, style)
}

// number writes an exact decimal as a number cell holding its digits; a
// decimal with more significant digits than a spreadsheet keeps is written
// as text, so that it reads back exactly.
func (b *book) number(sheet string, row, col int, d string, style int) {
	if b.err != nil || d == "" {
		return
	}
	if storedNumber.MatchString(d) && significantDigits(d) <= MaxSignificantDigits {
		b.err = b.f.SetCellDefault(sheet, ref(row, col), d)
	} else {
		b.err = b.f.SetCellStr(sheet, ref(row, col), d)
	}
	if b.err == nil && style != 0 {
		b.err = b.f.SetCellStyle(sheet, ref(row, col), ref(row, col), style)
	}
}

// boolean writes TRUE or FALSE.
func (b *book) boolean(sheet string, row, col int, v bool) {
	if b.err == nil {
		b.err = b.f.SetCellBool(sheet, ref(row, col), v)
	}
}

func (b *book) setStyle(sheet string, row, col int, style string) {
	if b.err == nil && style != "" {
		b.err = b.f.SetCellStyle(sheet, ref(row, col), ref(row, col), b.style(style))
	}
}

// header writes a header row in row 1, freezes it and sets column widths.
func (b *book) header(sheet string, cols []string, widths []float64) {
	for i, c := range cols {
		b.text(sheet, 1, i+1, c, styleHeader)
		w := 14.0
		if i < len(widths) {
			w = widths[i]
		}
		if b.err == nil {
			b.err = b.f.SetColWidth(sheet, columnName(i+1), columnName(i+1), w)
		}
	}
	if b.err == nil && len(cols) > 0 {
		b.err = b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
}

// protect locks a sheet without a password: it guards against accidental
// edits (to headers, to the model), not against a person who means to
// change it — Review > Unprotect Sheet lifts it. Unlocked cells stay
// editable; rows may be inserted, columns resized and filters used.
func (b *book) protect(sheet string) {
	if b.err == nil {
		b.err = b.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
			SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true, InsertRows: true, AutoFilter: true,
		})
	}
}

// write writes the workbook, the first sheet active.
func (b *book) write(w io.Writer) error {
	if b.err != nil {
		return b.err
	}
	b.f.SetActiveSheet(0)
	_, err := b.f.WriteTo(w)
	if cerr := b.f.Close(); err == nil {
		err = cerr
	}
	return err
}
