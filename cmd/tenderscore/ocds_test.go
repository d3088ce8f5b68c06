package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExportOCDS exports the Croydon files with the options package
// ocds's own test uses: the bytes must be its golden file's, which that
// test validates against the OCDS schemas.
func TestExportOCDS(t *testing.T) {
	out, errs, status := tenderscore("", "export", "ocds",
		"--ocid-prefix", "ocds-x1y2z3", "--release-id", "LBC-IT-2026-014-award-1",
		"--date", "2026-07-06T09:00:00+01:00", "--uri", "https://data.example.gov.uk/ocds/LBC-IT-2026-014.json",
		"--buyer-scheme", "GB-PPON", "--buyer-id", "PXXX-0000-TEST", "--award-date", "2026-07-03T12:00:00+01:00",
		"--standstill", "1=2026-07-06T09:00:00+01:00/2026-07-16T23:59:59+01:00",
		tenderFile, bidsFile)
	require.Equal(t, exitOK, status, errs)
	assert.Empty(t, errs)
	want, err := os.ReadFile("../../ocds/testdata/croydon.ocds.json")
	require.NoError(t, err)
	assert.Equal(t, string(want), out)
}

// TestExportOCDSTimeline takes each award's standstill from its timeline:
// Croydon's call-offs need none (PA 2023 s.51(3)(d)), so only lot 1, whose
// notice provides a voluntary eight working days (s.51(4)–(5)), has one:
// from Monday 6 July 2026, past Northern Ireland's bank holiday on 13 July
// (s.123(1)), to 16 July.
func TestExportOCDSTimeline(t *testing.T) {
	out, errs, status := tenderscore("", "export", "ocds",
		"--ocid-prefix", "ocds-x1y2z3", "--release-id", "r", "--date", "2026-07-06T09:00:00+01:00",
		"--award-notice", "2026-07-06", "--standstill-days", "1=8", tenderFile, bidsFile)
	require.Equal(t, exitOK, status, errs)
	assert.Equal(t, 1, strings.Count(out, `"standstillPeriod"`), "lot 1's award only")
	assert.Equal(t, 1, strings.Count(out, `"startDate": "2026-07-06T00:00:00+01:00"`))
	assert.Equal(t, 1, strings.Count(out, `"endDate": "2026-07-16T23:59:59+01:00"`))
}

// TestImportOCDS imports the fictional notice package ocds tests: the
// tender file is its golden file, the fields to complete are listed on
// stderr, and validating the file names them.
func TestImportOCDS(t *testing.T) {
	out, errs, status := tenderscore("", "import", "ocds", "../../ocds/testdata/notice.json")
	require.Equal(t, exitOK, status, errs)
	want, err := os.ReadFile("../../ocds/testdata/notice.tender.yaml")
	require.NoError(t, err)
	assert.Equal(t, string(want), out)
	assert.Contains(t, errs, "lots[0].policy.criteria[2].price.method: to complete: how \"Price\" is scored")
	assert.Contains(t, errs, "note: lots[2].estimatedValue: read from value.amount")
	assert.Contains(t, errs, "tenderscore import: 22 fields to complete: tenderscore validate names 21, tenderscore check the 1 only the law needs")

	file := filepath.Join(t.TempDir(), "tender.yaml")
	require.NoError(t, os.WriteFile(file, []byte(out), 0o644))
	_, verrs, vstatus := tenderscore("", "validate", file)
	assert.Equal(t, exitInput, vstatus)
	assert.Contains(t, verrs, "tender.yaml:61:15: lots[0].policy.criteria[2].price.method: unknown price method")
	_, cerrs, cstatus := tenderscore("", "check", file)
	assert.Equal(t, exitInput, cstatus)
	assert.Contains(t, cerrs, "tender.yaml:14:3: commenced: the date the procurement commenced is required")
}

