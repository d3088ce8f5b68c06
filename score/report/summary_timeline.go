package report

import (
	"fmt"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// TimelineLine is one date of a lot's award timeline as a bidder reads it:
// the day, and what happens on it with the provision it rests on.
type TimelineLine struct {
	Date date.Date
	Text string
}

// setTimeline gives the summary its lot's timeline, dated the day the
// timeline counts from when no date was given. Under the Procurement Act
// 2023 summaries are provided before the contract award notice is
// published (s.50(3)), and under PCR 2015 the standstill runs from the day
// the notices are sent (reg 87(2)): either way the timeline cannot start
// before the summaries are sent. Whether each step is verified, and the
// timeline's notes, are for the authority's report only.
func (s *Summary) setTimeline(tl *score.AwardTimeline) error {
	if tl == nil {
		return nil
	}
	if s.Date.IsZero() {
		s.Date = tl.Sent
	} else if tl.Sent.Before(s.Date) {
		return &score.ValidationError{Problems: []score.Problem{{Field: "sent", Value: s.Date.String(), Rule: "before-notice",
			Message: fmt.Sprintf("lot %s's award timeline counts from %s, before the summaries are sent: they are provided before the contract award notice is published", s.LotID, tl.Sent.Long())}}}
	}
	for _, st := range tl.Steps {
		text := st.What
		if st.Cite != "" {
			text += " (" + st.Cite + ")"
		}
		s.Timeline = append(s.Timeline, TimelineLine{Date: st.Date, Text: text})
	}
	return nil
}

// timelineLines writes the timeline as lines: "8 December 2026: the
// mandatory standstill ends …".
func (s Summary) timelineLines() []string {
	out := make([]string, 0, len(s.Timeline))
	for _, t := range s.Timeline {
		if t.Date.IsZero() {
			out = append(out, t.Text)
			continue
		}
		out = append(out, t.Date.Long()+": "+t.Text)
	}
	return out
}
