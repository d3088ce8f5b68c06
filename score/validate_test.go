package score_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// Each bad input the issue lists is an error naming the field path, the
// value and the rule, and all are reported at once.
func TestValidationReportsEveryProblem(t *testing.T) {
	p := simplePolicy()
	p.Criteria[1].Weight = dec("55") // 40 + 55 = 95
	p.Thresholds.MinQualityPercent = decp("120")
	p.Rounding = []score.RoundingRule{{Stage: score.LeafPoints, Places: 2, Mode: "nearest"}}
	tn := tenderOf(lotOf(p))
	empty := lotOf(simplePolicy())
	empty.ID = "L2"
	tn.Lots = append(tn.Lots, empty)

	offScale := simpleBid("B2", "100", 3)
	offScale.Responses["q"] = marks(7)
	noMarks := simpleBid("B3", "100", 3)
	noMarks.Responses["q"] = score.Response{}
	unknownCrit := simpleBid("B4", "100", 3)
	unknownCrit.Responses["q9"] = marks(1)
	missing := simpleBid("B5", "100", 3)
	delete(missing.Responses, "q")
	dupBid := simpleBid("B1", "100", 3)
	dupBid.Supplier.ID = "S-other"
	dupSupplier := simpleBid("B6", "100", 3)
	dupSupplier.Supplier = score.Supplier{ID: "S-B1", Name: "Supplier B1"}
	wrongLot := simpleBid("B7", "100", 3)
	wrongLot.Lot = "L9"

	bids := []score.Bid{
		simpleBid("B1", "0", 3), // zero price
		offScale, noMarks, unknownCrit, missing, dupBid, dupSupplier, wrongLot,
		simpleBid("B8", "-5", 2), // negative price
	}
	err := tn.Validate(bids)
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr)

	want := []struct{ why, field, rule, value string }{
		{"weights must sum to 100 and the message says the actual sum", "lots[0].policy.criteria", "sum-100", "95"},
		{"threshold outside 0–100%", "lots[0].policy.thresholds.minQualityPercent", "percent", "120"},
		{"unknown rounding mode", "lots[0].policy.rounding[0].mode", "rounding-mode", "nearest"},
		{"an empty lot", "lots[1]", "no-bids", "L2"},
		{"zero price", "bids[0].responses[price].price.amount", "positive", "0"},
		{"mark outside its scale", "bids[1].responses[q].marks.evaluators[0].mark", "on-scale", "7"},
		{"no evaluator marks", "bids[2].responses[q].marks.evaluators", "required", ""},
		{"a response to an unknown criterion", "bids[3].responses[q9]", "known-criterion", "q9"},
		{"a missing response", "bids[4].responses[q]", "required", ""},
		{"duplicate bid id", "bids[5].id", "unique", "B1"},
		{"one supplier bidding twice for one lot", "bids[6].supplier.id", "one-bid-per-lot", "S-B1"},
		{"a bid for an unknown lot", "bids[7].lot", "known-lot", "L9"},
		{"negative price", "bids[8].responses[price].price.amount", "positive", "-5"},
	}
	for _, w := range want {
		found := false
		for _, p := range verr.Problems {
			if p.Field == w.field && p.Rule == w.rule {
				found = true
				assert.Equal(t, w.value, p.Value, w.why)
				assert.NotEmpty(t, p.Message, w.why)
			}
		}
		assert.True(t, found, "%s: want %s (%s) among\n%s", w.why, w.field, w.rule, err)
	}
	assert.Contains(t, err.Error(), "sum to 95, not exactly 100")
}

