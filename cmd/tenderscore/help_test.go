package main

import (
	"flag"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHelpGolden compares the help of the command and of each subcommand
// with the reviewed copy in testdata/help/ (refresh with -update). Every
// way of asking gives the same text, once, on stdout, with nothing on
// stderr and status 0.
func TestHelpGolden(t *testing.T) {
	asks := map[string][][]string{"tenderscore": {{"--help"}, {"-h"}, {"help"}}}
	for _, c := range commands() {
		asks[c.name] = [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}, {c.name, "--quiet", "--help"}}
	}
	for name, ways := range asks {
		t.Run(name, func(t *testing.T) {
			golden := filepath.Join("testdata", "help", name+".golden")
			for i, args := range ways {
				out, errs, status := tenderscore("", args...)
				require.Equal(t, exitOK, status, "%v: %s", args, errs)
				assert.Empty(t, errs, "%v: help goes to stdout only", args)
				assert.Equal(t, 1, strings.Count(out, "Usage: tenderscore"), "%v: the help is printed once", args)
				if *update && i == 0 {
					require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
				}
				want, err := os.ReadFile(golden)
				require.NoError(t, err, "run with -update to create %s", golden)
				assert.Equal(t, string(want), out, "%v", args)
			}
		})
	}
}

// TestHelpMentionsEveryFlag checks that each command's help lists its own
// flags and --quiet, so that the golden files cannot hide a flag left out.
func TestHelpMentionsEveryFlag(t *testing.T) {
	for _, c := range commands() {
		fs, _, _ := newFlagSet(c)
		out, _, _ := tenderscore("", c.name, "--help")
		n := 0
		fs.VisitAll(func(f *flag.Flag) {
			n++
			assert.Contains(t, out, "  -"+f.Name, "%s --help lists -%s", c.name, f.Name)
		})
		assert.GreaterOrEqual(t, n, 1, "%s has at least --quiet", c.name)
	}
}

// TestVersionText checks what "tenderscore version" says for the builds
// people make: go install …@version, a build from a git clone (which
// records the commit), and a build that recorded nothing.
func TestVersionText(t *testing.T) {
	mod := debug.Module{Path: "github.com/tenderscore/tenderscore"}
	tests := []struct {
		why  string
		bi   *debug.BuildInfo
		want string
	}{
		{"installed at a released version: the module version, no commit recorded",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: mod.Path, Version: "v0.4.0"},
				Settings: []debug.BuildSetting{{Key: "GOOS", Value: "linux"}, {Key: "GOARCH", Value: "amd64"}}},
			"tenderscore v0.4.0\n  module    github.com/tenderscore/tenderscore\n  go        go1.26.8 linux/amd64\n"},
		{"built from a clone with uncommitted changes: the pseudo-version, the commit, its time, and that it was modified",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: mod.Path, Version: "v0.0.0-20261201214855-06cefed57686+dirty"},
				Settings: []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "06cefed57686b27b973a8305bf7cd10919661607"},
					{Key: "vcs.time", Value: "2026-12-01T21:48:55Z"}, {Key: "vcs.modified", Value: "true"}}},
			"tenderscore v0.0.0-20261201214855-06cefed57686+dirty\n  module    github.com/tenderscore/tenderscore\n" +
				"  revision  06cefed57686b27b973a8305bf7cd10919661607 (with uncommitted changes)\n  time      2026-12-01T21:48:55Z\n  go        go1.26.8\n"},
		{"built with -buildvcs=false: (devel), no commit",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: mod.Path, Version: "(devel)"}},
			"tenderscore (devel)\n  module    github.com/tenderscore/tenderscore\n  go        go1.26.8\n"},
		{"no version at all is (devel), never an empty word",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: mod},
			"tenderscore (devel)\n  module    github.com/tenderscore/tenderscore\n  go        go1.26.8\n"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			assert.Equal(t, tc.want, versionText(tc.bi))
		})
	}
	assert.True(t, strings.HasPrefix(versionText(nil), "tenderscore (version unknown"), "a binary without build information says so")
}

// TestVersionOfThisBinary checks the real build information: the test
// binary is built by the Go toolchain, which records its version.
func TestVersionOfThisBinary(t *testing.T) {
	bi, ok := debug.ReadBuildInfo()
	require.True(t, ok)
	out, errs, status := tenderscore("", "--version")
	require.Equal(t, exitOK, status, errs)
	assert.Contains(t, out, "  go        "+bi.GoVersion)
}
