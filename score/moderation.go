package score

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
)

// ModerationChange is one evaluator's own mark that moderation changed: the
// mark the evaluator gave, the mark agreed, and the recorded reason. The
// authority's report lists every change, so an approval board can see how
// the agreed marks were reached.
type ModerationChange struct {
	// CriterionID and Title name the question; for a social value
	// criterion's method statement, Title says so.
	CriterionID string
	Title       string
	Evaluator   string
	Own         decimal.Decimal
	Agreed      decimal.Decimal
	// Reason is the rationale recorded for the agreed mark.
	Reason string
}

// moderationOf lists, for one bid, every evaluator's mark that differs from
// the consensus agreed at moderation, question by question in policy
// order, evaluators in the order recorded. Questions scored by the mean of
// the marks have no agreed mark and are not listed.
func moderationOf(t *tree, b Bid) []ModerationChange {
	var out []ModerationChange
	for _, n := range t.leaves {
		out = append(out, moderationOfLeaf(n, &b)...)
	}
	return out
}

// moderationOfLeaf lists the changes moderation made on one leaf: every
// evaluator's own mark that differs from the mark agreed. It is read for
// every leaf of every bid, so it looks at the marks where they are, and
// only a question with a change goes through questionMarks.
func moderationOfLeaf(n *node, b *Bid) []ModerationChange {
	r, ok := b.Responses[n.c.ID]
	if !ok {
		return nil
	}
	return moderationOfResponse(n, b, &r)
}

// moderationOfResponse is moderationOfLeaf on the bid's response to the
// leaf, already looked up.
func moderationOfResponse(n *node, b *Bid, r *Response) []ModerationChange {
	c := n.c
	var m *criteria.Marks
	switch {
	case c.Quality != nil && c.Quality.Moderation == criteria.ConsensusMark:
		m = &r.Marks
	case c.SocialValue != nil && c.SocialValue.MethodStatement != nil && c.SocialValue.MethodStatement.Moderation == criteria.ConsensusMark &&
		r.SocialValue.MethodStatement != nil:
		m = r.SocialValue.MethodStatement
	default:
		return nil // no mark is agreed
	}
	if m.Consensus == nil || !slices.ContainsFunc(m.Evaluators, func(e criteria.EvaluatorMark) bool { return !e.Mark.Equal(m.Consensus.Mark) }) {
		return nil
	}
	q, ok := questionMarks(n, b)
	if !ok || !q.Agreed() {
		return nil
	}
	agreed, _ := q.Mark.Decimal() // an agreed mark is a decimal
	var out []ModerationChange
	for _, e := range q.Own {
		if !e.Mark.Equal(agreed) {
			out = append(out, ModerationChange{CriterionID: q.CriterionID, Title: q.Title, Evaluator: e.Evaluator,
				Own: e.Mark, Agreed: agreed, Reason: q.Reason})
		}
	}
	return out
}
