package frameworks_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/frameworks"
)

// TestRuleTable keeps the package documentation's rule table, Rules() and
// the codes the rule files emit in step.
func TestRuleTable(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	var known []string
	for _, r := range frameworks.Rules() {
		known = append(known, r.Code)
		assert.Contains(t, string(doc), "| "+r.Code+" | "+r.Checks+" | "+r.Source+" | "+r.Severity+" |", "doc.go table row for %s", r.Code)
	}
	files, err := filepath.Glob("rule_*.go")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	emit := regexp.MustCompile(`(?:Note|Warning|Error|sev), "([a-z-]+)"`)
	var emitted []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range emit.FindAllStringSubmatch(string(src), -1) {
			emitted = append(emitted, m[1])
			assert.Contains(t, known, m[1], "%s emits a code missing from Rules()", f)
			assert.Contains(t, string(src), m[1], "%s documents its code", f)
		}
	}
	for _, k := range known {
		assert.True(t, slices.Contains(emitted, k), "Rules() lists %s but no rule file emits it", k)
	}
}
