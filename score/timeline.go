package score

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/calendar"
	"github.com/tenderscore/tenderscore/date"
)

// StandstillKind says which standstill applies to a contract.
type StandstillKind string

// Standstill kinds.
const (
	// MandatoryStandstill is the Procurement Act 2023's eight working days
	// beginning with the day the contract award notice is published
	// (s.51(2)).
	MandatoryStandstill StandstillKind = "mandatory"
	// LongerStandstill is a standstill longer than the mandatory one that
	// the contract award notice provides for; it applies instead (s.51(1)(b)).
	LongerStandstill StandstillKind = "longer"
	// VoluntaryStandstill is a standstill the notice provides for on a
	// contract s.51(3) exempts, at least eight working days (s.51(4)–(5)).
	VoluntaryStandstill StandstillKind = "voluntary"
	// Regulation87Standstill is PCR 2015's standstill: to midnight at the end
	// of the 10th day after the reg 86 notices are sent electronically
	// (reg 87(2)), moved to the next working day (reg 2(4)).
	Regulation87Standstill StandstillKind = "reg-87"
	// NoStandstill: none is required and none is provided for.
	NoStandstill StandstillKind = "none"
)

// DirectAwardGround says on which ground a contract outside a framework is
// awarded directly under the Procurement Act 2023, where that decides the
// standstill (s.51(3)(a)–(c)).
type DirectAwardGround string

// Direct award grounds that exempt a contract from the mandatory standstill.
const (
	// ExtremeUrgency: s.41 by reference to Sch. 5 para 13 (s.51(3)(a)).
	ExtremeUrgency DirectAwardGround = "extreme-urgency"
	// ProtectLife: s.41 by reference to regulations under s.42 (s.51(3)(b)).
	ProtectLife DirectAwardGround = "protect-life"
	// PrivateUtility: s.41 or s.43 by a private utility (s.51(3)(c)).
	PrivateUtility DirectAwardGround = "private-utility"
	// OtherDirectAward: any other direct award: the mandatory standstill
	// applies.
	OtherDirectAward DirectAwardGround = "other"
)

// procedureDynamicMarket is the Route.Procedure of an award by reference
// to a dynamic market (PA 2023 s.34), which s.51(3)(e) exempts.
const procedureDynamicMarket = "dynamic-market"

// TimelineOptions are what the award timeline needs beyond the tender.
// The zero value means: the built-in bank holidays, no standstill in the
// notice beyond the law's, an above-threshold contract, entered into on
// the first day it may be.
type TimelineOptions struct {
	// Holidays replaces the built-in bank holiday table
	// (calendar.UKBankHolidays), e.g. with a year added from GOV.UK.
	Holidays *calendar.Table `json:"-"`
	// StandstillDays is a standstill the contract award notice provides
	// for, in working days (Procurement Act 2023 only): on a contract s.51(3)
	// exempts, a voluntary standstill of at least eight (s.51(4)–(5)); on
	// any other, a standstill longer than the mandatory eight (s.51(1)(b)).
	// Zero: none.
	StandstillDays int `json:"standstillDays,omitempty"`
	// DirectAward is the ground of a direct award outside a framework
	// (Route.Procedure "direct-award") under the Procurement Act 2023.
	// Empty: not stated, and the mandatory standstill is taken to apply.
	DirectAward DirectAwardGround `json:"directAward,omitempty"`
	// BelowThreshold says the lot is below threshold, so not a public
	// contract: no statutory standstill and no contract details notice under
	// ss.51 and 53 (package frameworks places a lot in its band).
	BelowThreshold bool `json:"belowThreshold,omitempty"`
	// EnteredInto is the day the contract is, or was, entered into, from
	// which the notice after entry is due; zero takes the first day it may
	// be, and the timeline says so.
	EnteredInto date.Date `json:"enteredInto,omitzero"`
}

// TimelineStep is one date of the timeline, with what it is and the law it
// rests on.
type TimelineStep struct {
	Date date.Date `json:"date,omitzero"`
	What string    `json:"what"`
	Cite string    `json:"cite"`
	// Verified is false where the step rests on a reading of the law or on
	// a bank holiday not yet proclaimed.
	Verified bool `json:"verified"`
}

