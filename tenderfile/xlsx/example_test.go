package xlsx_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/tenderfile"
	"github.com/tenderscore/tenderscore/tenderfile/xlsx"
)

func readFiles(tenderPath, bidsPath string) (score.Tender, []score.Bid) {
	tf, _ := os.Open(tenderPath)
	defer tf.Close()
	t, _, err := tenderfile.ReadTender(tenderPath, tf)
	if err != nil {
		panic(err)
	}
	bf, _ := os.Open(bidsPath)
	defer bf.Close()
	bids, _, err := tenderfile.ReadBids(bidsPath, bf)
	if err != nil {
		panic(err)
	}
	return t, bids
}

// A workbook of bids reads back as the bids it was written from; each of
// its sheets holds one layout.
func ExampleReadBids() {
	t, bids := readFiles("../testdata/tender.yaml", "../testdata/bids.yaml")
	var wb bytes.Buffer
	if err := xlsx.WriteBids(&wb, bids); err != nil {
		fmt.Println(err)
		return
	}
	again, src, notes, err := xlsx.ReadBids(t, "bids.xlsx", &wb)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(again), "bids,", len(notes), "notes")
	fmt.Println("B-1 price:", again[0].Responses["price"].Price.Amount.StringFixed(2))
	fmt.Println("from", src.Position("bids[0].responses[price].price"))
	// Output:
	// 3 bids, 0 notes
	// B-1 price: 500000.00
	// from bids.xlsx:prices!D2
}

// Every problem in a workbook names its sheet and cell.
func ExampleRead() {
	var wb bytes.Buffer
	f := excelize.NewFile()
	_ = f.SetSheetName("Sheet1", "marks")
	_ = f.SetSheetRow("marks", "A1", &[]string{"bid", "criterion", "evaluator", "mark"})
	_ = f.SetSheetRow("marks", "A2", &[]any{"B-1", "team", "E1"})
	// A program that wrote 0.1+0.2 as a float64 stores its binary value.
	_ = f.SetCellDefault("marks", "D2", "0.30000000000000004")
	_, _ = f.WriteTo(&wb)
	_, err := xlsx.Read("marks.xlsx", &wb)
	if err != nil {
		fmt.Println(strings.SplitN(err.Error(), ", a binary", 2)[0])
	}
	// Output:
	// marks.xlsx:marks!D2: mark: the cell stores 0.30000000000000004
}

// The evaluation workbook has a row for every bid, question and evaluator.
func ExampleWriteTemplate() {
	t, bids := readFiles("../testdata/tender.yaml", "../testdata/bids.yaml")
	var wb bytes.Buffer
	if err := xlsx.WriteTemplate(&wb, t, bids[:1], xlsx.TemplateOptions{Evaluators: []string{"E1", "E2"}}); err != nil {
		fmt.Println(err)
		return
	}
	f, _ := excelize.OpenReader(&wb)
	defer f.Close()
	fmt.Println(f.GetSheetList())
	rows, _ := f.GetRows("marks")
	for _, r := range rows {
		fmt.Println(strings.Join(r, " | "))
	}
	// Output:
	// [model bids prices marks gates commitments tiebreaks]
	// bid | criterion | evaluator | mark | consensus | rationale
	// B-1 | approach | E1 |  | FALSE
	// B-1 | approach | E2 |  | FALSE
	// B-1 | approach |  |  | TRUE
	// B-1 | team | E1 |  | FALSE
	// B-1 | team | E2 |  | FALSE
	// B-1 | team |  |  | TRUE
}

// The evaluation matrix has a sheet per lot, points as numbers.
func ExampleWriteMatrix() {
	t, bids := readFiles("../testdata/tender.yaml", "../testdata/bids.yaml")
	res, err := score.Evaluate(t, bids)
	if err != nil {
		fmt.Println(err)
		return
	}
	var wb bytes.Buffer
	if err := xlsx.WriteMatrix(&wb, res, nil); err != nil {
		fmt.Println(err)
		return
	}
	f, _ := excelize.OpenReader(&wb)
	defer f.Close()
	fmt.Println(f.GetSheetList())
	rows, _ := f.GetRows("lot 1")
	for _, r := range rows[3:] {
		fmt.Println(strings.Join(r, " | "))
	}
	// Output:
	// [lot 1 standings]
	// rank | bid | supplier | Price | Quality | · Approach | · Team | total | status | reasons
	//  |  | points available | 40 | 60 | 36 | 24
	// 1 | B-2 | Birchfield Support plc | 40.00 | 36.00 | 18.00 | 18.00 | 76.00 | compliant
	// 2 | B-1 | Alder Service Ltd | 36.00 | 39.00 | 27.00 | 12.00 | 75.00 | compliant
	//  | B-3 | Copse IT Ltd |  |  |  |  |  | disqualified at gate | failed the pass/fail requirement: Cyber Essentials Plus: failed — certificate expired
}

// Bids written as a workbook have a sheet per layout they use, amounts as
// number cells of their exact digits.
func ExampleWriteBids() {
	_, bids := readFiles("../testdata/tender.yaml", "../testdata/bids.yaml")
	var wb bytes.Buffer
	if err := xlsx.WriteBids(&wb, bids); err != nil {
		fmt.Println(err)
		return
	}
	f, _ := excelize.OpenReader(&wb)
	defer f.Close()
	fmt.Println(f.GetSheetList())
	amount, _ := f.GetCellValue("prices", "D2", excelize.Options{RawCellValue: true})
	fmt.Println("B-1 amount stored as", amount)
	// Output:
	// [bids prices marks gates]
	// B-1 amount stored as 500000.00
}
