package score_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// TestSmallJobIsSmall counts the lines of Example_threeBids, the README's
// quick start: a three-bid evaluation with one price and one quality
// question takes at most 15 lines of Go, none wider than 110 columns (a
// tab counted as 4), so that the count is not bought with long lines.
// Blank lines, comments and the Output comment are not counted.
func TestSmallJobIsSmall(t *testing.T) {
	const file, fn = "example_small_test.go", "Example_threeBids"
	src, err := os.ReadFile(file)
	require.NoError(t, err)
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.ParseComments)
	require.NoError(t, err)
	lines := strings.Split(string(src), "\n")
	for _, d := range f.Decls {
		if body, ok := funcBody(d, fn); ok {
			first, last := fset.Position(body.Lbrace).Line, fset.Position(body.Rbrace).Line
			n := 0
			for _, l := range lines[first : last-1] { // the lines between the braces
				code := strings.TrimSpace(l)
				if code == "" || strings.HasPrefix(code, "//") {
					continue
				}
				n++
				assert.LessOrEqual(t, len([]rune(strings.ReplaceAll(l, "\t", "    "))), 110, "line too wide: %s", code)
			}
			assert.LessOrEqual(t, n, 15, "the three-bid job takes %d lines", n)
			assert.GreaterOrEqual(t, n, 10, "the count found the function's body")
			return
		}
	}
	t.Fatalf("%s not found in %s", fn, file)
}

// TestUnstatedFieldsAreOptional checks that a tender leaving out what
// scoring does not use — authority, regime, commencement date, estimated
// value and term — is scored, with notes saying what was not stated; that
// each becomes required where a rule uses it; and that stating them all
// adds no note.
func TestUnstatedFieldsAreOptional(t *testing.T) {
	d := decimal.RequireFromString
	small := func() score.Tender {
		return score.SingleLot("ANY/2026/8", "Kiosks",
			score.PriceCriterion("price", "Price", d("40"), criteria.Relative),
			score.QualityCriterion("q", "Plan", d("60"), criteria.Scale0to4(), criteria.ConsensusMark))
	}
	bids := []score.Bid{smallBid("A", "500000", "3"), smallBid("B", "400000", "2")}

	res, err := score.Evaluate(small(), bids)
	require.NoError(t, err, "nothing the arithmetic does not use is required")
	notes := strings.Join(res.Lots[0].Notes, "\n")
	assert.Contains(t, notes, "not stated: the authority, the regime and the date the procurement commenced; the scores do not depend on them")
	assert.Contains(t, notes, "the lot does not state its estimated value; the scores do not depend on it, but the threshold that applies does")
	assert.Contains(t, notes, "the lot does not state its term")
	assert.Equal(t, "A", res.Lots[0].Winner, "A: 40 × 4/5 + 60 × 3/4 = 77; B: 40 + 30 = 70")

	stated := small()
	stated.Authority = score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral}
	stated.Regime, stated.Commenced = score.PA2023, date.On(2026, 4, 1)
	stated.Lots[0].EstimatedValue, stated.Lots[0].TermMonths = d("600000"), 36
	res, err = score.Evaluate(stated, bids)
	require.NoError(t, err)
	for _, n := range res.Lots[0].Notes {
		assert.NotContains(t, n, "not stated", "everything is stated")
		assert.NotContains(t, n, "does not state")
	}
	lotRegime := small()
	lotRegime.Authority = stated.Authority
	lotRegime.Commenced = stated.Commenced
	lotRegime.Lots[0].Regime = score.PCR2015
	res, err = score.Evaluate(lotRegime, bids)
	require.NoError(t, err)
	assert.NotContains(t, strings.Join(res.Lots[0].Notes, "\n"), "not stated", "a lot's own regime is its regime")

	tests := []struct {
		why   string
		edit  func(*score.Tender)
		field string
		rule  string
	}{
		{"a living wage gate reads the rate in force on the day the procurement commenced", func(t *score.Tender) {
			t.Lots[0].Policy.LivingWageGates = []criteria.LivingWageGate{{ID: "lw", Title: "Real Living Wage", Region: criteria.RestOfUK}}
		}, "commenced", "required"},
		{"social value per £1m of contract value needs the contract's value", func(t *score.Tender) {
			t.Lots[0].Policy.Criteria[1] = score.Criterion{ID: "q", Title: "Social value", Weight: d("60"),
				SocialValue: &criteria.SocialValueRule{Per: criteria.PerMillionContractValue}}
		}, "lots[0].estimatedValue", "required"},
		{"lot rules taking lots by value need each lot's value", func(t *score.Tender) {
			t.LotRules = &score.LotRules{Order: score.ValueDescending}
		}, "lots[0].estimatedValue", "required"},
		{"a value, when stated, is not negative", func(t *score.Tender) { t.Lots[0].EstimatedValue = d("-1") }, "lots[0].estimatedValue", "non-negative"},
		{"a term, when stated, is at least a month", func(t *score.Tender) { t.Lots[0].TermMonths = -3 }, "lots[0].termMonths", "range"},
		{"a regime, when stated, is one the library knows", func(t *score.Tender) { t.Regime = "ojeu" }, "regime", "one-of"},
		{"an authority type, when stated, is one the library knows", func(t *score.Tender) { t.Authority.Type = "parish" }, "authority.type", "one-of"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			tn := small()
			tc.edit(&tn)
			err := tn.Validate(bids)
			var verr *score.ValidationError
			require.ErrorAs(t, err, &verr)
			assert.True(t, verr.Has(tc.field, tc.rule), "want %s (%s) in\n%s", tc.field, tc.rule, err)
		})
	}
}

func smallBid(id, price, mark string) score.Bid {
	d := decimal.RequireFromString
	return score.Bid{ID: id, Supplier: score.Supplier{ID: "S-" + id, Name: "Supplier " + id}, Lot: "1", Responses: map[string]score.Response{
		"price": score.Priced(d(price)),
		"q":     score.Marked(criteria.Agreed(d(mark), "agreed at moderation", criteria.MarkBy("E1", d(mark), ""))),
	}}
}

// funcBody finds a function declaration by name.
func funcBody(d ast.Decl, name string) (*ast.BlockStmt, bool) {
	fd, ok := d.(*ast.FuncDecl)
	if !ok || fd.Name.Name != name || fd.Body == nil {
		return nil, false
	}
	return fd.Body, true
}
