package calendar

import "fmt"

// Division is a part of the United Kingdom with its own bank holidays, as
// the Banking and Financial Dealings Act 1971 Schedule 1 divides them and
// GOV.UK publishes them.
type Division string

// Divisions of the United Kingdom.
const (
	EnglandAndWales Division = "england-and-wales"
	Scotland        Division = "scotland"
	NorthernIreland Division = "northern-ireland"
)

// Divisions lists every division in a fixed order.
func Divisions() []Division { return []Division{EnglandAndWales, Scotland, NorthernIreland} }

// Name returns the division as people write it: "England and Wales".
func (d Division) Name() string {
	switch d {
	case EnglandAndWales:
		return "England and Wales"
	case Scotland:
		return "Scotland"
	case NorthernIreland:
		return "Northern Ireland"
	}
	return string(d)
}

// Check reports an unknown division.
func (d Division) Check() error {
	for _, k := range Divisions() {
		if d == k {
			return nil
		}
	}
	return fmt.Errorf("division %q: want %s, %s or %s", string(d), EnglandAndWales, Scotland, NorthernIreland)
}

// Basis is why a day is a holiday.
type Basis string

// Bases.
const (
	// Schedule1 is a day the Banking and Financial Dealings Act 1971
	// Schedule 1 names for the division (para 1 England and Wales, para 2
	// Scotland, para 3 Northern Ireland).
	Schedule1 Basis = "schedule-1"
	// Proclamation is a day appointed by royal proclamation under section
	// 1(2) (in place of a Schedule 1 day) or 1(3) (a special day) of the Act,
	// or, for Northern Ireland, by the Secretary of State (s.1(5)): New
	// Year's Day and the early May bank holiday in England and Wales and
	// Northern Ireland, the spring holiday and Boxing Day in Scotland, the
	// Battle of the Boyne, substitute days and one-off days.
	Proclamation Basis = "proclamation"
	// CommonLaw is Christmas Day or Good Friday in England and Wales or
	// Northern Ireland: customary holidays that GOV.UK lists with the bank
	// holidays, not bank holidays under the Act there (both are under
	// Schedule 1 para 2 in Scotland).
	CommonLaw Basis = "common-law"
)
