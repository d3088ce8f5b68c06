package frameworks

import (
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// Timelines computes the award timeline of every lot of a tender from the
// day its award notice is sent (an input, never the clock), each lot first
// placed above or below threshold as [ClassifyLots] values it — a
// below-threshold contract has no statutory standstill — with base's other
// options (a voluntary standstill, the bank holiday table, the day of
// entry). A standstill in working days is a Procurement Act 2023 notion
// (s.51(4)–(5)), so base.StandstillDays applies to that regime's lots only.
// Attach the timelines to a result with score.WithTimelines.
func Timelines(t score.Tender, sent date.Date, base score.TimelineOptions, opts ...Option) ([]score.AwardTimeline, error) {
	bands, err := ClassifyLots(t, opts...)
	if err != nil {
		return nil, err
	}
	out := make([]score.AwardTimeline, 0, len(t.Lots))
	for _, l := range t.Lots {
		o := base
		if t.RegimeFor(l) != score.PA2023 {
			o.StandstillDays = 0
		}
		if c, ok := bands[l.ID]; ok {
			o.BelowThreshold = c.Band != AboveThreshold
		}
		tl, err := t.Timeline(l.ID, sent, o)
		if err != nil {
			return nil, err
		}
		out = append(out, tl)
	}
	return out, nil
}
