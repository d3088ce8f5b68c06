//go:build !race

package tenderfile

// raceEnabled is true under the race detector, whose instrumentation makes
// memory measurements meaningless.
const raceEnabled = false