func TestValidationOfTheModel(t *testing.T) {
	valid := func() score.Tender { return tenderOf(lotOf(simplePolicy())) }
	bids := []score.Bid{simpleBid("B1", "100", 3)}
	require.NoError(t, valid().Validate(bids))

	tests := []struct {
		why   string
		edit  func(*score.Tender)
		field string
		rule  string
	}{
		{"a living wage rule needs the rate in force on the day the procurement commenced", func(t *score.Tender) {
			t.Commenced = date.Date{}
			t.Lots[0].Policy.LivingWageGates = []criteria.LivingWageGate{{ID: "lw", Title: "Real Living Wage", Region: criteria.RestOfUK}}
		}, "commenced", "required"},
		{"unknown authority type", func(t *score.Tender) { t.Authority.Type = "parish" }, "authority.type", "one-of"},
		{"unknown regime", func(t *score.Tender) { t.Regime = "ojeu" }, "regime", "one-of"},
		{"negative estimated value", func(t *score.Tender) { t.Lots[0].EstimatedValue = dec("-1") }, "lots[0].estimatedValue", "non-negative"},
		{"duplicate criterion id", func(t *score.Tender) { t.Lots[0].Policy.Criteria[1].ID = "price" }, "lots[0].policy.criteria[1].id", "unique"},
		{"a leaf with no rule", func(t *score.Tender) { t.Lots[0].Policy.Criteria[1].Quality = nil }, "lots[0].policy.criteria[1]", "rule-required"},
		{"a criterion id is required", func(t *score.Tender) { t.Lots[0].Policy.Criteria[1].ID = "" }, "lots[0].policy.criteria[1].id", "required"},
		{"unknown rounding stage", func(t *score.Tender) {
			t.Lots[0].Policy.Rounding = []score.RoundingRule{{Stage: "bids", Places: 2, Mode: "half-up"}}
		}, "lots[0].policy.rounding[0].stage", "one-of"},
		{"a tie-break naming no criterion", func(t *score.Tender) {
			t.Lots[0].Policy.TieBreaks = []score.TieBreak{{Kind: score.HigherPoints, Criterion: "nope"}}
		}, "lots[0].policy.tieBreaks[0].criterion", "known-criterion"},
		{"a minimum score on price", func(t *score.Tender) { t.Lots[0].Policy.Criteria[0].MinPercent = decp("10") }, "lots[0].policy.criteria[0].minPercent", "not-price"},
		{"the band method needs floor below ceiling", func(t *score.Tender) {
			t.Lots[0].Policy.Criteria[0].Price = &criteria.PriceRule{Method: criteria.Band, Floor: dec("10"), Ceiling: dec("5")}
		}, "lots[0].policy.criteria[0].price.ceiling", "above-floor"},
		{"price per quality point needs its basis", func(t *score.Tender) {
			t.Lots[0].Policy.Criteria[0].Price.Method = criteria.PerQualityPoint
		}, "lots[0].policy.criteria[0].price.method", "basis"},
		{"percent of total: children must sum to their parent", func(t *score.Tender) {
			t.Lots[0].Policy.Weighting = score.PercentOfTotal
			t.Lots[0].Policy.Criteria[1] = score.Criterion{ID: "qual", Title: "Quality", Weight: dec("60"),
				Children: []score.Criterion{qualityCrit("q", "30"), qualityCrit("q2", "20")}}
		}, "lots[0].policy.criteria[1].children", "sum-parent"},
		{"a weight must be positive", func(t *score.Tender) { t.Lots[0].Policy.Criteria[0].Weight = dec("0") }, "lots[0].policy.criteria[0].weight", "positive"},
		{"absurd precision is refused before arithmetic", func(t *score.Tender) { t.Lots[0].EstimatedValue = dec("1e20") }, "lots[0].estimatedValue", "magnitude"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			tn := valid()
			tt.edit(&tn)
			err := tn.Validate(bids)
			var verr *score.ValidationError
			require.ErrorAs(t, err, &verr)
			assert.True(t, verr.Has(tt.field, tt.rule), "want %s (%s) in\n%s", tt.field, tt.rule, err)
			for _, p := range verr.Problems {
				assert.NotContains(t, p.Message, "Key: ", "validator's raw messages never reach a user")
				assert.NotContains(t, p.Message, "Field validation", "validator's raw messages never reach a user")
			}
		})
	}
}

func TestPolicyValidate(t *testing.T) {
	require.NoError(t, simplePolicy().Validate())
	p := simplePolicy()
	p.Criteria = nil
	err := p.Validate()
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.True(t, verr.Has("criteria", "required"))
	assert.True(t, strings.HasPrefix(err.Error(), "1 problem in"))
}
