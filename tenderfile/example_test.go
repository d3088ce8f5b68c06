package tenderfile_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/tenderfile"
)

// Read a tender and its bids, validate them with every problem at its
// place in the files, and evaluate.
func Example() {
	tf, _ := os.Open("testdata/tender.yaml")
	defer tf.Close()
	tender, tsrc, err := tenderfile.ReadTender("tender.yaml", tf)
	if err != nil {
		fmt.Println(err)
		return
	}
	bf, _ := os.Open("testdata/bids.yaml")
	defer bf.Close()
	bids, bsrc, err := tenderfile.ReadBids("bids.yaml", bf)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := tenderfile.Validate(tender, bids, tenderfile.Join(tsrc, bsrc)); err != nil {
		fmt.Println(err)
		return
	}
	res, _ := score.Evaluate(tender, bids)
	lot := res.Lots[0]
	fmt.Println("winner:", lot.Winner)
	for _, s := range lot.Standings {
		fmt.Println(s.Rank, s.BidID, s.Score)
	}
	// Output:
	// winner: B-2
	// 1 B-2 76.00
	// 2 B-1 75.00
}

// Every problem in a file is reported at once, each with its place.
func ExampleReadTender() {
	in := `schemaVersion: tenderscore/tender/1
tender:
  id: ANY/2026/7
  titel: Service desk
  lots:
    - id: 1
      estimatedValue: 600,000
`
	_, _, err := tenderfile.ReadTender("tender.yaml", strings.NewReader(in))
	fmt.Println(err)
	// Output:
	// tender.yaml:4:3: titel: unknown field; did you mean "title"? (value "titel", rule known-field)
	// tender.yaml:6:11: lots[0].id: want text, found the number 1: put it in quotes (value "1", rule type)
	// tender.yaml:7:23: lots[0].estimatedValue: not a number: write it without thousands separators (1234.50, not 1,234.50) (value "600,000", rule number)
}

// A bids file holds a list of bids.
func ExampleReadBids() {
	in := `{"schemaVersion": "tenderscore/bids/1",
 "bids": [{"id": "B-1", "supplier": {"id": "S-1", "name": "Alder Service Ltd"}, "lot": "1",
           "responses": {"price": {"price": {"amount": "123456789.123456789"}}}}]}`
	bids, _, err := tenderfile.ReadBids("bids.json", strings.NewReader(in))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bids[0].Supplier.Name, bids[0].Responses["price"].Price.Amount)
	// Output: Alder Service Ltd 123456789.123456789
}

// Validation problems are shown at their place in the files.
func ExampleSource_Locate() {
	in := `schemaVersion: tenderscore/tender/1
tender:
  id: ANY/2026/7
  title: Service desk
  authority: {name: Anytown Borough Council, type: sub-central}
  commenced: 2026-04-01
  regime: pa-2023
  lots:
    - id: "1"
      title: Service desk
      estimatedValue: 600000
      termMonths: 36
      policy:
        criteria:
          - {id: price, title: Price, weight: 40, price: {method: relative}}
          - {id: approach, title: Approach, weight: 55, quality: {scale: {name: yes/no, levels: [{mark: 0}, {mark: 1}]}, moderation: mean}}
`
	tender, src, err := tenderfile.ReadTender("tender.yaml", strings.NewReader(in))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(src.Locate(tender.Validate(nil)))
	// Output:
	// tender.yaml:14:9: lots[0].policy.criteria: the weights here sum to 95, not exactly 100 (value "95", rule sum-100)
	// tender.yaml:9:7: lots[0]: lot 1 has no bids to evaluate (value "1", rule no-bids)
}

// Encoding writes a file that reads back to the same tender.
func ExampleEncodeTender() {
	t := score.Tender{ID: "ANY/2026/7", Title: "Service desk", Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral}}
	_ = tenderfile.EncodeTender(os.Stdout, t, tenderfile.YAML)
	// Output:
	// schemaVersion: tenderscore/tender/1
	// tender:
	//   id: ANY/2026/7
	//   title: Service desk
	//   authority:
	//     name: Anytown Borough Council
	//     type: sub-central
	//   commenced: ""
	//   regime: pa-2023
}

