package tenderscore_test

import (
	"go/parser"
	"go/token"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "github.com/tenderscore/tenderscore"

// TestDocListsEveryPackage checks the root package documentation against
// `go list ./...`: every package of the module is described there, and
// nothing described there is missing.
func TestDocListsEveryPackage(t *testing.T) {
	out, err := exec.Command("go", "list", "./...").Output()
	require.NoError(t, err, "go list ./...")
	var want []string
	for _, p := range strings.Fields(string(out)) {
		if p != module {
			want = append(want, strings.TrimPrefix(p, module+"/"))
		}
	}
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	require.NoError(t, err)
	var got []string
	for _, m := range regexp.MustCompile(`(?m)^\s+- ([a-z0-9/]+):`).FindAllStringSubmatch(f.Doc.Text(), -1) {
		got = append(got, m[1])
	}
	slices.Sort(want)
	slices.Sort(got)
	assert.Equal(t, want, got, "doc.go describes every package of go list ./..., and only those")
}
