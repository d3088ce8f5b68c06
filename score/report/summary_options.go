package report

import (
	"fmt"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// SummaryOption sets what a summary needs from outside the evaluation: the
// day it is sent. Dates are inputs, never the clock.
type SummaryOption func(*summaryOptions)

type summaryOptions struct {
	sent date.Date
}

// SentOn dates the summaries: the day they are provided to the bidders. All
// the assessment summaries of one contract must be provided at the same
// time (Procurement Regulations 2024 reg 31(4)), so [Summaries] and
// [AwardSummaries] give every one the same date. It may not be before the
// day the evaluation was completed (score.Evaluation.Completed).
func SentOn(d date.Date) SummaryOption {
	return func(o *summaryOptions) { o.sent = d }
}

// summaryOptionsOf applies the options and checks them against the
// evaluation record.
func summaryOptionsOf(r score.Result, opts []SummaryOption) (summaryOptions, error) {
	var o summaryOptions
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	if e := r.Evaluation; e != nil && !o.sent.IsZero() && !e.Completed.IsZero() && o.sent.Before(e.Completed) {
		return o, &score.ValidationError{Problems: []score.Problem{{Field: "sent", Value: o.sent.String(), Rule: "after-evaluation",
			Message: fmt.Sprintf("a summary cannot be sent before the evaluation it reports was completed (%s)", e.Completed.Long())}}}
	}
	return o, nil
}
