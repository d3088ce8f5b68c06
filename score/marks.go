package score

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// QuestionMarks is one bid's marks on one marked question — a quality
// question, or the method statement of a social value criterion: each
// evaluator's own mark as recorded, and the mark the question is scored on
// (agreed at moderation, or the mean of the evaluators' marks). The
// authority's report draws from them a matrix of bids by questions with
// every evaluator's mark beside the agreed one, so an approval board can
// read the marks without opening each bid's explanation.
type QuestionMarks struct {
	// CriterionID and Title name the question; for a social value
	// criterion's method statement, Title says so and MethodStatement is
	// true.
	CriterionID     string
	Title           string
	MethodStatement bool
	// Moderation is how the evaluators' marks became Mark.
	Moderation criteria.Moderation
	// Own holds each evaluator's own mark, in the order recorded.
	Own []criteria.EvaluatorMark
	// Mark is the mark scored, exactly: the consensus agreed at
	// moderation, or the mean of Own (which may not terminate).
	Mark exact.Fraction
	// Max is the highest mark on the question's scale.
	Max decimal.Decimal
	// Reason is the rationale recorded for the agreed mark; empty under the
	// mean.
	Reason string
}

// Agreed reports whether Mark was agreed at moderation rather than being
// the mean of the evaluators' marks.
func (q QuestionMarks) Agreed() bool { return q.Moderation == criteria.ConsensusMark }

// Marks returns the bid's marks, question by question in policy order, as
// recorded in its responses: every quality question and every social
// value method statement it was marked on. A disregarded tender is not an
// assessed tender and has none; nor has a BidResult the engine did not
// make. Like [BidResult.Criteria], the marks are read from the responses
// when called.
func (b BidResult) Marks() []QuestionMarks {
	if b.k == nil || b.s == nil || (b.Disqualified != nil && b.Disqualified.Disregarded) {
		return nil
	}
	return marksOf(b.k.tree, b.s.bid)
}

// marksOf lists one bid's marks on every marked leaf it answered.
func marksOf(t *tree, b *Bid) []QuestionMarks {
	var out []QuestionMarks
	for _, n := range t.leaves {
		if q, ok := questionMarks(n, b); ok {
			out = append(out, q)
		}
	}
	return out
}

// questionMarks reads the bid's marks on one leaf: a quality question, or
// a social value criterion's method statement.
func questionMarks(n *node, b *Bid) (QuestionMarks, bool) {
	c := n.c
	r, ok := b.Responses[c.ID]
	if !ok {
		return QuestionMarks{}, false
	}
	switch {
	case c.Quality != nil:
		return resolvedMarks(QuestionMarks{CriterionID: c.ID, Title: c.Title}, *c.Quality, r.Marks)
	case c.SocialValue != nil && c.SocialValue.MethodStatement != nil && r.SocialValue.MethodStatement != nil:
		q := QuestionMarks{CriterionID: c.ID, Title: c.Title + " (method statement)", MethodStatement: true}
		return resolvedMarks(q, *c.SocialValue.MethodStatement, *r.SocialValue.MethodStatement)
	}
	return QuestionMarks{}, false
}

// resolvedMarks completes q with the marks and the mark they resolve to
// under the rule; false when they resolve to none (no consensus under
// consensus moderation, no evaluator under the mean), which validation
// rules out for every tender assessed.
func resolvedMarks(q QuestionMarks, rule criteria.QualityRule, m criteria.Marks) (QuestionMarks, bool) {
	q.Moderation, q.Max = rule.Moderation, rule.Scale.Max()
	switch {
	case rule.Moderation == criteria.ConsensusMark && m.Consensus != nil:
		q.Mark, q.Reason = exact.Whole(m.Consensus.Mark), m.Consensus.Rationale
	case rule.Moderation == criteria.MeanMark && len(m.Evaluators) > 0:
		sum := decimal.Zero
		for _, e := range m.Evaluators {
			sum = sum.Add(e.Mark)
		}
		mean, err := exact.NewFraction(sum, decimal.NewFromInt(int64(len(m.Evaluators))))
		if err != nil {
			return QuestionMarks{}, false
		}
		q.Mark = mean
	default:
		return QuestionMarks{}, false
	}
	q.Own = slices.Clone(m.Evaluators)
	return q, true
}
