package ocds

import (
	"fmt"
	"time"
	_ "time/tzdata" // Europe/London for standstill periods, on any machine

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// Period is a span of time with a start and an end, written as an OCDS
// period (startDate, endDate in RFC 3339).
//
// An award's standstill period comes, for each lot awarded, from the first
// of:
//
//   - ExportOptions.Standstill[lot id], the caller's own;
//   - ExportOptions.Standstill[""], one period for every lot awarded;
//   - the lot's award timeline ([score.Tender.Timeline]), when
//     ExportOptions.AwardNotice gives the day the notices are sent: under
//     the Procurement Act 2023 the eight working days beginning with the
//     day the contract award notice is published (s.51(2); longer, or
//     voluntary on a contract s.51(3) exempts, as the lot's
//     ExportOptions.Timeline says),
//     under PCR 2015 to midnight at the end of the 10th day after the
//     regulation 86 notices are sent (reg 87(2)). The period runs from
//     midnight at the start of that day to the end (23:59:59) of the
//     standstill's last day, UK time (Europe/London in the IANA time zone
//     database: GMT, or BST in summer). A lot with no standstill gets
//     none.
//
// Otherwise the award carries no standstill period.
type Period struct {
	Start, End time.Time
}

// checkStandstill checks the standstill options: each period for a lot of
// the tender, with a start and an end after it, and no catch-all period
// beside an award notice day, which would say two things.
func checkStandstill(t score.Tender, o ExportOptions) error {
	if _, all := o.Standstill[""]; all && !o.AwardNotice.IsZero() {
		return &OptionError{Option: "AwardNotice", Value: o.AwardNotice.String(), Message: "give one standstill for every lot (Standstill[\"\"]) or the day the award notice is sent, not both"}
	}
	for _, id := range sortedKeys(o.Timeline) {
		if _, ok := t.Lot(id); !ok && id != "" {
			return &OptionError{Option: "Timeline[" + id + "]", Value: id, Message: "the tender has no lot with this id"}
		}
	}
	for _, id := range sortedKeys(o.Standstill) {
		p := o.Standstill[id]
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

// standstills works out, once, the standstill period of every lot awarded.
func (x *exporter) standstills() error {
	x.standstill = map[string]Period{}
	var london *time.Location
	for _, la := range x.award.Lots {
		if la.Status != score.Awarded || la.Provisional {
			continue
		}
		if p, ok := x.opts.Standstill[la.LotID]; ok {
			x.standstill[la.LotID] = p
			continue
		}
		if p, ok := x.opts.Standstill[""]; ok {
			x.standstill[la.LotID] = p
			continue
		}
		if x.opts.AwardNotice.IsZero() {
			continue
		}
		if london == nil {
			var err error
			if london, err = time.LoadLocation("Europe/London"); err != nil {
				return fmt.Errorf("ocds: the UK time zone is not available: %w", err)
			}
		}
		to, ok := x.opts.Timeline[la.LotID]
		if !ok {
			to = x.opts.Timeline[""]
		}
		tl, err := x.t.Timeline(la.LotID, x.opts.AwardNotice, to)
		if err != nil {
			return &OptionError{Option: "AwardNotice", Value: x.opts.AwardNotice.String(), Message: fmt.Sprintf("the award timeline of lot %s: %v", la.LotID, err)}
		}
		if tl.End.IsZero() {
			continue // no standstill
		}
		x.standstill[la.LotID] = Period{Start: at(tl.Sent, 0, 0, 0, london), End: at(tl.End, 23, 59, 59, london)}
	}
	return nil
}

func at(d date.Date, h, m, s int, loc *time.Location) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, s, 0, loc)
}

// standstillFor returns the standstill period of a lot's award, when
// known; see [Period].
func (x *exporter) standstillFor(lotID string) (Period, bool) {
	p, ok := x.standstill[lotID]
	return p, ok
}
