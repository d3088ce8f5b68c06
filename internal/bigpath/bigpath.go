// Package bigpath lets a test switch package exact to its big-number path,
// so that the same evaluation can be run on both paths and the results
// compared. Nothing outside tests sets it: package exact chooses its path
// itself, and a caller never does.
//
// The switch is the one piece of package-level state in the module. It can
// change no result — that is exactly what the tests that set it check — only
// how a result is computed; it is an atomic counter, so tests that force the
// big path may run in parallel with each other and with tests that do not.
package bigpath

import "sync/atomic"

var forced atomic.Int32

// Force makes package exact compute every operation on big numbers until
// the returned function is called.
func Force() (restore func()) {
	forced.Add(1)
	return func() { forced.Add(-1) }
}

// Forced reports whether the big-number path is forced.
func Forced() bool { return forced.Load() > 0 }
