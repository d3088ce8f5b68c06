package score

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// num is one line's numbers, as the engine computes them from a bid's
// assessments: the same function gives the totals the bids are ranked on
// and, when a renderer asks, the lines it shows.
type num struct {
	set       bool // the line was reached
	scored    bool
	norm      Figure         // a leaf's normalised score as used
	unrounded exact.Fraction // points before any rounding at this line
	points    Figure         // points as shown
	rounding  *exact.Rounding
	// normRounded: the normalised score was rounded to a different value;
	// leafRounded and topRounded: the points were, at this line's own
	// stage; before is a top-level leaf's points before the top-level
	// rounding.
	normRounded, leafRounded, topRounded bool
	before                               Figure
}

// numbers computes every line of one bid into nums (one per node), children
// before their parents.
func (k *lotKernel) numbers(s *bidKernel, nums []num) { k.numbersUnder(s, nums, nil, nil) }

// numbersUnder computes the lines of one bid as numbers does, each leaf's
// marks available read from avail (by node index) when it is not nil — a
// shift of weight between criteria, on the same assessments. With base,
// the bid's lines as evaluated, only the lines under the top-level
// criteria tops are computed and the others read from it: a bid re-scored
// against moved field figures, or under a shift of weight between two
// top-level criteria, whose other lines stand.
func (k *lotKernel) numbersUnder(s *bidKernel, nums []num, avail []exact.Fraction, base []tabled, tops ...*node) {
	nodes := k.tree.nodes
	for i := len(nodes) - 1; i >= 0; i-- { // reverse pre-order: children first
		n := nodes[i]
		switch {
		case base != nil && !slices.Contains(tops, n.top):
			b := &base[i]
			nums[i] = num{set: b.set, scored: b.scored, points: b.points, unrounded: b.unrounded}
		case n.leaf():
			a := n.available
			if avail != nil {
				a = avail[i]
			}
			nums[i] = k.leafNum(n, k.cellOf(s, n), a)
		default:
			nums[i] = k.branchNum(n, s, nums)
		}
	}
}

// leafNum weights one leaf's normalised score into points (of avail, its
// marks available), rounding where the policy declares.
func (k *lotKernel) leafNum(n *node, c cell, avail exact.Fraction) num {
	var m num
	switch c.state {
	case cellNone:
		return m
	case cellUnscored, cellOverBudget:
		return num{set: true, norm: exactFigure(exact.Zero), points: exactFigure(exact.Zero), unrounded: exact.Zero}
	case cellPerPoint:
		m = num{set: true, scored: true, norm: exactFigure(exact.Zero), points: exactFigure(exact.Zero), unrounded: exact.Zero}
	case cellScored:
		m = num{set: true, scored: true, norm: exactFigure(c.a.Value)}
		if r := k.stage[0]; r != nil {
			m.norm = Figure{Value: c.a.Value.Rounded(*r), Places: r.Places}
			m.normRounded = !m.norm.Value.Equal(c.a.Value)
		}
		m.unrounded = m.norm.Value.Mul(avail)
		m.points = exactFigure(m.unrounded)
		if r := k.stage[1]; r != nil {
			m.points = Figure{Value: m.unrounded.Rounded(*r), Places: r.Places}
			m.rounding = r
			m.leafRounded = !m.points.Value.Equal(m.unrounded)
		}
	}
	// A top-level leaf is rounded at the top level too, if declared.
	if r := k.stage[2]; r != nil && n.depth == 0 && m.rounding == nil {
		m.before = m.points
		m.points = Figure{Value: m.before.Value.Rounded(*r), Places: r.Places}
		m.rounding = r
		m.topRounded = !m.points.Value.Equal(m.before.Value)
	}
	return m
}

// branchNum sums a branch's children as shown, rounding the top level if
// declared. A branch without price is summed once quality is scored; one
// with price once the bid is priced.
func (k *lotKernel) branchNum(n *node, s *bidKernel, nums []num) num {
	if s.reached < reachedQuality || (s.reached < reachedTotal && n.hasPrice()) {
		return num{}
	}
	m := num{set: true, scored: true}
	sum := exact.Zero
	places := int32(0)
	for _, c := range n.children {
		cn := nums[c.index]
		if !cn.scored {
			m.scored = false
		}
		sum = sum.Add(cn.points.Value)
		places = sumPlace(places, cn.points)
	}
	m.unrounded = sum
	m.points = Figure{Value: sum, Places: places}
	m.norm = exactFigure(exact.Zero)
	if r := k.stage[2]; r != nil && n.depth == 0 {
		m.before = m.points
		m.points = Figure{Value: sum.Rounded(*r), Places: r.Places}
		m.rounding = r
		m.topRounded = !m.points.Value.Equal(sum)
	}
	return m
}

