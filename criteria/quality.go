package criteria

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
)

// Moderation says how several evaluators' marks become the one mark scored.
// The method must be decided before evaluation and applied consistently
// (docs/sources/quality-and-moderation.md).
type Moderation string

// Moderation methods.
const (
	// ConsensusMark scores the mark the evaluators agreed at moderation, with
	// its recorded rationale. Each evaluator's own mark is kept for the audit
	// trail.
	ConsensusMark Moderation = "consensus"
	// MeanMark scores the mean of the evaluators' marks, exactly (it may fall
	// between the scale's marks).
	MeanMark Moderation = "mean"
)

// QualityRule is a quality question's published method: the scale, how marks
// are moderated, and an optional minimum mark.
type QualityRule struct {
	Scale      Scale      `json:"scale"`
	Moderation Moderation `json:"moderation"`
	// MinMark, when set, is the lowest moderated mark a bid may get on this
	// question without being disqualified (Procurement Act 2023 s.23(3)(a):
	// the methodology must say so in advance).
	MinMark *decimal.Decimal `json:"minMark,omitempty"`
}

// EvaluatorMark is one evaluator's own mark with the reasons for it.
type EvaluatorMark struct {
	Evaluator string          `json:"evaluator"`
	Mark      decimal.Decimal `json:"mark"`
	Rationale string          `json:"rationale,omitempty"`
}

// Consensus is the mark agreed at moderation with its reasons.
type Consensus struct {
	Mark      decimal.Decimal `json:"mark"`
	Rationale string          `json:"rationale,omitempty"`
}

// Marks is the evaluation record for one bid's answer to one question.
type Marks struct {
	Evaluators []EvaluatorMark `json:"evaluators"`
	Consensus  *Consensus      `json:"consensus,omitempty"`
}

// QualityAssessment is a moderated mark and its normalised score.
type QualityAssessment struct {
	Assessment
	// Mark is the moderated mark, exactly (a mean may not terminate).
	Mark exact.Fraction
	// Max is the scale's maximum mark.
	Max decimal.Decimal
	// BelowMinimum is true when the rule sets a minimum mark and Mark is
	// below it.
	BelowMinimum bool
}

// Validate reports every problem with the rule itself.
func (r QualityRule) Validate() []Problem {
	var ps problems
	for _, p := range r.Scale.Validate() {
		ps = append(ps, p.Prefixed("scale"))
	}
	if r.Moderation != ConsensusMark && r.Moderation != MeanMark {
		ps.add("moderation", string(r.Moderation), "one-of", "say how evaluators' marks are moderated: %q or %q", ConsensusMark, MeanMark)
	}
	if r.MinMark != nil && ps.size("minMark", *r.MinMark) {
		m := *r.MinMark
		if m.Sign() < 0 || (len(r.Scale.Levels) > 0 && m.Cmp(r.Scale.Max()) > 0) {
			ps.add("minMark", m.String(), "on-scale", "a minimum mark must lie within the scale %s", r.Scale.Marks())
		}
	}
	return ps
}

// Describe says how the question is marked.
func (r QualityRule) Describe() string {
	var b strings.Builder
	fmt.Fprintf(&b, "marked on the %s scale (", r.Scale.Name)
	levels := make([]string, 0, len(r.Scale.Levels))
	for _, l := range r.Scale.Levels {
		levels = append(levels, r.Scale.label(l.Mark))
	}
	b.WriteString(strings.Join(levels, ", "))
	fmt.Fprintf(&b, "); score = mark ÷ %s × marks available", exact.Plain(r.Scale.Max()))
	switch r.Moderation {
	case ConsensusMark:
		b.WriteString("; the mark is the evaluators' recorded consensus")
	case MeanMark:
		b.WriteString("; the mark is the mean of the evaluators' marks")
	}
	if r.MinMark != nil {
		fmt.Fprintf(&b, "; a mark below %s disqualifies", exact.Plain(*r.MinMark))
	}
	return b.String()
}

// Assess resolves the evaluators' marks to one mark and scores it as mark ÷
// maximum mark. Problems name fields relative to the marks ("evaluators[1].mark").
func (r QualityRule) Assess(m Marks) (QualityAssessment, []Problem) {
	if ps := r.Check(m); len(ps) > 0 {
		return QualityAssessment{}, ps
	}
	qa, _ := r.Marker().Assess(m)
	return qa, nil
}

