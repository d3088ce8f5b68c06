package tenderfile

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/score"
)

const head = "schemaVersion: tenderscore/tender/1\ntender:\n"

// TestReadTenderErrors checks that each kind of bad input gives one clear
// problem at its place, and no tender.
func TestReadTenderErrors(t *testing.T) {
	tests := []struct {
		why, name, in string
		want          []string // each problem as String() prints it
	}{
		{"an unknown field is named, with the field meant",
			"t.yaml", head + "  id: X\n  titel: Y\n",
			[]string{`t.yaml:4:3: titel: unknown field; did you mean "title"? (value "titel", rule known-field)`}},
		{"an unknown field far from any is listed against the fields allowed",
			"t.yaml", head + "  authority: {name: A, type: sub-central, x: 1}\n",
			[]string{`t.yaml:3:43: authority.x: unknown field; want one of: name, type, nation (value "x", rule known-field)`}},
		{"a duplicate key is refused, naming the first",
			"t.yaml", head + "  id: X\n  id: Y\n",
			[]string{`t.yaml:4:3: id: the key "id" is already given at line 3 (value "id", rule duplicate-key)`}},
		{"a number where text is wanted must be quoted",
			"t.yaml", head + "  lots:\n    - id: 1\n",
			[]string{`t.yaml:4:11: lots[0].id: want text, found the number 1: put it in quotes (value "1", rule type)`}},
		{"a whole number is wanted for a term",
			"t.yaml", head + "  lots:\n    - termMonths: 12.5\n",
			[]string{`t.yaml:4:19: lots[0].termMonths: want a whole number, found the number 12.5 (value "12.5", rule type)`}},
		{"thousands separators are refused in amounts",
			"t.yaml", head + "  lots:\n    - estimatedValue: 1,000\n",
			[]string{`t.yaml:4:23: lots[0].estimatedValue: not a number: write it without thousands separators (1234.50, not 1,234.50) (value "1,000", rule number)`}},
		{"an exponent is refused in amounts: they are written in full",
			"t.yaml", head + "  lots:\n    - estimatedValue: 1.5e6\n",
			[]string{`t.yaml:4:23: lots[0].estimatedValue: not a number: write it in full, without an exponent (1500, not 1.5e3) (value "1.5e6", rule number)`}},
		{"a list where a mapping is wanted",
			"t.yaml", head + "  authority: [a]\n",
			[]string{`t.yaml:3:14: authority: want a mapping, found a list (rule type)`}},
		{"a bad date names the form wanted",
			"t.yaml", head + "  commenced: 2026-02-30\n",
			[]string{`t.yaml:3:14: commenced: 2026-02-30: February 2026 has no day 30 (value "2026-02-30", rule date)`}},
		{"yes is not true: booleans are true or false",
			"t.yaml", head + "  lots:\n    - reservation: {smeOrVcse: yes}\n",
			[]string{`t.yaml:4:32: lots[0].reservation.smeOrVcse: want true or false, found the text "yes" (value "yes", rule type)`}},
		{"a bids file is not a tender file",
			"t.yaml", "schemaVersion: tenderscore/bids/1\nbids: []\n",
			[]string{
				`t.yaml:1:16: schemaVersion: this is a bids file; want a tender file (tenderscore/tender/1) (value "tenderscore/bids/1", rule schema-version)`,
				`t.yaml:2:1: bids: unknown field; a tender file holds schemaVersion and tender (value "bids", rule known-field)`,
				`t.yaml:1:1: tender: the file has no tender (rule required)`,
			}},
		{"a later version of the format is not read as this one",
			"t.yaml", "schemaVersion: tenderscore/tender/2\ntender: {id: X}\n",
			[]string{`t.yaml:1:16: schemaVersion: this version of the format is not known to this release of tenderscore; want tenderscore/tender/1 (value "tenderscore/tender/2", rule schema-version)`}},
		{"a file without a version says what to add",
			"t.yaml", "tender: {id: X}\n",
			[]string{`t.yaml:1:1: schemaVersion: the file must say what it holds: add "schemaVersion: tenderscore/tender/1" (rule schema-version)`}},
		{"malformed YAML gives the line: YAML refuses tabs for indentation",
			"t.yaml", head + "\tid: X\n",
			[]string{`t.yaml:3: not valid YAML: found character that cannot start any token (rule yaml)`}},
		{"malformed JSON gives line and column",
			"t.json", "{\n  \"schemaVersion\": \"tenderscore/tender/1\",\n  \"tender\": {\"id\": \"X\",}\n}\n",
			[]string{`t.json:3:24: not valid JSON: invalid character '}' looking for beginning of object key string (rule json)`}},
		{"JSON that stops short says so",
			"t.json", "{\"schemaVersion\": ",
			[]string{`t.json:1:19: not valid JSON: the file ends too soon (rule json)`}},
		{"JSON is strict about types: a number is not text",
			"t.json", "{\"schemaVersion\": \"tenderscore/tender/1\", \"tender\": {\"id\": 5}}",
			[]string{`t.json:1:60: id: want text, found the number 5: put it in quotes (value "5", rule type)`}},
		{"an empty file",
			"t.yaml", "\n\n",
			[]string{`t.yaml: the file is empty (rule empty)`}},
		{"two documents in one file",
			"t.yaml", head + "  id: X\n---\nschemaVersion: tenderscore/tender/1\n",
			[]string{`t.yaml:4:1: the file holds more than one YAML document; put each tender or set of bids in its own file (rule one-document)`}},
		{"a custom tag has no meaning",
			"t.yaml", head + "  id: !secret X\n",
			[]string{`t.yaml:3:7: id: the tag !secret has no meaning here; remove it (value "!secret", rule tag)`}},
		{"a scalar is not a file",
			"t.yaml", "hello\n",
			[]string{`t.yaml:1:1: want a mapping beginning "schemaVersion: tenderscore/tender/1", found the text "hello" (value "hello", rule envelope)`}},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			tn, src, err := ReadTender(tc.name, strings.NewReader(tc.in))
			var ferr *Error
			require.ErrorAs(t, err, &ferr)
			var got []string
			for _, p := range ferr.Problems {
				got = append(got, p.String())
			}
			assert.Equal(t, tc.want, got)
			assert.Equal(t, score.Tender{}, tn, "no partial tender")
			assert.Nil(t, src)
		})
	}
}

