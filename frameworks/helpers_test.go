package frameworks_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func day(y int, m time.Month, d int) date.Date { return date.On(y, m, d) }

func price(id string, w string) score.Criterion {
	return score.Criterion{ID: id, Title: "Price", Weight: dec(w), Price: &criteria.PriceRule{Method: criteria.Relative}}
}

func quality(id, title, w string, cat score.Category) score.Criterion {
	return score.Criterion{ID: id, Title: title, Category: cat, Weight: dec(w),
		Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}}
}

// policy returns price, quality and (when svW is not empty) social value
// criteria with the given weights; policy("40", "50", "10") meets a 10%
// minimum.
func policy(priceW, qualityW, svW string) score.Policy {
	cs := []score.Criterion{price("price", priceW), quality("quality", "Service approach", qualityW, score.Quality)}
	if svW != "" {
		cs = append(cs, quality("sv", "Social value commitments", svW, score.SocialValue))
	}
	return score.Policy{Criteria: cs}
}

// tender returns a compliant fictional council tender: one lot of
// £500,000 outside any framework, commenced 2 March 2026 under the
// Procurement Act 2023.
func tender(mods ...func(*score.Tender)) score.Tender {
	t := score.Tender{
		ID: "NBC/IT/01", Title: "Service desk",
		Authority: score.Authority{Name: "Northbridge Borough Council", Type: score.SubCentral},
		Commenced: day(2026, time.March, 2),
		Regime:    score.PA2023,
		Lots: []score.Lot{{
			ID: "1", Title: "Service desk", EstimatedValue: dec("500000"), TermMonths: 36,
			Policy: policy("40", "50", "10"),
		}},
	}
	for _, m := range mods {
		m(&t)
	}
	return t
}

// route puts lot 1 on a framework route.
func route(fw, lot, proc string) func(*score.Tender) {
	return func(t *score.Tender) { t.Lots[0].Route = &score.Route{Framework: fw, Lot: lot, Procedure: proc} }
}

func check(t *testing.T, tn score.Tender, opts ...frameworks.Option) frameworks.Findings {
	t.Helper()
	fs, err := frameworks.Check(tn, opts...)
	require.NoError(t, err)
	return fs
}

// codes returns the codes of the findings at or above a severity.
func codes(fs frameworks.Findings, min frameworks.Severity) []string {
	var out []string
	for _, f := range fs.AtLeast(min) {
		out = append(out, f.Code)
	}
	return out
}

// severityOf returns the highest severity among the findings with the
// code, or 0 when there is none.
func severityOf(t *testing.T, fs frameworks.Findings, code string) frameworks.Severity {
	t.Helper()
	var worst frameworks.Severity
	for _, f := range fs.WithCode(code) {
		worst = max(worst, f.Severity)
	}
	return worst
}
