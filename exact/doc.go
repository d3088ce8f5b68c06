// Package exact holds the exact arithmetic tenderscore scores with: a
// [Fraction] of two decimals that is never divided until a declared
// [Rounding] says how, and the number formats used in explanations.
//
// Every score in tenderscore is a ratio of amounts: lowest price over this
// bid's price, a mark over the maximum mark, a weight over the sum of its
// siblings' weights. Dividing early would lose digits and could tip a value
// that is exactly half-way (364.775, 2.675) to the wrong side when it is
// later rounded. A Fraction keeps numerator and denominator apart, so a value
// is rounded once, exactly, where the evaluation policy declares.
//
// The package never touches the package-level settings of
// github.com/shopspring/decimal (its default division precision and the
// like): precision is always passed explicitly.
//
// Where an analysis asks one figure at many steps (a bid's points at each
// hundredth of a shift of weight), [Steps] and [QuoUnits] round in machine
// integers what the Fraction would round, and say when they cannot.
//
// It owns numbers only; it knows nothing of tenders, criteria or bids.
package exact
