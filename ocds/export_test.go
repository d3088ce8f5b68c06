package ocds

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/tenderfile"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// croydon reads the Croydon tender and bids from examples/croydon.
func croydon(t testing.TB) (score.Tender, []score.Bid) {
	t.Helper()
	tf, err := os.Open("../examples/croydon/tender.yaml")
	require.NoError(t, err)
	defer tf.Close()
	tender, _, err := tenderfile.ReadTender("tender.yaml", tf)
	require.NoError(t, err)
	bf, err := os.Open("../examples/croydon/bids.yaml")
	require.NoError(t, err)
	defer bf.Close()
	bids, _, err := tenderfile.ReadBids("bids.yaml", bf)
	require.NoError(t, err)
	return tender, bids
}

// london is a fixed time in the zone a council publishes in.
func london(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err) // a literal in a test
	}
	return t
}

func croydonOptions() ExportOptions {
	return ExportOptions{
		OCIDPrefix: "ocds-x1y2z3",
		ReleaseID:  "LBC-IT-2026-014-award-1",
		Date:       london("2026-07-06T09:00:00+01:00"),
		URI:        "https://data.example.gov.uk/ocds/LBC-IT-2026-014.json",
		Buyer:      Identifier{Scheme: "GB-PPON", ID: "PXXX-0000-TEST"},
		AwardDate:  london("2026-07-03T12:00:00+01:00"),
		// A voluntary standstill on lot 1, a call-off (PA 2023 s.51(4)–(5)):
		// eight working days from Monday 6 July 2026, Monday 13 July being a
		// bank holiday in Northern Ireland (s.123(1)), so to 16 July.
		Standstill: map[string]Period{
			"1": {Start: london("2026-07-06T09:00:00+01:00"), End: london("2026-07-16T23:59:59+01:00")},
		},
	}
}

// release decodes an exported package's one release into generic JSON.
func release(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var pkg map[string]any
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	require.NoError(t, d.Decode(&pkg))
	rs := pkg["releases"].([]any)
	require.Len(t, rs, 1)
	return rs[0].(map[string]any)
}

func get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			s, ok := v.([]any)
			if !ok || k >= len(s) {
				return nil
			}
			v = s[k]
		}
	}
	return v
}

// TestExportCroydon exports the Croydon tender, bids and award and
// validates the package against the OCDS 1.1.5 release package schema
// extended with every extension it declares; the whole package is kept as
// a golden file (go test ./ocds -update after a deliberate change).
func TestExportCroydon(t *testing.T) {
	tender, bids := croydon(t)
	var out bytes.Buffer
	require.NoError(t, Export(&out, tender, bids, croydonOptions()))
	validateAgainstSchema(t, packageSchema(t), out.Bytes())

	golden := filepath.Join("testdata", "croydon.ocds.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./ocds -update to create %s", golden)
	assert.Equal(t, string(want), out.String())

	r := release(t, out.Bytes())
	t.Run("lot 1's criteria, each leaf weighted by its share of the lot", func(t *testing.T) {
		// tender.yaml lot 1: price 40; quality 50 split 40/30/30; social
		// value 10 split 20/50/30 — each a percentage at its level, so the
		// leaves weigh 40, 50×0.4=20, 15, 15, 10×0.2=2, 5, 3.
		want := []struct{ typ, name, weight string }{
			{"price", "Price", "40"},
			{"quality", "Quality: Service desk operating model", "20"},
			{"quality", "Quality: Knowledge management and first-time fix", "15"},
			{"quality", "Quality: Mobilisation and exit", "15"},
			{"quality", "Social value: Fair work: London Living Wage accreditation", "2"},
			{"quality", "Social value: Local supply chain and local jobs", "5"},
			{"quality", "Social value: Apprenticeships", "3"},
		}
		cs := get(r, "tender", "lots", 0, "awardCriteria", "criteria").([]any)
		require.Len(t, cs, len(want))
		for i, w := range want {
			assert.Equal(t, w.typ, get(cs[i], "type"), "criterion %d", i)
			assert.Equal(t, w.name, get(cs[i], "name"), "criterion %d", i)
			assert.Equal(t, json.Number(w.weight), get(cs[i], "numbers", 0, "number"), "criterion %d", i)
			assert.Equal(t, "percentageExact", get(cs[i], "numbers", 0, "weight"), "criterion %d", i)
		}
	})
	t.Run("lot 5's whole-life cost is a cost criterion", func(t *testing.T) {
		// tender.yaml lot 5: a schedule discounted at 3.5% a year.
		assert.Equal(t, "cost", get(r, "tender", "lots", 4, "awardCriteria", "criteria", 0, "type"))
	})
	t.Run("lots carry their value including VAT and their term", func(t *testing.T) {
		assert.Equal(t, json.Number("3000000"), get(r, "tender", "lots", 0, "value", "amountGross"))
		assert.Equal(t, json.Number("48"), get(r, "tender", "lots", 0, "contractPeriod", "durationInMonths"))
	})
	t.Run("no lot rules: five call-offs under different frameworks", func(t *testing.T) {
		assert.Nil(t, get(r, "tender", "lotDetails"))
	})
	t.Run("the buyer as a sub-central authority under the Procurement Act 2023", func(t *testing.T) {
		assert.Equal(t, "GB-PPON-PXXX-0000-TEST", get(r, "buyer", "id"))
		assert.Equal(t, "publicAuthoritySubCentralGovernment", get(r, "parties", 0, "details", "classifications", 0, "id"))
		assert.Equal(t, "UKPGA", get(r, "tender", "legalBasis", "scheme"))
		assert.Equal(t, "2023/54", get(r, "tender", "legalBasis", "id"))
	})
	t.Run("each lot awarded to its most advantageous tender", func(t *testing.T) {
		// examples/croydon/testdata/award.golden.txt: B-102, B-202, B-303,
		// B-402 and B-503.
		awards := get(r, "awards").([]any)
		require.Len(t, awards, 5)
		bid := map[string]any{}
		for _, a := range awards {
			assert.Equal(t, "pending", get(a, "status"))
			bid[get(a, "relatedLots", 0).(string)] = get(a, "relatedBid")
		}
		assert.Equal(t, map[string]any{"1": "B-102", "2": "B-202", "3": "B-303", "4": "B-402", "5": "B-503"}, bid)
		// A call-off has no mandatory standstill (PA 2023 s.51(3)); this is
		// a voluntary one (s.51(4)), as given.
		assert.Equal(t, "2026-07-06T09:00:00+01:00", get(awards, 0, "standstillPeriod", "startDate"), "lot 1's standstill as given")
		assert.Nil(t, get(awards, 1, "standstillPeriod"), "no standstill given for lot 2")
	})
	t.Run("a bid disqualified at a gate is disqualified", func(t *testing.T) {
		// examples/croydon/testdata/croydon.golden.txt: B-105 fails a gate.
		for _, b := range get(r, "bids", "details").([]any) {
			if get(b, "id") == "B-105" {
				assert.Equal(t, "disqualified", get(b, "status"))
				return
			}
		}
		t.Fatal("no bid B-105")
	})
}

