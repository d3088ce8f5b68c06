package ocds

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode"
)

// FuzzImport feeds arbitrary bytes to Import. No input may panic; and
// whatever imports must keep the importer's promises:
//
//   - the tender has at least one lot and at most MaxLots;
//   - the tender file written reads back, and validating it names every
//     gap at a place in the file;
//   - no control character from the input reaches the file (only the
//     line breaks YAML itself writes);
//   - the same input gives the same bytes.
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
		for _, r := range out.String() {
			if r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
				t.Fatalf("a control character %U reached the tender file:\n%s", r, out.String())
			}
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
	})
}
