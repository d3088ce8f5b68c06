package ocds

import (
	"time"

	"github.com/tenderscore/tenderscore/score"
)

// Period is a span of time with a start and an end, written as an OCDS
// period (startDate, endDate in RFC 3339).
//
// A standstill period — under the Procurement Act 2023 s.51(2) the eight
// working days beginning with the day on which the contract award notice
// is published (Cabinet Office guidance "Contract award notices and
// standstill"), under PCR 2015 reg 87 ten days from the award decision
// notice — is exported only when the caller gives it in
// ExportOptions.Standstill: package score does not yet hold an award
// timeline, and the end of a standstill depends on the day the notice is
// published, working days and bank holidays, none of which a tender
// records. When score gains an award
// timeline, [standstillFor] is the one place that reads it.
type Period struct {
	Start, End time.Time
}

// checkStandstill checks the standstill periods given: each for a lot of
// the tender, with a start and an end after it.
func checkStandstill(t score.Tender, periods map[string]Period) error {
	for id, p := range periods {
		opt := "Standstill[" + id + "]"
		if _, ok := t.Lot(id); !ok && id != "" {
			return &OptionError{Option: opt, Value: id, Message: "the tender has no lot with this id"}
		}
		if p.Start.IsZero() || p.End.IsZero() {
			return &OptionError{Option: opt, Message: "a standstill period needs a start and an end"}
		}
		if !p.End.After(p.Start) {
			return &OptionError{Option: opt, Value: stamp(p.End), Message: "the standstill must end after it starts (" + stamp(p.Start) + ")"}
		}
	}
	return nil
}

// standstillFor returns the standstill period of a lot's award, when known.
//
// The hook for an award timeline: today the only source is the caller's
// ExportOptions.Standstill, the lot's own period or else the one under
// the key "". When package score records the award's dates (the contract
// award notice, the end of the standstill), read them here, with the
// caller's periods still taking precedence.
func (x *exporter) standstillFor(lotID string) (Period, bool) {
	if p, ok := x.opts.Standstill[lotID]; ok {
		return p, true
	}
	p, ok := x.opts.Standstill[""]
	return p, ok
}
