package tenderscore_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCitationsResolve checks that no file of the module points outside
// it for its facts — no shared/reference or ../shared path — and that every
// docs/sources file a comment, a string or a document cites exists.
func TestCitationsResolve(t *testing.T) {
	out, err := exec.Command("git", "ls-files", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Skip("not a git checkout: the files cannot be listed")
	}
	cite := regexp.MustCompile(`docs/sources/([A-Za-z0-9-]+\.md)`)
	outside := regexp.MustCompile(`shared/reference|\.\./shared/|reference/(price-formulas|quality-and-moderation|procurement-act|social-value|living-wage|frameworks|ocds)\.md`)
	checked := 0
	for _, name := range strings.Fields(string(out)) {
		if !strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, ".md") && !strings.HasSuffix(name, ".json") &&
			!strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".golden") {
			continue
		}
		if name == "citations_test.go" {
			continue // this test names the patterns it refuses
		}
		b, err := os.ReadFile(name)
		if os.IsNotExist(err) {
			continue // deleted in the work tree
		}
		require.NoError(t, err)
		text := string(b)
		for _, m := range outside.FindAllString(text, -1) {
			t.Errorf("%s cites %q, outside the module: cite docs/sources/ or the primary source", name, m)
		}
		for _, m := range cite.FindAllStringSubmatch(text, -1) {
			checked++
			if _, err := os.Stat(filepath.Join("docs", "sources", m[1])); err != nil {
				t.Errorf("%s cites docs/sources/%s, which does not exist", name, m[1])
			}
		}
	}
	assert.Greater(t, checked, 50, "the code cites its sources")
}
