package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const (
	tenderFile = "../../examples/croydon/tender.yaml"
	bidsFile   = "../../examples/croydon/bids.yaml"
)

// tenderscore runs the command in-process.
func tenderscore(stdin string, args ...string) (stdout, stderr string, status int) {
	var out, errb bytes.Buffer
	status = run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), status
}

// TestGolden runs every subcommand on the Croydon files and compares what
// it writes with the reviewed copy in testdata/. After a deliberate change
// (to the Croydon files or a renderer), run
// `go test ./cmd/tenderscore -update` and review the diff.
func TestGolden(t *testing.T) {
	csvs, err := filepath.Glob("../../examples/croydon/csv/*.csv")
	require.NoError(t, err)
	tests := []struct {
		why, golden string
		args        []string
	}{
		{"validate reports the files valid", "validate.golden", []string{"validate", tenderFile, bidsFile}},
		{"validate reads the bids from CSV", "validate.golden", append([]string{"validate", tenderFile}, csvs...)},
		{"check lists the findings", "check.golden", []string{"check", tenderFile, bidsFile}},
		{"check writes JSON", "check.json.golden", []string{"check", "--format", "json", tenderFile, bidsFile}},
		{"score writes text", "score.golden", []string{"score", tenderFile, bidsFile}},
		{"score from CSV bids gives the same", "score.golden", append([]string{"score", tenderFile}, csvs...)},
		{"score writes Markdown", "score.md.golden", []string{"score", "--format", "markdown", tenderFile, bidsFile}},
		{"score writes JSON", "score.json.golden", []string{"score", "--format", "json", tenderFile, bidsFile}},
		{"score writes HTML for one lot", "score-lot2.html.golden", []string{"score", "--format", "html", "--lot", "2", tenderFile, bidsFile}},
		{"summary for a supplier bidding for two lots", "summary-SUP-QUA.golden", []string{"summary", "--bidder", "SUP-QUA", tenderFile, bidsFile}},
		{"summary for one bid in JSON, the flag after the files", "summary-B-203.json.golden", []string{"summary", tenderFile, bidsFile, "--bidder", "B-203", "--format", "json"}},
		{"summary in HTML", "summary-B-102.html.golden", []string{"summary", "--bidder", "B-102", "--format", "html", tenderFile, bidsFile}},
		{"summary for a bid ranked first but passed over under the two-lot cap", "summary-B-503.golden", []string{"summary", "--bidder", "B-503", tenderFile, bidsFile}},
		{"whatif for one lot", "whatif-lot2.golden", []string{"whatif", "--lot", "2", tenderFile, bidsFile}},
		{"whatif writes JSON", "whatif-lot2.json.golden", []string{"whatif", "--lot", "2", "--format", "json", tenderFile, bidsFile}},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			out, errs, status := tenderscore("", tc.args...)
			require.Equal(t, exitOK, status, errs)
			assert.Empty(t, errs, "nothing on stderr for a small input")
			golden := filepath.Join("testdata", tc.golden)
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run with -update to create %s", golden)
			assert.Equal(t, string(want), out)
		})
	}
}

