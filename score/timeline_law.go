package score

import (
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/calendar"
	"github.com/tenderscore/tenderscore/date"
)

// Citations of the award timeline; each was read in the text on
// legislation.gov.uk (docs/sources/procurement-law.md).
const (
	citeS50       = "Procurement Act 2023 s.50(1)"
	citeS51       = "Procurement Act 2023 s.51(1)–(2)"
	citeS51Vol    = "Procurement Act 2023 s.51(4)–(5)"
	citeS123      = "Procurement Act 2023 s.123(1)"
	citeS53       = "Procurement Act 2023 s.53(1)"
	citeReg87     = "PCR 2015 reg 87(2), (4)"
	citeReg2      = "PCR 2015 reg 2(4)"
	citeReg50     = "PCR 2015 reg 50(1); reg 2(3)(b), (4)"
	citeBelowPA   = "Procurement Act 2023 ss.3, 51(1), 87(3)–(4)"
	citeBelowPCR  = "PCR 2015 reg 85"
	citeReg86Exem = "PCR 2015 reg 86(5)"
)

// actExemption says whether s.51(3) exempts the lot from the mandatory
// standstill, with the paragraph and what it exempts.
func (r *timelineRun) actExemption() (bool, string, string) {
	proc := strings.TrimSpace(r.route.Procedure)
	framework := strings.TrimSpace(r.route.Framework) != ""
	if r.o.DirectAward != "" && (framework || proc != DirectAward) {
		r.problem("directAward", string(r.o.DirectAward), "direct-award-only",
			"a direct award ground applies only to a direct award outside a framework (route procedure %q)", DirectAward)
	}
	switch {
	case framework:
		return true, "s.51(3)(d)", "a contract awarded in accordance with a framework"
	case proc == procedureDynamicMarket:
		return true, "s.51(3)(e)", "a contract awarded by reference to a dynamic market"
	case r.lot.ContractType == LightTouch:
		return true, "s.51(3)(f)", "a light touch contract"
	case proc != DirectAward:
		return false, "", ""
	}
	switch r.o.DirectAward {
	case ExtremeUrgency:
		return true, "s.51(3)(a)", "a direct award for extreme and unavoidable urgency (Sch. 5 para 13)"
	case ProtectLife:
		return true, "s.51(3)(b)", "a direct award to protect life (regulations under s.42)"
	case PrivateUtility:
		return true, "s.51(3)(c)", "a direct award by a private utility"
	case "":
		r.note("the direct award's ground is not stated (TimelineOptions.DirectAward): only s.51(3)(a)–(c) exempt a direct award, so the mandatory standstill is taken to apply")
	}
	return false, "", ""
}

// act computes the Procurement Act 2023 timeline.
func (r *timelineRun) act() {
	if r.o.BelowThreshold {
		r.belowThreshold(citeBelowPA, "below threshold the contract is not a public contract: no mandatory standstill, and no contract details notice under s.53")
		r.out.Notice = "contract details notice, if the contract is notifiable (not less than £12,000 for central government, £30,000 otherwise)"
		r.step(date.Date{}, "Procurement Act 2023 s.87(3)–(4)", true, "a notifiable below-threshold contract's contract details notice is due as soon as reasonably practicable after entry: the Act sets no day")
		return
	}
	exempt, para, what := r.actExemption()
	days, kind := r.actDays(exempt, para)
	w := r.table.AnyPart()
	r.out.WorkingDays = w.Describe()
	r.out.Standstill, r.out.Days = kind, days
	if len(r.ps) > 0 {
		return
	}
	if days == 0 {
		r.out.EarliestEntry = r.out.Sent
		r.step(r.out.Sent, "Procurement Act 2023 "+para+"; "+citeS50, true,
			"no standstill: %s is exempt from the mandatory standstill and the notice provides for none, so the contract may be entered into once the contract award notice is published", what)
	} else if !r.countStandstill(w, days, kind, what, para) {
		return
	}
	r.entry()
	r.detailsNotice()
}

