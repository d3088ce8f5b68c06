// Package calendar holds the bank holidays of each part of the United
// Kingdom and counts working days with them: the days the statutory
// periods of procurement law are counted in.
//
// It owns a [Table] of bank holidays per [Division] (England and Wales,
// Scotland, Northern Ireland), each row with its basis and source: the
// days the Banking and Financial Dealings Act 1971 Schedule 1 names, and
// the days appointed each year by royal proclamation under its section 1
// (substitute days, New Year's Day and the early May bank holiday in England
// and Wales, the Battle of the Boyne in Northern Ireland, one-off days). The
// built-in table ([UKBankHolidays]) covers 2024 to 2030: 2024–2027 as
// GOV.UK publishes them, 2028–2030 worked out from Schedule 1 and the
// pattern of the yearly proclamations, the proclaimed days marked not
// verified until proclaimed.
//
// A table is data: [Table.With] and [Table.Update] return a new table with
// the caller's rows, [LoadJSON] reads a table written as JSON and
// [LoadGovUK] reads GOV.UK's own bank-holidays.json, so a caller adds a
// year, a substitute day or a one-off holiday without a new release.
//
// [WorkingDays] says which days are working days — not a Saturday or
// Sunday and not a bank holiday in the divisions chosen — and counts
// periods of working days. A date in a year the table does not cover is an
// error, never a guess.
//
// It knows nothing of procurement: which divisions count for which law is
// the caller's business (package score's award timeline).
package calendar