// AwardTimeline is the timeline from the award decision's notice to the
// notice after the contract is entered into, for one lot: computed, with
// every date's basis, for summaries, reports and JSON to show.
type AwardTimeline struct {
	Lot    string `json:"lot"`
	Regime Regime `json:"regime"`
	// Sent is the day the timeline is counted from: under the Procurement
	// Act 2023 the day the contract award notice is published (s.51(2));
	// under PCR 2015 the day the last regulation 86 notice is sent by
	// electronic means (reg 87(2), (4)).
	Sent       date.Date      `json:"sent"`
	Standstill StandstillKind `json:"standstill"`
	// Days is the standstill's length: working days under the Procurement
	// Act 2023, calendar days under PCR 2015; 0 when there is none.
	Days int `json:"days,omitempty"`
	// WorkingDays says which days are not working days in the count.
	WorkingDays string `json:"workingDays,omitempty"`
	// End is the standstill's last day: it ends at midnight at the end of
	// that day. Zero when there is none.
	End date.Date `json:"end,omitzero"`
	// EarliestEntry is the first day the contract may be entered into.
	EarliestEntry date.Date `json:"earliestEntry"`
	// EnteredInto is the day the notice after entry is counted from: the
	// caller's, or EarliestEntry when EntryAssumed.
	EnteredInto  date.Date `json:"enteredInto"`
	EntryAssumed bool      `json:"entryAssumed,omitempty"`
	// Notice names the notice due after entry ("contract details notice"),
	// with NoticeDeadline its last day; NoticeDeadline is zero when no
	// notice is due or the law sets no day.
	Notice         string    `json:"notice,omitempty"`
	NoticeDeadline date.Date `json:"noticeDeadline,omitzero"`
	// NonWorking are the non-working days passed over in the count.
	NonWorking []calendar.NonWorkingDay `json:"nonWorking,omitempty"`
	// Steps explain each date, in order.
	Steps []TimelineStep `json:"steps"`
	// Notes say what the timeline assumed or could not check.
	Notes []string `json:"notes,omitempty"`
}

// Timeline computes the award timeline of one lot from the day its notice
// is sent: sent is the day the contract award notice is published
// (Procurement Act 2023) or the day the last regulation 86 notice is sent
// electronically (PCR 2015). It is an input: nothing here reads the clock.
//
// Under the Procurement Act 2023 the contract may not be entered into
// before the end of the mandatory standstill of eight working days
// beginning with that day (s.51(1)–(2)), a working day being any day but a
// Saturday, a Sunday or a bank holiday in any part of the United Kingdom
// (s.123(1)); s.51(3) exempts call-offs under a framework, awards by
// reference to a dynamic market, light touch contracts and some direct
// awards, which may have a voluntary standstill of at least eight working
// days (s.51(4)–(5)); the contract details notice is due within 30 days
// (120 for light touch) beginning with the day of entry (s.53(1)). Under
// PCR 2015 the standstill ends at midnight at the end of the 10th day after
// sending (reg 87(2)), at the end of the next working day if that is not
// one (reg 2(4)), working days being those of the authority's own part of
// the United Kingdom; framework call-offs and awards without prior
// publication have none (reg 86(5)); the contract award notice is due
// within 30 days of the award (reg 50(1)).
//
// Bad input gives a *[ValidationError] naming each field: an unknown lot, a
// missing or non-working sent day where a standstill is counted, an unknown
// nation, a Scottish authority under PCR 2015, a standstill in the notice
// shorter than eight working days, an entry day before the first allowed,
// or a date beyond the bank holiday table.
func (t Tender) Timeline(lotID string, sent date.Date, o TimelineOptions) (AwardTimeline, error) {
	tc, err := newTimelineRun(t, lotID, sent, o)
	if err != nil {
		return AwardTimeline{}, err
	}
	switch tc.out.Regime {
	case PA2023:
		tc.act()
	default:
		tc.regulations()
	}
	if len(tc.ps) > 0 {
		return AwardTimeline{}, &ValidationError{Problems: tc.ps}
	}
	return tc.out, nil
}

// timelineRun holds one computation's inputs and its problems.
type timelineRun struct {
	t     Tender
	lot   Lot
	route Route
	o     TimelineOptions
	table calendar.Table
	out   AwardTimeline
	ps    []Problem
}

