// Package xlsx reads and writes the Excel workbooks (.xlsx, Office Open
// XML) an evaluation team works in: bids and evaluators' marks read from a
// workbook wherever CSV files are read; the workbook evaluators fill in,
// made from the tender ([WriteTemplate]); and the evaluation matrix of a
// result ([WriteMatrix]).
//
// Why a package of its own, and here: package tenderfile owns the file
// format and its layouts; a workbook is one more container for the same
// layouts, so this package sits beside tenderfile (importing it, as the
// design's "format packages beside it" says) rather than inside it. A
// program that reads YAML tenders then carries no spreadsheet library, and
// this package, with excelize and its dependencies, is imported only where
// workbooks are wanted. It is named xlsx, after the format, as
// encoding/json is after JSON.
//
// It does not own the layouts (tenderfile.Layouts), validation of what the
// bids mean (score.Tender.Validate, located by tenderfile.Source), or
// scoring. It uses github.com/xuri/excelize/v2 for OOXML itself: the
// package, shared strings, styles, number formats, data validation, sheet
// protection.
//
// # Reading
//
// A workbook holds one sheet per layout, named as the layout is (bids,
// prices, marks, gates, commitments, tiebreaks; case aside), each with the
// layout's header in row 1, its columns in any order. [Read] turns the
// sheets into tenderfile.Table values, which tenderfile.ReadBidsTables
// joins with CSV files and other workbooks by bid id; [ReadBids] does both
// for one workbook. Every problem names the workbook, sheet and cell:
//
//	bids.xlsx:marks!D7: mark: the cell stores 0.30000000000000004, a binary floating-point artefact … (value "0.30000000000000004", rule float-artefact)
//
// Cells are read from what the file stores, never through floating point:
// numbers as their stored digits, whatever the format shows; a stored
// number with more than [MaxSignificantDigits] significant digits is an
// artefact of a calculation and is refused; dates from date cells (serial
// days in the workbook's 1900 or 1904 date system, the 1900 leap-year bug
// kept) or ISO 8601 text; formula cells from the results saved with them,
// with a [Note]. An old .xls, an encrypted workbook, an OpenDocument or
// binary workbook, a missing sheet or header, and merged cells are each an
// error saying what to do.
//
// A workbook may come from a bidder: its size, what it expands to, its
// parts, columns and cells are bounded ([MaxFileBytes],
// [MaxUnzippedBytes], [MaxParts], [MaxColumns], [MaxCells]), and its sheets
// are scanned and bounded before excelize reads them.
//
// # Writing
//
// Text written to a cell that a spreadsheet could take for a formula — one
// starting with =, +, -, @, a tab or a carriage return — is written with a
// leading apostrophe (the OWASP "CSV injection" advice), so that a bidder's
// name cannot run as a formula on an evaluator's machine; numbers are
// written as numbers.
package xlsx
