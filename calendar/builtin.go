package calendar

import "github.com/tenderscore/tenderscore/date"

// FirstBuiltInYear and LastBuiltInYear bound the years [UKBankHolidays]
// covers; LastPublishedYear is the last year taken from GOV.UK's data, the
// years after it being worked out by [Expected].
const (
	FirstBuiltInYear  = 2024
	LastPublishedYear = 2027
	LastBuiltInYear   = 2030
)

// govUK holds GOV.UK's published bank holidays for 2024 to 2027, division
// by division, as bank-holidays.json gives them ("Substitute day" in its
// notes marked sub).
var govUK = []struct {
	div   Division
	day   string
	title string
	sub   bool
}{
	{EnglandAndWales, "2024-01-01", "New Year’s Day", false},
	{EnglandAndWales, "2024-03-29", "Good Friday", false},
	{EnglandAndWales, "2024-04-01", "Easter Monday", false},
	{EnglandAndWales, "2024-05-06", "Early May bank holiday", false},
	{EnglandAndWales, "2024-05-27", "Spring bank holiday", false},
	{EnglandAndWales, "2024-08-26", "Summer bank holiday", false},
	{EnglandAndWales, "2024-12-25", "Christmas Day", false},
	{EnglandAndWales, "2024-12-26", "Boxing Day", false},
	{EnglandAndWales, "2025-01-01", "New Year’s Day", false},
	{EnglandAndWales, "2025-04-18", "Good Friday", false},
	{EnglandAndWales, "2025-04-21", "Easter Monday", false},
	{EnglandAndWales, "2025-05-05", "Early May bank holiday", false},
	{EnglandAndWales, "2025-05-26", "Spring bank holiday", false},
	{EnglandAndWales, "2025-08-25", "Summer bank holiday", false},
	{EnglandAndWales, "2025-12-25", "Christmas Day", false},
	{EnglandAndWales, "2025-12-26", "Boxing Day", false},
	{EnglandAndWales, "2026-01-01", "New Year’s Day", false},
	{EnglandAndWales, "2026-04-03", "Good Friday", false},
	{EnglandAndWales, "2026-04-06", "Easter Monday", false},
	{EnglandAndWales, "2026-05-04", "Early May bank holiday", false},
	{EnglandAndWales, "2026-05-25", "Spring bank holiday", false},
	{EnglandAndWales, "2026-08-31", "Summer bank holiday", false},
	{EnglandAndWales, "2026-12-25", "Christmas Day", false},
	{EnglandAndWales, "2026-12-28", "Boxing Day", true},
	{EnglandAndWales, "2027-01-01", "New Year’s Day", false},
	{EnglandAndWales, "2027-03-26", "Good Friday", false},
	{EnglandAndWales, "2027-03-29", "Easter Monday", false},
	{EnglandAndWales, "2027-05-03", "Early May bank holiday", false},
	{EnglandAndWales, "2027-05-31", "Spring bank holiday", false},
	{EnglandAndWales, "2027-08-30", "Summer bank holiday", false},
	{EnglandAndWales, "2027-12-27", "Christmas Day", true},
	{EnglandAndWales, "2027-12-28", "Boxing Day", true},

	{Scotland, "2024-01-01", "New Year’s Day", false},
	{Scotland, "2024-01-02", "2nd January", false},
	{Scotland, "2024-03-29", "Good Friday", false},
	{Scotland, "2024-05-06", "Early May bank holiday", false},
	{Scotland, "2024-05-27", "Spring bank holiday", false},
	{Scotland, "2024-08-05", "Summer bank holiday", false},
	{Scotland, "2024-12-02", "St Andrew’s Day", true},
	{Scotland, "2024-12-25", "Christmas Day", false},
	{Scotland, "2024-12-26", "Boxing Day", false},
	{Scotland, "2025-01-01", "New Year’s Day", false},
	{Scotland, "2025-01-02", "2nd January", false},
	{Scotland, "2025-04-18", "Good Friday", false},
	{Scotland, "2025-05-05", "Early May bank holiday", false},
	{Scotland, "2025-05-26", "Spring bank holiday", false},
	{Scotland, "2025-08-04", "Summer bank holiday", false},
	{Scotland, "2025-12-01", "St Andrew’s Day", true},
	{Scotland, "2025-12-25", "Christmas Day", false},
	{Scotland, "2025-12-26", "Boxing Day", false},
	{Scotland, "2026-01-01", "New Year’s Day", false},
	{Scotland, "2026-01-02", "2nd January", false},
	{Scotland, "2026-04-03", "Good Friday", false},
	{Scotland, "2026-05-04", "Early May bank holiday", false},
	{Scotland, "2026-05-25", "Spring bank holiday", false},
	{Scotland, "2026-08-03", "Summer bank holiday", false},
	{Scotland, "2026-11-30", "St Andrew’s Day", false},
	{Scotland, "2026-12-25", "Christmas Day", false},
	{Scotland, "2026-12-28", "Boxing Day", true},
	{Scotland, "2027-01-01", "New Year’s Day", false},
	{Scotland, "2027-01-04", "2nd January", true},
	{Scotland, "2027-03-26", "Good Friday", false},
	{Scotland, "2027-05-03", "Early May bank holiday", false},
	{Scotland, "2027-05-31", "Spring bank holiday", false},
	{Scotland, "2027-08-02", "Summer bank holiday", false},
	{Scotland, "2027-11-30", "St Andrew’s Day", false},
	{Scotland, "2027-12-27", "Christmas Day", true},
	{Scotland, "2027-12-28", "Boxing Day", true},

	{NorthernIreland, "2024-01-01", "New Year’s Day", false},
	{NorthernIreland, "2024-03-18", "St Patrick’s Day", true},
	{NorthernIreland, "2024-03-29", "Good Friday", false},
	{NorthernIreland, "2024-04-01", "Easter Monday", false},
	{NorthernIreland, "2024-05-06", "Early May bank holiday", false},
	{NorthernIreland, "2024-05-27", "Spring bank holiday", false},
	{NorthernIreland, "2024-07-12", "Battle of the Boyne (Orangemen’s Day)", false},
	{NorthernIreland, "2024-08-26", "Summer bank holiday", false},
	{NorthernIreland, "2024-12-25", "Christmas Day", false},
	{NorthernIreland, "2024-12-26", "Boxing Day", false},
	{NorthernIreland, "2025-01-01", "New Year’s Day", false},
	{NorthernIreland, "2025-03-17", "St Patrick’s Day", false},
	{NorthernIreland, "2025-04-18", "Good Friday", false},
	{NorthernIreland, "2025-04-21", "Easter Monday", false},
	{NorthernIreland, "2025-05-05", "Early May bank holiday", false},
	{NorthernIreland, "2025-05-26", "Spring bank holiday", false},
	{NorthernIreland, "2025-07-14", "Battle of the Boyne (Orangemen’s Day)", true},
	{NorthernIreland, "2025-08-25", "Summer bank holiday", false},
	{NorthernIreland, "2025-12-25", "Christmas Day", false},
	{NorthernIreland, "2025-12-26", "Boxing Day", false},
	{NorthernIreland, "2026-01-01", "New Year’s Day", false},
	{NorthernIreland, "2026-03-17", "St Patrick’s Day", false},
	{NorthernIreland, "2026-04-03", "Good Friday", false},
	{NorthernIreland, "2026-04-06", "Easter Monday", false},
	{NorthernIreland, "2026-05-04", "Early May bank holiday", false},
	{NorthernIreland, "2026-05-25", "Spring bank holiday", false},
	{NorthernIreland, "2026-07-13", "Battle of the Boyne (Orangemen’s Day)", true},
	{NorthernIreland, "2026-08-31", "Summer bank holiday", false},
	{NorthernIreland, "2026-12-25", "Christmas Day", false},
	{NorthernIreland, "2026-12-28", "Boxing Day", true},
	{NorthernIreland, "2027-01-01", "New Year’s Day", false},
	{NorthernIreland, "2027-03-17", "St Patrick’s Day", false},
	{NorthernIreland, "2027-03-26", "Good Friday", false},
	{NorthernIreland, "2027-03-29", "Easter Monday", false},
	{NorthernIreland, "2027-05-03", "Early May bank holiday", false},
	{NorthernIreland, "2027-05-31", "Spring bank holiday", false},
	{NorthernIreland, "2027-07-12", "Battle of the Boyne (Orangemen’s Day)", false},
	{NorthernIreland, "2027-08-30", "Summer bank holiday", false},
	{NorthernIreland, "2027-12-27", "Christmas Day", true},
	{NorthernIreland, "2027-12-28", "Boxing Day", true},
}

// UKBankHolidays returns the built-in table, afresh on every call: the bank
// holidays of every division from 2024 to 2030. 2024–2027 are GOV.UK's
// published days (verified), each with its basis under the Banking and
// Financial Dealings Act 1971; 2028–2030 are [Expected]'s, their
// proclaimed days not verified. Add later years, or replace expected ones
// with GOV.UK's when published, with [Table.Update] and [LoadGovUK].
func UKBankHolidays() Table {
	var t Table
	for _, r := range govUK {
		d, err := date.Parse(r.day)
		if err != nil {
			continue // a typo here is caught by TestBuiltInTable
		}
		h := Holiday{Date: d, Division: r.div, Title: r.title, Basis: basisOf(r.div, d, r.title), Source: SourceGovUK, Verified: true}
		if r.sub {
			h.Note = "substitute day"
		}
		t.Holidays = append(t.Holidays, h)
	}
	for y := LastPublishedYear + 1; y <= LastBuiltInYear; y++ {
		t.Holidays = append(t.Holidays, Expected(y).Holidays...)
	}
	t.Holidays = sorted(t.Holidays)
	return t
}