func (r *timelineRun) problem(field, value, rule, format string, args ...any) {
	r.ps = append(r.ps, Problem{Field: field, Value: value, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// newTimelineRun checks what every timeline needs.
func newTimelineRun(t Tender, lotID string, sent date.Date, o TimelineOptions) (*timelineRun, error) {
	r := &timelineRun{t: t, o: o}
	lot, ok := t.Lot(lotID)
	if !ok {
		r.problem("lot", lotID, "known-lot", "the tender has no lot with this id")
	}
	r.lot, r.route = lot, t.RouteFor(lot)
	regime := t.RegimeFor(lot)
	if ok && regime != PA2023 && regime != PCR2015 {
		r.problem("regime", string(regime), "one-of", "the award timeline needs the lot's regime: %s or %s", PCR2015, PA2023)
	}
	switch t.Authority.Nation {
	case "", England, Wales, Scotland, NorthernIreland:
	default:
		r.problem("authority.nation", string(t.Authority.Nation), "one-of", "unknown nation: want %s, %s, %s or %s", England, Wales, Scotland, NorthernIreland)
	}
	if sent.IsZero() {
		r.problem("sent", "", "required", "the day the award notice is published or sent is required: the timeline is counted from it, never from the clock")
	}
	if o.StandstillDays < 0 || o.StandstillDays > calendar.MaxPeriod {
		r.problem("standstillDays", fmt.Sprint(o.StandstillDays), "range", "want 0 (none) or from 8 to %d working days", calendar.MaxPeriod)
	}
	switch o.DirectAward {
	case "", ExtremeUrgency, ProtectLife, PrivateUtility, OtherDirectAward:
	default:
		r.problem("directAward", string(o.DirectAward), "one-of", "want %s, %s, %s or %s", ExtremeUrgency, ProtectLife, PrivateUtility, OtherDirectAward)
	}
	r.table = calendar.UKBankHolidays()
	if o.Holidays != nil {
		r.table = *o.Holidays
		var ce *calendar.Error
		if err := r.table.Validate(); errors.As(err, &ce) {
			for _, p := range ce.Problems {
				r.problem("holidays."+p.Field, p.Value, p.Rule, "%s", p.Message)
			}
		}
	}
	if len(r.ps) > 0 {
		return nil, &ValidationError{Problems: r.ps}
	}
	r.out = AwardTimeline{Lot: lot.ID, Regime: regime, Sent: sent}
	return r, nil
}

// step records a dated step.
func (r *timelineRun) step(d date.Date, cite string, verified bool, format string, args ...any) {
	r.out.Steps = append(r.out.Steps, TimelineStep{Date: d, What: fmt.Sprintf(format, args...), Cite: cite, Verified: verified})
}

func (r *timelineRun) note(format string, args ...any) {
	r.out.Notes = append(r.out.Notes, fmt.Sprintf(format, args...))
}

// startsOnWorkingDay checks that the sent day is a working day, for a
// standstill counted from it.
func (r *timelineRun) startsOnWorkingDay(w calendar.WorkingDays, law string) bool {
	ok, why, err := w.Day(r.out.Sent)
	switch {
	case err != nil:
		r.problem("sent", r.out.Sent.String(), "holiday-table", "%s", err)
		return false
	case !ok:
		r.problem("sent", r.out.Sent.String(), "working-day", "%s is not a working day (%s: not working days are %s): a standstill is counted from a working day, so send the notice on one",
			why, law, w.Describe())
		return false
	}
	return true
}

// entry settles the day the contract is entered into.
func (r *timelineRun) entry() {
	r.out.EnteredInto = r.o.EnteredInto
	if r.o.EnteredInto.IsZero() {
		r.out.EnteredInto, r.out.EntryAssumed = r.out.EarliestEntry, true
		return
	}
	if r.o.EnteredInto.Before(r.out.EarliestEntry) {
		r.problem("enteredInto", r.o.EnteredInto.String(), "after-standstill", "the contract may not be entered into before %s", r.out.EarliestEntry.Long())
	}
}

// unverifiedHolidays notes the worked-out bank holidays the count passed.
func (r *timelineRun) unverifiedHolidays() bool {
	var days []string
	for _, n := range r.out.NonWorking {
		for _, h := range n.Holidays {
			if !h.Verified {
				days = append(days, fmt.Sprintf("%s on %s", h, n.Date.Long()))
			}
		}
	}
	if len(days) == 0 {
		return false
	}
	r.note("the count passes bank holidays expected but not yet proclaimed (%s): check them when GOV.UK publishes the year", strings.Join(days, "; "))
	return true
}