// actDays settles the standstill's length in working days.
func (r *timelineRun) actDays(exempt bool, para string) (int, StandstillKind) {
	const mandatory = 8
	n := r.o.StandstillDays
	switch {
	case n > 0 && n < mandatory && exempt:
		r.problem("standstillDays", fmt.Sprint(n), "at-least-eight", "a voluntary standstill may not be less than eight working days beginning with the day the notice is published (%s)", citeS51Vol)
	case n > 0 && n < mandatory:
		r.problem("standstillDays", fmt.Sprint(n), "at-least-eight", "the mandatory standstill is eight working days (%s); a shorter one in the notice has no effect: leave it 0", citeS51)
	case exempt && n == 0:
		return 0, NoStandstill
	case exempt:
		return n, VoluntaryStandstill
	case n > mandatory:
		return n, LongerStandstill
	}
	return mandatory, MandatoryStandstill
}

// countStandstill counts a Procurement Act 2023 standstill of n working
// days beginning with the day the notice is published.
func (r *timelineRun) countStandstill(w calendar.WorkingDays, n int, kind StandstillKind, what, para string) bool {
	if !r.startsOnWorkingDay(w, citeS123) {
		return false
	}
	end, skipped, err := w.PeriodEnd(r.out.Sent, n)
	if err != nil {
		r.problem("sent", r.out.Sent.String(), "holiday-table", "%s", err)
		return false
	}
	r.out.End, r.out.NonWorking, r.out.EarliestEntry = end, skipped, end.AddDays(1)
	cite, which := citeS51, "the mandatory standstill"
	switch kind {
	case LongerStandstill:
		cite, which = "Procurement Act 2023 s.51(1)(b)", "the standstill the notice provides for, longer than the mandatory eight working days,"
	case VoluntaryStandstill:
		cite, which = "Procurement Act 2023 "+para+", s.51(4)–(5)", "the voluntary standstill ("+what+" is exempt from the mandatory one)"
	}
	verified := !r.unverifiedHolidays()
	r.step(r.out.Sent, cite, true, "contract award notice published: the first of %d working days (not working days: %s, %s)", n, w.Describe(), citeS123)
	r.step(end, cite, verified, "%s ends at midnight at the end of this day, the %s working day", which, ordinal(n))
	r.step(r.out.EarliestEntry, citeS51, verified, "the first day the contract may be entered into")
	return true
}

// detailsNotice sets the contract details notice's deadline (s.53(1)).
func (r *timelineRun) detailsNotice() {
	n, para := 30, "(b)"
	if r.lot.ContractType == LightTouch {
		n, para = 120, "(a)"
	}
	r.out.Notice = "contract details notice"
	r.out.NoticeDeadline = r.out.EnteredInto.AddDays(n - 1)
	r.step(r.out.NoticeDeadline, citeS53+para, true,
		"the last day to publish the contract details notice: the end of the period of %d days beginning with the day the contract is entered into (%s)", n, r.entryWords())
}

// entryWords says which entry day the notice is counted from.
func (r *timelineRun) entryWords() string {
	if r.out.EntryAssumed {
		return "taken as " + r.out.EnteredInto.Long() + ", the first day allowed; a later day of entry moves it"
	}
	return r.out.EnteredInto.Long()
}

// belowThreshold records that no statutory standstill applies.
func (r *timelineRun) belowThreshold(cite, what string) {
	r.out.Standstill = NoStandstill
	r.out.EarliestEntry = r.out.Sent
	r.step(r.out.Sent, cite, true, "%s", what)
	r.entry()
}