// TestStatus checks the exit statuses and that problems go to stderr with
// their place, and nothing that looks like a result goes to stdout.
func TestStatus(t *testing.T) {
	tests := []struct {
		why     string
		stdin   string
		args    []string
		status  int
		stderr  []string // each must appear on stderr
		stdout  string   // must appear on stdout ("" for nothing at all)
		noStout bool
	}{
		{why: "no command is a usage error", args: nil, status: exitUsage, stderr: []string{"Usage: tenderscore COMMAND"}, noStout: true},
		{why: "an unknown command", args: []string{"grade"}, status: exitUsage, stderr: []string{`no command "grade"`}, noStout: true},
		{why: "help is a success, on stdout", args: []string{"--help"}, status: exitOK, stdout: "Commands:"},
		{why: "help on a command shows its example", args: []string{"help", "whatif"}, status: exitOK, stdout: "Example:\n\n  tenderscore whatif --lot 1"},
		{why: "every command has --help", args: []string{"summary", "--help"}, status: exitOK, stdout: "tenderscore summary --bidder SUP-KES"},
		{why: "an unknown flag", args: []string{"score", "--colour", tenderFile, bidsFile}, status: exitUsage, stderr: []string{"flag provided but not defined: -colour"}, noStout: true},
		{why: "an unknown format", args: []string{"score", "--format", "pdf", tenderFile, bidsFile}, status: exitUsage, stderr: []string{`unknown format "pdf": want text, markdown, json, html`}, noStout: true},
		{why: "score needs bids", args: []string{"score", tenderFile}, status: exitUsage, stderr: []string{"name at least one bids file"}, noStout: true},
		{why: "summary needs a bidder", args: []string{"summary", tenderFile, bidsFile}, status: exitUsage, stderr: []string{"--bidder is required"}, noStout: true},
		{why: "a file that does not exist", args: []string{"validate", "nowhere.yaml"}, status: exitInput, stderr: []string{"nowhere.yaml: cannot be opened: no such file or directory"}, noStout: true},
		{why: "a malformed file: every problem at its place", args: []string{"score", "testdata/bad.yaml", bidsFile}, status: exitInput, stderr: []string{
			`testdata/bad.yaml:4:3: titel: unknown field; did you mean "title"?`,
			`testdata/bad.yaml:6:11: lots[0].id: want text, found the number 1: put it in quotes`,
			`testdata/bad.yaml:7:23: lots[0].estimatedValue: not a number: write it without thousands separators`,
			"tenderscore score: 3 problems"}, noStout: true},
		{why: "a bid for an unknown lot is shown at its place", args: []string{"score", tenderFile, bidsFile, "testdata/unknown-lot.yaml"}, status: exitInput, stderr: []string{
			`testdata/unknown-lot.yaml:5:5: bids[21].lot: the tender has no lot with this id (value "9", rule known-lot)`}, noStout: true},
		{why: "a tender validates on its own", args: []string{"validate", tenderFile}, status: exitOK, stdout: "valid: LBC/IT/2026/014 Managed IT services (five lots): 5 lots, 0 bids\n"},
		{why: "the tender from standard input", stdin: mustRead(t, tenderFile), args: []string{"validate", "-", bidsFile}, status: exitOK, stdout: "21 bids"},
		{why: "only one file from standard input", args: []string{"validate", "-", "-"}, status: exitUsage, stderr: []string{"only one file can come from standard input"}, noStout: true},
		{why: "a bids file given as the tender", args: []string{"validate", bidsFile}, status: exitInput, stderr: []string{"schemaVersion: this is a bids file; want a tender file"}, noStout: true},
		{why: "an error finding fails the check, the findings still shown", args: []string{"check", "testdata/local.yaml"}, status: exitInput,
			stderr: []string{"tenderscore check: the evaluation model has 1 error: fix them before scoring"}, stdout: "error location-above-threshold"},
		{why: "a bidder the bids do not have is a usage mistake", args: []string{"summary", "--bidder", "SUP-NONE", tenderFile, bidsFile}, status: exitUsage, stderr: []string{`--bidder SUP-NONE: no bid by a supplier with id "SUP-NONE"`}, noStout: true},
		{why: "a lot the tender does not have is a usage mistake", args: []string{"score", "--lot", "9", tenderFile, bidsFile}, status: exitUsage, stderr: []string{`--lot 9: the tender has no lot "9"; its lots are 1, 2, 3, 4 and 5`, `Run "tenderscore score --help" for usage.`}, noStout: true},
		{why: "whatif names the lots too", args: []string{"whatif", "--lot", "9", tenderFile, bidsFile}, status: exitUsage, stderr: []string{`--lot 9: the tender has no lot "9"`}, noStout: true},
		{why: "an unknown flag is told once, with where to find the usage", args: []string{"check", "--lots", "1", tenderFile}, status: exitUsage, stderr: []string{"tenderscore check: flag provided but not defined: -lots\nRun \"tenderscore check --help\" for usage.\n"}, noStout: true},
		{why: "score warns when the model breaks the law, and still scores", args: []string{"score", "testdata/local.yaml", "testdata/local-bids.yaml"}, status: exitOK,
			stderr: []string{"tenderscore: warning: the evaluation model has 1 error under the law", "  location-above-threshold: lot 1 (Grounds maintenance)"}, stdout: "the most advantageous tender is G-1"},
		{why: "so do summary and whatif", args: []string{"summary", "--bidder", "G-2", "testdata/local.yaml", "testdata/local-bids.yaml"}, status: exitOK,
			stderr: []string{"location-above-threshold"}, stdout: "G-2"},
		{why: "version is a command", args: []string{"version"}, status: exitOK, stdout: "tenderscore "},
		{why: "and a flag", args: []string{"--version"}, status: exitOK, stdout: "  go        go1."},
		{why: "version takes no arguments", args: []string{"version", "x"}, status: exitUsage, stderr: []string{`takes no arguments, found "x"`}, noStout: true},
		{why: "help for a command that does not exist", args: []string{"help", "grade"}, status: exitUsage, stderr: []string{`tenderscore help: no command "grade"`}, noStout: true},
		{why: "check --data names each problem of the data file at its place", args: []string{"check", "--data", "testdata/bad-data.json", tenderFile}, status: exitInput, stderr: []string{
			`testdata/bad-data.json:3:45: frameworks[0].dates.end: 2026-02-30: February 2026 has no day 30 (value "2026-02-30", rule date)`,
			`testdata/bad-data.json:5:78: policies[0].minSocialValuePercent: not a number: write it in full, without an exponent (1500, not 1.5e3) (value "1e1", rule number)`,
			"tenderscore check: 2 problems"}, noStout: true},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			out, errs, status := tenderscore(tc.stdin, tc.args...)
			assert.Equal(t, tc.status, status, "stderr: %s", errs)
			for _, s := range tc.stderr {
				assert.Contains(t, errs, s)
			}
			if tc.noStout {
				assert.Empty(t, out, "no partial output presented as a result")
			} else {
				assert.Contains(t, out, tc.stdout)
			}
		})
	}
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(b)
}