// TestExportDeterministic checks that the bytes do not depend on the order
// the bids arrive in.
func TestExportDeterministic(t *testing.T) {
	tender, bids := croydon(t)
	var a, b bytes.Buffer
	require.NoError(t, Export(&a, tender, bids, croydonOptions()))
	rev := slices.Clone(bids)
	slices.Reverse(rev)
	require.NoError(t, Export(&b, tender, rev, croydonOptions()))
	assert.Equal(t, a.String(), b.String())
}

// TestExportTenderAlone exports a tender before any bid: no bids, no
// awards, every lot active.
func TestExportTenderAlone(t *testing.T) {
	tender, _ := croydon(t)
	opts := croydonOptions()
	opts.Standstill = nil
	var out bytes.Buffer
	require.NoError(t, Export(&out, tender, nil, opts))
	validateAgainstSchema(t, packageSchema(t), out.Bytes())
	r := release(t, out.Bytes())
	assert.Equal(t, []any{"tender"}, get(r, "tag"))
	assert.Nil(t, get(r, "bids"))
	assert.Nil(t, get(r, "awards"))
	assert.Equal(t, "active", get(r, "tender", "status"))
	assert.Len(t, get(r, "parties"), 1, "only the buyer")
}

func TestExportOptions(t *testing.T) {
	tender, bids := croydon(t)
	tests := []struct {
		why    string
		edit   func(*ExportOptions)
		option string
	}{
		{"the ocid prefix is an input", func(o *ExportOptions) { o.OCIDPrefix = "" }, "OCIDPrefix"},
		{"the release id is an input", func(o *ExportOptions) { o.ReleaseID = "" }, "ReleaseID"},
		{"the date is an input, never the clock", func(o *ExportOptions) { o.Date = time.Time{} }, "Date"},
		{"a relative URI is not a package URI", func(o *ExportOptions) { o.URI = "croydon.json" }, "URI"},
		{"a buyer identifier needs its scheme", func(o *ExportOptions) { o.Buyer = Identifier{ID: "123"} }, "Buyer"},
		{"a standstill for a lot the tender lacks", func(o *ExportOptions) { o.Standstill = map[string]Period{"9": o.Standstill["1"]} }, "Standstill[9]"},
		{"a standstill that ends before it starts", func(o *ExportOptions) {
			o.Standstill = map[string]Period{"1": {Start: o.Date, End: o.Date.Add(-time.Hour)}}
		}, "Standstill[1]"},
		{"an identifier for a supplier that did not bid is a mistake", func(o *ExportOptions) {
			o.Suppliers = map[string]Identifier{"SUP-XYZ": {Scheme: "GB-COH", ID: "1"}}
		}, "Suppliers[SUP-XYZ]"},
		{"two suppliers may not share a party id", func(o *ExportOptions) {
			o.Suppliers = map[string]Identifier{"SUP-KES": {Scheme: "GB-COH", ID: "1"}, "SUP-BRI": {Scheme: "GB-COH", ID: "1"}}
		}, "Suppliers[SUP-BRI]"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			opts := croydonOptions()
			tc.edit(&opts)
			err := Export(&bytes.Buffer{}, tender, bids, opts)
			var oe *OptionError
			require.ErrorAs(t, err, &oe)
			assert.Equal(t, tc.option, oe.Option)
		})
	}
}

