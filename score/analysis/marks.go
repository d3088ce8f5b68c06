package analysis

import (
	"encoding/binary"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// question is one marked question of one bid, with what each number of
// steps up its scale could bring.
type question struct {
	c      *score.Criterion  // the field's own leaf: read, never changed
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

// scale is a marked question's scale: its marks ascending, and the top;
// under consensus moderation, each level's index alone (cur) and the
// options from each level up (opts), once worked out.
type scale struct {
	levels []decimal.Decimal
	max    decimal.Decimal
	cur    [][]int
	opts   [][]option
}

// consensusOptions returns a consensus mark at level i as a question reads
// it — the level, and the options from it up — the same for every bid
// marked there, so worked out once and shared (never changed).
func (f *field) consensusOptions(c *score.Criterion, sc scale, i int, avail exact.Fraction) ([]int, []option) {
	if sc.opts == nil {
		pts := f.levelPoints(c, sc.levels, sc.max, avail)
		sc.cur, sc.opts = make([][]int, len(sc.levels)), make([][]option, len(sc.levels))
		for j := range sc.levels {
			sc.cur[j] = []int{j}
			for k := 0; j+k < len(sc.levels); k++ {
				sc.opts[j] = append(sc.opts[j], option{alloc: []int{k}, points: pts[j+k]})
			}
		}
		f.scales[c.ID] = sc
	}
	return sc.cur[i], sc.opts[i]
}

// scale returns a marked question's scale, read once for every bid marked
// on it.
func (f *field) scale(c *score.Criterion) scale {
	if sc, ok := f.scales[c.ID]; ok {
		return sc
	}
	sc := scale{levels: ascending(c.Quality.Scale), max: c.Quality.Scale.Max()}
	if f.scales == nil {
		f.scales = map[string]scale{}
	}
	f.scales[c.ID] = sc
	return sc
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

// levelPoints returns a question's points as shown at each level of its
// scale, ascending, worked out once for every bid marked on it.
func (f *field) levelPoints(c *score.Criterion, levels []decimal.Decimal, max decimal.Decimal, avail exact.Fraction) []exact.Fraction {
	if pts, ok := f.levels[c.ID]; ok {
		return pts
	}
	pts := make([]exact.Fraction, len(levels))
	for i, l := range levels {
		pts[i] = f.points(exact.Whole(l), max, avail)
	}
	if f.levels == nil {
		f.levels = map[string][]exact.Fraction{}
	}
	f.levels[c.ID] = pts
	return pts
}

// questions lists the bid's marked questions and, for each number of steps,
// the allocation that raises its mark most, in the field's storage for the
// next bid's list: done with it before asking for another bid's.
func (f *field) questions(b score.Bid, br score.BidResult) []question {
	lfs := f.leaves()
	qs := f.qs[:0]
	defer func() { f.qs = qs[:0] }()
	for i := range lfs {
		c := &lfs[i].c
		if c.Quality == nil {
			continue
		}
		if _, ok := f.tr.Points(br.BidID, c.ID); !ok { // numbers only: nothing is worded
			continue
		}
		avail, ok := f.available(c.ID)
		if !ok {
			continue
		}
		sc := f.scale(c)
		q := question{c: c, levels: sc.levels}
		max := sc.max
		m := b.Responses[c.ID].Marks
		if c.Quality.Moderation == criteria.ConsensusMark {
			if m.Consensus == nil {
				continue
			}
			i := levelIndex(q.levels, m.Consensus.Mark)
			if i < 0 {
				continue
			}
			q.cur, q.opts = f.consensusOptions(c, sc, i, avail)
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
				q.opts = append(q.opts, option{alloc: a.alloc, points: f.points(mark, max, avail)})
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

// plan is an allocation of steps over the questions: steps in all, the
// points they add, and where to read each question's share (see pick).
type plan struct {
	steps int
	gain  exact.Fraction
	dp    *allocation
}

// allocation is the dynamic programme's table: from[q][s] is the steps
// spent on the questions before q in the best allocation of exactly s steps
// over questions 0..q, -1 when no allocation spends exactly s.
type allocation struct {
	from [][]int
}

// pick returns the option chosen for each question: the steps it takes.
func (p plan) pick() []int {
	pick := make([]int, len(p.dp.from))
	s := p.steps
	for q := len(p.dp.from) - 1; q >= 0; q-- {
		before := p.dp.from[q][s]
		pick[q] = s - before
		s = before
	}
	return pick
}

// bestPlans returns, for each number of steps s, the allocation of at most
// s steps that adds the most points. Each question is added in turn: the
// best gain with exactly s steps over the questions so far is the best,
// over the steps k given to this question, of the best with s − k steps
// before it plus what k steps bring; a tie keeps the allocation met first
// (fewest steps before).
func bestPlans(qs []question) []plan {
	dp := &allocation{from: make([][]int, len(qs))}
	gains := []exact.Fraction{exact.Zero}
	reach := []bool{true}
	for qi, q := range qs {
		n := len(gains) + len(q.opts) - 1
		next, ok, from := make([]exact.Fraction, n), make([]bool, n), make([]int, n)
		for i := range from {
			from[i] = -1
		}
		for s, g0 := range gains {
			if !reach[s] {
				continue
			}
			for k, o := range q.opts {
				g := g0.Add(o.points.Sub(q.opts[0].points))
				at := s + k
				if !ok[at] || g.Cmp(next[at]) > 0 {
					next[at], ok[at], from[at] = g, true, s
				}
			}
		}
		dp.from[qi] = from
		gains, reach = next, ok
	}
	out := make([]plan, len(gains))
	for s := range gains {
		switch {
		case !reach[s] || (s > 0 && out[s-1].gain.Cmp(gains[s]) >= 0):
			out[s] = out[s-1]
		default:
			out[s] = plan{steps: s, gain: gains[s], dp: dp}
		}
	}
	return out
}

// plansFor returns the best plans for a bid's questions, worked out once
// for every bid whose questions stand at the same levels: the plans read
// only the questions' options, which the criteria and the levels marked
// decide.
func (f *field) plansFor(qs []question) []plan {
	key := make([]byte, 0, 64)
	for _, q := range qs { // each part after its length: no two lists of questions spell one key
		key = binary.AppendUvarint(key, uint64(len(q.c.ID)))
		key = append(key, q.c.ID...)
		key = binary.AppendUvarint(key, uint64(len(q.cur)))
		for _, c := range q.cur {
			key = binary.AppendUvarint(key, uint64(c))
		}
	}
	if ps, ok := f.plans[string(key)]; ok {
		return ps
	}
	ps := bestPlans(qs)
	if f.plans == nil {
		f.plans = map[string][]plan{}
	}
	f.plans[string(key)] = ps
	return ps
}

// apply returns the plan's marks by criterion, in marks (emptied first:
// a trial reads them and keeps none, so one map serves every trial of a
// goroutine), and, when record is set, the changes made.
func apply(marks map[string]criteria.Marks, b score.Bid, qs []question, p plan, record bool) []MarkChange {
	var changes []MarkChange
	if record {
		changes = make([]MarkChange, 0, len(qs))
	}
	clear(marks)
	pick := p.pick()
	for qi, q := range qs {
		k := pick[qi]
		if k == 0 {
			continue
		}
		o := q.opts[k]
		m := b.Responses[q.c.ID].Marks
		if q.c.Quality.Moderation == criteria.ConsensusMark {
			c := *m.Consensus
			to := q.levels[q.cur[0]+o.alloc[0]]
			if record {
				changes = append(changes, MarkChange{Criterion: q.c.ID, Title: q.c.Title, From: c.Mark, To: to})
			}
			c.Mark = to
			m.Consensus = &c
		} else {
			es := slices.Clone(m.Evaluators)
			for e := range es {
				if o.alloc[e] == 0 {
					continue
				}
				to := q.levels[q.cur[e]+o.alloc[e]]
				if record {
					changes = append(changes, MarkChange{Criterion: q.c.ID, Title: q.c.Title, Evaluator: es[e].Evaluator, From: es[e].Mark, To: to})
				}
				es[e].Mark = to
			}
			m.Evaluators = es
		}
		marks[q.c.ID] = m
	}
	return changes
}

// withMarks re-scores the lot with one bid's marks replaced: a trial, or
// for the reference an evaluation of the changed copy.
func (f *field) withMarks(b score.Bid, marks map[string]criteria.Marks, rival string) (outcome, error) {
	if !f.reference {
		if len(marks) == 0 { // nothing changed: the lot as evaluated, which a trial finds again
			return f.asEvaluated(), nil
		}
		t, err := f.tr.WithMarks(b.ID, marks)
		return f.trialOutcome(t, b.ID, rival), err
	}
	for id, m := range marks {
		r := b.Responses[id]
		r.Marks = m
		b = withResponse(b, id, r)
	}
	res, err := f.evalOn(f.p.WithBid(b))
	return lotOutcome(res), err
}

func (f *field) marksToWin(id string) (MarksToWin, error) {
	b, _ := f.bid(id)
	br, _ := f.result(id)
	qs := f.questions(b, br)
	if len(qs) == 0 {
		return MarksToWin{Answer: NotComputed, note: "not computed: the policy has no marked questions"}, nil
	}
	plans := f.plansFor(qs)
	rival := f.rival(id)
	try := func(p plan, record bool) (Check, []MarkChange, error) { // record: the changes are wanted
		if f.marks == nil {
			f.marks = map[string]criteria.Marks{}
		}
		marks := f.marks
		changes := apply(marks, b, qs, p, record)
		res, err := f.withMarks(b, marks, rival)
		if err != nil {
			return Check{}, nil, err
		}
		return winCheck(change{kind: marksChange, id: id, n: int64(p.steps)}, res, rival), changes, nil
	}

	// Below the deficit nothing can win when the total is the plain sum of
	// the questions' points as shown; other roundings get a margin.
	deficit := exact.Zero
	skip := f.lot().Policy.Basis != score.PricePerQualityPoint
	if rr, ok := f.result(rival); ok && rr.Total.Scored && skip {
		rt := rr.Total.Points
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
		yes, changes, err := try(p, true)
		if err != nil {
			return MarksToWin{}, err
		}
		if !yes.Holds {
			continue
		}
		no, _, err := try(plans[p.steps-1], false)
		if err != nil {
			return MarksToWin{}, err
		}
		return MarksToWin{Answer: Found, Steps: p.steps, Changes: changes, Gain: p.gain, Checks: []Check{yes, no}, bid: id}, nil
	}
	top := plans[len(plans)-1]
	c, _, err := try(top, false)
	if err != nil {
		return MarksToWin{}, err
	}
	return MarksToWin{Answer: CannotWin, Checks: []Check{c}, bid: id}, nil
}

func stepWord(n int) string {
	if n == 1 {
		return "step"
	}
	return "steps"
}
