package ocds_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/ocds"
	"github.com/tenderscore/tenderscore/score"
)

func exampleTender() score.Tender {
	d := decimal.RequireFromString
	scale := criteria.Scale0to4()
	q := func(id, title, w string) score.Criterion {
		return score.Criterion{ID: id, Title: title, Weight: d(w), Quality: &criteria.QualityRule{Scale: scale, Moderation: criteria.ConsensusMark}}
	}
	return score.Tender{
		ID: "ANY/2026/7", Title: "Service desk", Commenced: date.On(2026, 4, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral},
		Lots: []score.Lot{{ID: "1", Title: "Service desk", EstimatedValue: d("600000"), TermMonths: 36,
			Policy: score.Policy{Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Weight: d("40"), Price: &criteria.PriceRule{Method: criteria.Relative}},
				{ID: "quality", Title: "Quality", Weight: d("60"), Children: []score.Criterion{
					q("approach", "Approach", "70"), q("team", "Team", "30"),
				}},
			}}}},
	}
}

// Export a tender as an OCDS release package. Each leaf criterion becomes
// one award criterion weighted by its share of the lot: Approach is 70% of
// Quality's 60%, so 42%.
func ExampleExport() {
	var out bytes.Buffer
	err := ocds.Export(&out, exampleTender(), nil, ocds.ExportOptions{
		OCIDPrefix: "ocds-x1y2z3",
		ReleaseID:  "ANY-2026-7-tender",
		Date:       time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	var pkg struct {
		Releases []struct {
			OCID   string
			Tender struct {
				Lots []struct {
					AwardCriteria struct {
						Criteria []struct {
							Type, Name string
							Numbers    []struct {
								Number json.Number
								Weight string
							}
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &pkg); err != nil {
		fmt.Println(err)
		return
	}
	r := pkg.Releases[0]
	fmt.Println(r.OCID)
	for _, c := range r.Tender.Lots[0].AwardCriteria.Criteria {
		fmt.Printf("%s %q %s %s\n", c.Type, c.Name, c.Numbers[0].Number, c.Numbers[0].Weight)
	}
	// Output:
	// ocds-x1y2z3-ANY/2026/7
	// price "Price" 40 percentageExact
	// quality "Quality: Approach" 42 percentageExact
	// quality "Quality: Team" 18 percentageExact
}

const notice = `{
  "ocid": "ocds-h6vhtk-fict02",
  "id": "990201-2026",
  "date": "2026-05-04T10:00:00+01:00",
  "tag": ["tender"],
  "parties": [{"id": "B", "name": "Anytown Borough Council", "roles": ["buyer"],
    "details": {"classifications": [{"scheme": "UK_CA_TYPE", "id": "publicAuthoritySubCentralGovernment"}]}}],
  "tender": {
    "id": "ANY/2026/9", "title": "Cleaning",
    "legalBasis": {"scheme": "UKPGA", "id": "2023/54"},
    "lots": [{"id": "1", "title": "Offices",
      "value": {"amountGross": 240000, "currency": "GBP"},
      "contractPeriod": {"durationInMonths": 24},
      "awardCriteria": {"criteria": [
        {"type": "quality", "name": "Technical", "description": "70%"},
        {"type": "price", "name": "Price", "numbers": [{"number": 30, "weight": "percentageExact"}]}
      ]}}]
  }
}`

// Import a tender notice. The weights come from numbers[] or, as in
// notices of the PCR 2015 era, from the description; what OCDS cannot
// carry is listed as gaps, each a field validation will name.
func ExampleImport() {
	im, err := ocds.Import("notice.json", strings.NewReader(notice), ocds.ImportOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	t := im.Tender
	fmt.Println(t.Title, "—", t.Authority.Name, t.Authority.Type, t.Regime)
	for _, l := range t.Lots {
		fmt.Println("lot", l.ID, l.Title, l.EstimatedValue, l.TermMonths, "months")
		for _, c := range l.Policy.Criteria {
			fmt.Println(" ", c.Title, c.Weight)
		}
	}
	for _, g := range im.Gaps {
		fmt.Println(g.Field)
	}
	// Output:
	// Cleaning — Anytown Borough Council sub-central pa-2023
	// lot 1 Offices 240000 24 months
	//   Technical 70
	//   Price 30
	// commenced
	// lots[0].policy.criteria[0].quality.scale
	// lots[0].policy.criteria[0].quality.moderation
	// lots[0].policy.criteria[1].price.method
	// lots[0].policy.thresholds
}

// Write an imported tender as a tender file, each field to complete with a
// comment.
func ExampleImported_WriteTender() {
	im, err := ocds.Import("notice.json", strings.NewReader(notice), ocds.ImportOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var out bytes.Buffer
	if err := im.WriteTender(&out); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.Contains(line, "price:") || strings.Contains(line, "method:") || strings.Contains(line, `"Price"`) {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// price:
	// # TO COMPLETE: how "Price" is scored (relative, linear, band or deduction): OCDS does not carry price methods
	// method: TO-COMPLETE
}