// Check reports every problem with one bid's marks for this question —
// missing or unnamed evaluators, marks off the scale, a consensus missing or
// without its reason — without assessing them. Field paths are relative to
// the marks.
func (r QualityRule) Check(m Marks) []Problem {
	var ps problems
	if len(m.Evaluators) == 0 {
		ps.add("evaluators", "", "required", "no evaluator marks: each evaluator's own mark is kept for the audit trail")
	}
	first := firstMarks(m.Evaluators)
	scale := scaleMemo{s: &r.Scale}
	for i, e := range m.Evaluators {
		f := func() string { return "evaluators[" + strconv.Itoa(i) + "]" } // built only for a problem
		if e.Evaluator == "" {
			ps.add(f()+".evaluator", "", "required", "name the evaluator")
		} else if j := first(i); j < i {
			ps.add(f()+".evaluator", e.Evaluator, "unique", "evaluator already marked this answer at evaluators[%d]", j)
		}
		if (sizeFine(e.Mark) || ps.size(f()+".mark", e.Mark)) && !scale.contains(e.Mark) {
			ps.add(f()+".mark", e.Mark.String(), "on-scale", "not a mark on the %s scale (%s)", r.Scale.Name, r.Scale.Marks())
		}
		if r.Moderation == MeanMark && strings.TrimSpace(e.Rationale) == "" {
			ps.add(f()+".rationale", "", "required", "under the mean each evaluator's reasons are the explanation a bidder is given: record them")
		}
	}
	switch r.Moderation {
	case ConsensusMark:
		if m.Consensus == nil {
			ps.add("consensus", "", "required", "the policy scores the moderated consensus mark, and none is recorded")
			break
		}
		if ps.size("consensus.mark", m.Consensus.Mark) && !scale.contains(m.Consensus.Mark) {
			ps.add("consensus.mark", m.Consensus.Mark.String(), "on-scale", "not a mark on the %s scale (%s)", r.Scale.Name, r.Scale.Marks())
		}
		if strings.TrimSpace(m.Consensus.Rationale) == "" {
			ps.add("consensus.rationale", "", "required", "a consensus mark needs its recorded reason")
		}
	case MeanMark:
		if m.Consensus != nil {
			ps.add("consensus", m.Consensus.Mark.String(), "mean-policy", "the policy scores the mean of the evaluators' marks; a consensus mark would be ignored")
		}
	default:
		ps.add("moderation", string(r.Moderation), "one-of", "the question's policy does not say how marks are moderated: %q or %q", ConsensusMark, MeanMark)
	}
	return ps
}

// scaleMemo is Scale.Contains remembering the last mark found on the
// scale: a consensus mark is most often an evaluator's mark, and is then
// found with one comparison instead of a search of the scale.
type scaleMemo struct {
	s    *Scale
	last decimal.Decimal
	have bool
}

func (m *scaleMemo) contains(d decimal.Decimal) bool {
	if m.have && d.Equal(m.last) {
		return true
	}
	if !m.s.Contains(d) {
		return false
	}
	m.last, m.have = d, true
	return true
}

// firstMarks returns, for each evaluator's position, the position where the
// same evaluator first marked the answer (itself when it is the first): by
// looking back over a few marks, or through a map for many, so that the
// time stays proportional to the marks given.
func firstMarks(evs []EvaluatorMark) func(i int) int {
	if len(evs) <= 16 {
		return func(i int) int {
			for j := range i {
				if evs[j].Evaluator == evs[i].Evaluator {
					return j
				}
			}
			return i
		}
	}
	seen := make(map[string]int, len(evs))
	for i, e := range evs {
		if _, dup := seen[e.Evaluator]; !dup {
			seen[e.Evaluator] = i
		}
	}
	return func(i int) int { return seen[evs[i].Evaluator] }
}

// Marker scores marks under one rule: what an engine assessing many bids on
// one question uses. Its assessments share one copy of the rule, and it does
// not check the marks again: give it marks that [QualityRule.Check] has
// passed. Its results are those of [QualityRule.Assess].
type Marker struct{ q *marker }

// marker is a rule prepared for marking: the rule and its maximum and
// minimum marks as exact values.
type marker struct {
	rule QualityRule
	max  decimal.Decimal
	maxF exact.Fraction
	minF *exact.Fraction
}

// Marker prepares the rule for marking many bids.
func (r QualityRule) Marker() Marker {
	m := &marker{rule: r, max: r.Scale.Max()}
	m.maxF = exact.Whole(m.max)
	if r.MinMark != nil {
		f := exact.Whole(*r.MinMark)
		m.minF = &f
	}
	return Marker{q: m}
}

// Assess resolves and scores one bid's marks. It returns false, and no
// assessment, for marks it cannot resolve at all (no consensus under
// consensus moderation, no evaluators under the mean); other problems are
// for Check to find.
func (mk Marker) Assess(m Marks) (QualityAssessment, bool) {
	qa, ok := mk.Score(m)
	if !ok {
		return qa, false
	}
	rec := &qualityRecord{k: mk.q, evaluators: m.Evaluators}
	if m.Consensus != nil {
		rec.consensus = *m.Consensus
	}
	qa.rec = rec
	return qa, true
}