// sumPlace folds one more term into the places a sum is shown to: the most
// of its terms', or -1 once any term is shown exactly.
func sumPlace(acc int32, f Figure) int32 {
	if acc < 0 || f.Places < 0 {
		return -1
	}
	return max(acc, f.Places)
}

// points returns one criterion's points for a bid, as its line shows them,
// without wording anything; false when the policy has no such criterion or
// the bid was not scored on it.
func (k *lotKernel) points(s *bidKernel, criterionID string) (Figure, bool) {
	n, ok := k.tree.byID[criterionID]
	if !ok {
		return Figure{}, false
	}
	nums := make([]num, len(k.tree.nodes))
	k.numbers(s, nums)
	if m := nums[n.index]; m.set && m.scored {
		return m.points, true
	}
	return Figure{}, false
}

// lines words one bid's explanation tree from its numbers and records.
func (k *lotKernel) lines(s *bidKernel) []Line {
	nums := make([]num, len(k.tree.nodes))
	k.numbers(s, nums)
	return k.assemble(s, nums, k.tree.roots)
}

func (k *lotKernel) assemble(s *bidKernel, nums []num, ns []*node) []Line {
	out := make([]Line, 0, len(ns))
	for _, n := range ns {
		ln := k.line(s, nums, n)
		ln.Children = k.assemble(s, nums, n.children)
		out = append(out, ln)
	}
	return out
}

// blank is a line with nothing scored: the criterion and its marks.
func blank(n *node) Line {
	return Line{CriterionID: n.c.ID, Title: n.c.Title, Category: n.category, Weight: n.c.Weight,
		Available: n.available, Points: exactFigure(exact.Zero), Normalised: exactFigure(exact.Zero)}
}

// line words one node of one bid.
func (k *lotKernel) line(s *bidKernel, nums []num, n *node) Line {
	m := nums[n.index]
	ln := blank(n)
	if !m.set {
		switch {
		case s.out() && s.dq.Disregarded:
			ln.Notes = []Step{note("not assessed: the tender was disregarded")}
		case s.out():
			ln.Notes = []Step{note(fmt.Sprintf("not assessed: the bid was disqualified at the %s stage", s.dq.Stage))}
		}
		return ln
	}
	ln.Scored, ln.Normalised, ln.Unrounded, ln.Points, ln.Rounding = m.scored, m.norm, m.unrounded, m.points, m.rounding
	if n.leaf() {
		k.leafWords(s, n, m, &ln)
	} else {
		ln.Working = []Step{{Text: k.branchText(nums, n, m)}}
	}
	for _, x := range s.prep.extra {
		if x.node == n.index {
			ln.Notes = append(ln.Notes, note(x.text))
		}
	}
	for _, x := range s.extra {
		if x.node == n.index {
			ln.Notes = append(ln.Notes, note(x.text))
		}
	}
	return ln
}

