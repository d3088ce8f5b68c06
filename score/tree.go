package score

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// node is a criterion placed in its tree, with the marks it carries.
type node struct {
	c         *Criterion
	index     int    // pre-order position
	path      string // "criteria[1].children[0]", relative to the policy
	depth     int    // 0 for top level
	parent    *node
	children  []*node
	category  Category
	available exact.Fraction // the most points the criterion can give
	top       *node          // the top-level ancestor (itself at depth 0)
	price     int            // position among the price leaves, for a price leaf
	field     int            // position among the leaves assessed over the field (price, social value); -1 for others
	own       int            // position among the other leaves, which a bid's prepared cells hold; -1 for the rest
}

func (n *node) leaf() bool { return len(n.c.Children) == 0 }

// tree is a policy's criteria, flattened in pre-order.
type tree struct {
	nodes  []*node
	roots  []*node
	leaves []*node
	byID   map[string]*node
}

// buildTree places every criterion. Weights are read as the weighting
// says; under price per quality point the price criterion carries no
// weight and the rest share the quality points (100, or under points
// weighting the points published). Weights that do not add up
// are reported by validation, not here: buildTree is only called on a valid
// policy, and falls back to zero points rather than panic — or, for a
// weight beyond the size limits, rather than compute with it.
func buildTree(p *Policy) *tree {
	t := &tree{byID: map[string]*node{}}
	var walk func(cs []Criterion, parent *node, prefix string)
	walk = func(cs []Criterion, parent *node, prefix string) {
		for i := range cs {
			c := &cs[i]
			n := &node{c: c, index: len(t.nodes), path: fmt.Sprintf("%s[%d]", prefix, i), parent: parent}
			if parent != nil {
				n.depth = parent.depth + 1
				n.top = parent.top
			} else {
				n.top = n
			}
			n.category = categoryOf(c, parent)
			t.nodes = append(t.nodes, n)
			t.byID[c.ID] = n
			if parent == nil {
				t.roots = append(t.roots, n)
			} else {
				parent.children = append(parent.children, n)
			}
			walk(c.Children, n, n.path+".children")
			if n.leaf() {
				t.leaves = append(t.leaves, n)
			}
		}
	}
	walk(p.Criteria, nil, "criteria")
	if !saneWeights(p.Criteria) { // validate.go
		return t
	}
	// Pre-order puts every parent before its children, so marks flow down.
	assignAvailable(p, t.roots, nil)
	for _, n := range t.nodes {
		if len(n.children) > 0 {
			assignAvailable(p, n.children, n)
		}
	}
	return t
}

func categoryOf(c *Criterion, parent *node) Category {
	switch {
	case c.Category != "":
		return c.Category
	case c.Price != nil:
		return Price
	case c.SocialValue != nil || c.LivingWage != nil:
		return SocialValue
	case parent != nil:
		return parent.category
	default:
		return Quality
	}
}

// assignAvailable gives each sibling its marks available: a share of the
// parent's marks (100 at the top) as the weighting says. Under points
// weighting the top level is the model as published: each criterion's
// points are its weight, so a model of 150 points is out of 150; below the
// top, sub-criteria share their parent's points in proportion to their
// weights (points that add up to the parent's, or percentages of it).
func assignAvailable(p *Policy, group []*node, parent *node) {
	whole := exact.Whole(decimal.NewFromInt(100))
	if parent != nil {
		whole = parent.available
	}
	unweighted := p.unweightedPrice()
	sum := decimal.Zero
	for _, n := range group {
		if unweighted && n.category == Price {
			continue
		}
		sum = sum.Add(n.c.Weight)
	}
	for _, n := range group {
		if unweighted && n.category == Price {
			n.available = exact.Zero
			continue
		}
		switch p.weighting() {
		case PercentOfTotal:
			n.available = exact.Whole(n.c.Weight)
		case Points:
			if parent == nil {
				n.available = exact.Whole(n.c.Weight)
				continue
			}
			share, err := exact.Ratio(n.c.Weight, sum)
			if err != nil {
				share = exact.Zero
			}
			n.available = whole.Mul(share)
		default: // PercentEachLevel
			n.available = whole.Mul(exact.Whole(n.c.Weight.Shift(-2)))
		}
	}
}

// outOf is the most points a bid can have: the sum of the top level's
// marks available (the quality points under price per quality point).
func (t *tree) outOf() exact.Fraction {
	sum := exact.Zero
	for _, n := range t.roots {
		sum = sum.Add(n.available)
	}
	return sum
}

// priceLeaves returns the leaves scored by price.
func (t *tree) priceLeaves() []*node {
	var out []*node
	for _, n := range t.leaves {
		if n.c.Price != nil {
			out = append(out, n)
		}
	}
	return out
}

// hasPrice reports whether n or any descendant is a price criterion.
func (n *node) hasPrice() bool {
	if n.c.Price != nil || n.category == Price {
		return true
	}
	for _, c := range n.children {
		if c.hasPrice() {
			return true
		}
	}
	return false
}
