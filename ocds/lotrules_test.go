package ocds

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// capped is one open procedure of three lots with a one-lot cap, lots
// awarded in descending order of value (PA 2023 s.23(4)), each scored on
// price alone. Northfold Services Ltd is cheapest on every lot; Eastmere
// Facilities Ltd bids for lots A and B only.
func capped() (score.Tender, []score.Bid) {
	d := decimal.RequireFromString
	lot := func(id, value string) score.Lot {
		return score.Lot{ID: id, Title: "Lot " + id, EstimatedValue: d(value), TermMonths: 24, Policy: score.Policy{
			Criteria: []score.Criterion{{ID: id + "-price", Title: "Price", Weight: d("100"), Price: &criteria.PriceRule{Method: criteria.Relative}}}}}
	}
	tn := score.Tender{
		ID: "ANY/2026/12", Title: "Facilities (three lots)", Commenced: date.On(2026, 5, 11), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral, Nation: score.England},
		Route:     score.Route{Procedure: score.OpenProcedure},
		Lots:      []score.Lot{lot("A", "500000"), lot("B", "300000"), lot("C", "100000")},
		LotRules: &score.LotRules{MaxLotsAwardedPerSupplier: score.Limit(1), Allocation: score.InOrder, Order: score.ValueDescending,
			Description: "No supplier will be awarded more than one lot; lots are awarded in descending order of estimated value."},
	}
	bid := func(id, lot, supplier, name, price string) score.Bid {
		return score.Bid{ID: id, Lot: lot, Supplier: score.Supplier{ID: supplier, Name: name},
			Responses: map[string]score.Response{lot + "-price": {Price: criteria.Amount(d(price))}}}
	}
	return tn, []score.Bid{
		bid("N-A", "A", "NOR", "Northfold Services Ltd", "100000"),
		bid("N-B", "B", "NOR", "Northfold Services Ltd", "100000"),
		bid("N-C", "C", "NOR", "Northfold Services Ltd", "50000"),
		bid("E-A", "A", "EAS", "Eastmere Facilities Ltd", "120000"),
		bid("E-B", "B", "EAS", "Eastmere Facilities Ltd", "110000"),
	}
}

// TestExportLotRules exports a capped award: lot A (the most valuable)
// goes to Northfold, which then has its one lot; lot B to Eastmere, the
// next ranked; lot C to nobody, its only bidder being at the cap.
func TestExportLotRules(t *testing.T) {
	tn, bids := capped()
	var out bytes.Buffer
	opts := croydonOptions()
	opts.Standstill = nil
	require.NoError(t, Export(&out, tn, bids, opts))
	validateAgainstSchema(t, packageSchema(t), out.Bytes())
	r := release(t, out.Bytes())
	assert.Equal(t, json.Number("1"), get(r, "tender", "lotDetails", "maximumLotsAwardedPerSupplier"))
	assert.Equal(t, tn.LotRules.Description, get(r, "tender", "lotDetails", "awardCriteriaDetails"))
	want := []struct{ status, bid, amount, lotStatus string }{
		{"pending", "N-A", "100000", "complete"},
		{"pending", "E-B", "110000", "complete"},
		{"unsuccessful", "", "", "unsuccessful"},
	}
	for i, w := range want {
		a := get(r, "awards", i)
		assert.Equal(t, w.status, get(a, "status"), "lot %d", i)
		assert.Equal(t, w.lotStatus, get(r, "tender", "lots", i, "status"), "lot %d", i)
		if w.bid != "" {
			assert.Equal(t, w.bid, get(a, "relatedBid"))
			assert.Equal(t, json.Number(w.amount), get(a, "value", "amount"))
		} else {
			assert.Nil(t, get(a, "relatedBid"))
		}
	}
	assert.Equal(t, "complete", get(r, "tender", "status"), "every lot decided, two awarded")

	im, err := Import("export.json", &out, ImportOptions{})
	require.NoError(t, err)
	require.NotNil(t, im.Tender.LotRules)
	assert.Equal(t, 1, *im.Tender.LotRules.MaxLotsAwardedPerSupplier, "the cap comes back")
	assert.Equal(t, tn.LotRules.Description, im.Tender.LotRules.Description)
	assert.Empty(t, im.Tender.LotRules.Allocation, "the mechanism is a field to complete")
}
