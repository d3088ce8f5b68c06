package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// question is one marked question of one bid, with what each number of
// steps up its scale could bring.
type question struct {
	c      score.Criterion
	levels []decimal.Decimal // the scale's marks, ascending
	cur    []int             // level index of the consensus mark, or of each evaluator's mark
	opts   []option          // by number of steps, 0 first
}

// option is the best a question can do with a given number of steps.
type option struct {
	alloc  []int          // steps per entry of cur
	points exact.Fraction // the question's points as shown
}

func ascending(s criteria.Scale) []decimal.Decimal {
	ms := make([]decimal.Decimal, len(s.Levels))
	for i, l := range s.Levels {
		ms[i] = l.Mark
	}
	slices.SortFunc(ms, func(a, b decimal.Decimal) int { return a.Cmp(b) })
	return ms
}

func levelIndex(levels []decimal.Decimal, m decimal.Decimal) int {
	for i, l := range levels {
		if l.Equal(m) {
			return i
		}
	}
	return -1
}

// points computes a question's points as the engine shows them for a mark.
func (f *field) points(mark exact.Fraction, max decimal.Decimal, avail exact.Fraction) exact.Fraction {
	norm, err := mark.Quo(exact.Whole(max))
	if err != nil {
		return exact.Zero
	}
	for _, r := range f.base.Rounding {
		if r.Stage == score.Normalised {
			norm = exact.Whole(r.Rounding().Apply(norm))
		}
	}
	p := norm.Mul(avail)
	for _, r := range f.base.Rounding {
		if r.Stage == score.LeafPoints {
			p = exact.Whole(r.Rounding().Apply(p))
		}
	}
	return p
}

// questions lists the bid's marked questions and, for each number of steps,
// the allocation that raises its mark most.
func (f *field) questions(b score.Bid, br score.BidResult) []question {
	var qs []question
	for _, lf := range leaves(f.lot().Policy.Criteria) {
		c := lf.c
		if c.Quality == nil {
			continue
		}
		ln, ok := score.FindLine(br.Criteria(), c.ID)
		if !ok || !ln.Scored {
			continue
		}
		q := question{c: c, levels: ascending(c.Quality.Scale)}
		max := c.Quality.Scale.Max()
		m := b.Responses[c.ID].Marks
		if c.Quality.Moderation == criteria.ConsensusMark {
			if m.Consensus == nil {
				continue
			}
			i := levelIndex(q.levels, m.Consensus.Mark)
			if i < 0 {
				continue
			}
			q.cur = []int{i}
			for k := 0; i+k < len(q.levels); k++ {
				q.opts = append(q.opts, option{alloc: []int{k}, points: f.points(exact.Whole(q.levels[i+k]), max, ln.Available)})
			}
		} else {
			sum := decimal.Zero
			ok := len(m.Evaluators) > 0
			for _, e := range m.Evaluators {
				i := levelIndex(q.levels, e.Mark)
				if i < 0 {
					ok = false
					break
				}
				q.cur = append(q.cur, i)
				sum = sum.Add(e.Mark)
			}
			if !ok {
				continue
			}
			n := decimal.NewFromInt(int64(len(m.Evaluators)))
			for _, a := range bestRaise(q.levels, q.cur) {
				mark, _ := exact.NewFraction(sum.Add(a.gain), n)
				q.opts = append(q.opts, option{alloc: a.alloc, points: f.points(mark, max, ln.Available)})
			}
		}
		qs = append(qs, q)
	}
	return qs
}

type raise struct {
	gain  decimal.Decimal
	alloc []int
}

// bestRaise returns, for each number of steps, how to spread them over the
// evaluators' marks to raise their sum most (a small knapsack).
func bestRaise(levels []decimal.Decimal, cur []int) []raise {
	best := []raise{{gain: decimal.Zero, alloc: make([]int, len(cur))}}
	for e, i := range cur {
		var next []raise
		for s, r := range best {
			for k := 0; i+k < len(levels); k++ {
				g := r.gain.Add(levels[i+k].Sub(levels[i]))
				at := s + k
				for len(next) <= at {
					next = append(next, raise{gain: decimal.NewFromInt(-1)})
				}
				if g.Cmp(next[at].gain) > 0 {
					a := slices.Clone(r.alloc)
					a[e] = k
					next[at] = raise{gain: g, alloc: a}
				}
			}
		}
		best = next
	}
	return best
}

// plan is an allocation of steps over the questions.
type plan struct {
	steps int
	gain  exact.Fraction
	pick  []int // option index per question
}