// leafWords words a leaf: the response, the criterion's own working, the
// weighting into points and any rounding.
func (k *lotKernel) leafWords(s *bidKernel, n *node, m num, ln *Line) {
	c := k.cellOf(s, n)
	switch c.state {
	case cellUnscored:
		return
	case cellOverBudget, cellPerPoint:
		q := s.prep.quotes[c.quote]
		ln.Input = q.Input()
		ln.Working = convertSteps(q.Working(), nil)
		switch {
		case c.state == cellOverBudget:
			ln.Notes = []Step{note("above the maximum budget: disqualified, so price is not scored")}
		case k.pol.basis() == AdjustedPrice:
			ln.Notes = []Step{note("price adjusted by features: the price is divided by the coefficient of the values chosen, not scored on its own")}
		default:
			ln.Notes = []Step{note("price per quality point: the price is divided by the quality points, not scored on its own")}
		}
	case cellScored:
		a := c.a
		if c.marked {
			qa, _ := k.markers[n.index].Assess(s.bid.Responses[n.c.ID].Marks) // as scored when read (prep.go)
			a = qa.Assessment
		}
		ln.Input = a.Input()
		ln.Notes = convertSteps(a.Notes(), k.fields[n.index])
		ln.Rationale = a.Rationale()
		ln.Working = convertSteps(a.Working(), k.fields[n.index])
		if m.normRounded {
			ln.Working = append(ln.Working, Step{Text: fmt.Sprintf("normalised score %s rounded %s to %s", a.Value, *k.stage[0], m.norm)})
		}
		text := fmt.Sprintf("%s × %s marks available = %s", m.norm, n.available, m.unrounded)
		if r := k.stage[1]; r != nil {
			if m.leafRounded {
				text += fmt.Sprintf(", rounded %s to %s", *r, m.points)
			} else {
				text = fmt.Sprintf("%s × %s marks available = %s", m.norm, n.available, m.points)
			}
		}
		ln.Working = append(ln.Working, Step{Text: text})
	}
	if m.topRounded {
		ln.Working = append(ln.Working, Step{Text: fmt.Sprintf("%s rounded %s to %s", m.before, *k.stage[2], m.points)})
	}
}

// branchText writes a branch's sum, and its rounding at the top level.
func (k *lotKernel) branchText(nums []num, n *node, m num) string {
	terms := make([]string, 0, len(n.children))
	for _, c := range n.children {
		terms = append(terms, nums[c.index].points.String())
	}
	if m.topRounded {
		return fmt.Sprintf("%s, rounded %s to %s", sumText("sub-criteria", terms, m.unrounded.String()), *k.stage[2], m.points)
	}
	if m.rounding != nil {
		return sumText("sub-criteria", terms, m.before.String())
	}
	return sumText("sub-criteria", terms, m.points.String())
}

// totalWorking words a bid's total: the sum of the top level (or of the
// quality points), the price per quality point, and any rounding.
func (k *lotKernel) totalWorking(s *bidKernel, t TotalLine) []Step {
	if k.pol.basis() == AdjustedPrice {
		return k.adjustedWorking(s, t) // adjusted.go
	}
	nums := make([]num, len(k.tree.nodes))
	k.numbers(s, nums)
	ppqp := k.pol.basis() == PricePerQualityPoint
	var terms []string
	var price *node
	sum := exact.Zero
	places := int32(0)
	for _, n := range k.tree.roots {
		if ppqp && n.c.Price != nil {
			price = n
			continue
		}
		p := nums[n.index].points
		sum = sum.Add(p.Value)
		places = sumPlace(places, p)
		terms = append(terms, fmt.Sprintf("%s %s", n.c.Title, p))
	}
	label := "total"
	if price != nil {
		label = "quality points"
	}
	before := Figure{Value: sum, Places: places}
	w := []Step{{Text: sumText(label, terms, before.String())}}
	if price != nil {
		q := s.prep.quotes[price.price]
		w = append(w, Step{Text: criteria.PricePerQualityPointStep(q.Price, sum, t.Unrounded).Text})
		before = exactFigure(t.Unrounded)
	}
	if t.Rounding != nil && !t.Points.Value.Equal(before.Value) {
		w = append(w, Step{Text: fmt.Sprintf("%s rounded %s to %s", before, *t.Rounding, t.Points)})
	}
	return w
}

func convertSteps(steps []criteria.Step, ids []string) []Step {
	out := make([]Step, 0, len(steps))
	for _, st := range steps {
		s := Step{Text: st.Text, Field: st.Field}
		for _, u := range st.Uses {
			if u >= 0 && u < len(ids) {
				s.Uses = append(s.Uses, ids[u])
			}
		}
		slices.Sort(s.Uses)
		s.Uses = slices.Compact(s.Uses)
		out = append(out, s)
	}
	return out
}

// sumText writes a sum: "total: Price 35.10 + Quality 46.25 = 81.35", or for
// a single term "total: Price 83.33" (nothing is added to it).
func sumText(label string, terms []string, result string) string {
	if len(terms) == 1 {
		return fmt.Sprintf("%s: %s (the only one)", label, terms[0])
	}
	return fmt.Sprintf("%s: %s = %s", label, strings.Join(terms, " + "), result)
}
