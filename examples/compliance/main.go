// Command compliance checks a deliberately non-compliant, fictional tender
// against the law, the national frameworks it names and the council's own
// policy, before any bid is scored, and prints every finding with its
// source:
//
//	go run ./examples/compliance
//
// Northbridge Borough Council (fictional) commenced the procurement on
// 1 July 2026 under the Procurement Act 2023 and made four mistakes:
//
//   - lot 1 scores bidders for having an office in the borough on an
//     above-threshold contract (Procurement Act 2023 ss.89–90);
//   - lot 1 gives social value 10%, below the council's own 20% minimum;
//   - lot 2 runs a further competition under G-Cloud 14 lot 1, which is
//     direct award only;
//   - lot 3 calls off from Technology Services 3 (RM6100), which ended on
//     14 June 2026.
//
// It also shows a pass/fail gate that reads as an abnormally-low-price
// test, which the rules warn about: such a price is investigated, never
// excluded automatically.
package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run checks the tender and writes the findings to w.
func run(w io.Writer) error {
	t := tender()
	fs, err := frameworks.Check(t, frameworks.WithPolicies(northbridgePolicy()))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s — %s\n%s, commenced %s, declared %s\n\n", t.ID, t.Title, t.Authority.Name, t.Commenced.Long(), t.Regime)
	fmt.Fprintln(w, fs.Summary())
	for _, sev := range []frameworks.Severity{frameworks.Error, frameworks.Warning, frameworks.Note} {
		for _, f := range fs {
			if f.Severity == sev {
				fmt.Fprintf(w, "\n%s\n", f)
			}
		}
	}
	return nil
}

// northbridgePolicy is the council's own (fictional) social value policy,
// declared by the caller: at least 20% of the evaluation for lots above
// £100,000.
func northbridgePolicy() frameworks.LocalPolicy {
	return frameworks.LocalPolicy{
		Name:                  "Northbridge social value minimum",
		Authority:             "Northbridge Borough Council",
		MinSocialValuePercent: decimal.NewFromInt(20),
		AppliesAbove:          decimal.NewFromInt(100000),
		Source:                frameworks.Source{Cite: "Northbridge Borough Council Social Value Policy 2025, para. 4.2 (fictional)", Verified: true},
	}
}

func weight(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func priceCriterion(w string) score.Criterion {
	return score.Criterion{ID: "price", Title: "Price", Weight: weight(w), Price: &criteria.PriceRule{Method: criteria.Relative}}
}

func question(id, title, w string, cat score.Category) score.Criterion {
	return score.Criterion{ID: id, Title: title, Category: cat, Weight: weight(w),
		Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
}

// tender is the fictional, non-compliant tender.
func tender() score.Tender {
	office := question("office", "Office within the borough", "10", score.Quality)
	office.LocationBased = true
	return score.Tender{
		ID:        "NBC/ICT/2026/07",
		Title:     "ICT services re-procurement",
		Authority: score.Authority{Name: "Northbridge Borough Council", Type: score.SubCentral},
		Commenced: date.On(2026, time.July, 1),
		Regime:    score.PA2023,
		Lots: []score.Lot{
			{
				ID: "1", Title: "Service desk", EstimatedValue: weight("1800000"), TermMonths: 48,
				Route: &score.Route{Procedure: "open"},
				Policy: score.Policy{
					Gates: []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "alp", Title: "Price not abnormally low",
						Requirement: "a price more than 20% below the average of the other bids fails"}},
					Criteria: []score.Criterion{
						priceCriterion("40"),
						question("service", "Service management approach", "40", score.Quality),
						office,
						question("sv", "Local jobs and apprenticeships on the contract", "10", score.SocialValue),
					},
				},
			},
			{
				ID: "2", Title: "Cloud hosting", EstimatedValue: weight("450000"), TermMonths: 36,
				Route: &score.Route{Framework: "G-Cloud 14", Lot: "1", Procedure: "further-competition"},
				Policy: score.Policy{Criteria: []score.Criterion{
					priceCriterion("60"),
					question("hosting", "Hosting and resilience", "20", score.Quality),
					question("sv", "Social value commitments", "20", score.SocialValue),
				}},
			},
			{
				ID: "3", Title: "Desktop support", EstimatedValue: weight("2600000"), TermMonths: 48,
				Route: &score.Route{Framework: "RM6100", Lot: "3a", Procedure: "further-competition"},
				Policy: score.Policy{Criteria: []score.Criterion{
					priceCriterion("40"),
					question("support", "Support model", "40", score.Quality),
					question("sv", "Social value commitments", "20", score.SocialValue),
				}},
			},
		},
	}
}
