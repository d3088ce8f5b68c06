package score

import (
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

// moderationOfLeaf lists the changes moderation made on one leaf.
func moderationOfLeaf(n *node, b *Bid) []ModerationChange {
	c := n.c
	r, ok := b.Responses[c.ID]
	if !ok {
		return nil
	}
	switch {
	case c.Quality != nil && c.Quality.Moderation == criteria.ConsensusMark:
		return changes(c.ID, c.Title, r.Marks)
	case c.SocialValue != nil && c.SocialValue.MethodStatement != nil && c.SocialValue.MethodStatement.Moderation == criteria.ConsensusMark &&
		r.SocialValue.MethodStatement != nil:
		return changes(c.ID, c.Title+" (method statement)", *r.SocialValue.MethodStatement)
	}
	return nil
}

func changes(id, title string, m criteria.Marks) []ModerationChange {
	if m.Consensus == nil {
		return nil
	}
	var out []ModerationChange
	for _, e := range m.Evaluators {
		if !e.Mark.Equal(m.Consensus.Mark) {
			out = append(out, ModerationChange{CriterionID: id, Title: title, Evaluator: e.Evaluator,
				Own: e.Mark, Agreed: m.Consensus.Mark, Reason: m.Consensus.Rationale})
		}
	}
	return out
}