// bestPlans returns, for each number of steps s, the allocation of at most
// s steps that adds the most points.
func bestPlans(qs []question) []plan {
	exactly := []*plan{{gain: exact.Zero, pick: make([]int, len(qs))}}
	for qi, q := range qs {
		var next []*plan
		for s, p := range exactly {
			if p == nil {
				continue
			}
			for k, o := range q.opts {
				g := p.gain.Add(o.points.Sub(q.opts[0].points))
				at := s + k
				for len(next) <= at {
					next = append(next, nil)
				}
				if next[at] == nil || g.Cmp(next[at].gain) > 0 {
					pick := slices.Clone(p.pick)
					pick[qi] = k
					next[at] = &plan{steps: at, gain: g, pick: pick}
				}
			}
		}
		exactly = next
	}
	out := make([]plan, len(exactly))
	for s, p := range exactly {
		switch {
		case p == nil || (s > 0 && out[s-1].gain.Cmp(p.gain) >= 0):
			out[s] = out[s-1]
		default:
			out[s] = *p
		}
	}
	return out
}

// apply returns the bid with the plan's marks, and the changes made.
func apply(b score.Bid, qs []question, p plan) (score.Bid, []MarkChange) {
	var changes []MarkChange
	for qi, q := range qs {
		k := p.pick[qi]
		if k == 0 {
			continue
		}
		o := q.opts[k]
		r := b.Responses[q.c.ID]
		m := r.Marks
		if q.c.Quality.Moderation == criteria.ConsensusMark {
			c := *m.Consensus
			to := q.levels[q.cur[0]+o.alloc[0]]
			changes = append(changes, MarkChange{Criterion: q.c.ID, Title: q.c.Title, From: c.Mark, To: to})
			c.Mark = to
			m.Consensus = &c
		} else {
			es := slices.Clone(m.Evaluators)
			for e := range es {
				if o.alloc[e] == 0 {
					continue
				}
				to := q.levels[q.cur[e]+o.alloc[e]]
				changes = append(changes, MarkChange{Criterion: q.c.ID, Title: q.c.Title, Evaluator: es[e].Evaluator, From: es[e].Mark, To: to})
				es[e].Mark = to
			}
			m.Evaluators = es
		}
		r.Marks = m
		b = withResponse(b, q.c.ID, r)
	}
	return b, changes
}

func (f *field) marksToWin(id string) (MarksToWin, error) {
	b, _ := f.bid(id)
	br, _ := f.result(id)
	qs := f.questions(b, br)
	if len(qs) == 0 {
		return MarksToWin{Answer: NotComputed, Explanation: "not computed: the policy has no marked questions"}, nil
	}
	plans := bestPlans(qs)
	rival := f.rival(id)
	try := func(p plan) (Check, []MarkChange, error) {
		nb, changes := apply(b, qs, p)
		res, err := f.evalOn(f.p.WithBid(nb))
		if err != nil {
			return Check{}, nil, err
		}
		what := fmt.Sprintf("%s with %d more %s", id, p.steps, stepWord(p.steps))
		if p.steps == 0 {
			what = id + " as marked"
		}
		return winCheck(what, id, res, rival), changes, nil
	}

	// Below the deficit nothing can win when the total is the plain sum of
	// the questions' points as shown; other roundings get a margin.
	deficit := exact.Zero
	skip := f.lot().Policy.Basis != score.PricePerQualityPoint
	if rt, ok := totalOf(f.base, rival); ok && skip {
		deficit = rt.Value.Sub(br.Total.Points.Value)
		for _, r := range f.base.Rounding {
			if r.Stage == score.TopLevel || r.Stage == score.Total {
				deficit = deficit.Sub(exact.Whole(decimal.NewFromInt(int64(len(f.lot().Policy.Criteria) + 1))))
			}
		}
	}
	tried := -1
	for s := 1; s < len(plans); s++ {
		p := plans[s]
		if p.steps == tried || p.steps == 0 {
			continue
		}
		if skip && p.gain.Cmp(deficit) < 0 {
			continue
		}
		tried = p.steps
		yes, changes, err := try(p)
		if err != nil {
			return MarksToWin{}, err
		}
		if !yes.Holds {
			continue
		}
		no, _, err := try(plans[p.steps-1])
		if err != nil {
			return MarksToWin{}, err
		}
		out := MarksToWin{Answer: Found, Steps: p.steps, Changes: changes, Gain: p.gain, Checks: []Check{yes, no}}
		var parts []string
		for _, c := range changes {
			parts = append(parts, c.String())
		}
		out.Explanation = fmt.Sprintf("%s would win with %d more %s on the marking scales, adding %s points: %s. Re-scored: %s; the best with one step fewer: %s",
			id, p.steps, stepWord(p.steps), p.gain, strings.Join(parts, "; "), yes, no)
		return out, nil
	}
	top := plans[len(plans)-1]
	c, _, err := try(top)
	if err != nil {
		return MarksToWin{}, err
	}
	return MarksToWin{Answer: CannotWin, Checks: []Check{c},
		Explanation: fmt.Sprintf("%s cannot win on quality marks alone: even with the top mark on every marked question it would not be the most advantageous tender (%s)", id, c)}, nil
}

func stepWord(n int) string {
	if n == 1 {
		return "step"
	}
	return "steps"
}