// regulations computes the PCR 2015 timeline.
func (r *timelineRun) regulations() {
	if r.t.Authority.Nation == Scotland {
		r.problem("authority.nation", string(Scotland), "pcr-extent", "PCR 2015 Parts 2 and 3 do not extend to Scotland (reg 1(7)): a Scottish authority's standstill is under Scottish regulations, not modelled")
	}
	if r.o.StandstillDays != 0 {
		r.problem("standstillDays", fmt.Sprint(r.o.StandstillDays), "pa-2023-only", "a standstill in working days provided for in the notice is a Procurement Act 2023 rule (s.51); PCR 2015's is reg 87's")
	}
	if r.o.DirectAward != "" {
		r.problem("directAward", string(r.o.DirectAward), "pa-2023-only", "direct award grounds decide the standstill under the Procurement Act 2023 only")
	}
	div := calendar.EnglandAndWales
	switch r.t.Authority.Nation {
	case NorthernIreland:
		div = calendar.NorthernIreland
	case "":
		r.note("the authority's nation is not stated (authority.nation): England is assumed, so England and Wales's bank holidays count")
	}
	w := r.table.In(div)
	r.out.WorkingDays = w.Describe()
	if len(r.ps) > 0 {
		return
	}
	if r.o.BelowThreshold {
		r.belowThreshold(citeBelowPCR, "below threshold the contract is outside Part 2, so regulations 86 and 87 (Part 3, Chapter 5) do not apply: no standstill")
		return
	}
	framework := strings.TrimSpace(r.route.Framework) != ""
	if framework || strings.TrimSpace(r.route.Procedure) == DirectAward {
		what := "(c): a contract awarded under a framework agreement"
		if !framework {
			what = "(a): a contract awarded without prior publication of a contract notice"
		}
		r.out.Standstill, r.out.EarliestEntry = NoStandstill, r.out.Sent
		r.step(r.out.Sent, citeReg86Exem, true, "no regulation 86 notice is required%s, so no regulation 87 standstill", " under reg 86(5)"+what)
	} else if !r.countTenDays(w) {
		return
	}
	r.entry()
	if framework {
		r.step(date.Date{}, "PCR 2015 reg 50(4)", true, "no contract award notice is required for each contract based on a framework agreement")
		return
	}
	r.awardNotice(w)
}

// countTenDays counts regulation 87's standstill.
func (r *timelineRun) countTenDays(w calendar.WorkingDays) bool {
	if !r.startsOnWorkingDay(w, "PCR 2015 reg 2(1)") {
		return false
	}
	tenth := r.out.Sent.AddDays(10)
	end, skipped, err := w.OnOrAfter(tenth)
	if err != nil {
		r.problem("sent", r.out.Sent.String(), "holiday-table", "%s", err)
		return false
	}
	r.out.Standstill, r.out.Days = Regulation87Standstill, 10
	r.out.End, r.out.NonWorking, r.out.EarliestEntry = end, skipped, end.AddDays(1)
	// The reading of reg 2(1) (which part's holidays count) decides a
	// moved end, so a moved end and the entry after it are not verified.
	verified := !r.unverifiedHolidays() && end == tenth
	r.note("PCR 2015 reg 2(1) does not say which part's bank holidays make a day not a working day: the authority's own part is taken (a reading)")
	r.note("notices sent by means other than electronic are not modelled (reg 87(3), (5): 15 days); a sole tenderer with no candidates needs no notice (reg 86(5)(b))")
	r.step(r.out.Sent, citeReg87, true, "the last regulation 86 notice sent by electronic means")
	if end == tenth {
		r.step(end, citeReg87, verified, "the standstill ends at midnight at the end of the 10th day after sending")
	} else {
		var why []string
		for _, s := range skipped {
			why = append(why, s.String())
		}
		r.step(end, citeReg87+"; "+citeReg2, false,
			"the 10th day after sending, %s, is not a working day (%s), so the standstill ends at midnight at the end of the next working day", tenth.Long(), strings.Join(why, "; "))
	}
	r.step(r.out.EarliestEntry, "PCR 2015 reg 87(1)", verified, "the first day the contract may be entered into")
	return true
}

// awardNotice sets PCR 2015's contract award notice deadline (reg 50(1)).
func (r *timelineRun) awardNotice(w calendar.WorkingDays) {
	thirtieth := r.out.EnteredInto.AddDays(30)
	last, _, err := w.OnOrAfter(thirtieth)
	if err != nil {
		r.problem("enteredInto", r.out.EnteredInto.String(), "holiday-table", "%s", err)
		return
	}
	r.out.Notice, r.out.NoticeDeadline = "contract award notice", last
	r.step(last, citeReg50, false,
		"the last day to send the contract award notice: 30 days after the award (read as the day the contract is entered into: %s), moved to the next working day if need be", r.entryWords())
}