// TestDecimalsAreExact checks that numbers reach decimal as text: 0.1 is
// one tenth, not the float nearest it, and long decimals keep every digit,
// in YAML and JSON, written as numbers or as strings.
func TestDecimalsAreExact(t *testing.T) {
	tests := []struct{ why, name, in, want string }{
		{"a YAML number", "t.yaml", head + "  lots: [{estimatedValue: 0.1}]\n", "0.1"},
		{"a YAML number with more digits than a float holds", "t.yaml", head + "  lots: [{estimatedValue: 123456789.123456789}]\n", "123456789.123456789"},
		{"a YAML string", "t.yaml", head + "  lots: [{estimatedValue: \"123456789.123456789\"}]\n", "123456789.123456789"},
		{"trailing zeros are kept", "t.yaml", head + "  lots: [{estimatedValue: 1234.50}]\n", "1234.50"},
		{"a JSON number", "t.json", `{"schemaVersion": "tenderscore/tender/1", "tender": {"lots": [{"estimatedValue": 123456789.123456789}]}}`, "123456789.123456789"},
		{"a JSON string", "t.json", `{"schemaVersion": "tenderscore/tender/1", "tender": {"lots": [{"estimatedValue": "0.1"}]}}`, "0.1"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			tn, _, err := ReadTender(tc.name, strings.NewReader(tc.in))
			require.NoError(t, err)
			got := tn.Lots[0].EstimatedValue
			assert.True(t, got.Equal(decimal.RequireFromString(tc.want)), "got %s", got)
			assert.Equal(t, tc.want, decimalString(got), "held as written")
		})
	}
}

// TestAliasesAndMerges checks YAML's own ways of not repeating oneself.
func TestAliasesAndMerges(t *testing.T) {
	tn := readTestTender(t)
	team := tn.Lots[0].Policy.Criteria[1].Children[1].Quality
	approach := tn.Lots[0].Policy.Criteria[1].Children[0].Quality
	require.NotNil(t, team)
	assert.Equal(t, approach.Scale, team.Scale, "the merged scale")
	require.NotNil(t, team.MinMark)
	assert.Equal(t, "1", team.MinMark.String(), "set beside the merge")
	assert.Nil(t, approach.MinMark, "the anchored mapping itself has none")
}

// TestAliasBomb checks that nested aliases cannot make a small file
// decode to billions of values.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(head + "  x0: &a0 [\"lol\"]\n")
	for i := 1; i < 30; i++ {
		b.WriteString("  x" + itoa(i) + ": &a" + itoa(i) + " [*a" + itoa(i-1) + ", *a" + itoa(i-1) + "]\n")
	}
	_, _, err := ReadTender("bomb.yaml", strings.NewReader(b.String()))
	var ferr *Error
	require.ErrorAs(t, err, &ferr)
	assert.LessOrEqual(t, len(ferr.Problems), criteria.MaxProblems+1)
}

func itoa(i int) string { return decimal.NewFromInt(int64(i)).String() }

