package report

import (
	"html/template"
	"testing"
	"text/template/parse"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTemplatesPrintOnlyThroughC: every action in the page templates that
// prints ends in c (control and bidirectional characters neutralised),
// svg (the chart, escaped as svg.go draws it) or px (a whole number), so
// no value from the input reaches a page without safetext (issue 11.2).
// The templates are parsed afresh: html/template rewrites a tree with its
// escapers once it has run.
func TestTemplatesPrintOnlyThroughC(t *testing.T) {
	fresh, err := template.New("pages").Funcs(pageFuncs).ParseFS(templateFiles, "templates/*.tmpl")
	require.NoError(t, err)
	allowed := map[string]bool{"c": true, "svg": true, "px": true}
	actions := 0
	for _, tm := range fresh.Templates() {
		if tm.Tree == nil {
			continue
		}
		walkActions(tm.Tree.Root, func(a *parse.ActionNode) {
			if len(a.Pipe.Decl) > 0 {
				return // a declaration prints nothing
			}
			actions++
			last := a.Pipe.Cmds[len(a.Pipe.Cmds)-1]
			id, ok := last.Args[0].(*parse.IdentifierNode)
			assert.True(t, ok && allowed[id.Ident], "template %s: %s prints without c", tm.Name(), a)
		})
	}
	assert.Greater(t, actions, 50, "the walk reached the templates' actions")
}

func walkActions(n parse.Node, f func(*parse.ActionNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkActions(c, f)
		}
	case *parse.ActionNode:
		f(n)
	case *parse.IfNode:
		walkActions(n.List, f)
		walkActions(n.ElseList, f)
	case *parse.RangeNode:
		walkActions(n.List, f)
		walkActions(n.ElseList, f)
	case *parse.WithNode:
		walkActions(n.List, f)
		walkActions(n.ElseList, f)
	}
}
