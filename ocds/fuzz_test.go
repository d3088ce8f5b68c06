package ocds

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/internal/safetext"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/tenderfile"
)

// FuzzImport feeds arbitrary bytes to Import. No input may panic; and
// whatever imports must keep the importer's promises:
//
//   - the tender has at least one lot and at most MaxLots;
//   - the tender file written reads back, and validating it names every
//     gap at a place in the file;
//   - no control character from the input reaches the file (only the
//     line breaks YAML itself writes);
//   - the same input gives the same bytes;
//   - the bids file written (ProZorro's parameters included) reads back,
//     with no control character from the input.
//
// Seeds: the fictional notice, the Croydon export and a few small shapes;
// .ci/run runs the target for a few seconds.
func FuzzImport(f *testing.F) {
	for _, name := range []string{"testdata/notice.json", "testdata/croydon.ocds.json"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"ocid":"x","tender":{"lots":[{"id":"1","awardCriteria":{"criteria":[{"name":"Quality: A","description":"60%"},{"name":"Quality: B","numbers":[{"number":1,"weight":"order"}]},{"type":"price","name":"Price","numbers":[{"number":0.3,"weight":"decimalExact"}]}]}}],"lotDetails":{"maximumLotsAwardedPerSupplier":1}}}`))
	f.Add([]byte(`{"records":[{"ocid":"a","compiledRelease":{"ocid":"a","tender":{"title":"\u0000x"}}}]}`))
	f.Add([]byte(prozorroRelease)) // features and bids' parameters
	f.Fuzz(func(t *testing.T, data []byte) {
		im, err := Import("f.json", bytes.NewReader(data), ImportOptions{})
		if err != nil {
			if im != nil {
				t.Fatal("an error and a tender")
			}
			return
		}
		if n := len(im.Tender.Lots); n < 1 || n > MaxLots {
			t.Fatalf("%d lots", n)
		}
		var out bytes.Buffer
		if err := im.WriteTender(&out); err != nil {
			t.Fatalf("the imported tender does not write: %v", err)
		}
		if safetext.CleanLines(out.String()) != out.String() {
			t.Fatalf("a control or bidirectional character reached the tender file:\n%+q", out.String())
		}
		checkGapsNamed(t, im, out.Bytes())
		again, err := Import("f.json", bytes.NewReader(data), ImportOptions{})
		if err != nil {
			t.Fatalf("the second import fails: %v", err)
		}
		var out2 bytes.Buffer
		if err := again.WriteTender(&out2); err != nil || out2.String() != out.String() {
			t.Fatalf("the same input gave different files:\n%s\n---\n%s", out.String(), out2.String())
		}
		if strings.Count(out.String(), "TO COMPLETE") < len(im.Gaps) {
			t.Fatalf("%d gaps but fewer comments", len(im.Gaps))
		}
		var bids bytes.Buffer
		if err := im.WriteBids(&bids); err != nil {
			t.Fatalf("the imported bids do not write: %v", err)
		}
		if safetext.CleanLines(bids.String()) != bids.String() {
			t.Fatalf("a control or bidirectional character reached the bids file:\n%+q", bids.String())
		}
		if read, _, err := tenderfile.ReadBids("bids.yaml", bytes.NewReader(bids.Bytes())); err != nil || len(read) != len(im.Bids) {
			t.Fatalf("the bids file does not read back (%d of %d): %v", len(read), len(im.Bids), err)
		}
	})
}

// FuzzImportCriteria builds a well-formed notice around arbitrary award
// criteria — names, descriptions, numbers and weight codes — so that the
// fuzzer spends its time in the criteria's reading rather than in JSON
// syntax. A well-formed notice with numbers that read always imports, and
// keeps FuzzImport's promises; where both criteria give percentages, the
// lot's top-level weights add up to what the notice gives.
func FuzzImportCriteria(f *testing.F) {
	f.Add("Quality: Approach", "", "60", "percentageExact", "Quality: Team", "40%", "", "")
	f.Add("Social value", "10", "", "", "Price", "", "0.9", "decimalExact")
	f.Add("A: B: C", "x 5 % y 6%", "1", "order", "A: B: D", "Weighting: 12.5 %", "3", "pointsRangeMiddle")
	f.Fuzz(func(t *testing.T, name1, desc1, num1, code1, name2, desc2, num2, code2 string) {
		criterion := func(name, desc, num, code string) map[string]any {
			c := map[string]any{"type": "quality", "name": name, "description": desc}
			if strings.Contains(strings.ToLower(name), "price") {
				c["type"] = "price"
			}
			if _, msg := number(num); msg == "" && jsonNumber.MatchString(num) {
				c["numbers"] = []any{map[string]any{"number": json.Number(num), "weight": code}}
			}
			return c
		}
		doc := map[string]any{"ocid": "ocds-x", "tender": map[string]any{"id": "T", "title": "T", "lots": []any{map[string]any{
			"id": "1", "title": "Lot", "value": map[string]any{"amountGross": 1000},
			"awardCriteria": map[string]any{"criteria": []any{criterion(name1, desc1, num1, code1), criterion(name2, desc2, num2, code2)}},
		}}}}
		data, err := json.Marshal(doc)
		if err != nil {
			t.Skip() // a name that is not UTF-8
		}
		im, err := Import("f.json", bytes.NewReader(data), ImportOptions{})
		if err != nil {
			if !utf8.ValidString(name1 + desc1 + name2 + desc2) {
				return
			}
			t.Fatalf("a well-formed notice does not import: %v\n%s", err, data)
		}
		var out bytes.Buffer
		if err := im.WriteTender(&out); err != nil {
			t.Fatal(err)
		}
		checkGapsNamed(t, im, out.Bytes())
		if code1 == "percentageExact" && code2 == "percentageExact" {
			a, _ := number(num1)
			b, _ := number(num2)
			sum := decimal.Zero
			for _, c := range im.Tender.Lots[0].Policy.Criteria {
				sum = sum.Add(c.Weight)
			}
			if _, ok := criterion(name1, desc1, num1, code1)["numbers"]; ok {
				if _, ok := criterion(name2, desc2, num2, code2)["numbers"]; ok && !sum.Equal(a.Add(b)) {
					t.Fatalf("the top-level weights sum to %s, the notice's to %s", sum, a.Add(b))
				}
			}
		}
	})
}

// FuzzExport writes whatever valid tender a tender file holds: the package
// must validate against the OCDS schemas with the extensions it declares,
// the same tender must give the same bytes, and importing the package
// back must give the same lots with the same leaf criteria and shares.
func FuzzExport(f *testing.F) {
	data, err := os.ReadFile("../examples/croydon/tender.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(exampleTenderYAML))
	sch := packageSchema(f)
	opts := croydonOptions()
	opts.Standstill = nil
	f.Fuzz(func(t *testing.T, data []byte) {
		tn, _, err := tenderfile.ReadTender("t.yaml", bytes.NewReader(data))
		if err != nil || validateAlone(tn) != nil {
			return
		}
		var a, b bytes.Buffer
		if err := Export(&a, tn, nil, opts); err != nil {
			t.Fatalf("a valid tender does not export: %v", err)
		}
		validateAgainstSchema(t, sch, a.Bytes())
		if err := Export(&b, tn, nil, opts); err != nil || a.String() != b.String() {
			t.Fatal("the same tender gave different packages")
		}
		im, err := Import("export.json", &a, ImportOptions{})
		if err != nil {
			t.Fatalf("an exported package does not import: %v", err)
		}
		if len(im.Tender.Lots) != len(tn.Lots) {
			t.Fatalf("%d lots exported, %d imported", len(tn.Lots), len(im.Tender.Lots))
		}
		for i, l := range tn.Lots {
			got := im.Tender.Lots[i]
			if clean(l.ID) != got.ID {
				t.Fatalf("lot %q came back as %q", l.ID, got.ID)
			}
			// Names may regroup (a title holding ": "), but every leaf's
			// share of the lot comes back.
			if want, have := shareValues(l.Policy), shareValues(got.Policy); !slices.Equal(want, have) {
				t.Fatalf("lot %q: shares %v came back as %v", l.ID, want, have)
			}
		}
	})
}

// shareValues lists the shares of a policy's leaves, sorted.
func shareValues(p score.Policy) []string {
	var out []string
	for _, v := range shares(p) {
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}

const exampleTenderYAML = `schemaVersion: tenderscore/tender/1
tender:
  id: ANY/1
  title: Service desk
  authority: {name: Anytown Borough Council, type: sub-central}
  commenced: "2026-04-01"
  regime: pa-2023
  lots:
    - id: "1"
      title: Service desk
      estimatedValue: "600000"
      termMonths: 36
      policy:
        weighting: points
        criteria:
          - {id: price, title: Price, weight: "1", price: {method: relative}}
          - id: q
            title: Quality
            weight: "2"
            children:
              - {id: a, title: Approach, weight: "1", quality: {scale: {name: "0-4", levels: [{mark: "0"}, {mark: "4"}]}, moderation: consensus}}
              - {id: b, title: Team, weight: "2", quality: {scale: {name: "0-4", levels: [{mark: "0"}, {mark: "4"}]}, moderation: consensus}}
`