// TestProgress checks that a large input reports progress on stderr when
// it is a terminal, that --quiet silences it, and that nothing is written
// when stderr is a file or a pipe (issue 12: quiet otherwise).
func TestProgress(t *testing.T) {
	big := mustRead(t, bidsFile)
	// The same bids padded with a long comment make a file over 1 MB.
	padded := big + "#" + strings.Repeat(" padding", progressBytes/8) + "\n"
	onTerminal := func(args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		status := runOn(args, strings.NewReader(padded), &out, &errb, true)
		return out.String(), errb.String(), status
	}
	out, errs, status := onTerminal("validate", tenderFile, "-")
	require.Equal(t, exitOK, status, errs)
	assert.Contains(t, errs, "tenderscore: read 2 files")
	assert.Contains(t, out, "valid:")
	_, errs, _ = onTerminal("validate", "--quiet", tenderFile, "-")
	assert.Empty(t, errs)
	_, errs, _ = tenderscore(padded, "validate", tenderFile, "-")
	assert.Empty(t, errs, "not a terminal: no progress")
}

// TestBar checks the analyses' bar: drawn on a terminal, one step a lot,
// and cleared at the end; nothing off a terminal.
func TestBar(t *testing.T) {
	var errb bytes.Buffer
	b := (&env{stderr: &errb, terminal: true}).bar("analysing lots", 4)
	b.step()
	b.step()
	assert.Contains(t, errb.String(), "\rtenderscore: analysing lots [##########··········] 2 of 4")
	b.finish()
	assert.True(t, strings.HasSuffix(errb.String(), "\r"), "the line is cleared")
	errb.Reset()
	b = (&env{stderr: &errb}).bar("analysing lots", 4)
	b.step()
	b.finish()
	assert.Empty(t, errb.String())
}
