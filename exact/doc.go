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
// It owns numbers only; it knows nothing of tenders, criteria or bids.
package exact