// Bids encode the same way, in JSON here.
func ExampleEncodeBids() {
	bids := []score.Bid{{ID: "B-1", Supplier: score.Supplier{ID: "S-1", Name: "Alder Service Ltd"}, Lot: "1"}}
	_ = tenderfile.EncodeBids(os.Stdout, bids, tenderfile.JSON)
	// Output:
	// {
	//   "schemaVersion": "tenderscore/bids/1",
	//   "bids": [
	//     {
	//       "id": "B-1",
	//       "supplier": {
	//         "id": "S-1",
	//         "name": "Alder Service Ltd"
	//       },
	//       "lot": "1"
	//     }
	//   ]
	// }
}

// The format of a file is told by its extension, else by its first
// character.
func ExampleFormatOf() {
	fmt.Println(tenderfile.FormatOf("tender.yml", nil), tenderfile.FormatOf("-", []byte(" {\"a\": 1}")))
	// Output: yaml json
}

// The JSON Schemas are published for editors; they are also in schema/.
func ExampleTenderJSONSchema() {
	var s struct {
		Title string `json:"title"`
	}
	_ = json.Unmarshal(tenderfile.TenderJSONSchema(), &s)
	fmt.Println(s.Title)
	_ = json.Unmarshal(tenderfile.BidsJSONSchema(), &s)
	fmt.Println(s.Title)
	// Output:
	// tenderscore tender file (tenderscore/tender/1)
	// tenderscore bids file (tenderscore/bids/1)
}

// Bids can be read from CSV files as a spreadsheet exports them.
func ExampleReadBidsCSV() {
	tf, _ := os.Open("testdata/tender.yaml")
	defer tf.Close()
	tender, _, _ := tenderfile.ReadTender("tender.yaml", tf)
	prices := "bid,criterion,amount,lot,supplier,supplierName\nB-1,price,£450000.00,1,S-1,Alder Service Ltd\n"
	marks := "bid,criterion,evaluator,mark,rationale,consensus\nB-1,team,E1,3,strong team,false\nB-1,team,,3,strong team,true\n"
	bids, _, err := tenderfile.ReadBidsCSV(tender,
		tenderfile.CSVFile{Name: "prices.csv", R: strings.NewReader(prices)},
		tenderfile.CSVFile{Name: "marks.csv", R: strings.NewReader(marks)})
	fmt.Println(err)
	fmt.Println(bids[0].Supplier.Name, bids[0].Responses["price"].Price.Amount, bids[0].Responses["team"].Marks.Consensus.Mark)
	// Output:
	// <nil>
	// Alder Service Ltd 450000 3
}

// Bids encode to CSV in the same layout.
func ExampleEncodeBidsCSV() {
	bids := []score.Bid{{ID: "B-1", Supplier: score.Supplier{ID: "S-1", Name: "Alder Service Ltd"}, Lot: "1"}}
	files, _ := tenderfile.EncodeBidsCSV(bids)
	fmt.Print(string(files["bids.csv"]))
	// Output:
	// bid,lot,supplier,supplierName,livingWageAccreditation,livingWageAtLeastApplicable,livingWageHourlyRate,livingWageIncludesContractedStaff,livingWageEvidence
	// B-1,1,S-1,Alder Service Ltd,,,,,
}

// Join gives one Source for a tender and bids from several files.
func ExampleJoin() {
	b1 := "schemaVersion: tenderscore/bids/1\nbids:\n  - {id: A, lot: \"1\", supplier: {id: S1, name: Alder Ltd}}\n"
	b2 := "schemaVersion: tenderscore/bids/1\nbids:\n  - id: B\n    lot: \"1\"\n    supplier: {id: S2, name: Birch Ltd}\n"
	_, s1, _ := tenderfile.ReadBids("one.yaml", strings.NewReader(b1))
	_, s2, _ := tenderfile.ReadBids("two.yaml", strings.NewReader(b2))
	src := tenderfile.Join(s1, s2)
	fmt.Println(src.Position("bids[1].lot"), src.Bids())
	// Output: two.yaml:4:5 2
}

// Validate reports the problems in a tender and its bids at their places.
func ExampleValidate() {
	tf, _ := os.Open("testdata/tender.yaml")
	defer tf.Close()
	tender, src, _ := tenderfile.ReadTender("tender.yaml", tf)
	err := tenderfile.Validate(tender, nil, src)
	fmt.Println(err)
	// Output: tender.yaml:13:7: lots[0]: lot 1 has no bids to evaluate (value "1", rule no-bids)
}