// TestExportStandstillForEveryLot gives one standstill under the key "",
// as one contract award notice for the whole tender: every lot awarded
// carries it, and a lot's own period takes its place.
func TestExportStandstillForEveryLot(t *testing.T) {
	tender, bids := croydon(t)
	opts := croydonOptions()
	every := Period{Start: london("2026-07-07T09:00:00+01:00"), End: london("2026-07-17T23:59:59+01:00")}
	opts.Standstill[""] = every
	var out bytes.Buffer
	require.NoError(t, Export(&out, tender, bids, opts))
	validateAgainstSchema(t, packageSchema(t), out.Bytes())
	awards := get(release(t, out.Bytes()), "awards").([]any)
	assert.Equal(t, "2026-07-06T09:00:00+01:00", get(awards, 0, "standstillPeriod", "startDate"), "lot 1's own")
	for _, a := range awards[1:] {
		assert.Equal(t, "2026-07-07T09:00:00+01:00", get(a, "standstillPeriod", "startDate"))
	}
	opts.Standstill = map[string]Period{"": every}
	err := Export(&bytes.Buffer{}, tender, nil, opts)
	var oe *OptionError
	require.ErrorAs(t, err, &oe, "no award without bids")
}

// TestExportStandstillFromTimeline takes each awarded lot's standstill
// from its award timeline, given the day the contract award notice is
// published.
func TestExportStandstillFromTimeline(t *testing.T) {
	tests := []struct {
		why        string
		tender     func(testing.TB) (score.Tender, []score.Bid)
		notice     date.Date
		timeline   map[string]score.TimelineOptions
		start, end []string // by award, "" for none
	}{
		{"an open procedure: the mandatory eight working days (PA 2023 s.51(2)) from Monday 6 July 2026, past Northern Ireland's bank holiday on 13 July (s.123(1)), in BST; lot C is not awarded",
			cappedTB, date.On(2026, 7, 6), nil,
			[]string{"2026-07-06T00:00:00+01:00", "2026-07-06T00:00:00+01:00", ""},
			[]string{"2026-07-16T23:59:59+01:00", "2026-07-16T23:59:59+01:00", ""}},
		{"in winter, GMT: from Thursday 26 November 2026, past St Andrew's Day (30 November, Scotland), to 8 December (score's ExampleTender_Timeline)",
			cappedTB, date.On(2026, 11, 26), nil,
			[]string{"2026-11-26T00:00:00Z", "2026-11-26T00:00:00Z", ""},
			[]string{"2026-12-08T23:59:59Z", "2026-12-08T23:59:59Z", ""}},
		{"Croydon's call-offs have no mandatory standstill (s.51(3)(d)) and the notice provides none",
			croydon, date.On(2026, 7, 6), nil,
			[]string{"", "", "", "", ""}, []string{"", "", "", "", ""}},
		{"a voluntary standstill of eight working days on lot 2 (s.51(4)–(5)), lot 4 being a PCR 2015 call-off with none (reg 86(5))",
			croydon, date.On(2026, 7, 6), map[string]score.TimelineOptions{"2": {StandstillDays: 8}},
			[]string{"", "2026-07-06T00:00:00+01:00", "", "", ""}, []string{"", "2026-07-16T23:59:59+01:00", "", "", ""}},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			tn, bids := tc.tender(t)
			opts := croydonOptions()
			opts.Standstill = nil
			opts.AwardNotice, opts.Timeline = tc.notice, tc.timeline
			var out bytes.Buffer
			require.NoError(t, Export(&out, tn, bids, opts))
			validateAgainstSchema(t, packageSchema(t), out.Bytes())
			awards := get(release(t, out.Bytes()), "awards").([]any)
			require.Len(t, awards, len(tc.start))
			for i := range awards {
				if tc.start[i] == "" {
					assert.Nil(t, get(awards, i, "standstillPeriod"), "award %d", i)
					continue
				}
				assert.Equal(t, tc.start[i], get(awards, i, "standstillPeriod", "startDate"), "award %d", i)
				assert.Equal(t, tc.end[i], get(awards, i, "standstillPeriod", "endDate"), "award %d", i)
			}
		})
	}
	t.Run("a notice day on which no standstill can begin is named", func(t *testing.T) {
		tn, bids := capped()
		opts := croydonOptions()
		opts.Standstill = nil
		opts.AwardNotice = date.On(2026, 7, 11) // a Saturday
		err := Export(&bytes.Buffer{}, tn, bids, opts)
		var oe *OptionError
		require.ErrorAs(t, err, &oe)
		assert.Equal(t, "AwardNotice", oe.Option)
	})
}

func cappedTB(testing.TB) (score.Tender, []score.Bid) { return capped() }
