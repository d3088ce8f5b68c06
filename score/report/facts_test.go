package report

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// TestFacts checks the header lines when a tender leaves out what scoring
// does not need: what is not stated is left out, never shown empty or as
// zero (the result's notes say it was not stated).
func TestFacts(t *testing.T) {
	anytown := score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral}
	tests := []struct {
		why  string
		r    score.Result
		want string
	}{
		{"everything stated", score.Result{Authority: anytown, Commenced: date.On(2026, 4, 1), Regime: score.PA2023},
			"Authority: Anytown Borough Council (sub-central authority); procurement commenced 1 April 2026 under the Procurement Act 2023"},
		{"nothing stated", score.Result{}, ""},
		{"only the regime", score.Result{Regime: score.PCR2015}, "Procurement under the Public Contracts Regulations 2015"},
		{"a name without a type", score.Result{Authority: score.Authority{Name: "Anytown Borough Council"}, Commenced: date.On(2026, 4, 1)},
			"Authority: Anytown Borough Council; procurement commenced 1 April 2026"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tenderFacts(tc.r), tc.why)
	}
	assert.Equal(t, "Estimated value £600,000.00 including VAT; term 36 months", lotFacts(score.Lot{EstimatedValue: decimal.NewFromInt(600000), TermMonths: 36}))
	assert.Equal(t, "term 36 months", lotFacts(score.Lot{TermMonths: 36}), "a value not stated is not shown as £0.00")
	assert.Equal(t, "", lotFacts(score.Lot{}))
}
