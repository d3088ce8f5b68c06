package xlsx

import (
	"strings"

	"github.com/tenderscore/tenderscore/tenderfile"
)

// kind is what a layout's column holds, which decides how a cell is read.
type kind int

const (
	text    kind = iota
	number       // an amount, mark, score or count: read exactly from the stored number
	percent      // a percentage (0–100): a cell formatted as 10% stores 0.1 and is read as 10
	boolean      // true or false: a TRUE/FALSE cell, or the words
)

// columnKinds says what every column of every layout holds. A test checks
// that it names every column of tenderfile.Layouts, so that a column added
// there is classified here.
var columnKinds = map[string]kind{
	"bid": text, "lot": text, "supplier": text, "supplierName": text,
	"livingWageAccreditation": text, "livingWageAtLeastApplicable": boolean, "livingWageHourlyRate": number,
	"livingWageIncludesContractedStaff": boolean, "livingWageEvidence": text,
	"criterion": text, "item": text, "amount": number,
	"evaluator": text, "mark": number, "rationale": text, "consensus": boolean,
	"gate": text, "pass": boolean, "reason": text, "evidence": text,
	"measure": text, "quantity": number, "fte": number, "years": number, "percent": percent,
	"where": text, "methodStatement": text,
	"step": text, "score": number,
	"feature": text, "value": number,
}

// ModelSheet is the name of the sheet describing the evaluation model in a
// workbook from [WriteTemplate]; reading skips it without a note.
const ModelSheet = "model"

// layoutOf returns the layout a sheet's name names ("Marks" is marks), or
// "".
func layoutOf(sheet string) string {
	for _, l := range tenderfile.Layouts() {
		if strings.EqualFold(strings.TrimSpace(sheet), l.Name) {
			return l.Name
		}
	}
	return ""
}

// layoutNames lists the layouts' names for a sentence.
func layoutNames() string {
	var names []string
	for _, l := range tenderfile.Layouts() {
		names = append(names, l.Name)
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// widestLayout is the most columns a layout has.
func widestLayout() int {
	n := 0
	for _, l := range tenderfile.Layouts() {
		n = max(n, len(l.Required)+len(l.Optional))
	}
	return n
}

// layoutNamed returns a layout by name.
func layoutNamed(name string) tenderfile.Layout {
	for _, l := range tenderfile.Layouts() {
		if l.Name == name {
			return l
		}
	}
	return tenderfile.Layout{}
}