// Score is [Marker.Assess] without the explanation record: the mark, the
// score and whether the mark is below the minimum, with Input, Working,
// Notes and Rationale empty. It is for an engine scoring many bids that
// words only the assessments someone reads: Assess the same marks again
// to word one, and the numbers are the same.
func (mk Marker) Score(m Marks) (QualityAssessment, bool) {
	k := mk.q
	if k == nil {
		return QualityAssessment{}, false
	}
	mark, value, ok := k.resolve(m.Evaluators, m.Consensus)
	if !ok {
		return QualityAssessment{}, false
	}
	qa := QualityAssessment{Assessment: Assessment{Value: value}, Mark: mark, Max: k.max}
	qa.BelowMinimum = k.minF != nil && mark.Cmp(*k.minF) < 0
	return qa, true
}

// resolve finds the moderated mark and its score, mark ÷ maximum.
func (k *marker) resolve(evs []EvaluatorMark, c *Consensus) (mark, value exact.Fraction, ok bool) {
	switch {
	case k.rule.Moderation == ConsensusMark && c != nil:
		mark = exact.Whole(c.Mark)
	case k.rule.Moderation == MeanMark && len(evs) > 0:
		sum := exact.Zero
		for _, e := range evs {
			sum = sum.Add(exact.Whole(e.Mark))
		}
		mark = mustFrac(sum, decimal.NewFromInt(int64(len(evs))))
	default:
		return exact.Fraction{}, exact.Fraction{}, false
	}
	value, err := mark.Quo(k.maxF)
	if err != nil {
		value = exact.Zero
	}
	return mark, value, true
}

// qualityRecord is the explanation record of one quality assessment: the
// evaluators' marks as recorded and the consensus (a copy). The moderated
// mark and the score are found from them again when the record is worded,
// by the same steps that first found them.
type qualityRecord struct {
	k          *marker
	evaluators []EvaluatorMark
	consensus  Consensus
}

// marks returns the moderated mark and the score.
func (q *qualityRecord) marks() (mark, value exact.Fraction) {
	c := &q.consensus
	if q.k.rule.Moderation != ConsensusMark {
		c = nil
	}
	mark, value, _ = q.k.resolve(q.evaluators, c)
	return mark, value
}

func (q *qualityRecord) input() string {
	r, max := q.k.rule, exact.Plain(q.k.max)
	if r.Moderation == ConsensusMark {
		return fmt.Sprintf("consensus mark %s of %s", r.Scale.label(q.consensus.Mark), max)
	}
	mark, _ := q.marks()
	return fmt.Sprintf("mean mark %s of %s from %d evaluators", mark, max, len(q.evaluators))
}

func (q *qualityRecord) rationale() []string {
	if q.k.rule.Moderation == ConsensusMark {
		return []string{q.consensus.Rationale}
	}
	var out []string
	for _, e := range q.evaluators {
		if e.Rationale != "" {
			out = append(out, fmt.Sprintf("%s: %s", e.Evaluator, e.Rationale))
		}
	}
	return out
}

func (q *qualityRecord) notes() []Step {
	if q.k.minF == nil {
		return nil
	}
	mark, _ := q.marks()
	if mark.Cmp(*q.k.minF) >= 0 {
		return nil
	}
	return []Step{step(fmt.Sprintf("mark %s is below the minimum mark of %s for this question", mark, exact.Plain(*q.k.rule.MinMark)))}
}

func (q *qualityRecord) working() []Step {
	mark, value := q.marks()
	evs := q.evaluators
	own := make([]string, 0, len(evs))
	for _, e := range evs {
		own = append(own, fmt.Sprintf("%s %s", e.Evaluator, exact.Plain(e.Mark)))
	}
	var first Step
	switch {
	case q.k.rule.Moderation == ConsensusMark:
		first = step(fmt.Sprintf("evaluators' own marks: %s; agreed at moderation: %s", strings.Join(own, ", "), exact.Plain(q.consensus.Mark)))
	case len(evs) == 1:
		first = step(fmt.Sprintf("one evaluator (%s): mark %s", own[0], mark))
	default:
		terms := make([]string, 0, len(evs))
		for _, e := range evs {
			terms = append(terms, exact.Plain(e.Mark))
		}
		first = step(fmt.Sprintf("mean of %s: (%s) ÷ %d = %s", strings.Join(own, ", "), strings.Join(terms, " + "), len(evs), mark))
	}
	return []Step{first, step(fmt.Sprintf("%s ÷ %s = %s", mark, exact.Plain(q.k.max), value))}
}

// mustFrac divides a fraction by a positive decimal; zero gives zero.
func mustFrac(f exact.Fraction, den decimal.Decimal) exact.Fraction {
	q, err := f.Quo(exact.Whole(den))
	if err != nil {
		return exact.Zero
	}
	return q
}