func TestOCDSUsage(t *testing.T) {
	tests := []struct {
		why    string
		args   []string
		stderr string
	}{
		{"the format is named", []string{"export", tenderFile}, `unknown format "` + tenderFile + `": want ocds`},
		{"only OCDS so far", []string{"import", "xlsx", "f.xlsx"}, `unknown format "xlsx": want ocds`},
		{"the release's identity is required", []string{"export", "ocds", tenderFile}, "--ocid-prefix, --release-id and --date are required"},
		{"a date has its zone", []string{"export", "ocds", "--ocid-prefix", "ocds-x", "--release-id", "r", "--date", "2026-07-06", tenderFile}, "want a date and time with its zone"},
		{"a standstill names a lot of the tender", []string{"export", "ocds", "--ocid-prefix", "ocds-x", "--release-id", "r", "--date", "2026-07-06T09:00:00Z",
			"--standstill", "9=2026-07-06T09:00:00Z/2026-07-15T23:59:59Z", tenderFile, bidsFile}, `--standstill 9: the tender has no lot with this id (value "9")`},
		{"a standstill is START/END", []string{"export", "ocds", "--standstill", "next week", tenderFile}, "want START/END or LOT=START/END"},
		{"an award notice is a day", []string{"export", "ocds", "--ocid-prefix", "ocds-x", "--release-id", "r", "--date", "2026-07-06T09:00:00Z",
			"--award-notice", "6 July", tenderFile, bidsFile}, "want a day, YYYY-MM-DD"},
		{"a voluntary standstill is at least eight working days", []string{"export", "ocds", "--ocid-prefix", "ocds-x", "--release-id", "r", "--date", "2026-07-06T09:00:00Z",
			"--award-notice", "2026-07-06", "--standstill-days", "1=5", tenderFile, bidsFile}, "--award-notice: the award timeline of lot 1"},
		{"import reads one file", []string{"import", "ocds", "a.json", "b.json"}, "name one OCDS file"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			out, errs, status := tenderscore("", tc.args...)
			assert.Equal(t, exitUsage, status, errs)
			assert.Empty(t, out)
			assert.Contains(t, errs, tc.stderr)
		})
	}
}

// TestImportOCDSProblems: a file that is not OCDS gives its problem at its
// place, status 1, nothing on stdout.
func TestImportOCDSProblems(t *testing.T) {
	out, errs, status := tenderscore("{\"ocid\": \"x\",\n \"tender\": {\"lots\": \"three\"}}", "import", "ocds", "-")
	assert.Equal(t, exitInput, status)
	assert.Empty(t, out)
	assert.True(t, strings.HasPrefix(errs, "(standard input):2:"), errs)
	assert.Contains(t, errs, "tender.lots: want a list, found text")
}

// TestImportOCDSBids exports the published models of the tenderfile test
// data — a lot on ProZorro's MEAT rule among them — and imports the
// release back with --bids: the lot priced by features comes back with
// its features and the bids file with each bid's choices, complete: what
// validation asks for is lot 1's (its marking scales and marks cannot
// travel in OCDS), nothing of lot 2's.
func TestImportOCDSBids(t *testing.T) {
	dir := t.TempDir()
	release, errs, status := tenderscore("", "export", "ocds", "--ocid-prefix", "ocds-x1y2z3", "--release-id", "r", "--date", "2026-05-04T09:00:00+01:00",
		"../../tenderfile/testdata/published.yaml", "../../tenderfile/testdata/published-bids.yaml")
	require.Equal(t, exitOK, status, errs)
	rel := filepath.Join(dir, "release.json")
	require.NoError(t, os.WriteFile(rel, []byte(release), 0o644))
	bidsPath := filepath.Join(dir, "bids.yaml")
	tender, errs, status := tenderscore("", "import", "ocds", "--bids", bidsPath, rel)
	require.Equal(t, exitOK, status, errs)
	assert.Contains(t, errs, "wrote "+bidsPath+": 4 bids")
	assert.Contains(t, tender, "basis: adjusted-price")
	bids, err := os.ReadFile(bidsPath)
	require.NoError(t, err)
	assert.Contains(t, string(bids), "OCDS-123454-YEARS: \"0.15\"")

	tf := filepath.Join(dir, "tender.yaml")
	require.NoError(t, os.WriteFile(tf, []byte(tender), 0o644))
	_, errs, status = tenderscore("", "validate", tf, bidsPath)
	assert.Equal(t, exitInput, status)
	assert.Contains(t, errs, "lots[0].policy.criteria[0].price.method")
	for _, lot2 := range []string{"lots[1]", "bids[2]", "bids[3]"} {
		assert.NotContains(t, errs, lot2, "lot 2 and its bids are complete")
	}
}
