// Package report renders a score.Result for people and programs: plain text
// for a whole lot or for one bid, and JSON.
//
// The text explains every number: each criterion's input, the working with
// the actual numbers, the points and the rounding, down to every
// sub-criterion, then the total with its sum. The JSON carries the same
// content with every decimal as a string (an exact fraction that does not
// terminate is written "num/den"), in a fixed field order, so the same
// result always gives the same bytes.
//
// What it does not own: scoring (package score) and the confidentiality of
// one bidder's assessment summary (a later renderer built on the same
// Result; the Step.Uses of every working line says whose figures it shows).
package report
