package tenderscore_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readme returns the README's text.
func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("README.md")
	require.NoError(t, err)
	return string(b)
}

// TestReadmeGoRuns checks that every Go block in the README is the source of
// an Example test in the module, character for character (its package
// clause aside), so that the README's code compiles, runs and prints what
// it says with every `go test ./...`, and cannot rot: change the example
// and the README together.
func TestReadmeGoRuns(t *testing.T) {
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(readme(t), -1)
	require.NotEmpty(t, blocks, "the README has a Go quick start")
	examples := map[string]string{} // file → source after the package clause
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		src := string(b)
		if !strings.Contains(src, "\nfunc Example") || !strings.Contains(src, "// Output:") {
			return nil
		}
		_, body, ok := strings.Cut(src, "\n")
		if ok && strings.HasPrefix(src, "package ") {
			examples[path] = strings.TrimLeft(body, "\n")
		}
		return nil
	})
	require.NoError(t, err)
	for i, b := range blocks {
		found := ""
		for path, src := range examples {
			if src == b[1] {
				found = path
			}
		}
		assert.NotEmpty(t, found, "README Go block %d is not the source of any example file (after its package clause); the block begins:\n%s", i+1, firstLines(b[1], 5))
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// TestReadmeGoVersion checks that the README states the Go version go.mod
// requires.
func TestReadmeGoVersion(t *testing.T) {
	mod, err := os.ReadFile("go.mod")
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^go ([0-9.]+)$`).FindStringSubmatch(string(mod))
	require.Len(t, m, 2, "go.mod has a go line")
	assert.Contains(t, readme(t), "Go "+m[1]+" or later", "the README states go.mod's Go version")
}
