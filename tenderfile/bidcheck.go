package tenderfile

import (
	"errors"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tenderscore/tenderscore/score"
)

// elementCheck checks one decoded element of a list body, adding its
// problems to the list's decoder.
type elementCheck func(l *listBody, i int, e reflect.Value, n *yaml.Node)

// checkBid runs a bid's own checks ([score.Bid.Validate]) as the bid is
// read, each problem placed at its field in the file, or at the nearest
// value holding it when the field is missing (an empty bid's "{").
func checkBid(l *listBody, i int, e reflect.Value, n *yaml.Node) {
	b, ok := e.Interface().(score.Bid)
	if !ok {
		return
	}
	var verr *score.ValidationError
	if !errors.As(b.Validate(), &verr) {
		return
	}
	path := index(l.path, i)
	for _, p := range verr.Problems {
		l.d.add(fieldNode(n, p.Field), path+"."+p.Field, p.Value, p.Rule, "%s", p.Message)
	}
}

// fieldNode follows a dotted field path ("supplier.name") down from a
// mapping node as far as the file has it.
func fieldNode(n *yaml.Node, field string) *yaml.Node {
	at := deref(n)
	for _, k := range strings.Split(field, ".") {
		if at == nil || at.Kind != yaml.MappingNode {
			break
		}
		v, _ := lookup(at, k, 0)
		if v = deref(v); v == nil {
			break
		}
		at = v
	}
	if at == nil {
		return n
	}
	return at
}