// TestTooLarge checks the size cap.
func TestTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte("#"), MaxFileBytes+1)
	_, _, err := ReadBids("huge.yaml", bytes.NewReader(big))
	var ferr *Error
	require.ErrorAs(t, err, &ferr)
	assert.Equal(t, "huge.yaml: the file is larger than 32 MiB, the most tenderscore reads; split the bids across several files (rule size)", ferr.Error())
}

// TestReadError checks that a reader's failure is reported and wrapped.
func TestReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	_, _, err := ReadTender("t.yaml", iotestErr{boom})
	assert.ErrorIs(t, err, boom)
	assert.Contains(t, err.Error(), "t.yaml: cannot be read: disk on fire")
}

type iotestErr struct{ err error }

func (r iotestErr) Read([]byte) (int, error) { return 0, r.err }

// TestLocate checks that validation problems are shown at their place in
// the files, in the tender and in the bids.
func TestLocate(t *testing.T) {
	tn := readTestTender(t)
	in, err := os.ReadFile("testdata/bids.yaml")
	require.NoError(t, err)
	// Bid B-2 forgets its team answer; the tender's weights are edited to 95.
	in = bytes.Replace(in, []byte("      team: {marks: {evaluators: [{evaluator: E1, mark: 3"), []byte("      tem: {marks: {evaluators: [{evaluator: E1, mark: 3"), 1)
	bids, bsrc, err := ReadBids("bids.yaml", bytes.NewReader(in))
	require.NoError(t, err)
	tsrc := readTestSource(t)
	tn.Lots[0].Policy.Criteria[1].Weight = decimal.NewFromInt(55)

	err = Validate(tn, bids, Join(tsrc, bsrc))
	var ferr *Error
	require.ErrorAs(t, err, &ferr)
	var verr *score.ValidationError
	require.ErrorAs(t, err, &verr, "the validation error is wrapped")
	var got []string
	for _, p := range ferr.Problems {
		got = append(got, p.String())
	}
	assert.Equal(t, []string{
		`testdata/tender.yaml:23:9: lots[0].policy.criteria: the weights here sum to 95, not exactly 100 (value "95", rule sum-100)`,
		`bids.yaml:18:5: bids[1].responses[team]: no response to criterion team (Team) (rule required)`,
		`bids.yaml:21:7: bids[1].responses[tem]: the lot's policy has no criterion with this id (value "tem", rule known-criterion)`,
	}, got)
}

// TestSourcePositions checks paths into joined sources.
func TestSourcePositions(t *testing.T) {
	b1 := "schemaVersion: tenderscore/bids/1\nbids:\n  - id: A\n    lot: \"1\"\n    supplier: {id: S1, name: Alder Ltd}\n" +
		"  - id: B\n    lot: \"1\"\n    supplier: {id: S2, name: Birch Ltd}\n"
	b2 := "schemaVersion: tenderscore/bids/1\nbids:\n  - id: C\n    lot: \"1\"\n    supplier: {id: S3, name: Cedar Ltd}\n"
	_, s1, err := ReadBids("one.yaml", strings.NewReader(b1))
	require.NoError(t, err)
	_, s2, err := ReadBids("two.yaml", strings.NewReader(b2))
	require.NoError(t, err)
	src := Join(readTestSource(t), s1, s2)
	tests := []struct{ why, path, want string }{
		{"a tender field", "lots[0].policy.criteria[1].children[1].weight", "testdata/tender.yaml:48:17"},
		{"a field reached through a merge", "lots[0].policy.criteria[1].children[1].quality.moderation", "testdata/tender.yaml:45:19"},
		{"a field left out gives the nearest enclosing place", "lots[0].policy.thresholds.minQualityPercent", "testdata/tender.yaml:17:7"},
		{"a bid in the first file", "bids[1].id", "one.yaml:6:5"},
		{"a bid in the second file, counted after the first's", "bids[2].lot", "two.yaml:4:5"},
		{"a bid no file holds", "bids[7]", ""},
		{"no path at all is the tender file", "", "testdata/tender.yaml:5:3"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			assert.Equal(t, tc.want, src.Position(tc.path).String())
		})
	}
}

func readTestTender(t *testing.T) score.Tender {
	t.Helper()
	f, err := os.Open("testdata/tender.yaml")
	require.NoError(t, err)
	defer f.Close()
	tn, _, err := ReadTender("testdata/tender.yaml", f)
	require.NoError(t, err)
	return tn
}

func readTestSource(t *testing.T) *Source {
	t.Helper()
	f, err := os.Open("testdata/tender.yaml")
	require.NoError(t, err)
	defer f.Close()
	_, src, err := ReadTender("testdata/tender.yaml", f)
	require.NoError(t, err)
	return src
}
